/**
 * Which hosts online mode needs, as the optional host permissions it asks for, and which
 * origins the extension asks. A normal build asks Wikipedia and Wikidata; a test build
 * (BACKSTORY_WIKIPEDIA_URL / BACKSTORY_WIKIDATA_URL set when it is built, see wxt.config.ts)
 * asks the local stand-in instead, and only that build.
 */
import { DEFAULT_ORIGINS, type Origins } from './endpoints.ts';

/** What a normal build declares (MV3 optional_host_permissions, Firefox MV2 optional_permissions) and requests. */
export const ONLINE_HOST_PERMISSIONS = ['https://*.wikipedia.org/*', 'https://www.wikidata.org/*'];

/** Replaced at build time by wxt.config.ts (null in a normal build); undefined outside a WXT build (tests). */
declare const __BACKSTORY_TEST_ORIGINS__: Origins | null | undefined;

/** The origins the extension's online mode asks. */
export function extensionOrigins(): Origins {
  const test = typeof __BACKSTORY_TEST_ORIGINS__ === 'undefined' ? null : __BACKSTORY_TEST_ORIGINS__;
  return test ?? DEFAULT_ORIGINS;
}

/** Match patterns for the origins' hosts (patterns carry no port). */
export function hostPermissionsFor(o: Origins): string[] {
  if (o.wikipedia === DEFAULT_ORIGINS.wikipedia && o.wikidata === DEFAULT_ORIGINS.wikidata)
    return [...ONLINE_HOST_PERMISSIONS];
  const patterns = [o.wikipedia, o.wikidata].map((origin) => {
    const u = new URL(origin);
    return `${u.protocol}//${u.hostname}/*`;
  });
  return [...new Set(patterns)];
}

/** The sentence every switch and offer shows: exactly what is sent, and to whom. */
export const WHAT_IS_SENT =
  'Only the name or Wikipedia title of each entity is sent, to Wikipedia and Wikidata (Wikimedia Foundation) — never the page’s address or its text.';

/** Words shown for entity types and sources; one place so the UI speaks consistently. */
import type { EntityType } from '../../lib/engine/types.ts';

export const TYPE_LABEL: Record<EntityType, string> = {
  organization: 'Organisation',
  person: 'Person',
  country: 'Country',
  place: 'Place',
  initiative: 'Programme',
  event: 'Event',
  group: 'Group',
  concept: 'Concept',
};

export { formatValue, formatNumber, hostOf } from '../../lib/format/facts.ts';
export { wikipediaPageUrl as wikipediaUrl } from '../../lib/online/endpoints.ts';

/** Only https links are ever rendered as links: a pack cannot smuggle javascript: (or plain-http) URLs into the UI. */
export function safeHref(url: string | undefined | null): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export function wikipediaSearchUrl(name: string): string {
  return `https://en.wikipedia.org/w/index.php?search=${encodeURIComponent(name)}`;
}

export function newsSearchUrl(name: string): string {
  return `https://news.google.com/search?q=${encodeURIComponent(`"${name}"`)}`;
}

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

export function formatValue(value: string | number, unit?: string): string {
  // Numbers written as bare digit strings in a pack ("21893095") read better grouped too.
  const n = typeof value === 'string' && /^\d{5,}$/.test(value) ? Number(value) : value;
  const v = typeof n === 'number' ? formatNumber(n) : n;
  return unit ? `${v} ${unit}` : v;
}

/**
 * A number as `toLocaleString('en-GB')` writes it (thousands grouped with commas, at most
 * three decimals), without Intl: the first Intl number format in a page costs Chrome
 * ~20 ms of ICU set-up, which would land in the first hover card (budget: 16 ms).
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return n.toLocaleString('en-GB');
  const abs = Math.abs(n);
  // Integers (and anything too large to carry decimals) as their shortest digits; others rounded to 3 places.
  const digits =
    Number.isInteger(abs) || abs >= 1e15
      ? abs.toFixed(0)
      : (Math.round(abs * 1000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  const [int = '0', frac] = digits.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return `${sign}${grouped}${frac ? `.${frac}` : ''}`;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

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

export function wikipediaUrl(title: string): string {
  return `https://en.wikipedia.org/wiki/${encodeURIComponent(title.replace(/ /g, '_'))}`;
}

export function wikipediaSearchUrl(name: string): string {
  return `https://en.wikipedia.org/w/index.php?search=${encodeURIComponent(name)}`;
}

export function newsSearchUrl(name: string): string {
  return `https://news.google.com/search?q=${encodeURIComponent(`"${name}"`)}`;
}

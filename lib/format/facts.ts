/**
 * One place that turns a fact into words: its value with qualifier and unit, its as-of date,
 * whether it may have changed, and its source as a citation. Used by the sidebar list, the
 * detail view, the hover card, the exports, the handout and the CLI, so they all agree.
 * Pure: no DOM, no browser APIs.
 */
import type { Fact, Source } from '../kb/schema.ts';
import { isPossiblyStale } from '../kb/fact-kinds.ts';
import { DATASETS, isStateMedia } from '../kb/provenance.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A number grouped in thousands with at most three decimals, as `toLocaleString('en-GB')`
 * writes it, without Intl: the first Intl number format in a page costs Chrome ~20 ms of ICU
 * set-up, which would land in the first hover card (budget: 16 ms).
 */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e21) return n.toLocaleString('en-GB');
  const abs = Math.abs(n);
  const digits =
    Number.isInteger(abs) || abs >= 1e15
      ? abs.toFixed(0)
      : (Math.round(abs * 1000) / 1000).toFixed(3).replace(/\.?0+$/, '');
  const [int = '0', frac] = digits.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = n < 0 || Object.is(n, -0) ? '-' : '';
  return `${sign}${grouped}${frac ? `.${frac}` : ''}`;
}

/** A whole ISO date (YYYY-MM-DD) anywhere in a text value. */
const ISO_DATE_IN_TEXT = /(?<![\d-])\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\d-])/g;
/**
 * A year and month (YYYY-MM) as the whole value: "Became president: 2019-03". Only there, and
 * not for a season ("2011-12" is as likely the 2011–12 season as December 2011).
 */
const ISO_MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;

/**
 * A value and its unit; bare digit strings of five or more digits are grouped too, and dates in
 * a text value are written as the as-of dates are ("2001-06-15, Shanghai" → "15 Jun 2001, Shanghai").
 */
export function formatValue(value: string | number, unit?: string): string {
  const n = typeof value === 'string' && /^\d{5,}$/.test(value) ? Number(value) : value;
  const v = typeof n === 'number' ? formatNumber(n) : n.replace(ISO_DATE_IN_TEXT, (d) => formatDate(d));
  if (!unit) return v;
  return unit === '%' ? `${v}%` : `${v} ${unit}`;
}

const QUALIFIER_WORD = { approx: 'about', atLeast: 'at least', atMost: 'up to' } as const;

/** Labels of facts whose bare number is a year ("Joined NATO: 1949", "Nobel Peace Prize: 2019"). */
const YEAR_LABEL =
  /\b(year|since|began|begun|founded|born|died|joined|prize|established|formed|elected|adopted|signed|start|end)/i;

/** A whole number that is a year, written as a year: never "1,949". */
function isYear(f: Pick<Fact, 'value' | 'unit' | 'qualifier' | 'label' | 'kind'>): boolean {
  return (
    typeof f.value === 'number' &&
    Number.isInteger(f.value) &&
    f.value >= 1000 &&
    f.value <= 2100 &&
    !f.unit &&
    !f.qualifier &&
    (f.kind === 'history' || YEAR_LABEL.test(f.label))
  );
}

/** "about 1,300 employees", "6,000–6,500 fighters", "69.7%", "Astana", "1949". */
export function formatFactValue(
  f: Pick<Fact, 'value' | 'unit' | 'qualifier' | 'valueTo'> & Partial<Pick<Fact, 'label' | 'kind'>>,
): string {
  if (isYear({ label: '', kind: 'attribute', ...f })) return String(f.value);
  if (f.qualifier === 'range' && typeof f.value === 'number' && typeof f.valueTo === 'number')
    return formatValue(`${formatNumber(f.value)}–${formatNumber(f.valueTo)}`, f.unit);
  const month = typeof f.value === 'string' && ISO_MONTH.test(f.value) && !/season/i.test(f.label ?? '');
  const base = month ? formatValue(formatDate(f.value as string), f.unit) : formatValue(f.value, f.unit);
  return f.qualifier && f.qualifier !== 'range' ? `${QUALIFIER_WORD[f.qualifier]} ${base}` : base;
}

/** What a value looks like with an aside in brackets: `before + aside + after`, so a view can style the aside. */
export interface Bracketed {
  before: string;
  aside: string;
  after: string;
}

/**
 * A value with an aside (an as-of date, a note) in brackets, as one bracket: a value that ends in
 * its own bracket ("Nurlan Yermekbayev (Kazakhstan)") takes the aside inside it, "Nurlan
 * Yermekbayev (Kazakhstan, Jan 2025)", never "(Kazakhstan) (Jan 2025)".
 */
export function bracketed(value: string, aside: string): Bracketed {
  const own = /^(.*\S)\s*\(([^()]+)\)$/su.exec(value);
  if (own) return { before: `${own[1]} (${own[2]}, `, aside, after: ')' };
  return { before: `${value} (`, aside, after: ')' };
}

/** The same as one string; the value alone when there is no aside. */
export function withAside(value: string, aside: string | null | undefined): string {
  if (!aside) return value;
  const b = bracketed(value, aside);
  return `${b.before}${b.aside}${b.after}`;
}

/** "2025", "Aug 2025", "4 Aug 2025" from YYYY, YYYY-MM, YYYY-MM-DD; anything else as written. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y!;
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** The as-of line for a volatile fact: "as of Aug 2025", plus "may have changed" when stale. */
export function asOfText(f: Pick<Fact, 'kind' | 'asOf'>, today: Date = new Date()): string | null {
  if (!f.asOf) return null;
  const base = `as of ${formatDate(f.asOf)}`;
  return isPossiblyStale(f.kind, f.asOf, today) ? `${base} — may have changed` : base;
}

export function isStale(f: Pick<Fact, 'kind' | 'asOf'>, today: Date = new Date()): boolean {
  return isPossiblyStale(f.kind, f.asOf, today);
}

/** A URL's host without "www.", or the text itself when it is not a URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

export interface Citation {
  /** Who published it: the organisation, outlet or dataset's publisher; the host when unknown. */
  publisher: string;
  /** The page or dataset title, when known. */
  title: string | null;
  url: string;
  /** YYYY-MM-DD the source was retrieved and checked, when known. */
  retrieved: string | null;
  /** For a registered dataset: its name, version and licence. */
  dataset: { name: string; version: string; licence: string; url: string } | null;
  /** State-run media: citable only for what a government says. */
  stateMedia: boolean;
}

/** A fact's source as a full citation, filling dataset facts from the registry. */
export function citationOf(source: Source): Citation {
  const ds = source.dataset ? DATASETS.get(source.dataset) : undefined;
  return {
    publisher: source.publisher ?? ds?.publisher ?? hostOf(source.url),
    title: source.title ?? ds?.name ?? null,
    url: source.url,
    retrieved: source.retrieved ?? null,
    dataset: ds ? { name: ds.name, version: ds.version, licence: ds.licence, url: ds.url } : null,
    stateMedia: isStateMedia(source.url),
  };
}

/** The short form the sidebar shows beside a link: "TASS (state media) · retrieved 4 Dec 2026". */
export function sourceLine(c: Citation): string {
  const parts = [c.stateMedia ? `${c.publisher} (state media)` : c.publisher];
  if (c.retrieved) parts.push(`retrieved ${formatDate(c.retrieved)}`);
  return parts.join(' · ');
}

/**
 * The citation as one line of plain text, for exports and the handout:
 * Publisher. "Title". Dataset name, version (licence). URL (retrieved 4 Dec 2026).
 */
export function citationText(c: Citation): string {
  const parts = [c.stateMedia ? `${c.publisher} (state media)` : c.publisher];
  if (c.title && c.title !== c.dataset?.name) parts.push(`“${c.title}”`);
  if (c.dataset) parts.push(`${c.dataset.name}, version ${c.dataset.version} (${c.dataset.licence})`);
  const tail = c.retrieved ? `${c.url} (retrieved ${formatDate(c.retrieved)})` : c.url;
  return `${parts.join('. ')}. ${tail}`;
}

/** One fact as a line of plain text with its full citation, for the handout and text exports. */
export function factLine(f: Fact, today: Date = new Date()): string {
  const when = asOfText(f, today);
  return `${f.label}: ${withAside(formatFactValue(f), f.note)}${when ? `, ${when}` : ''}. Source: ${citationText(citationOf(f.source))}`;
}

/** Kinds in the order a one-line summary should prefer them: what changes and matters first. */
const LEAD_ORDER: Fact['kind'][] = [
  'office',
  'population',
  'membership',
  'count',
  'economy',
  'status',
  'history',
  'measure',
  'attribute',
];

/**
 * The fact worth a single line in the entity list: by kind (an office or a population before a
 * founding date, an official name last), skipping values that only repeat the entity's name.
 */
export function leadFact(facts: Fact[], name: string): Fact | undefined {
  const useful = facts.filter((f) => String(f.value).toLowerCase() !== name.toLowerCase());
  return [...useful].sort((a, b) => LEAD_ORDER.indexOf(a.kind) - LEAD_ORDER.indexOf(b.kind))[0];
}

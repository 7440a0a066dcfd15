/**
 * Fact kinds and how fast each goes stale (data/fact-kinds.json). The kind decides whether a
 * fact carries an as-of date and when the reader is told a value "may have changed".
 */
import table from '../../data/fact-kinds.json';

export const FACT_KIND_NAMES = [
  'office',
  'membership',
  'count',
  'population',
  'economy',
  'status',
  'history',
  'attribute',
  'measure',
] as const;
export type FactKind = (typeof FACT_KIND_NAMES)[number];

interface KindInfo {
  volatile: boolean;
  staleAfterMonths?: number;
  means: string;
}
const KINDS = table.kinds as Record<FactKind, KindInfo>;
const INFER: [FactKind, RegExp][] = (table.infer as [string, string][]).map(([kind, re]) => [
  kind as FactKind,
  new RegExp(re, 'i'),
]);

export function isVolatileKind(kind: FactKind): boolean {
  return KINDS[kind].volatile;
}

/**
 * The kind a label most likely names, for packs that do not say ("Born" → history). A number
 * whose label names nothing known is taken for a count ("Dams: 12"), which keeps its date.
 */
export function inferFactKind(label: string, value?: string | number): FactKind {
  for (const [kind, re] of INFER) {
    if (kind === 'attribute' && typeof value === 'number') return 'count';
    if (re.test(label.trim())) return kind;
  }
  return 'attribute';
}

/** Months after its as-of date at which a fact of this kind may no longer be true; null: never. */
export function staleAfterMonths(kind: FactKind): number | null {
  return KINDS[kind].volatile ? (KINDS[kind].staleAfterMonths ?? 12) : null;
}

/**
 * Whether a volatile fact dated `asOf` (YYYY, YYYY-MM or YYYY-MM-DD) is older than its kind
 * allows on `today`. A bare year counts from its end, a month from its last day.
 */
export function isPossiblyStale(kind: FactKind, asOf: string | undefined, today: Date): boolean {
  const months = staleAfterMonths(kind);
  if (months === null || !asOf) return false;
  const [y, m] = asOf.split('-').map(Number) as [number, number | undefined];
  const endMonthIndex = y * 12 + (m ? m - 1 : 11);
  const todayIndex = today.getUTCFullYear() * 12 + today.getUTCMonth();
  return todayIndex - endMonthIndex > months;
}

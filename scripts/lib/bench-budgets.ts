/**
 * The benchmark's budgets: limits read from scripts/bench-budgets.json, the measurements
 * taken from a run's results, and checkBudgets, a pure function from the two to a verdict
 * per budget.
 */
import type { PageResult } from './bench-stats.ts';
import { extTaskOf, r1 } from './bench-stats.ts';

export interface BudgetSpec {
  id: string;
  measure: string;
  limit: number;
  unit: string;
  /** Why the limit is what it is. */
  why: string;
}

export interface Measurement {
  /** null: the measurement was attempted and gave no figure (counts as missed). */
  value: number | null;
  note?: string;
}

export interface BudgetResult {
  measure: string;
  limit: number;
  unit: string;
  value: number | null;
  met: boolean;
  /** False when this run did not measure it (a page left out with --pages): neither met nor missed. */
  measured: boolean;
  note?: string;
}

/** Read and check the budgets file's contents: every budget complete, ids unique. */
export function parseBudgets(json: unknown): BudgetSpec[] {
  const list = (json as { budgets?: unknown })?.budgets;
  if (!Array.isArray(list)) throw new Error('bench budgets: no "budgets" list');
  const seen = new Set<string>();
  return list.map((b: Partial<BudgetSpec>, i) => {
    for (const k of ['id', 'measure', 'unit', 'why'] as const)
      if (typeof b?.[k] !== 'string' || !b[k]) throw new Error(`bench budgets: budget ${i} has no ${k}`);
    if (typeof b.limit !== 'number' || !Number.isFinite(b.limit))
      throw new Error(`bench budgets: ${b.id} has no numeric limit`);
    if (seen.has(b.id!)) throw new Error(`bench budgets: ${b.id} is listed twice`);
    seen.add(b.id!);
    return { id: b.id!, measure: b.measure!, limit: b.limit, unit: b.unit!, why: b.why! };
  });
}

/**
 * Each budget against its measurement: met when the value is a finite number at most the
 * limit; missed when it is larger or the measurement gave no figure; not measured when the
 * run has no measurement of that id. Values are reported rounded to one decimal.
 */
export function checkBudgets(
  measurements: Record<string, Measurement>,
  budgets: BudgetSpec[],
): Record<string, BudgetResult> {
  const out: Record<string, BudgetResult> = {};
  for (const b of budgets) {
    const m = measurements[b.id];
    const value = m && m.value !== null && Number.isFinite(m.value) ? m.value : null;
    out[b.id] = {
      measure: b.measure,
      limit: b.limit,
      unit: b.unit,
      value: value === null ? null : r1(value),
      met: value !== null && value <= b.limit,
      measured: m !== undefined,
      ...(m?.note ? { note: m.note } : {}),
    };
  }
  return out;
}

/** The ids measurementsOf can produce: every budget in the file must be one of them. */
export const MEASURED_IDS = [
  'sentinelSize',
  'sentinelMainThread',
  'nonArticleExtraLongTasks',
  'nonArticleExtraHeap',
  'demoReady',
  'article10kFirstHighlights',
  'article10kComplete',
  'extensionLongestTask',
  'articleExtraHeap',
  'hoverWork',
] as const;

/**
 * A run's measurements, by budget id, from its page results and the sentinel's size.
 * A measurement that needs a page the run left out is absent.
 */
export function measurementsOf(results: PageResult[], sentinelBytes: number): Record<string, Measurement> {
  const byId = (id: string) => results.find((r) => r.id === id);
  const demo = byId('demo');
  const a10k = byId('article10k');
  const grid = byId('grid50k');
  const articles = [demo, a10k].filter((r): r is PageResult => !!r);
  const m: Record<string, Measurement> = {
    sentinelSize: { value: sentinelBytes / 1024, note: 'sentinel.js, KB = 1024 bytes' },
  };
  if (results.length) {
    const sentinelWorst = Math.max(0, ...results.map((r) => r.with.sentinelMs ?? 0));
    m.sentinelMainThread = {
      value: sentinelWorst,
      note: 'compile + evaluate + callbacks of sentinel.js, from the trace',
    };
    const worst = results.reduce((best, r) => (extTaskOf(r) > best.ms ? { id: r.id, ms: extTaskOf(r) } : best), {
      id: '',
      ms: 0,
    });
    m.extensionLongestTask = {
      value: worst.ms,
      note: `worst page: ${worst.id}; tasks running extension code, and on articles any task from the first extension script to sidebar ready + 250 ms`,
    };
  }
  if (grid) {
    // Tasks over 50 ms that ran extension code. The raw with/without difference is in the note:
    // the page's own load tasks sit near 50 ms (5-6 of them), so that count moves by ±1 between runs.
    m.nonArticleExtraLongTasks = {
      value: grid.with.extTasksOver50,
      note: `page tasks > 50 ms with / without the extension: ${grid.with.tasksOver50} / ${grid.without.tasksOver50}; longest extension task ${grid.with.extLongestTaskMs} ms`,
    };
    m.nonArticleExtraHeap = { value: grid.extra.heapMB };
  }
  if (demo)
    m.demoReady = {
      value: Math.max(demo.with.loadToHighlightsMs ?? Infinity, demo.with.loadToSidebarMs ?? Infinity),
    };
  if (a10k) {
    m.article10kFirstHighlights = { value: a10k.with.loadToHighlightsMs };
    m.article10kComplete = { value: a10k.with.loadToCompleteMs };
  }
  if (articles.length) {
    m.articleExtraHeap = { value: Math.max(...articles.map((r) => r.extra.heapMB ?? 0)) };
    m.hoverWork = { value: Math.max(...articles.map((r) => r.hover?.workDwellEndToPaintedMs ?? Infinity)) };
  }
  return m;
}

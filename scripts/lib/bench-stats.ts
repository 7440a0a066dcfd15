/** Medians over runs, and one page's result from its runs with and without the extension. */
import type { LoadRow } from './bench-load.ts';
import type { HoverRow } from './bench-hover.ts';

export function median(xs: (number | null | undefined)[]): number | null {
  const v = xs.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m]! : (v[m - 1]! + v[m]!) / 2;
}
/** Rounded to one decimal. */
export const r1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
/** Bytes as MB (1,048,576 bytes), two decimals. */
export const mb = (bytes: number | null) => (bytes === null ? null : Math.round((bytes / 1048576) * 100) / 100);

/** The median of every field over rows of numbers, rounded to one decimal. */
export function medians<T extends object>(rows: T[]): Record<keyof T, number | null> {
  const out = {} as Record<keyof T, number | null>;
  const keys = new Set(rows.flatMap((r) => Object.keys(r))) as Set<keyof T>;
  for (const k of keys) out[k] = r1(median(rows.map((r) => r[k] as unknown as number | null)));
  return out;
}

export interface PageResult {
  id: string;
  article: boolean | null;
  with: Record<keyof LoadRow, number | null>;
  without: Record<keyof LoadRow, number | null>;
  extra: {
    longestTaskMs: number | null;
    tasksOver50: number | null;
    heapMB: number | null;
    heapAfterGcMB: number | null;
  };
  hover: Record<keyof HoverRow, number | null> | null;
  runs: number;
}

/** A page's result: medians with and without the extension, and what the extension adds (run by run, then the median). */
export function pageResult(
  id: string,
  article: boolean | null,
  rowsW: LoadRow[],
  rowsO: LoadRow[],
  hovers: HoverRow[],
): PageResult {
  const w = medians(rowsW);
  const o = medians(rowsO);
  const diff = (x: number | null, y: number | null) => (x === null || y === null ? null : r1(x - y));
  const extraHeap = median(
    rowsW.map((r, i) => (r.heapUsed !== null && rowsO[i]!.heapUsed !== null ? r.heapUsed - rowsO[i]!.heapUsed! : null)),
  );
  const extraHeapGc = median(
    rowsW.map((r, i) =>
      r.heapUsedAfterGc !== null && rowsO[i]!.heapUsedAfterGc !== null
        ? r.heapUsedAfterGc - rowsO[i]!.heapUsedAfterGc!
        : null,
    ),
  );
  return {
    id,
    article,
    with: w,
    without: o,
    extra: {
      longestTaskMs: diff(w.longestTaskMs, o.longestTaskMs),
      tasksOver50: diff(w.tasksOver50, o.tasksOver50),
      heapMB: mb(extraHeap),
      heapAfterGcMB: mb(extraHeapGc),
    },
    hover: hovers.length ? medians(hovers) : null,
    runs: rowsW.length,
  };
}

/** Worst page: tasks running extension code anywhere, and on article pages every task in the extension's window. */
export const extTaskOf = (r: PageResult) =>
  Math.max(r.with.extLongestTaskMs ?? 0, r.article ? (r.with.extWindowLongestTaskMs ?? 0) : 0);

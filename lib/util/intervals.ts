/**
 * Binary search over intervals sorted by start and not overlapping (segments, mentions,
 * sentences): the index of the one covering `offset`, or -1. Pure; shared by the engine
 * and the page adapter.
 */
export interface Interval {
  start: number;
  end: number;
}

export function indexCovering(sorted: readonly Interval[], offset: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sorted[mid]!;
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Index of the last interval starting at or before `offset` (-1 if none): the nearest one when none covers it. */
export function indexAtOrBefore(sorted: readonly Interval[], offset: number): number {
  let lo = 0;
  let hi = sorted.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.start <= offset) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

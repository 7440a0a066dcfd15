/**
 * Which mention is under the pointer: caret position → article offset → mention,
 * confirmed against the mention's own rectangles (a caret position is the nearest
 * character even when the pointer is in the margin).
 */
import { indexCovering } from '../util/intervals.ts';

export interface MentionRef {
  start: number;
  end: number;
  key: string;
  index: number;
}

export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** Mentions sorted by start; binary search for the one covering `offset`. */
export function mentionAt(sorted: MentionRef[], offset: number): MentionRef | null {
  return sorted[indexCovering(sorted, offset)] ?? null;
}

export function rectsContain(
  rects: ArrayLike<{ left: number; right: number; top: number; bottom: number }>,
  x: number,
  y: number,
  slop = 2,
): boolean {
  for (let i = 0; i < rects.length; i++) {
    const r = rects[i]!;
    if (x >= r.left - slop && x <= r.right + slop && y >= r.top - slop && y <= r.bottom + slop) return true;
  }
  return false;
}

/**
 * Article-text offsets ⇄ DOM positions (the one module that converts between them).
 * Segments come from extract.ts; each maps a stretch of article text to a live
 * text node, character by character.
 */
import type { TextSegment } from './extract.ts';
import { indexCovering } from '../util/intervals.ts';

export interface DomPoint {
  node: Text;
  offset: number;
}

/** The DOM point of the character at `offset` (or just after the previous one when `end`). */
export function pointAt(segments: TextSegment[], offset: number, end = false): DomPoint | null {
  const i = indexCovering(segments, end ? offset - 1 : offset);
  if (i < 0) return null;
  const s = segments[i]!;
  const k = (end ? offset - 1 : offset) - s.start;
  const inNode = s.offsets[k];
  if (inNode === undefined) return null;
  return { node: s.node, offset: end ? inNode + 1 : inNode };
}

/** A Range over article text [start, end), or null if the text no longer maps to the page. */
export function rangeFor(doc: Document, segments: TextSegment[], start: number, end: number): Range | null {
  const a = pointAt(segments, start);
  const b = pointAt(segments, end, true);
  if (!a || !b) return null;
  if (!a.node.isConnected || !b.node.isConnected) return null;
  if (a.offset > a.node.data.length || b.offset > b.node.data.length) return null;
  try {
    const r = doc.createRange();
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    return r;
  } catch {
    return null;
  }
}

/** The article-text offset of a DOM point, or -1 when the point is outside the article. */
export function offsetOf(byNode: Map<Text, TextSegment[]>, node: Node, offset: number): number {
  const list = byNode.get(node as Text);
  if (!list) return -1;
  for (const s of list) {
    const o = s.offsets;
    if (!o.length) continue;
    if (offset < o[0]! || offset > o[o.length - 1]! + 1) continue;
    // Offsets grow monotonically within a segment: binary search for the character.
    let lo = 0;
    let hi = o.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (o[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return s.start + lo;
  }
  return -1;
}

export function segmentsByNode(segments: TextSegment[]): Map<Text, TextSegment[]> {
  const map = new Map<Text, TextSegment[]>();
  for (const s of segments) {
    const list = map.get(s.node);
    if (list) list.push(s);
    else map.set(s.node, [s]);
  }
  return map;
}

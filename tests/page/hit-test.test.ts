import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { caretAt, mentionAt, rectsContain, type MentionRef } from '../../lib/page/hit-test.ts';

const ref = (start: number, end: number, key: string, index = 0): MentionRef => ({ start, end, key, index });
// Sorted by start; [10,15) and [15,20) touch; a gap between 20 and 30; a one-character mention.
const REFS = [ref(0, 5, 'a'), ref(10, 15, 'b'), ref(15, 20, 'c'), ref(30, 31, 'd'), ref(40, 52, 'e')];

describe('lib/page/hit-test: mentionAt', () => {
  it.each([
    [0, 'a', 'the first character of the first mention'],
    [4, 'a', 'the last character of the first mention'],
    [5, null, 'the end offset (exclusive)'],
    [7, null, 'a gap between mentions'],
    [10, 'b', 'the start of a middle mention'],
    [14, 'b', 'the last character before an adjacent mention'],
    [15, 'c', 'the boundary of two touching mentions (the later one)'],
    [19, 'c', 'the last character of the touching mention'],
    [20, null, 'just past the touching mention'],
    [29, null, 'just before a one-character mention'],
    [30, 'd', 'a one-character mention'],
    [31, null, 'just after a one-character mention'],
    [51, 'e', 'the last character of the last mention'],
    [52, null, 'the end of the last mention'],
    [1000, null, 'far past the end'],
    [-1, null, 'a negative offset'],
  ])('offset %i → %s (%s)', (offset, key, _why) => {
    expect(mentionAt(REFS, offset)?.key ?? null).toBe(key);
  });

  it('finds nothing in an empty list', () => {
    expect(mentionAt([], 0)).toBeNull();
  });

  it('returns the very same ref object (with its key and index)', () => {
    const refs = [ref(3, 9, 'k', 4)];
    expect(mentionAt(refs, 3)).toBe(refs[0]);
  });

  it('property: agrees with a linear scan on any sorted, non-overlapping mentions', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ gap: fc.integer({ min: 0, max: 5 }), len: fc.integer({ min: 1, max: 6 }) }), {
          maxLength: 40,
        }),
        fc.integer({ min: -3, max: 400 }),
        (spans, offset) => {
          let at = 0;
          const refs = spans.map((s, i) => {
            const start = at + s.gap;
            at = start + s.len;
            return ref(start, at, `m${i}`, i);
          });
          const linear = refs.find((m) => offset >= m.start && offset < m.end) ?? null;
          expect(mentionAt(refs, offset)).toBe(linear);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('lib/page/hit-test: rectsContain', () => {
  const box = { left: 10, right: 20, top: 10, bottom: 20 };
  it.each([
    [15, 15, 2, true, 'the centre'],
    [10, 10, 0, true, 'the top-left corner, no slop'],
    [20, 20, 0, true, 'the bottom-right corner, no slop'],
    [9, 15, 0, false, 'one pixel left, no slop'],
    [15, 21, 0, false, 'one pixel below, no slop'],
    [8, 8, 2, true, 'inside the default 2px slop (top-left)'],
    [22, 22, 2, true, 'inside the default 2px slop (bottom-right)'],
    [7.9, 15, 2, false, 'just outside the slop on the left'],
    [22.1, 15, 2, false, 'just outside the slop on the right'],
    [15, 7.9, 2, false, 'just outside the slop above'],
    [15, 22.1, 2, false, 'just outside the slop below'],
    [25, 15, 5, true, 'inside a wider slop'],
  ])('(%d, %d) with slop %d → %s (%s)', (x, y, slop, expected) => {
    expect(rectsContain([box], x, y, slop)).toBe(expected);
  });

  it('uses a default slop of 2px', () => {
    expect(rectsContain([box], 22, 15)).toBe(true);
    expect(rectsContain([box], 22.5, 15)).toBe(false);
  });

  it('hits any of several rectangles (a mention wrapped over two lines) and misses between them', () => {
    const lines = [
      { left: 300, right: 400, top: 0, bottom: 18 },
      { left: 0, right: 60, top: 20, bottom: 38 },
    ];
    expect(rectsContain(lines, 350, 9, 0)).toBe(true);
    expect(rectsContain(lines, 30, 30, 0)).toBe(true);
    expect(rectsContain(lines, 200, 9, 0)).toBe(false);
    expect(rectsContain(lines, 200, 30, 0)).toBe(false);
  });

  it('is false for no rectangles and accepts array-likes such as DOMRectList', () => {
    expect(rectsContain([], 0, 0)).toBe(false);
    const arrayLike = { length: 1, 0: box };
    expect(rectsContain(arrayLike, 15, 15)).toBe(true);
  });
});

describe('lib/page/hit-test: caretAt', () => {
  const node = { nodeType: 3 } as unknown as Node;
  it('uses caretPositionFromPoint when the browser has it', () => {
    const doc = {
      caretPositionFromPoint: () => ({ offsetNode: node, offset: 7 }),
      caretRangeFromPoint: () => {
        throw new Error('not used');
      },
    } as unknown as Document;
    expect(caretAt(doc, 1, 2)).toEqual({ node, offset: 7 });
  });
  it('falls back to caretRangeFromPoint', () => {
    const doc = { caretRangeFromPoint: () => ({ startContainer: node, startOffset: 3 }) } as unknown as Document;
    expect(caretAt(doc, 1, 2)).toEqual({ node, offset: 3 });
  });
  it.each([
    ['caretPositionFromPoint finds nothing', { caretPositionFromPoint: () => null }],
    ['caretRangeFromPoint finds nothing', { caretRangeFromPoint: () => null }],
    ['the browser has neither API', {}],
  ])('is null when %s', (_what, doc) => {
    expect(caretAt(doc as unknown as Document, 1, 2)).toBeNull();
  });
});

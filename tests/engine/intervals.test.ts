import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { indexCovering, indexAtOrBefore } from '../../lib/util/intervals.ts';

describe('util/intervals', () => {
  const spans = [
    { start: 0, end: 3 },
    { start: 5, end: 9 },
    { start: 9, end: 12 },
  ];
  it.each([
    [0, 0],
    [2, 0],
    [3, -1],
    [4, -1],
    [5, 1],
    [9, 2],
    [11, 2],
    [12, -1],
    [-1, -1],
  ])('finds the interval covering %i → %i', (offset, want) => {
    expect(indexCovering(spans, offset)).toBe(want);
  });

  it('finds the nearest interval starting at or before an offset', () => {
    expect(indexAtOrBefore(spans, 4)).toBe(0);
    expect(indexAtOrBefore(spans, -1)).toBe(-1);
    expect(indexAtOrBefore(spans, 100)).toBe(2);
  });

  it('agrees with a linear scan', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(20), { maxLength: 30 }), fc.integer({ min: -5, max: 400 }), (gaps, offset) => {
        let at = 0;
        const list = gaps.map((g) => {
          const s = { start: at + g, end: at + g + 1 + (g % 5) };
          at = s.end;
          return s;
        });
        expect(indexCovering(list, offset)).toBe(list.findIndex((s) => offset >= s.start && offset < s.end));
      }),
    );
  });
});

import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatNumber, formatValue } from '../../components/shared/labels.ts';

// formatNumber replaces toLocaleString('en-GB') (whose first use costs Chrome ~20 ms of ICU
// set-up inside the first hover card): it must write every number the same way.
describe('formatNumber', () => {
  it('writes integers exactly as toLocaleString("en-GB") does', () => {
    fc.assert(
      fc.property(fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (n) => {
        expect(formatNumber(n)).toBe(n.toLocaleString('en-GB'));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes decimals with at most three digits after the point, as toLocaleString does', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), (n) => {
        // Exact ties at the third decimal may round differently in binary and in ICU's decimal
        // arithmetic; a figure is never written with that precision, so they are skipped.
        const scaled = Math.abs(n) * 1000;
        fc.pre(Math.abs(scaled - Math.floor(scaled) - 0.5) > 1e-6);
        expect(formatNumber(n)).toBe(n.toLocaleString('en-GB'));
      }),
      { numRuns: 2000 },
    );
  });

  it('handles the edges', () => {
    for (const n of [0, -0, 1e20, 1e21, 2.5e25, Infinity, -Infinity, NaN, 0.0004, -0.0004, 999_999.9996])
      expect(formatNumber(n)).toBe(n.toLocaleString('en-GB'));
  });

  it('groups bare digit strings from packs and appends units', () => {
    expect(formatValue('21893095')).toBe('21,893,095');
    expect(formatValue('1234')).toBe('1234'); // a year-like short string stays as written
    expect(formatValue(2724900, 'km²')).toBe('2,724,900 km²');
    expect(formatValue('about 5 million', 'people')).toBe('about 5 million people');
  });
});

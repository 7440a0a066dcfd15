/**
 * lib/format/facts: the one formatter every view uses for values, dates and citations —
 * checked on written cases and over every fact in the built-in packs.
 */
import { describe, it, expect } from 'vitest';
import {
  asOfText,
  bracketed,
  citationOf,
  citationText,
  formatDate,
  formatFactValue,
  formatNumber,
  sourceLine,
  leadFact,
  factLine,
  withAside,
} from '../../lib/format/facts.ts';
import { normalizeFact } from '../../lib/kb/schema.ts';
import { loadBuiltinPacks } from '../../scripts/lib/load-builtin.ts';

const TODAY = new Date('2026-12-04T00:00:00Z');

describe('lib/format/facts: values', () => {
  it.each([
    [{ value: 21893095, unit: 'people' }, '21,893,095 people'],
    [{ value: '21893095' }, '21,893,095'],
    [{ value: 1300, unit: 'employees', qualifier: 'approx' as const }, 'about 1,300 employees'],
    [{ value: 60, unit: 'USD billion', qualifier: 'atLeast' as const }, 'at least 60 USD billion'],
    [{ value: 100000, qualifier: 'atMost' as const }, 'up to 100,000'],
    [{ value: 6000, valueTo: 6500, unit: 'fighters', qualifier: 'range' as const }, '6,000–6,500 fighters'],
    [{ value: 69.7, unit: '%' }, '69.7%'],
    [{ value: 'Astana' }, 'Astana'],
    [{ value: 2_724_900.5, unit: 'km²' }, '2,724,900.5 km²'],
    [{ value: '2001-06-15, Shanghai' }, '15 Jun 2001, Shanghai'],
    [{ value: '2022-09-15 to 2022-09-16' }, '15 Sep 2022 to 16 Sep 2022'],
    [{ value: '2019-03' }, 'Mar 2019'],
    [{ value: '1999–2002' }, '1999–2002'],
    [{ value: 'ISO 3166-1, the 2011-12 season' }, 'ISO 3166-1, the 2011-12 season'],
    [{ label: 'Latest season', value: '2011-12' }, '2011-12'],
    [{ value: 'Executive Order 14347' }, 'Executive Order 14347'],
  ])('writes %j as "%s"', (fact, text) => {
    expect(formatFactValue(fact)).toBe(text);
  });

  it('groups negative and fractional numbers and leaves huge ones to the platform', () => {
    expect(formatNumber(-1234.5678)).toBe('-1,234.568');
    expect(formatNumber(0.5)).toBe('0.5');
  });
});

describe('lib/format/facts: dates', () => {
  it.each([
    ['2025', '2025'],
    ['2025-08', 'Aug 2025'],
    ['2025-08-04', '4 Aug 2025'],
    ['about then', 'about then'],
  ])('writes %s as %s', (iso, text) => expect(formatDate(iso)).toBe(text));

  it('says "as of" only for facts that change, and "may have changed" once stale', () => {
    const office = normalizeFact({
      label: 'Office',
      value: 'x',
      kind: 'office',
      asOf: '2025-08',
      source: 'https://a.example/',
    });
    const fresh = { ...office, asOf: '2026-10' };
    const founded = normalizeFact({
      label: 'Founded',
      value: '2001-06-15',
      asOf: '2001-06-15',
      source: 'https://a.example/',
    });
    expect(asOfText(office, TODAY)).toBe('as of Aug 2025 — may have changed');
    expect(asOfText(fresh, TODAY)).toBe('as of Oct 2026');
    expect(asOfText(founded, TODAY)).toBeNull();
  });
});

describe('lib/format/facts: a value and its aside in one bracket', () => {
  it('puts an as-of date or a note inside a bracket the value ends with, never a second bracket', () => {
    expect(withAside('Nurlan Yermekbayev (Kazakhstan)', 'Jan 2025')).toBe('Nurlan Yermekbayev (Kazakhstan, Jan 2025)');
    expect(withAside('2,400', 'as of 2024')).toBe('2,400 (as of 2024)');
    expect(withAside('Astana (since 2019) and Almaty', 'note')).toBe('Astana (since 2019) and Almaty (note)');
    expect(withAside('2,400', null)).toBe('2,400');
    expect(bracketed('Nurlan Yermekbayev (Kazakhstan)', 'as of Jan 2025')).toEqual({
      before: 'Nurlan Yermekbayev (Kazakhstan, ',
      aside: 'as of Jan 2025',
      after: ')',
    });
  });

  it('writes a fact line with its note in the value’s own bracket', () => {
    const f = normalizeFact({
      label: 'Secretary-General',
      value: 'Nurlan Yermekbayev (Kazakhstan)',
      note: 'three-year term',
      source: { url: 'https://example.org/sco', publisher: 'Example', retrieved: '2026-12-04' },
    });
    expect(factLine(f, TODAY)).toMatch(
      /^Secretary-General: Nurlan Yermekbayev \(Kazakhstan, three-year term\)\. Source: /,
    );
  });
});

describe('lib/format/facts: citations', () => {
  it('cites a page by publisher, title, URL and retrieved date', () => {
    const c = citationOf({
      url: 'https://www.reuters.com/world/x',
      publisher: 'Reuters',
      title: 'A headline',
      retrieved: '2026-12-04',
    });
    expect(sourceLine(c)).toBe('Reuters · retrieved 4 Dec 2026');
    expect(citationText(c)).toBe('Reuters. “A headline”. https://www.reuters.com/world/x (retrieved 4 Dec 2026)');
  });

  it('fills a dataset citation from the registry, with version and licence', () => {
    const c = citationOf({
      url: 'https://github.com/mledoze/countries',
      dataset: 'mledoze-countries',
      retrieved: '2026-12-04',
    });
    expect(c.dataset).toMatchObject({ version: '5.1.0', licence: 'ODbL 1.0' });
    expect(citationText(c)).toMatch(/world-countries \(mledoze\/countries\), version 5\.1\.0 \(ODbL 1\.0\)/);
  });

  it('labels state media, and falls back to the host for a bare URL', () => {
    expect(sourceLine(citationOf({ url: 'https://tass.com/politics/1', publisher: 'TASS' }))).toBe(
      'TASS (state media)',
    );
    expect(citationOf({ url: 'https://www.example.org/a' }).publisher).toBe('example.org');
  });
});

describe('lib/format/facts over every fact in the built-in packs', () => {
  const facts = loadBuiltinPacks().packs.flatMap((p) =>
    p.entries.flatMap((e) => e.facts.map((f) => ({ id: e.id, f }))),
  );

  it('formats every fact without an ungrouped number of five or more digits, or a repeated date', () => {
    expect(facts.length).toBeGreaterThan(1000);
    for (const { id, f } of facts) {
      const text = formatFactValue(f);
      // Text values keep what they name ("Executive Order 14347"); numbers are always grouped.
      if (typeof f.value === 'number' || /^\d+$/.test(f.value))
        expect(text, `${id}: ${f.label}`).not.toMatch(/(?<![\d.,-])\d{5,}(?![\d-])/);
      // Dates read as the as-of and retrieved dates do ("15 Jun 2001"), not as ISO.
      expect(text, `${id}: ${f.label}`).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
      if (f.asOf) expect(['history', 'attribute', 'measure']).not.toContain(f.kind);
      expect(citationText(citationOf(f.source)), `${id}: ${f.label}`).toContain(f.source.url);
    }
  });
});

describe('lib/format/facts: the one line an entity list shows', () => {
  const f = (label: string, value: string | number, kind?: 'office' | 'attribute' | 'history') =>
    normalizeFact({
      label,
      value,
      kind,
      asOf: kind === 'office' ? '2026-01' : undefined,
      source: 'https://a.example/',
    });

  it('prefers what changes and matters (an office, a population) over a founding date or an official name', () => {
    const facts = [
      f('Official name', 'Republic of X', 'attribute'),
      f('Founded', '1991', 'history'),
      f('Head of state', 'A. B.', 'office'),
    ];
    expect(leadFact(facts, 'X')!.label).toBe('Head of state');
  });

  it('never picks a value that only repeats the name', () => {
    expect(leadFact([f('Official name', 'X', 'attribute')], 'X')).toBeUndefined();
  });
});

describe('lib/format/facts: years are dates, not quantities', () => {
  it.each([
    [{ label: 'Joined NATO', value: 1949, kind: 'history' as const }, '1949'],
    [{ label: 'Nobel Peace Prize', value: 2019, kind: 'count' as const }, '2019'],
    [{ label: 'Founded', value: 1961, kind: 'history' as const }, '1961'],
    [{ label: 'Employees', value: 1500, kind: 'count' as const }, '1,500'],
    [{ label: 'Area', value: 2000, unit: 'km²', kind: 'measure' as const }, '2,000 km²'],
  ])('writes %j as %s', (fact, text) => {
    expect(formatFactValue(fact)).toBe(text);
  });
});

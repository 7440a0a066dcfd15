/**
 * The citation policy (issue 15): what a built-in fact's source must be, enforced on every
 * pack file that has been re-sourced, and the fact kinds that decide as-of dates and staleness.
 */
import { describe, it, expect } from 'vitest';
import { classifySource, isStateMedia, provenanceProblems } from '../../lib/kb/provenance.ts';
import { checkProvenance } from '../../lib/kb/check.ts';
import { inferFactKind, isPossiblyStale } from '../../lib/kb/fact-kinds.ts';
import { readPackFolders } from '../../scripts/lib/read-packs.ts';
import { legacyFiles } from '../../scripts/lib/load-builtin.ts';

const TODAY = '2026-12-04';
const good = {
  label: 'Member states',
  value: 10,
  kind: 'count',
  asOf: '2025-07',
  source: {
    url: 'https://eng.sectsco.org/20170109/192193.html',
    publisher: 'Shanghai Cooperation Organisation',
    title: 'About SCO',
    retrieved: '2026-12-04',
  },
};
const problemsOf = (over: Record<string, unknown>) => provenanceProblems('x', { ...good, ...over }, TODAY);
const withSource = (s: Record<string, unknown>) => problemsOf({ source: { ...good.source, ...s } });

describe('lib/kb/provenance: what a built-in fact may cite', () => {
  it('accepts a full citation of an official page', () => {
    expect(problemsOf({})).toEqual([]);
  });

  it.each([
    ['a Wikipedia mirror', 'https://wikimili.com/en/Shanghai_Cooperation_Organisation', /mirror/],
    ['a Wikipedia mirror subdomain', 'https://kids.kiddle.co/SCO', /mirror/],
    ['a content farm', 'https://askvity.info/what-is-the-sco', /content-farm/],
    ['a personal GitHub repository', 'https://github.com/someone/country_capital_game/blob/main/x.csv', /personal-repo|repository/],
    ['a raw file in a personal repository', 'https://raw.githubusercontent.com/someone/eda/main/pop.csv', /repository/],
    ['a blog', 'https://someone.substack.com/p/sco', /blog/],
  ])('refuses %s, naming the fact', (_what, url, why) => {
    const found = withSource({ url });
    expect(found.join('\n')).toMatch(why);
    expect(found[0]).toMatch(/^x: fact "Member states"/);
  });

  it('accepts a registered dataset on GitHub, and checks the dataset id against the registry', () => {
    const ds = { url: 'https://github.com/mledoze/countries', dataset: 'mledoze-countries', retrieved: '2026-12-04' };
    expect(provenanceProblems('x', { ...good, source: ds }, TODAY)).toEqual([]);
    expect(provenanceProblems('x', { ...good, source: { ...ds, dataset: 'nobody' } }, TODAY).join()).toMatch(
      /not in data\/sources\/datasets.json/,
    );
  });

  it('requires publisher, title and a retrieved day; a bare URL is not a citation', () => {
    expect(withSource({ publisher: undefined }).join()).toMatch(/needs a publisher/);
    expect(withSource({ title: undefined }).join()).toMatch(/needs the page's title/);
    expect(withSource({ retrieved: undefined }).join()).toMatch(/retrieved/);
    expect(withSource({ retrieved: '2027-01-01' }).join()).toMatch(/in the future/);
    expect(problemsOf({ source: 'https://eng.sectsco.org/' }).join()).toMatch(/not a bare URL/);
  });

  it('cites Wikipedia only by revision permalink and Wikidata only by item', () => {
    expect(withSource({ url: 'https://en.wikipedia.org/wiki/SCO' }).join()).toMatch(/permalink/);
    expect(withSource({ url: 'https://en.wikipedia.org/w/index.php?title=SCO&oldid=1234567' })).toEqual([]);
    expect(withSource({ url: 'https://www.wikidata.org/wiki/Special:Search' }).join()).toMatch(/by item/);
    expect(withSource({ url: 'https://www.wikidata.org/wiki/Q485207#P2124' })).toEqual([]);
  });

  it('gives volatile kinds an as-of date and unchanging kinds none', () => {
    expect(problemsOf({ asOf: undefined }).join()).toMatch(/a count fact needs asOf/);
    expect(problemsOf({ label: 'Founded', value: '2001-06-15', kind: 'history' }).join()).toMatch(
      /history fact has no asOf/,
    );
    expect(problemsOf({ kind: undefined }).join()).toMatch(/needs a kind/);
  });

  it('wants numbers stored as numbers and units not repeated in the value', () => {
    expect(problemsOf({ value: 'about 1 million' }).join()).toMatch(/stored as text/);
    expect(problemsOf({ value: '10.8%' }).join()).toMatch(/stored as text/);
    expect(problemsOf({ value: 'EUR 74 million', unit: 'EUR million', kind: 'economy' }).join()).toMatch(
      /repeats its unit/,
    );
    expect(problemsOf({ value: '2001-06-15', kind: 'history', asOf: undefined })).toEqual([]);
  });

  it('knows state media, which stay citable for what a government says', () => {
    expect(isStateMedia('https://tass.com/politics/1')).toBe(true);
    expect(isStateMedia('https://english.news.cn/x')).toBe(true);
    expect(isStateMedia('https://www.reuters.com/world/')).toBe(false);
    expect(classifySource('https://tass.com/politics/1')).toEqual({ citable: true, stateMedia: true });
  });
});

describe('lib/kb/fact-kinds', () => {
  it.each([
    ['Born', '1953-06-15', 'history'],
    ['Founded', '2001-06-15', 'history'],
    ['Previous office', 'Governor', 'history'],
    ['Head of state', 'Kassym-Jomart Tokayev', 'office'],
    ['Population', 20_000_000, 'population'],
    ['Area', 2_724_900, 'measure'],
    ['Capital', 'Astana', 'attribute'],
    ['Official name', 'Republic of Kazakhstan', 'attribute'],
    ['Member states', 10, 'membership'],
    ['Employees', 1200, 'count'],
    ['Revenue', 5, 'economy'],
    ['Dams', 12, 'count'],
  ])('infers that "%s" names a fact of kind %s', (label, value, kind) => {
    expect(inferFactKind(label, value)).toBe(kind);
  });

  it('says a volatile fact may have changed only once it is older than its kind allows', () => {
    const today = new Date('2026-12-04T00:00:00Z');
    expect(isPossiblyStale('office', '2025-08', today)).toBe(true);
    expect(isPossiblyStale('office', '2026-04', today)).toBe(false);
    expect(isPossiblyStale('population', '2024', today)).toBe(false);
    expect(isPossiblyStale('population', '2021', today)).toBe(true);
    expect(isPossiblyStale('history', '1990', today)).toBe(false);
    expect(isPossiblyStale('office', undefined, today)).toBe(false);
  });
});

describe('data/packs: the citation policy on the built-in packs', () => {
  const files = readPackFolders().flatMap((f) => f.entryFiles);
  const report = checkProvenance(files, legacyFiles(), new Date().toISOString().slice(0, 10));

  it('finds no provenance problem in any re-sourced pack file', () => {
    expect(report.problems).toEqual([]);
  });

  it('lists as legacy only files that exist', () => {
    for (const l of legacyFiles()) expect(files.some((f) => f.path.endsWith('/' + l))).toBe(true);
  });
});

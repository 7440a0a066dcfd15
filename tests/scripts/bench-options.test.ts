import { describe, it, expect } from 'vitest';
import { parseBenchOptions } from '../../scripts/lib/bench-options.ts';
import { benchSpecs } from '../../scripts/lib/bench-specs.ts';

const parse = (line: string, corpusExists = true) => parseBenchOptions(line.split(' ').filter(Boolean), corpusExists);
const ids = (line: string, corpus = ['b.html', 'a.html', 'notes.txt']) =>
  benchSpecs(parse(line), corpus).map((s) => s.id);

describe('bench/options', () => {
  it('measures 5 runs per page with the corpus by default', () => {
    expect(parse('')).toMatchObject({ runs: 5, corpus: true, quick: false, json: false, only: null, pages: null });
  });

  it('makes --quick one run without the corpus, unless --runs says otherwise', () => {
    expect(parse('--quick')).toMatchObject({ runs: 1, corpus: false });
    expect(parse('--quick --runs 3')).toMatchObject({ runs: 3, corpus: false });
  });

  it('leaves the corpus out when asked or when it is not there', () => {
    expect(parse('--no-corpus').corpus).toBe(false);
    expect(parse('', false).corpus).toBe(false);
  });

  it('takes CPU profiles only with --debug and not with --no-profile', () => {
    expect(parse('--debug').profile).toBe(true);
    expect(parse('--debug --no-profile').profile).toBe(false);
    expect(parse('--no-profile').profile).toBe(false);
  });

  it('reads --pages as a list and --help as help', () => {
    expect(parse('--pages demo,article10k --runs 2')).toMatchObject({ pages: ['demo', 'article10k'], runs: 2 });
    expect(parse('--help').help).toBe(true);
  });

  it('falls back to 5 runs on a number it cannot read', () => {
    expect(parse('--runs lots').runs).toBe(5);
  });
});

describe('bench/pages', () => {
  it('measures the three benchmark pages, then the saved pages in name order', () => {
    expect(ids('')).toEqual(['demo', 'article10k', 'grid50k', 'corpus/a', 'corpus/b']);
    expect(ids('--no-corpus')).toEqual(['demo', 'article10k', 'grid50k']);
  });

  it('narrows to --pages, saved pages included, and to the one page --only debugs', () => {
    expect(ids('--pages demo,article10k')).toEqual(['demo', 'article10k']);
    expect(ids('--pages grid50k,corpus/b')).toEqual(['grid50k', 'corpus/b']);
    expect(ids('--only corpus/a')).toEqual(['corpus/a']);
    expect(benchSpecs(parse('--only corpus/a'), [])[0]).toMatchObject({ path: '/a.html', article: null, corpus: true });
  });

  it('waits for the sidebar on articles, checks heap on the benchmark pages and hovers on the articles', () => {
    const specs = benchSpecs(parse('--no-corpus'), []);
    expect(specs.map((s) => [s.id, s.article, s.heap, s.hover])).toEqual([
      ['demo', true, true, true],
      ['article10k', true, true, true],
      ['grid50k', false, true, false],
    ]);
  });
});

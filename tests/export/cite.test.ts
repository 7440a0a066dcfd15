/**
 * Citations out (issue 19, part 2): the demo article's sources as CSL records, read by a CSL
 * processor (citation-js with citeproc-js), and BibTeX and RIS read back by the same library;
 * a single source formatted in APA, MLA and Chicago from the CSL style files we ship.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Cite } from '@citation-js/core';
import { analyzeFile } from '../../cli/main.ts';
import { loadKb } from '../../cli/kb.ts';
import { articleSources, cslItemOf, cslItemsOf, type CslItem } from '../../lib/export/cite.ts';
import { createCiter, type Citer } from '../../lib/export/cite-format.ts';
import type { Source } from '../../lib/kb/schema.ts';

const demo = join(process.cwd(), 'tests/fixtures/pages/demo-article.html');
const styles = {
  mla: readFileSync('data/csl/modern-language-association.csl', 'utf8'),
  chicago: readFileSync('data/csl/chicago-notes-bibliography.csl', 'utf8'),
};

let items: CslItem[];
let distinct: Set<string>;
let citer: Citer;

/** CSL-JSON records as the library reads them, without its provenance graph. */
const read = (text: string) => new Cite(text).data.map(({ _graph: _, ...r }) => r);

beforeAll(() => {
  const result = analyzeFile(demo);
  const { merged } = loadKb();
  items = articleSources(result, (id) => merged.entries.get(id));
  distinct = new Set(
    result.entities
      .flatMap((e) => (e.id ? (merged.entries.get(e.id)?.facts ?? []) : []))
      .map((f) => (f.source.dataset ? `dataset:${f.source.dataset}` : `url:${f.source.url}`)),
  );
  citer = createCiter(styles);
});

describe('the demo article as CSL-JSON', () => {
  it('has one record per distinct source, each with title, publisher, URL and accessed date', () => {
    expect(items.length).toBeGreaterThan(20);
    expect(items).toHaveLength(distinct.size);
    expect(new Set(items.map((i) => (i.type === 'dataset' ? i.title : i.URL))).size).toBe(items.length);
    for (const i of items) {
      expect(i.title, i.id).toBeTruthy();
      expect(i.publisher, i.id).toBeTruthy();
      expect(i.URL, i.id).toMatch(/^https:\/\//);
      expect(i.accessed?.['date-parts'][0], i.id).toHaveLength(3);
      expect(['webpage', 'dataset']).toContain(i.type);
    }
  });

  it('has unique citation keys that BibTeX accepts', () => {
    const keys = items.map((i) => i['citation-key']);
    expect(new Set(keys).size).toBe(keys.length);
    for (const k of keys) expect(k).toMatch(/^[a-z0-9]+$/);
    expect(items.map((i) => i.id)).toEqual(keys);
  });

  it('parses with a CSL processor, which renders one bibliography entry per record', () => {
    const json = citer.exportSources(items, 'csl-json');
    const cite = new Cite(JSON.parse(json));
    expect(cite.data).toHaveLength(items.length);
    const html = cite.format('bibliography', { format: 'html', template: 'apa', lang: 'en-US' });
    expect(html.match(/class="csl-entry"/g)).toHaveLength(items.length);
    for (const i of items) expect(html).toContain(`data-csl-entry-id="${i.id}"`);
  });

  it('round-trips through BibTeX: keys, titles, publishers, URLs and accessed dates come back', () => {
    const back = read(citer.exportSources(items, 'bibtex'));
    // In BibTeX "--" is an en dash and "---" an em dash, so a title's "--" comes back as "–".
    const tex = (s: string) => s.replace(/---/g, '—').replace(/--/g, '–');
    expect(back.map((r) => r.id)).toEqual(items.map((i) => i.id));
    back.forEach((r, n) => {
      const i = items[n]!;
      expect(r.title).toBe(tex(i.title));
      expect(r.publisher).toBe(i.publisher);
      expect(r.URL).toBe(i.URL);
      const [y, m, d] = i.accessed!['date-parts'][0];
      expect(r.note).toBe(`[Online; accessed ${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}]`);
    });
  });

  it('round-trips through RIS: keys, types, titles, publishers and URLs come back', () => {
    const back = read(citer.exportSources(items, 'ris'));
    expect(back.map((r) => r.id)).toEqual(items.map((i) => i.id));
    back.forEach((r, n) => {
      const i = items[n]!;
      expect(r.type).toBe(i.type);
      expect(r.title).toBe(i.title);
      expect(r.publisher).toBe(i.publisher);
      expect(r.URL).toBe(i.URL);
      // RIS keeps a dataset's access date (Y2); the library does not read back a web page's (M1).
      if (i.type === 'dataset') expect(r.accessed).toEqual(i.accessed);
    });
  });
});

describe('records', () => {
  const page: Source = {
    url: 'https://news.example/a',
    publisher: 'Новости',
    title: 'Шавкату Мирзиёеву исполнилось 64 года',
    retrieved: '2026-12-04',
  };

  it('keeps a title in any script through BibTeX (UTF-8, not the library’s ASCII escapes)', () => {
    const item = cslItemOf(page);
    const bib = citer.exportSources([item], 'bibtex');
    expect(bib).toContain('Шавкату Мирзиёеву исполнилось 64 года');
    expect(read(bib)[0]!.title).toBe(page.title);
  });

  it('fills a dataset citation from the registry, with its version', () => {
    const item = cslItemOf({ url: 'https://github.com/mledoze/countries', dataset: 'mledoze-countries' });
    expect(item).toMatchObject({
      type: 'dataset',
      title: 'world-countries (mledoze/countries)',
      publisher: 'Mohammed Le Doze and contributors',
      version: '5.1.0',
      accessed: { 'date-parts': [[2026, 12, 4]] },
    });
  });

  it('counts a URL cited by several facts once, and numbers keys that would repeat', () => {
    const a = { source: { ...page, publisher: 'Example News', url: 'https://news.example/a' } };
    const b = { source: { ...page, publisher: 'Example News', url: 'https://news.example/b' } };
    const out = cslItemsOf([a, b, a]);
    expect(out.map((i) => i.id)).toEqual(['example2026a', 'example2026b']);
  });

  it('writes each RIS value on one line, so a long title comes back whole', () => {
    const title = 'A title long enough that the library would break it across lines in the middle of a word';
    const ris = citer.exportSources([cslItemOf({ ...page, title })], 'ris');
    expect(ris).toContain(`TI  - ${title}\n`);
    expect(read(ris)[0]!.title).toBe(title);
  });

  it('leaves the accessed date out when the source has none (a user pack), rather than inventing one', () => {
    const item = cslItemOf({ url: 'https://news.example/c', publisher: 'Example News' });
    expect(item.accessed).toBeUndefined();
    expect(item.title).toBe('https://news.example/c');
  });
});

describe('formatted citations', () => {
  const source: Source = {
    url: 'https://www.example.org/about',
    publisher: 'Example Organisation',
    title: 'About the organisation',
    retrieved: '2026-12-04',
  };

  it('formats APA, MLA (CSL style file) and Chicago (CSL style file)', () => {
    const item = cslItemOf(source);
    expect(citer.citation(item, 'apa').text).toBe(
      'Example Organisation. (n.d.). About the organisation. Retrieved December 4, 2026, from https://www.example.org/about',
    );
    expect(citer.citation(item, 'mla').text).toBe(
      'About the Organisation. Example Organisation, https://www.example.org/about. Accessed 4 Dec. 2026.',
    );
    expect(citer.citation(item, 'chicago').text).toBe(
      'Example Organisation. “About the Organisation.” Accessed December 4, 2026. https://www.example.org/about.',
    );
  });

  it('gives HTML too, for a rich paste with the title in italics where the style wants it', () => {
    expect(citer.citation(cslItemOf(source), 'mla').html).toContain('<i>About the Organisation</i>');
  });
});

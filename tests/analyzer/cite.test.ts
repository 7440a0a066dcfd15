// @vitest-environment happy-dom
/**
 * "Cite" on the page: a source copied in a style, the article's sources downloaded for a
 * reference manager (the same bytes as `backstory analyze --cite`), and the formatter loaded
 * from the background only when first needed.
 */
import { describe, it, expect, vi, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CiteActions, CITER_GLOBAL, loadCiterFromBackground, type CiterHolder } from '../../lib/analyzer/cite.ts';
import { createCiter, type Citer } from '../../lib/export/cite-format.ts';
import { analyzeFile, main } from '../../cli/main.ts';
import { loadKb } from '../../cli/kb.ts';
import type { EntryViews } from '../../lib/messaging/protocol.ts';
import { SOURCE_FORMATS } from '../../lib/export/cite.ts';
import { makeEntity, makeResult } from '../fixtures/ui-fixtures.ts';
import { fakeBackground } from './fakes.ts';
import { parts } from './parts.ts';

const demo = join(process.cwd(), 'tests/fixtures/pages/demo-article.html');
const styles = {
  mla: readFileSync('data/csl/modern-language-association.csl', 'utf8'),
  chicago: readFileSync('data/csl/chicago-notes-bibliography.csl', 'utf8'),
};
let citer: Citer | null = null;
const loadCiter = async () => (citer ??= createCiter(styles));

afterEach(() => {
  vi.restoreAllMocks();
  delete (globalThis as CiterHolder)[CITER_GLOBAL];
});

/** The analyzer's citation actions over a page whose downloads and clipboard are recorded. */
function citing(opts: { clipboard?: 'ok' | 'refused'; loader?: () => Promise<Citer> } = {}) {
  const p = parts();
  const copied: { text: string; html?: string }[] = [];
  Object.defineProperty(p.win.navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: async (text: string) => {
        if (opts.clipboard === 'refused') throw new Error('no permission');
        copied.push({ text });
      },
    },
  });
  const downloads: { name: string; blob: Blob }[] = [];
  let last: Blob | null = null;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((last = b as Blob), 'blob:test'));
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: last! });
  });
  const actions = new CiteActions(p.ctx, p.store, p.entries, () => p.doc.body, opts.loader ?? loadCiter);
  return { ...p, actions, copied, downloads };
}

const source = {
  url: 'https://www.example.org/about',
  publisher: 'Example Organisation',
  title: 'About the organisation',
  retrieved: '2026-12-04',
};

describe('analyzer/cite', () => {
  it('copies a source as an MLA citation and says so', async () => {
    const c = citing();
    await c.actions.cite(source, 'mla');
    expect(c.copied.map((x) => x.text)).toEqual([
      'About the Organisation. Example Organisation, https://www.example.org/about. Accessed 4 Dec. 2026.',
    ]);
    expect(c.store.state.announcement).toBe('MLA citation copied.');
  });

  it('downloads the citation as text when the clipboard is refused', async () => {
    const c = citing({ clipboard: 'refused' });
    await c.actions.cite(source, 'chicago');
    expect(c.downloads.map((d) => d.name)).toEqual(['backstory-citation-chicago.txt']);
    expect(await c.downloads[0]!.blob.text()).toBe(
      'Example Organisation. “About the Organisation.” Accessed December 4, 2026. https://www.example.org/about.',
    );
  });

  it('says so, and copies nothing, when the formatter cannot be loaded', async () => {
    const c = citing({ loader: () => Promise.reject(new Error('cannot script this page')) });
    await c.actions.cite(source, 'apa');
    expect(c.copied).toEqual([]);
    expect(c.store.state.announcement).toBe('Citations could not be loaded on this page.');
  });

  it.each(SOURCE_FORMATS)(
    'exports the article’s sources as %s, byte for byte what the CLI’s --cite writes',
    async (format) => {
      const result = analyzeFile(demo);
      const { merged } = loadKb();
      const entries: EntryViews = {};
      for (const e of result.entities)
        if (e.id && merged.entries.has(e.id)) entries[e.id] = { ...merged.entries.get(e.id)!, pack: 'test' };
      const c = citing();
      c.store.dispatch({ type: 'loaded', result, entries, relatedNames: {}, url: '', text: '' });
      await c.actions.exportSources(format);
      expect(c.downloads).toHaveLength(1);
      const exported = await c.downloads[0]!.blob.text();

      const out: string[] = [];
      expect(await main(['analyze', '--cite', format, demo], (s) => out.push(s))).toBe(0);
      // console.log ends the CLI's one write with a newline.
      expect(out.join('\n') + '\n').toBe(exported);
      expect(c.downloads[0]!.name).toMatch(
        new RegExp(
          `^backstory-sources-beijing-s-quiet-security-push.*\\.${{ 'csl-json': 'json', bibtex: 'bib', ris: 'ris' }[format]}$`,
        ),
      );
      expect(c.store.state.announcement).toMatch(new RegExp(`^\\d+ sources downloaded as `));
    },
  );

  it('exports nothing, and says why, when no facts are shown', async () => {
    const c = citing();
    c.store.dispatch({
      type: 'loaded',
      result: makeResult({ entities: [makeEntity({ id: null, name: 'Someone New', type: 'person' })] }),
      entries: {},
      relatedNames: {},
      url: '',
      text: '',
    });
    await c.actions.exportSources('bibtex');
    expect(c.downloads).toEqual([]);
    expect(c.store.state.announcement).toBe('No sources to export: no facts are shown for this article.');
  });
});

describe('loading the formatter', () => {
  it('asks the background once, then uses what cite.js left in the shared world', async () => {
    const bg = fakeBackground({
      override: (type) => {
        if (type !== 'cs/load-cite') return undefined;
        (globalThis as CiterHolder)[CITER_GLOBAL] = { citation: vi.fn(), exportSources: vi.fn() };
        return { ok: true, value: null };
      },
    });
    const p = parts({ bg });
    const load = loadCiterFromBackground(p.ctx);
    const first = await load();
    expect(await load()).toBe(first);
    expect(bg.sent.filter((m) => m.type === 'cs/load-cite')).toHaveLength(1);
  });

  it('fails with the background’s reason, and tries again next time', async () => {
    let calls = 0;
    const bg = fakeBackground({
      override: (type) => (type === 'cs/load-cite' ? (calls++, { ok: false, error: 'no scripting here' }) : undefined),
    });
    const load = loadCiterFromBackground(parts({ bg }).ctx);
    await expect(load()).rejects.toThrow('no scripting here');
    await expect(load()).rejects.toThrow('no scripting here');
    expect(calls).toBe(2);
  });
});

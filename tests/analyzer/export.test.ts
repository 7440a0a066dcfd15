// @vitest-environment happy-dom
/**
 * Glossary export and the print handout, from the analyzer's state (entries loaded first),
 * on a happy-dom page.
 */
import { describe, it, expect, vi } from 'vitest';
import { GlossaryExport, slug } from '../../lib/analyzer/export.ts';
import { makeEntity, makeResult } from '../fixtures/ui-fixtures.ts';
import { parts } from './parts.ts';

function exporter(opts: { clipboard?: 'ok' | 'refused'; popup?: boolean } = {}) {
  const p = parts();
  p.store.dispatch({
    type: 'loaded',
    result: makeResult({
      title: 'Leaders meet in Astana',
      entities: [makeEntity({ id: 'nato', name: 'NATO', type: 'organization' })],
    }),
    entries: {},
    relatedNames: {},
    url: '',
    text: '',
  });
  const copied: string[] = [];
  Object.defineProperty(p.win.navigator, 'clipboard', {
    configurable: true,
    value: {
      writeText: async (t: string) => {
        if (opts.clipboard === 'refused') throw new Error('no permission');
        copied.push(t);
      },
    },
  });
  const clicked: HTMLAnchorElement[] = [];
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
  const parent = p.doc.createElement('div');
  p.doc.body.appendChild(parent);
  const ex = new GlossaryExport(p.ctx, p.store, p.entries, () => parent);
  return { ...p, ex, copied, clicked };
}

describe('analyzer/export', () => {
  it('copies the glossary as Markdown with every entry loaded first, and says so', async () => {
    const e = exporter();
    await e.ex.glossary('markdown', 'copy');
    expect(e.store.state.entries.nato).toBeDefined();
    expect(e.copied[0]).toContain('NATO');
    expect(e.store.state.announcement).toBe('Glossary copied as Markdown.');
  });

  it('downloads instead when the clipboard is refused', async () => {
    const e = exporter({ clipboard: 'refused' });
    await e.ex.glossary('markdown', 'copy');
    expect(e.clicked.map((a) => a.download)).toEqual(['backstory-leaders-meet-in-astana.md']);
    expect(e.store.state.announcement).toBe('Glossary downloaded as Markdown.');
  });

  it('downloads CSV through a link that does not stay on the page', async () => {
    const e = exporter();
    await e.ex.glossary('csv', 'download');
    expect(e.clicked.map((a) => a.download)).toEqual(['backstory-leaders-meet-in-astana.csv']);
    expect(e.clicked[0]!.isConnected).toBe(false);
    expect(e.store.state.announcement).toBe('Glossary downloaded as CSV.');
  });

  it('prints a handout built from the entries in a new window', async () => {
    const e = exporter();
    const popup = document.implementation.createHTMLDocument('');
    const print = vi.fn();
    vi.spyOn(e.win, 'open').mockReturnValue({ document: popup, print } as unknown as Window);
    await e.ex.print();
    expect(popup.title).toBe('Backstory handout: Leaders meet in Astana');
    expect(popup.querySelector('h2')?.textContent).toBe('NATO');
    expect(print).toHaveBeenCalled();
  });

  it('downloads the Markdown glossary when no window may open', async () => {
    const e = exporter();
    vi.spyOn(e.win, 'open').mockReturnValue(null);
    await e.ex.print();
    await vi.waitFor(() => expect(e.clicked.map((a) => a.download)).toEqual(['backstory-leaders-meet-in-astana.md']));
  });

  it('names files after the article, safely', () => {
    expect(slug('Leaders: meet — in Astana!')).toBe('leaders-meet-in-astana');
    expect(slug('???')).toBe('article');
  });
});

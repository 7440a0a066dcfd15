// @vitest-environment happy-dom
/**
 * The mention map (article text ↔ Ranges) and the painter that draws them, over a real
 * extraction of a happy-dom page and a recording highlight layer.
 */
import { describe, it, expect } from 'vitest';
import { extractArticle } from '../../lib/page/extract.ts';
import { makeEntity, makeResult } from '../fixtures/ui-fixtures.ts';
import { DEFAULT_SETTINGS } from '../../lib/storage/settings.ts';
import { until } from './fakes.ts';
import { HEAD_MENTIONS, WINDOW_ABOVE } from '../../lib/analyzer/painter.ts';
import { parts } from './parts.ts';
import type { Mention } from '../../lib/engine/types.ts';

function setUp() {
  const p = parts();
  const article = extractArticle(p.doc)!;
  p.mentions.setArticle(article);
  const all = (needle: string): Mention[] => {
    const out: Mention[] = [];
    for (let at = article.text.indexOf(needle); at >= 0; at = article.text.indexOf(needle, at + 1))
      out.push({ start: at, end: at + needle.length, text: needle });
    return out;
  };
  const result = makeResult({
    entities: [
      makeEntity({ name: 'NATO', type: 'organization', mentions: all('NATO') }),
      makeEntity({ name: 'Kazakhstan', type: 'country', mentions: all('Kazakhstan') }),
    ],
  });
  return { ...p, article, result };
}

describe('analyzer/mentions', () => {
  it('maps each mention to a Range over exactly its text on the page, built once', () => {
    const { mentions, result } = setUp();
    mentions.setResult(result);
    expect(mentions.refs.map((r) => r.key)).toEqual(['kazakhstan', 'nato', 'kazakhstan', 'nato']);
    const ref = mentions.ref('nato', 1)!;
    const range = mentions.range(ref.start, ref.end)!;
    expect(range.toString()).toBe('NATO');
    expect(mentions.range(ref.start, ref.end)).toBe(range);
    expect(mentions.rangeOfMention(result.entities[1], 0)!.toString()).toBe('Kazakhstan');
  });

  it('knows which elements hold article text (the only pointer targets worth a hit test)', () => {
    const { mentions, doc } = setUp();
    expect(mentions.holdsArticleText(doc.querySelector('article p'))).toBe(true);
    expect(mentions.holdsArticleText(doc.querySelector('nav'))).toBe(false);
    expect(mentions.holdsArticleText(null)).toBe(false);
  });

  it('has no Ranges without an article', () => {
    const { mentions } = setUp();
    mentions.setArticle(null);
    expect(mentions.range(0, 4)).toBeNull();
    expect(mentions.hitTest(10, 10)).toBeNull();
  });
});

describe('analyzer/painter', () => {
  it("draws a long article's first mentions at once, before the viewport observer's first report", async () => {
    const para = '<p>NATO met NATO and NATO again while NATO waited for NATO to decide.</p>';
    const html = `<!doctype html><html><head><title>Long</title></head><body><article><h1>A long read</h1>${para.repeat(
      WINDOW_ABOVE / 5 + 20,
    )}</article></body></html>`;
    const p = parts({ html });
    // An observer that never reports, as before the page's next frame.
    p.win.IntersectionObserver = class {
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof IntersectionObserver;
    const article = extractArticle(p.doc)!;
    p.mentions.setArticle(article);
    const mentions: Mention[] = [];
    for (let at = article.text.indexOf('NATO'); at >= 0; at = article.text.indexOf('NATO', at + 1))
      mentions.push({ start: at, end: at + 4, text: 'NATO' });
    expect(mentions.length).toBeGreaterThan(WINDOW_ABOVE);
    p.painter.paint(
      makeResult({ entities: [makeEntity({ name: 'NATO', type: 'organization', mentions })] }),
      DEFAULT_SETTINGS,
    );
    await until(() => p.layer.size === HEAD_MENTIONS, 'the first mentions drawn');
  });

  it('draws every mention of the highlighted types', async () => {
    const { painter, layer, result } = setUp();
    painter.paint(result, DEFAULT_SETTINGS);
    await until(() => layer.size === 4, 'four mentions drawn');
    expect([...layer.drawn].map((r) => r.toString()).sort()).toEqual(['Kazakhstan', 'Kazakhstan', 'NATO', 'NATO']);
  });

  it('draws only the types the reader chose', async () => {
    const { painter, layer, result } = setUp();
    painter.paint(result, { ...DEFAULT_SETTINGS, highlightTypes: ['country'] });
    await until(() => layer.size === 2, 'two mentions drawn');
    expect([...layer.drawn].map((r) => r.toString())).toEqual(['Kazakhstan', 'Kazakhstan']);
  });

  it('takes the mentions down when highlights are switched off', async () => {
    const { painter, layer, result } = setUp();
    painter.paint(result, DEFAULT_SETTINGS);
    await until(() => layer.size === 4, 'four mentions drawn');
    painter.paint(result, { ...DEFAULT_SETTINGS, highlights: false });
    expect(layer.size).toBe(0);
  });

  it('a new paint replaces the one in progress: the older one draws nothing more', async () => {
    const { painter, layer, result } = setUp();
    const added: string[] = [];
    const add = layer.add.bind(layer);
    layer.add = (r: Range) => (added.push(r.toString()), add(r));
    painter.paint(result, DEFAULT_SETTINGS);
    const onlyNato = makeResult({ entities: [result.entities[0]!] });
    painter.paint(onlyNato, DEFAULT_SETTINGS);
    await until(() => layer.size === 2, 'the newer result drawn');
    expect(added).toEqual(['NATO', 'NATO']);
  });

  // Issue 18, item 7: after the docked sidebar closed the text re-wrapped, and highlights stayed
  // painted where their words had been, a character short, until something else repainted.
  it('repaints the drawn highlights when the page reflows (the docked sidebar closes, the window resizes)', async () => {
    const { painter, layer, result, win } = setUp();
    const observed: ResizeObserverCallback[] = [];
    const original = win.ResizeObserver;
    win.ResizeObserver = class {
      constructor(cb: ResizeObserverCallback) {
        observed.push(cb);
      }
      observe() {}
      unobserve() {}
      disconnect() {}
    } as unknown as typeof ResizeObserver;
    try {
      painter.paint(result, DEFAULT_SETTINGS);
      await until(() => layer.size === 4, 'four mentions drawn');
      expect(observed).toHaveLength(1);
      const report = () => observed[0]!([], {} as ResizeObserver);
      report(); // the report every observer makes when it starts watching
      await new Promise((r) => win.requestAnimationFrame(r));
      expect(layer.repainted).toBe(0);
      report(); // the page's width changed
      await until(() => layer.repainted === 1, 'the highlights repainted');
      expect(layer.size).toBe(4);
    } finally {
      win.ResizeObserver = original;
    }
  });

  it('clears everything when there is no result', () => {
    const { painter, layer } = setUp();
    painter.paint(null, DEFAULT_SETTINGS);
    expect(layer.cleared).toBe(1);
  });
});

import { describe, it, expect } from 'vitest';
import { HighlightLayer, HIGHLIGHT_MENTION, HIGHLIGHT_MENTION_BG, HIGHLIGHT_HOVER } from '../../lib/page/highlights.ts';

/** The Custom Highlight API as the spec describes it: a set-like Highlight and a map-like registry. */
class FakeHighlight extends Set<object> {
  static created = 0;
  constructor(...ranges: object[]) {
    super(ranges);
    FakeHighlight.created++;
  }
}

function fakeWindow() {
  const registry = new Map<string, FakeHighlight>();
  const win = { CSS: { highlights: registry }, Highlight: FakeHighlight } as unknown as Window & typeof globalThis;
  return { win, registry };
}

const range = () => ({}) as Range;

describe('HighlightLayer', () => {
  it('adds mentions to one registered Highlight instead of rebuilding it', () => {
    const { win, registry } = fakeWindow();
    const layer = new HighlightLayer(win);
    const before = FakeHighlight.created;
    const rs = Array.from({ length: 100 }, range);
    for (const r of rs) layer.add(r);
    expect(FakeHighlight.created - before).toBe(1);
    expect(registry.get(HIGHLIGHT_MENTION)?.size).toBe(100);
    layer.add(rs[0]!); // already drawn
    expect(layer.size).toBe(100);
  });

  it('repaint registers the drawn highlight again (the browser paints it from the new layout), with the same ranges', () => {
    const { win, registry } = fakeWindow();
    const calls: string[] = [];
    const set = registry.set.bind(registry);
    const del = registry.delete.bind(registry);
    registry.set = (k, v) => (calls.push(`set ${k}`), set(k, v));
    registry.delete = (k) => (calls.push(`delete ${k}`), del(k));
    const layer = new HighlightLayer(win);
    const [a, b] = [range(), range()];
    layer.add(a);
    layer.add(b);
    const drawn = registry.get(HIGHLIGHT_MENTION);
    calls.length = 0;
    layer.repaint();
    expect(calls).toEqual([`delete ${HIGHLIGHT_MENTION}`, `set ${HIGHLIGHT_MENTION}`]);
    expect(registry.get(HIGHLIGHT_MENTION)).toBe(drawn);
    expect([...drawn!]).toEqual([a, b]);
  });

  it('retain drops the mentions that went away and keeps the rest', () => {
    const { win, registry } = fakeWindow();
    const layer = new HighlightLayer(win);
    const [a, b, c] = [range(), range(), range()];
    for (const r of [a, b, c]) layer.add(r);
    layer.retain(new Set([b, c]));
    expect([...registry.get(HIGHLIGHT_MENTION)!]).toEqual([b, c]);
  });

  it('switching style moves what is drawn to the other highlight name', () => {
    const { win, registry } = fakeWindow();
    const layer = new HighlightLayer(win);
    const [a, b] = [range(), range()];
    layer.add(a, 'underline');
    layer.add(b, 'background');
    expect(registry.has(HIGHLIGHT_MENTION)).toBe(false);
    expect([...registry.get(HIGHLIGHT_MENTION_BG)!]).toEqual([a, b]);
  });

  it('clear removes mentions, hover and flash; clearMentions leaves the hover', () => {
    const { win, registry } = fakeWindow();
    const layer = new HighlightLayer(win);
    layer.add(range());
    layer.hover(range());
    layer.clearMentions();
    expect(registry.has(HIGHLIGHT_MENTION)).toBe(false);
    expect(registry.has(HIGHLIGHT_HOVER)).toBe(true);
    layer.add(range());
    expect(layer.size).toBe(1);
    layer.clear();
    expect(registry.size).toBe(0);
    expect(layer.size).toBe(0);
  });

  it('does nothing, quietly, where the API is missing', () => {
    const layer = new HighlightLayer({} as Window & typeof globalThis);
    expect(layer.supported).toBe(false);
    expect(() => {
      layer.add(range());
      layer.retain(new Set());
      layer.hover(range());
      layer.clear();
    }).not.toThrow();
  });
});

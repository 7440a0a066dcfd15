import { describe, it, expect } from 'vitest';
import { Window } from 'happy-dom';
import { extractArticle } from '../../lib/page/extract.ts';
import { groupByBlock, ViewportWindow } from '../../lib/page/viewport-window.ts';

function article(html: string) {
  const win = new Window({ url: 'https://news.example/story' });
  win.document.write(`<!doctype html><html><head><title>T</title></head><body>${html}</body></html>`);
  const doc = win.document as unknown as Document;
  const a = extractArticle(doc, { fallbackToBody: true });
  if (!a) throw new Error('no article');
  return { doc, a };
}

/** A stand-in for IntersectionObserver that the test drives by hand. */
class FakeObserver {
  static last: FakeObserver | null = null;
  observed: Element[] = [];
  disconnected = false;
  constructor(
    readonly cb: (entries: { target: Element; isIntersecting: boolean }[]) => void,
    readonly options: IntersectionObserverInit,
  ) {
    FakeObserver.last = this;
  }
  observe(el: Element) {
    this.observed.push(el);
  }
  disconnect() {
    this.disconnected = true;
  }
  report(entries: [Element, boolean][]) {
    this.cb(entries.map(([target, isIntersecting]) => ({ target, isIntersecting })));
  }
}

const at = (text: string, word: string, from = 0) => ({ start: text.indexOf(word, from), word });

describe('groupByBlock', () => {
  it('groups mentions by the paragraph, heading or list item holding their first character', () => {
    const { doc, a } = article(
      '<article><h1>Kazakhstan and the SCO</h1><p>The <a href="/x"><b>Shanghai</b> Cooperation Organisation</a> met in Astana.</p><ul><li>Kazakhstan signed.</li></ul><p>Astana hosted it again.</p></article>',
    );
    const words = [
      at(a.text, 'SCO'),
      at(a.text, 'Shanghai'),
      at(a.text, 'Astana'),
      at(a.text, 'Kazakhstan', a.text.indexOf('signed') - 20),
      at(a.text, 'Astana', a.text.indexOf('hosted') - 10),
    ];
    expect(words.every((w) => w.start >= 0)).toBe(true);
    const groups = groupByBlock(a.segments, words);
    const byTag = [...groups].map(([el, items]) => [el.tagName, items.map((i) => i.word)]);
    expect(byTag).toEqual([
      ['H1', ['SCO']],
      // A mention inside <a><b> belongs to the paragraph, not to the inline elements.
      ['P', ['Shanghai', 'Astana']],
      ['LI', ['Kazakhstan']],
      ['P', ['Astana']],
    ]);
    expect(doc.querySelectorAll('p').length).toBe(2);
  });

  it('leaves out mentions whose text no longer maps to the page', () => {
    const { a } = article(
      '<article><p>Astana is the capital of Kazakhstan, and the seat of its government since 1997 when it moved.</p></article>',
    );
    expect(groupByBlock(a.segments, [{ start: a.text.length + 50 }]).size).toBe(0);
  });
});

describe('ViewportWindow', () => {
  const setup = () => {
    const { doc } = article('<article><p id="a">One</p><p id="b">Two</p><p id="c">Three</p></article>');
    const [pa, pb, pc] = ['a', 'b', 'c'].map((id) => doc.getElementById(id)!);
    const groups = new Map<Element, string[]>([
      [pa!, ['a1', 'a2']],
      [pb!, ['b1']],
      [pc!, ['c1']],
    ]);
    const calls: string[][] = [];
    const w = new ViewportWindow(groups, FakeObserver, (items) => calls.push(items));
    return { w, calls, pa: pa!, pb: pb!, pc: pc!, obs: FakeObserver.last! };
  };

  it('observes every block with a margin around the viewport and reports the items of the blocks in the band', () => {
    const { calls, pa, pb, pc, obs } = setup();
    expect(obs.observed).toEqual([pa, pb, pc]);
    expect(obs.options.rootMargin).toBe('100% 0px');
    obs.report([
      [pa, true],
      [pb, true],
      [pc, false],
    ]);
    expect(calls.at(-1)).toEqual(['a1', 'a2', 'b1']);
  });

  it('follows blocks entering and leaving, keeping document order', () => {
    const { calls, pa, pb, pc, obs } = setup();
    obs.report([
      [pa, true],
      [pb, false],
      [pc, false],
    ]);
    obs.report([
      [pc, true],
      [pa, false],
    ]);
    expect(calls.at(-1)).toEqual(['c1']);
    obs.report([[pb, true]]);
    expect(calls.at(-1)).toEqual(['b1', 'c1']);
  });

  it('reports nothing after stop, even from a report already queued', () => {
    const { w, calls, pa, obs } = setup();
    w.stop();
    expect(obs.disconnected).toBe(true);
    obs.report([[pa, true]]);
    expect(calls).toEqual([]);
  });
});

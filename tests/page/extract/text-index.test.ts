import { describe, it, expect } from 'vitest';
import { Window } from 'happy-dom';
import { TextIndex, lineEnds, liveResolver, mapCloneToLive } from '../../../lib/page/extract/text-index.ts';

function load(html: string): Document {
  const win = new Window();
  win.document.write(`<!doctype html><html><body>${html}</body></html>`);
  return win.document as unknown as Document;
}
const texts = (doc: Document) => Array.from(doc.querySelectorAll('p'), (p) => p.firstChild as Text);

describe('page/extract/text-index', () => {
  it('pairs each text node of a clone with the live node at the same place', () => {
    const doc = load('<p>One</p><p>Two</p><p>One</p>');
    const clone = doc.cloneNode(true) as Document;
    const map = new Map<Node, Text>();
    mapCloneToLive(doc, clone, map);
    const live = texts(doc);
    texts(clone).forEach((c, i) => expect(map.get(c)).toBe(live[i]));
  });

  it('finds repeated text in document order, after the last node found or seen', () => {
    const doc = load('<p>Astana</p><p>Tashkent</p><p>Astana</p><p>Astana</p>');
    const [a1, t, a2, a3] = texts(doc);
    const index = new TextIndex(doc);
    expect(index.find('Astana')).toBe(a1);
    expect(index.find('Astana')).toBe(a2);
    index.seen(t!);
    expect(index.find('Astana')).toBe(a2);
    expect(index.find('Astana')).toBe(a3);
    // Past the last one: back to the first.
    expect(index.find('Astana')).toBe(a1);
  });

  it('finds nothing for empty, blank or absent text', () => {
    const index = new TextIndex(load('<p>Astana</p>'));
    expect(index.find('')).toBeUndefined();
    expect(index.find('   ')).toBeUndefined();
    expect(index.find('Bishkek')).toBeUndefined();
  });

  it('compares line ends as an HTML parser returns them', () => {
    expect(lineEnds('a\r\nb\rc\nd')).toBe('a\nb\nc\nd');
    const doc = load('<p></p>');
    const p = doc.querySelector('p')!;
    p.append(doc.createTextNode('one\r\ntwo'));
    expect(new TextIndex(doc).find('one\ntwo')).toBe(p.firstChild);
  });

  it('resolves through the clone map first, else by text', () => {
    const doc = load('<p>Astana</p><p>Tashkent</p>');
    const [astana, tashkent] = texts(doc);
    const stranger = doc.createTextNode('Tashkent');
    const map = new Map<Node, Text>([[stranger, astana!]]);
    const resolve = liveResolver(map, new TextIndex(doc));
    expect(resolve(stranger)).toBe(astana);
    expect(resolve(doc.createTextNode('Tashkent'))).toBe(tashkent);
    expect(resolve(doc.createTextNode('Bishkek'))).toBeUndefined();
  });
});

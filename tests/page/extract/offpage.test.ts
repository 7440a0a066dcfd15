import { describe, it, expect } from 'vitest';
import { Window } from 'happy-dom';
import { parseHTML } from 'linkedom';
import {
  addTokens,
  articleTokens,
  indexClone,
  tokenResolver,
  tokensText,
  worthOffloading,
} from '../../../lib/page/extract/offpage.ts';
import type { ArticleTokens } from '../../../lib/messaging/types.ts';
import { TextBuilder } from '../../../lib/page/extract/text-builder.ts';
import { TextIndex, mapCloneToLive } from '../../../lib/page/extract/text-index.ts';

function load(html: string): Document {
  const win = new Window();
  win.document.write(html);
  return win.document as unknown as Document;
}
const filler = (n: number) =>
  Array.from(
    { length: n },
    (_, i) => `<p>Paragraph ${i + 1} of a story long enough for Readability to take it as the article body.</p>`,
  ).join('');
const page = (story: string) =>
  `<!doctype html><html><head><title>T</title></head><body><nav>Home</nav><article>${story}${filler(8)}</article></body></html>`;

/** Encode on the page, decode in a fresh parser: what the extension sends and gets back. */
function roundTrip(doc: Document) {
  const clone = doc.cloneNode(true) as Document;
  const map = new Map<Node, Text>();
  mapCloneToLive(doc, clone, map);
  const elements = indexClone(clone);
  const tokens = articleTokens(parseHTML(clone.documentElement.outerHTML).document as unknown as Document)!;
  return { clone, map, elements, tokens };
}

describe('page/extract/offpage', () => {
  it('numbers the clone’s elements in document order and separates adjacent text nodes', () => {
    const doc = load('<!doctype html><html><body><p id="x">One</p></body></html>');
    doc.getElementById('x')!.append(doc.createTextNode('Two'));
    const clone = doc.cloneNode(true) as Document;
    const elements = indexClone(clone);
    expect(elements.map((e) => [e.tagName.toLowerCase(), e.getAttribute('data-bs-i')])).toEqual([
      ['html', '0'],
      ['head', '1'],
      ['body', '2'],
      ['p', '3'],
    ]);
    // A parser would otherwise merge "One" and "Two" into one node that matches neither.
    expect(clone.querySelector('#x')!.childNodes).toHaveLength(3);
    expect(doc.getElementById('x')!.childNodes).toHaveLength(2);
  });

  it('turns Readability’s article into breaks and [element number, text] tokens', () => {
    const { tokens, elements } = roundTrip(load(page('<p>The SCO met in <b>Astana</b>.</p>')));
    expect(tokens.tokens[0]).toBe(0);
    const texts = tokens.tokens.filter((t): t is [number, string] => Array.isArray(t));
    expect(texts.slice(0, 3).map(([, s]) => s)).toEqual(['The SCO met in ', 'Astana', '.']);
    // Each token names the element its text sat in on the page.
    expect(elements[texts[1]![0]]!.tagName).toBe('B');
    expect(elements[texts[0]![0]]!.tagName).toBe('P');
    expect(tokensText(tokens)).toContain('The SCO met in Astana.');
  });

  it('returns null when Readability finds no article', () => {
    const doc = parseHTML('<!doctype html><html><body><img src="/photo.jpg"></body></html>').document;
    expect(articleTokens(doc as unknown as Document)).toBeNull();
  });

  it('maps tokens back to the live nodes, the same text among siblings in order', () => {
    const doc = load(page('<p id="x">Astana</p>'));
    const x = doc.getElementById('x')!;
    x.append(doc.createTextNode('Astana'));
    const { map, elements, tokens } = roundTrip(doc);
    const resolve = tokenResolver(elements, map, new TextIndex(doc));
    const owner = elements.findIndex((e) => e.getAttribute('id') === 'x');
    expect(resolve(owner, 'Astana')).toBe(x.childNodes[0]);
    expect(resolve(owner, 'Astana')).toBe(x.childNodes[1]);
    // Unknown element: by text anywhere in the page.
    expect(resolve(-1, 'Paragraph 3 of a story long enough for Readability to take it as the article body.')).toBe(
      doc.querySelectorAll('p')[3]!.firstChild,
    );
    expect(tokens.title).toBe('T');
  });

  it('builds the text from tokens, with a space that maps to no node for an unmatched space', () => {
    const doc = load(page('<p id="a">Tashkent</p><p id="b">replied.</p>'));
    const a = doc.getElementById('a')!.firstChild as Text;
    const b = doc.getElementById('b')!.firstChild as Text;
    const tokens: ArticleTokens = {
      title: '',
      tokens: [[1, 'Tashkent'], [1, ' '], [1, 'replied.'], 0, [1, 'Nowhere to be found']],
    };
    const builder = new TextBuilder(1000);
    const resolve = (_: number, s: string) => (s === 'Tashkent' ? a : s === 'replied.' ? b : undefined);
    for (const step = addTokens(builder, tokens, resolve); !step.next().done;);
    expect(builder.text).toBe('Tashkent replied.');
    expect(builder.segments.map((s) => s.node)).toEqual([a, b]);
  });

  it('keeps a caption whose credit was cut off its end, mapped to its live node', () => {
    const doc = load(
      page('<figure><figcaption id="c">Crews at the dam. (Tamsin Roe / The Gazette)</figcaption></figure>'),
    );
    const { map, elements, tokens } = roundTrip(doc);
    const cut = tokens.tokens.find((t): t is [number, string] => Array.isArray(t) && t[1].startsWith('Crews'))!;
    expect(cut[1].trim()).toBe('Crews at the dam.');
    const builder = new TextBuilder(1000);
    for (const step = addTokens(builder, tokens, tokenResolver(elements, map, new TextIndex(doc))); !step.next().done;);
    expect(builder.text).toContain('Crews at the dam.');
    expect(builder.text).not.toContain('Tamsin Roe');
    const seg = builder.segments.find((s) => s.node === doc.getElementById('c')!.firstChild)!;
    expect(builder.text.slice(seg.start, seg.end).trim()).toBe('Crews at the dam.');
  });

  it('sends a page when it has many elements or much text', () => {
    const doc = load(page('<p>Short</p>'));
    const elements = doc.getElementsByTagName('*').length;
    const chars = doc.body.textContent!.length;
    expect(worthOffloading(doc, elements, Infinity)).toBe(true);
    expect(worthOffloading(doc, elements + 1, Infinity)).toBe(false);
    expect(worthOffloading(doc, Infinity, chars)).toBe(true);
    expect(worthOffloading(doc, Infinity, chars + 1)).toBe(false);
  });
});

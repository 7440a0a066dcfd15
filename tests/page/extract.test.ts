import { describe, it, expect } from 'vitest';
import { Window } from 'happy-dom';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import {
  articleTokens,
  extractArticle,
  extractArticleAsync,
  OFFLOAD_MIN_ELEMENTS,
  OFFLOAD_MIN_TEXT_CHARS,
} from '../../lib/page/extract.ts';
import { looksLikeArticle } from '../../lib/page/readerable.ts';
import { rangeFor, offsetOf, segmentsByNode } from '../../lib/page/ranges.ts';

function load(html: string): Document {
  const win = new Window({ url: 'https://news.example/story' });
  win.document.write(html);
  return win.document as unknown as Document;
}

const demo = readFileSync(join(process.cwd(), 'tests/fixtures/pages/demo-article.html'), 'utf8');

function article(body: string, title = 'Test page'): string {
  const paras = body;
  return `<!doctype html><html><head><title>${title}</title></head><body><nav><a href="#">Home</a> <a href="#">World</a> Trending: Quillstone Insurance</nav><article><h1>${title}</h1>${paras}</article><footer>Copyright Harbor Gazette</footer></body></html>`;
}

const filler = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i + 1} of a test article written for Backstory, long enough to count as reading matter for the article detector and the extractor alike.</p>`,
  ).join('');

describe('page/extract', () => {
  it('extracts the headline and body of an article but not its navigation or footer', () => {
    const doc = load(demo);
    const a = extractArticle(doc)!;
    expect(a).not.toBeNull();
    expect(a.method).toBe('readability');
    expect(a.text.startsWith("Beijing's quiet security push in Central Asia tests the SCO's limits")).toBe(true);
    expect(a.text).toContain('Quadrilateral Cooperation and Coordination Mechanism (QCCM)');
    expect(a.text).not.toContain('a fictional newspaper');
    expect(a.text).not.toMatch(/\bOpinion\b/);
  });

  it('maps every offset back to the live text node it came from', () => {
    const doc = load(demo);
    const a = extractArticle(doc)!;
    const byNode = segmentsByNode(a.segments);
    for (const word of ['QCCM', 'Nurly Zhol', "People's Armed Police", 'Khorgos']) {
      let from = 0;
      for (;;) {
        const at = a.text.indexOf(word, from);
        if (at < 0) break;
        from = at + word.length;
        const r = rangeFor(doc, a.segments, at, at + word.length)!;
        expect(r.toString()).toBe(word);
        expect(offsetOf(byNode, r.startContainer, r.startOffset)).toBe(at);
      }
    }
  });

  it('collapses source whitespace but keeps offsets exact across NBSP, CRLF and emoji', () => {
    const html = article(
      `<p>The   SCO\r\n   met in\u00a0Astana 👩‍👩‍👧 and NATO <b>watched</b> closely.</p><p dir="rtl">قال مسؤولون إن الاجتماع انتهى.</p>${filler(6)}`,
    );
    const doc = load(html);
    const a = extractArticle(doc)!;
    expect(a.text).toContain('The SCO met in\u00a0Astana 👩‍👩‍👧 and NATO watched closely.');
    for (const w of ['SCO', 'Astana', 'NATO', 'watched', 'مسؤولون']) {
      const at = a.text.indexOf(w);
      expect(rangeFor(doc, a.segments, at, at + w.length)!.toString()).toBe(w);
    }
  });

  it('keeps markup-like text as text', () => {
    const doc = load(
      article(
        `<p>A reader wrote &lt;img src=x onerror=alert(1)&gt; and {{7*7}} and javascript:alert(1) in a comment quoted here at length for the test.</p>${filler(5)}`,
      ),
    );
    const a = extractArticle(doc)!;
    expect(a.text).toContain('<img src=x onerror=alert(1)>');
  });

  it('judges a link grid not an article (the sentinel gate) and reads its body only when asked', () => {
    const grid = `<!doctype html><html><body><nav>Menu</nav>${'<div><a href="#">link</a> <a href="#">link</a></div>'.repeat(200)}</body></html>`;
    expect(looksLikeArticle(load(grid))).toBe(false);
    expect(looksLikeArticle(load(demo))).toBe(true);
    // Long paragraphs only in a footer or navigation do not make an article.
    expect(looksLikeArticle(load(`<!doctype html><html><body><footer>${filler(10)}</footer></body></html>`))).toBe(
      false,
    );
    expect(looksLikeArticle(load('<!doctype html><html><head></head></html>'))).toBe(false);
    const body = extractArticle(load('<!doctype html><html><body><div>Short note about NATO.</div></body></html>'), {
      fallbackToBody: true,
    });
    expect(body?.text).toContain('NATO');
  });

  it('returns null when there is no text at all', () => {
    expect(extractArticle(load('<!doctype html><html><body></body></html>'), { fallbackToBody: true })).toBeNull();
  });

  it('caps very long articles and says so', () => {
    const doc = load(article(filler(3000)));
    const a = extractArticle(doc, { maxChars: 50_000 })!;
    expect(a.text.length).toBeLessThanOrEqual(50_000);
    expect(a.truncated).toBe(true);
  });

  it('marks where the text is a heading, or a line that is a link and nothing else', () => {
    const doc = load(
      article(
        `<h2>Five <em>things</em> we learned</h2>${filler(4)}<p><a href="/other">Two more stories to read</a></p>` +
          `<p>A report on <a href="/r">3 rivers</a> found 12 dams in the valley, a finding the panel called new.</p>`,
        'The 40 towns that flooded',
      ),
    );
    const a = extractArticle(doc)!;
    const marked = a.headings.map(([s, e]) => a.text.slice(s, e));
    expect(marked).toEqual(['The 40 towns that flooded', 'Five things we learned', 'Two more stories to read']);
  });

  it('marks the same headings when the page is parsed in the background', async () => {
    const html = article(`<h2>Section 2 of the story</h2>${filler(6)}`, 'A headline with 3 words');
    const here = extractArticle(load(html))!;
    const there = (await extractArticleAsync(load(html), { offloadMinElements: 0 }, noYield, inBackground))!;
    expect(here.headings.map(([s, e]) => here.text.slice(s, e))).toEqual([
      'A headline with 3 words',
      'Section 2 of the story',
    ]);
    expect(there.headings).toEqual(here.headings);
  });

  it('does not modify the page', () => {
    const doc = load(demo);
    const before = doc.documentElement.outerHTML;
    extractArticle(doc);
    expect(doc.documentElement.outerHTML).toBe(before);
  });
});

/** The background's side of an offloaded parse, as the extension runs it: linkedom, then articleTokens. */
const inBackground = async (html: string) => articleTokens(parseHTML(html).document as unknown as Document);
const noYield = async () => {};

describe('page/extract: a large page parsed in the background', () => {
  const strip = (a: { title: string; text: string; segments: { start: number; end: number; node: Text }[] } | null) =>
    a && { title: a.title, text: a.text, segments: a.segments.map((s) => [s.start, s.end, s.node.data]) };

  it('gives the same article, mapped to the same live nodes, as a parse on the page', async () => {
    const here = extractArticle(load(demo));
    const doc = load(demo);
    let sent = '';
    const there = await extractArticleAsync(doc, { offloadMinElements: 0 }, noYield, async (html) => {
      sent = html;
      return inBackground(html);
    });
    expect(sent).toContain('data-bs-i="');
    expect(strip(there)).toEqual(strip(here));
    const at = there!.text.indexOf('QCCM');
    expect(rangeFor(doc, there!.segments, at, at + 4)!.toString()).toBe('QCCM');
  });

  it('matches text that a parser hands back in pieces or with other line ends (NBSP, CRLF, &amp;, adjacent text nodes)', async () => {
    const doc = load(
      article(`<p id="x">The SCO &amp; NATO met in\u00a0Astana,\r\n and the CSTO watched.</p>${filler(6)}`),
    );
    // Two text nodes side by side, as a script would leave them: a parser would merge them.
    doc.getElementById('x')!.append(doc.createTextNode(' Then Tashkent'), doc.createTextNode(' replied.'));
    const there = (await extractArticleAsync(doc, { offloadMinElements: 0 }, noYield, inBackground))!;
    expect(there.text).toContain('The SCO & NATO met in\u00a0Astana, and the CSTO watched. Then Tashkent replied.');
    for (const w of ['SCO', 'NATO', 'Astana', 'CSTO', 'Tashkent', 'replied']) {
      const at = there.text.indexOf(w);
      expect(rangeFor(doc, there.segments, at, at + w.length)!.toString(), w).toBe(w);
    }
  });

  it('reads the page itself when the background fails, answers nothing, or the page is small', async () => {
    const here = strip(extractArticle(load(demo)));
    expect(
      strip(
        await extractArticleAsync(load(demo), { offloadMinElements: 0 }, noYield, async () =>
          Promise.reject(new Error('gone')),
        ),
      ),
    ).toEqual(here);
    expect(strip(await extractArticleAsync(load(demo), { offloadMinElements: 0 }, noYield, async () => null))).toEqual(
      here,
    );
    let asked = false;
    const small = await extractArticleAsync(load(demo), {}, noYield, async (html) => {
      asked = true;
      return inBackground(html);
    });
    expect(asked).toBe(false);
    expect(strip(small)).toEqual(here);
  });

  it('sends a page with few elements but a lot of text (the parse follows the text too)', async () => {
    let asked = false;
    const long = article(filler(700));
    expect(load(long).getElementsByTagName('*').length).toBeLessThan(OFFLOAD_MIN_ELEMENTS);
    const there = await extractArticleAsync(load(long), {}, noYield, async (html) => {
      asked = true;
      return inBackground(html);
    });
    expect(asked).toBe(true);
    expect(there!.text.length).toBeGreaterThan(OFFLOAD_MIN_TEXT_CHARS);
  });

  it('never sends a copy larger than the cap', async () => {
    let asked = false;
    await extractArticleAsync(load(demo), { offloadMinElements: 0, offloadMaxChars: 1000 }, noYield, async () => {
      asked = true;
      return null;
    });
    expect(asked).toBe(false);
  });

  it('leaves the page untouched (the numbering and separators are on the copy only)', async () => {
    const doc = load(demo);
    const before = doc.documentElement.outerHTML;
    await extractArticleAsync(doc, { offloadMinElements: 0 }, noYield, inBackground);
    expect(doc.documentElement.outerHTML).toBe(before);
    expect(doc.querySelector('[data-bs-i]')).toBeNull();
  });
});

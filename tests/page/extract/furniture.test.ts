import { describe, it, expect } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../../../lib/page/extract.ts';
import { hintWords, hinted } from '../../../lib/page/extract/furniture.ts';

/**
 * The markup shapes are those of real news pages (bylines, credits inside figcaptions,
 * bios after the story, print-edition lines, "Read more:" lists); the names and sentences
 * are invented.
 */
const para = (i: number) =>
  `<p>Paragraph ${i} of the story about the Harbor Valley water board, long enough to read as article text for the extractor, with a council vote and a budget line.</p>`;
const body = (n: number, from = 1) => Array.from({ length: n }, (_, i) => para(i + from)).join('');

function textOf(inner: string): string {
  const html = `<!doctype html><html><head><title>Water board</title></head><body><article><h1>Water board</h1>${inner}</article></body></html>`;
  const { document } = parseHTML(html);
  return extractArticle(document as unknown as Document)!.text;
}

describe('page/extract/furniture: markup hints', () => {
  it('splits attribute values into words at separators and camelCase humps', () => {
    expect(hintWords('c-byline__time inStoryHeading post-body-bio')).toEqual([
      'c',
      'byline',
      'time',
      'in',
      'story',
      'heading',
      'post',
      'body',
      'bio',
    ]);
  });

  it('drops a byline marked by its class, with its time', () => {
    const text = textOf(
      `<div class="c-byline"><span>By Corin Vale</span><time class="c-byline__time">9:41 AM ET</time></div>${body(6)}<p class="byline-end">Words by Tamsin Roe</p>`,
    );
    expect(text).not.toContain('Corin Vale');
    expect(text).not.toContain('9:41');
    // Readability takes the first byline for its metadata; the second is ours to drop.
    expect(text).not.toContain('Tamsin Roe');
    expect(text).toContain('Paragraph 6');
  });

  it('drops a photo credit marked by itemprop inside a caption, and keeps the caption', () => {
    const text = textOf(
      `<figure><img src="x.jpg"><figcaption itemprop="caption description">Crews at the reservoir on Monday.<span itemprop="copyrightHolder">Tamsin Roe/Northwind Photo Agency</span></figcaption></figure>${body(6)}`,
    );
    expect(text).toContain('Crews at the reservoir on Monday.');
    expect(text).not.toContain('Northwind Photo Agency');
  });

  it('cuts a photo credit written at the end of a caption, and keeps the caption', () => {
    for (const [caption, credit] of [
      ['Crews at the reservoir on Monday. (Tamsin Roe / The Valley Gazette)', 'Tamsin Roe'],
      ['Crews at the reservoir on Monday. (AP Photo/Oskar Penn)', 'Oskar Penn'],
      ['Crews at the reservoir on Monday. Photograph: Ilse Marrow/Eastwire', 'Ilse Marrow'],
      ['Crews at the reservoir on Monday. Credit: Ravi Holm for the Gazette', 'Ravi Holm'],
    ]) {
      const text = textOf(`<figure><img src="x.jpg"><figcaption>${caption}</figcaption></figure>${body(6)}`);
      expect(text, caption).toContain('Crews at the reservoir on Monday.');
      expect(text, caption).not.toContain(credit);
    }
  });

  it('keeps a parenthesis or a colon that is not a credit', () => {
    const text = textOf(
      `${body(3)}<p>The vote was close (four to three), the clerk said.</p><p>The board met on two dates (May 4/May 11).</p><p>Photograph: the board has none of the meeting.</p>${body(3, 4)}`,
    );
    expect(text).toContain('(four to three)');
    expect(text).toContain('(May 4/May 11)');
    expect(text).toContain('Photograph: the board has none');
  });

  it('drops an attribution span and a rel="author" link', () => {
    const text = textOf(
      `<p>Written by <a rel="author" href="/staff/ilse">Ilse Marrow</a></p><div class="attribution">Oskar Penn/Eastwire</div>${body(6)}<p>Edited by <a rel="author" href="/staff/tove">Tove Brandt</a></p>`,
    );
    expect(text).not.toContain('Ilse Marrow');
    expect(text).not.toContain('Eastwire');
    expect(text).not.toContain('Tove Brandt');
  });

  it('drops a schema.org Person block and an author bio marked by class', () => {
    const text = textOf(
      `${body(6)}<section itemscope itemtype="http://schema.org/Person"><h4>About the writer</h4><p>Dana Lisk wrote a book on lighthouses.</p></section><div class="post-body-bio">Ravi Holm joined the paper from Lisbon.</div>`,
    );
    expect(text).not.toContain('Dana Lisk');
    expect(text).not.toContain('Ravi Holm');
  });

  it('drops newsletter and related-story boxes', () => {
    const text = textOf(
      `${body(3)}<section class="c-newsletter"><h2>Keep up with the Morning Pipe newsletter.</h2></section>${body(3, 4)}<div class="related-content"><a href="/a">Ferry line to close in Port Elling</a></div>`,
    );
    expect(text).not.toContain('Morning Pipe');
    expect(text).not.toContain('Port Elling');
  });

  it('keeps a hinted wrapper that holds the story itself (too much text for furniture)', () => {
    const text = textOf(`<div id="read-more"><div id="read-more-content">${body(8)}</div></div>`);
    expect(text).toContain('Paragraph 1 ');
    expect(text).toContain('Paragraph 8 ');
  });

  it('keeps a link whose class names a topic inside a sentence', () => {
    const text = textOf(
      `<p>The plan was backed by the <a class="related-topic" href="/t">Harbor Valley Trust</a> after a long debate in the chamber that lasted into the night.</p>${body(6)}`,
    );
    expect(text).toContain('backed by the Harbor Valley Trust after');
  });

  it('reads article, body and plain class names as no hint', () => {
    const { document } = parseHTML(
      '<div class="article-body story-text"></div><span class="dateline">TARN</span><div class="author-4326"></div>',
    );
    const [a, dateline, b] = Array.from(document.querySelectorAll('div, span'));
    expect(hinted(a!)).toBe(false);
    // A dateline is article text (the city it names is the story's).
    expect(hinted(dateline!)).toBe(false);
    expect(hinted(b!)).toBe(true);
  });
});

describe('page/extract/furniture: text patterns', () => {
  it('drops a print-edition line that Readability cut into pieces', () => {
    const text = textOf(
      `${body(6)}<div>A version of this article appears in print on <!-- -->, on Page <!-- -->B<!-- -->7<!-- --> of the Lakeside edition<!-- --> with the headline: <!-- -->Valley Water Vote</div>`,
    );
    expect(text).not.toContain('appears in print');
    expect(text).not.toContain('Lakeside edition');
  });

  it('drops "contributed reporting" and "contributed to this report" lines', () => {
    const text = textOf(
      `${body(6)}<p>Pell Ostrander contributed reporting from Tarn.</p><p>Mira Q. Hale contributed to this report.</p>`,
    );
    expect(text).not.toContain('Pell Ostrander');
    expect(text).not.toContain('Mira Q. Hale');
  });

  it('drops a "Read more:" label and the links under it, and a "Related:" link in the story', () => {
    const text = textOf(
      `${body(3)}<p><a href="/r"><span>Related:</span> Ferry fares rise again in Port Elling</a></p>${body(3, 4)}<p><b>Read more:</b></p><p><a href="/x">Tarn opens its new bridge</a></p><p><a href="/y">Lake levels fall in Wend</a></p>`,
    );
    expect(text).not.toContain('Port Elling');
    expect(text).not.toContain('Tarn opens');
    expect(text).not.toContain('Wend');
    expect(text).toContain('Paragraph 6');
  });

  it('drops a publication time line and a bare clock time', () => {
    const text = textOf(
      `<div>Gazette (Tarn) First published March 3, 2021: 7:05 AM ET</div><p>4:12 PM ET</p><p>Updated March 4, 2021</p>${body(6)}`,
    );
    expect(text).not.toContain('7:05');
    expect(text).not.toContain('4:12');
    expect(text).not.toContain('March 4, 2021');
  });

  it('drops newsletter sign-ups and syndication lines written in the text', () => {
    const text = textOf(
      `${body(3)}<p>SIGN UP FOR OUR NEWSLETTER</p>${body(3, 4)}<p>This article originally appeared on The Lantern.</p><h4>About the Author</h4>`,
    );
    expect(text).not.toContain('NEWSLETTER');
    expect(text).not.toContain('The Lantern');
    expect(text).not.toContain('About the Author');
  });

  it('drops a trailing bio: "<Name> is a … reporter", "<Name> covers …", in capitals too', () => {
    for (const bio of [
      'Corin Vale is a Metro reporter covering courts. She won the Tarn Prize for Local News.',
      'Ravi de Holm covers the statehouse. Since joining the paper, he has covered Wend and Tarn.',
      'Ilse Marrow has covered water policy since 2015. Previously she wrote about Lisbon banks.',
      'OSKAR PENN IS THE GAZETTE POLITICAL EDITOR',
    ]) {
      const text = textOf(`${body(6)}<p>${bio}</p>`);
      expect(text, bio).not.toContain(bio.slice(0, 12));
      expect(text).toContain('Paragraph 6');
    }
  });

  it('drops "<Name> is on Twitter …" and "Follow him on Twitter …" at the end', () => {
    const a = textOf(`${body(6)}<p><i>Ben Arlo is on Twitter at ben_arlo.</i></p>`);
    expect(a).not.toContain('Ben Arlo');
    const b = textOf(`${body(6)}<p>Follow Lena Voss on Twitter @lenavoss</p>`);
    expect(b).not.toContain('Lena Voss');
  });

  it('keeps a quote about Twitter and a paragraph about a reporter inside the story', () => {
    const text = textOf(
      `${body(3)}<p>Maria Lopez is a reporter at the valley radio station who first reported the leak in March.</p>${body(3, 4)}<p>“He is on Twitter all day long,” said Tove Brandt, the board’s chair.</p>`,
    );
    expect(text).toContain('Maria Lopez is a reporter');
    expect(text).toContain('He is on Twitter all day long');
  });

  it('keeps a last paragraph whose subject is not a name ("The city is …")', () => {
    const text = textOf(`${body(6)}<p>The board is the valley’s oldest employer of writers and editors.</p>`);
    expect(text).toContain('oldest employer of writers');
  });
});

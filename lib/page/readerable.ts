/**
 * "Is this page an article?" — the sentinel's question, on every page, so it must be
 * cheap (budget: 5 ms on the page's main thread). The scoring follows Readability's
 * isProbablyReaderable (paragraphs longer than a threshold, sqrt-weighted), with two
 * changes measured to matter on big pages: cheap positive signals are checked first
 * (article metadata), and at most MAX_PARAGRAPHS paragraphs are examined, reading
 * `textContent` of nothing else. No document-wide selector scans.
 */
export const READERABLE_MIN_CHARS = 120;
export const READERABLE_MIN_SCORE = 20;
/** Enough paragraphs to decide; a page that needs more to look like an article is not one. */
const MAX_PARAGRAPHS = 400;

const ARTICLE_TYPES =
  /"@type"\s*:\s*"(?:News|Reportage|Analysis|Opinion|Report|Review|Background|Blog)?(?:Article|Posting)"/;

export function looksLikeArticle(doc: Document): boolean {
  const body = doc.body;
  if (!body) return false;
  let score = 0;
  const paragraphs = doc.getElementsByTagName('p');
  const n = Math.min(paragraphs.length, MAX_PARAGRAPHS);
  for (let i = 0; i < n; i++) {
    const p = paragraphs[i]!;
    if (p.closest('nav, footer, aside, form, [hidden], [aria-hidden="true"]')) continue;
    const len = (p.textContent ?? '').trim().length;
    if (len < READERABLE_MIN_CHARS) continue;
    score += Math.sqrt(len - READERABLE_MIN_CHARS);
    if (score > READERABLE_MIN_SCORE) return true;
  }
  // Article metadata with at least some paragraph text.
  if (score > READERABLE_MIN_SCORE / 2) {
    if (doc.querySelector('meta[property="og:type"][content="article"]')) return true;
    for (const s of Array.from(doc.querySelectorAll('script[type="application/ld+json"]')).slice(0, 5))
      if (ARTICLE_TYPES.test(s.textContent ?? '')) return true;
  }
  return false;
}

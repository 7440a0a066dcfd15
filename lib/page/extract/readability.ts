/**
 * Backstory's use of Readability: what is removed from the clone before the parse, the
 * options (the `serializer` hands back the cleaned element itself, so its text nodes can
 * be matched to the page's), and finding the headline Readability leaves out.
 */
import { Readability } from '@mozilla/readability';
import { markedText, stripTextFurniture } from './furniture.ts';

const READABILITY_OPTIONS = { serializer: (el: Node) => el, charThreshold: 300 } as unknown as ConstructorParameters<
  typeof Readability
>[1];

/** The article Readability finds in `doc` (which it modifies: pass a clone), without its furniture's text, or null when it finds none or fails. */
export function readability(doc: Document): { title: string | null; content: Node } | null {
  try {
    const furniture = markedText(doc);
    const parsed = new Readability(doc, READABILITY_OPTIONS).parse() as unknown as {
      title?: string | null;
      content?: unknown;
    } | null;
    const content = parsed?.content;
    if (!content || typeof content !== 'object' || !('childNodes' in content)) return null;
    // Here, so that the page and the background (offpage.ts) read the same article.
    for (const n of furniture) n.parentNode?.removeChild(n);
    stripTextFurniture(content as Node);
    return { title: parsed?.title ?? null, content: content as Node };
  } catch {
    return null;
  }
}

/**
 * Remove from a clone what Readability would discard unread anyway (it keeps JSON-LD for
 * the metadata): less for its parse, the longest step on large pages (50-77 ms on a long
 * encyclopedia page).
 */
export function dropUnread(clone: Document): void {
  for (const el of Array.from(
    clone.querySelectorAll(
      'script:not([type="application/ld+json"]), style, noscript, template, svg, iframe, canvas, video, audio, object',
    ),
  ))
    el.remove();
}

/** The page's headline: the h1 that matches the title, else one inside the article, else the only h1. */
export function findHeadline(doc: Document, title: string): Element | null {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const t = norm(title);
  const h1s = Array.from(doc.querySelectorAll('h1'));
  return (
    h1s.find((h) => t && (norm(h.textContent ?? '') === t || t.includes(norm(h.textContent ?? '')))) ??
    h1s.find((h) => h.closest('article, main, [itemprop="articleBody"]')) ??
    (h1s.length === 1 ? h1s[0]! : null)
  );
}

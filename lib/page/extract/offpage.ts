/**
 * The off-page codec (ADR 7): a large page's Readability parse runs in the background on
 * a serialized copy, and comes back as plain data that the page maps to its live text
 * nodes. Encoding (indexClone) and decoding (tokenResolver, addTokens) run on the page;
 * articleTokens runs in the background, on the copy parsed again. The tokens' type is part
 * of the message contract (lib/messaging/types.ts).
 */
import type { ArticleToken, ArticleTokens } from '../../messaging/types.ts';
import { readability } from './readability.ts';
import type { TextBuilder } from './text-builder.ts';
import { lineEnds, type TextIndex } from './text-index.ts';
import { keptLength, TEXT_NODE, WALK_STEP_NODES, walkAll, type WalkSink } from './walk.ts';

/** The attribute that numbers a clone's elements (pre-order) before it is serialized. */
const INDEX_ATTR = 'data-bs-i';
/**
 * A clone with at least this many elements is parsed in the background when the caller
 * can do that (Readability's one task on the page: ~40 ms on a 2,700-element encyclopedia
 * page, 45-70 ms with the page busy). Smaller pages stay on the page, where the parse is
 * quick and no round trip is added.
 */
export const OFFLOAD_MIN_ELEMENTS = 2000;
/**
 * …or at least this many characters of text: the parse's cost follows the text as much as
 * the elements (cold, in a quiet page: 37-48 ms on two saved pages of 760 and 1,227 elements
 * with 97,000 and 135,000 characters; 8-25 ms on most news pages, which have less).
 */
export const OFFLOAD_MIN_TEXT_CHARS = 90_000;

/** Whether a clone is large enough for its parse to be worth sending away. */
export function worthOffloading(clone: Document, minElements: number, minTextChars: number): boolean {
  return (
    clone.getElementsByTagName('*').length >= minElements || (clone.body?.textContent?.length ?? 0) >= minTextChars
  );
}

/**
 * Readability on a document whose elements carry INDEX_ATTR (a serialized clone parsed
 * again, in the background), its output walked into tokens with the same rules as on
 * the page.
 */
export function articleTokens(doc: Document): ArticleTokens | null {
  // A parser may hand one text node over in pieces (linkedom splits text at character
  // references): join them, so that each matches its node on the page. Text nodes that were
  // adjacent on the page stay apart: indexClone put a comment between them.
  doc.documentElement?.normalize();
  const parsed = readability(doc);
  if (!parsed) return null;
  const tokens: ArticleToken[] = [];
  const sink: WalkSink = {
    full: false,
    block: (kind) => tokens.push(kind === '\n\n' ? 0 : 1),
    text: (n) => {
      const owner = n.parentElement?.closest(`[${INDEX_ATTR}]`);
      const i = owner ? Number(owner.getAttribute(INDEX_ATTR)) : -1;
      tokens.push([Number.isInteger(i) ? i : -1, n.data]);
    },
  };
  walkAll(parsed.content, sink, false);
  return { title: (parsed.title ?? '').trim(), tokens };
}

/**
 * Prepare the clone to be parsed elsewhere: number its elements in document order, and
 * put an empty comment between adjacent text nodes (a parser would merge them, and the
 * merged text would match neither). Returns the elements by number.
 */
export function indexClone(clone: Document): Element[] {
  const SHOW_ELEMENT = 1;
  const SHOW_TEXT = 4;
  const elements: Element[] = [];
  const ew = clone.createTreeWalker(clone, SHOW_ELEMENT);
  for (let n = ew.nextNode(); n; n = ew.nextNode()) {
    (n as Element).setAttribute(INDEX_ATTR, String(elements.length));
    elements.push(n as Element);
  }
  const tw = clone.createTreeWalker(clone, SHOW_TEXT);
  for (let n = tw.nextNode(); n; n = tw.nextNode())
    if (n.previousSibling?.nodeType === TEXT_NODE) n.parentNode?.insertBefore(clone.createComment(''), n);
  return elements;
}

/**
 * A token's live text node: among the direct text children of the element it names (a
 * node Readability moved into a new wrapper still names its old parent), the next with
 * the same text; failing that, the same text anywhere in the page.
 */
export function tokenResolver(
  elements: Element[],
  map: Map<Node, Text>,
  index: TextIndex,
): (owner: number, data: string) => Text | undefined {
  const used = new Set<Node>();
  return (owner, data) => {
    const el = elements[owner];
    const key = lineEnds(data);
    if (el) {
      // The same text; failing that, a text the token is the start of (a credit cut from its end).
      for (const same of [(d: string) => d === key, (d: string) => key.length > 0 && d.startsWith(key)])
        for (let c = el.firstChild; c; c = c.nextSibling) {
          if (c.nodeType !== TEXT_NODE || used.has(c) || !same(lineEnds((c as Text).data))) continue;
          used.add(c);
          const live = map.get(c);
          if (live) index.seen(live);
          return live;
        }
    }
    return index.find(data);
  };
}

/** The tokens' plain text (a space for each break), to compare with the headline. */
export const tokensText = (tokens: ArticleTokens): string =>
  tokens.tokens.map((t) => (typeof t === 'object' ? t[1] : ' ')).join('');

/**
 * Build the article text from the tokens, each text token through `resolve`; an unmatched
 * space becomes a space that maps to no node. Yields every WALK_STEP_NODES tokens.
 */
export function* addTokens(
  builder: TextBuilder,
  tokens: ArticleTokens,
  resolve: (owner: number, data: string) => Text | undefined,
): Generator<void, void> {
  let n = 0;
  for (const t of tokens.tokens) {
    if (builder.full) break;
    if (++n % WALK_STEP_NODES === 0) yield;
    if (t === 0) builder.block('\n\n');
    else if (t === 1) builder.block('\n');
    else if (Array.isArray(t) && typeof t[1] === 'string') {
      const live = resolve(t[0], t[1]);
      if (live) builder.add(live, keptLength(t[1], live));
      else if (!t[1].trim()) builder.space();
    }
  }
}

/**
 * Page furniture is not article text (issue 16, item 3): bylines, author bios, "X is on
 * Twitter", print-edition lines, photo credits, datelines' times, related-story links and
 * newsletter boxes. Left in, their names became entities (a bio's prize and cities, a
 * credit's agency, "the New York edition"). Two passes, both general, never a list of names;
 * the words and patterns are data (data/rules/furniture.json):
 *
 * - markFurniture, on the clone before Readability (a large page's copy parsed in the
 *   background carries the marks); their text nodes (markedText) are removed from
 *   Readability's output: elements whose class, id, data-testid or aria-label has a
 *   hint word ("byline", "credit", "newsletter"…), whose itemprop or rel names an author,
 *   creator or copyright holder, or that are schema.org Person blocks; found by one native
 *   selector query, each kept if it is too large to be furniture.
 * - stripTextFurniture, on Readability's output (Readability drops class names): short leaf
 *   blocks whose whole text is furniture ("A version of this article appears in print…",
 *   "… contributed reporting.", "Read more:" and the links under it), and, among the last
 *   few blocks only, a bio's shape ("<Name> is a … reporter", "<Name> covers …",
 *   "<Name> is on Twitter …"); and a photo credit at the end of a short block ("(Ana Ruiz /
 *   The Gazette)", "Photograph: Ana Ruiz/Eastwire"), cut from its last text node. Regular
 *   expressions run on short blocks only.
 */
import rules from '../../../data/rules/furniture.json';

/** A hinted element with more text than this outside its links is part of the article, not furniture. */
const MAX_FURNITURE_CHARS = 600;
/** Text rules look at blocks of at most this many characters (a bio or a print line; never an article's paragraph run). */
const MAX_TEXT_RULE_CHARS = 500;
/** How many of the article's last blocks may be an author's bio. */
const TRAILING_BLOCKS = 4;

const HINT_WORDS = new Set(rules.hintWords);
const HINT_PHRASES = rules.hintPhrases.map((p) => p.split(' '));
const ITEMPROPS = new Set(rules.itemprops);
const RELS = new Set(rules.rels);
const ITEMTYPES = new Set(rules.itemtypes);
const compile = (patterns: string[]) => patterns.map((p) => new RegExp(p, 'iu'));
const WHOLE_BLOCK = compile(rules.wholeBlock);
const RELATED_LABEL = compile(rules.relatedLabels);
const TRAILING_BIO = compile(rules.trailingBio);
/** Case-sensitive: the capital that starts a credit's name is the evidence. */
const TRAILING_CREDIT = rules.trailingCredit.map((p) => new RegExp(p, 'u'));
const PARTICLES = new Set(rules.nameParticles);
const NOT_NAMES = new Set(rules.notNames);

/**
 * The native query that finds every element that might carry a hint (substrings,
 * case-insensitive); `hinted` then checks for whole words. One query instead of a
 * JavaScript pass over all of a large page's elements.
 */
const CANDIDATES = [
  ...[...rules.hintWords, ...rules.hintPhrases.map((p) => p.split(' ')[0]!)].flatMap((w) =>
    ['class', 'id', 'data-testid', 'aria-label'].map((a) => `[${a}*="${w}" i]`),
  ),
  ...rules.itemprops.map((v) => `[itemprop*="${v}" i]`),
  ...rules.rels.map((v) => `[rel~="${v}" i]`),
  ...rules.itemtypes.map((v) => `[itemtype*="${v}" i]`),
].join(', ');

/** The words of an attribute value: split at separators and camelCase humps, lower-cased. */
export function hintWords(value: string): string[] {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

const hasPhrase = (words: string[], phrase: string[]) =>
  words.some((_, i) => phrase.every((p, j) => words[i + j] === p));

/** Whether an element's attributes say it is furniture. */
export function hinted(el: Element): boolean {
  const attr = (name: string) => el.getAttribute(name) ?? '';
  const props = attr('itemprop').toLowerCase().split(/\s+/);
  if (props.some((p) => ITEMPROPS.has(p))) return true;
  if (
    attr('rel')
      .toLowerCase()
      .split(/\s+/)
      .some((r) => RELS.has(r))
  )
    return true;
  const type = attr('itemtype').toLowerCase();
  if (type && ITEMTYPES.has(type.slice(type.lastIndexOf('/') + 1))) return true;
  // A link's class is often a topic or style inside a sentence: only its rel or itemprop counts.
  if (el.tagName.toUpperCase() === 'A') return false;
  for (const name of ['class', 'id', 'data-testid', 'aria-label']) {
    const value = attr(name);
    if (!value) continue;
    const words = hintWords(value);
    if (words.some((w) => HINT_WORDS.has(w)) || HINT_PHRASES.some((p) => hasPhrase(words, p))) return true;
  }
  return false;
}

/** Characters of text outside links, whitespace aside. */
function ownTextLength(el: Element): number {
  const count = (s: string | null) => (s ?? '').replace(/\s+/g, '').length;
  let n = count(el.textContent);
  for (const a of Array.from(el.getElementsByTagName('a'))) n -= count(a.textContent);
  return n;
}

const NEVER = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE', 'H1']);

/** Whether a hinted element is small enough to be furniture (a wrapper named "read-more" may hold the whole story). */
function furnitureSized(el: Element): boolean {
  if (NEVER.has(el.tagName.toUpperCase())) return false;
  if (el.querySelector('h1, [itemprop~="articleBody" i]')) return false;
  return ownTextLength(el) <= MAX_FURNITURE_CHARS;
}

/** The attribute that marks furniture on the clone, so that a serialized copy (offpage.ts) carries the marks. */
export const FURNITURE_ATTR = 'data-bs-furniture';

/**
 * Mark the elements the markup says are furniture. Marked, not removed: removing them
 * before the parse changed what Readability kept (an image block that lost its credit went,
 * with the standfirst beside it). Returns how many were marked.
 */
export function markFurniture(doc: Document): number {
  const root = doc.body ?? doc.documentElement;
  if (!root) return 0;
  let marked = 0;
  for (const el of Array.from(root.querySelectorAll(CANDIDATES))) {
    if (!hinted(el) || !furnitureSized(el)) continue;
    el.setAttribute(FURNITURE_ATTR, '');
    marked++;
  }
  return marked;
}

/**
 * The text nodes inside marked elements, taken before the parse: Readability rebuilds
 * elements (a div of text becomes a new p, without the mark) but moves the text nodes
 * themselves, so these are removed from its output afterwards.
 */
export function markedText(doc: Document): Node[] {
  const SHOW_TEXT = 4;
  const nodes: Node[] = [];
  for (const el of Array.from(doc.querySelectorAll(`[${FURNITURE_ATTR}]`))) {
    const tw = doc.createTreeWalker(el, SHOW_TEXT);
    for (let n = tw.nextNode(); n; n = tw.nextNode()) nodes.push(n);
  }
  return nodes;
}

const BLOCKS = 'p, li, div, section, aside, header, footer, h2, h3, h4, h5, h6, figcaption, blockquote, dd, dt';
const collapse = (s: string | null) => (s ?? '').replace(/\s+/g, ' ').trim();

/** A bio's subject must read as a name: capitalised words (or particles), not "The" or "He". */
function looksLikeName(name: string | undefined): boolean {
  if (name === undefined) return true;
  const words = name.split(/\s+/);
  if (NOT_NAMES.has(words[0]!.toLowerCase())) return false;
  return words.every((w) => /^\p{Lu}/u.test(w) || PARTICLES.has(w.toLowerCase()));
}

function isBio(text: string): boolean {
  for (const re of TRAILING_BIO) {
    const m = re.exec(text);
    if (m && looksLikeName(m.groups?.name)) return true;
  }
  return false;
}

/** Share of an element's text inside links. */
function linkShare(el: Element, text: string): number {
  if (!text) return 0;
  let inLinks = 0;
  for (const a of Array.from(el.getElementsByTagName('a'))) inLinks += collapse(a.textContent).length;
  return inLinks / text.length;
}

/** The last text node under `el` with visible text. */
function lastText(el: Node): Text | null {
  for (let n = el.lastChild; n; n = n.previousSibling) {
    if (n.nodeType === 3) {
      if ((n as Text).data.trim()) return n as Text;
    } else if (n.nodeType === 1) {
      const t = lastText(n);
      if (t) return t;
    }
  }
  return null;
}

/**
 * Cut a photo credit from the end of a caption-sized block ("… on Monday. (Ana Ruiz / The
 * Gazette)", "Photograph: Ana Ruiz/Eastwire"): the end of its last text node, so the offsets
 * of what stays are unchanged. True when something was cut.
 */
function cutTrailingCredit(el: Element): boolean {
  const node = lastText(el);
  if (!node) return false;
  for (const re of TRAILING_CREDIT) {
    const m = re.exec(node.data);
    if (m) {
      node.data = node.data.slice(0, m.index);
      return true;
    }
  }
  return false;
}

/**
 * Remove the blocks of an extracted article whose text is furniture. Returns how many
 * were removed.
 */
export function stripTextFurniture(content: Node): number {
  const root = content as Element;
  if (typeof root.querySelectorAll !== 'function') return 0;
  let removed = 0;
  // Leaf blocks (no block inside), with their text, in document order.
  const leaves: { el: Element; text: string }[] = [];
  for (const el of Array.from(root.querySelectorAll(BLOCKS))) {
    if ((el.textContent ?? '').length > MAX_TEXT_RULE_CHARS * 4) continue;
    if (el.querySelector(BLOCKS)) continue;
    leaves.push({ el, text: collapse(el.textContent) });
  }
  const gone = new Set<Element>();
  const drop = (el: Element) => {
    el.remove();
    gone.add(el);
    removed++;
  };
  for (let i = 0; i < leaves.length; i++) {
    const { el, text } = leaves[i]!;
    if (!text || text.length > MAX_TEXT_RULE_CHARS || gone.has(el)) continue;
    if (WHOLE_BLOCK.some((re) => re.test(text))) {
      // Readability cuts a block of bare text into a paragraph per text node: when this one
      // opens a short parent, the rest of the line is in the parent's other paragraphs.
      const parent = el.parentElement;
      const whole = parent && parent !== root ? collapse(parent.textContent) : '';
      if (whole.length <= MAX_TEXT_RULE_CHARS && whole.startsWith(text)) {
        drop(parent!);
        leaves.forEach((l) => parent!.contains(l.el) && gone.add(l.el));
      } else drop(el);
      // A "Read more:" label: the blocks of links under it go with it.
      if (/^(read more|related|see also|more)\b/i.test(text) && text.length < 40)
        for (let j = i + 1; j < leaves.length; j++) {
          const next = leaves[j]!;
          if (!next.text || linkShare(next.el, next.text) < 0.9) break;
          drop(next.el);
        }
    } else if (RELATED_LABEL.some((re) => re.test(text)) && linkShare(el, text) >= 0.5) drop(el);
    else if (cutTrailingCredit(el)) removed++;
  }
  const trailing = leaves.filter((l) => l.text && !gone.has(l.el)).slice(-TRAILING_BLOCKS);
  for (const { el, text } of trailing) if (text.length <= MAX_TEXT_RULE_CHARS && isBio(text)) drop(el);
  return removed;
}

/**
 * Finds the article on a page and turns it into plain text whose every character
 * maps back to a position in a live DOM text node, so that engine offsets become
 * Ranges for highlighting. Readability runs on a clone (the page is never
 * touched); its `serializer` option hands back the cleaned element, whose text
 * nodes are matched to the live ones through a clone → live map made before parsing.
 * Works on a browser Document and on linkedom's (the CLI).
 */
import { Readability } from '@mozilla/readability';

export interface TextSegment {
  /** The live text node. */
  node: Text;
  /** Where this node's text starts and ends in the article text. */
  start: number;
  end: number;
  /** For each character of the article text in [start, end), its offset in node.data. */
  offsets: Uint32Array;
}

export interface ExtractedArticle {
  title: string;
  text: string;
  segments: TextSegment[];
  /** How the article was found. */
  method: 'readability' | 'body';
  /** True when the text was capped. */
  truncated: boolean;
}

export interface ExtractOptions {
  /** Characters of article text to keep at most. */
  maxChars?: number;
  /** Use the whole body when Readability finds no article (the user asked explicitly). */
  fallbackToBody?: boolean;
}

const DEFAULT_MAX_CHARS = 400_000;
const BLOCK = new Set(['P', 'DIV', 'LI', 'UL', 'OL', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'TABLE', 'TR', 'TD', 'TH', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'FIGURE', 'FIGCAPTION', 'DL', 'DT', 'DD', 'MAIN', 'ASIDE', 'NAV', 'HR', 'ADDRESS']);
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'CANVAS', 'VIDEO', 'AUDIO']);
const SKIP_IN_BODY = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM']);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/**
 * Pairs every text node of the clone with the live node at the same position: a clone's
 * text nodes come in the same document order as the original's, so two TreeWalkers
 * advance in step (native iteration; walking childNodes from JS wrapped every element and
 * took 14-27 ms on a large encyclopedia page). Must run in the same task as the clone.
 */
function mapCloneToLive(live: Document, clone: Document, map: Map<Node, Text>): void {
  const SHOW_TEXT = 4;
  const a = live.createTreeWalker(live, SHOW_TEXT);
  const b = clone.createTreeWalker(clone, SHOW_TEXT);
  for (let x = a.nextNode(), y = b.nextNode(); x && y; x = a.nextNode(), y = b.nextNode()) map.set(y, x as Text);
}

/**
 * The article text, built from text nodes. Kept as a list of pieces with a running length:
 * testing or trimming the end of one growing string (`/\s$/`, `/ +$/`) flattened and
 * scanned it on every text node, quadratic in the article's length (29 ms of a 10,000-word
 * article's 45 ms extraction task).
 */
class TextBuilder {
  segments: TextSegment[] = [];
  private pieces: string[] = [];
  private length = 0;
  private joined: string | null = '';
  private pendingBreak = '';
  constructor(private readonly max: number) {}
  get text(): string {
    if (this.joined === null) this.joined = this.pieces.join('');
    return this.joined;
  }
  get full(): boolean {
    return this.length >= this.max;
  }
  block(kind: '\n' | '\n\n'): void {
    if (!this.length) return;
    if (kind === '\n\n' || !this.pendingBreak) this.pendingBreak = kind;
  }
  private lastChar(): string {
    const last = this.pieces[this.pieces.length - 1];
    return last ? last[last.length - 1]! : '';
  }
  private push(piece: string): void {
    if (!piece) return;
    this.pieces.push(piece);
    this.length += piece.length;
    this.joined = null;
  }
  /** Drop trailing spaces (before a paragraph break). */
  private trimEndSpaces(): void {
    while (this.pieces.length) {
      const last = this.pieces[this.pieces.length - 1]!;
      const trimmed = last.replace(/ +$/, '');
      if (trimmed === last) return;
      this.length -= last.length - trimmed.length;
      this.joined = null;
      if (trimmed) {
        this.pieces[this.pieces.length - 1] = trimmed;
        return;
      }
      this.pieces.pop();
    }
  }
  add(live: Text): void {
    const data = live.data;
    if (!data) return;
    // One pass over the node's text: runs of kept characters are copied as slices, each
    // run of ASCII whitespace becomes one space (as a browser renders it; NBSP etc. are
    // kept as they are), and every kept character's offset in the node is recorded.
    const offsets = new Uint32Array(data.length);
    let out = '';
    let k = 0;
    let runFrom = -1;
    let lastSpace = this.length === 0 || /\s/.test(this.lastChar()) || this.pendingBreak !== '';
    for (let i = 0; i < data.length; i++) {
      const c = data.charCodeAt(i);
      if (c === 32 || c === 10 || c === 9 || c === 13 || c === 12) {
        if (runFrom >= 0) {
          out += data.slice(runFrom, i);
          runFrom = -1;
        }
        if (lastSpace) continue;
        out += ' ';
        offsets[k++] = i;
        lastSpace = true;
      } else {
        if (runFrom < 0) runFrom = i;
        offsets[k++] = i;
        lastSpace = false;
      }
    }
    if (runFrom >= 0) out += data.slice(runFrom);
    if (!k) return;
    if (out.trim() === '' && this.pendingBreak) return;
    if (this.pendingBreak) {
      this.trimEndSpaces();
      this.push(this.pendingBreak);
      this.pendingBreak = '';
    }
    const start = this.length;
    const piece = out.slice(0, Math.max(0, this.max - start));
    this.push(piece);
    this.segments.push({ node: live, start, end: start + piece.length, offsets: offsets.slice(0, piece.length) });
  }
}

/** Nodes visited between chances to yield while walking an article: ~1 ms of work. */
const WALK_STEP_NODES = 256;
/** Marks, on the walk's stack, the end of a block element. */
const BLOCK_END = Symbol('block end');

/**
 * Add the text under `root` to the builder in document order, with block breaks. A
 * generator that yields every WALK_STEP_NODES nodes, so a long article's walk can be
 * spread over several tasks (the walk of a long encyclopedia page took 37 ms in one).
 */
function* walk(root: Node, builder: TextBuilder, resolve: (n: Node) => Text | undefined, skipChrome: boolean): Generator<void, void> {
  const stack: (Node | typeof BLOCK_END)[] = [root];
  let visited = 0;
  while (stack.length && !builder.full) {
    if (++visited % WALK_STEP_NODES === 0) yield;
    const node = stack.pop()!;
    if (node === BLOCK_END) {
      builder.block('\n\n');
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      const live = resolve(node);
      if (live) builder.add(live);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || (skipChrome && SKIP_IN_BODY.has(tag))) continue;
    if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') continue;
    if (tag.startsWith('BACKSTORY-')) continue;
    const isBlock = BLOCK.has(tag);
    if (isBlock) {
      builder.block('\n\n');
      stack.push(BLOCK_END);
    }
    if (tag === 'BR') builder.block('\n');
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
  }
}

/**
 * Live text node for a text node of Readability's output: by identity through the
 * clone map, or — for nodes Readability rebuilt when it retried with other
 * settings — by equal text, taking live nodes in document order so repeated
 * strings still map to the right place.
 */
function liveResolver(doc: Document, map: Map<Node, Text>): (n: Node) => Text | undefined {
  let byText: Map<string, Text[]> | null = null;
  let lastIndex = -1;
  const order = new Map<Text, number>();
  return (n: Node) => {
    const hit = map.get(n);
    if (hit) {
      const i = order.get(hit);
      if (i !== undefined) lastIndex = i;
      return hit;
    }
    const data = (n as Text).data;
    if (!data || !data.trim()) return undefined;
    if (!byText) {
      byText = new Map();
      const body = doc.body ?? doc.documentElement;
      const stack: Node[] = body ? [body] : [];
      const all: Text[] = [];
      while (stack.length) {
        const node = stack.pop()!;
        if (node.nodeType === TEXT_NODE) all.push(node as Text);
        else for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
      }
      all.forEach((t, i) => {
        order.set(t, i);
        const list = byText!.get(t.data);
        if (list) list.push(t);
        else byText!.set(t.data, [t]);
      });
    }
    const candidates = byText.get(data);
    if (!candidates) return undefined;
    const next = candidates.find((t) => order.get(t)! > lastIndex) ?? candidates[0]!;
    lastIndex = order.get(next)!;
    return next;
  };
}

function findHeadline(doc: Document, title: string): Element | null {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const t = norm(title);
  const h1s = Array.from(doc.querySelectorAll('h1'));
  return h1s.find((h) => t && (norm(h.textContent ?? '') === t || t.includes(norm(h.textContent ?? '')))) ?? h1s.find((h) => h.closest('article, main, [itemprop="articleBody"]')) ?? (h1s.length === 1 ? h1s[0]! : null);
}

/**
 * The extraction as steps: each `yield` is a point where the page may run before the
 * next step (clone; pair clone and live nodes; Readability; build the text), so no single
 * task runs all of them on a big page. extractArticle runs the steps at once (CLI, tests);
 * extractArticleAsync lets the page breathe between them (the extension).
 */
function* extractSteps(doc: Document, options: ExtractOptions): Generator<void, ExtractedArticle | null> {
  const max = options.maxChars ?? DEFAULT_MAX_CHARS;
  const root = doc.documentElement;
  if (!root) return null;
  const clone = doc.cloneNode(true) as Document;
  const map = new Map<Node, Text>();
  mapCloneToLive(doc, clone, map);
  yield;
  // What Readability would discard unread anyway (it keeps JSON-LD for the metadata): less
  // for its parse, the longest step on large pages (50-77 ms on a long encyclopedia page).
  for (const el of Array.from(clone.querySelectorAll('script:not([type="application/ld+json"]), style, noscript, template, svg, iframe, canvas, video, audio, object'))) el.remove();
  yield;
  type Parsed = { title?: string | null; content?: unknown } | null;
  let parsed: Parsed = null;
  try {
    const readabilityOptions = { serializer: (el: Node) => el, charThreshold: 300 } as unknown as ConstructorParameters<typeof Readability>[1];
    parsed = new Readability(clone, readabilityOptions).parse() as unknown as Parsed;
  } catch {
    parsed = null;
  }
  yield;
  const builder = new TextBuilder(max);
  const title = (parsed?.title ?? doc.title ?? '').trim();
  const content = parsed?.content as Node | undefined;
  if (content && typeof content === 'object' && 'childNodes' in content) {
    const headline = findHeadline(doc, title);
    const resolve = liveResolver(doc, map);
    const headlineText = headline?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const contentText = (content.textContent ?? '').replace(/\s+/g, ' ');
    if (headline && headlineText && !contentText.includes(headlineText)) {
      yield* walk(headline, builder, (n) => (n.nodeType === TEXT_NODE ? (n as Text) : undefined), false);
      builder.block('\n\n');
    }
    yield* walk(content, builder, resolve, false);
    if (builder.text.trim()) {
      return { title: headlineText || title, text: builder.text, segments: builder.segments, method: 'readability', truncated: builder.full };
    }
  }
  if (!options.fallbackToBody) return null;
  const body = doc.body ?? root;
  yield* walk(body, builder, (n) => (n.nodeType === TEXT_NODE ? (n as Text) : undefined), true);
  if (!builder.text.trim()) return null;
  return { title: title || (doc.title ?? ''), text: builder.text, segments: builder.segments, method: 'body', truncated: builder.full };
}

export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractedArticle | null {
  const steps = extractSteps(doc, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The same, yielding to the page between steps. If the page changes between steps the
 * result is still consistent: offsets map to the live nodes seen at the pairing step, and
 * ranges to nodes that have since gone are simply skipped.
 */
export async function extractArticleAsync(doc: Document, options: ExtractOptions, yieldToPage: () => Promise<void>): Promise<ExtractedArticle | null> {
  const steps = extractSteps(doc, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await yieldToPage();
  }
}

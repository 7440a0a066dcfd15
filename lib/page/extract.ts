/**
 * Finds the article on a page and turns it into plain text whose every character
 * maps back to a position in a live DOM text node, so that engine offsets become
 * Ranges for highlighting. Readability runs on a clone (the page is never
 * touched); its `serializer` option hands back the cleaned element, whose text
 * nodes are matched to the live ones through a clone → live map made before parsing.
 * Works on a browser Document and on linkedom's (the CLI).
 */
import { Readability } from '@mozilla/readability';
import type { ArticleToken, ArticleTokens } from '../messaging/types.ts';
import { MAX_ARTICLE_CHARS } from '../util/limits.ts';

export type { ArticleTokens };

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
  /** With an offload (extractArticleAsync): pages with at least this many elements are parsed elsewhere (default OFFLOAD_MIN_ELEMENTS). */
  offloadMinElements?: number;
  /** …or at least this many characters of text (default OFFLOAD_MIN_TEXT_CHARS). */
  offloadMinTextChars?: number;
  /** …if their serialized copy has at most this many characters. */
  offloadMaxChars?: number;
}

const BLOCK = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'FIGURE',
  'FIGCAPTION',
  'DL',
  'DT',
  'DD',
  'MAIN',
  'ASIDE',
  'NAV',
  'HR',
  'ADDRESS',
]);
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
]);
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
  /** A space that maps to no node (text from elsewhere whose node was not found). */
  space(): void {
    if (this.length && !this.pendingBreak && !/\s/.test(this.lastChar())) this.pendingBreak = ' ';
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

/** Where a walk puts what it finds: text nodes and breaks, in document order. */
interface WalkSink {
  readonly full: boolean;
  block(kind: '\n' | '\n\n'): void;
  text(node: Text): void;
}

/** A sink that adds each text node's live counterpart (if any) to the builder. */
function into(builder: TextBuilder, resolve: (n: Text) => Text | undefined): WalkSink {
  return {
    get full() {
      return builder.full;
    },
    block: (kind) => builder.block(kind),
    text: (n) => {
      const live = resolve(n);
      if (live) builder.add(live);
    },
  };
}
const itself = (n: Text): Text => n;

/**
 * Walk the text under `root` into the sink in document order, with block breaks. A
 * generator that yields every WALK_STEP_NODES nodes, so a long article's walk can be
 * spread over several tasks (the walk of a long encyclopedia page took 37 ms in one).
 */
function* walk(root: Node, sink: WalkSink, skipChrome: boolean): Generator<void, void> {
  const stack: (Node | typeof BLOCK_END)[] = [root];
  let visited = 0;
  while (stack.length && !sink.full) {
    if (++visited % WALK_STEP_NODES === 0) yield;
    const node = stack.pop()!;
    if (node === BLOCK_END) {
      sink.block('\n\n');
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      sink.text(node as Text);
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
      sink.block('\n\n');
      stack.push(BLOCK_END);
    }
    if (tag === 'BR') sink.block('\n');
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
  }
}

/**
 * Live text nodes found by their text, in document order, so that repeated strings still
 * map to the right place: for nodes Readability rebuilt when it retried with other
 * settings, and for text that came back from a parse elsewhere without a match.
 */
class TextIndex {
  private byText: Map<string, Text[]> | null = null;
  private readonly order = new Map<Text, number>();
  private lastIndex = -1;
  constructor(private readonly doc: Document) {}
  /** A node was found by identity: later look-ups start after it. */
  seen(live: Text): void {
    const i = this.order.get(live);
    if (i !== undefined) this.lastIndex = i;
  }
  find(data: string): Text | undefined {
    if (!data || !data.trim()) return undefined;
    if (!this.byText) {
      const byText = (this.byText = new Map());
      const body = this.doc.body ?? this.doc.documentElement;
      const stack: Node[] = body ? [body] : [];
      const all: Text[] = [];
      while (stack.length) {
        const node = stack.pop()!;
        if (node.nodeType === TEXT_NODE) all.push(node as Text);
        else for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
      }
      all.forEach((t, i) => {
        this.order.set(t, i);
        const key = lineEnds(t.data);
        const list = byText.get(key);
        if (list) list.push(t);
        else byText.set(key, [t]);
      });
    }
    const candidates = this.byText.get(lineEnds(data));
    if (!candidates) return undefined;
    const next = candidates.find((t) => this.order.get(t)! > this.lastIndex) ?? candidates[0]!;
    this.lastIndex = this.order.get(next)!;
    return next;
  }
}

/** Text as an HTML parser hands it back: CR LF and lone CR become LF. */
const lineEnds = (s: string) => (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);

/** Live text node for a text node of Readability's output: through the clone map, else by its text. */
function liveResolver(map: Map<Node, Text>, index: TextIndex): (n: Text) => Text | undefined {
  return (n: Text) => {
    const hit = map.get(n);
    if (hit) {
      index.seen(hit);
      return hit;
    }
    return index.find(n.data);
  };
}

function findHeadline(doc: Document, title: string): Element | null {
  const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
  const t = norm(title);
  const h1s = Array.from(doc.querySelectorAll('h1'));
  return (
    h1s.find((h) => t && (norm(h.textContent ?? '') === t || t.includes(norm(h.textContent ?? '')))) ??
    h1s.find((h) => h.closest('article, main, [itemprop="articleBody"]')) ??
    (h1s.length === 1 ? h1s[0]! : null)
  );
}

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
/** What the steps ask of their driver: parse this HTML elsewhere and send back the tokens (or null). */
interface OffloadRequest {
  html: string;
}

const READABILITY_OPTIONS = { serializer: (el: Node) => el, charThreshold: 300 } as unknown as ConstructorParameters<
  typeof Readability
>[1];

function readability(doc: Document): { title: string | null; content: Node } | null {
  try {
    const parsed = new Readability(doc, READABILITY_OPTIONS).parse() as unknown as {
      title?: string | null;
      content?: unknown;
    } | null;
    const content = parsed?.content;
    if (!content || typeof content !== 'object' || !('childNodes' in content)) return null;
    return { title: parsed?.title ?? null, content: content as Node };
  } catch {
    return null;
  }
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
  for (const step = walk(parsed.content, sink, false); !step.next().done;);
  return { title: (parsed.title ?? '').trim(), tokens };
}

/**
 * Prepare the clone to be parsed elsewhere: number its elements in document order, and
 * put an empty comment between adjacent text nodes (a parser would merge them, and the
 * merged text would match neither). Returns the elements by number.
 */
function indexClone(clone: Document): Element[] {
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
function tokenResolver(
  elements: Element[],
  map: Map<Node, Text>,
  index: TextIndex,
): (owner: number, data: string) => Text | undefined {
  const used = new Set<Node>();
  return (owner, data) => {
    const el = elements[owner];
    const key = lineEnds(data);
    if (el) {
      for (let c = el.firstChild; c; c = c.nextSibling) {
        if (c.nodeType !== TEXT_NODE || used.has(c) || lineEnds((c as Text).data) !== key) continue;
        used.add(c);
        const live = map.get(c);
        if (live) index.seen(live);
        return live;
      }
    }
    return index.find(data);
  };
}

/**
 * The extraction as steps: each `yield` is a point where the page may run before the
 * next step (clone; pair clone and live nodes; Readability; build the text), so no single
 * task runs all of them on a big page. extractArticle runs the steps at once (CLI, tests);
 * extractArticleAsync lets the page breathe between them (the extension), and may have a
 * large page's Readability parse run in the background: then a step yields an
 * OffloadRequest and is resumed with the tokens (or null: parse here after all).
 */
function* extractSteps(
  doc: Document,
  options: ExtractOptions & { offload?: boolean },
): Generator<void | OffloadRequest, ExtractedArticle | null, ArticleTokens | null | undefined> {
  const max = options.maxChars ?? MAX_ARTICLE_CHARS;
  const root = doc.documentElement;
  if (!root) return null;
  const clone = doc.cloneNode(true) as Document;
  const map = new Map<Node, Text>();
  mapCloneToLive(doc, clone, map);
  yield;
  // What Readability would discard unread anyway (it keeps JSON-LD for the metadata): less
  // for its parse, the longest step on large pages (50-77 ms on a long encyclopedia page).
  for (const el of Array.from(
    clone.querySelectorAll(
      'script:not([type="application/ld+json"]), style, noscript, template, svg, iframe, canvas, video, audio, object',
    ),
  ))
    el.remove();
  yield;
  const builder = new TextBuilder(max);
  const index = new TextIndex(doc);
  /** The headline, when Readability left it out of the article. */
  const headlineFirst = function* (title: string, contentText: string) {
    const headline = findHeadline(doc, title);
    const headlineText = headline?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (headline && headlineText && !contentText.replace(/\s+/g, ' ').includes(headlineText)) {
      yield* walk(headline, into(builder, itself), false);
      builder.block('\n\n');
    }
    return headlineText;
  };
  let title = (doc.title ?? '').trim();
  const large = () =>
    clone.getElementsByTagName('*').length >= (options.offloadMinElements ?? OFFLOAD_MIN_ELEMENTS) ||
    (clone.body?.textContent?.length ?? 0) >= (options.offloadMinTextChars ?? OFFLOAD_MIN_TEXT_CHARS);
  if (options.offload && large()) {
    const elements = indexClone(clone);
    yield;
    const html = clone.documentElement.outerHTML;
    const tokens = html.length <= (options.offloadMaxChars ?? Infinity) ? yield { html } : null;
    if (tokens) {
      title = (tokens.title || doc.title || '').trim();
      const text = tokens.tokens.map((t) => (typeof t === 'object' ? t[1] : ' ')).join('');
      const headlineText = yield* headlineFirst(title, text);
      const resolve = tokenResolver(elements, map, index);
      let n = 0;
      for (const t of tokens.tokens) {
        if (builder.full) break;
        if (++n % WALK_STEP_NODES === 0) yield;
        if (t === 0) builder.block('\n\n');
        else if (t === 1) builder.block('\n');
        else if (Array.isArray(t) && typeof t[1] === 'string') {
          const live = resolve(t[0], t[1]);
          if (live) builder.add(live);
          else if (!t[1].trim()) builder.space();
        }
      }
      if (builder.text.trim())
        return {
          title: headlineText || title,
          text: builder.text,
          segments: builder.segments,
          method: 'readability',
          truncated: builder.full,
        };
    }
  }
  if (!builder.text.trim()) {
    const parsed = readability(clone);
    yield;
    if (parsed) {
      title = (parsed.title ?? doc.title ?? '').trim();
      const headlineText = yield* headlineFirst(title, parsed.content.textContent ?? '');
      const resolve = liveResolver(map, index);
      yield* walk(parsed.content, into(builder, resolve), false);
      if (builder.text.trim())
        return {
          title: headlineText || title,
          text: builder.text,
          segments: builder.segments,
          method: 'readability',
          truncated: builder.full,
        };
    }
  }
  if (!options.fallbackToBody) return null;
  const body = doc.body ?? root;
  yield* walk(body, into(builder, itself), true);
  if (!builder.text.trim()) return null;
  return {
    title: title || (doc.title ?? ''),
    text: builder.text,
    segments: builder.segments,
    method: 'body',
    truncated: builder.full,
  };
}

export function extractArticle(doc: Document, options: ExtractOptions = {}): ExtractedArticle | null {
  const steps = extractSteps(doc, options);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/**
 * The same, yielding to the page between steps, and, given `offload`, having a large page
 * parsed elsewhere (null or a failure: parsed here). If the page changes between steps the
 * result is still consistent: offsets map to the live nodes seen at the pairing step, and
 * ranges to nodes that have since gone are simply skipped.
 */
export async function extractArticleAsync(
  doc: Document,
  options: ExtractOptions,
  yieldToPage: () => Promise<void>,
  offload?: (html: string) => Promise<ArticleTokens | null>,
): Promise<ExtractedArticle | null> {
  const steps = extractSteps(doc, { ...options, offload: !!offload });
  let reply: ArticleTokens | null | undefined;
  for (;;) {
    const r = steps.next(reply);
    reply = undefined;
    if (r.done) return r.value;
    if (r.value && offload) reply = await offload(r.value.html).catch(() => null);
    else await yieldToPage();
  }
}

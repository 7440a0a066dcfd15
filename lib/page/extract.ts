/**
 * Finds the article on a page and turns it into plain text whose every character
 * maps back to a position in a live DOM text node, so that engine offsets become
 * Ranges for highlighting (ADR 4). Readability runs on a clone (the page is never
 * touched); its `serializer` option hands back the cleaned element, whose text
 * nodes are matched to the live ones through a clone → live map made before parsing.
 * Works on a browser Document and on linkedom's (the CLI).
 *
 * This module runs the steps; the pieces live in ./extract/:
 *   text-builder.ts  the article text and, per character, its node and offset
 *   walk.ts          what counts as text (blocks, skipped elements, page chrome)
 *   text-index.ts    finding the live node behind a clone's or a parser's text node
 *   readability.ts   Backstory's use of Readability, and the headline it leaves out
 *   furniture.ts     bylines, bios, credits, print lines and the like, which are not article text
 *   offpage.ts       a large page's parse in the background, as tokens (ADR 7)
 */
import { TextBuilder, type TextSegment } from './extract/text-builder.ts';
import { into, itself, walk } from './extract/walk.ts';
import { TextIndex, liveResolver, mapCloneToLive } from './extract/text-index.ts';
import { dropUnread, findHeadline, readability } from './extract/readability.ts';
import { markFurniture } from './extract/furniture.ts';
import {
  OFFLOAD_MIN_ELEMENTS,
  OFFLOAD_MIN_TEXT_CHARS,
  addTokens,
  indexClone,
  tokenResolver,
  tokensText,
  worthOffloading,
} from './extract/offpage.ts';
import type { ArticleTokens } from '../messaging/types.ts';
import { MAX_ARTICLE_CHARS, MAX_HEADING_SPANS } from '../util/limits.ts';

export type { TextSegment } from './extract/text-builder.ts';
export { OFFLOAD_MIN_ELEMENTS, OFFLOAD_MIN_TEXT_CHARS, articleTokens } from './extract/offpage.ts';
export type { ArticleTokens };

export interface ExtractedArticle {
  title: string;
  text: string;
  segments: TextSegment[];
  /** How the article was found. */
  method: 'readability' | 'body';
  /** True when the text was capped. */
  truncated: boolean;
  /** Where the text comes from a heading (h1–h6) of the page, as [start, end) pairs in order. */
  headings: [number, number][];
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

/** What the steps ask of their driver: parse this HTML elsewhere and send back the tokens (or null). */
interface OffloadRequest {
  html: string;
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
  dropUnread(clone);
  markFurniture(clone);
  yield;
  const builder = new TextBuilder(max);
  const index = new TextIndex(doc);
  const article = (title: string): ExtractedArticle => ({
    title,
    text: builder.text,
    segments: builder.segments,
    method: 'readability',
    truncated: builder.full,
    headings: headingSpans(builder.segments, builder.text),
  });
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
    worthOffloading(
      clone,
      options.offloadMinElements ?? OFFLOAD_MIN_ELEMENTS,
      options.offloadMinTextChars ?? OFFLOAD_MIN_TEXT_CHARS,
    );
  if (options.offload && large()) {
    const elements = indexClone(clone);
    yield;
    const html = clone.documentElement.outerHTML;
    const tokens = html.length <= (options.offloadMaxChars ?? Infinity) ? yield { html } : null;
    if (tokens) {
      title = (tokens.title || doc.title || '').trim();
      const headlineText = yield* headlineFirst(title, tokensText(tokens));
      yield* addTokens(builder, tokens, tokenResolver(elements, map, index));
      if (builder.text.trim()) return article(headlineText || title);
    }
  }
  if (!builder.text.trim()) {
    const parsed = readability(clone);
    yield;
    if (parsed) {
      title = (parsed.title ?? doc.title ?? '').trim();
      const headlineText = yield* headlineFirst(title, parsed.content.textContent ?? '');
      yield* walk(parsed.content, into(builder, liveResolver(map, index)), false);
      if (builder.text.trim()) return article(headlineText || title);
    }
  }
  if (!options.fallbackToBody) return null;
  const body = doc.body ?? root;
  yield* walk(body, into(builder, itself), true);
  if (!builder.text.trim()) return null;
  return { ...article(title || (doc.title ?? '')), method: 'body' };
}

const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/** Whether only spaces (no other text) stand between [start, end) and the line's ends; looks at the neighbours only. */
function wholeLine(text: string, start: number, end: number): boolean {
  const blank = (c: string) => c !== '\n' && /\s/u.test(c);
  let i = start - 1;
  while (i >= 0 && blank(text[i]!)) i--;
  let j = end;
  while (j < text.length && blank(text[j]!)) j++;
  return (i < 0 || text[i] === '\n') && (j >= text.length || text[j] === '\n');
}

/**
 * The parts of the text that title something rather than say it: the page's headings, and
 * lines that are one link and nothing else (a contents entry "1 History", a teaser for
 * another story). Read on the live nodes behind the text, so a parse on the page and one in
 * the background give the same; neighbouring pieces of one heading or link are joined.
 */
function headingSpans(segments: TextSegment[], text: string): [number, number][] {
  const out: [number, number][] = [];
  let owner: Element | null = null;
  let span: [number, number] | null = null;
  let isLink = false;
  const close = () => {
    if (!span) return;
    // A link counts only when it is its line's whole text.
    const alone = !isLink || wholeLine(text, span[0], span[1]);
    if (alone && out.length < MAX_HEADING_SPANS) out.push(span);
    span = null;
  };
  for (const s of segments) {
    const parent = s.node.parentElement;
    const heading = parent?.closest(HEADING) ?? null;
    const link = heading ? null : (parent?.closest('a[href]') ?? null);
    const el = heading ?? link;
    if (el && el === owner && span) {
      span[1] = s.end;
      continue;
    }
    close();
    owner = el;
    isLink = !heading;
    if (el) span = [s.start, s.end];
  }
  close();
  return out;
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

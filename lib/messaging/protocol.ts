/**
 * The one message protocol of Backstory. Every message, named by its direction:
 *   content → background: "cs/…"     options page → background: "opt/…"
 *   background → content: "bg/…"     background → analyzer at injection: Launch
 * Each request is defined once below: its payload schema (the payload type is inferred
 * from it) and the type of its answer, so a wrong message fails to compile; at run time
 * every incoming message is checked by validateMessage(): known type, shape, and size cap.
 * Messages to the content script are checked against ContentMessageSchema the same way.
 */
import * as v from 'valibot';
import type { AnalysisResult } from '../engine/types.ts';
import type { Settings, SitePolicy } from '../storage/settings.ts';
import type { ManagedView } from '../storage/managed.ts';
import type { TrailSummary, TrailView } from '../trail/types.ts';
import type { OnlineReply } from '../online/view.ts';
import { SIDEBAR_MAX_WIDTH, SIDEBAR_MIN_WIDTH } from '../storage/settings.ts';
import { MAX_ARTICLE_CHARS, MAX_HEADING_SPANS } from '../util/limits.ts';
import {
  EntryViewSchema,
  type ArticleTokens,
  type EntryView,
  type EntryViews,
  type PackInfo,
  type RelatedNames,
  type Result,
} from './types.ts';

export type * from './types.ts';
export { EntryViewSchema, MAX_ARTICLE_CHARS };

/**
 * Largest message accepted, in characters of JSON. The biggest legitimate message is a
 * pack import (packs may be 5 MB; escaping can double that); articles are capped at
 * MAX_ARTICLE_CHARS before they are sent.
 */
export const MAX_MESSAGE_CHARS = 12_000_000;
/** A page copy sent to the background to find its article in is capped here (larger pages are read on the page). */
export const MAX_PAGE_HTML_CHARS = 4_000_000;

/**
 * Entries travel in portions of about this many: a 10,000-word article names 600 entries
 * (1.3 MB of JSON), and one message that size costs the page ~60 ms to receive.
 */
export const ENTRY_BATCH = 250;

const url = v.pipe(v.string(), v.maxLength(4096));
const shortText = v.pipe(v.string(), v.maxLength(500));
/** A position in an article's text. */
const offset = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_ARTICLE_CHARS));
const id = v.pipe(v.string(), v.maxLength(120), v.regex(/^[a-z0-9-]+$/));
const sitePolicy = v.picklist(['default', 'always', 'never']);

/** The analysis and the entries that come with it. */
export interface AnalyzeReply {
  result: AnalysisResult;
  entries: EntryViews;
  related: RelatedNames;
}
/** Entries, with the names of the entries they relate to. */
export interface EntriesReply {
  entries: EntryViews;
  related: RelatedNames;
}

/** A request: its payload schema, and (as a type only) what the background answers. */
const request =
  <Reply>() =>
  <S extends v.GenericSchema>(payload: S) => ({ payload, reply: undefined as unknown as Reply });

export const Requests = {
  /** Sentinel: is this page an article? The background decides whether to load the analyzer. */
  'cs/page-seen': request<{ injected: boolean }>()(v.strictObject({ url, readerable: v.boolean() })),
  /** Analyzer: analyse this article text. */
  'cs/analyze': request<Result<AnalyzeReply>>()(
    v.strictObject({
      url,
      title: shortText,
      text: v.pipe(v.string(), v.maxLength(MAX_ARTICLE_CHARS)),
      /** The text was cut at MAX_ARTICLE_CHARS: the result is marked partial. */
      truncated: v.boolean(),
      /** Where the text is a heading of the page: [start, end) pairs (their numbers are not figures). */
      headings: v.optional(v.pipe(v.array(v.tuple([offset, offset])), v.maxLength(MAX_HEADING_SPANS))),
      quick: v.optional(v.boolean()),
      /** The document's declared language (`<html lang>`), a BCP 47 tag, or empty. */
      lang: v.optional(v.pipe(v.string(), v.maxLength(35))),
      /** Entries to send with the result, most central entities first (default: all). */
      entryLimit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000))),
      /** Entries the analyzer already holds: not sent again. */
      skipEntries: v.optional(v.pipe(v.array(id), v.maxLength(ENTRY_BATCH * 2))),
    }),
  ),
  /** Analyzer: find the article in this serialized copy of a large page (Readability, off the page's main thread). */
  'cs/extract': request<Result<ArticleTokens | null>>()(
    v.strictObject({ html: v.pipe(v.string(), v.maxLength(MAX_PAGE_HTML_CHARS)) }),
  ),
  /** Analyzer: full entries for the sidebar (with the names of their related entries). */
  'cs/get-entries': request<Result<EntriesReply>>()(
    v.strictObject({ ids: v.pipe(v.array(id), v.maxLength(ENTRY_BATCH * 2)) }),
  ),
  /** Analyzer: the badge count for this tab. */
  'cs/report-count': request<Result<null>>()(
    v.strictObject({ count: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100000)) }),
  ),
  /** Analyzer: how an analysis run ended (the tab's status in the background; tests wait on it). */
  'cs/report-outcome': request<Result<null>>()(
    v.strictObject({
      outcome: v.picklist(['found', 'nothing', 'failed']),
      count: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100000)),
    }),
  ),
  'cs/get-settings': request<Result<{ settings: Settings; sitePolicy: SitePolicy }>>()(v.strictObject({})),
  /** Analyzer: the sidebar's own settings (width, collapsed, highlights on/off), the only ones a page may change. */
  'cs/save-ui-settings': request<Result<null>>()(
    v.strictObject({
      sidebarWidth: v.optional(v.pipe(v.number(), v.minValue(SIDEBAR_MIN_WIDTH), v.maxValue(SIDEBAR_MAX_WIDTH))),
      sidebarCollapsed: v.optional(v.boolean()),
      highlights: v.optional(v.boolean()),
    }),
  ),
  'cs/set-site-policy': request<Result<null>>()(v.strictObject({ host: shortText, policy: sitePolicy })),
  'cs/lookup': request<Result<{ entries: EntryView[] }>>()(v.strictObject({ query: shortText })),
  /** Analyzer: load the citation formatter (cite.js) into this tab, when the reader first cites or exports sources. */
  'cs/load-cite': request<Result<null>>()(v.strictObject({})),
  /**
   * Analyzer: online mode (issue 17) for this article's names — a Wikipedia summary and Wikidata
   * figures for each, when the reader turned the mode on. Only the names and titles listed here
   * (and the article's other names, as context for choosing among articles) reach the background;
   * only names and titles leave the browser.
   */
  'cs/online-lookup': request<Result<OnlineReply>>()(
    v.strictObject({
      names: v.pipe(
        v.array(
          v.strictObject({
            key: v.pipe(v.string(), v.maxLength(300)),
            name: v.pipe(v.string(), v.minLength(1), v.maxLength(200)),
            title: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(300)))),
          }),
        ),
        v.maxLength(60),
      ),
      context: v.pipe(v.array(v.pipe(v.string(), v.maxLength(200))), v.maxLength(300)),
    }),
  ),
  /** Sidebar: the reader accepted the one-line offer to look names up on Wikipedia. */
  'cs/online-offer': request<Result<{ on: boolean; openedOptions: boolean }>>()(v.strictObject({})),
  /** Sidebar: what the reading trail says about this tab's article (issue 19), and whether to offer it. */
  'cs/trail-view': request<Result<TrailView>>()(v.strictObject({})),
  /** Sidebar: the reader accepted (turn the trail on) or declined the one-line offer. */
  'cs/trail-offer': request<Result<null>>()(v.strictObject({ accept: v.boolean() })),
  'cs/open-trail': request<Result<null>>()(v.strictObject({})),
  /** Sidebar: the reader deletes the whole trail from where it is shown. */
  'cs/trail-delete-all': request<Result<null>>()(v.strictObject({})),
  /** Trail page: the trail, newest first, optionally only articles matching a search. */
  'opt/trail-list': request<Result<{ articles: TrailSummary[] }>>()(v.strictObject({ query: v.optional(shortText) })),
  'opt/trail-export': request<Result<{ filename: string; text: string }>>()(
    v.strictObject({ format: v.picklist(['json', 'csv']) }),
  ),
  'opt/trail-delete': request<Result<null>>()(
    v.variant('scope', [
      v.strictObject({ scope: v.literal('all') }),
      v.strictObject({ scope: v.literal('site'), outlet: shortText }),
      v.strictObject({ scope: v.literal('article'), url }),
    ]),
  ),
  'opt/get-state': request<
    Result<{ settings: Settings; sites: Record<string, SitePolicy>; packs: PackInfo[]; managed?: ManagedView }>
  >()(v.strictObject({})),
  'opt/save-settings': request<Result<Settings>>()(v.strictObject({ settings: v.record(v.string(), v.unknown()) })),
  'opt/import-pack': request<Result<{ id: string; entries: number; overrides: string[] }>>()(
    v.strictObject({ json: v.pipe(v.string(), v.maxLength(MAX_MESSAGE_CHARS)) }),
  ),
  'opt/delete-pack': request<Result<null>>()(v.strictObject({ id })),
  'opt/set-pack-enabled': request<Result<null>>()(v.strictObject({ id, enabled: v.boolean() })),
  'opt/export-pack': request<Result<{ filename: string; json: string }>>()(v.strictObject({ id })),
  'opt/set-site-policy': request<Result<null>>()(v.strictObject({ host: shortText, policy: sitePolicy })),
} as const;

export type RequestType = keyof typeof Requests;
export type RequestPayload<T extends RequestType> = v.InferOutput<(typeof Requests)[T]['payload']>;
export type Responses = { [T in RequestType]: (typeof Requests)[T]['reply'] };
/** The sidebar settings a page may save (cs/save-ui-settings). */
export type UiSettings = RequestPayload<'cs/save-ui-settings'>;

export interface Message<T extends RequestType = RequestType> {
  type: T;
  payload: RequestPayload<T>;
}

/** Background → content-script messages. */
export const ContentMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('bg/toggle-sidebar') }),
  v.strictObject({ type: v.literal('bg/open-lookup'), query: shortText, entries: v.array(EntryViewSchema) }),
  v.strictObject({ type: v.literal('bg/navigated'), url }),
  v.strictObject({ type: v.literal('bg/settings-changed') }),
]);
export type ContentMessage = v.InferOutput<typeof ContentMessageSchema>;

/**
 * Why the analyzer was loaded into a tab, set by the background just before it injects the
 * script: the page looked like an article (auto), the user asked (toolbar, shortcut), or a
 * context-menu look-up.
 */
export const LaunchSchema = v.variant('kind', [
  v.strictObject({ kind: v.literal('auto') }),
  v.strictObject({ kind: v.literal('user') }),
  v.strictObject({ kind: v.literal('lookup'), query: shortText, entries: v.array(EntryViewSchema) }),
]);
export type Launch = v.InferOutput<typeof LaunchSchema>;

/**
 * Checks an incoming message: a known type, the declared shape, and a size cap.
 * Returns the typed message or a reason it was refused.
 */
export function validateMessage(raw: unknown): { ok: true; message: Message } | { ok: false; error: string } {
  if (typeof raw !== 'object' || raw === null) return { ok: false, error: 'message is not an object' };
  let size: number;
  try {
    size = JSON.stringify(raw).length;
  } catch {
    return { ok: false, error: 'message is not plain data' };
  }
  if (size > MAX_MESSAGE_CHARS) return { ok: false, error: `message too large (${size} characters)` };
  const { type, payload } = raw as { type?: unknown; payload?: unknown };
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(Requests, type))
    return { ok: false, error: `unknown message type ${JSON.stringify(String(type)).slice(0, 60)}` };
  const schema = Requests[type as RequestType].payload;
  const parsed = v.safeParse(schema, payload);
  if (!parsed.success) return { ok: false, error: `bad ${type} payload: ${v.summarize(parsed.issues).slice(0, 300)}` };
  return { ok: true, message: { type: type as RequestType, payload: parsed.output } as Message };
}

/** Who may talk to the background: this extension's own pages and content scripts, nothing else. */
export function isTrustedSender(sender: { id?: string } | undefined, extensionId: string): boolean {
  return !!sender && sender.id === extensionId;
}

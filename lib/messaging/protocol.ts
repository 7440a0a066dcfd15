/**
 * The one message protocol of Backstory. Every message, named by its direction:
 *   content → background: "cs/…"     options page → background: "opt/…"
 *   background → content: "bg/…"
 * Each request type maps to its payload schema and its response type, so a wrong
 * message fails to compile; at run time every incoming message is checked by
 * validateMessage(): known type, shape, and size cap.
 */
import * as v from 'valibot';
import type { AnalysisResult } from '../engine/types.ts';
import type { Entry, PackMeta } from '../kb/schema.ts';
import type { Settings, SitePolicy } from '../storage/settings.ts';
import type { ArticleTokens } from '../page/extract.ts';

/**
 * Largest message accepted, in characters of JSON. The biggest legitimate message is a
 * pack import (packs may be 5 MB; escaping can double that); articles are capped at
 * MAX_ARTICLE_CHARS before they are sent.
 */
export const MAX_MESSAGE_CHARS = 12_000_000;
/** Article text sent for analysis is capped here; longer texts are analysed in part and marked partial. */
export const MAX_ARTICLE_CHARS = 400_000;
/** A page copy sent to the background to find its article in is capped here (larger pages are read on the page). */
export const MAX_PAGE_HTML_CHARS = 4_000_000;

/**
 * Entries travel in portions of about this many: a 10,000-word article names 600 entries
 * (1.3 MB of JSON), and one message that size costs the page ~60 ms to receive.
 */
export const ENTRY_BATCH = 250;

const url = v.pipe(v.string(), v.maxLength(4096));
const shortText = v.pipe(v.string(), v.maxLength(500));
const id = v.pipe(v.string(), v.maxLength(120), v.regex(/^[a-z0-9-]+$/));

export const RequestSchemas = {
  /** Sentinel: is this page an article? The background decides whether to load the analyzer. */
  'cs/page-seen': v.strictObject({ url, readerable: v.boolean() }),
  /** Analyzer: analyse this article text. */
  'cs/analyze': v.strictObject({
    url,
    title: shortText,
    text: v.pipe(v.string(), v.maxLength(MAX_ARTICLE_CHARS)),
    truncated: v.boolean(),
    quick: v.optional(v.boolean()),
    /** Entries to send with the result, most central entities first (default: all). */
    entryLimit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100_000))),
    /** Entries the analyzer already holds: not sent again. */
    skipEntries: v.optional(v.pipe(v.array(id), v.maxLength(ENTRY_BATCH * 2))),
  }),
  /** Analyzer: find the article in this serialized copy of a large page (Readability, off the page's main thread). */
  'cs/extract': v.strictObject({ html: v.pipe(v.string(), v.maxLength(MAX_PAGE_HTML_CHARS)) }),
  /** Analyzer: full entries for the sidebar (with the names of their related entries). */
  'cs/get-entries': v.strictObject({ ids: v.pipe(v.array(id), v.maxLength(ENTRY_BATCH * 2)) }),
  /** Analyzer: the badge count for this tab. */
  'cs/report-count': v.strictObject({ count: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(100000)) }),
  'cs/get-settings': v.strictObject({}),
  'cs/set-site-policy': v.strictObject({ host: shortText, policy: v.picklist(['default', 'always', 'never']) }),
  'cs/lookup': v.strictObject({ query: shortText }),
  'opt/get-state': v.strictObject({}),
  'opt/save-settings': v.strictObject({ settings: v.record(v.string(), v.unknown()) }),
  'opt/import-pack': v.strictObject({ json: v.pipe(v.string(), v.maxLength(MAX_MESSAGE_CHARS)) }),
  'opt/delete-pack': v.strictObject({ id }),
  'opt/set-pack-enabled': v.strictObject({ id, enabled: v.boolean() }),
  'opt/export-pack': v.strictObject({ id }),
  'opt/set-site-policy': v.strictObject({ host: shortText, policy: v.picklist(['default', 'always', 'never']) }),
} as const;

export type RequestType = keyof typeof RequestSchemas;
export type RequestPayload<T extends RequestType> = v.InferOutput<(typeof RequestSchemas)[T]>;

/** A short view of an entry for cards: everything shown, nothing more. */
export type EntryView = Entry & { pack: string; overrides?: string };

export interface PackInfo {
  meta: PackMeta;
  entries: number;
  builtin: boolean;
  enabled: boolean;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export interface Responses {
  'cs/page-seen': { injected: boolean };
  'cs/analyze': Result<{
    result: AnalysisResult;
    entries: Record<string, EntryView>;
    related: Record<string, { name: string; type: string }>;
  }>;
  'cs/extract': Result<ArticleTokens | null>;
  'cs/get-entries': Result<{
    entries: Record<string, EntryView>;
    related: Record<string, { name: string; type: string }>;
  }>;
  'cs/report-count': Result<null>;
  'cs/get-settings': Result<{ settings: Settings; sitePolicy: SitePolicy }>;
  'cs/set-site-policy': Result<null>;
  'cs/lookup': Result<{ entries: EntryView[] }>;
  'opt/get-state': Result<{ settings: Settings; sites: Record<string, SitePolicy>; packs: PackInfo[] }>;
  'opt/save-settings': Result<Settings>;
  'opt/import-pack': Result<{ id: string; entries: number; overrides: string[] }>;
  'opt/delete-pack': Result<null>;
  'opt/set-pack-enabled': Result<null>;
  'opt/export-pack': Result<{ filename: string; json: string }>;
  'opt/set-site-policy': Result<null>;
}

export interface Message<T extends RequestType = RequestType> {
  type: T;
  payload: RequestPayload<T>;
}

/** Background → content-script messages. */
export type ContentMessage =
  | { type: 'bg/toggle-sidebar' }
  | { type: 'bg/open-lookup'; query: string; entries: EntryView[] }
  | { type: 'bg/navigated'; url: string }
  | { type: 'bg/settings-changed' };

export const ContentMessageSchema = v.variant('type', [
  v.strictObject({ type: v.literal('bg/toggle-sidebar') }),
  v.strictObject({
    type: v.literal('bg/open-lookup'),
    query: shortText,
    entries: v.array(v.looseObject({ id: v.string() })),
  }),
  v.strictObject({ type: v.literal('bg/navigated'), url }),
  v.strictObject({ type: v.literal('bg/settings-changed') }),
]);

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
  if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(RequestSchemas, type))
    return { ok: false, error: `unknown message type ${JSON.stringify(String(type)).slice(0, 60)}` };
  const schema = RequestSchemas[type as RequestType];
  const parsed = v.safeParse(schema, payload);
  if (!parsed.success) return { ok: false, error: `bad ${type} payload: ${v.summarize(parsed.issues).slice(0, 300)}` };
  return { ok: true, message: { type: type as RequestType, payload: parsed.output } as Message };
}

/** Who may talk to the background: this extension's own pages and content scripts, nothing else. */
export function isTrustedSender(sender: { id?: string } | undefined, extensionId: string): boolean {
  return !!sender && sender.id === extensionId;
}

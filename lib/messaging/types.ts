/**
 * Named types that travel in messages, shared by the background, the analyzer and the UI.
 * Each is defined once here (as a schema where a message carrying it is checked), so no
 * other module writes the same shape inline. Nothing here imports from lib/page.
 */
import * as v from 'valibot';
import { EntrySchema, type PackMeta } from '../kb/schema.ts';

/** An entry as the analyzer and its cards receive it: the pack it came from, and which built-in entry it overrides. */
export const EntryViewSchema = v.strictObject({
  ...EntrySchema.entries,
  pack: v.string(),
  overrides: v.optional(v.string()),
});
export type EntryView = v.InferOutput<typeof EntryViewSchema>;

/** Name and type of an entry that another entry relates to, for its "Related" list. */
export interface RelatedName {
  name: string;
  type: string;
}
/** Related names by entry id. */
export type RelatedNames = Record<string, RelatedName>;

/** Entries by id. */
export type EntryViews = Record<string, EntryView>;

export interface PackInfo {
  meta: PackMeta;
  entries: number;
  builtin: boolean;
  enabled: boolean;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

/**
 * Readability's output as plain data, for when it runs on a copy of the page parsed
 * elsewhere (the background): 0 is a paragraph break, 1 a line break, and each text node is
 * [index of the nearest element of the copy that carried the index attribute, its text].
 */
export type ArticleToken = 0 | 1 | [number, string];
export interface ArticleTokens {
  title: string;
  tokens: ArticleToken[];
}

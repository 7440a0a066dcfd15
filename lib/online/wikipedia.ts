/**
 * Wikipedia's title search and page summary, read defensively: only the fields Backstory shows,
 * each checked, plain text only (the summary's `extract`, never its `extract_html`).
 */
import * as v from 'valibot';
import { getJson, type FetchLike, type HttpResult } from './http.ts';
import { searchTitleUrl, summaryUrl, wikipediaPageUrl, type Origins } from './endpoints.ts';

const MAX_TEXT = 1200;
const text = (max: number) =>
  v.pipe(
    v.string(),
    v.transform((s) => s.replace(/\s+/g, ' ').trim().slice(0, max)),
  );

const SearchSchema = v.object({
  pages: v.array(
    v.object({
      key: v.string(),
      title: text(300),
      description: v.optional(v.nullable(text(300))),
    }),
  ),
});

export interface TitleCandidate {
  key: string;
  title: string;
  description: string | null;
}

const SummarySchema = v.object({
  type: v.string(),
  title: text(300),
  description: v.optional(text(300)),
  extract: v.optional(text(MAX_TEXT)),
  wikibase_item: v.optional(v.pipe(v.string(), v.regex(/^Q\d+$/))),
  thumbnail: v.optional(v.object({ source: v.pipe(v.string(), v.startsWith('https://')) })),
  titles: v.optional(v.object({ canonical: v.string() })),
  revision: v.optional(v.union([v.string(), v.number()])),
});

export interface PageSummary {
  /** "standard", or "disambiguation" for a page listing several meanings (never shown as an answer). */
  type: string;
  title: string;
  /** Canonical title with underscores, for links and Backstory's `wikipedia` field. */
  canonical: string;
  description: string | null;
  extract: string | null;
  wikidata: string | null;
  thumbnail: string | null;
  url: string;
  revision: string | null;
}

export type Fetched<T> = { ok: true; value: T } | { ok: false; reason: Exclude<HttpResult, { ok: true }>['reason'] };

export async function searchTitles(
  fetchFn: FetchLike,
  origins: Origins,
  query: string,
  limit = 5,
): Promise<Fetched<TitleCandidate[]>> {
  const r = await getJson(fetchFn, searchTitleUrl(origins, query, limit));
  if (!r.ok) return r;
  const p = v.safeParse(SearchSchema, r.data);
  if (!p.success) return { ok: false, reason: 'malformed' };
  return {
    ok: true,
    value: p.output.pages.map((x) => ({ key: x.key, title: x.title, description: x.description ?? null })),
  };
}

export async function fetchSummary(fetchFn: FetchLike, origins: Origins, title: string): Promise<Fetched<PageSummary>> {
  const r = await getJson(fetchFn, summaryUrl(origins, title));
  if (!r.ok) return r;
  const p = v.safeParse(SummarySchema, r.data);
  if (!p.success) return { ok: false, reason: 'malformed' };
  const s = p.output;
  const canonical = s.titles?.canonical ?? s.title.replace(/ /g, '_');
  return {
    ok: true,
    value: {
      type: s.type,
      title: s.title,
      canonical,
      description: s.description || null,
      extract: s.extract || null,
      wikidata: s.wikibase_item ?? null,
      thumbnail: s.thumbnail?.source ?? null,
      url: wikipediaPageUrl(canonical),
      revision: s.revision !== undefined ? String(s.revision) : null,
    },
  };
}

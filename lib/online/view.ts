/**
 * What online mode hands the page for one entity, and how its freshness is said. Plain data
 * and pure functions, shared by the background (which builds it), the analyzer and the cards.
 * Every string here came from an API as plain text and is rendered as text, never as markup.
 */
import type { Fact } from '../kb/schema.ts';
import { formatDate } from '../format/facts.ts';

export interface OnlineView {
  /** The entity's key in this article's result. */
  key: string;
  /** The Wikipedia title chosen (null: none, or several equally good: see choices). */
  title: string | null;
  description: string | null;
  extract: string | null;
  /** The article on the real Wikipedia, for the reader to follow. */
  url: string | null;
  wikidata: string | null;
  /** ISO time the answer was fetched (a cached answer keeps its first fetch time). */
  fetched: string;
  /** Figures from Wikidata, each cited to its statement. */
  facts: Fact[];
  /** Other articles the name may mean, when the choice was unclear. */
  choices: { title: string; description: string | null; url: string }[];
  /** A quiet note when this name's look-up failed. */
  problem: string | null;
}

/**
 * Whether the page may look names up: on; off (the reader has not turned it on: the sidebar may
 * offer it); locked off by a school's policy; or off on this site (the reader's "Never").
 */
export type OnlineStatus = 'on' | 'off' | 'locked' | 'site-off';

export interface OnlineReply {
  status: OnlineStatus;
  views: OnlineView[];
  /** One quiet line when look-ups failed ("Wikipedia did not answer in time; …"). */
  note: string | null;
}

/** "fetched just now", "fetched 2 min ago", "fetched 3 h ago", "fetched 2 days ago". */
export function fetchedAgo(iso: string, now: Date = new Date()): string {
  const t = Date.parse(iso);
  if (!Number.isFinite(t)) return 'fetched';
  const min = Math.floor(Math.max(0, now.getTime() - t) / 60_000);
  if (min < 1) return 'fetched just now';
  if (min < 60) return `fetched ${min} min ago`;
  const h = Math.floor(min / 60);
  if (h < 24) return `fetched ${h} h ago`;
  const d = Math.floor(h / 24);
  return `fetched ${d} day${d === 1 ? '' : 's'} ago`;
}

/** "fetched today", or "fetched on 3 Dec 2026" for an answer from an earlier day (kept in the cache). */
export function fetchedOn(iso: string, now: Date = new Date()): string {
  const day = iso.slice(0, 10);
  if (day === now.toISOString().slice(0, 10)) return 'fetched today';
  return /^\d{4}-\d{2}-\d{2}$/.test(day) ? `fetched on ${formatDate(day)}` : 'fetched';
}

/** The attribution line: "From Wikipedia · CC BY-SA · fetched 2 min ago". */
export function attribution(view: Pick<OnlineView, 'fetched'>, now: Date = new Date()): string {
  return `From Wikipedia · CC BY-SA · ${fetchedAgo(view.fetched, now)}`;
}

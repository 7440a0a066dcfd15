/**
 * What goes into the trail and when: an analysed article becomes a TrailArticle (title,
 * outlet, URL, date, entities with mention counts and the figures tied to each), and the
 * rules that keep it out: the trail is off, the site is on the "never" list, or the tab is
 * in a private window. Pure: the background passes in what it knows.
 */
import type { AnalysisResult } from '../engine/types.ts';
import { siteKey, type SitePolicy } from '../storage/settings.ts';
import type { TrailArticle, TrailEntity } from './types.ts';

/** At most this many entities (most central first) and figures per entity are kept for an article. */
export const MAX_ENTITIES = 80;
export const MAX_FIGURES_PER_ENTITY = 12;
const MAX_SENTENCE = 400;

export interface RecordContext {
  trailOn: boolean;
  sitePolicy: SitePolicy;
  /** The tab is in a private (incognito) window. */
  incognito: boolean;
}

/** Why an article is not recorded, or null when it may be. */
export function whyNotRecorded(ctx: RecordContext, url: string): string | null {
  if (!ctx.trailOn) return 'the reading trail is off';
  if (ctx.incognito) return 'private window';
  if (ctx.sitePolicy === 'never') return 'site on the "never" list';
  if (!siteKey(url)) return 'not a web page';
  return null;
}

/** The URL a record is kept under: the fragment dropped, so one page is one record. */
export function trailUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url;
  }
}

export function toTrailArticle(url: string, title: string, result: AnalysisResult, readAt: number): TrailArticle {
  const entities: TrailEntity[] = result.entities.slice(0, MAX_ENTITIES).map((e) => ({
    key: e.key,
    name: e.name,
    type: e.type,
    mentions: e.mentionCount,
    figures: [],
  }));
  const byKey = new Map(entities.map((e) => [e.key, e]));
  for (const f of result.figures) {
    const e = f.entity ? byKey.get(f.entity) : undefined;
    if (!e || e.figures.length >= MAX_FIGURES_PER_ENTITY) continue;
    e.figures.push({ text: f.text, value: f.value, unit: f.unit, sentence: f.sentence.slice(0, MAX_SENTENCE) });
  }
  return {
    url: trailUrl(url),
    title: (title || result.title).slice(0, 500),
    outlet: siteKey(url) ?? '',
    readAt,
    entities,
  };
}

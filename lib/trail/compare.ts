/**
 * What the trail says about the article being read: for each of its entities, the other
 * articles in the trail that name it ("in 4 other articles you read (Reuters, Dawn, The
 * Diplomat)"), and a coverage comparison: the articles of the last COMPARE_DAYS days that
 * share its core entities, which of those entities each names, and where their figures
 * about the same entity differ ("1,100 square kilometres" vs "1,000 square kilometres").
 * Pure functions of trail records.
 */
import type {
  ComparedFigure,
  CoverageComparison,
  EntityTrail,
  FigureDifference,
  TrailArticle,
  TrailLink,
} from './types.ts';

/** Articles read this many days before the current one (or after) are compared with it. */
export const COMPARE_DAYS = 14;
/** The current article's most central entities that make up its story. */
export const CORE_SIZE = 5;
const DAY_MS = 86_400_000;

const link = (a: TrailArticle): TrailLink => ({ url: a.url, title: a.title, outlet: a.outlet, readAt: a.readAt });

/** Distinct values, most frequent first (ties: first seen first). */
function byFrequency(values: string[]): string[] {
  const n = new Map<string, number>();
  for (const v of values) n.set(v, (n.get(v) ?? 0) + 1);
  return [...n.keys()].sort((a, b) => n.get(b)! - n.get(a)!);
}

const newestFirst = (a: TrailArticle, b: TrailArticle) => b.readAt - a.readAt;

/** Per entity of `current`, the other trail articles that name it (entities no other article names are left out). */
export function entityTrails(current: TrailArticle, trail: TrailArticle[]): EntityTrail[] {
  const others = trail.filter((a) => a.url !== current.url).sort(newestFirst);
  const out: EntityTrail[] = [];
  for (const e of current.entities) {
    const articles = others.filter((a) => a.entities.some((x) => x.key === e.key));
    if (!articles.length) continue;
    out.push({
      key: e.key,
      name: e.name,
      articles: articles.map(link),
      outlets: byFrequency(articles.map((a) => a.outlet)),
    });
  }
  return out;
}

/** The story's core: the current article's most central entities (the engine lists them so). */
export function coreEntities(current: TrailArticle): { key: string; name: string }[] {
  return current.entities.slice(0, CORE_SIZE).map((e) => ({ key: e.key, name: e.name }));
}

/**
 * A unit as compared: case, British/American spelling, abbreviations and the plural put
 * aside, so "1,100 square kilometres" and "1,000 sq km" count the same thing.
 */
export function normaliseUnit(unit: string): string {
  let u = unit.toLowerCase().trim().replace(/\s+/g, ' ');
  u = u.replace(/\b(kilo|centi|milli)?meters?\b/g, (_m, p: string | undefined) => `${p ?? ''}metres`);
  u = u.replace(/^(?:km²|km2|sq\.? ?km|square km)$/, 'square kilometres');
  u = u.replace(/^(?:per ?cent|%|percentage points?)$/, 'percent');
  return u.replace(/s$/, '');
}

/**
 * The coverage comparison for `current`, or null when no other article of the last
 * COMPARE_DAYS days shares its story: at least two of its core entities (one, when it has
 * only one).
 */
export function compareCoverage(current: TrailArticle, trail: TrailArticle[]): CoverageComparison | null {
  const core = coreEntities(current);
  if (!core.length) return null;
  const need = Math.min(2, core.length);
  const coreKeys = new Set(core.map((c) => c.key));
  const from = current.readAt - COMPARE_DAYS * DAY_MS;
  const sharing = trail
    .filter((a) => a.url !== current.url && a.readAt >= from)
    .filter((a) => a.entities.filter((e) => coreKeys.has(e.key)).length >= need)
    .sort(newestFirst);
  if (!sharing.length) return null;
  const names = (a: TrailArticle) => core.filter((c) => a.entities.some((e) => e.key === c.key)).map((c) => c.name);
  return {
    core,
    articles: [
      { ...link(current), current: true, names: names(current) },
      ...sharing.map((a) => ({ ...link(a), current: false, names: names(a) })),
    ],
    differences: figureDifferences([current, ...sharing]),
  };
}

/**
 * Entities (of the first article) about which the articles give figures of the same unit
 * but different values, each figure with its article and sentence.
 */
export function figureDifferences(articles: TrailArticle[]): FigureDifference[] {
  const [first] = articles;
  if (!first) return [];
  const out: FigureDifference[] = [];
  for (const e of first.entities) {
    const byUnit = new Map<string, ComparedFigure[]>();
    for (const a of articles) {
      const same = a.entities.find((x) => x.key === e.key);
      for (const f of same?.figures ?? []) {
        if (f.value === null || !f.unit) continue;
        const unit = normaliseUnit(f.unit);
        const list = byUnit.get(unit) ?? [];
        // One figure per article and value: a figure repeated in one article is said once.
        if (!list.some((g) => g.url === a.url && g.value === f.value))
          list.push({ ...f, url: a.url, outlet: a.outlet });
        byUnit.set(unit, list);
      }
    }
    for (const [unit, figures] of byUnit) {
      const values = new Set(figures.map((f) => f.value));
      const articlesGiving = new Set(figures.map((f) => f.url));
      if (values.size > 1 && articlesGiving.size > 1) out.push({ key: e.key, name: e.name, unit, figures });
    }
  }
  return out;
}

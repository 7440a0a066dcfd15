/**
 * Scoring against the corpus gold files, as ../shared/guide/QUALITY.md defines it:
 * an output entity matches a gold entity when their Wikipedia titles are equal
 * (spaces/underscores and first-letter case ignored), or failing that when a
 * surface form matches (case-insensitive, possessive and punctuation ignored).
 */
import type { AnalysisResult } from '../lib/engine/types.ts';

export interface GoldEntity {
  name: string;
  type: string;
  wikipedia: string | null;
  surface: string[];
  importance: 'core' | 'minor';
}
export interface Gold {
  topic?: string;
  entities: GoldEntity[];
  not_entities: string[];
}

export interface DocScore {
  output: number;
  gold: number;
  core: number;
  matched: number;
  coreMatched: number;
  linkedPairs: number;
  linkedEqual: number;
  chromeHits: string[];
  missed: string[];
  spurious: string[];
  wrongLinks: string[];
}

export function normTitle(t: string | null | undefined): string | null {
  if (!t) return null;
  const s = t.replace(/_/g, ' ').trim();
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function normSurface(s: string): string {
  return s
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/['’]s$/i, '')
    .replace(/^[\s"'“”(\[]+|[\s"'“”)\].,;:!?]+$/g, '')
    .toLowerCase();
}

export function scoreDocument(result: AnalysisResult, gold: Gold): DocScore {
  const used = new Set<number>();
  const s: DocScore = {
    output: result.entities.length,
    gold: gold.entities.length,
    core: gold.entities.filter((g) => g.importance === 'core').length,
    matched: 0,
    coreMatched: 0,
    linkedPairs: 0,
    linkedEqual: 0,
    chromeHits: [],
    missed: [],
    spurious: [],
    wrongLinks: [],
  };
  const notEntities = new Set(gold.not_entities.map(normSurface));
  for (const e of result.entities) {
    const title = normTitle(e.wikipedia);
    const surfaces = new Set([e.name, ...e.mentions.map((m) => m.text)].map(normSurface));
    let hit = -1;
    if (title) hit = gold.entities.findIndex((g, i) => !used.has(i) && normTitle(g.wikipedia) === title);
    if (hit < 0)
      hit = gold.entities.findIndex((g, i) => !used.has(i) && g.surface.some((x) => surfaces.has(normSurface(x))));
    if ([...surfaces].some((x) => notEntities.has(x))) s.chromeHits.push(e.name);
    if (hit < 0) {
      s.spurious.push(
        `${e.name} (${e.mentions
          .map((m) => m.text)
          .slice(0, 2)
          .join('|')})`,
      );
      continue;
    }
    used.add(hit);
    const g = gold.entities[hit]!;
    s.matched++;
    if (g.importance === 'core') s.coreMatched++;
    if (title && g.wikipedia) {
      s.linkedPairs++;
      if (normTitle(g.wikipedia) === title) s.linkedEqual++;
      else s.wrongLinks.push(`${g.name}: ${title} ≠ ${normTitle(g.wikipedia)}`);
    }
  }
  gold.entities.forEach((g, i) => {
    if (!used.has(i)) s.missed.push(`${g.importance === 'core' ? '*' : ''}${g.name}`);
  });
  return s;
}

export function totals(scores: DocScore[]) {
  const sum = (k: keyof DocScore) => scores.reduce((n, s) => n + (s[k] as number), 0);
  const ratio = (a: number, b: number) => (b ? a / b : 1);
  return {
    precision: ratio(sum('matched'), sum('output')),
    recall: ratio(sum('matched'), sum('gold')),
    coreRecall: ratio(sum('coreMatched'), sum('core')),
    linking: ratio(sum('linkedEqual'), sum('linkedPairs')),
    chromeHits: scores.reduce((n, s) => n + s.chromeHits.length, 0),
  };
}

/**
 * Choosing the Wikipedia article a name in this article means, from title-search candidates:
 * the article's other names are the context ("Mercury" beside NASA and Venus is the planet).
 * Pure and deterministic.
 */
import type { TitleCandidate } from './wikipedia.ts';

/** Descriptions that mark a list of meanings rather than one topic. */
const DISAMBIGUATION_DESCRIPTION =
  /^(topics referred to by the same term|disambiguation page|wikimedia disambiguation page)/i;
const WORD = /[\p{L}\p{N}]+/gu;
const STOP = new Set(['the', 'of', 'and', 'in', 'for', 'a', 'an', 'on', 'to', 'at', 'by', 'with', 'from']);

const words = (s: string) => (s.toLowerCase().match(WORD) ?? []).filter((w) => w.length > 2 && !STOP.has(w));

export function isDisambiguationCandidate(c: TitleCandidate): boolean {
  return DISAMBIGUATION_DESCRIPTION.test(c.description ?? '') || /\(disambiguation\)$/i.test(c.title);
}

export interface Resolution {
  /** The chosen title, or null when no candidate is good enough. */
  title: string | null;
  /** Why, in words a reader can follow. */
  reason: string;
  /** Other plausible candidates, best first, for "did you mean". */
  choices: TitleCandidate[];
}

/**
 * Scores each candidate: the title equal to the name (ignoring case and a trailing
 * parenthetical) is strong evidence, words shared between its title/description and the
 * article's other names are context, a disambiguation page is never an answer.
 */
export function chooseTitle(name: string, candidates: TitleCandidate[], context: string[]): Resolution {
  const wanted = name.trim().toLowerCase();
  const ctx = new Set(context.flatMap(words));
  const scored = candidates
    .filter((c) => !isDisambiguationCandidate(c))
    .map((c, rank) => {
      const base = c.title.replace(/\s*\([^)]*\)$/, '').toLowerCase();
      let score = 0;
      if (base === wanted) score += 3;
      else if (base.startsWith(wanted) || wanted.startsWith(base)) score += 1;
      const overlap = words(`${c.title} ${c.description ?? ''}`).filter((w) => ctx.has(w)).length;
      score += Math.min(overlap, 4) * 1.5;
      score -= rank * 0.1; // the search engine's own order breaks ties
      return { c, score, overlap };
    })
    .sort((a, b) => b.score - a.score);
  const best = scored[0];
  if (!best || best.score < 1)
    return { title: null, reason: 'no Wikipedia article matches the name', choices: scored.map((s) => s.c) };
  const runnerUp = scored[1];
  const close = runnerUp && best.score - runnerUp.score < 1 && best.overlap === runnerUp.overlap;
  return {
    title: close ? null : best.c.title,
    reason: close
      ? `several Wikipedia articles match "${name}"`
      : best.overlap > 0
        ? `matches the name and ${best.overlap} word${best.overlap === 1 ? '' : 's'} from the article's other names`
        : 'matches the name',
    choices: scored.slice(close ? 0 : 1, 4).map((s) => s.c),
  };
}

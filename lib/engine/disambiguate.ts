/**
 * Which sense of an ambiguous alias an article means, from the article's own words: the
 * sense's full name written out, its cue words, and other entities present that it relates
 * to. Moved out of index.ts unchanged (issue 14: no file over 400 lines).
 */
import type { Ambiguity, IndexEntry, KbIndex } from './types.ts';
import type { Token } from './tokenize.ts';
import type { AliasMatch } from './match-aliases.ts';
import { aliasKey } from '../kb/alias-key.ts';

export interface Choice {
  entry: number;
  ambiguity: Ambiguity;
}

/**
 * Choose among an alias's senses from the article's own words: the sense's full
 * name written out, its cue words, and other entities present that it relates to.
 * With no evidence the prior decides and the choice is marked weak.
 */
export function disambiguate(m: AliasMatch, text: string, tokens: Token[], index: KbIndex, all: AliasMatch[]): Choice {
  const ctx = contextOf(text, tokens, index, all);
  const alias = text.slice(m.start, m.end);
  // The evidence is the same for every mention with the same senses: decide once per article.
  const memoKey = `${alias}\u0000${m.candidates.join(',')}`;
  const memo = ctx.choices.get(memoKey);
  if (memo) return memo;
  const choice = decide(m, alias, ctx, index);
  ctx.choices.set(memoKey, choice);
  return choice;
}

function decide(m: AliasMatch, alias: string, ctx: Context, index: KbIndex): Choice {
  const scored = m.candidates.map((e) => {
    const entry = index.entries[e]!;
    const cues = cuesFound(ctx, e, entry);
    const relatedPresent = [...ctx.present].filter(
      (id) => id !== entry.id && (entry.related.includes(id) || ctx.relatedTo.get(id)?.has(entry.id)),
    );
    const named = ctx.fullNames.has(e);
    const evidence = Math.min(cues.length, 5) * 1 + Math.min(relatedPresent.length, 4) * 1.5 + (named ? 4 : 0);
    return { e, entry, cues, relatedPresent, named, evidence, score: evidence + entry.prior };
  });
  scored.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
  const best = scored[0]!;
  const margin = best.score - (scored[1]?.score ?? 0);
  const basis: Ambiguity['basis'] = best.evidence > 0 ? 'context' : 'prior';
  const confidence = Math.round((0.5 + 0.5 * (1 - Math.exp(-margin))) * 100) / 100;
  const weak = basis === 'prior' || margin < 1;
  const reasons: string[] = [];
  if (best.named) reasons.push(`the article also writes out “${best.entry.name}”`);
  if (best.cues.length) reasons.push(`it mentions ${listWords(best.cues.slice(0, 4))}`);
  if (best.relatedPresent.length)
    reasons.push(`it names ${listWords(best.relatedPresent.slice(0, 3).map((id) => ctx.nameOf.get(id) ?? id))}`);
  const reason =
    basis === 'prior'
      ? `${alias} has several meanings; nothing in the article settles it, so this is the most common one (a guess).`
      : `${alias} here most likely means ${best.entry.name}: ${reasons.join('; ')}.`;
  return {
    entry: best.e,
    ambiguity: {
      alias,
      alternatives: scored.map((s) => ({ id: s.entry.id, name: s.entry.name, score: Math.round(s.score * 100) / 100 })),
      reason,
      basis,
      confidence,
      weak,
    },
  };
}

export function needsEvidence(entry: IndexEntry, written: string): boolean {
  return (
    aliasKey(written) !== aliasKey(entry.name) ||
    entry.type === 'country' ||
    entry.type === 'place' ||
    entry.prior < 0.5
  );
}

export function hasEvidence(e: number, text: string, tokens: Token[], index: KbIndex, all: AliasMatch[]): boolean {
  const ctx = contextOf(text, tokens, index, all);
  const entry = index.entries[e]!;
  if (cuesFound(ctx, e, entry).length) return true;
  if (ctx.fullNames.has(e) && all.some((m) => m.candidates.length === 1 && m.candidates[0] === e && m.last > m.first))
    return true;
  return [...ctx.present].some(
    (id) => id !== entry.id && (entry.related.includes(id) || ctx.relatedTo.get(id)?.has(entry.id)),
  );
}

/** The cue words of entry e that the article uses (each counted once). */
export function cuesInArticle(e: number, text: string, tokens: Token[], index: KbIndex, all: AliasMatch[]): string[] {
  return cuesFound(contextOf(text, tokens, index, all), e, index.entries[e]!);
}

/** Cue words of an entry found in the article, computed once per entry and article. */
function cuesFound(ctx: Context, e: number, entry: IndexEntry): string[] {
  let hit = ctx.cueHits.get(e);
  if (!hit) {
    hit = entry.cues.filter((c) => (c.includes(' ') ? ctx.folded.includes(` ${c} `) : ctx.words.has(c)));
    ctx.cueHits.set(e, hit);
  }
  return hit;
}

function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

interface Context {
  words: Set<string>;
  folded: string;
  present: Set<string>;
  relatedTo: Map<string, Set<string>>;
  fullNames: Set<number>;
  nameOf: Map<string, string>;
  cueHits: Map<number, string[]>;
  choices: Map<string, Choice>;
}

const contextCache = new WeakMap<AliasMatch[], Context>();

function contextOf(text: string, tokens: Token[], index: KbIndex, all: AliasMatch[]): Context {
  let ctx = contextCache.get(all);
  if (ctx) return ctx;
  const words = new Set<string>();
  for (const t of tokens) {
    words.add(t.key);
    if (t.keyNoPoss) words.add(t.keyNoPoss);
  }
  const present = new Set<string>();
  const relatedTo = new Map<string, Set<string>>();
  const fullNames = new Set<number>();
  const nameOf = new Map<string, string>();
  for (const m of all) {
    if (m.candidates.length === 1) {
      const e = index.entries[m.candidates[0]!]!;
      present.add(e.id);
      nameOf.set(e.id, e.name);
      relatedTo.set(e.id, new Set(e.related));
      if (!m.acronym) fullNames.add(m.candidates[0]!);
    }
  }
  ctx = {
    words,
    folded: ` ${tokens.map((t) => t.key).join(' ')} `,
    present,
    relatedTo,
    fullNames,
    nameOf,
    cueHits: new Map(),
    choices: new Map(),
  };
  contextCache.set(all, ctx);
  return ctx;
}

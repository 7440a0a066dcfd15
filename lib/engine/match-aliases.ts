/**
 * Knowledge-base alias matching: at each token, the longest token sequence whose
 * folded key is an alias wins. Case rules come from how the alias is written:
 * an all-caps acronym matches only in capitals ("SCO", never "sco"); a
 * capitalised word matches only a capitalised (or all-caps) word; a lowercase
 * alias word matches any case. Cost: one Map lookup per token and length.
 */
import type { KbIndex, AliasTarget } from './types.ts';
import { type Token, joinable } from './tokenize.ts';
import { tokenizeAlias } from '../kb/alias-key.ts';

export interface AliasMatch {
  start: number;
  end: number;
  /** Token range [first, last]. */
  first: number;
  last: number;
  /** Candidate entry indexes (distinct), after case rules. */
  candidates: number[];
  /** True when every candidate surface matched is a bare acronym. */
  acronym: boolean;
}

interface AliasShape {
  tokens: string[];
  acronymAt: boolean[];
  capitalAt: boolean[];
  isAcronym: boolean;
}

const shapeCache = new Map<string, AliasShape>();

export function isAcronymToken(t: string): boolean {
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

function shapeOf(surface: string): AliasShape {
  let s = shapeCache.get(surface);
  if (!s) {
    const tokens = tokenizeAlias(surface);
    const acronymAt = tokens.map(isAcronymToken);
    s = {
      tokens,
      acronymAt,
      capitalAt: tokens.map((t) => /^[\p{Lu}\p{N}]/u.test(t)),
      isAcronym: tokens.length === 1 && acronymAt[0] === true,
    };
    shapeCache.set(surface, s);
  }
  return s;
}

function caseFits(shape: AliasShape, tokens: Token[], first: number, stripLastPossessive: boolean): boolean {
  for (let k = 0; k < shape.tokens.length; k++) {
    const tok = tokens[first + k]!;
    let raw = tok.raw;
    if (stripLastPossessive && k === shape.tokens.length - 1) raw = raw.slice(0, -2);
    if (shape.acronymAt[k]) {
      if (raw !== shape.tokens[k]) return false;
    } else if (shape.capitalAt[k] && !tok.isCapitalized) {
      return false;
    }
  }
  return true;
}

/** Tokens around i that are all-caps words: a headline or slogan in capitals, where "WHO" may be the word "who". */
function inCapsRun(tokens: Token[], i: number): boolean {
  let caps = 0;
  for (const j of [i - 2, i - 1, i + 1, i + 2]) {
    const t = tokens[j];
    if (t && t.isUpper && t.raw.length >= 2 && /\p{L}/u.test(t.raw)) caps++;
  }
  return caps >= 2;
}

export function matchAliases(text: string, tokens: Token[], index: KbIndex, firstKeys: Set<string>): AliasMatch[] {
  const out: AliasMatch[] = [];
  const aliases = index.aliases;
  let i = 0;
  while (i < tokens.length) {
    const t0 = tokens[i]!;
    if (
      !firstKeys.has(t0.key) &&
      !(t0.keyNoPoss !== null && firstKeys.has(t0.keyNoPoss)) &&
      !firstKeys.has(depluralize(t0.key))
    ) {
      i++;
      continue;
    }
    // Longest candidate span: tokens joined only by spaces, hyphens or initials' dots.
    let span = 1;
    while (
      span < index.maxTokens &&
      i + span < tokens.length &&
      joinable(text, tokens[i + span - 1]!, tokens[i + span]!)
    )
      span++;
    let matched: AliasMatch | null = null;
    for (let n = span; n >= 1 && !matched; n--) {
      const last = tokens[i + n - 1]!;
      const head = n > 1 ? keyOf(tokens, i, i + n - 1) + ' ' : '';
      const variants: { key: string; strip: boolean; plural: boolean }[] = [
        { key: head + last.key, strip: false, plural: false },
      ];
      if (last.keyNoPoss !== null) variants.push({ key: head + last.keyNoPoss, strip: true, plural: false });
      if (last.key.length > 4 && last.key.endsWith('s'))
        variants.push({ key: head + depluralize(last.key), strip: false, plural: true });
      for (const v of variants) {
        const targets: AliasTarget[] | undefined = aliases[v.key];
        if (!targets) continue;
        const fitting = targets.filter((tg) => {
          const shape = shapeOf(tg.s);
          if (shape.tokens.length !== n) return false;
          if (
            v.plural &&
            (shape.isAcronym || !['country', 'group', 'organization'].includes(index.entries[tg.e]!.type))
          )
            return false;
          return caseFits(shape, tokens, i, v.strip);
        });
        if (!fitting.length) continue;
        const acronym = fitting.every((tg) => shapeOf(tg.s).isAcronym);
        if (acronym && inCapsRun(tokens, i)) continue;
        matched = {
          start: t0.start,
          end: v.strip ? last.end - 2 : last.end,
          first: i,
          last: i + n - 1,
          candidates: [...new Set(fitting.map((tg) => tg.e))],
          acronym,
        };
        break;
      }
    }
    if (matched) {
      out.push(matched);
      i = matched.last + 1;
    } else {
      i++;
    }
  }
  return out;
}

function keyOf(tokens: Token[], from: number, to: number): string {
  let s = tokens[from]!.key;
  for (let k = from + 1; k < to; k++) s += ' ' + tokens[k]!.key;
  return s;
}

function depluralize(key: string): string {
  return key.endsWith('s') ? key.slice(0, -1) : key;
}

export function firstTokenKeys(index: KbIndex): Set<string> {
  const set = new Set<string>();
  for (const key of Object.keys(index.aliases)) set.add(key.split(' ', 1)[0]!);
  return set;
}

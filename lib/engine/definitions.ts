/**
 * Acronym definitions in the article's own words:
 *   "Quadrilateral Cooperation and Coordination Mechanism (QCCM)"
 *   "QCCM (the Quadrilateral Cooperation and Coordination Mechanism)"
 * A definition binds the acronym for the whole article, whatever the knowledge
 * base's usual sense. The long form is found by matching the acronym's letters
 * to word initials (after Schwartz & Hearst 2003), skipping small words.
 */
import type { Token } from './tokenize.ts';
import { isAcronymToken } from './match-aliases.ts';

export interface Definition {
  acronym: string;
  /** Token range of the long form. */
  longFirst: number;
  longLast: number;
  longStart: number;
  longEnd: number;
  /** Token index of the acronym at the definition site. */
  acronymToken: number;
}

const SMALL_WORDS = new Set([
  'of',
  'and',
  'the',
  'for',
  'on',
  'in',
  'to',
  'de',
  'du',
  'des',
  'la',
  'le',
  'et',
  'for',
  'at',
  'a',
  'an',
  '&',
  'y',
  'del',
  'di',
]);

/** Can `words` (in order) spell `letters`? Each content word gives its initial; small words may give theirs or nothing. */
function spells(words: Token[], letters: string): boolean {
  const memo = new Map<string, boolean>();
  const go = (w: number, l: number): boolean => {
    const k = w + ',' + l;
    const hit = memo.get(k);
    if (hit !== undefined) return hit;
    let r = false;
    if (w === words.length) r = l === letters.length;
    else {
      const word = words[w]!;
      const initial = word.key[0] ?? '';
      const small = SMALL_WORDS.has(word.key);
      if (small && go(w + 1, l)) r = true;
      else if (l < letters.length && initial === letters[l]) {
        // A word may also supply further letters from its own inner capitals ("PetroChina" → PC).
        r = go(w + 1, l + 1);
        if (!r) {
          const caps = word.raw
            .slice(1)
            .replace(/[^\p{Lu}]/gu, '')
            .toLowerCase();
          for (let c = 1; c <= caps.length && !r; c++) {
            if (letters.slice(l + 1, l + 1 + c) === caps.slice(0, c)) r = go(w + 1, l + 1 + c);
          }
        }
      }
    }
    memo.set(k, r);
    return r;
  };
  return go(0, 0);
}

function acronymLetters(raw: string): string {
  return raw.replace(/[^\p{L}]/gu, '').toLowerCase();
}

export function findDefinitions(text: string, tokens: Token[]): Definition[] {
  const out: Definition[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!isAcronymToken(t.raw) || t.raw.length > 10) continue;
    const letters = acronymLetters(t.raw);
    if (letters.length < 2) continue;
    const before = text.slice(Math.max(0, t.start - 3), t.start);
    const after = text.slice(t.end, t.end + 3);
    // Form 1: long form ( ACR )
    if (/\(\s*$/.test(before) && /^\s*[),;]/.test(after) && i > 0) {
      const openParen = text.lastIndexOf('(', t.start);
      const maxWords = Math.min(letters.length + 5, letters.length * 2 + 1);
      const lastWord = i - 1;
      if (tokens[lastWord]!.end > openParen) continue;
      for (let n = 1; n <= maxWords; n++) {
        const first = lastWord - n + 1;
        if (first < 0) break;
        const words = tokens.slice(first, lastWord + 1);
        if (/[.!?;:]\s/.test(text.slice(words[0]!.start, openParen))) break;
        if (!/^[\p{Lu}\p{N}]/u.test(words[0]!.raw)) continue;
        if (spells(words, letters)) {
          out.push({
            acronym: t.raw,
            longFirst: first,
            longLast: lastWord,
            longStart: words[0]!.start,
            longEnd: words.at(-1)!.end,
            acronymToken: i,
          });
          break;
        }
      }
      continue;
    }
    // Form 2: ACR ( the long form )
    if (/^\s*\(/.test(after)) {
      const open = text.indexOf('(', t.end);
      const close = text.indexOf(')', open);
      if (close < 0 || close - open > 200) continue;
      let first = i + 1;
      while (first < tokens.length && tokens[first]!.start < open) first++;
      let last = first;
      while (last + 1 < tokens.length && tokens[last + 1]!.end <= close) last++;
      if (first >= tokens.length || tokens[first]!.start > close) continue;
      while (first <= last && SMALL_WORDS.has(tokens[first]!.key)) first++;
      const words = tokens.slice(first, last + 1);
      if (words.length >= letters.length - 2 && words.length <= letters.length * 2 + 1 && spells(words, letters)) {
        out.push({
          acronym: t.raw,
          longFirst: first,
          longLast: last,
          longStart: words[0]!.start,
          longEnd: words.at(-1)!.end,
          acronymToken: i,
        });
      }
    }
  }
  return out;
}

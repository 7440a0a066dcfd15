/**
 * Splits article text into word tokens with character offsets, the same way
 * lib/kb/alias-key.ts splits aliases, so that a token sequence's folded key can be
 * looked up in the index. Linear in the text; no per-grapheme segmentation
 * (measured too slow on long texts: docs/architecture.md, "Constraints").
 */
import { foldToken } from '../kb/alias-key.ts';
import { indexCovering, indexAtOrBefore } from '../util/intervals.ts';
import { ABBREVIATIONS, TITLE_ABBREVIATIONS } from './rules.ts';

export interface Token {
  start: number;
  end: number;
  /** The token as written, abbreviation dots removed ("U.S." → "US"). */
  raw: string;
  /** Folded key: lowercase, no diacritics, straight apostrophes. */
  key: string;
  /** Key without a trailing possessive ('s / ’s), or null if none. */
  keyNoPoss: string | null;
  /** At least two letters and every letter a capital (an acronym or a word in a caps headline). */
  isUpper: boolean;
  isCapitalized: boolean;
}

const TOKEN_RE = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}\p{M}]+)*\+?|&/gu;
const POSSESSIVE_RE = /['\u2019]s$/i;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(TOKEN_RE)) {
    const written = m[0];
    const start = m.index;
    const raw = written.includes('.') ? written.replace(/\./g, '') : written;
    const key = foldToken(raw);
    const letters = raw.replace(/[^\p{L}]/gu, '');
    tokens.push({
      start,
      end: start + written.length,
      raw,
      key,
      keyNoPoss: POSSESSIVE_RE.test(raw) ? key.slice(0, -2) : null,
      isUpper: letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase(),
      isCapitalized: /^\p{Lu}/u.test(raw) || /^\p{N}/u.test(raw),
    });
  }
  return tokens;
}

/** Text between two tokens that still lets them form one name: spaces, hyphens, dashes, dots of initials. */
const JOINER_RE = /^[\s\u00A0\u2009\u202F\-\u2010\u2011\u2013.]{0,3}$/;

export function joinable(text: string, a: Token, b: Token): boolean {
  const gap = text.slice(a.end, b.start);
  if (!JOINER_RE.test(gap)) return false;
  // A full stop followed by a space ends a sentence unless the token before it is an initial.
  if (/\.\s/.test(gap) && a.raw.length > 1 && !TITLE_ABBREVIATIONS.has(a.key)) return false;
  return true;
}

export interface Sentence {
  start: number;
  end: number;
}

/**
 * Sentence boundaries: . ! ? followed by space and a capital or quote, and line
 * breaks. Abbreviations (Mr., U.S., Gen.) and initials do not end a sentence.
 */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const re = /([.!?]+["'\u201D\u2019)]*)(\s+)(?=["'\u201C\u2018(]?[\p{Lu}\p{N}])|\n\s*\n|\r?\n/gu;
  for (const m of text.matchAll(re)) {
    const endPunct = m.index + (m[1]?.length ?? 0);
    if (m[1]) {
      const before = text.slice(Math.max(start, m.index - 6), m.index);
      const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? '';
      if (ABBREVIATIONS.has(word) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word)) continue;
    }
    const end = m[1] ? endPunct : m.index;
    if (end > start && text.slice(start, end).trim()) out.push(trim(text, start, end));
    start = m.index + m[0].length;
  }
  if (start < text.length && text.slice(start).trim()) out.push(trim(text, start, text.length));
  return out;
}

function trim(text: string, start: number, end: number): Sentence {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

/** Index of the sentence containing offset, or the nearest one before it (binary search). */
export function sentenceAt(sentences: Sentence[], offset: number): number {
  const i = indexCovering(sentences, offset);
  if (i >= 0) return i;
  return Math.max(0, Math.min(sentences.length - 1, indexAtOrBefore(sentences, offset)));
}

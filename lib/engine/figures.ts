/**
 * Figures in the text: numbers with what they count ("1,100 square kilometers",
 * "3,000 Uyghurs", "$40 billion", "4 percent", "in March 2013"), read with compromise's own
 * number, money, percentage and date tagging (the document the names stage tagged) rather than a hand-written
 * expression. The entity a figure concerns is decided by the caller from the mentions in the
 * same sentence.
 *
 * Not figures: times ("10:28 AM ET"), decades ("the late 1800s"), days of a date ("Dec. 4"),
 * ordinals, sizes ("1800 x 1920") and counting words that are part of an idiom ("a one-two
 * punch"). A figure's label is the whole noun phrase after the number ("55 planned projects"),
 * never a fragment of it ("55 planned").
 */
import nlp from 'compromise';
import streets from '../../data/rules/street-suffixes.json';

export interface RawFigure {
  start: number;
  end: number;
  text: string;
  value: number | null;
  unit: string | null;
}

interface Term {
  text: string;
  start: number;
  end: number;
  tags: Set<string>;
}
interface CompromiseTerm {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}
/** One number compromise read: where it is in the text and its value. */
interface NumberMatch {
  start: number;
  end: number;
  num: number | undefined;
}

const PERCENT_AFTER = /^\s*(?:percent|per cent)\b/i;
const CURRENCY = /^(?:US|A|C|HK|NZ)?[$€£¥₹]/;
const SIZE_AFTER = /^\s*[x×]\s*\d/;
const SIZE_BEFORE = /\d\s*[x×]\s*$/;
/** Clock times and their zones: "10:28", "28 AM ET". */
const TIME_NEAR_BEFORE = /\d[:.]$/;
const TIME_AFTER = /^\s*(?:a\.?m\.?|p\.?m\.?)(?![\p{L}])/iu;
/** Words that end a unit phrase however compromise tags them. */
const NOT_UNIT = new Set(['et', 'gmt', 'utc', 'bst', 'est', 'edt', 'pst', 'pdt', 'cet', 'am', 'pm', 'x']);

/** Last words of a street's name ("St", "Avenue"), and compass points that may follow them. */
const STREET_SUFFIXES: ReadonlySet<string> = new Set(streets.words);
const STREET_DIRECTIONS: ReadonlySet<string> = new Set(streets.directions);

/**
 * A house number: a plain number followed by capitalised words that end in a street suffix
 * ("410 Felix St", "1600 Pennsylvania Avenue NW"). When the street's name is followed by a noun
 * ("9 Supreme Court justices"), the number counts that noun instead.
 */
function isHouseNumber(text: string, terms: Term[], last: number, written: string): boolean {
  if (!/^\d{1,6}[A-Za-z]?$/.test(written)) return false;
  const joined = (a: number, b: number) => /^[ \u00a0]$/.test(text.slice(terms[a]!.end, terms[b]!.start));
  for (let j = last + 1; j < terms.length && j <= last + 5 && joined(j - 1, j); j++) {
    const word = terms[j]!.text;
    if (!/^\p{Lu}/u.test(word)) return false;
    if (j === last + 1 || !STREET_SUFFIXES.has(word)) continue;
    let k = j + 1;
    if (k < terms.length && joined(j, k) && STREET_DIRECTIONS.has(terms[k]!.text)) k++;
    const next = terms[k];
    if (!next || !joined(k - 1, k) || !next.tags.has('Noun') || next.tags.has('Pronoun')) return true;
    // "Court Road": the name goes on; "Court justices": it was a noun phrase, not a street.
    if (!/^\p{Lu}/u.test(next.text)) return false;
  }
  return false;
}

/**
 * A number right after a capitalised word, in the middle of a sentence, is part of a name: a
 * model, version or section ("PlayStation 4 Pro", "Microsoft 365 users", "Article 5"), not a
 * count. A possessive before it ("Amazon's 100 million members") or a sentence's first word
 * ("About 50 people") leaves it a figure.
 */
function inName(text: string, terms: Term[], first: number): boolean {
  const prev = terms[first - 1];
  if (!prev || !/^[ \u00a0]$/.test(text.slice(prev.end, terms[first]!.start))) return false;
  if (!/^\p{Lu}/u.test(prev.text) || /['\u2019]s?$/u.test(prev.text)) return false;
  if (prev.tags.has('Month') || prev.tags.has('Date') || prev.tags.has('Value')) return false;
  const before = terms[first - 2];
  // The capitalised word opens its sentence (or its line): capitalised for that reason alone.
  return !!before && !/[.!?:;"\u201C\u201D]\s*$|\n\s*$/u.test(text.slice(before.end, prev.start));
}

/** Leading and trailing punctuation compromise keeps in a match's text. */
function trim(text: string, start: number, end: number): [number, number] {
  while (end > start && /[\s,.;:!?)"'\u2019\u201D\]]/.test(text[end - 1]!)) end--;
  while (start < end && /[\s("'\u2018\u201C[]/.test(text[start]!)) start++;
  return [start, end];
}

function termsFrom(sentences: { terms: CompromiseTerm[] }[]): Term[] {
  const out: Term[] = [];
  for (const s of sentences)
    for (const t of s.terms) {
      if (!t.text) continue;
      const start = t.offset.start;
      out.push({ text: t.text, start, end: start + t.text.length, tags: new Set(t.tags) });
    }
  return out;
}

/** The noun phrase right after a number: modifiers then nouns, ending at the last noun ("planned projects"). */
function unitAfter(terms: Term[], from: number, text: string): { words: string[]; end: number } | null {
  let lastNoun = -1;
  for (let i = from; i < terms.length && i < from + 4; i++) {
    const t = terms[i]!;
    // A phrase does not run across punctuation.
    if (i > from && /[,.;:!?()"\u201C\u201D]/.test(text.slice(terms[i - 1]!.end, t.start))) break;
    const word = t.text.toLowerCase();
    if (NOT_UNIT.has(word) || t.tags.has('Value') || t.tags.has('Date') || t.tags.has('Month')) break;
    const isNoun = t.tags.has('Noun') && !t.tags.has('Pronoun') && !t.tags.has('Verb');
    const isModifier = t.tags.has('Adjective') || t.tags.has('Participle') || t.tags.has('PastTense');
    if (isNoun) lastNoun = i;
    else if (!isModifier || lastNoun >= 0) break;
  }
  if (lastNoun < 0) return null;
  return { words: terms.slice(from, lastNoun + 1).map((t) => t.text), end: terms[lastNoun]!.end };
}

/** Whether `pos` falls in one of `spans` ([start, end) pairs in order). */
function inSpans(spans: readonly (readonly [number, number])[], pos: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]![1] <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo]![0] <= pos;
}

/** Compromise's document of a text, as the names stage made it. */
export type TaggedDoc = ReturnType<typeof nlp>;

/**
 * The figures in `doc`, compromise's document of the start of `text` (the names stage's, so the
 * text is tagged once; past MAX_NER_CHARS a long text has no figures, as it has no new names).
 * `headings`: where the text is a heading of the page (the extractor's [start, end) pairs, in
 * order). A heading's numbers number sections or tease a story ("1 History", "Five things we
 * learned"): they are not figures.
 */
export function findFigures(
  text: string,
  headings: readonly (readonly [number, number])[] = [],
  doc: TaggedDoc = nlp(text),
): RawFigure[] {
  const out: RawFigure[] = [];
  // Figures are an extra: text compromise cannot read loses its figures, never the analysis.
  try {
    figuresIn(text, doc, out);
  } catch {
    return [];
  }
  return headings.length ? out.filter((f) => !inSpans(headings, f.start)) : out;
}

/**
 * Each number compromise reads in `doc`. Offsets come from the document's terms and values from
 * `numbers().get()`: asking compromise for each number's JSON with offsets walks the whole
 * document once per number (quadratic in the article's length).
 */
function figuresIn(text: string, doc: TaggedDoc, out: RawFigure[]): void {
  const sentences = doc.json({ offset: true }) as { terms: CompromiseTerm[] }[];
  const terms = termsFrom(sentences);
  const view = doc.numbers();
  const values = view.get() as number[];
  const matches: NumberMatch[] = [];
  (view.fullPointer as [number, number, number][]).forEach(([n, first, end], i) => {
    const from = sentences[n]?.terms[first];
    const to = sentences[n]?.terms[end - 1];
    if (!from || !to) return;
    matches.push({ start: from.offset.start, end: to.offset.start + to.offset.length, num: values[i] });
  });
  const termAt = new Map(terms.map((t, i) => [t.start, i]));
  for (let k = 0; k < matches.length; k++) {
    const match = matches[k]!;
    let [start, end] = trim(text, match.start, match.end);
    let value = match.num ?? null;
    const first = termAt.get(start);
    if (first === undefined || value === null || !Number.isFinite(value)) continue;
    const firstTerm = terms[first]!;
    let last = first;
    while (last + 1 < terms.length && terms[last + 1]!.start < end) last++;
    // compromise splits "1.5 million" in two; a scale word right after a number belongs to it.
    const next = matches[k + 1];
    if (next && terms[last + 1]?.tags.has('Multiple') && next.start === terms[last + 1]!.start) {
      last++;
      end = terms[last]!.end;
      value *= next.num ?? 1;
      k++;
    }
    // compromise reads "$1.2bn and €3 million" as one number: keep the first, valued alone.
    const joined = /\s(?:and|or|to)\s/.exec(text.slice(start, end));
    if (joined) {
      end = start + joined.index;
      while (last > first && terms[last]!.start >= end) last--;
      value = (nlp(text.slice(start, end)).numbers().get() as number[])[0] ?? null;
      if (value === null) continue;
    }
    // Scales compromise does not read: "$1.2bn", "€30m".
    const short = /(\d)(bn|m)$/i.exec(text.slice(start, end));
    if (short)
      value = Number.parseFloat(text.slice(start, end).replace(/[^\d.]/g, '')) * (/bn/i.test(short[2]!) ? 1e9 : 1e6);
    const written = text.slice(start, end);
    const tags = terms.slice(first, last + 1).map((t) => t.tags);
    const before = text.slice(Math.max(0, start - 8), start);
    const after = text.slice(end, end + 8);
    if (tags.some((t) => t.has('Time') || t.has('Ordinal')) || TIME_NEAR_BEFORE.test(before) || TIME_AFTER.test(after))
      continue;
    if (/\ds$/.test(written)) continue; // a decade: "the 1990s", "late 1800s"
    if (SIZE_AFTER.test(after) || SIZE_BEFORE.test(before) || /\d\s*[x×]\s*\d/.test(written)) continue;
    // Part of a compound word ("COVID-19", "one-two"), not a count.
    if (/[\p{L}\d]-$/u.test(before)) continue;
    // Spelt-out numbers joined by a hyphen that do not add up ("one-two punch") are idioms.
    if (tags.every((t) => t.has('TextValue')) && value === 0) continue;
    // A scale word on its own ("billion" left over from "US$5 billion") counts nothing.
    if (tags.every((t) => t.has('Multiple'))) continue;
    // No digit and no number word: a joining word compromise kept between two sums ("$5 and $6").
    if (!/\d/.test(written) && !tags.some((t) => t.has('TextValue'))) continue;
    if (isHouseNumber(text, terms, last, written)) continue;
    const nextTerm = terms[last + 1];
    const yearBeforeName =
      /^\d{4}$/.test(written) && value >= 1800 && value <= 2100 && !!nextTerm && /^\p{Lu}/u.test(nextTerm.text);
    if (tags.some((t) => t.has('Year')) || yearBeforeName) {
      // A year, with its month when the date names one ("March 2013"); the day of a date is not a figure.
      const prev = terms[first - 1];
      if (prev?.tags.has('Month') && /^\s*$/.test(text.slice(prev.end, start))) start = prev.start;
      out.push({ start, end, text: text.slice(start, end), value, unit: 'year' });
      continue;
    }
    if (tags.some((t) => t.has('Date')) && !tags.some((t) => t.has('Money'))) continue;
    if (tags.some((t) => t.has('Percent')) || /%$/.test(written) || PERCENT_AFTER.test(text.slice(end, end + 12))) {
      const pct = PERCENT_AFTER.exec(text.slice(end, end + 12));
      if (pct) end += pct[0].length;
      out.push({ start, end, text: text.slice(start, end), value, unit: 'percent' });
      continue;
    }
    const currency = CURRENCY.test(firstTerm.text) || tags.some((t) => t.has('Money'));
    if (!currency && inName(text, terms, first)) continue;
    const unit = unitAfter(terms, last + 1, text);
    const scaled = tags.some((t) => t.has('Multiple'));
    if (!unit && !currency && !scaled) continue;
    if (!currency && !unit && value < 10) continue;
    if (unit) end = unit.end;
    if (unit?.words[0]?.toLowerCase() === 'dozen') value *= 12;
    out.push({
      start,
      end,
      text: text.slice(start, end),
      value,
      unit: unit ? unit.words.join(' ') : currency ? 'currency' : null,
    });
  }
}

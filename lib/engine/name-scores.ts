/**
 * Names the knowledge base lacks, found by weighing evidence rather than by a chain of
 * vetoes: every run of capitalised words is a candidate, each feature below adds or removes
 * its weight (data/rules/name-weights.json), and a candidate is kept when its score reaches
 * the threshold. Pure: the part-of-speech tags come from compromise via ner.ts.
 */
import type { EntityType } from './types.ts';
import {
  NAME_THRESHOLD,
  NOT_NAME_START,
  NOT_NAMES,
  ORG_HEADS,
  PARTICLES,
  PLACE_HEADS,
  TITLE_ABBREVIATIONS,
  WEIGHTS,
  isTitle,
} from './rules.ts';

/** One word as compromise tagged it. */
export interface TaggedTerm {
  start: number;
  end: number;
  /** The word without surrounding punctuation. */
  text: string;
  tags: ReadonlySet<string>;
}

export interface ScoredName {
  start: number;
  end: number;
  text: string;
  type: EntityType;
  score: number;
  features: (keyof typeof WEIGHTS)[];
}

/** Tags compromise gives a capitalised word it has never seen. */
const UNSEEN_TAGS = new Set(['ProperNoun', 'Noun']);
const PERSON_TAGS = ['Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName'];
const NAME_TAGS = [...PERSON_TAGS, 'Place', 'Country', 'City', 'Region', 'Organization', 'Acronym'];
const FUNCTION_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'QuestionWord'];

/** Particles that join two names ("Air India and Vistara", "Ormundo on Monday") more often than one name's words. */
const LIST_WORDS = new Set(['and', '&', 'on']);

const isCap = (w: string) => /^\p{Lu}/u.test(w);
const isUnseen = (t: TaggedTerm) => [...t.tags].every((g) => UNSEEN_TAGS.has(g));
const hasAny = (t: TaggedTerm, tags: string[]) => tags.some((g) => t.tags.has(g));

/**
 * Scores every capitalised run in text that does not overlap a span in `taken`, and returns
 * the runs that reach the threshold. Linear in the number of terms.
 */
export function scoreNames(text: string, terms: TaggedTerm[], taken: { start: number; end: number }[]): ScoredName[] {
  const lowerWords = new Set<string>();
  const capCount = new Map<string, number>();
  for (const t of terms) {
    if (isCap(t.text)) capCount.set(t.text, (capCount.get(t.text) ?? 0) + 1);
    else lowerWords.add(t.text.toLowerCase());
  }
  const covered = new Uint8Array(text.length + 1);
  for (const s of taken) covered.fill(1, s.start, s.end);
  const out: ScoredName[] = [];
  let i = 0;
  while (i < terms.length) {
    if (!isCap(terms[i]!.text)) {
      i++;
      continue;
    }
    // The run: capitalised words joined by spaces, with particles inside ("Bank of Japan").
    let j = i;
    while (j + 1 < terms.length && tight(text, terms[j]!, terms[j + 1]!)) {
      const next = terms[j + 1]!;
      if (isCap(next.text)) j++;
      else if (
        PARTICLES.has(next.text) &&
        !LIST_WORDS.has(next.text) &&
        terms[j + 2] &&
        isCap(terms[j + 2]!.text) &&
        tight(text, next, terms[j + 2]!)
      )
        j += 2;
      else break;
    }
    const runEnd = j + 1;
    // A title inside the run splits it: "Finance Secretary Pablo Quirno" is an office and a person,
    // "Election Headquarters Spokesperson X" an organisation and a person.
    let cut = -1;
    for (let p = i + 1; p < runEnd - 1; p++) if (isTitle(terms[p]!.text)) cut = p;
    const pieces =
      cut > 0
        ? [
            scoreRun(text, terms, i, cut, lowerWords, capCount),
            scoreRun(text, terms, cut, runEnd, lowerWords, capCount),
          ]
        : [scoreRun(text, terms, i, runEnd, lowerWords, capCount)];
    for (const candidate of pieces)
      if (candidate && !overlaps(covered, candidate.start, candidate.end)) out.push(candidate);
    i = runEnd;
  }
  // A lone word that is part of a longer name found here is that name's short form, not a name of its own.
  const parts = new Set(
    [...taken, ...out].flatMap((n) => {
      const words = text.slice(n.start, n.end).split(' ');
      return words.length > 1 ? words : [];
    }),
  );
  return out.filter((n) => n.text.includes(' ') || !parts.has(n.text));
}

function tight(text: string, a: TaggedTerm, b: TaggedTerm): boolean {
  const gap = text.slice(a.end, b.start);
  // An initial's full stop stays inside the name ("E. A. Sobirzoda").
  return /^[ \u00a0]$/u.test(gap) || (/^\p{Lu}$/u.test(a.text) && /^\. ?$/u.test(gap));
}

function overlaps(covered: Uint8Array, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (covered[k]) return true;
  return false;
}

function atSentenceStart(text: string, terms: TaggedTerm[], i: number): boolean {
  const prevEnd = i > 0 ? terms[i - 1]!.end : 0;
  const gap = text.slice(prevEnd, terms[i]!.start);
  // The full stop of a title or an initial ("Sen. X", "E. A. X") does not end a sentence.
  const abbreviated =
    i > 0 && (TITLE_ABBREVIATIONS.has(terms[i - 1]!.text.toLowerCase()) || /^\p{Lu}$/u.test(terms[i - 1]!.text));
  if (abbreviated && /^\.\s$/u.test(gap)) return false;
  return i === 0 || /[.!?:\n]/u.test(gap) || /^\s*["'\u201C\u2018(]\s*$/u.test(gap) || /[\u201C"]/u.test(gap);
}

function scoreRun(
  text: string,
  terms: TaggedTerm[],
  from: number,
  to: number,
  lowerWords: Set<string>,
  capCount: Map<string, number>,
): ScoredName | null {
  const features: (keyof typeof WEIGHTS)[] = [];
  const sentenceStart = atSentenceStart(text, terms, from);
  let i = from;
  // Titles, function words and words that begin sentences are not part of the name.
  while (i < to && (isTitle(terms[i]!.text) || NOT_NAME_START.has(terms[i]!.text) || hasAny(terms[i]!, FUNCTION_TAGS)))
    i++;
  // A title right before the name ("Sen. X", "spokesman X"), not one further off ("Minister of X").
  const titled =
    i > 0 && isTitle(terms[i - 1]!.text) && /^\.?[ \u00a0]$/u.test(text.slice(terms[i - 1]!.end, terms[i]!.start));
  // "India's Jasprit Bumrah" is two names; "People's Consultative Assembly" one (it ends in an organisation's head word).
  const headOf = (t: TaggedTerm) => t.text.replace(/['\u2019]s$/u, '');
  if (!ORG_HEADS.has(headOf(terms[to - 1]!)))
    for (let p = i; p < to - 1; p++) if (/['\u2019]s$/u.test(terms[p]!.text)) i = p + 1;
  let k = to;
  while (k > i && PARTICLES.has(terms[k - 1]!.text)) k--;
  if (k <= i) return null;
  const words = terms.slice(i, k);
  const first = words[0]!;
  const last = words.at(-1)!;
  const lastText = last.text.replace(/['\u2019]s$/u, '');
  const content = words.filter((w) => !PARTICLES.has(w.text));
  if (content.length > 6 || content.some((w) => /^\p{N}/u.test(w.text))) return null;

  const unseen = content.filter(isUnseen).length;
  if (unseen) features.push('unknownWord');
  if (content.some((w) => hasAny(w, PERSON_TAGS))) features.push('personTag');
  if (titled) features.push('titleBefore');
  const after = text.slice(last.end, last.end + 12);
  const before = text.slice(Math.max(0, first.start - 6), first.start);
  if (/^,?\s+(?:said|says|told|added|who)\b|^,\s+(?:a|an|the)\s/u.test(after) || /\bsaid\s+$/u.test(before))
    features.push('saidOrAppositive');
  if (content.some((w) => /^\p{Lu}\p{Ll}+\p{Lu}/u.test(w.text) && !/^(?:Mc|Mac)/u.test(w.text)))
    features.push('camelCase');
  const orgHead = content.length > 1 && ORG_HEADS.has(lastText);
  const placeHead = content.length > 1 && PLACE_HEADS.has(lastText);
  if (orgHead) features.push('orgHead');
  else if (placeHead) features.push('placeHead');
  if (content.length > 1) features.push('multiWord');
  if ((capCount.get(last.text) ?? 0) > 1) features.push('repeated');
  if (sentenceStart && i === from) features.push('sentenceStart');
  // "2009 Pulitzer Prize", "2024 Finance Bill": a year or number before the run makes it a title or a thing, not a name.
  if (i > 0 && /^\p{N}/u.test(terms[i - 1]!.text) && tight(text, terms[i - 1]!, first)) features.push('numberBefore');
  if (content.some((w) => !/^\p{Lu}+$/u.test(w.text) && lowerWords.has(w.text.toLowerCase())))
    features.push('lowercaseElsewhere');
  const known = content.filter((w) => !isUnseen(w) && !hasAny(w, NAME_TAGS)).length;
  if (known) features.push('dictionaryWord');
  if (content.some((w) => w.text.length > 1 && NOT_NAMES.has(w.text.toLowerCase()))) features.push('notName');

  let score = 0;
  for (const f of features) {
    const w = WEIGHTS[f];
    score += f === 'unknownWord' ? w * Math.min(unseen, 2) : f === 'dictionaryWord' ? w * known : w;
  }
  if (score < NAME_THRESHOLD) return null;
  const start = first.start;
  const end = last.start + lastText.length;
  let type: EntityType;
  if (orgHead) type = 'organization';
  else if (placeHead) type = 'place';
  else if (
    content.length > 1 &&
    content.every((w) => !/^\p{Lu}+$/u.test(w.text)) &&
    (titled || content.every((w) => isUnseen(w) || hasAny(w, PERSON_TAGS)))
  )
    type = 'person';
  else type = 'organization';
  // A lone word with nothing but a person's tag or title is a surname, bound to its full name later.
  if (content.length === 1 && !features.some((f) => f === 'camelCase' || f === 'repeated')) return null;
  return { start, end, text: text.slice(start, end), type, score, features };
}

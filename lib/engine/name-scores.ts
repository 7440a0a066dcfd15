/**
 * Names the knowledge base lacks, found by weighing evidence rather than by a chain of
 * vetoes: every run of capitalised words is a candidate, each feature below adds or removes
 * its weight (data/rules/name-weights.json), and a candidate is kept when its score reaches
 * the threshold. Pure: the part-of-speech tags come from compromise via ner.ts.
 */
import type { EntityType } from './types.ts';
import { isDemonym } from './peoples.ts';
import {
  COMMON_ABBREVIATIONS,
  EVENT_HEADS,
  INITIATIVE_HEADS,
  NAME_THRESHOLD,
  QUOTED_HEADS,
  NOT_NAME_START,
  NOT_NAMES,
  ORG_DESCRIPTORS,
  ORG_HEADS,
  OWNED_BEFORE,
  PARTICLES,
  PLACE_HEADS,
  PORTFOLIO_TITLES,
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

/** What Backstory's other tiers know about a capitalised run, weighed as evidence (lib/background/tiers.ts). */
export interface NameEvidence {
  /** Whether the gazetteer (GeoNames cities and regions) knows a place of this name. */
  knownPlace?: (name: string) => boolean;
  /** Whether the knowledge base has a place or country of this name (for "New Zealanders"). */
  kbPlace?: (name: string) => boolean;
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
const PLACE_TAGS = ['Place', 'Country', 'City', 'Region'];
const NAME_TAGS = [...PERSON_TAGS, 'Place', 'Country', 'City', 'Region', 'Organization', 'Acronym'];
const FUNCTION_TAGS = ['Determiner', 'Preposition', 'Conjunction', 'Pronoun', 'Adverb', 'QuestionWord'];

/** Particles that join two names ("Air India and Vistara", "Ormundo on Monday") more often than one name's words. */
const LIST_WORDS = new Set(['and', '&', 'on']);
// "on" is inside a name after a body's head word ("Committee on Foreign Affairs", "Convention on X"), unless a date follows.

/** Evidence that a lone capitalised word is a name of its own, not a surname bound to a full name later. */
const LONE_WORD_EVIDENCE = new Set<keyof typeof WEIGHTS>([
  'camelCase',
  'repeated',
  'gazetteerPlace',
  'quotedBeforeHead',
  'descriptorBefore',
  'datelineSource',
]);
/** A closing quote, then a programme's head word ("” initiative", "' project"). */
const QUOTED_HEADS_AFTER = new RegExp(String.raw`^["'\u201D\u2019]\s+(?:${[...QUOTED_HEADS].join('|')})\b`, 'iu');

const isCap = (w: string) => /^\p{Lu}/u.test(w);
const isUnseen = (t: TaggedTerm) => [...t.tags].every((g) => UNSEEN_TAGS.has(g));
const hasAny = (t: TaggedTerm, tags: string[]) => tags.some((g) => t.tags.has(g));

/**
 * Scores every capitalised run in text that does not overlap a span in `taken`, and returns
 * the runs that reach the threshold. Linear in the number of terms.
 */
export function scoreNames(
  text: string,
  terms: TaggedTerm[],
  taken: { start: number; end: number }[],
  evidence: NameEvidence = {},
): ScoredName[] {
  const lowerWords = new Set<string>();
  const capCount = new Map<string, number>();
  for (const t of terms) {
    if (isCap(t.text)) capCount.set(t.text, (capCount.get(t.text) ?? 0) + 1);
    else lowerWords.add(t.text.toLowerCase());
  }
  const covered = new Uint8Array(text.length + 1);
  for (const s of taken) covered.fill(1, s.start, s.end);
  const placeWords = new Set(terms.filter((t) => hasAny(t, PLACE_TAGS)).map((t) => t.text.replace(/['\u2019]s$/u, '')));
  // Words the text capitalises mid-sentence somewhere: at a sentence's start too, their capital is theirs.
  const midCaps = new Set<string>();
  terms.forEach((t, k) => {
    if (isCap(t.text) && !atSentenceStart(text, terms, k)) midCaps.add(t.text.replace(/['\u2019]s$/u, ''));
  });
  const knownPlace = evidence.knownPlace ?? (() => false);
  const ctx: RunContext = { lowerWords, capCount, placeWords, midCaps, headings: headingLines(text), knownPlace };
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
      const after = terms[j + 2];
      if (isCap(next.text)) j++;
      else if (
        PARTICLES.has(next.text) &&
        after &&
        isCap(after.text) &&
        tight(text, next, after) &&
        !after.tags.has('Date') &&
        !NOT_NAMES.has(after.text.toLowerCase())
      ) {
        // "Clacton on Sea": a place the gazetteer knows keeps its particle whatever the rules below say,
        // and ends there ("won Clacton on Sea for Reform UK").
        if (knownPlace(text.slice(terms[i]!.start, after.end))) j += 2;
        else if (knownPlace(text.slice(terms[i]!.start, terms[j]!.end))) break;
        else if (next.text === 'on' ? isHead(terms[j]!.text) : !LIST_WORDS.has(next.text)) j += 2;
        else break;
      } else break;
    }
    const runEnd = j + 1;
    // A title inside the run splits it: "Finance Secretary Pablo Quirno" is an office and a person,
    // "Election Headquarters Spokesperson X" an organisation and a person, "Asheville Assistant City
    // Manager X" a place, an office (from its first title word to its last) and a person.
    let cut = -1;
    let firstTitle = -1;
    for (let p = i + 1; p < runEnd - 1; p++)
      if (isTitle(terms[p]!.text)) {
        cut = p;
        if (firstTitle < 0) firstTitle = p;
      }
    const pieces =
      cut > 0
        ? [scoreRun(text, terms, i, firstTitle, ctx), scoreRun(text, terms, cut, runEnd, ctx)]
        : [scoreRun(text, terms, i, runEnd, ctx)];
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

/** A word that ends a body's, a programme's or an event's name ("Committee", "Convention", "Summit"). */
function isHead(word: string): boolean {
  return ORG_HEADS.has(word) || INITIATIVE_HEADS.has(word) || EVENT_HEADS.has(word);
}

/** "Alaskan", "Kenyans", "Japanese": a place's name the text or the gazetteer knows, with a demonym's ending. */
function tight(text: string, a: TaggedTerm, b: TaggedTerm): boolean {
  const gap = text.slice(a.end, b.start);
  // An initial's full stop stays inside the name ("E. A. Sobirzoda").
  return /^[ \u00a0]$/u.test(gap) || (/^\p{Lu}$/u.test(a.text) && /^\. ?$/u.test(gap));
}

function overlaps(covered: Uint8Array, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (covered[k]) return true;
  return false;
}

export function atSentenceStart(text: string, terms: TaggedTerm[], i: number): boolean {
  const prevEnd = i > 0 ? terms[i - 1]!.end : 0;
  const gap = text.slice(prevEnd, terms[i]!.start);
  // The full stop of a title or an initial ("Sen. X", "E. A. X") does not end a sentence.
  const abbreviated =
    i > 0 && (TITLE_ABBREVIATIONS.has(terms[i - 1]!.text.toLowerCase()) || /^\p{Lu}$/u.test(terms[i - 1]!.text));
  if (abbreviated && /^\.\s$/u.test(gap)) return false;
  return i === 0 || /[.!?:\n]/u.test(gap) || /^\s*["'\u201C\u2018(]\s*$/u.test(gap) || /[\u201C"]/u.test(gap);
}

interface RunContext {
  /** Words the text writes in lower case. */
  lowerWords: Set<string>;
  /** How often each capitalised word occurs. */
  capCount: Map<string, number>;
  /** Words compromise takes for a place's name somewhere in the text. */
  placeWords: Set<string>;
  /** Words capitalised somewhere away from a sentence's start. */
  midCaps: Set<string>;
  /** 1 for each character on a line written in title case (a heading). */
  headings: Uint8Array;
  knownPlace: (name: string) => boolean;
}

/**
 * Lines written in title case ("Russia Military Alliance to Send Troops at Leader's Request"):
 * four to twenty longer words, nearly all capitalised, and no full stop at the end. Their capitals say nothing about names.
 */
export function headingLines(text: string): Uint8Array {
  const out = new Uint8Array(text.length + 1);
  let start = 0;
  for (const line of text.split('\n')) {
    const words = line.match(/\p{L}[\p{L}'\u2019-]{3,}/gu) ?? [];
    const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
    const heading = words.length >= 4 && words.length <= 20 && !/[.!?:]["'\u201D]?\s*$/u.test(line);
    if (heading && caps >= 0.8 * words.length) out.fill(1, start, start + line.length);
    start += line.length + 1;
  }
  return out;
}

function scoreRun(text: string, terms: TaggedTerm[], from: number, to: number, ctx: RunContext): ScoredName | null {
  const { lowerWords, capCount } = ctx;
  const features: (keyof typeof WEIGHTS)[] = [];
  const sentenceStart = atSentenceStart(text, terms, from);
  let i = from;
  // Titles, function words and words that begin sentences are not part of the name.
  while (
    i < to &&
    (isTitle(terms[i]!.text) ||
      NOT_NAME_START.has(terms[i]!.text) ||
      hasAny(terms[i]!, FUNCTION_TAGS) ||
      PARTICLES.has(terms[i]!.text))
  )
    i++;
  // A title right before the name ("Sen. X", "spokesman X"), not one further off ("Minister of X").
  const titled =
    i > 0 && isTitle(terms[i - 1]!.text) && /^\.?[ \u00a0]$/u.test(text.slice(terms[i - 1]!.end, terms[i]!.start));
  // "India's Jasprit Bumrah" is two names; "People's Consultative Assembly" one (it ends in an organisation's head word).
  // "People's Consultative Assembly", "Men's T20 World Cup" are one name (a plural noun's possessive).
  for (let p = i; p < to - 1; p++) if (/['\u2019]s$/u.test(terms[p]!.text) && !terms[p]!.tags.has('Plural')) i = p + 1;
  let k = to;
  while (k > i && PARTICLES.has(terms[k - 1]!.text)) k--;
  if (k <= i) return null;
  const words = terms.slice(i, k);
  const first = words[0]!;
  const last = words.at(-1)!;
  const lastText = last.text.replace(/['\u2019]s$/u, '');
  const content = words.filter((w) => !PARTICLES.has(w.text));
  if (content.length > 6 || content.some((w) => /^\p{N}/u.test(w.text))) return null;
  // Two capitals alone ("AI", "OS", "PC") abbreviate a common noun far more often than they name something
  // the knowledge base lacks; an article that defines one is read by definitions.ts.
  if (content.length === 1 && (/^\p{Lu}{2}$/u.test(lastText) || COMMON_ABBREVIATIONS.has(lastText))) return null;

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
  // "Department of Conservation", "University of Tarrow": the head word first, before "of".
  const headFirst = content.length > 1 && ORG_HEADS.has(first.text) && words[1]?.text === 'of';
  const orgHead = content.length > 1 && (ORG_HEADS.has(lastText) || headFirst);
  const placeHead = content.length > 1 && PLACE_HEADS.has(lastText);
  // "Finance Bill", "Green Deal Programme": a law's, a plan's or a treaty's name.
  const initiativeHead = content.length > 1 && INITIATIVE_HEADS.has(lastText);
  if (orgHead) features.push('orgHead');
  else if (placeHead) features.push('placeHead');
  else if (initiativeHead) features.push('initiativeHead');
  // A quoted name right before a programme's head word: the “Stargate” initiative, the 'Green Lane' project.
  const quotedHead =
    /["'\u201C\u2018]$/u.test(text.slice(first.start - 1, first.start)) &&
    QUOTED_HEADS_AFTER.test(text.slice(last.start + lastText.length, last.start + lastText.length + 20));
  if (quotedHead) features.push('quotedBeforeHead');
  // A place the gazetteer knows ("Asheville", "Maine"); a lone word the text tags as a person's
  // name and not a place's is a surname first ("Wilson", "Campbell"), and a word in capitals a dateline's.
  const phraseAsWritten = text.slice(first.start, last.start + lastText.length);
  // A lone word compromise knows as an ordinary noun ("Centre", "Mobile", "Reading") is that word.
  const gazetteerPlace =
    !/^[\p{Lu}\s]+$/u.test(phraseAsWritten) &&
    !(content.length === 1 && hasAny(first, PERSON_TAGS) && !hasAny(first, PLACE_TAGS)) &&
    !(content.length === 1 && !isUnseen(first) && !hasAny(first, PLACE_TAGS)) &&
    ctx.knownPlace(phraseAsWritten);
  if (gazetteerPlace) features.push('gazetteerPlace');
  if (content.length > 1) features.push('multiWord');
  if ((capCount.get(last.text) ?? 0) > 1) features.push('repeated');
  // A lone word the text capitalises three times or more, and never writes in lower case ("Yahoo").
  if (content.length === 1 && !hasAny(last, PLACE_TAGS) && (capCount.get(last.text) ?? 0) >= 3)
    features.push('frequent');
  // An office right after the name: "Reform UK leader", "Central Bank President", "Air India CEO".
  const next = terms[to];
  if (
    next &&
    isTitle(next.text) &&
    !PORTFOLIO_TITLES.has(next.text.toLowerCase()) &&
    tight(text, last, next) &&
    !isTitle(lastText)
  )
    features.push('titleAfter');
  // "news site LatinFinance", "cloud provider CoreWeave": the noun before the name says it is an organisation's.
  const described = i === from && i > 0 && ORG_DESCRIPTORS.has(terms[i - 1]!.text) && tight(text, terms[i - 1]!, first);
  if (described) features.push('descriptorBefore');
  // "NEW YORK (Realist English) —": the name in brackets after a dateline is the source, a news organisation.
  const lineStart = text.lastIndexOf('\n', first.start - 1) + 1;
  const dateline =
    /^\p{Lu}[\p{Lu}\s.,'\u2019-]*\($/u.test(text.slice(lineStart, first.start)) &&
    /^\)/u.test(text.slice(last.start + lastText.length));
  if (dateline) features.push('datelineSource');
  // "Amazon-owned Whole Foods Market", "Tata Sons-owned Air India": what is owned is an organisation.
  if (OWNED_BEFORE.test(text.slice(Math.max(0, first.start - 20), first.start))) features.push('ownedBefore');
  // A place's name with other capitalised words: "Air India", "Reform UK" name a firm, a party.
  if (
    content.length > 1 &&
    content.some((w) => ctx.placeWords.has(w.text)) &&
    content.some((w) => !ctx.placeWords.has(w.text) && !NOT_NAMES.has(w.text.toLowerCase()))
  )
    features.push('placeInside');
  // A long capitalised run that fills a quotation is a cited title ("“Mozilla Releases Test Version of Firefox OS”"), not a name.
  if (
    content.length >= 4 &&
    /["\u201C]$/u.test(text.slice(0, first.start)) &&
    /^["\u201D]/u.test(text.slice(last.start + lastText.length))
  )
    return null;
  if (ctx.headings[first.start]) features.push('headingLine');
  // A name alone in brackets ("Sen. X (Alaska)") is a note, not the start of a sentence.
  const bracketed = /\($/u.test(text.slice(0, first.start)) && /^\)/u.test(text.slice(last.end));
  // "Labour candidate X" opening a sentence, "coming for Labour" in another: the capital is the name's.
  const midCap = ctx.midCaps.has(first.text.replace(/['\u2019]s$/u, ''));
  if (sentenceStart && i === from && !bracketed && !midCap) features.push('sentenceStart');
  // "2009 Pulitzer Prize", "2024 Finance Bill": a year or number before the run makes it a title or a thing, not a name.
  // A year before a law's name is its year, not a sign of a title ("the 2024 Finance Bill").
  if (i > 0 && /^\p{N}/u.test(terms[i - 1]!.text) && tight(text, terms[i - 1]!, first) && !initiativeHead)
    features.push('numberBefore');
  // The whole phrase written in lower case elsewhere ("rising tides", "emergency committee"): a term, not a name.
  const phrase = text.slice(first.start, last.start + lastText.length);
  if (
    !/^\p{Lu}+$/u.test(phrase) &&
    (content.length === 1 ? lowerWords.has(phrase.toLowerCase()) : text.includes(phrase.toLowerCase()))
  )
    features.push('lowercaseElsewhere');
  // Ordinary words weigh against a name, except its head word ("Bank", "Reservoir"), which makes it one.
  const head = headFirst ? first : orgHead || placeHead || initiativeHead ? last : null;
  const known = content.filter((w) => w !== head && !isUnseen(w) && !hasAny(w, NAME_TAGS)).length;
  if (known) features.push('dictionaryWord');
  // "Kazakh media", "Western officials"; but a head word makes a name of them ("Central Bank", "State Police").
  // A demonym is a description too ("Alaskan", "Kenyans"), whether or not the list names it.
  const description = (w: TaggedTerm) =>
    NOT_NAMES.has(w.text.toLowerCase()) ||
    w.tags.has('Demonym') ||
    isDemonym(w.text, (x) => ctx.placeWords.has(x) || ctx.knownPlace(x));
  // A law of a people is a description too ("the British Bill"); a body's head word still makes a name ("State Police").
  if ((!head || initiativeHead) && content.some((w) => w !== head && w.text.length > 1 && description(w)))
    features.push('notName');

  let score = 0;
  for (const f of features) {
    const w = WEIGHTS[f];
    score += f === 'unknownWord' ? w * Math.min(unseen, 2) : f === 'dictionaryWord' ? w * known : w;
  }
  if (score < NAME_THRESHOLD) return null;
  const start = first.start;
  const end = last.start + lastText.length;
  let type: EntityType;
  if (
    orgHead ||
    dateline ||
    features.includes('ownedBefore') ||
    (described && !titled && !features.includes('personTag'))
  )
    type = 'organization';
  else if (placeHead || (gazetteerPlace && !titled)) type = 'place';
  else if (initiativeHead || quotedHead) type = 'initiative';
  else if (
    content.length > 1 &&
    content.every((w) => !/^\p{Lu}+$/u.test(w.text)) &&
    (titled || content.every((w) => isUnseen(w) || hasAny(w, PERSON_TAGS))) &&
    // A person's name does not begin with a city's ("Chandigarh Bench"), unless it is also a first name ("Austin Butler").
    (titled || hasAny(first, PERSON_TAGS) || !ctx.knownPlace(first.text))
  )
    type = 'person';
  else type = 'organization';
  // A lone word with nothing but a person's tag or title is a surname, bound to its full name later.
  if (content.length === 1 && !features.some((f) => LONE_WORD_EVIDENCE.has(f))) return null;
  return { start, end, text: text.slice(start, end), type, score, features };
}

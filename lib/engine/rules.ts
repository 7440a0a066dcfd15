/**
 * The engine's word lists, one per purpose, loaded once from data/rules/ and shared by
 * the tokenizer and the name finder, so that no two modules keep their own (disagreeing)
 * copy. Keys are lower case unless a list is about capitalised words as written.
 */
import abbreviations from '../../data/rules/abbreviations.json';
import titles from '../../data/rules/titles.json';
import orgHeads from '../../data/rules/org-heads.json';
import placeHeads from '../../data/rules/place-heads.json';
import particles from '../../data/rules/name-particles.json';
import branchHeads from '../../data/rules/branch-heads.json';
import placeModifiers from '../../data/rules/place-modifiers.json';
import notNames from '../../data/rules/not-names.json';
import notNameStart from '../../data/rules/not-name-start.json';
import weights from '../../data/rules/name-weights.json';
import eventHeads from '../../data/rules/event-heads.json';
import initiativeHeads from '../../data/rules/initiative-heads.json';
import surnameFirst from '../../data/rules/surname-first.json';
import genericNames from '../../data/rules/generic-names.json';
import attributeSuffixes from '../../data/rules/attribute-suffixes.json';
import legalSuffixes from '../../data/rules/legal-suffixes.json';
import commonAbbreviations from '../../data/rules/common-abbreviations.json';
import modelNumbers from '../../data/rules/model-numbers.json';
import orgDescriptors from '../../data/rules/org-descriptors.json';

const lower = (words: string[]) => new Set(words.map((w) => w.toLowerCase()));

/** Abbreviated titles whose full stop stays inside a name ("Mr. Xi", "Sen. Collins", "St. Petersburg", "Jr."). */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = lower([...abbreviations.titles, ...abbreviations.suffixes]);
/** Every abbreviation whose full stop does not end a sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = lower([
  ...abbreviations.titles,
  ...abbreviations.suffixes,
  ...abbreviations.other,
]);
/** Words before a person's name that are not part of it (titles, offices, roles, party labels). */
export const TITLES: ReadonlySet<string> = lower([...titles.titles, ...titles.roles, ...abbreviations.titles]);
/** Titles held over a portfolio ("Energy Minister"): what precedes them is the portfolio, not a body's name. */
export const PORTFOLIO_TITLES: ReadonlySet<string> = lower(titles.portfolio);
export const ORG_HEADS: ReadonlySet<string> = new Set(orgHeads.words);
/** "New", "Northern": words before a place's name that make another place of it ("New Mexico"). */
export const PLACE_MODIFIERS: ReadonlySet<string> = new Set(placeModifiers.words);
/** "Chandigarh Bench", "Tokyo Bureau": a body's branch named by its seat, a mention of the place. */
export const BRANCH_HEADS: ReadonlySet<string> = new Set(branchHeads.words);
export const PLACE_HEADS: ReadonlySet<string> = new Set(placeHeads.words);
export const PARTICLES: ReadonlySet<string> = lower(particles.words);
/** Capitalised words that begin a person's name ("Te Kaurinui", "Abu Bakar"), as written. */
export const LEADING_PARTICLES: ReadonlySet<string> = new Set(particles.leading);
export const NOT_NAMES: ReadonlySet<string> = lower(notNames.words);
export const NOT_NAME_START: ReadonlySet<string> = new Set(notNameStart.words);
/** Last and first words of an event's name ("T20 World Cup", "Hurricane Helene"). */
export const EVENT_HEADS: ReadonlySet<string> = new Set(eventHeads.last);
export const EVENT_LEADS: ReadonlySet<string> = new Set(eventHeads.first);
export const INITIATIVE_HEADS: ReadonlySet<string> = new Set(initiativeHeads.words);
/** Lower-case words after a quoted name that make it a programme's ("the “Stargate” initiative"). */
export const QUOTED_HEADS: ReadonlySet<string> = lower(initiativeHeads.afterQuote);
/** Family names written first ("Xi Jinping"): the first word is a short form too. */
export const SURNAME_FIRST: ReadonlySet<string> = lower(surnameFirst.words);
/** Words that make a name only with a proper word; a phrase of nothing else is a description. */
export const GENERIC_WORDS: ReadonlySet<string> = new Set(genericNames.words);
export const SENTENCE_START_MODIFIERS: ReadonlySet<string> = new Set(genericNames.sentenceStartModifiers);
export const SENTENCE_START_HEADS: ReadonlySet<string> = new Set(genericNames.sentenceStartHeads);
export const NOT_NAME_PHRASES: ReadonlySet<string> = lower(genericNames.phrases);
/** Words of a country's formal name ("Republic of Congo"): with a place's name, they name that place. */
export const COUNTRY_FORMS: ReadonlySet<string> = new Set(genericNames.countryForms);
/** Lower-case nouns right before an organisation's name ("news site X", "carrier X"). */
export const ORG_DESCRIPTORS: ReadonlySet<string> = new Set(orgDescriptors.words);
/** Words after a number that make it a quantity, not a model number ("Nvidia 3 per cent"). */
export const QUANTITY_WORDS: ReadonlySet<string> = lower(modelNumbers.quantityWords);
/** Capitals that abbreviate a common noun ("AI", "TV", "IPO"), as written. */
export const COMMON_ABBREVIATIONS: ReadonlySet<string> = new Set(commonAbbreviations.words);

/**
 * A two-word name of a generic modifier and a generic head ("Central Bank", "Foreign Ministry"):
 * the article's own country's body, which the phrase alone does not say; not a title to link.
 */
export function isGenericPhrase(name: string): boolean {
  const words = name.trim().split(/\s+/);
  const modifier = (w: string) => SENTENCE_START_MODIFIERS.has(w) || GENERIC_WORDS.has(w);
  const head = (w: string) => SENTENCE_START_HEADS.has(w) || GENERIC_WORDS.has(w);
  return words.length === 2 && modifier(words[0]!) && head(words[1]!);
}
const suffixRe = (words: string[]) => new RegExp(String.raw`^[-\u2010\u2011](?:${words.join('|')})\b`, 'u');
/** "-based", "-born" after a place: an attribute of what follows, not a mention of the place. */
export const PLACE_ATTRIBUTE_SUFFIX: RegExp = suffixRe(attributeSuffixes.place);
/** " editor", " correspondent" after a place: the reporter's patch ("North America editor"), not a mention of the place. */
export const BEAT_AFTER: RegExp = new RegExp(String.raw`^[ \u00a0]+(?:${attributeSuffixes.beat.join('|')})\b`, 'iu');
/** "Amazon-owned ", "Kremlin-backed " right before a name: the name is an organisation's. */
export const OWNED_BEFORE: RegExp = new RegExp(
  String.raw`[-\u2010\u2011](?:${attributeSuffixes.owner.join('|')})\s+$`,
  'u',
);
/**
 * Leading words "Nairobi-based", "Mercer Island-based", "Tata Sons-owned": an attribute of the
 * name after it, not words of that name (up to three capitalised words before the hyphenated one).
 */
export const ATTRIBUTE_WORD: RegExp = new RegExp(
  String.raw`^(?:\p{Lu}[\p{L}\p{M}.'\u2019&]*\s+){0,3}\S*[-\u2010\u2011](?:${[...attributeSuffixes.place, ...attributeSuffixes.owner].join('|')})\s+`,
  'u',
);
/** Words of a company's registered name after its common name ("… Limited", "… Inc"). */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set(legalSuffixes.words);
export const WEIGHTS: Readonly<Record<keyof typeof weights.features, number>> = weights.features;
export const NAME_THRESHOLD: number = weights.threshold;

/** A title as written before a name: "Sen.", "Sens.", "President", "Speaker" (a trailing comma or full stop ignored). */
export function isTitle(word: string): boolean {
  return TITLES.has(word.replace(/[.,]$/u, '').toLowerCase());
}

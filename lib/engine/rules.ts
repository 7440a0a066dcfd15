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
import notNames from '../../data/rules/not-names.json';
import notNameStart from '../../data/rules/not-name-start.json';
import weights from '../../data/rules/name-weights.json';

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
export const ORG_HEADS: ReadonlySet<string> = new Set(orgHeads.words);
export const PLACE_HEADS: ReadonlySet<string> = new Set(placeHeads.words);
export const PARTICLES: ReadonlySet<string> = lower(particles.words);
export const NOT_NAMES: ReadonlySet<string> = lower(notNames.words);
export const NOT_NAME_START: ReadonlySet<string> = new Set(notNameStart.words);
export const WEIGHTS: Readonly<Record<keyof typeof weights.features, number>> = weights.features;
export const NAME_THRESHOLD: number = weights.threshold;

/** A title as written before a name: "Sen.", "Sens.", "President", "Speaker" (a trailing comma or full stop ignored). */
export function isTitle(word: string): boolean {
  return TITLES.has(word.replace(/[.,]$/u, '').toLowerCase());
}

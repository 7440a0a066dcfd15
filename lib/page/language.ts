/**
 * Which language an article is in: the document's own `lang` when it says, else a small
 * detector over the text — the share of each major language's commonest function words, and
 * the script for languages not written in Latin letters. Backstory's name finding reads
 * English only; on other pages it says so and matches only what the packs know
 * (issue 16, item 5). Pure: works on a string, usable in the background and the CLI.
 *
 * A word-list detector rather than a trigram model (franc-min, eld): news articles are long
 * enough that function words decide, and the whole detector is a few hundred bytes.
 */

export interface PageLanguage {
  /** ISO 639-1 code ("fr"), or "und" when the text says too little. */
  code: string;
  /** The language's English name ("French"). */
  name: string;
  /** Whether Backstory reads it (finds names it does not know): English only. */
  readable: boolean;
}

/** The commonest short function words of each language: frequent in any article, rare in the others. */
const FUNCTION_WORDS: Record<string, string> = {
  en: 'the of and to in is that for with was on as by at from are this have has it be which were',
  fr: 'le la les des du une est et en dans que qui pour pas sur au aux avec ont sont cette mais ses il elle',
  de: 'der die das und ist nicht ein eine mit von den dem zu sich auf für auch wird sie es im',
  es: 'el la los las del que en y es por una con para se su al lo como más pero sus fue',
  it: 'il di che la le è per una del della con non sono gli dei nel alla anche più come ha',
  pt: 'o a os as de do da que em um uma para com não é se por mais dos das ao foi',
  nl: 'de het een van en in is dat op te zijn met voor niet aan er ook bij werd door',
};

const NAMES: Record<string, string> = {
  en: 'English',
  fr: 'French',
  de: 'German',
  es: 'Spanish',
  it: 'Italian',
  pt: 'Portuguese',
  nl: 'Dutch',
  pl: 'Polish',
  ru: 'Russian',
  uk: 'Ukrainian',
  ar: 'Arabic',
  fa: 'Persian',
  ur: 'Urdu',
  zh: 'Chinese',
  ja: 'Japanese',
  ko: 'Korean',
  tr: 'Turkish',
  sv: 'Swedish',
  fi: 'Finnish',
  hu: 'Hungarian',
  cs: 'Czech',
  sk: 'Slovak',
  hr: 'Croatian',
  sr: 'Serbian',
  et: 'Estonian',
  el: 'Greek',
  he: 'Hebrew',
  hi: 'Hindi',
};

/** Scripts that name their language outright (the commonest language written in each). */
const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Hangul}/gu, 'ko'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/gu, 'ja'],
  [/\p{Script=Han}/gu, 'zh'],
  [/\p{Script=Cyrillic}/gu, 'ru'],
  [/\p{Script=Arabic}/gu, 'ar'],
  [/\p{Script=Greek}/gu, 'el'],
  [/\p{Script=Hebrew}/gu, 'he'],
  [/\p{Script=Devanagari}/gu, 'hi'],
];

const LISTS = Object.fromEntries(Object.entries(FUNCTION_WORDS).map(([k, v]) => [k, new Set(v.split(' '))]));

/** Fewer words than this say too little to tell a language. */
const MIN_WORDS = 20;

export function languageNamed(code: string): PageLanguage {
  const c = code.toLowerCase().split(/[-_]/)[0]!;
  return { code: c || 'und', name: NAMES[c] ?? c, readable: c === 'en' || c === 'und' || c === '' };
}

/** The language of a text, from at most its first 20,000 characters. */
export function detectLanguage(text: string): PageLanguage {
  const sample = text.slice(0, 20_000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (!letters) return languageNamed('und');
  // Japanese pages mix kana into Han: kana decide before Han does.
  for (const [re, code] of SCRIPTS) {
    const n = sample.match(re)?.length ?? 0;
    if (n / letters > (code === 'ja' ? 0.05 : 0.3)) return languageNamed(code);
  }
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < MIN_WORDS) return languageNamed('und');
  let best = 'und';
  let bestHits = 0;
  for (const [code, list] of Object.entries(LISTS)) {
    let hits = 0;
    for (const w of words) if (list.has(w)) hits++;
    if (hits > bestHits) [best, bestHits] = [code, hits];
  }
  // Function words make up a fifth or more of running text; under 5 % it is not one of these languages.
  return bestHits / words.length >= 0.05 ? languageNamed(best) : languageNamed('und');
}

/** The page's language: what the document declares, when it declares one, else what its text is in. */
export function pageLanguage(declared: string | null | undefined, text: string): PageLanguage {
  const d = (declared ?? '').trim();
  return d ? languageNamed(d) : detectLanguage(text);
}

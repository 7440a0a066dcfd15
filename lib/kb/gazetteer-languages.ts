/**
 * Names the packs know, as other languages write them: country names in the major languages
 * (mledoze/countries' translations, ODbL), added to the alias index only for a page in that
 * language ("Allemagne" is Germany on a French page and nothing on an English one).
 */
import type { AliasTarget, KbIndex } from '../engine/types.ts';
import { aliasKey } from './alias-key.ts';

/** mledoze's language codes (ISO 639-3) → the page's (ISO 639-1). */
export const MLEDOZE_LANGUAGES: Record<string, string> = {
  ara: 'ar',
  ces: 'cs',
  deu: 'de',
  est: 'et',
  fin: 'fi',
  fra: 'fr',
  hrv: 'hr',
  hun: 'hu',
  ita: 'it',
  jpn: 'ja',
  kor: 'ko',
  nld: 'nl',
  per: 'fa',
  pol: 'pl',
  por: 'pt',
  rus: 'ru',
  slk: 'sk',
  spa: 'es',
  srp: 'sr',
  swe: 'sv',
  tur: 'tr',
  urd: 'ur',
  zho: 'zh',
};

const ELIDING = new Set(['fr', 'it']);

/** Per page language: a country's name in it → the knowledge-base entry id of that country. */
export type ForeignNames = Record<string, Record<string, string>>;

/**
 * The index with the names of `language` added, or the index itself when there are none. Names
 * that are already aliases in the index (English spellings, "Canada") are left as they are.
 */
export function indexForLanguage(index: KbIndex, names: ForeignNames, language: string): KbIndex {
  const table = names[language];
  if (!table) return index;
  const byId = new Map(index.entries.map((e, i) => [e.id, i]));
  const aliases: Record<string, AliasTarget[]> = { ...index.aliases };
  let maxTokens = index.maxTokens;
  let added = 0;
  for (const [name, id] of Object.entries(table)) {
    const e = byId.get(id);
    if (e === undefined) continue;
    // French and Italian elide the article before a vowel: "l'Allemagne" is one token to the matcher.
    const elided =
      ELIDING.has(language) && /^[AEIOUÉÈÂÎÔHaeiouéh]/u.test(name) ? ["l'", "d'"].map((a) => a + name) : [];
    for (const form of [name, ...elided]) {
      const key = aliasKey(form);
      if (!key || aliases[key]) continue;
      aliases[key] = [{ e, s: form }];
      maxTokens = Math.max(maxTokens, key.split(' ').length);
      added++;
    }
  }
  return added ? { ...index, aliases, maxTokens } : index;
}

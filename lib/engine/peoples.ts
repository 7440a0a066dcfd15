/**
 * Words for a place's people ("Kenyans", "Japanese", "New Zealanders"): descriptions, not names.
 * Read from the place's own name, so no list of demonyms is needed: the word's stem must be a
 * place the article, the knowledge base or the gazetteer knows.
 */

/** One word for a place's people ("Alaskan", "Kenyans", "Japanese"), when its stem is a known place. */
export function isDemonym(word: string, isPlace: (name: string) => boolean): boolean {
  const w = word.replace(/s$/u, '');
  const stems = [w.replace(/n$/u, ''), w.replace(/ian$/u, 'a'), w.replace(/ese$/u, '')].filter((x) => x !== w);
  return stems.some((x) => x.length > 2 && isPlace(x));
}

/**
 * A whole name of several words that is a place's people ("New Zealanders", "Sri Lankans", "New
 * Yorkers"). Only the whole name, so a surname that ends like one ("Ben Hollander") stays a name.
 */
export function isPeopleOfPlace(phrase: string, isPlace: (name: string) => boolean): boolean {
  if (!/\s/u.test(phrase)) return false; // one word: isDemonym, weighed with the other evidence
  const w = phrase.replace(/s$/u, '');
  const stems = [w.replace(/n$/u, ''), w.replace(/er$/u, ''), w.replace(/ian$/u, 'a')].filter((x) => x !== w);
  return stems.some(isPlace);
}

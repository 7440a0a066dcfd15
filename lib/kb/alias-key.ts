/**
 * The normal form two surface strings share when they name the same thing:
 * case, diacritics, quotes, dots in abbreviations, hyphens and spacing ignored.
 * Used to compare aliases; the engine's matcher applies the same folding per token.
 */
export function foldToken(token: string): string {
  return token
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[\u2018\u2019\u02BC\u0060\u00B4]/g, "'")
    .toLowerCase();
}

export function aliasKey(alias: string): string {
  return tokenizeAlias(alias).map(foldToken).join(' ');
}

/** Split an alias into tokens the same way the engine splits article text. */
export function tokenizeAlias(alias: string): string[] {
  const out: string[] = [];
  const re = /(?:\p{Lu}\.){2,}|[\p{L}\p{M}\p{N}]+(?:['\u2019][\p{L}]+)*\+?|&/gu;
  for (const m of alias.matchAll(re)) out.push(m[0].replace(/\./g, ''));
  return out;
}

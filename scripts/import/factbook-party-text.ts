/**
 * Reading the Factbook's "Political parties" field: HTML entities decoded, and one line split
 * into the party's name, the abbreviations after "or" and the leaders in brackets. Shared by
 * scripts/import/factbook-parties.ts and its tests.
 */
const NAMED: Record<string, string> = { amp: '&', quot: '"', apos: "'", nbsp: ' ', lt: '<', gt: '>' };
/** HTML entities as characters: named ones the Factbook uses, and numeric ones. */
export function decodeEntities(s: string): string {
  return s
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&([a-z]+);/gi, (e, n: string) => {
      if (NAMED[n.toLowerCase()]) return NAMED[n.toLowerCase()]!;
      // Accented letters: &eacute; → é, &ntilde; → ñ, &ouml; → ö …
      const m = /^([a-zA-Z])(acute|grave|circ|tilde|uml|cedil|ring)$/.exec(n);
      const mark: Record<string, string> = {
        acute: '\u0301',
        grave: '\u0300',
        circ: '\u0302',
        tilde: '\u0303',
        uml: '\u0308',
        cedil: '\u0327',
        ring: '\u030a',
      };
      return m ? (m[1]! + mark[m[2]!]!).normalize('NFC') : e;
    });
}

/** "Alternative for Germany or AfD [Alice WEIDEL and Tino CHRUPALLA]" → its parts. */
export function parseParty(line: string): { name: string; abbreviations: string[]; leaders: string | null } {
  const leaders = /\[([^\]]+)\]/.exec(line)?.[1]?.trim() ?? null;
  const head = line.replace(/\[[^\]]*\]/g, '').trim();
  const name = head.split(/ or |\(|;|,/)[0]!.trim();
  const abbreviations = [...head.replace(/\([^)]*\)/g, ' ').matchAll(/ or ([^\s()[\];,]+)/g)].map((m) => m[1]!);
  return { name, abbreviations, leaders };
}

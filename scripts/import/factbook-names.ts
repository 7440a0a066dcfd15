/**
 * Names of office holders as The World Factbook writes them ("Bola Ahmed Adekunle TINUBU",
 * "XI Jinping", "CARL XVI GUSTAF"): surnames in capitals. Shared by scripts/gen-countries.ts
 * (countries' offices) and scripts/import/leaders-people.ts (entries for office holders).
 */
const PARTICLES = new Set([
  'de',
  'da',
  'do',
  'dos',
  'das',
  'del',
  'della',
  'van',
  'von',
  'der',
  'den',
  'bin',
  'ibn',
  'al',
  'el',
  'e',
  'y',
  'la',
  'le',
]);
const ROMAN = /^[IVXL]+$/;

function titleCaseWord(w: string, first: boolean): string {
  if (ROMAN.test(w)) return w;
  const lower = w.toLowerCase();
  if (!first && PARTICLES.has(lower)) return lower;
  return lower.replace(/(^|[-'’])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

const isCaps = (w: string) => /\p{Lu}{2,}/u.test(w) && w === w.toUpperCase();

/** The name as a reader writes it: "Bola Ahmed Adekunle Tinubu", "Xi Jinping", "Carl XVI Gustaf". */
export function displayName(factbookName: string): string {
  return factbookName
    .split(' ')
    .map((w, i) => (isCaps(w) ? titleCaseWord(w, i === 0) : w))
    .join(' ');
}

/**
 * The short forms news uses for a Factbook name, most likely first: the whole name, the first
 * given name with the surname, and the last given name with the surname ("Cyril Ramaphosa"
 * for "Matamela Cyril RAMAPHOSA"). Surname-first names ("XI Jinping") have only the whole name.
 */
export function nameForms(factbookName: string): string[] {
  const words = factbookName.split(' ');
  const full = displayName(factbookName);
  if (isCaps(words[0]!)) return [full];
  const firstCaps = words.findIndex((w) => isCaps(w));
  if (firstCaps <= 0) return [full];
  const given = words.slice(0, firstCaps);
  const surname = displayName(words.slice(firstCaps).join(' ')).replace(/^\p{Ll}/u, (c) => c.toUpperCase());
  const forms = [full, `${given[0]} ${surname}`, `${given.at(-1)} ${surname}`];
  return [...new Set(forms)];
}

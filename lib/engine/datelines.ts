/**
 * The dateline that opens a story names where it was filed: "SUGAR LAND, Texas —", "RUNCORN,
 * England —". Its capitals hide the name from the name finders, so a line that opens with a run of
 * capitals, a comma and a capitalised word is read as that place, when the gazetteer knows a place
 * of that name (the name in title case, as the gazetteer writes it).
 */
import type { NerSpan } from './ner.ts';

const DATELINE = /(?:^|\n)(\p{Lu}[\p{Lu}\p{M} .'\u2019-]*\p{Lu}),[ \u00a0]+(?=\p{Lu})/gu;

/** "SUGAR LAND" → "Sugar Land", "WINSTON-SALEM" → "Winston-Salem", "QUILL'S FERRY" → "Quill's Ferry", "O'NEILL" → "O'Neill". */
export function titleCase(caps: string): string {
  return caps
    .toLowerCase()
    .replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase())
    .replace(
      /(\p{L}['\u2019])(\p{L}{2,})/gu,
      (_, head: string, rest: string) => head + rest[0]!.toUpperCase() + rest.slice(1),
    );
}

/** True for a mention written as a dateline: capitals at a line's start, then a comma. */
export function isDatelineMention(text: string, start: number, end: number): boolean {
  return (start === 0 || text[start - 1] === '\n') && text[end] === ',' && !/\p{Ll}/u.test(text.slice(start, end));
}

export function datelinePlaces(text: string, knownPlace?: (name: string) => boolean): NerSpan[] {
  if (!knownPlace) return [];
  const out: NerSpan[] = [];
  for (const m of text.matchAll(DATELINE)) {
    const caps = m[1]!;
    const name = titleCase(caps);
    if (caps.replace(/[^\p{L}]/gu, '').length < 3 || !knownPlace(name)) continue;
    const start = m.index + m[0].indexOf(caps);
    out.push({ start, end: start + caps.length, text: name, type: 'place' });
  }
  return out;
}

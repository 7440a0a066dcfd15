/**
 * US states as American news abbreviates them (data/rules/us-state-abbreviations.json): "ASHEVILLE,
 * N.C." in a dateline, "Charlotte, N.C." after a city, "(R-Ky.)" or "(D-NY)" in a senator's party
 * tag. Read only in those places, where the abbreviation cannot be an ordinary word ("Miss.",
 * "Ind."), and found as a place named in full, for the gazetteer to link.
 */
import type { NerSpan } from './ner.ts';
import states from '../../data/rules/us-state-abbreviations.json';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** [name, AP form or null, postal code]. */
const STATES = states.states as [string, string | null, string][];
const byForm = new Map<string, string>();
for (const [name, ap, postal] of STATES) {
  if (ap) byForm.set(ap, name);
  byForm.set(postal, name);
}
const AP = STATES.flatMap(([, ap]) => (ap ? [ap] : []))
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');
const POSTAL = STATES.map(([, , p]) => p).join('|');

// "(R-Ky.)", "(D-NY)", "(I-Vt.)", "(Ky.)": a party tag, with or without the party.
const PARTY_TAG = new RegExp(String.raw`\((?:[RDI][-\u2010\u2013]\s?)(${AP}|${POSTAL})\)|\((${AP})\)`, 'gu');
// "ASHEVILLE, N.C." or "Charlotte, N.C.": a city, a comma, the AP form.
const AFTER_CITY = new RegExp(String.raw`\p{Lu}[\p{L}.'\u2019-]*,[ \u00a0](${AP})(?=[\s,;:)(\u2014\u2013-]|$)`, 'gu');

export function stateAbbreviations(text: string): NerSpan[] {
  const out: NerSpan[] = [];
  for (const re of [PARTY_TAG, AFTER_CITY])
    for (const m of text.matchAll(re)) {
      const form = m[1] ?? m[2]!;
      const start = m.index + m[0].lastIndexOf(form);
      out.push({ start, end: start + form.length, text: byForm.get(form)!, type: 'place' });
    }
  return out;
}

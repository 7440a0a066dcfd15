/**
 * Short forms of people already named in full: "Sharif" after "Raheel Sharif", "Xi" after
 * "Xi Jinping". When several people share the form ("Parata" for a father and his son), it
 * belongs to the one the article names most in full, and of those the one it introduced first:
 * an article calls its subject by the bare surname and spells out the relatives.
 */
import type { Token } from './tokenize.ts';
import type { Draft } from './rank.ts';
import type { MentionTable } from './mention-table.ts';
import { SURNAME_FIRST } from './rules.ts';

export function addShortForms(table: MentionTable, tokens: Token[]): void {
  const people = [...table.drafts.values()].filter((d) => d.type === 'person' && d.mentions.length);
  for (const gone of mergeVariants(people)) table.drafts.delete(gone.key);
  const full = new Map<Draft, { count: number; first: number }>();
  const byForm = new Map<string, Draft[]>();
  for (const d of people) {
    if (!table.drafts.has(d.key)) continue;
    const parts = d.name.split(/\s+/);
    if (parts.length < 2) continue;
    // Named in full: the mentions that spell out the surname, not a merged first name ("Te Kaurinui").
    const surname = parts.at(-1)!;
    const count = d.mentions.filter((m) => m.text.replace(/['\u2019]s$/u, '').endsWith(surname)).length;
    full.set(d, { count, first: Math.min(...d.mentions.map((m) => m.start)) });
    const forms = [surname];
    if (SURNAME_FIRST.has(parts[0]!.toLowerCase())) forms.push(parts[0]!);
    for (const f of forms) if (f.length >= 2) byForm.set(f, [...(byForm.get(f) ?? []), d]);
  }
  for (const tok of tokens) {
    const raw = tok.raw.replace(/['\u2019]s$/, '');
    const candidates = byForm.get(raw);
    if (!candidates || table.overlaps(tok.start, tok.end)) continue;
    // Only people already named in full by this point; of those, the most named, then the first.
    let best: Draft | null = null;
    for (const d of candidates) {
      const f = full.get(d)!;
      if (f.first > tok.start) continue;
      const b = best && full.get(best)!;
      if (!b || f.count > b.count || (f.count === b.count && f.first < b.first)) best = d;
    }
    if (best) table.add(best, tok.start, tok.start + raw.length);
  }
}

/**
 * "Te Kaurinui Parata" and "Te Kaurinui Robert Parata" are one person: a name whose words all
 * occur, in order, in a longer name with the same last word joins the longer one, and so does a
 * name of two words or more that begins the longer one ("Te Kaurinui Robert"). Returns the
 * drafts merged away.
 */
function mergeVariants(people: Draft[]): Draft[] {
  const gone: Draft[] = [];
  const words = (d: Draft) => d.name.split(/\s+/);
  for (const short of people) {
    const s = words(short);
    if (s.length < 2 || short.id) continue;
    const into = people.find((long) => {
      if (long === short || gone.includes(long)) return false;
      const l = words(long);
      if (l.length <= s.length) return false;
      // "Te Kaurinui Robert" (the first words of "Te Kaurinui Robert Parata") is the same person too.
      if (s.every((w, k) => l[k] === w)) return true;
      if (l.at(-1) !== s.at(-1)) return false;
      let k = 0;
      for (const w of l) if (w === s[k]) k++;
      return k === s.length;
    });
    if (!into) continue;
    into.mentions.push(...short.mentions);
    gone.push(short);
  }
  return gone;
}

/**
 * "Its second reading in Parliament", "to uphold the Constitution": an article about one country
 * names that country's bodies without saying whose. When the article's country is clear (the
 * country it names most with its places, at least twice and more than any other) and the knowledge base has
 * "<word> of <country>" ("Parliament of Kenya"), each capitalised mention of the word that no
 * other entity claims is that entry. The words are in data/rules/national-institutions.json.
 */
import type { IndexEntry, KbIndex } from './types.ts';
import type { Draft } from './rank.ts';
import { occurrences, type MentionTable } from './mention-table.ts';
import { aliasKey } from '../kb/alias-key.ts';
import institutions from '../../data/rules/national-institutions.json';

const idsCache = new WeakMap<KbIndex, Map<string, IndexEntry>>();
const byId = (index: KbIndex) => {
  let m = idsCache.get(index);
  if (!m) idsCache.set(index, (m = new Map(index.entries.map((e) => [e.id, e]))));
  return m;
};

/**
 * The article's country: named most, counting its places' mentions with its own ("Nairobi"
 * for Kenya), at least twice, and more often than any other.
 */
export function articleCountry(drafts: Iterable<Draft>, index: KbIndex): IndexEntry | null {
  const entries = byId(index);
  const votes = new Map<string, number>();
  const vote = (id: string, n: number) => votes.set(id, (votes.get(id) ?? 0) + n);
  for (const d of drafts) {
    if (!d.id || !d.mentions.length) continue;
    if (d.type === 'country') vote(d.id, d.mentions.length);
    else if (d.type === 'place')
      for (const r of entries.get(d.id)?.related ?? [])
        if (entries.get(r)?.type === 'country') vote(r, d.mentions.length);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < 2 || (second && second[1] === first[1])) return null;
  return entries.get(first[0]) ?? null;
}

export function addNationalInstitutions(table: MentionTable, index: KbIndex, draftFor: (e: IndexEntry) => Draft): void {
  const country = articleCountry(table.drafts.values(), index);
  if (!country) return;
  for (const word of institutions.words) {
    const targets = index.aliases[aliasKey(`${word} of ${country.name}`)] ?? [];
    const entry = targets.length === 1 ? index.entries[targets[0]!.e] : undefined;
    if (!entry) continue;
    for (const [start, end] of occurrences(table.text, word))
      if (!table.overlaps(start, end)) table.add(draftFor(entry), start, end);
  }
}

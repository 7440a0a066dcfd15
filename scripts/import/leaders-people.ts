/**
 * Builds data/packs/world/people-leaders.json: an entry for every head of state or government
 * in data/sources/wikidata/leaders-current.csv (world-leaders-current, reviewed rows only) whom
 * no other pack has. Each entry has the office as of the snapshot, the day the holder took
 * office and the birth date, all cited to the holder's Wikidata item through the registered
 * dataset; the description and summary are written from those fields by template. Re-running it
 * reproduces the file byte for byte (tests/data/leaders-import.test.ts).
 *
 * Run: npx tsx scripts/import/leaders-people.ts
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/read-packs.ts';
import { LEADERS_CURRENT_DATASET, readCurrentOffices, type CurrentOffice } from './leaders-current-rows.ts';
import { slug } from './sp500.ts';

export const OUT = join(ROOT, 'data', 'packs', 'world', 'people-leaders.json');
const RETRIEVED = '2026-12-04';
const MONTHS = 'January February March April May June July August September October November December'.split(' ');

interface PackEntry {
  id: string;
  name: string;
  aliases?: string[];
  wikipedia?: string;
}

function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}
const monthYear = (iso: string) => longDate(iso).replace(/^\d+ /, '');
const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/Đ/g, 'D')
    .replace(/đ/g, 'd');

/** Names and Wikipedia titles already in the other packs, so no person gets a second entry. */
function knownPeople(): { names: Set<string>; titles: Set<string>; countryIds: Map<string, string> } {
  const names = new Set<string>();
  const titles = new Set<string>();
  const countryIds = new Map<string, string>();
  for (const pack of ['central-asia', 'world']) {
    const dir = join(ROOT, 'data', 'packs', pack);
    for (const file of readdirSync(dir)) {
      if (file === 'pack.json' || file === 'people-leaders.json' || !file.endsWith('.json')) continue;
      for (const e of JSON.parse(readFileSync(join(dir, file), 'utf8')) as (PackEntry & { type: string })[]) {
        if (e.type === 'country') countryIds.set(e.name, e.id);
        for (const n of [e.name, ...(e.aliases ?? [])]) names.add(fold(n).toLowerCase());
        if (e.wikipedia) titles.add(e.wikipedia.replace(/_/g, ' '));
      }
    }
  }
  return { names, titles, countryIds };
}

/** "Prime Minister" of "United Kingdom" → "Prime Minister of the United Kingdom". */
function officeName(o: CurrentOffice): string {
  const the = /^(United|Republic|Philippines|Netherlands|Czech)/.test(o.country) ? 'the ' : '';
  return `${o.title} of ${the}${o.country}`;
}

function entry(o: CurrentOffice, countryId: string | undefined) {
  const source = {
    url: `https://www.wikidata.org/wiki/${o.wikidata}`,
    dataset: LEADERS_CURRENT_DATASET,
    retrieved: RETRIEVED,
  };
  const office = officeName(o);
  const role =
    o.role === 'both' ? 'head of state and government' : o.role === 'hos' ? 'head of state' : 'head of government';
  const facts: Record<string, unknown>[] = [
    { label: 'Office', value: office, kind: 'office', asOf: o.snapshot, source, note: role },
    { label: 'Took office', value: longDate(o.since), kind: 'history', source },
  ];
  if (o.born) facts.push({ label: 'Born', value: longDate(o.born), kind: 'history', source });
  const folded = fold(o.holder);
  return {
    id: slug(o.holder),
    name: o.holder,
    type: 'person',
    aliases: folded !== o.holder ? [folded] : [],
    description: `${office} since ${monthYear(o.since)} (${role})`,
    summary:
      `${o.holder} took office as ${office}, the country's ${role}, on ${longDate(o.since)}` +
      (o.born ? `; born on ${longDate(o.born)}.` : '.') +
      ` The office is as Wikidata recorded it on ${longDate(o.snapshot)}.`,
    facts,
    related: countryId ? [{ id: countryId, relation: `${role} of` }] : [],
    wikipedia: o.wikipedia.replace(/ /g, '_'),
    wikidata: o.wikidata,
    cues: [
      o.country.toLowerCase(),
      ...o.title
        .toLowerCase()
        .split(/\W+/)
        .filter((w) => w.length > 2),
    ],
    reviewed: RETRIEVED,
  };
}

export function generateLeaderPeople() {
  const known = knownPeople();
  const seen = new Set<string>();
  const out: ReturnType<typeof entry>[] = [];
  for (const o of readCurrentOffices()) {
    if (seen.has(o.wikidata)) continue; // a monarch of several realms: one entry
    seen.add(o.wikidata);
    if (known.titles.has(o.wikipedia) || known.names.has(fold(o.holder).toLowerCase())) continue;
    out.push(entry(o, known.countryIds.get(o.country)));
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export const serializeEntries = (entries: unknown[]): string => JSON.stringify(entries, null, 2) + '\n';

if (import.meta.url === `file://${process.argv[1]}`) {
  const entries = generateLeaderPeople();
  writeFileSync(OUT, serializeEntries(entries));
  console.log(`wrote ${entries.length} entries to ${OUT}`);
}

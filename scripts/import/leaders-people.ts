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
import { nameForms } from './factbook-names.ts';
import { wikipediaTitles } from '../build-kb-gazetteer.ts';

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

interface FactbookOffice {
  title: string;
  name: string;
  since: string;
}
interface FactbookRecord {
  iso2: string | null;
  file: string;
  chiefOfState: FactbookOffice | null;
  headOfGovernment: FactbookOffice | null;
}

/**
 * The Factbook's office holders (January 2026) as rows like the 2026 snapshot's, for those
 * whose name, in one of the forms news uses, is the title of a popular English Wikipedia
 * article: that form becomes the entry's name and its Wikipedia title. Others are left out.
 */
function factbookOffices(countryNames: Map<string, string>): (CurrentOffice & { aliases: string[]; file: string })[] {
  const fb = JSON.parse(readFileSync(join(ROOT, 'data', 'sources', 'factbook', 'countries.json'), 'utf8')) as {
    commit: string;
    date: string;
    countries: FactbookRecord[];
  };
  const titles = new Set(wikipediaTitles());
  const out: (CurrentOffice & { aliases: string[]; file: string })[] = [];
  for (const r of fb.countries) {
    const country = r.iso2 ? countryNames.get(r.iso2) : undefined;
    if (!country) continue;
    const both = r.chiefOfState && r.headOfGovernment && r.chiefOfState.name === r.headOfGovernment.name;
    const offices: [FactbookOffice | null, CurrentOffice['role']][] = both
      ? [[r.chiefOfState, 'both']]
      : [
          [r.chiefOfState, 'hos'],
          [r.headOfGovernment, 'hog'],
        ];
    for (const [o, role] of offices) {
      if (!o) continue;
      const forms = nameForms(o.name);
      const name = forms.find((f) => titles.has(f.toLowerCase()));
      if (!name) continue;
      out.push({
        iso: r.iso2!,
        country,
        role,
        title: o.title,
        holder: name,
        wikidata: '',
        since: o.since,
        born: '',
        wikipedia: name,
        snapshot: fb.date,
        aliases: forms.filter((f) => f !== name),
        file: `https://github.com/factbook/factbook.json/blob/${fb.commit}/${r.file}`,
      });
    }
  }
  return out;
}

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
        if (e.type === 'country') for (const n of [e.name, ...(e.aliases ?? [])]) countryIds.set(n, e.id);
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

type Row = CurrentOffice & { aliases?: string[]; file?: string };

function entry(o: Row, countryId: string | undefined) {
  const source = o.file
    ? { url: o.file, dataset: 'factbook-json', retrieved: RETRIEVED }
    : { url: `https://www.wikidata.org/wiki/${o.wikidata}`, dataset: LEADERS_CURRENT_DATASET, retrieved: RETRIEVED };
  const recorded = o.file ? 'The World Factbook' : 'Wikidata';
  const office = officeName(o);
  const role =
    o.role === 'both' ? 'head of state and government' : o.role === 'hos' ? 'head of state' : 'head of government';
  const facts: Record<string, unknown>[] = [
    { label: 'Office', value: office, kind: 'office', asOf: o.snapshot, source, note: role },
    { label: 'Took office', value: longDate(o.since), kind: 'history', source },
  ];
  if (o.born) facts.push({ label: 'Born', value: longDate(o.born), kind: 'history', source });
  const aliases = [...new Set([fold(o.holder), ...(o.aliases ?? [])])].filter((a) => a !== o.holder);
  return {
    id: slug(o.holder),
    name: o.holder,
    type: 'person',
    aliases,
    description: `${office} since ${monthYear(o.since)} (${role}; as of ${monthYear(o.snapshot)})`,
    summary:
      `${o.holder} took office as ${office}, the country's ${role}, on ${longDate(o.since)}` +
      (o.born ? `; born on ${longDate(o.born)}.` : '.') +
      ` The office is as ${recorded} recorded it on ${longDate(o.snapshot)}.`,
    facts,
    related: countryId ? [{ id: countryId, relation: `${role} of` }] : [],
    wikipedia: o.wikipedia.replace(/ /g, '_'),
    ...(o.wikidata ? { wikidata: o.wikidata } : {}),
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

/** ISO code → the countries pack's name for it, through mledoze's common name. */
function countryNames(countryIds: Map<string, string>): Map<string, string> {
  const m = JSON.parse(readFileSync(join(ROOT, 'data', 'sources', 'mledoze', 'countries.json'), 'utf8')) as {
    countries: { cca2: string; name: { common: string } }[];
  };
  const byId = new Map<string, string>();
  for (const [name, id] of countryIds) if (!byId.has(id)) byId.set(id, name);
  const out = new Map<string, string>();
  for (const c of m.countries) {
    const id = countryIds.get(c.name.common);
    if (id) out.set(c.cca2, byId.get(id)!);
  }
  return out;
}

export function generateLeaderPeople() {
  const known = knownPeople();
  const seen = new Set<string>();
  const out: ReturnType<typeof entry>[] = [];
  // The 2026 snapshot first: where both name a person, its row (with the birth date) is used.
  const rows: Row[] = [...readCurrentOffices(), ...factbookOffices(countryNames(known.countryIds))];
  for (const o of rows) {
    const key = fold(o.holder).toLowerCase();
    if (seen.has(key)) continue; // a monarch of several realms, or a person in both sources: one entry
    seen.add(key);
    if (known.titles.has(o.wikipedia) || known.names.has(key)) continue;
    if ((o.aliases ?? []).some((a) => known.names.has(fold(a).toLowerCase()))) continue;
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

/**
 * The newest office holders the packs know, read from the generated countries pack
 * (data/packs/world/countries.json, written by scripts/gen-countries.ts from The World Factbook
 * of January 2026, the world-leaders-current snapshot of August 2026 and offices checked in 2026
 * news): per country, each office fact split into its title, holder, date and citation. Shared by
 * the importers that must not claim an older office as current (leaders-2021-people.ts).
 * `checkedOffices` adds the offices of the 2021–2022 table checked by hand against news and
 * official pages (data/sources/wikidata/leaders-2021-checked.json), for the offices the
 * countries pack has no fact about (territories, governors-general, chief ministers, …).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/read-packs.ts';

export interface NewestOffice {
  countryId: string;
  country: string;
  /** The fact's label: Head of state, Head of government, Head of state and government. */
  role: string;
  /** The title before the holder's name in the fact ("Prime Minister", "King"). */
  title: string;
  holder: string;
  /** The year the holder took office, when the fact's note gives it. */
  sinceYear: string;
  /** The fact's note ("in office since 24 July 2022"), if any. */
  note: string;
  asOf: string;
  source: Record<string, string>;
  /** Set on a hand-checked office (checkedOffices): the holder left the office and came back. */
  returned?: boolean;
  /** Set on a hand-checked office: its note is our own words, to be shown with the holder. */
  checked?: boolean;
}

/** Titles the countries pack writes before a holder's name, longest first. */
const TITLES = [
  'Chairman of the Presidential Council',
  'Acting President',
  'Interim President',
  'Transitional President',
  'Supreme Leader',
  'Prime Minister',
  'Grand Duke',
  'Chancellor',
  'President',
  'Taoiseach',
  'Premier',
  'Emperor',
  'Sultan',
  'Prince',
  'Queen',
  'King',
  'Amir',
  'Emir',
];

interface CountryEntry {
  id: string;
  name: string;
  type: string;
  aliases?: string[];
  facts: {
    label: string;
    value: unknown;
    kind: string;
    asOf?: string;
    source: Record<string, string>;
    note?: string;
  }[];
}

/** A country's latest population figure, for ordering; 0 when the pack has none. */
export const population = (c: CountryEntry): number => {
  const f = c.facts.find((x) => x.label === 'Population' && typeof x.value === 'number');
  return f ? (f.value as number) : 0;
};

export function readCountries(): CountryEntry[] {
  return JSON.parse(readFileSync(join(ROOT, 'data', 'packs', 'world', 'countries.json'), 'utf8')) as CountryEntry[];
}

/** Every dated office fact of every country, newest sources only (never the 2022 table's own facts). */
export function newestOffices(after: string): NewestOffice[] {
  const out: NewestOffice[] = [];
  for (const c of readCountries())
    for (const f of c.facts) {
      if (f.kind !== 'office' || typeof f.value !== 'string' || !f.asOf || f.asOf <= after) continue;
      const title = TITLES.find((t) => f.value === t || (f.value as string).startsWith(t + ' '));
      if (!title) continue;
      const since = /\b(\d{4})\b/.exec(f.note ?? '');
      out.push({
        countryId: c.id,
        country: c.name,
        role: f.label,
        title,
        // Surnames the Factbook wrote in capitals and the generator left so ("Muhammad al-BASHIR").
        holder: f.value
          .slice(title.length + 1)
          .replace(/\p{Lu}{2,}/gu, (w) => (/^[IVXL]+$/.test(w) ? w : w[0] + w.slice(1).toLowerCase())),
        sinceYear: since ? since[1]! : '',
        note: f.note ?? '',
        asOf: f.asOf,
        source: f.source,
      });
    }
  return out;
}

export const CHECKED = join(ROOT, 'data', 'sources', 'wikidata', 'leaders-2021-checked.json');

/** One office of the 2021–2022 table checked by hand: who held it on `asOf`, per the cited page. */
export interface CheckedOffice extends NewestOffice {
  /** The Wikidata item of the table's holder. */
  person: string;
  /** The office as leaders-2021-people.ts names it ("President of Peru"). */
  office: string;
  /** Whether the table's holder still held the office on `asOf`. */
  holds: boolean;
}

interface CheckedRecord {
  person: string;
  country: string;
  office: string;
  holds: boolean;
  holder: string;
  returned?: boolean;
  since?: string;
  asOf: string;
  note?: string;
  source: Record<string, string>;
}

export function checkedOffices(): CheckedOffice[] {
  const doc = JSON.parse(readFileSync(CHECKED, 'utf8')) as { checked: CheckedRecord[] };
  return doc.checked.map((r) => ({
    countryId: '',
    country: r.country,
    role: '',
    title: r.office.replace(/ of .*$/, ''),
    holder: r.holder,
    sinceYear: r.since ? r.since.slice(0, 4) : '',
    note: r.note ?? '',
    asOf: r.asOf,
    source: r.source,
    ...(r.returned ? { returned: true } : {}),
    checked: true,
    person: r.person,
    office: r.office,
    holds: r.holds,
  }));
}

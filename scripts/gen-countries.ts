/**
 * Generates data/packs/world/countries.json — one entry for every UN member state, the two UN
 * observer states and the dependent or disputed territories in the news — from data files only:
 *
 * - data/sources/mledoze/countries.json: names, official names, capitals, region, borders,
 *   languages, currencies (mledoze/countries, ODbL 1.0; scripts/import/mledoze.ts);
 * - data/sources/factbook/countries.json: population with its estimate year, total area, GDP
 *   (The World Factbook, public domain; scripts/import/factbook.ts);
 * - data/sources/wikidata/world-leaders.csv: heads of state and government (Wikidata, CC0;
 *   scripts/import/leaders.ts), and for the G20 and ASEAN the newer leaders-current.csv
 *   (world-leaders-current, 2026 snapshot; scripts/import/leaders-current.ts), which replaces an
 *   office fact when it is newer;
 * - data/sources/countries/curated.json: what people decided — ids, aliases, cues, territories,
 *   status lines, memberships with their sources, which offices to use, offices checked in news.
 *
 * Every fact cites its dataset (data/sources/datasets.json) or the page it was checked against.
 * Descriptions and summaries are written from these fields by template (own words). The output
 * depends on nothing else, so regenerating reproduces the committed file byte for byte
 * (tests/data/countries-generate.test.ts checks this).
 *
 * Usage: npx tsx scripts/gen-countries.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/read-packs.ts';
import { readCsvObjects } from './import/lib.ts';
import type { EntryInput, FactInput } from '../lib/kb/schema.ts';
import { describeCountry, type Country, type CountryText } from './countries/wording.ts';
import { displayName } from './import/factbook-names.ts';
import { LEADERS_CURRENT_DATASET, readCurrentOffices, type CurrentOffice } from './import/leaders-current-rows.ts';

export const OUT = join(ROOT, 'data/packs/world/countries.json');
const SRC = join(ROOT, 'data/sources');
const readJson = <T>(path: string): T => JSON.parse(readFileSync(join(SRC, path), 'utf8')) as T;

type Source = Exclude<FactInput['source'], string>;
interface FactbookOffice {
  title: string;
  name: string;
  since: string;
}
interface FactbookRecord {
  iso2: string | null;
  chiefOfState: FactbookOffice | null;
  headOfGovernment: FactbookOffice | null;
  file: string;
  population: number | null;
  populationYear: string | null;
  area: number | null;
  gdpUsd: number | null;
  gdpYear: string | null;
}
type Role = 'hos' | 'hog' | 'both';
interface Checked {
  country: string;
  role: Role;
  value: string;
  asOf: string;
  note?: string;
  source: Source;
}
interface Curated {
  skipIds: { ids: string[] };
  leaveOut: { codes: string[] };
  unObservers: string[];
  wikipediaTitle: Record<string, string>;
  displayName: Record<string, string>;
  extraAliases: Record<string, string[]>;
  aliasBlock: string[];
  cues: Record<string, { cues: string[]; prior?: number }>;
  territoryOf: Record<string, { id: string; name: string; relation: string }>;
  statusLine: Record<string, string>;
  takesThe: string[];
  seaIslandSubregions: string[];
  islandsWithoutLandBorder: string[];
  memberships: {
    eu: { years: Record<string, string>; source: Source };
    nato: { years: Record<string, string>; source: Source; sourceByCountry: Record<string, Source> };
    asean: { years: Record<string, string>; source: Source };
    africanUnion: { codes: string[] };
  };
  offices: {
    datasetAsOf: string;
    fromDataset: Record<string, Partial<Record<Role, string>>>;
    titles: Record<string, string>;
    names: Record<string, string>;
    checked: Checked[];
  };
  links: Record<string, { id: string; relation: string }[] | string>;
}
interface DatasetRecord {
  id: string;
  retrieved: string;
}

const LABEL: Record<Role, string> = {
  hos: 'Head of state',
  hog: 'Head of government',
  both: 'Head of state and government',
};

/** "President of the French Republic" -> "President"; "monarch of Canada" -> "King" (curated titles). */
function titleOf(position: string, titles: Record<string, string>): string {
  const head = position.split(/ of /)[0]!.trim();
  const t = titles[head] ?? head;
  return t[0]!.toUpperCase() + t.slice(1);
}

/** "Philippe I of Belgium" -> "Philippe I"; "Albert II, Prince of Monaco" -> "Albert II". */
function holderName(label: string): string {
  return label.replace(/,\s*(Prince|King|Queen) of .*$/, '').replace(/ of [A-Z][\w ]+$/, '');
}

export function generateCountries(): EntryInput[] {
  const curated = readJson<Curated>('countries/curated.json');
  const countries = readJson<{ countries: Country[] }>('mledoze/countries.json').countries;
  const factbook = readJson<{ commit: string; date: string; countries: FactbookRecord[] }>('factbook/countries.json');
  const leaders = readCsvObjects(readFileSync(join(SRC, 'wikidata/world-leaders.csv'), 'utf8'));
  const retrieved = new Map(readJson<DatasetRecord[]>('datasets.json').map((d) => [d.id, d.retrieved]));
  const cite = (dataset: string, url: string): Source => ({ url, dataset, retrieved: retrieved.get(dataset)! });
  const MLEDOZE = cite('mledoze-countries', 'https://github.com/mledoze/countries');
  const fbByIso = new Map(factbook.countries.filter((r) => r.iso2).map((r) => [r.iso2!, r]));
  const fbSource = (r: FactbookRecord) =>
    cite('factbook-json', `https://github.com/factbook/factbook.json/blob/${factbook.commit}/${r.file}`);
  const leadersByPosition = new Map<string, Record<string, string>[]>();
  for (const r of leaders) leadersByPosition.set(r.position!, [...(leadersByPosition.get(r.position!) ?? []), r]);

  const text: CountryText = {
    wikipediaTitle: curated.wikipediaTitle,
    displayName: curated.displayName,
    extraAliases: curated.extraAliases,
    aliasBlock: new Set(curated.aliasBlock.map((s) => s.toLowerCase())),
    territoryOf: curated.territoryOf,
    statusLine: curated.statusLine,
    takesThe: new Set(curated.takesThe),
    seaIslandSubregions: new Set(curated.seaIslandSubregions),
    islandsWithoutLandBorder: new Set(curated.islandsWithoutLandBorder),
    unObservers: new Set(curated.unObservers),
    memberships: {
      eu: curated.memberships.eu.years,
      nato: curated.memberships.nato.years,
      asean: curated.memberships.asean.years,
      au: new Set(curated.memberships.africanUnion.codes),
    },
  };

  const current = readCurrentOffices();
  const MONTHS = 'January February March April May June July August September October November December'.split(' ');
  const longDate = (iso: string) => {
    const [y, m, d] = iso.split('-').map(Number);
    return `${d} ${MONTHS[m! - 1]} ${y}`;
  };
  const currentFact = (o: CurrentOffice): FactInput => ({
    label: LABEL[o.role],
    value: `${curated.offices.titles[o.title] ?? o.title} ${o.holder}`,
    kind: 'office',
    asOf: o.snapshot,
    source: o.wikidata
      ? cite(LEADERS_CURRENT_DATASET, `https://www.wikidata.org/wiki/${o.wikidata}`)
      : fbSource(fbByIso.get(o.iso)!),
    note: `in office since ${longDate(o.since)}`,
  });

  /**
   * The offices of a country: the checked and dataset offices, each replaced by the newer
   * world-leaders-current row for the same role when there is one (a row for both roles
   * replaces both; separate rows replace a fact for both roles).
   */
  /** The Factbook's chief of state and head of government, as rows like the 2026 snapshot's. */
  function factbookOffices(cca2: string): CurrentOffice[] {
    const fb = fbByIso.get(cca2);
    const rows: CurrentOffice[] = [];
    const row = (o: FactbookOffice, role: CurrentOffice['role']): CurrentOffice => ({
      iso: cca2,
      country: '',
      role,
      title: o.title,
      holder: displayName(o.name),
      wikidata: '',
      since: o.since,
      born: '',
      wikipedia: '',
      snapshot: factbook.date,
    });
    const hos = fb?.chiefOfState;
    const hog = fb?.headOfGovernment;
    if (hos && hog && hos.name === hog.name) return [row(hos, 'both')];
    if (hos) rows.push(row(hos, 'hos'));
    if (hog) rows.push(row(hog, 'hog'));
    return rows;
  }

  function offices(cca2: string): FactInput[] {
    return newerOffices(
      newerOffices(olderOffices(cca2), factbookOffices(cca2)),
      current.filter((o) => o.iso === cca2),
    );
  }

  /**
   * Offices replaced by newer rows for the same role (a row for both roles replaces both;
   * separate rows replace a fact for both roles); a row never replaces a newer fact.
   */
  function newerOffices(older: FactInput[], rows: CurrentOffice[]): FactInput[] {
    if (!rows.length) return older;
    const newer = (o: CurrentOffice, f: FactInput) => (f.asOf ?? '') < o.snapshot;
    const roleOf = (f: FactInput) => (Object.keys(LABEL) as Role[]).find((r) => LABEL[r] === f.label)!;
    const kept = older.filter((f) => {
      const role = roleOf(f);
      const over = rows.filter((o) => o.role === role || o.role === 'both' || role === 'both');
      return !over.length || over.some((o) => !newer(o, f));
    });
    const added = rows.filter(
      (o) => !kept.some((f) => roleOf(f) === o.role || roleOf(f) === 'both' || o.role === 'both'),
    );
    const order: Role[] = ['both', 'hos', 'hog'];
    return [...kept, ...added.map(currentFact)].sort((a, b) => order.indexOf(roleOf(a)) - order.indexOf(roleOf(b)));
  }

  function olderOffices(cca2: string): FactInput[] {
    const out: FactInput[] = [];
    const checked = curated.offices.checked.filter((c) => c.country === cca2);
    const roles: Role[] = ['both', 'hos', 'hog'];
    for (const role of roles) {
      const c = checked.find((x) => x.role === role);
      if (c) {
        out.push({
          label: LABEL[role],
          value: c.value,
          kind: 'office',
          asOf: c.asOf,
          source: c.source,
          ...(c.note ? { note: c.note } : {}),
        });
        continue;
      }
      if (checked.length && role === 'both') continue;
      const position = curated.offices.fromDataset[cca2]?.[role];
      const rows = position ? (leadersByPosition.get(position) ?? []) : [];
      if (rows.length !== 1) continue; // none, or several holders at once (co-princes, a presidency): left out
      const r = rows[0]!;
      const name = curated.offices.names[r.officeholder!] ?? holderName(r.officeholderLabel!);
      out.push({
        label: LABEL[role],
        value: `${titleOf(r.positionLabel!, curated.offices.titles)} ${name}`,
        kind: 'office',
        asOf: curated.offices.datasetAsOf,
        source: cite('wikidata-world-leaders', `https://www.wikidata.org/wiki/${r.officeholder!}`),
        note: `${r.positionLabel} since ${r.start_year}`,
      });
    }
    return out;
  }

  const skip = new Set(curated.skipIds.ids);
  const leaveOut = new Set(curated.leaveOut.codes);
  const entries: EntryInput[] = [];
  for (const c of countries) {
    if (leaveOut.has(c.cca2)) continue;
    const fb = fbByIso.get(c.cca2);
    // The Factbook's total area where the two datasets agree within 5 %; where they differ more
    // (disputed land counted or not, overseas regions, water) neither figure is given.
    const fbArea = fb?.area ?? null;
    const areaAgrees = fbArea !== null && c.area > 0 && Math.abs(fbArea - c.area) / c.area <= 0.05;
    const area = areaAgrees
      ? { value: fbArea, source: fbSource(fb!) }
      : !fbArea && c.area > 0
        ? { value: c.area, source: MLEDOZE }
        : null;
    const population =
      fb?.population && fb.populationYear
        ? { value: fb.population, year: fb.populationYear, source: fbSource(fb) }
        : null;
    const gdp = fb?.gdpUsd && fb.gdpYear ? { value: fb.gdpUsd, year: fb.gdpYear, source: fbSource(fb) } : null;
    const entry = describeCountry(
      c,
      countries,
      text,
      { area, population, gdp, mledoze: MLEDOZE, offices: offices(c.cca2) },
      curated,
    );
    if (skip.has(entry.id)) continue;
    const links = curated.links[entry.id];
    if (Array.isArray(links))
      for (const l of links) if (!entry.related.some((r) => r.id === l.id)) entry.related.push(l);
    entries.push(entry);
  }
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const ids = new Set<string>();
  for (const e of entries) {
    if (ids.has(e.id)) throw new Error(`duplicate id ${e.id}`);
    ids.add(e.id);
  }
  return entries;
}

export const serializeEntries = (entries: EntryInput[]): string => JSON.stringify(entries, null, 2) + '\n';

if (import.meta.url === `file://${process.argv[1]}`) {
  const entries = generateCountries();
  writeFileSync(OUT, serializeEntries(entries));
  console.log(`wrote ${entries.length} entries to ${OUT}`);
}

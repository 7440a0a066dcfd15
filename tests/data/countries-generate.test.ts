/**
 * data/packs/world/countries.json is generated from the committed extracts under data/sources/
 * by scripts/gen-countries.ts: regenerating it must change nothing, so the file is never edited
 * by hand and every figure in it can be traced to a pinned dataset.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateCountries, OUT, serializeEntries } from '../../scripts/gen-countries.ts';
import { citeCities, PLACES_FILE } from '../../scripts/cite-cities.ts';

describe('world/countries.json', () => {
  const entries = generateCountries();

  it('is exactly what scripts/gen-countries.ts makes from data/sources (re-run it after changing an input)', () => {
    expect(serializeEntries(entries) === readFileSync(OUT, 'utf8')).toBe(true);
  });

  it('cites a registered dataset or a retrieved page for every fact, never a personal copy', () => {
    for (const e of entries)
      for (const f of e.facts) {
        const source = f.source as { url: string; dataset?: string; publisher?: string; retrieved?: string };
        expect(source.retrieved, `${e.id}: ${f.label}`).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(source.dataset ?? source.publisher, `${e.id}: ${f.label}`).toBeTruthy();
      }
  });

  it('takes populations from The World Factbook with their estimate year', () => {
    const france = entries.find((e) => e.id === 'france')!;
    const population = france.facts.find((f) => f.label === 'Population')!;
    expect(population.kind).toBe('population');
    expect(population.asOf).toMatch(/^20\d\d$/);
    expect((population.source as { dataset?: string }).dataset).toBe('factbook-json');
  });
});

describe('world/places.json', () => {
  it('cites each city population to its GeoNames record, exactly as scripts/cite-cities.ts writes it', () => {
    const file = readFileSync(PLACES_FILE, 'utf8');
    expect(JSON.stringify(citeCities(JSON.parse(file)), null, 2) + '\n' === file).toBe(true);
    const paris = (JSON.parse(file) as { id: string; facts: { label: string; source: { dataset?: string } }[] }[])
      .find((e) => e.id === 'paris')!
      .facts.find((f) => f.label === 'Population')!;
    expect(paris.source.dataset).toBe('geonames-cities500');
  });
});

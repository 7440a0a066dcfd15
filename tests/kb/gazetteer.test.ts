import { describe, expect, it } from 'vitest';
import { createGazetteer, type GazetteerData } from '../../lib/kb/gazetteer.ts';
import { buildGazetteerData } from '../../scripts/build-kb-gazetteer.ts';
import { loadKb } from '../../cli/kb.ts';

/** A made-up world, small enough to reason about. */
const data: GazetteerData = {
  version: 1,
  asOf: '2023-03',
  retrieved: '2026-12-04',
  countries: { XA: 'Aland', XB: 'Borovia', US: 'United States' },
  regions: { 'XA.01': 'Northmark', 'XA.02': 'Riverland', 'XB.05': 'Kestrel', 'US.NY': 'New York' },
  cities: [
    ['Northmark', 'XA', '01', 2_000_000, 7],
    ['New York City', 'US', 'NY', 8_000_000, 1],
    ['Porto Vel', 'XA', '01', 900_000, 2],
    ['Kestrel', 'XB', '05', 400_000, 3],
    ['Porto Vel', 'XB', '05', 30_000, 4],
    ['Riverland', 'XA', '02', 20_000, 5],
    ['Zürichsee', 'XA', '01', 16_000, 6],
  ],
  titles: ['new york city', 'porto vel', 'whole foods market'],
  foreign: {},
};
const gaz = createGazetteer(data);

describe('lookupPlace', () => {
  it('types a city with its region, country, population and the date the figure was current', () => {
    expect(gaz.lookupPlace('Porto Vel')).toEqual({
      kind: 'city',
      name: 'Porto Vel',
      country: 'XA',
      countryName: 'Aland',
      admin1Name: 'Northmark',
      population: 900_000,
      geonameid: 2,
      admin1Code: 'XA.01',
      asOf: '2023-03',
    });
  });

  it('prefers the most populous of two cities of one name', () => {
    expect(gaz.lookupPlace('Porto Vel')?.geonameid).toBe(2);
  });

  it('prefers a city in a country the article names over a larger one elsewhere', () => {
    expect(gaz.lookupPlace('Porto Vel', { countries: ['Borovia'] })?.geonameid).toBe(4);
    expect(gaz.lookupPlace('Porto Vel', { countries: ['XB'] })?.geonameid).toBe(4);
  });

  it('reads a region named with its descriptive word as the region, never the city of that name', () => {
    const p = gaz.lookupPlace('Kestrel Oblast');
    expect(p).toMatchObject({ kind: 'region', name: 'Kestrel', country: 'XB', population: null });
  });

  it('of two regions of one name, takes the one whose cities hold more people (a state over a small municipality)', () => {
    const two = createGazetteer({
      ...data,
      // The small one comes first in the data, as Puerto Rico's "Florida" does before the US state.
      regions: { ...data.regions, 'XA.09': 'Palmera', 'XB.07': 'Palmera' },
      cities: [...data.cities, ['Little Quay', 'XA', '09', 16_000, 8], ['Grand Port', 'XB', '07', 600_000, 9]],
    });
    expect(two.lookupPlace('Palmera')).toMatchObject({ kind: 'region', country: 'XB', admin1Code: 'XB.07' });
  });

  it('takes a first-level region over a small city of the same name, a very large city over its region', () => {
    expect(gaz.lookupPlace('Riverland')?.kind).toBe('region');
    expect(gaz.lookupPlace('Kestrel')?.kind).toBe('region');
    expect(gaz.lookupPlace('Northmark')).toMatchObject({ kind: 'city', population: 2_000_000 });
  });

  it('ignores case and diacritics as the knowledge base does', () => {
    expect(gaz.lookupPlace('ZURICHSEE')?.geonameid).toBe(6);
  });

  it('knows nothing of names it does not hold', () => {
    expect(gaz.lookupPlace('Atlantis')).toBeNull();
    expect(gaz.lookupPlace('')).toBeNull();
    expect(gaz.placesNamed('Atlantis')).toEqual([]);
  });

  it('lists every place of a name, cities most populous first, then regions', () => {
    expect(gaz.placesNamed('Kestrel').map((p) => `${p.kind}:${p.country}`)).toEqual(['city:XB', 'region:XB']);
  });
});

describe('wikipediaTitle', () => {
  it('gives the title in the article’s own capitalisation, with underscores', () => {
    expect(gaz.wikipediaTitle('Whole Foods Market')).toBe('Whole_Foods_Market');
    expect(gaz.wikipediaTitle('New  York City')).toBe('New_York_City');
  });

  it('is null for a name with no article of exactly that title', () => {
    expect(gaz.wikipediaTitle('Whole Foods')).toBeNull();
    expect(gaz.wikipediaTitle('')).toBeNull();
  });
});

describe('countryCode', () => {
  it('accepts an English name or an alpha-2 code', () => {
    expect(gaz.countryCode('borovia')).toBe('XB');
    expect(gaz.countryCode('US')).toBe('US');
    expect(gaz.countryCode('Nowhere')).toBeNull();
  });
});

describe('the built gazetteer (GeoNames, mledoze, compromise-wikipedia)', () => {
  const real = createGazetteer(buildGazetteerData(loadKb().merged.index));

  it('holds every city of the extract, every region and the Wikipedia titles', () => {
    const d = buildGazetteerData(loadKb().merged.index);
    expect(d.cities.length).toBeGreaterThan(26_000);
    expect(Object.keys(d.regions).length).toBeGreaterThan(3_800);
    expect(d.titles.length).toBeGreaterThan(38_000);
    expect(d.foreign.fr?.['Allemagne']).toBe('germany');
    expect(d.foreign.es?.['Alemania']).toBe('germany');
  });

  it('finds real cities and regions', () => {
    expect(real.lookupPlace('Seattle')).toMatchObject({ kind: 'city', country: 'US', admin1Name: 'Washington' });
    expect(real.lookupPlace('Balochistan')).toMatchObject({ kind: 'region', country: 'PK' });
    expect(real.lookupPlace('Donetsk Oblast')).toMatchObject({ kind: 'region', country: 'UA', name: 'Donetsk' });
  });

  it('links names with an article of that title', () => {
    expect(real.wikipediaTitle('Barack Obama')).toBe('Barack_Obama');
    expect(real.wikipediaTitle('Seattle')).toBe('Seattle');
  });
});

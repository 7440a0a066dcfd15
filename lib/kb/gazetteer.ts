/**
 * The gazetteer tier: names the curated packs lack, typed and linked from registered datasets.
 * World cities of 15,000+ inhabitants and first-level regions (GeoNames, CC BY 4.0) and the
 * titles of popular English Wikipedia articles (compromise-wikipedia, MIT, 2022 vintage).
 *
 * Built at `npm run kb` time into generated/gazetteer.json (scripts/build-kb-gazetteer.ts),
 * loaded by the background only, lazily, and by the CLI. Pure: no DOM, no browser APIs.
 *
 * The gazetteer never decides that a word is a name: the engine does (capitalisation, context,
 * evidence). It answers two questions about a name the engine found: is it a known place, and
 * has English Wikipedia an article of exactly that title?
 */
import { aliasKey } from './alias-key.ts';
import type { ForeignNames } from './gazetteer-languages.ts';

/** The compiled gazetteer, as generated/gazetteer.json holds it. */
export interface GazetteerData {
  version: 1;
  /** When GeoNames' figures were current (the dump's month, YYYY-MM): a population's "as of". */
  asOf: string;
  /** The day the dataset was retrieved (citations). */
  retrieved: string;
  /** ISO 3166 alpha-2 code → the country's common English name. */
  countries: Record<string, string>;
  /** GeoNames admin1 code ("PK.02") → region name ("Balochistan"). */
  regions: Record<string, string>;
  /** [name, country code, admin1 code, population, geonameid], most populous first. */
  cities: [string, string, string, number, number][];
  /** Lower-cased English Wikipedia article titles. */
  titles: string[];
  /** Country names in other languages, by page language, for pages Backstory cannot read (gazetteer-languages.ts). */
  foreign: ForeignNames;
}

export interface Place {
  kind: 'city' | 'region';
  name: string;
  /** ISO 3166 alpha-2 code. */
  country: string;
  countryName: string;
  /** The first-level region a city lies in (for a region, its own name). */
  admin1Name: string | null;
  /** GeoNames' population (cities only). */
  population: number | null;
  /** GeoNames id (cities), or null for a region (GeoNames' admin1 extract has codes only). */
  geonameid: number | null;
  /** The admin1 code ("PK.02"): a region's identity, a city's region. */
  admin1Code: string;
  /** When the population was current (YYYY-MM). */
  asOf: string;
}

export interface LookupContext {
  /** Countries the article names (ISO alpha-2 codes or English names): a place there wins an ambiguity. */
  countries?: readonly string[];
}

export interface Gazetteer {
  /** The place a name most likely means, or null. Ambiguity: the article's countries first, then the most populous. */
  lookupPlace(name: string, context?: LookupContext): Place | null;
  /** Every place of that name (most populous first), for callers that weigh the choice themselves. */
  placesNamed(name: string): Place[];
  /**
   * The English Wikipedia title for a name as written, when an article of exactly that title is
   * known (case aside), else null. The title keeps the article's own capitalisation.
   */
  wikipediaTitle(name: string): string | null;
  /** The alpha-2 code of a country given by its English name or code, or null. */
  countryCode(nameOrCode: string): string | null;
  readonly asOf: string;
  readonly retrieved: string;
}

/** Descriptive words a region is often named with that GeoNames leaves out ("Donetsk Oblast" → "Donetsk"). */
const REGION_SUFFIX =
  /\s+(?:oblast|province|region|state|governorate|prefecture|county|district|territory|krai|kray|voivodeship|department|canton)$/;

/** A city no smaller than this is what a bare name means rather than a region of the same name ("New York"). */
const CITY_OVER_REGION = 1_000_000;

export function createGazetteer(data: GazetteerData): Gazetteer {
  const cityKeys = new Map<string, number[]>();
  data.cities.forEach((c, i) => {
    const key = aliasKey(c[0]);
    const list = cityKeys.get(key);
    if (list) list.push(i);
    else cityKeys.set(key, [i]);
  });
  const regionKeys = new Map<string, string[]>();
  for (const [code, name] of Object.entries(data.regions)) {
    const key = aliasKey(name);
    const list = regionKeys.get(key);
    if (list) list.push(code);
    else regionKeys.set(key, [code]);
  }
  // How much of the world a region holds: the people of its listed cities. Among regions of one
  // name ("Florida" the US state and a Puerto Rican municipality) the larger is the one news means.
  const regionWeight = new Map<string, number>();
  for (const [, country, admin1, population] of data.cities) {
    const code = `${country}.${admin1}`;
    regionWeight.set(code, (regionWeight.get(code) ?? 0) + population);
  }
  for (const list of regionKeys.values()) list.sort((a, b) => (regionWeight.get(b) ?? 0) - (regionWeight.get(a) ?? 0));
  const countryByName = new Map<string, string>();
  for (const [code, name] of Object.entries(data.countries)) countryByName.set(aliasKey(name), code);
  const titles = new Set(data.titles);

  const countryCode = (s: string): string | null => {
    const t = s.trim();
    if (/^[A-Z]{2}$/.test(t) && data.countries[t]) return t;
    return countryByName.get(aliasKey(t)) ?? null;
  };

  const city = (i: number): Place => {
    const [name, country, admin1, population, geonameid] = data.cities[i]!;
    const code = `${country}.${admin1}`;
    return {
      kind: 'city',
      name,
      country,
      countryName: data.countries[country] ?? country,
      admin1Name: data.regions[code] ?? null,
      population,
      geonameid,
      admin1Code: code,
      asOf: data.asOf,
    };
  };
  const region = (code: string): Place => {
    const country = code.slice(0, 2);
    const name = data.regions[code]!;
    return {
      kind: 'region',
      name,
      country,
      countryName: data.countries[country] ?? country,
      admin1Name: name,
      population: null,
      geonameid: null,
      admin1Code: code,
      asOf: data.asOf,
    };
  };

  const placesNamed = (name: string): Place[] => {
    const key = aliasKey(name);
    if (!key) return [];
    const cities = (cityKeys.get(key) ?? []).map(city);
    let codes = regionKeys.get(key) ?? [];
    const bare = key.replace(REGION_SUFFIX, '');
    if (!codes.length && bare !== key) codes = regionKeys.get(bare) ?? [];
    // "Donetsk Oblast" names the region, never the city of Donetsk.
    const regions = codes.map(region);
    return bare !== key ? regions : [...cities, ...regions];
  };

  return {
    asOf: data.asOf,
    retrieved: data.retrieved,
    placesNamed,
    countryCode,
    lookupPlace(name, context) {
      const all = placesNamed(name);
      if (!all.length) return null;
      const wanted = new Set((context?.countries ?? []).map(countryCode).filter((c): c is string => !!c));
      const local = all.filter((p) => wanted.has(p.country));
      const pool = local.length ? local : all;
      const cities = pool.filter((p) => p.kind === 'city');
      const regions = pool.filter((p) => p.kind === 'region');
      // Cities come most populous first (the build sorts them).
      const bigCity = cities[0];
      if (regions.length && (!bigCity || (bigCity.population ?? 0) < CITY_OVER_REGION)) return regions[0]!;
      return bigCity ?? null;
    },
    wikipediaTitle(name) {
      const t = name.trim().replace(/\s+/g, ' ');
      if (!t || t.length > 120) return null;
      return titles.has(t.toLowerCase()) ? t.replace(/ /g, '_') : null;
    },
  };
}

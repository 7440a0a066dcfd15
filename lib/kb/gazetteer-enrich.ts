/**
 * The gazetteer's step after the engine: names the engine found but the packs lack are typed
 * and linked. A name that is a known city or region becomes a place with a GeoNames-cited
 * entry (its id "geonames-…"); a name with an English Wikipedia article of exactly that title
 * gets the link. The engine decides what is a name; this step never adds an entity.
 *
 * Run by the background (once the gazetteer is loaded) and by the CLI, on complete results.
 */
import * as v from 'valibot';
import type { AnalysisResult, Entity } from '../engine/types.ts';
import { EntrySchema, type Entry } from './schema.ts';
import type { Gazetteer, Place } from './gazetteer.ts';
import { isGenericPhrase } from '../engine/rules.ts';

/** The pack name entries made here carry (the sidebar and the CLI show where an entry comes from). */
export const GAZETTEER_PACK = 'gazetteer';

/** The id of a place's entry: stable, a valid pack id, and recognisable as the gazetteer's. */
export function placeId(p: Place): string {
  return p.geonameid !== null
    ? `geonames-${p.geonameid}`
    : `geonames-admin1-${p.admin1Code.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
}

/** "City in Washington, United States" / "Region of Pakistan". */
export function placeDescription(p: Place): string {
  if (p.kind === 'region') return `First-level region of ${p.countryName}`;
  return p.admin1Name && p.admin1Name !== p.name
    ? `City in ${p.admin1Name}, ${p.countryName}`
    : `City in ${p.countryName}`;
}

/** The entry the sidebar and cards show for a place: its description and GeoNames' figure, cited. */
export function placeEntry(p: Place, wikipedia: string | null, gaz: Gazetteer): Entry {
  const description = placeDescription(p);
  const facts =
    p.kind === 'city' && p.population !== null
      ? [
          {
            label: 'Population',
            value: p.population,
            unit: 'people',
            kind: 'population' as const,
            asOf: p.asOf,
            source: {
              url: `https://www.geonames.org/${p.geonameid}`,
              dataset: 'geonames-cities500',
              retrieved: gaz.retrieved,
            },
            note: 'GeoNames figure for the city',
          },
        ]
      : [
          {
            label: 'Country',
            value: p.countryName,
            kind: 'attribute' as const,
            source: { url: 'https://www.geonames.org/', dataset: 'geonames-admin1', retrieved: gaz.retrieved },
          },
        ];
  const population =
    p.population !== null ? `; population ${p.population.toLocaleString('en-US')} (GeoNames, ${p.asOf})` : '';
  return v.parse(EntrySchema, {
    id: placeId(p),
    name: p.name,
    type: 'place',
    aliases: [],
    description,
    summary: `${description}${population}.`,
    facts,
    related: [],
    wikipedia,
    reviewed: gaz.retrieved,
  });
}

/** Is some mention of the name capitalised away from the start of a sentence ("in Reading", not "Reading the…")? */
function namedMidSentence(e: Entity, text: string): boolean {
  return e.mentions.some((m) => {
    if (!/^\p{Lu}/u.test(m.text)) return false;
    const before = text.slice(Math.max(0, m.start - 3), m.start).trimEnd();
    return before !== '' && !/[.!?:\n"“‘]$/.test(before);
  });
}

export interface Enriched {
  result: AnalysisResult;
  /** Entries for the places typed here, by id (the background serves them with the packs' entries). */
  entries: Map<string, Entry>;
}

/**
 * Types and links the result's unknown names in place. People stay people (a first name that is
 * also a town is still a person); a place must be named mid-sentence at least once.
 */
export function enrichWithGazetteer(result: AnalysisResult, text: string, gaz: Gazetteer): Enriched {
  const entries = new Map<string, Entry>();
  const countries = result.entities.filter((e) => e.type === 'country').map((e) => e.name);
  const byId = new Map<string, Entity>();
  const drop = new Set<Entity>();
  for (const e of result.entities) {
    if (e.id) {
      byId.set(e.id, e);
      continue;
    }
    const place = e.type !== 'person' && namedMidSentence(e, text) ? gaz.lookupPlace(e.name, { countries }) : null;
    if (place) {
      const wikipedia = gaz.wikipediaTitle(e.name);
      const entry = placeEntry(place, wikipedia, gaz);
      const same = byId.get(entry.id);
      if (same) {
        // Two spellings of one place ("Kyiv" found twice under two types): one entity.
        same.mentions = [...same.mentions, ...e.mentions].sort((a, b) => a.start - b.start);
        same.mentionCount = same.mentions.length;
        drop.add(e);
        continue;
      }
      entries.set(entry.id, entry);
      Object.assign(e, { id: entry.id, type: 'place', description: entry.description, wikipedia });
      byId.set(entry.id, e);
      continue;
    }
    // A one-word name is too often a word with its own article ("Apple" the fruit): only longer names are linked.
    // Nor is a generic phrase ("Central Bank"): the article means its own country's, not the article of that title.
    if (!e.wikipedia && /\s/.test(e.name.trim()) && !isGenericPhrase(e.name)) e.wikipedia = gaz.wikipediaTitle(e.name);
  }
  if (drop.size) result.entities = result.entities.filter((e) => !drop.has(e));
  return { result, entries };
}

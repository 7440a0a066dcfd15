import { describe, expect, it } from 'vitest';
import { createGazetteer, type GazetteerData } from '../../lib/kb/gazetteer.ts';
import { enrichWithGazetteer, placeId } from '../../lib/kb/gazetteer-enrich.ts';
import { indexForLanguage } from '../../lib/kb/gazetteer-languages.ts';
import type { AnalysisResult, Entity, EntityType, KbIndex } from '../../lib/engine/types.ts';
import { EntrySchema } from '../../lib/kb/schema.ts';
import * as v from 'valibot';

const data: GazetteerData = {
  version: 1,
  asOf: '2023-03',
  retrieved: '2026-12-04',
  countries: { XA: 'Aland', XB: 'Borovia' },
  regions: { 'XA.01': 'Northmark', 'XB.05': 'Kestrel' },
  cities: [
    ['Porto Vel', 'XA', '01', 900_000, 2],
    ['Porto Vel', 'XB', '05', 30_000, 4],
    ['Florin', 'XA', '01', 50_000, 9],
  ],
  titles: ['porto vel', 'mara quint', 'lumen works', 'florin'],
  foreign: {},
};
const gaz = createGazetteer(data);

/** An analysis of `text` holding unknown names at the given spans (the engine's output, made by hand). */
function resultOf(text: string, names: [string, EntityType][], known: Partial<Entity>[] = []): AnalysisResult {
  const entities: Entity[] = names.map(([name, type]) => {
    const mentions = [...text.matchAll(new RegExp(name, 'g'))].map((m) => ({
      start: m.index!,
      end: m.index! + name.length,
      text: name,
    }));
    return {
      id: null,
      key: `new:${type}:${name.toLowerCase()}`,
      name,
      type,
      wikipedia: null,
      description: null,
      mentions,
      mentionCount: mentions.length,
      salience: 0.5,
      source: 'ner',
      confidence: 0.6,
    };
  });
  for (const k of known) entities.push({ ...entities[0]!, mentions: [], ...k } as Entity);
  return { title: '', wordCount: 40, partial: false, complete: true, entities, figures: [] };
}

describe('enrichWithGazetteer', () => {
  it('makes a city the engine found a place, with a GeoNames-cited population entry', () => {
    const text = 'Flooding closed roads in Porto Vel on Monday. Residents of Porto Vel were told to wait.';
    const { result, entries } = enrichWithGazetteer(resultOf(text, [['Porto Vel', 'organization']]), text, gaz);
    const e = result.entities[0]!;
    expect(e).toMatchObject({ id: 'geonames-2', type: 'place', description: 'City in Northmark, Aland' });
    expect(e.wikipedia).toBe('Porto_Vel');
    const entry = entries.get('geonames-2')!;
    expect(() => v.parse(EntrySchema, entry)).not.toThrow();
    expect(entry.summary).toBe('City in Northmark, Aland; population 900,000 (GeoNames, 2023-03).');
    expect(entry.facts[0]).toMatchObject({
      label: 'Population',
      value: 900_000,
      asOf: '2023-03',
      source: { dataset: 'geonames-cities500', url: 'https://www.geonames.org/2' },
    });
  });

  it('takes the place in a country the article names', () => {
    const text = 'Borovia said the port of Porto Vel would reopen.';
    const r = resultOf(
      text,
      [['Porto Vel', 'place']],
      [{ id: 'borovia', key: 'borovia', name: 'Borovia', type: 'country' }],
    );
    expect(enrichWithGazetteer(r, text, gaz).result.entities[0]!.id).toBe('geonames-4');
  });

  it('leaves people people, even when a town has their name', () => {
    const text = 'The minister, Florin, said the plan would work.';
    const { result, entries } = enrichWithGazetteer(resultOf(text, [['Florin', 'person']]), text, gaz);
    expect(result.entities[0]).toMatchObject({ id: null, type: 'person' });
    expect(entries.size).toBe(0);
  });

  it('does not make a place of a name seen only at the start of sentences', () => {
    const text = 'Florin is what they call it. Florin again.';
    expect(enrichWithGazetteer(resultOf(text, [['Florin', 'organization']]), text, gaz).result.entities[0]!.id).toBe(
      null,
    );
  });

  it('links a longer unknown name to its Wikipedia article, not a one-word one', () => {
    const text = 'Analysts at Lumen Works praised Mara Quint and Florin.';
    const r = resultOf(text, [
      ['Lumen Works', 'organization'],
      ['Mara Quint', 'person'],
      ['Florin', 'person'],
    ]);
    const out = enrichWithGazetteer(r, text, gaz).result.entities;
    expect(out.map((e) => e.wikipedia)).toEqual(['Lumen_Works', 'Mara_Quint', null]);
    expect(out.every((e) => e.id === null)).toBe(true);
  });

  it('joins two names for one place into one entity', () => {
    const text = 'Ships left Porto Vel. Later, in PORTO VEL, crews rested.';
    const r = resultOf(text, [
      ['Porto Vel', 'place'],
      ['PORTO VEL', 'organization'],
    ]);
    const out = enrichWithGazetteer(r, text, gaz).result.entities;
    expect(out).toHaveLength(1);
    expect(out[0]!.mentionCount).toBe(2);
  });

  it('gives regions an id of their own', () => {
    expect(placeId(gaz.lookupPlace('Kestrel Oblast')!)).toBe('geonames-admin1-xb-05');
  });
});

describe('indexForLanguage', () => {
  const index: KbIndex = {
    version: 1,
    entries: [
      {
        id: 'germany',
        name: 'Germany',
        type: 'country',
        wikipedia: 'Germany',
        description: '',
        cues: [],
        prior: 1,
        related: [],
        pack: 'world',
      },
    ],
    aliases: { germany: [{ e: 0, s: 'Germany' }] },
    maxTokens: 1,
    packs: [],
  };
  const names = { fr: { Allemagne: 'germany', 'République fédérale d’Allemagne': 'germany', Nulle: 'nowhere' } };

  it('adds the page language’s names of the countries the packs know', () => {
    const fr = indexForLanguage(index, names, 'fr');
    expect(fr.aliases['allemagne']).toEqual([{ e: 0, s: 'Allemagne' }]);
    expect(fr.maxTokens).toBeGreaterThan(1);
    expect(fr.aliases['nulle']).toBeUndefined();
  });

  it('adds nothing for other languages, and leaves the shared index untouched', () => {
    expect(indexForLanguage(index, names, 'de')).toBe(index);
    indexForLanguage(index, names, 'fr');
    expect(index.aliases['allemagne']).toBeUndefined();
  });
});

/**
 * data/packs/world/organizations-parties.json is generated from the Factbook's party lists
 * (data/sources/factbook/parties.json) and our decisions (parties-curated.json) by
 * scripts/import/parties.ts: regenerating it must change nothing, every party carries its
 * country and its dated leader from the Factbook, and no abbreviation that is an ordinary word
 * or names something else is taken as an alias.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateParties, OUT, serializeEntries } from '../../scripts/import/parties.ts';
import { decodeEntities, parseParty } from '../../scripts/import/factbook-party-text.ts';

type Fact = { label: string; value: unknown; asOf?: string; source: { url: string; dataset?: string } };
type Entry = { id: string; name: string; aliases: string[]; facts: Fact[]; cues: string[] };

describe('world/organizations-parties.json', () => {
  const entries = generateParties() as unknown as Entry[];

  it('is exactly what scripts/import/parties.ts makes from the extract (re-run it after changing an input)', () => {
    expect(serializeEntries(entries) === readFileSync(OUT, 'utf8')).toBe(true);
  });

  it('gives each party its country (January 2026) and leader (July 2024), cited to the Factbook page of that snapshot', () => {
    expect(entries.length).toBeGreaterThan(30);
    for (const e of entries) {
      const [country, leader] = e.facts;
      expect(country!.source.dataset, e.id).toBe('factbook-json');
      expect(country!.asOf, e.id).toBe('2026-01-22');
      expect(leader!.source.dataset, e.id).toBe('factbook-json-2024');
      expect(leader!.asOf, e.id).toBe('2024-07-25');
      expect(leader!.source.url, e.id).toMatch(/factbook\.json\/blob\/0cb3145a/);
      expect(e.cues.length, e.id).toBeGreaterThan(1);
    }
    const afd = entries.find((e) => e.name === 'Alternative for Germany')!;
    expect(afd.aliases).toEqual(['AfD']);
    expect(afd.facts.map((f) => f.value)).toEqual(['Germany', 'Alice Weidel and Tino Chrupalla']);
  });

  it('leaves out leaders found out of date in the Factbook, and parties the title would mistake', () => {
    const names = entries.map((e) => e.name);
    for (const n of ['Nationalist Congress Party', 'Shiv Sena', 'Renaissance', 'Momentum Movement', 'Transformers'])
      expect(names, n).not.toContain(n);
  });

  it('takes no abbreviation that is an ordinary word or another thing as an alias', () => {
    const aliases = entries.flatMap((e) => e.aliases);
    for (const a of ['INC', 'SP', 'SS', 'RN', 'SD', 'CS', 'Kok', 'MoDem', 'Volt']) expect(aliases, a).not.toContain(a);
  });

  it('reads the Factbook field: entities decoded, abbreviations after "or", leaders in brackets', () => {
    expect(decodeEntities('Partido Revolucionario Institucional &amp; R&eacute;sistons! &#8217;')).toBe(
      'Partido Revolucionario Institucional & Résistons! ’',
    );
    expect(parseParty('Democratic Party for the People or DPFP or DPP [Yuichiro TAMAKI]')).toEqual({
      name: 'Democratic Party for the People',
      abbreviations: ['DPFP', 'DPP'],
      leaders: 'Yuichiro TAMAKI',
    });
    expect(parseParty('Labor (Labour) Party [Sir Keir STARMER]').name).toBe('Labor');
  });
});

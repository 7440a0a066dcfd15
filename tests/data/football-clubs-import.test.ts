/**
 * data/packs/world/sports-clubs.json is generated from the football-datasets extract
 * (data/sources/football/seasons.csv) and our decisions (curated.json) by
 * scripts/import/football-clubs.ts: regenerating it must change nothing, every fact cites the
 * registered dataset, one-word short names need football words in the article, and no club
 * repeats an entry of the other packs.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateClubs, OUT, seasonLabel, seasonRanges, serializeEntries } from '../../scripts/import/football-clubs.ts';
import { aliasKey } from '../../lib/kb/alias-key.ts';
import { ROOT } from '../../scripts/import/lib.ts';

type Fact = { label: string; value: unknown; source: { url: string; dataset?: string } };
type Entry = { id: string; name: string; aliases: string[]; facts: Fact[]; cues?: string[]; wikipedia: string };

describe('world/sports-clubs.json', () => {
  const entries = generateClubs() as unknown as Entry[];

  it('is exactly what scripts/import/football-clubs.ts makes from the extract (re-run it after changing an input)', () => {
    expect(serializeEntries(entries) === readFileSync(OUT, 'utf8')).toBe(true);
  });

  it('cites the registered football dataset at its commit for every fact, at least three per club', () => {
    expect(entries.length).toBeGreaterThan(200);
    for (const e of entries) {
      expect(e.facts.length, e.id).toBeGreaterThanOrEqual(3);
      for (const f of e.facts) {
        expect(f.source.dataset, e.id).toBe('football-datasets');
        expect(f.source.url, e.id).toMatch(/^https:\/\/github\.com\/datasets\/football-datasets\/tree\/[0-9a-f]{40}\//);
      }
    }
  });

  it('merges the labels the dataset spells two ways (Villareal/Villarreal, Dusseldorf/Fortuna Dusseldorf)', () => {
    const villarreal = entries.find((e) => e.id === 'villarreal-cf')!;
    expect(villarreal.facts[0]!.value).toBe(26);
    expect(entries.filter((e) => e.name === 'Fortuna Düsseldorf')).toHaveLength(1);
    expect(entries.find((e) => e.name === 'Fortuna Düsseldorf')!.facts[0]!.value).toBe(5);
  });

  it('gives every one-word short name ("Liverpool", "Inter", "Bayern") football cues', () => {
    for (const e of entries)
      if (e.aliases.some((a) => aliasKey(a).split(' ').length === 1))
        expect(e.cues ?? [], e.id).toEqual(expect.arrayContaining(['football', 'striker']));
    expect(entries.find((e) => e.id === 'liverpool-fc')!.aliases).toContain('Liverpool');
  });

  it('repeats no name, alias or Wikipedia title of the other packs', () => {
    const taken = new Set<string>();
    for (const pack of readdirSync(join(ROOT, 'data', 'packs')))
      for (const file of readdirSync(join(ROOT, 'data', 'packs', pack))) {
        const path = join(ROOT, 'data', 'packs', pack, file);
        if (file === 'pack.json' || path === OUT) continue;
        for (const e of JSON.parse(readFileSync(path, 'utf8')) as Entry[]) {
          for (const a of [e.name, ...e.aliases]) taken.add(aliasKey(a));
          if (e.wikipedia) taken.add(`wp:${e.wikipedia.toLowerCase()}`);
        }
      }
    for (const e of entries) {
      for (const a of [e.name, ...e.aliases]) expect(taken.has(aliasKey(a)), `${e.id}: ${a}`).toBe(false);
      expect(taken.has(`wp:${e.wikipedia.toLowerCase()}`), e.id).toBe(false);
    }
  });

  it('writes seasons as football does (1999–2000, 2000–01) and joins consecutive ones', () => {
    expect(seasonLabel('season-9900.csv')).toBe('1999–2000');
    expect(seasonLabel('season-0001.csv')).toBe('2000–01');
    const all = ['2000–01', '2001–02', '2002–03', '2003–04'];
    expect(seasonRanges(['2000–01', '2001–02', '2003–04'], all)).toBe('2000–01 to 2001–02, 2003–04');
  });
});

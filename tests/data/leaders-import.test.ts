/**
 * data/packs/world/people-leaders.json is generated from the reviewed world-leaders-current
 * extract by scripts/import/leaders-people.ts, and the countries' offices take the same rows
 * when they are newer. Regenerating must change nothing, and no curated entry may go on
 * claiming an office the dataset shows someone else took after the entry's "as of" date.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateLeaderPeople, OUT, serializeEntries } from '../../scripts/import/leaders-people.ts';
import { readCurrentOffices } from '../../scripts/import/leaders-current-rows.ts';
import { ROOT } from '../../scripts/lib/read-packs.ts';

type Fact = { label: string; value: unknown; kind: string; asOf?: string };
type Entry = { id: string; name: string; type: string; facts: Fact[]; wikidata?: string };

function allEntries(): Entry[] {
  const out: Entry[] = [];
  for (const pack of ['central-asia', 'world']) {
    const dir = join(ROOT, 'data', 'packs', pack);
    for (const f of readdirSync(dir))
      if (f.endsWith('.json') && f !== 'pack.json') out.push(...(JSON.parse(readFileSync(join(dir, f), 'utf8')) as Entry[]));
  }
  return out;
}

describe('world/people-leaders.json', () => {
  const entries = generateLeaderPeople();

  it('is exactly what scripts/import/leaders-people.ts makes from the extract (re-run it after changing an input)', () => {
    expect(serializeEntries(entries) === readFileSync(OUT, 'utf8')).toBe(true);
  });

  it('gives each office holder the office, the day it began and the birth date, cited to the Wikidata item', () => {
    const burnham = entries.find((e) => e.id === 'andy-burnham')!;
    expect(burnham.facts.map((f) => [f.label, f.value])).toEqual([
      ['Office', 'Prime Minister of the United Kingdom'],
      ['Took office', '20 July 2026'],
      ['Born', '7 January 1970'],
    ]);
    for (const e of entries)
      for (const f of e.facts) {
        const source = f.source as { url: string; dataset: string };
        if (e.wikidata) expect(source.url, e.id).toBe(`https://www.wikidata.org/wiki/${e.wikidata}`);
        else expect(source.dataset, e.id).toBe('factbook-json');
      }
  });

  it("takes the Factbook's holders only under a name that is an English Wikipedia title, with the other forms as aliases", () => {
    const museveni = entries.find((e) => e.id === 'yoweri-museveni')!;
    expect(museveni.wikipedia).toBe('Yoweri_Museveni');
    expect(museveni.aliases).toContain('Yoweri Kaguta Museveni');
    expect(museveni.facts.map((f) => [f.label, f.value])).toEqual([
      ['Office', 'President of Uganda'],
      ['Took office', '26 January 1986'],
    ]);
  });

  it('never makes a second entry for someone another pack has (Charles III reigns in several realms, Xi Jinping is curated)', () => {
    const names = entries.map((e) => e.name);
    expect(names).not.toContain('Charles III');
    expect(names).not.toContain('Xi Jinping');
    expect(new Set(names).size).toBe(names.length);
  });

  it('ignores the rows rejected on review (a crown prince listed as king)', () => {
    const saudi = readCurrentOffices().filter((o) => o.iso === 'SA');
    expect(saudi.map((o) => o.role)).toEqual(['hog']);
  });
});

describe('offices across the packs', () => {
  it('no entry still claims an office that the dataset shows another person took after its "as of" date', () => {
    const stale: string[] = [];
    const rows = readCurrentOffices();
    for (const e of allEntries())
      for (const f of e.facts) {
        if (f.kind !== 'office' || typeof f.value !== 'string' || !f.asOf) continue;
        for (const o of rows) {
          const office = new RegExp(`^${o.title} of (the )?${o.country}\\b`);
          const country = e.type === 'country' && e.name === o.country && f.value.startsWith(o.title + ' ');
          const claims = office.test(f.value) || country;
          if (claims && !f.value.includes(o.holder) && e.name !== o.holder && f.asOf < o.since)
            stale.push(`${e.id}: ${f.label} = ${f.value} (as of ${f.asOf}; ${o.holder} since ${o.since})`);
        }
      }
    expect(stale).toEqual([]);
  });
});

/**
 * data/packs/world/people-leaders-2021.json is generated from the committed extract of the
 * Wikidata table of 2021–2022 heads of state and government and the countries pack's newest
 * offices by scripts/import/leaders-2021-people.ts: regenerating it must change nothing, and no
 * entry may present a 2021 office as current on the table's word alone.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  generateLeaders2021,
  OUT,
  sameName,
  serializeEntries,
  TABLE_DATE,
} from '../../scripts/import/leaders-2021-people.ts';
import { ROOT } from '../../scripts/lib/read-packs.ts';
import { checkedOffices } from '../../scripts/import/newest-offices.ts';

type Source = { url: string; dataset?: string; publisher?: string; title?: string };
type Fact = { label: string; value: unknown; kind: string; asOf?: string; source: Source; note?: string };
type Entry = {
  id: string;
  name: string;
  aliases: string[];
  description: string;
  facts: Fact[];
  wikipedia: string;
  wikidata: string;
  cues: string[];
};

describe('world/people-leaders-2021.json', () => {
  const entries = generateLeaders2021() as unknown as Entry[];
  const byId = (id: string) => entries.find((e) => e.id === id)!;

  it('is exactly what scripts/import/leaders-2021-people.ts makes from the extract (re-run it after changing an input)', () => {
    expect(serializeEntries(entries) === readFileSync(OUT, 'utf8')).toBe(true);
  });

  it('has at least two facts per person, the 2021 office cited to the Wikidata item of the holder', () => {
    expect(entries.length).toBeGreaterThan(250);
    for (const e of entries) {
      expect(e.facts.length, e.id).toBeGreaterThanOrEqual(2);
      expect(e.wikidata, e.id).toMatch(/^Q\d+$/);
      expect(e.cues.length, e.id).toBeGreaterThan(0);
      for (const f of e.facts)
        if (f.source.dataset === 'wikidata-world-leaders')
          expect(f.source.url, e.id).toBe(`https://www.wikidata.org/wiki/${e.wikidata}`);
    }
  });

  it('never presents a 2021 office as current on the table alone: "former", a newer source, or "may have changed"', () => {
    for (const e of entries) {
      const office = e.facts.find((f) => f.label === 'Office')!;
      if (e.description.startsWith('Former ')) {
        expect(office, e.id).toBeUndefined();
        continue;
      }
      if (office.source.dataset === 'wikidata-world-leaders') {
        expect(office.asOf, e.id).toBe(TABLE_DATE);
        expect(e.description, e.id).toMatch(/in office as of October 2022; may have changed\)$/);
      } else {
        expect(office.asOf! > TABLE_DATE, e.id).toBe(true);
        expect(e.description, e.id).toMatch(/\(in office as of \w+ 20(2[3-9])\)$/);
      }
    }
  });

  it('names the present holder, with the newer source and its date, when someone else holds the office', () => {
    const marin = byId('sanna-marin');
    expect(marin.description).toBe('Former Prime Minister of Finland (took office in 2019)');
    const now = marin.facts.find((f) => f.label === 'Office now held by')!;
    expect([now.value, now.asOf, now.source.dataset]).toEqual(['Petteri Orpo', '2026-01-22', 'factbook-json']);
    const rama = byId('edi-rama');
    expect(rama.description).toBe('Prime Minister of Albania since 2013 (in office as of January 2026)');
    // Kuwait's emir of 2020 is not the emir of 2026, though the names share three words.
    expect(byId('nawaf-al-ahmad-al-jaber-al-sabah').description).toMatch(/^Former Emir of Kuwait/);
  });

  it('uses the offices checked by hand when no newer source names the holder: former, with the holder the page names', () => {
    const castillo = byId('pedro-castillo');
    expect(castillo.description).toBe('Former President of Peru (took office in 2021)');
    const now = castillo.facts.find((f) => f.label === 'Office now held by')!;
    expect([now.value, now.asOf, now.source.publisher]).toEqual(['José María Balcázar', '2026-02-19', 'Euronews']);
    expect(now.note).toMatch(/^President of Peru; /);
    expect(byId('tsai-ing-wen').facts.find((f) => f.label === 'Office now held by')!.value).toBe('Lai Ching-te');
    // Still in office per the page: "in office as of" its date, cited to it.
    const kurti = byId('albin-kurti');
    expect(kurti.description).toBe('Prime Minister of Kosovo since 2021 (in office as of February 2026)');
    expect(kurti.facts.find((f) => f.label === 'Office')!.source.publisher).toBe('European Western Balkans');
    expect((kurti as Entry & { summary: string }).summary).toMatch(
      /Albin Kurti still held the office as of February 2026, according to European Western Balkans\./,
    );
  });

  it('matches a checked office to its holder, not to the office: two claimants of one office part ways', () => {
    expect(byId('abdul-hamid-dbeibeh').description).toMatch(/^Prime Minister of Libya since 2021 \(in office as of/);
    expect(byId('fathi-bashagha').description).toBe('Former Prime Minister of Libya (took office in 2022)');
  });

  it('counts a holder who left the office and came back from the return', () => {
    const martin = byId('micheal-martin') as Entry & { summary: string };
    expect(martin.description).toBe('Taoiseach since 2025 (in office as of January 2025)');
    expect(martin.summary).toMatch(/Micheál Martin held the office again as of January 2025, according to TheJournal\.ie\./);
  });

  it('applies every hand-checked office to an entry, citing a page with publisher, title and date', () => {
    const checked = checkedOffices();
    expect(checked.length).toBeGreaterThan(50);
    for (const c of checked) {
      const e = entries.find((x) => x.wikidata === c.person);
      expect(e, c.person).toBeDefined();
      const f = e!.facts.find((x) => x.source.url === c.source.url)!;
      expect(f, `${c.person} cites ${c.source.url}`).toBeDefined();
      expect([f.label, f.asOf]).toEqual([c.holds ? 'Office' : 'Office now held by', c.asOf]);
      expect(c.source.publisher && c.source.title, c.person).toBeTruthy();
      expect(c.source.url, c.person).toMatch(/^https:\/\//);
    }
    // What no page settled keeps "may have changed", and nothing else does.
    const open = entries.filter((e) => /may have changed\)$/.test(e.description));
    expect(open.length).toBeLessThan(10);
    for (const e of open) expect(checked.some((c) => c.person === e.wikidata), e.id).toBe(false);
  });

  it('tells people apart by every word of the shorter name, across transliterations', () => {
    expect(sameName('Mohammed bin Rashid Al Maktoum', 'Muhammad bin Rashid Al Maktum')).toBe(true);
    expect(sameName('Jonas Gahr Støre', 'Jonas Gahr Store')).toBe(true);
    expect(sameName('Salman bin Hamad bin Isa Al Khalifa', 'Crown Prince Salman bin Hamad Al Khalifa')).toBe(true);
    expect(sameName('Nawaf Al-Ahmad Al-Jaber Al-Sabah', 'Mishal al-Ahmad al-Jabir al-Sabah')).toBe(false);
    expect(sameName('Ahmad Nawaf Al-Ahmad Al-Sabah', 'Ahmad Abdullah Al-Ahmad al Sabah')).toBe(false);
  });

  it('makes no second entry for anyone another pack has (by name, alias, Wikipedia title or Wikidata item)', () => {
    const names = new Set<string>();
    const titles = new Set<string>();
    const items = new Set<string>();
    for (const pack of readdirSync(join(ROOT, 'data', 'packs'))) {
      const dir = join(ROOT, 'data', 'packs', pack);
      for (const f of readdirSync(dir)) {
        if (f === 'pack.json' || join(dir, f) === OUT) continue;
        for (const e of JSON.parse(readFileSync(join(dir, f), 'utf8')) as Partial<Entry>[]) {
          for (const n of [e.name!, ...(e.aliases ?? [])]) names.add(n.toLowerCase());
          if (e.wikipedia) titles.add(e.wikipedia);
          if (e.wikidata) items.add(e.wikidata);
        }
      }
    }
    for (const e of entries) {
      expect(names.has(e.name.toLowerCase()), e.id).toBe(false);
      expect(titles.has(e.wikipedia), e.id).toBe(false);
      expect(items.has(e.wikidata), e.id).toBe(false);
    }
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });

  it('leaves out open terms of Captains Regent, which end every six months', () => {
    for (const e of entries)
      expect(
        e.facts.some((f) => f.label === 'Office' && String(f.value).startsWith('Captain Regent')),
        e.id,
      ).toBe(false);
  });
});

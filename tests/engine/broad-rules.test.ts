/**
 * General rules for everyday news pages (issue 16): where a name ends, what a gazetteer place,
 * a model number or a common abbreviation is, and which words belong to a name. Articles
 * and names are written for the tests; made-up places stand in for the gazetteer.
 */
import { describe, it, expect } from 'vitest';
import { findNames, tagTerms } from '../../lib/engine/ner.ts';
import { scoreNames } from '../../lib/engine/name-scores.ts';
import { shippedEngine as engine } from '../fixtures/shipped-engine.ts';
import { createGazetteer, type GazetteerData } from '../../lib/kb/gazetteer.ts';
import { analyzeInTiers, isKnownPlace, ONE_WORD_CITY_MIN_POPULATION } from '../../lib/background/tiers.ts';
import { cliTiers } from '../../cli/tiers.ts';
import { isGenericPhrase } from '../../lib/engine/rules.ts';
import { enrichWithGazetteer } from '../../lib/kb/gazetteer-enrich.ts';
import type { AnalysisResult, Entity } from '../../lib/engine/types.ts';

const PLACES = new Set(['Tarrowmere', 'Tarrow on Sea', 'Alaska', 'Centre']);
const knownPlace = (name: string) => PLACES.has(name);
const names = (text: string) => findNames(text, { knownPlace }).map((n) => `${n.text}/${n.type}`);

const entities = (text: string) => engine.analyze({ text }).entities;

describe('engine/ner: where a name ends', () => {
  it('never across a line break: a heading ending in a place and a paragraph opening with a name', () => {
    const found = names('Floods hit towns in Kazakhstan\n\nThe Halden River Trust said the water rose.');
    expect(found).toContain('Halden River Trust/organization');
    expect(found.some((n) => n.includes('\n'))).toBe(false);
  });

  it("a section's number is not part of the name after it", () => {
    const found = names('Contents\n4.3 Quorra Location Service\n4.4 History');
    expect(found).toContain('Quorra Location Service/organization');
    expect(found.some((n) => /^\d/u.test(n))).toBe(false);
  });

  it('a long capitalised run filling a quotation is a cited title, not a name', () => {
    const text = 'The notes cite "Zelbrook Releases Quorrin Version of Marrowfox OS", and Zelbrook agreed.';
    expect(names(text).some((n) => n.startsWith('Zelbrook Releases'))).toBe(false);
  });

  it('a law named by a people\'s adjective is a description ("the British Bill")', () => {
    expect(names('According to the notes of the British Bill, the code protects the public.')).toEqual([]);
  });

  it('"X-based" before a name is an attribute, not a word of the name', () => {
    const found = names('The Nairobi-based Kiprono Savings Group said profits rose.');
    expect(found).toContain('Kiprono Savings Group/organization');
    expect(found.some((n) => n.includes('based'))).toBe(false);
  });

  it('a place of several words before "-based" is an attribute too, neither a name of its own nor a word of the next', () => {
    const found = names('The Harlow Island-based Tessa M. Quarrie Company said it would sell the boat.');
    expect(found).toContain('Tessa M. Quarrie Company/organization');
    expect(found.some((n) => n.includes('Harlow') || n.includes('based'))).toBe(false);
  });

  it("a country's people named by the knowledge base's country name are a description, not a person", () => {
    const found = entities('Many New Zealanders and Sri Lankans were upset, Ben Hollander said on Monday.').map(
      (e) => e.name,
    );
    expect(found).toContain('Ben Hollander');
    expect(found.some((n) => /Zealanders|Lankans/u.test(n))).toBe(false);
  });

  it('a body\'s branch named by its seat is a mention of the place ("the tribunal\'s Tarrowmere Bench")', () => {
    const found = names('The National Appeals Tribunal, Tarrowmere Bench, approved the merger on Thursday.');
    expect(found).toContain('Tarrowmere/place');
    expect(found.some((n) => n.includes('Bench'))).toBe(false);
  });

  it('a plural noun opening a sentence, then "on", is not a word of the name ("Stocks on Wall Street rose")', () => {
    const found = names('Investors were nervous. Stocks on Quillon Street rose after the decision.');
    expect(found).toContain('Quillon Street/place');
    expect(found.some((n) => n.startsWith('Stocks'))).toBe(false);
  });

  it('an office runs from its first title word: a place before it stays a place, the person after it a person', () => {
    const found = names('“We are ready,” Tarrowmere Assistant City Manager Ben Quistorp said on Monday.');
    expect(found).toContain('Tarrowmere/place');
    expect(found).toContain('Ben Quistorp/person');
    expect(found.some((n) => n.includes('Assistant'))).toBe(false);
  });

  it('a particle inside a place the gazetteer knows stays, and the place ends there', () => {
    const found = names('Dana Quist has won Tarrow on Sea for Reform Zelby, the count showed.');
    expect(found).toContain('Tarrow on Sea/place');
    expect(found.some((n) => n.includes(' for '))).toBe(false);
  });

  it('"on" joins a name after a body\'s head word only', () => {
    const scored = (text: string) => scoreNames(text, tagTerms(text), []).map((n) => n.text);
    expect(scored('Members of the Quorra Council on Tidal Zelbrook met.')).toContain(
      'Quorra Council on Tidal Zelbrook',
    );
    expect(scored('Talks with Quorra Zelbrook on Tidal Marrow ended.').join(' ')).not.toMatch(/ on /u);
  });
});

describe('engine/name-scores: general evidence', () => {
  it('a name alone in brackets is not at a sentence start ("Sen. X (Alaska)")', () => {
    expect(names('Sen. Ada Quistorp (Alaska) voted against the bill.')).toContain('Alaska/place');
  });

  it('a word capitalised mid-sentence elsewhere is not weighed down where it opens a sentence', () => {
    const found = names(
      'Progress candidate Ada Quistorp won the seat. The swing to Progress was large, and Progress gained most.',
    );
    expect(found).toContain('Progress/organization');
  });

  it("a lone word tagged as a person's name is a surname, not a town of that name", () => {
    expect(names('The deal was signed by Wilson on Monday.')).not.toContain('Wilson/place');
    const withWilson = findNames('The deal was signed by Wilson on Monday.', { knownPlace: (n) => n === 'Wilson' });
    expect(withWilson.map((n) => n.type)).not.toContain('place');
  });

  it('a run that begins with a city is not a person ("Chandigarh Bench")', () => {
    const found = findNames('The tribunal, Tarrowmere Bench, approved the merger on Thursday.', { knownPlace });
    expect(found.filter((n) => n.text.startsWith('Tarrowmere')).map((n) => n.type)).not.toContain('person');
  });

  it('a lone word compromise knows as an ordinary noun is that word, even if a place has its name ("Centre")', () => {
    expect(names('The Centre will reopen soon, and the Centre staff said the Centre is safe.')).not.toContain(
      'Centre/place',
    );
  });

  it('a demonym is not a name ("Alaskan")', () => {
    expect(names('The Alaskan said so, and Alaskan voters agreed, as Alaskan officials added.')).toEqual([]);
  });

  it('two capitals alone are not an unknown name, however often they recur', () => {
    expect(names('The OS update broke the laptop, the OS failed again, and OS makers apologised.')).toEqual([]);
  });
});

describe('engine with the shipped knowledge base: broad-news rules', () => {
  it('a common-noun abbreviation is not taken for a knowledge-base entry (data/rules/common-abbreviations.json)', () => {
    const ids = entities('Nvidia sells chips for AI, and AI data centers are growing.').map((e) => e.id);
    expect(ids).not.toContain('artificial-intelligence');
  });

  it('a maker and a model number name a product; a quantity word keeps the number a figure', () => {
    const found = entities('Microsoft 365 users could not log in, and Microsoft said a fix was coming.');
    expect(found.map((e) => `${e.name}/${e.type}`)).toContain('Microsoft 365/concept');
    expect(found.find((e) => e.id === 'microsoft')?.mentions.map((m) => m.text)).toEqual(['Microsoft']);
    const shares = entities('Shares of Microsoft 3 per cent higher lifted the index.');
    expect(shares.map((e) => e.name)).not.toContain('Microsoft 3');
    // A number that runs on into letters is the model's own name, not a model number after the maker.
    expect(entities('Fans queued for NBA 2K17 on Friday.').map((e) => e.name)).not.toContain('NBA 2');
  });

  it('a country\'s formal name around its short one is that country ("Republic of Congo")', () => {
    const found = entities(
      'Cases rose in the Democratic Republic of Congo (DRC), and the Republic of Congo and Cameroon saw more; the Republic of Congo said so.',
    );
    expect(found.map((e) => e.id)).toContain('republic-of-the-congo');
    expect(found.filter((e) => !e.id).map((e) => e.name)).not.toContain('Republic of Congo');
  });
});

describe('gazetteer as evidence (lib/background/tiers.ts)', () => {
  const data: GazetteerData = {
    version: 1,
    asOf: '2023-03',
    retrieved: '2026-12-04',
    countries: { XA: 'Aland' },
    regions: { 'XA.01': 'Northmark' },
    cities: [
      ['Porto Vel', 'XA', '01', 900_000, 2],
      ['Florin', 'XA', '01', ONE_WORD_CITY_MIN_POPULATION, 9],
      ['Tata', 'XA', '01', ONE_WORD_CITY_MIN_POPULATION - 1, 11],
      ['Sea Vale', 'XA', '01', 20_000, 12],
    ],
    titles: [],
    foreign: {},
  };
  const gaz = createGazetteer(data);

  it('one-word cities count from a size on, regions and longer names at any size', () => {
    expect(isKnownPlace(gaz, 'Florin')).toBe(true);
    expect(isKnownPlace(gaz, 'Tata')).toBe(false);
    expect(isKnownPlace(gaz, 'Northmark')).toBe(true);
    expect(isKnownPlace(gaz, 'Sea Vale')).toBe(true);
  });

  it('the CLI and the background give the engine the same evidence: a city named once is found and typed', () => {
    const { result } = analyzeInTiers(
      { text: 'Water service returned to parts of Asheville on Monday after the storm.' },
      cliTiers(),
    );
    const asheville = result.entities.find((e) => e.name === 'Asheville');
    expect(asheville?.type).toBe('place');
    expect(asheville?.id).toMatch(/^geonames-/);
  });

  it('the quick pass, which has no gazetteer yet, does not find it', () => {
    const { result } = analyzeInTiers(
      { text: 'Water service returned to parts of Asheville on Monday after the storm.', quick: true },
      cliTiers(),
    );
    expect(result.entities.map((e) => e.name)).not.toContain('Asheville');
  });

  it('a generic two-word phrase is not linked to the Wikipedia article of that title', () => {
    const text = 'The Central Bank raised rates, and the Harbour Quarrel Fund objected.';
    const entity = (name: string): Entity => ({
      id: null,
      key: `new:organization:${name.toLowerCase()}`,
      name,
      type: 'organization',
      wikipedia: null,
      description: null,
      mentions: [{ start: text.indexOf(name), end: text.indexOf(name) + name.length, text: name }],
      mentionCount: 1,
      salience: 0.5,
      source: 'ner',
      confidence: 0.6,
    });
    const result: AnalysisResult = {
      title: '',
      wordCount: 12,
      partial: false,
      complete: true,
      entities: [entity('Central Bank'), entity('Harbour Quarrel Fund')],
      figures: [],
    };
    const linking = createGazetteer({ ...data, titles: ['central bank', 'harbour quarrel fund'] });
    const out = enrichWithGazetteer(result, text, linking).result.entities.map((e) => e.wikipedia);
    expect(out).toEqual([null, 'Harbour_Quarrel_Fund']);
  });

  it('a generic two-word phrase is one of a generic modifier and a generic head ("Central Bank")', () => {
    expect(isGenericPhrase('Central Bank')).toBe(true);
    expect(isGenericPhrase('Foreign Ministry')).toBe(true);
    expect(isGenericPhrase('Reserve Bank')).toBe(false);
    expect(isGenericPhrase('Army National Guard')).toBe(false);
  });
});

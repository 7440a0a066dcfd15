/**
 * Names everyday news uses that the knowledge base lacks: companies named after a country,
 * bodies named before an office, events, owned brands, double-barrelled surnames. Each case
 * names the weight or rule it depends on; articles written for the test.
 */
import { describe, it, expect } from 'vitest';
import { findNames } from '../../lib/engine/ner.ts';
import { createEngine } from '../../lib/engine/index.ts';
import { testIndex } from '../fixtures/test-kb.ts';

const names = (text: string) => findNames(text).map((n) => `${n.text}/${n.type}`);
const engine = createEngine(testIndex);
const entities = (text: string) =>
  engine.analyze({ text }).entities.map((e) => `${e.name}/${e.type}/${e.id ?? 'new'}/${e.mentions.length}`);

describe('engine/name-scores: more evidence for a name', () => {
  it('titleAfter: an office after unfamiliar words makes them the body that holds it', () => {
    expect(names('The board met after the Velora Oil chief resigned on Friday.')).toContain('Velora Oil/organization');
  });

  it('titleAfter: not before a portfolio title ("Energy Minister" is an office, not a body)', () => {
    expect(names('Talks ended when the Velora Energy Minister walked out.').join(' ')).not.toMatch(/Velora Energy/);
  });

  it('ownedBefore: what an "X-owned" phrase names is an organisation', () => {
    expect(names('Shoppers queued at the Brenlow-owned Whole Grain Market before dawn.')).toContain(
      'Whole Grain Market/organization',
    );
  });

  it('placeInside: a country with another capitalised word names a firm', () => {
    const found = names('Travellers booked Jet Chile twice, and Jet Chile staff were thanked.');
    expect(found).toContain('Jet Chile/organization');
  });

  it('frequent: a lone word capitalised three times and never in lower case is a name', () => {
    const found = names(
      'Investors watched Zentrobit closely. Analysts said Zentrobit would grow, as Zentrobit planned.',
    );
    expect(found).toContain('Zentrobit/organization');
  });

  it('headingLine: the capitals of a title-case heading say nothing about names', () => {
    expect(names('Marble Valley Growers Plan Protest Over Water Rights Decision\n\nFarmers met on Monday.')).toEqual(
      [],
    );
  });

  it('lowercaseElsewhere: a capitalised phrase the text also writes in lower case is a term', () => {
    expect(
      names('Officials met at noon. Delegates heard that Rising Tides were a threat, as rising tides are.'),
    ).toEqual([]);
  });
});

describe('engine/ner: head words, possessives and surnames', () => {
  it('an event is named by its last or first word, and is not a person', () => {
    const found = names('Crowds cheered at the Tarsk Cup while Hurricane Odalys moved north.');
    expect(found).toContain('Tarsk Cup/event');
    expect(found).toContain('Hurricane Odalys/event');
  });

  it("a person's possessive before a name is not part of it; a plural's is", () => {
    const found = names("Lenka Dravic of Dravic's Harvest Party spoke at the Women's Fishery Council on Monday.");
    expect(found).toContain('Harvest Party/organization');
    expect(found).toContain("Women's Fishery Council/organization");
  });

  it('a double-barrelled surname stays whole', () => {
    expect(names('The count favoured candidate Maren Osei-Lindqvist by a wide margin.')).toContain(
      'Maren Osei-Lindqvist/person',
    );
  });

  it('a name with an initial and an organisation word is one name', () => {
    expect(names('Boats were built at Orla T. Brannick Company for decades.')).toContain(
      'Orla T. Brannick Company/organization',
    );
  });
});

describe('engine/pipeline: names the knowledge base lacks beside the ones it has', () => {
  it('a country inside a longer name is a word of that name, not a mention of the country', () => {
    const found = entities('Shares of Singapore Pacific Holdings fell after Singapore Pacific Holdings warned.');
    expect(found.some((e) => e.startsWith('Singapore/country'))).toBe(false);
  });

  it('a place name of its own still counts beside a longer name', () => {
    const found = entities('Singapore Pacific Holdings moved its office out of Singapore last year.');
    expect(found).toContain('Singapore/country/singapore/1');
  });

  it('a registered name joins the common one, and a shorter form joins the full name', () => {
    const found = entities(
      'Travellers praised Korvane Airways. Korvane Airways Limited filed its accounts. Fans filled the Tarsk Cup final; the Tarsk Cup ended late, and the Cup was lifted.',
    );
    expect(found.filter((e) => e.startsWith('Korvane Airways'))).toEqual(['Korvane Airways/organization/new/2']);
  });
});

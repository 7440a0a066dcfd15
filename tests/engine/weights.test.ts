/**
 * Every weight in data/rules/name-weights.json earns its place: for each feature, a short
 * article written for the test whose names change when that one weight is set to 0. The
 * scorer is run alone (lib/engine/name-scores.ts over compromise's tags), so that neither
 * compromise's own name lists nor the head-word pass can hide a weight that does nothing.
 * A weight added to the file without a case here fails the last test.
 */
import { describe, it, expect, afterEach } from 'vitest';
import weights from '../../data/rules/name-weights.json';
import { WEIGHTS } from '../../lib/engine/rules.ts';
import { tagTerms } from '../../lib/engine/ner.ts';
import { scoreNames } from '../../lib/engine/name-scores.ts';

/** Places the test's gazetteer knows (made-up names, so the case does not depend on GeoNames). */
const PLACES = new Set(['Tarrowmere']);
const knownPlace = (name: string) => PLACES.has(name);
const names = (text: string) => scoreNames(text, tagTerms(text), [], { knownPlace }).map((n) => `${n.text}/${n.type}`);

type Feature = keyof typeof weights.features;

/** [feature, article, a name found more often with the weight than without it (+), or less often (-)]. */
const CASES: [Feature, string, string][] = [
  ['unknownWord', 'The award went to Zorbek Tualimov after a long vote.', '+Zorbek Tualimov/person'],
  ['personTag', 'The prize went to Mary Johnson, and the cup to Mary Johnson too.', '+Mary Johnson/person'],
  ['titleBefore', 'The bill passed after Sen. Orla Rivers changed her vote.', '+Orla Rivers/person'],
  ['saidOrAppositive', 'The delay was costly, Brenna Coldwater said on Tuesday.', '+Brenna Coldwater/person'],
  ['camelCase', 'Shares fell after QuillBase warned of losses.', '+QuillBase/organization'],
  ['orgHead', 'Staff at the Quorra Morning Bakery walked out.', '+Quorra Morning Bakery/organization'],
  ['placeHead', 'Water was pumped from the Hollin Morning Reservoir all week.', '+Hollin Morning Reservoir/place'],
  ['multiWord', 'The bill passed after Sen. Orla Rivers changed her vote.', '+Orla Rivers/person'],
  ['repeated', 'The prize went to Mary Johnson, and the cup to Mary Johnson too.', '+Mary Johnson/person'],
  ['sentenceStart', 'QuelBarr Tualimov won the award after a long vote.', '-QuelBarr Tualimov/organization'],
  [
    'lowercaseElsewhere',
    'Residents watched the Zelby Quarns at dusk, and zelby quarns returned each spring.',
    '-Zelby Quarns/person',
  ],
  ['dictionaryWord', 'The talks were led by Silver Harbour Pellam on the day.', '-Silver Harbour Pellam/organization'],
  ['notName', 'The bill passed after Sen. Western Pellamor changed her vote.', '-Western Pellamor/person'],
  ['numberBefore', 'She won the 2021 Brask Prize last spring.', '-Brask Prize/person'],
  ['frequent', 'Prices fell at Yarvex, analysts said Yarvex would gain, and Yarvex rose.', '+Yarvex/organization'],
  ['titleAfter', 'Voters backed the Morning Zelby candidate Dana Quist.', '+Morning Zelby/organization'],
  ['ownedBefore', 'Staff at the Kelvor-owned Quorra Morning went on strike.', '+Quorra Morning/organization'],
  ['placeInside', 'Flights on Quorra Maine were delayed.', '+Quorra Maine/organization'],
  [
    'headingLine',
    'News in brief\nWhy Zorbek Tualimov quit, Markets Tremble\nThe rest followed.',
    '-Zorbek Tualimov/person',
  ],
  ['initiativeHead', 'Protesters marched against the Finance Bill in the capital.', '+Finance Bill/initiative'],
  ['quotedBeforeHead', 'The firm will build the “Skylark” initiative with partners.', '+Skylark/initiative'],
  ['descriptorBefore', 'Shares of cloud provider Zelbrook rose on Tuesday.', '+Zelbrook/organization'],
  [
    'datelineSource',
    'TARROWMERE, Q.L. (Morning Zelbrook) — Water returned on Monday.',
    '+Morning Zelbrook/organization',
  ],
  ['gazetteerPlace', 'Water returned to homes in Tarrowmere on Monday.', '+Tarrowmere/place'],
];

const mutable = WEIGHTS as Record<Feature, number>;
const saved = { ...mutable };
afterEach(() => Object.assign(mutable, saved));

describe('engine/name-weights: each weight changes an outcome', () => {
  it.each(CASES)('%s', (feature, text, expected) => {
    const name = expected.slice(1);
    const count = () => names(text).filter((n) => n === name).length;
    const withWeight = count();
    mutable[feature] = 0;
    const without = count();
    if (expected.startsWith('+')) expect(withWeight, `${name} with ${feature} and without it`).toBeGreaterThan(without);
    else expect(withWeight, `${name} with ${feature} and without it`).toBeLessThan(without);
  });

  it('every weight in data/rules/name-weights.json has a case above', () => {
    expect(new Set(CASES.map(([f]) => f))).toEqual(new Set(Object.keys(weights.features)));
  });
});

/**
 * The engine with the knowledge base that ships: ambiguous short aliases must not
 * fire in ordinary text (true negatives), world news must link (true positives), and
 * an off-topic story must not grow invented geopolitics. Sentences written for the test.
 */
import { describe, it, expect } from 'vitest';
import { kbIds, shippedEngine as engine } from '../fixtures/shipped-engine.ts';

describe('engine with the shipped knowledge base', () => {
  it.each([
    ['who (the word)', 'Nobody knew who would win, and we asked who had baked the bread.'],
    ['us (the pronoun)', 'Tell us what you think; the owners thanked all of us for coming.'],
    ['au pair', 'The family hired an au pair who speaks three languages.'],
    ['chip (the snack)', 'She bought a bag of chips and a chocolate chip cookie.'],
    ['may (the verb)', 'We may open the second shop in May if the weather holds.'],
    ['turkey (the bird)', 'The bakery sells turkey sandwiches and pumpkin pie every November.'],
    ['apple (the fruit)', 'The apple pie sold out before noon, said the owner.'],
    ['a caps headline', 'WHO WILL WIN THE PIE CONTEST THIS YEAR'],
  ])('finds nothing in ordinary text: %s', (_why, text) => {
    expect(kbIds(text)).toEqual([]);
  });

  it.each([
    [
      'The WHO declared the outbreak a public health emergency after talks in Geneva.',
      ['world-health-organization', 'geneva'],
    ],
    [
      'The AU suspended the country after the coup, and ECOWAS threatened sanctions.',
      ['african-union', 'economic-community-of-west-african-states'],
    ],
    ['US officials met NATO allies in Brussels to discuss Ukraine.', ['united-states', 'nato', 'brussels', 'ukraine']],
    [
      'OPEC+ agreed to cut output at its meeting in Vienna, Saudi Arabia said.',
      ['opec-plus', 'vienna', 'saudi-arabia'],
    ],
    [
      'Kassym-Jomart Tokayev hosted Xi Jinping in Astana before the SCO summit.',
      ['kassym-jomart-tokayev', 'xi-jinping', 'astana', 'shanghai-cooperation-organisation'],
    ],
  ])('links world news: %j', (text, ids) => {
    expect(kbIds(text)).toEqual(expect.arrayContaining(ids));
  });

  it('does not invent geopolitics in an off-topic local story', () => {
    const text = [
      'The corner bakery on Maple Street reopened on Saturday after a two-month renovation.',
      'Owner Dana Whitfield said the new ovens let her bake twice as many loaves each morning.',
      'Regulars lined up before dawn for cinnamon rolls, and the first hundred customers got free coffee.',
      'Whitfield thanked her staff and the neighbours who put up with the noise.',
    ].join(' ');
    const r = engine.analyze({ text });
    expect(
      r.entities
        .filter((e) => e.id && ['country', 'organization', 'event', 'initiative'].includes(e.type))
        .map((e) => e.id),
    ).toEqual([]);
    expect(r.entities.some((e) => e.name === 'Dana Whitfield')).toBe(true);
  });

  it('resolves PAP both ways with the shipped entries', () => {
    expect(kbIds('The PAP, the paramilitary police force, patrols Xinjiang for Beijing.')).toContain(
      'peoples-armed-police',
    );
    expect(kbIds('The PAP won another election in Singapore, keeping its majority in parliament.')).toContain(
      'peoples-action-party',
    );
  });
});

describe('engine with the shipped knowledge base: one-word names', () => {
  it("takes a company's own one-word name without further evidence", () => {
    expect(kbIds('The bakery announced its reopening on Facebook last week.')).toContain('facebook');
  });

  it('needs evidence for a short form that is also a word', () => {
    expect(kbIds('Shell casings littered the ground after the fireworks.')).not.toContain('shell-plc');
    expect(kbIds('Shell raised its dividend as oil and gas prices climbed.')).toContain('shell-plc');
  });

  it.each([
    [
      'cricket',
      'India beat Pakistan by six wickets in the T20 final, their bowlers taking four wickets in the last three overs.',
      ['india-national-cricket-team', 'pakistan-national-cricket-team'],
    ],
    [
      'football',
      'France beat Brazil 2-1 after extra time; the striker scored twice and the Brazil goalkeeper saved a penalty.',
      ['brazil-national-football-team', 'france-national-football-team'],
    ],
  ])('a %s match report names the teams, not the countries', (_sport, text, teams) => {
    const ids = kbIds(text);
    for (const t of teams) expect(ids).toContain(t);
    expect(ids).not.toContain(teams[0]!.split('-national')[0]);
  });
});

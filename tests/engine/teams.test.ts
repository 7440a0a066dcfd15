/**
 * A country's name in a match report is its national team (lib/engine/teams.ts). The knowledge
 * base and the articles are written for the test: two made-up countries and their cricket teams.
 */
import { describe, it, expect } from 'vitest';
import { createEngine } from '../../lib/engine/index.ts';
import { mergePacks } from '../../lib/kb/build-index.ts';
import { testPack } from '../fixtures/test-kb.ts';
import type { Entry } from '../../lib/kb/schema.ts';

const base = testPack.entries[0]!;
const country = (id: string, name: string): Entry => ({
  ...base,
  id,
  name,
  type: 'country',
  aliases: [],
  related: [],
  cues: ['capital', 'government'],
  wikipedia: name,
});
const team = (id: string, name: string, of: string): Entry => ({
  ...base,
  id,
  name,
  type: 'organization',
  aliases: [],
  related: [{ id: of, relation: 'represents' }],
  cues: ['cricket', 'wickets', 'overs', 'innings', 'bowler'],
  wikipedia: name.replace(/ /g, '_'),
});
const engine = createEngine(
  mergePacks([
    {
      ...testPack,
      entries: [
        country('tarrovia', 'Tarrovia'),
        country('velmark', 'Velmark'),
        team('tarrovia-cricket', 'Tarrovia national cricket team', 'tarrovia'),
        team('velmark-cricket', 'Velmark national cricket team', 'velmark'),
      ],
    },
  ]).index,
);
const mentions = (text: string) =>
  Object.fromEntries(engine.analyze({ text }).entities.map((e) => [e.id, e.mentions.map((m) => m.start)]));

const REPORT =
  'Tarrovia beat Velmark by seven runs in the cricket final. Velmark needed 30 from five overs with six wickets ' +
  'in hand, but Tarrovia held on after losing to Velmark last year. Fans in Tarrovia danced until dawn.';

describe('engine/teams: a country in a match report', () => {
  it("is its team where the article talks of the team's sport, and the country after a place preposition", () => {
    const found = mentions(REPORT);
    expect(found['tarrovia-cricket']).toHaveLength(2);
    expect(found['velmark-cricket']).toHaveLength(3); // "to Velmark" too: a side loses to another
    expect(found['tarrovia']).toEqual([REPORT.lastIndexOf('Tarrovia')]);
    expect(found['velmark']).toBeUndefined();
  });

  it('stays the country with fewer than MIN_TEAM_CUES of the sport', () => {
    const text = 'Tarrovia and Velmark signed a trade deal; the capital hosted a cricket match to mark it.';
    const found = mentions(text);
    expect(found['tarrovia']).toHaveLength(1);
    expect(found['tarrovia-cricket']).toBeUndefined();
  });

  it("a country the article gives no evidence for of its own is taken on its team's", () => {
    const text = 'The bowler took three wickets in four overs as Velmark won by an innings against Tarrovia.';
    const found = mentions(text);
    expect(found['tarrovia-cricket']).toHaveLength(1);
    expect(found['velmark-cricket']).toHaveLength(1);
  });
});

/**
 * A country's bodies named without saying whose ("its second reading in Parliament"):
 * lib/engine/institutions.ts. The knowledge base and the sentences are written for the test.
 */
import { describe, it, expect } from 'vitest';
import { createEngine } from '../../lib/engine/index.ts';
import { mergePacks } from '../../lib/kb/build-index.ts';
import { testPack } from '../fixtures/test-kb.ts';
import type { Entry } from '../../lib/kb/schema.ts';

const base = testPack.entries[0]!;
const make = (id: string, name: string, type: Entry['type'], related: string[] = []): Entry => ({
  ...base,
  id,
  name,
  type,
  aliases: [],
  related: related.map((r) => ({ id: r, relation: 'in' })),
  cues: [],
  wikipedia: name.replace(/ /g, '_'),
});
const engine = createEngine(
  mergePacks([
    {
      ...testPack,
      entries: [
        make('tarrovia', 'Tarrovia', 'country'),
        make('velmark', 'Velmark', 'country'),
        make('port-quill', 'Port Quill', 'place', ['tarrovia']),
        make('parliament-of-tarrovia', 'Parliament of Tarrovia', 'organization', ['tarrovia']),
      ],
    },
  ]).index,
);
const parliament = (text: string) =>
  engine
    .analyze({ text })
    .entities.find((e) => e.id === 'parliament-of-tarrovia')
    ?.mentions.map((m) => m.text) ?? [];

describe("engine/institutions: the article country's bodies", () => {
  it("a capitalised 'Parliament' in an article about one country is that country's", () => {
    expect(parliament('Tarrovia braced for protests. The bill passed in Parliament, and Tarrovia waited.')).toEqual([
      'Parliament',
    ]);
  });

  it("the country's places count for it: a report from its capital", () => {
    expect(parliament('Crowds filled Port Quill. The bill reached Parliament as Port Quill shut its shops.')).toEqual([
      'Parliament',
    ]);
  });

  it('no country stands out: nobody says whose parliament', () => {
    expect(
      parliament('Tarrovia and Velmark argued. The bill passed in Parliament, said Tarrovia and Velmark.'),
    ).toEqual([]);
  });

  it('a lower-case word is not the body', () => {
    expect(parliament('Tarrovia waited while a parliament of owls met. Tarrovia slept.')).toEqual([]);
  });
});

/** "X-based", "X-born": the name describes what follows; it is not a mention of X. */
import { describe, it, expect } from 'vitest';
import { createEngine } from '../../lib/engine/index.ts';
import { testIndex } from '../fixtures/test-kb.ts';
import { findNames } from '../../lib/engine/ner.ts';
import { kbIds } from '../fixtures/shipped-engine.ts';

const engine = createEngine(testIndex);
const ids = (text: string) => engine.analyze({ text }).entities.map((e) => e.id);

describe('engine: a place name used as an attribute', () => {
  it.each(['a Singapore-based shipping firm', 'the China-born engineer', 'a Singapore-headquartered fund'])(
    'does not count %j as a mention of the place',
    (phrase) => {
      expect(ids(`Regulators questioned ${phrase} on Tuesday.`)).not.toContain(
        phrase.includes('China') ? 'china' : 'singapore',
      );
    },
  );

  it('still finds the place when the article names it on its own', () => {
    expect(ids('A Singapore-based firm opened an office in Singapore this week.')).toContain('singapore');
  });
});

describe("engine: a place before a newsroom role is the reporter's patch", () => {
  it.each(['our China correspondent', 'the Singapore bureau chief', 'the China Editor'])(
    'does not count %j as a mention of the place',
    (phrase) => {
      expect(ids(`Ana Pell, ${phrase}, filed the report on Tuesday.`)).not.toContain(
        phrase.includes('China') ? 'china' : 'singapore',
      );
    },
  );

  it('still finds the place when the article names it on its own', () => {
    expect(ids('Ana Pell, our China correspondent, said China had raised rates.')).toContain('china');
  });

  it('a place the knowledge base lacks is left out the same way', () => {
    const found = findNames('Ana Pell, the Tarrow Bay editor, said the river rose.', {
      knownPlace: (n) => n === 'Tarrow Bay',
    }).map((n) => n.text);
    expect(found).toEqual(['Ana Pell']);
  });
});

describe('engine: a place named by words before another place', () => {
  const knownPlace = (n: string) => ['Upper Kazakhstan', 'Kazakhstan Lake District'].includes(n);
  const found = (text: string) => engine.analyze({ text, knownPlace }).entities.map((e) => e.id ?? e.name);

  it('is another place ("New Mexico" is not Mexico)', () => {
    const ids = found('Voters in Upper Kazakhstan went to the polls, and turnout in Upper Kazakhstan was high.');
    expect(ids).toContain('Upper Kazakhstan');
    expect(ids).not.toContain('kazakhstan');
  });

  it('only modifiers make another place: a heading "Why the Caspian Sea …" still names the sea', () => {
    expect(kbIds('Why the Caspian Sea is shrinking\n\nFishermen say the water has fallen.')).toContain('caspian-sea');
  });

  it("while words after a place's name name its own area, a mention of the place", () => {
    expect(found('Floods hit the Kazakhstan Lake District on Monday, officials said.')).toContain('kazakhstan');
  });
});

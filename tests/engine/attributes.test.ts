/** "X-based", "X-born": the name describes what follows; it is not a mention of X. */
import { describe, it, expect } from 'vitest';
import { createEngine } from '../../lib/engine/index.ts';
import { testIndex } from '../fixtures/test-kb.ts';

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

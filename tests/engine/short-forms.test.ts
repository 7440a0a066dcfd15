/**
 * Short forms of people named in full: a bare surname belongs to the person the article names
 * most in full, and of those the one it introduced first (a father and his son share one).
 * Articles written for the test.
 */
import { describe, it, expect } from 'vitest';
import { createEngine } from '../../lib/engine/index.ts';
import { testIndex } from '../fixtures/test-kb.ts';

const engine = createEngine(testIndex);
const people = (text: string) =>
  Object.fromEntries(
    engine
      .analyze({ text })
      .entities.filter((e) => e.type === 'person')
      .map((e) => [e.name, e.mentions.length]),
  );

describe('engine/short forms', () => {
  it('a shared surname belongs to the person introduced first and named most, not to a relative', () => {
    const text = [
      'Boat builder Tamati Wharerau was nine when he first rowed across the harbour.',
      'Six decades later, Wharerau, 71, still repairs hulls by hand.',
      'His son, Rewi Wharerau, helps in the shed, watched by his father, Tamati Wharerau.',
      '"The wood tells you what it needs," says Wharerau.',
    ].join(' ');
    const found = people(text);
    expect(found['Tamati Wharerau']).toBe(4);
    expect(found['Rewi Wharerau']).toBe(1);
  });

  it('a surname before the full name is not yet a short form', () => {
    const found = people('Wharerau is a common name here. Later, Tamati Wharerau spoke, and Wharerau left.');
    expect(found['Tamati Wharerau']).toBe(2);
  });

  it('a shorter spelling of a longer name is the same person', () => {
    const found = people(
      'Carver Rewi Tane Wharerau opened the hall. Rewi Wharerau thanked the elders, and Rewi Tane Wharerau sang.',
    );
    expect(found).toEqual({ 'Rewi Tane Wharerau': 3 });
  });
});

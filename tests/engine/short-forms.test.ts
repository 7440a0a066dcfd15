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

describe('engine/short forms: a son named many ways, his father by surname', () => {
  const text = [
    'Boat builder Tamati Wharerau was nine when he first rowed across the harbour.',
    'Wharerau, 71, and his son, Te Rangiwai Robert Wharerau, were called to the beach.',
    'Te Rangiwai was named after a whale. Rangi (Te Rangiwai Robert) Wharerau carves in the shed.',
    'Te Rangiwai left university to help. At home they call him Rangi (Te Rangiwai Robert) Wharerau too.',
    'Tamati Wharerau said the sea was changing, and Wharerau wept.',
  ].join(' ');

  it('a capital particle before a name is its first word ("Te Rangiwai …")', () => {
    const names = Object.keys(people(text));
    expect(names).toContain('Te Rangiwai Robert Wharerau');
    expect(names).not.toContain('Rangiwai Robert Wharerau');
  });

  it('the first words of a longer name are the same person ("Te Rangiwai Robert")', () => {
    expect(Object.keys(people(text)).filter((n) => n.includes('Rangiwai'))).toEqual(['Te Rangiwai Robert Wharerau']);
  });

  it('the bare surname goes to the one named most with it, not the one named most by his first name', () => {
    const found = people(text);
    expect(found['Tamati Wharerau']).toBe(6);
    expect(found['Te Rangiwai Robert Wharerau']).toBe(3);
  });
});

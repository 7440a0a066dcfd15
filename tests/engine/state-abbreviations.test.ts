/**
 * US states as American news abbreviates them (lib/engine/state-abbreviations.ts): read in a
 * dateline, after a city and in a party tag, and nowhere else. Sentences written for the test.
 */
import { describe, it, expect } from 'vitest';
import { stateAbbreviations } from '../../lib/engine/state-abbreviations.ts';
import { findNames } from '../../lib/engine/ner.ts';

const states = (text: string) => stateAbbreviations(text).map((s) => `${s.text}=${text.slice(s.start, s.end)}`);

describe('engine/state abbreviations', () => {
  it('reads a dateline, a city and a comma, and party tags with AP forms and postal codes', () => {
    expect(states('TARROW FALLS, N.C. — Water returned on Monday.')).toEqual(['North Carolina=N.C.']);
    expect(states('She grew up in Quillton, Tenn., and left at 18.')).toEqual(['Tennessee=Tenn.']);
    expect(states('Sens. Ana Pell (R-Ky.), Ben Ode (D-IL) and Cal Ray (Vt.) voted no.')).toEqual([
      'Kentucky=Ky.',
      'Illinois=IL',
      'Vermont=Vt.',
    ]);
  });

  it('leaves the same letters alone elsewhere: a title, a word, a bare code', () => {
    expect(states('Miss. Ada Quill said the Ind. team and the PA system in OK shape were fine.')).toEqual([]);
    expect(states('The vote (in Pa. and Ky.) was close.')).toEqual([]);
  });

  it('leaves out the states whose names also name a country, a city or a capital', () => {
    expect(states('Sens. Ana Pell (D-Ga.), Ben Ode (D-NY) and Cal Ray (D-Wash.) voted no.')).toEqual([]);
  });

  it('the names stage returns them as places named in full, at the abbreviation', () => {
    const text = 'Sen. Ana Pell (R-Ky.) voted no.';
    const found = findNames(text).find((n) => n.text === 'Kentucky');
    expect(found && text.slice(found.start, found.end)).toBe('Ky.');
    expect(found?.type).toBe('place');
  });
});

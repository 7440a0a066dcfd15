/**
 * The dateline's place ("SUGAR LAND, Texas —"): lib/engine/datelines.ts, and the gazetteer step
 * links a place named only in a headline and a dateline. Places and text written for the test.
 */
import { describe, it, expect } from 'vitest';
import { datelinePlaces, isDatelineMention, titleCase } from '../../lib/engine/datelines.ts';
import { findNames } from '../../lib/engine/ner.ts';
import { createGazetteer } from '../../lib/kb/gazetteer.ts';
import { enrichWithGazetteer } from '../../lib/kb/gazetteer-enrich.ts';
import type { AnalysisResult } from '../../lib/engine/types.ts';

const knownPlace = (n: string) => ['Tarrow Falls', "Quill's Ferry"].includes(n);
const TEXT = 'Tarrow Falls council backs library\n\nTARROW FALLS, Texas — The council voted on Tuesday.';

describe('engine/datelines', () => {
  it('reads the capitals before the comma at a line start as the place the gazetteer knows', () => {
    const [span] = datelinePlaces(TEXT, knownPlace);
    expect(span).toMatchObject({ text: 'Tarrow Falls', type: 'place' });
    expect(TEXT.slice(span!.start, span!.end)).toBe('TARROW FALLS');
    expect(datelinePlaces("QUILL'S FERRY, England — Rain fell.", knownPlace).map((s) => s.text)).toEqual([
      "Quill's Ferry",
    ]);
  });

  it('reads nothing the gazetteer does not know, nor capitals inside a line, nor without a gazetteer', () => {
    expect(datelinePlaces('BREAKING NEWS, Texas — Rain fell.', knownPlace)).toEqual([]);
    expect(datelinePlaces('He said TARROW FALLS, Texas, was calm.', knownPlace)).toEqual([]);
    expect(datelinePlaces(TEXT)).toEqual([]);
  });

  it('title-cases as place names are written', () => {
    expect(titleCase('WINSTON-SALEM')).toBe('Winston-Salem');
    expect(titleCase('SUGAR LAND')).toBe('Sugar Land');
    expect(titleCase("O'NEILL")).toBe("O'Neill");
  });

  it('the names stage returns the dateline as a mention of the place', () => {
    const found = findNames(TEXT, { knownPlace }).filter((n) => n.text === 'Tarrow Falls');
    expect(found.map((n) => TEXT.slice(n.start, n.end))).toContain('TARROW FALLS');
    expect(isDatelineMention(TEXT, TEXT.indexOf('TARROW'), TEXT.indexOf('TARROW') + 12)).toBe(true);
  });

  it('the gazetteer links a place named only in the headline and the dateline', () => {
    const gaz = createGazetteer({
      version: 1,
      asOf: '2023-03',
      retrieved: '2026-12-04',
      countries: { US: 'United States' },
      regions: { 'US.TX': 'Texas' },
      cities: [['Tarrow Falls', 'US', 'TX', 90_000, 77]],
      titles: [],
      foreign: {},
    });
    const at = TEXT.indexOf('TARROW');
    const result = {
      entities: [
        {
          id: null,
          key: 'new:place:tarrow falls',
          name: 'Tarrow Falls',
          type: 'place',
          wikipedia: null,
          description: null,
          mentions: [
            { start: 0, end: 12, text: 'Tarrow Falls' },
            { start: at, end: at + 12, text: 'TARROW FALLS' },
          ],
          mentionCount: 2,
        },
      ],
    } as unknown as AnalysisResult;
    const { result: out } = enrichWithGazetteer(result, TEXT, gaz);
    expect(out.entities[0]!.id).toBe('geonames-77');
  });
});

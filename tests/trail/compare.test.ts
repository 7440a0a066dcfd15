/**
 * What the trail says about the article being read: other articles per entity, the story's
 * coverage across outlets in the last 14 days, and the figures that differ.
 */
import { describe, expect, it } from 'vitest';
import {
  compareCoverage,
  COMPARE_DAYS,
  entityTrails,
  figureDifferences,
  normaliseUnit,
} from '../../lib/trail/compare.ts';
import { article, DAY, entity, fig, NOW } from './helpers.ts';

const sco = (figures = [fig('1,100 square kilometres', 1100, 'square kilometres')]) =>
  entity('sco', 'Shanghai Cooperation Organisation', figures);
const current = article('https://dawn.example/summit', [
  sco(),
  entity('india', 'India'),
  entity('pakistan', 'Pakistan'),
]);
const reuters = article(
  'https://reuters.example/a',
  [sco([fig('1,000 sq km', 1000, 'sq km', 'The bloc said about 1,000 sq km were covered.')]), entity('india', 'India')],
  NOW - DAY,
);
const diplomat = article(
  'https://diplomat.example/b',
  [entity('india', 'India'), entity('pakistan', 'Pakistan')],
  NOW - 2 * DAY,
);
const unrelated = article('https://other.example/c', [entity('nato', 'NATO'), entity('india', 'India')], NOW - DAY);

describe('per-entity trail', () => {
  it('counts the other articles that name each entity, with their outlets, leaving out the article itself', () => {
    const t = entityTrails(current, [current, reuters, diplomat, unrelated]);
    const india = t.find((e) => e.key === 'india')!;
    expect(india.articles.map((a) => a.url)).toEqual([
      'https://reuters.example/a',
      'https://other.example/c',
      'https://diplomat.example/b',
    ]);
    expect(india.outlets).toEqual(['reuters.example', 'other.example', 'diplomat.example']);
    expect(t.find((e) => e.key === 'sco')!.articles).toHaveLength(1);
  });

  it('leaves out entities no other article names', () => {
    expect(entityTrails(current, [current])).toEqual([]);
  });
});

describe('coverage comparison', () => {
  it('puts the current article beside recent ones sharing at least two core entities', () => {
    const c = compareCoverage(current, [current, reuters, diplomat, unrelated])!;
    expect(c.articles.map((a) => [a.outlet, a.current])).toEqual([
      ['dawn.example', true],
      ['reuters.example', false],
      ['diplomat.example', false],
    ]);
    expect(c.articles[1]!.names).toEqual(['Shanghai Cooperation Organisation', 'India']);
    expect(c.articles[2]!.names).toEqual(['India', 'Pakistan']);
  });

  it(`leaves out articles read more than ${COMPARE_DAYS} days earlier`, () => {
    const old = { ...reuters, readAt: NOW - (COMPARE_DAYS + 1) * DAY };
    expect(compareCoverage(current, [current, old])).toBeNull();
  });

  it('shows where figures about the same entity differ, each with its outlet and sentence', () => {
    const c = compareCoverage(current, [current, reuters])!;
    expect(c.differences).toHaveLength(1);
    const d = c.differences[0]!;
    expect(d.name).toBe('Shanghai Cooperation Organisation');
    expect(d.figures.map((f) => [f.text, f.outlet])).toEqual([
      ['1,100 square kilometres', 'dawn.example'],
      ['1,000 sq km', 'reuters.example'],
    ]);
    expect(d.figures[1]!.sentence).toBe('The bloc said about 1,000 sq km were covered.');
  });

  it('reports no difference when the figures agree or count different things', () => {
    const same = article('https://x.example/1', [sco([fig('1,100 km²', 1100, 'km²')])]);
    const members = article('https://y.example/1', [sco([fig('10 members', 10, 'members')])]);
    expect(figureDifferences([current, same])).toEqual([]);
    expect(figureDifferences([current, members])).toEqual([]);
  });

  it('compares units whatever their spelling', () => {
    expect(normaliseUnit('Square Kilometers')).toBe(normaliseUnit('km²'));
    expect(normaliseUnit('sq km')).toBe(normaliseUnit('square kilometres'));
    expect(normaliseUnit('per cent')).toBe(normaliseUnit('%'));
    expect(normaliseUnit('members')).not.toBe(normaliseUnit('square kilometres'));
  });
});

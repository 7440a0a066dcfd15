/**
 * `npm start` reports only the complete result, in a fixed order (issue 18, item 8: it printed
 * the first pass, "41 entities found looking for other names…", and a list that varied).
 */
import { describe, it, expect } from 'vitest';
import { isComplete, report, type SidebarSnapshot } from '../../scripts/start-report.ts';

const entity = (name: string, mentions: number) => ({ name, mentions });
const snapshot = (over: Partial<SidebarSnapshot> = {}): SidebarSnapshot => ({
  title: 'Leaders meet in Astana',
  count: 3,
  pending: false,
  pageSize: 60,
  entities: [entity('NATO', 2), entity('Astana', 5), entity('Kazakhstan', 2)],
  ...over,
});

describe('scripts/start-report', () => {
  it('waits while the sidebar is still looking for other names', () => {
    expect(isComplete(snapshot({ pending: true }))).toBe(false);
    expect(isComplete(snapshot())).toBe(true);
  });

  it('waits until the list is drawn up to the count, or the first page of a long list', () => {
    expect(isComplete(snapshot({ count: 41, entities: snapshot().entities }))).toBe(false);
    const many = Array.from({ length: 60 }, (_, i) => entity(`Name ${i}`, 1));
    expect(isComplete(snapshot({ count: 75, entities: many }))).toBe(true);
  });

  it('waits for a count at all', () => {
    expect(isComplete(null)).toBe(false);
    expect(isComplete(snapshot({ count: null }))).toBe(false);
  });

  it('prints the count on its own and the entities by mentions, ties by name, whatever order they were drawn in', () => {
    const lines = report({ ...snapshot(), count: 3 });
    expect(lines).toEqual([
      'Backstory on “Leaders meet in Astana”: 3 entities found',
      '    5 × Astana',
      '    2 × Kazakhstan',
      '    2 × NATO',
    ]);
    const shuffled = { ...snapshot(), count: 3, entities: [...snapshot().entities].reverse() };
    expect(report(shuffled)).toEqual(lines);
    expect(lines.join('\n')).not.toMatch(/\x1b/);
  });
});

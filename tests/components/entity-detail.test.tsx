// @vitest-environment happy-dom
import { describe, it, expect, vi, afterEach } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { EntityDetail, type EntityDetailProps } from '../../components/sidebar/EntityDetail.tsx';
import type { Entity } from '../../lib/engine/types.ts';
import type { EntryView } from '../../lib/messaging/protocol.ts';
import {
  ARTICLE_TEXT,
  ENTITIES,
  ENTRIES,
  HOSTILE,
  RELATED_NAMES,
  makeEntity,
  makeEntry,
  mentionOf,
} from '../fixtures/ui-fixtures.ts';

afterEach(cleanup);

const entityOf = (key: string): Entity => ENTITIES.find((e) => e.key === key)!;
const NWA = entityOf('northwind-water-authority');
const PRESENT = new Set(ENTITIES.map((e) => e.id).filter((x): x is string => !!x));

function renderDetail(over: Partial<EntityDetailProps> = {}) {
  const props: EntityDetailProps = {
    entity: NWA,
    entry: ENTRIES['northwind-water-authority'],
    text: ARTICLE_TEXT,
    presentIds: PRESENT,
    relatedNames: RELATED_NAMES,
    onBack: vi.fn(),
    onSelectRelated: vi.fn(),
    onJumpToMention: vi.fn(),
    mentionCursor: undefined,
    ...over,
  };
  return { ...render(<EntityDetail {...props} />), props };
}

describe('components/sidebar/EntityDetail: a known entity', () => {
  it('shows the name as the section heading, its type and its mention count here', () => {
    const { getByRole, container } = renderDetail();
    expect(getByRole('heading', { level: 2 }).textContent).toBe('Northwind Water Authority');
    expect(getByRole('region', { name: 'Northwind Water Authority' })).toBeTruthy();
    expect(container.querySelector('.meta')!.textContent).toContain('Organisation');
    expect(container.querySelector('.meta')!.textContent).toContain('3 mentions here');
  });

  it('says "1 mention" in the singular', () => {
    const { container } = renderDetail({ entity: entityOf('portugal'), entry: ENTRIES.portugal });
    expect(container.querySelector('.meta')!.textContent).toContain('1 mention here');
  });

  it('shows the entry description and summary', () => {
    const { container } = renderDetail();
    expect(container.querySelector('.description')!.textContent).toBe(
      ENTRIES['northwind-water-authority']!.description,
    );
    expect(container.querySelector('.summary')!.textContent).toBe(ENTRIES['northwind-water-authority']!.summary);
  });

  it('the back button calls onBack', () => {
    const { getByRole, props } = renderDetail();
    fireEvent.click(getByRole('button', { name: '← All entities' }));
    expect(props.onBack).toHaveBeenCalledOnce();
  });

  it('marks an entry from a user pack that overrides a built-in one, and only then', () => {
    const entry = { ...ENTRIES['northwind-water-authority']!, pack: 'newsroom', overrides: 'builtin' };
    expect(renderDetail({ entry }).container.textContent).toContain('from your pack “newsroom” (overrides built-in)');
    cleanup();
    expect(renderDetail().container.textContent).not.toContain('overrides built-in');
  });
});

describe('components/sidebar/EntityDetail: key figures', () => {
  const rowsOf = (container: Element) => Array.from(container.querySelectorAll('dl.facts > div'));

  it('is a labelled list of figures, not a table that can overflow the panel', () => {
    const { container, getByRole } = renderDetail();
    expect(getByRole('heading', { name: 'Key figures' })).toBeTruthy();
    expect(container.querySelector('table')).toBeNull();
    expect(rowsOf(container)).toHaveLength(4);
  });

  // Volatile facts say when they were true (and that they may have changed once older than
  // their kind allows); a founding date is history and has no as-of date (issue 15).
  it.each([
    [
      0,
      'Staff',
      '2,400',
      /^as of 2024 — may have changed · Source: northwind\.example$/,
      'https://www.northwind.example/annual-report',
    ],
    [
      1,
      'Budget',
      '310 million EUR (operating budget)',
      /^as of Jun 2024 — may have changed · Source: budget\.example\.gov$/,
      'https://budget.example.gov/nwa',
    ],
    [
      2,
      'Dams',
      '12',
      /^as of 31 Dec 2023 — may have changed · Source: dams\.example\.org$/,
      'https://dams.example.org/registry',
    ],
    [3, 'Founded', '1961', /^Source: history\.example\.org$/, 'https://history.example.org/nwa'],
  ])('row %i: %s = %s, then its date and source', (i, label, value, sourceLine, href) => {
    const row = rowsOf(renderDetail().container)[i]!;
    expect(row.querySelector('dt')!.textContent).toBe(label);
    expect(row.querySelector('.fact-value')!.textContent).toBe(value);
    expect(row.querySelector('.fact-source')!.textContent).toMatch(sourceLine);
    const a = row.querySelector('a')!;
    expect(a.getAttribute('href')).toBe(href);
    expect(a.getAttribute('target')).toBe('_blank');
    expect(a.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('cites a source by publisher, title and retrieved date, and labels state media', () => {
    const entry = makeEntry({
      id: 'x',
      name: 'X',
      type: 'organization',
      facts: [
        {
          label: 'Member states',
          value: 10,
          kind: 'membership',
          asOf: '2026-07',
          source: { url: 'https://tass.com/world/1', publisher: 'TASS', title: 'SCO summit', retrieved: '2026-12-04' },
        },
      ],
    });
    const row = rowsOf(renderDetail({ entry }).container)[0]!;
    expect(row.querySelector('.fact-source')!.textContent).toBe(
      'as of Jul 2026 · Source: TASS (state media) — SCO summit · retrieved 4 Dec 2026',
    );
    expect(row.querySelector('.asof.stale')).toBeNull();
  });

  it('marks a stale volatile figure so it can be styled', () => {
    const row = rowsOf(renderDetail().container)[0]!;
    expect(row.querySelector('.asof.stale')!.textContent).toMatch(/may have changed/);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['not a URL', 'see the annual report'],
  ])('does not render a %s source as a link', (_what, source) => {
    const entry = makeEntry({
      id: 'x',
      name: 'X',
      type: 'organization',
      facts: [{ label: 'L', value: 1, asOf: '2024', source }],
    });
    const { container } = renderDetail({ entry });
    const row = rowsOf(container)[0]!;
    expect(row.querySelector('a')).toBeNull();
    expect(container.querySelector('a[href^="javascript:" i], a[href^="data:" i]')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
  });

  it('has no key figures for an entry without facts', () => {
    const { container } = renderDetail({ entity: entityOf('lisbon'), entry: ENTRIES.lisbon });
    expect(container.querySelector('dl.facts')).toBeNull();
  });
});

describe('components/sidebar/EntityDetail: related entries', () => {
  const relatedItems = (container: Element) => Array.from(container.querySelectorAll('.related li'));

  it('has one button per related id, named from relatedNames (or the id), with its relation', () => {
    const items = relatedItems(renderDetail().container);
    expect(items.map((li) => li.querySelector('.relation')!.textContent)).toEqual(['runs', 'manages', 'reports to']);
    expect(items.map((li) => li.querySelector('button')!.textContent)).toEqual([
      'Clearwater Programme',
      'Halden River',
      'unnamed-board',
    ]);
  });

  it('badges related entries that are in this article, and only those', () => {
    const items = relatedItems(renderDetail().container);
    expect(items.map((li) => !!li.querySelector('.badge.here'))).toEqual([true, false, false]);
    expect(items[0]!.querySelector('.badge.here')!.textContent).toBe('in this article');
  });

  it('calls onSelectRelated with the related id', () => {
    const { getByRole, props } = renderDetail();
    fireEvent.click(getByRole('button', { name: 'Halden River' }));
    expect(props.onSelectRelated).toHaveBeenCalledWith('halden-river');
  });

  it('has no related section when there are none', () => {
    expect(
      renderDetail({ entity: entityOf('portugal'), entry: ENTRIES.portugal }).container.querySelector('.related'),
    ).toBeNull();
  });
});

describe('components/sidebar/EntityDetail: mentions', () => {
  const buttons = (container: Element) => Array.from(container.querySelectorAll<HTMLButtonElement>('button.mention'));

  it('lists every mention with a snippet and the mention text marked', () => {
    const list = buttons(renderDetail().container);
    expect(list).toHaveLength(3);
    expect(list.map((b) => b.querySelector('mark')!.textContent)).toEqual(['Northwind Water Authority', 'NWA', 'NWA']);
    expect(list[0]!.textContent).toContain('The Northwind Water Authority (NWA) said on Tuesday');
    expect(list[2]!.textContent).toContain('Ostrova said the NWA would publish');
  });

  it('elides long context with "…" and names each button "Go to mention i: …"', () => {
    const list = buttons(renderDetail().container);
    const snippetOf = (b: Element) => b.querySelector('.mention-text')!.textContent!;
    expect(snippetOf(list[0]!).startsWith('…')).toBe(false);
    expect(snippetOf(list[2]!).startsWith('…')).toBe(true);
    expect(snippetOf(list[2]!).endsWith('…')).toBe(true);
    expect(list[0]!.getAttribute('aria-label')).toMatch(/^Go to mention 1: The Northwind Water Authority/);
    expect(list[2]!.getAttribute('aria-label')).toMatch(/^Go to mention 3: …/);
  });

  it('numbers each mention inside its button, before the snippet, so the number sits on the first line', () => {
    const list = buttons(renderDetail().container);
    expect(list.map((b) => b.firstElementChild!.className)).toEqual(['mention-n', 'mention-n', 'mention-n']);
    expect(list.map((b) => b.firstElementChild!.textContent)).toEqual(['1.', '2.', '3.']);
  });

  it.each([0, 1, 2])('clicking mention %i calls onJumpToMention with its index', (i) => {
    const { container, props } = renderDetail();
    fireEvent.click(buttons(container)[i]!);
    expect(props.onJumpToMention).toHaveBeenCalledWith(i);
  });

  it('marks the mention at the cursor as current, and no other', () => {
    const list = buttons(renderDetail({ mentionCursor: 1 }).container);
    expect(list.map((b) => b.classList.contains('current'))).toEqual([false, true, false]);
  });

  it('has no mentions section when opened without an entity (a related link)', () => {
    const { container } = renderDetail({ entity: null, entry: ENTRIES.lisbon });
    expect(container.querySelector('.mentions')).toBeNull();
    expect(container.querySelector('.meta')!.textContent).not.toContain('mention');
    expect(container.querySelector('h2')!.textContent).toBe('Lisbon');
  });
});

describe('components/sidebar/EntityDetail: ambiguity', () => {
  it('explains a confident choice without "Uncertain:"', () => {
    const { getByRole } = renderDetail({
      entity: entityOf('clearwater-programme'),
      entry: ENTRIES['clearwater-programme'],
    });
    const note = getByRole('note');
    expect(note.textContent).toBe('The name is defined in the article.');
    expect(note.classList.contains('weak')).toBe(false);
  });

  it('prefixes a weak choice with "Uncertain:" and lists the other meanings', () => {
    const { getByRole } = renderDetail({ entity: entityOf('maria-ostrova'), entry: ENTRIES['maria-ostrova'] });
    const note = getByRole('note');
    expect(note.classList.contains('weak')).toBe(true);
    expect(note.querySelector('strong')!.textContent).toBe('Uncertain: ');
    expect(note.textContent).toContain('the evidence is thin.');
    expect(note.textContent).toContain('Other meanings: Ostrova (island).');
    expect(note.textContent).not.toContain('Other meanings: Maria Ostrova');
  });

  it('has no note without ambiguity', () => {
    expect(renderDetail().queryByRole('note')).toBeNull();
  });
});

describe('components/sidebar/EntityDetail: a name not in the knowledge base', () => {
  const friends = entityOf('new:group:Friends of Halden');

  it('says so, quotes the introducing sentence and offers a Wikipedia search', () => {
    const { container, getByRole } = renderDetail({ entity: friends, entry: undefined });
    expect(container.querySelector('.not-in-kb')!.textContent).toBe('Not in the knowledge base');
    expect(container.querySelector('blockquote')!.textContent).toBe(
      'A local campaign, the Friends of Halden, said the plan ignored fishing families.',
    );
    const search = getByRole('link', { name: 'Search Wikipedia for “Friends of Halden”' });
    expect(search.getAttribute('href')).toBe('https://en.wikipedia.org/w/index.php?search=Friends%20of%20Halden');
    expect(container.querySelector('.description')).toBeNull();
    expect(container.querySelector('table')).toBeNull();
  });

  it('still lists its mentions', () => {
    const { container } = renderDetail({ entity: friends, entry: undefined });
    expect(container.querySelector('button.mention mark')!.textContent).toBe('Friends of Halden');
  });

  it('has no quote when the article gives no introduction', () => {
    const { container } = renderDetail({ entity: { ...friends, introduction: undefined }, entry: undefined });
    expect(container.querySelector('blockquote')).toBeNull();
  });
});

describe('components/sidebar/EntityDetail: read more', () => {
  const links = (container: Element) => Array.from(container.querySelectorAll<HTMLAnchorElement>('.more a'));

  it('links the Wikipedia article, the official site and other outlets’ coverage, all in a new tab without referrer', () => {
    const list = links(renderDetail().container);
    expect(list.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Wikipedia: Northwind Water Authority', 'https://en.wikipedia.org/wiki/Northwind_Water_Authority'],
      ['Official site (northwind.example)', 'https://www.northwind.example/'],
      [
        "Other outlets' coverage of “Northwind Water Authority”",
        `https://news.google.com/search?q=${encodeURIComponent('"Northwind Water Authority"')}`,
      ],
    ]);
    for (const a of list) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
    }
  });

  it('falls back to the entity’s Wikipedia title when there is no entry', () => {
    const list = links(renderDetail({ entity: entityOf('portugal'), entry: undefined }).container);
    expect(list[0]!.getAttribute('href')).toBe('https://en.wikipedia.org/wiki/Portugal');
  });

  it.each([
    ['missing', undefined],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,hi'],
    ['not a URL', 'northwind dot example'],
  ])('has no official-site link when the website is %s', (_what, website) => {
    const entry = { ...ENTRIES['northwind-water-authority']!, website };
    const list = links(renderDetail({ entry }).container);
    expect(list.map((a) => a.textContent)).not.toContainEqual(expect.stringContaining('Official site'));
    expect(list).toHaveLength(2);
  });

  // Regression (bug found and fixed): safeHref (components/shared/labels.ts) accepts http: as well
  // as https:, while the pack schema only admits https:// websites and the UI spec
  // says the official site is linked only when it is https.
  it('has no official-site link for a plain-http website', () => {
    const entry = { ...ENTRIES['northwind-water-authority']!, website: 'http://www.northwind.example/' };
    const list = links(renderDetail({ entry }).container);
    expect(list.map((a) => a.textContent)).not.toContainEqual(expect.stringContaining('Official site'));
  });
});

describe('components/sidebar/EntityDetail: markup safety', () => {
  it.each(HOSTILE)('renders %s as inert text in the name, description, summary, fact, relation and mention', (evil) => {
    const text = `Before ${evil} after.`;
    const entity = makeEntity({
      id: 'x',
      name: evil,
      type: 'organization',
      mentions: [mentionOf(evil, 0, text)],
      ambiguity: { alias: evil, alternatives: [], reason: evil, basis: 'prior', confidence: 0.3, weak: true },
      wikipedia: evil,
    });
    const entry: EntryView = makeEntry({
      id: 'x',
      name: evil,
      type: 'organization',
      description: evil,
      summary: evil,
      facts: [{ label: evil, value: evil, unit: evil, asOf: '2024', source: evil, note: evil }],
      related: [{ id: 'y', relation: evil }],
      website: evil,
    });
    const { container } = renderDetail({ entity, entry, text, relatedNames: { y: { name: evil, type: 'place' } } });
    expect(container.querySelector('img, script, iframe, object')).toBeNull();
    expect(container.querySelector('[onerror]')).toBeNull();
    for (const a of Array.from(container.querySelectorAll('a'))) expect(a.getAttribute('href')).toMatch(/^https:\/\//);
    for (const sel of [
      'h2',
      '.description',
      '.summary',
      'dl.facts dt',
      'dl.facts .fact-value',
      '.related',
      '.note',
      'button.mention mark',
    ]) {
      expect(container.querySelector(sel)!.textContent, sel).toContain(evil);
    }
    if (evil === '{{7*7}}') expect(container.textContent).not.toContain('49');
  });
});

// @vitest-environment happy-dom
import { describe, it, expect, vi, afterEach } from 'vitest';
import { cleanup, fireEvent, render, within } from '@testing-library/preact';
import axe from 'axe-core';
import { Sidebar, type SidebarProps } from '../../components/sidebar/Sidebar.tsx';
import { initialState, reducer, type SidebarState, type TypeFilter } from '../../components/sidebar/state.ts';
import {
  ENTITIES,
  ENTRIES,
  HOSTILE,
  loadedState,
  makeEntity,
  makeEntry,
  makeResult,
  mentionOf,
} from '../fixtures/ui-fixtures.ts';

afterEach(cleanup);

function renderSidebar(state: SidebarState = loadedState(), over: Partial<SidebarProps> = {}) {
  const props: SidebarProps = {
    state,
    collapsed: false,
    width: 380,
    sitePolicy: 'default',
    siteName: 'news.example.org',
    highlightsOn: true,
    highlightsSupported: true,
    onSelectEntity: vi.fn(),
    onFilter: vi.fn(),
    onQuery: vi.fn(),
    onJumpToMention: vi.fn(),
    onStepMention: vi.fn(),
    onClose: vi.fn(),
    onToggleCollapsed: vi.fn(),
    onResize: vi.fn(),
    onSetSitePolicy: vi.fn(),
    onToggleHighlights: vi.fn(),
    onExport: vi.fn(),
    onPrint: vi.fn(),
    onRetry: vi.fn(),
    ...over,
  };
  return { ...render(<Sidebar {...props} />), props };
}

/** Entity buttons of the ranked list: names the knowledge base knows, and those it lacks. */
const knownButtons = (c: Element) =>
  Array.from(c.querySelectorAll<HTMLButtonElement>('button.entity')).filter((b) => !b.closest('li.unlisted'));
const unknownButtons = (c: Element) => Array.from(c.querySelectorAll<HTMLButtonElement>('li.unlisted button.entity'));
const names = (buttons: Element[]) => buttons.map((b) => b.querySelector('.name')!.textContent);

describe('components/sidebar: status states', () => {
  it('idle: shows the panel chrome but no list, status or export', () => {
    const { container, queryByRole } = renderSidebar(initialState);
    expect(container.querySelector('aside[aria-label="Backstory"]')).toBeTruthy();
    expect(container.querySelector('ul.entities')).toBeNull();
    expect(queryByRole('alert')).toBeNull();
    expect(container.querySelector('.export')).toBeNull();
    expect(container.querySelector('[data-testid="entity-count"]')).toBeNull();
  });

  it('loading: says "Reading the article…" in a status region', () => {
    const { container } = renderSidebar(reducer(initialState, { type: 'loading', message: 'Reading the article…' }));
    const p = container.querySelector('p.status.loading')!;
    expect(p.getAttribute('role')).toBe('status');
    expect(p.textContent).toBe('Reading the article…');
    expect(container.querySelector('ul.entities')).toBeNull();
  });

  it('error: shows the message in an alert with a "Try again" button that calls onRetry', () => {
    const { getByRole, props } = renderSidebar(
      reducer(initialState, { type: 'error', message: 'The analyzer stopped.' }),
    );
    const alert = getByRole('alert');
    expect(alert.textContent).toContain('The analyzer stopped.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(props.onRetry).toHaveBeenCalledOnce();
  });

  it('error without onRetry: no "Try again" button', () => {
    const { getByRole } = renderSidebar(reducer(initialState, { type: 'error', message: 'No.' }), {
      onRetry: undefined,
    });
    expect(within(getByRole('alert')).queryByRole('button')).toBeNull();
  });

  it('empty: shows its message, no list and no export', () => {
    const { container } = renderSidebar(
      reducer(loadedState(), { type: 'empty', message: 'Backstory found no names it knows in this article.' }),
    );
    expect(container.querySelector('p.status.empty')!.textContent).toBe(
      'Backstory found no names it knows in this article.',
    );
    expect(container.querySelector('ul.entities')).toBeNull();
    expect(container.querySelector('.export')).toBeNull();
  });

  it('announces state changes in a polite live region', () => {
    const { container } = renderSidebar();
    const live = container.querySelector('[aria-live="polite"]')!;
    expect(live.textContent).toBe(`Backstory found ${ENTITIES.length} entities in this article.`);
  });
});

describe('components/sidebar: the entity list', () => {
  it('shows the article title and how many entities were found', () => {
    const { getByRole, getByTestId } = renderSidebar();
    expect(getByRole('heading', { level: 1 }).textContent).toBe('Northwind plans a bigger Halden Reservoir');
    expect(getByTestId('entity-count').textContent).toBe(`${ENTITIES.length} entities found`);
  });

  it('says "1 entity found" in the singular', () => {
    const { getByTestId } = renderSidebar(loadedState({}, makeResult({ entities: ENTITIES.slice(0, 1) })));
    expect(getByTestId('entity-count').textContent).toBe('1 entity found');
  });

  it('lists known entities by salience, with their type and mention count', () => {
    const buttons = knownButtons(renderSidebar().container);
    expect(
      buttons.map((b) => [
        b.querySelector('.name')!.textContent,
        b.querySelector('.type')!.textContent,
        b.querySelector('.n')!.textContent,
      ]),
    ).toEqual([
      ['Northwind Water Authority', 'Organisation', '3'],
      ['Maria Ostrova', 'Person', '2'],
      ['Clearwater Programme', 'Programme', '2'],
      ['Portugal', 'Country', '1'],
      ['Lisbon', 'Place', '1'],
    ]);
    expect(buttons[0]!.querySelector('.n')!.getAttribute('aria-label')).toBe('3 mentions');
  });

  // Regression (bug found and fixed): Sidebar.tsx labels the count `${e.mentionCount} mentions` with no
  // singular, so screen readers hear "1 mentions" (EntityDetail gets this right).
  it('names a single mention "1 mention" for screen readers', () => {
    const portugal = knownButtons(renderSidebar().container).find(
      (b) => b.querySelector('.name')!.textContent === 'Portugal',
    )!;
    expect(portugal.querySelector('.n')!.getAttribute('aria-label')).toBe('1 mention');
  });

  it('falls back to the engine’s description when the entry has not arrived, and to nothing', () => {
    const withDesc = { ...ENTITIES[0]!, description: 'From the index.' };
    const { container } = renderSidebar(
      loadedState({ entries: {} }, makeResult({ entities: [withDesc, ENTITIES[1]!] })),
    );
    expect(knownButtons(container).map((b) => b.querySelector('.desc')!.textContent)).toEqual(['From the index.', '']);
    expect(container.querySelector('.fact')).toBeNull();
  });

  it('shows each entry’s description and its most useful figure, grouped and dated when it changes, and no figure when there is none', () => {
    const buttons = knownButtons(renderSidebar().container);
    expect(buttons.map((b) => b.querySelector('.desc')!.textContent)).toEqual([
      'Public body that runs the Halden river dams.',
      'Chief engineer of the Northwind Water Authority.',
      'A wetland restoration scheme.',
      'Country in south-western Europe.',
      'Capital of Portugal.',
    ]);
    expect(buttons.map((b) => b.querySelector('.fact')?.textContent ?? null)).toEqual([
      'Staff: 2,400 (2024)',
      'Born: 1975',
      'Members: 7 countries (Mar 2025)',
      'Population: 10,467,366 (2023)',
      null,
    ]);
  });

  it('writes a figure whose value ends in a bracket with its date inside that bracket', () => {
    const entry = makeEntry({
      ...ENTRIES['northwind-water-authority']!,
      facts: [
        {
          label: 'Chair',
          value: 'Ana Ferreira (Portugal)',
          kind: 'office',
          asOf: '2025-01',
          source: 'https://www.northwind.example/board',
        },
      ],
    });
    const { container } = renderSidebar(loadedState({ entries: { ...ENTRIES, 'northwind-water-authority': entry } }));
    expect(knownButtons(container)[0]!.querySelector('.fact')!.textContent).toBe(
      'Chair: Ana Ferreira (Portugal, Jan 2025)',
    );
  });

  it('badges a weak guess "uncertain", and nothing else', () => {
    const buttons = knownButtons(renderSidebar().container);
    expect(buttons.map((b) => b.querySelector('.badge.weak')?.textContent ?? null)).toEqual([
      null,
      'uncertain',
      null,
      null,
      null,
    ]);
  });

  it('ranks names the knowledge base lacks in the one list, by salience, with their type and introducing sentence', () => {
    const central = { ...ENTITIES.find((e) => e.name === 'Friends of Halden')!, salience: 0.95 };
    const entities = [central, ...ENTITIES.filter((e) => e !== ENTITIES.find((x) => x.name === 'Friends of Halden'))];
    entities.sort((a, b) => b.salience - a.salience);
    const { container } = renderSidebar(loadedState({}, makeResult({ entities })));
    const all = Array.from(container.querySelectorAll<HTMLButtonElement>('ul.entities button.entity'));
    expect(names(all)[0]).toBe('Friends of Halden');
    expect(names(unknownButtons(container))).toEqual(['Friends of Halden', 'Halden Reservoir']);
    const row = unknownButtons(container)[0]!;
    expect(row.querySelector('.type')!.textContent).toBe('Group');
    expect(row.querySelector('[data-testid="introduction"]')!.textContent).toContain('Friends of Halden');
    expect(container.querySelector('details.unknown-list')).toBeNull();
  });

  it('links a name the knowledge base lacks to Wikipedia when the gazetteer knows its article', () => {
    const linked = ENTITIES.map((e) => (e.name === 'Halden Reservoir' ? { ...e, wikipedia: 'Halden_Reservoir' } : e));
    const { container } = renderSidebar(loadedState({}, makeResult({ entities: linked })));
    const links = Array.from(container.querySelectorAll<HTMLAnchorElement>('li.unlisted a.row-link'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://en.wikipedia.org/wiki/Halden_Reservoir']);
  });

  it('says how many entities it found, and the list shows exactly that many', () => {
    const { container, getByTestId } = renderSidebar();
    const rows = container.querySelectorAll('ul.entities > li');
    expect(getByTestId('entity-count').textContent).toBe(`${rows.length} entities found`);
    expect(rows.length).toBe(ENTITIES.length);
  });

  it('on a page in another language, says plainly that it reads English and shows what it matched', () => {
    const result = makeResult({
      entities: ENTITIES.filter((e) => e.id),
      language: { code: 'fr', name: 'French', readable: false },
    });
    const { getByTestId } = renderSidebar(loadedState({}, result));
    expect(getByTestId('language-notice').textContent).toBe(
      'This page is in French; Backstory reads English. Showing only names it knows.',
    );
    expect(renderSidebar().container.querySelector('[data-testid="language-notice"]')).toBeNull();
  });

  it('lists the figures with their sentence and the entity they are about', () => {
    const { container } = renderSidebar();
    const figs = container.querySelector('details.figures')!;
    expect(figs.querySelector('summary')!.textContent).toBe('Figures in this article (2)');
    const items = Array.from(figs.querySelectorAll(':scope > ul > li'));
    expect(items.map((li) => li.querySelector('strong')!.textContent)).toEqual([
      '1,100 square kilometres',
      '40 villages',
    ]);
    expect(items[0]!.querySelector('.sentence')!.textContent).toContain(
      'the Halden Reservoir would grow to 1,100 square kilometres by spring.',
    );
    expect(items[0]!.textContent).toContain('— about Northwind Water Authority');
    expect(items[1]!.textContent).not.toContain('about');
    expect(items[1]!.querySelector('button')).toBeNull();
  });

  it('selecting the entity a figure is about calls onSelectEntity with its key', () => {
    const { container, props } = renderSidebar();
    fireEvent.click(
      within(container.querySelector<HTMLElement>('details.figures')!).getByRole('button', {
        name: 'Northwind Water Authority',
      }),
    );
    expect(props.onSelectEntity).toHaveBeenCalledWith('northwind-water-authority');
  });

  // Issue 18, item 5: a sentence with several numbers was repeated once per number.
  it('shows a sentence with several figures once, with all its figures', () => {
    const sentence = 'The authority spent 12 million euros on 40 villages.';
    const figure = (text: string, value: number) => ({
      ...mentionOf(text, 0, sentence),
      value,
      unit: null,
      sentence,
      entity: null,
    });
    const { container } = renderSidebar(
      loadedState({}, makeResult({ figures: [figure('12 million euros', 12e6), figure('40 villages', 40)] })),
    );
    const figs = container.querySelector('details.figures')!;
    expect(figs.querySelector('summary')!.textContent).toBe('Figures in this article (2)');
    expect(figs.querySelectorAll('.sentence')).toHaveLength(1);
    expect(Array.from(figs.querySelectorAll('strong'), (s) => s.textContent)).toEqual([
      '12 million euros',
      '40 villages',
    ]);
  });

  it('has no figures section without figures', () => {
    expect(
      renderSidebar(loadedState({}, makeResult({ figures: [] }))).container.querySelector('details.figures'),
    ).toBeNull();
  });

  it.each([
    [true, true],
    [false, false],
  ])('partial=%s → partial badge shown: %s', (partial, shown) => {
    const { getByTestId } = renderSidebar(loadedState({}, makeResult({ partial })));
    expect(
      getByTestId('entity-count').textContent!.includes('partial: a very long page, only its first part was read'),
    ).toBe(shown);
  });

  it.each([
    ['a known entity', 'Portugal', 'portugal'],
    ['a name not in the knowledge base', 'Friends of Halden', 'new:group:Friends of Halden'],
  ])('clicking %s calls onSelectEntity with its key', (_what, name, key) => {
    const { container, props } = renderSidebar();
    const button = [...knownButtons(container), ...unknownButtons(container)].find(
      (b) => b.querySelector('.name')!.textContent === name,
    )!;
    fireEvent.click(button);
    expect(props.onSelectEntity).toHaveBeenCalledWith(key);
  });
});

describe('components/sidebar: filters and search', () => {
  const FILTER_LABELS: [TypeFilter, string][] = [
    ['all', 'All'],
    ['organization', 'Organisations'],
    ['person', 'People'],
    ['place', 'Places'],
    ['initiative', 'Programmes'],
    ['event', 'Events'],
  ];

  it.each(FILTER_LABELS)('with filter "%s", only the "%s" chip is pressed', (filter, label) => {
    const { getByRole } = renderSidebar(loadedState({ filter }));
    const group = getByRole('group', { name: 'Filter by type' });
    const chips = within(group).getAllByRole('button');
    expect(chips.map((c) => c.textContent)).toEqual(FILTER_LABELS.map(([, l]) => l));
    expect(chips.filter((c) => c.getAttribute('aria-pressed') === 'true').map((c) => c.textContent)).toEqual([label]);
    expect(chips.filter((c) => c.getAttribute('aria-pressed') === 'false')).toHaveLength(5);
  });

  it.each(FILTER_LABELS)('clicking the chip for "%s" calls onFilter', (filter, label) => {
    const { getByRole, props } = renderSidebar();
    fireEvent.click(getByRole('button', { name: label }));
    expect(props.onFilter).toHaveBeenCalledWith(filter);
  });

  it.each([
    ['organization', ['Northwind Water Authority'], ['Friends of Halden']],
    ['person', ['Maria Ostrova'], []],
    ['place', ['Portugal', 'Lisbon'], ['Halden Reservoir']],
    ['initiative', ['Clearwater Programme'], []],
  ] as const)('filter "%s" lists %j (and unknown %j)', (filter, known, unknown) => {
    const { container } = renderSidebar(loadedState({ filter }));
    expect(names(knownButtons(container))).toEqual(known);
    expect(names(unknownButtons(container))).toEqual(unknown);
  });

  it('a filter with no match says "No entities match." and keeps the chips', () => {
    const { container, getByRole } = renderSidebar(loadedState({ filter: 'event' }));
    expect(container.textContent).toContain('No entities match.');
    expect(knownButtons(container)).toHaveLength(0);
    expect(getByRole('button', { name: 'All' })).toBeTruthy();
  });

  it('"No entities match." is not shown when something matches', () => {
    expect(renderSidebar().container.textContent).not.toContain('No entities match.');
  });

  it('typing in the search box calls onQuery with the text', () => {
    const { getByRole, props } = renderSidebar();
    const box = getByRole('searchbox', { name: 'Search entities' }) as HTMLInputElement;
    box.value = 'clear';
    fireEvent.input(box);
    expect(props.onQuery).toHaveBeenCalledWith('clear');
  });

  it.each([
    ['name', 'lisbon', ['Lisbon'], []],
    ['alias', 'cwp', ['Clearwater Programme'], []],
    ['mention text (alias-free)', 'NWA', ['Northwind Water Authority'], []],
    ['name of an unknown entity', 'halden', [], ['Friends of Halden', 'Halden Reservoir']],
    ['nothing', 'zanzibar', [], []],
  ] as const)('the query filters by %s ("%s")', (_what, query, known, unknown) => {
    const { container, getByRole } = renderSidebar(loadedState({ query }));
    expect((getByRole('searchbox') as HTMLInputElement).value).toBe(query);
    expect(names(knownButtons(container))).toEqual(known);
    expect(names(unknownButtons(container))).toEqual(unknown);
  });
});

describe('components/sidebar: collapsed', () => {
  it('is a tab with the entity count that opens the sidebar', () => {
    const { container, getByRole, props } = renderSidebar(loadedState(), { collapsed: true });
    expect(container.querySelector('aside')).toBeNull();
    const tab = getByRole('button', { name: 'Open the Backstory sidebar' });
    expect(tab.querySelector('.tab-count')!.textContent).toBe(String(ENTITIES.length));
    fireEvent.click(tab);
    expect(props.onToggleCollapsed).toHaveBeenCalledOnce();
  });

  it('shows no count before a result', () => {
    const { getByRole } = renderSidebar(initialState, { collapsed: true });
    expect(getByRole('button', { name: 'Open the Backstory sidebar' }).querySelector('.tab-count')).toBeNull();
  });

  it('the header buttons collapse and close the sidebar', () => {
    const { getByRole, props } = renderSidebar();
    fireEvent.click(getByRole('button', { name: 'Collapse the sidebar' }));
    expect(props.onToggleCollapsed).toHaveBeenCalledOnce();
    expect(props.onClose).not.toHaveBeenCalled();
    fireEvent.click(getByRole('button', { name: 'Close Backstory' }));
    expect(props.onClose).toHaveBeenCalledOnce();
  });
});

describe('components/sidebar: keyboard', () => {
  it.each([
    ['ArrowDown from the first', 0, 'ArrowDown', 1],
    ['ArrowDown from the middle', 2, 'ArrowDown', 3],
    ['ArrowDown from the last stays', 6, 'ArrowDown', 6],
    ['ArrowUp from the middle', 2, 'ArrowUp', 1],
    ['ArrowUp from the first stays', 0, 'ArrowUp', 0],
    ['Home', 3, 'Home', 0],
    ['End', 1, 'End', 6],
  ])('%s moves focus between entity buttons', (_what, from, key, to) => {
    const { container } = renderSidebar();
    const buttons = Array.from(container.querySelectorAll<HTMLButtonElement>('ul.entities button.entity'));
    buttons[from]!.focus();
    expect(document.activeElement).toBe(buttons[from]);
    fireEvent.keyDown(buttons[from]!, { key });
    expect(document.activeElement).toBe(buttons[to]);
  });

  it('Escape in the list calls onClose (and does not touch the selection)', () => {
    const { container, props } = renderSidebar();
    fireEvent.keyDown(knownButtons(container)[0]!, { key: 'Escape' });
    expect(props.onClose).toHaveBeenCalledOnce();
    expect(props.onSelectEntity).not.toHaveBeenCalled();
  });

  it('Escape in the detail calls onSelectEntity(null) (and does not close)', () => {
    const { getByRole, props } = renderSidebar(loadedState({ selected: 'portugal' }));
    fireEvent.keyDown(getByRole('button', { name: '← All entities' }), { key: 'Escape' });
    expect(props.onSelectEntity).toHaveBeenCalledWith(null);
    expect(props.onClose).not.toHaveBeenCalled();
  });

  it('Escape in the search box clears the query and neither closes nor deselects', () => {
    const { getByRole, props } = renderSidebar(loadedState({ query: 'x' }));
    fireEvent.keyDown(getByRole('searchbox'), { key: 'Escape' });
    expect(props.onQuery).toHaveBeenCalledWith('');
    expect(props.onClose).not.toHaveBeenCalled();
    expect(props.onSelectEntity).not.toHaveBeenCalled();
  });

  // Regression (bug found and fixed): Sidebar.tsx onPanelKey treats every <input> like the search box, so
  // Escape on the "Highlight names" checkbox clears the search and never closes the panel.
  it('Escape on the "Highlight names" checkbox closes the sidebar like any non-text control', () => {
    const { getByRole, props } = renderSidebar();
    fireEvent.keyDown(getByRole('checkbox', { name: 'Highlight names' }), { key: 'Escape' });
    expect(props.onClose).toHaveBeenCalledOnce();
    expect(props.onQuery).not.toHaveBeenCalled();
  });

  it.each([
    ['n', 1],
    ['p', -1],
  ] as const)('"%s" steps to the %i mention when an entity is selected', (key, dir) => {
    const { getByRole, props } = renderSidebar(loadedState({ selected: 'northwind-water-authority' }));
    fireEvent.keyDown(getByRole('heading', { level: 2 }), { key });
    expect(props.onStepMention).toHaveBeenCalledWith('northwind-water-authority', dir);
  });

  it.each([
    ['no entity is selected', loadedState(), { key: 'n' }, 'list'],
    ['Ctrl is held', loadedState({ selected: 'portugal' }), { key: 'n', ctrlKey: true }, 'detail'],
    ['Meta is held', loadedState({ selected: 'portugal' }), { key: 'p', metaKey: true }, 'detail'],
    ['Alt is held', loadedState({ selected: 'portugal' }), { key: 'n', altKey: true }, 'detail'],
    ['another letter', loadedState({ selected: 'portugal' }), { key: 'm' }, 'detail'],
  ])('"n"/"p" do nothing when %s', (_what, state, init, where) => {
    const { container, props } = renderSidebar(state);
    const target = where === 'list' ? knownButtons(container)[0]! : container.querySelector('h2')!;
    fireEvent.keyDown(target, init);
    expect(props.onStepMention).not.toHaveBeenCalled();
  });

  it('"n" typed in the search box is text, not a command', () => {
    const s = loadedState({ selected: null });
    const { getByRole, props } = renderSidebar(s);
    fireEvent.keyDown(getByRole('searchbox'), { key: 'n' });
    expect(props.onStepMention).not.toHaveBeenCalled();
  });

  it.each([
    ['ArrowLeft widens', 'ArrowLeft', 400],
    ['ArrowRight narrows', 'ArrowRight', 360],
  ])('on the resize handle, %s the sidebar by 20px', (_what, key, width) => {
    const { getByRole, props } = renderSidebar();
    const sep = getByRole('separator', { name: 'Resize the sidebar' });
    expect(sep.getAttribute('aria-valuenow')).toBe('380');
    fireEvent.keyDown(sep, { key });
    expect(props.onResize).toHaveBeenCalledWith(width);
  });
});

describe('components/sidebar: detail view', () => {
  it('shows the selected entity instead of the list', () => {
    const { container, getByRole } = renderSidebar(loadedState({ selected: 'portugal' }));
    expect(getByRole('heading', { level: 2 }).textContent).toBe('Portugal');
    expect(container.querySelector('ul.entities')).toBeNull();
    expect(container.querySelector('.filters')).toBeNull();
  });

  it('shows an entry opened from a related link (in entries, not in the article)', () => {
    const extra = makeEntry({ id: 'halden-river', name: 'Halden River', type: 'place' });
    const { getByRole, container } = renderSidebar(
      loadedState({ selected: 'halden-river', entries: { ...ENTRIES, 'halden-river': extra } }),
    );
    expect(getByRole('heading', { level: 2 }).textContent).toBe('Halden River');
    expect(container.querySelector('.mentions')).toBeNull();
  });

  it('a mention click calls onJumpToMention with the selected key and index', () => {
    const { container, props } = renderSidebar(loadedState({ selected: 'northwind-water-authority' }));
    fireEvent.click(container.querySelectorAll('button.mention')[1]!);
    expect(props.onJumpToMention).toHaveBeenCalledWith('northwind-water-authority', 1);
  });

  it('a related link calls onSelectEntity with the related id, and marks entities in the article', () => {
    const { getByRole, props } = renderSidebar(loadedState({ selected: 'northwind-water-authority' }));
    const btn = getByRole('button', { name: 'Clearwater Programme' });
    expect(btn.parentElement!.querySelector('.badge.here')).toBeTruthy();
    fireEvent.click(btn);
    expect(props.onSelectEntity).toHaveBeenCalledWith('clearwater-programme');
  });

  it('the back button calls onSelectEntity(null)', () => {
    const { getByRole, props } = renderSidebar(loadedState({ selected: 'portugal' }));
    fireEvent.click(getByRole('button', { name: '← All entities' }));
    expect(props.onSelectEntity).toHaveBeenCalledWith(null);
  });

  it('marks the current mention from the state’s cursor', () => {
    const { container } = renderSidebar(
      loadedState({ selected: 'northwind-water-authority', mentionCursor: { 'northwind-water-authority': 2 } }),
    );
    expect(
      Array.from(container.querySelectorAll('button.mention')).map((b) => b.classList.contains('current')),
    ).toEqual([false, false, true]);
  });
});

describe('components/sidebar: footer', () => {
  it.each([
    ['Copy Markdown', ['markdown', 'copy']],
    ['Markdown', ['markdown', 'download']],
    ['CSV', ['csv', 'download']],
  ])('"%s" calls onExport%j', (label, args) => {
    const { getByRole, props } = renderSidebar();
    fireEvent.click(within(getByRole('group', { name: 'Export the glossary' })).getByRole('button', { name: label }));
    expect(props.onExport).toHaveBeenCalledWith(...args);
    expect(props.onExport).toHaveBeenCalledOnce();
    expect(props.onPrint).not.toHaveBeenCalled();
  });

  it('"Handout" calls onPrint', () => {
    const { getByRole, props } = renderSidebar();
    fireEvent.click(getByRole('button', { name: 'Handout' }));
    expect(props.onPrint).toHaveBeenCalledOnce();
    expect(props.onExport).not.toHaveBeenCalled();
  });

  it.each(['default', 'always', 'never'] as const)('the site policy select shows "%s"', (sitePolicy) => {
    const { getByRole } = renderSidebar(loadedState(), { sitePolicy });
    expect((getByRole('combobox') as HTMLSelectElement).value).toBe(sitePolicy);
  });

  it.each(['always', 'never', 'default'] as const)('choosing "%s" calls onSetSitePolicy', (policy) => {
    const { getByRole, props } = renderSidebar(loadedState(), {
      sitePolicy: policy === 'default' ? 'never' : 'default',
    });
    const select = getByRole('combobox') as HTMLSelectElement;
    select.value = policy;
    fireEvent.change(select);
    expect(props.onSetSitePolicy).toHaveBeenCalledWith(policy);
  });

  it('names the site in the policy label, or "this site"', () => {
    expect(renderSidebar().getByRole('combobox', { name: /On news\.example\.org:/ })).toBeTruthy();
    cleanup();
    expect(
      renderSidebar(loadedState(), { siteName: '' }).getByRole('combobox', { name: /On this site:/ }),
    ).toBeTruthy();
  });

  it('offers "Highlight names" only when highlighting is supported, and toggles it', () => {
    const { getByRole, props } = renderSidebar(loadedState(), { highlightsOn: false });
    const box = getByRole('checkbox', { name: 'Highlight names' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    expect(props.onToggleHighlights).toHaveBeenCalledOnce();
    cleanup();
    expect(renderSidebar(loadedState(), { highlightsSupported: false }).queryByRole('checkbox')).toBeNull();
  });

  it('keeps the site policy available without a result', () => {
    expect(renderSidebar(initialState).getByRole('combobox')).toBeTruthy();
  });
});

describe('components/sidebar: markup safety', () => {
  it.each(HOSTILE)('renders %s in names, descriptions, figures and mentions as inert text', (evil) => {
    const text = `Intro ${evil} outro. The figure ${evil} here.`;
    const known = makeEntity({ id: 'evil', name: evil, type: 'organization', mentions: [mentionOf(evil, 0, text)] });
    const unknown = makeEntity({ id: null, name: `${evil} (2)`, type: 'person', mentions: [mentionOf(evil, 1, text)] });
    const entry = makeEntry({
      id: 'evil',
      name: evil,
      type: 'organization',
      description: evil,
      // The value differs from the name: a value that only repeats the name is never the list's one line.
      facts: [{ label: evil, value: `${evil} value`, unit: evil, asOf: '2024', source: evil }],
    });
    const result = makeResult({
      title: evil,
      entities: [known, unknown],
      figures: [{ ...mentionOf(evil, 1, text), value: null, unit: null, sentence: evil, entity: 'evil' }],
    });
    const state = reducer(initialState, {
      type: 'loaded',
      result,
      entries: { evil: entry },
      relatedNames: {},
      url: 'https://x.example/',
      text,
    });
    const list = renderSidebar(state);
    expect(list.container.querySelector('img, script, [onerror]')).toBeNull();
    for (const sel of [
      'h1',
      'button.entity .name',
      'button.entity .desc',
      'button.entity .fact',
      'li.unlisted .name',
      '.figures strong',
      '.figures .sentence',
    ]) {
      expect(list.container.querySelector(sel)!.textContent, sel).toContain(evil);
    }
    if (evil === '{{7*7}}') expect(list.container.textContent).not.toContain('49');
    cleanup();
    const detail = renderSidebar({ ...state, selected: 'evil' });
    expect(detail.container.querySelector('img, script, [onerror]')).toBeNull();
    expect(detail.container.querySelector('button.mention mark')!.textContent).toBe(evil);
    for (const a of Array.from(detail.container.querySelectorAll('a')))
      expect(a.getAttribute('href')).toMatch(/^https:\/\//);
  });
});

describe('components/sidebar: accessibility (axe)', () => {
  const axeOptions = { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } };
  const serious = async (el: Element) => {
    const r = await axe.run(el, axeOptions);
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`);
  };

  it('axe is wired up: it does flag an unnamed button and an image without alt text', async () => {
    const { container } = render(
      <div>
        <button type="button" />
        <img src="data:," />
      </div>,
    );
    const found = await serious(container);
    expect(found.some((v) => v.startsWith('button-name'))).toBe(true);
    expect(found.some((v) => v.startsWith('image-alt'))).toBe(true);
  });

  it.each([
    ['the ready list', () => loadedState()],
    ['the list with a filter and no match', () => loadedState({ filter: 'event' })],
    [
      'the detail of a known entity',
      () => loadedState({ selected: 'northwind-water-authority', mentionCursor: { 'northwind-water-authority': 1 } }),
    ],
    ['the detail of a weak guess', () => loadedState({ selected: 'maria-ostrova' })],
    ['the detail of a name not in the knowledge base', () => loadedState({ selected: 'new:group:Friends of Halden' })],
    ['the error state', () => reducer(initialState, { type: 'error', message: 'Failed.' })],
    ['the loading state', () => reducer(initialState, { type: 'loading', message: 'Reading the article…' })],
  ])('has no serious or critical violations in %s', async (_what, state) => {
    const { container } = renderSidebar(state());
    expect(await serious(container)).toEqual([]);
  });

  it('has no serious or critical violations when collapsed', async () => {
    const { container } = renderSidebar(loadedState(), { collapsed: true });
    expect(await serious(container)).toEqual([]);
  });
});

describe('components/sidebar: long lists', () => {
  it('lists the first 60 entities, the first screenful at once, and shows the rest on request', async () => {
    const { render, fireEvent, waitFor } = await import('@testing-library/preact');
    const { h } = await import('preact');
    const { Sidebar, FIRST_RENDER_COUNT } = await import('../../components/sidebar/Sidebar.tsx');
    const { reducer, initialState } = await import('../../components/sidebar/state.ts');
    const entities = Array.from({ length: 75 }, (_, i) => ({
      id: `e-${i}`,
      key: `e-${i}`,
      name: `Entity ${i}`,
      type: 'organization' as const,
      wikipedia: null,
      description: null,
      mentions: [{ start: 0, end: 1, text: 'E' }],
      mentionCount: 1,
      salience: 1 - i / 100,
      source: 'kb' as const,
      confidence: 0.9,
    }));
    const state = reducer(initialState, {
      type: 'loaded',
      result: { title: 'T', wordCount: 10, partial: false, complete: true, entities, figures: [] },
      entries: {},
      relatedNames: {},
      url: 'https://x.example',
      text: 'E',
    });
    const noop = () => undefined;
    const props = {
      state,
      collapsed: false,
      width: 380,
      sitePolicy: 'default' as const,
      siteName: 'x.example',
      highlightsOn: true,
      highlightsSupported: true,
      onSelectEntity: noop,
      onFilter: noop,
      onQuery: noop,
      onJumpToMention: noop,
      onStepMention: noop,
      onClose: noop,
      onToggleCollapsed: noop,
      onResize: noop,
      onSetSitePolicy: noop,
      onToggleHighlights: noop,
      onExport: noop,
      onPrint: noop,
    };
    const { container, getByText } = render(h(Sidebar, props));
    // The first task renders what fits on screen; the rest of the first 60 follow in the next.
    expect(container.querySelectorAll('button.entity')).toHaveLength(FIRST_RENDER_COUNT);
    expect(getByText('Show all 75 entities')).toBeTruthy();
    await waitFor(() => expect(container.querySelectorAll('button.entity')).toHaveLength(60));
    fireEvent.click(getByText('Show all 75 entities'));
    await waitFor(() => expect(container.querySelectorAll('button.entity')).toHaveLength(75));
  });
});

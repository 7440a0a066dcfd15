import { DEFAULT_SETTINGS, SIDEBAR_MAX_WIDTH, SIDEBAR_MIN_WIDTH } from '../../lib/storage/settings.ts';
import { describe, it, expect } from 'vitest';
import {
  FILTER_TYPES,
  entityByKey,
  initialState,
  reducer,
  stepMention,
  visibleEntities,
  type SidebarState,
  type TypeFilter,
} from '../../components/sidebar/state.ts';
import {
  ARTICLE_TEXT,
  ARTICLE_TITLE,
  ARTICLE_URL,
  ENTITIES,
  ENTRIES,
  RELATED_NAMES,
  loadedState,
  makeEntry,
  makeResult,
} from '../fixtures/ui-fixtures.ts';

const keys = (s: SidebarState) => visibleEntities(s).map((e) => e.key);

describe('components/sidebar/state: reducer', () => {
  it('starts idle with nothing loaded', () => {
    expect(initialState.status).toEqual({ kind: 'idle' });
    expect(initialState.result).toBeNull();
    expect(initialState.selected).toBeNull();
    expect(initialState.filter).toBe('all');
    expect(initialState.query).toBe('');
  });

  it.each([
    ['loading', { kind: 'loading', message: 'Reading the article…' }],
    ['error', { kind: 'error', message: 'The analyzer crashed.' }],
    ['empty', { kind: 'empty', message: 'No article here.' }],
  ] as const)('"%s" sets the status and announces its message', (type, status) => {
    const s = reducer(initialState, { type, message: status.message });
    expect(s.status).toEqual(status);
    expect(s.announcement).toBe(status.message);
  });

  it('"empty" drops a previous result', () => {
    const s = reducer(loadedState(), { type: 'empty', message: 'Nothing here.' });
    expect(s.result).toBeNull();
  });

  it('"loading" and "error" keep a previous result', () => {
    const before = loadedState();
    expect(reducer(before, { type: 'loading', message: 'Again…' }).result).toBe(before.result);
    expect(reducer(before, { type: 'error', message: 'Oops' }).result).toBe(before.result);
  });

  it('"loaded" stores the result, text, url, title, entries and related names, and announces the count', () => {
    const s = loadedState();
    expect(s.status).toEqual({ kind: 'ready' });
    expect(s.title).toBe(ARTICLE_TITLE);
    expect(s.url).toBe(ARTICLE_URL);
    expect(s.text).toBe(ARTICLE_TEXT);
    expect(s.result?.entities).toHaveLength(ENTITIES.length);
    expect(s.entries).toEqual(ENTRIES);
    expect(s.relatedNames).toEqual(RELATED_NAMES);
    expect(s.announcement).toBe(`Backstory found ${ENTITIES.length} entities in this article.`);
  });

  it.each([
    [1, 'Backstory found 1 entity in this article.'],
    [2, 'Backstory found 2 entities in this article.'],
  ])('"loaded" with %i entities says "%s"', (n, text) => {
    const s = reducer(initialState, {
      type: 'loaded',
      result: makeResult({ entities: ENTITIES.slice(0, n) }),
      entries: {},
      relatedNames: {},
      url: ARTICLE_URL,
      text: ARTICLE_TEXT,
    });
    expect(s.announcement).toBe(text);
    expect(s.status.kind).toBe('ready');
  });

  it('"loaded" with no entities is the empty state with a message', () => {
    const s = reducer(initialState, {
      type: 'loaded',
      result: makeResult({ entities: [] }),
      entries: {},
      relatedNames: {},
      url: ARTICLE_URL,
      text: '',
    });
    expect(s.status).toEqual({ kind: 'empty', message: 'Backstory found no names it knows in this article.' });
  });

  it('"loaded" clears the selection and mention cursors but merges entries with earlier ones', () => {
    const earlier = makeEntry({ id: 'earlier', name: 'Earlier', type: 'person' });
    const before = { ...loadedState(), selected: 'portugal', mentionCursor: { portugal: 0 }, entries: { earlier } };
    const s = reducer(before, {
      type: 'loaded',
      result: makeResult(),
      entries: ENTRIES,
      relatedNames: {},
      url: ARTICLE_URL,
      text: ARTICLE_TEXT,
    });
    expect(s.selected).toBeNull();
    expect(s.mentionCursor).toEqual({});
    expect(s.entries.earlier).toBe(earlier);
    expect(s.entries.portugal).toBe(ENTRIES.portugal);
  });

  it('"add-entries" merges entries without touching anything else', () => {
    const extra = makeEntry({ id: 'halden-river', name: 'Halden River', type: 'place' });
    const before = loadedState();
    const s = reducer(before, { type: 'add-entries', entries: { 'halden-river': extra } });
    expect(s.entries['halden-river']).toBe(extra);
    expect(s.entries.portugal).toBe(ENTRIES.portugal);
    expect({ ...s, entries: before.entries }).toEqual(before);
  });

  it('"filter" sets the filter and announces how many entities show', () => {
    const s = reducer(loadedState(), { type: 'filter', filter: 'place' });
    expect(s.filter).toBe('place');
    expect(s.announcement).toBe('Showing 3 entities.');
  });

  it('"query" stores the query, capped at 100 characters', () => {
    expect(reducer(initialState, { type: 'query', query: 'nwa' }).query).toBe('nwa');
    expect(reducer(initialState, { type: 'query', query: 'x'.repeat(500) }).query).toHaveLength(100);
  });

  it.each([
    ['an entity in the article', 'maria-ostrova', 'Maria Ostrova: details open.'],
    ['an entry that is only in the entries (a related link)', 'lisbon', 'Lisbon: details open.'],
    ['null (back to the list)', null, 'Back to the list of entities.'],
  ])('"select" with %s sets selected and announces it', (_what, key, text) => {
    const s = reducer(loadedState(), { type: 'select', key });
    expect(s.selected).toBe(key);
    expect(s.announcement).toBe(text);
  });

  it('"select" of a key found only in entries uses the entry name', () => {
    const extra = makeEntry({ id: 'halden-river', name: 'Halden River', type: 'place' });
    const s = reducer(reducer(loadedState(), { type: 'add-entries', entries: { 'halden-river': extra } }), {
      type: 'select',
      key: 'halden-river',
    });
    expect(s.announcement).toBe('Halden River: details open.');
  });

  it('"mention" records the cursor per entity and announces "Mention i of n of Name"', () => {
    const s1 = reducer(loadedState(), { type: 'mention', key: 'northwind-water-authority', index: 1 });
    expect(s1.mentionCursor).toEqual({ 'northwind-water-authority': 1 });
    expect(s1.announcement).toBe('Mention 2 of 3 of Northwind Water Authority.');
    const s2 = reducer(s1, { type: 'mention', key: 'portugal', index: 0 });
    expect(s2.mentionCursor).toEqual({ 'northwind-water-authority': 1, portugal: 0 });
  });

  it('"mention" for an unknown key keeps the previous announcement', () => {
    const before = { ...loadedState(), announcement: 'previous' };
    expect(reducer(before, { type: 'mention', key: 'nope', index: 0 }).announcement).toBe('previous');
  });

  it('"reset" returns to the initial state', () => {
    const s = reducer({ ...loadedState(), selected: 'portugal', query: 'x', filter: 'person' }, { type: 'reset' });
    expect(s).toEqual(initialState);
  });

  it('never mutates the state it was given', () => {
    const before = loadedState();
    const snapshot = JSON.stringify(before);
    reducer(before, { type: 'select', key: 'portugal' });
    reducer(before, { type: 'mention', key: 'portugal', index: 0 });
    reducer(before, { type: 'filter', filter: 'person' });
    reducer(before, { type: 'add-entries', entries: { x: makeEntry({ id: 'x', name: 'X', type: 'event' }) } });
    expect(JSON.stringify(before)).toBe(snapshot);
  });
});

describe('components/sidebar/state: entityByKey', () => {
  it('finds an entity by key, and nothing for an unknown key or no result', () => {
    expect(entityByKey(loadedState(), 'portugal')?.name).toBe('Portugal');
    expect(entityByKey(loadedState(), 'new:group:Friends of Halden')?.name).toBe('Friends of Halden');
    expect(entityByKey(loadedState(), 'nope')).toBeUndefined();
    expect(entityByKey(initialState, 'portugal')).toBeUndefined();
  });
});

describe('components/sidebar/state: visibleEntities', () => {
  it('is empty without a result', () => {
    expect(visibleEntities(initialState)).toEqual([]);
  });

  it('keeps salience order', () => {
    expect(keys(loadedState())).toEqual(ENTITIES.map((e) => e.key));
  });

  const filterCases: [TypeFilter, string[]][] = [
    ['all', ENTITIES.map((e) => e.key)],
    ['organization', ['northwind-water-authority', 'new:group:Friends of Halden']],
    ['person', ['maria-ostrova']],
    ['place', ['portugal', 'lisbon', 'new:place:Halden Reservoir']],
    ['initiative', ['clearwater-programme']],
    ['event', []],
  ];
  it.each(filterCases)('filter "%s" shows %j', (filter, expected) => {
    expect(keys(loadedState({ filter }))).toEqual(expected);
  });

  it('every entity type belongs to exactly one filter', () => {
    const all = Object.values(FILTER_TYPES).flat();
    expect(new Set(all).size).toBe(all.length);
    expect(new Set(all)).toEqual(
      new Set(['organization', 'group', 'person', 'country', 'place', 'initiative', 'concept', 'event']),
    );
  });

  it.each([
    ['a name, case-insensitively', 'OSTROVA', ['maria-ostrova']],
    ['an alias from the entry', 'cwp', ['clearwater-programme']],
    ['an alias that is neither the name nor a mention', 'northwind authority', ['northwind-water-authority']],
    ['an unknown entity by name', 'friends', ['new:group:Friends of Halden']],
    ['surrounding whitespace is ignored', '  lisbon  ', ['lisbon']],
    ['a blank query matches all', '   ', ENTITIES.map((e) => e.key)],
    ['a query matching nothing', 'zanzibar', []],
    ['text that is only in the description (not searched)', 'wetland', []],
  ])('query matches %s', (_what, query, expected) => {
    expect(keys(loadedState({ query }))).toEqual(expected);
  });

  it('query matches mention text even without an entry (no aliases known)', () => {
    expect(keys(loadedState({ query: 'nwa', entries: {} }))).toEqual(['northwind-water-authority']);
    expect(keys(loadedState({ query: 'cwp', entries: {} }))).toEqual([]);
  });

  it('combines the filter and the query', () => {
    expect(keys(loadedState({ filter: 'place', query: 'halden' }))).toEqual(['new:place:Halden Reservoir']);
    expect(keys(loadedState({ filter: 'person', query: 'halden' }))).toEqual([]);
  });
});

describe('components/sidebar/state: stepMention', () => {
  const key = 'northwind-water-authority'; // 3 mentions
  it.each([
    ['forward with no cursor starts at the first', undefined, 1, 0],
    ['backward with no cursor starts at the last', undefined, -1, 2],
    ['forward moves on', 0, 1, 1],
    ['forward from the last wraps to the first', 2, 1, 0],
    ['backward moves back', 2, -1, 1],
    ['backward from the first wraps to the last', 0, -1, 2],
  ] as const)('%s', (_what, cursor, dir, expected) => {
    const s = loadedState({ mentionCursor: cursor === undefined ? {} : { [key]: cursor } });
    expect(stepMention(s, key, dir)).toBe(expected);
  });

  it('with one mention, both directions stay on it', () => {
    const s = loadedState({ mentionCursor: { portugal: 0 } });
    expect(stepMention(s, 'portugal', 1)).toBe(0);
    expect(stepMention(s, 'portugal', -1)).toBe(0);
  });

  it('returns -1 for an unknown entity or one without mentions', () => {
    expect(stepMention(loadedState(), 'nope', 1)).toBe(-1);
    const noMentions = makeResult({ entities: [{ ...ENTITIES[0]!, mentions: [], mentionCount: 0 }] });
    expect(stepMention(loadedState({}, noMentions), ENTITIES[0]!.key, 1)).toBe(-1);
  });

  it('walking forward visits every mention once per lap', () => {
    let s = loadedState();
    const seen: number[] = [];
    for (let i = 0; i < 6; i++) {
      const next = stepMention(s, key, 1);
      seen.push(next);
      s = reducer(s, { type: 'mention', key, index: next });
    }
    expect(seen).toEqual([0, 1, 2, 0, 1, 2]);
  });
});

describe('components/sidebar/state: the second (complete) pass', () => {
  it('keeps the open entity, filter and mention cursor when the full result replaces the quick one', async () => {
    const { makeResult, ENTRIES, RELATED_NAMES, ARTICLE_URL, ARTICLE_TEXT } =
      await import('../fixtures/ui-fixtures.ts');
    const quick = makeResult({ complete: false });
    let s = reducer(initialState, {
      type: 'loaded',
      result: quick,
      entries: ENTRIES,
      relatedNames: RELATED_NAMES,
      url: ARTICLE_URL,
      text: ARTICLE_TEXT,
    });
    const key = quick.entities[0]!.key;
    s = reducer(s, { type: 'select', key });
    s = reducer(s, { type: 'mention', key, index: 0 });
    s = reducer(s, {
      type: 'loaded',
      result: makeResult(),
      entries: ENTRIES,
      relatedNames: RELATED_NAMES,
      url: ARTICLE_URL,
      text: ARTICLE_TEXT,
      refresh: true,
    });
    expect(s.selected).toBe(key);
    expect(s.mentionCursor[key]).toBe(0);
    expect(s.result?.complete).toBe(true);
  });
});

describe('sidebar state: the frame', () => {
  it('starts closed, unfolded, at the default width', () => {
    expect(initialState).toMatchObject({ open: false, collapsed: false, width: DEFAULT_SETTINGS.sidebarWidth });
  });

  it('opens, folds, unfolds and closes', () => {
    let s = reducer(initialState, { type: 'open' });
    expect(s.open).toBe(true);
    s = reducer(s, { type: 'collapse', collapsed: true });
    expect(s).toMatchObject({ open: true, collapsed: true });
    s = reducer(reducer(s, { type: 'collapse', collapsed: false }), { type: 'close' });
    expect(s).toMatchObject({ open: false, collapsed: false });
  });

  it.each([
    [100, SIDEBAR_MIN_WIDTH],
    [10_000, SIDEBAR_MAX_WIDTH],
    [400.6, 401],
  ])('keeps a width of %s within range: %s', (asked, kept) => {
    expect(reducer(initialState, { type: 'resize', width: asked }).width).toBe(kept);
  });

  it('announces without changing anything else', () => {
    const s = reducer(initialState, { type: 'announce', message: 'Glossary copied as Markdown.' });
    expect(s).toEqual({ ...initialState, announcement: 'Glossary copied as Markdown.' });
  });

  it('a new page forgets the article but keeps the frame as it was', () => {
    let s = loadedState();
    s = reducer(reducer(reducer(s, { type: 'open' }), { type: 'collapse', collapsed: true }), {
      type: 'resize',
      width: 500,
    });
    const next = reducer(s, { type: 'reset' });
    expect(next.result).toBeNull();
    expect(next).toMatchObject({ open: true, collapsed: true, width: 500 });
  });
});

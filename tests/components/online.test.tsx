// @vitest-environment happy-dom
/**
 * Online mode's UI (issue 17): the sidebar's offer and note, a summary with its attribution and
 * Wikidata figures, "Wikidata now says" on a curated entry, the hover card, and the options
 * page's switch (asks the browser first, stays off when refused, locked by a school's policy).
 */
import { describe, it, expect, vi, afterEach } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import axe from 'axe-core';
import { OnlineBar, OnlineSummary, WikidataNow } from '../../components/sidebar/Online.tsx';
import { HoverCard } from '../../components/hover-card/HoverCard.tsx';
import { OnlineSwitch, REFUSED_NOTE, setOnline } from '../../components/options/OnlineSettings.tsx';
import { attribution, fetchedAgo, fetchedOn, type OnlineView } from '../../lib/online/view.ts';
import { WHAT_IS_SENT } from '../../lib/online/permissions.ts';
import { DEFAULT_SETTINGS } from '../../lib/storage/settings.ts';
import { normalizeFact } from '../../lib/kb/schema.ts';
import { HOSTILE, makeEntity, makeEntry } from '../fixtures/ui-fixtures.ts';

afterEach(cleanup);

const NOW = new Date('2026-12-05T10:02:30Z');
const VIEW: OnlineView = {
  key: 'new:organization:Halden River Trust',
  title: 'Halden River Trust',
  description: 'Conservation charity in Northwind',
  extract: `The Halden River Trust restores wetlands. ${HOSTILE[0]}`,
  url: 'https://en.wikipedia.org/wiki/Halden_River_Trust',
  wikidata: 'Q900001',
  fetched: '2026-12-05T10:00:00.000Z',
  facts: [
    normalizeFact({
      label: 'Employees',
      value: 145,
      kind: 'count',
      asOf: '2024',
      source: {
        url: 'https://www.wikidata.org/wiki/Q900001#P1128',
        publisher: 'Wikidata',
        title: 'Halden River Trust (Q900001), employees (P1128)',
        retrieved: '2026-12-05',
      },
    }),
  ],
  choices: [],
  problem: null,
};

describe('freshness words', () => {
  it('says how long ago, and "today" for a disagreement', () => {
    expect(fetchedAgo(VIEW.fetched, NOW)).toBe('fetched 2 min ago');
    expect(fetchedAgo(VIEW.fetched, new Date('2026-12-05T10:00:20Z'))).toBe('fetched just now');
    expect(fetchedAgo(VIEW.fetched, new Date('2026-12-07T11:00:00Z'))).toBe('fetched 2 days ago');
    expect(attribution(VIEW, NOW)).toBe('From Wikipedia · CC BY-SA · fetched 2 min ago');
    expect(fetchedOn(VIEW.fetched, NOW)).toBe('fetched today');
    expect(fetchedOn('2026-12-03T08:00:00Z', NOW)).toBe('fetched on 3 Dec 2026');
  });
});

describe('the sidebar offer and note', () => {
  const state = { status: 'off' as const, unknownCount: 7, pending: false, views: {}, note: null };

  it('offers to look up the unknown names, saying what is sent, and accepts from the click', async () => {
    const onAccept = vi.fn();
    const { getByTestId, getByRole, container } = render(<OnlineBar online={state} onAccept={onAccept} />);
    expect(getByTestId('online-offer').textContent).toContain('Look up 7 names on Wikipedia?');
    expect(getByTestId('online-offer').textContent).toContain(WHAT_IS_SENT);
    fireEvent.click(getByRole('button', { name: 'Look up' }));
    expect(onAccept).toHaveBeenCalledOnce();
    expect((await axe.run(container)).violations).toEqual([]);
  });

  it.each(['on', 'locked', 'site-off'] as const)('makes no offer when the mode is %s', (status) => {
    const { queryByTestId } = render(<OnlineBar online={{ ...state, status }} onAccept={() => {}} />);
    expect(queryByTestId('online-offer')).toBeNull();
  });

  it('makes no offer when every name is known, and shows a failure as a quiet note', () => {
    const { queryByTestId, getByTestId } = render(
      <OnlineBar
        online={{ ...state, unknownCount: 0, note: 'Wikipedia did not answer in time' }}
        onAccept={() => {}}
      />,
    );
    expect(queryByTestId('online-offer')).toBeNull();
    expect(getByTestId('online-note').textContent).toBe('Wikipedia did not answer in time');
    expect(getByTestId('online-note').getAttribute('role')).toBeNull();
  });
});

describe('a summary from Wikipedia', () => {
  it('shows description, extract as text, attribution with links, and Wikidata figures as statements', async () => {
    const { getByTestId, container } = render(<OnlineSummary view={VIEW} now={NOW} />);
    const box = getByTestId('online-summary');
    expect(box.textContent).toContain('Conservation charity in Northwind');
    // Markup in an extract stays text.
    expect(box.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(container.querySelector('img')).toBeNull();
    expect(getByTestId('online-attribution').textContent).toBe('From Wikipedia · CC BY-SA · fetched 2 min ago');
    const links = Array.from(container.querySelectorAll('a')).map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Wikipedia', 'https://en.wikipedia.org/wiki/Halden_River_Trust'],
      ['CC BY-SA', 'https://creativecommons.org/licenses/by-sa/4.0/'],
      ['Wikidata statement', 'https://www.wikidata.org/wiki/Q900001#P1128'],
    ]);
    expect(box.textContent).toContain('Employees145');
    expect(box.textContent).toContain('retrieved 5 Dec 2026');
    expect((await axe.run(container)).violations).toEqual([]);
  });

  it('lists the articles a name may mean when the choice was unclear, never a javascript: link', () => {
    const view = {
      ...VIEW,
      title: null,
      choices: [
        { title: 'Mercury Valley Mine', description: 'Former cinnabar mine', url: 'https://en.wikipedia.org/wiki/M' },
        { title: 'Bad', description: null, url: HOSTILE[1] },
      ],
    };
    const { getByTestId } = render(<OnlineSummary view={view} />);
    const hrefs = Array.from(getByTestId('online-choices').querySelectorAll('a')).map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual(['https://en.wikipedia.org/wiki/M', null]);
  });

  it('says "Wikidata now says …, fetched today" where a curated office disagrees', () => {
    const curated = [
      normalizeFact({
        label: 'Office',
        value: 'Chief engineer of the Northwind Water Authority',
        kind: 'office',
        asOf: '2025-01',
        source: 'https://example.org/a',
      }),
    ];
    const online = {
      ...VIEW,
      fetched: NOW.toISOString(),
      facts: [
        {
          ...VIEW.facts[0]!,
          label: 'Position held',
          kind: 'office' as const,
          value: 'Director of the Clearwater Agency',
        },
      ],
    };
    const { getByTestId } = render(<WikidataNow facts={curated} view={online} now={NOW} />);
    expect(getByTestId('wikidata-now').textContent).toBe(
      'Office: Wikidata now says Director of the Clearwater Agency, fetched today (Wikidata statement); Backstory’s entry says Chief engineer of the Northwind Water Authority.',
    );
    const agree = render(
      <WikidataNow facts={curated} view={{ ...online, facts: [{ ...online.facts[0]!, value: curated[0]!.value }] }} />,
    );
    expect(agree.container.textContent).toBe('');
  });

  it('shows in the hover card of a name the knowledge base lacks', () => {
    const entity = makeEntity({ name: 'Halden River Trust', type: 'organization', id: null });
    const { getByTestId } = render(
      <HoverCard
        entity={entity}
        entry={undefined}
        position={{ left: 0, top: 0 }}
        online={VIEW}
        onOpenInSidebar={() => {}}
        onClose={() => {}}
      />,
    );
    const card = getByTestId('card-online').textContent ?? '';
    expect(card).toContain('Conservation charity in Northwind');
    expect(card).toContain('From Wikipedia · CC BY-SA');
    cleanup();
    const known = render(
      <HoverCard
        entity={makeEntity({ name: 'Northwind', type: 'organization' })}
        entry={makeEntry({ id: 'northwind', name: 'Northwind', type: 'organization' })}
        position={{ left: 0, top: 0 }}
        online={VIEW}
        onOpenInSidebar={() => {}}
        onClose={() => {}}
      />,
    );
    // A curated entry keeps its own description: online answers only add "Wikidata now says".
    expect(known.queryByTestId('card-online')).toBeNull();
  });
});

describe('the options page switch', () => {
  const permissions = (granted: boolean | Error) => ({
    request: vi.fn(() => (granted instanceof Error ? Promise.reject(granted) : Promise.resolve(granted))),
    remove: vi.fn(() => Promise.resolve(true)),
  });

  it('asks the browser first and saves only when granted', async () => {
    const p = permissions(true);
    const save = vi.fn(async () => {});
    const setNote = vi.fn();
    expect(await setOnline(true, { permissions: p, save, setNote })).toBe(true);
    expect(p.request).toHaveBeenCalledOnce();
    expect(save).toHaveBeenCalledWith({ onlineMode: true });
  });

  it.each([false, new Error('not from a user gesture')])('stays off with a quiet note when refused (%s)', async (g) => {
    const p = permissions(g);
    const save = vi.fn(async () => {});
    const setNote = vi.fn();
    expect(await setOnline(true, { permissions: p, save, setNote })).toBe(false);
    expect(save).not.toHaveBeenCalled();
    expect(setNote).toHaveBeenCalledWith(REFUSED_NOTE);
  });

  it('turning off saves, then gives the permission back', async () => {
    const p = permissions(true);
    const order: string[] = [];
    const save = vi.fn(async () => void order.push('save'));
    p.remove.mockImplementation(async () => (order.push('remove'), true));
    expect(await setOnline(false, { permissions: p, save, setNote: () => {} })).toBe(false);
    expect(order).toEqual(['save', 'remove']);
  });

  it('is a labelled checkbox that says what is sent, shows the note, and is disabled when the school locks it', async () => {
    const onSet = vi.fn();
    const { getByLabelText, getByTestId, container } = render(
      <OnlineSwitch settings={DEFAULT_SETTINGS} locked={new Set()} note={REFUSED_NOTE} onSet={onSet} />,
    );
    const box = getByLabelText(/Look up names Backstory does not know/) as HTMLInputElement;
    expect(container.textContent).toContain(WHAT_IS_SENT);
    expect(getByTestId('online-refused').textContent).toBe(REFUSED_NOTE);
    fireEvent.click(box);
    expect(onSet).toHaveBeenCalledWith(true);
    // The box shows the saved setting until the browser has said yes.
    expect(box.checked).toBe(false);
    expect((await axe.run(container)).violations).toEqual([]);
    cleanup();
    const locked = render(
      <OnlineSwitch settings={DEFAULT_SETTINGS} locked={new Set(['onlineMode'])} note={null} onSet={onSet} />,
    );
    const lockedBox = locked.getByLabelText(/Look up names/) as HTMLInputElement;
    expect(lockedBox.disabled).toBe(true);
    expect(locked.container.textContent).toContain('Set by your school or administrator.');
  });
});

// @vitest-environment happy-dom
/**
 * The options page under a school's policy, against the real background service and the
 * real settings layer (lib/storage/managed.ts) with in-memory storage: what the policy sets
 * is named at the top, the controls of locked settings are disabled and say who set them,
 * and the school's sites and packs have no controls that would change them.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { cleanup, fireEvent, render, within } from '@testing-library/preact';
import axe from 'axe-core';
import { OptionsApp } from '../../components/options/OptionsApp.tsx';
import { createBackgroundService, type Store } from '../../lib/background/service.ts';
import { mergePacks } from '../../lib/kb/build-index.ts';
import { parsePackImport } from '../../lib/kb/import.ts';
import { createClient } from '../../lib/messaging/client.ts';
import { normalizeFact, type KnowledgePack } from '../../lib/kb/schema.ts';
import { DEFAULT_SETTINGS, type Settings, type SitePolicy } from '../../lib/storage/settings.ts';
import { parseManagedPolicy, withManaged } from '../../lib/storage/managed.ts';
import CLASS_PACK from '../fixtures/packs/classroom-pack.json?raw';

afterEach(cleanup);

const BUILTIN: KnowledgePack[] = [
  {
    pack: {
      id: 'world',
      title: 'The world',
      version: '2.1.0',
      license: 'CC BY 4.0',
      sources: ['https://example.org/'],
    },
    entries: [
      {
        id: 'kazakhstan',
        name: 'Kazakhstan',
        type: 'country',
        aliases: [],
        description: 'Kazakhstan, for tests',
        summary: 'Kazakhstan is an entry made up for the options page tests, long enough to be a summary.',
        facts: [normalizeFact({ label: 'Area', value: 1, unit: 'km²', source: 'https://example.org/facts' })],
        related: [],
        wikipedia: null,
        reviewed: '2026-11-28',
      },
    ],
  },
];

const POLICY = {
  settings: { onlineMode: false, highlightTypes: ['place', 'person'], theme: 'dark' },
  lockedSettings: ['onlineMode', 'highlightTypes', 'hoverShowDelay'],
  neverSites: ['games.example'],
  packs: [CLASS_PACK],
};

function setup(raw: unknown = POLICY, student: { sites?: Record<string, SitePolicy> } = {}) {
  const data = {
    settings: { ...DEFAULT_SETTINGS } as Settings,
    sites: { ...student.sites } as Record<string, SitePolicy>,
    packs: [] as KnowledgePack[],
    disabled: [] as string[],
    applied: {} as Record<string, string>,
  };
  const policy = parseManagedPolicy(raw, (json) => parsePackImport(json, { reservedIds: new Set(['world']) }));
  const base: Store = {
    getSettings: async () => data.settings,
    setSettings: async (s) => void (data.settings = s),
    getSites: async () => data.sites,
    setSites: async (s) => void (data.sites = s),
    getUserPacks: async () => data.packs,
    setUserPacks: async (p) => void (data.packs = p),
    getDisabled: async () => data.disabled,
    setDisabled: async (d) => void (data.disabled = d),
  };
  const service = createBackgroundService({
    builtinPacks: BUILTIN,
    builtinIndex: mergePacks(BUILTIN).index,
    store: withManaged(base, {
      policy: async () => policy,
      getApplied: async () => data.applied,
      setApplied: async (a) => void (data.applied = a),
    }),
    extensionId: 'backstory-test',
    extensionOrigin: 'chrome-extension://backstory-test/',
    injectAnalyzer: async () => false,
    setBadge: () => undefined,
    broadcast: () => undefined,
  });
  const send = createClient(async (m) =>
    service.handle(m, { id: 'backstory-test', url: 'chrome-extension://backstory-test/options.html' }),
  );
  const view = render(<OptionsApp send={send} version="1.2.3" />);
  return { ...view, data };
}

async function ready(view: ReturnType<typeof setup>) {
  await view.findByRole('heading', { level: 2, name: 'Reading and highlighting' });
  await view.findByRole('heading', { level: 4, name: /The world/ });
}

describe('options page under a school policy', () => {
  it('names each locked setting with its value at the top, with the school’s sites and packs', async () => {
    const view = setup();
    await ready(view);
    const notice = view
      .getByRole('heading', { level: 2, name: 'Set by your school or administrator' })
      .closest('section')!;
    const values = Object.fromEntries(
      Array.from(notice.querySelectorAll('dt')).map((dt) => [dt.textContent, dt.nextElementSibling?.textContent]),
    );
    expect(values).toEqual({
      'Online mode': 'Off',
      'Types of names to highlight': 'Person, Place',
      'Hover card: show after': `${DEFAULT_SETTINGS.hoverShowDelay} ms`,
    });
    expect(notice.textContent).toContain('games.example');
    expect(notice.textContent).toContain('class-test-fictional');
  });

  it('disables the controls of locked settings, each described by who set it', async () => {
    const view = setup();
    await ready(view);
    const types = view.getByRole('group', { name: /Types of names to highlight/ });
    for (const box of within(types).getAllByRole('checkbox')) {
      expect((box as HTMLInputElement).disabled).toBe(true);
      expect(box.getAttribute('aria-disabled')).toBe('true');
      const hint = view.container.querySelector(`#${box.getAttribute('aria-describedby')}`);
      expect(hint?.textContent).toBe('Set by your school or administrator.');
    }
    expect((view.getByLabelText('Show after (milliseconds)') as HTMLInputElement).disabled).toBe(true);
    // The unlocked settings stay the student's, starting from the school's value.
    const dark = view.getByLabelText('Dark') as HTMLInputElement;
    expect(dark.checked).toBe(true);
    expect(dark.disabled).toBe(false);
    expect((view.getByLabelText('Hide after (milliseconds)') as HTMLInputElement).disabled).toBe(false);
    fireEvent.click(view.getByLabelText('Light'));
    await view.findByText('Saved');
    expect(view.data.settings.theme).toBe('light');
  });

  it('shows the reading trail locked off: named at the top, its switch and days disabled and described', async () => {
    const view = setup({
      settings: { readingTrail: false },
      lockedSettings: ['readingTrail', 'trailRetentionDays'],
    });
    view.data.settings = { ...view.data.settings, readingTrail: true };
    await ready(view);
    const notice = view.getByTestId('managed');
    expect(notice.textContent).toContain('Reading trail');
    const trail = view.getByLabelText('Keep a reading trail on this device') as HTMLInputElement;
    // The student's own "on" from before the policy does not show through the lock.
    expect(trail.checked).toBe(false);
    const days = view.getByLabelText('Keep articles for (days)') as HTMLInputElement;
    for (const control of [trail, days]) {
      expect(control.disabled).toBe(true);
      expect(control.getAttribute('aria-disabled')).toBe('true');
      const hint = view.container.querySelector(`#${control.getAttribute('aria-describedby')!.split(' ')[0]}`);
      expect(hint?.textContent).toBe('Set by your school or administrator.');
    }
    // Its own explanation stays attached to the switch.
    expect(trail.getAttribute('aria-describedby')).toContain('opt-trail-hint');
  });

  it('shows the school’s site without a control, beside the student’s own that keep theirs', async () => {
    const view = setup(POLICY, { sites: { 'blog.example': 'always' } });
    await ready(view);
    const row = view.getByRole('rowheader', { name: 'games.example' }).closest('tr')!;
    expect(row.textContent).toContain('Set by your school or administrator.');
    expect(within(row).queryByRole('button')).toBeNull();
    expect(within(row).queryByRole('combobox')).toBeNull();
    const own = view.getByRole('rowheader', { name: 'blog.example' }).closest('tr')!;
    expect(within(own).getByRole('button', { name: /Remove/ })).toBeTruthy();
  });

  it('lists the school’s pack as installed, switched on, with no way to switch it off or delete it', async () => {
    const view = setup();
    await ready(view);
    const item = view.getByRole('heading', { level: 4, name: /Test class pack/ }).closest('li')!;
    expect(item.textContent).toContain('From your school');
    const toggle = within(item).getByRole('checkbox') as HTMLInputElement;
    expect(toggle.checked).toBe(true);
    expect(toggle.disabled).toBe(true);
    expect(within(item).queryByRole('button', { name: /Delete/ })).toBeNull();
    expect(view.getByText('You have not imported any pack yet.')).toBeTruthy();
  });

  it('tells the administrator what in the policy was not applied', async () => {
    const view = setup({ lockedSettings: ['onlineMode', 'paused'], packs: ['{"pack": 1}'] });
    await ready(view);
    const problems = view.getByTestId('managed-problems');
    expect(problems.textContent).toMatch(/"paused" in lockedSettings is not a setting that can be locked/);
    expect(problems.textContent).toMatch(/Pack 1 of the policy was not installed/);
  });

  it('shows nothing about a school when no policy is set', async () => {
    const view = setup({});
    await ready(view);
    expect(view.queryByText('Set by your school or administrator')).toBeNull();
    expect(view.container.querySelector('[disabled]')).toBeNull();
  });

  it('has no serious or critical axe violations', async () => {
    const view = setup();
    await ready(view);
    const results = await axe.run(view.container, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });
});

/**
 * Classroom deployment (issue 19, part 3): a school's policy read from managed storage is
 * checked like anything a student saves, put over the student's own settings, and every
 * write it forbids is refused with a message that says why, through the background's
 * own message handlers.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackgroundService, type Store } from '../../lib/background/service.ts';
import { loadBuiltinPacks } from '../../scripts/lib/load-builtin.ts';
import { mergePacks } from '../../lib/kb/build-index.ts';
import { parsePackImport } from '../../lib/kb/import.ts';
import type { KnowledgePack } from '../../lib/kb/schema.ts';
import { DEFAULT_SETTINGS, type Settings, type SitePolicy } from '../../lib/storage/settings.ts';
import {
  parseManagedPolicy,
  withManaged,
  managedView,
  EMPTY_POLICY,
  type ManagedPolicy,
  type ManagedView,
} from '../../lib/storage/managed.ts';

const { packs } = loadBuiltinPacks();
const index = mergePacks(packs).index;
const reservedIds = new Set(packs.map((p) => p.pack.id));
const parsePack = (json: string) => parsePackImport(json, { reservedIds });
const CLASS_PACK = readFileSync(join(process.cwd(), 'tests/fixtures/packs/classroom-pack.json'), 'utf8');
const CLASS_PACK_ID = 'class-test-fictional';

const EXT = 'backstory-test-id';
const ORIGIN = 'chrome-extension://backstory-test-id/';
const tab = { id: 7, url: 'https://news.example/story' };
const fromTab = { id: EXT, url: tab.url, tab, frameId: 0 };
const fromOptions = { id: EXT, url: `${ORIGIN}options.html` };

function setup(raw: unknown, student: Partial<Settings> = {}) {
  const data = {
    settings: { ...DEFAULT_SETTINGS, ...student } as Settings,
    sites: {} as Record<string, SitePolicy>,
    packs: [] as KnowledgePack[],
    disabled: [] as string[],
    applied: {} as Record<string, string>,
  };
  let policy: ManagedPolicy = parseManagedPolicy(raw, parsePack);
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
  const store = withManaged(base, {
    policy: async () => policy,
    getApplied: async () => data.applied,
    setApplied: async (a) => void (data.applied = a),
  });
  const svc = createBackgroundService({
    builtinPacks: packs,
    builtinIndex: index,
    store,
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    injectAnalyzer: async () => true,
    setBadge: () => undefined,
    broadcast: () => undefined,
  });
  const send = async (type: string, payload: unknown, sender: object = fromOptions) =>
    (await svc.handle({ type, payload }, sender)) as { ok: boolean; value?: unknown; error?: string };
  /** The administrator changes the policy (the background drops its cached copy and knowledge base). */
  const setPolicy = (next: unknown) => {
    policy = parseManagedPolicy(next, parsePack);
    svc.invalidateKb();
  };
  return { data, store, svc, send, setPolicy };
}

const LOCKED_OFFLINE = {
  settings: { onlineMode: false, readingTrail: false, highlightTypes: ['place', 'organization'] },
  lockedSettings: ['onlineMode', 'readingTrail', 'highlightTypes'],
};

describe('the policy as read from managed storage', () => {
  it('keeps valid settings, locks, sites and packs, and lists every part it could not apply', () => {
    const p = parseManagedPolicy(
      {
        settings: { onlineMode: false, theme: 'neon', paused: true, highlightTypes: ['place', 'country', 'place'] },
        lockedSettings: ['onlineMode', 'sidebarWidth'],
        neverSites: ['https://www.games.example/play', 'not a site'],
        alwaysSites: ['games.example', 'news.example'],
        packs: [CLASS_PACK, '{"pack":', 42, CLASS_PACK],
      },
      parsePack,
    );
    expect(p.settings).toEqual({ onlineMode: false, highlightTypes: ['country', 'place'] });
    expect(p.locked).toEqual(['onlineMode']);
    // "never" wins for a host on both lists; "www." and paths are dropped as for the student's own list.
    expect(p.sites).toEqual({ 'games.example': 'never', 'news.example': 'always' });
    expect(p.packs.map((x) => x.pack.id)).toEqual([CLASS_PACK_ID]);
    expect(p.problems.join('\n')).toMatch(/"theme" is not valid/);
    expect(p.problems.join('\n')).toMatch(/"paused" cannot be set by a policy/);
    expect(p.problems.join('\n')).toMatch(/"sidebarWidth" in lockedSettings/);
    expect(p.problems.join('\n')).toMatch(/"not a site" in neverSites is not a web site/);
    expect(p.problems.join('\n')).toMatch(/Pack 2 of the policy was not installed: The file is not valid JSON/);
    expect(p.problems.join('\n')).toMatch(/Pack 3 of the policy was not installed: each pack is the text/);
    expect(p.problems.join('\n')).toMatch(/Pack 4 .* another pack of the policy has the id/);
  });

  it('refuses a pack that takes the id of a built-in pack', () => {
    const clash = JSON.stringify({ ...JSON.parse(CLASS_PACK), pack: { ...JSON.parse(CLASS_PACK).pack, id: 'world' } });
    const p = parseManagedPolicy({ packs: [clash] }, parsePack);
    expect(p.packs).toEqual([]);
    expect(p.problems[0]).toMatch(/used by a built-in pack/);
  });

  it('is no policy at all when managed storage is empty or not an object', () => {
    for (const raw of [{}, null, 'x', []]) expect(parseManagedPolicy(raw, parsePack)).toEqual(EMPTY_POLICY);
    expect(managedView(EMPTY_POLICY).active).toBe(false);
  });
});

describe('effective settings: the policy over the student', () => {
  it('gives locked settings their policy value whatever the student had chosen', async () => {
    const t = setup(LOCKED_OFFLINE, { onlineMode: true, readingTrail: true, theme: 'dark' });
    const s = (await t.send('cs/get-settings', {}, fromTab)).value as { settings: Settings };
    expect(s.settings).toMatchObject({ onlineMode: false, readingTrail: false, theme: 'dark' });
    expect(s.settings.highlightTypes).toEqual(['organization', 'place']);
  });

  it('locks a setting the policy gives no value for at the default', async () => {
    const t = setup({ lockedSettings: ['onlineMode'] }, { onlineMode: true });
    expect((await t.store.getSettings()).onlineMode).toBe(DEFAULT_SETTINGS.onlineMode);
  });

  it('refuses to change a locked setting from the options page and from the sidebar, saying who set it', async () => {
    const t = setup({ ...LOCKED_OFFLINE, lockedSettings: [...LOCKED_OFFLINE.lockedSettings, 'highlights'] });
    const online = await t.send('opt/save-settings', { settings: { onlineMode: true } });
    expect(online).toEqual({
      ok: false,
      error: '“Online mode” is set by your school or administrator and cannot be changed here.',
    });
    const trail = await t.send('opt/save-settings', { settings: { readingTrail: true } });
    expect(trail.error).toMatch(/“Reading trail” is set by your school or administrator/);
    const fromSidebar = await t.send('cs/save-ui-settings', { highlights: false }, fromTab);
    expect(fromSidebar.error).toMatch(/“Highlights” is set by your school/);
    expect((await t.store.getSettings()).onlineMode).toBe(false);
    expect(t.data.settings.highlights).toBe(true);
  });

  it('saves what is not locked, and keeps the student’s own value of a locked setting for when the policy goes', async () => {
    const t = setup(LOCKED_OFFLINE, { onlineMode: true });
    const r = await t.send('opt/save-settings', { settings: { theme: 'light' } });
    expect(r.ok).toBe(true);
    expect((r.value as Settings).onlineMode).toBe(false);
    expect(t.data.settings).toMatchObject({ theme: 'light', onlineMode: true });
    t.setPolicy({});
    expect((await t.store.getSettings()).onlineMode).toBe(true);
  });

  it('applies an unlocked policy value once, as a starting value the student may change', async () => {
    const t = setup({ settings: { autoOpenSidebar: false } });
    expect((await t.store.getSettings()).autoOpenSidebar).toBe(false);
    expect((await t.send('opt/save-settings', { settings: { autoOpenSidebar: true } })).ok).toBe(true);
    expect((await t.store.getSettings()).autoOpenSidebar).toBe(true);
    // A new value from the administrator is applied again, once.
    t.setPolicy({ settings: { autoOpenSidebar: true, theme: 'dark' } });
    expect((await t.store.getSettings()).theme).toBe('dark');
    await t.send('opt/save-settings', { settings: { theme: 'light' } });
    expect((await t.store.getSettings()).theme).toBe('light');
  });

  it('tells the options page what is managed', async () => {
    const t = setup({ ...LOCKED_OFFLINE, neverSites: ['games.example'], packs: [CLASS_PACK] });
    const state = (await t.send('opt/get-state', {})).value as { managed: ManagedView; sites: object };
    expect(state.managed).toEqual({
      active: true,
      locked: ['onlineMode', 'readingTrail', 'highlightTypes'],
      values: { onlineMode: false, readingTrail: false, highlightTypes: ['organization', 'place'] },
      sites: ['games.example'],
      packs: [CLASS_PACK_ID],
      problems: [],
    });
    expect(state.sites).toEqual({ 'games.example': 'never' });
  });
});

describe('the school’s sites', () => {
  it('keeps Backstory off a site the policy lists, and the student cannot switch it back on', async () => {
    const t = setup({ neverSites: ['games.example'] });
    const seen = await t.send(
      'cs/page-seen',
      { url: 'https://games.example/a', readerable: true },
      { ...fromTab, tab: { id: 7, url: 'https://games.example/a' } },
    );
    expect(seen).toEqual({ injected: false });
    const r = await t.send('opt/set-site-policy', { host: 'games.example', policy: 'default' });
    expect(r.error).toBe(
      'Backstory on games.example is set by your school or administrator and cannot be changed here.',
    );
    expect((await t.send('cs/set-site-policy', { host: 'www.games.example', policy: 'always' }, fromTab)).ok).toBe(
      false,
    );
  });

  it('still lets the student set other sites, without copying the school’s into their own list', async () => {
    const t = setup({ neverSites: ['games.example'] });
    expect((await t.send('opt/set-site-policy', { host: 'blog.example', policy: 'never' })).ok).toBe(true);
    expect(t.data.sites).toEqual({ 'blog.example': 'never' });
    expect(await t.store.getSites()).toEqual({ 'blog.example': 'never', 'games.example': 'never' });
  });
});

describe('the school’s packs', () => {
  let t: ReturnType<typeof setup>;
  beforeEach(() => (t = setup({ packs: [CLASS_PACK] })));

  it('are installed: their names are found in an article', async () => {
    const r = await t.send(
      'cs/analyze',
      {
        url: tab.url,
        title: 'Dry summer',
        text: 'Water levels at the Quillmere Reservoir fell again this summer, the county said on Tuesday.',
        truncated: false,
      },
      fromTab,
    );
    const ids = (r.value as { result: { entities: { id?: string }[] } }).result.entities.map((e) => e.id);
    expect(ids).toContain('class-test-quillmere-reservoir');
  });

  it('are listed as installed and switched on', async () => {
    const state = (await t.send('opt/get-state', {})).value as { packs: { meta: { id: string }; enabled: boolean }[] };
    expect(state.packs.find((p) => p.meta.id === CLASS_PACK_ID)).toMatchObject({ enabled: true });
  });

  it('cannot be deleted, switched off or replaced by an import', async () => {
    const message = /The pack “Test class pack \(fictional\)” was installed by your school or administrator/;
    expect((await t.send('opt/delete-pack', { id: CLASS_PACK_ID })).error).toMatch(message);
    expect((await t.send('opt/set-pack-enabled', { id: CLASS_PACK_ID, enabled: false })).error).toMatch(message);
    expect((await t.send('opt/import-pack', { json: CLASS_PACK })).error).toMatch(message);
    expect(t.data.packs).toEqual([]);
    expect(t.data.disabled).toEqual([]);
  });

  it('leave the student’s own packs alone: importing and deleting one still works', async () => {
    const own = CLASS_PACK.replace(CLASS_PACK_ID, 'my-own-pack').replace(/class-test-quillmere/g, 'my-quillmere');
    expect((await t.send('opt/import-pack', { json: own })).ok).toBe(true);
    expect(t.data.packs.map((p) => p.pack.id)).toEqual(['my-own-pack']);
    expect((await t.send('opt/delete-pack', { id: 'my-own-pack' })).ok).toBe(true);
    expect(t.data.packs).toEqual([]);
  });
});

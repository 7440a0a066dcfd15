/**
 * The reading trail in the background, through the message handler as the extension uses
 * it (real engine, fake-indexeddb, plain fakes for the rest): nothing is recorded while the
 * trail is off, on a "never" site or in a private window; the offer comes after the third
 * article; once on, the sidebar gets per-entity counts and the coverage comparison; the
 * trail page lists, exports and deletes; old records are pruned.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBackgroundService } from '../../lib/background/service.ts';
import { createTrail, OFFER_AFTER } from '../../lib/background/trail.ts';
import { mergePacks } from '../../lib/kb/build-index.ts';
import { DEFAULT_SETTINGS, type Settings, type SitePolicy } from '../../lib/storage/settings.ts';
import { parseManagedPolicy, withManaged } from '../../lib/storage/managed.ts';
import { openTrailDb, type TrailDb } from '../../lib/trail/db.ts';
import type { OfferState, TrailView } from '../../lib/trail/types.ts';
import { loadBuiltinPacks } from '../../scripts/lib/load-builtin.ts';
import { DAY, NOW } from './helpers.ts';

const { packs } = loadBuiltinPacks();
const index = mergePacks(packs).index;
const EXT = 'backstory-test-id';
const ORIGIN = 'chrome-extension://backstory-test-id/';
const fromPage = { id: EXT, url: `${ORIGIN}trail.html` };

const story = (area: string) =>
  `Leaders of the Shanghai Cooperation Organisation met in Tianjin this week. India and Pakistan both sent ministers. ` +
  `The SCO said its new water programme covers ${area} square kilometres of farmland. ` +
  `India and Pakistan agreed to share data with the SCO.`;

/** `policy`: a school's managed policy, applied through the settings layer as entrypoints/background.ts does. */
function setup(over: { incognito?: boolean; policy?: unknown } = {}) {
  globalThis.indexedDB = new IDBFactory();
  const db: TrailDb = openTrailDb();
  const data = {
    settings: { ...DEFAULT_SETTINGS } as Settings,
    sites: {} as Record<string, SitePolicy>,
    offer: { analysed: 0, dismissed: false } as OfferState,
    opened: 0,
    now: NOW,
  };
  const policy = parseManagedPolicy(over.policy ?? {}, () => ({ ok: false, error: 'no packs in these tests' }));
  const store = withManaged(
    {
      getSettings: async () => data.settings,
      setSettings: async (s: Settings) => void (data.settings = s),
      getSites: async () => data.sites,
      setSites: async (s: Record<string, SitePolicy>) => void (data.sites = s),
      getUserPacks: async () => [],
      setUserPacks: async () => undefined,
      getDisabled: async () => [],
      setDisabled: async () => undefined,
    },
    { policy: async () => policy, getApplied: async () => ({}), setApplied: async () => undefined },
  );
  const trail = createTrail({
    db,
    getSettings: () => store.getSettings(),
    setSettings: (s) => store.setSettings(s),
    policyFor: async (url) => data.sites[new URL(url).hostname] ?? 'default',
    trailLocked: async () => (await store.getManaged()).locked.includes('readingTrail'),
    getOffer: async () => data.offer,
    setOffer: async (s) => void (data.offer = s),
    openTrailPage: async () => void data.opened++,
    now: () => data.now,
  });
  const svc = createBackgroundService({
    builtinPacks: packs,
    builtinIndex: index,
    store,
    trail,
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    injectAnalyzer: async () => true,
    setBadge: () => undefined,
    broadcast: () => undefined,
  });
  let nextTab = 1;
  /** Reads an article in a new tab, as the analyzer does: a quick pass, then the full one; returns the sidebar's trail view. */
  async function read(url: string, area = '1,100', incognito = over.incognito ?? false): Promise<TrailView> {
    const tab = { id: nextTab++, url, incognito };
    const sender = { id: EXT, url, tab, frameId: 0 };
    for (const quick of [true, false]) {
      const res = (await svc.handle(
        {
          type: 'cs/analyze',
          payload: { url, title: `Summit story on ${url}`, text: story(area), truncated: false, quick },
        },
        sender,
      )) as { ok: boolean };
      expect(res.ok).toBe(true);
    }
    const view = (await svc.handle({ type: 'cs/trail-view', payload: {} }, sender)) as { ok: true; value: TrailView };
    return view.value;
  }
  const ask = (type: string, payload: object, sender: object = fromPage) =>
    svc.handle({ type, payload }, sender as never);
  return { db, data, read, ask, svc };
}

describe('reading trail: what is recorded', () => {
  let s: ReturnType<typeof setup>;
  beforeEach(() => (s = setup()));

  it('records nothing while the trail is off (the default)', async () => {
    await s.read('https://dawn.example/1');
    await s.read('https://reuters.example/2');
    expect(await s.db.count()).toBe(0);
  });

  it('records each fully analysed article once the trail is on: title, outlet, entities, figures tied to them', async () => {
    s.data.settings.readingTrail = true;
    await s.read('https://www.dawn.example/1#comments');
    const [a] = await s.db.all();
    expect(a).toMatchObject({ url: 'https://www.dawn.example/1', outlet: 'dawn.example', readAt: NOW });
    expect(a!.title).toBe('Summit story on https://www.dawn.example/1#comments');
    const sco = a!.entities.find((e) => e.key === 'shanghai-cooperation-organisation')!;
    expect(sco.mentions).toBe(3);
    expect(sco.figures.map((f) => [f.value, f.unit])).toEqual([[1100, 'square kilometres']]);
    expect(sco.figures[0]!.sentence).toMatch(/^The SCO said its new water programme covers/);
  });

  it('records nothing for a site on the "never" list', async () => {
    s.data.settings.readingTrail = true;
    s.data.sites['dawn.example'] = 'never';
    const view = await s.read('https://dawn.example/1');
    expect(view.recorded).toBe(false);
    expect(await s.db.count()).toBe(0);
  });

  it('records nothing in a private window, and shows nothing of the trail there', async () => {
    s.data.settings.readingTrail = true;
    await s.read('https://dawn.example/1');
    const view = await s.read('https://reuters.example/2', '1,100', true);
    expect(await s.db.count()).toBe(1);
    expect(view).toMatchObject({ recorded: false, stored: 0, entities: [], comparison: null });
  });

  it('prunes records past the retention limit when the next article is recorded', async () => {
    s.data.settings.readingTrail = true;
    s.data.settings.trailRetentionDays = 30;
    await s.read('https://dawn.example/old');
    s.data.now = NOW + 31 * DAY;
    await s.read('https://dawn.example/new');
    expect((await s.db.all()).map((a) => a.url)).toEqual(['https://dawn.example/new']);
  });
});

describe('reading trail: the sidebar', () => {
  it(`offers the trail after the ${OFFER_AFTER}rd article with a bare count, and records the one it is accepted on`, async () => {
    const s = setup();
    expect((await s.read('https://a.example/1')).offer).toBe(false);
    expect((await s.read('https://b.example/2')).offer).toBe(false);
    const view = await s.read('https://c.example/3');
    expect(view.offer).toBe(true);
    expect(s.data.offer).toEqual({ analysed: OFFER_AFTER, dismissed: false });
    const sender = { id: EXT, url: 'https://c.example/3', tab: { id: 3, url: 'https://c.example/3' }, frameId: 0 };
    expect(await s.ask('cs/trail-offer', { accept: true }, sender)).toEqual({ ok: true, value: null });
    expect(s.data.settings.readingTrail).toBe(true);
    expect((await s.ask('cs/trail-view', {}, sender)) as unknown).toMatchObject({
      ok: true,
      value: { enabled: true, offer: false, recorded: true, stored: 1 },
    });
  });

  it('makes no offer in a private window, nor again once declined', async () => {
    const priv = setup({ incognito: true });
    for (const u of ['https://a.example/1', 'https://b.example/2', 'https://c.example/3', 'https://d.example/4'])
      expect((await priv.read(u)).offer).toBe(false);
    expect(priv.data.offer.analysed).toBe(0);
    const s = setup();
    for (const u of ['https://a.example/1', 'https://b.example/2', 'https://c.example/3']) await s.read(u);
    const sender = { id: EXT, url: 'https://c.example/3', tab: { id: 3 }, frameId: 0 };
    await s.ask('cs/trail-offer', { accept: false }, sender);
    expect((await s.read('https://d.example/4')).offer).toBe(false);
  });

  it('makes no offer, and records nothing, when a school policy locks the trail off', async () => {
    const s = setup({ policy: { settings: { readingTrail: false }, lockedSettings: ['readingTrail'] } });
    // The student had turned it on before the policy came: the lock wins.
    s.data.settings.readingTrail = true;
    for (const u of ['https://a.example/1', 'https://b.example/2', 'https://c.example/3', 'https://d.example/4']) {
      const view = await s.read(u);
      expect(view).toMatchObject({ enabled: false, offer: false, recorded: false, stored: 0 });
    }
    expect(await s.db.count()).toBe(0);
    // A sidebar that still shows an old offer cannot turn it on either.
    const sender = { id: EXT, url: 'https://d.example/4', tab: { id: 4 }, frameId: 0 };
    expect(await s.ask('cs/trail-offer', { accept: true }, sender)).toMatchObject({ ok: false });
    expect(await s.db.count()).toBe(0);
  });

  it('makes no offer when a school policy locks the trail on: it is already on', async () => {
    const s = setup({ policy: { settings: { readingTrail: true }, lockedSettings: ['readingTrail'] } });
    for (const u of ['https://a.example/1', 'https://b.example/2', 'https://c.example/3'])
      expect((await s.read(u)).offer).toBe(false);
    expect(await s.db.count()).toBe(3);
  });

  it('shows per-entity counts and the coverage comparison with the differing figure', async () => {
    const s = setup();
    s.data.settings.readingTrail = true;
    await s.read('https://reuters.example/a', '1,100');
    s.data.now += DAY;
    await s.read('https://diplomat.example/b', '1,100');
    s.data.now += DAY;
    const view = await s.read('https://dawn.example/c', '1,000');
    expect(view.stored).toBe(3);
    const sco = view.entities.find((e) => e.key === 'shanghai-cooperation-organisation')!;
    expect(sco.articles).toHaveLength(2);
    expect(sco.outlets).toEqual(['diplomat.example', 'reuters.example']);
    expect(view.comparison!.articles.map((a) => a.outlet)).toEqual([
      'dawn.example',
      'diplomat.example',
      'reuters.example',
    ]);
    const diff = view.comparison!.differences.find((d) => d.key === 'shanghai-cooperation-organisation')!;
    expect(diff.figures.map((f) => `${f.text} (${f.outlet})`)).toEqual([
      '1,000 square kilometres (dawn.example)',
      '1,100 square kilometres (diplomat.example)',
      '1,100 square kilometres (reuters.example)',
    ]);
  });

  it('records nothing for the quick first pass (only the full analysis counts)', async () => {
    const s = setup();
    s.data.settings.readingTrail = true;
    const tab = { id: 9, url: 'https://dawn.example/q' };
    await s.svc.handle(
      { type: 'cs/analyze', payload: { url: tab.url, title: 't', text: story('5'), truncated: false, quick: true } },
      { id: EXT, url: tab.url, tab, frameId: 0 },
    );
    await s.ask('cs/trail-view', {}, { id: EXT, url: tab.url, tab, frameId: 0 });
    expect(await s.db.count()).toBe(0);
  });
});

describe('reading trail: the trail page', () => {
  let s: ReturnType<typeof setup>;
  beforeEach(async () => {
    s = setup();
    s.data.settings.readingTrail = true;
    await s.read('https://dawn.example/1');
    await s.read('https://dawn.example/2');
    await s.read('https://reuters.example/3');
  });

  it('lists and searches the trail', async () => {
    const all = (await s.ask('opt/trail-list', {})) as { ok: true; value: { articles: { url: string }[] } };
    expect(all.value.articles).toHaveLength(3);
    const found = (await s.ask('opt/trail-list', { query: 'reuters' })) as typeof all;
    expect(found.value.articles.map((a) => a.url)).toEqual(['https://reuters.example/3']);
  });

  it('exports JSON with every record and CSV with a row per article and entity', async () => {
    const json = (await s.ask('opt/trail-export', { format: 'json' })) as { ok: true; value: { text: string } };
    expect(JSON.parse(json.value.text).articles).toHaveLength(3);
    const csv = (await s.ask('opt/trail-export', { format: 'csv' })) as typeof json;
    const lines = csv.value.text.trim().split('\r\n');
    expect(lines[0]).toBe('date read,outlet,title,url,entity,type,mentions,figures');
    expect(lines.some((l) => l.includes('Shanghai Cooperation Organisation') && l.includes('1,100 square'))).toBe(true);
  });

  it('deletes one article, one site, then everything', async () => {
    await s.ask('opt/trail-delete', { scope: 'article', url: 'https://dawn.example/1' });
    expect(await s.db.count()).toBe(2);
    await s.ask('opt/trail-delete', { scope: 'site', outlet: 'dawn.example' });
    expect((await s.db.all()).map((a) => a.url)).toEqual(['https://reuters.example/3']);
    await s.ask('opt/trail-delete', { scope: 'all' });
    expect(await s.db.count()).toBe(0);
  });

  it('deletes everything when the reader asks from the sidebar, which then no longer says the article is kept', async () => {
    const sender = { id: EXT, url: 'https://reuters.example/3', tab: { id: 3 }, frameId: 0 };
    expect(await s.ask('cs/trail-view', {}, sender)).toMatchObject({ value: { recorded: true, stored: 3 } });
    expect(await s.ask('cs/trail-delete-all', {}, sender)).toEqual({ ok: true, value: null });
    expect(await s.db.count()).toBe(0);
    expect(await s.ask('cs/trail-view', {}, sender)).toMatchObject({ value: { recorded: false, stored: 0 } });
  });

  it('refuses the trail page messages from a web page', async () => {
    const res = await s.ask(
      'opt/trail-delete',
      { scope: 'all' },
      { id: EXT, url: 'https://evil.example/', tab: { id: 1 } },
    );
    expect(res).toMatchObject({ ok: false });
    expect(await s.db.count()).toBe(3);
  });
});

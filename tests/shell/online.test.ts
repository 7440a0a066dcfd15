/**
 * Online mode in the background (lib/background/online.ts) with fakes: nothing is fetched
 * unless the mode is on, the hosts are granted, no policy locks it and the site is not
 * "Never"; answers are cached in storage and read back; 429 stops the asking for a while;
 * turning off forgets; the sidebar's offer turns the mode on or opens the options page.
 */
import { describe, it, expect } from 'vitest';
import { createOnline, type OnlineDeps } from '../../lib/background/online.ts';
import { createRateLimiter, type FetchLike } from '../../lib/online/index.ts';
import { DEFAULT_SETTINGS, type Settings, type SitePolicy } from '../../lib/storage/settings.ts';
import { answer } from '../fixtures/wikimedia.ts';

const ORIGINS = { wikipedia: 'https://wp.test', wikidata: 'https://wd.test' };
const TAB = { id: 1, url: 'https://news.example/story?id=7', incognito: false };
const TRUST = { key: 'new:organization:halden river trust', name: 'Halden River Trust', title: null };

function setup(opts: { on?: boolean; locked?: boolean; policy?: SitePolicy; granted?: boolean; status?: number } = {}) {
  let settings: Settings = { ...DEFAULT_SETTINGS, onlineMode: opts.on ?? true };
  const calls: string[] = [];
  let stored: unknown = null;
  let clock = Date.parse('2026-12-05T10:00:00Z');
  const log = { changed: 0, opened: 0, saves: 0 };
  const fetch: FetchLike = async (url) => {
    calls.push(url);
    const [status, body] = opts.status ? [opts.status, {}] : answer(url.replace(/^https:\/\/(wp|wd)\.test/, ''));
    return { ok: status < 300, status, json: async () => body };
  };
  const deps: OnlineDeps = {
    getSettings: async () => settings,
    setSettings: async (s) => void (settings = s),
    onlineLocked: async () => !!opts.locked,
    policyFor: async () => opts.policy ?? 'default',
    hasPermission: async () => opts.granted ?? true,
    openOptions: async () => void log.opened++,
    settingsChanged: () => void log.changed++,
    fetch,
    origins: ORIGINS,
    cacheStore: {
      load: async () => stored,
      save: async (s) => {
        log.saves++;
        stored = JSON.parse(JSON.stringify(s));
      },
      clear: async () => void (stored = null),
    },
    now: () => clock,
    limiter: createRateLimiter(0, { now: () => 0, sleep: async () => undefined }),
  };
  const online = createOnline(deps);
  const lookup = (names = [TRUST], tab = TAB) =>
    online.handlers['cs/online-lookup']({ names, context: ['Kazakhstan', 'Halden River Trust'] }, { tab });
  return {
    online,
    deps,
    calls,
    log,
    lookup,
    settings: () => settings,
    stored: () => stored,
    advance: (ms: number) => void (clock += ms),
  };
}

describe('online mode in the background', () => {
  it('fetches nothing while the mode is off, and says the page may offer it', async () => {
    const t = setup({ on: false });
    expect(await t.lookup()).toEqual({ ok: true, value: { status: 'off', views: [], note: null } });
    expect(t.calls).toEqual([]);
  });

  it.each([
    [{ on: false, locked: true }, 'locked'],
    [{ policy: 'never' as const }, 'site-off'],
    [{ granted: false }, 'off'],
  ])('fetches nothing for %j (%s)', async (opts, status) => {
    const t = setup(opts);
    const r = await t.lookup();
    expect(r.ok && r.value.status).toBe(status);
    expect(t.calls).toEqual([]);
  });

  it('looks up an unknown name: summary as text, Wikidata figures, only names and titles sent', async () => {
    const t = setup();
    const r = await t.lookup();
    if (!r.ok) throw new Error(r.error);
    const [v] = r.value.views;
    expect(v).toMatchObject({
      key: TRUST.key,
      title: 'Halden River Trust',
      description: 'Conservation charity in Northwind',
      url: 'https://en.wikipedia.org/wiki/Halden_River_Trust',
      fetched: '2026-12-05T10:00:00.000Z',
      problem: null,
    });
    expect(v!.facts.find((f) => f.label === 'Employees')).toMatchObject({
      value: 145,
      source: { publisher: 'Wikidata' },
    });
    expect(JSON.stringify(v)).not.toMatch(/<img|<b>|thumbnail|upload\.wikimedia/);
    expect(r.value.note).toBeNull();
    for (const c of t.calls) expect(c).not.toMatch(/news\.example|story/);
    expect(t.calls[0]).toBe('https://wp.test/w/rest.php/v1/search/title?q=Halden%20River%20Trust&limit=5');
  });

  it('fetches a name once a week, across restarts, from the cache kept in storage', async () => {
    const t = setup();
    await t.lookup();
    const n = t.calls.length;
    await t.lookup();
    expect(t.calls.length).toBe(n);
    // A new background (the service worker restarted) reads the stored cache.
    const again = createOnline({ ...t.deps });
    await again.handlers['cs/online-lookup']({ names: [TRUST], context: [] }, { tab: TAB });
    expect(t.calls.length).toBe(n);
    t.advance(8 * 24 * 3600 * 1000);
    await t.lookup();
    expect(t.calls.length).toBeGreaterThan(n);
  });

  it('keeps nothing from a private window', async () => {
    const t = setup();
    await t.lookup([TRUST], { ...TAB, incognito: true });
    expect(t.log.saves).toBe(0);
    expect(t.stored()).toBeNull();
  });

  it('after a 429 says so quietly and asks nothing for a while', async () => {
    const t = setup({ status: 429 });
    const r = await t.lookup([TRUST, { key: 'k2', name: 'Maria Ostrova', title: null }]);
    expect(r.ok && r.value.note).toBe(
      'Wikipedia asked us to slow down; try again later; showing what Backstory knows offline.',
    );
    // The second name was not asked once the first was refused.
    expect(t.calls.length).toBe(1);
    const again = await t.lookup();
    expect(again.ok && again.value.note).toMatch(/slow down/);
    expect(t.calls.length).toBe(1);
  });

  it('degrades to a note on garbage and server errors, never an error', async () => {
    const t = setup({ status: 500 });
    const r = await t.lookup();
    expect(r).toMatchObject({ ok: true, value: { status: 'on', note: expect.stringMatching(/had a problem/) } });
    expect(r.ok && r.value.views[0]!.title).toBeNull();
  });

  it('forgets everything when turned off', async () => {
    const t = setup();
    await t.lookup();
    expect(t.stored()).not.toBeNull();
    await t.online.forget();
    expect(t.stored()).toBeNull();
    const n = t.calls.length;
    await t.lookup();
    expect(t.calls.length).toBeGreaterThan(n);
  });

  it('the offer turns the mode on when the hosts are granted, else opens the options page', async () => {
    const granted = setup({ on: false });
    expect(await granted.online.handlers['cs/online-offer']({}, {})).toEqual({
      ok: true,
      value: { on: true, openedOptions: false },
    });
    expect(granted.settings().onlineMode).toBe(true);
    expect(granted.log.changed).toBe(1);

    const notGranted = setup({ on: false, granted: false });
    expect(await notGranted.online.handlers['cs/online-offer']({}, {})).toEqual({
      ok: true,
      value: { on: false, openedOptions: true },
    });
    expect(notGranted.settings().onlineMode).toBe(false);
    expect(notGranted.log.opened).toBe(1);

    const locked = setup({ on: false, locked: true });
    expect((await locked.online.handlers['cs/online-offer']({}, {})).ok).toBe(false);
    expect(locked.settings().onlineMode).toBe(false);
  });
});

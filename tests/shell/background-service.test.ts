/**
 * The background's behaviour with plain fakes for every browser API: message
 * checks (sender, shape, size), article gating by site policy and pause, analysis
 * with the shipped knowledge base, and pack import that never loses what was stored.
 */
import { describe, it, expect, beforeEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBackgroundService, type Store } from '../../lib/background/service.ts';
import { loadBuiltinPacks } from '../../scripts/lib/load-builtin.ts';
import { mergePacks } from '../../lib/kb/build-index.ts';
import { DEFAULT_SETTINGS, type Settings, type SitePolicy } from '../../lib/storage/settings.ts';
import * as v from 'valibot';
import { PackSchema, type KnowledgePack } from '../../lib/kb/schema.ts';
import { MAX_MESSAGE_CHARS, MAX_PAGE_HTML_CHARS } from '../../lib/messaging/protocol.ts';

const { packs } = loadBuiltinPacks();
const index = mergePacks(packs).index;
const EXT = 'backstory-test-id';
const ORIGIN = 'chrome-extension://backstory-test-id/';
const tab = { id: 7, url: 'https://news.example/story' };
const fromTab = { id: EXT, url: tab.url, tab, frameId: 0 };
const fromOptions = { id: EXT, url: `${ORIGIN}options.html` };
const samplePack = readFileSync(join(process.cwd(), 'docs/examples/class-glossary-pack.json'), 'utf8');

function memoryStore(opts: { failWrites?: boolean } = {}) {
  const data = {
    settings: { ...DEFAULT_SETTINGS } as Settings,
    sites: {} as Record<string, SitePolicy>,
    packs: [] as KnowledgePack[],
    disabled: [] as string[],
  };
  const store: Store = {
    getSettings: async () => data.settings,
    setSettings: async (s) => void (data.settings = s),
    getSites: async () => data.sites,
    setSites: async (s) => void (data.sites = s),
    getUserPacks: async () => data.packs,
    setUserPacks: async (p) => {
      if (opts.failWrites) throw new Error('QUOTA_BYTES quota exceeded');
      data.packs = p;
    },
    getDisabled: async () => data.disabled,
    setDisabled: async (d) => void (data.disabled = d),
  };
  return { store, data };
}

function service(opts: { failWrites?: boolean } = {}) {
  const mem = memoryStore(opts);
  const injected: number[] = [];
  const badges: [number, string][] = [];
  const svc = createBackgroundService({
    builtinPacks: packs,
    builtinIndex: index,
    store: mem.store,
    extensionId: EXT,
    extensionOrigin: ORIGIN,
    injectAnalyzer: async (id) => (injected.push(id), true),
    setBadge: (id, text) => badges.push([id, text]),
    broadcast: () => undefined,
  });
  return { svc, mem, injected, badges };
}

describe('shell/background messages', () => {
  let s: ReturnType<typeof service>;
  beforeEach(() => (s = service()));

  it('ignores messages from other extensions or pages (no answer at all)', () => {
    expect(
      s.svc.handle({ type: 'cs/get-settings', payload: {} }, { id: 'someone-else', url: tab.url, tab }),
    ).toBeUndefined();
    expect(s.svc.handle({ type: 'cs/get-settings', payload: {} }, undefined as never)).toBeUndefined();
  });

  it.each([
    ['not an object', 'hello'],
    ['an unknown type', { type: 'cs/delete-everything', payload: {} }],
    ['a malformed payload', { type: 'cs/analyze', payload: { url: 1, text: null } }],
    ['extra fields', { type: 'cs/get-settings', payload: { evil: true } }],
    ['a prototype key', JSON.parse('{"type":"cs/get-entries","payload":{"ids":["x"],"__proto__":{"polluted":1}}}')],
    ['an oversized message', { type: 'opt/import-pack', payload: { json: 'x'.repeat(MAX_MESSAGE_CHARS + 10) } }],
  ])('rejects %s with a reason', async (_why, message) => {
    const res = (await s.svc.handle(message, fromTab)) as { ok: boolean; error: string };
    expect(res.ok).toBe(false);
    expect(res.error.length).toBeGreaterThan(5);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("finds the article in a page copy sent by the analyzer, as tokens naming the copy's numbered elements", async () => {
    const para = (i: number) =>
      `<p data-bs-i="${i + 3}">Paragraph ${i} says that the Shanghai Cooperation Organisation met in Astana, and that the talks went on for a long time without a statement.</p>`;
    const html = `<html data-bs-i="0"><head data-bs-i="1"><title>SCO talks</title></head><body data-bs-i="2">${Array.from({ length: 6 }, (_, i) => para(i)).join('')}</body></html>`;
    const res = (await s.svc.handle({ type: 'cs/extract', payload: { html } }, fromTab)) as {
      ok: true;
      value: { title: string; tokens: (0 | 1 | [number, string])[] };
    };
    expect(res.ok).toBe(true);
    expect(res.value.title).toBe('SCO talks');
    const texts = res.value.tokens.filter((t): t is [number, string] => Array.isArray(t));
    expect(texts.map((t) => t[0])).toEqual([3, 4, 5, 6, 7, 8]);
    expect(texts[2]![1]).toMatch(/^Paragraph 2 says/);
    const none = (await s.svc.handle({ type: 'cs/extract', payload: { html: '<p>hi</p>' } }, fromTab)) as {
      ok: true;
      value: unknown;
    };
    expect(none).toEqual({ ok: true, value: null });
    const big = (await s.svc.handle(
      { type: 'cs/extract', payload: { html: 'x'.repeat(MAX_PAGE_HTML_CHARS + 1) } },
      fromTab,
    )) as { ok: boolean };
    expect(big.ok).toBe(false);
  });

  it('refuses options-page messages from a content script', async () => {
    const res = (await s.svc.handle({ type: 'opt/delete-pack', payload: { id: 'world' } }, fromTab)) as { ok: boolean };
    expect(res.ok).toBe(false);
    const sneaky = (await s.svc.handle(
      { type: 'opt/save-settings', payload: { settings: { paused: true } } },
      fromTab,
    )) as { ok: boolean };
    expect(sneaky.ok).toBe(false);
    const width = (await s.svc.handle(
      { type: 'opt/save-settings', payload: { settings: { sidebarWidth: 400 } } },
      fromTab,
    )) as { ok: boolean };
    expect(width.ok).toBe(false);
    expect(s.mem.data.settings.paused).toBe(false);
    expect(s.mem.data.settings.sidebarWidth).toBe(DEFAULT_SETTINGS.sidebarWidth);
  });

  it('lets the sidebar save its own settings (width, collapsed, highlights) and nothing else', async () => {
    const save = async (payload: unknown) =>
      ((await s.svc.handle({ type: 'cs/save-ui-settings', payload }, fromTab)) as { ok: boolean }).ok;
    expect(await save({ sidebarWidth: 400, sidebarCollapsed: true, highlights: false })).toBe(true);
    expect(s.mem.data.settings).toMatchObject({ sidebarWidth: 400, sidebarCollapsed: true, highlights: false });
    expect(await save({ paused: true })).toBe(false);
    expect(await save({ sidebarWidth: 400, hoverShowDelay: 10 })).toBe(false);
    expect(s.mem.data.settings.paused).toBe(false);
    expect(s.mem.data.settings.hoverShowDelay).toBe(DEFAULT_SETTINGS.hoverShowDelay);
    const fromOptionsPage = (await s.svc.handle(
      { type: 'cs/save-ui-settings', payload: { sidebarWidth: 300 } },
      fromOptions,
    )) as { ok: boolean };
    expect(fromOptionsPage.ok).toBe(false);
  });

  it('tells every tab when the sidebar settings change, as it does for the options page', async () => {
    const sent: unknown[] = [];
    const svc = createBackgroundService({
      builtinPacks: packs,
      builtinIndex: index,
      store: memoryStore().store,
      extensionId: EXT,
      extensionOrigin: ORIGIN,
      injectAnalyzer: async () => true,
      setBadge: () => undefined,
      broadcast: (m) => sent.push(m),
    });
    await svc.handle({ type: 'cs/save-ui-settings', payload: { highlights: false } }, fromTab);
    expect(sent).toEqual([{ type: 'bg/settings-changed' }]);
  });

  it('lets the options page (even open in a tab) save any setting, kept within range', async () => {
    const optionsInTab = { ...fromOptions, tab: { id: 9, url: `${ORIGIN}options.html` } };
    expect(
      (
        (await s.svc.handle(
          { type: 'opt/save-settings', payload: { settings: { paused: true, hoverShowDelay: 9999 } } },
          optionsInTab,
        )) as { ok: boolean }
      ).ok,
    ).toBe(true);
    expect(s.mem.data.settings.paused).toBe(true);
    expect(s.mem.data.settings.hoverShowDelay).toBe(DEFAULT_SETTINGS.hoverShowDelay); // out of range: kept
  });
});

describe('shell/when it runs', () => {
  it.each([
    ['an article', true, {}, false, true],
    ['a page that is not an article', false, {}, false, false],
    ['a site switched off', true, { 'news.example': 'never' }, false, false],
    ['a site switched on, even if not an article', false, { 'news.example': 'always' }, false, true],
    ['anything while paused', true, {}, true, false],
  ] as const)('on %s injects the analyzer: %s', async (_what, readerable, sites, paused, expected) => {
    const s = service();
    s.mem.data.sites = { ...sites };
    s.mem.data.settings.paused = paused;
    const res = (await s.svc.handle({ type: 'cs/page-seen', payload: { url: tab.url, readerable } }, fromTab)) as {
      injected: boolean;
    };
    expect(res.injected).toBe(expected);
    expect(s.injected.length).toBe(expected ? 1 : 0);
  });

  it('never injects into sub-frames', async () => {
    const s = service();
    const res = (await s.svc.handle(
      { type: 'cs/page-seen', payload: { url: tab.url, readerable: true } },
      { ...fromTab, frameId: 3 },
    )) as { injected: boolean };
    expect(res.injected).toBe(false);
  });
});

describe('shell/analysis and lookup', () => {
  it('analyses text with the shipped knowledge base and returns the entries to show', async () => {
    const s = service();
    const text = 'The Shanghai Cooperation Organisation (SCO) met in Astana. Kazakhstan promoted Nurly Zhol.';
    const res = (await s.svc.handle(
      { type: 'cs/analyze', payload: { url: tab.url, title: 'SCO', text, truncated: false } },
      fromTab,
    )) as { ok: true; value: { result: { entities: { id: string }[] }; entries: Record<string, unknown> } };
    expect(res.ok).toBe(true);
    const ids = res.value.result.entities.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining(['shanghai-cooperation-organisation', 'kazakhstan', 'nurly-zhol']));
    expect(Object.keys(res.value.entries)).toContain('nurly-zhol');
  });

  it('marks the result partial when the analyzer cut the text, and only then', async () => {
    const s = service();
    const ask = async (truncated: boolean) =>
      (
        (await s.svc.handle(
          { type: 'cs/analyze', payload: { url: tab.url, title: '', text: 'The SCO met in Astana.', truncated } },
          fromTab,
        )) as { value: { result: { partial: boolean } } }
      ).value.result.partial;
    expect(await ask(true)).toBe(true);
    expect(await ask(false)).toBe(false);
  });

  it('sends entries in portions: the most central first, none the analyzer already holds, the rest on request', async () => {
    const s = service();
    const text =
      'The Shanghai Cooperation Organisation (SCO) met in Astana. Kazakhstan promoted Nurly Zhol. China and Russia sent ministers; India and Pakistan also attended.';
    type Res = {
      ok: true;
      value: {
        result: { entities: { id: string | null }[] };
        entries: Record<string, unknown>;
        related: Record<string, { name: string }>;
      };
    };
    const all = (await s.svc.handle(
      { type: 'cs/analyze', payload: { url: tab.url, title: '', text, truncated: false } },
      fromTab,
    )) as Res;
    const ids = [...new Set(all.value.result.entities.map((e) => e.id).filter((x): x is string => !!x))];
    expect(ids.length).toBeGreaterThan(4);
    expect(Object.keys(all.value.entries).sort()).toEqual([...ids].sort());
    const first = (await s.svc.handle(
      { type: 'cs/analyze', payload: { url: tab.url, title: '', text, truncated: false, quick: true, entryLimit: 2 } },
      fromTab,
    )) as Res;
    expect(Object.keys(first.value.entries)).toEqual(ids.slice(0, 2));
    const next = (await s.svc.handle(
      {
        type: 'cs/analyze',
        payload: { url: tab.url, title: '', text, truncated: false, entryLimit: 3, skipEntries: ids.slice(0, 2) },
      },
      fromTab,
    )) as Res;
    expect(Object.keys(next.value.entries)).toEqual(ids.slice(2, 5));
    const rest = (await s.svc.handle({ type: 'cs/get-entries', payload: { ids: ids.slice(5) } }, fromTab)) as {
      ok: true;
      value: { entries: Record<string, unknown>; related: Record<string, { name: string }> };
    };
    expect(Object.keys(rest.value.entries).sort()).toEqual(ids.slice(5).sort());
    // Related names come with the entries that mention them.
    expect(Object.keys(all.value.related).length).toBeGreaterThan(0);
  });

  it.each([
    ['Tokaev', 'kassym-jomart-tokayev'],
    ['Shanghai Cooperation Organization', 'shanghai-cooperation-organisation'],
    ['Nurly Jol', 'nurly-zhol'],
    ['Mirziyoev', 'shavkat-mirziyoyev'],
    ['shanghai cooperaton organisation', 'shanghai-cooperation-organisation'],
  ])('looks up %j forgivingly as %s', async (query, id) => {
    const s = service();
    const found = await s.svc.lookup(query);
    expect(found[0]?.id).toBe(id);
  });

  it('sets the badge to the number of entities', async () => {
    const s = service();
    await s.svc.handle({ type: 'cs/report-count', payload: { count: 12 } }, fromTab);
    expect(s.badges).toEqual([[7, '12']]);
  });
});

describe('shell/knowledge packs for users', () => {
  it('imports a good pack whose entities then appear in analysis, and exports it again', async () => {
    const s = service();
    const res = (await s.svc.handle({ type: 'opt/import-pack', payload: { json: samplePack } }, fromOptions)) as {
      ok: boolean;
      value: { entries: number };
    };
    expect(res.ok).toBe(true);
    expect(s.mem.data.packs).toHaveLength(1);
    const pack = JSON.parse(samplePack) as KnowledgePack;
    const name = pack.entries[0]!.name;
    const a = (await s.svc.handle(
      {
        type: 'cs/analyze',
        payload: { url: tab.url, title: '', text: `Students studied the ${name} this week.`, truncated: false },
      },
      fromTab,
    )) as { ok: true; value: { result: { entities: { id: string }[] } } };
    expect(a.value.result.entities.map((e) => e.id)).toContain(pack.entries[0]!.id);
    const ex = (await s.svc.handle({ type: 'opt/export-pack', payload: { id: pack.pack.id } }, fromOptions)) as {
      ok: true;
      value: { json: string };
    };
    // The export is the pack as stored: facts in their canonical shape (source as a citation, a kind).
    expect(JSON.parse(ex.value.json)).toEqual(JSON.parse(JSON.stringify(v.parse(PackSchema, pack))));
  });

  it.each([
    ['malformed JSON', '{"pack": {', /not valid JSON/],
    ['truncated JSON', samplePack.slice(0, samplePack.length / 2), /not valid JSON/],
    ['a __proto__ key', samplePack.replace('"pack": {', '"__proto__": {"x": 1}, "pack": {'), /__proto__/],
    [
      'HTML in a field',
      (() => {
        const p = JSON.parse(samplePack);
        p.entries[0].description = '<img src=x onerror=alert(1)>';
        return JSON.stringify(p);
      })(),
      /plain text/,
    ],
    ['a non-https source', samplePack.replace(/"source": "https:/, '"source": "http:'), /https/],
    ['a javascript: URL', samplePack.replace(/"source": "https:[^"]*"/, '"source": "javascript:alert(1)"'), /URL/],
    [
      'duplicate ids',
      (() => {
        const p = JSON.parse(samplePack);
        p.entries.push(p.entries[0]);
        return JSON.stringify(p);
      })(),
      /unique/,
    ],
    ['a built-in pack id', samplePack.replace(/"id": "[^"]*"/, '"id": "world"'), /built-in/],
    [
      'too many entries',
      (() => {
        const p = JSON.parse(samplePack);
        p.entries = Array.from({ length: 5001 }, (_, i) => ({
          id: `e${i}`,
          name: `E${i}`,
          type: 'concept',
          aliases: [],
          description: 'd',
          summary: 's',
          facts: [],
          related: [],
          wikipedia: null,
          reviewed: '2026',
        }));
        return JSON.stringify(p);
      })(),
      /at most 5000/,
    ],
    ['a huge file', JSON.stringify({ pack: {}, entries: [], pad: 'x'.repeat(5.5e6) }), /MB/],
  ])('refuses %s with a clear message and keeps what was stored', async (_why, json, message) => {
    const s = service();
    await s.svc.handle({ type: 'opt/import-pack', payload: { json: samplePack } }, fromOptions);
    const before = JSON.stringify(s.mem.data.packs);
    const res = (await s.svc.handle({ type: 'opt/import-pack', payload: { json } }, fromOptions)) as {
      ok: boolean;
      error: string;
    };
    expect(res.ok).toBe(false);
    expect(res.error).toMatch(message);
    expect(JSON.stringify(s.mem.data.packs)).toBe(before);
  });

  it('changes nothing when storage refuses the write (quota exceeded)', async () => {
    const s = service({ failWrites: true });
    const res = (await s.svc.handle({ type: 'opt/import-pack', payload: { json: samplePack } }, fromOptions)) as {
      ok: boolean;
      error: string;
    };
    expect(res.ok).toBe(false);
    expect(res.error).toMatch(/quota/i);
    expect(s.mem.data.packs).toEqual([]);
  });

  it('overrides a built-in entry and says so', async () => {
    const s = service();
    const p = JSON.parse(samplePack) as KnowledgePack;
    p.entries[0] = {
      ...p.entries[0]!,
      id: 'nurly-zhol',
      name: 'Nurly Zhol',
      aliases: ['Bright Path'],
      description: 'Class note: Kazakhstan’s infrastructure plan',
    };
    p.entries.sort((a, b) => (a.id < b.id ? -1 : 1));
    const res = (await s.svc.handle(
      { type: 'opt/import-pack', payload: { json: JSON.stringify(p) } },
      fromOptions,
    )) as { ok: true; value: { overrides: string[] } };
    expect(res.value.overrides).toEqual(['nurly-zhol']);
    const got = (await s.svc.handle({ type: 'cs/get-entries', payload: { ids: ['nurly-zhol'] } }, fromTab)) as {
      ok: true;
      value: { entries: Record<string, { description: string; overrides?: string }> };
    };
    expect(got.value.entries['nurly-zhol']!.description).toMatch(/Class note/);
    expect(got.value.entries['nurly-zhol']!.overrides).toBe('central-asia');
  });

  it('switches a built-in pack off and on', async () => {
    const s = service();
    await s.svc.handle({ type: 'opt/set-pack-enabled', payload: { id: 'world', enabled: false } }, fromOptions);
    const off = (await s.svc.handle(
      {
        type: 'cs/analyze',
        payload: { url: tab.url, title: '', text: 'The World Health Organization met in Geneva.', truncated: false },
      },
      fromTab,
    )) as { ok: true; value: { result: { entities: { id: string | null }[] } } };
    expect(off.value.result.entities.map((e) => e.id)).not.toContain('world-health-organization');
    await s.svc.handle({ type: 'opt/set-pack-enabled', payload: { id: 'world', enabled: true } }, fromOptions);
    const on = (await s.svc.handle(
      {
        type: 'cs/analyze',
        payload: { url: tab.url, title: '', text: 'The World Health Organization met in Geneva.', truncated: false },
      },
      fromTab,
    )) as { ok: true; value: { result: { entities: { id: string | null }[] } } };
    expect(on.value.result.entities.map((e) => e.id)).toContain('world-health-organization');
  });

  it('deletes user packs but never built-in ones', async () => {
    const s = service();
    await s.svc.handle({ type: 'opt/import-pack', payload: { json: samplePack } }, fromOptions);
    const id = (JSON.parse(samplePack) as KnowledgePack).pack.id;
    expect(
      ((await s.svc.handle({ type: 'opt/delete-pack', payload: { id: 'world' } }, fromOptions)) as { ok: boolean }).ok,
    ).toBe(false);
    expect(
      ((await s.svc.handle({ type: 'opt/delete-pack', payload: { id } }, fromOptions)) as { ok: boolean }).ok,
    ).toBe(true);
    expect(s.mem.data.packs).toEqual([]);
  });
});

describe('shell/tab status (what the end-to-end tests wait on)', () => {
  it('records a page the sentinel reported and the background skipped, and one it loaded Backstory into', async () => {
    const s = service();
    await s.svc.handle({ type: 'cs/page-seen', payload: { url: tab.url, readerable: false } }, fromTab);
    expect(s.svc.status(tab.id)).toMatchObject({ state: 'skipped', url: tab.url });
    await s.svc.handle({ type: 'cs/page-seen', payload: { url: tab.url, readerable: true } }, fromTab);
    expect(s.svc.status(tab.id)).toMatchObject({ state: 'loaded' });
  });

  it('records how the analyzer’s run ended', async () => {
    const s = service();
    await s.svc.handle({ type: 'cs/report-outcome', payload: { outcome: 'found', count: 12 } }, fromTab);
    expect(s.svc.status(tab.id)).toEqual({ state: 'found', count: 12, url: tab.url });
    await s.svc.handle({ type: 'cs/report-outcome', payload: { outcome: 'failed', count: 0 } }, fromTab);
    expect(s.svc.status(tab.id)).toEqual({ state: 'failed', count: 0, url: tab.url });
  });

  it('records nothing for a frame inside the page (Backstory runs in the top frame only)', async () => {
    const s = service();
    const frame = { ...fromTab, frameId: 2 };
    await s.svc.handle({ type: 'cs/page-seen', payload: { url: tab.url, readerable: true } }, frame);
    expect(s.svc.status(tab.id)).toBeNull();
    expect(s.injected).toEqual([]);
  });

  it('knows nothing of a tab it never heard from', () => {
    expect(service().svc.status(99)).toBeNull();
  });
});

/**
 * cs/load-cite: the background injects the citation formatter into the asking tab's top
 * frame, and says so when it cannot.
 */
import { describe, it, expect } from 'vitest';
import { createBackgroundService, type Store } from '../../lib/background/service.ts';
import { DEFAULT_SETTINGS } from '../../lib/storage/settings.ts';
import type { KbIndex } from '../../lib/engine/types.ts';

const EXT = 'backstory-test-id';
const tab = { id: 7, url: 'https://news.example/story' };

function service(inject?: (tabId: number) => Promise<boolean>) {
  const store: Store = {
    getSettings: async () => DEFAULT_SETTINGS,
    setSettings: async () => undefined,
    getSites: async () => ({}),
    setSites: async () => undefined,
    getUserPacks: async () => [],
    setUserPacks: async () => undefined,
    getDisabled: async () => [],
    setDisabled: async () => undefined,
  };
  return createBackgroundService({
    builtinPacks: [],
    builtinIndex: {} as KbIndex,
    store,
    extensionId: EXT,
    extensionOrigin: `chrome-extension://${EXT}/`,
    injectAnalyzer: async () => true,
    ...(inject ? { injectCite: inject } : {}),
    setBadge: () => undefined,
    broadcast: () => undefined,
  });
}

const ask = (svc: ReturnType<typeof service>, frameId = 0) =>
  svc.handle({ type: 'cs/load-cite', payload: {} }, { id: EXT, url: tab.url, tab, frameId });

describe('cs/load-cite', () => {
  it('injects cite.js into the asking tab', async () => {
    const injected: number[] = [];
    expect(await ask(service(async (id) => (injected.push(id), true)))).toEqual({ ok: true, value: null });
    expect(injected).toEqual([7]);
  });

  it('refuses a subframe (the analyzer and its formatter live in the top frame)', async () => {
    const injected: number[] = [];
    const res = await ask(
      service(async (id) => (injected.push(id), true)),
      3,
    );
    expect(res).toMatchObject({ ok: false });
    expect(injected).toEqual([]);
  });

  it('reports a tab it may not script', async () => {
    expect(await ask(service(async () => false))).toEqual({
      ok: false,
      error: 'the citation formatter could not be loaded',
    });
  });
});

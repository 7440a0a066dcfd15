/**
 * The background: owns the knowledge base, runs the engine (compromise included)
 * off the page's main thread, stores settings and packs, and wires the toolbar
 * button, shortcut, context menu and badge. Every incoming message is checked:
 * sender is this extension, type known, shape valid, size capped.
 */
// The background is the one place that needs the polyfill: its onMessage listener answers
// by returning a promise, which Chrome's native API does not support (ADR 1).
import browser, { type Runtime, type Tabs } from 'webextension-polyfill';
import { createBackgroundService } from '../lib/background/service.ts';
import {
  settingsItem,
  sitesItem,
  userPacksItem,
  disabledPacksItem,
  managedAppliedItem,
  onlineCacheItem,
} from '../lib/storage/items.ts';
import { withManaged, parseManagedPolicy, type ManagedPolicy } from '../lib/storage/managed.ts';
import { parsePackImport } from '../lib/kb/import.ts';
import type { KnowledgePack } from '../lib/kb/schema.ts';
import type { KbIndex } from '../lib/engine/types.ts';
import type { GazetteerData } from '../lib/kb/gazetteer.ts';
import { isTrustedSender, type ContentMessage, type Launch } from '../lib/messaging/protocol.ts';
import { createTrail } from '../lib/background/trail.ts';
import { openTrailDb } from '../lib/trail/db.ts';
import { trailOfferItem } from '../lib/trail/items.ts';
import { siteKey } from '../lib/storage/settings.ts';
import { createOnline } from '../lib/background/online.ts';
import { extensionOrigins, hostPermissionsFor } from '../lib/online/permissions.ts';

const ANALYZER_FILE = '/content-scripts/analyzer.js';
/** The citation formatter (entrypoints/cite.ts), loaded only when the reader cites or exports sources. */
const CITE_FILE = '/cite.js';
const MENU_ID = 'backstory-lookup';

/** A file the build copies beside the bundle (wxt.config.ts), read as JSON. */
async function readOwnFile<T>(path: string): Promise<T> {
  return (await fetch(browser.runtime.getURL(path as '/'))).json() as Promise<T>;
}

export default defineBackground(() => {
  // The built-in knowledge base (generated/kb-packs.json and kb-index.json) is read from its own
  // files, not bundled: as data in background.js it made the script too large for Firefox's
  // add-on linter to read (over 5 MB), and JSON.parse is the cheaper way to load it anyway.
  const builtin = Promise.all([
    readOwnFile<{ packs: KnowledgePack[] }>('/kb-packs.json'),
    readOwnFile<KbIndex>('/kb-index.json'),
  ]).then(([p, index]) => ({ packs: p.packs, index }));
  const reservedIds = builtin.then((b) => new Set(b.packs.map((p) => p.pack.id)));
  // The school's policy (managed storage), read once and again when the browser says it changed.
  // Firefox rejects the read when no policy is set: that is no policy.
  let policy: Promise<ManagedPolicy> | null = null;
  const readPolicy = () =>
    (policy ??= Promise.all([browser.storage.managed.get().catch(() => ({})), reservedIds]).then(([raw, ids]) =>
      parseManagedPolicy(raw, (json) => parsePackImport(json, { reservedIds: ids })),
    ));
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area !== 'managed') return;
    policy = null;
    void services.then((s) => s.invalidateKb());
    void broadcast({ type: 'bg/settings-changed' });
  });

  const store = withManaged(
    {
      getSettings: () => settingsItem.getValue(),
      setSettings: (s) => settingsItem.setValue(s),
      getSites: () => sitesItem.getValue(),
      setSites: (s) => sitesItem.setValue(s),
      getUserPacks: () => userPacksItem.getValue(),
      setUserPacks: (p) => userPacksItem.setValue(p),
      getDisabled: () => disabledPacksItem.getValue(),
      setDisabled: (d) => disabledPacksItem.setValue(d),
    },
    {
      policy: readPolicy,
      getApplied: () => managedAppliedItem.getValue(),
      setApplied: (a) => managedAppliedItem.setValue(a),
    },
  );
  const policyFor = async (url: string) => {
    const key = siteKey(url);
    const sites = await store.getSites();
    return key && Object.prototype.hasOwnProperty.call(sites, key) ? sites[key]! : 'default';
  };
  // The reading trail (issue 19): IndexedDB in the extension's origin, written only when the reader turned it on.
  const trail = createTrail({
    db: openTrailDb(),
    getSettings: () => store.getSettings(),
    setSettings: (s) => store.setSettings(s),
    policyFor,
    trailLocked: async () => (await store.getManaged()).locked.includes('readingTrail'),
    getOffer: () => trailOfferItem.getValue(),
    setOffer: (s) => trailOfferItem.setValue(s),
    openTrailPage: async () => void (await browser.tabs.create({ url: browser.runtime.getURL('/trail.html') })),
    now: () => Date.now(),
  });

  // Online mode (issue 17): the only requests to Wikipedia and Wikidata, from here only, and only
  // names and titles; no cookies and no referrer go with them.
  const onlineOrigins = extensionOrigins();
  const onlineHosts = hostPermissionsFor(onlineOrigins);
  const online = createOnline({
    getSettings: () => store.getSettings(),
    setSettings: (s) => store.setSettings(s),
    onlineLocked: async () => (await store.getManaged()).locked.includes('onlineMode'),
    policyFor,
    hasPermission: () => browser.permissions.contains({ origins: onlineHosts }).catch(() => false),
    openOptions: async () =>
      void (await browser.tabs.create({ url: browser.runtime.getURL('/options.html#opt-online' as '/') })),
    settingsChanged: () => void broadcast({ type: 'bg/settings-changed' }),
    fetch: (url, init) => fetch(url, { ...init, credentials: 'omit', referrerPolicy: 'no-referrer' }),
    origins: onlineOrigins,
    cacheStore: {
      load: () => onlineCacheItem.getValue(),
      save: (s) => onlineCacheItem.setValue(s),
      clear: () => onlineCacheItem.removeValue(),
    },
    now: () => Date.now(),
  });
  // Turned off (here, in the options page, or by a school's policy): forget what was looked up.
  settingsItem.watch((s) => {
    if (!s?.onlineMode) void online.forget();
  });

  const services = builtin.then(({ packs, index }) =>
    createBackgroundService({
      builtinPacks: packs,
      builtinIndex: index,
      store,
      trail,
      online,
      extensionId: browser.runtime.id,
      extensionOrigin: browser.runtime.getURL('/'),
      injectAnalyzer: (tabId, launch) => injectAnalyzer(tabId, launch),
      injectCite: (tabId) =>
        exec(tabId, { files: [CITE_FILE] }).then(
          () => true,
          () => false,
        ),
      setBadge: (tabId, text) => {
        const action = browser.action ?? browser.browserAction;
        void action?.setBadgeText({ tabId, text }).catch(() => undefined);
        void action?.setBadgeBackgroundColor?.({ tabId, color: '#8a5a00' })?.catch?.(() => undefined);
      },
      broadcast: (message) => void broadcast(message),
      // Its own file beside the bundle (wxt.config.ts copies it), read on the first complete analysis.
      loadGazetteer: () => readOwnFile<GazetteerData>('/gazetteer.json'),
    }),
  );

  async function exec(
    tabId: number,
    details: { func?: (...args: never[]) => unknown; args?: unknown[]; files?: string[] },
  ) {
    const scripting = browser.scripting;
    if (scripting?.executeScript) {
      await scripting.executeScript({ target: { tabId }, ...(details as object) } as Parameters<
        typeof scripting.executeScript
      >[0]);
      return;
    }
    // Firefox MV2 without the scripting API.
    const tabs = browser.tabs as unknown as {
      executeScript(tabId: number, d: { code?: string; file?: string }): Promise<unknown>;
    };
    if (details.files) for (const file of details.files) await tabs.executeScript(tabId, { file });
    else if (details.func)
      await tabs.executeScript(tabId, {
        code: `(${details.func.toString()}).apply(null, ${JSON.stringify(details.args ?? [])})`,
      });
  }

  async function injectAnalyzer(tabId: number, launch: Launch): Promise<boolean> {
    try {
      await exec(tabId, {
        func: ((l: Launch) => {
          (globalThis as { __backstoryLaunch?: Launch }).__backstoryLaunch = l;
        }) as (...args: never[]) => unknown,
        args: [launch],
      });
      await exec(tabId, { files: [ANALYZER_FILE] });
      return true;
    } catch (e) {
      // Pages we may not script (the browser's own pages, the web store): nothing to do.
      console.info('Backstory: cannot run on this tab:', (e as Error).message);
      return false;
    }
  }

  async function sendToTab(tabId: number, message: ContentMessage): Promise<boolean> {
    try {
      await browser.tabs.sendMessage(tabId, message);
      return true;
    } catch {
      return false;
    }
  }

  async function broadcast(message: ContentMessage) {
    const tabs = await browser.tabs.query({});
    await Promise.all(tabs.map((t) => (t.id !== undefined ? sendToTab(t.id, message) : false)));
  }

  async function toggle(tab: Tabs.Tab | undefined) {
    if (tab?.id === undefined) return;
    if (await sendToTab(tab.id, { type: 'bg/toggle-sidebar' })) return;
    await injectAnalyzer(tab.id, { kind: 'user' });
  }

  // The same entry points the toolbar button, the shortcut and the context menu use,
  // reachable from the extension's own devtools console (and the end-to-end tests,
  // which cannot click browser chrome in a headless browser).
  (globalThis as { backstory?: unknown }).backstory = {
    toggle: (tabId: number) => toggle({ id: tabId } as Tabs.Tab),
    /** What Backstory last did in the tab: skipped the page, loaded, or how its run ended (lib/background/tab-status.ts). */
    status: async (tabId: number) => (await services).status(tabId),
    lookUp: async (tabId: number, query: string) => {
      const entries = await (await services).lookup(query);
      if (!(await sendToTab(tabId, { type: 'bg/open-lookup', query, entries })))
        await injectAnalyzer(tabId, { kind: 'lookup', query, entries });
    },
  };

  // Registered at once (a message may be what woke the background); answered once the
  // knowledge base is read. Messages from outside the extension get no answer, as before.
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) =>
    isTrustedSender(sender, browser.runtime.id) ? services.then((s) => s.handle(message, sender)) : undefined,
  );

  (browser.action ?? browser.browserAction)?.onClicked.addListener((tab) => void toggle(tab));

  browser.commands?.onCommand.addListener((command, tab) => {
    if (command !== 'toggle-sidebar') return;
    if (tab) void toggle(tab);
    else void browser.tabs.query({ active: true, currentWindow: true }).then(([t]) => toggle(t));
  });

  browser.runtime.onInstalled.addListener(() => {
    void browser.contextMenus
      .removeAll()
      .then(() =>
        browser.contextMenus.create({ id: MENU_ID, title: 'Look up “%s” in Backstory', contexts: ['selection'] }),
      );
  });

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID || tab?.id === undefined) return;
    const query = (info.selectionText ?? '').trim().slice(0, 200);
    if (!query) return;
    const tabId = tab.id;
    void services
      .then((s) => s.lookup(query))
      .then(async (entries) => {
        if (await sendToTab(tabId, { type: 'bg/open-lookup', query, entries })) return;
        await injectAnalyzer(tabId, { kind: 'lookup', query, entries });
      });
  });

  // Single-page apps: a history-API navigation changes the URL without a load.
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.url) {
      void sendToTab(tabId, { type: 'bg/navigated', url: change.url });
    }
  });
});

/**
 * The extension shell in real browsers (issue 7): the toolbar button / Alt+Shift+B
 * path that toggles the sidebar, the context-menu lookup, site switches and the
 * global pause, the options page's pack import, and the badge.
 *
 * Headless browsers have no clickable browser chrome, so in Chromium the tests call
 * the functions the toolbar button, the command and the context menu call
 * (`globalThis.backstory.toggle` / `.lookUp` in the service worker). Firefox has no
 * background evaluation over WebDriver BiDi: there only what a page shows is checked.
 *
 * Pages: tests/fixtures/pages (demo-article.html) and tests/fixtures/pages/shell/
 * (notes.html, a short non-article page; aral-article.html, a plain article).
 * Packs: docs/examples/class-glossary-pack.json and tests/fixtures/packs/.
 */
import { describe, it, expect, beforeAll, afterAll, beforeEach, afterEach } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import {
  available,
  launch,
  startServer,
  sidebarReady,
  entityNames,
  highlightCount,
  shot,
  extensionDir,
  hasSidebar,
  waitForNoSidebar,
  waitForFocusInSidebar,
  waitForCardWith,
  serviceWorker,
  tabIdOf as tabIdIn,
  waitForStatus,
  settle,
  watchDone,
  sleep,
} from './setup.ts';
import puppeteer from 'puppeteer-core';
import { findBrowser, type Launched } from '../../scripts/lib/browsers.ts';
import type { Served } from '../../scripts/lib/serve.ts';
import { ROOT } from '../../scripts/lib/read-packs.ts';
import { DEFAULT_SETTINGS, siteKey } from '../../lib/storage/settings.ts';

/** The few extension APIs the tests call inside the service worker and the options page. */
interface ChromeApi {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  storage: {
    local: {
      get(keys?: string | string[] | null): Promise<Record<string, unknown>>;
      set(items: object): Promise<void>;
      clear(): Promise<void>;
    };
  };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string; description?: string }[]> };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
}
declare const chrome: ChromeApi;
/** The background's test surface (entrypoints/background.ts). */

const SAMPLE_PACK = join(ROOT, 'docs/examples/class-glossary-pack.json');
const SAMPLE_PACK_ID = 'class-central-asia-geography';
const MALFORMED_JSON_PACK = join(ROOT, 'tests/fixtures/packs/malformed-json-pack.json');
const INVALID_SCHEMA_PACK = join(ROOT, 'tests/fixtures/packs/invalid-schema-pack.json');

/** browser_specific_settings.gecko.id in wxt.config.ts. */
const GECKO_ID = 'backstory@backstory.example';

const NOTES = '/shell/notes.html';
const ARAL_ARTICLE = '/shell/aral-article.html';
const DEMO = '/demo-article.html';

// ---- page-world probes ---------------------------------------------------------------

/** Selects the first occurrence of `text` in the page, as a reader would before using the context menu. */
async function selectText(page: Page, text: string) {
  const ok = await page.evaluate((t) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const i = (node as Text).data.indexOf(t);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + t.length);
      const sel = getSelection()!;
      sel.removeAllRanges();
      sel.addRange(r);
      return sel.toString() === t;
    }
    return false;
  }, text);
  if (!ok) throw new Error(`"${text}" is not in the page`);
}

/** The number the sidebar states ("23 entities found"). */
async function statedEntityCount(page: Page): Promise<number> {
  const text = await page.evaluate(
    () =>
      document.querySelector('backstory-sidebar')?.shadowRoot?.querySelector('[data-testid="entity-count"]')
        ?.textContent ?? '',
  );
  const n = /^(\d+)\s+entit/.exec(text.trim());
  if (!n) throw new Error(`no entity count in "${text}"`);
  return Number(n[1]);
}

/** Every entity the sidebar lists, in its one ranked list. */
async function listedEntityCount(page: Page): Promise<number> {
  return page.evaluate(
    () => document.querySelector('backstory-sidebar')?.shadowRoot?.querySelectorAll('button.entity').length ?? 0,
  );
}

/** The element right after the file input's field: "Checking…", the error alert or the import summary. */
// The result follows the import fields (the JSON file, then the CSV file) as a sibling.
const IMPORT_BUSY = '.field:has(#opt-import) ~ p[role="status"]';
const IMPORT_OUTCOME =
  '.field:has(#opt-import) ~ [role="alert"], .field:has(#opt-import) ~ [data-testid="import-summary"]';

/**
 * Imports a pack file through the options page's file input (ElementHandle.uploadFile).
 * A previous outcome may still be on screen, so this waits for the page to have shown
 * "Checking…" for this file first, then for the new outcome.
 */
async function importPackFile(options: Page, file: string): Promise<{ ok: boolean; text: string }> {
  const input = await (options.waitForSelector('input#opt-import:not([disabled])', {
    timeout: 20_000,
  }) as Promise<ElementHandle<HTMLInputElement> | null>);
  if (!input) throw new Error('no file input on the options page');
  await options.evaluate((busy) => {
    const w = window as unknown as { __bsSawBusy?: boolean };
    w.__bsSawBusy = false;
    const obs = new MutationObserver(() => {
      if (document.querySelector(busy)) {
        w.__bsSawBusy = true;
        obs.disconnect();
      }
    });
    obs.observe(document.body, { childList: true, subtree: true, characterData: true });
  }, IMPORT_BUSY);
  await input.uploadFile(file);
  await options.waitForFunction(
    (busy, outcome) =>
      (window as unknown as { __bsSawBusy?: boolean }).__bsSawBusy &&
      !document.querySelector(busy) &&
      !!document.querySelector(outcome),
    { timeout: 30_000, polling: 100 },
    IMPORT_BUSY,
    IMPORT_OUTCOME,
  );
  return options.$eval(IMPORT_OUTCOME, (el) => ({
    ok: el.getAttribute('data-testid') === 'import-summary',
    text: (el as HTMLElement).innerText,
  }));
}

// ---- Chromium -------------------------------------------------------------------------

describe('extension shell in chromium', () => {
  const run = available('chromium');
  let browser: Launched;
  let server: Served;
  /** Pages a test opened; closed after it. */
  let opened: Page[] = [];
  const errors: string[] = [];

  const worker = () => serviceWorker(browser);

  async function newPage(): Promise<Page> {
    const page = await browser.browser.newPage();
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${String(e)}`));
    opened.push(page);
    return page;
  }

  async function openPage(path: string): Promise<Page> {
    const page = await newPage();
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    await page.bringToFront();
    return page;
  }

  async function tabIdOf(path: string): Promise<number> {
    return tabIdIn(await worker(), path);
  }

  /** Waits until Backstory is done with the page at `path` in this tab: skipped it, or a run ended. */
  async function settled(tabId: number, path: string) {
    await waitForStatus(await worker(), tabId, path, ['skipped', 'found', 'nothing', 'failed']);
  }

  async function toggle(tabId: number) {
    await (await worker()).evaluate((id) => backstory.toggle(id), tabId);
  }

  async function lookUp(tabId: number, query: string) {
    await (await worker()).evaluate((id, q) => backstory.lookUp(id, q), tabId, query);
  }

  async function storedLocal(key: string): Promise<unknown> {
    return (await worker()).evaluate(async (k) => (await chrome.storage.local.get(k))[k] ?? null, key);
  }

  async function setLocal(items: Record<string, unknown>) {
    await (await worker()).evaluate((i) => chrome.storage.local.set(i), items);
  }

  async function badgeOf(tabId: number): Promise<string> {
    return (await worker()).evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  async function waitForBadge(tabId: number, ok: (badge: string) => boolean): Promise<string> {
    for (let i = 0; i < 200; i++) {
      const badge = await badgeOf(tabId);
      if (ok(badge)) return badge;
      await sleep(100);
    }
    throw new Error(`the badge of tab ${tabId} is still "${await badgeOf(tabId)}"`);
  }

  async function openOptions(): Promise<Page> {
    if (!browser.extensionId) throw new Error('the extension id is unknown');
    const page = await newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`, { waitUntil: 'load' });
    // The page has loaded its state from the background once the pack list is there.
    await page.waitForSelector('ul.packs li.pack', { timeout: 30_000 });
    return page;
  }

  async function importSamplePack() {
    const options = await openOptions();
    const r = await importPackFile(options, SAMPLE_PACK);
    expect(r, r.text).toMatchObject({ ok: true });
    await options.close();
    opened = opened.filter((p) => p !== options);
  }

  /**
   * Clean state: user packs are deleted through the options page's own message (so the
   * background also drops its cached knowledge base, which a bare storage clear would
   * leave in memory), built-in packs switched back on, then storage.local cleared.
   */
  async function resetState() {
    const packs = ((await storedLocal('userPacks')) as { pack: { id: string } }[] | null) ?? [];
    const disabled = ((await storedLocal('disabledPacks')) as string[] | null) ?? [];
    if (packs.length || disabled.length) {
      const options = await openOptions();
      await options.evaluate(
        async (ids, off) => {
          for (const id of ids) await chrome.runtime.sendMessage({ type: 'opt/delete-pack', payload: { id } });
          for (const id of off)
            await chrome.runtime.sendMessage({ type: 'opt/set-pack-enabled', payload: { id, enabled: true } });
        },
        packs.map((p) => p.pack.id),
        disabled,
      );
    }
    await (await worker()).evaluate(() => chrome.storage.local.clear());
  }

  beforeAll(async () => {
    if (!run) return;
    server = await startServer();
    browser = await launch('chromium');
    await worker();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    if (!run) return;
    await resetState();
  });

  afterEach(async () => {
    for (const p of opened.splice(0)) await p.close().catch(() => undefined);
  });

  describe('toolbar button and Alt+Shift+B (backstory.toggle)', () => {
    it.runIf(run)(
      'declares the toggle-sidebar command (Alt+Shift+B) and the toolbar action in the manifest',
      async () => {
        const manifest = JSON.parse(readFileSync(join(extensionDir('chromium'), 'manifest.json'), 'utf8')) as {
          action?: { default_title?: string };
          commands?: Record<string, { suggested_key?: { default?: string }; description?: string }>;
          permissions?: string[];
        };
        expect(manifest.action).toBeDefined();
        expect(manifest.action?.default_title).toMatch(/Backstory/);
        expect(manifest.commands?.['toggle-sidebar']?.suggested_key?.default).toBe('Alt+Shift+B');
        expect(manifest.commands?.['toggle-sidebar']?.description).toBeTruthy();
        expect(manifest.permissions).toEqual(expect.arrayContaining(['contextMenus', 'scripting', 'storage']));
        // The browser registered the command. (Headless Chromium with an extension loaded
        // through puppeteer's enableExtensions reports no shortcut for it, so only the
        // manifest's suggested key is checked above.)
        const commands = await (await worker()).evaluate(() => chrome.commands.getAll());
        const toggleCommand = commands.find((c) => c.name === 'toggle-sidebar');
        expect(toggleCommand?.description).toBe(manifest.commands?.['toggle-sidebar']?.description);
        expect(['', 'Alt+Shift+B']).toContain(toggleCommand?.shortcut?.replace(/\s/g, '') ?? '');
      },
    );

    it.runIf(run)(
      'opens the sidebar with focus inside it on a page that is not an article, closes it, opens it again',
      async () => {
        const page = await openPage(NOTES);
        const tabId = await tabIdOf(NOTES);
        await settled(tabId, NOTES);
        expect(await hasSidebar(page)).toBe(false);

        await toggle(tabId);
        await waitForFocusInSidebar(page);
        await sidebarReady(page);
        expect(await entityNames(page)).toEqual(expect.arrayContaining(['NATO']));
        await shot(page, 'chromium-shell-toggle-open');

        await toggle(tabId);
        await waitForNoSidebar(page);
        // Closing gives the page back its full width.
        expect(await page.evaluate(() => document.documentElement.style.getPropertyValue('margin-right'))).toBe('');

        await toggle(tabId);
        await waitForFocusInSidebar(page);
        await sidebarReady(page);
        expect(await entityNames(page)).toEqual(expect.arrayContaining(['NATO']));
      },
    );

    it.runIf(run)('closes the sidebar an article opened by itself, and opens it again', async () => {
      const page = await openPage(DEMO);
      await sidebarReady(page);
      const tabId = await tabIdOf(DEMO);
      await toggle(tabId);
      await waitForNoSidebar(page);
      // Closing the sidebar leaves the highlights: only the panel goes.
      expect(await highlightCount(page)).toBeGreaterThan(0);
      await toggle(tabId);
      await waitForFocusInSidebar(page);
      await sidebarReady(page);
    });
  });

  describe('context-menu lookup (backstory.lookUp)', () => {
    it.runIf(run)(
      'opens the card for the selected "Aral Sea" from an imported pack, and finds Tokayev from "Tokaev"',
      async () => {
        await importSamplePack();
        const page = await openPage(NOTES);
        const tabId = await tabIdOf(NOTES);
        await settled(tabId, NOTES);
        expect(await hasSidebar(page)).toBe(false);

        // First lookup: the analyzer is not in the page yet, so the background injects it.
        await selectText(page, 'Aral Sea');
        await lookUp(tabId, 'Aral Sea');
        const aral = await waitForCardWith(page, 'Aral Sea');
        expect(aral).toMatch(/Central Asia|Kazakhstan|Uzbekistan|lake/i);
        await shot(page, 'chromium-shell-lookup-aral');

        // Second lookup: the analyzer is running, the background sends it the entries.
        await selectText(page, 'Tokayev');
        await lookUp(tabId, 'Tokaev');
        const tokayev = await waitForCardWith(page, 'Kassym-Jomart Tokayev');
        expect(tokayev).toContain('Kassym-Jomart Tokayev');
      },
    );

    it.runIf(run)('finds Kassym-Jomart Tokayev from "Tokaev" on a page the analyzer has not run on', async () => {
      const page = await openPage(NOTES);
      const tabId = await tabIdOf(NOTES);
      await selectText(page, 'Tokayev');
      await lookUp(tabId, 'Tokaev');
      await waitForCardWith(page, 'Kassym-Jomart Tokayev');
    });

    it.runIf(run)('says so when nothing matches the selection', async () => {
      const page = await openPage(NOTES);
      const tabId = await tabIdOf(NOTES);
      await selectText(page, 'Reading list');
      await lookUp(tabId, 'Reading list');
      const text = await waitForCardWith(page, 'Reading list');
      expect(text).toMatch(/No entry for “Reading list”/);
    });

    it.runIf(run)('a lookup of "Aral Sea" without the pack finds no entry', async () => {
      const page = await openPage(NOTES);
      const tabId = await tabIdOf(NOTES);
      await selectText(page, 'Aral Sea');
      await lookUp(tabId, 'Aral Sea');
      const text = await waitForCardWith(page, 'Aral Sea');
      expect(text).toMatch(/No entry for “Aral Sea”/);
    });
  });

  describe('site switch and global pause', () => {
    it.runIf(run)('uses the host key the product uses for 127.0.0.1', () => {
      expect(siteKey(`${server.url}${DEMO}`)).toBe('127.0.0.1');
    });

    it.runIf(run)('shows nothing on a switched-off site, and everything again once it is back to default', async () => {
      await setLocal({ sites: { '127.0.0.1': 'never' } });
      const page = await openPage(DEMO);
      await settled(await tabIdOf(DEMO), DEMO);
      expect(await hasSidebar(page)).toBe(false);
      expect(await highlightCount(page)).toBe(0);

      await setLocal({ sites: {} });
      await page.reload({ waitUntil: 'load' });
      await sidebarReady(page);
      await page.waitForFunction(
        () =>
          ((globalThis as unknown as { CSS: { highlights?: Map<string, { size: number }> } }).CSS.highlights?.get(
            'backstory-mention',
          )?.size ?? 0) > 0,
        { timeout: 20_000 },
      );
      expect(await highlightCount(page)).toBeGreaterThan(40);
    });

    it.runIf(run)('shows nothing anywhere while paused, and everything again once resumed', async () => {
      await setLocal({ settings: { ...DEFAULT_SETTINGS, paused: true } });
      const page = await openPage(DEMO);
      await settled(await tabIdOf(DEMO), DEMO);
      expect(await hasSidebar(page)).toBe(false);
      expect(await highlightCount(page)).toBe(0);

      await setLocal({ settings: { ...DEFAULT_SETTINGS, paused: false } });
      await page.reload({ waitUntil: 'load' });
      await sidebarReady(page);
      await page.waitForFunction(
        () =>
          ((globalThis as unknown as { CSS: { highlights?: Map<string, { size: number }> } }).CSS.highlights?.get(
            'backstory-mention',
          )?.size ?? 0) > 0,
        { timeout: 20_000 },
      );
      expect(await highlightCount(page)).toBeGreaterThan(40);
    });

    it.runIf(run)(
      'switching the site off from the options page removes the sidebar and highlights from an open tab',
      async () => {
        const page = await openPage(DEMO);
        await sidebarReady(page);
        expect(await highlightCount(page)).toBeGreaterThan(0);
        const options = await openOptions();
        const res = await options.evaluate(() =>
          chrome.runtime.sendMessage({ type: 'opt/set-site-policy', payload: { host: '127.0.0.1', policy: 'never' } }),
        );
        expect(res).toMatchObject({ ok: true });
        expect(await storedLocal('sites')).toEqual({ '127.0.0.1': 'never' });
        await waitForNoSidebar(page);
        expect(await highlightCount(page)).toBe(0);
      },
    );
    it.runIf(run)('pausing from the options page removes the sidebar and highlights from an open tab', async () => {
      const page = await openPage(DEMO);
      await sidebarReady(page);
      const options = await openOptions();
      const res = await options.evaluate(() =>
        chrome.runtime.sendMessage({ type: 'opt/save-settings', payload: { settings: { paused: true } } }),
      );
      expect(res).toMatchObject({ ok: true, value: { paused: true } });
      await waitForNoSidebar(page);
      expect(await highlightCount(page)).toBe(0);
    });
  });

  describe('options page: pack import', () => {
    it.runIf(run)('refuses a file that is not valid JSON with a clear alert and stores nothing', async () => {
      const options = await openOptions();
      const r = await importPackFile(options, MALFORMED_JSON_PACK);
      expect(r.ok).toBe(false);
      expect(r.text).toContain('malformed-json-pack.json was not imported');
      expect(r.text).toMatch(/not valid JSON/);
      expect(r.text).toMatch(/line 10/);
      expect(await storedLocal('userPacks')).toBeNull();
      await shot(options, 'chromium-shell-options-import-error');
    });

    it.runIf(run)('imports the sample pack; a malformed one then leaves the stored packs unchanged', async () => {
      const options = await openOptions();
      const good = await importPackFile(options, SAMPLE_PACK);
      expect(good.ok, good.text).toBe(true);
      expect(good.text).toMatch(/5 entries|five entries/i);
      const stored = (await storedLocal('userPacks')) as { pack: { id: string }; entries: unknown[] }[];
      expect(stored.map((p) => p.pack.id)).toEqual([SAMPLE_PACK_ID]);
      expect(stored[0]!.entries).toHaveLength(5);
      // The pack is listed as the user's own.
      await options.waitForFunction(
        (id) =>
          Array.from(document.querySelectorAll('ul.packs li.pack')).some(
            (li) => li.textContent?.includes(id) && li.textContent.includes('Yours'),
          ),
        { timeout: 20_000 },
        SAMPLE_PACK_ID,
      );

      for (const [file, message] of [
        [INVALID_SCHEMA_PACK, /The pack is not valid\..*aliases/],
        [MALFORMED_JSON_PACK, /not valid JSON/],
      ] as const) {
        const bad = await importPackFile(options, file);
        expect(bad.ok, bad.text).toBe(false);
        expect(bad.text).toMatch(message);
        expect(await options.$$eval('[role="alert"]', (els) => els.length)).toBeGreaterThanOrEqual(1);
        expect(await storedLocal('userPacks')).toEqual(stored);
      }
      await shot(options, 'chromium-shell-options-after-imports');
    });

    it.runIf(run)(
      'after importing the sample pack, an article naming the Aral Sea lists it in the sidebar',
      async () => {
        await importSamplePack();
        const page = await openPage(ARAL_ARTICLE);
        await sidebarReady(page);
        const names = await entityNames(page);
        expect(names).toEqual(expect.arrayContaining(['Aral Sea', 'Amu Darya', 'Syr Darya']));
        expect(await highlightCount(page)).toBeGreaterThan(0);
        await shot(page, 'chromium-shell-pack-article');
      },
    );

    it.runIf(run)(
      'after importing the sample pack, toggling the sidebar on a non-article page lists the Aral Sea',
      async () => {
        await importSamplePack();
        const page = await openPage(NOTES);
        await settled(await tabIdOf(NOTES), NOTES);
        expect(await hasSidebar(page)).toBe(false);
        await toggle(await tabIdOf(NOTES));
        await sidebarReady(page);
        expect(await entityNames(page)).toEqual(expect.arrayContaining(['Aral Sea', 'NATO']));
      },
    );

    it.runIf(run)('without the pack, the same article does not list the Aral Sea as a known entity', async () => {
      const page = await openPage(ARAL_ARTICLE);
      await sidebarReady(page);
      const known = await page.evaluate(() =>
        Array.from(
          document
            .querySelector('backstory-sidebar')
            // Known entities only: a name the packs lack is listed too, as an unlisted row.
            ?.shadowRoot?.querySelectorAll('ul.entities li:not(.unlisted) button.entity .name') ?? [],
        ).map((n) => n.textContent ?? ''),
      );
      expect(known).not.toContain('Aral Sea');
    });
  });

  describe('toolbar badge', () => {
    it.runIf(run)('shows the number of entities the sidebar lists for the demo article', async () => {
      const page = await openPage(DEMO);
      await sidebarReady(page);
      const tabId = await tabIdOf(DEMO);
      const stated = await statedEntityCount(page);
      // The list renders a dozen entities per task (Sidebar FIRST_RENDER_COUNT): let it finish.
      await page
        .waitForFunction(
          (n) =>
            (document.querySelector('backstory-sidebar')?.shadowRoot?.querySelectorAll('button.entity').length ?? 0) >=
            n,
          { timeout: 10_000 },
          stated,
        )
        .catch(() => undefined);
      const listed = await listedEntityCount(page);
      expect(listed).toBe(stated);
      const badge = await waitForBadge(tabId, (b) => b !== '');
      expect(badge).toBe(String(listed));
    });

    it.runIf(run)('clears the badge when the tab goes on to another page', async () => {
      const page = await openPage(DEMO);
      await sidebarReady(page);
      const tabId = await tabIdOf(DEMO);
      await waitForBadge(tabId, (b) => b !== '');
      await page.goto(`${server.url}${NOTES}`, { waitUntil: 'load' });
      await settled(tabId, NOTES);
      expect(await badgeOf(tabId)).toBe('');
    });

    it.runIf(run)('clears the badge when the site is switched off in an open tab', async () => {
      const page = await openPage(DEMO);
      await sidebarReady(page);
      const tabId = await tabIdOf(DEMO);
      await waitForBadge(tabId, (b) => b !== '');
      const options = await openOptions();
      await options.evaluate(() =>
        chrome.runtime.sendMessage({ type: 'opt/set-site-policy', payload: { host: '127.0.0.1', policy: 'never' } }),
      );
      await waitForNoSidebar(page);
      expect(await highlightCount(page)).toBe(0);
      // Nothing is listed or highlighted any more, so the count must go too.
      await waitForBadge(tabId, (b) => b === '');
    });

    it.runIf(run)('clears the badge when the reader picks "Never on this site" in the sidebar', async () => {
      const page = await openPage(DEMO);
      await sidebarReady(page);
      const tabId = await tabIdOf(DEMO);
      await waitForBadge(tabId, (b) => b !== '');
      await page.evaluate(() => {
        const select = document
          .querySelector('backstory-sidebar')!
          .shadowRoot!.querySelector<HTMLSelectElement>('.site select')!;
        select.value = 'never';
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await waitForNoSidebar(page);
      expect(await storedLocal('sites')).toEqual({ '127.0.0.1': 'never' });
      expect(await highlightCount(page)).toBe(0);
      await waitForBadge(tabId, (b) => b === '');
    });

    it.runIf(run)('clears the badge when Backstory is paused with a tab open', async () => {
      const page = await openPage(DEMO);
      await sidebarReady(page);
      const tabId = await tabIdOf(DEMO);
      await waitForBadge(tabId, (b) => b !== '');
      const options = await openOptions();
      await options.evaluate(() =>
        chrome.runtime.sendMessage({ type: 'opt/save-settings', payload: { settings: { paused: true } } }),
      );
      await waitForNoSidebar(page);
      expect(await highlightCount(page)).toBe(0);
      await waitForBadge(tabId, (b) => b === '');
    });

    it.runIf(run)('has no badge on a page Backstory did not run on', async () => {
      await openPage(NOTES);
      const tabId = await tabIdOf(NOTES);
      await settled(tabId, NOTES);
      expect(await badgeOf(tabId)).toBe('');
    });
  });

  it.runIf(run)('caused no page errors', () => {
    expect(errors).toEqual([]);
  });
});

// ---- Firefox --------------------------------------------------------------------------

describe('extension shell in firefox', () => {
  const run = available('firefox');
  let browser: Launched;
  let server: Served;
  const opened: Page[] = [];

  beforeAll(async () => {
    if (!run) return;
    server = await startServer();
    browser = await launch('firefox');
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    for (const p of opened.splice(0)) await p.close().catch(() => undefined);
  });

  async function openPage(path: string): Promise<Page> {
    const page = await browser.browser.newPage();
    opened.push(page);
    watchDone(page);
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    return page;
  }

  it.runIf(run)('installs the extension under its gecko id', () => {
    // installExtension returns the add-on id, not the moz-extension:// UUID.
    expect(browser.extensionId).toBe(GECKO_ID);
  });

  it.runIf(run)('opens the sidebar by itself on the demo article, with highlights', async () => {
    const page = await openPage(DEMO);
    await sidebarReady(page);
    expect((await entityNames(page)).length).toBeGreaterThan(15);
    expect(await highlightCount(page)).toBeGreaterThan(0);
  });

  it.runIf(run)('opens the sidebar by itself on a plain article', async () => {
    const page = await openPage(ARAL_ARTICLE);
    await sidebarReady(page);
  });

  it.runIf(run)('shows no sidebar on a page that is not an article', async () => {
    const page = await openPage(NOTES);
    await settle(browser, 'firefox', NOTES, page);
    expect(await hasSidebar(page)).toBe(false);
    expect(await highlightCount(page)).toBe(0);
  });

  it.runIf(run)('imports packs on the options page', async (ctx) => {
    // installExtension returns the add-on id, and the moz-extension:// host is a UUID that
    // is random per profile. A second Firefox is started with the UUID fixed through the
    // extensions.webextensions.uuids pref, so the options page's URL is known.
    const uuid = '6f0c2a5e-4d1b-4c7e-9b3a-2e8d7f1a0b51';
    const ff = await puppeteer.launch({
      browser: 'firefox',
      executablePath: findBrowser('firefox').path!,
      headless: true,
      defaultViewport: { width: 1400, height: 900 },
      extraPrefsFirefox: {
        'extensions.autoDisableScopes': 0,
        'xpinstall.signatures.required': false,
        'datareporting.policy.dataSubmissionEnabled': false,
        'app.update.enabled': false,
        'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: uuid }),
      },
    });
    try {
      expect(await ff.installExtension(extensionDir('firefox'))).toBe(GECKO_ID);
      const page = await ff.newPage();
      try {
        await page.goto(`moz-extension://${uuid}/options.html`, { waitUntil: 'load', timeout: 15_000 });
        await page.waitForSelector('ul.packs li.pack', { timeout: 15_000 });
      } catch (e) {
        // Firefox 153 answers browsingContext.navigate to moz-extension:// (and to about:debugging,
        // where the UUID is shown) with "unsupported operation ... is not allowed in this context".
        ctx.skip(`the options page cannot be opened over WebDriver BiDi: ${String(e).split('\n')[0]}`);
        return;
      }
      const bad = await importPackFile(page, MALFORMED_JSON_PACK);
      expect(bad.ok).toBe(false);
      expect(bad.text).toMatch(/not valid JSON/);
      const good = await importPackFile(page, SAMPLE_PACK);
      expect(good.ok, good.text).toBe(true);
    } finally {
      await ff.close();
    }
  });
});

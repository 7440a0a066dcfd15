/**
 * Shared set-up for the end-to-end tests: which browsers can run, the built
 * extension, a 127.0.0.1 server, and the page helpers every file uses (they look
 * inside our shadow roots, or ask the background what Backstory did in a tab).
 *
 * Waiting for "nothing happened": a negative check (no sidebar on a page that is not an
 * article, nothing on a switched-off site) waits for the tab's status in the background
 * (tabStatus / waitForStatus; `backstory.status(tabId)` in the service worker), never for a
 * fixed time. The background records, per tab, whether the sentinel's page was skipped
 * (not an article, switched off, paused) or the analyzer was loaded, and each analysis run
 * reports how it ended: names found (with their count), nothing to show, or failed. Nothing
 * is added to the page for this. Firefox's background cannot be reached from the tests
 * (WebDriver BiDi refuses moz-extension:// targets), so there settle() waits for the line the
 * content scripts write to the console when they are done with a page (lib/util/done-line.ts:
 * the sentinel's "skipped", or how the analyzer's run ended), recorded from before the page
 * loads (watchDone()). Either way a negative check waits for Backstory's own word that it is
 * done, never a fixed time, and still fails if Backstory acted (the run's end comes after it did).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, WebWorker } from 'puppeteer-core';
import {
  findBrowser,
  launchWithExtension,
  waitForSidebarReady,
  type BrowserName,
  type Launched,
} from '../../scripts/lib/browsers.ts';
import { serve, type Served } from '../../scripts/lib/serve.ts';
import type { TabStatus } from '../../lib/background/tab-status.ts';
import { DONE_PREFIX } from '../../lib/util/done-line.ts';

/** The one extension API the helpers call inside the service worker. */
declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };

declare global {
  /** The background's devtools surface (entrypoints/background.ts), reached through the service worker. */
  const backstory: {
    toggle(tabId: number): Promise<void>;
    lookUp(tabId: number, query: string): Promise<void>;
    status(tabId: number): TabStatus | null;
  };
}
import { ROOT } from '../../scripts/lib/read-packs.ts';

export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];
export const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');
mkdirSync(ARTIFACTS, { recursive: true });

/** A browser that is not installed is skipped here (test-all.ts has already said so, and fails under CI=true). */
export function available(name: BrowserName): boolean {
  return !!findBrowser(name).path;
}

export function extensionDir(name: BrowserName): string {
  const dir = join(ROOT, '.output', name === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`${dir} is missing: build first (npm run build, npm run build:firefox)`);
  return dir;
}

export async function startServer(): Promise<Served> {
  return serve([join(ROOT, 'tests/fixtures/pages')]);
}

export async function launch(name: BrowserName, withExtension = true): Promise<Launched> {
  return launchWithExtension(name, withExtension ? extensionDir(name) : null, {
    headless: true,
    windowSize: [1400, 900],
  });
}

/**
 * Waits for the sidebar's complete list: the first (quick) pass shows the names the knowledge
 * base has at once and says "looking for other names…" until the full pass replaces it.
 */
export async function sidebarReady(page: Page, timeout = 60_000) {
  await waitForSidebarReady(page, timeout);
  await page.waitForFunction(
    () => !document.querySelector('backstory-sidebar')?.shadowRoot?.querySelector('.badge.pending'),
    { timeout, polling: 100 },
  );
}

/** Text content of our sidebar's shadow root (open by design). */
export async function sidebarText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('backstory-sidebar')?.shadowRoot?.textContent ?? '');
}

export async function entityNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(
      document.querySelector('backstory-sidebar')?.shadowRoot?.querySelectorAll('button.entity .name') ?? [],
    ).map((n) => n.textContent ?? ''),
  );
}

/** Click a button inside the sidebar's shadow root, found by its text. */
export async function clickInSidebar(page: Page, selector: string, text?: string) {
  const ok = await page.evaluate(
    (sel, t) => {
      const root = document.querySelector('backstory-sidebar')?.shadowRoot;
      const el = Array.from(root?.querySelectorAll<HTMLElement>(sel) ?? []).find(
        (e) => !t || (e.textContent ?? '').includes(t),
      );
      el?.click();
      return !!el;
    },
    selector,
    text ?? null,
  );
  if (!ok) throw new Error(`nothing matches ${selector} ${text ?? ''} in the sidebar`);
}

/** The viewport rectangle of the first occurrence of `word` in the page's text. */
export async function rectOfWord(page: Page, word: string, occurrence = 0) {
  return page.evaluate(
    (w, n) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('script,style,backstory-sidebar,backstory-card')) continue;
        const data = (node as Text).data;
        let i = data.indexOf(w);
        while (i >= 0) {
          if (seen++ === n) {
            const r = document.createRange();
            r.setStart(node, i);
            r.setEnd(node, i + w.length);
            (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
            const b = r.getBoundingClientRect();
            return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
          }
          i = data.indexOf(w, i + 1);
        }
      }
      return null;
    },
    word,
    occurrence,
  );
}

export async function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, { size: number }> } }).CSS?.highlights;
    return reg?.get('backstory-mention')?.size ?? 0;
  });
}

export const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

/** A plain wait, for what a test must give the page's own scripts; never to wait for Backstory. */
export const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** The done lines (lib/util/done-line.ts) each watched page's content scripts wrote, in order. */
const doneLines = new WeakMap<Page, string[]>();

/**
 * Record the page's done lines from now on: call it before the page loads the document a
 * negative check will settle() on (Firefox only needs it, but it costs nothing elsewhere).
 */
export function watchDone(page: Page): void {
  if (doneLines.has(page)) return;
  const lines: string[] = [];
  doneLines.set(page, lines);
  page.on('console', (m) => {
    const text = m.text();
    if (text.startsWith(DONE_PREFIX)) lines.push(text.slice(DONE_PREFIX.length));
  });
}

export async function hasSidebar(page: Page): Promise<boolean> {
  return page.evaluate(() => !!document.querySelector('backstory-sidebar'));
}

export async function waitForNoSidebar(page: Page) {
  await page.waitForFunction(() => !document.querySelector('backstory-sidebar'), { timeout: 20_000, polling: 100 });
}

/** Waits until the sidebar is open and keyboard focus is inside it (its host is the document's active element). */
export async function waitForFocusInSidebar(page: Page) {
  await page.waitForFunction(
    () => {
      const host = document.querySelector('backstory-sidebar');
      return !!host && document.activeElement === host && !!host.shadowRoot?.activeElement;
    },
    { timeout: 20_000, polling: 100 },
  );
}

/** The hover card's text once it shows `text` (the card is re-rendered in place by a second lookup). */
export async function waitForCardWith(page: Page, text: string): Promise<string> {
  await page.waitForFunction(
    (t) =>
      (
        document.querySelector('backstory-card')?.shadowRoot?.querySelector('[data-testid="hover-card"] .card-name')
          ?.textContent ?? ''
      ).includes(t),
    { timeout: 20_000, polling: 100 },
    text,
  );
  return page.evaluate(
    () =>
      document.querySelector('backstory-card')?.shadowRoot?.querySelector('[data-testid="hover-card"]')?.textContent ??
      '',
  );
}

/**
 * The extension's service worker (Chromium), once its globals are there. Right after launch
 * the first worker target can go away (the extension is still being set up), so look again
 * until an evaluation sees `chrome` and the `backstory` test surface.
 */
export async function serviceWorker(b: Launched): Promise<WebWorker> {
  let last: unknown;
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      const target = await b.browser.waitForTarget(
        (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
        { timeout: 30_000 },
      );
      const w = await target.worker();
      if (w && (await w.evaluate(() => typeof chrome !== 'undefined' && typeof backstory !== 'undefined'))) return w;
    } catch (e) {
      last = e;
    }
    await sleep(250);
  }
  throw new Error(`the service worker is not ready: ${String(last)}`);
}

/** The id of the tab whose URL contains `urlPart`. */
export async function tabIdOf(worker: WebWorker, urlPart: string): Promise<number> {
  const id = await worker.evaluate(
    async (p) => (await chrome.tabs.query({})).find((t) => t.url?.includes(p))?.id ?? null,
    urlPart,
  );
  if (id === null) throw new Error(`no tab shows ${urlPart}`);
  return id;
}

/** What Backstory last did in a tab, as the background recorded it (null: nothing yet). */
export async function tabStatus(worker: WebWorker, tabId: number): Promise<TabStatus | null> {
  return worker.evaluate((id) => backstory.status(id), tabId);
}

/** Waits until the background's status for the tab's page at `urlPart` is one of `states`. */
export async function waitForStatus(
  worker: WebWorker,
  tabId: number,
  urlPart: string,
  states: TabStatus['state'][],
): Promise<TabStatus> {
  for (let i = 0; i < 600; i++) {
    const s = await tabStatus(worker, tabId);
    if (s && s.url.includes(urlPart) && states.includes(s.state)) return s;
    await sleep(100);
  }
  throw new Error(`tab ${tabId} never reached ${states.join('/')}: ${JSON.stringify(await tabStatus(worker, tabId))}`);
}

/**
 * Waits until Backstory is done with the page in this tab (skipped it, or a run ended):
 * through the background where the tests can reach it (Chromium), else through the done line
 * its content scripts write to the page's console (the page must be watched: watchDone()).
 */
export async function settle(b: Launched, name: BrowserName, urlPart: string, page?: Page): Promise<void> {
  if (name !== 'chromium') {
    const lines = page && doneLines.get(page);
    if (!lines) throw new Error(`settle(${urlPart}) in ${name} needs the page, watched from before it loaded`);
    for (let i = 0; i < 300 && !lines.length; i++) await sleep(100);
    if (!lines.length) throw new Error(`Backstory never said it was done with ${urlPart}`);
    return;
  }
  const worker = await serviceWorker(b);
  await waitForStatus(worker, await tabIdOf(worker, urlPart), urlPart, ['skipped', 'found', 'nothing', 'failed']);
}

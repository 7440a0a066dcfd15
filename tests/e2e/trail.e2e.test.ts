/**
 * The reading trail in real browsers (issue 19), on three local articles about one invented
 * story (tests/fixtures/pages/trail/): the third gives a different figure (1,000 against
 * 1,100 square kilometres). With the trail off nothing is stored; the sidebar offers the trail
 * after the third article; once on, the sidebar shows per-entity counts and the coverage
 * comparison with the differing figure; "Delete all" on the trail page, and the sidebar's
 * two-click delete, each leave nothing behind.
 *
 * The store is inspected directly, in the extension's origin: through Chromium's service
 * worker, and in both browsers through the trail page opened as a reader opens it ("Open the
 * trail" in the sidebar). Firefox refuses to navigate to a moz-extension:// page over
 * WebDriver BiDi, but a page the extension opened itself can be scripted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, WebWorker } from 'puppeteer-core';
import type { Launched } from '../../scripts/lib/browsers.ts';
import type { Served } from '../../scripts/lib/serve.ts';
import {
  available,
  BROWSERS,
  clickInSidebar,
  launch,
  serviceWorker,
  shot,
  sidebarReady,
  sleep,
  startServer,
} from './setup.ts';

const STORY = ['/trail/story-a.html', '/trail/story-b.html', '/trail/story-c.html'];
const SCO = 'shanghai-cooperation-organisation';

/**
 * The records in the trail's IndexedDB, read in the extension's origin: the service worker or
 * the trail page ([] when the database was never made).
 */
async function storedUrls(where: WebWorker | Page): Promise<string[]> {
  return (where as WebWorker).evaluate(() =>
    new Promise<string[]>((resolve, reject) => {
      const req = indexedDB.open('backstory-trail');
      req.onerror = () => reject(req.error);
      req.onupgradeneeded = () => req.transaction?.abort();
      req.onsuccess = () => {
        const db = req.result;
        if (!db.objectStoreNames.contains('articles')) return (db.close(), resolve([]));
        const all = db.transaction('articles').objectStore('articles').getAllKeys();
        all.onsuccess = () => (db.close(), resolve(all.result.map(String)));
        all.onerror = () => reject(all.error);
      };
    }).catch(() => [] as string[]),
  );
}

async function waitInSidebar(page: Page, selector: string, text = ''): Promise<string> {
  const handle = await page.waitForFunction(
    (sel, t) => {
      const el = document.querySelector('backstory-sidebar')?.shadowRoot?.querySelector(sel);
      const s = el?.textContent ?? '';
      return el && s.includes(t) ? s : false;
    },
    { timeout: 30_000, polling: 100 },
    selector,
    text,
  );
  return (await handle.jsonValue()) as string;
}

describe.each(BROWSERS)('reading trail in %s', (name) => {
  const run = available(name);
  let browser: Launched;
  let server: Served;
  let worker: WebWorker | null = null;

  beforeAll(async () => {
    if (!run) return;
    server = await startServer();
    browser = await launch(name);
    if (name === 'chromium') worker = await serviceWorker(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function read(path: string): Promise<Page> {
    const page = await browser.browser.newPage();
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    await sidebarReady(page);
    return page;
  }

  /** The trail page, opened from the sidebar's "Open the trail" (the extension opens it in a new tab). */
  async function openTrailPage(page: Page): Promise<Page> {
    const before = new Set(await browser.browser.pages());
    await clickInSidebar(page, '.trail-foot button', 'Open the trail');
    for (let i = 0; i < 300; i++) {
      for (const p of await browser.browser.pages()) {
        if (before.has(p)) continue;
        // Firefox reports an extension page's URL as about:blank to the client; the page knows its own.
        const href = await p.evaluate(() => location.href).catch(() => '');
        if (href.endsWith('/trail.html')) {
          await p.waitForSelector('[data-testid="trail-articles"] li, [data-testid="trail-empty"]', {
            timeout: 30_000,
          });
          return p;
        }
      }
      await sleep(100);
    }
    throw new Error('"Open the trail" opened no trail page');
  }

  it.runIf(run)('stores nothing while the trail is off, and offers it after the third article', async () => {
    for (const path of STORY.slice(0, 2)) {
      const page = await read(path);
      // The run is over (the sidebar is ready) and no offer yet.
      await waitInSidebar(page, '[data-testid="entity-count"]');
      await page.close();
    }
    const third = await read(STORY[2]!);
    await waitInSidebar(third, '[data-testid="trail-offer"]', 'reading trail');
    if (worker) expect(await storedUrls(worker)).toEqual([]);
    await clickInSidebar(third, '[data-testid="trail-offer"] button', 'Turn it on');
    // Accepting records the article the reader is on, and only it: the three read before were not kept.
    const foot = await waitInSidebar(third, '.trail-foot', '1 article kept');
    expect(foot).toContain('This article is in your reading trail');
    if (worker) expect(await storedUrls(worker)).toEqual([`${server.url}${STORY[2]}`]);
    const trailPage = await openTrailPage(third);
    expect(await storedUrls(trailPage)).toEqual([`${server.url}${STORY[2]}`]);
    await trailPage.close();
    await third.close();
  });

  it.runIf(run)('shows per-entity counts and the coverage comparison with the differing figure', async () => {
    await (await read(STORY[0]!)).close();
    const page = await read(STORY[1]!);
    await waitInSidebar(page, '.trail-foot', '3 articles kept');
    const sco = await waitInSidebar(page, `.trail-entities li[data-entity="${SCO}"]`);
    expect(sco).toContain('Shanghai Cooperation Organisation in 2 other articles you read (127.0.0.1)');
    const coverage = await waitInSidebar(page, '[data-testid="coverage"]');
    expect(coverage).toContain('This article');
    const diff = await waitInSidebar(page, '[data-testid="difference"]');
    expect(diff).toContain('1,100 square kilometres');
    expect(diff).toContain('1,000 square kilometres');
    expect(diff).toContain('Figures given by the SCO put the area the plan will irrigate at 1,000 square kilometres');
    await shot(page, `${name}-trail-sidebar`);
    if (worker) expect((await storedUrls(worker)).sort()).toEqual(STORY.map((p) => `${server.url}${p}`).sort());
    await page.close();
  });

  it.runIf(run)('deletes everything from the trail page, leaving nothing behind', async () => {
    const story = await read(STORY[0]!);
    await waitInSidebar(story, '.trail-foot', '3 articles kept');
    const page = await openTrailPage(story);
    expect(await page.$$eval('[data-testid="trail-articles"] li', (l) => l.length)).toBe(3);
    const click = (text: string) =>
      page.evaluate((t) => {
        const b = [...document.querySelectorAll('button')].find((x) => x.textContent?.trim() === t);
        b?.click();
        return !!b;
      }, text);
    expect(await click('Delete all')).toBe(true);
    expect(await click('Yes, delete every article')).toBe(true);
    await page.waitForSelector('[data-testid="trail-empty"]', { timeout: 30_000 });
    expect(await storedUrls(page)).toEqual([]);
    if (worker) expect(await storedUrls(worker)).toEqual([]);
    await page.close();
    await story.close();
  });

  it.runIf(run)('deletes everything from the sidebar in two clicks, leaving nothing behind', async () => {
    // The trail is still on: reading the story again keeps all three.
    for (const path of STORY.slice(0, 2)) await (await read(path)).close();
    const page = await read(STORY[2]!);
    await waitInSidebar(page, '.trail-foot', '3 articles kept');
    await clickInSidebar(page, '.trail-foot button', 'Delete the trail');
    await clickInSidebar(page, '.trail-foot button', 'Yes, delete every article');
    const foot = await waitInSidebar(page, '.trail-foot', '0 articles kept');
    expect(foot).toContain('This article is not recorded');
    const trailPage = await openTrailPage(page);
    await trailPage.waitForSelector('[data-testid="trail-empty"]', { timeout: 30_000 });
    expect(await storedUrls(trailPage)).toEqual([]);
    if (worker) expect(await storedUrls(worker)).toEqual([]);
    await trailPage.close();
    await page.close();
  });
});

/**
 * Robustness, extension side (QUALITY.md §3, issue 9): the extension reloaded under
 * an open tab, a browser without the Highlight API or scheduler.yield, and spoofed,
 * malformed and oversized messages to the background. Most of it needs Chromium's
 * DevTools protocol (the service worker, the content scripts' isolated world named
 * "Backstory"); what a page's own world can reach is checked in both browsers.
 * See docs/robustness.md.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { CDPSession, Page, WebWorker } from 'puppeteer-core';
import { BROWSERS, available, launch, startServer, sidebarReady, entityNames, highlightCount, sleep } from './setup.ts';
import type { Launched } from '../../scripts/lib/browsers.ts';
import type { Served } from '../../scripts/lib/serve.ts';

/** `it` where the browser is installed; `it.fails` for a case held red by a known product bug (docs/robustness.md). */
const check = (run: boolean, knownBug = false) => (!run ? it.skip : knownBug ? it.fails : it) as typeof it;

async function serviceWorker(b: Launched): Promise<{ worker: WebWorker; target: unknown }> {
  const target = await b.browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    { timeout: 20_000 },
  );
  const worker = await target.worker();
  if (!worker) throw new Error('no service worker');
  return { worker, target };
}

async function tabIdOf(worker: WebWorker, url: string): Promise<number> {
  const id = await worker.evaluate(
    async (u) =>
      ((await (globalThis as any).chrome.tabs.query({})) as { id: number; url: string }[]).find((t) => t.url === u)
        ?.id ?? -1,
    url,
  );
  if (id < 0) throw new Error(`no tab for ${url}`);
  return id;
}

interface World {
  cdp: CDPSession;
  exceptions: string[];
  /** Evaluate an expression in the content scripts' isolated world ("Backstory") of the top frame. */
  evaluate<T = unknown>(expression: string): Promise<T>;
}

/** The top frame's "Backstory" isolated world, found through Runtime.executionContextCreated. */
async function backstoryWorld(page: Page): Promise<World> {
  const cdp = await page.createCDPSession();
  const contexts: { id: number; name: string; auxData?: { frameId?: string; isDefault?: boolean } }[] = [];
  const exceptions: string[] = [];
  cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as (typeof contexts)[number]));
  cdp.on('Runtime.exceptionThrown', (e) =>
    exceptions.push(
      `${e.exceptionDetails.text} ${e.exceptionDetails.exception?.description ?? ''} ${e.exceptionDetails.url ?? ''}`,
    ),
  );
  await cdp.send('Runtime.enable');
  const tree = await cdp.send('Page.getFrameTree');
  const frameId = tree.frameTree.frame.id;
  const deadline = Date.now() + 15_000;
  let ctx = contexts.find((c) => c.name === 'Backstory' && c.auxData?.frameId === frameId);
  while (!ctx && Date.now() < deadline) {
    await sleep(100);
    ctx = contexts.find((c) => c.name === 'Backstory' && c.auxData?.frameId === frameId);
  }
  if (!ctx) throw new Error(`no "Backstory" isolated world among ${contexts.map((c) => c.name).join(', ')}`);
  const contextId = ctx.id;
  return {
    cdp,
    exceptions,
    async evaluate<T>(expression: string) {
      const res = await cdp.send('Runtime.evaluate', {
        expression,
        contextId,
        awaitPromise: true,
        returnByValue: true,
      });
      if (res.exceptionDetails)
        throw new Error(
          `isolated-world evaluate failed: ${res.exceptionDetails.exception?.description ?? res.exceptionDetails.text}`,
        );
      return res.result.value as T;
    },
  };
}

describe.each(BROWSERS)('extension robustness in %s', (name) => {
  const run = available(name);
  const chromium = run && name === 'chromium';
  let browser: Launched;
  let server: Served;

  beforeAll(async () => {
    if (!run) return;
    server = await startServer();
    browser = await launch(name);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path: string) {
    const page = await browser.browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
    return { page, errors };
  }

  // 14 (page world, both browsers)
  it.runIf(run)("14a. a page's own world has no extension messaging API to reach us", async () => {
    const { page, errors } = await open('/hostile/not-article.html');
    try {
      const reach = await page.evaluate(() => {
        const g = globalThis as any;
        return {
          chromeRuntimeSend: typeof g.chrome?.runtime?.sendMessage,
          chromeRuntimeConnect: typeof g.chrome?.runtime?.connect,
          browser: typeof g.browser,
        };
      });
      expect(reach).toEqual({
        chromeRuntimeSend: 'undefined',
        chromeRuntimeConnect: 'undefined',
        browser: 'undefined',
      });
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });

  // 14 (content-script world, Chromium)
  it.runIf(chromium)(
    '14b. spoofed, malformed and oversized messages from the content-script world are refused; the background keeps working',
    async () => {
      const { page, errors } = await open('/hostile/not-article.html');
      try {
        const world = await backstoryWorld(page);
        const answers = await world.evaluate<Record<string, any>>(`(async () => {
        const send = (m) => chrome.runtime.sendMessage(m).then((r) => (r === undefined ? { ignored: true } : r), (e) => ({ threw: String(e && e.message) }));
        const out = {};
        out.unknownType = await send({ type: 'cs/steal-everything', payload: {} });
        out.noType = await send({ hello: 'world' });
        out.notObject = await send('just a string');
        out.badPayload = await send({ type: 'cs/analyze', payload: { url: 5, text: ['x'], extra: true } });
        out.protoKey = await send(JSON.parse('{"type":"cs/get-settings","payload":{"__proto__":{"polluted":true}}}'));
        out.optionsOnly = await send({ type: 'opt/import-pack', payload: { json: '{}' } });
        out.pauseFromPage = await send({ type: 'opt/save-settings', payload: { settings: { paused: true } } });
        out.huge = await send({ type: 'cs/analyze', payload: { url: location.href, title: 't', text: 'x'.repeat(20000000), truncated: false } });
        out.valid = await send({ type: 'cs/analyze', payload: { url: location.href, title: 't', text: 'Defence ministers from NATO met officials from Kazakhstan on Thursday.', truncated: false } });
        // A large page's copy, parsed in the service worker (linkedom + Readability there).
        const para = (i) => '<p data-bs-i="' + (i + 3) + '">Paragraph ' + i + ' says that NATO ministers met officials from Kazakhstan, and that the talks went on for a long time without any statement.</p>';
        out.extract = await send({ type: 'cs/extract', payload: { html: '<html data-bs-i="0"><head data-bs-i="1"><title>Talks</title></head><body data-bs-i="2">' + Array.from({ length: 6 }, (_, i) => para(i)).join('') + '</body></html>' } });
        return out;
      })()`);
        const refused = (a: any) => a?.ignored === true || (a?.ok === false && typeof a.error === 'string');
        for (const k of ['unknownType', 'noType', 'notObject', 'badPayload', 'optionsOnly', 'pauseFromPage', 'huge'])
          expect(refused(answers[k]), `${k}: ${JSON.stringify(answers[k]).slice(0, 200)}`).toBe(true);
        // A "__proto__" key is refused by the strict schema (or dropped); either way nothing is polluted (checked below).
        expect(answers.protoKey?.ok === false || answers.protoKey?.ok === true).toBe(true);
        expect(answers.huge.error).toMatch(/too large|too long|length/i);
        expect(answers.valid.ok).toBe(true);
        expect(answers.valid.value.result.entities.map((e: { name: string }) => e.name)).toEqual(
          expect.arrayContaining(['NATO', 'Kazakhstan']),
        );
        expect(answers.extract.ok).toBe(true);
        expect(
          answers.extract.value.tokens.filter((t: unknown) => Array.isArray(t)).map((t: [number, string]) => t[0]),
        ).toEqual([3, 4, 5, 6, 7, 8]);
        const { worker } = await serviceWorker(browser);
        expect(await worker.evaluate(() => (Object.prototype as any).polluted)).toBeUndefined();
        // Settings were not paused by the page; a real analysis still works afterwards.
        const tabId = await tabIdOf(worker, page.url());
        await worker.evaluate((id) => (globalThis as any).backstory.toggle(id), tabId);
        await sidebarReady(page);
        expect(await entityNames(page)).toEqual(expect.arrayContaining(['NATO', 'Kazakhstan']));
        expect(world.exceptions).toEqual([]);
        expect(errors).toEqual([]);
        await world.cdp.detach();
      } finally {
        await page.close();
      }
    },
  );

  // 13
  it.runIf(chromium)(
    '13. without the Highlight API and scheduler.yield the sidebar still works, with no errors',
    async () => {
      const { page, errors } = await open('/hostile/not-article.html');
      try {
        const world = await backstoryWorld(page);
        const gone = await world.evaluate<{ highlights: string; Highlight: string; scheduler: string }>(`(() => {
        delete CSS.highlights; delete window.Highlight; delete window.scheduler;
        // Where delete is refused, shadow the binding instead.
        if (typeof CSS.highlights !== 'undefined') Object.defineProperty(CSS, 'highlights', { value: undefined, configurable: true });
        if (typeof window.Highlight !== 'undefined') Object.defineProperty(window, 'Highlight', { value: undefined, configurable: true });
        if (typeof window.scheduler !== 'undefined') Object.defineProperty(window, 'scheduler', { value: undefined, configurable: true });
        return { highlights: typeof CSS.highlights, Highlight: typeof window.Highlight, scheduler: typeof window.scheduler };
      })()`);
        expect(gone).toEqual({ highlights: 'undefined', Highlight: 'undefined', scheduler: 'undefined' });
        const { worker } = await serviceWorker(browser);
        const tabId = await tabIdOf(worker, page.url());
        await worker.evaluate((id) => (globalThis as any).backstory.toggle(id), tabId);
        await sidebarReady(page);
        expect(await entityNames(page)).toEqual(expect.arrayContaining(['NATO', 'Kazakhstan']));
        // No highlight could be registered from the content script's world; the page's registry stays empty.
        expect(await highlightCount(page)).toBe(0);
        // The mention list still works: open an entity's details.
        await page.evaluate(() =>
          Array.from(
            document.querySelector('backstory-sidebar')!.shadowRoot!.querySelectorAll<HTMLElement>('button.entity'),
          )
            .find((b) => b.textContent?.includes('NATO'))!
            .click(),
        );
        await page.waitForFunction(
          () => !!document.querySelector('backstory-sidebar')?.shadowRoot?.querySelector('#bs-detail-title'),
          { timeout: 10_000 },
        );
        await sleep(500);
        expect(world.exceptions).toEqual([]);
        expect(errors).toEqual([]);
        await world.cdp.detach();
      } finally {
        await page.close();
      }
    },
  );

  // 11 (the user asks on a page without <body>)
  it.runIf(chromium)(
    '11b. asking for the sidebar on a page without <body> works or stays quiet, with no errors',
    async () => {
      const { page, errors } = await open('/hostile/no-body.html');
      try {
        const world = await backstoryWorld(page);
        const { worker } = await serviceWorker(browser);
        const tabId = await tabIdOf(worker, page.url());
        await worker.evaluate((id) => (globalThis as any).backstory.toggle(id), tabId);
        await sidebarReady(page);
        expect(
          await page.evaluate(() => ({
            body: document.body,
            hosts: document.querySelectorAll('backstory-sidebar').length,
          })),
        ).toEqual({ body: null, hosts: 1 });
        expect(await entityNames(page)).toContain('NATO');
        expect(world.exceptions).toEqual([]);
        expect(errors).toEqual([]);
        await world.cdp.detach();
      } finally {
        await page.close();
      }
    },
  );

  // 12 — last in this file: it takes the extension away. 12a leaves the tab open for 12b.
  let reloaded: { page: Page; errors: string[]; world: World } | null = null;

  it.runIf(chromium)(
    '12a. extension reloaded under an open tab: the page keeps working, no uncaught errors, no duplicated sidebar',
    async () => {
      const { page, errors } = await open('/hostile/spa.html');
      await sidebarReady(page);
      const world = await backstoryWorld(page);
      reloaded = { page, errors, world };
      const { worker } = await serviceWorker(browser);
      const tabId = await tabIdOf(worker, page.url());
      // A second and third injection (toolbar button twice) reuse the running analyzer: never two sidebars.
      await worker.evaluate((id) => (globalThis as any).backstory.toggle(id), tabId);
      await worker.evaluate((id) => (globalThis as any).backstory.toggle(id), tabId);
      await sidebarReady(page);
      expect(await page.evaluate(() => document.querySelectorAll('backstory-sidebar').length)).toBe(1);
      // Under puppeteer (extension loaded over CDP) runtime.reload() unloads the extension and it does not
      // come back, so the re-injection after a reload cannot be driven here; the invalidated context can.
      void worker
        .evaluate(() => void setTimeout(() => (globalThis as any).chrome.runtime.reload(), 50))
        .catch(() => undefined);
      await sleep(3000);
      // The page's own scripts keep working, and what used to involve us (pointer moves over names,
      // SPA navigation, new text) raises nothing.
      await page.mouse.move(300, 300);
      await page.mouse.move(320, 340, { steps: 5 });
      await page.evaluate(() => (window as any).__spa.go('b'));
      expect(await page.evaluate(() => document.querySelector('h1')?.textContent)).toMatch(/Japan/);
      await sleep(4000);
      expect(await page.evaluate(() => document.querySelectorAll('backstory-sidebar').length)).toBeLessThanOrEqual(1);
      expect(world.exceptions).toEqual([]);
      expect(errors).toEqual([]);
    },
  );

  // BUG (docs/robustness.md, B3): the analyzer learns that its context is gone only when a message to
  // the background fails; nothing checks browser.runtime.id, so a stale sidebar and highlights stay.
  check(chromium)('12b. after the reload the stale sidebar and highlights are taken down', async () => {
    expect(reloaded).not.toBeNull();
    const { page, errors, world } = reloaded!;
    try {
      await page.waitForFunction(() => document.querySelectorAll('backstory-sidebar, backstory-card').length === 0, {
        timeout: 15_000,
        polling: 250,
      });
      expect(await highlightCount(page)).toBe(0);
      expect(await page.evaluate(() => document.documentElement.style.marginRight)).toBe('');
      expect(world.exceptions).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await world.cdp.detach().catch(() => undefined);
      await page.close();
      reloaded = null;
    }
  });
});

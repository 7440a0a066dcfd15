/**
 * One load of one page in Chromium, with or without the extension: load → first
 * highlights / sidebar / complete result, the main thread's tasks from a DevTools trace,
 * the sentinel's and analyzer's script time, and the page's JS heap. Hovers are measured
 * by ./bench-hover.ts on the same page.
 */
import type { Page } from 'puppeteer-core';
import type { Launched } from './browsers.ts';
import type { PageSpec } from './bench-specs.ts';
import { startProfile, stopProfile } from './bench-profile.ts';
import { breakdown, mainThread, parseTrace, scriptCostMs, taskStats } from './bench-trace.ts';
import { measureHover, type HoverRow } from './bench-hover.ts';
import { TRACE_CATEGORIES, sleep, type BenchContext } from './bench-context.ts';

/** Main-world instrumentation, installed before any page script: first highlights, complete sidebar, last pointer move. */
export const INSTRUMENT = `(() => {
  const b = (window.__bench = { hl: 0, sb: 0, full: 0, lastMove: 0, card: 0, raf: 0, painted: 0 });
  addEventListener('pointermove', () => { b.lastMove = performance.now(); }, true);
  const hosts = document.getElementsByTagName('backstory-sidebar');
  const tick = () => {
    const now = performance.now();
    if (!b.hl && globalThis.CSS && CSS.highlights && CSS.highlights.has('backstory-mention')) b.hl = now;
    if (!b.sb) { const h = hosts[0]; if (h && h.shadowRoot && h.shadowRoot.querySelector('[data-testid="entity-count"]')) b.sb = now; }
    // Complete: the second pass (names the knowledge base lacks) has replaced the quick one.
    if (b.sb && !b.full) { const r = hosts[0] && hosts[0].shadowRoot; if (r && r.querySelector('[data-testid="entity-count"]') && !r.querySelector('.pending')) { b.full = now; console.timeStamp('bench-ready'); } }
    if (!(b.hl && b.sb && b.full) && now < 20000) setTimeout(tick, 10);
  };
  setTimeout(tick, 10);
})();`;

export async function openPage(ctx: BenchContext, l: Launched): Promise<Page> {
  const page = await l.browser.newPage();
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const u = req.url();
    if (u.startsWith(ctx.server.url) || u.startsWith('data:') || u.startsWith('blob:'))
      void req.continue().catch(() => undefined);
    else void req.abort().catch(() => undefined);
  });
  await page.evaluateOnNewDocument(INSTRUMENT);
  return page;
}

export interface LoadRow {
  loadToHighlightsMs: number | null;
  loadToSidebarMs: number | null;
  /** Load → the complete result (second pass, with names the knowledge base lacks) shown. */
  loadToCompleteMs: number | null;
  longestTaskMs: number;
  tasksOver50: number;
  mainThreadMs: number;
  extLongestTaskMs: number;
  extTasksOver50: number;
  extMainThreadMs: number;
  /** Longest task from the extension's first script to the sidebar ready + 250 ms (articles): catches work run from message callbacks and the relayout it causes, which carry no extension URL in the trace. */
  extWindowLongestTaskMs: number | null;
  extWindowTasksOver50: number | null;
  sentinelMs: number;
  analyzerScriptMs: number;
  heapUsed: number | null;
  heapUsedAfterGc: number | null;
}

/** One load of one page; with the extension also the hover, when asked. */
export async function measureLoad(
  ctx: BenchContext,
  l: Launched,
  spec: PageSpec,
  ext: boolean,
  waitMs: number,
): Promise<{ row: LoadRow; ready: boolean; hover: HoverRow | null; readyAfterMs: number }> {
  const url = ctx.server.url + spec.path;
  const page = await openPage(ctx, l);
  const prof = ctx.profile && ext ? await startProfile(page) : null;
  await page.tracing.start({ categories: TRACE_CATEGORIES });
  await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
  const t0 = Date.now();
  let ready = false;
  if (ext && spec.article !== false) {
    const timeout = spec.article === true ? 30_000 : waitMs;
    ready = await page
      .waitForFunction(() => !!(window as unknown as { __bench: { sb: number } }).__bench.sb, { polling: 20, timeout })
      .then(
        () => true,
        () => false,
      );
    if (ready)
      await page
        .waitForFunction(() => !!(window as unknown as { __bench: { hl: number } }).__bench.hl, {
          polling: 20,
          timeout: 1000,
        })
        .catch(() => undefined);
    if (ready)
      await page
        .waitForFunction(() => !!(window as unknown as { __bench: { full: number } }).__bench.full, {
          polling: 20,
          timeout: 30_000,
        })
        .catch(() => undefined);
  }
  const readyAfterMs = Date.now() - t0;
  if (prof)
    console.error(
      `    [${spec.id}] CPU self time, load → ready (extension and native):\n      ${(await stopProfile(prof)).join('\n      ')}`,
    );
  // Let trailing work (paints, the sentinel's reply) land in the trace; without the extension wait as long.
  await sleep(ext ? (ready ? 300 : Math.max(600, waitMs)) : waitMs);
  const main = mainThread(parseTrace(await page.tracing.stop()), url);
  const times = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
    const b = (window as unknown as { __bench: { hl: number; sb: number; full: number } }).__bench;
    return {
      load: nav?.loadEventEnd ?? performance.timing.loadEventEnd - performance.timeOrigin,
      hl: b.hl,
      sb: b.sb,
      full: b.full,
      now: performance.now(),
    };
  });
  const stats = main ? taskStats(main.tasks) : taskStats([]);
  if (ctx.debug && main) {
    const t0 = main.tasks[0]?.ts ?? 0;
    const marks = [...main.stamps]
      .filter(([k]) => k.startsWith('bs:'))
      .map(([k, ts]) => `${k.slice(3)} +${((ts - t0) / 1000).toFixed(0)}`);
    if (marks.length) console.error(`    [${spec.id}] console.timeStamp marks: ${marks.join(', ')}`);
    // Where the sentinel's milliseconds go: each of its events, and what ran inside the longest.
    const sent = main.extEvents.filter((e) => String(e.args?.data?.url ?? '').includes('/sentinel.js'));
    if (sent.length) {
      const top = sent.reduce((a, b) => (b.dur! > a.dur! ? b : a));
      const task = main.tasks.find((t) => t.ts <= top.ts && top.ts <= t.ts + t.dur);
      console.error(
        `    [${spec.id}] sentinel: ${sent.map((e) => `${e.name} ${(e.dur! / 1000).toFixed(2)}`).join('; ')}${task ? ` — its task: ${breakdown(main, task)}` : ''}`,
      );
    }
    for (const t of main.tasks.filter(
      (t) => t.dur > 16_000 || (t.ext.length && t.dur > 3000) || (process.env.ALLT && t.dur > 2000),
    ))
      console.error(
        `    [${spec.id} ${ext ? 'ext' : 'plain'}] task ${(t.dur / 1000).toFixed(1)} ms at +${((t.ts - main.tasks[0]!.ts) / 1000).toFixed(0)}${t.ext.length ? ' EXT' : ''}: ${breakdown(main, t)}`,
      );
  }
  let heapUsed: number | null = null;
  let heapUsedAfterGc: number | null = null;
  if (spec.heap) {
    await sleep(2000 - (times.now - times.load));
    heapUsed = (await page.metrics()).JSHeapUsedSize ?? null;
    const cdp = await page.createCDPSession();
    await cdp.send('HeapProfiler.collectGarbage');
    heapUsedAfterGc = (await page.metrics()).JSHeapUsedSize ?? null;
    await cdp.detach();
  }
  let extWindow: ReturnType<typeof taskStats> | null = null;
  const readyTs = main?.stamps.get('bench-ready');
  if (main && ext && main.extEvents.length) {
    const firstEvent = Math.min(...main.extEvents.map((e) => e.ts));
    const first = Math.min(firstEvent, ...main.tasks.filter((t) => t.ext.length).map((t) => t.ts));
    const lastExt = Math.max(...main.tasks.filter((t) => t.ext.length).map((t) => t.ts + t.dur));
    // Tasks in the window that ran extension code or no page script: a page's own script
    // task that happens to fall in the window (engadget's ads: 70 ms with or without us) is not ours.
    extWindow = taskStats(
      main.tasks.filter((t) => t.ext.length || !t.page),
      first,
      readyTs !== undefined ? readyTs + 250_000 : lastExt,
    );
  }
  const row: LoadRow = {
    extWindowLongestTaskMs: extWindow ? extWindow.longestMs : null,
    extWindowTasksOver50: extWindow ? extWindow.over50 : null,
    loadToHighlightsMs: ext && times.hl ? times.hl - times.load : null,
    loadToSidebarMs: ext && times.sb ? times.sb - times.load : null,
    loadToCompleteMs: ext && times.full ? times.full - times.load : null,
    longestTaskMs: stats.longestMs,
    tasksOver50: stats.over50,
    mainThreadMs: stats.totalMs,
    extLongestTaskMs: stats.extLongestMs,
    extTasksOver50: stats.extOver50,
    extMainThreadMs: stats.extTotalMs,
    sentinelMs: main ? scriptCostMs(main, '/sentinel.js') : 0,
    analyzerScriptMs: main ? scriptCostMs(main, '/content-scripts/analyzer.js') : 0,
    heapUsed,
    heapUsedAfterGc,
  };
  const hover = ext && ready && spec.hover ? await measureHover(ctx, page, url) : null;
  await page.close();
  return { row, ready, hover, readyAfterMs };
}

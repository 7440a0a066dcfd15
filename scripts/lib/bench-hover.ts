/**
 * A hover, as a reader makes it: real mouse moves onto a highlighted name, then the
 * time and main-thread work from the end of the dwell to the card painted.
 */
import type { Page } from 'puppeteer-core';
import { startProfile, stopProfile } from './bench-profile.ts';
import { breakdown, mainThread, parseTrace } from './bench-trace.ts';
import { TRACE_CATEGORIES, sleep, type BenchContext } from './bench-context.ts';

export interface HoverRow {
  dwellEndToCardMs: number | null;
  dwellEndToRafMs: number | null;
  dwellEndToPaintedMs: number | null;
  cardRenderTaskMs: number | null;
  workDwellEndToPaintedMs: number | null;
  pointerLongestExtTaskMs: number | null;
}

/** Real mouse moves onto a highlighted name; dwell end (last move + 500 ms) → card in the DOM → next frame → painted. */
export async function measureHover(ctx: BenchContext, page: Page, url: string): Promise<HoverRow | null> {
  type Target = { x: number; y: number; text: string } | { scroll: true } | null;
  const find = () =>
    page.evaluate((): Target => {
      const h = (CSS as unknown as { highlights: Map<string, Set<Range>> }).highlights.get('backstory-mention');
      if (!h) return null;
      let first: Range | null = null;
      for (const r of h) {
        for (const rect of Array.from(r.getClientRects())) {
          if (rect.width < 8 || rect.top < 60 || rect.bottom > innerHeight - 280 || rect.left < 0) continue;
          const x = rect.left + rect.width / 2;
          const y = rect.top + rect.height / 2;
          const el = document.elementFromPoint(x, y);
          if (!el || el.tagName.startsWith('BACKSTORY-')) continue;
          return { x, y, text: r.toString() };
        }
        first ??= r;
      }
      if (first) {
        first.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        return { scroll: true };
      }
      return null;
    });
  let target = await find();
  if (target && 'scroll' in target) {
    await sleep(300);
    target = await find();
  }
  if (!target || 'scroll' in target) return null;
  await page.mouse.move(5, target.y);
  await sleep(150);
  await page.tracing.start({ categories: TRACE_CATEGORIES });
  // A string, not a function: tsx would wrap inner functions in a __name() helper the page lacks.
  const sync = (await page.evaluate(`(() => {
    const t = performance.now();
    console.timeStamp('bench-sync');
    const b = window.__bench;
    b.card = 0; b.raf = 0; b.painted = 0;
    const has = () => !!document.getElementsByTagName('backstory-card')[0]?.shadowRoot?.querySelector('[data-testid="hover-card"]');
    let mo = null;
    const seen = () => {
      if (b.card || !has()) return;
      b.card = performance.now();
      mo.disconnect();
      requestAnimationFrame(() => {
        b.raf = performance.now();
        const ch = new MessageChannel();
        ch.port1.onmessage = () => { b.painted = performance.now(); };
        ch.port2.postMessage(0);
      });
    };
    mo = new MutationObserver(() => {
      const host = document.getElementsByTagName('backstory-card')[0];
      if (host && host.shadowRoot) mo.observe(host.shadowRoot, { childList: true, subtree: true });
      seen();
    });
    mo.observe(document.documentElement, { childList: true, subtree: true });
    // The card host may already exist (created ahead of the first hover): watch inside it too.
    const h0 = document.getElementsByTagName('backstory-card')[0];
    if (h0 && h0.shadowRoot) mo.observe(h0.shadowRoot, { childList: true, subtree: true });
    return t;
  })()`)) as number;
  const prof = ctx.profile ? await startProfile(page) : null;
  await page.mouse.move(target.x, target.y, { steps: 5 });
  const ok = await page
    .waitForFunction(() => !!(window as unknown as { __bench: { painted: number } }).__bench.painted, {
      polling: 20,
      timeout: 5000,
    })
    .then(
      () => true,
      () => false,
    );
  await sleep(50);
  if (prof)
    console.error(
      `    [hover] CPU self time, moves → card painted (extension and native):\n      ${(await stopProfile(prof)).join('\n      ')}`,
    );
  const main = mainThread(parseTrace(await page.tracing.stop()), url);
  if (!ok) return null;
  const b = await page.evaluate(() => (window as unknown as { __bench: Record<string, number> }).__bench);
  const dwellEnd = b.lastMove! + 500;
  const row: HoverRow = {
    dwellEndToCardMs: b.card! - dwellEnd,
    dwellEndToRafMs: b.raf! - dwellEnd,
    dwellEndToPaintedMs: b.painted! - dwellEnd,
    cardRenderTaskMs: null,
    workDwellEndToPaintedMs: null,
    pointerLongestExtTaskMs: null,
  };
  const syncTs = main?.stamps.get('bench-sync');
  if (main && syncTs !== undefined) {
    const toTrace = (ms: number) => syncTs + (ms - sync) * 1000;
    // The card's render: the task that ran extension code and was running when the card appeared.
    const cardAt = toTrace(b.card!);
    const render = main.tasks.find((t) => t.ts <= cardAt && t.ts + t.dur >= cardAt);
    // The dwell starts at the first move that lands on the name, which may be before the last
    // of the five moves: the work is counted from the start of the render task when that is earlier.
    const from = Math.min(toTrace(dwellEnd), render?.ts ?? Infinity);
    const to = toTrace(b.painted!);
    const win = main.tasks.filter((t) => t.ts + t.dur >= from && t.ts <= to);
    row.workDwellEndToPaintedMs =
      win.reduce((s, t) => s + (Math.min(t.ts + t.dur, to) - Math.max(t.ts, from)), 0) / 1000;
    if (ctx.debug)
      for (const t of main.tasks.filter((t) => t.dur > 3000 && t.ts + t.dur >= from - 600_000))
        console.error(
          `    [hover] task ${(t.dur / 1000).toFixed(1)} ms at ${((t.ts - from) / 1000).toFixed(0)} from dwell end${t === render ? ' RENDER' : ''}${t.ext.length ? ' EXT' : ''}: ${breakdown(main, t)}`,
        );
    row.cardRenderTaskMs = render
      ? render.dur / 1000
      : Math.max(0, ...win.filter((t) => t.ext.length).map((t) => t.dur / 1000));
    const moves = main.tasks.filter((t) => t.ext.length && t.ts < from);
    row.pointerLongestExtTaskMs = Math.max(0, ...moves.map((t) => t.dur / 1000));
  }
  return row;
}

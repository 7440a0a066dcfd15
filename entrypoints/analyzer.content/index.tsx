/**
 * The analyzer: loaded into a tab only when the page is an article or the user
 * asked (toolbar, shortcut, context menu). Wiring only: the browser APIs go in, the
 * work is in lib/analyzer (docs/architecture.md).
 */
import { browser } from 'wxt/browser';
import { Analyzer } from '../../lib/analyzer/analyzer.ts';
import type { Launch } from '../../lib/messaging/protocol.ts';

/** How often to notice that the extension went away under the page, ms. */
const INVALIDATION_CHECK_MS = 2000;

declare global {
  // Set by the background just before it injects this script: why we were loaded.
  var __backstoryLaunch: Launch | undefined;
  // The running analyzer, so a second injection reuses it instead of starting another.
  var __backstoryAnalyzer: Analyzer | undefined;
}

export default defineContentScript({
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  main(ctx) {
    const launch = globalThis.__backstoryLaunch ?? { kind: 'auto' };
    globalThis.__backstoryLaunch = undefined;
    const running = globalThis.__backstoryAnalyzer;
    if (running && !running.destroyed) {
      running.relaunch(launch);
      return;
    }
    const analyzer = new Analyzer({
      doc: document,
      win: window,
      transport: (m) => browser.runtime.sendMessage(m),
      onContentMessage: (listener) => {
        browser.runtime.onMessage.addListener(listener);
        return () => browser.runtime.onMessage.removeListener(listener);
      },
      onInvalidated: (fn) => ctx.onInvalidated(fn),
    });
    globalThis.__backstoryAnalyzer = analyzer;
    // When the extension is reloaded or updated under this tab, nothing tells the old
    // script; WXT's context notices on its next check (runtime.id gone) and invalidates,
    // which destroys every piece of our UI. Check every INVALIDATION_CHECK_MS.
    ctx.setInterval(() => undefined, INVALIDATION_CHECK_MS);
    ctx.onInvalidated(() => {
      if (globalThis.__backstoryAnalyzer === analyzer) globalThis.__backstoryAnalyzer = undefined;
    });
    void analyzer.start(launch);
  },
});

/**
 * The sentinel: the only Backstory script on every page, kept tiny (budget: 30 KB,
 * 5 ms). It asks one question, "is this an article?", tells the background, and
 * exits; when the background leaves the page alone it says so in one debug line on the
 * console (lib/util/done-line.ts). The analyzer is loaded only when the answer (or the user) says so.
 *
 * An unlisted script that wxt.config.ts adds to the manifest as a content script, with
 * the ::highlight() rules (highlights.css) as its CSS. Not a WXT content script, whose
 * context (an event to stop older copies, a window.postMessage the page's own listeners
 * receive, an AbortController) cost ~2 ms on every page — half the budget — for a script
 * that runs once and keeps nothing (docs/adr/0005-performance-budgets.md).
 */
import { looksLikeArticle } from '../lib/page/readerable.ts';
import { browser } from 'wxt/browser';
import { sayDone } from '../lib/util/done-line.ts';

/** Longest wait for an idle moment before asking anyway, ms. */
const IDLE_TIMEOUT_MS = 500;

export default defineUnlistedScript(() => {
  const ask = () => {
    let readerable = false;
    try {
      readerable = looksLikeArticle(document);
    } catch {
      readerable = false;
    }
    browser.runtime
      .sendMessage({ type: 'cs/page-seen', payload: { url: location.href, readerable } })
      .then((reply: unknown) => {
        // Left alone: say so on the console (the analyzer says when it is done otherwise).
        if ((reply as { injected?: unknown } | undefined)?.injected === false) sayDone('skipped');
      })
      .catch(() => {
        // The extension was reloaded or updated under this page: nothing to do.
      });
  };
  // At document_idle the page has just loaded and is often still busy (its scripts, a
  // garbage collection of its heap): ask in its first idle moment instead.
  if (typeof requestIdleCallback === 'function') requestIdleCallback(ask, { timeout: IDLE_TIMEOUT_MS });
  else ask();
});

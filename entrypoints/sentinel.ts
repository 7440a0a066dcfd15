/**
 * The sentinel: the only Backstory script on every page, kept tiny (budget: 30 KB,
 * 5 ms). It asks one question, "is this an article?", tells the background, and
 * exits. The analyzer is loaded only when the answer (or the user) says so.
 *
 * An unlisted script that wxt.config.ts adds to the manifest as a content script, with
 * the ::highlight() rules (highlights.css) as its CSS. Not a WXT content script, whose
 * context (an event to stop older copies, a window.postMessage the page's own listeners
 * receive, an AbortController) cost ~2 ms on every page — half the budget — for a script
 * that runs once and keeps nothing (docs/adr/0005-performance-budgets.md).
 */
import { looksLikeArticle } from '../lib/page/readerable.ts';
import { browser } from 'wxt/browser';

export default defineUnlistedScript(() => {
  let readerable = false;
  try {
    readerable = looksLikeArticle(document);
  } catch {
    readerable = false;
  }
  browser.runtime.sendMessage({ type: 'cs/page-seen', payload: { url: location.href, readerable } }).catch(() => {
    // The extension was reloaded or updated under this page: nothing to do.
  });
});

/**
 * The sentinel: the only Backstory script on every page, kept tiny (budget: 30 KB,
 * 5 ms). It asks one question, "is this an article?", tells the background, and
 * exits. The analyzer is loaded only when the answer (or the user) says so.
 * Its manifest CSS carries the ::highlight() rules (see highlights.css).
 */
import './highlights.css';
import { looksLikeArticle } from '../../lib/page/readerable.ts';
import { browser } from 'wxt/browser';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main() {
    let readerable = false;
    try {
      readerable = looksLikeArticle(document);
    } catch {
      readerable = false;
    }
    browser.runtime.sendMessage({ type: 'cs/page-seen', payload: { url: location.href, readerable } }).catch(() => {
      // The extension was reloaded or updated under this page: nothing to do.
    });
  },
});

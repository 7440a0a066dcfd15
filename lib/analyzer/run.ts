/**
 * One analysis run: read the article on the page (lib/page/extract; a large page's parse
 * is asked of the background), ask the background to analyse its text in two passes
 * (knowledge-base names first, in milliseconds, so highlights come at once; then the full
 * pass that also finds names the knowledge base lacks), and hand each result to the
 * sidebar state and the painter. A run stops as soon as its signal aborts (a newer run,
 * the analyzer torn down); it ends with what it found, which the analyzer reports.
 */
import { LIST_PAGE_SIZE } from '../../components/sidebar/Sidebar.tsx';
import { ENTRY_BATCH, MAX_ARTICLE_CHARS, MAX_PAGE_HTML_CHARS, type ArticleTokens } from '../messaging/protocol.ts';
import { extractArticleAsync, type ExtractedArticle } from '../page/extract.ts';
import type { PageContext } from './context.ts';
import type { EntryLoader } from './entries.ts';
import type { LiveUpdates } from './live.ts';
import type { MentionMap } from './mentions.ts';
import type { HighlightPainter } from './painter.ts';
import { afterFrame, within, yieldWhenBusy, type TaskClock } from './schedule.ts';
import type { Store } from './store.ts';

/** Longest wait for a frame before sending a page copy to the background (hidden tabs render none), ms. */
export const FRAME_WAIT_MS = 100;
/** Longest wait for the background to find the article in a large page before reading it on the page, ms. */
export const OFFLOAD_TIMEOUT_MS = 10_000;

export const NO_ARTICLE_MESSAGE = 'This page has no article text for Backstory to read.';
export const READ_FAILED_MESSAGE = 'Backstory could not read this page. Try again, or reload the page.';
export const UNREACHABLE_MESSAGE = 'Backstory could not reach its background process. Try again, or reload the page.';

/**
 * How a run ended: names found (and how many), a page with nothing to show (no article
 * text, or no names in it), or a failure (the page could not be read or analysed).
 * Null: the run was stopped before it ended.
 */
export type RunOutcome = { kind: 'found'; count: number } | { kind: 'nothing' } | { kind: 'failed' } | null;

export interface RunDeps {
  ctx: PageContext;
  store: Store;
  mentions: MentionMap;
  painter: HighlightPainter;
  entries: EntryLoader;
  clock: TaskClock;
  live: LiveUpdates;
  /** A pass's result is shown: tell the background how many entities (the badge). */
  reportCount(count: number): void;
  /** The full pass is in: get ready for hover cards. */
  onFullPass(): void;
}

export async function runAnalysis(deps: RunDeps, signal: AbortSignal, userAsked: boolean): Promise<RunOutcome> {
  const { ctx, store, mentions, painter, clock } = deps;
  store.dispatch({ type: 'loading', message: 'Reading the article…' });
  // Opening the sidebar may have used this task: read the article in the next one.
  await clock.yieldIfBusy(ctx.win);
  if (signal.aborted) return null;
  let article: ExtractedArticle | null;
  try {
    article = await extractArticleAsync(
      ctx.doc,
      {
        maxChars: MAX_ARTICLE_CHARS,
        fallbackToBody: userAsked || ctx.sitePolicy === 'always',
        offloadMaxChars: MAX_PAGE_HTML_CHARS,
      },
      yieldWhenBusy(ctx.win),
      (html) => findArticleInBackground(ctx, html),
    );
  } catch {
    // Reading the page itself failed (not the same as a page without an article): say so.
    if (signal.aborted) return null;
    return nothingToShow(deps, { type: 'error', message: READ_FAILED_MESSAGE }, { kind: 'failed' });
  }
  if (signal.aborted) return null;
  if (!article) return nothingToShow(deps, { type: 'empty', message: NO_ARTICLE_MESSAGE }, { kind: 'nothing' });
  // Old ranges stay drawn until the new ones are in (the painter drops them then): no blink.
  mentions.setArticle(article);
  deps.live.analysed();
  store.dispatch({ type: 'loading', message: 'Finding the names in this article…' });
  let outcome: RunOutcome = { kind: 'failed' };
  for (const quick of [true, false]) {
    try {
      // Entries of the entities the list shows first; the rest follow in idle time (EntryLoader.fill).
      const skipEntries = quick ? undefined : Object.keys(store.state.entries).slice(0, ENTRY_BATCH * 2);
      const res = await ctx.send('cs/analyze', {
        url: ctx.win.location.href,
        title: article.title.slice(0, 500),
        text: article.text,
        truncated: article.truncated,
        headings: article.headings,
        // The language the page declares, if any: the background reads the text when it does not.
        lang: (ctx.win.document.documentElement.lang || '').slice(0, 35),
        quick,
        entryLimit: LIST_PAGE_SIZE,
        skipEntries,
      });
      if (signal.aborted) return null;
      if (!res.ok) {
        store.dispatch({ type: 'error', message: `Backstory could not analyse this page: ${res.error}` });
        return { kind: 'failed' };
      }
      clock.mark();
      const { result, entries, related } = res.value;
      store.dispatch({
        type: 'loaded',
        result,
        entries,
        relatedNames: related,
        url: ctx.win.location.href,
        text: article.text,
        refresh: !quick,
      });
      painter.paint(store.state.result, ctx.settings);
      deps.reportCount(result.entities.length);
      outcome = result.entities.length ? { kind: 'found', count: result.entities.length } : { kind: 'nothing' };
      if (!quick) {
        deps.onFullPass();
        void deps.entries.fill(signal);
      }
    } catch (e) {
      if (ctx.gone(e)) return null;
      if (quick) continue; // the full pass may still work
      if (!store.state.result) store.dispatch({ type: 'error', message: UNREACHABLE_MESSAGE });
    }
  }
  return outcome;
}

/** No article to show (or it could not be read): nothing stays highlighted, the badge is cleared. */
function nothingToShow(
  deps: RunDeps,
  action: { type: 'empty' | 'error'; message: string },
  outcome: RunOutcome,
): RunOutcome {
  deps.mentions.setArticle(null);
  deps.painter.clearMentions();
  deps.store.dispatch(action);
  deps.reportCount(0);
  return outcome;
}

/**
 * A large page's Readability parse, run by the background on a copy of the page (it was
 * the longest task Backstory caused on the page: ADR 5). Null (read it on the page after
 * all) if the background fails or takes longer than OFFLOAD_TIMEOUT_MS.
 */
async function findArticleInBackground(ctx: PageContext, html: string): Promise<ArticleTokens | null> {
  // Let the frame that shows the sidebar (and shifts the page beside it) render first: on a
  // two-core machine the background's parse would compete with it for the CPU.
  await afterFrame(ctx.win, FRAME_WAIT_MS);
  try {
    const res = await within(ctx.win, ctx.send('cs/extract', { html }), OFFLOAD_TIMEOUT_MS, null);
    return res && res.ok ? res.value : null;
  } catch (e) {
    ctx.gone(e);
    return null;
  }
}

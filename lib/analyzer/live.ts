/**
 * Live pages (a blog that appends paragraphs, a live ticker): when text is added to the
 * page and then stays quiet, the article is read again, a bounded number of times, and
 * only after real growth (pages that tick ads and counters would otherwise pay a
 * Readability parse every few seconds).
 */
import type { PageWindow } from './schedule.ts';

/** Quiet time after the page changes before re-reading it, ms. */
export const LIVE_UPDATE_DEBOUNCE_MS = 2000;
/** A live page is re-read at most this many times, so a ticking page cannot keep us busy. */
export const LIVE_UPDATE_MAX = 5;
/** New text needed before a live page is re-read, characters. */
export const LIVE_UPDATE_MIN_GROWTH = 200;
/** Added nodes with less text than this are not news (a counter, a timestamp). */
const MIN_ADDED_TEXT = 40;

export class LiveUpdates {
  private timer: number | undefined;
  private count = 0;
  /** Length of the page's text when it was last analysed. */
  private charsAtAnalysis = 0;
  private observer: MutationObserver | null = null;

  constructor(
    private readonly doc: Document,
    private readonly win: PageWindow,
    /** Whether there is an article to re-read (none: the page is not watched for growth). */
    private readonly hasArticle: () => boolean,
    private readonly reread: () => void,
  ) {}

  /** Start watching the body for added text; returns the function that stops it. */
  listen(): () => void {
    const body = this.doc.body;
    if (!body || typeof MutationObserver !== 'function') return () => undefined;
    this.observer = new MutationObserver((records) => {
      if (records.some((r) => Array.from(r.addedNodes).some((n) => !ours(n) && textOf(n) > MIN_ADDED_TEXT)))
        this.schedule();
    });
    this.observer.observe(body, { childList: true, subtree: true });
    return () => this.stop();
  }

  /** The article was just read: growth is measured from here. */
  analysed(): void {
    this.charsAtAnalysis = textOf(this.doc.body);
  }

  /** A new page (single-page-app navigation): the re-read budget starts again. */
  reset(): void {
    this.count = 0;
  }

  stop(): void {
    this.win.clearTimeout(this.timer);
    this.observer?.disconnect();
    this.observer = null;
  }

  private schedule(): void {
    if (this.count >= LIVE_UPDATE_MAX || !this.hasArticle()) return;
    this.win.clearTimeout(this.timer);
    this.timer = this.win.setTimeout(() => {
      if (!this.observer || !this.hasArticle()) return;
      // A cheap native measure first: only when the page's text has really grown is it read again.
      if (textOf(this.doc.body) < this.charsAtAnalysis + LIVE_UPDATE_MIN_GROWTH) return;
      this.count++;
      this.reread();
    }, LIVE_UPDATE_DEBOUNCE_MS);
  }
}

const ours = (n: Node) => n instanceof Element && n.tagName.startsWith('BACKSTORY-');
const textOf = (n: Node | null | undefined) => n?.textContent?.length ?? 0;

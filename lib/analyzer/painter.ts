/**
 * Draws the mentions as CSS highlights. Building thousands of Ranges is done in slices
 * that yield to the page between them, so a long article never blocks its main thread for
 * long. Ranges come from the MentionMap (cached per article) and are added to the one
 * drawn Highlight, so the full pass after the quick one only adds the new mentions, then
 * drops the ones that went away. A long article draws only the mentions in and near the
 * viewport (ViewportWindow). Each paint aborts the one before it.
 */
import type { AnalysisResult } from '../engine/types.ts';
import type { MentionRef } from '../page/hit-test.ts';
import { HighlightLayer, type HighlightStyle } from '../page/highlights.ts';
import { groupByBlock, ViewportWindow } from '../page/viewport-window.ts';
import type { Settings } from '../storage/settings.ts';
import type { MentionMap } from './mentions.ts';
import { yieldToPage, type PageWindow, type TaskClock } from './schedule.ts';

/** Longest slice of highlight work before yielding to the page, ms (well under the 50 ms long-task line). */
export const HIGHLIGHT_SLICE_MS = 12;
/**
 * Above this many highlighted mentions only those in and near the viewport are drawn: Chrome
 * re-checks every drawn range after any change to the page, ~4 ms per 1,000 (ADR 5).
 */
export const WINDOW_ABOVE = 300;
/**
 * On a long article read from its top, this many of its first mentions are drawn at once, without
 * waiting for the viewport observer's first report (which comes only after the next frame, behind
 * the sidebar's first render); the report then narrows the drawing to the viewport.
 */
export const HEAD_MENTIONS = 100;

export class HighlightPainter {
  /** Which mentions of a long article are near the viewport (null: all are drawn). */
  private window: ViewportWindow<MentionRef> | null = null;
  private run: AbortController | null = null;
  /** Watches the page's size while mentions are drawn, to repaint them after a reflow. */
  private reflow: ResizeObserver | null = null;
  private reflowFrame = 0;

  constructor(
    private readonly win: PageWindow,
    private readonly mentions: MentionMap,
    private readonly clock: TaskClock,
    readonly layer: HighlightLayer = new HighlightLayer(win),
  ) {}

  get supported(): boolean {
    return this.layer.supported;
  }

  /** Draw the mentions of `result` the settings ask for (none when highlights are off). */
  paint(result: AnalysisResult | null, settings: Settings): void {
    this.stop();
    if (!result || !this.mentions.article) {
      this.layer.clear();
      return;
    }
    this.mentions.setResult(result);
    if (!settings.highlights) {
      this.layer.clearMentions();
      return;
    }
    this.watchReflow();
    const types = new Set(settings.highlightTypes);
    const typeOf = new Map(result.entities.map((e) => [e.key, e.type]));
    const todo = this.mentions.refs.filter((r) => types.has(typeOf.get(r.key)!));
    const style = settings.highlightStyle;
    const Observer = this.win.IntersectionObserver;
    if (todo.length <= WINDOW_ABOVE || typeof Observer !== 'function' || !this.layer.supported) {
      void this.draw(this.restart(), todo, style);
      return;
    }
    if (this.win.scrollY < this.win.innerHeight) void this.draw(this.restart(), todo.slice(0, HEAD_MENTIONS), style);
    this.window = new ViewportWindow(groupByBlock(this.mentions.article.segments, todo), Observer, (visible) => {
      void this.draw(this.restart(), visible, style);
    });
  }

  /** Stop drawing (and watching the viewport); what is drawn stays. */
  stop(): void {
    this.run?.abort();
    this.run = null;
    this.window?.stop();
    this.window = null;
  }

  /** Take every mention down (no article any more). */
  clearMentions(): void {
    this.stop();
    this.unwatchReflow();
    this.layer.clearMentions();
  }

  /** Take everything down: mentions, hover and flash. */
  clear(): void {
    this.stop();
    this.unwatchReflow();
    this.layer.clear();
  }

  /**
   * Repaint the highlights once the page has reflowed: the sidebar docking or undocking changes
   * the page's width (a margin on <html>), as does a resized window, and the browser keeps
   * painting highlights where the text was (HighlightLayer.repaint).
   */
  private watchReflow(): void {
    const Observer = this.win.ResizeObserver;
    const { documentElement: root, body } = this.win.document;
    if (this.reflow || typeof Observer !== 'function' || !root) return;
    let first = true;
    this.reflow = new Observer(() => {
      // An observer reports each element once when it starts watching: nothing has reflowed yet.
      if (first) return void (first = false);
      if (this.reflowFrame) return;
      this.reflowFrame = this.win.requestAnimationFrame(() => {
        this.reflowFrame = 0;
        this.layer.repaint();
      });
    });
    this.reflow.observe(root);
    if (body) this.reflow.observe(body);
  }

  private unwatchReflow(): void {
    this.reflow?.disconnect();
    this.reflow = null;
    if (this.reflowFrame) this.win.cancelAnimationFrame(this.reflowFrame);
    this.reflowFrame = 0;
  }

  private restart(): AbortSignal {
    this.run?.abort();
    this.run = new AbortController();
    return this.run.signal;
  }

  /** Draw exactly these mentions: add the missing ones in slices, then drop the rest. */
  private async draw(signal: AbortSignal, todo: MentionRef[], style: HighlightStyle): Promise<void> {
    const keep = new Set<Range>();
    let i = 0;
    // Not in the same task as a costly sidebar render that usually precedes this.
    await this.clock.yieldIfBusy(this.win);
    if (signal.aborted) return;
    while (i < todo.length) {
      const sliceEnd = performance.now() + HIGHLIGHT_SLICE_MS;
      // Building the Range and registering it are both inside the slice's time.
      while (i < todo.length && performance.now() < sliceEnd) {
        const r = todo[i++]!;
        const range = this.mentions.range(r.start, r.end);
        if (!range) continue;
        keep.add(range);
        this.layer.add(range, style);
      }
      if (i < todo.length) await yieldToPage(this.win);
      if (signal.aborted) return;
    }
    this.layer.retain(keep);
  }
}

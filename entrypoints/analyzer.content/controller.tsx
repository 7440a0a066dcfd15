/**
 * The analyzer's one owner of everything Backstory adds to a page: the sidebar
 * host, the hover-card host, the highlights, listeners and timers. destroy()
 * removes all of it (extension reloaded, site switched off, user closed it).
 *
 * Flow: extract the article (lib/page/extract) → ask the background to analyse
 * the text (the engine and compromise run there, off the page's main thread) →
 * map mentions to Ranges → highlight → render the sidebar and hover cards.
 */
import { render } from 'preact';
import * as v from 'valibot';
import { Sidebar, LIST_PAGE_SIZE } from '../../components/sidebar/Sidebar.tsx';
import { HoverCard } from '../../components/hover-card/HoverCard.tsx';
import {
  reducer,
  initialState,
  stepMention,
  entityByKey,
  type SidebarState,
  type Action,
} from '../../components/sidebar/state.ts';
import uiCss from '../../components/shared/ui.css?inline';
import { extractArticleAsync, type ExtractedArticle, type TextSegment } from '../../lib/page/extract.ts';
import { rangeFor, offsetOf, segmentsByNode } from '../../lib/page/ranges.ts';
import { HighlightLayer, type HighlightStyle } from '../../lib/page/highlights.ts';
import { groupByBlock, ViewportWindow } from '../../lib/page/viewport-window.ts';
import { createShadowHost, type ShadowHost } from '../../lib/page/shadow-host.ts';
import { caretAt, mentionAt, rectsContain, type MentionRef } from '../../lib/page/hit-test.ts';
import { placeCard } from '../../lib/page/placement.ts';
import { createClient, ContextGoneError, type Send, type Transport } from '../../lib/messaging/client.ts';
import {
  ContentMessageSchema,
  ENTRY_BATCH,
  MAX_ARTICLE_CHARS,
  MAX_PAGE_HTML_CHARS,
  type ArticleTokens,
  type EntryView,
  type UiSettings,
} from '../../lib/messaging/protocol.ts';
import {
  DEFAULT_SETTINGS,
  SIDEBAR_MAX_WIDTH,
  SIDEBAR_MIN_WIDTH,
  siteKey,
  type Settings,
  type SitePolicy,
} from '../../lib/storage/settings.ts';
import { glossaryCsv, glossaryMarkdown } from '../../lib/export/glossary.ts';
import { factLine } from '../../lib/format/facts.ts';
import type { Entity } from '../../lib/engine/types.ts';

export type { Launch } from '../../lib/messaging/protocol.ts';
import type { Launch } from '../../lib/messaging/protocol.ts';

/** Narrowest window in which the sidebar docks beside the article (shifting the page) instead of over it, px. */
const DOCK_MIN_WINDOW = 1100;
/** Quiet time after the page changes before re-reading it (live pages that append paragraphs), ms. */
const LIVE_UPDATE_DEBOUNCE_MS = 2000;
/** A live page is re-read at most this many times, so a ticking page cannot keep us busy. */
const LIVE_UPDATE_MAX = 5;
/** New text needed before a live page is re-read, characters. */
const LIVE_UPDATE_MIN_GROWTH = 200;
/** Longest slice of highlight work before yielding to the page, ms (well under the 50 ms long-task line). */
const HIGHLIGHT_SLICE_MS = 12;
/** Main-thread time already used in a task after which the next piece of work (reading the article, the first highlight slice) waits for the next task, ms. */
const FIRST_SLICE_AFTER_MS = 4;
/**
 * Above this many highlighted mentions only those in and near the viewport are drawn: Chrome
 * re-checks every drawn range after any change to the page, ~4 ms per 1,000 (ADR 5).
 */
const WINDOW_ABOVE = 300;
/** Longest wait for a frame before sending a page copy to the background (hidden tabs render none), ms. */
const FRAME_WAIT_MS = 100;
/** Longest wait for the background to find the article in a large page before reading it on the page, ms. */
const OFFLOAD_TIMEOUT_MS = 10_000;
/** After single-page-app navigation, wait for the new article to render, ms. */
const SPA_SETTLE_MS = 600;

export interface AnalyzerDeps {
  doc: Document;
  win: Window & typeof globalThis;
  transport: Transport;
  onContentMessage: (listener: (message: unknown) => void) => () => void;
  onInvalidated: (fn: () => void) => void;
}

interface HoverState {
  token: number;
  ref: MentionRef | null;
  shown: boolean;
  lookup?: { query: string; entries: EntryView[]; rect: DOMRect | null };
  position: { left: number; top: number } | null;
}

export class Analyzer {
  destroyed = false;
  private readonly doc: Document;
  private readonly win: Window & typeof globalThis;
  private readonly send: Send;
  private state: SidebarState = initialState;
  private settings: Settings = DEFAULT_SETTINGS;
  private sitePolicy: SitePolicy = 'default';
  private sidebarOpen = false;
  private collapsed = false;
  private width = DEFAULT_SETTINGS.sidebarWidth;
  private sidebarHost: ShadowHost | null = null;
  private cardHost: ShadowHost | null = null;
  private readonly highlights: HighlightLayer;
  private article: ExtractedArticle | null = null;
  /** Ranges of this article's mentions by "start:end" (see cachedRange). */
  private readonly rangeCache = new Map<string, Range>();
  private byNode = new Map<Text, TextSegment[]>();
  /** Elements that directly hold article text: the only pointer targets worth hit-testing. */
  private textParents = new WeakSet<Element>();
  private mentionRefs: MentionRef[] = [];
  private hover: HoverState = { token: 0, ref: null, shown: false, position: null };
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private liveTimer: ReturnType<typeof setTimeout> | undefined;
  private liveUpdates = 0;
  /** Length of the page's text when it was last analysed (live pages are re-read only after real growth). */
  private bodyCharsAtAnalysis = 0;
  private pointerFrame = 0;
  private lastPointer: { x: number; y: number } | null = null;
  private readonly cleanups: (() => void)[] = [];
  private savedMarginRight: string | null = null;
  private analysisToken = 0;
  private highlightToken = 0;
  /** When the current task's work began, to decide whether to yield before more. */
  private taskStart = 0;
  private liveObserver: MutationObserver | null = null;
  /** Which mentions of a long article are near the viewport (null: all are drawn). */
  private window: ViewportWindow<MentionRef> | null = null;

  constructor(private readonly deps: AnalyzerDeps) {
    this.doc = deps.doc;
    this.win = deps.win;
    this.send = createClient(deps.transport);
    this.highlights = new HighlightLayer(deps.win);
    deps.onInvalidated(() => this.destroy());
    this.cleanups.push(deps.onContentMessage((m) => this.onMessage(m)));
  }

  async start(launch: Launch): Promise<void> {
    try {
      const res = await this.send('cs/get-settings', {});
      if (res.ok) {
        this.settings = res.value.settings;
        this.sitePolicy = res.value.sitePolicy;
        this.width = clampWidth(this.settings.sidebarWidth);
        this.collapsed = this.settings.sidebarCollapsed;
      }
    } catch (e) {
      if (this.gone(e)) return;
    }
    this.taskStart = performance.now();
    this.listen();
    if (launch.kind === 'user' || (launch.kind === 'auto' && this.settings.autoOpenSidebar))
      this.openSidebar(launch.kind === 'user');
    if (launch.kind === 'lookup') this.showLookup(launch.query, launch.entries);
    // A lookup on a page that is not an article shows the card only; the body is read when the user asked for Backstory.
    await this.analyze(launch.kind === 'user');
  }

  relaunch(launch: Launch): void {
    if (launch.kind === 'lookup') {
      this.showLookup(launch.query, launch.entries);
      return;
    }
    if (launch.kind === 'user') this.toggleSidebar();
  }

  // ---- analysis -------------------------------------------------------------

  private async analyze(userAsked: boolean): Promise<void> {
    const token = ++this.analysisToken;
    this.dispatch({ type: 'loading', message: 'Reading the article…' });
    // Opening the sidebar may have used this task: read the article in the next one.
    if (performance.now() - this.taskStart > FIRST_SLICE_AFTER_MS) await yieldToPage(this.win);
    if (token !== this.analysisToken || this.destroyed) return;
    let article: ExtractedArticle | null = null;
    try {
      article = await extractArticleAsync(
        this.doc,
        {
          maxChars: MAX_ARTICLE_CHARS,
          fallbackToBody: userAsked || this.sitePolicy === 'always',
          offloadMaxChars: MAX_PAGE_HTML_CHARS,
        },
        yieldWhenBusy(this.win),
        (html) => this.findArticleInBackground(html),
      );
    } catch {
      article = null;
    }
    if (token !== this.analysisToken || this.destroyed) return;
    if (!article) {
      this.article = null;
      this.rangeCache.clear();
      this.stopWindow();
      this.highlights.clearMentions();
      this.dispatch({ type: 'empty', message: 'This page has no article text for Backstory to read.' });
      void this.reportCount(0);
      return;
    }
    this.article = article;
    // Old ranges stay drawn until the new ones are in (applyHighlights drops them then): no blink.
    this.rangeCache.clear();
    this.bodyCharsAtAnalysis = this.doc.body?.textContent?.length ?? 0;
    this.byNode = segmentsByNode(article.segments);
    this.textParents = new WeakSet(
      article.segments.map((seg) => seg.node.parentElement).filter((el): el is HTMLElement => !!el),
    );
    this.dispatch({ type: 'loading', message: 'Finding the names in this article…' });
    // Two passes: knowledge-base names first (milliseconds: highlights at once), then the
    // full pass that also finds names the knowledge base lacks (compromise, slower).
    for (const quick of [true, false]) {
      try {
        // Entries of the entities the list shows first; the rest follow in idle time (fillEntries).
        const skipEntries = quick ? undefined : Object.keys(this.state.entries).slice(0, ENTRY_BATCH * 2);
        const res = await this.send('cs/analyze', {
          url: this.win.location.href,
          title: article.title.slice(0, 500),
          text: article.text,
          truncated: article.truncated,
          quick,
          entryLimit: LIST_PAGE_SIZE,
          skipEntries,
        });
        if (token !== this.analysisToken || this.destroyed) return;
        if (!res.ok) {
          this.dispatch({ type: 'error', message: `Backstory could not analyse this page: ${res.error}` });
          return;
        }
        this.taskStart = performance.now();
        const { result, entries, related } = res.value;
        this.dispatch({
          type: 'loaded',
          result,
          entries,
          relatedNames: related,
          url: this.win.location.href,
          text: article.text,
          refresh: !quick,
        });
        this.applyHighlights();
        void this.reportCount(result.entities.length);
        if (!quick) {
          this.prepareCardHost();
          void this.fillEntries(token);
        }
      } catch (e) {
        if (this.gone(e)) return;
        if (quick) continue; // the full pass may still work
        if (!this.state.result)
          this.dispatch({
            type: 'error',
            message: 'Backstory could not reach its background process. Try again, or reload the page.',
          });
      }
    }
  }

  /**
   * A large page's Readability parse, run by the background on a copy of the page (it was
   * the longest task Backstory caused on the page: ADR 5). Null (read it on the page after
   * all) if the background fails or takes longer than OFFLOAD_TIMEOUT_MS.
   */
  private async findArticleInBackground(html: string): Promise<ArticleTokens | null> {
    // Let the frame that shows the sidebar (and shifts the page beside it) render first: on a
    // two-core machine the background's parse would compete with it for the CPU. A hidden tab
    // renders no frames: there, go on after FRAME_WAIT_MS.
    await new Promise<void>((resolve) => {
      this.win.requestAnimationFrame(() => setTimeout(resolve, 0));
      setTimeout(resolve, FRAME_WAIT_MS);
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), OFFLOAD_TIMEOUT_MS)));
    try {
      const res = await Promise.race([this.send('cs/extract', { html }), late]);
      return res && res.ok ? res.value : null;
    } catch (e) {
      this.gone(e);
      return null;
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Highlight the mentions. Building thousands of Ranges is done in slices that yield to
   * the page between them, so a long article never blocks its main thread for long. Ranges
   * are cached per article and added to the one drawn Highlight, so the full pass after the
   * quick one only builds and adds the new mentions, then drops the ones that went away.
   * A long article draws only the mentions in and near the viewport (ViewportWindow).
   */
  private applyHighlights(): void {
    const token = ++this.highlightToken;
    this.stopWindow();
    const result = this.state.result;
    const article = this.article;
    if (!result || !article) {
      this.highlights.clear();
      return;
    }
    const refs: MentionRef[] = [];
    for (const e of result.entities)
      e.mentions.forEach((m, index) => refs.push({ start: m.start, end: m.end, key: e.key, index }));
    refs.sort((a, b) => a.start - b.start);
    this.mentionRefs = refs;
    if (!this.settings.highlights) {
      this.highlights.clearMentions();
      return;
    }
    const types = new Set(this.settings.highlightTypes);
    const typeOf = new Map(result.entities.map((e) => [e.key, e.type]));
    const todo = refs.filter((r) => types.has(typeOf.get(r.key)!));
    const style = this.settings.highlightStyle;
    const Observer = this.win.IntersectionObserver;
    if (todo.length <= WINDOW_ABOVE || typeof Observer !== 'function' || !this.highlights.supported) {
      this.drawMentions(token, todo, style);
      return;
    }
    this.window = new ViewportWindow(groupByBlock(article.segments, todo), Observer, (visible) =>
      this.drawMentions(++this.highlightToken, visible, style),
    );
  }

  private stopWindow(): void {
    this.window?.stop();
    this.window = null;
  }

  /** Draw exactly these mentions: add the missing ones in slices, then drop the rest. */
  private drawMentions(token: number, todo: MentionRef[], style: HighlightStyle): void {
    const keep = new Set<Range>();
    let i = 0;
    const step = async () => {
      // Not in the same task as a costly sidebar render that usually precedes this.
      if (performance.now() - this.taskStart > FIRST_SLICE_AFTER_MS) await yieldToPage(this.win);
      if (token !== this.highlightToken || this.destroyed) return;
      while (i < todo.length) {
        const sliceEnd = performance.now() + HIGHLIGHT_SLICE_MS;
        // Building the Range and registering it are both inside the slice's time.
        while (i < todo.length && performance.now() < sliceEnd) {
          const r = todo[i++]!;
          const range = this.cachedRange(r.start, r.end);
          if (!range) continue;
          keep.add(range);
          this.highlights.add(range, style);
        }
        if (i < todo.length) await yieldToPage(this.win);
        if (token !== this.highlightToken || this.destroyed) return;
      }
      this.highlights.retain(keep);
    };
    void step();
  }

  /** Entry ids of this article's entities that the analyzer does not hold yet. */
  private missingEntryIds(): string[] {
    const ids = (this.state.result?.entities ?? [])
      .map((e) => e.id)
      .filter((x): x is string => !!x && !this.state.entries[x]);
    return [...new Set(ids)];
  }

  /** Fetch these entries (in portions), adding them to the state. */
  private async ensureEntries(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !this.state.entries[id]);
    for (let i = 0; i < missing.length && !this.destroyed; i += ENTRY_BATCH) {
      try {
        const res = await this.send('cs/get-entries', { ids: missing.slice(i, i + ENTRY_BATCH) });
        if (res.ok) this.dispatch({ type: 'add-entries', entries: res.value.entries, relatedNames: res.value.related });
      } catch (e) {
        if (this.gone(e)) return;
      }
    }
  }

  /**
   * After the full pass, the entries the first message left out (entities beyond the list's
   * first page), a portion per idle period: "show all", the hover cards and the exports then
   * have them without one large message on the page's main thread.
   */
  private async fillEntries(token: number): Promise<void> {
    while (token === this.analysisToken && !this.destroyed) {
      const missing = this.missingEntryIds();
      if (!missing.length) return;
      await idle(this.win);
      if (token !== this.analysisToken || this.destroyed) return;
      await this.ensureEntries(missing.slice(0, ENTRY_BATCH));
      if (missing.every((id) => !this.state.entries[id])) return; // nothing came back: stop, do not spin
    }
  }

  /** The Range of article text [start, end), built once per article. */
  private cachedRange(start: number, end: number): Range | null {
    if (!this.article) return null;
    const key = `${start}:${end}`;
    const hit = this.rangeCache.get(key);
    if (hit) return hit;
    const range = rangeFor(this.doc, this.article.segments, start, end);
    if (range) this.rangeCache.set(key, range);
    return range;
  }

  private async reportCount(count: number): Promise<void> {
    try {
      await this.send('cs/report-count', { count });
    } catch (e) {
      this.gone(e);
    }
  }

  // ---- state and rendering ---------------------------------------------------

  private dispatch(action: Action): void {
    this.state = reducer(this.state, action);
    this.renderSidebar();
  }

  private openSidebar(focus: boolean): void {
    this.sidebarOpen = true;
    if (!this.sidebarHost) {
      this.sidebarHost = createShadowHost(this.doc, 'backstory-sidebar', uiCss);
      this.applyTheme(this.sidebarHost);
    }
    this.renderSidebar();
    this.dock();
    if (focus) this.focusSidebar();
  }

  private closeSidebar(): void {
    this.sidebarOpen = false;
    if (this.sidebarHost) {
      render(null, this.sidebarHost.mount);
      this.sidebarHost.destroy();
      this.sidebarHost = null;
    }
    this.undock();
  }

  toggleSidebar(): void {
    if (this.sidebarOpen && !this.collapsed) this.closeSidebar();
    else {
      this.collapsed = false;
      this.openSidebar(true);
    }
  }

  private focusSidebar(): void {
    const focus = () => {
      const root = this.sidebarHost?.root;
      const target =
        root?.querySelector<HTMLElement>('#bs-detail-title') ??
        root?.querySelector<HTMLElement>('button.entity') ??
        root?.querySelector<HTMLElement>('button, [tabindex]');
      target?.focus();
      return !!target;
    };
    // At once (the render above is synchronous): a key pressed right after Enter must not
    // land on the page because the button that had focus was just replaced. A host created
    // in this task may not be focusable before it is laid out, so try again next frame.
    if (!focus() || !this.sidebarHost?.root.activeElement) this.win.requestAnimationFrame(() => void focus());
  }

  private applyTheme(host: ShadowHost): void {
    if (this.settings.theme !== 'system') host.mount.setAttribute('data-theme', this.settings.theme);
    else host.mount.removeAttribute('data-theme');
  }

  /** Shift the page left so the docked sidebar does not cover the article (wide windows only). */
  private dock(): void {
    const root = this.doc.documentElement;
    if (!root || !this.sidebarOpen || this.collapsed || this.win.innerWidth < DOCK_MIN_WINDOW) {
      this.undock();
      return;
    }
    if (this.savedMarginRight === null) this.savedMarginRight = root.style.getPropertyValue('margin-right');
    root.style.setProperty('margin-right', `${this.width}px`, 'important');
  }

  private undock(): void {
    const root = this.doc.documentElement;
    if (this.savedMarginRight === null || !root) return;
    if (this.savedMarginRight) root.style.setProperty('margin-right', this.savedMarginRight);
    else root.style.removeProperty('margin-right');
    this.savedMarginRight = null;
  }

  private renderSidebar(): void {
    if (!this.sidebarHost || !this.sidebarOpen || this.destroyed) return;
    const state = this.state;
    render(
      <Sidebar
        state={state}
        collapsed={this.collapsed}
        width={this.width}
        sitePolicy={this.sitePolicy}
        siteName={siteKey(this.win.location.href) ?? ''}
        highlightsOn={this.settings.highlights}
        highlightsSupported={this.highlights.supported}
        onSelectEntity={(key) => this.selectEntity(key)}
        onFilter={(filter) => this.dispatch({ type: 'filter', filter })}
        onQuery={(query) => this.dispatch({ type: 'query', query })}
        onJumpToMention={(key, index) => this.jumpToMention(key, index, false)}
        onStepMention={(key, dir) => {
          const i = stepMention(this.state, key, dir);
          if (i >= 0) this.jumpToMention(key, i, true);
        }}
        onClose={() => this.closeSidebar()}
        onToggleCollapsed={() => {
          this.collapsed = !this.collapsed;
          this.renderSidebar();
          this.dock();
          void this.saveSettings({ sidebarCollapsed: this.collapsed });
          if (!this.collapsed) this.focusSidebar();
        }}
        onResize={(w) => {
          this.width = clampWidth(w);
          this.renderSidebar();
          this.dock();
          this.debouncedSaveWidth();
        }}
        onSetSitePolicy={(p) => void this.setSitePolicy(p)}
        onToggleHighlights={() => {
          this.settings = { ...this.settings, highlights: !this.settings.highlights };
          this.applyHighlights();
          this.renderSidebar();
          void this.saveSettings({ highlights: this.settings.highlights });
        }}
        onExport={(format, action) => void this.exportGlossary(format, action)}
        onPrint={() => void this.printHandout()}
        onRetry={() => void this.analyze(true)}
      />,
      this.sidebarHost.mount,
    );
  }

  private saveWidthTimer: ReturnType<typeof setTimeout> | undefined;
  private debouncedSaveWidth(): void {
    clearTimeout(this.saveWidthTimer);
    this.saveWidthTimer = setTimeout(() => void this.saveSettings({ sidebarWidth: this.width }), 500);
  }

  private async saveSettings(patch: UiSettings): Promise<void> {
    // Settings are written by the background only; it merges the patch into what is stored.
    try {
      await this.send('cs/save-ui-settings', patch);
    } catch (e) {
      this.gone(e);
    }
  }

  private async setSitePolicy(policy: SitePolicy): Promise<void> {
    const host = siteKey(this.win.location.href);
    if (!host) return;
    try {
      const res = await this.send('cs/set-site-policy', { host, policy });
      if (!res.ok) return;
      this.sitePolicy = policy;
      if (policy === 'never') {
        await this.reportCount(0); // clear the badge while we can still talk to the background
        this.destroy();
        return;
      }
      this.renderSidebar();
    } catch (e) {
      this.gone(e);
    }
  }

  private async selectEntity(key: string | null): Promise<void> {
    if (key && !entityByKey(this.state, key) && !this.state.entries[key]) {
      // A related entry not in this article: fetch it first.
      try {
        const res = await this.send('cs/get-entries', { ids: [key] });
        if (res.ok) this.dispatch({ type: 'add-entries', entries: res.value.entries, relatedNames: res.value.related });
      } catch (e) {
        if (this.gone(e)) return;
      }
    }
    this.dispatch({ type: 'select', key });
    this.focusSidebar();
  }

  // ---- mentions, hover and cards --------------------------------------------

  private rangeOf(key: string, index: number): Range | null {
    const e = entityByKey(this.state, key);
    const m = e?.mentions[index];
    if (!m || !this.article) return null;
    return this.cachedRange(m.start, m.end);
  }

  private jumpToMention(key: string, index: number, openCard: boolean): void {
    const range = this.rangeOf(key, index);
    this.dispatch({ type: 'mention', key, index });
    if (!range) return;
    const el = range.startContainer.parentElement;
    const reduced = this.win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    el?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    this.highlights.flash(range);
    if (openCard) {
      const ref = this.mentionRefs.find((r) => r.key === key && r.index === index) ?? null;
      if (ref) this.win.setTimeout(() => this.showCard(ref), reduced ? 0 : 350);
    }
  }

  private listen(): void {
    const opts = { passive: true, capture: true } as const;
    const onMove = (ev: PointerEvent) => {
      if (ev.pointerType === 'touch') return;
      // Only pointers over article text need a hit test (a caret lookup costs layout work on big pages).
      if (!this.hover.ref && !(ev.target instanceof Element && this.textParents.has(ev.target))) return;
      this.lastPointer = { x: ev.clientX, y: ev.clientY };
      if (!this.pointerFrame) this.pointerFrame = this.win.requestAnimationFrame(() => this.onPointerFrame());
    };
    const onKey = (ev: KeyboardEvent) => {
      // Esc closes the card first; only a second Esc reaches the sidebar (or the page).
      if (ev.key === 'Escape' && this.hover.shown) {
        this.hideCard();
        ev.stopPropagation();
      }
    };
    const onResize = () => this.dock();
    this.doc.addEventListener('pointermove', onMove, opts);
    this.doc.addEventListener('keydown', onKey, true);
    this.win.addEventListener('resize', onResize, { passive: true });
    this.cleanups.push(() => {
      this.doc.removeEventListener('pointermove', onMove, opts);
      this.doc.removeEventListener('keydown', onKey, true);
      this.win.removeEventListener('resize', onResize);
    });
    const body = this.doc.body;
    if (body && typeof MutationObserver === 'function') {
      this.liveObserver = new MutationObserver((records) => {
        if (
          records.some((r) =>
            Array.from(r.addedNodes).some(
              (n) => !(n instanceof Element && n.tagName.startsWith('BACKSTORY-')) && (n.textContent?.length ?? 0) > 40,
            ),
          )
        )
          this.scheduleLiveUpdate();
      });
      this.liveObserver.observe(body, { childList: true, subtree: true });
      this.cleanups.push(() => this.liveObserver?.disconnect());
    }
  }

  private scheduleLiveUpdate(): void {
    if (this.liveUpdates >= LIVE_UPDATE_MAX || !this.article) return;
    clearTimeout(this.liveTimer);
    this.liveTimer = setTimeout(() => {
      if (this.destroyed || !this.article) return;
      // A cheap native measure first: only when the page's text has really grown is the
      // article read again (Readability on a busy page is a 70 ms task; pages that tick
      // ads and counters would otherwise pay it every few seconds).
      const bodyChars = this.doc.body?.textContent?.length ?? 0;
      if (bodyChars < this.bodyCharsAtAnalysis + LIVE_UPDATE_MIN_GROWTH) return;
      this.liveUpdates++;
      void this.analyze(false);
    }, LIVE_UPDATE_DEBOUNCE_MS);
  }

  private onPointerFrame(): void {
    this.pointerFrame = 0;
    const p = this.lastPointer;
    if (!p || !this.mentionRefs.length || !this.article) return;
    const ref = this.hitTest(p.x, p.y);
    if (ref && this.hover.ref && ref.key === this.hover.ref.key && ref.index === this.hover.ref.index) {
      clearTimeout(this.hideTimer);
      return;
    }
    if (ref) {
      clearTimeout(this.hideTimer);
      clearTimeout(this.showTimer);
      const token = ++this.hover.token;
      this.hover.ref = ref;
      if (this.settings.highlights) this.highlights.hover(this.rangeOf(ref.key, ref.index));
      // Show after the pointer settles on the name (Page Previews uses the same dwell).
      this.showTimer = setTimeout(() => {
        if (token === this.hover.token) this.showCard(ref);
      }, this.settings.hoverShowDelay);
    } else if (this.hover.ref) {
      clearTimeout(this.showTimer);
      this.hover.ref = null;
      this.hover.token++;
      this.highlights.hover(null);
      if (this.hover.shown && !this.pointerOverCard(p.x, p.y)) this.scheduleHide();
    }
  }

  private hitTest(x: number, y: number): MentionRef | null {
    if (!this.article) return null;
    const caret = caretAt(this.doc, x, y);
    if (!caret) return null;
    const offset = offsetOf(this.byNode, caret.node, caret.offset);
    if (offset < 0) return null;
    const ref = mentionAt(this.mentionRefs, offset) ?? (offset > 0 ? mentionAt(this.mentionRefs, offset - 1) : null);
    if (!ref) return null;
    const range = this.cachedRange(ref.start, ref.end);
    if (!range || !rectsContain(range.getClientRects(), x, y)) return null;
    return ref;
  }

  private pointerOverCard(x: number, y: number): boolean {
    const card = this.cardHost?.root.querySelector('.card');
    return !!card && rectsContain([card.getBoundingClientRect()], x, y, 0);
  }

  private scheduleHide(): void {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => this.hideCard(), this.settings.hoverHideDelay);
  }

  private ensureCardHost(): ShadowHost {
    if (!this.cardHost) {
      this.cardHost = createShadowHost(this.doc, 'backstory-card', uiCss);
      this.applyTheme(this.cardHost);
      const card = this.cardHost.host;
      const enter = () => clearTimeout(this.hideTimer);
      const leave = () => this.scheduleHide();
      card.addEventListener('pointerenter', enter);
      card.addEventListener('pointerleave', leave);
    }
    return this.cardHost;
  }

  /** Create the (hidden) card host in idle time, so the first hover card costs only its render. */
  private prepareCardHost(): void {
    const ric = (this.win as unknown as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number })
      .requestIdleCallback;
    const run = () => {
      if (this.destroyed || this.cardHost) return;
      this.ensureCardHost().hide();
    };
    if (typeof ric === 'function') ric.call(this.win, run, { timeout: 2000 });
    else this.win.setTimeout(run, 200);
  }

  showCard(ref: MentionRef): void {
    if (this.destroyed) return;
    const entity = entityByKey(this.state, ref.key) ?? null;
    const range = this.rangeOf(ref.key, ref.index);
    this.hover.lookup = undefined;
    const id = entity?.id;
    this.renderCard(entity, id ? this.state.entries[id] : undefined, undefined, range?.getBoundingClientRect() ?? null);
    if (id && !this.state.entries[id]) {
      // Its entry has not arrived yet (fillEntries): fetch it and redraw the card if still shown.
      const token = this.hover.token;
      void this.ensureEntries([id]).then(() => {
        if (token === this.hover.token && this.hover.shown && this.state.entries[id])
          this.renderCard(
            entity,
            this.state.entries[id],
            undefined,
            this.rangeOf(ref.key, ref.index)?.getBoundingClientRect() ?? null,
          );
      });
    }
  }

  private showLookup(query: string, entries: EntryView[]): void {
    const sel = this.win.getSelection();
    const rect = sel && sel.rangeCount ? sel.getRangeAt(0).getBoundingClientRect() : null;
    this.hover.lookup = { query, entries, rect };
    const entry = entries[0];
    if (entry) this.dispatch({ type: 'add-entries', entries: Object.fromEntries(entries.map((e) => [e.id, e])) });
    const inArticle = entry ? (this.state.result?.entities.find((e) => e.id === entry.id) ?? null) : null;
    this.renderCard(inArticle, entry, entry ? undefined : `No entry for “${query}”`, rect);
  }

  private renderCard(
    entity: Entity | null,
    entry: EntryView | undefined,
    fallbackName: string | undefined,
    anchor: DOMRect | null,
  ): void {
    const host = this.ensureCardHost();
    host.show();
    const draw = (position: { left: number; top: number } | null) =>
      render(
        <HoverCard
          entity={entity}
          entry={entry}
          fallbackName={fallbackName}
          position={position}
          onClose={() => this.hideCard()}
          onOpenInSidebar={() => {
            this.hideCard();
            this.collapsed = false;
            this.openSidebar(false);
            void this.selectEntity(entity?.key ?? entry?.id ?? null);
          }}
        />,
        host.mount,
      );
    draw(null);
    const card = host.root.querySelector<HTMLElement>('.card');
    const size = card ? { width: card.offsetWidth, height: card.offsetHeight } : { width: 320, height: 160 };
    const a = anchor ?? { left: this.win.innerWidth / 2 - size.width / 2, top: 80, width: 0, height: 0 };
    const placed = placeCard({ left: a.left, top: a.top, width: a.width, height: a.height }, size, {
      width: this.win.innerWidth,
      height: this.win.innerHeight,
    });
    draw({ left: placed.left, top: placed.top });
    this.hover.shown = true;
  }

  hideCard(): void {
    clearTimeout(this.hideTimer);
    clearTimeout(this.showTimer);
    this.hover.shown = false;
    this.hover.lookup = undefined;
    if (this.cardHost) {
      // Keep the host for the next card (creating one costs a shadow root and styles); just empty it.
      render(null, this.cardHost.mount);
      this.cardHost.hide();
    }
  }

  // ---- export ------------------------------------------------------------------

  private glossaryInput() {
    const result = this.state.result;
    if (!result) return null;
    return { result, entries: this.state.entries, url: this.win.location.href };
  }

  private async exportGlossary(format: 'markdown' | 'csv', action: 'copy' | 'download'): Promise<void> {
    await this.ensureEntries(this.missingEntryIds());
    const input = this.glossaryInput();
    if (!input) return;
    const text = format === 'markdown' ? glossaryMarkdown(input) : glossaryCsv(input);
    if (action === 'copy') {
      try {
        await this.win.navigator.clipboard.writeText(text);
        this.state = { ...this.state, announcement: 'Glossary copied as Markdown.' };
        this.renderSidebar();
        return;
      } catch {
        // Clipboard refused (no focus or permission): fall back to a download.
      }
    }
    const blob = new Blob([text], { type: format === 'markdown' ? 'text/markdown' : 'text/csv' });
    const url = URL.createObjectURL(blob);
    const a = this.doc.createElement('a');
    a.href = url;
    a.download = `backstory-${slug(input.result.title)}.${format === 'markdown' ? 'md' : 'csv'}`;
    (this.sidebarHost?.root ?? this.doc.body)?.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.state = {
      ...this.state,
      announcement: `Glossary downloaded as ${format === 'markdown' ? 'Markdown' : 'CSV'}.`,
    };
    this.renderSidebar();
  }

  /** A print-friendly handout in a new window, built with DOM calls only (no HTML strings). */
  private async printHandout(): Promise<void> {
    if (!this.glossaryInput()) return;
    // Opened before any await, while the click still counts as the user's gesture.
    const w = this.win.open('', '_blank');
    if (!w) {
      void this.exportGlossary('markdown', 'download');
      return;
    }
    await this.ensureEntries(this.missingEntryIds());
    const input = this.glossaryInput();
    if (!input) return;
    const d = w.document;
    d.title = `Backstory handout: ${input.result.title}`;
    const el = (tag: string, text?: string, parent: Node = d.body) => {
      const n = d.createElement(tag);
      if (text !== undefined) n.textContent = text;
      parent.appendChild(n);
      return n;
    };
    el('h1', `Backstory: ${input.result.title}`);
    el('p', input.url);
    for (const e of input.result.entities) {
      const entry = e.id ? input.entries[e.id] : undefined;
      const sec = el('section');
      el('h2', e.name, sec);
      el('p', entry?.description ?? (e.id ? '' : 'Not in the knowledge base.'), sec);
      if (entry) el('p', entry.summary, sec);
      if (entry?.facts.length) {
        const ul = el('ul', undefined, sec);
        for (const f of entry.facts) el('li', factLine(f), ul);
      }
    }
    w.print();
  }

  // ---- background messages and teardown ---------------------------------------

  private onMessage(raw: unknown): void {
    const parsed = v.safeParse(ContentMessageSchema, raw);
    if (!parsed.success || this.destroyed) return;
    const m = parsed.output;
    switch (m.type) {
      case 'bg/toggle-sidebar':
        this.toggleSidebar();
        break;
      case 'bg/open-lookup':
        this.showLookup(m.query, m.entries);
        break;
      case 'bg/navigated':
        this.stopWindow();
        this.highlights.clear();
        this.hideCard();
        this.mentionRefs = [];
        this.liveUpdates = 0;
        this.dispatch({ type: 'reset' });
        setTimeout(() => void this.analyze(this.sidebarOpen), SPA_SETTLE_MS);
        break;
      case 'bg/settings-changed':
        void this.send('cs/get-settings', {}).then(
          (res) => {
            if (!res.ok || this.destroyed) return;
            this.settings = res.value.settings;
            this.sitePolicy = res.value.sitePolicy;
            if (this.settings.paused || this.sitePolicy === 'never')
              void this.reportCount(0).finally(() => this.destroy());
            else {
              // A theme chosen in the options page applies to open tabs at once.
              for (const host of [this.sidebarHost, this.cardHost]) if (host) this.applyTheme(host);
              this.applyHighlights();
              this.renderSidebar();
            }
          },
          (e) => this.gone(e),
        );
        break;
    }
  }

  /** True (and the analyzer torn down) when the extension went away under the page. */
  private gone(e: unknown): boolean {
    if (e instanceof ContextGoneError) {
      this.destroy();
      return true;
    }
    return false;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.analysisToken++;
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
    clearTimeout(this.liveTimer);
    clearTimeout(this.saveWidthTimer);
    if (this.pointerFrame) this.win.cancelAnimationFrame(this.pointerFrame);
    for (const c of this.cleanups.splice(0)) {
      try {
        c();
      } catch {
        // Listener already gone with the context.
      }
    }
    this.stopWindow();
    this.highlights.clear();
    this.hideCard();
    this.cardHost?.destroy();
    this.cardHost = null;
    if (this.sidebarHost) {
      render(null, this.sidebarHost.mount);
      this.sidebarHost.destroy();
      this.sidebarHost = null;
    }
    this.undock();
  }
}

/** Resolve in the page's next idle period (or after a short timeout where there is none). */
function idle(win: Window & typeof globalThis): Promise<void> {
  const ric = (win as unknown as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number })
    .requestIdleCallback;
  return new Promise((resolve) => {
    if (typeof ric === 'function') ric.call(win, () => resolve(), { timeout: 1000 });
    else win.setTimeout(resolve, 50);
  });
}

/** Let the page's own work run: scheduler.yield() where it exists, else a macrotask. */
function yieldToPage(win: Window & typeof globalThis): Promise<void> {
  const scheduler = (win as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => win.setTimeout(resolve, 0));
}

/**
 * Work time after which a multi-step job yields to the page, ms: small pages run straight
 * through. Steps are not cut, so a task can run this plus one step (Readability on a
 * 10,000-word article: 12-20 ms on a 2-core machine).
 */
const BUSY_SLICE_MS = 8;

/** A yield function for a job of steps: yields only once the current slice has used BUSY_SLICE_MS. */
function yieldWhenBusy(win: Window & typeof globalThis): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < BUSY_SLICE_MS) return;
    await yieldToPage(win);
    sliceStart = performance.now();
  };
}

function clampWidth(w: number): number {
  return Math.round(Math.min(SIDEBAR_MAX_WIDTH, Math.max(SIDEBAR_MIN_WIDTH, w)));
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'article'
  );
}

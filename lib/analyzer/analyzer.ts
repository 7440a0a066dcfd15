/**
 * The analyzer: Backstory's one owner of everything it adds to a page. A thin core, the
 * way hypothesis's Guest owns its Highlighter and Adder: it owns the lifecycle (start,
 * relaunch, destroy), dispatches the background's messages, and gives each analysis run
 * an AbortSignal; the work is in its collaborators:
 *
 *   run.ts            one analysis run (read the article, two passes, report)
 *   mentions.ts       the article's text nodes ↔ mention Ranges, hit testing
 *   painter.ts        drawing the highlights in slices
 *   entries.ts        loading entries in portions
 *   sidebar-shell.tsx the sidebar frame (docking.ts: beside the article)
 *   hover.tsx         hover and look-up cards (hover-state.ts: when they show)
 *   export.ts         glossary export and print
 *   cite.ts           citations out (formatter loaded on demand)
 *   live.ts           re-reading live pages
 *   schedule.ts       yielding to the page
 *
 * destroy() removes all of it (extension reloaded, site switched off, user closed it).
 */
import * as v from 'valibot';
import { entityByKey } from '../../components/sidebar/state.ts';
import { createClient, type Transport } from '../messaging/client.ts';
import { ContentMessageSchema, type Launch, type UiSettings } from '../messaging/protocol.ts';
import { siteKey, type SitePolicy } from '../storage/settings.ts';
import { createContext, type PageContext } from './context.ts';
import { EntryLoader } from './entries.ts';
import { GlossaryExport } from './export.ts';
import { CiteActions } from './cite.ts';
import { HoverController } from './hover.tsx';
import { LiveUpdates } from './live.ts';
import { MentionMap } from './mentions.ts';
import { HighlightPainter } from './painter.ts';
import { runAnalysis, type RunOutcome } from './run.ts';
import { TaskClock, type PageWindow } from './schedule.ts';
import { SidebarShell } from './sidebar-shell.tsx';
import { SidebarTrail } from '../trail/sidebar-trail.ts';
import { SidebarOnline } from './online.ts';
import { createStore, type Store } from './store.ts';
import { sayDone } from '../util/done-line.ts';

/** After single-page-app navigation, wait for the new article to render, ms. */
export const SPA_SETTLE_MS = 600;
/** After a jump to a mention, the card opens once the smooth scroll has (mostly) ended, ms. */
const CARD_AFTER_SCROLL_MS = 350;

export interface AnalyzerDeps {
  doc: Document;
  win: PageWindow;
  transport: Transport;
  onContentMessage: (listener: (message: unknown) => void) => () => void;
  onInvalidated: (fn: () => void) => void;
}

export class Analyzer {
  readonly store: Store = createStore();
  private readonly ctx: PageContext;
  private readonly clock = new TaskClock();
  private readonly mentions: MentionMap;
  private readonly painter: HighlightPainter;
  private readonly entries: EntryLoader;
  private readonly sidebar: SidebarShell;
  private readonly hover: HoverController;
  private readonly exporter: GlossaryExport;
  private readonly citations: CiteActions;
  private readonly live: LiveUpdates;
  private readonly trail: SidebarTrail;
  private readonly online: SidebarOnline;
  private readonly cleanups: (() => void)[] = [];
  /** The current analysis run; aborted when a newer one starts or the analyzer is torn down. */
  private run: AbortController | null = null;
  private timers = new Set<number>();

  constructor(deps: AnalyzerDeps) {
    this.ctx = createContext(deps.doc, deps.win, createClient(deps.transport), () => this.destroy());
    this.mentions = new MentionMap(deps.doc);
    this.painter = new HighlightPainter(deps.win, this.mentions, this.clock);
    this.entries = new EntryLoader(this.ctx, this.store);
    this.trail = new SidebarTrail(this.ctx, this.store);
    this.online = new SidebarOnline(this.ctx, this.store);
    this.sidebar = new SidebarShell(
      this.ctx,
      this.store,
      {
        selectEntity: (key) => void this.selectEntity(key),
        jumpToMention: (key, index, openCard) => this.jumpToMention(key, index, openCard),
        setSitePolicy: (p) => void this.setSitePolicy(p),
        toggleHighlights: () => this.toggleHighlights(),
        exportGlossary: (format, action) => void this.exporter.glossary(format, action),
        print: () => void this.exporter.print(),
        cite: (source, style) => void this.citations.cite(source, style),
        exportSources: (format) => void this.citations.exportSources(format),
        retry: () => void this.analyze(true),
        saveUiSettings: (patch) => void this.saveUiSettings(patch),
        trailOffer: (accept) => void this.trail.offer(accept),
        openTrail: () => void this.trail.open(),
        deleteTrail: () => void this.trail.deleteAll(),
        acceptOnline: () => void this.online.accept(),
      },
      this.painter.supported,
    );
    this.hover = new HoverController({
      ctx: this.ctx,
      store: this.store,
      mentions: this.mentions,
      painter: this.painter,
      entries: this.entries,
      openInSidebar: (key) => {
        this.sidebar.reveal();
        void this.selectEntity(key);
      },
    });
    this.exporter = new GlossaryExport(this.ctx, this.store, this.entries, () => this.sidebar.root);
    this.citations = new CiteActions(this.ctx, this.store, this.entries, () => this.sidebar.root);
    this.live = new LiveUpdates(
      deps.doc,
      deps.win,
      () => !!this.mentions.article,
      () => void this.analyze(false),
    );
    deps.onInvalidated(() => this.destroy());
    this.cleanups.push(deps.onContentMessage((m) => this.onMessage(m)));
  }

  get destroyed(): boolean {
    return this.ctx.destroyed;
  }

  async start(launch: Launch): Promise<void> {
    try {
      const res = await this.ctx.send('cs/get-settings', {});
      if (res.ok) {
        this.ctx.settings = res.value.settings;
        this.ctx.sitePolicy = res.value.sitePolicy;
        this.store.dispatch({ type: 'resize', width: this.ctx.settings.sidebarWidth });
        this.store.dispatch({ type: 'collapse', collapsed: this.ctx.settings.sidebarCollapsed });
      }
    } catch (e) {
      if (this.ctx.gone(e)) return;
    }
    this.clock.mark();
    this.listen();
    if (launch.kind === 'user' || (launch.kind === 'auto' && this.ctx.settings.autoOpenSidebar))
      this.sidebar.open(launch.kind === 'user');
    if (launch.kind === 'lookup') this.hover.showLookup(launch.query, launch.entries);
    // A lookup on a page that is not an article shows the card only; the body is read when the user asked for Backstory.
    await this.analyze(launch.kind === 'user');
  }

  /** A second injection into the same tab (toolbar button, look-up): reuse this analyzer. */
  relaunch(launch: Launch): void {
    if (launch.kind === 'lookup') this.hover.showLookup(launch.query, launch.entries);
    else if (launch.kind === 'user') this.sidebar.toggle();
  }

  /** Start a new analysis run (the one before it stops); when it ends, tell the background how. */
  async analyze(userAsked: boolean): Promise<RunOutcome> {
    this.run?.abort();
    const run = (this.run = new AbortController());
    const outcome = await runAnalysis(
      {
        ctx: this.ctx,
        store: this.store,
        mentions: this.mentions,
        painter: this.painter,
        entries: this.entries,
        clock: this.clock,
        live: this.live,
        reportCount: (count) => void this.reportCount(count),
        onFullPass: () => this.hover.prepareHost(),
      },
      run.signal,
      userAsked,
    );
    if (outcome && !this.ctx.destroyed) void this.reportOutcome(outcome);
    if (outcome?.kind === 'found' && !this.ctx.destroyed) {
      void this.trail.load();
      void this.online.load();
    }
    return outcome;
  }

  private listen(): void {
    const onResize = () => this.sidebar.dock();
    this.ctx.win.addEventListener('resize', onResize, { passive: true });
    this.cleanups.push(
      this.hover.listen(),
      () => this.ctx.win.removeEventListener('resize', onResize),
      this.live.listen(),
    );
  }

  private onMessage(raw: unknown): void {
    const parsed = v.safeParse(ContentMessageSchema, raw);
    if (!parsed.success || this.ctx.destroyed) return;
    const m = parsed.output;
    switch (m.type) {
      case 'bg/toggle-sidebar':
        this.sidebar.toggle();
        break;
      case 'bg/open-lookup':
        this.hover.showLookup(m.query, m.entries);
        break;
      case 'bg/navigated':
        this.run?.abort();
        this.painter.clear();
        this.hover.reset();
        this.mentions.clear();
        this.live.reset();
        this.store.dispatch({ type: 'reset' });
        this.later(() => void this.analyze(this.sidebar.isOpen), SPA_SETTLE_MS);
        break;
      case 'bg/settings-changed':
        void this.refreshSettings();
        break;
    }
  }

  /** The reader changed a setting (here or in the options page): apply it, or leave if switched off. */
  private async refreshSettings(): Promise<void> {
    try {
      const res = await this.ctx.send('cs/get-settings', {});
      if (!res.ok || this.ctx.destroyed) return;
      const wasOnline = this.ctx.settings.onlineMode;
      this.ctx.settings = res.value.settings;
      this.ctx.sitePolicy = res.value.sitePolicy;
      if (this.ctx.settings.paused || this.ctx.sitePolicy === 'never') {
        await this.reportCount(0).finally(() => this.destroy());
        return;
      }
      // A theme chosen in the options page applies to open tabs at once.
      this.sidebar.applyTheme();
      this.hover.applyTheme();
      this.painter.paint(this.store.state.result, this.ctx.settings);
      this.sidebar.render();
      // Online mode turned on or off (options page, another tab's offer): look up again, or drop what was shown.
      if (wasOnline !== this.ctx.settings.onlineMode && this.store.state.result) void this.online.load();
    } catch (e) {
      this.ctx.gone(e);
    }
  }

  private async selectEntity(key: string | null): Promise<void> {
    const { state } = this.store;
    // A related entry not in this article: fetch it first.
    if (key && !entityByKey(state, key) && !state.entries[key]) await this.entries.ensure([key]);
    if (this.ctx.destroyed) return;
    this.store.dispatch({ type: 'select', key });
    this.sidebar.focus();
  }

  private jumpToMention(key: string, index: number, openCard: boolean): void {
    const range = this.mentions.rangeOfMention(entityByKey(this.store.state, key), index);
    this.store.dispatch({ type: 'mention', key, index });
    if (!range) return;
    const reduced = this.ctx.win.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: reduced ? 'auto' : 'smooth' });
    this.painter.layer.flash(range);
    const ref = openCard ? this.mentions.ref(key, index) : null;
    if (ref) this.later(() => this.hover.showCard(ref), reduced ? 0 : CARD_AFTER_SCROLL_MS);
  }

  private toggleHighlights(): void {
    this.ctx.settings = { ...this.ctx.settings, highlights: !this.ctx.settings.highlights };
    this.painter.paint(this.store.state.result, this.ctx.settings);
    this.sidebar.render();
    void this.saveUiSettings({ highlights: this.ctx.settings.highlights });
  }

  private async setSitePolicy(policy: SitePolicy): Promise<void> {
    const host = siteKey(this.ctx.win.location.href);
    if (!host) return;
    try {
      const res = await this.ctx.send('cs/set-site-policy', { host, policy });
      if (!res.ok) return;
      this.ctx.sitePolicy = policy;
      if (policy === 'never') {
        await this.reportCount(0); // clear the badge while we can still talk to the background
        this.destroy();
        return;
      }
      this.sidebar.render();
    } catch (e) {
      this.ctx.gone(e);
    }
  }

  /** Settings are written by the background only; it merges the patch into what is stored. */
  private async saveUiSettings(patch: UiSettings): Promise<void> {
    try {
      await this.ctx.send('cs/save-ui-settings', patch);
    } catch (e) {
      this.ctx.gone(e);
    }
  }

  private async reportCount(count: number): Promise<void> {
    try {
      await this.ctx.send('cs/report-count', { count });
    } catch (e) {
      this.ctx.gone(e);
    }
  }

  private async reportOutcome(outcome: NonNullable<RunOutcome>): Promise<void> {
    sayDone(outcome.kind);
    try {
      await this.ctx.send('cs/report-outcome', {
        outcome: outcome.kind,
        count: outcome.kind === 'found' ? outcome.count : 0,
      });
    } catch (e) {
      this.ctx.gone(e);
    }
  }

  /** A timer that destroy() clears. */
  private later(fn: () => void, ms: number): void {
    const t = this.ctx.win.setTimeout(() => {
      this.timers.delete(t);
      if (!this.ctx.destroyed) fn();
    }, ms);
    this.timers.add(t);
  }

  destroy(): void {
    if (this.ctx.destroyed) return;
    this.ctx.destroyed = true;
    this.run?.abort();
    for (const t of this.timers) this.ctx.win.clearTimeout(t);
    for (const c of this.cleanups.splice(0)) {
      try {
        c();
      } catch {
        // Listener already gone with the context.
      }
    }
    this.live.stop();
    this.painter.clear();
    this.hover.destroy();
    this.sidebar.destroy();
  }
}

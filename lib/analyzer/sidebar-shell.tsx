/**
 * The sidebar frame on the page: its host element, rendering <Sidebar> from the store's
 * state, focus, theme, and the frame's own actions (open, close, fold, resize, each saved
 * as the reader's setting). Docking beside the article is in docking.ts. What the sidebar
 * asks of the rest of the analyzer (select an entity, jump to a mention, export, …) comes
 * in as SidebarActions.
 */
import { render } from 'preact';
import { Sidebar } from '../../components/sidebar/Sidebar.tsx';
import { stepMention } from '../../components/sidebar/state.ts';
import type { UiSettings } from '../messaging/protocol.ts';
import type { Source } from '../kb/schema.ts';
import type { CiteStyle, SourceFormat } from '../export/cite.ts';
import type { ShadowHost } from '../page/shadow-host.ts';
import { siteKey, type SitePolicy } from '../storage/settings.ts';
import type { PageContext } from './context.ts';
import { Docking } from './docking.ts';
import type { Store } from './store.ts';
import { applyTheme, createUiHost } from './ui-host.ts';

/** Quiet time after the last resize step before the width is saved, ms. */
const SAVE_WIDTH_AFTER_MS = 500;

export interface SidebarActions {
  selectEntity(key: string | null): void;
  jumpToMention(key: string, index: number, openCard: boolean): void;
  setSitePolicy(policy: SitePolicy): void;
  toggleHighlights(): void;
  exportGlossary(format: 'markdown' | 'csv', action: 'copy' | 'download'): void;
  print(): void;
  /** Citations out (cite.ts); the sidebar shows no "Cite" controls without them. */
  cite?(source: Source, style: CiteStyle): void;
  exportSources?(format: SourceFormat): void;
  retry(): void;
  saveUiSettings(patch: UiSettings): void;
  trailOffer?(accept: boolean): void;
  openTrail?(): void;
  deleteTrail?(): void;
  /** The reader accepted the offer to look names up on Wikipedia (online mode). */
  acceptOnline?(): void;
}

export class SidebarShell {
  private host: ShadowHost | null = null;
  private readonly docking: Docking;
  private saveWidthTimer: number | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly ctx: PageContext,
    private readonly store: Store,
    private readonly actions: SidebarActions,
    private readonly highlightsSupported: boolean,
  ) {
    this.docking = new Docking(ctx.doc, ctx.win);
    this.unsubscribe = store.subscribe(() => this.render());
  }

  /** The sidebar's shadow root while it is shown. */
  get root(): ShadowRoot | null {
    return this.host?.root ?? null;
  }

  get isOpen(): boolean {
    return this.store.state.open;
  }

  open(focus: boolean): void {
    if (!this.host) this.host = createUiHost(this.ctx.doc, 'backstory-sidebar', this.ctx.settings);
    if (this.store.state.open) this.render();
    else this.store.dispatch({ type: 'open' });
    this.dock();
    if (focus) this.focus();
  }

  close(): void {
    this.store.dispatch({ type: 'close' });
    this.removeHost();
    this.docking.undock();
  }

  /** The toolbar button and the shortcut: close an open sidebar; open (unfolded) a closed or folded one. */
  toggle(): void {
    const { open, collapsed } = this.store.state;
    if (open && !collapsed) this.close();
    else {
      this.store.dispatch({ type: 'collapse', collapsed: false });
      this.open(true);
    }
  }

  /** Open it unfolded without moving focus (a hover card's "Open in sidebar"). */
  reveal(): void {
    this.store.dispatch({ type: 'collapse', collapsed: false });
    this.open(false);
  }

  /** The window was resized: dock or undock. */
  dock(): void {
    this.docking.update(this.store.state);
  }

  /** The theme setting changed. */
  applyTheme(): void {
    if (this.host) applyTheme(this.host, this.ctx.settings);
  }

  render(): void {
    if (!this.host || !this.store.state.open || this.ctx.destroyed) return;
    const state = this.store.state;
    const { actions, store } = this;
    render(
      <Sidebar
        state={state}
        collapsed={state.collapsed}
        width={state.width}
        sitePolicy={this.ctx.sitePolicy}
        siteName={siteKey(this.ctx.win.location.href) ?? ''}
        highlightsOn={this.ctx.settings.highlights}
        highlightsSupported={this.highlightsSupported}
        onSelectEntity={(key) => actions.selectEntity(key)}
        onFilter={(filter) => store.dispatch({ type: 'filter', filter })}
        onQuery={(query) => store.dispatch({ type: 'query', query })}
        onJumpToMention={(key, index) => actions.jumpToMention(key, index, false)}
        onStepMention={(key, dir) => {
          const i = stepMention(store.state, key, dir);
          if (i >= 0) actions.jumpToMention(key, i, true);
        }}
        onClose={() => this.close()}
        onToggleCollapsed={() => this.toggleCollapsed()}
        onResize={(w) => this.resize(w)}
        onSetSitePolicy={(p) => actions.setSitePolicy(p)}
        onToggleHighlights={() => actions.toggleHighlights()}
        onExport={(format, action) => actions.exportGlossary(format, action)}
        onPrint={() => actions.print()}
        onRetry={() => actions.retry()}
        onCite={actions.cite && ((source, style) => actions.cite?.(source, style))}
        onExportSources={actions.exportSources && ((format) => actions.exportSources?.(format))}
        onTrailOffer={(accept) => actions.trailOffer?.(accept)}
        onOpenTrail={() => actions.openTrail?.()}
        onDeleteTrail={() => actions.deleteTrail?.()}
        onAcceptOnline={() => actions.acceptOnline?.()}
      />,
      this.host.mount,
    );
  }

  /** Move focus into the sidebar: the open entity's title, else the first entity, else any control. */
  focus(): void {
    const focus = () => {
      const root = this.host?.root;
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
    if (!focus() || !this.host?.root.activeElement) this.ctx.win.requestAnimationFrame(() => void focus());
  }

  destroy(): void {
    this.unsubscribe();
    this.ctx.win.clearTimeout(this.saveWidthTimer);
    this.removeHost();
    this.docking.undock();
  }

  private toggleCollapsed(): void {
    const collapsed = !this.store.state.collapsed;
    this.store.dispatch({ type: 'collapse', collapsed });
    this.dock();
    this.actions.saveUiSettings({ sidebarCollapsed: collapsed });
    if (!collapsed) this.focus();
  }

  private resize(width: number): void {
    this.store.dispatch({ type: 'resize', width });
    this.dock();
    this.ctx.win.clearTimeout(this.saveWidthTimer);
    this.saveWidthTimer = this.ctx.win.setTimeout(
      () => this.actions.saveUiSettings({ sidebarWidth: this.store.state.width }),
      SAVE_WIDTH_AFTER_MS,
    );
  }

  private removeHost(): void {
    if (!this.host) return;
    render(null, this.host.mount);
    this.host.destroy();
    this.host = null;
  }
}

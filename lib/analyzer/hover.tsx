/**
 * Hover cards: watches the pointer over the article's text, feeds the hover state machine
 * (hover-state.ts), runs the timers and effects it asks for, and draws the card in its own
 * host (<backstory-card>), placed beside the mention. Also the card of a context-menu
 * look-up, which shows the same way without a dwell.
 */
import { render } from 'preact';
import { HoverCard } from '../../components/hover-card/HoverCard.tsx';
import { entityByKey } from '../../components/sidebar/state.ts';
import type { Entity } from '../engine/types.ts';
import type { EntryView } from '../messaging/protocol.ts';
import type { MentionRef } from '../page/hit-test.ts';
import { placeCard } from '../page/placement.ts';
import { rectsContain } from '../page/hit-test.ts';
import type { ShadowHost } from '../page/shadow-host.ts';
import type { PageContext } from './context.ts';
import type { EntryLoader } from './entries.ts';
import { hoverStep, initialHover, type HoverEffect, type HoverEvent, type HoverState } from './hover-state.ts';
import type { MentionMap } from './mentions.ts';
import type { HighlightPainter } from './painter.ts';
import { whenIdle } from './schedule.ts';
import type { Store } from './store.ts';
import { applyTheme, createUiHost } from './ui-host.ts';

export interface HoverDeps {
  ctx: PageContext;
  store: Store;
  mentions: MentionMap;
  painter: HighlightPainter;
  entries: EntryLoader;
  /** The card's "open in sidebar": show this entity (or entry id) in the sidebar. */
  openInSidebar(key: string | null): void;
}

export class HoverController {
  private state: HoverState = initialHover;
  private host: ShadowHost | null = null;
  private dwellTimer: number | undefined;
  private lingerTimer: number | undefined;
  private pointerFrame = 0;
  private lastPointer: { x: number; y: number } | null = null;
  private followFrame = 0;
  /** What the shown card draws and where its word is now, so it can follow the word as the page scrolls. */
  private drawn: {
    entity: Entity | null;
    entry: EntryView | undefined;
    fallbackName: string | undefined;
    anchor: () => DOMRect | null;
  } | null = null;

  private readonly unsubscribe: () => void;

  constructor(private readonly deps: HoverDeps) {
    // Online answers arrive after a card may already be up: redraw it with its name's new view.
    let online = deps.store.state.online;
    this.unsubscribe = deps.store.subscribe((state) => {
      if (state.online === online) return;
      const before = online;
      online = state.online;
      const d = this.drawn;
      if (!d?.entity || !this.state.shown || deps.ctx.destroyed) return;
      const key = d.entity.key;
      if (before?.views[key] !== state.online?.views[key]) this.layout(d.entity, d.entry, d.fallbackName, d.anchor());
    });
  }

  get shown(): boolean {
    return this.state.shown;
  }

  /** Start watching the pointer and Esc; returns the function that stops it. */
  listen(): () => void {
    const { doc } = this.deps.ctx;
    const opts = { passive: true, capture: true } as const;
    const onMove = (ev: PointerEvent) => {
      if (ev.pointerType === 'touch') return;
      // Only pointers over article text need a hit test (a caret lookup costs layout work on big pages).
      if (!this.state.target && !this.deps.mentions.holdsArticleText(ev.target)) return;
      this.lastPointer = { x: ev.clientX, y: ev.clientY };
      if (!this.pointerFrame) this.pointerFrame = this.deps.ctx.win.requestAnimationFrame(() => this.onPointerFrame());
    };
    const onKey = (ev: KeyboardEvent) => {
      // Esc closes the card first; only a second Esc reaches the sidebar (or the page).
      if (ev.key === 'Escape' && this.state.shown) {
        this.send({ type: 'dismiss' });
        ev.stopPropagation();
      }
    };
    // The card follows its word when the page (or a scrolling box holding the article) scrolls or
    // the window resizes, and closes once the word leaves the screen, as Page Previews does.
    const onMoveOfPage = () => {
      if (!this.state.shown || !this.drawn || this.followFrame) return;
      this.followFrame = this.deps.ctx.win.requestAnimationFrame(() => {
        this.followFrame = 0;
        this.follow();
      });
    };
    const { win } = this.deps.ctx;
    doc.addEventListener('pointermove', onMove, opts);
    doc.addEventListener('keydown', onKey, true);
    doc.addEventListener('scroll', onMoveOfPage, opts);
    win.addEventListener('resize', onMoveOfPage, { passive: true });
    return () => {
      doc.removeEventListener('pointermove', onMove, opts);
      doc.removeEventListener('keydown', onKey, true);
      doc.removeEventListener('scroll', onMoveOfPage, opts);
      win.removeEventListener('resize', onMoveOfPage);
    };
  }

  /** The card of this mention, now. */
  showCard(ref: MentionRef): void {
    const { ctx, store, mentions } = this.deps;
    if (ctx.destroyed) return;
    const entity = entityByKey(store.state, ref.key) ?? null;
    const anchor = () => mentions.rangeOfMention(entity ?? undefined, ref.index)?.getBoundingClientRect() ?? null;
    const id = entity?.id;
    this.draw(entity, id ? store.state.entries[id] : undefined, undefined, anchor);
    if (id && !store.state.entries[id]) {
      // Its entry has not arrived yet (EntryLoader.fill): fetch it and redraw the card if still shown.
      const generation = this.state.generation;
      void this.deps.entries.ensure([id]).then(() => {
        const entry = store.state.entries[id];
        if (generation === this.state.generation && this.state.shown && entry)
          this.draw(entity, entry, undefined, anchor);
      });
    }
  }

  /** The card of a context-menu look-up, beside the selection. */
  showLookup(query: string, entries: EntryView[]): void {
    const { ctx, store } = this.deps;
    const sel = ctx.win.getSelection();
    const range = sel && sel.rangeCount ? sel.getRangeAt(0).cloneRange() : null;
    const entry = entries[0];
    if (entry) store.dispatch({ type: 'add-entries', entries: Object.fromEntries(entries.map((e) => [e.id, e])) });
    const inArticle = entry ? (store.state.result?.entities.find((e) => e.id === entry.id) ?? null) : null;
    this.draw(inArticle, entry, entry ? undefined : `No entry for “${query}”`, () =>
      range ? range.getBoundingClientRect() : null,
    );
  }

  hide(): void {
    this.send({ type: 'dismiss' });
  }

  /** Create the (hidden) card host in idle time, so the first hover card costs only its render. */
  prepareHost(): void {
    whenIdle(
      this.deps.ctx.win,
      () => {
        if (this.deps.ctx.destroyed || this.host) return;
        this.ensureHost().hide();
      },
      2000,
      200,
    );
  }

  /** The theme setting changed. */
  applyTheme(): void {
    if (this.host) applyTheme(this.host, this.deps.ctx.settings);
  }

  /** Forget the mention under the pointer and take the card down (a new page in a single-page app). */
  reset(): void {
    this.hide();
  }

  destroy(): void {
    this.unsubscribe();
    this.hide();
    if (this.pointerFrame) this.deps.ctx.win.cancelAnimationFrame(this.pointerFrame);
    if (this.followFrame) this.deps.ctx.win.cancelAnimationFrame(this.followFrame);
    this.pointerFrame = 0;
    this.followFrame = 0;
    this.host?.destroy();
    this.host = null;
  }

  private onPointerFrame(): void {
    this.pointerFrame = 0;
    const p = this.lastPointer;
    const { mentions } = this.deps;
    if (!p || !mentions.refs.length || !mentions.article) return;
    const ref = mentions.hitTest(p.x, p.y);
    this.send(ref ? { type: 'over-mention', ref } : { type: 'off-mention', overCard: this.pointerOverCard(p.x, p.y) });
  }

  private send(event: HoverEvent): void {
    const step = hoverStep(this.state, event);
    this.state = step.state;
    for (const effect of step.effects) this.run(effect);
  }

  private run(effect: HoverEffect): void {
    const { ctx, mentions, painter, store } = this.deps;
    switch (effect.type) {
      case 'start-dwell':
        ctx.win.clearTimeout(this.dwellTimer);
        // Show after the pointer settles on the name (Page Previews uses the same dwell).
        this.dwellTimer = ctx.win.setTimeout(
          () => this.send({ type: 'dwell-elapsed', generation: effect.generation }),
          ctx.settings.hoverShowDelay,
        );
        break;
      case 'cancel-dwell':
        ctx.win.clearTimeout(this.dwellTimer);
        break;
      case 'start-linger':
        ctx.win.clearTimeout(this.lingerTimer);
        this.lingerTimer = ctx.win.setTimeout(() => this.send({ type: 'linger-elapsed' }), ctx.settings.hoverHideDelay);
        break;
      case 'cancel-linger':
        ctx.win.clearTimeout(this.lingerTimer);
        break;
      case 'mark':
        if (!effect.ref) painter.layer.hover(null);
        else if (ctx.settings.highlights)
          painter.layer.hover(mentions.rangeOfMention(entityByKey(store.state, effect.ref.key), effect.ref.index));
        break;
      case 'show-card':
        this.showCard(effect.ref);
        break;
      case 'hide-card':
        this.drawn = null;
        if (this.host) {
          // Keep the host for the next card (creating one costs a shadow root and styles); just empty it.
          render(null, this.host.mount);
          this.host.hide();
        }
        break;
    }
  }

  private pointerOverCard(x: number, y: number): boolean {
    const card = this.host?.root.querySelector('.card');
    return !!card && rectsContain([card.getBoundingClientRect()], x, y, 0);
  }

  private ensureHost(): ShadowHost {
    if (!this.host) {
      this.host = createUiHost(this.deps.ctx.doc, 'backstory-card', this.deps.ctx.settings);
      this.host.host.addEventListener('pointerenter', () => this.send({ type: 'card-enter' }));
      this.host.host.addEventListener('pointerleave', () => this.send({ type: 'card-leave' }));
    }
    return this.host;
  }

  /** The shown card after a scroll or resize: beside its word again, or gone with the word. */
  private follow(): void {
    const d = this.drawn;
    if (!d || !this.state.shown) return;
    const rect = d.anchor();
    const { innerHeight, innerWidth } = this.deps.ctx.win;
    if (rect && (rect.bottom < 0 || rect.top > innerHeight || rect.right < 0 || rect.left > innerWidth)) this.hide();
    else if (rect) this.layout(d.entity, d.entry, d.fallbackName, rect);
  }

  private draw(
    entity: Entity | null,
    entry: EntryView | undefined,
    fallbackName: string | undefined,
    anchor: () => DOMRect | null,
  ): void {
    this.drawn = { entity, entry, fallbackName, anchor };
    this.layout(entity, entry, fallbackName, anchor());
    this.send({ type: 'card-shown' });
  }

  /** Render the card hidden to measure it, then where placeCard puts it. */
  private layout(
    entity: Entity | null,
    entry: EntryView | undefined,
    fallbackName: string | undefined,
    anchor: DOMRect | null,
  ): void {
    const { win } = this.deps.ctx;
    const host = this.ensureHost();
    host.show();
    const draw = (position: { left: number; top: number; maxHeight?: number } | null) =>
      render(
        <HoverCard
          entity={entity}
          entry={entry}
          fallbackName={fallbackName}
          position={position}
          online={entity ? this.deps.store.state.online?.views[entity.key] : undefined}
          onClose={() => this.hide()}
          onOpenInSidebar={() => {
            this.hide();
            this.deps.openInSidebar(entity?.key ?? entry?.id ?? null);
          }}
        />,
        host.mount,
      );
    draw(null);
    const card = host.root.querySelector<HTMLElement>('.card');
    const size = card ? { width: card.offsetWidth, height: card.offsetHeight } : { width: 320, height: 160 };
    const a = anchor ?? { left: win.innerWidth / 2 - size.width / 2, top: 80, width: 0, height: 0 };
    const placed = placeCard({ left: a.left, top: a.top, width: a.width, height: a.height }, size, {
      width: win.innerWidth,
      height: win.innerHeight,
    });
    draw({ left: placed.left, top: placed.top, maxHeight: placed.maxHeight });
  }
}

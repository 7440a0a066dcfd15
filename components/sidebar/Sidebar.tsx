import { useEffect, useRef, useState } from 'preact/hooks';
import type { SidebarState, TypeFilter } from './state.ts';
import { visibleEntities, entityByKey } from './state.ts';
import { EntityDetail } from './EntityDetail.tsx';
import { FiguresList } from './Figures.tsx';
import { languageNotice } from '../../lib/format/language.ts';
import { EntityRow } from './EntityRow.tsx';
import type { SitePolicy } from '../../lib/storage/settings.ts';
import type { Source } from '../../lib/kb/schema.ts';
import type { CiteStyle, SourceFormat } from '../../lib/export/cite.ts';
import { SourcesExport } from './Cite.tsx';
import { TrailPanel } from '../trail/TrailPanel.tsx';
import { OnlineBar } from './Online.tsx';

export interface SidebarProps {
  state: SidebarState;
  collapsed: boolean;
  width: number;
  sitePolicy: SitePolicy;
  siteName: string;
  highlightsOn: boolean;
  highlightsSupported: boolean;
  onSelectEntity: (key: string | null) => void;
  onFilter: (filter: TypeFilter) => void;
  onQuery: (q: string) => void;
  onJumpToMention: (key: string, index: number) => void;
  onStepMention: (key: string, dir: 1 | -1) => void;
  onClose: () => void;
  onToggleCollapsed: () => void;
  onResize: (width: number) => void;
  onSetSitePolicy: (p: SitePolicy) => void;
  onToggleHighlights: () => void;
  onExport: (format: 'markdown' | 'csv', action: 'copy' | 'download') => void;
  onPrint: () => void;
  onRetry?: () => void;
  /** Citations out (Cite.tsx): a source as APA/MLA/Chicago, the article's sources as a file. */
  onCite?: (source: Source, style: CiteStyle) => void;
  onExportSources?: (format: SourceFormat) => void;
  onTrailOffer?: (accept: boolean) => void;
  onOpenTrail?: () => void;
  onDeleteTrail?: () => void;
  /** Online mode's offer accepted ("Look up 7 names on Wikipedia?"). */
  onAcceptOnline?: () => void;
}

/** Entities listed before "Show all": enough for any ordinary article, and a cheap first render on huge ones. */
export const LIST_PAGE_SIZE = 60;
/**
 * Entities rendered in the task that first shows a list: more than fit on screen. The rest
 * follow as many more per task, so no render (nor the layout it causes) is long on the
 * page's main thread.
 */
export const FIRST_RENDER_COUNT = 12;

const FILTERS: { id: TypeFilter; label: string }[] = [
  { id: 'all', label: 'All' },
  { id: 'organization', label: 'Organisations' },
  { id: 'person', label: 'People' },
  { id: 'place', label: 'Places' },
  { id: 'initiative', label: 'Programmes' },
  { id: 'event', label: 'Events' },
];

/** Resize step for the keyboard, px. */
const RESIZE_STEP = 20;

export function Sidebar(props: SidebarProps) {
  const { state, collapsed, width } = props;
  const listRef = useRef<HTMLUListElement>(null);
  const [showAll, setShowAll] = useState(false);
  const [rendered, setRendered] = useState(FIRST_RENDER_COUNT);
  const visible = visibleEntities(state);
  // One ranked list: names the packs lack rank with the ones they know (issue 16, item 4).
  const ranked = visible;
  const listed = showAll || state.query ? ranked : ranked.slice(0, LIST_PAGE_SIZE);
  const target = collapsed || state.selected ? 0 : listed.length;
  useEffect(() => {
    if (rendered >= target) return;
    const t = setTimeout(() => setRendered((n) => n + FIRST_RENDER_COUNT), 0);
    return () => clearTimeout(t);
  }, [rendered, target]);
  if (collapsed) {
    return (
      <button
        type="button"
        class="tab"
        onClick={props.onToggleCollapsed}
        aria-label="Open the Backstory sidebar"
        title="Backstory"
      >
        <span aria-hidden="true">B</span>
        {state.result && <span class="tab-count">{state.result.entities.length}</span>}
      </button>
    );
  }
  const selected = state.selected ? entityByKey(state, state.selected) : undefined;
  const selectedEntry = state.selected ? state.entries[selected?.id ?? state.selected] : undefined;
  const presentIds = new Set((state.result?.entities ?? []).map((e) => e.id).filter((x): x is string => !!x));
  const rows = listed.slice(0, rendered);
  const notice = state.result ? languageNotice(state.result) : null;

  const onListKey = (ev: KeyboardEvent) => {
    const items = Array.from(listRef.current?.querySelectorAll<HTMLButtonElement>('button.entity') ?? []);
    const root = listRef.current?.getRootNode() as ShadowRoot | Document | undefined;
    const i = items.indexOf(root?.activeElement as HTMLButtonElement);
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      const next = items[Math.min(items.length - 1, Math.max(0, i + (ev.key === 'ArrowDown' ? 1 : -1)))];
      next?.focus();
    } else if (ev.key === 'Home' || ev.key === 'End') {
      ev.preventDefault();
      (ev.key === 'Home' ? items[0] : items.at(-1))?.focus();
    }
  };

  const onPanelKey = (ev: KeyboardEvent) => {
    const target = ev.target as HTMLElement;
    if (target.id === 'bs-search') {
      if (ev.key === 'Escape' && state.query) {
        ev.stopPropagation();
        props.onQuery('');
      }
      if (ev.key !== 'Escape' || state.query) return;
    } else if (target.tagName === 'SELECT' && ev.key !== 'Escape') {
      return;
    }
    if (ev.key === 'Escape') {
      ev.stopPropagation();
      if (state.selected) props.onSelectEntity(null);
      else props.onClose();
    } else if ((ev.key === 'n' || ev.key === 'p') && state.selected && !ev.ctrlKey && !ev.metaKey && !ev.altKey) {
      ev.preventDefault();
      props.onStepMention(state.selected, ev.key === 'n' ? 1 : -1);
    }
  };

  const onResizeKey = (ev: KeyboardEvent) => {
    if (ev.key === 'ArrowLeft') props.onResize(width + RESIZE_STEP);
    else if (ev.key === 'ArrowRight') props.onResize(width - RESIZE_STEP);
  };

  const onResizePointer = (ev: PointerEvent) => {
    const handle = ev.currentTarget as HTMLElement;
    handle.setPointerCapture(ev.pointerId);
    const startX = ev.clientX;
    const startW = width;
    const move = (e: PointerEvent) => props.onResize(startW + (startX - e.clientX));
    const up = () => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
    };
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  };

  return (
    <aside class="panel" aria-label="Backstory" onKeyDown={onPanelKey} style={{ width: `${width}px` }}>
      <div
        class="resize"
        role="separator"
        aria-orientation="vertical"
        aria-label="Resize the sidebar"
        aria-valuenow={width}
        aria-valuemin={320}
        aria-valuemax={520}
        tabIndex={0}
        onKeyDown={onResizeKey}
        onPointerDown={onResizePointer}
      />
      <header class="head">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            B
          </span>
          <span>Backstory</span>
        </div>
        <div class="head-actions">
          <button
            type="button"
            class="icon"
            onClick={props.onToggleCollapsed}
            aria-label="Collapse the sidebar"
            title="Collapse"
          >
            ⇥
          </button>
          <button type="button" class="icon" onClick={props.onClose} aria-label="Close Backstory" title="Close">
            ×
          </button>
        </div>
      </header>
      {state.title && <h1 class="article-title">{state.title}</h1>}
      {state.result && (
        <p class="count" data-testid="entity-count">
          {state.result.entities.length} {state.result.entities.length === 1 ? 'entity' : 'entities'} found
          {state.result.partial && <span class="badge"> partial: a very long page, only its first part was read</span>}
          {state.result.complete === false && <span class="badge pending"> looking for other names…</span>}
        </p>
      )}
      {notice && (
        <p class="status language" data-testid="language-notice">
          {notice}
        </p>
      )}
      <div class="sr-only" role="status" aria-live="polite">
        {state.announcement}
      </div>
      {state.status.kind === 'loading' && (
        <p class="status loading" role="status">
          {state.status.message}
        </p>
      )}
      {state.status.kind === 'error' && (
        <div class="status error" role="alert">
          <p>{state.status.message}</p>
          {props.onRetry && (
            <button type="button" onClick={props.onRetry}>
              Try again
            </button>
          )}
        </div>
      )}
      {state.status.kind === 'empty' && <p class="status empty">{state.status.message}</p>}
      {selected || selectedEntry ? (
        <EntityDetail
          entity={selected ?? null}
          entry={selectedEntry}
          text={state.text}
          presentIds={presentIds}
          relatedNames={state.relatedNames}
          onBack={() => props.onSelectEntity(null)}
          onSelectRelated={(id) => props.onSelectEntity(id)}
          onJumpToMention={(i) => state.selected && props.onJumpToMention(state.selected, i)}
          mentionCursor={state.selected ? state.mentionCursor[state.selected] : undefined}
          onCite={props.onCite}
          online={selected ? state.online?.views[selected.key] : undefined}
        />
      ) : (
        state.result &&
        state.result.entities.length > 0 && (
          <>
            <div class="tools">
              <label class="sr-only" for="bs-search">
                Search entities
              </label>
              <input
                id="bs-search"
                type="search"
                placeholder="Search entities"
                value={state.query}
                onInput={(e) => props.onQuery((e.currentTarget as HTMLInputElement).value)}
              />
              <div class="filters" role="group" aria-label="Filter by type">
                {FILTERS.map((f) => (
                  <button
                    type="button"
                    key={f.id}
                    class="chip"
                    aria-pressed={state.filter === f.id}
                    onClick={() => props.onFilter(f.id)}
                  >
                    {f.label}
                  </button>
                ))}
              </div>
            </div>
            <OnlineBar online={state.online} onAccept={() => props.onAcceptOnline?.()} />
            {visible.length === 0 && <p class="status empty">No entities match.</p>}
            <ul
              class="entities"
              ref={listRef}
              onKeyDown={onListKey}
              aria-label="Entities in this article, most central first"
            >
              {rows.map((e) => (
                <EntityRow
                  key={e.key}
                  entity={e}
                  entry={e.id ? state.entries[e.id] : undefined}
                  online={state.online?.views[e.key]}
                  onSelect={props.onSelectEntity}
                />
              ))}
            </ul>
            {listed.length < ranked.length && (
              <button type="button" class="link more-entities" onClick={() => setShowAll(true)}>
                Show all {ranked.length} entities
              </button>
            )}
            <FiguresList state={state} onSelectEntity={props.onSelectEntity} />
            {state.trail && (
              <TrailPanel
                view={state.trail}
                onOffer={(a) => props.onTrailOffer?.(a)}
                onOpenTrail={() => props.onOpenTrail?.()}
                onDeleteTrail={() => props.onDeleteTrail?.()}
              />
            )}
          </>
        )
      )}
      <footer class="foot">
        {state.result && state.result.entities.length > 0 && (
          <div class="export" role="group" aria-label="Export the glossary">
            <button type="button" onClick={() => props.onExport('markdown', 'copy')}>
              Copy Markdown
            </button>
            <button type="button" onClick={() => props.onExport('markdown', 'download')}>
              Markdown
            </button>
            <button type="button" onClick={() => props.onExport('csv', 'download')}>
              CSV
            </button>
            <button type="button" onClick={props.onPrint}>
              Handout
            </button>
          </div>
        )}
        {state.result && state.result.entities.some((e) => e.id) && props.onExportSources && (
          <SourcesExport onExport={props.onExportSources} />
        )}
        <div class="site">
          <label>
            On {props.siteName || 'this site'}:{' '}
            <select
              value={props.sitePolicy}
              onChange={(e) => props.onSetSitePolicy((e.currentTarget as HTMLSelectElement).value as SitePolicy)}
            >
              <option value="default">Articles only</option>
              <option value="always">Always on this site</option>
              <option value="never">Never on this site</option>
            </select>
          </label>
          {props.highlightsSupported && (
            <label>
              <input type="checkbox" checked={props.highlightsOn} onChange={props.onToggleHighlights} /> Highlight names
            </label>
          )}
        </div>
        <p class="privacy">
          {state.online?.status === 'on'
            ? 'Online mode: only names are sent to Wikipedia and Wikidata, never this page’s address or text.'
            : 'Runs in your browser. Nothing about this page leaves it.'}
        </p>
      </footer>
    </aside>
  );
}

/**
 * The sidebar's state and how it changes: a reducer, tested without a DOM.
 * Components read the state and dispatch actions; nothing else mutates it.
 */
import type { AnalysisResult, Entity, EntityType } from '../../lib/engine/types.ts';
import type { EntryViews, RelatedNames } from '../../lib/messaging/protocol.ts';
import type { TrailView } from '../../lib/trail/types.ts';
import type { OnlineStatus, OnlineView } from '../../lib/online/view.ts';
import { DEFAULT_SETTINGS, SIDEBAR_MAX_WIDTH, SIDEBAR_MIN_WIDTH } from '../../lib/storage/settings.ts';

export type TypeFilter = 'all' | 'organization' | 'person' | 'place' | 'initiative' | 'event';

/** Which entity types each filter shows (countries and groups count as places and organisations). */
export const FILTER_TYPES: Record<Exclude<TypeFilter, 'all'>, EntityType[]> = {
  organization: ['organization', 'group'],
  person: ['person'],
  place: ['country', 'place'],
  initiative: ['initiative', 'concept'],
  event: ['event'],
};

export type Status =
  | { kind: 'idle' }
  | { kind: 'loading'; message: string }
  | { kind: 'error'; message: string }
  | { kind: 'ready' }
  | { kind: 'empty'; message: string };

export interface SidebarState {
  status: Status;
  title: string;
  url: string;
  /** The article text the offsets refer to (for mention snippets). */
  text: string;
  result: AnalysisResult | null;
  entries: EntryViews;
  relatedNames: RelatedNames;
  filter: TypeFilter;
  query: string;
  /** Key of the entity whose card is open, or null for the list. */
  selected: string | null;
  /** Index of the mention last jumped to, per entity key. */
  mentionCursor: Record<string, number>;
  announcement: string;
  /** The frame: whether the sidebar is shown at all, folded to its tab, and how wide (px). */
  open: boolean;
  collapsed: boolean;
  width: number;
  /** What the reading trail says about this article (null: not asked yet). */
  trail: TrailView | null;
  /** Online mode for this article (null: not asked yet). */
  online: OnlineState | null;
}

/** Online mode's answers for this article (issue 17), by entity key, and how the look-up went. */
export interface OnlineState {
  status: OnlineStatus;
  /** Names the knowledge base lacks, for the offer's count ("Look up 7 names on Wikipedia?"). */
  unknownCount: number;
  /** Looking names up now. */
  pending: boolean;
  views: Record<string, OnlineView>;
  /** A quiet line: a failure, or where to confirm the offer. */
  note: string | null;
}

export const initialState: SidebarState = {
  status: { kind: 'idle' },
  title: '',
  url: '',
  text: '',
  result: null,
  entries: {},
  relatedNames: {},
  filter: 'all',
  query: '',
  selected: null,
  mentionCursor: {},
  announcement: '',
  open: false,
  collapsed: false,
  width: DEFAULT_SETTINGS.sidebarWidth,
  trail: null,
  online: null,
};

export type Action =
  | { type: 'loading'; message: string }
  | { type: 'error'; message: string }
  | { type: 'empty'; message: string }
  | {
      type: 'loaded';
      result: AnalysisResult;
      entries: EntryViews;
      relatedNames: RelatedNames;
      url: string;
      text: string;
      refresh?: boolean;
    }
  | {
      type: 'add-entries';
      entries: EntryViews;
      relatedNames?: RelatedNames;
    }
  | { type: 'filter'; filter: TypeFilter }
  | { type: 'query'; query: string }
  | { type: 'select'; key: string | null }
  | { type: 'mention'; key: string; index: number }
  /** Say something to screen readers (an export done, …) without changing anything else. */
  | { type: 'announce'; message: string }
  | { type: 'open' }
  | { type: 'close' }
  | { type: 'collapse'; collapsed: boolean }
  | { type: 'resize'; width: number }
  | { type: 'trail'; view: TrailView | null }
  | { type: 'online'; online: OnlineState | null }
  /** A new page (single-page-app navigation): nothing of the old article is kept; the frame stays as it is. */
  | { type: 'reset' };

export function reducer(state: SidebarState, action: Action): SidebarState {
  switch (action.type) {
    case 'loading':
      return { ...state, status: { kind: 'loading', message: action.message }, announcement: action.message };
    case 'error':
      return { ...state, status: { kind: 'error', message: action.message }, announcement: action.message };
    case 'empty':
      return {
        ...state,
        status: { kind: 'empty', message: action.message },
        result: null,
        announcement: action.message,
      };
    case 'loaded': {
      const n = action.result.entities.length;
      const keep = action.refresh && state.result !== null;
      const selectedStillThere =
        keep &&
        state.selected !== null &&
        (action.result.entities.some((e) => e.key === state.selected) ||
          !!action.entries[state.selected] ||
          !!state.entries[state.selected]);
      return {
        ...state,
        status: n
          ? { kind: 'ready' }
          : { kind: 'empty', message: 'Backstory found no names it knows in this article.' },
        title: action.result.title,
        url: action.url,
        text: action.text,
        result: action.result,
        entries: { ...state.entries, ...action.entries },
        relatedNames: { ...state.relatedNames, ...action.relatedNames },
        selected: selectedStillThere ? state.selected : null,
        mentionCursor: keep ? state.mentionCursor : {},
        announcement:
          keep && state.announcement.startsWith('Backstory found') && n === (state.result?.entities.length ?? -1)
            ? state.announcement
            : `Backstory found ${n} ${n === 1 ? 'entity' : 'entities'} in this article.`,
      };
    }
    case 'add-entries':
      return {
        ...state,
        entries: { ...state.entries, ...action.entries },
        relatedNames: action.relatedNames ? { ...state.relatedNames, ...action.relatedNames } : state.relatedNames,
      };
    case 'filter':
      return {
        ...state,
        filter: action.filter,
        announcement: `Showing ${visibleEntities({ ...state, filter: action.filter }).length} entities.`,
      };
    case 'query':
      return { ...state, query: action.query.slice(0, 100) };
    case 'select': {
      const name = action.key ? (entityByKey(state, action.key)?.name ?? state.entries[action.key]?.name) : null;
      return {
        ...state,
        selected: action.key,
        announcement: name ? `${name}: details open.` : 'Back to the list of entities.',
      };
    }
    case 'mention': {
      const e = entityByKey(state, action.key);
      const total = e?.mentions.length ?? 0;
      return {
        ...state,
        mentionCursor: { ...state.mentionCursor, [action.key]: action.index },
        announcement: e ? `Mention ${action.index + 1} of ${total} of ${e.name}.` : state.announcement,
      };
    }
    case 'announce':
      return { ...state, announcement: action.message };
    case 'open':
      return { ...state, open: true };
    case 'close':
      return { ...state, open: false };
    case 'collapse':
      return { ...state, collapsed: action.collapsed };
    case 'resize':
      return { ...state, width: clampWidth(action.width) };
    case 'trail':
      return { ...state, trail: action.view };
    case 'online':
      return { ...state, online: action.online };
    case 'reset':
      return { ...initialState, open: state.open, collapsed: state.collapsed, width: state.width };
  }
}

/** A sidebar width within the allowed range, in whole pixels. */
export function clampWidth(w: number): number {
  return Math.round(Math.min(SIDEBAR_MAX_WIDTH, Math.max(SIDEBAR_MIN_WIDTH, w)));
}

export function entityByKey(state: SidebarState, key: string): Entity | undefined {
  return state.result?.entities.find((e) => e.key === key);
}

export function visibleEntities(state: SidebarState): Entity[] {
  const list = state.result?.entities ?? [];
  const q = state.query.trim().toLowerCase();
  return list.filter((e) => {
    if (state.filter !== 'all' && !FILTER_TYPES[state.filter].includes(e.type)) return false;
    if (!q) return true;
    const entry = e.id ? state.entries[e.id] : undefined;
    return (
      e.name.toLowerCase().includes(q) ||
      (entry?.aliases ?? []).some((a) => a.toLowerCase().includes(q)) ||
      e.mentions.some((m) => m.text.toLowerCase().includes(q))
    );
  });
}

/** Next (or previous) mention index of an entity, wrapping around. */
export function stepMention(state: SidebarState, key: string, dir: 1 | -1): number {
  const e = entityByKey(state, key);
  const n = e?.mentions.length ?? 0;
  if (!n) return -1;
  const cur = state.mentionCursor[key];
  if (cur === undefined) return dir === 1 ? 0 : n - 1;
  return (cur + dir + n) % n;
}

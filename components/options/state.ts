/**
 * The options page's state and how it changes: a reducer plus small pure helpers,
 * tested without a DOM. OptionsApp sends the messages and dispatches what came
 * back; OptionsPage only reads this state.
 */
import type { PackInfo } from '../../lib/messaging/protocol.ts';
import { MAX_MESSAGE_CHARS } from '../../lib/messaging/protocol.ts';
import { siteKey, type Settings, type SitePolicy } from '../../lib/storage/settings.ts';
import type { ManagedView } from '../../lib/storage/managed.ts';
import { formatNumber } from '../shared/labels.ts';

/** Hover delays the background accepts, ms. */
export const DELAY_MIN = 0;
export const DELAY_MAX = 3000;

export type ImportStatus =
  | { kind: 'idle' }
  | { kind: 'busy'; fileName: string }
  | { kind: 'failed'; fileName: string; message: string }
  | {
      kind: 'done';
      fileName: string;
      id: string;
      title: string;
      entries: number;
      overrides: string[];
      replaced: boolean;
    };

export interface OptionsState {
  load: { kind: 'loading' } | { kind: 'ready' } | { kind: 'failed'; message: string };
  settings: Settings | null;
  /** Sites with their own policy; 'default' is never stored. */
  sites: Record<string, Exclude<SitePolicy, 'default'>>;
  packs: PackInfo[];
  /** What a school's policy sets (null: no policy, or a background that does not say). */
  managed: ManagedView | null;
  import: ImportStatus;
  /** Id of the user pack whose delete is waiting for confirmation. */
  confirmDelete: string | null;
  /** The last failed action, shown in an alert until dismissed or replaced. */
  error: string | null;
  /** Polite live-region text; `seq` changes with every announcement so a repeated "Saved" is spoken again. */
  announcement: { text: string; seq: number };
}

export const initialState: OptionsState = {
  load: { kind: 'loading' },
  settings: null,
  sites: {},
  packs: [],
  managed: null,
  import: { kind: 'idle' },
  confirmDelete: null,
  error: null,
  announcement: { text: '', seq: 0 },
};

export type Action =
  | { type: 'loading' }
  | {
      type: 'loaded';
      settings: Settings;
      sites: Record<string, SitePolicy>;
      packs: PackInfo[];
      managed?: ManagedView;
    }
  | { type: 'load-failed'; message: string }
  /** Optimistic: the page shows the change at once, the save follows. */
  | { type: 'patch-settings'; patch: Partial<Settings> }
  /** The background's answer; `settings` is null when a newer save is still under way. */
  | { type: 'settings-saved'; settings: Settings | null }
  | { type: 'failed'; message: string }
  | { type: 'dismiss-error' }
  | { type: 'announce'; text: string }
  | { type: 'site-set'; host: string; policy: SitePolicy }
  | { type: 'pack-enabled'; id: string; enabled: boolean }
  | { type: 'confirm-delete'; id: string | null }
  | { type: 'pack-deleted'; id: string }
  | { type: 'import-start'; fileName: string }
  | { type: 'import-failed'; fileName: string; message: string }
  | { type: 'import-done'; fileName: string; id: string; title?: string; entries: number; overrides: string[] };

function announce(state: OptionsState, text: string): OptionsState['announcement'] {
  return { text, seq: state.announcement.seq + 1 };
}

function cleanSites(sites: Record<string, SitePolicy>): OptionsState['sites'] {
  const out: OptionsState['sites'] = {};
  for (const [host, policy] of Object.entries(sites)) if (policy === 'always' || policy === 'never') out[host] = policy;
  return out;
}

export function reducer(state: OptionsState, action: Action): OptionsState {
  switch (action.type) {
    case 'loading':
      return { ...state, load: { kind: 'loading' } };
    case 'loaded':
      return {
        ...state,
        load: { kind: 'ready' },
        settings: action.settings,
        sites: cleanSites(action.sites),
        packs: action.packs,
        managed: action.managed ?? null,
        confirmDelete: action.packs.some((p) => p.meta.id === state.confirmDelete && !p.builtin)
          ? state.confirmDelete
          : null,
      };
    case 'load-failed':
      return {
        ...state,
        load: { kind: 'failed', message: action.message },
        announcement: announce(state, action.message),
      };
    case 'patch-settings':
      if (!state.settings) return state;
      return { ...state, settings: { ...state.settings, ...action.patch } };
    case 'settings-saved':
      return {
        ...state,
        settings: action.settings ?? state.settings,
        error: null,
        announcement: announce(state, 'Saved'),
      };
    case 'failed':
      return { ...state, error: action.message };
    case 'dismiss-error':
      return { ...state, error: null };
    case 'announce':
      return { ...state, announcement: announce(state, action.text) };
    case 'site-set': {
      const sites = { ...state.sites };
      if (action.policy === 'default') delete sites[action.host];
      else sites[action.host] = action.policy;
      return { ...state, sites };
    }
    case 'pack-enabled':
      return {
        ...state,
        packs: state.packs.map((p) => (p.meta.id === action.id ? { ...p, enabled: action.enabled } : p)),
      };
    case 'confirm-delete':
      return { ...state, confirmDelete: action.id };
    case 'pack-deleted': {
      const gone = state.packs.find((p) => p.meta.id === action.id);
      return {
        ...state,
        packs: state.packs.filter((p) => p.builtin || p.meta.id !== action.id),
        confirmDelete: null,
        announcement: announce(state, `Deleted the pack “${gone?.meta.title ?? action.id}”.`),
      };
    }
    case 'import-start':
      return { ...state, import: { kind: 'busy', fileName: action.fileName } };
    case 'import-failed':
      return { ...state, import: { kind: 'failed', fileName: action.fileName, message: action.message } };
    case 'import-done': {
      const before = state.packs.find((p) => !p.builtin && p.meta.id === action.id);
      const status: ImportStatus = {
        kind: 'done',
        fileName: action.fileName,
        id: action.id,
        title: action.title ?? before?.meta.title ?? action.id,
        entries: action.entries,
        overrides: action.overrides,
        replaced: !!before,
      };
      return { ...state, import: status, announcement: announce(state, importSummary(status)) };
    }
  }
}

/** Sites in a stable, readable order. */
export function sortedSites(sites: OptionsState['sites']): [string, 'always' | 'never'][] {
  return Object.entries(sites).sort(([a], [b]) => a.localeCompare(b));
}

/**
 * What the user typed as a site → the host the background stores ("www." dropped),
 * or a reason it is not a site.
 */
export function normalizeHost(input: string): { ok: true; host: string } | { ok: false; error: string } {
  const text = input.trim();
  if (!text) return { ok: false, error: 'Type a site, for example example.com.' };
  if (/\s/.test(text)) return { ok: false, error: 'A site name has no spaces; type it like example.com.' };
  const host = siteKey(text.includes('://') ? text : `https://${text}`);
  if (!host || !/^[a-z0-9.-]+$|^\[[0-9a-f:]+\]$/i.test(host) || (!host.includes('.') && host !== 'localhost')) {
    return { ok: false, error: `“${text.slice(0, 80)}” is not a web site; type it like example.com.` };
  }
  return { ok: true, host };
}

/** A hover delay as typed → a whole number of ms in range, or why not. */
export function parseDelay(text: string): { ok: true; value: number } | { ok: false; error: string } {
  const t = text.trim();
  if (!/^\d+$/.test(t))
    return { ok: false, error: `Enter a whole number of milliseconds from ${DELAY_MIN} to ${DELAY_MAX}.` };
  const value = Number(t);
  if (value < DELAY_MIN || value > DELAY_MAX)
    return { ok: false, error: `Enter a number from ${DELAY_MIN} to ${DELAY_MAX}.` };
  return { ok: true, value };
}

/** A pack file's text is sent inside one message; the background refuses messages over MAX_MESSAGE_CHARS. */
export function importTooLarge(json: string): string | null {
  const size = JSON.stringify({ type: 'opt/import-pack', payload: { json } }).length;
  if (size <= MAX_MESSAGE_CHARS) return null;
  return `The file is too large to import here (about ${(json.length / 1e6).toFixed(1)} MB of text; at most about ${(MAX_MESSAGE_CHARS / 1e6).toFixed(1)} MB can be sent). Split it into smaller packs.`;
}

/** One sentence on what an import did, for the page and for screen readers. */
export function importSummary(s: Extract<ImportStatus, { kind: 'done' }>): string {
  const n = `${formatNumber(s.entries)} ${s.entries === 1 ? 'entry' : 'entries'}`;
  const verb = s.replaced ? 'Updated' : 'Imported';
  const over = s.overrides.length
    ? ` It replaces ${s.overrides.length} built-in ${s.overrides.length === 1 ? 'entry' : 'entries'} while it is switched on.`
    : ' It does not replace any built-in entry.';
  return `${verb} “${s.title}” (${s.id}) with ${n}.${over}`;
}

/** Errors from sending, in words a reader can act on. */
export function describeError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  if (/context invalidated|Extension context|Receiving end does not exist|disconnected/i.test(msg)) {
    return 'Backstory was updated or reloaded. Reload this page to continue.';
  }
  return msg || 'Something went wrong.';
}

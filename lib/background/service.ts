/**
 * What the background does, with every browser API passed in (so it is tested
 * with plain fakes): message checks, the knowledge base (built-in + user packs),
 * the engine, settings, site policies and pack import/export.
 */
import { parseHTML } from 'linkedom';
import { articleTokens } from '../page/extract.ts';
import { createEngine, type Engine } from '../engine/index.ts';
import type { KbIndex } from '../engine/types.ts';
import { mergePacks, type MergedKb } from '../kb/build-index.ts';
import type { KnowledgePack } from '../kb/schema.ts';
import { parsePackImport, PACK_IMPORT_LIMITS } from '../kb/import.ts';
import { findEntries } from '../kb/lookup.ts';
import {
  validateMessage,
  isTrustedSender,
  type Message,
  type Responses,
  type RequestType,
  type EntryView,
  type EntryViews,
  type PackInfo,
  type ContentMessage,
  type Launch,
  type RelatedNames,
} from '../messaging/protocol.ts';
import { sanitizeSettings, siteKey, type Settings, type SitePolicy } from '../storage/settings.ts';
import type { ManagedView } from '../storage/managed.ts';
import { createTabStatuses } from './tab-status.ts';
import { analyzeInTiers, type Tiers } from './tiers.ts';
import { createGazetteer, type Gazetteer, type GazetteerData } from '../kb/gazetteer.ts';
import { GAZETTEER_PACK } from '../kb/gazetteer-enrich.ts';
import type { Trail } from './trail.ts';
import { noOnline, type Online } from './online.ts';

export interface Store {
  getSettings(): Promise<Settings>;
  setSettings(s: Settings): Promise<void>;
  getSites(): Promise<Record<string, SitePolicy>>;
  setSites(s: Record<string, SitePolicy>): Promise<void>;
  getUserPacks(): Promise<KnowledgePack[]>;
  setUserPacks(p: KnowledgePack[]): Promise<void>;
  getDisabled(): Promise<string[]>;
  setDisabled(d: string[]): Promise<void>;
  /** What a school's policy sets (lib/storage/managed.ts), when the store applies one. */
  getManaged?(): Promise<ManagedView>;
}

export interface ServiceDeps {
  builtinPacks: KnowledgePack[];
  builtinIndex: KbIndex;
  store: Store;
  extensionId: string;
  /** URL prefix of the extension's own pages (options page). */
  extensionOrigin: string;
  injectAnalyzer(tabId: number, launch: Launch): Promise<boolean>;
  /** Load the citation formatter (cite.js) into the tab's top frame, beside the analyzer. */
  injectCite?(tabId: number): Promise<boolean>;
  setBadge(tabId: number, text: string): void;
  broadcast(message: ContentMessage): void;
  /** The gazetteer tier (generated/gazetteer.json), loaded on the first complete analysis. */
  loadGazetteer?(): Promise<GazetteerData>;
  /** The reading trail (lib/background/trail.ts); without it the trail's messages are refused. */
  trail?: Trail;
  /** Online mode (lib/background/online.ts); without it its messages are refused. */
  online?: Online;
}

interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string; incognito?: boolean };
  frameId?: number;
}

type Handler<T extends RequestType> = (payload: Message<T>['payload'], sender: Sender) => Promise<Responses[T]>;

/**
 * A page copy as a Document: the browser's own parser where the background has one (a
 * Firefox background page; the document is inert), else linkedom (Chrome's service worker
 * has no DOM).
 */
function parsePage(html: string): Document {
  if (typeof DOMParser === 'function') return new DOMParser().parseFromString(html, 'text/html');
  return parseHTML(html).document as unknown as Document;
}

export function createBackgroundService(deps: ServiceDeps) {
  const builtinIds = new Set(deps.builtinPacks.map((p) => p.pack.id));
  const statuses = createTabStatuses();
  /** Loaded once, lazily; null when it cannot be (the packs still work). */
  let gazetteer: Promise<{ gaz: Gazetteer; data: GazetteerData } | null> | null = null;
  const getGazetteer = () =>
    (gazetteer ??= (deps.loadGazetteer?.() ?? Promise.reject(new Error('no gazetteer'))).then(
      (data) => ({ gaz: createGazetteer(data), data }),
      () => null,
    ));
  /** Entries the gazetteer made for places (ids "geonames-…"), served like the packs' entries. */
  const gazetteerEntries = new Map<string, EntryView>();
  let tiers: Tiers | null = null;
  let kb: { merged: MergedKb | null; index: KbIndex; engine: Engine | null; entries: Map<string, EntryView> } | null =
    null;

  /** The knowledge base as the user configured it; rebuilt only when packs change. */
  async function getKb() {
    if (kb) return kb;
    const [userPacks, disabled] = await Promise.all([deps.store.getUserPacks(), deps.store.getDisabled()]);
    const builtinEnabled = deps.builtinPacks.filter((p) => !disabled.includes(p.pack.id));
    const custom = userPacks.filter((p) => !disabled.includes(p.pack.id));
    if (!custom.length && builtinEnabled.length === deps.builtinPacks.length) {
      // The common case: the index compiled at build time, no work at start-up.
      const entries = new Map<string, EntryView>();
      for (const p of deps.builtinPacks) for (const e of p.entries) entries.set(e.id, { ...e, pack: p.pack.id });
      kb = { merged: null, index: deps.builtinIndex, engine: null, entries };
    } else {
      const merged = mergePacks([...builtinEnabled, ...custom]);
      const entries = new Map<string, EntryView>();
      for (const [id, e] of merged.entries) {
        const o = merged.origin.get(id);
        entries.set(id, { ...e, pack: o?.pack ?? '', ...(o?.overrides ? { overrides: o.overrides } : {}) });
      }
      kb = { merged, index: merged.index, engine: null, entries };
    }
    return kb;
  }

  function invalidateKb() {
    kb = null;
    tiers = null;
  }

  async function getTiers(quick: boolean): Promise<Tiers> {
    const engine = await getEngine();
    // The quick pass never waits for the gazetteer; the complete pass loads it once.
    const g = quick && !tiers?.gazetteer ? null : await getGazetteer();
    if (!tiers || tiers.engine !== engine) tiers = { engine, gazetteer: null, foreign: {}, foreignEngines: new Map() };
    if (g && !tiers.gazetteer)
      Object.assign(tiers, { gazetteer: g.gaz, foreign: g.data.foreign ?? {}, foreignEngines: new Map() });
    return tiers;
  }

  async function getEngine(): Promise<Engine> {
    const k = await getKb();
    k.engine ??= createEngine(k.index);
    return k.engine;
  }

  async function viewsFor(ids: string[]): Promise<EntryViews> {
    const k = await getKb();
    const out: EntryViews = {};
    for (const id of ids) {
      const e = k.entries.get(id) ?? gazetteerEntries.get(id);
      if (e) out[id] = e;
    }
    return out;
  }

  /** Names and types of the entries these entries relate to, for their "Related" lists. */
  async function relatedNames(entries: EntryViews): Promise<RelatedNames> {
    const k = await getKb();
    const related: RelatedNames = {};
    for (const e of Object.values(entries)) {
      for (const r of e.related) {
        const target = k.entries.get(r.id);
        if (target) related[r.id] = { name: target.name, type: target.type };
      }
    }
    return related;
  }

  async function policyFor(url: string | undefined): Promise<SitePolicy> {
    const host = url ? siteKey(url) : null;
    if (!host) return 'default';
    const sites = await deps.store.getSites();
    return Object.prototype.hasOwnProperty.call(sites, host) ? sites[host]! : 'default';
  }

  async function setPolicy(host: string, policy: SitePolicy) {
    const key = siteKey(host.includes('://') ? host : `https://${host}`);
    if (!key) throw new Error('not a web site');
    const sites = { ...(await deps.store.getSites()) };
    if (policy === 'default') delete sites[key];
    else sites[key] = policy;
    await deps.store.setSites(sites);
    deps.broadcast({ type: 'bg/settings-changed' });
  }

  async function packInfos(): Promise<PackInfo[]> {
    const [userPacks, disabled] = await Promise.all([deps.store.getUserPacks(), deps.store.getDisabled()]);
    return [
      ...deps.builtinPacks.map((p) => ({
        meta: p.pack,
        entries: p.entries.length,
        builtin: true,
        enabled: !disabled.includes(p.pack.id),
      })),
      ...userPacks.map((p) => ({
        meta: p.pack,
        entries: p.entries.length,
        builtin: false,
        enabled: !disabled.includes(p.pack.id),
      })),
    ];
  }

  const handlers: { [T in RequestType]: Handler<T> } = {
    'cs/page-seen': async (p, sender) => {
      const tabId = sender.tab?.id;
      if (tabId === undefined || sender.frameId) return { injected: false };
      const url = sender.tab?.url ?? p.url;
      const skip = () => (statuses.page(tabId, url, 'skipped'), { injected: false });
      const settings = await deps.store.getSettings();
      if (settings.paused) return skip();
      const policy = await policyFor(url);
      if (policy === 'never' || (policy === 'default' && !p.readerable)) return skip();
      statuses.page(tabId, url, 'loaded');
      return { injected: await deps.injectAnalyzer(tabId, { kind: 'auto' }) };
    },
    'cs/analyze': async (p, sender) => {
      const { result, entries: placed } = analyzeInTiers(
        { text: p.text, title: p.title, lang: p.lang, quick: p.quick, truncated: p.truncated, headings: p.headings },
        await getTiers(!!p.quick),
      );
      for (const [id, e] of placed) gazetteerEntries.set(id, { ...e, pack: GAZETTEER_PACK });
      // Entries of the most central entities first; the analyzer fetches the rest when idle.
      const skip = new Set(p.skipEntries ?? []);
      const ids = [...new Set(result.entities.map((e) => e.id).filter((x): x is string => !!x && !skip.has(x)))].slice(
        0,
        p.entryLimit ?? Infinity,
      );
      const entries = await viewsFor(ids);
      if (!p.quick) deps.trail?.analysed(sender.tab, sender.tab?.url ?? p.url, p.title, result);
      return { ok: true, value: { result, entries, related: await relatedNames(entries) } };
    },
    'cs/extract': async (p) => {
      try {
        return { ok: true, value: articleTokens(parsePage(p.html)) };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    },
    'cs/get-entries': async (p) => {
      const entries = await viewsFor(p.ids);
      return { ok: true, value: { entries, related: await relatedNames(entries) } };
    },
    'cs/report-count': async (p, sender) => {
      if (sender.tab?.id !== undefined) deps.setBadge(sender.tab.id, p.count ? String(Math.min(p.count, 999)) : '');
      return { ok: true, value: null };
    },
    'cs/report-outcome': async (p, sender) => {
      if (sender.tab?.id !== undefined) statuses.ran(sender.tab.id, sender.tab.url ?? '', p.outcome, p.count);
      return { ok: true, value: null };
    },
    'cs/get-settings': async (_p, sender) => ({
      ok: true,
      value: { settings: await deps.store.getSettings(), sitePolicy: await policyFor(sender.tab?.url) },
    }),
    'cs/save-ui-settings': async (p) => {
      // Settings are written here only; the page's patch is merged into what is stored.
      await deps.store.setSettings(sanitizeSettings({ ...(await deps.store.getSettings()), ...p }));
      deps.broadcast({ type: 'bg/settings-changed' });
      return { ok: true, value: null };
    },
    'cs/set-site-policy': async (p) => {
      await setPolicy(p.host, p.policy);
      return { ok: true, value: null };
    },
    'cs/lookup': async (p) => ({ ok: true, value: { entries: await lookup(p.query) } }),
    'cs/load-cite': async (_p, sender) => {
      const tabId = sender.tab?.id;
      // The analyzer runs in the top frame only; so does the formatter it asks for.
      if (tabId === undefined || sender.frameId)
        return { ok: false, error: 'citations are made in the top frame only' };
      return (await deps.injectCite?.(tabId))
        ? { ok: true, value: null }
        : { ok: false, error: 'the citation formatter could not be loaded' };
    },
    'opt/get-state': async () => ({
      ok: true,
      value: {
        settings: await deps.store.getSettings(),
        sites: await deps.store.getSites(),
        packs: await packInfos(),
        ...(deps.store.getManaged ? { managed: await deps.store.getManaged() } : {}),
      },
    }),
    'opt/save-settings': async (p) => {
      const next = sanitizeSettings({ ...(await deps.store.getSettings()), ...p.settings });
      await deps.store.setSettings(next);
      deps.broadcast({ type: 'bg/settings-changed' });
      return { ok: true, value: next };
    },
    'opt/import-pack': async (p) => {
      const userPacks = await deps.store.getUserPacks();
      const parsed = parsePackImport(p.json, { reservedIds: builtinIds, existing: userPacks });
      if (!parsed.ok) return parsed;
      const pack = parsed.value;
      const next = [...userPacks.filter((u) => u.pack.id !== pack.pack.id), pack];
      // A failed write (quota exceeded) leaves what was stored before untouched.
      try {
        await deps.store.setUserPacks(next);
      } catch (e) {
        return { ok: false, error: `The pack could not be saved (${(e as Error).message}). Nothing was changed.` };
      }
      invalidateKb();
      const builtinEntryIds = new Set(deps.builtinPacks.flatMap((b) => b.entries.map((e) => e.id)));
      const overrides = pack.entries.filter((e) => builtinEntryIds.has(e.id)).map((e) => e.id);
      return { ok: true, value: { id: pack.pack.id, entries: pack.entries.length, overrides } };
    },
    'opt/delete-pack': async (p) => {
      if (builtinIds.has(p.id))
        return { ok: false, error: 'Built-in packs cannot be deleted; switch them off instead.' };
      const userPacks = await deps.store.getUserPacks();
      if (!userPacks.some((u) => u.pack.id === p.id)) return { ok: false, error: `No pack "${p.id}".` };
      await deps.store.setUserPacks(userPacks.filter((u) => u.pack.id !== p.id));
      invalidateKb();
      return { ok: true, value: null };
    },
    'opt/set-pack-enabled': async (p) => {
      const disabled = new Set(await deps.store.getDisabled());
      if (p.enabled) disabled.delete(p.id);
      else disabled.add(p.id);
      await deps.store.setDisabled([...disabled].sort());
      invalidateKb();
      return { ok: true, value: null };
    },
    'opt/export-pack': async (p) => {
      const pack =
        deps.builtinPacks.find((b) => b.pack.id === p.id) ??
        (await deps.store.getUserPacks()).find((u) => u.pack.id === p.id);
      if (!pack) return { ok: false, error: `No pack "${p.id}".` };
      return {
        ok: true,
        value: { filename: `${pack.pack.id}-${pack.pack.version}.json`, json: JSON.stringify(pack, null, 2) + '\n' },
      };
    },
    'opt/set-site-policy': async (p) => {
      await setPolicy(p.host, p.policy);
      return { ok: true, value: null };
    },
    ...(deps.trail?.handlers ?? noTrail),
    ...(deps.online?.handlers ?? noOnline),
  };

  async function lookup(query: string): Promise<EntryView[]> {
    const k = await getKb();
    const hits = findEntries(query, k.index, 3);
    return hits.map((h) => k.entries.get(h.id)).filter((e): e is EntryView => !!e);
  }

  /**
   * Entry point for runtime.onMessage. Returns a promise of the response, or
   * undefined for messages that are not for us (so other listeners may answer).
   */
  function handle(raw: unknown, sender: Sender): Promise<unknown> | undefined {
    if (!isTrustedSender(sender, deps.extensionId)) return undefined;
    const checked = validateMessage(raw);
    if (!checked.ok) return Promise.resolve({ ok: false, error: checked.error });
    const { type, payload } = checked.message;
    // Options-page messages come only from the extension's own pages (which may be open in a
    // tab), never from a content script, whose sender URL is the web page's.
    const fromExtensionPage = !!sender.url?.startsWith(deps.extensionOrigin);
    // (A page saves its own sidebar settings with cs/save-ui-settings, whose schema admits nothing else.)
    if (type.startsWith('opt/') && !fromExtensionPage)
      return Promise.resolve({ ok: false, error: `${type} is not allowed from a web page` });
    if (type.startsWith('cs/') && (!sender.tab || fromExtensionPage))
      return Promise.resolve({ ok: false, error: `${type} must come from a tab` });
    const handler = handlers[type] as Handler<RequestType>;
    return handler(payload, sender).catch((e: unknown) => ({
      ok: false,
      error: (e as Error)?.message ?? 'internal error',
    }));
  }

  return {
    handle,
    lookup,
    /** What Backstory last did in this tab (the devtools surface, and what end-to-end tests wait on). */
    status: (tabId: number) => statuses.get(tabId),
    /** For tests. */
    invalidateKb,
  };
}

const trailOff = async () => ({ ok: false as const, error: 'The reading trail is not available here.' });
const noTrail: Trail['handlers'] = {
  'cs/trail-view': trailOff,
  'cs/trail-offer': trailOff,
  'cs/open-trail': trailOff,
  'cs/trail-delete-all': trailOff,
  'opt/trail-list': trailOff,
  'opt/trail-export': trailOff,
  'opt/trail-delete': trailOff,
};

export { PACK_IMPORT_LIMITS };
export type BackgroundService = ReturnType<typeof createBackgroundService>;

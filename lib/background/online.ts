/**
 * Online mode in the background (issue 17): the only place the extension asks Wikipedia and
 * Wikidata anything. A page's analyzer sends the names it wants looked up (cs/online-lookup);
 * this answers nothing unless the reader turned the mode on, the browser grants the hosts,
 * no school policy locks it off and the site is not set to "Never". Look-ups go through
 * lib/online (paced, batched, Api-User-Agent, time limits, failures as values) and a cache kept
 * in storage.local, so a name is fetched once a week, not per page. Browser APIs are passed in.
 */
import type { Message, Responses } from '../messaging/protocol.ts';
import type { Settings, SitePolicy } from '../storage/settings.ts';
import { lookupNames, TtlCache, createRateLimiter, type FetchLike, type OnlineInfo } from '../online/index.ts';
import { ONLINE_CACHE_TTL_MS, type CacheSnapshot } from '../online/cache.ts';
import type { Origins } from '../online/endpoints.ts';
import type { RateLimiter } from '../online/rate-limit.ts';
import { wikipediaPageUrl } from '../online/endpoints.ts';
import type { OnlineReply, OnlineStatus, OnlineView } from '../online/view.ts';

/** Entries kept in storage.local: each is at most a few kilobytes, so the cache stays well under the quota. */
export const PERSISTED_CACHE_ENTRIES = 500;
/** Wikimedia asks API clients to keep requests serial and modest: one every this many ms. */
export const REQUEST_INTERVAL_MS = 100;
/** After Wikipedia answers 429 (slow down), nothing is asked for this long. */
export const BACKOFF_MS = 5 * 60_000;
/** One page's look-ups give up after this; each request also has its own time limit. */
export const PAGE_DEADLINE_MS = 60_000;

export interface OnlineCacheStore {
  load(): Promise<unknown>;
  save(snapshot: CacheSnapshot<OnlineInfo>): Promise<void>;
  clear(): Promise<void>;
}

export interface OnlineDeps {
  getSettings(): Promise<Settings>;
  setSettings(s: Settings): Promise<void>;
  /** True when a school's policy fixes the onlineMode setting. */
  onlineLocked(): Promise<boolean>;
  policyFor(url: string): Promise<SitePolicy>;
  /** Whether the browser grants the online hosts now (permissions.contains). */
  hasPermission(): Promise<boolean>;
  /** Opens the options page at the online-mode switch, where a click can grant the permission. */
  openOptions(): Promise<void>;
  /** Tell open tabs the settings changed. */
  settingsChanged(): void;
  fetch: FetchLike;
  origins: Origins;
  cacheStore: OnlineCacheStore;
  now(): number;
  limiter?: RateLimiter;
}

interface TabInfo {
  id?: number;
  url?: string;
  incognito?: boolean;
}

const NOTE_SUFFIX = 'showing what Backstory knows offline.';
const noteFor = (problem: string) => `${problem.charAt(0).toUpperCase()}${problem.slice(1)}; ${NOTE_SUFFIX}`;

export function createOnline(deps: OnlineDeps) {
  const cache = new TtlCache<OnlineInfo>(ONLINE_CACHE_TTL_MS, PERSISTED_CACHE_ENTRIES, deps.now);
  const limiter = deps.limiter ?? createRateLimiter(REQUEST_INTERVAL_MS);
  let loaded: Promise<void> | null = null;
  const ready = () =>
    (loaded ??= deps.cacheStore.load().then(
      (s) => cache.load(s),
      () => undefined,
    ));
  /** One page's look-ups at a time, so the second of two tabs naming the same person reads the cache. */
  let queue: Promise<unknown> = Promise.resolve();
  let backoffUntil = 0;
  /** Bumped when the reader turns the mode off: look-ups still running send nothing more. */
  let generation = 0;

  async function status(tab: TabInfo | undefined): Promise<OnlineStatus> {
    const [settings, locked] = await Promise.all([deps.getSettings(), deps.onlineLocked()]);
    if (!settings.onlineMode) return locked ? 'locked' : 'off';
    if (tab?.url && (await deps.policyFor(tab.url)) === 'never') return 'site-off';
    // The reader (or the browser's own settings) took the permission away: off until granted again.
    return (await deps.hasPermission()) ? 'on' : 'off';
  }

  function toView(key: string, info: OnlineInfo): OnlineView {
    const s = info.summary;
    return {
      key,
      title: s?.title ?? null,
      description: s?.description ?? null,
      extract: s?.extract ?? null,
      url: s?.url ?? null,
      wikidata: s?.wikidata ?? null,
      fetched: info.fetched,
      facts: info.facts,
      choices: info.choices
        .slice(0, 3)
        .map((c) => ({ title: c.title, description: c.description, url: wikipediaPageUrl(c.key) })),
      problem: info.problem ?? null,
    };
  }

  async function lookup(tab: TabInfo | undefined, p: Message<'cs/online-lookup'>['payload']): Promise<OnlineReply> {
    const st = await status(tab);
    if (st !== 'on' || !p.names.length) return { status: st, views: [], note: null };
    if (deps.now() < backoffUntil)
      return { status: st, views: [], note: noteFor('Wikipedia asked Backstory to slow down; try again later') };
    const gen = generation;
    const guarded: FetchLike = (url, init) =>
      gen === generation ? deps.fetch(url, init) : Promise.reject(new Error('online mode was turned off'));
    const run = queue.then(async () => {
      await ready();
      // A private window's names are not kept after the look-up (the cache is stored on disk).
      const useCache = tab?.incognito ? new TtlCache<OnlineInfo>(ONLINE_CACHE_TTL_MS, 100, deps.now) : cache;
      const infos = await lookupNames(
        {
          fetch: guarded,
          origins: deps.origins,
          limiter,
          cache: useCache,
          now: () => new Date(deps.now()),
          deadline: deps.now() + PAGE_DEADLINE_MS,
        },
        p.names.map((n) => ({ name: n.name, title: n.title ?? null })),
        p.context,
      );
      if (useCache === cache && gen === generation)
        await deps.cacheStore.save(cache.toSnapshot()).catch(() => undefined);
      return infos;
    });
    queue = run.catch(() => undefined);
    const infos = await run;
    const problems = infos.map((i) => i.problem).filter((x): x is string => !!x && !/^no Wikipedia article/.test(x));
    if (problems.some((x) => /slow down/.test(x))) backoffUntil = deps.now() + BACKOFF_MS;
    return {
      status: st,
      views: infos.map((info, i) => toView(p.names[i]!.key, info)),
      note: problems.length ? noteFor(problems[0]!) : null,
    };
  }

  type OnlineType = 'cs/online-lookup' | 'cs/online-offer';
  const handlers: {
    [T in OnlineType]: (p: Message<T>['payload'], sender: { tab?: TabInfo }) => Promise<Responses[T]>;
  } = {
    'cs/online-lookup': async (p, sender) => ({ ok: true, value: await lookup(sender.tab, p) }),
    'cs/online-offer': async () => {
      if (await deps.onlineLocked()) return { ok: false, error: 'Online mode is set by your school or administrator.' };
      // permissions.request needs a click in an extension page: a page's sidebar cannot ask for
      // it. When the browser already grants the hosts, the reader's click on the offer is the
      // consent; otherwise the options page opens at the switch, where their click asks the browser.
      if (!(await deps.hasPermission())) {
        await deps.openOptions();
        return { ok: true, value: { on: false, openedOptions: true } };
      }
      await deps.setSettings({ ...(await deps.getSettings()), onlineMode: true });
      deps.settingsChanged();
      return { ok: true, value: { on: true, openedOptions: false } };
    },
  };

  return {
    handlers,
    status,
    /** The reader turned online mode off: nothing of what was looked up is kept. */
    async forget(): Promise<void> {
      generation++;
      cache.clear();
      backoffUntil = 0;
      await deps.cacheStore.clear().catch(() => undefined);
    },
    /** For tests: resolves once the running look-ups are done. */
    settled: () => queue,
  };
}

export type Online = ReturnType<typeof createOnline>;

const onlineOff = async () => ({ ok: false as const, error: 'Online mode is not available here.' });
/** The handlers of a background without online mode (tests, and the service's default). */
export const noOnline: Online['handlers'] = {
  'cs/online-lookup': onlineOff,
  'cs/online-offer': onlineOff,
};

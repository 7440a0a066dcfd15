/**
 * The reading trail in the background (issue 19): records each fully analysed article when
 * the reader has turned the trail on (never for a "never" site or a private window), prunes
 * records past the retention limit, answers the sidebar (per-entity counts, the coverage
 * comparison, the one-line offer) and the trail page (list, search, export, delete).
 * Browser APIs and stores are passed in, so it is tested with fakes and fake-indexeddb.
 */
import type { AnalysisResult } from '../engine/types.ts';
import type { Message, Responses } from '../messaging/protocol.ts';
import type { Settings, SitePolicy } from '../storage/settings.ts';
import { compareCoverage, entityTrails } from '../trail/compare.ts';
import type { TrailDb } from '../trail/db.ts';
import { trailCsv, trailJson } from '../trail/export.ts';
import { toTrailArticle, trailUrl, whyNotRecorded } from '../trail/record.ts';
import type { OfferState, TrailArticle, TrailSummary, TrailView } from '../trail/types.ts';

/** The offer to turn the trail on is made once this many articles have been analysed. */
export const OFFER_AFTER = 3;

export interface TrailDeps {
  db: TrailDb;
  getSettings(): Promise<Settings>;
  /** Saves the settings (refused with an error when a school's policy locks the trail). */
  setSettings(s: Settings): Promise<void>;
  policyFor(url: string): Promise<SitePolicy>;
  /** True when a school's policy fixes the readingTrail setting (no offer is made then). */
  trailLocked(): Promise<boolean>;
  getOffer(): Promise<OfferState>;
  setOffer(s: OfferState): Promise<void>;
  /** Opens the trail page in a tab. */
  openTrailPage(): Promise<void>;
  now(): number;
}

interface TabInfo {
  id?: number;
  url?: string;
  incognito?: boolean;
}

export function createTrail(deps: TrailDeps) {
  /** The article each tab last showed, kept in memory only, for that tab's sidebar. */
  const current = new Map<number, { article: TrailArticle; incognito: boolean; recorded: boolean }>();
  /** The last write, which a view waits for so it counts the article just read. */
  let pending: Promise<unknown> = Promise.resolve();

  /** Writes one after another; a failed write is said in the console and does not stop the next. */
  function enqueue(write: () => Promise<void>): void {
    pending = pending.then(write).catch((e: unknown) => {
      console.warn('Backstory: the reading trail could not be written:', (e as Error)?.message);
    });
  }

  async function record(tab: TabInfo | undefined, article: TrailArticle) {
    const settings = await deps.getSettings();
    const incognito = !!tab?.incognito;
    const url = article.url;
    const why = whyNotRecorded(
      { trailOn: settings.readingTrail, incognito, sitePolicy: await deps.policyFor(url) },
      url,
    );
    // The same page analysed again (a live page's update, the reader's retry) is not another article read.
    const again = tab?.id !== undefined && current.get(tab.id)?.article.url === url;
    if (tab?.id !== undefined) current.set(tab.id, { article, incognito, recorded: !why });
    if (!why) {
      await deps.db.prune(settings.trailRetentionDays, deps.now());
      await deps.db.put(article);
    } else if (!settings.readingTrail && !incognito && !again) {
      const offer = await deps.getOffer();
      if (offer.analysed < OFFER_AFTER) await deps.setOffer({ ...offer, analysed: offer.analysed + 1 });
    }
  }

  async function view(tab: TabInfo | undefined): Promise<TrailView> {
    await pending;
    const settings = await deps.getSettings();
    const cur = tab?.id !== undefined ? current.get(tab.id) : undefined;
    const offer = await deps.getOffer();
    const offering =
      !settings.readingTrail && !offer.dismissed && offer.analysed >= OFFER_AFTER && !(await deps.trailLocked());
    const base: TrailView = {
      enabled: settings.readingTrail,
      offer: offering && !cur?.incognito,
      recorded: !!cur?.recorded,
      stored: 0,
      entities: [],
      comparison: null,
    };
    // A private window's sidebar shows nothing of the trail (nor is anything of it recorded).
    if (!settings.readingTrail || !cur || cur.incognito) return base;
    const trail = await deps.db.all();
    return {
      ...base,
      // Recorded, and still there: the reader may have deleted it (or the whole trail) since.
      recorded: base.recorded && trail.some((a) => a.url === cur.article.url),
      stored: trail.length,
      entities: entityTrails(cur.article, trail),
      comparison: compareCoverage(cur.article, trail),
    };
  }

  async function list(query: string): Promise<TrailSummary[]> {
    const settings = await deps.getSettings();
    await deps.db.prune(settings.trailRetentionDays, deps.now());
    const q = query.trim().toLowerCase();
    const all = await deps.db.all();
    return all
      .filter(
        (a) =>
          !q ||
          a.title.toLowerCase().includes(q) ||
          a.outlet.includes(q) ||
          a.url.toLowerCase().includes(q) ||
          a.entities.some((e) => e.name.toLowerCase().includes(q)),
      )
      .map((a) => ({
        url: a.url,
        title: a.title,
        outlet: a.outlet,
        readAt: a.readAt,
        entities: a.entities.length,
        names: a.entities.slice(0, 8).map((e) => e.name),
      }));
  }

  type TrailType =
    | 'cs/trail-view'
    | 'cs/trail-offer'
    | 'cs/open-trail'
    | 'cs/trail-delete-all'
    | 'opt/trail-list'
    | 'opt/trail-export'
    | 'opt/trail-delete';
  const handlers: {
    [T in TrailType]: (p: Message<T>['payload'], sender: { tab?: TabInfo }) => Promise<Responses[T]>;
  } = {
    'cs/trail-view': async (_p, sender) => ({ ok: true, value: await view(sender.tab) }),
    'cs/trail-offer': async (p, sender) => {
      if (p.accept) {
        await deps.setSettings({ ...(await deps.getSettings()), readingTrail: true });
        // The article the reader accepted on is the trail's first (the same rules apply to it).
        const cur = sender.tab?.id !== undefined ? current.get(sender.tab.id) : undefined;
        if (cur) enqueue(() => record(sender.tab, cur.article));
      } else await deps.setOffer({ ...(await deps.getOffer()), dismissed: true });
      return { ok: true, value: null };
    },
    'cs/trail-delete-all': async () => {
      await pending;
      await deps.db.deleteAll();
      return { ok: true, value: null };
    },
    'cs/open-trail': async () => {
      await deps.openTrailPage();
      return { ok: true, value: null };
    },
    'opt/trail-list': async (p) => ({ ok: true, value: { articles: await list(p.query ?? '') } }),
    'opt/trail-export': async (p) => {
      const articles = await deps.db.all();
      const day = new Date(deps.now()).toISOString().slice(0, 10);
      return {
        ok: true,
        value:
          p.format === 'json'
            ? { filename: `backstory-trail-${day}.json`, text: trailJson(articles) }
            : { filename: `backstory-trail-${day}.csv`, text: trailCsv(articles) },
      };
    },
    'opt/trail-delete': async (p) => {
      if (p.scope === 'all') await deps.db.deleteAll();
      else if (p.scope === 'site') await deps.db.deleteOutlet(p.outlet);
      else await deps.db.deleteArticle(trailUrl(p.url));
      return { ok: true, value: null };
    },
  };

  return {
    /** An article was fully analysed in a tab: record it if the rules allow (the reply does not wait for it). */
    analysed(tab: TabInfo | undefined, url: string, title: string, result: AnalysisResult): void {
      const article = toTrailArticle(url, title, result, deps.now());
      enqueue(() => record(tab, article));
    },
    view,
    list,
    handlers,
    /** For tests: resolves once the last recording is done. */
    settled: () => pending,
  };
}

export type Trail = ReturnType<typeof createTrail>;
export type TrailRequestType = keyof Trail['handlers'];

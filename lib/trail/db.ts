/**
 * The trail's storage: one IndexedDB database in the extension's own origin (the background
 * opens it; web pages cannot reach it), one object store of TrailArticle keyed by URL, with
 * indexes on the date read (pruning, newest first) and the outlet (delete one site).
 * It uses the global indexedDB (a Chrome service worker and a Firefox background page both
 * have it); unit tests put fake-indexeddb there.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { TrailArticle } from './types.ts';

export const TRAIL_DB = 'backstory-trail';
export const TRAIL_STORE = 'articles';
const DAY_MS = 86_400_000;

interface TrailSchema extends DBSchema {
  articles: { key: string; value: TrailArticle; indexes: { readAt: number; outlet: string } };
}

export interface TrailDb {
  put(article: TrailArticle): Promise<void>;
  get(url: string): Promise<TrailArticle | undefined>;
  /** Every record, newest first. */
  all(): Promise<TrailArticle[]>;
  /** Records read at or after `since` (ms), newest first. */
  since(since: number): Promise<TrailArticle[]>;
  count(): Promise<number>;
  deleteArticle(url: string): Promise<void>;
  /** Deletes every record of one outlet; returns how many. */
  deleteOutlet(outlet: string): Promise<number>;
  deleteAll(): Promise<void>;
  /** Deletes records read more than `days` days before `now`; returns how many. */
  prune(days: number, now: number): Promise<number>;
}

export function openTrailDb(): TrailDb {
  let db: Promise<IDBPDatabase<TrailSchema>> | null = null;
  const open = () =>
    (db ??= openDB<TrailSchema>(TRAIL_DB, 1, {
      upgrade(d) {
        const store = d.createObjectStore(TRAIL_STORE, { keyPath: 'url' });
        store.createIndex('readAt', 'readAt');
        store.createIndex('outlet', 'outlet');
      },
    }));

  async function newestFirst(range?: IDBKeyRange): Promise<TrailArticle[]> {
    const out: TrailArticle[] = [];
    let cursor = await (await open()).transaction(TRAIL_STORE).store.index('readAt').openCursor(range, 'prev');
    while (cursor) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  }

  async function deleteRange(index: 'readAt' | 'outlet', range: IDBKeyRange): Promise<number> {
    const tx = (await open()).transaction(TRAIL_STORE, 'readwrite');
    let n = 0;
    let cursor = await tx.store.index(index).openCursor(range);
    while (cursor) {
      await cursor.delete();
      n++;
      cursor = await cursor.continue();
    }
    await tx.done;
    return n;
  }

  return {
    async put(article) {
      await (await open()).put(TRAIL_STORE, article);
    },
    async get(url) {
      return (await open()).get(TRAIL_STORE, url);
    },
    all: () => newestFirst(),
    since: (since) => newestFirst(IDBKeyRange.lowerBound(since)),
    async count() {
      return (await open()).count(TRAIL_STORE);
    },
    async deleteArticle(url) {
      await (await open()).delete(TRAIL_STORE, url);
    },
    deleteOutlet: (outlet) => deleteRange('outlet', IDBKeyRange.only(outlet)),
    async deleteAll() {
      await (await open()).clear(TRAIL_STORE);
    },
    prune: (days, now) => deleteRange('readAt', IDBKeyRange.upperBound(now - days * DAY_MS, true)),
  };
}

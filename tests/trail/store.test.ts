/**
 * The trail's IndexedDB store (fake-indexeddb here; the same idb calls run in the Chrome
 * service worker and the Firefox background page): one record per URL, newest first,
 * deleting one article, one site or everything, and pruning by age.
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openTrailDb, type TrailDb } from '../../lib/trail/db.ts';
import { article, DAY, entity, NOW } from './helpers.ts';

let db: TrailDb;
beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  db = openTrailDb();
});

describe('trail store', () => {
  it('keeps one record per URL (reading a page again replaces it) and lists newest first', async () => {
    await db.put(article('https://a.example/1', [entity('sco', 'SCO')], NOW - 2 * DAY));
    await db.put(article('https://b.example/2', [entity('sco', 'SCO')], NOW - DAY));
    await db.put(article('https://a.example/1', [entity('sco', 'SCO')], NOW));
    expect(await db.count()).toBe(2);
    expect((await db.all()).map((a) => a.url)).toEqual(['https://a.example/1', 'https://b.example/2']);
    expect((await db.get('https://b.example/2'))?.entities[0]?.name).toBe('SCO');
  });

  it('lists the records read since a date', async () => {
    await db.put(article('https://a.example/old', [], NOW - 20 * DAY));
    await db.put(article('https://a.example/new', [], NOW - 3 * DAY));
    expect((await db.since(NOW - 14 * DAY)).map((a) => a.url)).toEqual(['https://a.example/new']);
  });

  it('deletes one article, one site, or everything', async () => {
    await db.put(article('https://a.example/1', []));
    await db.put(article('https://a.example/2', []));
    await db.put(article('https://b.example/1', []));
    await db.put(article('https://c.example/1', []));
    await db.deleteArticle('https://c.example/1');
    expect(await db.count()).toBe(3);
    expect(await db.deleteOutlet('a.example')).toBe(2);
    expect((await db.all()).map((a) => a.url)).toEqual(['https://b.example/1']);
    await db.deleteAll();
    expect(await db.count()).toBe(0);
  });

  it('prunes records older than the retention limit and keeps the rest', async () => {
    await db.put(article('https://a.example/91', [], NOW - 91 * DAY));
    await db.put(article('https://a.example/89', [], NOW - 89 * DAY));
    expect(await db.prune(90, NOW)).toBe(1);
    expect((await db.all()).map((a) => a.url)).toEqual(['https://a.example/89']);
  });
});

/**
 * Online mode's core (issue 17): requests and their failures, title resolution with the
 * article's context, disambiguation pages, Wikidata claims as cited facts, cache expiry and
 * size, the request pace, and "Wikidata now says" comparisons — all against a fake in the
 * real APIs' formats, with no network.
 */
import { describe, it, expect } from 'vitest';
import { getJson, API_USER_AGENT, type FetchLike } from '../../lib/online/http.ts';
import { DEFAULT_ORIGINS, entitiesUrl, searchTitleUrl, summaryUrl } from '../../lib/online/endpoints.ts';
import { chooseTitle } from '../../lib/online/resolve.ts';
import { fetchSummary } from '../../lib/online/wikipedia.ts';
import { claimsToFacts, wikidataTime, type WikidataEntity } from '../../lib/online/wikidata.ts';
import { TtlCache } from '../../lib/online/cache.ts';
import { createRateLimiter } from '../../lib/online/rate-limit.ts';
import { disagreements, lookupNames, type OnlineInfo } from '../../lib/online/index.ts';
import { normalizeFact } from '../../lib/kb/schema.ts';
import { answer, ENTITIES } from '../fixtures/wikimedia.ts';

const ORIGINS = { wikipedia: 'https://wp.test', wikidata: 'https://wd.test' };

/** A FetchLike over the fixtures, recording every URL and header it was asked for. */
function fakeFetch(override?: (url: string) => { status: number; body: unknown } | 'hang' | 'offline' | undefined) {
  const calls: { url: string; headers: Record<string, string> }[] = [];
  const f: FetchLike = async (url, init) => {
    calls.push({ url, headers: init.headers });
    const o = override?.(url);
    if (o === 'offline') throw new TypeError('Failed to fetch');
    if (o === 'hang')
      return new Promise((_, reject) => init.signal.addEventListener('abort', () => reject(new Error('aborted'))));
    const [status, body] = o ? [o.status, o.body] : answer(url.replace(/^https:\/\/(wp|wd)\.test/, ''));
    return {
      ok: status >= 200 && status < 300,
      status,
      json: async () => {
        if (typeof body === 'string') return JSON.parse(body);
        return body;
      },
    };
  };
  return { f, calls };
}

const instantLimiter = () => createRateLimiter(0, { now: () => 0, sleep: async () => undefined });
const deps = (f: FetchLike, now = new Date('2026-12-04T10:00:00Z')) => ({
  fetch: f,
  origins: ORIGINS,
  limiter: instantLimiter(),
  cache: new TtlCache<OnlineInfo>(7 * 24 * 3600 * 1000, 100, () => now.getTime()),
  now: () => now,
});

describe('lib/online/endpoints: the real APIs’ paths', () => {
  it('builds the summary, title-search and wbgetentities URLs', () => {
    expect(summaryUrl(DEFAULT_ORIGINS, 'Halden River Trust')).toBe(
      'https://en.wikipedia.org/api/rest_v1/page/summary/Halden_River_Trust',
    );
    expect(searchTitleUrl(DEFAULT_ORIGINS, 'Mercury Valley')).toBe(
      'https://en.wikipedia.org/w/rest.php/v1/search/title?q=Mercury%20Valley&limit=5',
    );
    expect(entitiesUrl(DEFAULT_ORIGINS, ['Q1', 'Q2'])).toMatch(
      /^https:\/\/www\.wikidata\.org\/w\/api\.php\?action=wbgetentities&ids=Q1%7CQ2&props=claims%7Clabels&languages=en&format=json/,
    );
  });
});

describe('lib/online/http: every failure is a value', () => {
  it('sends the Api-User-Agent header Wikimedia asks for', async () => {
    const { f, calls } = fakeFetch();
    await getJson(f, 'https://wp.test/api/rest_v1/page/summary/Halden_River_Trust');
    expect(calls[0]!.headers['Api-User-Agent']).toBe(API_USER_AGENT);
  });

  it.each([
    [{ status: 404, body: {} }, 'not-found'],
    [{ status: 429, body: {} }, 'rate-limited'],
    [{ status: 500, body: {} }, 'server'],
    [{ status: 200, body: '<html>not json' }, 'malformed'],
    ['offline' as const, 'offline'],
  ])('answers %j as %s', async (o, reason) => {
    const { f } = fakeFetch(() => o);
    expect(await getJson(f, 'https://wp.test/x')).toMatchObject({ ok: false, reason });
  });

  it('gives up after its timeout on a server that never answers', async () => {
    const { f } = fakeFetch(() => 'hang');
    expect(await getJson(f, 'https://wp.test/x', 50)).toEqual({ ok: false, reason: 'timeout' });
  });
});

describe('lib/online/wikipedia: summaries as plain text', () => {
  it('reads the extract, never the HTML extract, and the Wikidata id', async () => {
    const { f } = fakeFetch();
    const s = await fetchSummary(f, ORIGINS, 'Halden River Trust');
    expect(s.ok && s.value).toMatchObject({
      type: 'standard',
      canonical: 'Halden_River_Trust',
      wikidata: 'Q900001',
      url: 'https://en.wikipedia.org/wiki/Halden_River_Trust',
    });
    expect(JSON.stringify(s)).not.toMatch(/<img|onerror|<p>/);
  });

  it('refuses a summary missing its required fields as malformed', async () => {
    const { f } = fakeFetch(() => ({ status: 200, body: { extract: 'no type or title' } }));
    expect(await fetchSummary(f, ORIGINS, 'X')).toEqual({ ok: false, reason: 'malformed' });
  });
});

describe('lib/online/resolve: which article the name means', () => {
  const candidates = [
    { key: 'Mercury_Valley', title: 'Mercury Valley', description: 'Topics referred to by the same term' },
    { key: 'Mercury_Valley_Mine', title: 'Mercury Valley Mine', description: 'Former cinnabar mine' },
    {
      key: 'Mercury_Valley_Observatory',
      title: 'Mercury Valley Observatory',
      description: 'Astronomical observatory of the space agency',
    },
  ];

  it('never answers with a disambiguation page, and picks by the article’s other names', () => {
    const r = chooseTitle('Mercury Valley', candidates, ['Northwind Space Agency', 'observatory']);
    expect(r.title).toBe('Mercury Valley Observatory');
    expect(r.reason).toMatch(/words? from the article's other names/);
  });

  it('shows the choices instead of guessing when nothing in the article decides', () => {
    const r = chooseTitle('Mercury Valley', candidates, ['weather']);
    expect(r.title).toBeNull();
    expect(r.choices.map((c) => c.title)).toEqual(['Mercury Valley Mine', 'Mercury Valley Observatory']);
  });

  it('takes the exact title when it is the only close match', () => {
    const r = chooseTitle(
      'Halden River Trust',
      [{ key: 'Halden_River_Trust', title: 'Halden River Trust', description: null }],
      [],
    );
    expect(r.title).toBe('Halden River Trust');
  });
});

describe('lib/online/wikidata: claims as cited facts', () => {
  const labels = (id: string) => (ENTITIES[id] as WikidataEntity | undefined)?.labels?.en?.value;
  const facts = claimsToFacts(ENTITIES.Q900001 as WikidataEntity, labels, '2026-12-04');
  const byLabel = Object.fromEntries(facts.map((f) => [f.label, f]));

  it('writes times at their precision', () => {
    expect(wikidataTime({ time: '+1987-03-01T00:00:00Z', precision: 10 })).toBe('1987-03');
    expect(wikidataTime({ time: '+2024-01-01T00:00:00Z', precision: 9 })).toBe('2024');
    expect(byLabel.Founded).toMatchObject({ value: '1987-03', kind: 'history', asOf: undefined });
  });

  it('takes the latest point in time for a series, with its date and the statement’s reference', () => {
    expect(byLabel.Employees).toMatchObject({ value: 145, kind: 'count', asOf: '2024' });
    expect(byLabel.Employees!.note).toContain('https://trust.example.org/annual-report-2024');
  });

  it('gives quantities their unit and items their label, never a Q-id', () => {
    expect(byLabel.Revenue).toMatchObject({ value: 5_200_000, unit: 'USD', kind: 'economy' });
    expect(byLabel.Headquarters).toMatchObject({ value: 'Port Halden', kind: 'attribute' });
    expect(JSON.stringify(facts.map((f) => f.value))).not.toMatch(/Q\d+/);
  });

  it('prefers the preferred statement, skips deprecated and ended ones, and says since when', () => {
    expect(byLabel['Chief executive']).toMatchObject({ value: 'Maria Ostrova', kind: 'office', asOf: '2026-12-04' });
    expect(byLabel['Chief executive']!.note).toContain('since 2022-05-01');
  });

  it('cites each fact as a Wikidata statement by item and property, retrieved today', () => {
    expect(byLabel.Employees!.source).toEqual({
      url: 'https://www.wikidata.org/wiki/Q900001#P1128',
      publisher: 'Wikidata',
      title: 'Halden River Trust (Q900001), employees (P1128)',
      retrieved: '2026-12-04',
    });
  });
});

describe('lib/online/cache and rate limit', () => {
  it('expires entries after the TTL and drops the oldest past the cap', () => {
    let t = 0;
    const c = new TtlCache<number>(1000, 2, () => t);
    c.set('a', 1);
    c.set('b', 2);
    c.set('c', 3);
    expect(c.get('a')).toBeUndefined();
    expect(c.get('b')?.value).toBe(2);
    t = 1500;
    expect(c.get('b')).toBeUndefined();
  });

  it('restores a snapshot, ignoring malformed and expired entries', () => {
    let t = 0;
    const c = new TtlCache<number>(1000, 10, () => t);
    c.set('a', 1);
    const snap = c.toSnapshot();
    t = 500;
    const d = new TtlCache<number>(1000, 10, () => t);
    d.load({ ...snap, entries: [...snap.entries, ['bad', null], ['old', { at: -5000, value: 9 }]] });
    expect(d.size).toBe(1);
    expect(d.get('a')?.value).toBe(1);
    d.load('garbage');
    expect(d.size).toBe(1);
  });

  it('spaces requests at least the interval apart, in order', async () => {
    let t = 0;
    const slept: number[] = [];
    const limiter = createRateLimiter(200, {
      now: () => t,
      sleep: async (ms) => {
        slept.push(ms);
        t += ms;
      },
    });
    await Promise.all([limiter.take(), limiter.take(), limiter.take()]);
    expect(slept).toEqual([200, 200]);
  });
});

describe('lib/online: looking up the names of an article', () => {
  it('resolves, summarises and adds figures, sending only names and titles', async () => {
    const { f, calls } = fakeFetch();
    const [trust, valley] = await lookupNames(
      deps(f),
      [{ name: 'Halden River Trust' }, { name: 'Mercury Valley' }],
      ['Halden River Trust', 'Mercury Valley', 'Northwind Space Agency', 'observatory'],
    );
    expect(trust!.summary?.description).toBe('Conservation charity in Northwind');
    expect(trust!.facts.map((x) => x.label)).toContain('Employees');
    expect(valley!.title).toBe('Mercury_Valley_Observatory');
    for (const c of calls) expect(c.url).not.toMatch(/article|http%3A|https%3A%2F%2Fnews/i);
  });

  it('fetches a name once, then answers from the cache', async () => {
    const { f, calls } = fakeFetch();
    const d = deps(f);
    await lookupNames(d, [{ name: 'Halden River Trust' }], []);
    const n = calls.length;
    const [again] = await lookupNames(d, [{ name: 'Halden River Trust' }], []);
    expect(calls.length).toBe(n);
    expect(again!.summary?.title).toBe('Halden River Trust');
  });

  it('degrades to a quiet note on 429, and does not cache the failure', async () => {
    const { f } = fakeFetch(() => ({ status: 429, body: {} }));
    const d = deps(f);
    const [r] = await lookupNames(d, [{ name: 'Halden River Trust' }], []);
    expect(r!.summary).toBeNull();
    expect(r!.problem).toMatch(/slow down/);
    expect(d.cache.size).toBe(0);
  });

  it('reports when Wikidata now disagrees with a curated office', async () => {
    const { f } = fakeFetch();
    const [maria] = await lookupNames(deps(f), [{ name: 'Maria Ostrova', title: 'Maria Ostrova' }], []);
    const curated = [
      normalizeFact({
        label: 'Office',
        value: 'Chief engineer of the Northwind Water Authority',
        kind: 'office',
        asOf: '2025-01',
        source: 'https://a.example/',
      }),
    ];
    expect(disagreements(curated, maria!.facts, maria!.fetched)).toEqual([
      {
        label: 'Office',
        curated: 'Chief engineer of the Northwind Water Authority',
        wikidata: 'Director of the Clearwater Agency',
        fetched: '2026-12-04T10:00:00.000Z',
      },
    ]);
    const agreeing = [{ ...curated[0]!, value: 'Director of the Clearwater Agency' }];
    expect(disagreements(agreeing, maria!.facts, maria!.fetched)).toEqual([]);
  });
});

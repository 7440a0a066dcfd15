/**
 * Online mode's lookups, wherever they run (the extension's background, the CLI): for each name,
 * the Wikipedia article it means, that article's summary, and fresh figures from its Wikidata
 * item — rate-limited, cached, and degrading to "nothing online" on any failure. Only names and
 * titles are sent; never the page's address or text.
 */
import type { Fact } from '../kb/schema.ts';
import type { FetchLike } from './http.ts';
import type { Origins } from './endpoints.ts';
import type { RateLimiter } from './rate-limit.ts';
import { TtlCache } from './cache.ts';
import { chooseTitle } from './resolve.ts';
import { fetchSummary, searchTitles, type PageSummary, type TitleCandidate } from './wikipedia.ts';
import { claimsToFacts, fetchEntities, referencedItems } from './wikidata.ts';

export interface OnlineInfo {
  name: string;
  /** The Wikipedia title chosen, or null (no match, or several equally good). */
  title: string | null;
  summary: PageSummary | null;
  /** Figures from the Wikidata item, each cited to its statement. */
  facts: Fact[];
  /** Other candidates when the choice was unclear or the page was a list of meanings. */
  choices: TitleCandidate[];
  reason: string;
  /** ISO time the answer was fetched (cached answers keep their first fetch time). */
  fetched: string;
  /** A quiet note when something failed ("Wikipedia did not answer"). */
  problem?: string;
}

export interface NameQuery {
  name: string;
  /** The Wikipedia title when Backstory already knows it (gazetteer or curated entry). */
  title?: string | null;
}

export interface OnlineDeps {
  fetch: FetchLike;
  origins: Origins;
  limiter: RateLimiter;
  cache: TtlCache<OnlineInfo>;
  now: () => Date;
  /** Epoch ms after which no request is started or awaited (the CLI's overall time limit). */
  deadline?: number;
}

/** A fetch that gives up at the deadline, whatever the per-request timeout says. */
function withDeadline(f: FetchLike, deadline: number | undefined, now: () => Date): FetchLike {
  if (deadline === undefined) return f;
  return async (url, init) => {
    // Measured on the same clock as the deadline was set (the caller's), not the wall clock.
    const remaining = deadline - now().getTime();
    if (remaining <= 0) throw new Error('past the deadline');
    const ctl = new AbortController();
    const timer = setTimeout(() => ctl.abort(), remaining);
    init.signal.addEventListener('abort', () => ctl.abort());
    try {
      return await f(url, { ...init, signal: ctl.signal });
    } finally {
      clearTimeout(timer);
    }
  };
}

const PROBLEM: Record<string, string> = {
  offline: 'Wikipedia could not be reached (offline?)',
  timeout: 'Wikipedia did not answer in time',
  'rate-limited': 'Wikipedia asked us to slow down; try again later',
  server: 'Wikipedia had a problem answering',
  malformed: 'Wikipedia sent an answer Backstory could not read',
  'not-found': 'no Wikipedia article by that title',
};

const cacheKey = (q: NameQuery) => (q.title ? `t:${q.title.replace(/ /g, '_')}` : `n:${q.name.toLowerCase()}`);

/**
 * Looks up every name (each at most once per cache lifetime), using the article's other names
 * as context for choosing among candidates. Never throws.
 */
export async function lookupNames(given: OnlineDeps, queries: NameQuery[], context: string[]): Promise<OnlineInfo[]> {
  const deps = { ...given, fetch: withDeadline(given.fetch, given.deadline, given.now) };
  const out: OnlineInfo[] = [];
  const fresh: OnlineInfo[] = [];
  /** Once Wikipedia is unreachable, silent or asks us to slow down, the remaining names are not asked. */
  let stopped: string | null = null;
  for (const q of queries) {
    const hit = deps.cache.get(cacheKey(q));
    if (hit) {
      out.push({ ...hit.value, name: q.name });
      continue;
    }
    if (stopped) {
      out.push({ ...emptyInfo(deps, q.name), problem: stopped, reason: 'not asked' });
      continue;
    }
    const info = await resolveOne(deps, q, context);
    out.push(info);
    if (!info.problem || info.problem === PROBLEM['not-found']) fresh.push(info);
    else if (STOP_ON.has(info.problem)) stopped = info.problem;
  }
  await addFigures(deps, fresh);
  for (const [i, q] of queries.entries()) {
    const info = out[i]!;
    if (fresh.includes(info)) deps.cache.set(cacheKey(q), info);
  }
  return out;
}

const STOP_ON = new Set([PROBLEM.offline, PROBLEM.timeout, PROBLEM['rate-limited']]);

const emptyInfo = (deps: OnlineDeps, name: string): OnlineInfo => ({
  name,
  title: null,
  summary: null,
  facts: [],
  choices: [],
  reason: '',
  fetched: deps.now().toISOString(),
});

async function resolveOne(deps: OnlineDeps, q: NameQuery, context: string[]): Promise<OnlineInfo> {
  const base = emptyInfo(deps, q.name);
  let title = q.title ?? null;
  let reason = title ? 'the title Backstory knows for this name' : '';
  let choices: TitleCandidate[] = [];
  if (!title) {
    await deps.limiter.take();
    const found = await searchTitles(deps.fetch, deps.origins, q.name);
    if (!found.ok) return { ...base, problem: PROBLEM[found.reason], reason: 'title search failed' };
    const r = chooseTitle(
      q.name,
      found.value,
      context.filter((c) => c !== q.name),
    );
    if (!r.title) return { ...base, choices: r.choices, reason: r.reason };
    title = r.title;
    reason = r.reason;
    choices = r.choices;
  }
  await deps.limiter.take();
  const s = await fetchSummary(deps.fetch, deps.origins, title);
  if (!s.ok) return { ...base, title, problem: PROBLEM[s.reason], reason };
  if (s.value.type === 'disambiguation')
    return { ...base, choices, reason: `"${s.value.title}" lists several meanings; none was clearly meant` };
  return { ...base, title: s.value.canonical, summary: s.value, choices, reason };
}

async function addFigures(deps: OnlineDeps, infos: OnlineInfo[]): Promise<void> {
  const ids = infos.map((i) => i.summary?.wikidata).filter((x): x is string => !!x);
  if (!ids.length) return;
  await deps.limiter.take();
  const items = await fetchEntities(deps.fetch, deps.origins, ids);
  if (!items.ok) {
    for (const i of infos) if (i.summary?.wikidata) i.problem = `figures: ${PROBLEM[items.reason]}`;
    return;
  }
  const refs = referencedItems(items.value.values());
  const labels = new Map<string, string>();
  if (refs.length) {
    await deps.limiter.take();
    const named = await fetchEntities(deps.fetch, deps.origins, refs, 'labels');
    if (named.ok) for (const [id, e] of named.value) if (e.labels?.en) labels.set(id, e.labels.en.value);
  }
  const retrieved = deps.now().toISOString().slice(0, 10);
  for (const i of infos) {
    const e = i.summary?.wikidata ? items.value.get(i.summary.wikidata) : undefined;
    if (e) i.facts = claimsToFacts(e, (id) => labels.get(id), retrieved);
  }
}

export { disagreements, type Disagreement } from './disagree.ts';
export { TtlCache } from './cache.ts';
export { createRateLimiter } from './rate-limit.ts';
export { DEFAULT_ORIGINS, type Origins } from './endpoints.ts';
export type { FetchLike } from './http.ts';

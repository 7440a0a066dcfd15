/**
 * `backstory analyze --online`: the same lookups as the extension's online mode, for
 * researchers. Names the packs lack get a Wikipedia summary and Wikidata figures; the JSON says
 * where each field came from. Only names and titles are sent. Origins can be pointed at a local
 * test server with BACKSTORY_WIKIPEDIA_URL and BACKSTORY_WIKIDATA_URL.
 */
import type { AnalysisResult } from '../lib/engine/types.ts';
import {
  createRateLimiter,
  DEFAULT_ORIGINS,
  lookupNames,
  TtlCache,
  type FetchLike,
  type OnlineInfo,
} from '../lib/online/index.ts';

/** The whole online step gives up after this (or BACKSTORY_ONLINE_TIMEOUT_MS), and the result stays the offline one. */
export const CLI_ONLINE_DEADLINE_MS = 20_000;
/** Wikimedia's guidance for API clients: keep requests serial and modest. */
const MIN_REQUEST_INTERVAL_MS = 100;

export interface OnlineOutcome {
  /** Per entity key, what was found online. */
  byKey: Map<string, OnlineInfo>;
  warnings: string[];
}

const nodeFetch: FetchLike = (url, init) => fetch(url, init);

export async function lookUpOnline(
  result: AnalysisResult,
  env: NodeJS.ProcessEnv = process.env,
  fetchFn: FetchLike = nodeFetch,
): Promise<OnlineOutcome> {
  const origins = {
    wikipedia: env.BACKSTORY_WIKIPEDIA_URL || DEFAULT_ORIGINS.wikipedia,
    wikidata: env.BACKSTORY_WIKIDATA_URL || DEFAULT_ORIGINS.wikidata,
  };
  const unknown = result.entities.filter((e) => !e.id);
  const byKey = new Map<string, OnlineInfo>();
  if (!unknown.length) return { byKey, warnings: [] };
  const infos = await lookupNames(
    {
      fetch: fetchFn,
      origins,
      limiter: createRateLimiter(MIN_REQUEST_INTERVAL_MS),
      cache: new TtlCache<OnlineInfo>(),
      now: () => new Date(),
      deadline: Date.now() + (Number(env.BACKSTORY_ONLINE_TIMEOUT_MS) || CLI_ONLINE_DEADLINE_MS),
    },
    unknown.map((e) => ({ name: e.name, title: e.wikipedia })),
    result.entities.map((e) => e.name),
  );
  const warnings = new Set<string>();
  unknown.forEach((e, i) => {
    const info = infos[i]!;
    byKey.set(e.key, info);
    if (info.problem) warnings.add(info.problem);
  });
  return { byKey, warnings: [...warnings] };
}

/** The analysis with online answers merged in, each field marked with where it came from. */
export function withOnline(result: AnalysisResult, online: OnlineOutcome): Record<string, unknown> {
  return {
    ...result,
    entities: result.entities.map((e) => {
      const info = online.byKey.get(e.key);
      const fromKb = { description: e.description ? 'knowledge-base' : null };
      if (!info?.summary) return { ...e, origin: fromKb };
      return {
        ...e,
        description: e.description ?? info.summary.description,
        wikipedia: e.wikipedia ?? info.summary.canonical,
        online: {
          title: info.summary.title,
          description: info.summary.description,
          extract: info.summary.extract,
          url: info.summary.url,
          wikidata: info.summary.wikidata,
          facts: info.facts,
          fetched: info.fetched,
          licence: 'CC BY-SA 4.0 (Wikipedia text); CC0 (Wikidata)',
        },
        origin: {
          description: e.description ? 'knowledge-base' : 'wikipedia',
          wikipedia: e.wikipedia ? 'knowledge-base' : 'wikipedia',
          facts: 'wikidata',
        },
      };
    }),
    online: { warnings: online.warnings },
  };
}

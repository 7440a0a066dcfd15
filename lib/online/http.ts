/**
 * The one way online mode talks to Wikimedia: a GET for JSON with a timeout, the
 * Api-User-Agent header Wikimedia asks clients to send, and every failure (offline, timeout,
 * 404, 429, 5xx, not JSON) returned as a value, never thrown. Pure apart from the `fetch`
 * passed in, so tests need no network and no module mocking.
 */
export type FetchLike = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export type HttpResult =
  | { ok: true; data: unknown }
  | {
      ok: false;
      reason: 'offline' | 'timeout' | 'not-found' | 'rate-limited' | 'server' | 'malformed';
      status?: number;
    };

/** Wikimedia's API etiquette: identify the client (https://meta.wikimedia.org/wiki/User-Agent_policy). */
export const API_USER_AGENT = 'Backstory/0.1 (browser extension; https://github.com/backstory-extension/backstory)';

/** A Wikipedia summary answers in well under a second; past this the reader is better served offline. */
export const REQUEST_TIMEOUT_MS = 6000;

export async function getJson(fetchFn: FetchLike, url: string, timeoutMs = REQUEST_TIMEOUT_MS): Promise<HttpResult> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const res = await fetchFn(url, {
      headers: { 'Api-User-Agent': API_USER_AGENT, Accept: 'application/json' },
      signal: controller.signal,
    });
    if (res.status === 404) return { ok: false, reason: 'not-found', status: 404 };
    if (res.status === 429) return { ok: false, reason: 'rate-limited', status: 429 };
    if (!res.ok) return { ok: false, reason: 'server', status: res.status };
    try {
      return { ok: true, data: await res.json() };
    } catch {
      return { ok: false, reason: timedOut ? 'timeout' : 'malformed', status: res.status };
    }
  } catch {
    return { ok: false, reason: timedOut ? 'timeout' : 'offline' };
  } finally {
    clearTimeout(timer);
  }
}

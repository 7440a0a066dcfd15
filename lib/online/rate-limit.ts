/**
 * A polite request pace: at most one request every `minIntervalMs`, in order. Wikimedia asks
 * API clients not to hammer it; a page with 40 unknown names then costs a few seconds of
 * background time, never a burst. Clock and sleep are injected so tests run instantly.
 */
export interface RateLimiter {
  /** Resolves when the caller may send its next request. */
  take(): Promise<void>;
}

export function createRateLimiter(
  minIntervalMs: number,
  clock: { now(): number; sleep(ms: number): Promise<void> } = {
    now: () => Date.now(),
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
  },
): RateLimiter {
  let next = 0;
  let chain: Promise<void> = Promise.resolve();
  return {
    take() {
      chain = chain.then(async () => {
        const wait = next - clock.now();
        if (wait > 0) await clock.sleep(wait);
        next = Math.max(clock.now(), next) + minIntervalMs;
      });
      return chain;
    },
  };
}

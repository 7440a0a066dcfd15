/** What every measurement of the benchmark shares. */
import type { Served } from './serve.ts';

/** What every measurement needs: the page server and the debug switches. */
export interface BenchContext {
  server: Served;
  debug: boolean;
  profile: boolean;
}

export const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

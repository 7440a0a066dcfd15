/**
 * Reading a DevTools trace (puppeteer page.tracing) for the benchmark: the page's
 * renderer main thread (CrRendererMain), its tasks (RunTask, dur in µs) and which
 * of them ran extension code (a nested event whose URL is chrome-extension://…).
 */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: Record<string, unknown>; beginData?: Record<string, unknown> };
}

export interface Task {
  ts: number; // µs, trace clock
  dur: number; // µs
  ext: string[]; // extension script URLs that ran inside the task
  page: boolean; // the task ran the page's own (or a third party's) script
}

export interface MainThread {
  pid: number;
  tid: number;
  tasks: Task[];
  /** Extension events (EvaluateScript, v8.compile, FunctionCall, …) on the main thread. */
  extEvents: TraceEvent[];
  /** TimeStamp events (console.timeStamp) by message: trace µs. */
  stamps: Map<string, number>;
  /** Every event on the main thread (for breakdowns). */
  events: TraceEvent[];
}

export function parseTrace(buf: Uint8Array | undefined): TraceEvent[] {
  if (!buf) return [];
  const json = JSON.parse(Buffer.from(buf).toString('utf8')) as { traceEvents?: TraceEvent[] } | TraceEvent[];
  return Array.isArray(json) ? json : (json.traceEvents ?? []);
}

function urlOf(e: TraceEvent): string {
  const d = e.args?.data;
  const u = d && typeof d.url === 'string' ? d.url : '';
  return u;
}

/** The renderer main thread that parsed `pageUrl` (falls back to the one with most tasks). */
export function mainThread(events: TraceEvent[], pageUrl: string): MainThread | null {
  const mains = new Map<number, number>(); // pid -> tid of CrRendererMain
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.set(e.pid, e.tid);
  let pid: number | undefined;
  for (const e of events) {
    if (e.name !== 'ParseHTML' || !mains.has(e.pid)) continue;
    const u = (e.args?.beginData?.url as string | undefined) ?? '';
    if (u.startsWith(pageUrl)) {
      pid = e.pid;
      break;
    }
  }
  if (pid === undefined) {
    const counts = new Map<number, number>();
    for (const e of events)
      if (e.name === 'RunTask' && mains.get(e.pid) === e.tid) counts.set(e.pid, (counts.get(e.pid) ?? 0) + 1);
    pid = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  }
  if (pid === undefined) return null;
  const tid = mains.get(pid)!;
  const mine = events.filter((e) => e.pid === pid && e.tid === tid);
  const tasks: Task[] = mine
    .filter((e) => e.name === 'RunTask' && e.ph === 'X' && typeof e.dur === 'number')
    .map((e) => ({ ts: e.ts, dur: e.dur!, ext: [] as string[], page: false }));
  tasks.sort((a, b) => a.ts - b.ts);
  const extEvents = mine.filter((e) => e.ph === 'X' && urlOf(e).startsWith('chrome-extension://'));
  for (const x of extEvents) {
    const t = findTask(tasks, x.ts);
    if (t && !t.ext.includes(urlOf(x))) t.ext.push(urlOf(x));
  }
  for (const x of mine) {
    if (x.ph !== 'X' || !/^https?:\/\//.test(urlOf(x))) continue;
    const t = findTask(tasks, x.ts);
    if (t) t.page = true;
  }
  const stamps = new Map<string, number>();
  for (const e of mine) if (e.name === 'TimeStamp') stamps.set(String(e.args?.data?.message ?? ''), e.ts);
  return { pid, tid, tasks, extEvents, stamps, events: mine };
}

function findTask(tasks: Task[], ts: number): Task | undefined {
  let lo = 0;
  let hi = tasks.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tasks[mid]!.ts <= ts) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const t = best >= 0 ? tasks[best] : undefined;
  return t && ts <= t.ts + t.dur ? t : undefined;
}

export interface TaskStats {
  longestMs: number;
  over50: number;
  totalMs: number;
  /** Longest task that ran extension code, ms (0 if none). */
  extLongestMs: number;
  extOver50: number;
  /** Main-thread time of tasks that ran extension code, ms. */
  extTotalMs: number;
}

export function taskStats(tasks: Task[], from = -Infinity, to = Infinity): TaskStats {
  const inWin = tasks.filter((t) => t.ts >= from && t.ts <= to);
  const ext = inWin.filter((t) => t.ext.length);
  const ms = (us: number) => us / 1000;
  return {
    longestMs: ms(Math.max(0, ...inWin.map((t) => t.dur))),
    over50: inWin.filter((t) => t.dur > 50_000).length,
    totalMs: ms(inWin.reduce((s, t) => s + t.dur, 0)),
    extLongestMs: ms(Math.max(0, ...ext.map((t) => t.dur))),
    extOver50: ext.filter((t) => t.dur > 50_000).length,
    extTotalMs: ms(ext.reduce((s, t) => s + t.dur, 0)),
  };
}

/** Main-thread time spent in events of one script (nested events counted once), ms. */
export function scriptCostMs(main: MainThread, urlPart: string): number {
  const spans = main.extEvents
    .filter((e) => urlOf(e).includes(urlPart) && typeof e.dur === 'number')
    .map((e) => [e.ts, e.ts + e.dur!] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  let total = 0;
  let curS = -1;
  let curE = -1;
  for (const [s, e] of spans) {
    if (s > curE) {
      if (curE > curS) total += curE - curS;
      curS = s;
      curE = e;
    } else curE = Math.max(curE, e);
  }
  if (curE > curS) total += curE - curS;
  return total / 1000;
}

/** What ran inside one task: the longest nested events (name, url or function, ms), for "where the time goes". */
export function breakdown(main: MainThread, task: Task, top = 8): string {
  const inner = main.events.filter(
    (e) =>
      e.ph === 'X' &&
      e.name !== 'RunTask' &&
      typeof e.dur === 'number' &&
      e.ts >= task.ts &&
      e.ts + e.dur! <= task.ts + task.dur,
  );
  inner.sort((a, b) => b.dur! - a.dur!);
  return inner
    .slice(0, top)
    .map((e) => {
      const d = e.args?.data ?? {};
      const what = [
        d.functionName,
        typeof d.url === 'string' ? d.url.replace(/^chrome-extension:\/\/[^/]+/, 'ext:') : '',
      ]
        .filter(Boolean)
        .join(' ');
      // Layout: how much of the page it touched, and the script that forced it, if any.
      const b = (
        e.args as
          | {
              beginData?: {
                dirtyObjects?: number;
                totalObjects?: number;
                stackTrace?: { url?: string; functionName?: string }[];
              };
            }
          | undefined
      )?.beginData;
      const lay =
        e.name === 'Layout' && b
          ? ` [${b.dirtyObjects}/${b.totalObjects} objects${b.stackTrace?.length ? ` forced by ${b.stackTrace[0]!.functionName || '?'}` : ''}]`
          : '';
      return `${e.name}${what ? `(${what})` : ''}${lay} ${(e.dur! / 1000).toFixed(1)}`;
    })
    .join('; ');
}

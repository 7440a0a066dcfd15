/**
 * When the analyzer's work runs: in short slices that let the page's own work through
 * (ADR 5). Every helper takes the page's window, so tests pass a fake or happy-dom's.
 */

export type PageWindow = Window & typeof globalThis;

type IdleWindow = { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => number };

/** Let the page's own work run: scheduler.yield() where it exists, else a macrotask. */
export function yieldToPage(win: PageWindow): Promise<void> {
  const scheduler = (win as unknown as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => win.setTimeout(resolve, 0));
}

/** Run `fn` in the page's next idle period (or after `fallbackMs` where there is none). */
export function whenIdle(win: PageWindow, fn: () => void, timeoutMs: number, fallbackMs: number): void {
  const ric = (win as unknown as IdleWindow).requestIdleCallback;
  if (typeof ric === 'function') ric.call(win, fn, { timeout: timeoutMs });
  else win.setTimeout(fn, fallbackMs);
}

/** Resolve in the page's next idle period (or after a short timeout where there is none). */
export function idle(win: PageWindow): Promise<void> {
  return new Promise((resolve) => whenIdle(win, resolve, 1000, 50));
}

/**
 * Resolve once a frame has rendered, or after `maxMs` (a hidden tab renders none): lets the
 * frame that shows the sidebar go first before work that competes with it for the CPU.
 */
export function afterFrame(win: PageWindow, maxMs: number): Promise<void> {
  return new Promise<void>((resolve) => {
    win.requestAnimationFrame(() => win.setTimeout(resolve, 0));
    win.setTimeout(resolve, maxMs);
  });
}

/**
 * Work time after which a multi-step job yields to the page, ms: small pages run straight
 * through. Steps are not cut, so a task can run this plus one step (Readability on a
 * 10,000-word article: 12-20 ms on a 2-core machine).
 */
export const BUSY_SLICE_MS = 8;

/** A yield function for a job of steps: yields only once the current slice has used BUSY_SLICE_MS. */
export function yieldWhenBusy(win: PageWindow, now: () => number = () => performance.now()): () => Promise<void> {
  let sliceStart = now();
  return async () => {
    if (now() - sliceStart < BUSY_SLICE_MS) return;
    await yieldToPage(win);
    sliceStart = now();
  };
}

/**
 * Main-thread time already used in a task after which the next piece of work (reading the
 * article, the first highlight slice) waits for the next task, ms.
 */
export const FIRST_SLICE_AFTER_MS = 4;

/**
 * When the current task's work began: costly steps that usually follow one another (a
 * sidebar render, then the first highlight slice) are not run in the same task.
 */
export class TaskClock {
  private start: number;
  constructor(private readonly now: () => number = () => performance.now()) {
    this.start = now();
  }
  /** A new task's work begins now. */
  mark(): void {
    this.start = this.now();
  }
  /** Yield to the page first if this task has already used FIRST_SLICE_AFTER_MS. */
  async yieldIfBusy(win: PageWindow): Promise<void> {
    if (this.now() - this.start > FIRST_SLICE_AFTER_MS) await yieldToPage(win);
  }
}

/** Resolve with `promise`, or with `fallback` after `ms` (the timer cleared either way). */
export async function within<T, F>(win: PageWindow, promise: Promise<T>, ms: number, fallback: F): Promise<T | F> {
  let timer: number | undefined;
  const late = new Promise<F>((resolve) => (timer = win.setTimeout(() => resolve(fallback), ms)));
  try {
    return await Promise.race([promise, late]);
  } finally {
    win.clearTimeout(timer);
  }
}

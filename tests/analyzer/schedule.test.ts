/**
 * Scheduling helpers, with a fake window and a fake clock: when work yields to the page.
 */
import { describe, it, expect, vi } from 'vitest';
import {
  afterFrame,
  BUSY_SLICE_MS,
  FIRST_SLICE_AFTER_MS,
  TaskClock,
  within,
  yieldWhenBusy,
  type PageWindow,
} from '../../lib/analyzer/schedule.ts';

function fakeWindow(opts: { scheduler?: boolean } = {}) {
  const frames: (() => void)[] = [];
  let yields = 0;
  const win = {
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (t: ReturnType<typeof setTimeout>) => clearTimeout(t),
    requestAnimationFrame: (fn: () => void) => frames.push(fn),
    scheduler: opts.scheduler ? { yield: async () => void yields++ } : undefined,
  } as unknown as PageWindow;
  return { win, frames, yields: () => yields };
}

describe('analyzer/schedule', () => {
  it('a job of steps yields only once its slice has used BUSY_SLICE_MS', async () => {
    const { win, yields } = fakeWindow({ scheduler: true });
    let now = 0;
    const step = yieldWhenBusy(win, () => now);
    await step();
    now = BUSY_SLICE_MS - 1;
    await step();
    expect(yields()).toBe(0);
    now = BUSY_SLICE_MS;
    await step();
    expect(yields()).toBe(1);
    await step(); // a new slice began at the yield
    expect(yields()).toBe(1);
  });

  it('the task clock yields before more work only when the task is already busy', async () => {
    const { win, yields } = fakeWindow({ scheduler: true });
    let now = 100;
    const clock = new TaskClock(() => now);
    now += FIRST_SLICE_AFTER_MS;
    await clock.yieldIfBusy(win);
    expect(yields()).toBe(0);
    now += 1;
    await clock.yieldIfBusy(win);
    expect(yields()).toBe(1);
    clock.mark();
    await clock.yieldIfBusy(win);
    expect(yields()).toBe(1);
  });

  it('within: the answer if it comes in time, else the fallback', async () => {
    vi.useFakeTimers();
    try {
      const { win } = fakeWindow();
      expect(await within(win, Promise.resolve('answer'), 1000, null)).toBe('answer');
      const late = within(win, new Promise(() => undefined), 1000, null);
      await vi.advanceTimersByTimeAsync(1000);
      expect(await late).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('afterFrame resolves after a rendered frame, or after the wait where no frame comes', async () => {
    vi.useFakeTimers();
    try {
      const { win, frames } = fakeWindow();
      let done = false;
      void afterFrame(win, 100).then(() => (done = true));
      frames.shift()!();
      await vi.advanceTimersByTimeAsync(0);
      expect(done).toBe(true);
      let hidden = false;
      void afterFrame(win, 100).then(() => (hidden = true));
      await vi.advanceTimersByTimeAsync(99);
      expect(hidden).toBe(false);
      await vi.advanceTimersByTimeAsync(1);
      expect(hidden).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });
});

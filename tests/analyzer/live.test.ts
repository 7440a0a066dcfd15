// @vitest-environment happy-dom
/**
 * Live pages: re-read after text is added and the page is quiet, only after real growth,
 * and a bounded number of times. Fake timers; happy-dom's MutationObserver.
 */
import { describe, it, expect, vi, afterEach } from 'vitest';
import { LIVE_UPDATE_DEBOUNCE_MS, LIVE_UPDATE_MAX, LIVE_UPDATE_MIN_GROWTH } from '../../lib/analyzer/live.ts';
import { extractArticle } from '../../lib/page/extract.ts';
import { parts } from './parts.ts';

afterEach(() => vi.useRealTimers());

function live() {
  const p = parts();
  p.mentions.setArticle(extractArticle(p.doc));
  p.live.analysed();
  const stop = p.live.listen();
  const append = async (chars: number, tag = 'p') => {
    const el = p.doc.createElement(tag);
    el.textContent = 'x'.repeat(chars);
    p.doc.querySelector('article')!.appendChild(el);
    await vi.advanceTimersByTimeAsync(0); // the observer's callback
  };
  return { ...p, stop, append };
}

describe('analyzer/live updates', () => {
  it('re-reads once the page has grown and stayed quiet', async () => {
    vi.useFakeTimers();
    const l = live();
    await l.append(LIVE_UPDATE_MIN_GROWTH + 10);
    await vi.advanceTimersByTimeAsync(LIVE_UPDATE_DEBOUNCE_MS - 1);
    expect(l.rereads).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(l.rereads).toHaveLength(1);
  });

  it('does not re-read for small additions (a counter, a timestamp)', async () => {
    vi.useFakeTimers();
    const l = live();
    for (let i = 0; i < 5; i++) await l.append(30);
    await vi.advanceTimersByTimeAsync(LIVE_UPDATE_DEBOUNCE_MS * 2);
    expect(l.rereads).toHaveLength(0);
  });

  it('ignores our own elements', async () => {
    vi.useFakeTimers();
    const l = live();
    const ours = l.doc.createElement('backstory-card');
    ours.textContent = 'x'.repeat(LIVE_UPDATE_MIN_GROWTH * 2);
    l.doc.body.appendChild(ours);
    await vi.advanceTimersByTimeAsync(LIVE_UPDATE_DEBOUNCE_MS * 2);
    expect(l.rereads).toHaveLength(0);
  });

  it(`re-reads at most ${LIVE_UPDATE_MAX} times, until a new page starts the count again`, async () => {
    vi.useFakeTimers();
    const l = live();
    for (let i = 0; i < LIVE_UPDATE_MAX + 2; i++) {
      await l.append(LIVE_UPDATE_MIN_GROWTH * (i + 2));
      await vi.advanceTimersByTimeAsync(LIVE_UPDATE_DEBOUNCE_MS);
    }
    expect(l.rereads).toHaveLength(LIVE_UPDATE_MAX);
    l.live.reset();
    await l.append(LIVE_UPDATE_MIN_GROWTH * 20);
    await vi.advanceTimersByTimeAsync(LIVE_UPDATE_DEBOUNCE_MS);
    expect(l.rereads).toHaveLength(LIVE_UPDATE_MAX + 1);
  });

  it('stops watching when stopped', async () => {
    vi.useFakeTimers();
    const l = live();
    l.stop();
    await l.append(LIVE_UPDATE_MIN_GROWTH * 2);
    await vi.advanceTimersByTimeAsync(LIVE_UPDATE_DEBOUNCE_MS * 2);
    expect(l.rereads).toHaveLength(0);
  });
});

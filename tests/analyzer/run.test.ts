// @vitest-environment happy-dom
/**
 * One analysis run against the real background service (fake transport): what the reader
 * is told, what is drawn and reported, and that an aborted run stops.
 */
import { describe, it, expect, vi } from 'vitest';
import { runAnalysis, NO_ARTICLE_MESSAGE, READ_FAILED_MESSAGE, UNREACHABLE_MESSAGE } from '../../lib/analyzer/run.ts';
import { fakeBackground, NOT_ARTICLE_HTML, until } from './fakes.ts';
import { parts } from './parts.ts';

function run(p: ReturnType<typeof parts>, signal = new AbortController().signal, userAsked = false) {
  const counts: number[] = [];
  let fullPasses = 0;
  const outcome = runAnalysis(
    { ...p, reportCount: (n) => counts.push(n), onFullPass: () => fullPasses++ },
    signal,
    userAsked,
  );
  return { outcome, counts, fullPasses: () => fullPasses };
}

describe('analyzer/run', () => {
  it('shows the names of both passes, draws their mentions and reports the count', async () => {
    const p = parts();
    const r = run(p);
    const outcome = await r.outcome;
    const n = p.store.state.result!.entities.length;
    expect(outcome).toEqual({ kind: 'found', count: n });
    expect(p.store.state.status.kind).toBe('ready');
    expect(p.store.state.result!.complete).toBe(true);
    expect(r.counts).toEqual([expect.any(Number), n]);
    expect(r.fullPasses()).toBe(1);
    await until(() => p.layer.size > 0, 'mentions drawn');
    expect(p.layer.size).toBe(p.mentions.refs.length);
  });

  it('sends the text with its cap flag; the partial flag comes back from the background', async () => {
    const p = parts();
    await run(p).outcome;
    const sent = p.bg.sent.find((m) => m.type === 'cs/analyze')!.payload as { truncated: boolean };
    expect(sent.truncated).toBe(false);
    expect(p.store.state.result!.partial).toBe(false);
  });

  it('on a page without an article says there is no article text, and clears the badge', async () => {
    const p = parts({ html: NOT_ARTICLE_HTML });
    const r = run(p);
    expect(await r.outcome).toEqual({ kind: 'nothing' });
    expect(p.store.state.status).toEqual({ kind: 'empty', message: NO_ARTICLE_MESSAGE });
    expect(r.counts).toEqual([0]);
  });

  it('reports a page that could not be read as a failure, not as a page without text', async () => {
    const p = parts();
    const copy = vi.spyOn(p.doc, 'cloneNode').mockImplementation(() => {
      throw new Error('the page refused to be copied');
    });
    const r = run(p);
    const outcome = await r.outcome;
    copy.mockRestore();
    expect(outcome).toEqual({ kind: 'failed' });
    expect(p.store.state.status).toEqual({ kind: 'error', message: READ_FAILED_MESSAGE });
    expect(p.store.state.status).not.toEqual(expect.objectContaining({ message: NO_ARTICLE_MESSAGE }));
    expect(r.counts).toEqual([0]);
    expect(p.bg.sent.some((m) => m.type === 'cs/analyze')).toBe(false);
  });

  it('says why when the background refuses the analysis', async () => {
    const p = parts({
      bg: fakeBackground({
        override: (type) => (type === 'cs/analyze' ? { ok: false, error: 'no engine' } : undefined),
      }),
    });
    expect(await run(p).outcome).toEqual({ kind: 'failed' });
    expect(p.store.state.status).toEqual({
      kind: 'error',
      message: 'Backstory could not analyse this page: no engine',
    });
  });

  it('says the background could not be reached when neither pass gets an answer', async () => {
    const p = parts({
      bg: fakeBackground({
        override: (type) => (type === 'cs/analyze' ? Promise.reject(new Error('timed out')) : undefined),
      }),
    });
    expect(await run(p).outcome).toEqual({ kind: 'failed' });
    expect(p.store.state.status).toEqual({ kind: 'error', message: UNREACHABLE_MESSAGE });
  });

  it('stops as soon as its signal aborts: nothing shown, nothing reported', async () => {
    const p = parts();
    const controller = new AbortController();
    const r = run(p, controller.signal);
    controller.abort();
    expect(await r.outcome).toBeNull();
    expect(p.store.state.result).toBeNull();
    expect(r.counts).toEqual([]);
  });

  it('stops when the extension goes away mid-run', async () => {
    let gone = false;
    const p = parts({
      bg: fakeBackground({ gone: () => gone }),
    });
    gone = true;
    expect(await run(p).outcome).toBeNull();
    expect(p.goneCalls()).toBeGreaterThan(0);
  });
});

// @vitest-environment happy-dom
/**
 * Entry loading in portions, through a fake transport to the real background service.
 */
import { describe, it, expect } from 'vitest';
import { ENTRY_BATCH } from '../../lib/messaging/protocol.ts';
import { makeEntity, makeResult } from '../fixtures/ui-fixtures.ts';
import { testEntries } from '../fixtures/test-kb.ts';
import { fakeBackground } from './fakes.ts';
import { parts } from './parts.ts';

const ids = testEntries.map((e) => e.id);

function withResult(p: ReturnType<typeof parts>, entityIds: string[]) {
  p.store.dispatch({
    type: 'loaded',
    result: makeResult({ entities: entityIds.map((id) => makeEntity({ id, name: id, type: 'organization' })) }),
    entries: {},
    relatedNames: {},
    url: 'https://news.example/story',
    text: '',
  });
}

describe('analyzer/entries', () => {
  it('lists the entries of the article’s entities it does not hold yet, once each', () => {
    const p = parts();
    withResult(p, [ids[0]!, ids[1]!, ids[0]!]);
    expect(p.entries.missingIds()).toEqual([ids[0], ids[1]]);
  });

  it('fetches missing entries into the state, with their related names', async () => {
    const p = parts();
    await p.entries.ensure([ids[0]!, ids[1]!]);
    expect(Object.keys(p.store.state.entries).sort()).toEqual([ids[0], ids[1]].sort());
    await p.entries.ensure([ids[0]!]);
    expect(p.bg.sent.filter((m) => m.type === 'cs/get-entries')).toHaveLength(1); // held ones are not asked again
  });

  it('asks in portions of ENTRY_BATCH', async () => {
    const p = parts();
    const many = Array.from({ length: ENTRY_BATCH + 3 }, (_, i) => `entry-${i}`);
    await p.entries.ensure(many);
    const asked = p.bg.sent.filter((m) => m.type === 'cs/get-entries').map((m) => (m.payload as { ids: string[] }).ids);
    expect(asked.map((a) => a.length)).toEqual([ENTRY_BATCH, 3]);
  });

  it('fills in the rest in idle time, and stops when nothing comes back', async () => {
    const p = parts();
    withResult(p, [ids[0]!, ids[1]!, 'not-in-the-kb']);
    await p.entries.fill(new AbortController().signal);
    expect(p.entries.missingIds()).toEqual(['not-in-the-kb']);
  });

  it('stops filling when its run is aborted', async () => {
    const p = parts();
    withResult(p, [ids[0]!]);
    const run = new AbortController();
    run.abort();
    await p.entries.fill(run.signal);
    expect(p.bg.sent.filter((m) => m.type === 'cs/get-entries')).toHaveLength(0);
  });

  it('gives up quietly when the extension went away', async () => {
    const p = parts({ bg: fakeBackground({ gone: () => true }) });
    await p.entries.ensure([ids[0]!]);
    expect(p.goneCalls()).toBe(1);
    expect(p.store.state.entries).toEqual({});
  });
});

import { describe, it, expect } from 'vitest';
import {
  reducer,
  initialState,
  normalizeHost,
  parseDelay,
  importSummary,
  importTooLarge,
  describeError,
  sortedSites,
  type OptionsState,
} from '../../components/options/state.ts';
import { DEFAULT_SETTINGS } from '../../lib/storage/settings.ts';
import type { PackInfo } from '../../lib/messaging/protocol.ts';
import { MAX_MESSAGE_CHARS } from '../../lib/messaging/protocol.ts';

const pack = (id: string, builtin: boolean, enabled = true): PackInfo => ({
  meta: { id, title: `Pack ${id}`, version: '1.0.0', license: 'CC BY 4.0', sources: [] },
  entries: 3,
  builtin,
  enabled,
});

function loaded(over: Partial<OptionsState> = {}): OptionsState {
  const s = reducer(initialState, {
    type: 'loaded',
    settings: { ...DEFAULT_SETTINGS },
    sites: { 'a.example': 'never', 'b.example': 'always', 'c.example': 'default' },
    packs: [pack('world', true), pack('mine', false)],
  });
  return { ...s, ...over };
}

describe('options state: loading', () => {
  it('starts loading with nothing shown', () => {
    expect(initialState.load.kind).toBe('loading');
    expect(initialState.settings).toBeNull();
  });

  it('keeps only real site policies ("default" means no entry)', () => {
    const s = loaded();
    expect(s.load.kind).toBe('ready');
    expect(s.sites).toEqual({ 'a.example': 'never', 'b.example': 'always' });
  });

  it('a failed load is shown and announced', () => {
    const s = reducer(initialState, { type: 'load-failed', message: 'no answer' });
    expect(s.load).toEqual({ kind: 'failed', message: 'no answer' });
    expect(s.announcement.text).toBe('no answer');
  });

  it('a reload drops a pending delete confirmation for a pack that is gone', () => {
    const s = reducer(loaded({ confirmDelete: 'mine' }), {
      type: 'loaded',
      settings: DEFAULT_SETTINGS,
      sites: {},
      packs: [pack('world', true)],
    });
    expect(s.confirmDelete).toBeNull();
    const kept = reducer(loaded({ confirmDelete: 'mine' }), {
      type: 'loaded',
      settings: DEFAULT_SETTINGS,
      sites: {},
      packs: [pack('mine', false)],
    });
    expect(kept.confirmDelete).toBe('mine');
  });
});

describe('options state: settings', () => {
  it('applies a change at once, before the background answers', () => {
    const s = reducer(loaded(), { type: 'patch-settings', patch: { highlights: false } });
    expect(s.settings!.highlights).toBe(false);
    expect(s.settings!.theme).toBe('system');
  });

  it('ignores a patch before anything is loaded', () => {
    expect(reducer(initialState, { type: 'patch-settings', patch: { paused: true } })).toBe(initialState);
  });

  it('announces "Saved" every time, with a new sequence number so it is spoken again', () => {
    const a = reducer(loaded(), { type: 'settings-saved', settings: { ...DEFAULT_SETTINGS, paused: true } });
    const b = reducer(a, { type: 'settings-saved', settings: { ...DEFAULT_SETTINGS, paused: true } });
    expect(a.announcement.text).toBe('Saved');
    expect(b.announcement.text).toBe('Saved');
    expect(b.announcement.seq).toBeGreaterThan(a.announcement.seq);
    expect(a.settings!.paused).toBe(true);
  });

  it('a stale answer (null) keeps the newer local settings', () => {
    const s = reducer(loaded(), { type: 'patch-settings', patch: { theme: 'dark' } });
    const after = reducer(s, { type: 'settings-saved', settings: null });
    expect(after.settings!.theme).toBe('dark');
  });

  it('a failure is kept until dismissed, and a later success clears it', () => {
    const failed = reducer(loaded(), { type: 'failed', message: 'quota exceeded' });
    expect(failed.error).toBe('quota exceeded');
    expect(reducer(failed, { type: 'dismiss-error' }).error).toBeNull();
    expect(reducer(failed, { type: 'settings-saved', settings: DEFAULT_SETTINGS }).error).toBeNull();
  });
});

describe('options state: sites and packs', () => {
  it('sets, changes and removes a site', () => {
    let s = reducer(loaded(), { type: 'site-set', host: 'new.example', policy: 'always' });
    expect(s.sites['new.example']).toBe('always');
    s = reducer(s, { type: 'site-set', host: 'new.example', policy: 'never' });
    expect(s.sites['new.example']).toBe('never');
    s = reducer(s, { type: 'site-set', host: 'new.example', policy: 'default' });
    expect('new.example' in s.sites).toBe(false);
  });

  it('sorts sites by name', () => {
    expect(sortedSites({ 'z.example': 'never', 'a.example': 'always' }).map(([h]) => h)).toEqual([
      'a.example',
      'z.example',
    ]);
  });

  it('switches a pack on and off', () => {
    const s = reducer(loaded(), { type: 'pack-enabled', id: 'world', enabled: false });
    expect(s.packs.find((p) => p.meta.id === 'world')!.enabled).toBe(false);
  });

  it('deletes only a user pack, ends the confirmation and announces it', () => {
    const s = reducer(loaded({ confirmDelete: 'mine' }), { type: 'pack-deleted', id: 'mine' });
    expect(s.packs.map((p) => p.meta.id)).toEqual(['world']);
    expect(s.confirmDelete).toBeNull();
    expect(s.announcement.text).toContain('Pack mine');
    expect(reducer(loaded(), { type: 'pack-deleted', id: 'world' }).packs.map((p) => p.meta.id)).toEqual([
      'world',
      'mine',
    ]);
  });
});

describe('options state: import', () => {
  it('goes busy, then done with a summary that is also announced', () => {
    let s = reducer(loaded(), { type: 'import-start', fileName: 'a.json' });
    expect(s.import).toEqual({ kind: 'busy', fileName: 'a.json' });
    s = reducer(s, {
      type: 'import-done',
      fileName: 'a.json',
      id: 'new-pack',
      title: 'New pack',
      entries: 5,
      overrides: [],
    });
    expect(s.import.kind).toBe('done');
    expect(s.announcement.text).toBe(
      'Imported “New pack” (new-pack) with 5 entries. It does not replace any built-in entry.',
    );
  });

  it('says when an import replaced an earlier version of the same pack, and which built-in entries it overrides', () => {
    const s = reducer(loaded(), {
      type: 'import-done',
      fileName: 'b.json',
      id: 'mine',
      entries: 1,
      overrides: ['kazakhstan'],
    });
    expect(s.import.kind === 'done' && s.import.replaced).toBe(true);
    expect(s.import.kind === 'done' && s.import.title).toBe('Pack mine');
    expect(s.announcement.text).toBe(
      'Updated “Pack mine” (mine) with 1 entry. It replaces 1 built-in entry while it is switched on.',
    );
  });

  it('keeps the background’s error message word for word', () => {
    const s = reducer(loaded(), {
      type: 'import-failed',
      fileName: 'c.json',
      message: 'The pack is not valid. entry 1: bad',
    });
    expect(s.import).toEqual({ kind: 'failed', fileName: 'c.json', message: 'The pack is not valid. entry 1: bad' });
  });

  it('summarises several overrides in the plural', () => {
    expect(
      importSummary({
        kind: 'done',
        fileName: 'x',
        id: 'x',
        title: 'X',
        entries: 1200,
        overrides: ['a', 'b'],
        replaced: false,
      }),
    ).toBe('Imported “X” (x) with 1,200 entries. It replaces 2 built-in entries while it is switched on.');
  });

  it('refuses, before sending, a file too large for one message', () => {
    expect(importTooLarge('{"pack":{}}')).toBeNull();
    const big = 'x'.repeat(MAX_MESSAGE_CHARS);
    expect(importTooLarge(big)).toMatch(/too large/);
    // Quotes are escaped in the message, so a file just under the cap can still be too large.
    const quoted = '"'.repeat(Math.ceil(MAX_MESSAGE_CHARS / 2));
    expect(importTooLarge(quoted)).toMatch(/too large/);
  });
});

describe('options state: input helpers', () => {
  it('normalises hosts the way the background stores them', () => {
    expect(normalizeHost('example.com')).toEqual({ ok: true, host: 'example.com' });
    expect(normalizeHost('  WWW.Example.COM ')).toEqual({ ok: true, host: 'example.com' });
    expect(normalizeHost('https://www.bbc.co.uk/news/world')).toEqual({ ok: true, host: 'bbc.co.uk' });
    expect(normalizeHost('localhost')).toEqual({ ok: true, host: 'localhost' });
  });

  it('refuses what is not a site', () => {
    for (const bad of ['', '   ', 'not a site', 'ftp://example.com', 'javascript:alert(1)', 'intranet', 'a_b!.com']) {
      const r = normalizeHost(bad);
      expect(r.ok, bad).toBe(false);
    }
  });

  it('accepts whole-number delays from 0 to 3000 only', () => {
    expect(parseDelay('0')).toEqual({ ok: true, value: 0 });
    expect(parseDelay(' 3000 ')).toEqual({ ok: true, value: 3000 });
    for (const bad of ['', '-1', '3001', '1.5', 'abc', '1e3']) expect(parseDelay(bad).ok, bad).toBe(false);
  });

  it('explains a vanished extension context', () => {
    expect(describeError(new Error('Extension context invalidated.'))).toMatch(/Reload this page/);
    expect(describeError(new Error('boom'))).toBe('boom');
    expect(describeError('plain')).toBe('plain');
  });
});

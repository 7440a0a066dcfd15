/**
 * The message contract: what the content script accepts from the background (and at
 * injection), checked against the same schemas the types are inferred from.
 */
import { describe, it, expect } from 'vitest';
import * as v from 'valibot';
import {
  ContentMessageSchema,
  LaunchSchema,
  MAX_ARTICLE_CHARS,
  Requests,
  validateMessage,
} from '../../lib/messaging/protocol.ts';
import { ENTRIES } from '../fixtures/ui-fixtures.ts';

const entry = ENTRIES['northwind-water-authority']!;

describe('messaging/content messages', () => {
  it('accepts a look-up that carries whole entries', () => {
    const m = { type: 'bg/open-lookup', query: 'NWA', entries: [entry] };
    const parsed = v.safeParse(ContentMessageSchema, m);
    expect(parsed.success).toBe(true);
    expect(parsed.output).toEqual(m);
  });

  it.each([
    ['an entry without its pack', { type: 'bg/open-lookup', query: 'NWA', entries: [{ ...entry, pack: undefined }] }],
    ['an entry that is only an id', { type: 'bg/open-lookup', query: 'NWA', entries: [{ id: 'x' }] }],
    ['an unknown type', { type: 'bg/delete-everything' }],
    ['extra fields', { type: 'bg/toggle-sidebar', evil: true }],
  ])('refuses %s', (_name, m) => {
    expect(v.safeParse(ContentMessageSchema, m).success).toBe(false);
  });
});

describe('messaging/launch', () => {
  it.each([{ kind: 'auto' }, { kind: 'user' }, { kind: 'lookup', query: 'NWA', entries: [entry] }])(
    'accepts %o',
    (launch) => expect(v.safeParse(LaunchSchema, launch).success).toBe(true),
  );

  it('refuses a launch of an unknown kind', () => {
    expect(v.safeParse(LaunchSchema, { kind: 'everything' }).success).toBe(false);
  });
});

describe('messaging/requests', () => {
  it('caps article text at the one article cap', () => {
    const payload = (n: number) => ({ url: 'https://x.example/', title: '', text: 'a'.repeat(n), truncated: true });
    expect(validateMessage({ type: 'cs/analyze', payload: payload(MAX_ARTICLE_CHARS) }).ok).toBe(true);
    expect(validateMessage({ type: 'cs/analyze', payload: payload(MAX_ARTICLE_CHARS + 1) }).ok).toBe(false);
  });

  it('lets a page save only the sidebar settings', () => {
    expect(Object.keys(Requests['cs/save-ui-settings'].payload.entries).sort()).toEqual([
      'highlights',
      'sidebarCollapsed',
      'sidebarWidth',
    ]);
  });
});

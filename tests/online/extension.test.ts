/**
 * The extension's side of online mode that needs no browser: which hosts it asks for (the real
 * ones in a normal build, the stand-in's in a test build), and what a page sends for a look-up
 * (unknown names, known ones whose offices may have changed, the article's names as context).
 */
import { describe, it, expect } from 'vitest';
import { extensionOrigins, hostPermissionsFor, ONLINE_HOST_PERMISSIONS } from '../../lib/online/permissions.ts';
import { DEFAULT_ORIGINS } from '../../lib/online/endpoints.ts';
import { lookupRequest, MAX_UNKNOWN_NAMES } from '../../lib/analyzer/online.ts';
import { initialState, type SidebarState } from '../../components/sidebar/state.ts';
import type { AnalysisResult } from '../../lib/engine/types.ts';
import { makeEntity, makeEntry } from '../fixtures/ui-fixtures.ts';

describe('online hosts', () => {
  it('asks Wikipedia and Wikidata in a normal build', () => {
    expect(extensionOrigins()).toEqual(DEFAULT_ORIGINS);
    expect(hostPermissionsFor(DEFAULT_ORIGINS)).toEqual(['https://*.wikipedia.org/*', 'https://www.wikidata.org/*']);
    expect(ONLINE_HOST_PERMISSIONS).toEqual(hostPermissionsFor(DEFAULT_ORIGINS));
  });

  it('asks only the stand-in’s host (no port in a match pattern) in a test build', () => {
    const fake = 'http://127.0.0.1:41234';
    expect(hostPermissionsFor({ wikipedia: fake, wikidata: fake })).toEqual(['http://127.0.0.1/*']);
  });
});

describe('what a page sends for a look-up', () => {
  const office = {
    label: 'Office',
    value: 'Minister of Water',
    kind: 'office' as const,
    asOf: '2025-01',
    source: 'https://example.org/o',
  };
  const state = (entities: ReturnType<typeof makeEntity>[], entries = {}): SidebarState => ({
    ...initialState,
    result: { title: 't', entities, complete: true, partial: false } as unknown as AnalysisResult,
    entries,
  });

  it('sends unknown names with their known titles, and known entries with offices by their Wikipedia title', () => {
    const s = state(
      [
        makeEntity({ name: 'Halden River Trust', type: 'organization', id: null }),
        makeEntity({ name: 'Maria Ostrova', type: 'person', id: null, wikipedia: 'Maria_Ostrova' }),
        makeEntity({ name: 'Aral Sea', type: 'place' }),
        makeEntity({ name: 'Ana Minister', type: 'person' }),
      ],
      {
        'aral-sea': makeEntry({ id: 'aral-sea', name: 'Aral Sea', type: 'place', wikipedia: 'Aral_Sea' }),
        'ana-minister': makeEntry({
          id: 'ana-minister',
          name: 'Ana Minister',
          type: 'person',
          wikipedia: 'Ana_Minister',
          facts: [office],
        }),
      },
    );
    expect(lookupRequest(s)).toEqual({
      names: [
        { key: 'new:organization:Halden River Trust', name: 'Halden River Trust', title: null },
        { key: 'new:person:Maria Ostrova', name: 'Maria Ostrova', title: 'Maria_Ostrova' },
        { key: 'ana-minister', name: 'Ana Minister', title: 'Ana_Minister' },
      ],
      context: ['Halden River Trust', 'Maria Ostrova', 'Aral Sea', 'Ana Minister'],
      unknownCount: 2,
    });
  });

  it('caps the names sent per article, most central first', () => {
    const many = Array.from({ length: 55 }, (_, i) =>
      makeEntity({ name: `Name ${i}`, type: 'organization', id: null }),
    );
    const r = lookupRequest(state(many));
    expect(r.names).toHaveLength(MAX_UNKNOWN_NAMES);
    expect(r.names[0]!.name).toBe('Name 0');
    expect(r.unknownCount).toBe(55);
  });
});

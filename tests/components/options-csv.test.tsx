// @vitest-environment happy-dom
/**
 * The options page imports a spreadsheet (CSV) beside JSON: the sample class CSV is imported as
 * the pack `pack from-csv` makes of it, and a broken sheet is refused with its rows and columns.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { OptionsApp } from '../../components/options/OptionsApp.tsx';
import { createBackgroundService, type Store } from '../../lib/background/service.ts';
import { mergePacks } from '../../lib/kb/build-index.ts';
import { createClient } from '../../lib/messaging/client.ts';
import type { KnowledgePack } from '../../lib/kb/schema.ts';
import { DEFAULT_SETTINGS } from '../../lib/storage/settings.ts';
import SAMPLE_CSV from '../../data/samples/class-pack.csv?raw';
import SAMPLE_JSON from '../../data/samples/class-pack.json?raw';

afterEach(cleanup);

function setup() {
  const data = { packs: [] as KnowledgePack[] };
  const store: Store = {
    getSettings: async () => DEFAULT_SETTINGS,
    setSettings: async () => undefined,
    getSites: async () => ({}),
    setSites: async () => undefined,
    getUserPacks: async () => data.packs,
    setUserPacks: async (p) => void (data.packs = p),
    getDisabled: async () => [],
    setDisabled: async () => undefined,
  };
  const service = createBackgroundService({
    builtinPacks: [],
    builtinIndex: mergePacks([]).index,
    store,
    extensionId: 'backstory-test',
    extensionOrigin: 'chrome-extension://backstory-test/',
    injectAnalyzer: async () => false,
    setBadge: () => undefined,
    broadcast: () => undefined,
  });
  const messages: { type: string; payload: unknown }[] = [];
  const send = createClient(async (m) => {
    messages.push(m as { type: string; payload: unknown });
    return service.handle(m, { id: 'backstory-test', url: 'chrome-extension://backstory-test/options.html' });
  });
  const view = render(<OptionsApp send={send} version="1.2.3" download={() => undefined} />);
  return { ...view, data, messages };
}

async function choose(view: ReturnType<typeof setup>, file: File) {
  const input = (await view.findByLabelText('Or choose a spreadsheet (.csv) to import')) as HTMLInputElement;
  expect(input.accept).toBe('.csv,text/csv');
  Object.defineProperty(input, 'files', { configurable: true, value: [file] });
  fireEvent.change(input);
}

describe('options page: a pack from a spreadsheet', () => {
  it('imports the sample class CSV as the pack that pack from-csv makes of it', async () => {
    const view = setup();
    await choose(view, new File([SAMPLE_CSV], 'class-pack.csv', { type: 'text/csv' }));
    await view.findByTestId('import-summary');
    expect(view.messages.find((m) => m.type === 'opt/import-pack')!.payload).toEqual({ json: SAMPLE_JSON });
    expect(view.data.packs.map((p) => p.pack.id)).toEqual(['class-climate-talks']);
  });

  it('refuses a broken sheet, naming each problem’s row and column, and stores nothing', async () => {
    const view = setup();
    const csv = 'name,type,description,fact,value,source_url\nAral Sea,lake,Lake,Area,1,http://example.org/a\n';
    await choose(view, new File([csv], 'broken.csv'));
    const alert = await view.findByRole('alert');
    expect(alert.textContent).toContain('broken.csv was not imported.');
    expect(alert.textContent).toContain(
      'The spreadsheet has 3 problems: row 2: needs a reviewed date (YYYY-MM-DD), or a fact with source_retrieved to take it from; row 2, column B (type): must be one of',
    );
    expect(alert.textContent).toContain('row 2, column F (source_url): must be an https:// URL');
    expect(view.messages.some((m) => m.type === 'opt/import-pack')).toBe(false);
    expect(view.data.packs).toEqual([]);
  });
});

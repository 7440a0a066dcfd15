// @vitest-environment happy-dom
/**
 * The options page against the real background service (lib/background/service.ts)
 * with an in-memory store: every control sends the real 'opt/…' message through
 * the same validation the extension uses, so a wrong payload fails here too.
 */
import { describe, it, expect, vi, afterEach } from 'vitest';
import { cleanup, fireEvent, render, waitFor, within } from '@testing-library/preact';
import axe from 'axe-core';
import { OptionsApp, downloadText } from '../../components/options/OptionsApp.tsx';
import { createBackgroundService, type Store } from '../../lib/background/service.ts';
import { mergePacks } from '../../lib/kb/build-index.ts';
import { createClient, type Send } from '../../lib/messaging/client.ts';
import { normalizeFact, type Entry, type KnowledgePack, type KnowledgePackInput } from '../../lib/kb/schema.ts';
import { DEFAULT_SETTINGS, type Settings, type SitePolicy } from '../../lib/storage/settings.ts';

afterEach(cleanup);

import SAMPLE_PACK from '../../docs/examples/class-glossary-pack.json?raw';

function entry(id: string, name: string, over: Partial<Entry> = {}): Entry {
  return {
    id,
    name,
    type: 'country',
    aliases: [],
    description: `${name}, for tests`,
    summary: `${name} is an entry made up for the options page tests, long enough to be a summary.`,
    facts: [normalizeFact({ label: 'Area', value: 1, unit: 'km²', source: 'https://example.org/facts' })],
    related: [],
    wikipedia: null,
    reviewed: '2026-11-28',
    ...over,
  };
}

const BUILTIN: KnowledgePack[] = [
  {
    pack: {
      id: 'world',
      title: 'The world',
      version: '2.1.0',
      license: 'CC BY 4.0',
      sources: ['https://example.org/'],
    },
    entries: [entry('kazakhstan', 'Kazakhstan'), entry('uzbekistan', 'Uzbekistan')],
  },
  {
    pack: {
      id: 'central-asia',
      title: 'China, Central Asia and the SCO',
      version: '1.0.0',
      license: 'CC BY 4.0',
      sources: ['https://example.org/'],
    },
    entries: [entry('almaty', 'Almaty', { type: 'place' })],
  },
];

function memoryStore(
  init: {
    settings?: Partial<Settings>;
    sites?: Record<string, SitePolicy>;
    packs?: KnowledgePack[];
    disabled?: string[];
  } = {},
) {
  const data = {
    settings: { ...DEFAULT_SETTINGS, ...init.settings } as Settings,
    sites: { ...init.sites } as Record<string, SitePolicy>,
    packs: [...(init.packs ?? [])],
    disabled: [...(init.disabled ?? [])],
  };
  const store: Store = {
    getSettings: async () => data.settings,
    setSettings: async (s) => void (data.settings = s),
    getSites: async () => data.sites,
    setSites: async (s) => void (data.sites = s),
    getUserPacks: async () => data.packs,
    setUserPacks: async (p) => void (data.packs = p),
    getDisabled: async () => data.disabled,
    setDisabled: async (d) => void (data.disabled = d),
  };
  return { store, data };
}

const OPTIONS_SENDER = { id: 'backstory-test', url: 'chrome-extension://backstory-test/options.html' };

function setup(init: Parameters<typeof memoryStore>[0] = {}, wrap?: (send: Send) => Send) {
  const { store, data } = memoryStore(init);
  const service = createBackgroundService({
    builtinPacks: BUILTIN,
    builtinIndex: mergePacks(BUILTIN).index,
    store,
    extensionId: 'backstory-test',
    extensionOrigin: 'chrome-extension://backstory-test/',
    injectAnalyzer: async () => false,
    setBadge: () => undefined,
    broadcast: () => undefined,
  });
  const messages: { type: string; payload: unknown }[] = [];
  const base = createClient(async (m) => {
    messages.push(m as { type: string; payload: unknown });
    return service.handle(m, OPTIONS_SENDER);
  });
  const send = wrap ? wrap(base) : base;
  const download = vi.fn();
  const view = render(<OptionsApp send={send} version="1.2.3" download={download} />);
  return { ...view, data, messages, download };
}

async function ready(view: ReturnType<typeof setup>) {
  await view.findByRole('heading', { level: 2, name: 'Reading and highlighting' });
  await view.findByRole('heading', { level: 4, name: /The world/ });
}

function announcer(container: Element) {
  return container.querySelector('[data-testid="announcer"]')!;
}

function upload(input: HTMLElement, file: File) {
  fireEvent.change(input, { target: { files: [file] } });
}

async function axeViolations(container: Element) {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`);
}

describe('options page: structure', () => {
  it('loads the state from the background and shows every section with headings in order', async () => {
    const view = setup();
    await ready(view);
    const headings = Array.from(view.container.querySelectorAll('h1, h2, h3, h4')).map((h) => Number(h.tagName[1]));
    expect(headings[0]).toBe(1);
    for (let i = 1; i < headings.length; i++) expect(headings[i]! - headings[i - 1]!).toBeLessThanOrEqual(1);
    for (const name of ['Reading and highlighting', 'Sites', 'Knowledge packs', 'About and privacy']) {
      expect(view.getByRole('heading', { level: 2, name })).toBeTruthy();
    }
    expect(view.getByTestId('version').textContent).toBe('1.2.3');
    expect(view.messages[0]).toEqual({ type: 'opt/get-state', payload: {} });
  });

  it('shows a loading status first, then the settings', async () => {
    const view = setup();
    expect(view.getByText('Loading your settings…')).toBeTruthy();
    await ready(view);
    expect(view.queryByText('Loading your settings…')).toBeNull();
  });

  it('explains privacy and every permission', async () => {
    const view = setup();
    await ready(view);
    const about = view.getByRole('heading', { level: 2, name: 'About and privacy' }).closest('section')!;
    const text = about.textContent!;
    expect(text).toMatch(/no network requests/);
    expect(text).toMatch(/no tracking/);
    expect(text).toMatch(/no remote code/);
    for (const p of ['Storage', 'Scripting and access to web sites', 'Context menus', 'Active tab'])
      expect(within(about).getByText(p)).toBeTruthy();
    expect(text).toContain('Look up in Backstory');
  });

  it('has no serious or critical axe violations', async () => {
    const view = setup({ sites: { 'example.com': 'never' }, packs: [JSON.parse(SAMPLE_PACK) as KnowledgePack] });
    await ready(view);
    expect(await axeViolations(view.container)).toEqual([]);
  });

  it('shows a load failure in an alert with a way to try again', async () => {
    let fail = true;
    const view = setup(
      {},
      (send) =>
        (async (type, payload) => {
          if (fail) throw new Error('Could not establish connection. Receiving end does not exist.');
          return send(type, payload);
        }) as Send,
    );
    const alert = await view.findByRole('alert');
    expect(alert.textContent).toContain('Reload this page');
    fail = false;
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await ready(view);
  });
});

describe('options page: settings', () => {
  it('reflects the stored settings', async () => {
    const view = setup({
      settings: {
        autoOpenSidebar: false,
        highlightStyle: 'background',
        theme: 'dark',
        highlightTypes: ['person'],
        hoverShowDelay: 750,
      },
    });
    await ready(view);
    expect((view.getByLabelText('Only highlight names; open the sidebar when I ask') as HTMLInputElement).checked).toBe(
      true,
    );
    expect((view.getByLabelText('Background colour') as HTMLInputElement).checked).toBe(true);
    expect((view.getByLabelText('Dark') as HTMLInputElement).checked).toBe(true);
    expect((view.getByLabelText(/^Person/) as HTMLInputElement).checked).toBe(true);
    expect((view.getByLabelText(/^Organisation/) as HTMLInputElement).checked).toBe(false);
    expect((view.getByLabelText('Show after (milliseconds)') as HTMLInputElement).value).toBe('750');
    expect(view.container.querySelector('.opt-root')!.getAttribute('data-theme')).toBe('dark');
  });

  it('saves a change at once and says "Saved" politely', async () => {
    const view = setup();
    await ready(view);
    fireEvent.click(view.getByLabelText('Pause Backstory everywhere'));
    await waitFor(() => expect(view.data.settings.paused).toBe(true));
    await waitFor(() => expect(announcer(view.container).textContent).toBe('Saved'));
    expect(announcer(view.container).getAttribute('aria-live')).toBe('polite');
    expect(view.messages.at(-1)).toEqual({ type: 'opt/save-settings', payload: { settings: { paused: true } } });
    expect(view.getByText(/Backstory is paused/)).toBeTruthy();
  });

  it('saves the sidebar choice, highlight style and theme', async () => {
    const view = setup();
    await ready(view);
    fireEvent.click(view.getByLabelText('Only highlight names; open the sidebar when I ask'));
    await waitFor(() => expect(view.data.settings.autoOpenSidebar).toBe(false));
    fireEvent.click(view.getByLabelText('Background colour'));
    await waitFor(() => expect(view.data.settings.highlightStyle).toBe('background'));
    fireEvent.click(view.getByLabelText('Light'));
    await waitFor(() => expect(view.data.settings.theme).toBe('light'));
    expect(view.container.querySelector('.opt-root')!.getAttribute('data-theme')).toBe('light');
    fireEvent.click(view.getByLabelText('Highlight the names Backstory knows in the article'));
    await waitFor(() => expect(view.data.settings.highlights).toBe(false));
  });

  it('saves the entity types to highlight, in their usual order', async () => {
    const view = setup();
    await ready(view);
    fireEvent.click(view.getByLabelText(/^Person/));
    await waitFor(() => expect(view.data.settings.highlightTypes).not.toContain('person'));
    fireEvent.click(view.getByLabelText(/^Person/));
    await waitFor(() => expect(view.data.settings.highlightTypes).toEqual(DEFAULT_SETTINGS.highlightTypes));
    const group = view.getByRole('group', { name: 'Types of names to highlight' });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(8);
  });

  it('saves a valid hover delay and refuses an out-of-range one with an explanation', async () => {
    const view = setup();
    await ready(view);
    const show = view.getByLabelText('Show after (milliseconds)') as HTMLInputElement;
    fireEvent.input(show, { target: { value: '5000' } });
    fireEvent.change(show, { target: { value: '5000' } });
    expect(show.getAttribute('aria-invalid')).toBe('true');
    const error = view.container.querySelector(`#${show.getAttribute('aria-describedby')}`)!;
    expect(error.textContent).toMatch(/0 to 3000/);
    expect(view.messages.some((m) => m.type === 'opt/save-settings')).toBe(false);

    fireEvent.input(show, { target: { value: '800' } });
    fireEvent.change(show, { target: { value: '800' } });
    await waitFor(() => expect(view.data.settings.hoverShowDelay).toBe(800));
    expect(show.getAttribute('aria-invalid')).toBeNull();

    const hide = view.getByLabelText('Hide after (milliseconds)') as HTMLInputElement;
    fireEvent.change(hide, { target: { value: '0' } });
    await waitFor(() => expect(view.data.settings.hoverHideDelay).toBe(0));
  });

  it('shows a refused save in an alert and puts back what is really stored', async () => {
    const view = setup(
      {},
      (send) =>
        (async (type, payload) => {
          if (type === 'opt/save-settings') return { ok: false, error: 'storage quota exceeded' };
          return send(type, payload);
        }) as Send,
    );
    await ready(view);
    const box = view.getByLabelText('Pause Backstory everywhere') as HTMLInputElement;
    fireEvent.click(box);
    const alert = await view.findByRole('alert');
    expect(alert.textContent).toContain('storage quota exceeded');
    await waitFor(() => expect(box.checked).toBe(false));
    fireEvent.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(view.queryByRole('alert')).toBeNull();
  });
});

describe('options page: sites', () => {
  it('lists sites, changes and removes one', async () => {
    const view = setup({ sites: { 'example.com': 'never', 'news.example.org': 'always' } });
    await ready(view);
    const select = view.getByLabelText('Backstory on example.com') as HTMLSelectElement;
    expect(select.value).toBe('never');
    fireEvent.change(select, { target: { value: 'always' } });
    await waitFor(() => expect(view.data.sites['example.com']).toBe('always'));
    fireEvent.click(view.getByRole('button', { name: 'Remove news.example.org' }));
    await waitFor(() => expect(view.data.sites).toEqual({ 'example.com': 'always' }));
    await waitFor(() => expect(view.queryByText('news.example.org')).toBeNull());
    expect(announcer(view.container).textContent).toBe('Removed news.example.org.');
  });

  it('adds a site typed as a URL, stored under its host', async () => {
    const view = setup();
    await ready(view);
    expect(view.getByText('No sites have their own setting yet.')).toBeTruthy();
    fireEvent.input(view.getByLabelText('Site'), { target: { value: 'https://www.Example.com/world/story' } });
    fireEvent.change(view.getByLabelText('Backstory on this site'), { target: { value: 'always' } });
    fireEvent.click(view.getByRole('button', { name: 'Add site' }));
    await waitFor(() => expect(view.data.sites).toEqual({ 'example.com': 'always' }));
    expect(await view.findByRole('rowheader', { name: 'example.com' })).toBeTruthy();
    expect((view.getByLabelText('Site') as HTMLInputElement).value).toBe('');
  });

  it('explains a host it cannot use and sends nothing', async () => {
    const view = setup();
    await ready(view);
    const input = view.getByLabelText('Site');
    fireEvent.input(input, { target: { value: 'not a site' } });
    fireEvent.submit(input.closest('form')!);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(view.container.querySelector('#opt-new-host-error')!.textContent).toMatch(/example\.com/);
    expect(view.messages.some((m) => m.type === 'opt/set-site-policy')).toBe(false);
  });
});

describe('options page: knowledge packs', () => {
  it('lists built-in packs with id, version, entry count and licence', async () => {
    const view = setup();
    await ready(view);
    const item = view.getByRole('heading', { level: 4, name: /The world/ }).closest('li')!;
    const text = item.textContent!;
    expect(text).toContain('world');
    expect(text).toContain('2.1.0');
    expect(text).toContain('Entries2');
    expect(text).toContain('CC BY 4.0');
    expect(text).toContain('Built-in');
    expect(within(item).queryByRole('button', { name: /Delete/ })).toBeNull();
    expect(view.getByText('You have not imported any pack yet.')).toBeTruthy();
  });

  it('explains the pack format and names the sample file', async () => {
    const view = setup();
    await ready(view);
    const section = view.getByRole('heading', { level: 2, name: 'Knowledge packs' }).closest('section')!;
    expect(section.textContent).toContain('class-glossary-pack.json');
    expect(section.textContent).toContain('docs/knowledge-packs.md');
    const input = view.getByLabelText('Choose a pack file (.json) to import') as HTMLInputElement;
    expect(input.type).toBe('file');
    expect(input.accept).toBe('.json,application/json');
  });

  it('imports the sample class pack and summarises it', async () => {
    const view = setup();
    await ready(view);
    upload(
      view.getByLabelText('Choose a pack file (.json) to import'),
      new File([SAMPLE_PACK], 'class-glossary-pack.json', { type: 'application/json' }),
    );
    const summary = await view.findByText(/^Imported/, { selector: '.status.ok p' });
    expect(summary.textContent).toBe(
      'Imported “Year 10 geography: Central Asia’s water and mountains” (class-central-asia-geography) with 5 entries. It does not replace any built-in entry.',
    );
    expect(view.data.packs.map((p) => p.pack.id)).toEqual(['class-central-asia-geography']);
    const item = (await view.findByRole('heading', { level: 4, name: /Year 10 geography/ })).closest('li')!;
    expect(item.textContent).toContain('Yours');
    expect(item.textContent).toContain('Entries5');
    expect(view.messages.find((m) => m.type === 'opt/import-pack')!.payload).toEqual({ json: SAMPLE_PACK });
  });

  it('names the built-in entries an imported pack overrides', async () => {
    const view = setup();
    await ready(view);
    const pack = {
      pack: {
        id: 'my-class',
        title: 'My class',
        version: '1.0.0',
        license: 'CC BY 4.0',
        sources: ['https://example.org/'],
      },
      entries: [entry('kazakhstan', 'Kazakhstan'), entry('class-term', 'Class term', { type: 'concept' })],
    };
    upload(
      view.getByLabelText('Choose a pack file (.json) to import'),
      new File([JSON.stringify(pack)], 'my-class.json'),
    );
    const status = await view.findByTestId('import-summary');
    expect(status.textContent).toContain('with 2 entries. It replaces 1 built-in entry');
    expect(within(status).getByText('kazakhstan')).toBeTruthy();
    expect(announcer(view.container).textContent).toMatch(/^Imported “My class”/);
  });

  it('shows the background’s reason in an alert when a pack is invalid', async () => {
    const view = setup();
    await ready(view);
    const bad = JSON.parse(SAMPLE_PACK) as KnowledgePackInput;
    bad.entries[1]!.facts[0]!.source = 'http://example.org/not-https';
    upload(
      view.getByLabelText('Choose a pack file (.json) to import'),
      new File([JSON.stringify(bad, null, 2)], 'broken.json'),
    );
    const alert = await view.findByRole('alert');
    expect(alert.textContent).toContain('broken.json was not imported.');
    expect(alert.textContent).toContain('The pack is not valid.');
    expect(alert.textContent).toContain('entry 2 ("class-aral-sea"), fact 1, source: must be an https:// URL');
    expect(view.data.packs).toEqual([]);
    expect(await axeViolations(view.container)).toEqual([]);
  });

  it('shows where a file is not JSON', async () => {
    const view = setup();
    await ready(view);
    upload(view.getByLabelText('Choose a pack file (.json) to import'), new File(['{ "pack": '], 'half.json'));
    const alert = await view.findByRole('alert');
    expect(alert.textContent).toContain('The file is not valid JSON');
  });

  it('refuses a built-in pack id', async () => {
    const view = setup();
    await ready(view);
    const pack = { pack: { id: 'world', title: 'Mine', version: '1.0.0', license: 'x', sources: [] }, entries: [] };
    upload(view.getByLabelText('Choose a pack file (.json) to import'), new File([JSON.stringify(pack)], 'world.json'));
    expect((await view.findByRole('alert')).textContent).toContain('The pack id "world" is used by a built-in pack');
  });

  it('exports a pack as a download of the JSON the background returns', async () => {
    const view = setup();
    await ready(view);
    fireEvent.click(view.getByRole('button', { name: 'Export The world' }));
    await waitFor(() => expect(view.download).toHaveBeenCalledTimes(1));
    const [filename, json] = view.download.mock.calls[0]! as [string, string];
    expect(filename).toBe('world-2.1.0.json');
    expect((JSON.parse(json) as KnowledgePack).pack.id).toBe('world');
    expect(announcer(view.container).textContent).toBe('Exported world-2.1.0.json.');
  });

  it('switches a pack off and on', async () => {
    const view = setup();
    await ready(view);
    const box = view.getByLabelText('Use this pack: The world') as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    await waitFor(() => expect(view.data.disabled).toEqual(['world']));
    expect(box.checked).toBe(false);
    fireEvent.click(box);
    await waitFor(() => expect(view.data.disabled).toEqual([]));
  });

  it('deletes a user pack only after a confirm step in the page, with focus managed', async () => {
    const confirmSpy = vi.fn(() => true);
    vi.stubGlobal('confirm', confirmSpy);
    const sample = JSON.parse(SAMPLE_PACK) as KnowledgePack;
    const view = setup({ packs: [sample] });
    await ready(view);
    const del = view.getByRole('button', { name: `Delete ${sample.pack.title}` });
    fireEvent.click(del);
    const cancel = await view.findByRole('button', { name: 'Cancel' });
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    const group = view.getByRole('group', { name: /Delete “Year 10 geography/ });
    expect(group.textContent).toContain('5 entries');
    expect(await axeViolations(view.container)).toEqual([]);

    fireEvent.click(cancel);
    const again = await view.findByRole('button', { name: `Delete ${sample.pack.title}` });
    await waitFor(() => expect(document.activeElement).toBe(again));
    expect(view.data.packs).toHaveLength(1);

    fireEvent.click(again);
    fireEvent.keyDown(await view.findByRole('button', { name: 'Cancel' }), { key: 'Escape' });
    await view.findByRole('button', { name: `Delete ${sample.pack.title}` });

    fireEvent.click(view.getByRole('button', { name: `Delete ${sample.pack.title}` }));
    fireEvent.click(await view.findByRole('button', { name: 'Delete pack' }));
    await waitFor(() => expect(view.data.packs).toEqual([]));
    await waitFor(() => expect(view.queryByRole('heading', { level: 4, name: /Year 10 geography/ })).toBeNull());
    expect(announcer(view.container).textContent).toContain('Deleted the pack');
    expect(confirmSpy).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });
});

describe('options page: downloadText', () => {
  it('downloads through a Blob URL on a temporary link', () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      expect(this.download).toBe('pack.json');
      expect(this.href).toMatch(/^blob:/);
    });
    downloadText('pack.json', '{}\n');
    expect(click).toHaveBeenCalledTimes(1);
    expect(document.querySelector('a[download]')).toBeNull();
    click.mockRestore();
  });
});

describe('options page: the accessibility scan itself', () => {
  it('does catch a serious problem in happy-dom (so a clean scan means something)', async () => {
    const { container } = render(
      <div>
        <input type="checkbox" />
        <button type="button" />
      </div>,
    );
    const found = await axeViolations(container);
    expect(found.some((v) => v.startsWith('label:'))).toBe(true);
    expect(found.some((v) => v.startsWith('button-name:'))).toBe(true);
  });
});

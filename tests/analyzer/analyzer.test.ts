// @vitest-environment happy-dom
/**
 * The Analyzer as a whole, on a happy-dom page with a fake transport to the real background
 * service: lifecycle, the background's messages, and that destroy() leaves nothing behind.
 */
import { describe, it, expect, afterEach, vi } from 'vitest';
import { Analyzer } from '../../lib/analyzer/analyzer.ts';
import { fakeBackground, fakePage, until, NOT_ARTICLE_HTML, type FakeBackground } from './fakes.ts';
import type { Launch } from '../../lib/messaging/protocol.ts';

let running: Analyzer | null = null;
afterEach(() => {
  running?.destroy();
  running = null;
});

function start(bg: FakeBackground, launch: Launch = { kind: 'auto' }, html?: string) {
  const { doc, win } = fakePage(html);
  let listener: ((m: unknown) => void) | null = null;
  let invalidate: (() => void) | null = null;
  const analyzer = new Analyzer({
    doc,
    win,
    transport: bg.transport,
    onContentMessage: (l) => {
      listener = l;
      return () => (listener = null);
    },
    onInvalidated: (fn) => (invalidate = fn),
  });
  running = analyzer;
  const started = analyzer.start(launch);
  return {
    analyzer,
    doc,
    started,
    message: (m: unknown) => listener?.(m),
    invalidate: () => invalidate?.(),
    hasListener: () => !!listener,
  };
}

const sidebarHost = (doc: Document) => doc.querySelector('backstory-sidebar');

describe('analyzer/lifecycle', () => {
  it('on an article: opens the sidebar, lists the names after both passes, and sets the badge', async () => {
    const bg = fakeBackground();
    const { analyzer, doc, started } = start(bg);
    await started;
    await until(() => analyzer.store.state.result?.complete === true, 'the full pass');
    expect(sidebarHost(doc)).not.toBeNull();
    const names = analyzer.store.state.result!.entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Shanghai Cooperation Organisation', 'Kazakhstan', 'NATO']));
    expect(bg.sent.filter((m) => m.type === 'cs/analyze').map((m) => (m.payload as { quick: boolean }).quick)).toEqual([
      true,
      false,
    ]);
    expect(bg.badges.at(-1)).toBe(String(analyzer.store.state.result!.entities.length));
    await until(() => bg.sent.some((m) => m.type === 'cs/report-outcome'), 'the outcome reported');
    expect(bg.sent.find((m) => m.type === 'cs/report-outcome')!.payload).toEqual({
      outcome: 'found',
      count: analyzer.store.state.result!.entities.length,
    });
  });

  it('takes the sidebar width and fold from the stored settings, within range', async () => {
    const bg = fakeBackground({ settings: { sidebarWidth: 10_000, sidebarCollapsed: true } });
    const { analyzer, started } = start(bg);
    await started;
    expect(analyzer.store.state.collapsed).toBe(true);
    expect(analyzer.store.state.width).toBeLessThan(10_000);
  });

  it('leaves the sidebar closed when the reader turned auto-open off', async () => {
    const bg = fakeBackground({ settings: { autoOpenSidebar: false } });
    const { analyzer, doc, started } = start(bg);
    await started;
    expect(sidebarHost(doc)).toBeNull();
    expect(analyzer.store.state.open).toBe(false);
  });

  it('says on the console that it is done with the page, and how the run ended (the signal the e2e tests wait for in Firefox)', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    try {
      const bg = fakeBackground();
      const { started } = start(bg, { kind: 'user' }, NOT_ARTICLE_HTML);
      await started;
      await until(() => bg.sent.some((m) => m.type === 'cs/report-outcome'), 'the outcome reported');
      expect(debug.mock.calls).toContainEqual(['Backstory: done with this page: nothing']);
    } finally {
      debug.mockRestore();
    }
  });

  it('on a page that is not an article, opened by the user: says there is no article text', async () => {
    const bg = fakeBackground();
    const { analyzer, started } = start(bg, { kind: 'user' }, NOT_ARTICLE_HTML);
    await started;
    expect(analyzer.store.state.status.kind).toBe('empty');
    expect(bg.badges.at(-1)).toBe('');
    await until(() => bg.sent.some((m) => m.type === 'cs/report-outcome'), 'the outcome reported');
    expect(bg.sent.find((m) => m.type === 'cs/report-outcome')!.payload).toEqual({ outcome: 'nothing', count: 0 });
  });

  it('toggles the sidebar on the background’s message, and closes it again', async () => {
    const bg = fakeBackground();
    const { analyzer, doc, started, message } = start(bg);
    await started;
    message({ type: 'bg/toggle-sidebar' });
    expect(sidebarHost(doc)).toBeNull();
    expect(analyzer.store.state.open).toBe(false);
    message({ type: 'bg/toggle-sidebar' });
    expect(sidebarHost(doc)).not.toBeNull();
  });

  it('ignores messages that do not match the contract', async () => {
    const bg = fakeBackground();
    const { doc, started, message } = start(bg);
    await started;
    message({ type: 'bg/toggle-sidebar', evil: true });
    message('bg/toggle-sidebar');
    expect(sidebarHost(doc)).not.toBeNull();
  });

  it('removes everything when the site is switched off in the options page', async () => {
    const bg = fakeBackground();
    const { analyzer, doc, started, message, hasListener } = start(bg);
    await started;
    bg.stored.sites = { 'news.example': 'never' };
    message({ type: 'bg/settings-changed' });
    await until(() => analyzer.destroyed, 'the analyzer to go');
    expect(sidebarHost(doc)).toBeNull();
    expect(hasListener()).toBe(false);
    expect(bg.badges.at(-1)).toBe('');
  });

  it('tears itself down when the extension goes away under the page', async () => {
    let gone = false;
    const bg = fakeBackground({ gone: () => gone });
    const { analyzer, doc, started, message } = start(bg);
    await started;
    gone = true;
    message({ type: 'bg/settings-changed' });
    await until(() => analyzer.destroyed, 'the analyzer to go');
    expect(sidebarHost(doc)).toBeNull();
  });

  it('tears itself down when its context is invalidated, and stays down', async () => {
    const bg = fakeBackground();
    const { analyzer, doc, started, invalidate, message } = start(bg);
    await started;
    invalidate();
    expect(analyzer.destroyed).toBe(true);
    expect(sidebarHost(doc)).toBeNull();
    expect(doc.documentElement.style.getPropertyValue('margin-right')).toBe('');
    message({ type: 'bg/toggle-sidebar' });
    expect(sidebarHost(doc)).toBeNull();
  });

  it('a second launch by the user toggles the running sidebar instead of starting another', async () => {
    const bg = fakeBackground();
    const { analyzer, doc, started } = start(bg);
    await started;
    analyzer.relaunch({ kind: 'user' });
    expect(sidebarHost(doc)).toBeNull();
    analyzer.relaunch({ kind: 'user' });
    expect(doc.querySelectorAll('backstory-sidebar').length).toBe(1);
  });

  it('a look-up launch shows the card of the entry found', async () => {
    const bg = fakeBackground({ settings: { autoOpenSidebar: false } });
    const entries = [
      { ...(await import('../fixtures/test-kb.ts')).testEntries.find((e) => e.id === 'nato')!, pack: 'engine-test' },
    ];
    const { doc, started } = start(bg, { kind: 'lookup', query: 'NATO', entries });
    await started;
    const card = doc.querySelector('backstory-card')?.shadowRoot?.textContent ?? '';
    expect(card).toContain('NATO');
  });

  it('single-page-app navigation: forgets the old article and reads the new one', async () => {
    const bg = fakeBackground();
    const { analyzer, doc, started, message } = start(bg);
    await started;
    await until(() => analyzer.store.state.result?.complete === true, 'the full pass');
    const before = bg.sent.filter((m) => m.type === 'cs/analyze').length;
    doc.querySelector('article h1')!.textContent = 'A new story';
    message({ type: 'bg/navigated', url: 'https://news.example/other' });
    expect(analyzer.store.state.result).toBeNull();
    expect(analyzer.store.state.open).toBe(true); // the frame stays as it was
    await until(() => bg.sent.filter((m) => m.type === 'cs/analyze').length >= before + 2, 'the new passes');
    await until(() => analyzer.store.state.result?.complete === true, 'the new full pass');
    expect(analyzer.store.state.title).toBe('A new story');
  });
});

// @vitest-environment happy-dom
/**
 * The sidebar frame on a happy-dom page: its host, open/close/fold/resize through the
 * store, the settings each change saves, and docking beside the article.
 */
import { describe, it, expect, vi } from 'vitest';
import { SidebarShell, type SidebarActions } from '../../lib/analyzer/sidebar-shell.tsx';
import { Docking, DOCK_MIN_WINDOW, MIN_ARTICLE_WIDTH } from '../../lib/analyzer/docking.ts';
import { SIDEBAR_MAX_WIDTH } from '../../lib/storage/settings.ts';
import { fakePage } from './fakes.ts';
import { parts } from './parts.ts';

function shell(width = 1400) {
  const p = parts({ width });
  const saved: object[] = [];
  const actions: SidebarActions = {
    selectEntity: vi.fn(),
    jumpToMention: vi.fn(),
    setSitePolicy: vi.fn(),
    toggleHighlights: vi.fn(),
    exportGlossary: vi.fn(),
    print: vi.fn(),
    retry: vi.fn(),
    saveUiSettings: (patch) => saved.push(patch),
  };
  const sidebar = new SidebarShell(p.ctx, p.store, actions, true);
  const host = () => p.doc.querySelector('backstory-sidebar');
  const margin = () => p.doc.documentElement.style.getPropertyValue('margin-right');
  return { ...p, sidebar, actions, saved, host, margin };
}

describe('analyzer/sidebar shell', () => {
  it('opens into its own host, renders the state, and re-renders on every change', () => {
    const s = shell();
    s.sidebar.open(false);
    expect(s.store.state.open).toBe(true);
    expect(s.host()?.shadowRoot?.querySelector('aside.panel')).not.toBeNull();
    s.store.dispatch({ type: 'loading', message: 'Reading the article…' });
    expect(s.host()!.shadowRoot!.textContent).toContain('Reading the article…');
  });

  it('docks beside the article on a wide window and gives the margin back when closed', () => {
    const s = shell();
    s.doc.documentElement.style.setProperty('margin-right', '7px');
    s.sidebar.open(false);
    expect(s.margin()).toBe(`${s.store.state.width}px`);
    s.sidebar.close();
    expect(s.host()).toBeNull();
    expect(s.store.state.open).toBe(false);
    expect(s.margin()).toBe('7px');
  });

  it('toggle closes an open sidebar, and opens a folded one unfolded', () => {
    const s = shell();
    s.sidebar.open(false);
    s.sidebar.toggle();
    expect(s.host()).toBeNull();
    s.store.dispatch({ type: 'collapse', collapsed: true });
    s.sidebar.toggle();
    expect(s.store.state).toMatchObject({ open: true, collapsed: false });
  });

  it('folding is saved as the reader’s setting and undocks', () => {
    const s = shell();
    s.sidebar.open(false);
    s.host()!.shadowRoot!.querySelector<HTMLButtonElement>('button[aria-label="Collapse the sidebar"]')!.click();
    expect(s.store.state.collapsed).toBe(true);
    expect(s.saved).toEqual([{ sidebarCollapsed: true }]);
    expect(s.margin()).toBe('');
  });

  it('a resize is kept within range and saved once the reader stops', () => {
    vi.useFakeTimers();
    try {
      const s = shell();
      s.sidebar.open(false);
      const handle = s.host()!.shadowRoot!.querySelector<HTMLElement>('[role="separator"]')!;
      for (let i = 0; i < 100; i++)
        handle.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
      expect(s.store.state.width).toBe(SIDEBAR_MAX_WIDTH);
      expect(s.saved).toEqual([]);
      vi.advanceTimersByTime(1000);
      expect(s.saved).toEqual([{ sidebarWidth: SIDEBAR_MAX_WIDTH }]);
    } finally {
      vi.useRealTimers();
    }
  });

  it('passes the sidebar’s requests on to the analyzer', () => {
    const s = shell();
    s.sidebar.open(false);
    s.store.dispatch({ type: 'error', message: 'Backstory could not read this page.' });
    Array.from(s.host()!.shadowRoot!.querySelectorAll<HTMLButtonElement>('button'))
      .find((b) => /try again/i.test(b.textContent ?? ''))!
      .click();
    expect(s.actions.retry).toHaveBeenCalled();
  });

  it('destroy removes the host and the margin, and stops rendering', () => {
    const s = shell();
    s.sidebar.open(false);
    s.sidebar.destroy();
    expect(s.host()).toBeNull();
    expect(s.margin()).toBe('');
    s.store.dispatch({ type: 'open' });
    expect(s.host()).toBeNull();
  });
});

describe('analyzer/docking', () => {
  it('does not dock in a narrow window, nor a folded or closed sidebar', () => {
    const { doc, win } = fakePage(undefined, DOCK_MIN_WINDOW - 1);
    const docking = new Docking(doc, win);
    docking.update({ open: true, collapsed: false, width: 380 });
    expect(docking.docked).toBe(false);
    const wide = fakePage(undefined, DOCK_MIN_WINDOW);
    const d2 = new Docking(wide.doc, wide.win);
    d2.update({ open: true, collapsed: true, width: 380 });
    expect(d2.docked).toBe(false);
    d2.update({ open: false, collapsed: false, width: 380 });
    expect(d2.docked).toBe(false);
    d2.update({ open: true, collapsed: false, width: 380 });
    expect(wide.doc.documentElement.style.getPropertyValue('margin-right')).toBe('380px');
  });

  // Issue 18, item 11: docked beside the page, a sidebar left the article a 200 px column.
  it('docks only while the page keeps a readable width beside the sidebar; otherwise it overlays', () => {
    const { doc, win } = fakePage(undefined, 1280);
    const docking = new Docking(doc, win);
    docking.update({ open: true, collapsed: false, width: 1280 - MIN_ARTICLE_WIDTH });
    expect(docking.docked).toBe(true);
    docking.update({ open: true, collapsed: false, width: 1280 - MIN_ARTICLE_WIDTH + 1 });
    expect(docking.docked).toBe(false);
    expect(doc.documentElement.style.getPropertyValue('margin-right')).toBe('');
    const narrow = fakePage(undefined, 800);
    const d2 = new Docking(narrow.doc, narrow.win);
    d2.update({ open: true, collapsed: false, width: 343 });
    expect(d2.docked).toBe(false);
  });

  it('gives back exactly the page’s own margin, or none', () => {
    const { doc, win } = fakePage();
    const docking = new Docking(doc, win);
    docking.update({ open: true, collapsed: false, width: 400 });
    docking.update({ open: true, collapsed: false, width: 420 });
    docking.undock();
    expect(doc.documentElement.style.getPropertyValue('margin-right')).toBe('');
    expect(docking.docked).toBe(false);
  });
});

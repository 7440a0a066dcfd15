// @vitest-environment happy-dom
/**
 * The "Cite" controls: beside every fact's source a menu of three styles, and in the footer
 * the article's sources as a file; each hands the analyzer exactly what was chosen.
 */
import { describe, it, expect, vi, afterEach } from 'vitest';
import { cleanup, fireEvent, render, within } from '@testing-library/preact';
import axe from 'axe-core';
import { EntityDetail } from '../../components/sidebar/EntityDetail.tsx';
import { Sidebar, type SidebarProps } from '../../components/sidebar/Sidebar.tsx';
import { ARTICLE_TEXT, ENTITIES, ENTRIES, RELATED_NAMES, loadedState } from '../fixtures/ui-fixtures.ts';

afterEach(cleanup);

const NWA = ENTITIES.find((e) => e.key === 'northwind-water-authority')!;
const entry = ENTRIES['northwind-water-authority']!;

function renderDetail(onCite?: (...a: unknown[]) => void) {
  return render(
    <EntityDetail
      entity={NWA}
      entry={entry}
      text={ARTICLE_TEXT}
      presentIds={new Set()}
      relatedNames={RELATED_NAMES}
      onBack={vi.fn()}
      onSelectRelated={vi.fn()}
      onJumpToMention={vi.fn()}
      mentionCursor={undefined}
      onCite={onCite}
    />,
  );
}

describe('Cite beside each fact', () => {
  it('has one "Cite" per fact, and a style button cites that fact’s source', () => {
    const onCite = vi.fn();
    const { container } = renderDetail(onCite);
    const menus = container.querySelectorAll('dl.facts details.cite');
    expect(menus).toHaveLength(entry.facts.length);
    const last = menus[menus.length - 1] as HTMLDetailsElement;
    last.open = true;
    fireEvent.click(within(last).getByRole('button', { name: 'Chicago' }));
    expect(onCite).toHaveBeenCalledWith(entry.facts[entry.facts.length - 1]!.source, 'chicago');
    expect(last.open).toBe(false);
  });

  it('offers APA, MLA and Chicago, named for the fact they cite', () => {
    const { container } = renderDetail(vi.fn());
    const first = container.querySelector('details.cite')!;
    expect(first.querySelector('summary')!.getAttribute('aria-label')).toBe(
      `Cite the source of “${entry.facts[0]!.label}”`,
    );
    expect([...first.querySelectorAll('button')].map((b) => b.textContent)).toEqual(['APA', 'MLA', 'Chicago']);
  });

  it('is absent where nothing can cite', () => {
    const { container } = renderDetail(undefined);
    expect(container.querySelector('details.cite')).toBeNull();
  });

  it('passes axe with the menu open', async () => {
    const { container } = renderDetail(vi.fn());
    container.querySelectorAll('details').forEach((d) => ((d as HTMLDetailsElement).open = true));
    const res = await axe.run(container, { rules: { region: { enabled: false } } });
    expect(res.violations.map((v) => v.id)).toEqual([]);
  });
});

describe('Sources export in the footer', () => {
  function renderSidebar(over: Partial<SidebarProps> = {}) {
    const props = {
      state: loadedState(),
      collapsed: false,
      width: 380,
      sitePolicy: 'default',
      siteName: 'news.example.org',
      highlightsOn: true,
      highlightsSupported: true,
      onSelectEntity: vi.fn(),
      onFilter: vi.fn(),
      onQuery: vi.fn(),
      onJumpToMention: vi.fn(),
      onStepMention: vi.fn(),
      onClose: vi.fn(),
      onToggleCollapsed: vi.fn(),
      onResize: vi.fn(),
      onSetSitePolicy: vi.fn(),
      onToggleHighlights: vi.fn(),
      onExport: vi.fn(),
      onPrint: vi.fn(),
      ...over,
    } as SidebarProps;
    return render(<Sidebar {...props} />);
  }

  it('downloads the sources as CSL-JSON, BibTeX or RIS', () => {
    const onExportSources = vi.fn();
    const { getByRole } = renderSidebar({ onExportSources });
    const group = getByRole('group', { name: "Export the article's sources for a reference manager" });
    expect(
      within(group)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['CSL-JSON', 'BibTeX', 'RIS']);
    fireEvent.click(within(group).getByRole('button', { name: 'BibTeX' }));
    expect(onExportSources).toHaveBeenCalledWith('bibtex');
  });

  it('is absent without an export action', () => {
    const { queryByRole } = renderSidebar();
    expect(queryByRole('group', { name: "Export the article's sources for a reference manager" })).toBeNull();
  });
});

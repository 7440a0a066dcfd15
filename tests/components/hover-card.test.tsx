// @vitest-environment happy-dom
import { describe, it, expect, vi, afterEach } from 'vitest';
import { cleanup, fireEvent, render, within } from '@testing-library/preact';
import axe from 'axe-core';
import { HoverCard, type HoverCardProps } from '../../components/hover-card/HoverCard.tsx';
import type { Entity } from '../../lib/engine/types.ts';
import { ENTITIES, ENTRIES, HOSTILE, makeEntity, makeEntry } from '../fixtures/ui-fixtures.ts';

afterEach(cleanup);

const entityOf = (key: string): Entity => ENTITIES.find((e) => e.key === key)!;

function renderCard(over: Partial<HoverCardProps> = {}) {
  const props: HoverCardProps = {
    entity: entityOf('northwind-water-authority'),
    entry: ENTRIES['northwind-water-authority'],
    position: { left: 120, top: 340 },
    onOpenInSidebar: vi.fn(),
    onClose: vi.fn(),
    ...over,
  };
  return { ...render(<HoverCard {...props} />), props };
}

const factRows = (container: Element) =>
  Array.from(container.querySelectorAll('.card-facts > div')).map((d) => [
    d.querySelector('dt')!.textContent,
    d.querySelector('dd')!.textContent,
  ]);

describe('components/hover-card', () => {
  it('is a non-modal dialog named after the entity', () => {
    const { getByRole } = renderCard();
    const dialog = getByRole('dialog', { name: 'Backstory: Northwind Water Authority' });
    expect(dialog.getAttribute('aria-modal')).toBe('false');
  });

  it('shows the name, type and description', () => {
    const { container } = renderCard();
    expect(container.querySelector('.card-name')!.textContent).toBe('Northwind Water Authority');
    expect(container.querySelector('.type')!.textContent).toBe('Organisation');
    expect(container.querySelector('.card-desc')!.textContent).toBe('Public body that runs the Halden river dams.');
  });

  it('shows at most three figures by default, each with its value, unit and as-of', () => {
    expect(ENTRIES['northwind-water-authority']!.facts.length).toBeGreaterThan(3);
    expect(factRows(renderCard().container)).toEqual([
      ['Staff', '2,400 (as of 2024 — may have changed)'],
      ['Budget', '310 million EUR (as of Jun 2024 — may have changed)'],
      ['Dams', '12 (as of 31 Dec 2023 — may have changed)'],
    ]);
  });

  it('shows the as-of date inside the bracket a value ends with, not in a second bracket', () => {
    const entry = makeEntry({
      id: 'sco',
      name: 'SCO',
      type: 'organization',
      facts: [
        {
          label: 'Secretary-General',
          value: 'Nurlan Yermekbayev (Kazakhstan)',
          kind: 'office',
          asOf: '2025-01',
          source: 'https://www.example.org/sco',
        },
      ],
    });
    const { container } = renderCard({ entry });
    const [[, dd]] = factRows(container) as [[string, string]];
    expect(dd).toMatch(/^Nurlan Yermekbayev \(Kazakhstan, as of Jan 2025( — may have changed)?\)$/);
    expect(container.querySelector('.card-facts .asof')!.textContent).toMatch(/^as of Jan 2025/);
  });

  it.each([
    [1, 1],
    [2, 2],
    [10, 4],
  ])('with maxFacts=%i shows %i figures', (maxFacts, n) => {
    expect(factRows(renderCard({ maxFacts }).container)).toHaveLength(n);
  });

  it('shows no figure list for an entry without facts', () => {
    expect(renderCard({ entity: entityOf('lisbon'), entry: ENTRIES.lisbon }).container.querySelector('dl')).toBeNull();
  });

  it('"Open in sidebar" calls onOpenInSidebar, and only that', () => {
    const { getByRole, props } = renderCard();
    fireEvent.click(getByRole('button', { name: 'Open in sidebar →' }));
    expect(props.onOpenInSidebar).toHaveBeenCalledOnce();
    expect(props.onClose).not.toHaveBeenCalled();
  });

  it('the close button calls onClose, and only that', () => {
    const { getByRole, props } = renderCard();
    fireEvent.click(getByRole('button', { name: 'Close card' }));
    expect(props.onClose).toHaveBeenCalledOnce();
    expect(props.onOpenInSidebar).not.toHaveBeenCalled();
  });

  it('never steals focus: its buttons are out of the tab order and rendering leaves focus where it was', () => {
    const outside = document.createElement('button');
    document.body.append(outside);
    outside.focus();
    const { getByTestId } = renderCard();
    const buttons = within(getByTestId('hover-card')).getAllByRole('button');
    expect(buttons).toHaveLength(2);
    for (const b of buttons) expect(b.tabIndex).toBe(-1);
    expect(document.activeElement).toBe(outside);
    outside.remove();
  });

  it('is placed at the given position, and hidden (for measuring) without one', () => {
    const placed = renderCard().getByTestId('hover-card');
    expect(placed.style.left).toBe('120px');
    expect(placed.style.top).toBe('340px');
    expect(placed.style.visibility).not.toBe('hidden');
    cleanup();
    expect(renderCard({ position: null }).getByTestId('hover-card').style.visibility).toBe('hidden');
  });

  it('warns "Uncertain:" when the sense was a weak guess', () => {
    const { container } = renderCard({ entity: entityOf('maria-ostrova'), entry: ENTRIES['maria-ostrova'] });
    expect(container.querySelector('.note.weak')!.textContent).toBe(
      'Uncertain: Chosen because the article mentions water engineering; the evidence is thin.',
    );
  });

  it('has no warning for a confident choice', () => {
    expect(
      renderCard({
        entity: entityOf('clearwater-programme'),
        entry: ENTRIES['clearwater-programme'],
      }).container.querySelector('.note'),
    ).toBeNull();
  });

  it('says "Not in the knowledge base." for a name the knowledge base lacks', () => {
    const { container, getByRole } = renderCard({ entity: entityOf('new:group:Friends of Halden'), entry: undefined });
    expect(container.querySelector('.card-desc')!.textContent).toBe('Not in the knowledge base.');
    expect(container.querySelector('.type')!.textContent).toBe('Group');
    expect(getByRole('dialog', { name: 'Backstory: Friends of Halden' })).toBeTruthy();
  });

  it('says "No entry found." for a known id whose entry has not arrived, and for a lookup with no match', () => {
    expect(renderCard({ entry: undefined }).container.querySelector('.card-desc')!.textContent).toBe('No entry found.');
    cleanup();
    const { container, getByRole } = renderCard({ entity: null, entry: undefined, fallbackName: 'Zanzibar Accord' });
    expect(container.querySelector('.card-desc')!.textContent).toBe('No entry found.');
    expect(getByRole('dialog', { name: 'Backstory: Zanzibar Accord' })).toBeTruthy();
    expect(container.querySelector('.type')).toBeNull();
  });

  it('shows an entry found by lookup, without an entity', () => {
    const { container } = renderCard({ entity: null, entry: ENTRIES.portugal, fallbackName: 'portugal' });
    expect(container.querySelector('.card-name')!.textContent).toBe('Portugal');
    expect(factRows(container)).toEqual([['Population', '10,467,366 (as of 2023)']]);
  });

  it.each(HOSTILE)('renders %s as inert text in the name, description, figures and note', (evil) => {
    const entity = makeEntity({
      id: 'x',
      name: evil,
      type: 'person',
      ambiguity: { alias: evil, alternatives: [], reason: evil, basis: 'prior', confidence: 0.2, weak: true },
    });
    const entry = makeEntry({
      id: 'x',
      name: evil,
      type: 'person',
      description: evil,
      facts: [{ label: evil, value: evil, unit: evil, asOf: '2024', source: 'https://s.example/' }],
    });
    const { container, getByRole } = renderCard({ entity, entry });
    expect(container.querySelector('img, script, [onerror]')).toBeNull();
    for (const sel of ['.card-name', '.card-desc', '.card-facts dt', '.card-facts dd', '.note'])
      expect(container.querySelector(sel)!.textContent, sel).toContain(evil);
    expect(getByRole('dialog').getAttribute('aria-label')).toBe(`Backstory: ${evil}`);
    if (evil === '{{7*7}}') expect(container.textContent).not.toContain('49');
  });

  it.each([
    ['a known entity', {}],
    ['a weak guess', { entity: entityOf('maria-ostrova'), entry: ENTRIES['maria-ostrova'] }],
    ['a name not in the knowledge base', { entity: entityOf('new:group:Friends of Halden'), entry: undefined }],
  ])('has no serious or critical axe violations for %s', async (_what, over) => {
    const { container } = renderCard(over);
    const r = await axe.run(container, { rules: { 'color-contrast': { enabled: false }, region: { enabled: false } } });
    const bad = r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });
});

// @vitest-environment happy-dom
/**
 * The trail in the sidebar: the one-line offer, "in N other articles you read (…)" per
 * entity with links, and the coverage comparison with the figures that differ.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { TrailPanel } from '../../components/trail/TrailPanel.tsx';
import type { TrailView } from '../../lib/trail/types.ts';
import { NOW } from './helpers.ts';

afterEach(cleanup);

const link = (outlet: string, n: number) => ({
  url: `https://${outlet}/${n}`,
  title: `${outlet} story ${n}`,
  outlet,
  readAt: NOW,
});
const on: TrailView = {
  enabled: true,
  offer: false,
  recorded: true,
  stored: 3,
  entities: [
    {
      key: 'sco',
      name: 'SCO',
      articles: [link('reuters.example', 1), link('dawn.example', 2)],
      outlets: ['reuters.example', 'dawn.example'],
    },
  ],
  comparison: {
    core: [
      { key: 'sco', name: 'SCO' },
      { key: 'india', name: 'India' },
    ],
    articles: [
      { ...link('diplomat.example', 3), current: true, names: ['SCO', 'India'] },
      { ...link('reuters.example', 1), current: false, names: ['SCO'] },
    ],
    differences: [
      {
        key: 'sco',
        name: 'SCO',
        unit: 'square kilometre',
        figures: [
          {
            text: '1,000 square kilometres',
            value: 1000,
            unit: 'square kilometres',
            sentence: 'A thousand.',
            url: 'https://diplomat.example/3',
            outlet: 'diplomat.example',
          },
          {
            text: '1,100 square kilometres',
            value: 1100,
            unit: 'square kilometres',
            sentence: 'Eleven hundred.',
            url: 'https://reuters.example/1',
            outlet: 'reuters.example',
          },
        ],
      },
    ],
  },
};

describe('trail panel', () => {
  it('offers the trail in one line and passes on the answer', () => {
    const onOffer = vi.fn();
    const { getByText } = render(
      <TrailPanel
        view={{ ...on, enabled: false, offer: true }}
        onOffer={onOffer}
        onOpenTrail={() => undefined}
        onDeleteTrail={() => undefined}
      />,
    );
    fireEvent.click(getByText('Turn it on'));
    fireEvent.click(getByText('No thanks'));
    expect(onOffer.mock.calls).toEqual([[true], [false]]);
  });

  it('shows nothing while the trail is off and no offer is due', () => {
    const { container } = render(
      <TrailPanel
        view={{ ...on, enabled: false }}
        onOffer={() => undefined}
        onOpenTrail={() => undefined}
        onDeleteTrail={() => undefined}
      />,
    );
    expect(container.textContent).toBe('');
  });

  it('says in how many other articles each entity appeared, with links', () => {
    const { container } = render(
      <TrailPanel view={on} onOffer={() => undefined} onOpenTrail={() => undefined} onDeleteTrail={() => undefined} />,
    );
    expect(container.textContent).toContain('SCO in 2 other articles you read (reuters.example, dawn.example)');
    const links = [...container.querySelectorAll('.trail-entities a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://reuters.example/1', 'https://dawn.example/2']);
  });

  it('compares coverage side by side and shows each differing figure with its sentence', () => {
    const { container, getByTestId } = render(
      <TrailPanel view={on} onOffer={() => undefined} onOpenTrail={() => undefined} onDeleteTrail={() => undefined} />,
    );
    const rows = [...container.querySelectorAll('.coverage tbody tr')].map((r) => r.textContent);
    expect(rows).toEqual(['SCO✓✓', 'India✓—']);
    const diff = getByTestId('difference').textContent ?? '';
    expect(diff).toContain('1,000 square kilometres — diplomat.example');
    expect(diff).toContain('1,100 square kilometres — reuters.example');
    expect(diff).toContain('Eleven hundred.');
  });

  it('deletes the whole trail only after a second, confirming click', () => {
    const onDeleteTrail = vi.fn();
    const { getByText } = render(
      <TrailPanel view={on} onOffer={() => undefined} onOpenTrail={() => undefined} onDeleteTrail={onDeleteTrail} />,
    );
    fireEvent.click(getByText('Delete the trail'));
    expect(onDeleteTrail).not.toHaveBeenCalled();
    fireEvent.click(getByText('Yes, delete every article'));
    expect(onDeleteTrail).toHaveBeenCalledOnce();
  });
});

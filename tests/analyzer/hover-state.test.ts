/**
 * When hover cards show and hide: the pure state machine, no DOM and no timers.
 */
import { describe, it, expect } from 'vitest';
import { hoverStep, initialHover, type HoverEvent, type HoverState } from '../../lib/analyzer/hover-state.ts';
import type { MentionRef } from '../../lib/page/hit-test.ts';

const nato: MentionRef = { start: 10, end: 14, key: 'nato', index: 0 };
const natoAgain: MentionRef = { ...nato };
const sco: MentionRef = { start: 30, end: 33, key: 'sco', index: 0 };

/** Feed events in order; the final state and every effect type, in order. */
function play(events: HoverEvent[], from: HoverState = initialHover) {
  let state = from;
  const effects: string[] = [];
  for (const e of events) {
    const step = hoverStep(state, e);
    state = step.state;
    effects.push(...step.effects.map((f) => (f.type === 'show-card' ? `show-card:${f.ref.key}` : f.type)));
  }
  return { state, effects };
}

describe('analyzer/hover state', () => {
  it('starts a dwell when the pointer settles on a name, and marks it', () => {
    const { state, effects } = play([{ type: 'over-mention', ref: nato }]);
    expect(state.target).toBe(nato);
    expect(effects).toEqual(['cancel-linger', 'cancel-dwell', 'mark', 'start-dwell']);
  });

  it('shows the card when the dwell of the current name ends', () => {
    const first = play([{ type: 'over-mention', ref: nato }]);
    const { effects } = play([{ type: 'dwell-elapsed', generation: first.state.generation }], first.state);
    expect(effects).toEqual(['show-card:nato']);
  });

  it('ignores a dwell that ends after the pointer moved on', () => {
    const first = play([{ type: 'over-mention', ref: nato }]);
    const moved = play([{ type: 'over-mention', ref: sco }], first.state);
    expect(play([{ type: 'dwell-elapsed', generation: first.state.generation }], moved.state).effects).toEqual([]);
    const left = play([{ type: 'off-mention', overCard: false }], first.state);
    expect(play([{ type: 'dwell-elapsed', generation: first.state.generation }], left.state).effects).toEqual([]);
  });

  it('does not restart the dwell while the pointer stays on the same name', () => {
    const first = play([{ type: 'over-mention', ref: nato }]);
    const { state, effects } = play([{ type: 'over-mention', ref: natoAgain }], first.state);
    expect(state.generation).toBe(first.state.generation);
    expect(effects).toEqual(['cancel-linger']);
  });

  it('lingers before hiding a shown card when the pointer leaves the name, not onto the card', () => {
    const shown = play([{ type: 'over-mention', ref: nato }, { type: 'card-shown' }]).state;
    expect(play([{ type: 'off-mention', overCard: false }], shown).effects).toEqual([
      'cancel-dwell',
      'mark',
      'start-linger',
    ]);
    expect(play([{ type: 'off-mention', overCard: true }], shown).effects).toEqual(['cancel-dwell', 'mark']);
  });

  it('keeps the card while the pointer is on it, and lingers again when it leaves', () => {
    const shown = play([{ type: 'over-mention', ref: nato }, { type: 'card-shown' }]).state;
    const { effects } = play(
      [{ type: 'off-mention', overCard: false }, { type: 'card-enter' }, { type: 'card-leave' }],
      shown,
    );
    expect(effects).toEqual(['cancel-dwell', 'mark', 'start-linger', 'cancel-linger', 'start-linger']);
  });

  it('hides the card when the linger ends', () => {
    const shown = play([
      { type: 'over-mention', ref: nato },
      { type: 'card-shown' },
      { type: 'off-mention', overCard: false },
    ]);
    const { state, effects } = play([{ type: 'linger-elapsed' }], shown.state);
    expect(state.shown).toBe(false);
    expect(effects).toContain('hide-card');
  });

  it('returning to the name during the linger keeps the card', () => {
    const shown = play([
      { type: 'over-mention', ref: nato },
      { type: 'card-shown' },
      { type: 'off-mention', overCard: false },
    ]);
    const back = play([{ type: 'over-mention', ref: nato }], shown.state);
    expect(back.effects[0]).toBe('cancel-linger');
    expect(back.state.shown).toBe(true);
  });

  it('dismissing hides at once and does not bring the card back while the pointer stays on the name', () => {
    const shown = play([{ type: 'over-mention', ref: nato }, { type: 'card-shown' }]).state;
    const dismissed = play([{ type: 'dismiss' }], shown);
    expect(dismissed.state.shown).toBe(false);
    expect(dismissed.effects).toEqual(['cancel-linger', 'cancel-dwell', 'hide-card']);
    expect(play([{ type: 'over-mention', ref: natoAgain }], dismissed.state).effects).toEqual(['cancel-linger']);
  });

  it('does nothing when the pointer moves over no name and none was hovered', () => {
    expect(play([{ type: 'off-mention', overCard: false }])).toEqual({ state: initialHover, effects: [] });
  });
});

/**
 * When a hover card shows and hides, as a pure state machine (the way MediaWiki's Page
 * Previews keeps its timing in a reducer): events in, a new state and the effects to carry
 * out (start or cancel a timer, draw or take down the card) out. No DOM and no timers
 * here; HoverController (hover.tsx) feeds it pointer events and timer expiries and runs
 * the effects. Tested without a DOM (tests/analyzer/hover-state.test.ts).
 *
 *   pointer settles on a mention ──dwell──▶ card shown for it
 *   pointer leaves the mention (not onto the card) ──linger──▶ card hidden
 *   pointer onto the card cancels the linger; off the card starts it again
 *   Esc, the card's close button, "open in sidebar": card hidden at once
 */
import type { MentionRef } from '../page/hit-test.ts';

export interface HoverState {
  /** The mention under the pointer (null: none). */
  target: MentionRef | null;
  /** Changes whenever the target does: a timer or a fetch started for an older target is stale. */
  generation: number;
  /** Whether a card is drawn. */
  shown: boolean;
}

export const initialHover: HoverState = { target: null, generation: 0, shown: false };

export type HoverEvent =
  /** A pointer frame found this mention under the pointer. */
  | { type: 'over-mention'; ref: MentionRef }
  /** A pointer frame found no mention under the pointer; is it over the card? */
  | { type: 'off-mention'; overCard: boolean }
  /** The dwell timer started for `generation` ran out. */
  | { type: 'dwell-elapsed'; generation: number }
  | { type: 'card-enter' }
  | { type: 'card-leave' }
  /** The linger timer ran out. */
  | { type: 'linger-elapsed' }
  /** A card was drawn (after a dwell, a look-up or a jump to a mention). */
  | { type: 'card-shown' }
  /** Esc, the close button, or the card's "open in sidebar". */
  | { type: 'dismiss' };

export type HoverEffect =
  /** Start the dwell timer (the show delay) for this generation, replacing any running one. */
  | { type: 'start-dwell'; generation: number }
  | { type: 'cancel-dwell' }
  /** Start the linger timer (the hide delay), replacing any running one. */
  | { type: 'start-linger' }
  | { type: 'cancel-linger' }
  /** Mark this mention as hovered on the page (null: none). */
  | { type: 'mark'; ref: MentionRef | null }
  | { type: 'show-card'; ref: MentionRef }
  | { type: 'hide-card' };

export interface HoverStep {
  state: HoverState;
  effects: HoverEffect[];
}

const same = (a: MentionRef | null, b: MentionRef | null) => !!a && !!b && a.key === b.key && a.index === b.index;

export function hoverStep(state: HoverState, event: HoverEvent): HoverStep {
  switch (event.type) {
    case 'over-mention': {
      // Still on the same name: stay (and keep a card that was about to go).
      if (same(event.ref, state.target)) return { state, effects: [{ type: 'cancel-linger' }] };
      const generation = state.generation + 1;
      return {
        state: { ...state, target: event.ref, generation },
        effects: [
          { type: 'cancel-linger' },
          { type: 'cancel-dwell' },
          { type: 'mark', ref: event.ref },
          { type: 'start-dwell', generation },
        ],
      };
    }
    case 'off-mention': {
      if (!state.target) return { state, effects: [] };
      const effects: HoverEffect[] = [{ type: 'cancel-dwell' }, { type: 'mark', ref: null }];
      if (state.shown && !event.overCard) effects.push({ type: 'start-linger' });
      return { state: { ...state, target: null, generation: state.generation + 1 }, effects };
    }
    case 'dwell-elapsed':
      if (event.generation !== state.generation || !state.target) return { state, effects: [] };
      return { state, effects: [{ type: 'show-card', ref: state.target }] };
    case 'card-enter':
      return { state, effects: [{ type: 'cancel-linger' }] };
    case 'card-leave':
      return { state, effects: [{ type: 'start-linger' }] };
    case 'card-shown':
      return { state: { ...state, shown: true }, effects: [] };
    case 'linger-elapsed':
    case 'dismiss':
      // The pointer may still be on the name: it stays the target, so the card does not come straight back.
      return {
        state: { ...state, shown: false },
        effects: [{ type: 'cancel-linger' }, { type: 'cancel-dwell' }, { type: 'hide-card' }],
      };
  }
}

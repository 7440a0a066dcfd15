/**
 * The store that holds the sidebar state: the reducer makes every new state, and every
 * subscriber hears of each change.
 */
import { describe, it, expect } from 'vitest';
import { createStore } from '../../lib/analyzer/store.ts';
import { initialState } from '../../components/sidebar/state.ts';

describe('analyzer/store', () => {
  it('starts from the initial state and changes only through the reducer', () => {
    const store = createStore();
    expect(store.state).toBe(initialState);
    store.dispatch({ type: 'open' });
    expect(store.state.open).toBe(true);
    expect(initialState.open).toBe(false);
  });

  it('tells each subscriber about every change until it unsubscribes', () => {
    const store = createStore();
    const heard: boolean[] = [];
    const off = store.subscribe((s) => heard.push(s.open));
    store.dispatch({ type: 'open' });
    store.dispatch({ type: 'close' });
    off();
    store.dispatch({ type: 'open' });
    expect(heard).toEqual([true, false]);
  });
});

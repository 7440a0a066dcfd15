/**
 * The sidebar state's one holder (ADR 3): collaborators read it and dispatch actions; the
 * reducer (components/sidebar/state.ts) is the only code that makes a new state, and every
 * change is passed to the subscribers (the sidebar shell re-renders).
 */
import { reducer, initialState, type Action, type SidebarState } from '../../components/sidebar/state.ts';

export interface Store {
  readonly state: SidebarState;
  dispatch(action: Action): void;
  /** Called after every dispatch; returns the unsubscribe function. */
  subscribe(listener: (state: SidebarState) => void): () => void;
}

export function createStore(initial: SidebarState = initialState): Store {
  let state = initial;
  const listeners = new Set<(state: SidebarState) => void>();
  return {
    get state() {
      return state;
    },
    dispatch(action) {
      state = reducer(state, action);
      for (const l of listeners) l(state);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

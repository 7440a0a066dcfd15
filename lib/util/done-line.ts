/**
 * The line a content script writes to the console, at debug level, once it is done with a page:
 * the sentinel when the background left the page alone, the analyzer when a run ended. Nothing is
 * added to the page for it, and the page's own scripts cannot read it (a content script's console
 * is its own world's); the end-to-end tests read it in Firefox, whose background they cannot ask
 * (tests/e2e/setup.ts, settle()).
 */
export type DoneState = 'skipped' | 'found' | 'nothing' | 'failed';

export const DONE_PREFIX = 'Backstory: done with this page: ';

export function sayDone(state: DoneState, out: Pick<Console, 'debug'> = console): void {
  out.debug(`${DONE_PREFIX}${state}`);
}

/**
 * What Backstory last did in each tab, as the background saw it: the sentinel's page was
 * skipped (not an article, the site switched off, paused) or the analyzer was loaded, and
 * then how its analysis run ended (names found, nothing to show, failed). Kept in memory for
 * the devtools surface `backstory.status(tabId)`, which the end-to-end tests wait on instead
 * of a fixed time (tests/e2e/setup.ts); nothing is added to the page for it.
 */

export interface TabStatus {
  state: 'skipped' | 'loaded' | 'found' | 'nothing' | 'failed';
  /** Entities found by the last run (0 unless found). */
  count: number;
  /** The page the status is about. */
  url: string;
}

export function createTabStatuses() {
  const byTab = new Map<number, TabStatus>();
  return {
    get: (tabId: number): TabStatus | null => byTab.get(tabId) ?? null,
    /** The top frame's page: skipped or loaded (a new page: what the last run found is forgotten). */
    page(tabId: number, url: string, state: 'skipped' | 'loaded'): void {
      byTab.set(tabId, { state, count: 0, url });
    },
    /** How the analyzer's run in this tab ended. */
    ran(tabId: number, url: string, outcome: 'found' | 'nothing' | 'failed', count: number): void {
      byTab.set(tabId, { state: outcome, count, url });
    },
  };
}

/**
 * What `npm start` prints, and when: only once Backstory's analysis of the page is complete
 * (the background's tab status in Chromium, and the sidebar no longer "looking for other
 * names…" with its whole list drawn), as one line of count and a list in a fixed order. The
 * first pass's count and a half-drawn list (the sidebar draws a long list over several tasks)
 * made the output differ from run to run.
 */
import type { Page, WebWorker } from 'puppeteer-core';
import type { TabStatus } from '../lib/background/tab-status.ts';

/** What the wait calls inside the service worker: the tabs API and the background's devtools surface. */
declare const chrome: { tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> } };
type WithStatus = { backstory: { status(tabId: number): TabStatus | null } };

/** The sidebar as `npm start` reads it. */
export interface SidebarSnapshot {
  title: string;
  /** Entities found, as the sidebar counts them (null: no count shown yet). */
  count: number | null;
  /** Still looking for names the knowledge base lacks. */
  pending: boolean;
  /** The sidebar lists at most this many before "Show all". */
  pageSize: number;
  entities: { name: string; mentions: number }[];
}

/** Whether the sidebar shows the complete result with its first page of entities all drawn. */
export function isComplete(s: SidebarSnapshot | null): s is SidebarSnapshot & { count: number } {
  return !!s && s.count !== null && !s.pending && s.entities.length >= Math.min(s.count, s.pageSize);
}

/** The report: a count line, then the entities by mentions (most first), ties by name. */
export function report(s: SidebarSnapshot & { count: number }): string[] {
  const sorted = [...s.entities].sort((a, b) => b.mentions - a.mentions || a.name.localeCompare(b.name, 'en'));
  return [
    `Backstory on “${s.title}”: ${s.count} ${s.count === 1 ? 'entity' : 'entities'} found`,
    ...sorted.map((e) => `  ${String(e.mentions).padStart(3)} × ${e.name}`),
  ];
}

/** The sidebar's count, title and drawn entities, read from its shadow root. */
export function readSnapshot(page: Page, pageSize: number): Promise<SidebarSnapshot | null> {
  return page.evaluate((size) => {
    const root = document.querySelector('backstory-sidebar')?.shadowRoot;
    if (!root) return null;
    const countEl = root.querySelector('[data-testid="entity-count"]');
    // The count is the element's first text, without its badges ("partial", "looking for other names…").
    const countText = countEl?.firstChild?.textContent ?? '';
    const count = /^\s*(\d+)/.exec(countText)?.[1];
    return {
      title: root.querySelector('.article-title')?.textContent ?? '',
      count: count === undefined ? null : Number(count),
      pending: !!root.querySelector('.badge.pending'),
      pageSize: size,
      entities: Array.from(root.querySelectorAll<HTMLElement>('button.entity')).map((b) => ({
        name: b.querySelector('.name')?.textContent ?? '',
        mentions: Number(b.querySelector('.n')?.textContent ?? '0'),
      })),
    };
  }, pageSize);
}

/** Chromium: wait until the background records that the run in the tab showing `url` has ended. */
export async function waitForRunEnd(worker: WebWorker, url: string, timeoutMs: number): Promise<TabStatus | null> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const status = await worker
      .evaluate(async (u) => {
        const tab = (await chrome.tabs.query({})).find((t) => t.url === u);
        return tab?.id === undefined ? null : (globalThis as unknown as WithStatus).backstory.status(tab.id);
      }, url)
      .catch(() => null);
    if (status && ['found', 'nothing', 'failed'].includes(status.state)) return status;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

/** Wait until the sidebar shows the complete result; null if it did not within the time. */
export async function waitForCompleteSidebar(
  page: Page,
  pageSize: number,
  timeoutMs: number,
): Promise<(SidebarSnapshot & { count: number }) | null> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const s = await readSnapshot(page, pageSize).catch(() => null);
    if (isComplete(s)) return s;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

/**
 * Shared set-up for the end-to-end tests: which browsers can run, the built
 * extension, a 127.0.0.1 server, and helpers that look inside our shadow roots.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import {
  findBrowser,
  launchWithExtension,
  waitForSidebarReady,
  type BrowserName,
  type Launched,
} from '../../scripts/lib/browsers.ts';
import { serve, type Served } from '../../scripts/lib/serve.ts';
import { ROOT } from '../../scripts/lib/read-packs.ts';

export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];
export const ARTIFACTS = join(ROOT, 'artifacts', 'e2e');
mkdirSync(ARTIFACTS, { recursive: true });

/** A browser that is not installed is skipped here (test-all.ts has already said so, and fails under CI=true). */
export function available(name: BrowserName): boolean {
  return !!findBrowser(name).path;
}

export function extensionDir(name: BrowserName): string {
  const dir = join(ROOT, '.output', name === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`${dir} is missing: build first (npm run build, npm run build:firefox)`);
  return dir;
}

export async function startServer(): Promise<Served> {
  return serve([join(ROOT, 'tests/fixtures/pages')]);
}

export async function launch(name: BrowserName, withExtension = true): Promise<Launched> {
  return launchWithExtension(name, withExtension ? extensionDir(name) : null, {
    headless: true,
    windowSize: [1400, 900],
  });
}

export async function sidebarReady(page: Page, timeout = 60_000) {
  await waitForSidebarReady(page, timeout);
}

/** Text content of our sidebar's shadow root (open by design). */
export async function sidebarText(page: Page): Promise<string> {
  return page.evaluate(() => document.querySelector('backstory-sidebar')?.shadowRoot?.textContent ?? '');
}

export async function entityNames(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(
      document.querySelector('backstory-sidebar')?.shadowRoot?.querySelectorAll('button.entity .name') ?? [],
    ).map((n) => n.textContent ?? ''),
  );
}

/** Click a button inside the sidebar's shadow root, found by its text. */
export async function clickInSidebar(page: Page, selector: string, text?: string) {
  const ok = await page.evaluate(
    (sel, t) => {
      const root = document.querySelector('backstory-sidebar')?.shadowRoot;
      const el = Array.from(root?.querySelectorAll<HTMLElement>(sel) ?? []).find(
        (e) => !t || (e.textContent ?? '').includes(t),
      );
      el?.click();
      return !!el;
    },
    selector,
    text ?? null,
  );
  if (!ok) throw new Error(`nothing matches ${selector} ${text ?? ''} in the sidebar`);
}

/** The viewport rectangle of the first occurrence of `word` in the page's text. */
export async function rectOfWord(page: Page, word: string, occurrence = 0) {
  return page.evaluate(
    (w, n) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('script,style,backstory-sidebar,backstory-card')) continue;
        const data = (node as Text).data;
        let i = data.indexOf(w);
        while (i >= 0) {
          if (seen++ === n) {
            const r = document.createRange();
            r.setStart(node, i);
            r.setEnd(node, i + w.length);
            (node.parentElement as HTMLElement).scrollIntoView({ block: 'center' });
            const b = r.getBoundingClientRect();
            return { x: b.left + b.width / 2, y: b.top + b.height / 2 };
          }
          i = data.indexOf(w, i + 1);
        }
      }
      return null;
    },
    word,
    occurrence,
  );
}

export async function highlightCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    const reg = (globalThis as unknown as { CSS?: { highlights?: Map<string, { size: number }> } }).CSS?.highlights;
    return reg?.get('backstory-mention')?.size ?? 0;
  });
}

export const AXE_SOURCE = readFileSync(join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });
}

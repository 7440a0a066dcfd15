/**
 * "Cite" in real browsers: the citation formatter (cite.js) is injected by the background on
 * the first citation and formats it in the page's content-script world; the footer's export
 * downloads the sources. What the reader is told (the sidebar's live region) is checked: the
 * headless browsers may refuse the clipboard, and then the citation is downloaded instead.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import { BROWSERS, available, launch, startServer, sidebarReady, clickInSidebar, shot } from './setup.ts';
import type { Launched } from '../../scripts/lib/browsers.ts';
import type { Served } from '../../scripts/lib/serve.ts';

const announced = (page: Page) =>
  page.evaluate(
    () => document.querySelector('backstory-sidebar')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '',
  );

describe.each(BROWSERS)('Cite in %s', (name) => {
  const run = available(name);
  let browser: Launched;
  let server: Served;
  let page: Page;

  beforeAll(async () => {
    if (!run) return;
    server = await startServer();
    browser = await launch(name);
    page = await browser.browser.newPage();
    await page.goto(`${server.url}/demo-article.html`, { waitUntil: 'load' });
    await sidebarReady(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.runIf(run)('copies a fact’s source as an MLA citation, loading the formatter on demand', async () => {
    await clickInSidebar(page, 'button.entity', 'Shanghai Cooperation Organisation');
    await page.waitForFunction(
      () => !!document.querySelector('backstory-sidebar')?.shadowRoot?.querySelector('dl.facts details.cite'),
    );
    await clickInSidebar(page, 'dl.facts details.cite summary');
    await clickInSidebar(page, 'dl.facts details.cite[open] .cite-styles button', 'MLA');
    await page.waitForFunction(
      () =>
        /^MLA citation (copied|downloaded)/.test(
          document.querySelector('backstory-sidebar')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '',
        ),
      { timeout: 30_000 },
    );
    expect(await announced(page)).toMatch(/^MLA citation (copied\.|downloaded \(the clipboard was not available\)\.)$/);
    await shot(page, `${name}-cite`);
  });

  it.runIf(run)('downloads the article’s sources as BibTeX', async () => {
    await clickInSidebar(page, '.export.sources button', 'BibTeX');
    await page.waitForFunction(
      () =>
        / sources downloaded as BibTeX\.$/.test(
          document.querySelector('backstory-sidebar')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? '',
        ),
      { timeout: 30_000 },
    );
    expect(await announced(page)).toMatch(/^\d+ sources downloaded as BibTeX\.$/);
  });
});

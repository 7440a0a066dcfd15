/**
 * Layout regression guards (issue 18) in both browsers, at 800, 1280 and 1920 px windows and in
 * both themes: nothing in the sidebar (list, figures, an entity's detail: the SCO, Kazakhstan,
 * a person) or in the hover card reaches past its box, no text is clipped, the card never
 * covers the word it describes and stays inside the window, and
 * every number of five or more digits in the sidebar is grouped ("21,893,095", not "21893095").
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { BROWSERS, available, launch, startServer } from './setup.ts';
import {
  THEMES,
  WIDTHS,
  cardAndWord,
  collapseSidebar,
  layoutProblems,
  openDemo,
  setTheme,
  showCard,
  showDetail,
  showFigures,
  shownTheme,
} from './views.ts';
import type { Launched } from '../../scripts/lib/browsers.ts';
import type { Served } from '../../scripts/lib/serve.ts';
import { overlaps } from '../../lib/page/placement.ts';

const NONE = { overflowing: [], clipped: [], ungrouped: [] };

describe.each(BROWSERS)('layout in %s', (name) => {
  const run = available(name);
  let browser: Launched;
  let server: Served;

  beforeAll(async () => {
    if (!run) return;
    server = await startServer();
    browser = await launch(name);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  describe.each(WIDTHS)('at %i px', (width) => {
    it.runIf(run).each(THEMES)('%s theme: sidebar views and the card fit their boxes', async (theme) => {
      const page = await openDemo(browser, `${server.url}/demo-article.html`, width);
      try {
        await setTheme(page, theme);
        expect(await layoutProblems(page, 'backstory-sidebar', '.panel'), 'the list').toEqual(NONE);
        await showFigures(page);
        expect(await layoutProblems(page, 'backstory-sidebar', '.panel'), 'the figures').toEqual(NONE);
        for (const entity of ['Shanghai Cooperation Organisation', 'Kazakhstan', 'Kassym-Jomart Tokayev']) {
          await showDetail(page, entity);
          expect(await layoutProblems(page, 'backstory-sidebar', '.panel'), entity).toEqual(NONE);
        }
        expect(await shownTheme(page, 'backstory-sidebar', '.panel'), 'the sidebar is drawn in the theme').toBe(theme);
        await collapseSidebar(page);
        await showCard(page, 'QCCM', 1);
        await setTheme(page, theme);
        const at = await cardAndWord(page, 'QCCM', 1);
        expect(at?.card).toBeTruthy();
        expect(overlaps(at!.card!, at!.word), 'the card covers its word').toBe(false);
        const { card, viewport } = at!;
        expect(
          card!.left >= 0 &&
            card!.top >= 0 &&
            card!.left + card!.width <= viewport.width &&
            card!.top + card!.height <= viewport.height,
          `the card ${JSON.stringify(card)} is inside the ${viewport.width}×${viewport.height} window`,
        ).toBe(true);
        expect(await layoutProblems(page, 'backstory-card', '[data-testid="hover-card"]'), 'the card').toEqual(NONE);
        expect(await shownTheme(page, 'backstory-card', '[data-testid="hover-card"]'), 'the card’s theme').toBe(theme);
      } finally {
        await page.close();
      }
    });
  });
});

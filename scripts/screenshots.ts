/**
 * `npm run screenshots`: the reading views of the demo article — the ranked list, the detail
 * of the SCO (and its mentions), Kazakhstan and a person, a hover card and the figures list — at 800, 1280 and 1920 px
 * windows in the light and dark themes, in Chromium and Firefox (whichever are installed),
 * into artifacts/screens/ (git-ignored), for a person to look at. Uses the end-to-end set-up
 * (tests/e2e/setup.ts, views.ts): build first (npm run build, npm run build:firefox).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { BROWSERS, available, launch, startServer } from '../tests/e2e/setup.ts';
import {
  THEMES,
  WIDTHS,
  collapseSidebar,
  openDemo,
  setTheme,
  showCard,
  showDetail,
  showFigures,
  showList,
  showMentions,
} from '../tests/e2e/views.ts';
import { ROOT } from './lib/read-packs.ts';

const OUT = join(ROOT, 'artifacts', 'screens');
mkdirSync(OUT, { recursive: true });

const DETAILS: [string, string][] = [
  ['sco', 'Shanghai Cooperation Organisation'],
  ['kazakhstan', 'Kazakhstan'],
  ['person', 'Kassym-Jomart Tokayev'],
];

const server = await startServer();
let saved = 0;
try {
  for (const name of BROWSERS) {
    if (!available(name)) {
      console.log(`${name}: not installed, skipped`);
      continue;
    }
    const browser = await launch(name);
    try {
      for (const width of WIDTHS)
        for (const theme of THEMES) {
          const page = await openDemo(browser, `${server.url}/demo-article.html`, width);
          const shot = async (view: string, p: Page) => {
            const file = join(OUT, `${name}-${width}-${theme}-${view}.png`);
            await p.screenshot({ path: file });
            saved++;
            console.log(file);
          };
          try {
            await setTheme(page, theme);
            await showList(page);
            await shot('list', page);
            for (const [view, entity] of DETAILS) {
              // One view that cannot be shown does not stop the others.
              await showDetail(page, entity)
                .then(() => shot(`detail-${view}`, page))
                .then(async () => {
                  if (view !== 'sco') return;
                  await showMentions(page);
                  await shot('mentions-sco', page);
                })
                .catch((e: unknown) => console.error(`${name} ${width} ${theme}: ${String(e).slice(0, 200)}`));
            }
            await showFigures(page);
            await shot('figures', page);
            await collapseSidebar(page);
            await showCard(page, 'QCCM', 1);
            await setTheme(page, theme);
            await shot('card', page);
          } finally {
            await page.close();
          }
        }
    } finally {
      await browser.close();
    }
  }
} finally {
  await server.close();
}
console.log(`${saved} screenshots in ${OUT}`);

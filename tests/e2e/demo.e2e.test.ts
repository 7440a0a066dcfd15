/**
 * The reading experience in real browsers on the bundled demo article: the
 * sidebar lists the entities with their figures, dwelling on a highlighted name
 * opens its card, everything works from the keyboard, and axe finds no serious
 * accessibility problems. Screenshots go to artifacts/e2e/.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { Page } from 'puppeteer-core';
import {
  BROWSERS,
  available,
  launch,
  startServer,
  sidebarReady,
  entityNames,
  clickInSidebar,
  rectOfWord,
  highlightCount,
  AXE_SOURCE,
  shot,
  sidebarText,
} from './setup.ts';
import type { Launched } from '../../scripts/lib/browsers.ts';
import { loadBuiltinPacks } from '../../scripts/lib/load-builtin.ts';
import { isStale } from '../../lib/format/facts.ts';

const builtinEntry = (id: string) =>
  loadBuiltinPacks()
    .packs.flatMap((p) => p.entries)
    .find((e) => e.id === id)!;
import type { Served } from '../../scripts/lib/serve.ts';

describe.each(BROWSERS)('demo article in %s', (name) => {
  const run = available(name);
  let browser: Launched;
  let server: Served;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    if (!run) return;
    server = await startServer();
    browser = await launch(name);
    page = await browser.browser.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.url}/demo-article.html`, { waitUntil: 'load' });
    await sidebarReady(page);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it.runIf(run)('lists SCO, QCCM and Nurly Zhol in the sidebar', async () => {
    const names = await entityNames(page);
    expect(names).toEqual(
      expect.arrayContaining([
        'Shanghai Cooperation Organisation',
        'Quadrilateral Cooperation and Coordination Mechanism',
        'Nurly Zhol',
      ]),
    );
    expect(names.length).toBeGreaterThan(15);
    await shot(page, `${name}-sidebar`);
  });

  it.runIf(run)('highlights the mentions without touching the page DOM', async () => {
    expect(await highlightCount(page)).toBeGreaterThan(40);
    // The article's own markup is unchanged: no wrapper elements were inserted.
    const marks = await page.evaluate(
      () =>
        document.querySelectorAll('article mark, article span[class*="backstory"], article backstory-mention').length,
    );
    expect(marks).toBe(0);
  });

  it.runIf(run)("shows an entity's figures, with as-of dates and sources", async () => {
    await clickInSidebar(page, 'button.entity', 'Shanghai Cooperation Organisation');
    await page.waitForFunction(
      () => !!document.querySelector('backstory-sidebar')?.shadowRoot?.querySelector('dl.facts'),
    );
    const facts = await page.evaluate(() => {
      const rows = document.querySelector('backstory-sidebar')!.shadowRoot!.querySelectorAll('dl.facts > div');
      return Array.from(rows).map((r) => ({
        text: r.textContent ?? '',
        href: r.querySelector('a')?.getAttribute('href') ?? '',
      }));
    });
    expect(facts.length).toBeGreaterThanOrEqual(3);
    for (const f of facts) expect(f.href).toMatch(/^https:\/\//);
    // Volatile figures older than their kind allows say so; unchanging ones carry no date (issue 15).
    const sco = builtinEntry('shanghai-cooperation-organisation');
    const stale = sco.facts.filter((f) => isStale(f)).map((f) => f.label);
    const dateless = sco.facts.filter((f) => !f.asOf).map((f) => f.label);
    expect(stale.length + dateless.length).toBeGreaterThan(0);
    for (const f of facts) {
      const label = sco.facts.find((x) => f.text.startsWith(x.label))?.label;
      if (!label) continue;
      expect(f.text.includes('may have changed'), label).toBe(stale.includes(label));
      if (dateless.includes(label)) expect(f.text, label).not.toMatch(/as of/);
    }
    expect(await sidebarText(page)).toMatch(/In this article/);
    await shot(page, `${name}-entity-card`);
    await clickInSidebar(page, 'button.back');
  });

  it.runIf(run)('opens the QCCM card when the pointer dwells on "QCCM"', async () => {
    const at = await rectOfWord(page, 'QCCM', 1);
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x - 40, at!.y + 60);
    await page.mouse.move(at!.x, at!.y, { steps: 4 });
    await page.waitForFunction(
      () => !!document.querySelector('backstory-card')?.shadowRoot?.querySelector('[data-testid="hover-card"]'),
      { timeout: 10_000 },
    );
    const card = await page.evaluate(() => {
      const el = document
        .querySelector('backstory-card')!
        .shadowRoot!.querySelector<HTMLElement>('[data-testid="hover-card"]')!;
      const r = el.getBoundingClientRect();
      return {
        text: el.textContent ?? '',
        inside: r.left >= 0 && r.top >= 0 && r.right <= innerWidth && r.bottom <= innerHeight,
        focusInCard: document.activeElement?.tagName === 'BACKSTORY-CARD',
      };
    });
    expect(card.text).toContain('Quadrilateral Cooperation and Coordination Mechanism');
    expect(card.inside).toBe(true);
    expect(card.focusInCard).toBe(false);
    await shot(page, `${name}-hover-card`);
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => !document.querySelector('backstory-card')?.shadowRoot?.querySelector('[data-testid="hover-card"]'),
      { timeout: 5_000 },
    );
  });

  it.runIf(run)('works from the keyboard: arrows, Enter, next mention, Escape', async () => {
    await page.evaluate(() =>
      document.querySelector('backstory-sidebar')!.shadowRoot!.querySelector<HTMLElement>('button.entity')!.focus(),
    );
    await page.keyboard.press('ArrowDown');
    const second = await page.evaluate(
      () => document.querySelector('backstory-sidebar')!.shadowRoot!.activeElement?.querySelector('.name')?.textContent,
    );
    const names = await entityNames(page);
    expect(second).toBe(names[1]);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => !!document.querySelector('backstory-sidebar')?.shadowRoot?.querySelector('#bs-detail-title'),
    );
    // Focus moved with the view (a key pressed now reaches the sidebar, not the page).
    expect(await page.evaluate(() => document.querySelector('backstory-sidebar')!.shadowRoot!.activeElement?.id)).toBe(
      'bs-detail-title',
    );
    await page.keyboard.press('n');
    await page.waitForFunction(
      () => !!document.querySelector('backstory-card')?.shadowRoot?.querySelector('[data-testid="hover-card"]'),
      { timeout: 10_000 },
    );
    const live = await page.evaluate(
      () => document.querySelector('backstory-sidebar')!.shadowRoot!.querySelector('[aria-live]')?.textContent ?? '',
    );
    expect(live).toMatch(/Mention 1 of/);
    // The first Esc closes the card, the second goes back to the list.
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => !document.querySelector('backstory-card')?.shadowRoot?.querySelector('[data-testid="hover-card"]'),
    );
    await page.keyboard.press('Escape');
    await page.waitForFunction(
      () => !document.querySelector('backstory-sidebar')?.shadowRoot?.querySelector('#bs-detail-title'),
    );
  });

  it.runIf(run)('passes an axe scan of the sidebar and the card (no serious or critical violations)', async () => {
    await page.addScriptTag({ content: AXE_SOURCE });
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (
              ctx: unknown,
              opts: unknown,
            ) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }>;
          };
        }
      ).axe;
      const res = await axe.run({ include: [['backstory-sidebar']] }, { resultTypes: ['violations'] });
      return res.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
    });
    expect(violations).toEqual([]);
  });

  it.runIf(run)('caused no page errors', () => {
    expect(errors).toEqual([]);
  });
});

/**
 * The reading views the layout check and `npm run screenshots` both visit on the demo article:
 * a window of a given width and theme, the sidebar with its complete result, an entity's
 * detail, the figures list and a hover card; and the layout measurements the check asserts.
 */
import type { Page } from 'puppeteer-core';
import type { Launched } from '../../scripts/lib/browsers.ts';
import { clickInSidebar, rectOfWord, sidebarReady } from './setup.ts';

export const WIDTHS = [800, 1280, 1920] as const;
export const THEMES = ['light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The demo article in a window of this width, the sidebar open with the complete result. */
export async function openDemo(b: Launched, url: string, width: number): Promise<Page> {
  const page = await b.browser.newPage();
  await page.setViewport({ width, height: 900 });
  await page.goto(url, { waitUntil: 'load' });
  // Folding the sidebar is saved as the reader's setting (collapseSidebar below does it), so a
  // page opened after a fold shows only the tab: unfold it, as a reader would.
  await page.waitForFunction(
    () => {
      const root = document.querySelector('backstory-sidebar')?.shadowRoot;
      return !!root?.querySelector('[data-testid="entity-count"], button.tab');
    },
    { timeout: 60_000, polling: 100 },
  );
  await page.evaluate(() =>
    document.querySelector('backstory-sidebar')?.shadowRoot?.querySelector<HTMLElement>('button.tab')?.click(),
  );
  await sidebarReady(page);
  await page.waitForFunction(
    () => {
      const root = document.querySelector('backstory-sidebar')?.shadowRoot;
      return !!root?.querySelector('[data-testid="entity-count"]') && !root.querySelector('.badge.pending');
    },
    { timeout: 60_000, polling: 100 },
  );
  return page;
}

/**
 * The reader's theme on the sidebar and card, as the theme setting applies it (ui-host.ts). The
 * setting itself cannot be changed from here in Firefox, so the attribute is set, and kept: any
 * settings change (folding the sidebar saves one) makes every tab apply the stored theme again,
 * which would quietly turn a "dark" check into a second light one.
 */
export async function setTheme(page: Page, theme: Theme): Promise<void> {
  await page.evaluate((t) => {
    const w = window as unknown as { bsTheme?: string; bsThemeKept?: WeakSet<Element> };
    w.bsTheme = t;
    w.bsThemeKept ??= new WeakSet();
    for (const tag of ['backstory-sidebar', 'backstory-card']) {
      const root = document.querySelector(tag)?.shadowRoot?.querySelector('.bs-root');
      if (!root) continue;
      root.setAttribute('data-theme', t);
      if (w.bsThemeKept.has(root)) continue;
      w.bsThemeKept.add(root);
      new MutationObserver(() => {
        if (root.getAttribute('data-theme') !== w.bsTheme) root.setAttribute('data-theme', w.bsTheme!);
      }).observe(root, { attributes: true, attributeFilter: ['data-theme'] });
    }
  }, theme);
}

/** The theme a box inside `tag`'s shadow root is drawn in, from its background: dark or light. */
export async function shownTheme(page: Page, tag: string, boxSelector: string): Promise<Theme | null> {
  return page.evaluate(
    (t, sel) => {
      const box = document.querySelector(t)?.shadowRoot?.querySelector(sel);
      if (!box) return null;
      const [r = 255, g = 255, b = 255] = (getComputedStyle(box).backgroundColor.match(/\d+/g) ?? []).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 ? 'dark' : 'light';
    },
    tag,
    boxSelector,
  );
}

/** From an entity's detail back to the list, drawn again before anything in it is clicked. */
async function backToList(page: Page): Promise<void> {
  const inDetail = await page.evaluate(
    () => !!document.querySelector('backstory-sidebar')?.shadowRoot?.querySelector('button.back'),
  );
  if (!inDetail) return;
  await clickInSidebar(page, 'button.back');
  await page.waitForFunction(
    () => {
      const root = document.querySelector('backstory-sidebar')?.shadowRoot;
      return !!root && !root.querySelector('#bs-detail-title') && !!root.querySelector('button.entity');
    },
    { timeout: 20_000, polling: 100 },
  );
}

export async function showDetail(page: Page, name: string): Promise<void> {
  await backToList(page);
  // The row whose name is `name`: a row's text also holds its description and lead fact, so
  // matching on all of it would open the SCO for "Kazakhstan" (a member named in its row).
  const found = await page.evaluate((n) => {
    const rows = document.querySelector('backstory-sidebar')?.shadowRoot?.querySelectorAll('button.entity');
    const row = Array.from(rows ?? []).find((b) => b.querySelector('.name')?.textContent === n);
    (row as HTMLElement | undefined)?.click();
    return !!row;
  }, name);
  if (!found) throw new Error(`${name} is not in the sidebar's list`);
  await page
    .waitForFunction(
      (n) => {
        const h = document.querySelector('backstory-sidebar')?.shadowRoot?.querySelector('#bs-detail-title');
        return (h?.textContent ?? '').includes(n);
      },
      { timeout: 20_000, polling: 100 },
      name,
    )
    .catch(async (e) => {
      const shown = await page.evaluate(
        () => document.querySelector('backstory-sidebar')?.shadowRoot?.querySelector('.panel')?.textContent ?? '',
      );
      throw new Error(`${name}: no detail (${String(e)}); the sidebar shows: ${shown.slice(0, 300)}`);
    });
}

/** The ranked list, scrolled to its top. */
export async function showList(page: Page): Promise<void> {
  await backToList(page);
  await page.evaluate(() => {
    const root = document.querySelector('backstory-sidebar')?.shadowRoot;
    root?.querySelector('button.entity')?.closest('ul')?.scrollIntoView({ block: 'start' });
  });
}

/** The open entity's mentions ("In this article"), scrolled into view. */
export async function showMentions(page: Page): Promise<void> {
  await page.evaluate(() =>
    document
      .querySelector('backstory-sidebar')
      ?.shadowRoot?.querySelector('.detail .mentions')
      ?.scrollIntoView({ block: 'start' }),
  );
}

export async function showFigures(page: Page): Promise<void> {
  await backToList(page);
  await page.evaluate(() => {
    const d = document
      .querySelector('backstory-sidebar')
      ?.shadowRoot?.querySelector<HTMLDetailsElement>('details.figures');
    if (d) {
      d.open = true;
      d.scrollIntoView({ block: 'start' });
    }
  });
}

/** Dwell on the `occurrence`th "word" until its card shows; returns the word's box. */
export async function showCard(page: Page, word: string, occurrence: number) {
  const at = await rectOfWord(page, word, occurrence);
  if (!at) throw new Error(`"${word}" is not on the page`);
  await page.mouse.move(at.x - 40, at.y + 60);
  await page.mouse.move(at.x, at.y, { steps: 4 });
  await page.waitForFunction(
    () =>
      !!document.querySelector('backstory-card')?.shadowRoot?.querySelector('[data-testid="hover-card"] .card-desc'),
    { timeout: 20_000, polling: 100 },
  );
  return at;
}

export interface LayoutProblems {
  /** Elements whose box reaches past their container's (the panel or the card) left or right edge. */
  overflowing: string[];
  /** Elements that clip their own text horizontally (content wider than the box, overflow hidden). */
  clipped: string[];
  /** Numbers of five or more digits written without grouping. */
  ungrouped: string[];
}

/** What is wrong with the layout inside `tag`'s shadow root, whose `boxSelector` element is the container. */
export async function layoutProblems(page: Page, tag: string, boxSelector: string): Promise<LayoutProblems> {
  return page.evaluate(
    (t, sel) => {
      const root = document.querySelector(t)?.shadowRoot;
      const box = root?.querySelector<HTMLElement>(sel);
      const out = { overflowing: [] as string[], clipped: [] as string[], ungrouped: [] as string[] };
      if (!root || !box) return { ...out, overflowing: [`no ${sel} in ${t}`] };
      const b = box.getBoundingClientRect();
      const describe = (el: Element) =>
        `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').replace(/\s+/g, '.')} “${(el.textContent ?? '').trim().slice(0, 40)}”`;
      for (const el of Array.from(box.querySelectorAll<HTMLElement>('*'))) {
        const r = el.getBoundingClientRect();
        // Text for screen readers only is clipped to a pixel on purpose.
        if (!r.width || !r.height || el.closest('.sr-only')) continue;
        // Inside a scrolled box (the card's limited height, a list) only the horizontal bounds matter.
        if (r.left < b.left - 1 || r.right > b.right + 1) out.overflowing.push(describe(el));
        const style = getComputedStyle(el);
        if (
          ['hidden', 'clip'].includes(style.overflowX) &&
          el.scrollWidth > el.clientWidth + 1 &&
          (el.textContent ?? '').trim()
        )
          out.clipped.push(describe(el));
      }
      const text = box.innerText ?? box.textContent ?? '';
      out.ungrouped = text.match(/(?<![\d.,:/\w-])\d{5,}(?![\d\w])/g) ?? [];
      return out;
    },
    tag,
    boxSelector,
  );
}

/** Fold the sidebar (so a word under it can be hovered in a narrow window). */
export async function collapseSidebar(page: Page): Promise<void> {
  await page.evaluate(() =>
    document
      .querySelector('backstory-sidebar')
      ?.shadowRoot?.querySelector<HTMLElement>('button[aria-label="Collapse the sidebar"]')
      ?.click(),
  );
}

/** The shown card's box and the box of the `occurrence`th "word" it describes. */
export async function cardAndWord(page: Page, word: string, occurrence: number) {
  return page.evaluate(
    (w, n) => {
      const card = document
        .querySelector('backstory-card')
        ?.shadowRoot?.querySelector<HTMLElement>('[data-testid="hover-card"]')
        ?.getBoundingClientRect();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let seen = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement?.closest('script,style,backstory-sidebar,backstory-card')) continue;
        const data = (node as Text).data;
        for (let i = data.indexOf(w); i >= 0; i = data.indexOf(w, i + 1)) {
          if (seen++ !== n) continue;
          const r = document.createRange();
          r.setStart(node, i);
          r.setEnd(node, i + w.length);
          const b = r.getBoundingClientRect();
          const box = (x: DOMRect) => ({ left: x.left, top: x.top, width: x.width, height: x.height });
          return { card: card ? box(card) : null, word: box(b), viewport: { width: innerWidth, height: innerHeight } };
        }
      }
      return null;
    },
    word,
    occurrence,
  );
}

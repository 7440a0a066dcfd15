/**
 * `npm run corpus-check`: loads every saved page of ../shared/corpus/pages from a
 * 127.0.0.1 server in headless Chromium with the built extension, lets the
 * sentinel decide (pages it does not take for articles are "skipped"; a sidebar that opens
 * but lists nothing is "empty", with its message), and prints
 * one line per page: name, analysed|skipped, entity count, ms, uncaught errors.
 * Requests that leave 127.0.0.1 are aborted (the saved pages point at the web).
 * Exits non-zero if any page had an uncaught error caused by the extension
 * (an error whose stack or source mentions chrome-extension://).
 *
 * It also reports "furniture names": listed entities whose name occurs on the page only in
 * its furniture — the byline Readability's expected metadata gives (NAME.meta.json), the
 * elements marked as author, byline or credit, and short blocks that read as a bio, a print
 * line or a reporting credit, and in none of the page's other text blocks (issue 16: none
 * should be listed). Found here on its own terms,
 * not with the extension's rules, so that it checks them.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { findBrowser, launchWithExtension, readSidebar } from './lib/browsers.ts';
import { serve } from './lib/serve.ts';
import { ROOT } from './lib/read-packs.ts';

const CORPUS = resolve(ROOT, '..', 'shared', 'corpus', 'pages');
const EXTENSION = join(ROOT, '.output', 'chrome-mv3');
/** How long to wait for the analyzer to show up before calling a page "not an article", ms. */
const DECIDE_MS = 6000;
/** Longest wait for an analysis once the analyzer is there, ms. */
const ANALYSE_MS = 60_000;

interface Row {
  name: string;
  /** analysed: entities listed; empty: the sidebar opened but said it found no article text or failed (note says why). */
  status: 'analysed' | 'skipped' | 'empty';
  note: string;
  entities: number;
  ms: number;
  errors: string[];
  ours: string[];
  /** Listed entities whose name is on the page only in its furniture. */
  furniture: string[];
}

/** Readability's expected byline for a saved page, if its meta file gives one. */
function metaByline(file: string): string {
  try {
    const meta = JSON.parse(readFileSync(join(CORPUS, file.replace(/\.html$/, '.meta.json')), 'utf8')) as {
      byline?: string | null;
    };
    return meta.byline ?? '';
  } catch {
    return '';
  }
}

/** The names among `names` that occur on the page only in its furniture (see the header). */
function furnitureNames(page: Page, names: string[], byline: string): Promise<string[]> {
  return page.evaluate(
    (names: string[], byline: string) => {
      const MARKED =
        '[rel~="author" i], [itemprop~="author" i], [itemprop~="creator" i], [itemprop~="copyrightHolder" i], [class*="byline" i], [class*="credit" i], [class*="attribution" i]';
      const LINE =
        /appears in print|contributed (reporting|to this report)|\bis on Twitter\b|^Follow .{1,40} on Twitter|^\S+(\s\S+){0,3} (is|was) an? .{0,60}\b(reporter|correspondent|editor|writer|columnist)\b|^\S+(\s\S+){0,3} (covers|has covered)\b/i;
      const body = document.body;
      if (!body) return [];
      // Each piece of furniture once: the outermost marked element, the innermost matching block;
      // the rest: the other text blocks (not the page's buttons and menus, which repeat names).
      const parts: string[] = [];
      const rest: string[] = [];
      for (const el of Array.from(body.querySelectorAll(MARKED)))
        if (!el.parentElement?.closest(MARKED)) parts.push(el.textContent ?? '');
      const BLOCKS = 'p, li, div, h1, h2, h3, blockquote, figcaption, td';
      for (const el of Array.from(body.querySelectorAll(BLOCKS))) {
        if (el.querySelector(BLOCKS) || el.closest(MARKED)) continue;
        const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
        if (text.length <= 500 && LINE.test(text)) parts.push(text);
        else rest.push(text);
      }
      const furniture = [byline, ...parts].join(' \n ');
      const other = rest.join(' \n ');
      return names.filter((n) => !!n && furniture.includes(n) && !other.includes(n));
    },
    names,
    byline,
  );
}

async function checkPage(page: Page, url: string, byline: string): Promise<Omit<Row, 'name'>> {
  const errors: string[] = [];
  const ours: string[] = [];
  const cdp = await page.createCDPSession();
  cdp.on('Runtime.exceptionThrown', (e) => {
    const d = e.exceptionDetails;
    const text = `${d.exception?.description ?? d.text} ${d.url ?? ''}`.replace(/\s+/g, ' ').trim();
    errors.push(text.slice(0, 300));
    const frames = d.stackTrace?.callFrames.map((f) => f.url).join(' ') ?? '';
    if (/chrome-extension:\/\//.test(`${text} ${frames}`)) ours.push(text.slice(0, 300));
  });
  await cdp.send('Runtime.enable');
  const t0 = Date.now();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  } catch (e) {
    errors.push(`load: ${(e as Error).message}`);
  }
  const appeared = await page
    .waitForFunction(() => !!document.querySelector('backstory-sidebar'), { timeout: DECIDE_MS, polling: 100 })
    .then(() => true)
    .catch(() => false);
  let status: Row['status'] = 'skipped';
  let entities = 0;
  let note = '';
  let furniture: string[] = [];
  if (appeared) {
    const done = await page
      .waitForFunction(
        () => {
          const root = document.querySelector('backstory-sidebar')?.shadowRoot;
          if (root?.querySelector('[data-testid="entity-count"]')) return true;
          // An empty or error state: a status message that is not a "…" loading message.
          const status = root?.querySelector('.status, [role="alert"]')?.textContent?.trim() ?? '';
          return !!status && !status.endsWith('…');
        },
        { timeout: ANALYSE_MS, polling: 100 },
      )
      .then(() => true)
      .catch(() => false);
    const read = await readSidebar(page).catch(() => null);
    entities = read?.entities.length ?? 0;
    furniture = await furnitureNames(page, read?.entities.map((e) => e.name) ?? [], byline).catch(() => []);
    status = done && read?.count ? 'analysed' : 'empty';
    if (status === 'empty')
      note = (read?.status || 'no answer within the time limit').replace(/\s+/g, ' ').slice(0, 120);
  }
  const ms = Date.now() - t0;
  await new Promise((r) => setTimeout(r, 300));
  await cdp.detach().catch(() => undefined);
  return { status, note, entities, ms, errors, ours, furniture };
}

async function main(): Promise<number> {
  if (!existsSync(CORPUS)) {
    console.log(`corpus-check: no corpus at ${CORPUS}; nothing to do.`);
    return 0;
  }
  if (!existsSync(join(EXTENSION, 'manifest.json'))) {
    console.error(`corpus-check: ${EXTENSION} is missing: run npm run build first.`);
    return 2;
  }
  if (!findBrowser('chromium').path) {
    console.error(`corpus-check: Chromium is not installed. ${findBrowser('chromium').install}`);
    return 2;
  }
  const files = readdirSync(CORPUS)
    .filter((f) => f.endsWith('.html'))
    .sort();
  const server = await serve([CORPUS]);
  const launched = await launchWithExtension('chromium', EXTENSION, { headless: true, windowSize: [1400, 900] });
  const rows: Row[] = [];
  try {
    for (const name of files) {
      const page = await launched.browser.newPage();
      await page.setRequestInterception(true);
      page.on('request', (req) => {
        const u = req.url();
        if (u.startsWith(server.url) || u.startsWith('data:') || u.startsWith('blob:'))
          void req.continue().catch(() => undefined);
        else void req.abort('blockedbyclient').catch(() => undefined);
      });
      const row = { name, ...(await checkPage(page, `${server.url}/${encodeURIComponent(name)}`, metaByline(name))) };
      rows.push(row);
      const err = row.errors.length ? `${row.errors.length} (${row.ours.length} ours)` : '0';
      console.log(
        `${name.padEnd(28)} ${row.status.padEnd(9)} ${String(row.entities).padStart(4)} entities ${String(row.ms).padStart(6)} ms  errors: ${err}`,
      );
      if (row.note) console.log(`    ${row.note}`);
      if (row.furniture.length) console.log(`    furniture names: ${row.furniture.join(', ')}`);
      for (const e of row.ours) console.log(`    ours: ${e}`);
      await page.close().catch(() => undefined);
    }
  } finally {
    await launched.close();
    await server.close();
  }
  const analysed = rows.filter((r) => r.status === 'analysed').length;
  const skipped = rows.filter((r) => r.status === 'skipped').length;
  const empty = rows.filter((r) => r.status === 'empty').length;
  const ours = rows.reduce((n, r) => n + r.ours.length, 0);
  const pageErrors = rows.reduce((n, r) => n + r.errors.length - r.ours.length, 0);
  const furniture = rows.reduce((n, r) => n + r.furniture.length, 0);
  console.log(
    `\n${rows.length} pages: ${analysed} analysed, ${skipped} skipped (not an article), ${empty} opened with no entities listed; ${pageErrors} uncaught errors from the pages themselves, ${ours} caused by the extension; ${furniture} names listed from bylines, bios, credits or print lines.`,
  );
  return ours > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);

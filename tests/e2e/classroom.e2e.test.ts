/**
 * Classroom deployment (issue 19, part 3) in real browsers, through the browsers' own policy
 * files, as a school's administrator would set them:
 *   Chromium  /etc/chromium/policies/managed/*.json (Debian's chromium), 3rdparty → extensions →
 *             the fixed unpacked ID (ADR 9);
 *   Firefox   policies.json in the distribution folder of the installation, 3rdparty →
 *             Extensions → the add-on ID.
 * The policy installs a class pack (tests/fixtures/packs/classroom-pack.json, made-up names), locks
 * online mode and the reading trail off, and keeps Backstory off one site. The tests check that a
 * page shows the pack's name, that the site is left alone, and (Chromium, whose extension pages the
 * tests can open) that the options page shows the locks and the background refuses to lift one.
 *
 * Writing those files needs root (CI runs as root); without it the tests are skipped and say so.
 * Each policy file is written before its browser starts and removed in `finally`, whatever happens,
 * and a stale one from a killed run is removed first: other e2e files must never see it.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { existsSync, mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page, WebWorker } from 'puppeteer-core';
import {
  available,
  launch,
  startServer,
  sidebarReady,
  entityNames,
  serviceWorker,
  tabIdOf,
  waitForStatus,
  settle,
  watchDone,
  hasSidebar,
  sleep,
} from './setup.ts';
import type { Launched } from '../../scripts/lib/browsers.ts';
import type { Served } from '../../scripts/lib/serve.ts';
import { ROOT } from '../../scripts/lib/read-packs.ts';

/** The unpacked Chromium build's ID, fixed by the manifest key (wxt.config.ts, ADR 9). */
const CHROMIUM_ID = 'dckffigglilcaafponkkmdjaknbbkbkb';
/** browser_specific_settings.gecko.id in wxt.config.ts. */
const GECKO_ID = 'backstory@backstory.example';

const CHROMIUM_POLICY_FILE = '/etc/chromium/policies/managed/backstory-e2e-classroom.json';
const FIREFOX_POLICY_FILE = '/usr/lib/firefox-esr/distribution/policies.json';

const CLASS_PACK = readFileSync(join(ROOT, 'tests/fixtures/packs/classroom-pack.json'), 'utf8');
const ARTICLE = '/classroom/quillmere-article.html';

/** What the school sets: the test server is 127.0.0.1, so "localhost" is a second site to keep Backstory off. */
const POLICY = {
  settings: { onlineMode: false, readingTrail: false, highlightTypes: ['place', 'organization', 'country'] },
  lockedSettings: ['onlineMode', 'readingTrail', 'highlightTypes'],
  neverSites: ['localhost'],
  packs: [CLASS_PACK],
};

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot)
  console.warn(
    'classroom e2e skipped: writing the browsers’ policy files (/etc/chromium/policies, the Firefox distribution folder) needs root',
  );

declare const chrome: {
  storage: { managed: { get(): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};

/** Writes a policy file; returns how to remove it and any folder it had to create. */
function writePolicy(file: string, content: unknown): () => void {
  const created: string[] = [];
  for (let dir = dirname(file); !existsSync(dir); dir = dirname(dir)) created.unshift(dir);
  rmSync(file, { force: true });
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(content, null, 2));
  return () => {
    rmSync(file, { force: true });
    for (const dir of created.reverse()) rmdirSync(dir);
  };
}

async function openArticle(b: Launched, server: Served, url = `${server.url}${ARTICLE}`): Promise<Page> {
  const page = await b.browser.newPage();
  watchDone(page);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

describe.runIf(isRoot && available('chromium'))('classroom: Chromium through a real policy file', () => {
  let b: Launched;
  let server: Served;
  let removePolicy: () => void = () => undefined;
  let worker: WebWorker;

  beforeAll(async () => {
    server = await startServer();
    removePolicy = writePolicy(CHROMIUM_POLICY_FILE, { '3rdparty': { extensions: { [CHROMIUM_ID]: POLICY } } });
    b = await launch('chromium');
    expect(b.extensionId).toBe(CHROMIUM_ID);
    // Chromium hands the extension its policy a moment after it registers the schema.
    for (let i = 0; i < 300; i++) {
      worker = await serviceWorker(b);
      const managed = await worker.evaluate(() => chrome.storage.managed.get()).catch(() => ({}));
      if (Object.keys(managed).length) break;
      await sleep(100);
    }
  });

  afterAll(async () => {
    try {
      await b?.close();
      await server?.close();
    } finally {
      removePolicy();
    }
    expect(existsSync(CHROMIUM_POLICY_FILE)).toBe(false);
  });

  it('passes the policy to the extension as written', async () => {
    const managed = await worker.evaluate(() => chrome.storage.managed.get());
    expect(managed).toEqual(POLICY);
  });

  it('finds the name from the school’s pack in an article', async () => {
    const page = await openArticle(b, server);
    await sidebarReady(page);
    expect(await entityNames(page)).toContain('Quillmere Reservoir');
    await page.close();
  });

  it('leaves a site the policy lists alone', async () => {
    const url = `${server.url.replace('127.0.0.1', 'localhost')}${ARTICLE}`;
    const page = await openArticle(b, server, url);
    const status = await waitForStatus(worker, await tabIdOf(worker, url), url, ['skipped', 'found', 'nothing']);
    expect(status.state).toBe('skipped');
    expect(await hasSidebar(page)).toBe(false);
    await page.close();
  });

  it('shows the locks on the options page, and the background refuses to lift one', async () => {
    const page = await b.browser.newPage();
    await page.goto(`chrome-extension://${CHROMIUM_ID}/options.html`, { waitUntil: 'load' });
    await page.waitForSelector('[data-testid="managed"] dd[data-setting="onlineMode"]', { timeout: 30_000 });
    const shown = await page.evaluate(() => {
      const values = Object.fromEntries(
        Array.from(document.querySelectorAll('[data-testid="managed"] dd')).map((dd) => [
          (dd as HTMLElement).dataset.setting,
          dd.textContent,
        ]),
      );
      const box = document.querySelector<HTMLInputElement>('#opt-type-place')!;
      const hint = document.getElementById(box.getAttribute('aria-describedby') ?? '')?.textContent;
      const pack = Array.from(document.querySelectorAll('li.pack')).find((li) =>
        li.textContent?.includes('Test class pack'),
      );
      return {
        values,
        typeDisabled: box.disabled,
        typeAriaDisabled: box.getAttribute('aria-disabled'),
        hint,
        packBadge: pack?.querySelector('.badge')?.textContent,
        packToggleDisabled: pack?.querySelector<HTMLInputElement>('input[type="checkbox"]')?.disabled,
      };
    });
    expect(shown).toEqual({
      values: { onlineMode: 'Off', readingTrail: 'Off', highlightTypes: 'Organisation, Country, Place' },
      typeDisabled: true,
      typeAriaDisabled: 'true',
      hint: 'Set by your school or administrator.',
      packBadge: 'From your school',
      packToggleDisabled: true,
    });
    const refused = await page.evaluate(() =>
      chrome.runtime.sendMessage({ type: 'opt/save-settings', payload: { settings: { onlineMode: true } } }),
    );
    expect(refused).toEqual({
      ok: false,
      error: '“Online mode” is set by your school or administrator and cannot be changed here.',
    });
    await page.close();
  });
});

describe.runIf(isRoot && available('firefox'))('classroom: Firefox through policies.json', () => {
  let b: Launched;
  let server: Served;
  let removePolicy: () => void = () => undefined;

  beforeAll(async () => {
    server = await startServer();
    removePolicy = writePolicy(FIREFOX_POLICY_FILE, {
      policies: { '3rdparty': { Extensions: { [GECKO_ID]: POLICY } } },
    });
    b = await launch('firefox');
  });

  afterAll(async () => {
    try {
      await b?.close();
      await server?.close();
    } finally {
      removePolicy();
    }
    expect(existsSync(FIREFOX_POLICY_FILE)).toBe(false);
  });

  it('finds the name from the school’s pack in an article', async () => {
    const page = await openArticle(b, server);
    await sidebarReady(page);
    expect(await entityNames(page)).toContain('Quillmere Reservoir');
    await page.close();
  });

  it('leaves a site the policy lists alone', async () => {
    // The listed site's page opens first; by the time the same article on the test server has its
    // sidebar, Backstory would have opened one on the first page too, had the policy not kept it off.
    const url = `${server.url.replace('127.0.0.1', 'localhost')}${ARTICLE}`;
    const page = await openArticle(b, server, url);
    const other = await openArticle(b, server);
    await sidebarReady(other);
    await settle(b, 'firefox', url, page);
    expect(await hasSidebar(page)).toBe(false);
    await Promise.all([page.close(), other.close()]);
  });
});

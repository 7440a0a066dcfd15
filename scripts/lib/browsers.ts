/**
 * Launching real Chromium and Firefox with the built extension (puppeteer-core,
 * the browsers installed on the machine). Shared by `npm start`, the end-to-end
 * tests and the benchmark.
 */
import { existsSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export type BrowserName = 'chromium' | 'firefox';

const CANDIDATES: Record<BrowserName, { env: string; paths: string[]; install: string }> = {
  chromium: {
    env: 'CHROMIUM_PATH',
    paths: [
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
    ],
    install: 'sudo apt-get install -y chromium   (or set CHROMIUM_PATH to a Chromium or Chrome binary)',
  },
  firefox: {
    env: 'FIREFOX_PATH',
    paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox', '/Applications/Firefox.app/Contents/MacOS/firefox'],
    install: 'sudo apt-get install -y firefox-esr   (or set FIREFOX_PATH to a Firefox binary)',
  },
};

export function findBrowser(name: BrowserName): { path: string | null; install: string } {
  const c = CANDIDATES[name];
  const fromEnv = process.env[c.env];
  if (fromEnv)
    return { path: existsSync(fromEnv) ? fromEnv : null, install: `${c.env}=${fromEnv} does not exist. ${c.install}` };
  return { path: c.paths.find((p) => existsSync(p)) ?? null, install: c.install };
}

/** Chromium flags that keep it quiet on a machine without internet. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--no-default-browser-check',
];

export interface Launched {
  browser: Browser;
  name: BrowserName;
  /** The extension's origin (chrome-extension://ID or moz-extension://UUID), when known. */
  extensionId: string | null;
  close(): Promise<void>;
}

export async function launchWithExtension(
  name: BrowserName,
  extensionDir: string | null,
  opts: { headless?: boolean; windowSize?: [number, number] } = {},
): Promise<Launched> {
  const found = findBrowser(name);
  if (!found.path) throw new Error(`${name} is not installed. ${found.install}`);
  const headless = opts.headless ?? true;
  const [w, h] = opts.windowSize ?? [1400, 900];
  if (name === 'chromium') {
    const browser = await puppeteer.launch({
      executablePath: found.path,
      headless,
      pipe: true,
      ...(extensionDir ? { enableExtensions: [extensionDir] } : {}),
      args: [
        ...CHROMIUM_ARGS,
        `--window-size=${w},${h}`,
        `--user-data-dir=${mkdtempSync(join(tmpdir(), 'backstory-chromium-'))}`,
      ],
      defaultViewport: { width: w, height: h },
    });
    let extensionId: string | null = null;
    if (extensionDir) {
      const target = await browser
        .waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
          timeout: 20_000,
        })
        .catch(() => null);
      extensionId = target ? new URL(target.url()).host : null;
    }
    return { browser, name, extensionId, close: () => browser.close() };
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: found.path,
    headless,
    defaultViewport: { width: w, height: h },
    extraPrefsFirefox: {
      'extensions.autoDisableScopes': 0,
      'xpinstall.signatures.required': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'app.update.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
    },
  });
  let extensionId: string | null = null;
  if (extensionDir) extensionId = await browser.installExtension(extensionDir);
  return { browser, name, extensionId, close: () => browser.close() };
}

/** Everything our UI shows, read from the page (our shadow roots are open). */
export async function readSidebar(page: Page) {
  return page.evaluate(() => {
    const host = document.querySelector('backstory-sidebar');
    const root = host?.shadowRoot;
    if (!root) return null;
    const entities = Array.from(root.querySelectorAll<HTMLElement>('button.entity')).map((b) => ({
      key: b.dataset.entity ?? '',
      name: b.querySelector('.name')?.textContent ?? '',
      mentions: Number(b.querySelector('.n')?.textContent ?? '0'),
    }));
    return {
      count: root.querySelector('[data-testid="entity-count"]')?.textContent ?? '',
      status: root.querySelector('.status')?.textContent ?? '',
      title: root.querySelector('.article-title')?.textContent ?? '',
      entities,
    };
  });
}

export async function waitForSidebarReady(page: Page, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    () => !!document.querySelector('backstory-sidebar')?.shadowRoot?.querySelector('[data-testid="entity-count"]'),
    { timeout, polling: 100 },
  );
}

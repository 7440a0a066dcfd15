/**
 * `npm start`: build the extension, serve the bundled demo article from
 * 127.0.0.1 and open it in a browser with Backstory loaded.
 *   npm start                       Chromium (found on the machine, or CHROMIUM_PATH)
 *   npm start -- --browser firefox  Firefox (or FIREFOX_PATH)
 *   npm start -- --headless         never open a window
 * With no display it runs headless, says so, prints what Backstory found and
 * writes a screenshot of the page with the sidebar.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from './lib/serve.ts';
import { launchWithExtension, waitForSidebarReady, findBrowser, type BrowserName } from './lib/browsers.ts';
import { report, waitForCompleteSidebar, waitForRunEnd } from './start-report.ts';
import { LIST_PAGE_SIZE } from '../components/sidebar/Sidebar.tsx';
import { ROOT } from './lib/read-packs.ts';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const name = (arg('browser') ?? 'chromium').toLowerCase().replace(/^chrome$/, 'chromium') as BrowserName;
if (name !== 'chromium' && name !== 'firefox') {
  console.error(`npm start: unknown browser "${name}" (use chromium or firefox)`);
  process.exit(2);
}
const found = findBrowser(name);
if (!found.path) {
  console.error(`npm start: ${name} was not found. Install it: ${found.install}`);
  process.exit(1);
}
const headless = process.argv.includes('--headless') || (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY);

console.log(`Building Backstory for ${name}…`);
execFileSync(
  process.execPath,
  [
    join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
    join(ROOT, 'scripts/build-kb.ts'),
    ...(process.env.BACKSTORY_KB_LENIENT ? ['--lenient'] : []),
  ],
  { stdio: 'inherit', cwd: ROOT },
);
try {
  // wxt's progress output is cursor codes ("\x1b[1G") meant for a terminal it redraws; keep it
  // out of our plain output and show it only when the build fails.
  execFileSync(
    process.execPath,
    [join(ROOT, 'node_modules/wxt/bin/wxt.mjs'), 'build', ...(name === 'firefox' ? ['-b', 'firefox'] : [])],
    { stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT },
  );
} catch (e) {
  const err = e as { stdout?: Buffer; stderr?: Buffer };
  process.stderr.write(String(err.stdout ?? '') + String(err.stderr ?? ''));
  console.error('npm start: the extension did not build.');
  process.exit(1);
}
const extDir = join(ROOT, '.output', name === 'firefox' ? 'firefox-mv2' : 'chrome-mv3');

const server = await serve([join(ROOT, 'tests/fixtures/pages')]);
const url = `${server.url}/demo-article.html`;
console.log(`Serving the demo article at ${url}`);
if (headless)
  console.log('No display found: running headless. (Set DISPLAY or run on a desktop to get a browser window.)');

const launched = await launchWithExtension(name, extDir, { headless, windowSize: [1400, 900] });
const page = await launched.browser.newPage();
await page.goto(url, { waitUntil: 'load' });
try {
  await waitForSidebarReady(page, 60_000);
} catch {
  console.error('Backstory did not show its sidebar on the demo article within 60 s.');
  await launched.close();
  await server.close();
  process.exit(1);
}
// The first pass shows the names the knowledge base knows; wait for the complete result.
if (name === 'chromium' && launched.extensionId) {
  const target = await launched.browser
    .waitForTarget((t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'), {
      timeout: 30_000,
    })
    .catch(() => null);
  const worker = await target?.worker();
  if (worker) await waitForRunEnd(worker, url, 60_000);
}
const sidebar = await waitForCompleteSidebar(page, LIST_PAGE_SIZE, 60_000);
if (!sidebar) {
  console.error('Backstory did not finish reading the demo article within 60 s.');
  await launched.close();
  await server.close();
  process.exit(1);
}
console.log(`\n${report(sidebar).join('\n')}`);
mkdirSync(join(ROOT, 'artifacts'), { recursive: true });
const shot = join(ROOT, 'artifacts', `demo-${name}.png`);
await new Promise((r) => setTimeout(r, 300));
await page.screenshot({ path: shot });
console.log(`\nScreenshot of the page with the sidebar: ${shot}`);

if (headless) {
  await launched.close();
  await server.close();
} else {
  console.log('The browser stays open; close it (or press Ctrl+C) to stop.');
  await new Promise<void>((resolve) => {
    launched.browser.on('disconnected', () => resolve());
    process.on('SIGINT', () => resolve());
  });
  await launched.close().catch(() => undefined);
  await server.close();
}

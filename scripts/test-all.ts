/**
 * `npm test`: everything, in order, stopping at the first failure —
 * knowledge base build, type check, lint, unit and component tests, Chrome (MV3)
 * and Firefox builds, web-ext lint of the Firefox build, then end-to-end tests in
 * real headless Chromium and Firefox. Where a browser is missing the end-to-end
 * part says which and how to install it; with CI=true that is a failure.
 */
import { spawnSync } from 'node:child_process';
import { ROOT } from './lib/read-packs.ts';
import { bin, CHECK_STEPS, runSteps, type Stage } from './check.ts';
import { findBrowser } from './lib/browsers.ts';

// The fast checks (npm run check), then builds and browsers.
const steps: Stage[] = [
  ['prepare', bin('wxt'), ['prepare']],
  ...CHECK_STEPS,
  ['build: Chrome MV3', bin('wxt'), ['build']],
  ['build: Firefox', bin('wxt'), ['build', '-b', 'firefox']],
  [
    'web-ext lint (Firefox build)',
    bin('web-ext'),
    ['lint', '--source-dir', '.output/firefox-mv2', '--self-hosted', '--warnings-as-errors'],
  ],
];

const started = Date.now();
await runSteps(steps);

const missing = (['chromium', 'firefox'] as const).filter((b) => !findBrowser(b).path);
if (missing.length) {
  for (const b of missing)
    console.error(`\n${b} is not installed, so its end-to-end tests cannot run. Install it: ${findBrowser(b).install}`);
  if (process.env.CI === 'true' || process.env.CI === '1') {
    console.error('CI=true: the real-browser tests are required. Failing.');
    process.exit(1);
  }
}
console.log('\n▶ end-to-end tests (real browsers)');
const e2e = spawnSync(bin('vitest'), ['run', '--config', 'vitest.e2e.config.ts'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, BACKSTORY_MISSING_BROWSERS: missing.join(',') },
});
if (e2e.status !== 0) {
  console.error('\n✖ end-to-end tests failed');
  process.exit(e2e.status ?? 1);
}
console.log(`\n✔ all tests passed in ${Math.round((Date.now() - started) / 1000)} s`);

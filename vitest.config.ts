import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';
import preact from '@preact/preset-vite';

/**
 * The unit suite runs in three groups, one after another, each on both cores:
 *
 * - "node" and "dom": files that share their worker's module registry (isolate off), so the
 *   knowledge base, the gazetteer and compromise are imported once per worker instead of once
 *   per file. A worker is reused only for a file of the same environment, hence one group per
 *   environment (a file asks for happy-dom with a `@vitest-environment` comment).
 *   tests/fixtures/fresh-document.ts gives each file an empty document, real timers and
 *   unstubbed globals.
 * - "isolated": files that replace a module with vi.mock, since a mock lives in the registry.
 *
 * The difference is about 45 against 95 seconds for the whole suite on two cores.
 */
const MOCKING = ['tests/engine/unknown-keys.test.ts', 'tests/components/options.test.tsx'];

function testFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'e2e' ? [] : testFiles(path);
    return /\.test\.tsx?$/.test(e.name) ? [path] : [];
  });
}
const files = testFiles('tests').filter((f) => !MOCKING.includes(f));
const wantsDom = (f: string) => /@vitest-environment happy-dom/.test(readFileSync(f, 'utf8').slice(0, 2000));

export default defineConfig({
  plugins: [WxtVitest(), preact()],
  test: {
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'threads',
    maxWorkers: 2,
    setupFiles: ['tests/fixtures/fresh-document.ts'],
    projects: [
      {
        extends: true,
        test: { name: 'node', include: files.filter((f) => !wantsDom(f)), isolate: false, sequence: { groupOrder: 0 } },
      },
      {
        extends: true,
        test: { name: 'dom', include: files.filter(wantsDom), isolate: false, sequence: { groupOrder: 1 } },
      },
      { extends: true, test: { name: 'isolated', include: MOCKING, sequence: { groupOrder: 2 } } },
    ],
  },
});

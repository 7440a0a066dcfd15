/**
 * The layer rules of docs/architecture.md, checked by reading imports (ESLint checks
 * the same; this test also catches what a lint config could miss):
 * lib/engine uses no DOM or browser APIs, components never call browser.*,
 * only the name finder and the figure reader import compromise, and no product code uses an HTML sink.
 * Also the size rule: no product file (code or stylesheet) over MAX_LINES lines.
 */
import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = process.cwd();
function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(ROOT, p)).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}
/** Every file under dir, whatever its kind. */
function allFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(ROOT, p)).isDirectory() ? allFiles(p) : [p];
  });
}
const raw = (f: string) => readFileSync(join(ROOT, f), 'utf8');
const lineCount = (f: string) => {
  const text = raw(f);
  return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
};

/** A product file longer than this holds several modules: split it by responsibility (issue 14). */
const MAX_LINES = 400;
/** Source without comments, so a comment that mentions browser.runtime is not a use of it. */
const source = (f: string) =>
  raw(f)
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1');
const imports = (f: string) =>
  [...raw(f).matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(['"]([^'"]+)['"]\)/g)].map(
    (m) => m[1] ?? m[2]!,
  );
const product = [...files('lib'), ...files('components'), ...files('entrypoints')];

describe('architecture boundaries', () => {
  it('lib/engine imports no DOM, browser or UI code', () => {
    for (const f of files('lib/engine')) {
      for (const i of imports(f))
        expect(`${f} → ${i}`).not.toMatch(
          /→ (wxt|webextension-polyfill|preact|@mozilla\/readability|linkedom|.*\/(page|components|storage|messaging|background)\/)/,
        );
      expect(source(f), f).not.toMatch(/\b(document|window|browser|chrome)\.\w/);
    }
  });

  it('components never call browser APIs or import storage', () => {
    for (const f of files('components')) {
      expect(source(f), f).not.toMatch(/\b(browser|chrome)\.(runtime|tabs|storage|scripting)/);
      for (const i of imports(f))
        expect(`${f} → ${i}`).not.toMatch(/→ (wxt\/browser|webextension-polyfill|compromise|.*storage\/items)/);
    }
  });

  it('the message contract imports nothing from the page layer', () => {
    for (const f of files('lib/messaging'))
      for (const i of imports(f)) expect(`${f} → ${i}`).not.toMatch(/→ .*\/page\//);
  });

  it('only the name finder and the figure reader import compromise', () => {
    const users = [...product, ...files('cli'), ...files('scripts')].filter((f) =>
      imports(f).some((i) => i === 'compromise' || i.startsWith('compromise/')),
    );
    expect(users.map((f) => relative('.', f)).sort()).toEqual(['lib/engine/figures.ts', 'lib/engine/ner.ts']);
  });

  it('has no HTML sinks in product code', () => {
    for (const f of product)
      expect(source(f), f).not.toMatch(
        /\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write\(/,
      );
  });

  it(`keeps every file under entrypoints/, lib/ and components/ within ${MAX_LINES} lines`, () => {
    const sizes = ['entrypoints', 'lib', 'components'].flatMap(allFiles).map((f) => [f, lineCount(f)] as const);
    expect(sizes.filter(([, n]) => n > MAX_LINES).map(([f, n]) => `${f} (${n} lines)`)).toEqual([]);
  });

  it('keeps entrypoints thin: every file sits in an entrypoint folder or is an entrypoint', () => {
    // background.ts and sentinel.ts (an unlisted script declared in wxt.config.ts) are single files.
    for (const f of files('entrypoints'))
      expect(f).toMatch(/^entrypoints\/((background|sentinel)\.ts|[\w-]+(\.content)?\/[\w.-]+\.(ts|tsx))$/);
  });
});

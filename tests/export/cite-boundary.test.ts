/**
 * The citation library (citation-js, citeproc-js: ~1 MB) is in cite.js alone, injected when the
 * reader first cites. Walks the real import graph (type-only imports are erased by the build,
 * so they are not followed) from each script that a page or the browser loads on its own.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const ROOT = process.cwd();

/** Modules a file really imports: `import x from`, `export … from`, `import 'x'`; not `import type`. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\//g, '');
  const out: string[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?([^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)) {
    if (m[2]) continue;
    if (m[1] === 'export' && !m[3]) continue;
    out.push(m[4]!);
  }
  return out;
}

/** Every module reachable from `entry`: project files by path, packages by name. */
function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string) => {
    const rel = relative(ROOT, file);
    if (seen.has(rel)) return;
    seen.add(rel);
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith('.')) {
        const target = join(dirname(file), spec.replace(/\?.*$/, ''));
        if (/\.(ts|tsx)$/.test(target)) walk(target);
        else seen.add(relative(ROOT, target));
      } else seen.add(spec);
    }
  };
  walk(join(ROOT, entry));
  return seen;
}

const isCitationLibrary = (m: string) => /^(@citation-js\/|citeproc)|lib\/export\/cite-format\.ts$/.test(m);

describe('the citation library stays out of the scripts every page or the browser loads', () => {
  it.each(['entrypoints/analyzer.content/index.tsx', 'entrypoints/sentinel.ts', 'entrypoints/background.ts'])(
    '%s does not import it',
    (entry) => {
      const mods = reachable(entry);
      expect(mods.size).toBeGreaterThan(1);
      expect([...mods].filter(isCitationLibrary)).toEqual([]);
    },
  );

  it('cite.js (injected on demand) does, with the CSL styles', () => {
    const mods = [...reachable('entrypoints/cite/index.ts')];
    expect(mods).toContain('@citation-js/plugin-csl');
    expect(mods).toContain('lib/export/cite-format.ts');
    expect(mods).toContain('data/csl/modern-language-association.csl');
  });
});

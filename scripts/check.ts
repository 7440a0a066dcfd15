/**
 * `npm run check`: the fast inner loop — type check, lint, format check and the unit and
 * component tests, without builds or browsers (those are in `npm test`).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './lib/read-packs.ts';

export const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
/** Where the inner loop keeps what it can reuse between runs (git ignores node_modules). */
const CACHE = join(ROOT, 'node_modules', '.cache', 'backstory-check');
/** tsc --incremental: a re-run reads the previous program's build info and re-checks only what changed. */
const tsc = (project: string, name: string) => [
  '--noEmit',
  '--incremental',
  '--tsBuildInfoFile',
  join(CACHE, `${name}.tsbuildinfo`),
  '-p',
  project,
];
export const CHECK_STEPS: [string, string, string[]][] = [
  ['knowledge base', bin('tsx'), ['scripts/build-kb.ts']],
  ['type check', bin('tsc'), tsc('tsconfig.json', 'app')],
  ['type check (engine, no DOM)', bin('tsc'), tsc('lib/engine/tsconfig.json', 'engine')],
  ['lint', bin('eslint'), ['--cache', '--cache-location', join(CACHE, 'eslint') + '/', '.']],
  ['format', bin('prettier'), ['--check', '--cache', '--cache-location', join(CACHE, 'prettier'), '.']],
  ['unit and component tests', bin('vitest'), ['run']],
];

/** Runs steps in order, stopping the process at the first that fails. */
export function runSteps(steps: [string, string, string[]][]): void {
  for (const [name, cmd, args] of steps) {
    console.log(`\n▶ ${name}`);
    const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
    if (r.status !== 0) {
      console.error(`\n✖ ${name} failed`);
      process.exit(r.status ?? 1);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  runSteps(CHECK_STEPS);
  console.log(`\n✔ check passed in ${Math.round((Date.now() - started) / 1000)} s`);
}

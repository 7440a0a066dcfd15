/**
 * `npm run check`: the fast inner loop — type check, lint, format check and the unit and
 * component tests, without builds or browsers (those are in `npm test`).
 *
 * The static checks are single-threaded, so they run side by side, as many at once as the
 * machine has cores, each one's output printed whole when it ends; the tests then have the
 * cores to themselves (vitest.config.ts spreads them over both).
 */
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './lib/read-packs.ts';

export const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
/** One command: its name, the program, its arguments. */
export type Step = [string, string, string[]];
/** A step, or steps that may run at the same time. */
export type Stage = Step | Step[];

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
export const CHECK_STEPS: Stage[] = [
  ['knowledge base', bin('tsx'), ['scripts/build-kb.ts']],
  [
    ['type check', bin('tsc'), tsc('tsconfig.json', 'app')],
    ['type check (engine, no DOM)', bin('tsc'), tsc('lib/engine/tsconfig.json', 'engine')],
    ['lint', bin('eslint'), ['--cache', '--cache-location', join(CACHE, 'eslint') + '/', '.']],
    ['format', bin('prettier'), ['--check', '--cache', '--cache-location', join(CACHE, 'prettier'), '.']],
  ],
  ['unit and component tests', bin('vitest'), ['run']],
];

const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;

function fail(name: string, status: number | null): never {
  console.error(`\n✖ ${name} failed`);
  process.exit(status ?? 1);
}

/** Runs one step with the terminal as its output. */
function runOne([name, cmd, args]: Step): void {
  console.log(`\n▶ ${name}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: process.env });
  if (r.status !== 0) fail(name, r.status);
  console.log(`  ${name}: ${seconds(started)}`);
}

/** Runs steps side by side, at most `width` at once; resolves with the first failure, if any. */
async function runTogether(steps: Step[], width: number): Promise<[string, number | null] | undefined> {
  const queue = [...steps];
  let failed: [string, number | null] | undefined;
  const worker = async () => {
    for (let step = queue.shift(); step; step = queue.shift()) {
      const [name, cmd, args] = step;
      const started = Date.now();
      const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, FORCE_COLOR: '1' } });
      const out: Buffer[] = [];
      child.stdout.on('data', (b: Buffer) => out.push(b));
      child.stderr.on('data', (b: Buffer) => out.push(b));
      const status = await new Promise<number | null>((resolve) => {
        child.on('error', (e) => {
          out.push(Buffer.from(`${e.message}\n`));
          resolve(1);
        });
        child.on('close', resolve);
      });
      console.log(`\n▶ ${name} (${seconds(started)})`);
      const text = Buffer.concat(out).toString().trimEnd();
      if (text) console.log(text);
      if (status !== 0) failed ??= [name, status];
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, steps.length) }, worker));
  return failed;
}

/** Runs the stages in order, stopping the process at the first that fails. */
export async function runSteps(stages: Stage[]): Promise<void> {
  for (const stage of stages) {
    if (typeof stage[0] === 'string') runOne(stage as Step);
    else {
      const failed = await runTogether(stage as Step[], availableParallelism());
      if (failed) fail(...failed);
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const started = Date.now();
  await runSteps(CHECK_STEPS);
  console.log(`\n✔ check passed in ${Math.round((Date.now() - started) / 1000)} s`);
}

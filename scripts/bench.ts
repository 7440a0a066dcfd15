/**
 * `npm run bench`: Backstory's speed and memory against the budgets in
 * scripts/bench-budgets.json (QUALITY.md §2). A benchmark, never a test: nothing in
 * the test suites calls it. `npm run bench -- --help` lists the options.
 *
 * One headless Chromium with the built extension and one without, in the same run,
 * pages served from 127.0.0.1 (requests to any other host are aborted so saved pages
 * never wait on the network). See docs/performance.md. The parts, in scripts/lib/:
 *   bench-options.ts  the command line          bench-specs.ts    which pages, what on each
 *   bench-pages.ts    the generated pages       bench-load.ts     one load, with and without
 *   bench-hover.ts    a hover, dwell → card     bench-trace.ts    reading a DevTools trace
 *   bench-naive.ts    the naive anchor          bench-engine.ts   the engine alone in Node
 *   bench-stats.ts    medians, page results     bench-budgets.ts  budgets checked (pure)
 *   bench-report.ts   the JSON report and the table
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { serve } from './lib/serve.ts';
import { launchWithExtension } from './lib/browsers.ts';
import { ROOT } from './lib/read-packs.ts';
import { articlePage, gridPage, kbNames } from './lib/bench-pages.ts';
import { BENCH_HELP, parseBenchOptions } from './lib/bench-options.ts';
import { ARTICLE_10K_PATH, GRID_50K_PATH, benchSpecs } from './lib/bench-specs.ts';
import type { BenchContext } from './lib/bench-context.ts';
import { measureLoad, type LoadRow } from './lib/bench-load.ts';
import type { HoverRow } from './lib/bench-hover.ts';
import { measureNaive, type NaiveRow } from './lib/bench-naive.ts';
import { benchEngine, engineGrowth } from './lib/bench-engine.ts';
import { medians, pageResult, type PageResult } from './lib/bench-stats.ts';
import { checkBudgets, measurementsOf, parseBudgets } from './lib/bench-budgets.ts';
import { HEAP_NOTE, buildReport, fmt, printReport } from './lib/bench-report.ts';
import type { KbIndex } from '../lib/engine/types.ts';

const CORPUS_DIR = join(ROOT, '../shared/corpus/pages');
const opts = parseBenchOptions(process.argv.slice(2), existsSync(CORPUS_DIR));
if (opts.help) {
  console.log(BENCH_HELP);
  process.exit(0);
}
const EXT_DIR = join(ROOT, '.output/chrome-mv3');
const SENTINEL = join(EXT_DIR, 'sentinel.js');
const log = (...a: unknown[]) => (opts.json ? console.error(...a) : console.log(...a));
const started = Date.now();
const budgetSpecs = parseBudgets(JSON.parse(readFileSync(join(ROOT, 'scripts/bench-budgets.json'), 'utf8')));

// ---- 1. build ------------------------------------------------------------------

let kbBuild: 'strict' | 'lenient' | 'skipped' = opts.skipBuild ? 'skipped' : 'strict';
if (!opts.skipBuild) {
  log('bench: building the knowledge base and the Chrome MV3 extension…');
  const out = opts.json ? 2 : 'inherit';
  try {
    execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/build-kb.ts')], {
      cwd: ROOT,
      stdio: ['ignore', out, 'pipe'],
    });
  } catch {
    // The packs have problems (a data bug, not a speed one): measure with what builds, and say so.
    kbBuild = 'lenient';
    log(
      'bench: build-kb found problems in data/packs (see npx tsx scripts/check-packs.ts); building the knowledge base with --lenient for the benchmark.',
    );
    execFileSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/build-kb.ts'), '--lenient'], {
      cwd: ROOT,
      stdio: ['ignore', out, 'ignore'],
    });
  }
  execFileSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
if (!existsSync(SENTINEL)) {
  console.error(`bench: ${SENTINEL} is missing; run without --skip-build.`);
  process.exit(1);
}
const index = JSON.parse(readFileSync(join(ROOT, 'generated/kb-index.json'), 'utf8')) as KbIndex;
const names = kbNames(index);

// ---- 2. pages and browsers ---------------------------------------------------------

const specs = benchSpecs(opts, opts.corpus ? readdirSync(CORPUS_DIR) : []);
const serveCorpus = existsSync(CORPUS_DIR) && (opts.corpus || specs.some((s) => s.corpus));
const server = await serve([join(ROOT, 'tests/fixtures/pages'), ...(serveCorpus ? [CORPUS_DIR] : [])]);
server.route(ARTICLE_10K_PATH, articlePage(names, 10_000));
server.route(GRID_50K_PATH, gridPage(50_000));
const ctx: BenchContext = { server, debug: opts.debug, profile: opts.profile };

log(
  `bench: launching headless Chromium with and without the extension (${opts.runs} run${opts.runs > 1 ? 's' : ''} per page, ${specs.length} pages)…`,
);
const withExt = await launchWithExtension('chromium', EXT_DIR);
const without = await launchWithExtension('chromium', null);
if (!withExt.extensionId) {
  console.error('bench: the extension did not start in Chromium (no service worker).');
  process.exit(1);
}
const chromiumVersion = await withExt.browser.version();

// ---- 3. loads and hovers -------------------------------------------------------------

const results: PageResult[] = [];
let corpusStarted = 0;
let corpusSkipped = 0;
for (const spec of specs) {
  // Saved pages with many scripts load slowly; the corpus gets what is left of --corpus-seconds.
  if (spec.corpus) {
    corpusStarted ||= Date.now();
    if (Date.now() - corpusStarted > opts.corpusSeconds * 1000) {
      corpusSkipped++;
      continue;
    }
  }
  const rowsW: LoadRow[] = [];
  const rowsO: LoadRow[] = [];
  const hovers: HoverRow[] = [];
  let plainWait = 600;
  for (let run = 0; run < opts.runs; run++) {
    const a = await measureLoad(ctx, withExt, spec, true, spec.article === null ? 4000 : 1500);
    if (spec.article === null) spec.article = a.ready;
    plainWait = Math.max(600, a.readyAfterMs + 300);
    rowsW.push(a.row);
    if (a.hover) hovers.push(a.hover);
    const b = await measureLoad(ctx, without, spec, false, plainWait);
    rowsO.push(b.row);
  }
  const res = pageResult(spec.id, spec.article, rowsW, rowsO, hovers);
  results.push(res);
  const w = res.with;
  const o = res.without;
  log(
    `  ${spec.id.padEnd(28)} ${spec.article ? 'article' : 'not an article'}  sidebar ${fmt(w.loadToSidebarMs)} ms  longest task ${fmt(w.longestTaskMs)} / ${fmt(o.longestTaskMs)} ms (ext code ${fmt(w.extLongestTaskMs)}, ext window ${fmt(w.extWindowLongestTaskMs)})  [${Math.round((Date.now() - started) / 1000)} s]`,
  );
}

if (opts.only) {
  // Debugging one page: no anchor, engine or budgets.
  console.log(JSON.stringify(results, null, 1));
  await withExt.close();
  await without.close();
  await server.close();
  process.exit(0);
}

// ---- 4. the naive anchor -----------------------------------------------------------

log('bench: the naive anchor (full compromise in the page)…');
const naive: Record<string, Record<keyof NaiveRow, number | null>> = {};
for (const spec of specs.filter((s) => s.id === 'demo' || s.id === 'article10k')) {
  const rows: NaiveRow[] = [];
  for (let run = 0; run < opts.runs; run++) rows.push(await measureNaive(ctx, without, spec));
  naive[spec.id] = medians(rows);
}
await withExt.close();
await without.close();
await server.close();

// ---- 5. the engine alone in Node ------------------------------------------------------

log('bench: the engine alone in Node…');
const engineRows = benchEngine(index, names, opts.quick);

// ---- 6. budgets and report -------------------------------------------------------------

const sentinelBytes = statSync(SENTINEL).size;
const budgets = checkBudgets(measurementsOf(results, sentinelBytes), budgetSpecs);
const report = buildReport({
  meta: {
    date: new Date().toISOString(),
    chromium: chromiumVersion,
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '',
    runs: opts.runs,
    quick: opts.quick,
    kbBuild,
    corpus: opts.corpus,
    corpusSeconds: opts.corpusSeconds,
    seconds: Math.round((Date.now() - started) / 1000),
    heapNote: HEAP_NOTE,
  },
  results,
  corpusSkipped,
  sentinelBytes,
  analyzerBytes: statSync(join(EXT_DIR, 'content-scripts/analyzer.js')).size,
  naive,
  engineRows,
  engineGrowth: engineGrowth(engineRows),
  budgets,
});
if (opts.json) console.log(JSON.stringify(report));
else printReport(report, results);

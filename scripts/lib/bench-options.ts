/**
 * `npm run bench` options: parsed from argv into one plain object (no globals), so the
 * rest of the benchmark takes what it needs and the parsing can be tested.
 */

export const BENCH_HELP = `npm run bench -- [options]

Backstory's speed and memory in headless Chromium against the budgets in
scripts/bench-budgets.json (QUALITY.md §2). A benchmark, never a test.

  --json                one JSON object on stdout (progress on stderr)
  --runs N              runs per page, medians reported (default 5; 1 with --quick)
  --quick               1 run per page, no saved corpus pages, fewer engine repetitions
  --no-corpus           the benchmark pages only (demo, article10k, grid50k)
  --pages A,B           measure only these pages (ids as printed, e.g. demo,article10k or
                        corpus/NAME), then report as usual; budgets of pages not measured
                        are shown as not measured
  --corpus-seconds S    time the saved corpus pages may take in all (default 150)
  --skip-build          measure the existing .output/chrome-mv3 (no build-kb, no wxt build)
  --only PAGE           debug one page (an id, or corpus/NAME): print its rows as JSON, no
                        anchor, engine or budgets
  --debug               per-task breakdowns, timeStamp marks and CPU profiles on stderr
  --no-profile          with --debug: no CPU profiles (they slow the page's JavaScript)
  --help                this text

See docs/performance.md.`;

export interface BenchOptions {
  help: boolean;
  json: boolean;
  quick: boolean;
  runs: number;
  /** Measure the saved corpus pages (when they exist). */
  corpus: boolean;
  corpusSeconds: number;
  skipBuild: boolean;
  /** Debug one page: its rows only. */
  only: string | null;
  /** Measure only these pages, and report as usual. */
  pages: string[] | null;
  debug: boolean;
  /** CPU profiles (with --debug, unless --no-profile). */
  profile: boolean;
}

export function parseBenchOptions(argv: string[], corpusExists: boolean): BenchOptions {
  const flag = (n: string) => argv.includes(`--${n}`);
  const opt = (n: string) => {
    const i = argv.indexOf(`--${n}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const quick = flag('quick');
  const debug = flag('debug');
  const pages = opt('pages');
  return {
    help: flag('help') || flag('h'),
    json: flag('json'),
    quick,
    runs: Math.max(1, Number(opt('runs') ?? (quick ? 1 : 5)) || 5),
    corpus: !quick && !flag('no-corpus') && corpusExists,
    corpusSeconds: Number(opt('corpus-seconds') ?? 150),
    skipBuild: flag('skip-build'),
    only: opt('only') ?? null,
    pages: pages
      ? pages
          .split(',')
          .map((p) => p.trim())
          .filter(Boolean)
      : null,
    debug,
    profile: debug && !flag('no-profile'),
  };
}

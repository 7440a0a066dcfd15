/**
 * The benchmark's report: one object (printed with --json) and the table printed otherwise.
 */
import { MAX_NER_CHARS } from '../../lib/engine/index.ts';
import type { BudgetResult } from './bench-budgets.ts';
import type { EngineRow } from './bench-engine.ts';
import type { NaiveRow } from './bench-naive.ts';
import { extTaskOf, median, r1, type PageResult } from './bench-stats.ts';

export interface BenchMeta {
  date: string;
  chromium: string;
  node: string;
  cpus: number;
  cpuModel: string;
  runs: number;
  quick: boolean;
  kbBuild: 'strict' | 'lenient' | 'skipped';
  corpus: boolean;
  corpusSeconds: number;
  seconds: number;
  heapNote: string;
}

export const HEAP_NOTE =
  'JSHeapUsedSize of the page renderer’s V8 isolate: the page’s main world plus the extension’s isolated world (sentinel, analyzer, Preact UI) — they share one heap. The background service worker (engine, compromise, knowledge base) runs in its own process and is not included. heapUsed is after load + 2 s; heapUsedAfterGc after a forced GC.';

export type BenchReport = ReturnType<typeof buildReport>;

export function buildReport(r: {
  meta: BenchMeta;
  results: PageResult[];
  corpusSkipped: number;
  sentinelBytes: number;
  analyzerBytes: number;
  naive: Record<string, Record<keyof NaiveRow, number | null>>;
  engineRows: EngineRow[];
  engineGrowth: number | null;
  budgets: Record<string, BudgetResult>;
}) {
  const { results } = r;
  const sentinelWorst = Math.max(0, ...results.map((p) => p.with.sentinelMs ?? 0));
  const corpus = results.filter((p) => p.id.startsWith('corpus/'));
  const corpusSummary = corpus.length
    ? {
        pages: corpus.length,
        skippedForTime: r.corpusSkipped,
        articles: corpus.filter((p) => p.article).length,
        loadToSidebarMedianMs: r1(median(corpus.map((p) => p.with.loadToSidebarMs))),
        loadToSidebarWorstMs: r1(Math.max(...corpus.map((p) => p.with.loadToSidebarMs ?? 0))),
        extLongestTaskMedianMs: r1(median(corpus.map(extTaskOf))),
        extLongestTaskWorst: corpus.reduce((b, p) => (extTaskOf(p) > b.ms ? { id: p.id, ms: extTaskOf(p) } : b), {
          id: '',
          ms: 0,
        }),
        sentinelMedianMs: r1(median(corpus.map((p) => p.with.sentinelMs))),
        sentinelWorstMs: r1(Math.max(...corpus.map((p) => p.with.sentinelMs ?? 0))),
        extraTasksOver50Sum: r1(corpus.reduce((s, p) => s + (p.extra.tasksOver50 ?? 0), 0)),
      }
    : null;
  return {
    meta: r.meta,
    sentinel: {
      bytes: r.sentinelBytes,
      msByPage: Object.fromEntries(results.map((p) => [p.id, p.with.sentinelMs])),
      worstMs: r1(sentinelWorst),
    },
    analyzerBytes: r.analyzerBytes,
    pages: Object.fromEntries(results.filter((p) => !p.id.startsWith('corpus/')).map((p) => [p.id, p])),
    corpus: corpus.length ? { summary: corpusSummary!, pages: corpus } : null,
    naive: r.naive,
    engine: {
      rows: r.engineRows,
      growth: r.engineGrowth,
      growthNote: `time(100k words) / time(10k words); 10 means linear. Compromise tags at most the first ${MAX_NER_CHARS.toLocaleString('en-US')} characters (MAX_NER_CHARS).`,
    },
    budgets: r.budgets,
  };
}

export function fmt(x: number | null | undefined, d = 1): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(d);
}

export function printReport(report: BenchReport, results: PageResult[]): void {
  const { meta, naive } = report;
  const engineRows = report.engine.rows;
  const corpusSummary = report.corpus?.summary ?? null;
  const corpus = report.corpus?.pages ?? [];
  const budgets = report.budgets;
  const sentinelBytes = report.sentinel.bytes;
  const line = (cells: string[], widths: number[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(
    `\nBackstory benchmark — Chromium ${meta.chromium}, ${meta.cpus} CPUs, medians of ${meta.runs} run(s), ${meta.seconds} s`,
  );
  console.log(
    `\nSentinel: ${sentinelBytes} bytes (${(sentinelBytes / 1024).toFixed(1)} KB); main thread worst page median ${fmt(report.sentinel.worstMs, 2)} ms; analyzer bundle ${(report.analyzerBytes / 1024).toFixed(1)} KB (loaded only on articles)`,
  );
  const W = [14, 9, 9, 11, 11, 8, 10, 8, 9, 9, 9, 9];
  console.log('\nPage load (with extension / without)');
  console.log(
    line(
      [
        'page',
        'load→hl',
        'load→sb',
        'longest w',
        'longest wo',
        'ext task',
        'ext window',
        '>50 w/wo',
        'sentinel',
        'analyzer',
        'heap +MB',
        'gc +MB',
      ],
      W,
    ),
  );
  for (const r of results.filter((r) => !r.id.startsWith('corpus/'))) {
    console.log(
      line(
        [
          r.id,
          fmt(r.with.loadToHighlightsMs),
          fmt(r.with.loadToSidebarMs),
          fmt(r.with.longestTaskMs),
          fmt(r.without.longestTaskMs),
          fmt(r.with.extLongestTaskMs),
          fmt(r.with.extWindowLongestTaskMs),
          `${fmt(r.with.tasksOver50, 0)}/${fmt(r.without.tasksOver50, 0)}`,
          fmt(r.with.sentinelMs, 2),
          fmt(r.with.analyzerScriptMs),
          fmt(r.extra.heapMB, 2),
          fmt(r.extra.heapAfterGcMB, 2),
        ],
        W,
      ),
    );
  }
  console.log(
    '\nHover (ms): dwell end → card in DOM / next frame / painted; card render task; work dwell end → painted',
  );
  for (const r of results.filter((r) => r.hover)) {
    const h = r.hover!;
    console.log(
      `  ${r.id.padEnd(12)} ${fmt(h.dwellEndToCardMs)} / ${fmt(h.dwellEndToRafMs)} / ${fmt(h.dwellEndToPaintedMs)}; render task ${fmt(h.cardRenderTaskMs)}; work ${fmt(h.workDwellEndToPaintedMs)}; longest pointer-move ext task ${fmt(h.pointerLongestExtTaskMs)}`,
    );
  }
  console.log(
    '\nNaive anchor (full compromise in the page, no extension): evaluate bundle task / nlp()+people/places/orgs task',
  );
  for (const [id, n] of Object.entries(naive))
    console.log(
      `  ${id.padEnd(12)} ${fmt(n.words, 0)} words: eval ${fmt(n.evalTaskMs)} ms, nlp task ${fmt(n.nlpTaskMs)} ms (in page ${fmt(n.nlpInPageMs)} ms)`,
    );
  console.log('\nEngine alone (Node)');
  for (const e of engineRows)
    console.log(
      `  ${String(e.words).padStart(7)} words  ${fmt(e.ms).padStart(8)} ms  ${String(e.wordsPerSec).padStart(8)} words/s   (KB match ${fmt(e.kbMatchMs)} ms, compromise NER ${fmt(e.compromiseNerMs)} ms)`,
    );
  console.log(`  growth 10k → 100k words: ×${fmt(report.engine.growth, 2)} time (×10 = linear)`);
  if (corpusSummary) {
    console.log(
      `\nCorpus: ${corpusSummary.pages} saved pages measured (${corpusSummary.skippedForTime} skipped: over --corpus-seconds ${meta.corpusSeconds}), ${corpusSummary.articles} gated as articles`,
    );
    const CW = [30, 8, 9, 11, 11, 8, 9];
    console.log(line(['page', 'article', 'load→sb', 'longest w', 'longest wo', 'ext task', 'sentinel'], CW));
    for (const r of corpus)
      console.log(
        line(
          [
            r.id.replace('corpus/', ''),
            r.article ? 'yes' : 'no',
            fmt(r.with.loadToSidebarMs),
            fmt(r.with.longestTaskMs),
            fmt(r.without.longestTaskMs),
            fmt(extTaskOf(r)),
            fmt(r.with.sentinelMs, 2),
          ],
          CW,
        ),
      );
  }
  console.log('\nBudgets (scripts/bench-budgets.json, QUALITY.md §2)');
  for (const b of Object.values(budgets))
    console.log(
      `  ${!b.measured ? 'n/a   ' : b.met ? 'met   ' : 'MISSED'}  ${b.measure}: ${b.measured ? `${fmt(b.value, 1)} ${b.unit}` : 'not measured'} (limit ${b.limit} ${b.unit})${b.note ? ` — ${b.note}` : ''}`,
    );
  const missed = Object.values(budgets).filter((b) => b.measured && !b.met);
  if (missed.length) console.log(`\nBudgets missed: ${missed.map((b) => b.measure).join('; ')}`);
}

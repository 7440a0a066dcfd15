/**
 * The naive anchor QUALITY.md §2 compares against, in the browser without the extension:
 * the full compromise bundle evaluated in the page, then nlp(innerText) and
 * people/places/organizations in one task.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Launched } from './browsers.ts';
import type { PageSpec } from './bench-specs.ts';
import { ROOT } from './read-packs.ts';
import { mainThread, parseTrace, taskStats } from './bench-trace.ts';
import { TRACE_CATEGORIES, sleep, type BenchContext } from './bench-context.ts';
import { openPage } from './bench-load.ts';

let compromiseSrc: string | undefined;

export type NaiveRow = Awaited<ReturnType<typeof measureNaive>>;

/** The naive anchor: full compromise evaluated in the page, then nlp(innerText) + people/places/organizations in one task. */
export async function measureNaive(ctx: BenchContext, without: Launched, spec: PageSpec) {
  compromiseSrc ??= readFileSync(join(ROOT, 'node_modules/compromise/builds/compromise.js'), 'utf8');
  const url = ctx.server.url + spec.path;
  const page = await openPage(ctx, without);
  await page.goto(url, { waitUntil: 'load' });
  await sleep(200);
  await page.tracing.start({ categories: TRACE_CATEGORIES });
  await page.evaluate(() => console.timeStamp('naive-a'));
  await page.addScriptTag({ content: compromiseSrc });
  await page.evaluate(() => console.timeStamp('naive-b'));
  const res = await page.evaluate(() => {
    const nlp = (
      window as unknown as {
        nlp: (t: string) => {
          people(): { out(f: string): string[] };
          places(): { out(f: string): string[] };
          organizations(): { out(f: string): string[] };
        };
      }
    ).nlp;
    const t0 = performance.now();
    const text = document.body.innerText;
    const doc = nlp(text);
    const n =
      doc.people().out('array').length + doc.places().out('array').length + doc.organizations().out('array').length;
    const ms = performance.now() - t0;
    console.timeStamp('naive-c');
    return { ms, entities: n, words: text.split(/\s+/).filter(Boolean).length };
  });
  await sleep(50);
  const main = mainThread(parseTrace(await page.tracing.stop()), url);
  await page.close();
  const a = main?.stamps.get('naive-a') ?? 0;
  const b = main?.stamps.get('naive-b') ?? 0;
  const c = main?.stamps.get('naive-c') ?? Infinity;
  return {
    words: res.words,
    entities: res.entities,
    nlpInPageMs: res.ms,
    evalTaskMs: main ? taskStats(main.tasks, a, b).longestMs : null,
    nlpTaskMs: main ? taskStats(main.tasks, b, c).longestMs : null,
    longestTaskMs: main ? taskStats(main.tasks).longestMs : null,
  };
}

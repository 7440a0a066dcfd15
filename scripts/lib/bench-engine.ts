/**
 * The engine alone in Node: analyze() on 1k / 10k / 100k generated words, with the
 * knowledge-base matcher and compromise's NER timed on their own, to show where the time
 * goes and that it grows linearly with the text.
 */
import { createEngine, MAX_NER_CHARS } from '../../lib/engine/index.ts';
import { findNames } from '../../lib/engine/ner.ts';
import { tokenize } from '../../lib/engine/tokenize.ts';
import { matchAliases, firstTokenKeys } from '../../lib/engine/match-aliases.ts';
import type { KbIndex } from '../../lib/engine/types.ts';
import { newsParagraphs, wordCount, type KbNames } from './bench-pages.ts';
import { median, r1 } from './bench-stats.ts';

export interface EngineRow {
  words: number;
  chars: number;
  ms: number;
  wordsPerSec: number;
  reps: number;
  kbMatchMs: number;
  compromiseNerMs: number;
}

export function benchEngine(index: KbIndex, names: KbNames, quick: boolean): EngineRow[] {
  const engine = createEngine(index);
  const rows: EngineRow[] = [];
  const firstKeys = firstTokenKeys(index);
  const warm = newsParagraphs(names, 5000, 99).join('\n\n');
  for (let i = 0; i < 3; i++) engine.analyze({ text: warm, title: '' });
  for (const [words, reps] of [
    [1_000, quick ? 5 : 15],
    [10_000, quick ? 2 : 5],
    [100_000, quick ? 1 : 3],
  ] as const) {
    const text = newsParagraphs(names, words, 11).join('\n\n');
    const ms: number[] = [];
    for (let i = 0; i < reps; i++) {
      const t = performance.now();
      engine.analyze({ text, title: '' });
      ms.push(performance.now() - t);
    }
    const m = median(ms)!;
    const w = wordCount(text);
    // Where the time goes: the KB matcher (tokenize + alias lookup) and compromise's NER, each alone.
    const kb: number[] = [];
    const ner: number[] = [];
    for (let i = 0; i < Math.min(reps, 3); i++) {
      let t = performance.now();
      matchAliases(text, tokenize(text), index, firstKeys);
      kb.push(performance.now() - t);
      t = performance.now();
      findNames(text.length > MAX_NER_CHARS ? text.slice(0, MAX_NER_CHARS) : text);
      ner.push(performance.now() - t);
    }
    rows.push({
      words: w,
      chars: text.length,
      ms: r1(m)!,
      wordsPerSec: Math.round(w / (m / 1000)),
      reps,
      kbMatchMs: r1(median(kb))!,
      compromiseNerMs: r1(median(ner))!,
    });
  }
  return rows;
}

/** time(100k words) / time(10k words); 10 means linear. */
export const engineGrowth = (rows: EngineRow[]) =>
  rows.length >= 3 ? Math.round((rows[2]!.ms / rows[1]!.ms) * 100) / 100 : null;

/**
 * Looking an entry up by what a reader typed or selected: exact id, exact alias,
 * then names and aliases within a small edit distance ("Tokaev" → Tokayev,
 * "Shanghai Cooperation Organization" → Organisation). Used by the context menu
 * and the CLI.
 */
import type { KbIndex } from '../engine/types.ts';
import { aliasKey } from './alias-key.ts';

export interface LookupHit {
  id: string;
  name: string;
  score: number;
}

/** Levenshtein distance with an early exit above `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      best = Math.min(best, v);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

export function findEntries(query: string, index: KbIndex, limit = 5): LookupHit[] {
  const q = query.trim().slice(0, 200);
  if (!q) return [];
  const key = aliasKey(q);
  const hits = new Map<number, number>();
  const add = (e: number, score: number) => hits.set(e, Math.max(hits.get(e) ?? 0, score));
  index.entries.forEach((e, i) => {
    if (e.id === q.toLowerCase()) add(i, 1);
  });
  for (const t of index.aliases[key] ?? []) add(t.e, t.s === q ? 0.99 : 0.95);
  if (!hits.size && key.length >= 4) {
    const max = key.length <= 6 ? 1 : key.length <= 12 ? 2 : 3;
    for (const [alias, targets] of Object.entries(index.aliases)) {
      const d = editDistance(key, alias, max);
      if (d <= max) for (const t of targets) add(t.e, 0.9 - d * 0.1);
    }
  }
  return [...hits.entries()]
    .map(([e, score]) => ({
      id: index.entries[e]!.id,
      name: index.entries[e]!.name,
      score,
      prior: index.entries[e]!.prior,
    }))
    .sort((a, b) => b.score - a.score || b.prior - a.prior || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map(({ id, name, score }) => ({ id, name, score }));
}

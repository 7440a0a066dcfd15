/** Loads and validates the built-in packs from data/packs (Node only). */
import * as v from 'valibot';
import { readPackFolders, assemblePack } from './read-packs.ts';
import { PackSchema, type KnowledgePack } from '../../lib/kb/schema.ts';
import { checkPacks } from '../../lib/kb/check.ts';

export function loadBuiltinPacks(): { packs: KnowledgePack[]; problems: string[] } {
  const folders = readPackFolders();
  const inputs = folders.map((f) => ({ source: f.dir, data: assemblePack(f) }));
  const problems = checkPacks(
    inputs,
    folders.flatMap((f) => [f.meta, ...f.entryFiles]),
  );
  const packs: KnowledgePack[] = [];
  for (const input of inputs) {
    const r = v.safeParse(PackSchema, input.data);
    if (r.success) {
      r.output.entries.sort((a, b) => (a.id < b.id ? -1 : 1));
      packs.push(r.output);
    }
  }
  return { packs, problems };
}

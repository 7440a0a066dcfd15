/** Loads and validates the built-in packs from data/packs (Node only). */
import * as v from 'valibot';
import { readPackFolders, assemblePack } from './read-packs.ts';
import { PackSchema, type KnowledgePack } from '../../lib/kb/schema.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPacks, checkProvenance } from '../../lib/kb/check.ts';
import { ROOT } from './read-packs.ts';

/** Pack files not yet re-sourced under the citation policy (data/sources/legacy-files.json). */
export function legacyFiles(): string[] {
  const raw = JSON.parse(readFileSync(join(ROOT, 'data/sources/legacy-files.json'), 'utf8')) as { files: string[] };
  return raw.files;
}

export function loadBuiltinPacks(): { packs: KnowledgePack[]; problems: string[] } {
  const folders = readPackFolders();
  const inputs = folders.map((f) => ({ source: f.dir, data: assemblePack(f) }));
  const problems = checkPacks(
    inputs,
    folders.flatMap((f) => [f.meta, ...f.entryFiles]),
  );
  const files = folders.flatMap((f) => f.entryFiles);
  const report = checkProvenance(files, legacyFiles(), new Date().toISOString().slice(0, 10));
  problems.push(...report.problems);
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

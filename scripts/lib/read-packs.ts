/**
 * Reads the built-in knowledge packs from data/packs/<pack-id>/.
 * Each pack folder holds pack.json ({ "pack": PackMeta }) and any number of
 * entry files (a JSON array of entries, sorted by id). Node only.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const PACKS_DIR = join(ROOT, 'data', 'packs');

export interface PackFile {
  path: string;
  raw: string;
  json: unknown;
}

export interface PackFolder {
  dir: string;
  meta: PackFile;
  entryFiles: PackFile[];
}

function readJson(path: string): PackFile {
  const raw = readFileSync(path, 'utf8');
  try {
    return { path, raw, json: JSON.parse(raw) as unknown };
  } catch (e) {
    throw new Error(`${path}: not valid JSON (${(e as Error).message})`);
  }
}

export function readPackFolders(dir = PACKS_DIR): PackFolder[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const folder = join(dir, name);
      const files = readdirSync(folder)
        .filter((f) => f.endsWith('.json'))
        .sort();
      if (!files.includes('pack.json')) throw new Error(`${folder}: pack.json is missing`);
      return {
        dir: folder,
        meta: readJson(join(folder, 'pack.json')),
        entryFiles: files.filter((f) => f !== 'pack.json').map((f) => readJson(join(folder, f))),
      };
    });
}

/** Assemble a folder into the single-object form { pack, entries } used everywhere else. */
export function assemblePack(folder: PackFolder): { pack: unknown; entries: unknown[] } {
  const meta = folder.meta.json as { pack?: unknown };
  const entries: unknown[] = [];
  for (const f of folder.entryFiles) {
    if (!Array.isArray(f.json)) throw new Error(`${f.path}: must be a JSON array of entries`);
    entries.push(...(f.json as unknown[]));
  }
  return { pack: meta.pack, entries };
}

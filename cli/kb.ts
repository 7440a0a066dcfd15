/** Loads the built-in knowledge base for the CLI: the same packs and index the extension ships. */
import { loadBuiltinPacks } from '../scripts/lib/load-builtin.ts';
import { mergePacks, type MergedKb } from '../lib/kb/build-index.ts';
import type { KnowledgePack } from '../lib/kb/schema.ts';

let cached: { packs: KnowledgePack[]; merged: MergedKb; problems: string[] } | null = null;

export function loadKb() {
  if (!cached) {
    const { packs, problems } = loadBuiltinPacks();
    cached = { packs, merged: mergePacks(packs), problems };
  }
  return cached;
}

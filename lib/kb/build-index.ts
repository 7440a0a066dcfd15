/**
 * Compiles knowledge packs into the run-time index the engine uses: aliases →
 * candidate entries, plus what disambiguation needs. Full entries stay in the
 * packs and are looked up by id when shown. Pure: runs at build time (scripts/
 * build-kb.ts), in the background when user packs change, and in the CLI.
 */
import type { Entry, KnowledgePack } from './schema.ts';
import type { KbIndex, IndexEntry, AliasTarget } from '../engine/types.ts';
import { aliasKey, foldToken, tokenizeAlias } from './alias-key.ts';

export interface MergedKb {
  index: KbIndex;
  /** Full entries by id, after overrides. */
  entries: Map<string, Entry>;
  /** Which pack each id came from, and which pack's entry it replaced. */
  origin: Map<string, { pack: string; overrides?: string }>;
}

/**
 * Merge packs in order: a later pack's entry with the same id replaces an earlier
 * one (user packs come last, so they override built-in entries).
 */
export function mergePacks(packs: KnowledgePack[]): MergedKb {
  const entries = new Map<string, Entry>();
  const origin = new Map<string, { pack: string; overrides?: string }>();
  for (const p of packs) {
    for (const e of p.entries) {
      const prev = origin.get(e.id);
      entries.set(e.id, e);
      origin.set(
        e.id,
        prev && prev.pack !== p.pack.id ? { pack: p.pack.id, overrides: prev.pack } : { pack: p.pack.id },
      );
    }
  }
  return { index: buildIndex([...entries.values()], origin, packs), entries, origin };
}

export function buildIndex(list: Entry[], origin: Map<string, { pack: string }>, packs: KnowledgePack[]): KbIndex {
  const sorted = [...list].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const entries: IndexEntry[] = sorted.map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    wikipedia: e.wikipedia,
    description: e.description,
    cues: (e.cues ?? []).map((c) => tokenizeAlias(c).map(foldToken).join(' ')).filter(Boolean),
    prior: e.prior ?? 0.5,
    related: e.related.map((r) => r.id),
    ...(e.related.some((r) => r.relation === 'represents')
      ? { represents: e.related.filter((r) => r.relation === 'represents').map((r) => r.id) }
      : {}),
    pack: origin.get(e.id)?.pack ?? '',
  }));
  const aliases: Record<string, AliasTarget[]> = Object.create(null) as Record<string, AliasTarget[]>;
  let maxTokens = 1;
  sorted.forEach((e, i) => {
    const seen = new Set<string>();
    for (const surface of [e.name, ...e.aliases]) {
      const key = aliasKey(surface);
      if (!key || seen.has(key + '\u0000' + surface)) continue;
      seen.add(key + '\u0000' + surface);
      maxTokens = Math.max(maxTokens, key.split(' ').length);
      (aliases[key] ??= []).push({ e: i, s: surface });
    }
  });
  return {
    version: 1,
    entries,
    aliases,
    maxTokens: Math.min(maxTokens, 12),
    packs: packs.map((p) => ({
      id: p.pack.id,
      title: p.pack.title,
      version: p.pack.version,
      entries: p.entries.length,
    })),
  };
}

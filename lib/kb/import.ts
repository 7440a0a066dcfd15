/**
 * Importing a user's knowledge pack: parse, cap, validate with the same schema as
 * the built-in packs, and explain what is wrong and where. Nothing is stored
 * here; the caller stores the pack only when this says ok.
 */
import * as v from 'valibot';
import { PackSchema, PACK_LIMITS, type KnowledgePack } from './schema.ts';

export const PACK_IMPORT_LIMITS = {
  maxBytes: PACK_LIMITS.maxBytes,
  maxEntries: PACK_LIMITS.maxEntries,
  maxUserPacks: 20,
} as const;

export type ImportResult = { ok: true; value: KnowledgePack } | { ok: false; error: string };

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function lineCol(text: string, pos: number): string {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  const col = pos - before.lastIndexOf('\n');
  return `line ${line}, column ${col}`;
}

export function parsePackImport(
  json: string,
  opts: { reservedIds?: Set<string>; existing?: KnowledgePack[] } = {},
): ImportResult {
  const bytes = new TextEncoder().encode(json).length;
  if (bytes > PACK_IMPORT_LIMITS.maxBytes)
    return {
      ok: false,
      error: `The file is ${(bytes / 1e6).toFixed(1)} MB; packs may be at most ${PACK_IMPORT_LIMITS.maxBytes / 1e6} MB.`,
    };
  if (!json.trim()) return { ok: false, error: 'The file is empty.' };
  let data: unknown;
  let badKey: string | null = null;
  try {
    data = JSON.parse(json, function (key, value: unknown) {
      if (FORBIDDEN_KEYS.has(key)) badKey = key;
      return value;
    });
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg)?.[1];
    return {
      ok: false,
      error: `The file is not valid JSON${pos ? ` (at ${lineCol(json, Number(pos))})` : ''}: ${msg.replace(/^JSON\.parse: /, '')}`,
    };
  }
  if (badKey) return { ok: false, error: `The file uses the key "${badKey}", which is not allowed in a pack.` };
  if (typeof data !== 'object' || data === null || Array.isArray(data))
    return { ok: false, error: 'A pack must be one JSON object with "pack" and "entries".' };
  const entries = (data as { entries?: unknown }).entries;
  if (Array.isArray(entries) && entries.length > PACK_IMPORT_LIMITS.maxEntries)
    return {
      ok: false,
      error: `The pack has ${entries.length} entries; at most ${PACK_IMPORT_LIMITS.maxEntries} are allowed.`,
    };
  const r = v.safeParse(PackSchema, data);
  if (!r.success) {
    const lines = r.issues.slice(0, 5).map((i) => {
      const path = v.getDotPath(i);
      const where = path ? describePath(path, data) : 'the file';
      return `${where}: ${i.message}`;
    });
    const more = r.issues.length > 5 ? ` (and ${r.issues.length - 5} more problems)` : '';
    return { ok: false, error: `The pack is not valid. ${lines.join('; ')}${more}.` };
  }
  const pack = r.output;
  if (opts.reservedIds?.has(pack.pack.id))
    return { ok: false, error: `The pack id "${pack.pack.id}" is used by a built-in pack; choose another id.` };
  const seen = new Set<string>();
  for (const e of pack.entries) {
    if (seen.has(e.id))
      return { ok: false, error: `Two entries have the id "${e.id}"; ids must be unique within a pack.` };
    seen.add(e.id);
  }
  const others = (opts.existing ?? []).filter((p) => p.pack.id !== pack.pack.id);
  if (others.length >= PACK_IMPORT_LIMITS.maxUserPacks)
    return { ok: false, error: `You already have ${others.length} packs; delete one before importing another.` };
  return { ok: true, value: pack };
}

/** "entries.3.facts.0.source" → 'entry 4 ("aral-sea"), fact 1, source'. */
function describePath(path: string, data: unknown): string {
  const parts = path.split('.');
  const out: string[] = [];
  let node: unknown = data;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const next = node && typeof node === 'object' ? (node as Record<string, unknown>)[p] : undefined;
    if (/^\d+$/.test(p)) {
      const prev = parts[i - 1];
      const label =
        prev === 'entries'
          ? 'entry'
          : prev === 'facts'
            ? 'fact'
            : prev === 'related'
              ? 'related item'
              : prev === 'aliases'
                ? 'alias'
                : 'item';
      const id =
        next && typeof next === 'object' && typeof (next as { id?: unknown }).id === 'string'
          ? ` ("${String((next as { id: string }).id).slice(0, 40)}")`
          : '';
      out.pop();
      out.push(`${label} ${Number(p) + 1}${id}`);
    } else out.push(p);
    node = next;
  }
  return out.join(', ');
}

/**
 * Whole-collection checks over knowledge packs, beyond what the schema can say
 * about one record: unique ids, related ids that exist, sorted and formatted
 * files, and ambiguous aliases that have cues to separate their senses.
 */
import * as v from 'valibot';
import { PackSchema, type Entry } from './schema.ts';
import { aliasKey } from './alias-key.ts';
import { provenanceProblems } from './provenance.ts';

export interface PackInput {
  source: string;
  data: unknown;
}
export interface FileInput {
  path: string;
  raw: string;
  json: unknown;
}

export function formatIssues(issues: v.BaseIssue<unknown>[], source: string): string[] {
  return issues.map((i) => `${source}: ${v.getDotPath(i) ?? '(root)'}: ${i.message}`);
}

export interface ProvenanceReport {
  /** Provenance problems in files that have been re-sourced: each one fails the check. */
  problems: string[];
  /** Problems per file still on the legacy list (data/sources/legacy-files.json), reported only. */
  legacy: Record<string, number>;
}

/**
 * The citation policy over the built-in pack files (raw JSON, as written): every fact cited with
 * publisher, title and retrieved date to a citable source, a kind, as-of only where the kind
 * changes, numbers as numbers. `legacyFiles` are paths ending in one of these names (e.g.
 * "world/people.json") whose problems are only counted.
 */
export function checkProvenance(files: FileInput[], legacyFiles: string[], today: string): ProvenanceReport {
  const report: ProvenanceReport = { problems: [], legacy: {} };
  for (const f of files) {
    if (!Array.isArray(f.json)) continue;
    const name = f.path.replace(/\\/g, '/');
    const legacy = legacyFiles.find((l) => name.endsWith('/' + l) || name === l);
    for (const e of f.json as { id?: unknown; facts?: unknown }[]) {
      if (!Array.isArray(e.facts)) continue;
      for (const fact of e.facts as Record<string, unknown>[]) {
        const found = provenanceProblems(String(e.id), fact, today);
        if (legacy) report.legacy[legacy] = (report.legacy[legacy] ?? 0) + found.length;
        else report.problems.push(...found);
      }
    }
  }
  return report;
}

export function checkPacks(packs: PackInput[], files: FileInput[] = []): string[] {
  const problems: string[] = [];
  const entries: Entry[] = [];
  const owner = new Map<string, string>();
  for (const p of packs) {
    const r = v.safeParse(PackSchema, p.data);
    if (!r.success) {
      problems.push(...formatIssues(r.issues, p.source));
      continue;
    }
    for (const e of r.output.entries) {
      const prev = owner.get(e.id);
      if (prev) problems.push(`duplicate id ${e.id} in ${p.source} (also in ${prev})`);
      owner.set(e.id, p.source);
      entries.push(e);
      for (const f of e.facts) {
        if (!f.source.url) problems.push(`${e.id}: fact "${f.label}" lacks a source`);
      }
      const words = e.summary.split(/\s+/).length;
      if (words < 25 || words > 160) problems.push(`${e.id}: summary has ${words} words (want about 40–120)`);
    }
  }
  const ids = new Set(entries.map((e) => e.id));
  for (const e of entries) {
    for (const r of e.related) {
      if (!ids.has(r.id)) problems.push(`dangling related id ${r.id} in ${e.id}`);
      if (r.id === e.id) problems.push(`${e.id} is related to itself`);
    }
  }
  // An alias shared by several entries needs cues on each so context can separate them.
  const byAlias = new Map<string, Entry[]>();
  for (const e of entries) {
    for (const a of new Set([e.name, ...e.aliases].map(aliasKey))) {
      const list = byAlias.get(a) ?? [];
      list.push(e);
      byAlias.set(a, list);
    }
  }
  for (const [alias, list] of byAlias) {
    if (list.length < 2) continue;
    const bare = list.filter((e) => !e.cues?.length);
    if (bare.length)
      problems.push(
        `ambiguous alias "${alias}" (${list.map((e) => e.id).join(', ')}): ${bare.map((e) => e.id).join(', ')} lack cues`,
      );
  }
  for (const f of files) {
    if (f.raw !== JSON.stringify(f.json, null, 2) + '\n')
      problems.push(`${f.path}: not formatted (JSON.stringify with 2 spaces and a final newline)`);
    if (Array.isArray(f.json)) {
      const list = f.json as { id?: string }[];
      for (let i = 1; i < list.length; i++) {
        if (String(list[i - 1]?.id) >= String(list[i]?.id)) {
          problems.push(`${f.path}: entries not sorted by id at ${String(list[i]?.id)}`);
          break;
        }
      }
    }
  }
  return problems;
}

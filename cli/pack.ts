/**
 * `backstory pack from-csv FILE.csv`: a knowledge pack from a teacher's spreadsheet, printed as
 * JSON (problems on stderr, by row and column). `backstory pack check FILE.json`: is this pack
 * valid — the schema the extension imports with, ids, related entries — and does it follow the
 * citation policy (reported as warnings: a class pack may cite as its teacher sees fit).
 */
import { readFileSync, existsSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import * as v from 'valibot';
import { packFromCsv, formatProblem } from '../lib/kb/csv-pack.ts';
import { PackSchema } from '../lib/kb/schema.ts';
import { checkPacks, formatIssues } from '../lib/kb/check.ts';
import { provenanceProblems } from '../lib/kb/provenance.ts';
import { loadKb } from './kb.ts';
import { CliError } from './errors.ts';

function readText(file: string | undefined, what: string): string {
  if (!file) throw new CliError(`pack: name the ${what}`);
  if (!existsSync(file)) throw new CliError(`${file}: no such file`);
  if (statSync(file).isDirectory()) throw new CliError(`${file}: is a directory, not a file`);
  return readFileSync(file, 'utf8');
}

export function cmdPack(args: string[], out: (s: string) => void): number {
  const [sub, file] = args;
  if (sub === 'from-csv') {
    const r = packFromCsv(readText(file, 'spreadsheet (.csv)'), { fileName: basename(file!) });
    if (!r.ok) {
      for (const p of r.problems) console.error(`${file}: ${formatProblem(p)}`);
      console.error(
        `backstory: ${file}: ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}; no pack written`,
      );
      return 1;
    }
    out(r.json.replace(/\n$/, ''));
    return 0;
  }
  if (sub === 'check') {
    const { errors, warnings } = checkPackFile(readText(file, 'pack (.json)'), file!);
    for (const w of warnings) console.error(`warning: ${w}`);
    for (const e of errors) console.error(`error: ${e}`);
    out(
      errors.length
        ? `${file}: not valid (${errors.length} error${errors.length === 1 ? '' : 's'})`
        : `${file}: valid${warnings.length ? `, with ${warnings.length} warning${warnings.length === 1 ? '' : 's'}` : ''}`,
    );
    return errors.length ? 1 : 0;
  }
  throw new CliError('pack: use "pack from-csv FILE.csv" or "pack check FILE.json"');
}

/** Errors stop a pack from importing; warnings are the built-in packs' citation policy. */
export function checkPackFile(text: string, name: string, today = new Date().toISOString().slice(0, 10)) {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { errors: [`${name}: not valid JSON: ${(e as Error).message}`], warnings: [] };
  }
  const parsed = v.safeParse(PackSchema, data);
  if (!parsed.success) return { errors: formatIssues(parsed.issues, name), warnings: [] };
  const builtinIds = new Set(loadKb().merged.entries.keys());
  const errors: string[] = [];
  const warnings: string[] = [];
  for (const line of checkPacks([{ source: name, data }])) {
    const dangling = /^dangling related id (\S+)/.exec(line);
    if (dangling && builtinIds.has(dangling[1]!)) continue; // related to a built-in entry: fine
    if (dangling || line.startsWith('duplicate id') || line.includes('is related to itself')) errors.push(line);
    else warnings.push(line);
  }
  for (const e of (data as { entries: { id: string; facts: Record<string, unknown>[] }[] }).entries)
    for (const f of e.facts) warnings.push(...provenanceProblems(e.id, f, today));
  return { errors, warnings };
}

/**
 * A knowledge pack from a teacher's spreadsheet (CSV): one row per fact, the entry's columns
 * filled on its first row; every problem reported with the spreadsheet's row and column.
 * Used by `backstory pack from-csv` and the options page's import. The columns are described
 * in docs/knowledge-packs.md ("From a spreadsheet"). Pure: same text in, same pack out.
 */
import * as v from 'valibot';
import { ENTITY_TYPES, PackSchema, QUALIFIERS, type KnowledgePackInput } from './schema.ts';
import { FACT_KIND_NAMES, inferFactKind, isVolatileKind, type FactKind } from './fact-kinds.ts';
import { columnLetter, parseCsv } from './csv.ts';

/** The entry's columns (its first row), then the fact's (every row). */
export const ENTRY_COLUMNS = [
  'name',
  'type',
  'aliases',
  'description',
  'summary',
  'wikipedia',
  'website',
  'id',
  'reviewed',
] as const;
export const FACT_COLUMNS = [
  'fact',
  'value',
  'qualifier',
  'unit',
  'kind',
  'as_of',
  'note',
  'source_url',
  'source_publisher',
  'source_title',
  'source_retrieved',
] as const;
type Column = (typeof ENTRY_COLUMNS)[number] | (typeof FACT_COLUMNS)[number];
const REQUIRED: Column[] = ['name', 'type', 'description'];
/** Pack details, in rows above the header: "#title", "Rivers of Central Asia". */
const META_KEYS = ['id', 'title', 'version', 'license', 'description'] as const;
type MetaKey = (typeof META_KEYS)[number];

export interface CsvProblem {
  /** The spreadsheet's row number (1 is the first row of the file). */
  row: number;
  /** The column's letter and heading, when the problem is in one cell. */
  column?: string;
  message: string;
}
export type CsvPackResult =
  { ok: true; pack: KnowledgePackInput; json: string } | { ok: false; problems: CsvProblem[] };

export function formatProblem(p: CsvProblem): string {
  return `row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.message}`;
}

const QUALIFIER_WORDS: Record<string, (typeof QUALIFIERS)[number]> = {
  about: 'approx',
  approx: 'approx',
  approximately: 'approx',
  'at least': 'atLeast',
  atleast: 'atLeast',
  'at most': 'atMost',
  atmost: 'atMost',
  'up to': 'atMost',
};
const NUMBER = /^-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const heading = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
const slugify = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 120);

interface Cell {
  row: number;
  col: number;
}

export function packFromCsv(text: string, opts: { fileName?: string } = {}): CsvPackResult {
  const parsed = parseCsv(text);
  if (!parsed.ok)
    return { ok: false, problems: [{ row: parsed.line, message: `the file is not valid CSV: ${parsed.error}` }] };
  const problems: CsvProblem[] = [];
  const rows = parsed.rows;
  const blank = (r: string[]) => r.every((c) => !c.trim());

  // Pack details above the header.
  const meta: Partial<Record<MetaKey, string>> = {};
  const metaRow: Partial<Record<MetaKey, number>> = {};
  let h = 0;
  for (; h < rows.length; h++) {
    const first = rows[h]![0]?.trim() ?? '';
    if (blank(rows[h]!)) continue;
    if (!first.startsWith('#')) break;
    const key = heading(first.slice(1)).replace(/^pack_/, '') as MetaKey;
    if (!META_KEYS.includes(key))
      problems.push({
        row: h + 1,
        column: 'A',
        message: `unknown pack detail "${first}" (use #${META_KEYS.join(', #')})`,
      });
    else {
      meta[key] = rows[h]![1]?.trim() ?? '';
      metaRow[key] = h + 1;
    }
  }
  const header = rows[h];
  if (!header)
    return {
      ok: false,
      problems: [...problems, { row: h + 1, message: 'no header row (name, type, description, …)' }],
    };

  const known = new Set<string>([...ENTRY_COLUMNS, ...FACT_COLUMNS]);
  const at = new Map<Column, number>();
  header.forEach((raw, i) => {
    const name = heading(raw);
    if (!name) return;
    const column = `${columnLetter(i)} (${raw.trim()})`;
    if (!known.has(name))
      problems.push({
        row: h + 1,
        column,
        message: `unknown column "${raw.trim()}"; the columns are ${[...known].join(', ')}`,
      });
    else if (at.has(name as Column))
      problems.push({ row: h + 1, column, message: `the column "${name}" appears twice` });
    else at.set(name as Column, i);
  });
  for (const c of REQUIRED) if (!at.has(c)) problems.push({ row: h + 1, message: `the header has no "${c}" column` });
  if (problems.length) return { ok: false, problems };

  const cellOf = (r: string[], c: Column) => (at.has(c) ? (r[at.get(c)!] ?? '').trim() : '');
  const where = (row: number, c: Column) => `${columnLetter(at.get(c) ?? 0)} (${c})`;
  /** Where each value of the pack came from, by its path ("entries.0.facts.1.source.url"), for the schema's messages. */
  const origin = new Map<string, Cell>();
  /** Paths whose problem is already reported in the sheet's own words: the schema's message would repeat it. */
  const reported = new Set<string>();
  const entries: Record<string, unknown>[] = [];
  let current: {
    entry: Record<string, unknown>;
    first: number;
    cells: Record<string, string>;
    retrieved: string[];
  } | null = null;
  const finish = () => {
    if (!current) return;
    const { entry, retrieved, first } = current;
    if (!entry.reviewed) {
      const latest = retrieved
        .filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))
        .sort()
        .at(-1);
      if (latest) entry.reviewed = latest;
      else {
        reported.add(`entries.${entries.length}.reviewed`);
        problems.push({
          row: first,
          column: at.has('reviewed') ? where(first, 'reviewed') : undefined,
          message: 'needs a reviewed date (YYYY-MM-DD), or a fact with source_retrieved to take it from',
        });
      }
    }
    entries.push(entry);
  };

  for (let r = h + 1; r < rows.length; r++) {
    const cells = rows[r]!;
    const rowNo = r + 1;
    if (blank(cells)) continue;
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim()))
      problems.push({
        row: rowNo,
        column: columnLetter(header.length),
        message: 'a cell beyond the last column of the header',
      });
    const name = cellOf(cells, 'name');
    const entryCells = Object.fromEntries(ENTRY_COLUMNS.map((c) => [c, cellOf(cells, c)]));
    const sameEntry =
      current && (!name || (name === current.cells.name && (!entryCells.id || entryCells.id === current.cells.id)));
    if (!sameEntry) {
      if (!name) {
        problems.push({
          row: rowNo,
          column: where(rowNo, 'name'),
          message: 'no name, and no entry above to add this fact to',
        });
        continue;
      }
      finish();
      const i = entries.length;
      const put = (c: Column, path: string) => {
        if (at.has(c)) origin.set(path ? `entries.${i}.${path}` : `entries.${i}`, { row: rowNo, col: at.get(c)! });
      };
      const type = entryCells.type!.toLowerCase();
      const aliases = entryCells.aliases
        ? entryCells.aliases
            .split(';')
            .map((a) => a.trim())
            .filter(Boolean)
        : [];
      const wiki = entryCells.wikipedia!.replace(/^https?:\/\/[a-z]+\.wikipedia\.org\/wiki\//, '').replace(/ /g, '_');
      const entry: Record<string, unknown> = {
        id: entryCells.id || slugify(name),
        name,
        type: (ENTITY_TYPES as readonly string[]).includes(type) ? type : entryCells.type,
        aliases,
        description: entryCells.description,
        summary: entryCells.summary || entryCells.description,
        facts: [],
        related: [],
        wikipedia: wiki ? decodeURIComponent(wiki) : null,
        ...(entryCells.website ? { website: entryCells.website } : {}),
        ...(entryCells.reviewed ? { reviewed: entryCells.reviewed } : {}),
      };
      for (const c of ['name', 'type', 'description', 'wikipedia', 'website', 'reviewed'] as const) put(c, c);
      put(entryCells.id ? 'id' : 'name', 'id');
      put(entryCells.summary ? 'summary' : 'description', 'summary');
      put('aliases', 'aliases');
      aliases.forEach((_, k) => put('aliases', `aliases.${k}`));
      put('name', '');
      current = { entry, first: rowNo, cells: entryCells, retrieved: [] };
    } else if (name) {
      // A later row of the same entry: its entry cells are empty or say the same as the first.
      for (const c of ENTRY_COLUMNS)
        if (entryCells[c] && entryCells[c] !== current!.cells[c])
          problems.push({
            row: rowNo,
            column: where(rowNo, c),
            message: `differs from row ${current!.first} for the same entry; leave it empty on a fact's row`,
          });
    } else {
      for (const c of ENTRY_COLUMNS)
        if (entryCells[c])
          problems.push({
            row: rowNo,
            column: where(rowNo, c),
            message: 'a row without a name adds a fact to the entry above; fill in name to start a new entry',
          });
    }
    addFact(cells, rowNo);
  }
  finish();

  function addFact(cells: string[], rowNo: number) {
    const f = Object.fromEntries(FACT_COLUMNS.map((c) => [c, cellOf(cells, c)]));
    if (FACT_COLUMNS.every((c) => !f[c])) return;
    const entry = current!.entry;
    const facts = entry.facts as Record<string, unknown>[];
    const path = `entries.${entries.length}.facts.${facts.length}`;
    const put = (c: Column, p: string) => {
      if (at.has(c)) origin.set(p ? `${path}.${p}` : path, { row: rowNo, col: at.get(c)! });
    };
    const fieldOf: Partial<Record<Column, string>> = { fact: 'label', value: 'value', source_url: 'source.url' };
    for (const c of ['fact', 'value', 'source_url'] as const)
      if (!f[c]) {
        reported.add(`${path}.${fieldOf[c]}`);
        if (c === 'source_url') reported.add(`${path}.source`);
        problems.push({ row: rowNo, column: at.has(c) ? where(rowNo, c) : undefined, message: `a fact needs ${c}` });
      }
    const value: string | number = NUMBER.test(f.value!) ? Number(f.value!.replace(/,/g, '')) : f.value!;
    let qualifier: string | undefined;
    if (f.qualifier) {
      qualifier = QUALIFIER_WORDS[f.qualifier.toLowerCase()] ?? f.qualifier;
      if (!QUALIFIERS.includes(qualifier as never) || qualifier === 'range') {
        reported.add(`${path}.qualifier`);
        problems.push({ row: rowNo, column: where(rowNo, 'qualifier'), message: 'must be about, at least or at most' });
      }
    }
    let kind: FactKind = inferFactKind(f.fact!, value);
    if (f.kind) {
      if ((FACT_KIND_NAMES as readonly string[]).includes(f.kind)) kind = f.kind as FactKind;
      else
        problems.push({
          row: rowNo,
          column: where(rowNo, 'kind'),
          message: `must be one of ${FACT_KIND_NAMES.join(', ')}`,
        });
    }
    const source: Record<string, unknown> = { url: f.source_url };
    if (f.source_publisher) source.publisher = f.source_publisher;
    if (f.source_title) source.title = f.source_title;
    if (f.source_retrieved) {
      source.retrieved = f.source_retrieved;
      current!.retrieved.push(f.source_retrieved);
    }
    facts.push({
      label: f.fact,
      value,
      ...(qualifier ? { qualifier } : {}),
      ...(f.unit ? { unit: f.unit } : {}),
      kind,
      // As the schema reads a pack: a date only on facts whose kind changes over time.
      ...(f.as_of && isVolatileKind(kind) ? { asOf: f.as_of } : {}),
      source,
      ...(f.note ? { note: f.note } : {}),
    });
    const cols: [Column, string][] = [
      ['fact', 'label'],
      ['value', 'value'],
      ['qualifier', 'qualifier'],
      ['unit', 'unit'],
      ['kind', 'kind'],
      ['as_of', 'asOf'],
      ['note', 'note'],
      ['source_url', 'source'],
      ['source_url', 'source.url'],
      ['source_publisher', 'source.publisher'],
      ['source_title', 'source.title'],
      ['source_retrieved', 'source.retrieved'],
      ['fact', ''],
    ];
    for (const [c, p] of cols) put(c, p);
  }

  const ids = new Map<string, number>();
  entries.forEach((e, i) => {
    const cell = origin.get(`entries.${i}.id`);
    const prev = ids.get(String(e.id));
    if (prev !== undefined && cell)
      problems.push({
        row: cell.row,
        column: `${columnLetter(cell.col)} (${heading(header[cell.col] ?? '')})`,
        message: `the id "${String(e.id)}" is already used on row ${prev}; give one of them another id`,
      });
    else if (cell) ids.set(String(e.id), cell.row);
  });

  const base = (opts.fileName ?? 'glossary').replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
  const urls = new Set<string>();
  // Only addresses that can be valid: a bad one is reported at its fact's cell, not again here.
  for (const e of entries)
    for (const f of e.facts as { source: { url?: string } }[])
      if (f.source.url?.startsWith('https://')) urls.add(f.source.url);
  const pack: KnowledgePackInput = {
    pack: {
      id: meta.id || slugify(base) || 'glossary',
      title: meta.title || base,
      version: meta.version || '1.0.0',
      license: meta.license || 'CC BY 4.0',
      ...(meta.description ? { description: meta.description } : {}),
      sources: [...urls].sort(),
    },
    entries: entries as KnowledgePackInput['entries'],
  };

  const checked = v.safeParse(PackSchema, pack);
  if (!checked.success)
    for (const issue of checked.issues) {
      const path = v.getDotPath(issue) ?? '';
      if (reported.has(path)) continue;
      let p = path;
      while (p && !origin.has(p)) p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '';
      const cell = origin.get(p);
      if (cell) {
        const column = `${columnLetter(cell.col)} (${heading(header[cell.col] ?? '')})`;
        problems.push({ row: cell.row, column, message: issue.message });
      } else {
        const key = path.replace(/^pack\./, '') as MetaKey;
        const row = metaRow[key];
        problems.push(
          row
            ? { row, column: 'B', message: `#${key}: ${issue.message}` }
            : { row: h + 1, message: `the pack's ${key || 'details'} (from the file's name): ${issue.message}` },
        );
      }
    }
  if (problems.length) {
    const seen = new Set<string>();
    const unique = problems.filter((p) => !seen.has(formatProblem(p)) && seen.add(formatProblem(p)));
    return {
      ok: false,
      problems: unique.sort((a, b) => a.row - b.row || (a.column ?? '').localeCompare(b.column ?? '')),
    };
  }
  return { ok: true, pack, json: JSON.stringify(pack, null, 2) + '\n' };
}

/**
 * Packs from a spreadsheet (issue 19, part 4): the sample class CSV becomes the shipped sample
 * pack byte for byte; a malformed sheet is refused with the row and column of each problem;
 * `pack check` validates a pack with the extension's own schema and the citation policy.
 */
import { describe, it, expect, vi } from 'vitest';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main.ts';
import { packFromCsv, formatProblem } from '../../lib/kb/csv-pack.ts';
import { parseCsv } from '../../lib/kb/csv.ts';
import { parsePackImport } from '../../lib/kb/import.ts';

const SAMPLE_CSV = join(process.cwd(), 'data/samples/class-pack.csv');
const SAMPLE_JSON = join(process.cwd(), 'data/samples/class-pack.json');

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await main(args, (s) => out.push(s));
  spy.mockRestore();
  return { code, out: out.join('\n'), err };
}

const HEADER = 'name,type,description,fact,value,unit,as_of,source_url,source_publisher,source_title,source_retrieved';

describe('pack from-csv', () => {
  it('turns the sample class CSV into the shipped sample pack, byte for byte', async () => {
    const r = await run('pack', 'from-csv', SAMPLE_CSV);
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out + '\n').toBe(readFileSync(SAMPLE_JSON, 'utf8'));
  });

  it('makes a pack the options page imports as it is', () => {
    const imported = parsePackImport(readFileSync(SAMPLE_JSON, 'utf8'));
    expect(imported.ok).toBe(true);
    if (imported.ok) expect(imported.value.entries.map((e) => e.id)).toContain('class-paris-agreement');
  });

  it('rejects a malformed sheet with the row and column of each problem', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-csv-'));
    const file = join(dir, 'broken.csv');
    writeFileSync(
      file,
      [
        HEADER,
        'Aral Sea,lake,Shrinking lake,Area,68000,km²,2020,https://example.org/aral,Example,Aral,2026-12-04',
        ',,,Depth,,m,,http://example.org/depth,Example,Depth,2026-12-04',
        'Syr Darya,place,River,Length,2212,km,,https://example.org/syr,Example,Syr,04/12/2026',
        'Kyzylkum,place,,Area,about,km²,,https://example.org/k,Example,K,2026-12-04',
      ].join('\n'),
    );
    const r = await run('pack', 'from-csv', file);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err.map((l) => l.replace(`${file}: `, ''))).toEqual([
      'row 2, column B (type): must be one of organization, person, country, place, initiative, event, group, concept',
      'row 3, column E (value): a fact needs value',
      'row 3, column H (source_url): must be an https:// URL',
      'row 4: needs a reviewed date (YYYY-MM-DD), or a fact with source_retrieved to take it from',
      'row 4, column K (source_retrieved): must be a date as YYYY-MM-DD',
      'row 5, column C (description): must not be empty',
      'backstory: 6 problems; no pack written',
    ]);
  });
});

describe('packFromCsv', () => {
  it('groups a fact row under the entry above, by an empty name or the same name', () => {
    const r = packFromCsv(
      [
        HEADER,
        'Aral Sea,place,Lake,Area,"68,000",km²,2020,https://example.org/a,Example,A,2026-12-01',
        'Aral Sea,,,Depth,16,m,2020,https://example.org/b,Example,B,2026-12-03',
        ',,,Basin,"1,549,000",km²,,https://example.org/c,Example,C,2026-12-02',
      ].join('\r\n'),
      { fileName: 'Lakes of Asia.csv' },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pack.pack).toMatchObject({ id: 'lakes-of-asia', title: 'Lakes of Asia', version: '1.0.0' });
    const [aral] = r.pack.entries;
    expect(aral!.id).toBe('aral-sea');
    expect(aral!.summary).toBe('Lake');
    expect(aral!.reviewed).toBe('2026-12-03');
    expect(aral!.facts.map((f) => [f.label, f.value])).toEqual([
      ['Area', 68000],
      ['Depth', 16],
      ['Basin', 1549000],
    ]);
  });

  it('refuses a fact row that says something else about its entry, or has no entry above', () => {
    const r = packFromCsv(
      [
        HEADER,
        ',,,Area,1,km²,,https://example.org/a,Example,A,2026-12-01',
        'Aral Sea,place,Lake,Area,2,km²,,https://example.org/a,Example,A,2026-12-01',
        'Aral Sea,country,,Depth,3,m,,https://example.org/b,Example,B,2026-12-01',
      ].join('\n'),
    );
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      'row 2, column A (name): no name, and no entry above to add this fact to',
      'row 4, column B (type): differs from row 3 for the same entry; leave it empty on a fact\u2019s row'.replace(
        '\u2019',
        "'",
      ),
    ]);
  });

  it('names unknown and missing columns on the header row', () => {
    const r = packFromCsv('name,kind of thing,description\nAral Sea,place,Lake\n');
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^row 1, column B \(kind of thing\): unknown column "kind of thing"/),
      'row 1: the header has no "type" column',
    ]);
  });

  it('reports broken quoting with its line', () => {
    const r = packFromCsv('name,type,description\n"Aral Sea,place,Lake\n');
    expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([
      'row 2: the file is not valid CSV: a quoted cell is never closed',
    ]);
  });
});

describe('parseCsv', () => {
  it('reads quotes, doubled quotes, line breaks in cells, CRLF and a byte-order mark', () => {
    expect(parseCsv('\ufeffa,"b ""c""",d\r\n"x\ny",,z\n')).toEqual({
      ok: true,
      rows: [
        ['a', 'b "c"', 'd'],
        ['x\ny', '', 'z'],
      ],
    });
  });
});

describe('pack check', () => {
  it('says the sample pack is valid, with no warnings', async () => {
    const r = await run('pack', 'check', SAMPLE_JSON);
    expect(r.err).toEqual([]);
    expect(r.out).toBe(`${SAMPLE_JSON}: valid`);
    expect(r.code).toBe(0);
  });

  it('finds schema errors and citation-policy warnings', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'backstory-check-'));
    const file = join(dir, 'p.json');
    const pack = JSON.parse(readFileSync(SAMPLE_JSON, 'utf8'));
    pack.entries[0].facts[0].source = { url: 'https://www.wikiwand.com/en/IPCC' };
    writeFileSync(file, JSON.stringify(pack));
    const warned = await run('pack', 'check', file);
    expect(warned.code).toBe(0);
    expect(warned.err.join('\n')).toContain('wikiwand.com is never citable');
    pack.entries[1].type = 'treaty';
    writeFileSync(file, JSON.stringify(pack));
    const bad = await run('pack', 'check', file);
    expect(bad.code).toBe(1);
    expect(bad.err).toEqual([expect.stringMatching(/^error: .*entries\.1\.type: must be one of/)]);
  });
});

import { describe, it, expect } from 'vitest';
import { glossaryCsv, glossaryMarkdown, type GlossaryInput } from '../../lib/export/glossary.ts';
import {
  ARTICLE_TITLE,
  ARTICLE_URL,
  ENTITIES,
  ENTRIES,
  FIGURES,
  HOSTILE,
  makeEntity,
  makeEntry,
  makeResult,
  mentionOf,
} from '../fixtures/ui-fixtures.ts';

const INPUT: GlossaryInput = { result: makeResult(), entries: ENTRIES, url: ARTICLE_URL };
const HEADER = [
  'entity',
  'type',
  'description',
  'mentions',
  'mention_texts',
  'figure',
  'value',
  'unit',
  'as_of',
  'source',
  'source_publisher',
  'source_title',
  'source_retrieved',
  'citation',
  'wikipedia',
];

/** RFC 4180 parser, strict enough to prove the CSV round-trips. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') {
      if (cell !== '') throw new Error(`stray quote at ${i}`);
      quoted = true;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
    else cell += c;
  }
  if (quoted) throw new Error('unterminated quote');
  if (cell !== '' || row.length) throw new Error('missing final CRLF');
  return rows;
}

/** A table row split on unescaped pipes, as GitHub-flavoured Markdown does. */
const cellsOf = (row: string) =>
  row
    .split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((c) => c.trim());

function oneEntity(over: Parameters<typeof makeEntity>[0], entry?: ReturnType<typeof makeEntry>): GlossaryInput {
  const e = makeEntity({ mentions: [mentionOf('Portugal')], ...over });
  return {
    result: makeResult({ entities: [e], figures: [] }),
    entries: entry ? { [entry.id]: entry } : {},
    url: ARTICLE_URL,
  };
}

describe('lib/export/glossary: Markdown', () => {
  const md = glossaryMarkdown(INPUT);
  const lines = md.split('\n');

  it('starts with the article title, its link and the entity count', () => {
    expect(lines[0]).toBe(`# Backstory glossary: ${ARTICLE_TITLE}`);
    expect(md).toContain(`Article: <${ARTICLE_URL}>`);
    expect(md).toContain(`Entities: ${ENTITIES.length}`);
  });

  it('has a heading per entity, in salience order', () => {
    const headings = lines.filter((l) => l.startsWith('## ') && l !== '## Figures in this article');
    expect(headings).toEqual(ENTITIES.map((e) => `## ${e.name}`));
  });

  it('gives each entity its type and mention count, with singular and plural', () => {
    expect(md).toContain('*organization* · 3 mentions');
    expect(md).toContain('*country* · 1 mention\n');
  });

  it('includes the description and summary of known entities', () => {
    expect(md).toContain(ENTRIES['northwind-water-authority']!.description);
    expect(md).toContain(ENTRIES['northwind-water-authority']!.summary);
  });

  it('has a facts table with one row per fact: label, grouped value and unit, as-of, and the source cited', () => {
    const at = lines.indexOf('| Figure | Value | As of | Source |');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('|---|---|---|---|');
    const rows = ENTRIES['northwind-water-authority']!.facts.map((f) =>
      lines.find((l) => l.startsWith(`| ${f.label} |`)),
    );
    expect(rows).toEqual([
      '| Staff | 2,400 | as of 2024 — may have changed | northwind.example, <https://www.northwind.example/annual-report> |',
      '| Budget | 310 million EUR (operating budget) | as of Jun 2024 — may have changed | budget.example.gov, <https://budget.example.gov/nwa> |',
      '| Dams | 12 | as of 31 Dec 2023 — may have changed | dams.example.org, <https://dams.example.org/registry> |',
      '| Founded | 1961 |  | history.example.org, <https://history.example.org/nwa> |',
    ]);
  });

  it('has no facts table for an entity without facts', () => {
    const section = md.split('## Lisbon')[1]!.split('## ')[0]!;
    expect(section).not.toContain('| Figure |');
  });

  it('lists each entity’s distinct mention texts', () => {
    expect(md).toContain('Mentions: “Northwind Water Authority”, “NWA”\n');
    expect(md).toContain('Mentions: “Clearwater Programme”\n');
  });

  it('marks names the knowledge base lacks and quotes how the article introduces them', () => {
    const section = md.split('## Friends of Halden')[1]!.split('\n## ')[0]!;
    expect(section).toContain('· not in the knowledge base');
    expect(section).toContain(
      'Introduced as: “A local campaign, the Friends of Halden, said the plan ignored fishing families.”',
    );
    expect(md.split('## Portugal')[1]!.split('\n## ')[0]).not.toContain('not in the knowledge base');
  });

  it('includes the ambiguity note and a Wikipedia link when known', () => {
    expect(md).toContain('Note: Chosen because the article mentions water engineering; the evidence is thin.');
    expect(md).toContain('Read more: <https://en.wikipedia.org/wiki/Portugal>');
  });

  it('lists the figures with their sentences', () => {
    expect(md).toContain('## Figures in this article');
    for (const f of FIGURES) expect(md).toContain(`- **${f.text}** — ${f.sentence}`);
  });

  it('has no figures section when there are none', () => {
    expect(glossaryMarkdown({ ...INPUT, result: makeResult({ figures: [] }) })).not.toContain(
      'Figures in this article',
    );
  });

  it.each([
    ['|', 'A|B', 'A\\|B'],
    ['*', '*Bold* Corp', '\\*Bold\\* Corp'],
    ['_', 'snake_case', 'snake\\_case'],
    ['#', '#hashtag', '\\#hashtag'],
    ['[ ]', '[link](https://evil.example)', '\\[link\\](https://evil.example)'],
    ['< >', '<img src=x onerror=alert(1)>', '\\<img src=x onerror=alert(1)\\>'],
    ['backticks', '`code`', '\\`code\\`'],
    ['newlines (collapsed)', 'Two\nLines', 'Two Lines'],
  ])('escapes %s in entity names', (_what, name, escaped) => {
    const out = glossaryMarkdown(oneEntity({ id: null, name, type: 'group' }));
    expect(out).toContain(`## ${escaped}\n`);
  });

  it('escapes pipes in fact labels, values and units so the table keeps four columns', () => {
    const entry = makeEntry({
      id: 'x',
      name: 'X',
      type: 'organization',
      facts: [{ label: 'a|b', value: 'c|d', unit: 'e|f', kind: 'status', asOf: '2024', source: 'https://s.example/' }],
    });
    const out = glossaryMarkdown(oneEntity({ id: 'x', name: 'X', type: 'organization' }, entry));
    const row = out.split('\n').find((l) => l.startsWith('| a'))!;
    expect(cellsOf(row)).toEqual([
      'a\\|b',
      'c\\|d e\\|f',
      'as of 2024 — may have changed',
      's.example, <https://s.example/>',
    ]);
  });

  // Regression (bug found and fixed): fact sources go into the table verbatim inside <…>. A pack source
  // such as https://s.example/?q=a|b passes the pack schema (valibot v.url) but its
  // raw "|" splits the GFM table cell (and a ">" ends the autolink early).
  it('keeps the facts table intact when a source URL contains a pipe', () => {
    const entry = makeEntry({
      id: 'x',
      name: 'X',
      type: 'organization',
      facts: [{ label: 'L', value: 1, asOf: '2024', source: 'https://s.example/?q=a|b' }],
    });
    const out = glossaryMarkdown(oneEntity({ id: 'x', name: 'X', type: 'organization' }, entry));
    const row = out.split('\n').find((l) => l.startsWith('| L'))!;
    expect(cellsOf(row)).toHaveLength(4);
  });

  it('is pure: the same input gives the same text', () => {
    expect(glossaryMarkdown(INPUT)).toBe(md);
  });
});

describe('lib/export/glossary: CSV', () => {
  const csv = glossaryCsv(INPUT);
  const rows = parseCsv(csv);

  it('has a header row and CRLF line ends, ending with one', () => {
    expect(rows[0]).toEqual(HEADER);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has one row per fact, and one row for each entity without facts', () => {
    const expected = ENTITIES.reduce((n, e) => n + Math.max(1, (e.id && ENTRIES[e.id]?.facts.length) || 0), 0);
    expect(rows).toHaveLength(1 + expected);
    expect(rows.filter((r) => r[0] === 'Northwind Water Authority')).toHaveLength(4);
    expect(rows.filter((r) => r[0] === 'Lisbon')).toHaveLength(1);
    for (const r of rows) expect(r).toHaveLength(HEADER.length);
  });

  it('fills each fact row with entity, type, description, mentions, fact and source', () => {
    const budget = rows.find((r) => r[5] === 'Budget');
    expect(budget).toEqual([
      'Northwind Water Authority',
      'organization',
      'Public body that runs the Halden river dams.',
      '3',
      'Northwind Water Authority; NWA',
      'Budget',
      '310',
      'million EUR',
      '2024-06',
      'https://budget.example.gov/nwa',
      'budget.example.gov',
      '',
      '',
      'budget.example.gov. https://budget.example.gov/nwa',
      'https://en.wikipedia.org/wiki/Northwind_Water_Authority',
    ]);
  });

  it('marks entities the knowledge base lacks, with empty fact columns', () => {
    expect(rows.find((r) => r[0] === 'Friends of Halden')).toEqual([
      'Friends of Halden',
      'group',
      'not in the knowledge base',
      '1',
      'Friends of Halden',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
      '',
    ]);
  });

  it.each([
    ['a comma', 'Smith, Jones', '"Smith, Jones"'],
    ['a double quote', 'The "Real" Thing', '"The ""Real"" Thing"'],
    ['a newline', 'Line one\nline two', '"Line one\nline two"'],
    ['a carriage return', 'a\rb', '"a\rb"'],
  ])('quotes a cell containing %s', (_what, name, cell) => {
    const out = glossaryCsv(oneEntity({ id: null, name, type: 'group' }));
    expect(out.split('\r\n')[1]!.startsWith(`${cell},group,`)).toBe(true);
    expect(parseCsv(out)[1]![0]).toBe(name);
  });

  it.each([
    ['=', '=HYPERLINK("https://evil.example","x")'],
    ['+', '+1+1'],
    ['-', '-2+3'],
    ['@', '@SUM(A1:A9)'],
    ['a tab', '\t=1+1'],
    ['a carriage return', '\r=1+1'],
  ])('neutralises a cell starting with %s (formula injection)', (_what, name) => {
    const cell = parseCsv(glossaryCsv(oneEntity({ id: null, name, type: 'group' })))[1]![0]!;
    expect(cell).toBe(`'${name}`);
  });

  it('neutralises formulas in every column, including fact values and sources from a pack', () => {
    const entry = makeEntry({
      id: 'x',
      name: 'X',
      type: 'organization',
      description: '=cmd|"/c calc"!A1',
      facts: [{ label: '@label', value: '=1+2', unit: '+u', asOf: '2024', source: 'https://s.example/' }],
    });
    const row = parseCsv(glossaryCsv(oneEntity({ id: 'x', name: 'X', type: 'organization' }, entry)))[1]!;
    expect(row[2]).toBe(`'=cmd|"/c calc"!A1`);
    expect(row.slice(5, 8)).toEqual(["'@label", "'=1+2", "'+u"]);
  });

  it.each([
    ['an ordinary name', 'Portugal', 'Portugal'],
    ['a formula sign not at the start', 'A=B+C', 'A=B+C'],
    ['a hyphenated name', 'Guinea-Bissau', 'Guinea-Bissau'],
  ])('leaves %s as it is, unquoted', (_what, name, cell) => {
    const out = glossaryCsv(oneEntity({ id: null, name, type: 'group' }));
    expect(out.split('\r\n')[1]!.startsWith(`${cell},group,`)).toBe(true);
  });

  it('keeps hostile markup as plain cell text', () => {
    for (const h of HOSTILE)
      expect(parseCsv(glossaryCsv(oneEntity({ id: null, name: h, type: 'group' })))[1]![0]).toBe(h);
  });
});

describe('lib/export/glossary: full citations (issue 15)', () => {
  const entry = makeEntry({
    id: 'x',
    name: 'X',
    type: 'organization',
    facts: [
      {
        label: 'Employees',
        value: 1300,
        qualifier: 'approx',
        kind: 'count',
        asOf: '2026-06',
        source: { url: 'https://x.example/about', publisher: 'X Corp', title: 'About X', retrieved: '2026-12-04' },
      },
    ],
  });
  const input = oneEntity({ id: 'x', name: 'X', type: 'organization' }, entry);

  it('gives Markdown the publisher, title, link and retrieved date of each source', () => {
    expect(glossaryMarkdown(input)).toContain(
      '| Employees | about 1,300 | as of Jun 2026 | X Corp, “About X”, <https://x.example/about>, retrieved 4 Dec 2026 |',
    );
  });

  it('gives CSV the citation in its own columns and as one formatted cell', () => {
    const row = glossaryCsv(input).split('\r\n')[1]!;
    expect(row).toContain(',X Corp,About X,2026-12-04,');
    expect(row).toContain('X Corp. “About X”. https://x.example/about (retrieved 4 Dec 2026)');
  });
});

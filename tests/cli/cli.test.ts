/**
 * The researchers' command line, run through main() with captured output:
 * analyze in every format, eval against gold written for the test, kb lookups,
 * and a clear one-line error for bad input.
 */
import { describe, it, expect, beforeAll, afterAll, vi } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main.ts';

let dir: string;
const demo = join(process.cwd(), 'tests/fixtures/pages/demo-article.html');

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await main(args, (s) => out.push(s));
  spy.mockRestore();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'backstory-cli-'));
  writeFileSync(
    join(dir, 'note.txt'),
    'Kazakhstan and China signed deals at the SCO summit.\nThe Shanghai Cooperation Organisation (SCO) met in Astana.',
  );
  writeFileSync(join(dir, 'empty.html'), '   ');
  writeFileSync(join(dir, 'binary.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]));
  writeFileSync(join(dir, 'nav-only.html'), '<!doctype html><html><body><nav><a href="/">Home</a></nav></body></html>');
  mkdirSync(join(dir, 'gold'));
  copyFileSync(demo, join(dir, 'gold', 'demo.html'));
  writeFileSync(
    join(dir, 'gold', 'demo.gold.json'),
    JSON.stringify({
      topic: 'cluster-a',
      entities: [
        {
          name: 'Shanghai Cooperation Organisation',
          type: 'organization',
          wikipedia: 'Shanghai_Cooperation_Organisation',
          surface: ['SCO'],
          importance: 'core',
        },
        {
          name: 'Nurly Zhol',
          type: 'initiative',
          wikipedia: 'Nurly_Zhol',
          surface: ['Nurly Zhol'],
          importance: 'core',
        },
        { name: 'Invented Thing', type: 'other', wikipedia: null, surface: ['Nothing Like This'], importance: 'minor' },
      ],
      figures: [],
      not_entities: ['The Backstory Gazette'],
    }),
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli/analyze', () => {
  it('prints a readable table by default', async () => {
    const r = await run('analyze', demo);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Shanghai Cooperation Organisation/);
    expect(r.out).toMatch(/Nurly Zhol/);
  });

  it('prints one AnalysisResult per file with --json, offsets that round-trip', async () => {
    const r = await run('analyze', '--json', join(dir, 'note.txt'));
    const res = JSON.parse(r.out) as {
      title: string;
      wordCount: number;
      entities: { id: string; mentions: { start: number; end: number; text: string }[] }[];
      figures: unknown[];
    };
    expect(res.wordCount).toBeGreaterThan(10);
    expect(res.entities.map((e) => e.id)).toEqual(
      expect.arrayContaining(['kazakhstan', 'china', 'shanghai-cooperation-organisation']),
    );
    expect(Array.isArray(res.figures)).toBe(true);
  });

  it('writes CSV and Markdown for notes', async () => {
    const csv = await run('analyze', '--csv', join(dir, 'note.txt'));
    expect(csv.out.split('\n')[0]).toBe('file,entity,id,type,wikipedia,mentions,salience,description,mention_texts');
    const md = await run('analyze', '--md', join(dir, 'note.txt'));
    expect(md.out).toMatch(/^## /);
    expect(md.out).toMatch(/\| Entity \| Type \| Mentions \| About \|/);
  });

  it.each([
    ['a missing file', 'missing.html', /no such file/],
    ['an empty file', 'empty.html', /is empty/],
    ['a binary file', 'binary.html', /binary/],
    ['a page with no article', 'nav-only.html', /no article/],
    ['a directory', '.', /directory/],
  ])('gives %s a one-line error and a non-zero exit', async (_why, name, message) => {
    const r = await run('analyze', join(dir, name));
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(message);
    expect(r.err.split('\n')).toHaveLength(1);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

describe('cli/eval', () => {
  it('scores documents against gold and prints the totals', async () => {
    const r = await run('eval', join(dir, 'gold'));
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/demo/);
    expect(r.out).toMatch(/precision [\d.]+ {2}recall 0\.667 {2}core recall 1\.000 {2}linking 1\.000 {2}chrome hits 0/);
  });

  it('refuses a directory without gold files', async () => {
    const r = await run('eval', join(dir, 'nothing-here'));
    expect(r.code).not.toBe(0);
  });
});

describe('cli/kb', () => {
  it('prints { packs, entries } with --json, every entry with its fields', async () => {
    const r = await run('kb', '--json');
    const kb = JSON.parse(r.out) as {
      packs: { id: string }[];
      entries: { id: string; facts: unknown[]; summary: string }[];
    };
    expect(kb.packs.map((p) => p.id)).toEqual(['central-asia', 'world']);
    expect(kb.entries.length).toBeGreaterThanOrEqual(700);
    expect(kb.entries.find((e) => e.id === 'nurly-zhol')?.facts.length).toBeGreaterThan(0);
  });

  it.each(['nurly-zhol', 'Nurly Jol', 'QCCM', 'Tokaev'])('shows one entry readably for %j', async (q) => {
    const r = await run('kb', q);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Key figures:/);
    expect(r.out).toMatch(/as of/);
  });

  it('says so when nothing matches', async () => {
    const r = await run('kb', 'zzzz-no-such-thing-zzzz');
    expect(r.code).not.toBe(0);
    expect(r.err).toMatch(/nothing in the knowledge base/);
  });
});

describe('cli: what readers see, and what it refuses (issue 18)', () => {
  it('shows names and Wikipedia titles in the table, never internal ids or keys', async () => {
    const { code, out } = await run('analyze', demo);
    expect(code).toBe(0);
    expect(out).not.toMatch(/\bnew:/);
    expect(out).toMatch(/Wikipedia: Shanghai Cooperation Organisation/);
    expect(out).not.toMatch(/→ [a-z0-9]+(-[a-z0-9]+)+\b/);
    // A name longer than its column ends in "…", not mid-word without a mark.
    expect(out).toMatch(/^ {2}Quadrilateral Cooperation and Coordination … organization/m);
  });

  it('names related entries by name in kb, not by id', async () => {
    const { code, out } = await run('kb', 'QCCM');
    expect(code).toBe(0);
    const related = out.split('\n').find((l) => l.startsWith('Related:'))!;
    expect(related).toBeDefined();
    expect(related).not.toMatch(/\b[a-z]+-[a-z]+-[a-z]+\b/);
    // Dates read as a reader writes them, as in the sidebar.
    expect(out).toMatch(/^Reviewed \d{1,2} [A-Z][a-z]{2} \d{4}$/m);
  });

  it.each([['analyze', demo], ['eval', 'tests/fixtures'], ['kb']])(
    'rejects an unknown flag to %s with the usage',
    async (...args) => {
      const { code, err } = await run(...args, '--bogus');
      expect(code).not.toBe(0);
      expect(err).toMatch(/unknown option --bogus/);
      expect(err).toMatch(/usage:/);
    },
  );
});

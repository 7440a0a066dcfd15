/**
 * `backstory analyze --cite FORMAT FILE…`: the sources behind the facts, for a reference
 * manager (tests/analyzer/cite.test.ts checks it equals the sidebar's export byte for byte).
 */
import { describe, it, expect, vi } from 'vitest';
import { join } from 'node:path';
import { main } from '../../cli/main.ts';

const demo = join(process.cwd(), 'tests/fixtures/pages/demo-article.html');

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await main(args, (s) => out.push(s));
  spy.mockRestore();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('analyze --cite', () => {
  it('writes RIS records, one per source, as --cite ris and --cite=ris', async () => {
    const a = await run('analyze', '--cite', 'ris', demo);
    const b = await run('analyze', `--cite=ris`, demo);
    expect(a.code).toBe(0);
    expect(a.out).toBe(b.out);
    expect(a.out).toMatch(/^TY {2}- ELEC$/m);
    expect(a.out.match(/^ER {2}- ?$/gm)!.length).toBe(a.out.match(/^TY {2}- /gm)!.length);
  });

  it('names the formats it takes when given another', async () => {
    const r = await run('analyze', '--cite', 'endnote', demo);
    expect(r.code).toBe(2);
    expect(r.err).toBe('backstory: analyze: --cite takes csl-json, bibtex, ris, not "endnote"');
  });

  it('does not mix the sources with another output format', async () => {
    const r = await run('analyze', '--cite', 'bibtex', '--json', demo);
    expect(r.code).toBe(2);
    expect(r.err).toContain('does not combine');
  });
});

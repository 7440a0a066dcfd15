/**
 * `backstory analyze --online` against a local stand-in for Wikipedia and Wikidata (issue 17):
 * unknown names get their summary and figures with the origin of each field marked; a server
 * that refuses, fails, talks nonsense or never answers leaves the offline result and a warning,
 * within the time limit. Only names are sent.
 */
import { describe, it, expect, beforeAll, afterAll, afterEach, vi } from 'vitest';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../cli/main.ts';
import { startFakeWikimedia, type FakeWikimedia } from '../../scripts/lib/fake-wikimedia.ts';

let dir: string;
let file: string;
let fake: FakeWikimedia;
const saved = { ...process.env };

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const spy = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
  const code = await main(args, (s) => out.push(s));
  spy.mockRestore();
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'backstory-online-'));
  file = join(dir, 'trust.txt');
  writeFileSync(
    file,
    'The Halden River Trust said on Monday that it would restore wetlands along the river. ' +
      'A spokesman for the Halden River Trust said the work would take two years.\n',
  );
  fake = await startFakeWikimedia();
  process.env.BACKSTORY_WIKIPEDIA_URL = fake.url;
  process.env.BACKSTORY_WIKIDATA_URL = fake.url;
  process.env.BACKSTORY_ONLINE_TIMEOUT_MS = '3000';
});

afterEach(() => fake.setMode('ok'));

afterAll(async () => {
  process.env = saved;
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

const trustOf = (out: string) =>
  (JSON.parse(out) as { entities: Record<string, unknown>[] }).entities.find((e) => e.name === 'Halden River Trust')!;

describe('cli analyze --online', () => {
  it('fills the description of an unknown name from Wikipedia and marks where each field came from', async () => {
    const { code, out } = await run('analyze', '--json', '--online', file);
    expect(code).toBe(0);
    const trust = trustOf(out);
    expect(trust.description).toBe('Conservation charity in Northwind');
    expect(trust.origin).toEqual({ description: 'wikipedia', wikipedia: 'wikipedia', facts: 'wikidata' });
    const online = trust.online as { url: string; facts: { label: string }[] };
    expect(online.url).toBe('https://en.wikipedia.org/wiki/Halden_River_Trust');
    expect(online.facts.map((f) => f.label)).toContain('Employees');
  });

  it('sends only the names: no file name, no article text', async () => {
    fake.requests.length = 0;
    await run('analyze', '--json', '--online', file);
    expect(fake.requests.length).toBeGreaterThan(0);
    for (const r of fake.requests) {
      expect(decodeURIComponent(r)).not.toMatch(/trust\.txt|wetlands|spokesman/);
    }
  });

  it('shows the online description in the readable table', async () => {
    const { out } = await run('analyze', '--online', file);
    expect(out).toMatch(/Wikipedia \(online\): Halden River Trust — Conservation charity in Northwind/);
  });

  it('without --online sends nothing', async () => {
    fake.requests.length = 0;
    await run('analyze', '--json', file);
    expect(fake.requests).toEqual([]);
  });

  it.each(['429', '500', 'garbage', 'hang'] as const)(
    'finishes with the offline result and a warning when the server answers %s',
    async (mode) => {
      fake.setMode(mode);
      const started = Date.now();
      const { code, out, err } = await run('analyze', '--json', '--online', file);
      expect(code).toBe(0);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(trustOf(out).description ?? null).toBeNull();
      expect(err).toMatch(/backstory: online: .*shows what is known offline/);
    },
  );
});

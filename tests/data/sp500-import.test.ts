/**
 * data/packs/world/companies-sp500.json is generated from the committed S&P 500 extract and
 * data/sources/sp500/curated.json by scripts/import/sp500.ts: regenerating it must change
 * nothing, so the file is never edited by hand and every fact traces to the pinned dataset.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSp500, OUT, serializeEntries } from '../../scripts/import/sp500.ts';
import { aliasKey } from '../../lib/kb/alias-key.ts';

type Entry = { id: string; name: string; aliases: string[]; cues?: string[]; facts: { source: { dataset?: string } }[] };

describe('world/companies-sp500.json', () => {
  const entries = generateSp500() as unknown as Entry[];

  it('is exactly what scripts/import/sp500.ts makes from data/sources/sp500 (re-run it after changing an input)', () => {
    expect(serializeEntries(entries) === readFileSync(OUT, 'utf8')).toBe(true);
  });

  it('cites the registered S&P 500 dataset for at least two facts of every company', () => {
    for (const e of entries) {
      expect(e.facts.length, e.id).toBeGreaterThanOrEqual(2);
      for (const f of e.facts) expect(f.source.dataset, e.id).toBe('sp500-companies');
    }
  });

  it('lists each company once, whatever its share classes (Fox Corporation, News Corp)', () => {
    expect(entries.filter((e) => e.name === 'Fox Corporation')).toHaveLength(1);
    expect(entries.filter((e) => e.name === 'News Corp')).toHaveLength(1);
  });

  it('takes an alias that is also an ordinary word ("Target", "Visa", "Ball", "Oracle") only with cues', () => {
    for (const name of ['Target', 'Visa', 'Ball', 'Oracle']) {
      const owner = entries.find((e) => e.aliases.some((a) => aliasKey(a) === aliasKey(name)));
      expect(owner?.cues?.length, name).toBeGreaterThan(0);
    }
  });

  it('never uses a ticker symbol as an alias unless it is the name the company goes by', () => {
    const csv = readFileSync(OUT.replace(/packs\/world\/companies-sp500\.json$/, 'sources/sp500/constituents.csv'), 'utf8');
    const tickers = new Set(csv.split('\n').slice(1).map((l) => l.split(',')[0]));
    const allowed = new Set(['AMD', 'AIG', 'ADP', 'BNY', 'CVS', 'GM', 'HPE', 'KKR', 'KLA', 'PNC', 'UPS', 'FIS', 'SLB', 'TJX', 'F5', 'BXP', 'CRH', 'CSX']);
    for (const e of entries)
      for (const a of e.aliases) if (tickers.has(a)) expect(allowed.has(a), `${e.id}: ${a}`).toBe(true);
  });
});

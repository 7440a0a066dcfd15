/**
 * Reads data/sources/wikidata/leaders-current.csv (the world-leaders-current extract) with the
 * review in leaders-current-review.json applied: rejected rows are dropped, and a country whose
 * head of state and head of government are the same person gets one row with role "both".
 * Shared by scripts/gen-countries.ts (offices of countries) and scripts/import/leaders-people.ts
 * (entries for office holders the packs lack).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readCsvObjects } from './lib.ts';
import { ROOT } from '../lib/read-packs.ts';

const DIR = join(ROOT, 'data', 'sources', 'wikidata');
export const LEADERS_CURRENT_DATASET = 'world-leaders-current';

export interface CurrentOffice {
  iso: string;
  country: string;
  role: 'hos' | 'hog' | 'both';
  /** The office's title as the dataset gives it ("Prime Minister", "Monarch"). */
  title: string;
  holder: string;
  wikidata: string;
  /** YYYY-MM-DD the holder took office. */
  since: string;
  born: string;
  wikipedia: string;
  /** The day the dataset was true at. */
  snapshot: string;
}

export function readCurrentOffices(): CurrentOffice[] {
  const review = JSON.parse(readFileSync(join(DIR, 'leaders-current-review.json'), 'utf8')) as {
    rejected: Record<string, string>;
  };
  const rows = readCsvObjects(readFileSync(join(DIR, 'leaders-current.csv'), 'utf8')).filter(
    (r) => !review.rejected[`${r.iso}:${r.role}`],
  );
  const out: CurrentOffice[] = [];
  for (const r of rows) {
    const row = r as unknown as CurrentOffice;
    if (row.role === 'hog') {
      const hos = rows.find((x) => x.iso === r.iso && x.role === 'hos');
      if (hos?.wikidata === r.wikidata) continue; // folded into the head of state's row
    }
    const both =
      row.role === 'hos' && rows.some((x) => x.iso === r.iso && x.role === 'hog' && x.wikidata === r.wikidata);
    out.push({ ...row, role: both ? 'both' : row.role });
  }
  return out;
}

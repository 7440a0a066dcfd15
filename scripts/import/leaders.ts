/**
 * Extract of the Wikidata-derived table of heads of state and government in
 * every-politician-scrapers/world-leaders-2021 (data/wikidata.csv; Wikidata content, CC0):
 * one row per office holder with the Wikidata items of country, office and person, and the
 * years of the term. Rows are validated (Q-ids, years, a start not after the end) and only the
 * offices still held when the table was made (no end year) are kept. Writes
 * data/sources/wikidata/world-leaders.csv.
 *
 * Usage: npx tsx scripts/import/leaders.ts <path to the git directory of world-leaders-2021>
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SOURCES, readCsvObjects, writeCsv } from './lib.ts';

/** The last automated update of the table, 2022-10-10. */
export const LEADERS_COMMIT = 'be7039cf5952d8121c4f1e24eea64cc5dd465633';

const repo = process.argv[2];
if (!repo) {
  console.error('usage: npx tsx scripts/import/leaders.ts <world-leaders-2021 repository>');
  process.exit(2);
}
const gitDir = repo.endsWith('.git') || repo.endsWith('/repo') ? repo : join(repo, '.git');
const csv = execFileSync('git', ['--git-dir', gitDir, 'show', `${LEADERS_COMMIT}:data/wikidata.csv`], {
  encoding: 'utf8',
});

const Q = /^Q\d+$/;
const YEAR = /^\d{4}$/;
const HEADER = ['countryid', 'country', 'position', 'positionLabel', 'officeholder', 'officeholderLabel', 'start_year'];
const rows: string[][] = [];
let dropped = 0;
for (const r of readCsvObjects(csv)) {
  const valid =
    Q.test(r.countryid ?? '') &&
    Q.test(r.position ?? '') &&
    Q.test(r.officeholder ?? '') &&
    !!r.country &&
    !!r.positionLabel &&
    !!r.officeholderLabel &&
    !Q.test(r.officeholderLabel ?? '') && // an item without an English label
    YEAR.test(r.start_year ?? '') &&
    (r.end_year === '' || (YEAR.test(r.end_year ?? '') && r.end_year! >= r.start_year!));
  if (!valid) {
    dropped++;
    continue;
  }
  if (r.end_year) continue; // no longer in office in 2022
  rows.push(HEADER.map((h) => r[h]!));
}
rows.sort((a, b) => (a.join('\t') < b.join('\t') ? -1 : 1));
writeCsv(join(SOURCES, 'wikidata', 'world-leaders.csv'), HEADER, rows);
console.log(`leaders: ${rows.length} current office holders (${dropped} invalid rows dropped)`);

/**
 * Extract of every-politician-scrapers/world-leaders-2021 for the entries of people who held an
 * office of head of state or government in 2021–2022: every valid row of data/wikidata.csv (the
 * Wikidata query; CC0), including terms that had ended when the table was made, with the English
 * Wikipedia article title of the holder taken from the same commit's data/wikipedia.csv (the
 * links of Wikipedia's "List of state leaders in 2022", matched by the holder's Wikidata item;
 * empty when that list has no link for the person). Rows are validated (Q-ids, an English label
 * that is not a bare Q-id, years, a start not after the end). Writes
 * data/sources/wikidata/world-leaders-2021.csv, which scripts/import/leaders-2021-people.ts reads.
 *
 * Usage: npx tsx scripts/import/leaders-2021.ts <path to the git directory of world-leaders-2021>
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SOURCES, readCsvObjects, writeCsv } from './lib.ts';

/** The last automated update of the table, 2022-10-10 (the commit data/sources/datasets.json names). */
export const LEADERS_COMMIT = 'be7039cf5952d8121c4f1e24eea64cc5dd465633';
export const HEADER = [
  'countryid',
  'country',
  'position',
  'positionLabel',
  'officeholder',
  'officeholderLabel',
  'wikipedia',
  'start_year',
  'end_year',
];

const repo = process.argv[2];
if (!repo) {
  console.error('usage: npx tsx scripts/import/leaders-2021.ts <world-leaders-2021 repository>');
  process.exit(2);
}
const gitDir = repo.endsWith('.git') || repo.endsWith('/repo') ? repo : join(repo, '.git');
const show = (path: string) =>
  execFileSync('git', ['--git-dir', gitDir, 'show', `${LEADERS_COMMIT}:${path}`], { encoding: 'utf8' });

const Q = /^Q\d+$/;
const YEAR = /^\d{4}$/;

// The holder's article title as the Wikipedia list linked it; a link to a missing page is no title.
const titles = new Map<string, string>();
for (const r of readCsvObjects(show('data/wikipedia.csv'))) {
  const title = r.officeholderlabel ?? '';
  if (!Q.test(r.officeholder ?? '') || !title || /page does not exist/.test(title)) continue;
  const had = titles.get(r.officeholder!);
  if (had && had !== title) throw new Error(`two titles for ${r.officeholder}: ${had} / ${title}`);
  titles.set(r.officeholder!, title);
}

const rows: string[][] = [];
let dropped = 0;
for (const r of readCsvObjects(show('data/wikidata.csv'))) {
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
  rows.push(HEADER.map((h) => (h === 'wikipedia' ? (titles.get(r.officeholder!) ?? '') : r[h]!)));
}
rows.sort((a, b) => (a.join('\t') < b.join('\t') ? -1 : 1));
writeCsv(join(SOURCES, 'wikidata', 'world-leaders-2021.csv'), HEADER, rows);
console.log(`leaders-2021: ${rows.length} rows (${dropped} invalid rows dropped)`);

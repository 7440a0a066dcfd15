/**
 * Extract of open-data-archive/world-leaders-current (CC BY-SA 4.0; a daily snapshot of the
 * heads of state and government of the G20 and ASEAN countries, taken from Wikidata and
 * Wikipedia): one row per office with the holder's Wikidata item, the date they took office,
 * their party, birth date and English Wikipedia title. Rows are validated (Q-id, ISO dates,
 * a Wikipedia URL) and the African Union and European Union entries (not countries) are left
 * out. Writes data/sources/wikidata/leaders-current.csv.
 *
 * Usage: npx tsx scripts/import/leaders-current.ts <path to the git directory of world-leaders-current>
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SOURCES, writeCsv } from './lib.ts';

/** The daily update of 2026-08-22, the newest in the fetched snapshot. */
export const LEADERS_CURRENT_COMMIT = 'b06a144';

interface Holder {
  name_en: string;
  wikidata_id: string | null;
  since: string | null;
  party: string | null;
  born: string | null;
  wikipedia_en: string | null;
}
interface Position {
  title_en: string;
  current_holder: Holder | null;
}
interface Current {
  country: { iso_code: string; name_en: string };
  snapshot_date: string;
  positions: Record<string, Position>;
}

const repo = process.argv[2];
if (!repo) {
  console.error('usage: npx tsx scripts/import/leaders-current.ts <world-leaders-current repository>');
  process.exit(2);
}
const gitDir = repo.endsWith('.git') || repo.endsWith('/repo') ? repo : join(repo, '.git');
const git = (...args: string[]) => execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8' });

const ROLES: Record<string, string> = { head_of_government: 'hog', head_of_state: 'hos' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const HEADER = [
  'iso',
  'country',
  'role',
  'title',
  'holder',
  'wikidata',
  'since',
  'party',
  'born',
  'wikipedia',
  'snapshot',
];
const rows: string[][] = [];
let dropped = 0;
const files = git('ls-tree', '-r', '--name-only', LEADERS_CURRENT_COMMIT, 'data/countries/')
  .split('\n')
  .filter((f) => f.endsWith('/current.json'));
for (const file of files) {
  const c = JSON.parse(git('show', `${LEADERS_CURRENT_COMMIT}:${file}`)) as Current;
  if (!/^[A-Z]{2}$/.test(c.country.iso_code ?? '')) continue; // the AU and the EU
  for (const [key, role] of Object.entries(ROLES)) {
    const p = c.positions[key];
    const h = p?.current_holder;
    if (!p || !h) continue;
    const title = /^https:\/\/en\.wikipedia\.org\/wiki\/(.+)$/.exec(h.wikipedia_en ?? '')?.[1];
    const valid = /^Q\d+$/.test(h.wikidata_id ?? '') && DATE.test(h.since ?? '') && !!title && !!h.name_en;
    if (!valid) {
      dropped++;
      continue;
    }
    rows.push([
      c.country.iso_code,
      c.country.name_en,
      role,
      p.title_en,
      h.name_en,
      h.wikidata_id!,
      h.since!,
      h.party ?? '',
      h.born && DATE.test(h.born) ? h.born : '',
      decodeURIComponent(title!).replace(/_/g, ' '),
      c.snapshot_date,
    ]);
  }
}
rows.sort((a, b) => a[0]!.localeCompare(b[0]!) || a[2]!.localeCompare(b[2]!));
writeCsv(join(SOURCES, 'wikidata', 'leaders-current.csv'), HEADER, rows);
console.log(`leaders-current.csv: ${rows.length} offices, ${dropped} rows dropped as incomplete`);

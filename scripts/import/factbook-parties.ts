/**
 * Extract of the political parties The World Factbook lists per country (public domain; JSON by
 * factbook/factbook.json, CC0): from the pinned January 2026 snapshot (FACTBOOK_COMMIT, the one
 * scripts/import/factbook.ts reads) each party's name as written and the abbreviations the
 * Factbook gives ("Alternative for Germany or AfD"), and from the last snapshot that still named
 * party leaders (July 2024; the field became "Political parties" without leaders after it) the
 * leaders in brackets, matched by the party's name. HTML entities are decoded; notes and prose are
 * not taken. Writes data/sources/factbook/parties.json, which scripts/import/parties.ts reads.
 *
 * Usage: npx tsx scripts/import/factbook-parties.ts <path to a clone or git directory of factbook/factbook.json>
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SOURCES, writeJson } from './lib.ts';
import { decodeEntities, parseParty } from './factbook-party-text.ts';

export const PARTIES_COMMIT = '783ed27f7a1116663c10e7b39d162d0c4500505d';
const PARTIES_DATE = '2026-01-22';
/** "auto-update" of 2024-07-25, the last with the field "Political parties and leaders". */
export const LEADERS_COMMIT = '0cb3145aa3ee0c5cdee0249a0c71c9173229a2b0';
const LEADERS_DATE = '2024-07-25';

const repo = process.argv[2];
if (!repo) {
  console.error('usage: npx tsx scripts/import/factbook-parties.ts <factbook.json repository>');
  process.exit(2);
}
const gitDir = repo.endsWith('.git') || repo.endsWith('/repo') ? repo : join(repo, '.git');
const git = (...args: string[]) =>
  execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** The field's lines: "<br>"-separated, tags and non-breaking spaces removed. */
function lines(text: string): string[] {
  return decodeEntities(text)
    .split(/<br\s*\/?>/i)
    .map((l) =>
      l
        .replace(/<[^>]+>/g, '')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

/**
 * The 2024 leaders of a party by its 2026 name, or else by the one 2024 name that is the 2026
 * name with words added or taken away at the end ("Liberal Party" / "Liberal Party of Canada",
 * "United Russia ER" / "United Russia").
 */
function leaderOf(leaders: Map<string, string>, name: string): string | null {
  const exact = leaders.get(name);
  if (exact) return exact;
  const near = [...leaders.keys()].filter((n) => n.startsWith(name + ' ') || name.startsWith(n + ' '));
  return near.length === 1 ? leaders.get(near[0]!)! : null;
}

type Node = { text?: string } & Record<string, unknown>;
const field = (json: string, key: string): string | null => {
  const d = JSON.parse(json) as Record<string, Record<string, Node | undefined>>;
  const t = d.Government?.[key]?.text;
  return typeof t === 'string' ? t : null;
};

const files = git('ls-tree', '-r', '--name-only', PARTIES_COMMIT)
  .split('\n')
  .filter((f) => /^[a-z-]+\/[a-z]{2}\.json$/.test(f) && !f.startsWith('meta/'));
const out: Record<string, unknown>[] = [];
for (const file of files) {
  const now = field(git('show', `${PARTIES_COMMIT}:${file}`), 'Political parties');
  if (!now) continue;
  let before: string | null = null;
  try {
    before = field(git('show', `${LEADERS_COMMIT}:${file}`), 'Political parties and leaders');
  } catch {
    before = null; // a profile the older snapshot did not have
  }
  const leaders = new Map<string, string>();
  for (const l of before ? lines(before) : []) {
    const p = parseParty(l);
    if (p.leaders && !leaders.has(p.name)) leaders.set(p.name, p.leaders);
  }
  const seen = new Set<string>();
  const parties = lines(now)
    .map(parseParty)
    .filter((p) => p.name && !seen.has(p.name) && seen.add(p.name))
    .map((p) => ({ name: p.name, abbreviations: p.abbreviations, leaders: leaderOf(leaders, p.name) }));
  out.push({ gec: file.slice(file.indexOf('/') + 1, -'.json'.length), file, parties });
}
writeJson(join(SOURCES, 'factbook', 'parties.json'), {
  $comment:
    'Political parties listed by The World Factbook (public domain) in the JSON of https://github.com/factbook/factbook.json (CC0): names and abbreviations from the snapshot of 2026-01-22, leaders from the last snapshot that named them (2024-07-25), matched by name (surnames in capitals as the Factbook writes them). Written by scripts/import/factbook-parties.ts; do not edit by hand.',
  commit: PARTIES_COMMIT,
  date: PARTIES_DATE,
  leadersCommit: LEADERS_COMMIT,
  leadersDate: LEADERS_DATE,
  countries: out,
});
console.log(`factbook parties: ${out.length} profiles`);

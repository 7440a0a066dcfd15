/**
 * Football clubs of Europe's five big leagues, from datasets/football-datasets (ODC-PDDL;
 * match results of the Premier League, La Liga, Serie A, Bundesliga and Ligue 1 from 1993–94,
 * compiled from football-data.co.uk). Two steps:
 *
 *   npx tsx scripts/import/football-clubs.ts extract <clone.git>   → data/sources/football/seasons.csv
 *   npx tsx scripts/import/football-clubs.ts                      → data/packs/world/sports-clubs.json
 *
 * The extract holds, per league, season and team label, the matches played, won, drawn and
 * lost and the goals scored and conceded, summed from the commit's season files. The pack is
 * generated from the extract and the hand-made data/sources/football/curated.json (each label's
 * club: English Wikipedia title and the names news uses; labels skipped and why) alone, so
 * re-running it reproduces the file byte for byte (tests/data/football-clubs-import.test.ts).
 * Descriptions, summaries and facts are written from the dataset's figures by template.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT, SOURCES, readCsvObjects, writeCsv } from './lib.ts';
import { slug } from './sp500.ts';
import { aliasKey } from '../../lib/kb/alias-key.ts';

export const COMMIT = '436a51f15258e7d0c6042c231227202b70a5a0ae';
export const OUT = join(ROOT, 'data', 'packs', 'world', 'sports-clubs.json');
const DIR = join(SOURCES, 'football');
const RETRIEVED = '2026-12-05';
const FIRST = '1993–94';
const LAST = '2025–26';

interface League {
  folder: string;
  name: string;
  the: string;
  adjective: string;
  related?: string;
  cue: string;
}
export const LEAGUES: League[] = [
  {
    folder: 'premier-league',
    name: 'Premier League',
    the: 'the Premier League',
    adjective: 'English',
    related: 'premier-league',
    cue: 'premier league',
  },
  { folder: 'la-liga', name: 'La Liga', the: 'La Liga', adjective: 'Spanish', cue: 'la liga' },
  { folder: 'serie-a', name: 'Serie A', the: 'Serie A', adjective: 'Italian', cue: 'serie a' },
  {
    folder: 'bundesliga',
    name: 'Bundesliga',
    the: 'the Bundesliga',
    adjective: 'German',
    related: 'bundesliga',
    cue: 'bundesliga',
  },
  { folder: 'ligue-1', name: 'Ligue 1', the: 'Ligue 1', adjective: 'French', cue: 'ligue 1' },
];
/** Words of football reporting that let a one-word short name ("Liverpool", "Inter") count as the club. */
const FOOTBALL_CUES = [
  'football',
  'footballer',
  'soccer',
  'striker',
  'midfielder',
  'goalkeeper',
  'winger',
  'relegation',
  'relegated',
  'champions league',
  'europa league',
];

/** "season-9900.csv" → "1999–2000"; "season-9394.csv" → "1993–94". */
export function seasonLabel(file: string): string {
  const m = /season-(\d\d)(\d\d)\.csv$/.exec(file);
  if (!m) throw new Error(`not a season file: ${file}`);
  const start = Number(m[1]) + (Number(m[1]) >= 90 ? 1900 : 2000);
  const end = start + 1;
  return `${start}–${end % 100 === 0 ? end : String(end % 100).padStart(2, '0')}`;
}

interface Tally {
  played: number;
  won: number;
  drawn: number;
  lost: number;
  for: number;
  against: number;
}

/** Reads every season file of the five leagues at COMMIT and writes the per-team extract. */
export function extract(gitDir: string): void {
  const git = (...args: string[]) =>
    execFileSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const rows: (string | number)[][] = [];
  for (const league of LEAGUES) {
    const files = git('ls-tree', '--name-only', `${COMMIT}:datasets/${league.folder}`)
      .split('\n')
      .filter((f) => /^season-\d{4}\.csv$/.test(f));
    const seasons = files.map((f) => ({ f, label: seasonLabel(f) })).sort((a, b) => (a.label < b.label ? -1 : 1));
    for (const { f, label } of seasons) {
      const text = git('show', `${COMMIT}:datasets/${league.folder}/${f}`).replace(/^\uFEFF/, '');
      const teams = new Map<string, Tally>();
      const tally = (t: string) => {
        let x = teams.get(t);
        if (!x) teams.set(t, (x = { played: 0, won: 0, drawn: 0, lost: 0, for: 0, against: 0 }));
        return x;
      };
      for (const r of readCsvObjects(text)) {
        if (!r.HomeTeam || !r.AwayTeam) continue;
        const hg = Number(r.FTHG);
        const ag = Number(r.FTAG);
        if (!/^\d+$/.test(r.FTHG ?? '') || !/^\d+$/.test(r.FTAG ?? '')) throw new Error(`${f}: no full-time score`);
        const [h, a] = [tally(r.HomeTeam), tally(r.AwayTeam)];
        h.played++;
        a.played++;
        h.for += hg;
        h.against += ag;
        a.for += ag;
        a.against += hg;
        if (hg > ag) {
          h.won++;
          a.lost++;
        } else if (hg < ag) {
          a.won++;
          h.lost++;
        } else {
          h.drawn++;
          a.drawn++;
        }
      }
      for (const [team, t] of [...teams].sort(([a], [b]) => (a < b ? -1 : 1)))
        rows.push([league.folder, label, team, t.played, t.won, t.drawn, t.lost, t.for, t.against]);
    }
  }
  writeCsv(
    join(DIR, 'seasons.csv'),
    ['league', 'season', 'team', 'played', 'won', 'drawn', 'lost', 'goals_for', 'goals_against'],
    rows,
  );
}

interface Curated {
  skip: Record<string, string>;
  nationality: Record<string, string>;
  clubs: Record<string, { wikipedia: string; aliases: string[] }>;
}

/** Consecutive seasons joined: "1993–94 to 1998–99, 2001–02". */
export function seasonRanges(seasons: string[], all: string[]): string {
  const idx = seasons.map((s) => all.indexOf(s)).sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && idx[j + 1] === idx[j]! + 1) j++;
    parts.push(i === j ? all[idx[i]!]! : `${all[idx[i]!]} to ${all[idx[j]!]}`);
    i = j + 1;
  }
  return parts.join(', ');
}

const num = (n: number) => n.toLocaleString('en-GB');
const plural = (n: number, one: string, many = `${one}s`) => `${num(n)} ${n === 1 ? one : many}`;

export function generateClubs(): Record<string, unknown>[] {
  const curated = JSON.parse(readFileSync(join(DIR, 'curated.json'), 'utf8')) as Curated;
  const rows = readCsvObjects(readFileSync(join(DIR, 'seasons.csv'), 'utf8'));
  const clubs = new Map<string, { league: League; labels: Set<string>; seasons: Map<string, Tally> }>();
  const allSeasons = new Map<string, string[]>();
  for (const r of rows) {
    const league = LEAGUES.find((l) => l.folder === r.league)!;
    const list = allSeasons.get(league.folder) ?? [];
    if (!list.includes(r.season!)) list.push(r.season!);
    allSeasons.set(league.folder, list);
    const key = `${r.league}:${r.team}`;
    if (curated.skip[key]) continue;
    const c = curated.clubs[key];
    if (!c) throw new Error(`curated.json: no decision for team "${key}"`);
    const club = clubs.get(c.wikipedia) ?? { league, labels: new Set(), seasons: new Map() };
    if (club.league !== league) throw new Error(`${c.wikipedia}: in two leagues`);
    club.labels.add(key);
    const t = club.seasons.get(r.season!) ?? { played: 0, won: 0, drawn: 0, lost: 0, for: 0, against: 0 };
    t.played += Number(r.played);
    t.won += Number(r.won);
    t.drawn += Number(r.drawn);
    t.lost += Number(r.lost);
    t.for += Number(r.goals_for);
    t.against += Number(r.goals_against);
    club.seasons.set(r.season!, t);
    clubs.set(c.wikipedia, club);
  }
  const entries: Record<string, unknown>[] = [];
  for (const [title, club] of clubs) {
    const { league } = club;
    const all = allSeasons.get(league.folder)!;
    if (all[0] !== FIRST || all.at(-1) !== LAST) throw new Error(`${league.folder}: seasons ${all[0]}–${all.at(-1)}`);
    const seasons = all.filter((s) => club.seasons.has(s));
    const total = [...club.seasons.values()].reduce(
      (a, t) => ({
        played: a.played + t.played,
        won: a.won + t.won,
        drawn: a.drawn + t.drawn,
        lost: a.lost + t.lost,
        for: a.for + t.for,
        against: a.against + t.against,
      }),
      { played: 0, won: 0, drawn: 0, lost: 0, for: 0, against: 0 },
    );
    const aliases = [...new Set([...club.labels].flatMap((k) => curated.clubs[k]!.aliases))].filter(
      (a) => aliasKey(a) !== aliasKey(title),
    );
    const nationality = curated.nationality[title] ?? league.adjective;
    const latest = seasons.at(-1)!;
    const span = `${FIRST} to ${LAST}`;
    const ranges = seasonRanges(seasons, all);
    const source = {
      url: `https://github.com/datasets/football-datasets/tree/${COMMIT}/datasets/${league.folder}`,
      dataset: 'football-datasets',
      retrieved: RETRIEVED,
    };
    const description =
      latest === LAST
        ? `${nationality} football club, in ${league.the} in ${LAST} and ${plural(seasons.length, 'season')} of it since ${FIRST}`
        : `${nationality} football club that played ${plural(seasons.length, 'season')} of ${league.the} between ${FIRST} and ${LAST}, the last in ${latest}`;
    const summary =
      `In the ${num(all.length)} seasons of ${league.the} from ${span} whose results football-data.co.uk records, ` +
      `the ${nationality} football club ${title} played ${plural(seasons.length, 'season')} (${ranges})${latest === LAST ? `, including ${LAST}` : ''}. ` +
      `Over those ${plural(total.played, 'match', 'matches')} it won ${num(total.won)}, drew ${num(total.drawn)} and lost ${num(total.lost)}, ` +
      `scoring ${plural(total.for, 'goal')} and conceding ${num(total.against)}.`;
    const oneWord = aliases.some((a) => !/\s/.test(a.trim()));
    entries.push({
      id: slug(title),
      name: title,
      type: 'organization',
      aliases,
      description,
      summary,
      facts: [
        {
          label: `${league.name} seasons, ${span}`,
          value: seasons.length,
          kind: 'history',
          source,
          note: ranges,
        },
        { label: `Latest ${league.name} season, ${span}`, value: latest, kind: 'history', source },
        {
          label: `${league.name} record, ${span}`,
          value: `${num(total.won)} won, ${num(total.drawn)} drawn, ${num(total.lost)} lost of ${num(total.played)}`,
          kind: 'history',
          source,
          note: `goals ${num(total.for)} for, ${num(total.against)} against`,
        },
      ],
      related: league.related ? [{ id: league.related, relation: latest === LAST ? 'plays in' : 'played in' }] : [],
      wikipedia: title.replace(/ /g, '_'),
      ...(oneWord ? { cues: [...new Set([aliasKey(title), league.cue, ...FOOTBALL_CUES])] } : {}),
      reviewed: RETRIEVED,
    });
  }
  return entries.sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
}

export function serializeEntries(entries: unknown[]): string {
  return JSON.stringify(entries, null, 2) + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (process.argv[2] === 'extract') {
    if (!process.argv[3]) throw new Error('usage: football-clubs.ts extract <clone.git>');
    extract(process.argv[3]);
    console.log(`football: extract → ${join(DIR, 'seasons.csv')}`);
  } else {
    const entries = generateClubs();
    writeFileSync(OUT, serializeEntries(entries));
    console.log(`football: ${entries.length} clubs → ${OUT}`);
  }
}

/**
 * Extract of The World Factbook as published in JSON by factbook/factbook.json (public domain;
 * the repository is CC0). Takes figures only — total population and its estimate year, total
 * area, GDP at the official exchange rate and its year, and the chief of state and head of
 * government where the entry is exactly "Title NAME (since D Month YYYY)" — never the prose. Each
 * profile is matched to an ISO 3166 code through its internet country code (".uk" is GB).
 * Writes data/sources/factbook/countries.json.
 *
 * Usage: npx tsx scripts/import/factbook.ts <path to a clone or git directory of factbook/factbook.json>
 * The commit read is pinned below; the clone must contain it.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { SOURCES, writeJson } from './lib.ts';

/** The last data update of the repository ("auto-update week 4", 2026-01-22). */
export const FACTBOOK_COMMIT = '783ed27f7a1116663c10e7b39d162d0c4500505d';
const FACTBOOK_DATE = '2026-01-22';

const repo = process.argv[2];
if (!repo) {
  console.error('usage: npx tsx scripts/import/factbook.ts <factbook.json repository>');
  process.exit(2);
}
const git = (...args: string[]) =>
  execFileSync(
    'git',
    ['--git-dir', repo.endsWith('.git') || repo.endsWith('/repo') ? repo : join(repo, '.git'), ...args],
    {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );

type Node = { text?: string } & { [k: string]: Node | string | undefined };
const text = (n: unknown): string | undefined =>
  n && typeof n === 'object' && typeof (n as Node).text === 'string' ? ((n as Node).text as string) : undefined;

const NO_ISO: Record<string, string> = { gz: 'Gaza Strip', we: 'West Bank' };

const MULT: Record<string, number> = { trillion: 1e12, billion: 1e9, million: 1e6 };

/** "68,512,806 (2025 est.)" -> { value, year }; figures without an estimate or census year are not taken. */
function figureWithYear(s: string | undefined): { value: number; year: string } | null {
  if (!s) return null;
  const m = /^\s*\$?([\d,]+(?:\.\d+)?)\s*(trillion|billion|million)?\s*\((\d{4})(?: est\.)?\)/.exec(s);
  if (!m) return null;
  const value = Number(m[1]!.replace(/,/g, '')) * (m[2] ? MULT[m[2]]! : 1);
  return { value: Math.round(value), year: m[3]! };
}

/** "643,801 sq km ; 551,500 sq km (metropolitan France)" -> 643801 (the first, total figure); "1.267 million sq km". */
function areaKm2(s: string | undefined): number | null {
  const m = s && /^\s*([\d,]+(?:\.\d+)?)\s*(million)?\s*sq km/.exec(s);
  return m ? Math.round(Number(m[1]!.replace(/,/g, '')) * (m[2] ? 1e6 : 1) * 100) / 100 : null;
}

/** Office titles as the Factbook writes them before a holder's name, longest first. */
const TITLES = [
  'Transitional President',
  'Interim President',
  'Supreme Leader',
  'Federal Chancellor',
  'Prime Minister',
  'Grand Duke',
  'Chancellor',
  'President',
  'Premier',
  'Emperor',
  'Sultan',
  'Prince',
  'Queen',
  'King',
  'Amir',
];
const MONTH_NO = 'January February March April May June July August September October November December'.split(' ');
const ENTITIES: Record<string, string> = {
  '&eacute;': 'é',
  '&aacute;': 'á',
  '&iacute;': 'í',
  '&oacute;': 'ó',
  '&uacute;': 'ú',
};

/**
 * "President Bola Ahmed Adekunle TINUBU (since 29 May 2023)" -> { title, name, since }. The
 * Factbook writes surnames in capitals; the name is kept as written (capitals included) for the
 * generators to read. Anything else (several holders, a representative, notes) is not taken.
 */
function parseOffice(raw: string | undefined): { title: string; name: string; since: string } | null {
  if (!raw) return null;
  const s = raw.replace(/&[a-z]+;/g, (e) => ENTITIES[e] ?? e).trim();
  const m = /^(.+?) \(since (\d{1,2}) ([A-Z][a-z]+) (\d{4})\)$/.exec(s);
  if (!m || /[;()<]/.test(m[1]!)) return null;
  const title = TITLES.find((t) => m[1]!.startsWith(t + ' '));
  const month = MONTH_NO.indexOf(m[3]!);
  if (!title || month < 0) return null;
  const name = m[1]!.slice(title.length + 1);
  // No surname in capitals, a rank ("Col."), or a title the list lacks ("of China", "and Foreign Minister").
  if (!/\b[A-Z][A-Z'-]+\b/.test(name) || /[,.]/.test(name) || !/^\p{Lu}/u.test(name)) return null;
  return { title, name, since: `${m[4]}-${String(month + 1).padStart(2, '0')}-${m[2]!.padStart(2, '0')}` };
}

const files = git('ls-tree', '-r', '--name-only', FACTBOOK_COMMIT)
  .split('\n')
  .filter((f) => /^[a-z-]+\/[a-z]{2}\.json$/.test(f) && !f.startsWith('meta/'));

const out: Record<string, unknown>[] = [];
for (const file of files) {
  const d = JSON.parse(git('show', `${FACTBOOK_COMMIT}:${file}`)) as Record<string, Record<string, Node>>;
  const tld = text(d.Communications?.['Internet country code']) ?? '';
  const m = /(?:^|\s)\.([a-z]{2})\b/.exec(tld); // France: "metropolitan France - .fr; French Guiana - .gf; …"
  if (!m) continue; // oceans, the world, Antarctic territories without a code
  const gec = file.slice(file.indexOf('/') + 1, -'.json'.length);
  // The Gaza Strip and the West Bank share Palestine's ".ps"; they are kept by their GEC code only.
  const iso2 = gec in NO_ISO ? null : m[1] === 'uk' ? 'GB' : m[1]!.toUpperCase();
  const pop = d['People and Society']?.Population;
  const popText = text(pop) ?? text((pop as Node | undefined)?.total);
  const areaNode = d.Geography?.Area as Node | undefined;
  const areaText = areaNode ? (text(areaNode.total) ?? text(areaNode['total '])) : undefined;
  const gdpNode = d.Economy?.['GDP (official exchange rate)'];
  const population = figureWithYear(popText);
  // The Vatican's total rounds to "0 sq km"; its land area (0.44) is the figure then.
  const area = areaKm2(areaText) || (areaNode ? areaKm2(text(areaNode.land)) : null);
  const gdp = figureWithYear(text(gdpNode));
  const exec = d.Government?.['Executive branch'];
  const chief = parseOffice(text(exec?.['chief of state']));
  const head = parseOffice(text(exec?.['head of government']));
  out.push({
    iso2,
    gec,
    file,
    name: text(d.Government?.['Country name']?.['conventional short form']) ?? null,
    population: population?.value ?? null,
    populationYear: population?.year ?? null,
    area,
    gdpUsd: gdp?.value ?? null,
    gdpYear: gdp?.year ?? null,
    chiefOfState: chief,
    headOfGovernment: head,
  });
}
const key = (r: Record<string, unknown>) => `${String(r.iso2 ?? '~')}:${String(r.gec)}`;
out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
const seen = new Set<string>();
for (const r of out) {
  if (r.iso2 === null) continue;
  if (seen.has(String(r.iso2))) throw new Error(`two Factbook profiles map to ${String(r.iso2)}`);
  seen.add(String(r.iso2));
}
writeJson(join(SOURCES, 'factbook', 'countries.json'), {
  $comment:
    'Figures from The World Factbook (public domain) in the JSON of https://github.com/factbook/factbook.json (CC0), one record per profile with an internet country code, keyed by ISO 3166 alpha-2. Population with its estimate year, total area in km², GDP at the official exchange rate in US dollars with its year, chief of state and head of government (title, name with the surname in capitals as the Factbook writes it, date in office) where the Factbook names one holder with a date. Written by scripts/import/factbook.ts; do not edit by hand.',
  dataset: 'factbook-json',
  commit: FACTBOOK_COMMIT,
  date: FACTBOOK_DATE,
  countries: out,
});
console.log(`factbook: ${out.length} profiles at ${FACTBOOK_COMMIT.slice(0, 8)}`);

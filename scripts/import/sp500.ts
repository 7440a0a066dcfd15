/**
 * Builds data/packs/world/companies-sp500.json from two committed inputs only: the S&P 500
 * constituents extract (data/sources/sp500/constituents.csv, datasets/s-and-p-500-companies,
 * ODC-PDDL) and the hand-made data/sources/sp500/curated.json (constituents already in the
 * packs, a noun phrase per GICS sub-industry, per-ticker names, titles, aliases and cues).
 * Every fact cites the registered dataset, and descriptions and summaries are written from
 * the dataset's fields alone, so re-running it reproduces the pack byte for byte
 * (tests/data/sp500-import.test.ts). Run: npx tsx scripts/import/sp500.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from '../lib/read-packs.ts';

const SOURCES = join(ROOT, 'data', 'sources', 'sp500');
export const OUT = join(ROOT, 'data', 'packs', 'world', 'companies-sp500.json');
const RETRIEVED = '2026-12-04';
const SOURCE = {
  url: 'https://github.com/datasets/s-and-p-500-companies',
  dataset: 'sp500-companies',
  retrieved: RETRIEVED,
};

interface Override {
  name?: string;
  wikipedia?: string;
  aliases?: string[];
  cues?: string[];
}
interface Curated {
  skip: Record<string, string>;
  industries: Record<string, string>;
  companies: Record<string, Override>;
}
interface Row {
  symbol: string;
  security: string;
  sector: string;
  subIndustry: string;
  headquarters: string | null;
  added: string;
  cik: string;
  founded: string;
}

const US_STATES = new Set(
  'Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Georgia Hawaii Idaho Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan Minnesota Mississippi Missouri Montana Nebraska Nevada Ohio Oklahoma Oregon Pennsylvania Tennessee Texas Utah Vermont Virginia Washington Wisconsin Wyoming D.C.'
    .split(' ')
    .concat(['New Hampshire', 'New Jersey', 'New Mexico', 'New York', 'North Carolina', 'North Dakota'])
    .concat(['Rhode Island', 'South Carolina', 'South Dakota', 'West Virginia']),
);
const MONTHS = 'January February March April May June July August September October November December'.split(' ');

/** RFC 4180 fields: quoted fields may hold commas. */
function parseCsv(text: string): string[][] {
  return text
    .trim()
    .split('\n')
    .map((line) => [...line.matchAll(/("([^"]*)"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[2] ?? m[1]!));
}

export function readRows(): Row[] {
  const [header, ...lines] = parseCsv(readFileSync(join(SOURCES, 'constituents.csv'), 'utf8'));
  if (
    header!.join(',') !== 'Symbol,Security,GICS Sector,GICS Sub-Industry,Headquarters Location,Date added,CIK,Founded'
  )
    throw new Error('constituents.csv: unexpected columns');
  return lines.map(([symbol, security, sector, subIndustry, hq, added, cik, founded]) => ({
    symbol: symbol!,
    security: security!,
    sector: sector!,
    subIndustry: subIndustry!,
    // The extract carries Wikipedia's footnote marks ("Virginia[2]") and "none" for no headquarters.
    headquarters: hq === 'none' ? null : hq!.replace(/\[\d+\]/g, ''),
    added: added!,
    cik: cik!,
    founded: founded!,
  }));
}

/** "Coca-Cola Company (The)" → "The Coca-Cola Company"; "Alphabet Inc. (Class A)" → "Alphabet Inc.". */
function cleanName(security: string): string {
  const s = security.replace(/ \(Class [A-Z]\)$/, '');
  const the = /^(.*) \(The\)$/.exec(s);
  return the ? `The ${the[1]}` : s;
}

/** The short name news uses: the name without "The" and its legal suffix ("Adobe Inc." → "Adobe"). */
function shortName(name: string): string {
  let s = name.replace(/^The /, '');
  for (let i = 0; i < 2; i++)
    s = s.replace(/,? (Inc\.|Incorporated|Corporation|Corp\.|Company|Co\.|plc|Ltd\.|Limited|Holdings|Group)$/, '');
  return s;
}

export function slug(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/&/g, ' and ')
    .replace(/['’.]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m! - 1]} ${y}`;
}

const article = (phrase: string) => (/^[aeio]|^u(?!til)/i.test(phrase) ? 'an' : 'a');

/** The founding fields: a year, a year with the predecessor's year in brackets, or free text. */
function founding(raw: string): { value: number | string; predecessor?: number } {
  if (/^\d{4}$/.test(raw)) return { value: Number(raw) };
  const m = /^(\d{4}) \((\d{4})\)$/.exec(raw);
  // The dataset's note: the first year is the present legal entity's, the bracketed one its predecessor's.
  if (m && Number(m[2]) < Number(m[1])) return { value: Number(m[1]), predecessor: Number(m[2]) };
  return { value: raw };
}

function facts(r: Row) {
  const found = founding(r.founded);
  const out: Record<string, unknown>[] = [];
  if (r.headquarters) out.push({ label: 'Headquarters', value: r.headquarters, kind: 'attribute', source: SOURCE });
  out.push({
    label: 'Founded',
    value: found.value,
    kind: 'history',
    source: SOURCE,
    ...(found.predecessor ? { note: `predecessor organisation founded in ${found.predecessor}` } : {}),
  });
  out.push({ label: 'GICS sector', value: r.sector, kind: 'attribute', source: SOURCE });
  out.push({ label: 'GICS sub-industry', value: r.subIndustry, kind: 'attribute', source: SOURCE });
  out.push({ label: 'Added to the S&P 500', value: longDate(r.added), kind: 'history', source: SOURCE });
  out.push({
    label: 'SEC Central Index Key',
    value: `CIK ${r.cik.padStart(10, '0')}`,
    kind: 'attribute',
    source: SOURCE,
  });
  return out;
}

function texts(name: string, r: Row, phrase: string) {
  const us = r.headquarters !== null && US_STATES.has(r.headquarters.split(', ').at(-1)!);
  const where = r.headquarters ? ` headquartered in ${r.headquarters}` : '';
  const lead = `${us ? 'American ' : ''}${phrase}${where}`;
  const description = lead[0]!.toUpperCase() + lead.slice(1);
  const found = founding(r.founded);
  const origin =
    typeof found.value !== 'number'
      ? ''
      : found.predecessor
        ? ` The present company dates from ${found.value}, and its predecessor from ${found.predecessor}.`
        : ` It was founded in ${found.value}.`;
  const joined =
    r.added === '1957-03-04'
      ? 'It has been a member of the S&P 500 since 4 March 1957.'
      : `It joined the S&P 500 on ${longDate(r.added)}.`;
  const summary =
    `${name} is ${article(lead)} ${lead}, one of the large US-listed companies in the S&P 500 stock index.${origin} ` +
    `The Global Industry Classification Standard places it in the ${r.sector} sector, sub-industry ${r.subIndustry}. ${joined} ` +
    `Its filings with the US Securities and Exchange Commission are listed under Central Index Key ${r.cik}.`;
  return { description, summary };
}

export function generateSp500(): Record<string, unknown>[] {
  const curated = JSON.parse(readFileSync(join(SOURCES, 'curated.json'), 'utf8')) as Curated;
  const seen = new Set<string>();
  const entries: Record<string, unknown>[] = [];
  for (const r of readRows()) {
    if (curated.skip[r.symbol] || seen.has(r.cik)) continue; // already in the packs, or a second share class
    seen.add(r.cik);
    const o = curated.companies[r.symbol] ?? {};
    const phrase = curated.industries[r.subIndustry];
    if (!phrase) throw new Error(`curated.json: no phrase for sub-industry "${r.subIndustry}"`);
    const name = o.name ?? cleanName(r.security);
    const wikipedia = o.wikipedia ?? name.replace(/ /g, '_');
    const short = shortName(name);
    const aliases = (o.aliases ?? (short !== name && !short.endsWith('&') ? [short] : [])).filter((a) => a !== name);
    const cues = o.cues ? [...new Set([name.toLowerCase(), ...o.cues])] : undefined;
    entries.push({
      id: slug(wikipedia.replace(/_/g, ' ')),
      name,
      type: 'organization',
      aliases,
      ...texts(name, r, phrase),
      facts: facts(r),
      related: [],
      wikipedia,
      ...(cues ? { cues } : {}),
      reviewed: RETRIEVED,
    });
  }
  return entries.sort((a, b) => (String(a.id) < String(b.id) ? -1 : 1));
}

export function serializeEntries(entries: unknown[]): string {
  return JSON.stringify(entries, null, 2) + '\n';
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const entries = generateSp500();
  writeFileSync(OUT, serializeEntries(entries));
  console.log(`sp500: ${entries.length} entries → ${OUT}`);
}

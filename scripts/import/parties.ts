/**
 * Builds data/packs/world/organizations-parties.json from two committed inputs: the Factbook's
 * party lists (data/sources/factbook/parties.json, written by scripts/import/factbook-parties.ts)
 * and our decisions in data/sources/factbook/parties-curated.json (which parties are the subject
 * of a popular English Wikipedia article of that title, which abbreviations to keep, leaders
 * found out of date). Facts: the country whose parties the Factbook lists it among (January
 * 2026) and its leader as the last Factbook to name leaders gave it (July 2024), each cited to
 * the Factbook's country page at that snapshot. Descriptions and summaries are written from
 * these fields by template, so re-running it reproduces the file byte for byte
 * (tests/data/parties-import.test.ts).
 *
 * Run: npx tsx scripts/import/parties.ts
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/read-packs.ts';
import { slug } from './sp500.ts';
import { displayName } from './factbook-names.ts';
import { wikipediaTitles } from '../build-kb-gazetteer.ts';

export const OUT = join(ROOT, 'data', 'packs', 'world', 'organizations-parties.json');
const SOURCES = join(ROOT, 'data', 'sources');
const RETRIEVED = '2026-12-05';
const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const monthYear = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

interface Party {
  name: string;
  abbreviations: string[];
  leaders: string | null;
}
interface Extract {
  commit: string;
  date: string;
  leadersCommit: string;
  leadersDate: string;
  countries: { gec: string; file: string; parties: Party[] }[];
}
interface Decision {
  name?: string;
  wikipedia?: string;
  aliases?: string[];
}
interface Curated {
  accept: Record<string, Decision>;
  leaderRejected: Record<string, string>;
}

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/’/g, "'")
    .toLowerCase();

/** Factbook profile code → the countries pack's entry (id and name), through the ISO code of the Factbook extract. */
function countriesByGec(): Map<string, { id: string; name: string }> {
  const fb = JSON.parse(readFileSync(join(SOURCES, 'factbook', 'countries.json'), 'utf8')) as {
    countries: { gec: string; iso2: string | null }[];
  };
  const mledoze = JSON.parse(readFileSync(join(SOURCES, 'mledoze', 'countries.json'), 'utf8')) as {
    countries: { cca2: string; name: { common: string } }[];
  };
  // Countries in any pack (Russia and the Central Asian states are in the central-asia pack).
  const pack: { id: string; name: string; type: string; aliases?: string[] }[] = [];
  for (const dir of readdirSync(join(ROOT, 'data', 'packs')))
    for (const file of readdirSync(join(ROOT, 'data', 'packs', dir)))
      if (file !== 'pack.json' && join(ROOT, 'data', 'packs', dir, file) !== OUT)
        pack.push(...(JSON.parse(readFileSync(join(ROOT, 'data', 'packs', dir, file), 'utf8')) as typeof pack));
  const byName = new Map<string, { id: string; name: string }>();
  // Taiwan is typed a place in the central-asia pack; its parties belong to it all the same.
  for (const c of pack)
    if (c.type === 'country' || c.id === 'taiwan')
      for (const n of [c.name, ...(c.aliases ?? [])]) byName.set(n, { id: c.id, name: c.name });
  const out = new Map<string, { id: string; name: string }>();
  for (const r of fb.countries) {
    const common = mledoze.countries.find((c) => c.cca2 === r.iso2)?.name.common;
    const c = common ? byName.get(common) : undefined;
    if (c) out.set(r.gec, c);
  }
  return out;
}

/** Names and Wikipedia titles of every entry in the other packs. */
function known(): Set<string> {
  const out = new Set<string>();
  for (const pack of readdirSync(join(ROOT, 'data', 'packs'))) {
    const dir = join(ROOT, 'data', 'packs', pack);
    for (const file of readdirSync(dir)) {
      if (file === 'pack.json' || join(dir, file) === OUT) continue;
      for (const e of JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        name: string;
        aliases?: string[];
        wikipedia?: string | null;
      }[]) {
        for (const n of [e.name, ...(e.aliases ?? [])]) out.add(fold(n));
        if (e.wikipedia) out.add(fold(e.wikipedia.replace(/_/g, ' ')));
      }
    }
  }
  return out;
}

/** "Alice WEIDEL and Tino CHRUPALLA" → "Alice Weidel and Tino Chrupalla". */
const leaderNames = (s: string) =>
  s
    .split(/, | and /)
    .map((n) => displayName(n.trim()))
    .join(' and ')
    .replace(/ and (?=[^]* and )/g, ', ');

export function generateParties() {
  const ex = JSON.parse(readFileSync(join(SOURCES, 'factbook', 'parties.json'), 'utf8')) as Extract;
  const curated = JSON.parse(readFileSync(join(SOURCES, 'factbook', 'parties-curated.json'), 'utf8')) as Curated;
  const titles = new Set(wikipediaTitles());
  const countries = countriesByGec();
  const have = known();
  const page = (commit: string, file: string) => `https://github.com/factbook/factbook.json/blob/${commit}/${file}`;
  const out: Record<string, unknown>[] = [];
  for (const c of ex.countries)
    for (const p of c.parties) {
      const key = `${c.gec}:${p.name}`;
      const d = curated.accept[key];
      if (!d) continue;
      const country = countries.get(c.gec);
      if (!country) throw new Error(`parties-curated.json: no country entry for ${key}`);
      const name = d.name ?? p.name.replace(/’/g, "'");
      const title = d.wikipedia ?? name;
      if (!titles.has(title.toLowerCase()))
        throw new Error(`parties-curated.json: "${title}" is not a popular Wikipedia title`);
      const aliases = (d.aliases ?? p.abbreviations).filter((a) => a !== name);
      if ([name, title, ...aliases].some((n) => have.has(fold(n)))) continue; // another pack has it
      const leader = p.leaders && !curated.leaderRejected[key] ? leaderNames(p.leaders) : null;
      if (!leader) continue; // one fact only
      const now = { url: page(ex.commit, c.file), dataset: 'factbook-json', retrieved: RETRIEVED };
      const then = { url: page(ex.leadersCommit, c.file), dataset: 'factbook-json-2024', retrieved: RETRIEVED };
      const abbr = aliases.find((a) => /^\p{Lu}[\p{Lu}\p{Ll}\d]*\p{Lu}$/u.test(a));
      const several = / and /.test(leader);
      const where = (/^(United|Netherlands|Philippines|Czech)/.test(country.name) ? 'the ' : '') + country.name;
      // Surnames are the words the Factbook writes in capitals ("LEE Jae-myung", "Jose Daniel ORTEGA Saavedra").
      const surnames = [...p.leaders!.matchAll(/(?<![\p{L}'-])\p{Lu}[\p{Lu}'-]+(?![\p{L}'-])/gu)].map((m) =>
        fold(m[0]),
      );
      out.push({
        id: slug(title),
        name,
        type: 'organization',
        aliases,
        description: `Political party in ${where}${abbr ? ` (${abbr})` : ''}`,
        summary:
          `${name}${abbr ? ` (${abbr})` : ''} is a political party in ${where}. The World Factbook lists it among ` +
          `the country's parties in its edition of ${monthYear(ex.date)}. The Factbook of ${monthYear(ex.leadersDate)}, ` +
          `the last to name party leaders, gave ${several ? 'its leaders as' : 'its leader as'} ${leader}; ` +
          `the leadership may have changed since.`,
        facts: [
          { label: 'Political party in', value: country.name, kind: 'status', asOf: ex.date, source: now },
          { label: several ? 'Leaders' : 'Leader', value: leader, kind: 'office', asOf: ex.leadersDate, source: then },
        ],
        related: [{ id: country.id, relation: 'political party in' }],
        wikipedia: title.replace(/ /g, '_'),
        cues: [...new Set([country.name.toLowerCase(), ...surnames])],
        reviewed: RETRIEVED,
      });
    }
  return out.sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
}

export const serializeEntries = (entries: unknown[]): string => JSON.stringify(entries, null, 2) + '\n';

if (import.meta.url === `file://${process.argv[1]}`) {
  const entries = generateParties();
  writeFileSync(OUT, serializeEntries(entries));
  console.log(`wrote ${entries.length} entries to ${OUT}`);
}

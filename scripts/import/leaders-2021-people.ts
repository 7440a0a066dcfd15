/**
 * Builds data/packs/world/people-leaders-2021.json: an entry for every head of state or
 * government of 2021–2022 in data/sources/wikidata/world-leaders-2021.csv (Wikidata via
 * every-politician-scrapers/world-leaders-2021, CC0) whom no other pack has and whose English
 * Wikipedia article the dataset names. The office and its years are cited to the holder's
 * Wikidata item; whether the person still holds it is read from the newest office facts the
 * packs have (the countries pack: The World Factbook of January 2026, the world-leaders-current
 * snapshot of August 2026, offices checked in 2026 news) and from the offices checked by hand in
 * data/sources/wikidata/leaders-2021-checked.json (the newer of the two). When someone else holds
 * it there, the entry says "former" and names that holder with that source and date; when nothing
 * newer is known the office is given only "as of" the table's date. Descriptions and summaries
 * are written from these fields by template, so re-running it reproduces the file byte for byte
 * (tests/data/leaders-2021-import.test.ts).
 *
 * Run: npx tsx scripts/import/leaders-2021-people.ts
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../lib/read-packs.ts';
import { readCsvObjects } from './lib.ts';
import { slug } from './sp500.ts';
import { checkedOffices, newestOffices, population, readCountries, type NewestOffice } from './newest-offices.ts';
import { wikipediaTitles } from '../build-kb-gazetteer.ts';

export const OUT = join(ROOT, 'data', 'packs', 'world', 'people-leaders-2021.json');
export const EXTRACT = join(ROOT, 'data', 'sources', 'wikidata', 'world-leaders-2021.csv');
const DATASET = 'wikidata-world-leaders';
/** The day of the table's last automated update. */
export const TABLE_DATE = '2022-10-10';
const RETRIEVED = '2026-12-05';
const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const monthYear = (iso: string) => `${MONTHS[Number(iso.slice(5, 7)) - 1]} ${iso.slice(0, 4)}`;

export interface Row {
  countryid: string;
  country: string;
  position: string;
  positionLabel: string;
  officeholder: string;
  officeholderLabel: string;
  wikipedia: string;
  start_year: string;
  end_year: string;
}

/** The name without accents: "Aleksandar Vučić" → "Aleksandar Vucic". */
const plain = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/Đ/g, 'D')
    .replace(/đ/g, 'd')
    .replace(/ı/g, 'i')
    .replace(/Ø/g, 'O')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/ł/g, 'l')
    .normalize('NFC');
export const fold = (s: string) => plain(s).toLowerCase();

const PARTICLES = new Set([
  'bin',
  'ibn',
  'al',
  'el',
  'de',
  'da',
  'do',
  'dos',
  'del',
  'van',
  'von',
  'der',
  'la',
  'le',
  'y',
  'e',
]);
/**
 * A name's words as consonant skeletons, so that transliterations meet ("Mohammed"/"Muhammad",
 * "Maktoum"/"Maktum", "Jaber"/"Jabir"); particles and disambiguators are left out, regnal
 * numbers kept as they are.
 */
const keys = (name: string) =>
  fold(name)
    .replace(/\([^)]*\)/g, ' ')
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1 && !PARTICLES.has(w))
    .map((w) => (/^[ivxl]+$/.test(w) ? w : w.replace(/[aeiouyw]/g, '').replace(/(.)\1+/g, '$1')));

/**
 * Whether two spellings name the same person: every word of the shorter name is in the longer
 * one. Shared family names and patronymics alone never do ("Nawaf al-Ahmad al-Jaber al-Sabah" is
 * not "Mishal al-Ahmad al-Jabir al-Sabah"; "Ahmad Nawaf al-Ahmad al-Sabah" is not "Ahmad Abdallah
 * al-Ahmad al-Sabah").
 */
export function sameName(a: string, b: string): boolean {
  const [short, long] = [keys(a), keys(b)].sort((x, y) => x.length - y.length) as [string[], string[]];
  // A one-letter skeleton ("Isa", "Ali") is too weak to tell anything, present or missing.
  const strong = short.filter((w) => w.length > 1);
  return strong.length > 0 && strong.every((w) => long.includes(w));
}

/** What kind of office a title names, so a 2021 office can be matched to a 2026 fact about it. */
function titleClass(title: string): string | null {
  const t = title.toLowerCase().replace(/^(acting|interim|transitional) /, '');
  if (
    /^(monarch|king|queen|emperor|emir|amir|sultan|grand duke|prince|druk gyalpo|ngwenyama|yang di-pertuan agong)$/.test(
      t,
    )
  )
    return 'monarch';
  if (/^(president|chairman of the presidential council)$/.test(t)) return 'president';
  if (/^(prime minister|premier|chancellor|federal chancellor|taoiseach)$/.test(t)) return 'head of government';
  if (t === 'supreme leader') return 'supreme leader';
  return null;
}

/** Misspelt office labels in the table. */
const LABEL_FIXES: Record<string, string> = { 'Prince of Lichtenstein': 'Prince of Liechtenstein' };
/** "monarch of the United Kingdom" → "Monarch of the United Kingdom"; the title is the part before " of ". */
const officeName = (label: string) => {
  const l = label[0]!.toUpperCase() + label.slice(1);
  return LABEL_FIXES[l] ?? l;
};
const officeTitle = (label: string) => officeName(label).replace(/ of .*$/, '');

/** The 2021 table's countries under the names the countries pack uses. */
const COUNTRY_NAMES: Record<string, string> = {
  "People's Republic of China": 'China',
  'Kingdom of Denmark': 'Denmark',
  'Kingdom of the Netherlands': 'Netherlands',
  'Republic of Ireland': 'Ireland',
  'The Bahamas': 'Bahamas',
  'The Gambia': 'Gambia',
  'United States of America': 'United States',
  'State of Palestine': 'Palestine',
  'Federated States of Micronesia': 'Micronesia',
};

/**
 * The extract's rows, with a person's consecutive rows for the same office (a re-election
 * recorded as a new term) merged into one term from the first start to the last end.
 */
export function readRows(): Row[] {
  const merged = new Map<string, Row>();
  for (const r of readCsvObjects(readFileSync(EXTRACT, 'utf8')) as unknown as Row[]) {
    const key = `${r.officeholder}:${r.position}`;
    const had = merged.get(key);
    if (!had) merged.set(key, { ...r });
    else {
      had.start_year = had.start_year < r.start_year ? had.start_year : r.start_year;
      had.end_year = !had.end_year || !r.end_year ? '' : had.end_year > r.end_year ? had.end_year : r.end_year;
    }
  }
  return [...merged.values()];
}

/** Names, Wikipedia titles and Wikidata items of every entry in the other packs. */
function knownEntries() {
  const names = new Set<string>();
  const titles = new Set<string>();
  const items = new Set<string>();
  for (const pack of readdirSync(join(ROOT, 'data', 'packs'))) {
    const dir = join(ROOT, 'data', 'packs', pack);
    for (const file of readdirSync(dir)) {
      if (file === 'pack.json' || !file.endsWith('.json') || join(dir, file) === OUT) continue;
      for (const e of JSON.parse(readFileSync(join(dir, file), 'utf8')) as {
        name: string;
        aliases?: string[];
        wikipedia?: string | null;
        wikidata?: string;
      }[]) {
        for (const n of [e.name, ...(e.aliases ?? [])]) names.add(fold(n));
        if (e.wikipedia) titles.add(fold(e.wikipedia.replace(/_/g, ' ')));
        if (e.wikidata) items.add(e.wikidata);
      }
    }
  }
  return { names, titles, items };
}

/** One term of office with what the newest source says about it. */
export interface Term {
  row: Row;
  countryId: string | undefined;
  /** The countries pack's name for the country, or the table's. */
  country: string;
  population: number;
  office: string;
  /** The newest fact about the same office, if the packs have one. */
  newest: NewestOffice | undefined;
  /** Whether that fact names this person. */
  holds: boolean;
}

function terms(rows: Row[]): Term[] {
  const countries = readCountries().filter((c) => c.type === 'country');
  const byName = new Map<string, (typeof countries)[number]>();
  for (const c of countries) for (const n of [c.name, ...(c.aliases ?? [])]) byName.set(fold(n), c);
  const newest = newestOffices(TABLE_DATE);
  const checked = checkedOffices();
  return rows.map((row) => {
    const c = byName.get(fold(COUNTRY_NAMES[row.country] ?? row.country));
    const countryId = c?.id;
    const office = officeName(row.positionLabel);
    const cls = titleClass(officeTitle(row.positionLabel));
    const facts = newest.filter((o) => o.countryId === countryId && cls && titleClass(o.title) === cls);
    const fact =
      facts.find((o) => sameName(o.holder, row.officeholderLabel) || sameName(o.holder, row.wikipedia)) ?? facts[0];
    let holds = !!fact && (sameName(fact.holder, row.officeholderLabel) || sameName(fact.holder, row.wikipedia));
    // A hand-checked office of this person, when newer than the countries pack's fact, settles it:
    // its page says in so many words whether the person still held the office.
    const check = checked.find((o) => o.person === row.officeholder && o.office === office);
    const newer = check && (!fact || check.asOf > fact.asOf) ? check : undefined;
    if (newer) holds = newer.holds;
    return {
      row,
      countryId,
      country: c?.name ?? row.country,
      population: c ? population(c) : 0,
      office,
      newest: newer ?? fact,
      holds,
    };
  });
}

const item = (q: string) => ({ url: `https://www.wikidata.org/wiki/${q}`, dataset: DATASET, retrieved: RETRIEVED });
const cite = (o: NewestOffice) => o.source;
const publisher = (o: NewestOffice) =>
  o.source.dataset === 'factbook-json'
    ? 'The World Factbook'
    : o.source.dataset === 'world-leaders-current'
      ? 'Wikidata (world-leaders-current snapshot)'
      : (o.source.publisher ?? 'a news report');

function years(r: Row): string {
  return r.end_year
    ? r.end_year === r.start_year
      ? `in ${r.start_year}`
      : `${r.start_year}–${r.end_year}`
    : `from ${r.start_year}`;
}

/** The facts of one term: the office and its years, and what the newest source says. */
function termFacts(t: Term): Record<string, unknown>[] {
  const r = t.row;
  const src = item(r.officeholder);
  const n = t.newest;
  if (n && t.holds)
    return [
      {
        label: 'Office',
        value: t.office,
        kind: 'office',
        asOf: n.asOf,
        source: cite(n),
        ...(n.note ? { note: n.note } : {}),
      },
      r.end_year
        ? { label: 'Earlier term', value: t.office, kind: 'history', source: src, note: years(r) }
        : { label: 'Term began', value: Number(r.start_year), kind: 'history', source: src, note: t.office },
    ];
  const out: Record<string, unknown>[] = [];
  if (r.end_year || n)
    out.push({ label: 'Former office', value: t.office, kind: 'history', source: src, note: years(r) });
  else
    out.push(
      {
        label: 'Office',
        value: t.office,
        kind: 'office',
        asOf: TABLE_DATE,
        source: src,
        note: `since ${r.start_year}`,
      },
      { label: 'Term began', value: Number(r.start_year), kind: 'history', source: src, note: t.office },
    );
  if (n)
    out.push({
      label: 'Office now held by',
      value: n.holder,
      kind: 'office',
      asOf: n.asOf,
      source: cite(n),
      note: n.checked && n.note ? `${t.office}; ${n.note}` : t.office,
    });
  else if (r.end_year)
    out.push({ label: 'Term ended', value: Number(r.end_year), kind: 'history', source: src, note: t.office });
  return out;
}

const current = (t: Term) => t.holds || (!t.row.end_year && !t.newest);

/** How the person relates to a country: a leader there now, formerly, or as of the table's date. */
function relation(ts: Term[]): string {
  if (ts.some((t) => t.holds)) return 'leader of';
  if (ts.some(current)) return `leader of (as of ${TABLE_DATE.slice(0, 4)})`;
  return 'former leader of';
}

function describe(name: string, ts: Term[]) {
  const [main] = ts;
  const r = main!.row;
  const n = main!.newest;
  let description: string;
  if (main!.holds) {
    // Since the newest source's year, or the table's if earlier (the source counting from a re-election).
    // A holder who left the office and came back counts from the return.
    const since =
      n!.sinceYear && (r.end_year || n!.sinceYear < r.start_year || n!.returned) ? n!.sinceYear : r.start_year;
    description = `${main!.office} since ${since} (in office as of ${monthYear(n!.asOf)})`;
  } else if (current(main!))
    description = `${main!.office} from ${r.start_year} (in office as of ${monthYear(TABLE_DATE)}; may have changed)`;
  else
    description = `Former ${main!.office} (${r.end_year ? years(r).replace(/^in /, '') : `took office in ${r.start_year}`})`;
  const sentences = ts.map((t): [string, string] => {
    const rr = t.row;
    const held = rr.end_year
      ? `held the office of ${t.office} ${years(rr)}`
      : `took office as ${t.office} in ${rr.start_year} and held it when Wikidata's table was made in ${monthYear(TABLE_DATE)}`;
    const now = !t.newest
      ? ' No later source Backstory uses names the holder of this office, so it may have changed since.'
      : t.holds && t.newest.checked
        ? // A news or official page reports the office, where a dataset lists it.
          ` ${name} ${t.newest.returned ? 'held the office again' : 'still held the office'} as of ${monthYear(t.newest.asOf)}, according to ${publisher(t.newest)}.`
        : t.holds
          ? ` ${publisher(t.newest)} still lists ${name} in that office as of ${monthYear(t.newest.asOf)}.`
          : ` By ${monthYear(t.newest.asOf)} the office was held by ${t.newest.holder}, according to ${publisher(t.newest)}.`;
    return [`${name} ${held}.`, now];
  });
  // Realms that passed to the same successor on the same date say so once.
  const summary = sentences
    .map(([held, now], i) => {
      if (i + 1 < sentences.length && sentences[i + 1]![1] === now) return held;
      const shared = i > 0 && sentences[i - 1]![1] === now;
      return held + (shared ? now.replace('the office was', 'these offices were') : now);
    })
    .join(' ');
  const basis = `The office and its years are from Wikidata's table of heads of state and government of ${monthYear(TABLE_DATE)}.`;
  return { description, summary: `${summary} ${basis}` };
}

export function generateLeaders2021() {
  const known = knownEntries();
  const popular = new Set(wikipediaTitles());
  const byPerson = new Map<string, Term[]>();
  for (const t of terms(readRows())) {
    // Captains Regent serve six months from 1 April or 1 October; an open term in the table of
    // 10 October 2022 may already have ended, so only their finished terms are used.
    if (/^Captain Regent/.test(t.row.positionLabel) && !t.row.end_year) continue;
    const list = byPerson.get(t.row.officeholder) ?? [];
    list.push(t);
    byPerson.set(t.row.officeholder, list);
  }
  const out: Record<string, unknown>[] = [];
  for (const [q, list] of byPerson) {
    const r = list[0]!.row;
    // The article the dataset's Wikipedia list links to, or the label when it is itself a popular title.
    const title = r.wikipedia || (popular.has(r.officeholderLabel.toLowerCase()) ? r.officeholderLabel : '');
    if (!title) continue;
    const name = title.replace(/ \([^)]*\)$/, '');
    const forms = [name, r.officeholderLabel].filter((f) => !/"/.test(f));
    if (known.items.has(q) || known.titles.has(fold(title)) || forms.some((f) => known.names.has(fold(f)))) continue;
    // Offices still held first, then the longest held; at most three terms are given.
    const ts = [...list]
      .sort(
        (a, b) =>
          Number(current(b)) - Number(current(a)) ||
          Number(a.row.start_year) - Number(b.row.start_year) ||
          b.population - a.population ||
          (a.office < b.office ? -1 : 1),
      )
      .slice(0, 3);
    // The other spelling of the dataset, and the name without accents ("Aleksandar Vucic").
    const aliases = [...new Set([...forms, ...forms.map(plain)])].filter((a) => a !== name);
    const countries = [...new Set(ts.map((t) => t.countryId).filter((c): c is string => !!c))];
    const facts = ts.flatMap(termFacts);
    out.push({
      id: slug(name),
      name,
      type: 'person',
      aliases,
      ...describe(name, ts),
      facts,
      related: countries.map((id) => ({ id, relation: relation(ts.filter((t) => t.countryId === id)) })),
      wikipedia: title.replace(/ /g, '_'),
      wikidata: q,
      cues: [
        ...new Set(
          ts.flatMap((t) => [
            t.country.toLowerCase(),
            ...officeTitle(t.row.positionLabel)
              .toLowerCase()
              .split(/\W+/)
              .filter((w) => w.length > 2),
          ]),
        ),
      ],
      reviewed: RETRIEVED,
    });
  }
  return out.sort((a, b) => (String(a.id) < String(b.id) ? -1 : String(a.id) > String(b.id) ? 1 : 0));
}

export const serializeEntries = (entries: unknown[]): string => JSON.stringify(entries, null, 2) + '\n';

if (import.meta.url === `file://${process.argv[1]}`) {
  const entries = generateLeaders2021();
  writeFileSync(OUT, serializeEntries(entries));
  console.log(`wrote ${entries.length} entries to ${OUT}`);
}

/**
 * One country entry from its data: the facts (each with its citation) and the description and
 * summary written from them by template, in our own words. Used by scripts/gen-countries.ts.
 */
import type { EntryInput, FactInput } from '../../lib/kb/schema.ts';

type Source = Exclude<FactInput['source'], string>;

/** A record of data/sources/mledoze/countries.json. */
export interface Country {
  cca2: string;
  cca3: string;
  name: { common: string; official: string };
  unMember: boolean;
  capital: string[];
  altSpellings: string[];
  region: string;
  subregion: string;
  languages: Record<string, string>;
  currencies: Record<string, string>;
  landlocked: boolean;
  borders: string[];
  area: number;
  demonyms: { f: string; m: string } | null;
}

export interface CountryText {
  wikipediaTitle: Record<string, string>;
  displayName: Record<string, string>;
  extraAliases: Record<string, string[]>;
  aliasBlock: Set<string>;
  territoryOf: Record<string, { id: string; name: string; relation: string }>;
  statusLine: Record<string, string>;
  takesThe: Set<string>;
  seaIslandSubregions: Set<string>;
  islandsWithoutLandBorder: Set<string>;
  unObservers: Set<string>;
  memberships: {
    eu: Record<string, string>;
    nato: Record<string, string>;
    asean: Record<string, string>;
    au: Set<string>;
  };
}

export interface CountryData {
  area: { value: number; source: Source } | null;
  population: { value: number; year: string; source: Source } | null;
  gdp: { value: number; year: string; source: Source } | null;
  mledoze: Source;
  offices: FactInput[];
}

interface MembershipSources {
  memberships: {
    eu: { source: Source };
    nato: { source: Source; sourceByCountry: Record<string, Source> };
    asean: { source: Source };
  };
  cues: Record<string, { cues: string[]; prior?: number }>;
}

const REVIEWED = '2026-12-04';

export function slug(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'`]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A bare year is a number in a fact ("1949" -> 1949); a full date stays a date string. */
const asYear = (v: string): string | number => (/^\d{4}$/.test(v) ? Number(v) : v);

function hash(s: string): number {
  let h = 0;
  for (const ch of s) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h;
}
const pick = <T>(id: string, salt: string, options: T[]): T => options[hash(id + salt) % options.length]!;
function listWords(xs: string[]): string {
  if (xs.length <= 1) return xs.join('');
  return `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;
}
function areaText(a: number): string {
  if (a < 10) return `${a}`;
  return Math.round(a).toLocaleString('en-GB');
}
function popText(p: number): string {
  if (p >= 1e9) return `${(p / 1e9).toFixed(2)} billion`;
  if (p >= 1e6) return `${(p / 1e6).toFixed(p >= 1e7 ? 0 : 1)} million`;
  if (p >= 1e4) return `${Math.round(p / 1000).toLocaleString('en-GB')},000`;
  return p.toLocaleString('en-GB');
}
function wherePhrase(c: Country): string {
  const sub = c.subregion;
  if (!sub) return c.region === 'Antarctic' ? 'the Antarctic region' : c.region;
  if (sub === 'Caribbean') return 'the Caribbean';
  if (sub === 'Australia and New Zealand') return 'Oceania';
  if (['Melanesia', 'Micronesia', 'Polynesia'].includes(sub)) return `${sub} in the Pacific`;
  if (sub === 'South-Eastern Asia') return 'Southeast Asia';
  return sub;
}
function latinOnly(s: string): boolean {
  for (const ch of s) if (/\p{L}/u.test(ch) && !/\p{Script=Latin}/u.test(ch)) return false;
  return true;
}

function aliasesFor(c: Country, name: string, t: CountryText): string[] {
  const demonyms = new Set([c.demonyms?.f, c.demonyms?.m].filter((d): d is string => !!d).map((d) => d.toLowerCase()));
  const out: string[] = [];
  const seen = new Set([name.toLowerCase()]);
  const push = (a: string) => {
    const k = a.toLowerCase();
    if (seen.has(k)) return;
    seen.add(k);
    out.push(a);
  };
  for (const a of t.extraAliases[c.cca2] ?? []) push(a);
  for (const a of [c.name.common, c.name.official, ...c.altSpellings]) {
    if (a.length <= 2) continue; // ISO codes
    if (a.includes(',')) continue; // inverted ISO list forms ("Congo, the Democratic Republic of the")
    if (!latinOnly(a)) continue;
    if (/[ʁɛɔɡʾ]/u.test(a)) continue; // phonetic transcriptions
    if (/^\p{Ll}/u.test(a)) continue; // lower-case transliterations ("al-...", "aṣ-Ṣūmāl")
    if (demonyms.has(a.toLowerCase())) continue;
    if (t.aliasBlock.has(a.toLowerCase())) continue;
    push(a);
  }
  return out.slice(0, 40);
}

export function describeCountry(
  c: Country,
  all: Country[],
  t: CountryText,
  d: CountryData,
  m: MembershipSources,
): EntryInput {
  const idOf = (x: Country) => slug(t.wikipediaTitle[x.cca2] ?? x.name.common);
  const nameOf = (x: Country) => t.displayName[x.cca2] ?? x.name.common;
  const textName = (x: Country, start = false) => {
    const n = nameOf(x);
    return t.takesThe.has(x.cca2) ? `${start ? 'The' : 'the'} ${n}` : n;
  };
  // Kosovo's code in the dataset's border lists is UNK.
  const byBorderCode = (code: string) => all.find((x) => x.cca3 === code || (code === 'UNK' && x.cca2 === 'XK'));
  const { eu, nato, asean, au } = t.memberships;
  const id = idOf(c);
  const name = nameOf(c);
  const isUn = c.unMember && !t.unObservers.has(c.cca2);
  const sovereign = isUn || t.unObservers.has(c.cca2) || c.cca2 === 'XK';
  const terr = t.territoryOf[c.cca2];
  const where = wherePhrase(c);
  const capital = c.cca2 === 'HK' ? [] : c.capital.filter(Boolean); // HK: "City of Victoria" is not a capital
  const pop = d.population;
  const neighbours = c.borders.map(byBorderCode).filter((x): x is Country => !!x);
  const neighbourNames = neighbours.map((n) => (n.cca2 === 'PS' ? 'Palestine' : textName(n)));
  const Name = textName(c, true);
  const nameMid = textName(c);

  // ---- facts
  const facts: FactInput[] = [];
  if (c.name.official && c.name.official !== name)
    facts.push({ label: 'Official name', value: c.name.official, kind: 'attribute', source: d.mledoze });
  if (capital.length)
    facts.push({
      label: capital.length > 1 ? 'Capitals' : sovereign ? 'Capital' : 'Capital or main town',
      value: capital.join('; '),
      kind: 'attribute',
      source: d.mledoze,
      ...(c.cca2 === 'PS' ? { note: 'administrative seat; Palestine claims East Jerusalem as its capital' } : {}),
    });
  if (d.area) facts.push({ label: 'Area', value: d.area.value, unit: 'km²', kind: 'measure', source: d.area.source });
  if (pop)
    facts.push({
      label: 'Population',
      value: pop.value,
      unit: 'people',
      kind: 'population',
      asOf: pop.year,
      source: pop.source,
      note: `${pop.year} estimate of The World Factbook`,
    });
  if (d.gdp && sovereign)
    facts.push({
      label: 'GDP (official exchange rate)',
      value: d.gdp.value,
      unit: 'US dollars',
      kind: 'economy',
      asOf: d.gdp.year,
      source: d.gdp.source,
      note: `${d.gdp.year} estimate of The World Factbook`,
    });
  if (eu[c.cca2])
    facts.push({
      label: 'Joined the European Union',
      value: eu[c.cca2]!,
      kind: 'history',
      source: m.memberships.eu.source,
      ...(c.cca2 === 'DE'
        ? { note: 'as West Germany; the former East German states joined with reunification in 1990' }
        : {}),
    });
  if (nato[c.cca2])
    facts.push({
      label: 'Joined NATO',
      value: asYear(nato[c.cca2]!),
      kind: 'history',
      source: m.memberships.nato.sourceByCountry[c.cca2] ?? m.memberships.nato.source,
      ...(nato[c.cca2] === '1949' ? { note: 'founding member' } : {}),
    });
  if (asean[c.cca2])
    facts.push({
      label: 'Joined ASEAN',
      value: asYear(asean[c.cca2]!),
      kind: 'history',
      source: m.memberships.asean.source,
      ...(asean[c.cca2] === '1967' ? { note: 'founding member' } : {}),
    });
  facts.push(...d.offices);
  if (facts.length < 6 && c.region)
    facts.push({
      label: 'Region',
      value: c.subregion ? `${c.subregion} (${c.region})` : c.region,
      kind: 'attribute',
      source: d.mledoze,
    });

  // ---- related
  const related: EntryInput['related'] = neighbours.map((n) => ({ id: idOf(n), relation: 'neighbour of' }));
  if (isUn) related.push({ id: 'united-nations', relation: 'member of' });
  if (t.unObservers.has(c.cca2)) related.push({ id: 'united-nations', relation: 'observer state of' });
  if (eu[c.cca2]) related.push({ id: 'european-union', relation: 'member of' });
  if (nato[c.cca2]) related.push({ id: 'nato', relation: 'member of' });
  if (asean[c.cca2]) related.push({ id: 'association-of-southeast-asian-nations', relation: 'member of' });
  if (au.has(c.cca2)) related.push({ id: 'african-union', relation: 'member of' });
  if (terr) related.push({ id: terr.id, relation: terr.relation });
  if (c.cca2 === 'PS')
    related.push({ id: 'west-bank', relation: 'includes' }, { id: 'gaza-strip', relation: 'includes' });

  // ---- description
  let description = `${sovereign ? 'Country' : 'Territory'} in ${where}`;
  if (terr) description = `${terr.relation[0]!.toUpperCase()}${terr.relation.slice(1)} ${terr.name} in ${where}`;
  if (c.cca2 === 'XK')
    description = 'Partially recognised state in Southeast Europe that declared independence from Serbia in 2008';
  if (c.cca2 === 'EH')
    description =
      'Disputed territory in North Africa, largely controlled by Morocco and claimed by the Sahrawi Republic';
  if (c.cca2 === 'PS') description = 'UN observer state in Western Asia comprising the West Bank and the Gaza Strip';
  if (c.cca2 === 'VA') description = 'City-state enclave in Rome, seat of the Holy See and the Catholic Church';
  if (c.cca2 === 'GE')
    description = 'Country in the South Caucasus on the Black Sea, formerly part of the Soviet Union';
  if (capital.length && c.cca2 !== 'VA')
    description += `; ${sovereign ? (capital.length > 1 ? 'capitals' : 'capital') : capital.length > 1 ? 'main towns' : 'main town'} ${listWords(capital)}`;
  if (description.length > 199) description = description.slice(0, 196) + '...';

  // ---- summary
  const s: string[] = [];
  const cap = listWords(capital);
  if (t.statusLine[c.cca2]) {
    s.push(t.statusLine[c.cca2]!);
    if (cap && c.cca2 !== 'VA') s.push(`Its administrative centre is ${cap}.`);
  } else if (sovereign) {
    s.push(
      pick(id, 'intro', [
        `${Name} is a sovereign country in ${where}${cap ? `, governed from ${cap}` : ''}.`,
        `${Name}${cap ? `, whose ${capital.length > 1 ? 'capitals are' : 'capital is'} ${cap},` : ''} is an independent state in ${where}.`,
        `Located in ${where}, ${nameMid} is a sovereign state${cap ? ` with ${capital.length > 1 ? 'capitals at' : 'its capital at'} ${cap}` : ''}.`,
      ]),
    );
  } else if (terr) {
    const what = terr.relation.replace(/ of$| with$/, '');
    const article = terr.relation.startsWith('in ') ? '' : /^[aeiou]/i.test(what) ? 'an ' : 'a ';
    s.push(
      `${Name} is ${article}${what} ${terr.relation.endsWith('with') ? 'with' : 'of'} ${terr.name}, located in ${where}${cap ? `; its chief ${capital.length > 1 ? 'towns are' : 'town is'} ${cap}` : ''}.`,
    );
  } else {
    s.push(`${Name} is a non-sovereign territory in ${where}${cap ? ` whose main town is ${cap}` : ''}.`);
  }
  const areaS = d.area ? areaText(d.area.value) : '';
  if (areaS && pop) {
    s.push(
      pick(id, 'size', [
        `It covers about ${areaS} km² and had an estimated ${popText(pop.value)} inhabitants in ${pop.year}.`,
        `Its ${areaS} square kilometres were home to roughly ${popText(pop.value)} people in ${pop.year}.`,
        `With an area of ${areaS} km², it counted some ${popText(pop.value)} residents according to ${pop.year} estimates.`,
      ]),
    );
  } else if (areaS) s.push(`It covers about ${areaS} km².`);
  else if (pop) s.push(`It had about ${popText(pop.value)} inhabitants in ${pop.year}.`);
  if (neighbourNames.length) {
    s.push(
      pick(id, 'borders', [
        `It shares land borders with ${listWords(neighbourNames)}.`,
        `Its land neighbours are ${listWords(neighbourNames)}.`,
        `On land it borders ${listWords(neighbourNames)}.`,
      ]),
    );
  } else if (
    t.seaIslandSubregions.has(c.subregion) ||
    c.region === 'Oceania' ||
    t.islandsWithoutLandBorder.has(c.cca2)
  ) {
    s.push(
      pick(id, 'island', [
        'It has no land border with another country.',
        'It is surrounded by sea and has no land neighbours.',
      ]),
    );
  }
  if (c.landlocked) s.push(pick(id, 'land', ['It is landlocked.', 'It has no sea coast.']));
  const langs = Object.values(c.languages ?? {}).slice(0, 3);
  if (langs.length)
    s.push(
      pick(id, 'lang', [
        `${langs.length > 1 ? 'Its official languages include' : 'Its official language is'} ${listWords(langs)}.`,
        `${listWords(langs)} ${langs.length > 1 ? 'are among its official languages' : 'is the official language'}.`,
      ]),
    );
  const curr = Object.values(c.currencies ?? {})
    .map((x) => x.replace(/^Euro$/, 'euro'))
    .slice(0, 2);
  if (curr.length === 1)
    s.push(
      pick(id, 'cur', [
        `The currency in use is the ${curr[0]}.`,
        `Its currency is the ${curr[0]}.`,
        `It uses the ${curr[0]}.`,
      ]),
    );
  else if (curr.length > 1) s.push(`Currencies in use include the ${curr.join(' and the ')}.`);
  const orgs: string[] = [];
  if (eu[c.cca2]) orgs.push(`the European Union (since ${eu[c.cca2]!.slice(0, 4)})`);
  if (nato[c.cca2])
    orgs.push(`NATO (${nato[c.cca2] === '1949' ? 'a founding member' : `since ${nato[c.cca2]!.slice(0, 4)}`})`);
  if (asean[c.cca2])
    orgs.push(`ASEAN (${asean[c.cca2] === '1967' ? 'a founding member' : `since ${asean[c.cca2]!.slice(0, 4)}`})`);
  if (au.has(c.cca2)) orgs.push('the African Union');
  if (isUn)
    s.push(
      orgs.length
        ? `Besides the United Nations, it belongs to ${listWords(orgs)}.`
        : 'It is a member of the United Nations.',
    );
  else if (orgs.length) s.push(`It belongs to ${listWords(orgs)}.`);
  let summary = s.join(' ');
  const words = () => summary.split(/\s+/).length;
  if (words() < 40 && c.name.official && c.name.official !== name)
    summary += ` Its official name is ${c.name.official}.`;
  if (words() < 40 && c.region)
    summary += ` Reference datasets group it with ${c.subregion || c.region}${c.subregion ? `, part of ${c.region}` : ''}.`;

  const cue = m.cues[c.cca2];
  return {
    id,
    name,
    type: sovereign ? 'country' : 'place',
    aliases: aliasesFor(c, name, t),
    description,
    summary,
    facts: facts.slice(0, 12),
    related,
    wikipedia: t.wikipediaTitle[c.cca2] ?? c.name.common.replace(/ /g, '_'),
    ...(cue ? { cues: cue.cues, ...(cue.prior !== undefined ? { prior: cue.prior } : {}) } : {}),
    reviewed: REVIEWED,
  };
}

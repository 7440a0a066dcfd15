/**
 * Generates data/packs/world/countries.json: one entry for every UN member state, the two
 * UN observer states (Holy See / Vatican City, State of Palestine) and the dependent or
 * disputed territories that turn up in the news.
 *
 * Usage: npx tsx scripts/gen-countries.ts
 *
 * WHERE THE DATA COMES FROM (and its licence)
 * - Names, official names, alternative spellings, capital, region/subregion, area, UN
 *   membership flag, land borders, languages, currencies, landlocked flag: the npm package
 *   `world-countries` 5.1.0 (node_modules/world-countries, published 2025-06-03), whose data
 *   is https://github.com/mledoze/countries — Open Database License (ODbL 1.0). Facts taken
 *   from it cite that URL with asOf "2025-06". The package marks Vatican City as a UN member;
 *   that is overridden here (the Holy See is a non-member observer state).
 * - Population (2022 estimates): the "2022 Population" column of the World Population Dataset
 *   CSV as copied in https://github.com/AdiVip1516/World-Population-EDA (world_population.csv,
 *   commit 67f6615b). The figures are embedded below (POPULATION_2022) so the script needs no
 *   network. Note: that CSV labels the Northern Mariana Islands row "NFK"; it is keyed MNP here.
 *   Licence of the dataset: as published on Kaggle (figures only, facts are not copyrightable).
 * - EU membership and accession dates: the EU's own page
 *   https://europa.eu/european-union/about-eu/countries_en?country=ES (27 countries, year of entry).
 * - NATO members and accession years: https://askvity.info/nato-membership/who-is-in-nato-in-2024
 *   (32 members incl. Finland 2023 and Sweden 2024).
 * - ASEAN members and accession years, Timor-Leste admitted 26 October 2025:
 *   https://ianslive.in/timor-leste-becomes-11th-member-of-asean--20251026134029
 * - African Union members (55 incl. the Sahrawi Republic):
 *   https://vi0.me/wiki/African_Union?lang=simple (mirror of Simple English Wikipedia).
 * - Kosovo's population (missing from that dataset): 2024 census results as reported at
 *   https://naslovi.net/2024-12-19/slobodna-evropa/na-kosovu-1-58-miliona-registrovanih-stanovnika-za-sever-uradjena-procena/38582606
 * - Hand-written entries at the bottom (gaza-strip, west-bank, northern-cyprus, georgia-us-state)
 *   cite, fact by fact, the pages they were checked against (SRC_* constants there).
 * - Which state a territory belongs to (TERRITORY_OF) and the status lines for Kosovo, Western
 *   Sahara, Palestine and Vatican City are written here in own words; they carry no figures.
 * - Heads of state and government (facts "Head of state", "Head of government", or "Head of
 *   state and government" where one person holds both), see LEADERS_A / LEADERS_B below:
 *   (A) for the ASEAN and G20 countries, the tables of
 *   https://github.com/open-data-archive/world-leaders-current (data/by-region/{asean,g20}/leaders.csv,
 *   commit 134caa0a, built from Wikidata/Wikipedia, CC BY-SA 4.0), asOf "2026-04";
 *   (B) elsewhere, a Wikidata query result of 2025-08-11
 *   (https://github.com/tohsiying/country_capital_game, leaders_197.json, commit 81cd5bd7), used
 *   only where a 2026 copy of Wikipedia's "List of current heads of state and government"
 *   (https://github.com/cassidywaldrip/nio_keywords, heads_of_state.csv, commit 03258363) names the
 *   same person; asOf "2025-08-11". Offices on which the lists disagree are left out.
 *   Both are snapshots: leaders change, so the facts carry their date and should be refreshed.
 * - Links to leaders: at run time the people packs (data/packs/world/people.json,
 *   data/packs/central-asia/people.json, written by other researchers with their own sourced
 *   office facts) are read, and where a person is "leader of" / "head of state of" a country
 *   here, the reverse link ("led by", "head of state") is added to the country; a person named
 *   in one of the office facts above is linked too. Re-run this script after those files change.
 * All descriptions and summaries are generated from the fields above by template (own words).
 *
 * Ids already written by the central-asia researcher (data/packs/central-asia/places.json, read
 * at run time, plus a fixed list) are skipped so that ids stay unique across packs.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'data/packs/world/countries.json');
const CENTRAL_ASIA_PLACES = join(ROOT, 'data/packs/central-asia/places.json');
const REVIEWED = '2026-11-28';

interface WC {
  name: { common: string; official: string };
  cca2: string;
  cca3: string;
  independent?: boolean;
  unMember: boolean;
  capital: string[];
  altSpellings: string[];
  region: string;
  subregion: string;
  languages: Record<string, string>;
  currencies: Record<string, { name: string }>;
  landlocked: boolean;
  borders: string[];
  area: number;
  demonyms?: Record<string, { f: string; m: string }>;
}
interface Fact {
  label: string;
  value: string | number;
  unit?: string;
  asOf: string;
  source: string;
  note?: string;
}
interface Entry {
  id: string;
  name: string;
  type: 'country' | 'place';
  aliases: string[];
  description: string;
  summary: string;
  facts: Fact[];
  related: { id: string; relation: string }[];
  wikipedia: string | null;
  cues?: string[];
  prior?: number;
  reviewed: string;
}

const countries: WC[] = require('world-countries');

// ---------------------------------------------------------------- sources
const SRC_MLEDOZE = 'https://github.com/mledoze/countries';
const ASOF_MLEDOZE = '2025-06';
const SRC_POP =
  'https://github.com/AdiVip1516/World-Population-EDA/blob/67f6615b1a28f855c206cd34df595908cd6d361f/world_population.csv';
const SRC_EU = 'https://europa.eu/european-union/about-eu/countries_en?country=ES';
const SRC_NATO = 'https://askvity.info/nato-membership/who-is-in-nato-in-2024';
const SRC_ASEAN = 'https://ianslive.in/timor-leste-becomes-11th-member-of-asean--20251026134029';
// Where the African Union membership links come from (links only, no figures, so it is not cited in a fact).
export const SRC_AU = 'https://vi0.me/wiki/African_Union?lang=simple';

// ---------------------------------------------------------------- skip list
const FIXED_SKIP = [
  'china',
  'russia',
  'kazakhstan',
  'kyrgyzstan',
  'tajikistan',
  'turkmenistan',
  'uzbekistan',
  'afghanistan',
  'pakistan',
  'iran',
  'mongolia',
  'ukraine',
  'belarus',
  'armenia',
  'azerbaijan',
  'india',
  'taiwan',
];
function skipIds(): Set<string> {
  const s = new Set(FIXED_SKIP);
  if (existsSync(CENTRAL_ASIA_PLACES)) {
    try {
      const list = JSON.parse(readFileSync(CENTRAL_ASIA_PLACES, 'utf8')) as { id: string }[];
      for (const e of list) s.add(e.id);
    } catch {
      // a half-written file from the other researcher: the fixed list still applies
    }
  }
  return s;
}

// ---------------------------------------------------------------- population (2022)
// ISO3:population, from the "2022 Population" column of SRC_POP.
const POPULATION_2022_RAW = `
AFG:41128771 ALB:2842321 DZA:44903225 ASM:44273 AND:79824 AGO:35588987 AIA:15857 ATG:93763 ARG:45510318 ARM:2780469 ABW:106445 AUS:26177413 AUT:8939617 AZE:10358074 BHS:409984 BHR:1472233 BGD:171186372 BRB:281635 BLR:9534954 BEL:11655930 BLZ:405272 BEN:13352864 BMU:64184 BTN:782455 BOL:12224110 BIH:3233526 BWA:2630296 BRA:215313498 VGB:31305 BRN:449002 BGR:6781953 BFA:22673762 BDI:12889576 KHM:16767842 CMR:27914536 CAN:38454327 CPV:593149 CYM:68706 CAF:5579144 TCD:17723315 CHL:19603733 CHN:1425887337 COL:51874024 COM:836774 COK:17011 CRI:5180829 HRV:4030358 CUB:11212191 CUW:191163 CYP:1251488 CZE:10493986 DNK:5882261 DJI:1120849 DMA:72737 DOM:11228821 COD:99010212 ECU:18001000 EGY:110990103 SLV:6336392 GNQ:1674908 ERI:3684032 EST:1326062 SWZ:1201670 ETH:123379924 FLK:3780 FRO:53090 FJI:929766 FIN:5540745 FRA:64626628 GUF:304557 PYF:306279 GAB:2388992 GMB:2705992 GEO:3744385 DEU:83369843 GHA:33475870 GIB:32649 GRC:10384971 GRL:56466 GRD:125438 GLP:395752 GUM:171774 GTM:17843908 GGY:63301 GIN:13859341 GNB:2105566 GUY:808726 HTI:11584996 HND:10432860 HKG:7488865 HUN:9967308 ISL:372899 IND:1417173173 IDN:275501339 IRN:88550570 IRQ:44496122 IRL:5023109 IMN:84519 ISR:9038309 ITA:59037474 CIV:28160542 JAM:2827377 JPN:123951692 JEY:110778 JOR:11285869 KAZ:19397998 KEN:54027487 KIR:131232 KWT:4268873 KGZ:6630623 LAO:7529475 LVA:1850651 LBN:5489739 LSO:2305825 LBR:5302681 LBY:6812341 LIE:39327 LTU:2750055 LUX:647599 MAC:695168 MDG:29611714 MWI:20405317 MYS:33938221 MDV:523787 MLI:22593590 MLT:533286 MHL:41569 MTQ:367507 MRT:4736139 MUS:1299469 MYT:326101 MEX:127504125 FSM:114164 MDA:3272996 MCO:36469 MNG:3398366 MNE:627082 MSR:4390 MAR:37457971 MOZ:32969517 MMR:54179306 NAM:2567012 NRU:12668 NPL:30547580 NLD:17564014 NCL:289950 NZL:5185288 NIC:6948392 NER:26207977 NGA:218541212 NIU:1934 PRK:26069416 MKD:2093599 MNP:49551 NOR:5434319 OMN:4576298 PAK:235824862 PLW:18055 PSE:5250072 PAN:4408581 PNG:10142619 PRY:6780744 PER:34049588 PHL:115559009 POL:39857145 PRT:10270865 PRI:3252407 QAT:2695122 COG:5970424 REU:974052 ROU:19659267 RUS:144713314 RWA:13776698 BLM:10967 KNA:47657 LCA:179857 MAF:31791 SPM:5862 VCT:103948 WSM:222382 SMR:33660 STP:227380 SAU:36408820 SEN:17316449 SRB:7221365 SYC:107118 SLE:8605718 SGP:5975689 SXM:44175 SVK:5643453 SVN:2119844 SLB:724273 SOM:17597511 ZAF:59893885 KOR:51815810 SSD:10913164 ESP:47558630 LKA:21832143 SDN:46874204 SUR:618040 SWE:10549347 CHE:8740472 SYR:22125249 TWN:23893394 TJK:9952787 TZA:65497748 THA:71697030 TLS:1341296 TGO:8848699 TKL:1871 TON:106858 TTO:1531044 TUN:12356117 TUR:85341241 TKM:6430770 TCA:45703 TUV:11312 UGA:47249585 UKR:39701739 ARE:9441129 GBR:67508936 USA:338289857 VIR:99465 URY:3422794 UZB:34627652 VUT:326740 VAT:510 VEN:28301696 VNM:98186856 WLF:11572 ESH:575986 YEM:33696614 ZMB:20017675 ZWE:16320537
`;
const POPULATION_2022 = new Map<string, number>(
  POPULATION_2022_RAW.trim()
    .split(/\s+/)
    .map((p) => {
      const [k, v] = p.split(':');
      return [k!, Number(v)] as [string, number];
    }),
);

/** Places missing from that dataset, sourced separately. */
const POPULATION_OTHER: Record<string, { value: number; year: string; source: string; note: string }> = {
  XK: {
    value: 1586659,
    year: '2024',
    source:
      'https://naslovi.net/2024-12-19/slobodna-evropa/na-kosovu-1-58-miliona-registrovanih-stanovnika-za-sever-uradjena-procena/38582606',
    note: '2024 census, final results (registered residents); with an estimate for the largely boycotting Serb-majority north the total is 1,602,515',
  },
};

// ---------------------------------------------------------------- memberships
const EU: Record<string, string> = {
  BE: '1958-01-01',
  FR: '1958-01-01',
  DE: '1958-01-01',
  IT: '1958-01-01',
  LU: '1958-01-01',
  NL: '1958-01-01',
  DK: '1973-01-01',
  IE: '1973-01-01',
  GR: '1981-01-01',
  PT: '1986-01-01',
  ES: '1986-01-01',
  AT: '1995-01-01',
  FI: '1995-01-01',
  SE: '1995-01-01',
  CY: '2004-05-01',
  CZ: '2004-05-01',
  EE: '2004-05-01',
  HU: '2004-05-01',
  LV: '2004-05-01',
  LT: '2004-05-01',
  MT: '2004-05-01',
  PL: '2004-05-01',
  SK: '2004-05-01',
  SI: '2004-05-01',
  BG: '2007-01-01',
  RO: '2007-01-01',
  HR: '2013-07-01',
};
const NATO: Record<string, string> = {
  BE: '1949',
  CA: '1949',
  DK: '1949',
  FR: '1949',
  IS: '1949',
  IT: '1949',
  LU: '1949',
  NL: '1949',
  NO: '1949',
  PT: '1949',
  GB: '1949',
  US: '1949',
  GR: '1952',
  TR: '1952',
  DE: '1955',
  ES: '1982',
  CZ: '1999',
  HU: '1999',
  PL: '1999',
  BG: '2004',
  EE: '2004',
  LV: '2004',
  LT: '2004',
  RO: '2004',
  SK: '2004',
  SI: '2004',
  AL: '2009',
  HR: '2009',
  ME: '2017',
  MK: '2020',
  FI: '2023',
  SE: '2024',
};
const ASEAN: Record<string, string> = {
  ID: '1967',
  MY: '1967',
  PH: '1967',
  SG: '1967',
  TH: '1967',
  BN: '1984',
  VN: '1995',
  LA: '1997',
  MM: '1997',
  KH: '1999',
  TL: '2025-10-26',
};
const AU = new Set(
  'DZ AO BJ BW BF BI CM CV CF TD KM CD CG DJ EG GQ ER SZ ET GA GM GH GN GW CI KE LS LR LY MG MW ML MR MU MA MZ NA NE NG RW ST SN SC SL SO ZA SS SD TZ TG TN UG ZM ZW'.split(
    ' ',
  ),
);
const UN_OBSERVERS = new Set(['VA', 'PS']);

// ---------------------------------------------------------------- ids, titles, names
/** ISO2 -> English Wikipedia title, where it differs from the package's common name. */
const WIKI_TITLE: Record<string, string> = {
  GE: 'Georgia_(country)',
  CD: 'Democratic_Republic_of_the_Congo',
  PS: 'State_of_Palestine',
  TL: 'East_Timor',
  CZ: 'Czech_Republic',
  TR: 'Turkey',
  BS: 'The_Bahamas',
  GM: 'The_Gambia',
  FM: 'Federated_States_of_Micronesia',
  IE: 'Republic_of_Ireland',
  AX: 'Åland',
  MF: 'Collectivity_of_Saint_Martin',
  GS: 'South_Georgia_and_the_South_Sandwich_Islands',
  VA: 'Vatican_City',
  CI: 'Ivory_Coast',
  CV: 'Cape_Verde',
  SZ: 'Eswatini',
};
/** ISO2 -> display name, where it differs from the package's common name. */
const DISPLAY_NAME: Record<string, string> = {
  CD: 'Democratic Republic of the Congo',
  PS: 'State of Palestine',
  TL: 'East Timor',
  CZ: 'Czech Republic',
  TR: 'Turkey',
  BS: 'The Bahamas',
  GM: 'The Gambia',
  FM: 'Federated States of Micronesia',
  GS: 'South Georgia and the South Sandwich Islands',
  MF: 'Saint Martin',
  AX: 'Åland',
};
/** Territories not worth an entry (uninhabited or never in the news) and Antarctica. */
const LEAVE_OUT = new Set(['BV', 'HM', 'UM', 'AQ', 'TF']);

function slug(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'`]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

// ---------------------------------------------------------------- aliases
/** Extra surface forms used by the news (2-letter forms only where listed here). */
const EXTRA_ALIASES: Record<string, string[]> = {
  US: ['U.S.', 'US', 'USA', 'U.S.A.', 'United States of America'],
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom of Great Britain and Northern Ireland'],
  AE: ['UAE', 'U.A.E.'],
  CD: ['DRC', 'DR Congo', 'Congo-Kinshasa', 'Democratic Republic of Congo', 'Zaire'],
  CG: ['Congo-Brazzaville', 'Congo'],
  TR: ['Türkiye', 'Turkiye', 'Republic of Turkey', 'Republic of Türkiye'],
  MM: ['Burma'],
  CI: ["Côte d'Ivoire", "Cote d'Ivoire"],
  CZ: ['Czechia'],
  TL: ['Timor-Leste'],
  SZ: ['Swaziland'],
  MK: ['Republic of Macedonia', 'FYROM'],
  KP: ['DPRK'],
  KR: ['Republic of Korea', 'ROK'],
  PS: ['Palestine'],
  VA: ['Holy See', 'Vatican'],
  NL: ['Holland', 'The Netherlands'],
  CV: ['Cabo Verde'],
  GE: ['Republic of Georgia', 'Sakartvelo'],
  BA: ['Bosnia', 'Bosnia-Herzegovina', 'BiH'],
  VN: ['Viet Nam'],
  LA: ['Lao PDR'],
  GM: ['Gambia'],
  BS: ['Bahamas'],
  IE: ['Republic of Ireland', 'Éire', 'Eire'],
  XK: ['Republic of Kosovo'],
  HK: ['HKSAR', 'Hong Kong SAR'],
  MO: ['Macao', 'Macau SAR'],
  SA: ['KSA'],
  PG: ['PNG'],
  FM: ['Micronesia'],
  FK: ['Falklands', 'Malvinas'],
  IO: ['Chagos Archipelago', 'Chagos Islands'],
  CF: ['Central African Rep.'],
  SH: ['Saint Helena', 'St Helena'],
  SJ: ['Svalbard'],
  KN: ['St Kitts and Nevis', 'St. Kitts and Nevis'],
  LC: ['St Lucia', 'St. Lucia'],
  VC: ['St Vincent and the Grenadines', 'St. Vincent and the Grenadines'],
  SY: ['Syrian Arab Republic'],
  BO: ['Plurinational State of Bolivia'],
};
/** Alternative spellings from the package that are ordinary words, other senses or too vague. */
const ALIAS_BLOCK = new Set(
  [
    'Saudi',
    'Thai',
    'Prathet',
    'Togolese',
    'Timor',
    'Portuguesa',
    'Emirates',
    'the Abode of Peace',
    'Mann',
    'Guiana',
    'Suisse',
    'Dominique',
    'weSwatini',
    'Swatini',
    'Virgin Islands',
    'The Bermudas',
    'Holy See (Vatican City State)',
    'Land Curaçao',
    'Country of Curaçao',
    'Sahrawi Arab Democratic Republic',
    'Republic of China',
    'Island',
    'Lao',
    'Mexicanos',
    'Macedonia',
    'Nippon',
    'Nihon',
    'Viti',
  ].map((s) => s.toLowerCase()),
);
function latinOnly(s: string): boolean {
  for (const ch of s) if (/\p{L}/u.test(ch) && !/\p{Script=Latin}/u.test(ch)) return false;
  return true;
}
function aliasesFor(c: WC, name: string): string[] {
  const demonyms = new Set(
    Object.values(c.demonyms ?? {})
      .flatMap((d) => [d.f, d.m])
      .filter(Boolean)
      .map((d) => d.toLowerCase()),
  );
  const out: string[] = [];
  const seen = new Set([name.toLowerCase()]);
  const push = (a: string) => {
    const k = a.toLowerCase();
    if (seen.has(k)) return;
    seen.add(k);
    out.push(a);
  };
  for (const a of EXTRA_ALIASES[c.cca2] ?? []) push(a);
  const candidates = [c.name.common, c.name.official, ...c.altSpellings];
  for (const a of candidates) {
    if (a.length <= 2) continue; // ISO codes
    if (a.includes(',')) continue; // inverted ISO list forms ("Congo, the Democratic Republic of the")
    if (!latinOnly(a)) continue;
    if (/[ʁɛɔɡʾ]/u.test(a)) continue; // phonetic transcriptions
    if (/^\p{Ll}/u.test(a)) continue; // lower-case transliterations ("al-...", "aṣ-Ṣūmāl")
    if (demonyms.has(a.toLowerCase())) continue;
    if (ALIAS_BLOCK.has(a.toLowerCase())) continue;
    if (c.cca2 === 'VG' && a === 'Virgin Islands') continue;
    push(a);
  }
  return out.slice(0, 40);
}

// ---------------------------------------------------------------- cues for names that are also words or other senses
const CUES: Record<string, { cues: string[]; prior?: number }> = {
  GE: {
    cues: ['tbilisi', 'caucasus', 'georgian dream', 'south ossetia', 'abkhazia', 'batumi', 'kobakhidze', 'black sea'],
    prior: 0.5,
  },
  TD: { cues: ["n'djamena", 'ndjamena', 'sahel', 'chadian', 'lake chad', 'darfur'] },
  JO: { cues: ['amman', 'jordanian', 'hashemite', 'king abdullah', 'west bank', 'jordan river', 'aqaba'] },
  NE: { cues: ['niamey', 'sahel', 'nigerien', 'tchiani', 'junta'] },
  GN: { cues: ['conakry', 'guinean', 'doumbouya', 'west africa'] },
  TR: { cues: ['ankara', 'istanbul', 'erdogan', 'erdoğan', 'turkish', 'bosphorus', 'kurdish'], prior: 0.8 },
  CG: { cues: ['brazzaville', 'sassou', 'congo-brazzaville', 'republic of the congo'] },
  CD: { cues: ['kinshasa', 'goma', 'tshisekedi', 'm23', 'kivu', 'congolese'] },
  JE: { cues: ['channel islands', 'st helier', 'crown dependency', 'bailiwick'] },
  GG: { cues: ['channel islands', 'st peter port', 'crown dependency', 'bailiwick'] },
  DM: { cues: ['roseau', 'caribbean', 'eastern caribbean'] },
  CI: { cues: ['abidjan', 'yamoussoukro', 'ivorian', 'cocoa'] },
};

// ---------------------------------------------------------------- territories: the state they belong to (for related + wording)
const TERRITORY_OF: Record<string, { id: string; name: string; relation: string }> = {
  HK: { id: 'china', name: 'China', relation: 'special administrative region of' },
  MO: { id: 'china', name: 'China', relation: 'special administrative region of' },
  GL: { id: 'denmark', name: 'the Kingdom of Denmark', relation: 'autonomous territory of' },
  FO: { id: 'denmark', name: 'the Kingdom of Denmark', relation: 'autonomous territory of' },
  PR: { id: 'united-states', name: 'the United States', relation: 'territory of' },
  GU: { id: 'united-states', name: 'the United States', relation: 'territory of' },
  VI: { id: 'united-states', name: 'the United States', relation: 'territory of' },
  AS: { id: 'united-states', name: 'the United States', relation: 'territory of' },
  MP: { id: 'united-states', name: 'the United States', relation: 'territory of' },
  GI: { id: 'united-kingdom', name: 'the United Kingdom', relation: 'overseas territory of' },
  FK: { id: 'united-kingdom', name: 'the United Kingdom', relation: 'overseas territory of' },
  BM: { id: 'united-kingdom', name: 'the United Kingdom', relation: 'overseas territory of' },
  KY: { id: 'united-kingdom', name: 'the United Kingdom', relation: 'overseas territory of' },
  VG: { id: 'united-kingdom', name: 'the United Kingdom', relation: 'overseas territory of' },
  TC: { id: 'united-kingdom', name: 'the United Kingdom', relation: 'overseas territory of' },
  AI: { id: 'united-kingdom', name: 'the United Kingdom', relation: 'overseas territory of' },
  MS: { id: 'united-kingdom', name: 'the United Kingdom', relation: 'overseas territory of' },
  SH: { id: 'united-kingdom', name: 'the United Kingdom', relation: 'overseas territory of' },
  PN: { id: 'united-kingdom', name: 'the United Kingdom', relation: 'overseas territory of' },
  IO: { id: 'united-kingdom', name: 'the United Kingdom', relation: 'overseas territory of' },
  GS: { id: 'united-kingdom', name: 'the United Kingdom', relation: 'overseas territory of' },
  IM: { id: 'united-kingdom', name: 'the British Crown', relation: 'crown dependency of' },
  JE: { id: 'united-kingdom', name: 'the British Crown', relation: 'crown dependency of' },
  GG: { id: 'united-kingdom', name: 'the British Crown', relation: 'crown dependency of' },
  NC: { id: 'france', name: 'France', relation: 'overseas collectivity of' },
  PF: { id: 'france', name: 'France', relation: 'overseas collectivity of' },
  WF: { id: 'france', name: 'France', relation: 'overseas collectivity of' },
  PM: { id: 'france', name: 'France', relation: 'overseas collectivity of' },
  BL: { id: 'france', name: 'France', relation: 'overseas collectivity of' },
  MF: { id: 'france', name: 'France', relation: 'overseas collectivity of' },
  RE: { id: 'france', name: 'France', relation: 'overseas department of' },
  YT: { id: 'france', name: 'France', relation: 'overseas department of' },
  GP: { id: 'france', name: 'France', relation: 'overseas department of' },
  MQ: { id: 'france', name: 'France', relation: 'overseas department of' },
  GF: { id: 'france', name: 'France', relation: 'overseas department of' },
  AW: { id: 'netherlands', name: 'the Kingdom of the Netherlands', relation: 'constituent country of' },
  CW: { id: 'netherlands', name: 'the Kingdom of the Netherlands', relation: 'constituent country of' },
  SX: { id: 'netherlands', name: 'the Kingdom of the Netherlands', relation: 'constituent country of' },
  BQ: { id: 'netherlands', name: 'the Netherlands', relation: 'part of' },
  AX: { id: 'finland', name: 'Finland', relation: 'autonomous region of' },
  SJ: { id: 'norway', name: 'Norway', relation: 'part of' },
  CX: { id: 'australia', name: 'Australia', relation: 'external territory of' },
  CC: { id: 'australia', name: 'Australia', relation: 'external territory of' },
  NF: { id: 'australia', name: 'Australia', relation: 'external territory of' },
  CK: { id: 'new-zealand', name: 'New Zealand', relation: 'in free association with' },
  NU: { id: 'new-zealand', name: 'New Zealand', relation: 'in free association with' },
  TK: { id: 'new-zealand', name: 'New Zealand', relation: 'dependent territory of' },
};
/** Own-words status lines for disputed or partly recognised places. */
const STATUS_LINE: Record<string, string> = {
  XK: 'Kosovo declared independence from Serbia in 2008; many states recognise it, but Serbia and several others, including Russia and China, do not, and it is not a UN member.',
  EH: 'Western Sahara is a disputed territory: Morocco controls most of it and claims it, while the Polisario Front, backed by Algeria, seeks independence as the Sahrawi Arab Democratic Republic, an African Union member.',
  PS: 'Palestine is a UN non-member observer state that claims the West Bank, including East Jerusalem, and the Gaza Strip, the territories Israel has occupied since the 1967 war.',
  VA: 'Vatican City is the seat of the Holy See and the Catholic Church, the smallest state in the world; the Holy See is a UN non-member observer state.',
};

// ---------------------------------------------------------------- heads of state and government
// Two kinds of source, both GitHub data files read in full (see the header):
// - A: open-data-archive/world-leaders-current, the ASEAN and G20 tables (title, name and
//   "since" date for each office), built from Wikidata/Wikipedia. The newest "since" date in
//   them is 2026-04-10, so they show the offices as of April 2026 or later: asOf "2026-04".
// - B: a Wikidata query result (P35 head of state, P6 head of government) saved in
//   tohsiying/country_capital_game/leaders_197.json with generated_at 1754919370 = 2025-08-11.
//   Wikidata keeps some former office holders there, so a name is used ONLY where the same
//   person is also listed in cassidywaldrip/nio_keywords/heads_of_state.csv (a 2026 copy of
//   Wikipedia's "List of current heads of state and government"); asOf "2025-08-11". Where the
//   two disagree (a change of office, or a stale value in one of them) the office is left out.
//   Yemen's head of government (the same outdated name in both) and Nicaragua (co-presidency
//   not shown in either) are left out on purpose.
// Titles of office ("President", "King", "Prime Minister"...) are written here; table A gives
// them itself.
const SRC_LEADERS_G20 =
  'https://github.com/open-data-archive/world-leaders-current/blob/134caa0a6ee0647043780f11920005961f8b55d5/data/by-region/g20/leaders.csv';
const SRC_LEADERS_ASEAN =
  'https://github.com/open-data-archive/world-leaders-current/blob/134caa0a6ee0647043780f11920005961f8b55d5/data/by-region/asean/leaders.csv';
const SRC_LEADERS_WD =
  'https://github.com/tohsiying/country_capital_game/blob/81cd5bd705eeaccfb79a48a65e4286a4f5bebb7d/leaders_197.json';
const SRC_LEADERS_WP =
  'https://github.com/cassidywaldrip/nio_keywords/blob/032583639fd27fce7329e0b728b064cb22d07a57/heads_of_state.csv';
const ASOF_LEADERS_A = '2026-04';
const ASOF_LEADERS_B = '2025-08-11';

interface Office {
  /** Title and name, e.g. "President Emmanuel Macron". */
  v: string;
  /** Date the holder took office, where the source gives it. */
  since?: string;
}
interface Leaders {
  hos?: Office;
  hog?: Office;
  /** One person is both head of state and head of government. */
  both?: Office;
  src: 'g20' | 'asean' | 'wd';
}
/** Table A (ASEAN + G20), only the rows for countries generated here. */
const LEADERS_A: Record<string, Leaders> = {
  BN: { both: { v: 'Sultan and Prime Minister Hassanal Bolkiah', since: '1984-01-01' }, src: 'asean' },
  KH: {
    hos: { v: 'King Norodom Sihamoni', since: '2004-10-29' },
    hog: { v: 'Prime Minister Hun Manet', since: '2023-08-22' },
    src: 'asean',
  },
  ID: { both: { v: 'President Prabowo Subianto', since: '2024-10-20' }, src: 'asean' },
  LA: {
    hos: { v: 'President Thongloun Sisoulith', since: '2021-03-22' },
    hog: { v: 'Prime Minister Sonexay Siphandone', since: '2022-12-30' },
    src: 'asean',
  },
  MY: { hog: { v: 'Prime Minister Anwar Ibrahim', since: '2022-11-24' }, src: 'asean' },
  MM: { hos: { v: 'President Min Aung Hlaing', since: '2026-04-10' }, src: 'asean' },
  PH: { both: { v: 'President Bongbong Marcos', since: '2022-06-30' }, src: 'asean' },
  SG: {
    hos: { v: 'President Tharman Shanmugaratnam', since: '2023-09-14' },
    hog: { v: 'Prime Minister Lawrence Wong', since: '2024-05-15' },
    src: 'asean',
  },
  TH: {
    hos: { v: 'King Vajiralongkorn', since: '2016-10-13' },
    hog: { v: 'Prime Minister Anutin Charnvirakul', since: '2025-09-07' },
    src: 'asean',
  },
  VN: {
    hos: { v: 'President Tô Lâm', since: '2026-04-07' },
    hog: { v: 'Prime Minister Lê Minh Hưng', since: '2026-04-07' },
    src: 'asean',
  },
  AR: { both: { v: 'President Javier Milei', since: '2023-12-10' }, src: 'g20' },
  AU: {
    hos: { v: 'King Charles III', since: '2022-09-08' },
    hog: { v: 'Prime Minister Anthony Albanese', since: '2022-05-23' },
    src: 'g20',
  },
  BR: { both: { v: 'President Luiz Inácio Lula da Silva', since: '2023-01-01' }, src: 'g20' },
  CA: { hos: { v: 'King Charles III', since: '2022-09-08' }, hog: { v: 'Prime Minister Mark Carney' }, src: 'g20' },
  FR: {
    hos: { v: 'President Emmanuel Macron', since: '2017-05-14' },
    hog: { v: 'Prime Minister Sébastien Lecornu', since: '2025-09-09' },
    src: 'g20',
  },
  DE: {
    hos: { v: 'President Frank-Walter Steinmeier', since: '2017-03-19' },
    hog: { v: 'Chancellor Friedrich Merz', since: '2025-05-06' },
    src: 'g20',
  },
  IT: {
    hos: { v: 'President Sergio Mattarella', since: '2015-02-03' },
    hog: { v: 'Prime Minister Giorgia Meloni', since: '2022-10-22' },
    src: 'g20',
  },
  JP: {
    hos: { v: 'Emperor Naruhito', since: '2019-05-01' },
    hog: { v: 'Prime Minister Sanae Takaichi', since: '2025-10-21' },
    src: 'g20',
  },
  MX: { both: { v: 'President Claudia Sheinbaum', since: '2024-10-01' }, src: 'g20' },
  // The table also names Mohammed bin Salman as King, which is wrong (table B: King Salman); only his premiership is used.
  SA: { hog: { v: 'Prime Minister Mohammed bin Salman', since: '2022-09-27' }, src: 'g20' },
  ZA: { both: { v: 'President Cyril Ramaphosa', since: '2018-02-15' }, src: 'g20' },
  KR: { both: { v: 'President Lee Jae Myung', since: '2025-06-04' }, src: 'g20' },
  TR: { both: { v: 'President Recep Tayyip Erdoğan', since: '2014-08-28' }, src: 'g20' },
  GB: {
    hos: { v: 'King Charles III', since: '2022-09-08' },
    hog: { v: 'Prime Minister Keir Starmer', since: '2024-07-05' },
    src: 'g20',
  },
  US: { both: { v: 'President Donald Trump', since: '2025-01-20' }, src: 'g20' },
};
/** Table B: [head of state, head of government], each only where both lists name the same person; "=" = the same person holds both. */
const LEADERS_B: Record<string, [string | null, string | null]> = {
  AL: ['President Bajram Begaj', 'Prime Minister Edi Rama'],
  DZ: ['President Abdelmadjid Tebboune', null],
  AD: ['Co-Princes Emmanuel Macron and Josep-Lluís Serrano Pentinat', 'Prime Minister Xavier Espot Zamora'],
  AO: ['President João Lourenço', '='],
  AG: ['King Charles III', 'Prime Minister Gaston Browne'],
  AT: ['President Alexander Van der Bellen', 'Chancellor Christian Stocker'],
  BS: ['King Charles III', 'Prime Minister Philip Davis'],
  BH: ['King Hamad bin Isa Al Khalifa', 'Prime Minister Salman bin Hamad Al Khalifa'],
  BD: ['President Mohammed Shahabuddin', null],
  BB: [null, 'Prime Minister Mia Mottley'],
  BE: ['King Philippe', 'Prime Minister Bart De Wever'],
  BZ: ['King Charles III', 'Prime Minister Johnny Briceño'],
  BJ: ['President Patrice Talon', '='],
  BT: ['King Jigme Khesar Namgyel Wangchuck', 'Prime Minister Tshering Tobgay'],
  BA: [
    'Presidency members Denis Bećirović, Željka Cvijanović and Željko Komšić',
    'Chair of the Council of Ministers Borjana Krišto',
  ],
  BW: ['President Duma Boko', null],
  BF: ['President Ibrahim Traoré', null],
  CM: ['President Paul Biya', 'Prime Minister Joseph Ngute'],
  CV: ['President José Maria Neves', 'Prime Minister Ulisses Correia e Silva'],
  CF: ['President Faustin-Archange Touadéra', 'Prime Minister Félix Moloua'],
  TD: ['President Mahamat Déby Itno', null],
  CO: ['President Gustavo Petro', '='],
  KM: ['President Azali Assoumani', '='],
  HR: ['President Zoran Milanović', 'Prime Minister Andrej Plenković'],
  CU: ['President Miguel Díaz-Canel', 'Prime Minister Manuel Marrero Cruz'],
  CY: ['President Nikos Christodoulides', '='],
  CZ: ['President Petr Pavel', null],
  CD: ['President Félix Tshisekedi', null],
  DK: ['King Frederik X', 'Prime Minister Mette Frederiksen'],
  DJ: ['President Ismaïl Omar Guelleh', null],
  DM: [null, 'Prime Minister Roosevelt Skerrit'],
  DO: ['President Luis Abinader', '='],
  EC: ['President Daniel Noboa', '='],
  EG: ['President Abdel Fattah el-Sisi', 'Prime Minister Mostafa Madbouly'],
  SV: ['President Nayib Bukele', '='],
  GQ: ['President Teodoro Obiang Nguema Mbasogo', 'Prime Minister Manuel Osa Nsue Nsua'],
  ER: ['President Isaias Afwerki', '='],
  EE: ['President Alar Karis', 'Prime Minister Kristen Michal'],
  SZ: ['King Mswati III', 'Prime Minister Russell Dlamini'],
  ET: ['President Taye Atske Selassie', 'Prime Minister Abiy Ahmed'],
  FJ: [null, 'Prime Minister Sitiveni Rabuka'],
  FI: ['President Alexander Stubb', 'Prime Minister Petteri Orpo'],
  GA: ['President Brice Clotaire Oligui Nguema', null],
  GM: ['President Adama Barrow', '='],
  GE: [null, 'Prime Minister Irakli Kobakhidze'],
  GH: ['President John Mahama', null],
  GR: ['President Konstantinos Tasoulas', 'Prime Minister Kyriakos Mitsotakis'],
  GD: ['King Charles III', 'Prime Minister Dickon Mitchell'],
  GT: ['President Bernardo Arévalo', '='],
  GN: ['President Mamady Doumbouya', 'Prime Minister Bah Oury'],
  GY: ['President Irfaan Ali', null],
  HT: [null, 'Prime Minister Alix Didier Fils-Aimé'],
  HU: ['President Tamás Sulyok', null],
  IS: ['President Halla Tómasdóttir', 'Prime Minister Kristrún Frostadóttir'],
  IE: [null, 'Taoiseach Micheál Martin'],
  IL: ['President Isaac Herzog', 'Prime Minister Benjamin Netanyahu'],
  CI: ['President Alassane Ouattara', 'Prime Minister Robert Beugré Mambé'],
  JM: ['King Charles III', 'Prime Minister Andrew Holness'],
  JO: ['King Abdullah II', null],
  KE: ['President William Ruto', '='],
  KI: ['President Taneti Maamau', '='],
  KW: ['Emir Mishal Al-Ahmad Al-Jaber Al-Sabah', null],
  LV: ['President Edgars Rinkēvičs', 'Prime Minister Evika Siliņa'],
  LB: ['President Joseph Aoun', 'Prime Minister Nawaf Salam'],
  LS: ['King Letsie III', 'Prime Minister Sam Matekane'],
  LR: ['President Joseph Boakai', '='],
  LY: ['Mohamed al-Menfi (Chairman of the Presidential Council)', 'Prime Minister Abdul Hamid Dbeibeh'],
  LI: ['Prince Hans-Adam II', null],
  LT: ['President Gitanas Nausėda', null],
  MY: ['Sultan Ibrahim Iskandar (Yang di-Pertuan Agong)', null],
  MV: ['President Mohamed Muizzu', '='],
  ML: ['President Assimi Goïta', null],
  MT: ['President Myriam Spiteri Debono', 'Prime Minister Robert Abela'],
  MH: ['President Hilda Heine', '='],
  MR: ['President Mohamed Ould Ghazouani', 'Prime Minister Moctar Ould Djay'],
  MU: ['President Dharam Gokhool', null],
  FM: ['President Wesley Simina', '='],
  MD: ['President Maia Sandu', null],
  MC: ['Prince Albert II', null],
  ME: ['President Jakov Milatović', 'Prime Minister Milojko Spajić'],
  MA: ['King Mohammed VI', 'Prime Minister Aziz Akhannouch'],
  MZ: ['President Daniel Chapo', null],
  NA: ['President Netumbo Nandi-Ndaitwah', null],
  NR: ['President David Adeang', '='],
  NP: ['President Ram Chandra Poudel', null],
  NL: ['King Willem-Alexander', null],
  NZ: ['King Charles III', 'Prime Minister Christopher Luxon'],
  NE: ['President Abdourahamane Tchiani', 'Prime Minister Ali Lamine Zeine'],
  NG: ['President Bola Tinubu', '='],
  KP: ['Kim Jong Un (President of the State Affairs)', 'Premier Pak Thae-song'],
  MK: ['President Gordana Siljanovska-Davkova', 'Prime Minister Hristijan Mickoski'],
  NO: ['King Harald V', 'Prime Minister Jonas Gahr Støre'],
  OM: ['Sultan Haitham bin Tariq', '='],
  PW: ['President Surangel Whipps Jr.', '='],
  PS: ['President Mahmoud Abbas', 'Prime Minister Mohammad Mustafa'],
  PA: ['President José Raúl Mulino', '='],
  PG: ['King Charles III', 'Prime Minister James Marape'],
  PY: ['President Santiago Peña', '='],
  PL: ['President Karol Nawrocki', 'Prime Minister Donald Tusk'],
  PT: [null, 'Prime Minister Luís Montenegro'],
  QA: ['Emir Tamim bin Hamad Al Thani', 'Prime Minister Mohammed bin Abdulrahman Al Thani'],
  CG: ['President Denis Sassou Nguesso', 'Prime Minister Anatole Collinet Makosso'],
  RO: ['President Nicușor Dan', 'Prime Minister Ilie Bolojan'],
  RW: ['President Paul Kagame', null],
  KN: ['King Charles III', 'Prime Minister Terrance Drew'],
  LC: ['King Charles III', null],
  VC: ['King Charles III', null],
  SA: ['King Salman bin Abdulaziz Al Saud', null],
  SN: ['President Bassirou Diomaye Faye', null],
  RS: ['President Aleksandar Vučić', 'Prime Minister Đuro Macut'],
  SL: ['President Julius Maada Bio', null],
  SK: ['President Peter Pellegrini', 'Prime Minister Robert Fico'],
  SI: ['President Nataša Pirc Musar', 'Prime Minister Robert Golob'],
  SB: ['King Charles III', null],
  SO: ['President Hassan Sheikh Mohamud', null],
  SS: ['President Salva Kiir Mayardit', '='],
  ES: ['King Felipe VI', 'Prime Minister Pedro Sánchez'],
  LK: ['President Anura Kumara Dissanayake', null],
  SD: ['Abdel Fattah al-Burhan (Chairman of the Transitional Sovereignty Council)', null],
  SE: ['King Carl XVI Gustaf', 'Prime Minister Ulf Kristersson'],
  ST: ['President Carlos Vila Nova', 'Prime Minister Américo Ramos'],
  TZ: ['President Samia Suluhu Hassan', '='],
  TL: ['President José Ramos-Horta', 'Prime Minister Xanana Gusmão'],
  TG: [null, 'Faure Gnassingbé (President of the Council of Ministers)'],
  TO: ['King Tupou VI', null],
  TT: ['President Christine Kangaloo', 'Prime Minister Kamla Persad-Bissessar'],
  TN: ['President Kais Saied', 'Prime Minister Sarra Zaafrani'],
  TV: ['King Charles III', 'Prime Minister Feleti Teo'],
  UG: ['President Yoweri Museveni', 'Prime Minister Robinah Nabbanja'],
  AE: ['President Mohamed bin Zayed Al Nahyan', 'Prime Minister Mohammed bin Rashid Al Maktoum'],
  VU: ['President Nikenike Vurobaravu', null],
  YE: ['Rashad al-Alimi (Chairman of the Presidential Leadership Council)', null],
  ZM: ['President Hakainde Hichilema', null],
  ZW: ['President Emmerson Mnangagwa', '='],
};
/** Where the two lists of table B do not match word for word, what each says. */
const B_NOTE_HOS: Record<string, string> = {
  AD: "Wikidata (2025-08-11) lists both co-princes; a 2026 copy of Wikipedia's list names the Episcopal Co-Prince",
  BA: "Wikidata (2025-08-11) lists the three members of the collective presidency; a 2026 copy of Wikipedia's list names Bećirović",
  LR: "Wikidata (2025-08-11) names Boakai as head of government and both George Weah and Boakai as head of state; a 2026 copy of Wikipedia's list names Boakai for both",
};
/** The offices of one country: table A first, table B for what A lacks. */
function leadersOf(cca2: string): { hos?: Fact; hog?: Fact; both?: Fact } {
  const out: { hos?: Fact; hog?: Fact; both?: Fact } = {};
  const a = LEADERS_A[cca2];
  const fromA = (o: Office, label: string): Fact => ({
    label,
    value: o.v,
    asOf: ASOF_LEADERS_A,
    source: a!.src === 'g20' ? SRC_LEADERS_G20 : SRC_LEADERS_ASEAN,
    note: `${o.since ? `in office since ${o.since}; ` : ''}table built from Wikidata/Wikipedia, reflecting changes up to at least 2026-04-10`,
  });
  const B_NOTE = `Wikidata snapshot of 2025-08-11; the same person is named in a 2026 copy of Wikipedia's list of current leaders: ${SRC_LEADERS_WP}`;
  const fromB = (v: string, label: string): Fact => ({
    label,
    value: v,
    asOf: ASOF_LEADERS_B,
    source: SRC_LEADERS_WD,
    note: label !== 'Head of government' && B_NOTE_HOS[cca2] ? `${B_NOTE_HOS[cca2]}: ${SRC_LEADERS_WP}` : B_NOTE,
  });
  if (a?.both) return { both: fromA(a.both, 'Head of state and government') };
  if (a?.hos) out.hos = fromA(a.hos, 'Head of state');
  if (a?.hog) out.hog = fromA(a.hog, 'Head of government');
  const b = LEADERS_B[cca2];
  if (b) {
    const [hos, hog] = b;
    if (hog === '=' && hos && !out.hos && !out.hog) return { both: fromB(hos, 'Head of state and government') };
    if (hos && !out.hos) out.hos = fromB(hos, 'Head of state');
    if (hog && hog !== '=' && !out.hog) out.hog = fromB(hog, 'Head of government');
  }
  return out;
}
/** "President Emmanuel Macron" -> the people-pack relation for a country led by that person. */
const LEADER_RELATION = { hos: 'head of state', hog: 'head of government', both: 'led by' } as const;

// ---------------------------------------------------------------- wording helpers
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
function wherePhrase(c: WC): string {
  const sub = c.subregion;
  if (!sub) return c.region === 'Antarctic' ? 'the Antarctic region' : c.region;
  if (sub === 'Caribbean') return 'the Caribbean';
  if (sub === 'Australia and New Zealand') return 'Oceania';
  if (['Melanesia', 'Micronesia', 'Polynesia'].includes(sub)) return `${sub} in the Pacific`;
  if (sub === 'South-Eastern Asia') return 'Southeast Asia';
  return sub;
}
/** Names that take "the" in running text. */
const TAKES_THE = new Set(
  'US GB NL PH AE CZ DO CF CD CG MV MH SB KM SC CK FK FO KY VG VI TC MP BQ IM PN CC PS FM IO'.split(' '),
);
const SEA_ISLAND = new Set(['Caribbean', 'Polynesia', 'Melanesia', 'Micronesia']);

// ---------------------------------------------------------------- build
function build(): Entry[] {
  const skip = skipIds();
  const byCca3 = new Map(countries.map((c) => [c.cca3, c]));
  const idOf = (c: WC) => slug(WIKI_TITLE[c.cca2] ?? c.name.common);
  const nameOf = (c: WC) => DISPLAY_NAME[c.cca2] ?? c.name.common;
  /** The name as it reads inside a sentence ("the Netherlands"); capitalised at a sentence start. */
  const textName = (c: WC, start = false) => {
    const n = nameOf(c);
    if (!TAKES_THE.has(c.cca2)) return n;
    return `${start ? 'The' : 'the'} ${n}`;
  };
  // Kosovo's code in the package's border lists is UNK.
  const byBorderCode = (code: string) =>
    byCca3.get(code) ?? (code === 'UNK' ? countries.find((c) => c.cca2 === 'XK') : undefined);

  const entries: Entry[] = [];
  for (const c of countries) {
    if (LEAVE_OUT.has(c.cca2)) continue;
    const id = idOf(c);
    if (skip.has(id)) continue;
    const name = nameOf(c);
    const isUn = c.unMember && !UN_OBSERVERS.has(c.cca2);
    const sovereign = isUn || UN_OBSERVERS.has(c.cca2) || c.cca2 === 'XK';
    const terr = TERRITORY_OF[c.cca2];
    const where = wherePhrase(c);
    const capital = c.cca2 === 'HK' ? [] : c.capital.filter(Boolean); // HK: the package's "City of Victoria" is not used as a capital
    const popOther = POPULATION_OTHER[c.cca2];
    const pop = POPULATION_2022.get(c.cca3) ?? popOther?.value;
    const popYear = popOther && !POPULATION_2022.has(c.cca3) ? popOther.year : '2022';
    const neighbours = c.borders.map(byBorderCode).filter((x): x is WC => !!x);
    const neighbourNames = neighbours.map((n) => (n.cca2 === 'PS' ? 'Palestine' : textName(n)));
    const Name = textName(c, true);
    const nameMid = textName(c);

    // ---- facts
    const facts: Fact[] = [];
    if (c.name.official && c.name.official !== name) {
      facts.push({ label: 'Official name', value: c.name.official, asOf: ASOF_MLEDOZE, source: SRC_MLEDOZE });
    }
    if (capital.length) {
      facts.push({
        label: capital.length > 1 ? 'Capitals' : sovereign ? 'Capital' : 'Capital or main town',
        value: capital.join('; '),
        asOf: ASOF_MLEDOZE,
        source: SRC_MLEDOZE,
        ...(c.cca2 === 'PS' ? { note: 'administrative seat; Palestine claims East Jerusalem as its capital' } : {}),
        ...(c.cca2 === 'MS'
          ? { note: 'the World Population Dataset (see population source) gives Brades instead' }
          : {}),
      });
    }
    if (c.area > 0) facts.push({ label: 'Area', value: c.area, unit: 'km²', asOf: ASOF_MLEDOZE, source: SRC_MLEDOZE });
    if (pop) {
      facts.push({
        label: 'Population',
        value: pop,
        unit: 'people',
        asOf: popYear,
        source: popYear === '2022' ? SRC_POP : popOther!.source,
        note: popYear === '2022' ? '2022 estimate from the World Population Dataset' : popOther!.note,
      });
    }
    if (EU[c.cca2])
      facts.push({
        label: 'Joined the European Union',
        value: EU[c.cca2]!,
        asOf: EU[c.cca2]!,
        source: SRC_EU,
        note:
          c.cca2 === 'DE'
            ? 'as West Germany; the former East German states joined with reunification in 1990'
            : undefined,
      });
    if (NATO[c.cca2])
      facts.push({
        label: 'Joined NATO',
        value: NATO[c.cca2]!,
        asOf: NATO[c.cca2]!,
        source: SRC_NATO,
        note: NATO[c.cca2] === '1949' ? 'founding member' : undefined,
      });
    if (ASEAN[c.cca2])
      facts.push({
        label: 'Joined ASEAN',
        value: ASEAN[c.cca2]!,
        asOf: ASEAN[c.cca2]!,
        source: SRC_ASEAN,
        note: ASEAN[c.cca2] === '1967' ? 'founding member' : undefined,
      });
    const lead = leadersOf(c.cca2);
    for (const f of [lead.both, lead.hos, lead.hog]) if (f) facts.push(f);
    if (facts.length < 6 && c.region) {
      facts.push({
        label: 'Region',
        value: c.subregion ? `${c.subregion} (${c.region})` : c.region,
        asOf: ASOF_MLEDOZE,
        source: SRC_MLEDOZE,
      });
    }
    for (const f of facts) if (f.note === undefined) delete f.note;

    // ---- related
    const related: Entry['related'] = [];
    for (const n of neighbours) related.push({ id: idOf(n), relation: 'neighbour of' });
    if (isUn) related.push({ id: 'united-nations', relation: 'member of' });
    if (UN_OBSERVERS.has(c.cca2)) related.push({ id: 'united-nations', relation: 'observer state of' });
    if (EU[c.cca2]) related.push({ id: 'european-union', relation: 'member of' });
    if (NATO[c.cca2]) related.push({ id: 'nato', relation: 'member of' });
    if (ASEAN[c.cca2]) related.push({ id: 'association-of-southeast-asian-nations', relation: 'member of' });
    if (AU.has(c.cca2)) related.push({ id: 'african-union', relation: 'member of' });
    if (terr) related.push({ id: terr.id, relation: terr.relation });
    if (c.cca2 === 'PS') {
      related.push({ id: 'west-bank', relation: 'includes' }, { id: 'gaza-strip', relation: 'includes' });
    }

    // ---- description
    const kind = sovereign ? 'Country' : terr ? 'Territory' : 'Territory';
    let description = `${kind} in ${where}`;
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
    if (capital.length && !['VA'].includes(c.cca2))
      description += `; ${sovereign ? (capital.length > 1 ? 'capitals' : 'capital') : capital.length > 1 ? 'main towns' : 'main town'} ${listWords(capital)}`;
    if (description.length > 199) description = description.slice(0, 196) + '...';

    // ---- summary
    const s: string[] = [];
    const cap = listWords(capital);
    if (STATUS_LINE[c.cca2]) {
      s.push(STATUS_LINE[c.cca2]!);
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
    const areaS = c.area > 0 ? areaText(c.area) : '';
    if (areaS && pop) {
      s.push(
        pick(id, 'size', [
          `It covers about ${areaS} km² and had ${popYear === '2022' ? 'an estimated ' : ''}${popText(pop)} inhabitants in ${popYear}.`,
          `Its ${areaS} square kilometres were home to roughly ${popText(pop)} people in ${popYear}.`,
          `With an area of ${areaS} km², it counted some ${popText(pop)} residents according to ${popYear} figures.`,
        ]),
      );
    } else if (areaS) {
      s.push(`It covers about ${areaS} km².`);
    } else if (pop) {
      s.push(`It had about ${popText(pop)} inhabitants in ${popYear}.`);
    }
    if (neighbourNames.length) {
      s.push(
        pick(id, 'borders', [
          `It shares land borders with ${listWords(neighbourNames)}.`,
          `Its land neighbours are ${listWords(neighbourNames)}.`,
          `On land it borders ${listWords(neighbourNames)}.`,
        ]),
      );
    } else if (
      SEA_ISLAND.has(c.subregion) ||
      c.region === 'Oceania' ||
      [
        'IS',
        'JP',
        'PH',
        'SG',
        'LK',
        'MV',
        'MT',
        'CY',
        'BH',
        'MG',
        'MU',
        'SC',
        'CV',
        'KM',
        'ST',
        'NZ',
        'AU',
        'GB',
        'IE',
        'TW',
        'FO',
        'GL',
        'IM',
        'JE',
        'GG',
        'BM',
        'FK',
        'SH',
        'CX',
        'CC',
        'RE',
        'YT',
        'IO',
        'GS',
      ].includes(c.cca2)
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
    if (langs.length) {
      s.push(
        pick(id, 'lang', [
          `${langs.length > 1 ? 'Its official languages include' : 'Its official language is'} ${listWords(langs)}.`,
          `${listWords(langs)} ${langs.length > 1 ? 'are among its official languages' : 'is the official language'}.`,
        ]),
      );
    }
    const curr = Object.values(c.currencies ?? {})
      .map((x) => x.name.replace(/^Euro$/, 'euro'))
      .slice(0, 2);
    if (curr.length === 1) {
      s.push(
        pick(id, 'cur', [
          `The currency in use is the ${curr[0]}.`,
          `Its currency is the ${curr[0]}.`,
          `It uses the ${curr[0]}.`,
        ]),
      );
    } else if (curr.length > 1) {
      s.push(`Currencies in use include the ${curr.join(' and the ')}.`);
    }
    const orgs: string[] = [];
    if (EU[c.cca2]) orgs.push(`the European Union (since ${EU[c.cca2]!.slice(0, 4)})`);
    if (NATO[c.cca2]) orgs.push(`NATO (${NATO[c.cca2] === '1949' ? 'a founding member' : `since ${NATO[c.cca2]}`})`);
    if (ASEAN[c.cca2])
      orgs.push(`ASEAN (${ASEAN[c.cca2] === '1967' ? 'a founding member' : `since ${ASEAN[c.cca2]!.slice(0, 4)}`})`);
    if (AU.has(c.cca2)) orgs.push('the African Union');
    if (isUn) {
      s.push(
        orgs.length
          ? `Besides the United Nations, it belongs to ${listWords(orgs)}.`
          : 'It is a member of the United Nations.',
      );
    } else if (orgs.length) {
      s.push(`It belongs to ${listWords(orgs)}.`);
    }
    let summary = s.join(' ');
    const words = () => summary.split(/\s+/).length;
    if (words() < 40 && c.name.official && c.name.official !== name) {
      summary += ` Its official name is ${c.name.official}.`;
    }
    if (words() < 40 && c.region) {
      summary += ` Reference datasets group it with ${c.subregion || c.region}${c.subregion ? `, part of ${c.region}` : ''}.`;
    }

    const cue = CUES[c.cca2];
    const entry: Entry = {
      id,
      name,
      type: sovereign ? 'country' : 'place',
      aliases: aliasesFor(c, name),
      description,
      summary,
      facts: facts.slice(0, 9),
      related,
      wikipedia: WIKI_TITLE[c.cca2] ?? c.name.common.replace(/ /g, '_'),
      ...(cue ? { cues: cue.cues, ...(cue.prior !== undefined ? { prior: cue.prior } : {}) } : {}),
      reviewed: REVIEWED,
    };
    entries.push(entry);
  }
  for (const e of MANUAL_ENTRIES) if (!skip.has(e.id)) entries.push(e);
  addLeaderLinks(entries);
  return entries;
}

// ---------------------------------------------------------------- links to leaders
/**
 * The people packs (written by other researchers, with their own sourced office facts) say
 * "leader of" / "head of state of" a country; add the reverse link here so a country card can
 * point at its leader. Only related links are added, no facts: the office facts stay with the
 * person entries and their sources. "former ..." relations are ignored.
 */
const PEOPLE_FILES = ['data/packs/world/people.json', 'data/packs/central-asia/people.json'];
const REVERSE: Record<string, string> = {
  'leader of': 'led by',
  'head of state of': 'head of state',
  'acting leader of': 'led by (acting)',
  'head of government of': 'head of government',
};
function normName(s: string): string {
  return ` ${s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()} `;
}
function addLeaderLinks(entries: Entry[]): void {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const people: Entry[] = [];
  for (const f of PEOPLE_FILES) {
    const path = join(ROOT, f);
    if (!existsSync(path)) continue;
    let list: Entry[];
    try {
      list = JSON.parse(readFileSync(path, 'utf8')) as Entry[];
    } catch {
      continue;
    }
    people.push(...list);
    for (const person of list) {
      for (const r of person.related ?? []) {
        const rel = REVERSE[r.relation];
        const target = byId.get(r.id);
        if (!rel || !target) continue;
        if (target.related.some((x) => x.id === person.id)) continue;
        target.related.push({ id: person.id, relation: rel });
      }
    }
  }
  // The office facts above name the holder; where that person has an entry in a people pack
  // (matched on the full name or a multi-word alias), link to it as well.
  const LABEL_REL: Record<string, string> = {
    'Head of state and government': LEADER_RELATION.both,
    'Head of state': LEADER_RELATION.hos,
    'Head of government': LEADER_RELATION.hog,
  };
  const names = people
    .filter((p) => (p.type as string) === 'person') // people-pack entries, read with the country Entry shape
    .map((p) => ({ id: p.id, forms: [p.name, ...p.aliases.filter((a) => a.trim().includes(' '))].map(normName) }));
  for (const e of entries) {
    for (const f of e.facts) {
      const rel = LABEL_REL[f.label];
      if (!rel || typeof f.value !== 'string') continue;
      const v = normName(f.value);
      for (const p of names) {
        if (!p.forms.some((n) => v.includes(n))) continue;
        if (e.related.some((x) => x.id === p.id)) continue;
        e.related.push({ id: p.id, relation: rel });
      }
    }
  }
}

// ---------------------------------------------------------------- hand-written entries (places without an ISO code)
const SRC_GAZA = 'https://db0nus869y26v.cloudfront.net/simple/Gaza_Strip';
const SRC_GAZA_NEWS = 'https://thenationonlineng.net/10-crucial-things-to-know-about-the-gaza-strip/';
const SRC_GAZA_BORDERS =
  'https://wftv.com/news/trending/israel-hamas-war-here-is-what-know-about-gaza-strip/FIV4D55D5ND7LCUM2H5MYELNLI/?outputType=amp';
const SRC_WB_PCBS = 'https://de.zxc.wiki/wiki/Liste_der_Gouvernements_der_Pal%C3%A4stinensischen_Autonomiebeh%C3%B6rde';
const SRC_WB_OSLO = 'https://review.clateway.com/wiki/view_html.php?q=West_Bank_areas_in_the_Oslo_II_Accord';
const SRC_PAL_TERR = 'https://handwiki.org/wiki/Place:Palestinian_territories';
const SRC_TRNC = 'https://wiki.studentb.eu/view_html.php?lang=en&q=Northern_Cyprus&sq=Albert+Einstein';
const SRC_TRNC2 = 'https://www.defactoborders.org/places/northern-cyprus';
const SRC_GA_CENSUS =
  'https://www.census.gov/geographies/reference-files/2010/geo/state-local-geo-guides-2010/georgia.html?utm_campaign=20230102mscups1ccstaga&utm_medium=email&utm_source=govdelivery';
const SRC_GA_2020 = 'https://review.clateway.com/wiki/view_html.php?q=Demographics_of_Georgia_%28U.S._state%29&sq=Qlik';

const MANUAL_ENTRIES: Entry[] = [
  {
    id: 'gaza-strip',
    name: 'Gaza Strip',
    type: 'place',
    aliases: ['Gaza'],
    description: 'Palestinian coastal enclave between Israel and Egypt, run by Hamas since 2007; scene of the Gaza war',
    summary:
      'The Gaza Strip is a narrow, densely populated Palestinian territory on the Mediterranean coast, wedged between Israel to the north and east and Egypt to the south. Egypt held it until Israel captured it in the 1967 war; Israel pulled out its soldiers and settlers in 2005, and Hamas took control in 2007 after fighting with Fatah. Israel and Egypt have restricted movement and goods ever since. It is claimed as part of the State of Palestine and has been the main battlefield of the war that followed the Hamas attack on Israel in October 2023.',
    facts: [
      {
        label: 'Area',
        value: 365,
        unit: 'km²',
        asOf: '2022',
        source: SRC_GAZA,
        note: 'about 41 km long and 6–12 km wide',
      },
      {
        label: 'Population',
        value: 2375259,
        unit: 'people',
        asOf: '2022',
        source: SRC_GAZA,
        note: 'estimate; news reports in October 2023 spoke of about 2.3 million',
      },
      { label: 'Under Hamas control since', value: '2007', asOf: '2007', source: SRC_GAZA_NEWS },
      {
        label: 'Israeli withdrawal of troops and about 7,000 settlers',
        value: '2005',
        asOf: '2005',
        source: SRC_GAZA_NEWS,
      },
      {
        label: 'Border length',
        value: 'about 36 miles with Israel, 8 miles with Egypt',
        asOf: '2023-10',
        source: SRC_GAZA_BORDERS,
      },
      { label: 'Main city', value: 'Gaza City', asOf: '2022', source: SRC_GAZA },
    ],
    related: [
      { id: 'state-of-palestine', relation: 'part of' },
      { id: 'israel', relation: 'neighbour of' },
      { id: 'egypt', relation: 'neighbour of' },
      { id: 'west-bank', relation: 'other Palestinian territory' },
      { id: 'gaza-war', relation: 'site of' },
      { id: 'october-7-attacks', relation: 'launch point of' },
    ],
    wikipedia: 'Gaza_Strip',
    reviewed: REVIEWED,
  },
  {
    id: 'west-bank',
    name: 'West Bank',
    type: 'place',
    aliases: ['Judea and Samaria'],
    description:
      'Landlocked Palestinian territory west of the Jordan River, occupied by Israel since 1967; seat of the Palestinian Authority',
    summary:
      'The West Bank is the larger of the two Palestinian territories, lying between Israel and the Jordan River and the Dead Sea. Jordan ruled it after 1948; Israel captured it in the 1967 war and has occupied it since, and Israeli officials call it Judea and Samaria. Under the Oslo II accord of 1995 it was split into Areas A, B and C: the Palestinian Authority governs the towns of Areas A and B, while Israel alone administers Area C, where the Israeli settlements lie. Israeli settlement growth and violence between settlers, soldiers and Palestinians keep it in the news.',
    facts: [
      {
        label: 'Area',
        value: 5655,
        unit: 'km²',
        asOf: '2015',
        source: SRC_WB_PCBS,
        note: 'Palestinian statistics office figure; other sources give 5,860 km² including part of the Dead Sea',
      },
      {
        label: 'Population',
        value: 2935368,
        unit: 'people',
        asOf: '2015',
        source: SRC_WB_PCBS,
        note: 'Palestinian population of the governorates, incl. East Jerusalem governorate',
      },
      {
        label: 'Area C share (Israeli-administered)',
        value: 'about 61%',
        asOf: '2015',
        source: SRC_WB_OSLO,
        note: 'Area A about 18%, Area B about 22%',
      },
      { label: 'Occupied by Israel since', value: '1967', asOf: '1967', source: SRC_PAL_TERR },
    ],
    related: [
      { id: 'state-of-palestine', relation: 'part of' },
      { id: 'israel', relation: 'neighbour of' },
      { id: 'jordan', relation: 'neighbour of' },
      { id: 'gaza-strip', relation: 'other Palestinian territory' },
    ],
    wikipedia: 'West_Bank',
    reviewed: REVIEWED,
  },
  {
    id: 'northern-cyprus',
    name: 'Northern Cyprus',
    type: 'place',
    aliases: ['Turkish Republic of Northern Cyprus', 'TRNC', 'North Cyprus'],
    description: 'Breakaway Turkish Cypriot state in the north of Cyprus, recognised only by Turkey',
    summary:
      "Northern Cyprus is the Turkish Cypriot state in the north-east of the island of Cyprus. It grew out of the island's partition after the 1974 Greek-backed coup and Turkish invasion, and declared independence on 15 November 1983. Only Turkey recognises it; every other state treats its land as part of the Republic of Cyprus, an EU member. A UN buffer zone separates it from the south and cuts through Nicosia, and Turkey keeps a large military force there. Talks on reunifying the island come and go in the news.",
    facts: [
      { label: 'Declared independence', value: '1983-11-15', asOf: '1983-11-15', source: SRC_TRNC },
      { label: 'Area', value: 3355, unit: 'km²', asOf: '2021', source: SRC_TRNC },
      {
        label: 'Population',
        value: 382836,
        unit: 'people',
        asOf: '2021',
        source: SRC_TRNC,
        note: 'estimate; the 2011 census counted 286,257',
      },
      { label: 'Capital', value: 'North Nicosia', asOf: '2021', source: SRC_TRNC, note: 'de facto' },
      { label: 'Recognised by', value: 'Turkey only', asOf: '2021', source: SRC_TRNC2 },
    ],
    related: [
      { id: 'cyprus', relation: 'located in' },
      { id: 'turkey', relation: 'recognised and backed by' },
    ],
    wikipedia: 'Northern_Cyprus',
    reviewed: REVIEWED,
  },
  {
    id: 'georgia-us-state',
    name: 'Georgia',
    type: 'place',
    aliases: ['State of Georgia'],
    description: 'U.S. state in the South-east, capital Atlanta; one of the original thirteen states',
    summary:
      'Georgia is a state in the south-eastern United States, bordered by Alabama, Florida, North Carolina, South Carolina and Tennessee and the Atlantic Ocean. Founded as a British colony in 1732, it became the fourth state to ratify the U.S. Constitution on 2 January 1788. Atlanta is both its capital and its biggest city. The 2020 census counted about 10.7 million residents, most of them in metropolitan Atlanta. Not to be confused with the country of Georgia in the Caucasus.',
    facts: [
      { label: 'Capital', value: 'Atlanta', asOf: '2010', source: SRC_GA_CENSUS },
      { label: 'Became a state', value: '1788-01-02', asOf: '1788-01-02', source: SRC_GA_CENSUS, note: 'fourth state' },
      { label: 'Population', value: 10711908, unit: 'people', asOf: '2020', source: SRC_GA_2020, note: '2020 census' },
      { label: 'Land area', value: 57513.5, unit: 'sq mi', asOf: '2010', source: SRC_GA_CENSUS },
    ],
    related: [{ id: 'united-states', relation: 'part of' }],
    wikipedia: 'Georgia_(U.S._state)',
    cues: [
      'atlanta',
      'savannah',
      'u.s. state',
      'peach state',
      'governor',
      'fulton county',
      'augusta',
      'kemp',
      'senate race',
    ],
    prior: 0.5,
    reviewed: REVIEWED,
  },
];

const entries = build().sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
const ids = new Set<string>();
for (const e of entries) {
  if (ids.has(e.id)) throw new Error(`duplicate id ${e.id}`);
  ids.add(e.id);
}
writeFileSync(OUT, JSON.stringify(entries, null, 2) + '\n');
console.log(`wrote ${entries.length} entries to ${OUT}`);

/**
 * Generated pages and texts for the benchmark (scripts/bench.ts). Deterministic
 * (seeded), news-like, and naming real knowledge-base entries so the engine has
 * work to do. Nothing here copies the evaluation corpus.
 */
import type { KbIndex } from '../../lib/engine/types.ts';

/** A small seeded PRNG (mulberry32), so every run benchmarks the same text. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = [
  'Maria',
  'Tomas',
  'Leila',
  'Daniel',
  'Aigerim',
  'Samuel',
  'Nadia',
  'Victor',
  'Helen',
  'Omar',
  'Ingrid',
  'Rustam',
  'Claire',
  'Hamid',
  'Petra',
  'Jonas',
];
const LAST = [
  'Keller',
  'Okafor',
  'Brandt',
  'Nurlanova',
  'Lindqvist',
  'Haddad',
  'Moreau',
  'Castellanos',
  'Petrov',
  'Whitfield',
  'Tanaka',
  'Osei',
  'Ferreira',
  'Novak',
];
const INSTITUTES = [
  'Institute for Regional Studies',
  'Centre for Maritime Policy',
  'Hallstatt Policy Forum',
  'Eastern Trade Council',
  'Northbridge University',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const TOPICS = [
  'energy prices',
  'border security',
  'grain exports',
  'port access',
  'the new rail corridor',
  'water rights',
  'debt relief',
  'visa rules',
  'fishing quotas',
  'the customs union',
  'drone sales',
  'pipeline tariffs',
];
const FILLER = [
  'Prices rose by {PCT} percent in the year to {MONTH}, the fastest pace in a decade.',
  'Critics said the plan lacked detail and would take years to carry out.',
  'The talks ran late into the night and ended without a joint statement.',
  'Diplomats described the mood as cautious but not hostile.',
  'Turnout was lower than expected, and several districts reported delays.',
  'The measure still needs approval from parliament before it can take effect.',
  'Local businesses have complained for months about the cost of compliance.',
  'Shipping volumes fell sharply after the storms closed two of the main terminals.',
  'None of the officials agreed to be named because the negotiations are continuing.',
  'Analysts expect the figures to be revised when fuller data arrive next quarter.',
];
const TEMPLATES = [
  '{PERSON} told reporters in {PLACE} on {DAY} that {ORG} would review its position on {TOPIC}.',
  'Officials from {COUNTRY} and {COUNTRY2} met in {PLACE} to discuss trade worth ${NUM} billion, according to {ORG}.',
  'The {EVENT} still shapes how {COUNTRY} approaches its neighbours, analysts said.',
  '{PERSON}, who has long argued for closer ties with {COUNTRY}, said the meeting with {ORG} had been "constructive".',
  'Under the {INIT}, {COUNTRY} has pledged {NUM} million dollars for roads, ports and power lines.',
  '{NEWPERSON}, a researcher at the {INSTITUTE}, said {COUNTRY} was "testing how far it can go" on {TOPIC}.',
  'A spokesperson for {ORG} declined to comment on reports that {PERSON} would visit {COUNTRY2} in {MONTH}.',
  'Trade between {COUNTRY} and {COUNTRY2} grew {PCT} percent last year, to about ${NUM} billion.',
  'In {PLACE}, protesters gathered outside government offices, calling on {PERSON} to resign.',
  '{ORG} and {ORG2} issued a joint statement on {TOPIC} after two days of talks in {PLACE}.',
  'The agreement echoes commitments made during the {EVENT}, when {COUNTRY} sided with {COUNTRY2}.',
  '{NEWPERSON} of the {INSTITUTE} noted that {PERSON} had said much the same thing in {MONTH}.',
];

export interface KbNames {
  person: string[];
  organization: string[];
  country: string[];
  place: string[];
  initiative: string[];
  event: string[];
}

/** Names of knowledge-base entries by type (as the packs write them). */
export function kbNames(index: KbIndex): KbNames {
  const out: KbNames = { person: [], organization: [], country: [], place: [], initiative: [], event: [] };
  for (const e of index.entries) {
    const list = (out as unknown as Record<string, string[]>)[e.type];
    // Names with parentheses or leading digits read oddly inside a sentence.
    if (list && !/[()]/.test(e.name)) list.push(e.name);
  }
  return out;
}

/** News-like paragraphs totalling about `words` words. */
export function newsParagraphs(names: KbNames, words: number, seed = 1): string[] {
  const rnd = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const fill = (tpl: string) =>
    tpl
      .replace(/\{PERSON\}/g, () => pick(names.person))
      .replace(/\{ORG2?\}/g, () => pick(names.organization))
      .replace(/\{COUNTRY2?\}/g, () => pick(names.country))
      .replace(/\{PLACE\}/g, () => pick(names.place.length ? names.place : names.country))
      .replace(/\{INIT\}/g, () => pick(names.initiative))
      .replace(/\{EVENT\}/g, () => pick(names.event))
      .replace(/\{NEWPERSON\}/g, () => `${pick(FIRST)} ${pick(LAST)}`)
      .replace(/\{INSTITUTE\}/g, () => pick(INSTITUTES))
      .replace(/\{TOPIC\}/g, () => pick(TOPICS))
      .replace(/\{DAY\}/g, () => pick(DAYS))
      .replace(/\{MONTH\}/g, () => pick(MONTHS))
      .replace(/\{PCT\}/g, () => (1 + rnd() * 14).toFixed(1))
      .replace(/\{NUM\}/g, () => String(2 + Math.floor(rnd() * 400)));
  const paras: string[] = [];
  let count = 0;
  while (count < words) {
    const n = 3 + Math.floor(rnd() * 4);
    const sentences: string[] = [];
    for (let i = 0; i < n; i++) sentences.push(fill(rnd() < 0.7 ? pick(TEMPLATES) : pick(FILLER)));
    const p = sentences.join(' ');
    paras.push(p);
    count += p.split(/\s+/).length;
  }
  return paras;
}

export function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A long news article page: masthead, <article> with <h1> and <p>s, footer. */
export function articlePage(names: KbNames, words: number, seed = 7): string {
  const paras = newsParagraphs(names, words, seed);
  const title = `${names.country[3] ?? 'A country'} and ${names.organization[5] ?? 'an alliance'}: a long read on trade, power and security`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)} | The Bench Courier</title>
<style>body{font:18px/1.6 Georgia,serif;margin:0;color:#222;background:#fbfaf7}header,footer{background:#1f2a44;color:#fff;padding:12px 24px;font:15px system-ui,sans-serif}header a{color:#cdd6ea;margin-left:16px}main{max-width:720px;margin:32px auto;padding:0 24px}</style>
</head><body>
<header>The Bench Courier <nav><a href="#">World</a><a href="#">Business</a><a href="#">Opinion</a><a href="#">Sport</a></nav></header>
<main><article>
<h1>${esc(title)}</h1>
<p class="byline">By ${FIRST[2]} ${LAST[4]}, foreign affairs correspondent</p>
${paras.map((p) => `<p>${esc(p)}</p>`).join('\n')}
</article></main>
<footer>© The Bench Courier. <a href="#">Contact</a> · <a href="#">Privacy</a> · <a href="#">Terms</a></footer>
</body></html>`;
}

/**
 * A page that is not an article and has about `nodes` DOM nodes: a big grid of
 * short link cells (a listing or dashboard). Each cell is <td><a>text</a></td>
 * (3 nodes), each row adds a <tr>.
 */
export function gridPage(nodes = 50_000, cols = 10): string {
  const perRow = 1 + cols * 3;
  const rows = Math.ceil(nodes / perRow);
  const out: string[] = [];
  let n = 0;
  for (let r = 0; r < rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < cols; c++) cells.push(`<td><a href="#i${n}">SKU ${(n++).toString(36).toUpperCase()}</a></td>`);
    out.push(`<tr>${cells.join('')}</tr>`);
  }
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Inventory listing</title>
<style>body{font:12px system-ui,sans-serif;margin:8px}td{padding:1px 4px;border:1px solid #eee}</style>
</head><body><h1>Inventory</h1><table><tbody>
${out.join('\n')}
</tbody></table></body></html>`;
}

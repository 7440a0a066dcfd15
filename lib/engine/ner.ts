/**
 * Names the knowledge base lacks, found with compromise. This is the only module
 * that imports compromise (a test enforces it): compromise keeps global state,
 * so it is configured once, here.
 *
 * compromise over-reports ("Kazakh media", "China's energy"), so every candidate
 * is cleaned and kept only when it looks like a proper name of its type.
 */
import nlp from 'compromise';
import type { EntityType } from './types.ts';

export interface NerSpan {
  start: number;
  end: number;
  text: string;
  type: EntityType;
}

interface CompromiseMatch {
  text: string;
  offset?: { start: number; length: number };
}

const TITLES =
  /^(?:(?:mr|mrs|ms|dr|prof|gen|lt|col|maj|capt|sgt|sen|rep|gov|pres|adm|brig|cmdr|sir|dame|lord|lady|st)\.?|president|vice|prime|minister|premier|chancellor|king|queen|prince|princess|general|major|colonel|captain|admiral|marshal|lieutenant|commander|chief|deputy|first|foreign|defence|defense|secretary|senator|governor|mayor|judge|justice|ambassador|envoy|director|chairman|chairwoman|chair|leader|pope|sheikh|emir|sultan|crown|supreme|former|late|state|army|party|spokesman|spokeswoman|spokesperson|counsellor|councillor|officer|head|executive|ceo|founder|owner|co-owner|minister's|commissioner|inspector|superintendent|detective|constable|sheriff|writer|reporter|correspondent|editor|columnist|analyst|economist|researcher|professor|lecturer|scientist|author|photographer|coach|manager|chief's|attorney|lawyer|rabbi|imam|bishop|cardinal|father|sister|brother|dr|the)$/i;

/** Words that never stand alone as an entity: demonyms, generic nouns, weekdays, months. */
const NOT_NAMES = new Set(
  (
    'russian kazakh chinese uzbek tajik kyrgyz turkmen afghan pakistani iranian indian american british european western eastern ' +
    'asian african arab muslim islamic soviet uyghur uighur western-centric central northern southern east west north south ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september ' +
    'october november december today yesterday tomorrow government ministry police army media state states parliament ' +
    'president minister official officials staff downtown the a an this that these those it he she they we you i'
  ).split(' '),
);

/** Words that begin sentences or phrases, not names ("One S. That", "Under the …", "Hurricane Sandy"). */
const NOT_A_NAME_START =
  /^(?:One|Two|Three|Under|Over|After|Before|During|When|While|If|As|At|But|And|Or|So|Yet|Then|This|That|These|Those|Every|Each|Some|Many|Most|Hurricane|Storm|Typhoon|Cyclone|Tropical|Operation|Project|Dear|Hello|Thanks|Read|Watch|Follow|Share|Click|Sign|Subscribe)$/u;
/** Page furniture that looks like a name. */
const NOT_NAMES_PHRASES = new Set([
  'terms of service',
  'terms of use',
  'privacy policy',
  'cookie policy',
  'all rights reserved',
  'contact us',
  'about us',
]);

const ORG_WORDS =
  /\b(?:Bank|Party|Army|Forces?|Council|Committee|Ministry|Agency|Foundation|Institute|University|College|School|Company|Corp(?:oration)?|Inc|Ltd|LLC|Group|Association|Union|Organi[sz]ation|Cent(?:re|er)|Court|Commission|Office|Bakery|Fund|Authority|Department|Bureau|Service|Front|Movement|Alliance|League|Federation|Network|Society|Trust|Board|Assembly|Congress|Navy|Guard|Police|Times|Post|News|Press|Herald|Journal|Daily|Tribune|Church|Hospital|Airlines?|Popcorn|Cream|Café|Cafe|Restaurant|Club|Team|Brigade|Corps|Mechanism|Initiative|Programme|Program)\b/u;
const PLACE_WORDS =
  /\b(?:St\.?|Street|Avenue|Ave\.?|Road|Rd\.?|Boulevard|Square|Mountains?|River|Lake|Valley|Region|Province|County|City|Island|Islands|Bay|Sea|Ocean|Desert|Plateau|Arena|Center|Centre|Park|Stadium|Bridge|Airport|Port|Strait|Gulf|Canal|District|Oblast|Prefecture)\b/u;

function cleanName(raw: string, start: number): { text: string; start: number } | null {
  let text = raw;
  let s = start;
  // Trailing punctuation and possessives.
  const trail = /(?:['\u2019]s|['\u2019]|[\s.,;:!?"\u201C\u201D)(\]\-\u2013\u2014])+$/u.exec(text);
  if (trail) {
    const keepDot = /\b(?:St|Co|Inc|Ltd|Jr|Sr)\.$/u.test(text) || /\s\p{Lu}\.$/u.test(text);
    if (!keepDot) text = text.slice(0, trail.index);
  }
  // Leading quotes and titles ("Mr.", "President", "Gen").
  for (;;) {
    const lead = /^[\s"'\u201C\u2018(]+/u.exec(text);
    if (lead) {
      text = text.slice(lead[0].length);
      s += lead[0].length;
    }
    const word = /^(\S+)\s+/u.exec(text);
    if (word && TITLES.test(word[1]!.replace(/,$/, ''))) {
      text = text.slice(word[0].length);
      s += word[0].length;
      continue;
    }
    break;
  }
  // "Stanford University's Center for …", "Parliament's Joint Committee": the name is the part before the possessive.
  const poss = /['\u2019]s\s/u.exec(text);
  if (poss) text = text.slice(0, poss.index);
  if (!text) return null;
  return { text, start: s };
}

function looksLikeName(text: string, type: EntityType): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 6) return false;
  if (/[/|@#]/.test(text) || /^\d{4}\b/.test(text)) return false; // "A/ B" fragments, "2009 Pulitzer Prize …"
  if (NOT_A_NAME_START.test(words[0]!)) return false;
  if (NOT_NAMES_PHRASES.has(text.toLowerCase())) return false;
  const connectors = /^(?:of|and|the|de|da|di|du|del|la|le|al|el|bin|bint|ibn|von|van|der|den|&|for|on)$/i;
  for (const w of words) {
    if (connectors.test(w)) continue;
    if (!/^[\p{Lu}\p{N}]/u.test(w)) return false;
  }
  if (connectors.test(words[0]!) || connectors.test(words.at(-1)!)) return false;
  if (words.length === 1 && NOT_NAMES.has(words[0]!.toLowerCase())) return false;
  if (words.every((w) => NOT_NAMES.has(w.toLowerCase()) || connectors.test(w))) return false;
  // Demonym + generic noun ("Kazakh media", "Uzbek city") is a description, not a name.
  if (words.length >= 2 && NOT_NAMES.has(words[0]!.toLowerCase()) && !ORG_WORDS.test(text)) return false;
  if (type === 'person') {
    if (words.length < 2) return false;
    if (ORG_WORDS.test(text) || PLACE_WORDS.test(text)) return false;
    if (words.some((w) => /^\p{Lu}{2,}$/u.test(w))) return false;
    return true;
  }
  if (type === 'organization' && STARTS_SENTENCE_GENERIC.test(text)) return false;
  if (type === 'organization')
    return words.length >= 2 && ORG_WORDS.test(words.at(-1)!) && !/^\d+$/.test(words[1] ?? '');
  if (type === 'place') return words.length >= 2 && PLACE_WORDS.test(words.at(-1)!) && !/^\p{N}/u.test(words[0]!);
  return false;
}

/**
 * Titles that introduce a person's name; compromise misses some foreign names
 * ("Gen Fang Fenghui"), so a title followed by two or three capitalised words is
 * also a person.
 */
const TITLE_BEFORE_NAME =
  /\b(?:Mr|Mrs|Ms|Dr|Gen|General|President|Minister|Premier|Chancellor|Ambassador|Secretary|Governor|Senator|Colonel|Commander|Chairman|Director|Envoy|Spokesman|Spokeswoman)\.?\s+((?:\p{Lu}\.\s?){0,3}\p{Lu}[\p{L}\p{M}'\u2019-]+(?:\s+\p{Lu}[\p{L}\p{M}'\u2019-]+){0,2})/gu;

const CAP = String.raw`(?:\p{Lu}[\p{L}\p{M}'\u2019&-]*|\d+)`;
const NAMED_THING = new RegExp(
  String.raw`(?<![\p{L}\p{N}])${CAP}(?:\s+(?:of|and|for|the|on|de|du)\s+${CAP}|\s+${CAP}){1,6}`,
  'gu',
);
/** Words that make a name only together with a proper word ("East Hills Shopping Center" yes, "East and Center" no). */
const GENERIC_WORDS =
  /^(?:North|South|East|West|Northern|Southern|Eastern|Western|Central|Centre|Center|Upper|Lower|Greater|New|Old|Main|Grand|Great|Big|Little|City|Street|Road|Square|Park|Region|District|Province|Force|Forces|Group|Council|Committee|Office|Service|Department|Union|Party|Bank|Court|Army|Police)$/u;
/** Generic phrases that look like names at the start of a sentence ("Foreign Ministry", "Central Bank"). */
const STARTS_SENTENCE_GENERIC =
  /^(?:Foreign|Defence|Defense|Interior|Finance|Central|National|State|Federal|Security|Police|Army|Military|Government|Public|Health|Education|Justice)\s+(?:Ministry|Bank|Council|Forces?|Police|Army|Service|Department|Office|Committee|Court)$/u;

/**
 * Two capitalised words whose first also occurs in lower case in the same text are a
 * heading or a term ("Investment Company"), not an organisation's or place's name.
 */
function isCapitalisedTerm(name: string, text: string): boolean {
  const words = name.split(/\s+/);
  if (words.length !== 2) return false;
  const first = words[0]!.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Case-sensitive: only a lower-case occurrence of the word counts.
  return new RegExp(String.raw`(?<!\p{L})${first}(?!\p{L})`, 'u').test(text);
}

/** "Will Soon", "Mario Run": a two-word "person" whose second word the text also uses in lower case is not a person. */
function endsInOrdinaryWord(name: string, text: string): boolean {
  const words = name.split(/\s+/);
  if (words.length !== 2) return false;
  const last = words[1]!.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return last.length > 1 && new RegExp(String.raw`(?<!\p{L})${last}(?!\p{L})`, 'u').test(text);
}

export function findNames(text: string): NerSpan[] {
  const out: NerSpan[] = [];
  if (!text.trim()) return out;
  const doc = nlp(text);
  const groups: [EntityType, CompromiseMatch[]][] = [
    ['person', doc.people().json({ offset: true }) as CompromiseMatch[]],
    ['organization', doc.organizations().json({ offset: true }) as CompromiseMatch[]],
    ['place', doc.places().json({ offset: true }) as CompromiseMatch[]],
  ];
  for (const [type, matches] of groups) {
    for (const m of matches) {
      if (!m.offset) continue;
      const raw = text.slice(m.offset.start, m.offset.start + m.offset.length);
      const cleaned = cleanName(raw, m.offset.start);
      if (!cleaned || !looksLikeName(cleaned.text, type)) continue;
      out.push({ start: cleaned.start, end: cleaned.start + cleaned.text.length, text: cleaned.text, type });
    }
  }
  // Capitalised word sequences that end in an organisation or place word
  // ("Collective Rapid Deployment Force", "East Hills Shopping Center") — names
  // compromise often misses because it has never seen them.
  for (const m of text.matchAll(NAMED_THING)) {
    let name = m[0];
    let start = m.index;
    const lead = /^(?:The|A|An|This|That|In|On|At|For|From|By|With|And|But|Of)\s+/u.exec(name);
    if (lead) {
      name = name.slice(lead[0].length);
      start += lead[0].length;
    }
    const type: EntityType = ORG_WORDS.test(name.split(/\s+/).at(-1)!) ? 'organization' : 'place';
    // "Stanford University's Center for …": the organisation named is the part before the possessive.
    const poss = /['\u2019]s\s/u.exec(name);
    if (poss) name = name.slice(0, poss.index);
    const content = name.split(/\s+/).filter((w) => !/^(?:of|and|for|the|on|de|du)$/.test(w));
    if (content.every((w) => GENERIC_WORDS.test(w))) continue;
    if (looksLikeName(name, type) && !STARTS_SENTENCE_GENERIC.test(name))
      out.push({ start, end: start + name.length, text: name, type });
  }
  for (const m of text.matchAll(TITLE_BEFORE_NAME)) {
    const name = m[1]!;
    const start = m.index + m[0].length - name.length;
    const cleaned = cleanName(name, start);
    if (cleaned && looksLikeName(cleaned.text, 'person'))
      out.push({ start: cleaned.start, end: cleaned.start + cleaned.text.length, text: cleaned.text, type: 'person' });
  }
  return out
    .filter((n) => (n.type === 'person' ? !endsInOrdinaryWord(n.text, text) : !isCapitalisedTerm(n.text, text)))
    .sort((a, b) => a.start - b.start || b.end - a.end);
}

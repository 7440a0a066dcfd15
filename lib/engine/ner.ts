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
import {
  ATTRIBUTE_WORD,
  BEAT_AFTER,
  BRANCH_HEADS,
  EVENT_HEADS,
  EVENT_LEADS,
  GENERIC_WORDS,
  LEADING_PARTICLES,
  NOT_NAME_PHRASES,
  NOT_NAME_START,
  NOT_NAMES,
  ORG_HEADS,
  PARTICLES,
  PLACE_ATTRIBUTE_SUFFIX,
  PLACE_HEADS,
  SENTENCE_START_HEADS,
  SENTENCE_START_MODIFIERS,
  isTitle,
} from './rules.ts';
import { atSentenceStart, headingLines, scoreNames, type NameEvidence, type TaggedTerm } from './name-scores.ts';
import { isPeopleOfPlace } from './peoples.ts';
import { stateAbbreviations } from './state-abbreviations.ts';
import { datelinePlaces } from './datelines.ts';

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

/** Whether any word of a phrase (punctuation and possessives aside) is in the set. */
const anyWord = (text: string, set: ReadonlySet<string>) => text.split(/[^\p{L}\p{N}&]+/u).some((w) => set.has(w));
const lastWord = (text: string) =>
  text
    .split(/[^\p{L}\p{N}&]+/u)
    .filter(Boolean)
    .at(-1) ?? '';

function cleanName(raw: string, start: number): { text: string; start: number } | null {
  let text = raw;
  let s = start;
  // "Rangi (Te Rangiwai Robert) Wharerau": a name never runs across a bracket; keep the part before it.
  const bracket = /[()[\]]/u.exec(text);
  if (bracket) text = text.slice(0, bracket.index);
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
    if (word && isTitle(word[1]!)) {
      text = text.slice(word[0].length);
      s += word[0].length;
      continue;
    }
    break;
  }
  // "Nairobi-based Kiprono Group": the name is the part after the attribute.
  const attribute = ATTRIBUTE_WORD.exec(text);
  if (attribute) {
    text = text.slice(attribute[0].length);
    s += attribute[0].length;
  }
  // "Stanford University's Center for …", "Parliament's Joint Committee": the name is the part before the possessive.
  const poss = /['\u2019]s\s/u.exec(text);
  if (poss) text = text.slice(0, poss.index);
  if (!text) return null;
  return { text, start: s };
}

/** "People's Consultative Assembly", "Women's Institute": a plural's possessive is part of the name. */
const PLURAL_POSSESSIVE = /^(?:\p{Lu}\p{Ll}*(?:men|ple|ren)|\p{Lu}\p{Ll}*s')$/u;

/** Words before a capitalised run that are not part of the name in it. */
const LEADING_WORDS = /^(?:The|A|An|This|That|In|On|At|For|From|By|With|And|But|Of|Our|Their|His|Her|Its|My|Your)\s+/u;

/** The type a phrase's head word gives it ("… Party", "… Reservoir", "… World Cup", "Hurricane …"), or null. */
function headType(name: string): EntityType | null {
  const last = lastWord(name);
  if (ORG_HEADS.has(last)) return 'organization';
  if (EVENT_HEADS.has(last) || EVENT_LEADS.has(name.split(/\s+/, 1)[0]!)) return 'event';
  if (PLACE_HEADS.has(last)) return 'place';
  return null;
}

function looksLikeName(text: string, type: EntityType): boolean {
  const words = text.split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 6) return false;
  if (/[/|@#]/.test(text) || /^\d{4}\b/.test(text)) return false; // "A/ B" fragments, "2009 Pulitzer Prize …"
  if (NOT_NAME_START.has(words[0]!)) return false;
  if (NOT_NAME_PHRASES.has(text.toLowerCase())) return false;
  const connectors = { test: (w: string) => PARTICLES.has(w.toLowerCase()) };
  for (const w of words) {
    if (connectors.test(w)) continue;
    if (!/^[\p{Lu}\p{N}]/u.test(w)) return false;
  }
  if (connectors.test(words[0]!) || connectors.test(words.at(-1)!)) return false;
  if (words.length === 1 && NOT_NAMES.has(words[0]!.toLowerCase())) return false;
  if (words.every((w) => NOT_NAMES.has(w.toLowerCase()) || connectors.test(w))) return false;
  // Demonym + generic noun ("Kazakh media", "Uzbek city") is a description, not a name.
  if (words.length >= 2 && NOT_NAMES.has(words[0]!.toLowerCase()) && !headType(text)) return false;
  if (type === 'person') {
    if (words.length < 2) return false;
    if (anyWord(text, ORG_HEADS) || anyWord(text, PLACE_HEADS) || headType(text) === 'event') return false;
    if (words.some((w) => /^\p{Lu}{2,}$/u.test(w))) return false;
    return true;
  }
  if (type === 'organization' && startsSentenceGeneric(text)) return false;
  if (type === 'organization')
    return words.length >= 2 && ORG_HEADS.has(lastWord(text)) && !/^\d+$/.test(words[1] ?? '');
  if (type === 'place') return words.length >= 2 && PLACE_HEADS.has(lastWord(text)) && !/^\p{N}/u.test(words[0]!);
  if (type === 'event') return words.length >= 2 && !/^\p{N}/u.test(words[0]!);
  return false;
}

const CAP = String.raw`(?:\p{Lu}\.(?=\s)|\p{Lu}[\p{L}\p{M}\p{N}'\u2019&-]*|\d+)`;
// Words of one name are on one line: a heading's last word never joins the next paragraph's first.
const NAMED_THING = new RegExp(
  // Not from a section's number ("4.3 Mozilla Location Service").
  String.raw`(?<![\p{L}\p{N}]|\p{N}\.)${CAP}(?:[ \u00a0]+(?:of|and|for|the|on|de|du)[ \u00a0]+${CAP}|[ \u00a0]+${CAP}){1,6}`,
  'gu',
);
/** "Foreign Ministry", "Central Bank" at a sentence's start: a description, not a name. */
function startsSentenceGeneric(name: string): boolean {
  const words = name.split(/\s+/);
  return words.length === 2 && SENTENCE_START_MODIFIERS.has(words[0]!) && SENTENCE_START_HEADS.has(words[1]!);
}

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

interface CompromiseTerm {
  text: string;
  tags: string[];
  offset: { start: number; length: number };
}

/** The words of a text as compromise tags them: what name-scores.ts weighs (exported for its tests). */
export function tagTerms(text: string): TaggedTerm[] {
  return text.trim() ? taggedTerms(nlp(text)) : [];
}

function taggedTerms(doc: ReturnType<typeof nlp>): TaggedTerm[] {
  const out: TaggedTerm[] = [];
  for (const s of doc.json({ offset: true }) as { terms: CompromiseTerm[] }[])
    for (const t of s.terms) {
      if (!t.text) continue;
      const start = t.offset.start;
      out.push({ start, end: start + t.offset.length, text: t.text, tags: new Set(t.tags) });
    }
  return out;
}

/** Compromise's document of a text: made once per analysis, read by the names and the figures stages. */
export function tagText(text: string): ReturnType<typeof nlp> {
  return nlp(text);
}

/** `doc`: compromise's document of `text`, when the caller has it already (the figures stage shares it). */
export function findNames(text: string, evidence: NameEvidence = {}, doc?: ReturnType<typeof nlp>): NerSpan[] {
  const out: NerSpan[] = [];
  if (!text.trim()) return out;
  doc ??= nlp(text);
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
      // "Te Kaurinui Parata": a capitalised particle the tagger left off the front of a person's name.
      const lead =
        type === 'person'
          ? /(?:^|[^\p{L}\p{M}])(\p{Lu}[\p{L}\p{M}]*) $/u.exec(
              text.slice(Math.max(0, cleaned.start - 10), cleaned.start),
            )
          : null;
      if (lead && LEADING_PARTICLES.has(lead[1]!) && cleaned.text.split(' ')[0] !== lead[1]) {
        cleaned.start -= lead[1]!.length + 1;
        cleaned.text = `${lead[1]!} ${cleaned.text}`;
      }
      out.push({ start: cleaned.start, end: cleaned.start + cleaned.text.length, text: cleaned.text, type });
    }
  }
  // Capitalised word sequences that end in an organisation or place word
  // ("Collective Rapid Deployment Force", "East Hills Shopping Center") — names
  // compromise often misses because it has never seen them.
  const headings = headingLines(text);
  const terms = taggedTerms(doc);
  // Plural common nouns that open a sentence ("Stocks on Wall Street rose"), by offset.
  const openingPlural = new Set(
    terms
      .filter((t, k) => t.tags.has('Plural') && !t.tags.has('ProperNoun') && atSentenceStart(text, terms, k))
      .map((t) => t.start),
  );
  for (const m of text.matchAll(NAMED_THING)) {
    if (headings[m.index]) continue; // a title-case heading capitalises every word
    let name = m[0];
    let start = m.index;
    for (const re of [LEADING_WORDS, ATTRIBUTE_WORD]) {
      const lead = re.exec(name);
      if (lead) {
        name = name.slice(lead[0].length);
        start += lead[0].length;
      }
    }
    // "Stocks on Wall Street rose": a plural common noun opening a sentence, then "on", is not a word of the name.
    const onLead = /^(\S+) on /u.exec(name);
    if (onLead && openingPlural.has(start)) {
      name = name.slice(onLead[0].length);
      start += onLead[0].length;
    }
    // "Stanford University's Center for …" names the part before the possessive, an organisation
    // itself; "Prabowo's Gerindra Party", "Men's T20 World Cup" the part after it.
    const poss = /['\u2019]s\s/u.exec(name);
    if (poss && !PLURAL_POSSESSIVE.test(name.slice(0, poss.index))) {
      if (ORG_HEADS.has(lastWord(name.slice(0, poss.index)))) name = name.slice(0, poss.index);
      else {
        start += poss.index + poss[0].length;
        name = name.slice(poss.index + poss[0].length);
      }
    }
    const type = headType(name);
    const content = name.split(/\s+/).filter((w) => !/^(?:of|and|for|the|on|de|du)$/.test(w));
    if (!type || content.every((w) => GENERIC_WORDS.has(w))) continue;
    if (looksLikeName(name, type) && !startsSentenceGeneric(name))
      out.push({ start, end: start + name.length, text: name, type });
  }
  // A phrase whose first word the text also writes in lower case is a term here ("Investment Company");
  // the runs weighed below count that against the whole phrase only ("Election Headquarters" beside "election").
  const kept = out
    .filter((n) => (n.type === 'person' ? !endsInOrdinaryWord(n.text, text) : !isCapitalisedTerm(n.text, text)))
    .filter((n, k, all) => all.findIndex((m) => m.start === n.start && m.end === n.end) === k);
  out.length = 0;
  out.push(...kept);
  // Capitalised runs neither compromise nor the head words above recognised, weighed on their evidence.
  for (const n of scoreNames(text, terms, out, evidence)) if (!NOT_NAME_PHRASES.has(n.text.toLowerCase())) out.push(n);
  // compromise cuts a double-barrelled surname at its hyphen ("Jovan Owusu-Nepaul").
  for (const n of out) {
    const rest = n.type === 'person' ? /^-\p{Lu}\p{Ll}+/u.exec(text.slice(n.end)) : null;
    if (rest) {
      n.text += rest[0];
      n.end += rest[0].length;
    }
  }
  // "The tribunal's Chandigarh Bench": a branch named by its seat is a mention of the place.
  const isPlace = (x: string) => !!evidence.knownPlace?.(x) || !!evidence.kbPlace?.(x);
  for (const n of out) {
    const cut = n.text.lastIndexOf(' ');
    if (n.type === 'place' || cut < 0 || !BRANCH_HEADS.has(n.text.slice(cut + 1))) continue;
    if (!isPlace(n.text.slice(0, cut))) continue;
    n.text = n.text.slice(0, cut);
    n.end = n.start + cut;
    n.type = 'place';
  }
  return (
    out
      .filter((n) => n.type !== 'person' || !endsInOrdinaryWord(n.text, text))
      // "Mercer Island-based fleet": an attribute of what follows, not a mention of the place.
      .filter((n) => !PLACE_ATTRIBUTE_SUFFIX.test(text.slice(n.end, n.end + 20)))
      // "New Zealanders", "Sri Lankans": a place's people, a description.
      .filter((n) => !isPeopleOfPlace(n.text, isPlace))
      // "Latin America editor": a reporter's patch.
      .filter((n) => n.type !== 'place' || !BEAT_AFTER.test(text.slice(n.end, n.end + 20)))
      // "(R-Ky.)", "ASHEVILLE, N.C.": a state as American news abbreviates it, named in full.
      .concat(stateAbbreviations(text))
      // "SUGAR LAND, Texas —": the dateline's place, when the gazetteer knows it.
      .concat(datelinePlaces(text, evidence.knownPlace))
      .sort((a, b) => a.start - b.start || b.end - a.end)
  );
}

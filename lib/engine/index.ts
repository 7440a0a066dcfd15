/**
 * The entity engine: article text + compiled knowledge-base index → AnalysisResult.
 * Pure and deterministic; no DOM, no browser APIs (lib/engine has its own
 * tsconfig without the DOM lib). Build once with createEngine(index), then call
 * analyze() per article.
 *
 * Pipeline, each stage writing to one mention table (mention-table.ts): acronym definitions
 * in the text (definitions.ts) → knowledge-base matches (match-aliases.ts) with acronym spread
 * and disambiguation (disambiguate.ts) → names the knowledge base lacks (ner.ts, name-scores.ts,
 * unknown-names.ts) → short forms (short-forms.ts) → salience and figures (rank.ts).
 */
import type { AnalysisResult, AnalyzeInput, IndexEntry, KbIndex } from './types.ts';
import { tokenize, splitSentences, joinable, type Token } from './tokenize.ts';
import { matchAliases, firstTokenKeys, type AliasMatch } from './match-aliases.ts';
import { findDefinitions } from './definitions.ts';
import { findNames, tagText, type NerSpan } from './ner.ts';
import { disambiguate, hasEvidence, needsEvidence } from './disambiguate.ts';
import { linkFigures, rankEntities, type Draft } from './rank.ts';
import { MentionTable } from './mention-table.ts';
import { addUnknownNames, guessType, placesInsideNames } from './unknown-names.ts';
import { addShortForms } from './short-forms.ts';
import { BEAT_AFTER, COMMON_ABBREVIATIONS, PLACE_ATTRIBUTE_SUFFIX, QUANTITY_WORDS } from './rules.ts';
import { aliasKey } from '../kb/alias-key.ts';
import { countriesAsTeams, teamInPlay } from './teams.ts';
import { addNationalInstitutions } from './institutions.ts';
import { MAX_ARTICLE_CHARS } from '../util/limits.ts';

export type * from './types.ts';

/** Compromise is the costliest step (~0.5 s per 10,000 words in Node); past this length only the first part is tagged. */
export const MAX_NER_CHARS = 60_000;

export interface Engine {
  analyze(input: AnalyzeInput): AnalysisResult;
  readonly index: KbIndex;
}

export function createEngine(index: KbIndex): Engine {
  const firstKeys = firstTokenKeys(index);
  return { index, analyze: (input) => analyze(input, index, firstKeys) };
}

function analyze(input: AnalyzeInput, index: KbIndex, firstKeys: Set<string>): AnalysisResult {
  const t0 = Date.now();
  // The one place the partial flag is set: text cut here, or before it was sent.
  const cut = input.text.length > MAX_ARTICLE_CHARS;
  const partial = cut || input.truncated === true;
  const text = cut ? input.text.slice(0, MAX_ARTICLE_CHARS) : input.text;
  const title = (input.title ?? '').trim();
  const tokens = tokenize(text);
  const sentences = splitSentences(text);
  const matches = matchAliases(text, tokens, index, firstKeys);
  const table = new MentionTable(text);
  const { drafts } = table;
  const draftFor = (e: IndexEntry) => table.forEntry(e);
  const addMention = (d: Draft, start: number, end: number) => table.add(d, start, end);
  const overlaps = (s: number, e: number) => table.overlaps(s, e);
  // Names the knowledge base lacks are found first: a longer one swallows a place's name inside it.
  const nerText = text.length > MAX_NER_CHARS ? text.slice(0, MAX_NER_CHARS) : text;
  // The quick pass (findUnknownNames false) tags nothing: no names beyond the knowledge base, no figures.
  // Otherwise one compromise document serves the names and the figures it covers.
  const doc = input.findUnknownNames === false ? undefined : tagText(nerText);
  const kbPlace = (name: string) =>
    (index.aliases[aliasKey(name)] ?? []).some((t) => ['place', 'country'].includes(index.entries[t.e]!.type));
  const spans: NerSpan[] = doc ? findNames(nerText, { knownPlace: input.knownPlace, kbPlace }, doc) : [];
  const swallowed = placesInsideNames(text, spans, matches, (m) =>
    m.candidates.every((c) => ['place', 'country'].includes(index.entries[c]!.type)),
  );
  if (input.findUnknownNames !== false)
    for (const [m, product] of modelNames(text, matches, index)) {
      // The product replaces what compromise found inside it ("Microsoft" as an organisation).
      const inside = spans.filter((s) => s.start < product.end && s.end > product.start);
      spans.splice(0, spans.length, ...spans.filter((s) => !inside.includes(s)), product);
      swallowed.add(m);
    }

  // 1. Acronyms the article defines win over the knowledge base's senses.
  /** Long forms the article defines that the knowledge base lacks, by name: later mentions of the name join them. */
  const defined = new Map<string, Draft>();
  const bindings = new Map<string, { draft: Draft; longForm: string; kbSenses: number[] }>();
  for (const def of findDefinitions(text, tokens)) {
    if (bindings.has(def.acronym)) continue;
    const longForm = text.slice(def.longStart, def.longEnd);
    // The long form itself, or with up to two words before it ("20th National Party Congress"), as a KB alias.
    let senses: number[] = [];
    for (let k = 0; k <= 2 && !senses.length; k++) {
      const first = def.longFirst - k;
      if (first < 0 || (k > 0 && !joinable(text, tokens[first]!, tokens[first + 1]!))) break;
      const key = aliasKey(text.slice(tokens[first]!.start, def.longEnd));
      senses = [...new Set((index.aliases[key] ?? []).map((t) => t.e))];
    }
    let draft: Draft;
    if (senses.length) {
      const pseudo: AliasMatch = {
        start: def.longStart,
        end: def.longEnd,
        first: def.longFirst,
        last: def.longLast,
        candidates: senses,
        acronym: false,
      };
      const chosen = senses.length > 1 ? disambiguate(pseudo, text, tokens, index, matches) : null;
      draft = draftFor(index.entries[chosen?.entry ?? senses[0]!]!);
      if (chosen) draft.ambiguity ??= chosen.ambiguity;
    } else {
      const extended = extendLeft(text, tokens, def.longFirst);
      const name = text.slice(tokens[extended]!.start, def.longEnd);
      draft = table.forName(name, guessType(name), 'definition', 0.9);
      defined.set(name.toLowerCase(), draft);
      if (!matches.some((m) => m.start < def.longEnd && m.end > tokens[extended]!.start))
        addMention(draft, tokens[extended]!.start, def.longEnd);
    }
    draft.definedAs = def.acronym;
    const kbSenses = [
      ...new Set((index.aliases[aliasKey(def.acronym)] ?? []).filter((t) => t.s === def.acronym).map((t) => t.e)),
    ];
    bindings.set(def.acronym, { draft, longForm, kbSenses });
  }

  // 2. Knowledge-base matches.
  const acronymAt = (m: AliasMatch) => (m.first === m.last ? tokens[m.first]!.raw.replace(/['\u2019]s$/, '') : null);
  for (const m of matches) {
    const acr = acronymAt(m);
    const bound = acr !== null ? bindings.get(acr) : undefined;
    if (bound) continue; // handled in step 3 with every other occurrence of the acronym
    if (overlaps(m.start, m.end)) continue; // inside a long form the article defined
    if (inRouteName(text, tokens, m)) continue; // "Kazakhstan-Turkmenistan-Iran railway" names a route, not three countries
    if (PLACE_ATTRIBUTE_SUFFIX.test(text.slice(m.end, m.end + 20))) continue; // "Washington-based fleet": an attribute of the fleet
    if (
      BEAT_AFTER.test(text.slice(m.end, m.end + 20)) &&
      m.candidates.every((c) => ['place', 'country'].includes(index.entries[c]!.type))
    )
      continue; // "North America editor": a reporter's patch, not a mention of the place
    if (swallowed.has(m)) continue; // "Air India", "Reform UK": a word of an airline's, a party's name
    if (m.first === m.last && COMMON_ABBREVIATIONS.has(acr ?? '')) continue; // "AI", "TV": a common noun's abbreviation
    let entry: IndexEntry;
    if (m.candidates.length === 1) {
      entry = index.entries[m.candidates[0]!]!;
      // A one-word name that may be an ordinary word or a first name ("Chad", "Shell", "Guardian")
      // carries cues: without some evidence for it in the article, it is not taken. This applies
      // to short forms, to places (whose names double as words and names), and to unlikely senses;
      // a company's own one-word name ("Facebook") needs no evidence.
      if (
        entry.cues.length &&
        m.first === m.last &&
        needsEvidence(entry, text.slice(m.start, m.end)) &&
        !hasEvidence(m.candidates[0]!, text, tokens, index, matches) &&
        // "against Afghanistan" in a match report: the country's team is the evidence.
        teamInPlay(entry.id, text, tokens, index, matches) === null
      )
        continue;
      const d = draftFor(entry);
      if (m.acronym) d.confidence = Math.min(d.confidence, 0.85);
      addMention(d, m.start, m.end);
    } else {
      const chosen = disambiguate(m, text, tokens, index, matches);
      entry = index.entries[chosen.entry]!;
      const d = draftFor(entry);
      if (!d.ambiguity || d.ambiguity.confidence < chosen.ambiguity.confidence) d.ambiguity = chosen.ambiguity;
      d.confidence = Math.min(d.confidence, chosen.ambiguity.confidence);
      addMention(d, m.start, m.end);
    }
  }

  // 3. Every occurrence of a defined acronym, with the article's sense.
  for (const [acronym, b] of bindings) {
    for (const tok of tokens) {
      const raw = tok.raw.replace(/['\u2019]s$/, '');
      if (raw !== acronym) continue;
      if (!overlaps(tok.start, tok.start + acronym.length)) addMention(b.draft, tok.start, tok.start + acronym.length);
    }
    const others = b.kbSenses.map((e) => index.entries[e]!).filter((e) => e.id !== b.draft.id);
    if (others.length || b.kbSenses.length > 1) {
      b.draft.ambiguity = {
        alias: acronym,
        alternatives: [
          { id: b.draft.id, name: b.draft.name, score: 1 },
          ...others.map((e) => ({ id: e.id, name: e.name, score: 0 })),
        ],
        reason: `${acronym} is defined in this article as “${b.longForm}”.`,
        basis: 'definition',
        confidence: 0.97,
        weak: false,
      };
    }
    b.draft.confidence = Math.max(b.draft.confidence, 0.95);
  }

  // A country's name in a match report is its team ("India beat South Africa").
  countriesAsTeams(table, text, tokens, index, matches, draftFor);
  // "Its second reading in Parliament": the article's country's parliament.
  addNationalInstitutions(table, index, draftFor);

  // 4. Names the knowledge base lacks, then 5. short forms of people named in full.
  addUnknownNames(table, spans, defined);
  addShortForms(table, tokens);

  // 6. Salience, figures, result.
  const entities = rankEntities(
    [...drafts.values()].filter((d) => d.mentions.length),
    text,
    title,
    sentences,
  );
  const figures = input.findUnknownNames === false ? [] : linkFigures(text, sentences, entities, input.headings, doc);
  return {
    title: title || firstLine(text),
    wordCount: tokens.length,
    partial,
    complete: input.findUnknownNames !== false,
    entities,
    figures,
    elapsedMs: Date.now() - t0,
  };
}

/**
 * A name inside a hyphenated chain of three or more proper names used as a modifier
 * ("the Kazakhstan-Turkmenistan-Iran-Persian Gulf railway", "Afghanistan-China-Pakistan
 * armed forces") is part of a compound, not a mention of each place in it.
 */
function inRouteName(text: string, tokens: Token[], m: AliasMatch): boolean {
  const tight = (a: Token, b: Token) => /^[-\u2010\u2011\u2013]$/.test(text.slice(a.end, b.start));
  const spaced = (a: Token, b: Token) => /^[ \u00a0]$/.test(text.slice(a.end, b.start));
  const inRun = (a: Token, b: Token) => b.isCapitalized && a.isCapitalized && (tight(a, b) || spaced(a, b));
  let first = m.first;
  while (first > 0 && inRun(tokens[first - 1]!, tokens[first]!)) first--;
  let last = m.last;
  while (last + 1 < tokens.length && inRun(tokens[last]!, tokens[last + 1]!)) last++;
  let joints = 0;
  for (let k = first; k < last; k++) if (tight(tokens[k]!, tokens[k + 1]!)) joints++;
  if (joints < 2) return false;
  const next = tokens[last + 1];
  return !!next && spaced(tokens[last]!, next) && /^\p{Ll}/u.test(next.raw);
}

/** A number right after a name, and the word after it ("Microsoft 365 users"). */
const MODEL_NUMBER = /^[ \u00a0](\d{1,3})(?![\p{L}\d.,:%\u2013\u2014/-])(?:\s+(\p{L}+))?/u;
/** Makers and product lines: what a model number follows. */
const MAKER_TYPES = new Set(['organization', 'concept']);

/**
 * "Microsoft 365", "Raspberry Pi 3": a maker's or product line's name the knowledge base knows,
 * then a number, names a product — not the maker — unless a quantity word follows the number
 * ("Nvidia 3 per cent", data/rules/model-numbers.json). Each product with the match it replaces.
 */
function modelNames(text: string, matches: AliasMatch[], index: KbIndex): [AliasMatch, NerSpan][] {
  const out: [AliasMatch, NerSpan][] = [];
  for (const m of matches) {
    if (!m.candidates.every((c) => MAKER_TYPES.has(index.entries[c]!.type))) continue;
    if (!/^\p{Lu}/u.test(text.slice(m.start, m.end))) continue;
    const n = MODEL_NUMBER.exec(text.slice(m.end, m.end + 40));
    if (!n || (n[2] && QUANTITY_WORDS.has(n[2].toLowerCase()))) continue;
    const end = m.end + 1 + n[1]!.length;
    out.push([m, { start: m.start, end, text: text.slice(m.start, end), type: 'concept' }]);
  }
  return out;
}

function firstLine(text: string): string {
  return text.trim().split('\n', 1)[0]!.slice(0, 200);
}

function extendLeft(text: string, tokens: Token[], first: number): number {
  let i = first;
  while (i > 0 && first - i < 2) {
    const prev = tokens[i - 1]!;
    if (!joinable(text, prev, tokens[i]!)) break;
    if (!/^(?:\p{Lu}|\d+(?:st|nd|rd|th)$)/u.test(prev.raw) || prev.key === 'the') break;
    i--;
  }
  return i;
}

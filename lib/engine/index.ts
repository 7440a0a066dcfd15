/**
 * The entity engine: article text + compiled knowledge-base index → AnalysisResult.
 * Pure and deterministic; no DOM, no browser APIs (lib/engine has its own
 * tsconfig without the DOM lib). Build once with createEngine(index), then call
 * analyze() per article.
 *
 * Pipeline: KB alias match → acronym definitions in the text → disambiguation →
 * compromise NER for names the KB lacks → surname coreference → salience → figures.
 */
import type {
  AnalysisResult,
  AnalyzeInput,
  Entity,
  EntityType,
  Figure,
  IndexEntry,
  KbIndex,
  Mention,
  Ambiguity,
  EntitySource,
} from './types.ts';
import { tokenize, splitSentences, sentenceAt, joinable, type Token, type Sentence } from './tokenize.ts';
import { matchAliases, firstTokenKeys, type AliasMatch } from './match-aliases.ts';
import { findDefinitions } from './definitions.ts';
import { findNames } from './ner.ts';
import { findFigures } from './figures.ts';
import { aliasKey } from '../kb/alias-key.ts';
import { MAX_ARTICLE_CHARS } from '../util/limits.ts';

export type * from './types.ts';

/** Compromise is the costliest step (~0.5 s per 10,000 words in Node); past this length only the first part is tagged. */
export const MAX_NER_CHARS = 60_000;

const CHINESE_SURNAMES = new Set(
  'wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he lin gao luo zheng liang xie song tang han feng deng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su ding ren lu yao shen zhong cui tan fan liao shi jin jia xia fu fang zou xiong bai meng qin qiu hou yin xue yan duan lei long shao qian mao kong xi wen bo'.split(
    ' ',
  ),
);

interface Draft {
  key: string;
  id: string | null;
  name: string;
  type: EntityType;
  wikipedia: string | null;
  description: string | null;
  source: EntitySource;
  confidence: number;
  mentions: Mention[];
  ambiguity?: Ambiguity;
  definedAs?: string;
}

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
  const drafts = new Map<string, Draft>();
  // One byte per character: which characters already belong to a mention (O(1) overlap checks).
  const taken = new Uint8Array(text.length + 1);

  const draftFor = (e: IndexEntry): Draft => {
    let d = drafts.get(e.id);
    if (!d) {
      d = {
        key: e.id,
        id: e.id,
        name: e.name,
        type: e.type,
        wikipedia: e.wikipedia,
        description: e.description,
        source: 'kb',
        confidence: 0.9,
        mentions: [],
      };
      drafts.set(e.id, d);
    }
    return d;
  };
  const addMention = (d: Draft, start: number, end: number) => {
    d.mentions.push({ start, end, text: text.slice(start, end) });
    taken.fill(1, start, end);
  };
  const overlaps = (s: number, e: number) => {
    for (let k = s; k < e; k++) if (taken[k]) return true;
    return false;
  };

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
      const type = guessType(name);
      const key = unknownKey(type, name);
      draft = drafts.get(key) ?? {
        key,
        id: null,
        name,
        type,
        wikipedia: null,
        description: null,
        source: 'definition',
        confidence: 0.9,
        mentions: [],
      };
      drafts.set(key, draft);
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
    if (ATTRIBUTE_SUFFIX.test(text.slice(m.end, m.end + 20))) continue; // "Washington-based fleet": an attribute of the fleet
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
        !hasEvidence(m.candidates[0]!, text, tokens, index, matches)
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

  // 4. Names the knowledge base lacks.
  const nerText = text.length > MAX_NER_CHARS ? text.slice(0, MAX_NER_CHARS) : text;
  for (const span of input.findUnknownNames === false ? [] : findNames(nerText)) {
    if (overlaps(span.start, span.end)) continue;
    const key = unknownKey(span.type, span.text);
    // A name the article defined is that thing wherever it recurs, whatever type compromise guesses for it.
    const existing = drafts.get(key) ?? defined.get(span.text.toLowerCase());
    const d: Draft = existing ?? {
      key,
      id: null,
      name: span.text,
      type: span.type,
      wikipedia: null,
      description: null,
      source: 'ner',
      confidence: 0.6,
      mentions: [],
    };
    drafts.set(d.key, d);
    addMention(d, span.start, span.end);
  }
  // Further occurrences of each new name that compromise did not tag.
  for (const d of drafts.values()) {
    if (d.source !== 'ner') continue;
    let from = 0;
    for (;;) {
      const at = text.indexOf(d.name, from);
      if (at < 0) break;
      from = at + d.name.length;
      const before = text[at - 1] ?? ' ';
      const after = text[from] ?? ' ';
      if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
      if (!overlaps(at, from)) addMention(d, at, from);
    }
  }

  // 5. Short forms of people already named in full ("Sharif" after "Raheel Sharif", "Xi" after "Xi Jinping").
  const shortForms = new Map<string, Draft | null>();
  for (const d of drafts.values()) {
    if (d.type !== 'person') continue;
    const parts = d.name.split(/\s+/);
    if (parts.length < 2) continue;
    const forms = [parts.at(-1)!];
    if (CHINESE_SURNAMES.has(parts[0]!.toLowerCase())) forms.push(parts[0]!);
    for (const f of forms) {
      if (f.length < 2) continue;
      shortForms.set(f, shortForms.has(f) && shortForms.get(f) !== d ? null : d);
    }
  }
  for (const tok of tokens) {
    const raw = tok.raw.replace(/['\u2019]s$/, '');
    const d = shortForms.get(raw);
    if (!d || overlaps(tok.start, tok.end)) continue;
    if (d.mentions.length && d.mentions[0]!.start > tok.start) continue; // only after the full name
    addMention(d, tok.start, tok.start + raw.length);
  }

  // 6. Salience, figures, result.
  const entities = rankEntities(
    [...drafts.values()].filter((d) => d.mentions.length),
    text,
    title,
    sentences,
  );
  const figures = linkFigures(text, sentences, entities);
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

/** "-based", "-born", "-headquartered" after a name make it an attribute of what follows, not a mention of the place. */
const ATTRIBUTE_SUFFIX = /^[-\u2010\u2011](?:based|born|headquartered)\b/u;

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

/**
 * The key of a name the knowledge base lacks: its type and its name, so that two names
 * spelled alike but of different types ("Jordan" the person, "Jordan" the place) stay two entities.
 */
function unknownKey(type: EntityType, name: string): string {
  return `new:${type}:${name.toLowerCase()}`;
}

function guessType(name: string): EntityType {
  if (
    /\b(?:Initiative|Programme|Program|Plan|Strategy|Agreement|Treaty|Accord|Consensus|Corridor|Belt|Road)\b/.test(name)
  )
    return 'initiative';
  if (/\b(?:Region|Province|Prefecture|Oblast|Valley|Mountains)\b/.test(name)) return 'place';
  if (/\b(?:Summit|Congress|War|Conference|Crisis)\b/.test(name)) return 'event';
  return 'organization';
}

interface Choice {
  entry: number;
  ambiguity: Ambiguity;
}

/**
 * Choose among an alias's senses from the article's own words: the sense's full
 * name written out, its cue words, and other entities present that it relates to.
 * With no evidence the prior decides and the choice is marked weak.
 */
function disambiguate(m: AliasMatch, text: string, tokens: Token[], index: KbIndex, all: AliasMatch[]): Choice {
  const ctx = contextOf(text, tokens, index, all);
  const alias = text.slice(m.start, m.end);
  // The evidence is the same for every mention with the same senses: decide once per article.
  const memoKey = `${alias}\u0000${m.candidates.join(',')}`;
  const memo = ctx.choices.get(memoKey);
  if (memo) return memo;
  const choice = decide(m, alias, ctx, index);
  ctx.choices.set(memoKey, choice);
  return choice;
}

function decide(m: AliasMatch, alias: string, ctx: Context, index: KbIndex): Choice {
  const scored = m.candidates.map((e) => {
    const entry = index.entries[e]!;
    const cues = cuesFound(ctx, e, entry);
    const relatedPresent = [...ctx.present].filter(
      (id) => id !== entry.id && (entry.related.includes(id) || ctx.relatedTo.get(id)?.has(entry.id)),
    );
    const named = ctx.fullNames.has(e);
    const evidence = Math.min(cues.length, 5) * 1 + Math.min(relatedPresent.length, 4) * 1.5 + (named ? 4 : 0);
    return { e, entry, cues, relatedPresent, named, evidence, score: evidence + entry.prior };
  });
  scored.sort((a, b) => b.score - a.score || a.entry.id.localeCompare(b.entry.id));
  const best = scored[0]!;
  const margin = best.score - (scored[1]?.score ?? 0);
  const basis: Ambiguity['basis'] = best.evidence > 0 ? 'context' : 'prior';
  const confidence = Math.round((0.5 + 0.5 * (1 - Math.exp(-margin))) * 100) / 100;
  const weak = basis === 'prior' || margin < 1;
  const reasons: string[] = [];
  if (best.named) reasons.push(`the article also writes out “${best.entry.name}”`);
  if (best.cues.length) reasons.push(`it mentions ${listWords(best.cues.slice(0, 4))}`);
  if (best.relatedPresent.length)
    reasons.push(`it names ${listWords(best.relatedPresent.slice(0, 3).map((id) => ctx.nameOf.get(id) ?? id))}`);
  const reason =
    basis === 'prior'
      ? `${alias} has several meanings; nothing in the article settles it, so this is the most common one (a guess).`
      : `${alias} here most likely means ${best.entry.name}: ${reasons.join('; ')}.`;
  return {
    entry: best.e,
    ambiguity: {
      alias,
      alternatives: scored.map((s) => ({ id: s.entry.id, name: s.entry.name, score: Math.round(s.score * 100) / 100 })),
      reason,
      basis,
      confidence,
      weak,
    },
  };
}

function needsEvidence(entry: IndexEntry, written: string): boolean {
  return (
    aliasKey(written) !== aliasKey(entry.name) ||
    entry.type === 'country' ||
    entry.type === 'place' ||
    entry.prior < 0.5
  );
}

function hasEvidence(e: number, text: string, tokens: Token[], index: KbIndex, all: AliasMatch[]): boolean {
  const ctx = contextOf(text, tokens, index, all);
  const entry = index.entries[e]!;
  if (cuesFound(ctx, e, entry).length) return true;
  if (ctx.fullNames.has(e) && all.some((m) => m.candidates.length === 1 && m.candidates[0] === e && m.last > m.first))
    return true;
  return [...ctx.present].some(
    (id) => id !== entry.id && (entry.related.includes(id) || ctx.relatedTo.get(id)?.has(entry.id)),
  );
}

/** Cue words of an entry found in the article, computed once per entry and article. */
function cuesFound(ctx: Context, e: number, entry: IndexEntry): string[] {
  let hit = ctx.cueHits.get(e);
  if (!hit) {
    hit = entry.cues.filter((c) => (c.includes(' ') ? ctx.folded.includes(` ${c} `) : ctx.words.has(c)));
    ctx.cueHits.set(e, hit);
  }
  return hit;
}

function listWords(words: string[]): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

interface Context {
  words: Set<string>;
  folded: string;
  present: Set<string>;
  relatedTo: Map<string, Set<string>>;
  fullNames: Set<number>;
  nameOf: Map<string, string>;
  cueHits: Map<number, string[]>;
  choices: Map<string, Choice>;
}

const contextCache = new WeakMap<AliasMatch[], Context>();

function contextOf(text: string, tokens: Token[], index: KbIndex, all: AliasMatch[]): Context {
  let ctx = contextCache.get(all);
  if (ctx) return ctx;
  const words = new Set<string>();
  for (const t of tokens) {
    words.add(t.key);
    if (t.keyNoPoss) words.add(t.keyNoPoss);
  }
  const present = new Set<string>();
  const relatedTo = new Map<string, Set<string>>();
  const fullNames = new Set<number>();
  const nameOf = new Map<string, string>();
  for (const m of all) {
    if (m.candidates.length === 1) {
      const e = index.entries[m.candidates[0]!]!;
      present.add(e.id);
      nameOf.set(e.id, e.name);
      relatedTo.set(e.id, new Set(e.related));
      if (!m.acronym) fullNames.add(m.candidates[0]!);
    }
  }
  ctx = {
    words,
    folded: ` ${tokens.map((t) => t.key).join(' ')} `,
    present,
    relatedTo,
    fullNames,
    nameOf,
    cueHits: new Map(),
    choices: new Map(),
  };
  contextCache.set(all, ctx);
  return ctx;
}

function rankEntities(drafts: Draft[], text: string, title: string, sentences: Sentence[]): Entity[] {
  const headlineEnd = title && text.startsWith(title) ? title.length : 0;
  const ledeEnd = Math.min(text.length, headlineEnd + 600);
  const raw = drafts.map((d) => {
    d.mentions.sort((a, b) => a.start - b.start || a.end - b.end);
    // Drop exact duplicates (a name found by two routes).
    d.mentions = d.mentions.filter((m, i, arr) => i === 0 || m.start !== arr[i - 1]!.start);
    const first = d.mentions[0]!.start;
    const inHeadline =
      d.mentions.some((m) => m.start < headlineEnd) ||
      (title !== '' && headlineEnd === 0 && title.toLowerCase().includes(d.name.toLowerCase()));
    const inLede = d.mentions.some((m) => m.start < ledeEnd);
    const score =
      Math.log2(1 + d.mentions.length) +
      (1 - first / Math.max(1, text.length)) +
      (inHeadline ? 1.5 : 0) +
      (inLede ? 0.5 : 0) +
      (d.id ? 0.25 : 0);
    return { d, score };
  });
  const max = Math.max(1e-9, ...raw.map((r) => r.score));
  return raw
    .map(({ d, score }): Entity => {
      const entity: Entity = {
        id: d.id,
        key: d.key,
        name: d.name,
        type: d.type,
        wikipedia: d.wikipedia,
        description: d.description,
        mentions: d.mentions,
        mentionCount: d.mentions.length,
        salience: Math.round((score / max) * 1000) / 1000,
        source: d.source,
        confidence: d.confidence,
      };
      if (d.ambiguity) entity.ambiguity = d.ambiguity;
      if (d.definedAs) entity.definedAs = d.definedAs;
      if (!d.id) {
        const s = sentences[sentenceAt(sentences, d.mentions[0]!.start)];
        if (s) entity.introduction = text.slice(s.start, s.end).slice(0, 400);
      }
      return entity;
    })
    .sort((a, b) => b.salience - a.salience || a.key.localeCompare(b.key));
}

function linkFigures(text: string, sentences: Sentence[], entities: Entity[]): Figure[] {
  const mentions = entities.flatMap((e) => e.mentions.map((m) => ({ start: m.start, end: m.end, key: e.key })));
  mentions.sort((a, b) => a.start - b.start);
  // Characters covered by a mention, so "inside a name" is O(figure length).
  const covered = new Uint8Array(text.length + 1);
  for (const m of mentions) covered.fill(1, m.start, m.end);
  const firstAtOrAfter = (pos: number) => {
    let lo = 0;
    let hi = mentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (mentions[mid]!.start < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const out: Figure[] = [];
  for (const f of findFigures(text)) {
    let inside = false;
    for (let k = f.start; k < f.end && !inside; k++) inside = covered[k] === 1;
    if (inside) continue;
    const s = sentences[sentenceAt(sentences, f.start)];
    const sStart = s?.start ?? 0;
    const sEnd = s?.end ?? text.length;
    // The figure concerns the nearest entity before it in its sentence, else the first after it.
    let before: (typeof mentions)[number] | null = null;
    let after: (typeof mentions)[number] | null = null;
    for (let i = firstAtOrAfter(sStart); i < mentions.length && mentions[i]!.start < sEnd; i++) {
      const m = mentions[i]!;
      if (m.end > sEnd) break;
      if (m.end <= f.start) before = m;
      else if (m.start >= f.end && !after) after = m;
    }
    const target = before ?? after;
    out.push({
      text: f.text,
      start: f.start,
      end: f.end,
      value: f.value,
      unit: f.unit,
      sentence: text.slice(sStart, sEnd).slice(0, 500),
      entity: target?.key ?? null,
    });
  }
  return out;
}

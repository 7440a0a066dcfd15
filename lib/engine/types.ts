/**
 * The engine's contract: what goes in (text + a compiled knowledge-base index)
 * and what comes out (an AnalysisResult, plain JSON). Everything here is data:
 * it crosses the extension's message boundary and is printed by the CLI.
 */
import type { EntityType } from '../kb/schema.ts';

export type { EntityType };

/** One entry as the run-time index carries it: what matching, disambiguation and a first display need. */
export interface IndexEntry {
  id: string;
  name: string;
  type: EntityType;
  wikipedia: string | null;
  description: string;
  /** Folded lowercase context words that select this sense of an ambiguous alias. */
  cues: string[];
  prior: number;
  related: string[];
  /** Countries this entry plays for ("India national cricket team" represents "india"); absent in older indexes. */
  represents?: string[];
  pack: string;
}

/** One surface form of an entry, keyed in KbIndex.aliases by its folded token sequence. */
export interface AliasTarget {
  /** Index into KbIndex.entries. */
  e: number;
  /** The alias as written in the pack (case rules are derived from it). */
  s: string;
}

export interface KbIndex {
  version: 1;
  entries: IndexEntry[];
  aliases: Record<string, AliasTarget[]>;
  /** The longest alias, in tokens: how far the matcher looks ahead. */
  maxTokens: number;
  packs: { id: string; title: string; version: string; entries: number }[];
}

export interface Mention {
  start: number;
  end: number;
  text: string;
}

export interface Ambiguity {
  /** The alias that had several senses, as written in the article. */
  alias: string;
  alternatives: { id: string | null; name: string; score: number }[];
  /** Plain-language reason for the choice, shown to readers. */
  reason: string;
  /** How the choice was made. */
  basis: 'definition' | 'context' | 'prior';
  confidence: number;
  /** True when the evidence is thin: the UI must not present the choice as certain. */
  weak: boolean;
}

export type EntitySource = 'kb' | 'definition' | 'ner';

export interface Entity {
  /** Knowledge-base id, or null for a name the knowledge base lacks. */
  id: string | null;
  /** Stable key within one result (the KB id, or "new:<type>:<name>"). */
  key: string;
  name: string;
  type: EntityType;
  wikipedia: string | null;
  description: string | null;
  mentions: Mention[];
  mentionCount: number;
  /** 0–1: how central the entity is to the article. */
  salience: number;
  source: EntitySource;
  confidence: number;
  ambiguity?: Ambiguity;
  /** For names the KB lacks: the sentence that introduces them. */
  introduction?: string;
  /** Acronym defined in the article for this entity, if any. */
  definedAs?: string;
}

export interface Figure {
  /** The figure exactly as written (e.g. "1,100 square kilometers"). */
  text: string;
  start: number;
  end: number;
  value: number | null;
  unit: string | null;
  sentence: string;
  /** Key of the entity the sentence says the figure concerns, or null. */
  entity: string | null;
}

export interface AnalysisResult {
  title: string;
  wordCount: number;
  /** True when the text was longer than the engine's cap and only the start was analysed. */
  partial: boolean;
  /** False for a quick first pass that skipped names the knowledge base lacks. */
  complete: boolean;
  entities: Entity[];
  figures: Figure[];
  /**
   * Set when the page is in a language Backstory does not read (lib/background/tiers.ts): the
   * result then holds only names the knowledge base knows, and the sidebar says why.
   */
  language?: { code: string; name: string; readable: boolean };
  /** Milliseconds the engine took, for the benchmark (not used by the UI). */
  elapsedMs?: number;
}

export interface AnalyzeInput {
  text: string;
  title?: string;
  /**
   * Look for names the knowledge base lacks (compromise; the costly step). Default true.
   * The extension first asks without them, to highlight at once, then with them.
   */
  findUnknownNames?: boolean;
  /** The text was already cut at MAX_ARTICLE_CHARS before it got here: the result is partial too. */
  truncated?: boolean;
  /**
   * Whether the gazetteer knows a place of this name: evidence that a capitalised run the knowledge
   * base lacks is a place's name ("Asheville"). Given by lib/background/tiers.ts once the gazetteer is loaded.
   */
  knownPlace?: (name: string) => boolean;
  /**
   * Where the text is a heading of the page ([start, end) pairs in order), as the extractor
   * found them: a heading's numbers ("1 History", "Five things we learned") are not figures.
   */
  headings?: [number, number][];
}

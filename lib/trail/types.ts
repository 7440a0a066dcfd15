/**
 * The reading trail (issue 19): what is kept, per analysed article, when the reader has
 * turned the trail on. Plain data, stored in the extension's own IndexedDB (lib/trail/db.ts)
 * and nowhere else. What the sidebar and the trail page are told is defined here too.
 */
import type { EntityType } from '../engine/types.ts';

/** A figure the article ties to one of its entities ("1,100 square kilometres"), with its sentence. */
export interface TrailFigure {
  /** As written in the article. */
  text: string;
  value: number | null;
  unit: string | null;
  sentence: string;
}

export interface TrailEntity {
  /** The engine's entity key: the knowledge-base id, or "new:<type>:<name>" for a name the base lacks. */
  key: string;
  name: string;
  type: EntityType;
  mentions: number;
  figures: TrailFigure[];
}

export interface TrailArticle {
  /** The page's URL without its fragment: reading the same page again replaces its record. */
  url: string;
  title: string;
  /** The site's name (the host without "www."). */
  outlet: string;
  /** When it was read, ms since the epoch. */
  readAt: number;
  entities: TrailEntity[];
}

/** One article as the sidebar links to it. */
export interface TrailLink {
  url: string;
  title: string;
  outlet: string;
  readAt: number;
}

/** "In 4 other articles you read (Reuters, Dawn, The Diplomat)". */
export interface EntityTrail {
  key: string;
  name: string;
  articles: TrailLink[];
  /** Distinct outlets of those articles, most frequent first. */
  outlets: string[];
}

/** A figure one article gives about an entity, for the comparison. */
export interface ComparedFigure extends TrailFigure {
  url: string;
  outlet: string;
}

/** Articles that give different figures of the same kind (unit) about the same entity. */
export interface FigureDifference {
  key: string;
  name: string;
  /** The unit both figures count, as normalised for comparing. */
  unit: string;
  figures: ComparedFigure[];
}

/** The current story beside the trail's recent articles that share its core entities. */
export interface CoverageComparison {
  /** The current article's core entities (most central first). */
  core: { key: string; name: string }[];
  /** The current article first, then the others, most recent first. */
  articles: (TrailLink & { current: boolean; names: string[] })[];
  differences: FigureDifference[];
}

/** What the sidebar is told about the trail for the article it shows. */
export interface TrailView {
  /** The reader's trail is on. */
  enabled: boolean;
  /** Show the one-line offer to turn it on. */
  offer: boolean;
  /** The article was recorded (false: trail off, a "never" site, a private window). */
  recorded: boolean;
  /** Articles in the trail, this one included. */
  stored: number;
  /** Entities of this article that other trail articles name. */
  entities: EntityTrail[];
  comparison: CoverageComparison | null;
}

/** One row of the trail page's list. */
export interface TrailSummary extends TrailLink {
  entities: number;
  names: string[];
}

/**
 * The offer's state: a bare count of analysed articles (no URL, title or date: nothing
 * about what was read) and whether the reader said no (docs/adr/0010-reading-trail.md).
 */
export interface OfferState {
  analysed: number;
  dismissed: boolean;
}

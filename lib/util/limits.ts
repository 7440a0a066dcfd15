/**
 * Size caps shared by the page (extraction), the messages and the engine, defined once so
 * the three cannot drift apart. Plain constants: the engine imports this too (no DOM).
 */

/**
 * Longest article text read, sent and analysed, in characters; beyond it the text is cut
 * and the result marked partial (bounded work on 1 MB pages).
 */
export const MAX_ARTICLE_CHARS = 400_000;

/** Most heading spans the extractor marks and a message carries (a page of headings is no article). */
export const MAX_HEADING_SPANS = 2000;

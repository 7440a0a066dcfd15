/**
 * The article on the page and its mentions: which text nodes hold the article, the Range of
 * each mention (built once per article), and which mention is under a point. No drawing:
 * the painter draws what this maps.
 */
import type { AnalysisResult, Entity } from '../engine/types.ts';
import type { ExtractedArticle, TextSegment } from '../page/extract.ts';
import { caretAt, mentionAt, rectsContain, type MentionRef } from '../page/hit-test.ts';
import { offsetOf, rangeFor, segmentsByNode } from '../page/ranges.ts';

export class MentionMap {
  article: ExtractedArticle | null = null;
  /** Every mention of the current result, in text order. */
  refs: MentionRef[] = [];
  /** Ranges of this article's mentions by "start:end". */
  private readonly ranges = new Map<string, Range>();
  private byNode = new Map<Text, TextSegment[]>();
  /** Elements that directly hold article text: the only pointer targets worth hit-testing. */
  private textParents = new WeakSet<Element>();

  constructor(private readonly doc: Document) {}

  /** A new reading of the page (or none). Ranges already drawn stay valid; new ones are built for it. */
  setArticle(article: ExtractedArticle | null): void {
    this.article = article;
    this.ranges.clear();
    if (!article) return;
    this.byNode = segmentsByNode(article.segments);
    this.textParents = new WeakSet(
      article.segments.map((seg) => seg.node.parentElement).filter((el): el is HTMLElement => !!el),
    );
  }

  /** The mentions of this result, in text order. */
  setResult(result: AnalysisResult): void {
    const refs: MentionRef[] = [];
    for (const e of result.entities)
      e.mentions.forEach((m, index) => refs.push({ start: m.start, end: m.end, key: e.key, index }));
    refs.sort((a, b) => a.start - b.start);
    this.refs = refs;
  }

  /** Forget the mentions (a new page in a single-page app). */
  clear(): void {
    this.refs = [];
  }

  /** The Range of article text [start, end), built once per article. */
  range(start: number, end: number): Range | null {
    if (!this.article) return null;
    const key = `${start}:${end}`;
    const hit = this.ranges.get(key);
    if (hit) return hit;
    const range = rangeFor(this.doc, this.article.segments, start, end);
    if (range) this.ranges.set(key, range);
    return range;
  }

  /** The Range of an entity's index-th mention. */
  rangeOfMention(entity: Entity | undefined, index: number): Range | null {
    const m = entity?.mentions[index];
    return m ? this.range(m.start, m.end) : null;
  }

  ref(key: string, index: number): MentionRef | null {
    return this.refs.find((r) => r.key === key && r.index === index) ?? null;
  }

  /** Whether a pointer over this target may be over a mention (it directly holds article text). */
  holdsArticleText(target: EventTarget | null): boolean {
    return !!target && this.textParents.has(target as Element);
  }

  /** The mention drawn under the viewport point (x, y), if any. */
  hitTest(x: number, y: number): MentionRef | null {
    if (!this.article || !this.refs.length) return null;
    const caret = caretAt(this.doc, x, y);
    if (!caret) return null;
    const offset = offsetOf(this.byNode, caret.node, caret.offset);
    if (offset < 0) return null;
    const ref = mentionAt(this.refs, offset) ?? (offset > 0 ? mentionAt(this.refs, offset - 1) : null);
    if (!ref) return null;
    const range = this.range(ref.start, ref.end);
    if (!range || !rectsContain(range.getClientRects(), x, y)) return null;
    return ref;
  }
}

/**
 * Mentions drawn only in and near the viewport. Chrome re-checks every registered
 * highlight range after any change to the page (a card shown, an ad inserted): on a
 * 10,000-word article with ~1,000 mentions that was ~4 ms of PrePaint on every such
 * change (docs/performance.md). Mentions are grouped by the block that holds them
 * (paragraph, list item, heading…); an IntersectionObserver reports which blocks are
 * within a margin of the viewport, and only their mentions are drawn.
 */
import type { TextSegment } from './extract.ts';
import { pointAt } from './ranges.ts';

/** Elements whose boxes group mentions: blocks an article is made of. */
const BLOCKS =
  'p, li, dd, dt, td, th, h1, h2, h3, h4, h5, h6, blockquote, figcaption, caption, pre, summary, div, section, article, main, body';

/**
 * Group items (mentions with a start offset in article text) by the nearest block around
 * their first character. Items whose text no longer maps to the page are left out.
 */
export function groupByBlock<T extends { start: number }>(segments: TextSegment[], items: T[]): Map<Element, T[]> {
  const groups = new Map<Element, T[]>();
  const blockOf = new Map<Element, Element | null>();
  for (const item of items) {
    const parent = pointAt(segments, item.start)?.node.parentElement;
    if (!parent) continue;
    let block = blockOf.get(parent);
    if (block === undefined) {
      block = parent.closest(BLOCKS);
      blockOf.set(parent, block);
    }
    if (!block) continue;
    const list = groups.get(block);
    if (list) list.push(item);
    else groups.set(block, [item]);
  }
  return groups;
}

type ObserverCtor = new (
  cb: (entries: Pick<IntersectionObserverEntry, 'target' | 'isIntersecting'>[]) => void,
  options: IntersectionObserverInit,
) => Pick<IntersectionObserver, 'observe' | 'disconnect'>;

/**
 * Watches the groups' blocks and calls `onChange` with the items of every block within
 * `margin` of the viewport (in document order of the groups), first soon after it starts
 * (the observer's initial report), then whenever a block enters or leaves that band.
 */
export class ViewportWindow<T> {
  private readonly visible = new Set<Element>();
  private observer: Pick<IntersectionObserver, 'observe' | 'disconnect'> | null;
  constructor(
    private readonly groups: Map<Element, T[]>,
    Observer: ObserverCtor,
    private readonly onChange: (items: T[]) => void,
    margin = '100% 0px',
  ) {
    const observer = new Observer(
      (entries) => {
        if (this.observer !== observer) return;
        for (const e of entries) {
          if (e.isIntersecting) this.visible.add(e.target);
          else this.visible.delete(e.target);
        }
        this.onChange(this.items());
      },
      { rootMargin: margin },
    );
    this.observer = observer;
    for (const el of groups.keys()) observer.observe(el);
  }
  /** Items of the blocks in the band now. */
  items(): T[] {
    const out: T[] = [];
    for (const [el, list] of this.groups) if (this.visible.has(el)) out.push(...list);
    return out;
  }
  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
  }
}

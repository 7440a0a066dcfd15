/**
 * Finding the live text node behind a text node that is not the page's own: a clone's
 * (paired by position), one Readability rebuilt, or one that came back from a parse
 * elsewhere (found by its text).
 */
import { TEXT_NODE } from './walk.ts';

/**
 * Pairs every text node of the clone with the live node at the same position: a clone's
 * text nodes come in the same document order as the original's, so two TreeWalkers
 * advance in step (native iteration; walking childNodes from JS wrapped every element and
 * took 14-27 ms on a large encyclopedia page). Must run in the same task as the clone.
 */
export function mapCloneToLive(live: Document, clone: Document, map: Map<Node, Text>): void {
  const SHOW_TEXT = 4;
  const a = live.createTreeWalker(live, SHOW_TEXT);
  const b = clone.createTreeWalker(clone, SHOW_TEXT);
  for (let x = a.nextNode(), y = b.nextNode(); x && y; x = a.nextNode(), y = b.nextNode()) map.set(y, x as Text);
}

/** Text as an HTML parser hands it back: CR LF and lone CR become LF. */
export const lineEnds = (s: string) => (s.includes('\r') ? s.replace(/\r\n?/g, '\n') : s);

/**
 * Live text nodes found by their text, in document order, so that repeated strings still
 * map to the right place: for nodes Readability rebuilt when it retried with other
 * settings, and for text that came back from a parse elsewhere without a match. The
 * index of the page's text is built on the first look-up only.
 */
export class TextIndex {
  private byText: Map<string, Text[]> | null = null;
  private readonly order = new Map<Text, number>();
  private lastIndex = -1;
  constructor(private readonly doc: Document) {}
  /** A node was found by identity: later look-ups start after it. */
  seen(live: Text): void {
    const i = this.order.get(live);
    if (i !== undefined) this.lastIndex = i;
  }
  /** The next live text node (after the last one found or seen) whose text is `data`; else the first such node. */
  find(data: string): Text | undefined {
    if (!data || !data.trim()) return undefined;
    if (!this.byText) {
      const byText = (this.byText = new Map());
      const body = this.doc.body ?? this.doc.documentElement;
      const stack: Node[] = body ? [body] : [];
      const all: Text[] = [];
      while (stack.length) {
        const node = stack.pop()!;
        if (node.nodeType === TEXT_NODE) all.push(node as Text);
        else for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
      }
      all.forEach((t, i) => {
        this.order.set(t, i);
        const key = lineEnds(t.data);
        const list = byText.get(key);
        if (list) list.push(t);
        else byText.set(key, [t]);
      });
    }
    const candidates = this.byText.get(lineEnds(data));
    if (!candidates) return undefined;
    const next = candidates.find((t) => this.order.get(t)! > this.lastIndex) ?? candidates[0]!;
    this.lastIndex = this.order.get(next)!;
    return next;
  }
}

/** Live text node for a text node of Readability's output: through the clone map, else by its text. */
export function liveResolver(map: Map<Node, Text>, index: TextIndex): (n: Text) => Text | undefined {
  return (n: Text) => {
    const hit = map.get(n);
    if (hit) {
      index.seen(hit);
      return hit;
    }
    return index.find(n.data);
  };
}

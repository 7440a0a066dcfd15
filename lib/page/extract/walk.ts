/**
 * The walk over a subtree that decides what is article text: which elements are blocks
 * (paragraph breaks), which are skipped (scripts, controls, hidden, Backstory's own hosts),
 * and, on a whole body, which are page chrome. The same rules run on the page and, on a
 * copy of the page, in the background (./offpage.ts), so both read the same text.
 */
import type { TextBuilder } from './text-builder.ts';

const BLOCK = new Set([
  'P',
  'DIV',
  'LI',
  'UL',
  'OL',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'BLOCKQUOTE',
  'PRE',
  'TABLE',
  'TR',
  'TD',
  'TH',
  'SECTION',
  'ARTICLE',
  'HEADER',
  'FOOTER',
  'FIGURE',
  'FIGCAPTION',
  'DL',
  'DT',
  'DD',
  'MAIN',
  'ASIDE',
  'NAV',
  'HR',
  'ADDRESS',
]);
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'IFRAME',
  'OBJECT',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
  'CANVAS',
  'VIDEO',
  'AUDIO',
]);
const SKIP_IN_BODY = new Set(['NAV', 'HEADER', 'FOOTER', 'ASIDE', 'FORM']);
export const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** Nodes visited between chances to yield while walking an article: ~1 ms of work. */
export const WALK_STEP_NODES = 256;
/** Marks, on the walk's stack, the end of a block element. */
const BLOCK_END = Symbol('block end');

/** Where a walk puts what it finds: text nodes and breaks, in document order. */
export interface WalkSink {
  readonly full: boolean;
  block(kind: '\n' | '\n\n'): void;
  text(node: Text): void;
}

/**
 * How much of a live node's text the extracted copy kept: all of it, or the copy's length when
 * the copy is a cut prefix of it (stripTextFurniture cut a trailing credit).
 */
export const keptLength = (copy: string, live: Text): number =>
  copy.length < live.data.length && live.data.startsWith(copy) ? copy.length : live.data.length;

/** A sink that adds each text node's live counterpart (if any) to the builder. */
export function into(builder: TextBuilder, resolve: (n: Text) => Text | undefined): WalkSink {
  return {
    get full() {
      return builder.full;
    },
    block: (kind) => builder.block(kind),
    text: (n) => {
      const live = resolve(n);
      if (live) builder.add(live, keptLength(n.data, live));
    },
  };
}

/** The resolver for a walk over the live page itself. */
export const itself = (n: Text): Text => n;

/**
 * Walk the text under `root` into the sink in document order, with block breaks. A
 * generator that yields every WALK_STEP_NODES nodes, so a long article's walk can be
 * spread over several tasks (the walk of a long encyclopedia page took 37 ms in one).
 * `skipChrome`: also skip navigation, header, footer, aside and forms (a whole body).
 */
export function* walk(root: Node, sink: WalkSink, skipChrome: boolean): Generator<void, void> {
  const stack: (Node | typeof BLOCK_END)[] = [root];
  let visited = 0;
  while (stack.length && !sink.full) {
    if (++visited % WALK_STEP_NODES === 0) yield;
    const node = stack.pop()!;
    if (node === BLOCK_END) {
      sink.block('\n\n');
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      sink.text(node as Text);
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE) continue;
    const el = node as Element;
    const tag = el.tagName.toUpperCase();
    if (SKIP.has(tag) || (skipChrome && SKIP_IN_BODY.has(tag))) continue;
    if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') continue;
    if (tag.startsWith('BACKSTORY-')) continue;
    const isBlock = BLOCK.has(tag);
    if (isBlock) {
      sink.block('\n\n');
      stack.push(BLOCK_END);
    }
    if (tag === 'BR') sink.block('\n');
    for (let c = el.lastChild; c; c = c.previousSibling) stack.push(c);
  }
}

/** Run a walk to its end in one go (no yields to a page: the background, tests). */
export function walkAll(root: Node, sink: WalkSink, skipChrome: boolean): void {
  for (const step = walk(root, sink, skipChrome); !step.next().done;);
}

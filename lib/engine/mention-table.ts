/**
 * The mention table every stage of the pipeline writes to: one draft per entity (a
 * knowledge-base entry or a name the knowledge base lacks) and, per character, whether it
 * already belongs to a mention, so that no two entities claim the same words (O(1) checks).
 */
import type { EntityType, IndexEntry } from './types.ts';
import type { Draft } from './rank.ts';

export class MentionTable {
  readonly drafts = new Map<string, Draft>();
  private readonly taken: Uint8Array;

  constructor(readonly text: string) {
    this.taken = new Uint8Array(text.length + 1);
  }

  /** The draft of a knowledge-base entry, created on its first mention. */
  forEntry(e: IndexEntry): Draft {
    let d = this.drafts.get(e.id);
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
      this.drafts.set(e.id, d);
    }
    return d;
  }

  /** The draft of a name the knowledge base lacks, keyed by its type and name. */
  forName(name: string, type: EntityType, source: Draft['source'], confidence: number): Draft {
    const key = unknownKey(type, name);
    let d = this.drafts.get(key);
    if (!d) {
      d = { key, id: null, name, type, wikipedia: null, description: null, source, confidence, mentions: [] };
      this.drafts.set(key, d);
    }
    return d;
  }

  add(d: Draft, start: number, end: number): void {
    d.mentions.push({ start, end, text: this.text.slice(start, end) });
    this.taken.fill(1, start, end);
  }

  overlaps(start: number, end: number): boolean {
    for (let k = start; k < end; k++) if (this.taken[k]) return true;
    return false;
  }
}

/**
 * The key of a name the knowledge base lacks: its type and its name, so that two names
 * spelled alike but of different types ("Jordan" the person, "Jordan" the place) stay two entities.
 */
export function unknownKey(type: EntityType, name: string): string {
  return `new:${type}:${name.toLowerCase()}`;
}

/** Every occurrence of name in text as whole words, as [start, end). */
export function* occurrences(text: string, name: string): Generator<[number, number]> {
  let from = 0;
  for (;;) {
    const at = text.indexOf(name, from);
    if (at < 0) return;
    from = at + name.length;
    if (/[\p{L}\p{N}]/u.test(text[at - 1] ?? ' ') || /[\p{L}\p{N}]/u.test(text[from] ?? ' ')) continue;
    yield [at, from];
  }
}

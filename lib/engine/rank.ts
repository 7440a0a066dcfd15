/**
 * The engine's last steps: entities ranked by salience from their drafts, and figures in the
 * text linked to the entity they are about. Moved out of index.ts unchanged (issue 14: no
 * file over 400 lines).
 */
import type { Ambiguity, Entity, EntitySource, EntityType, Figure, Mention } from './types.ts';
import { sentenceAt, type Sentence } from './tokenize.ts';
import { findFigures, type TaggedDoc } from './figures.ts';

/** An entity while the article is being read: its mentions so far, before ranking. */
export interface Draft {
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

export function rankEntities(drafts: Draft[], text: string, title: string, sentences: Sentence[]): Entity[] {
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

export function linkFigures(
  text: string,
  sentences: Sentence[],
  entities: Entity[],
  headings: readonly (readonly [number, number])[] = [],
  doc?: TaggedDoc,
): Figure[] {
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
  for (const f of findFigures(text, headings, doc)) {
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

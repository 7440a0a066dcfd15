/**
 * The pipeline's stage for names the knowledge base lacks: the spans ner.ts found are added
 * to the mention table, then every further occurrence of each new name that compromise did
 * not tag. Also decides which knowledge-base matches a longer unknown name swallows.
 */
import type { EntityType } from './types.ts';
import type { Draft } from './rank.ts';
import type { NerSpan } from './ner.ts';
import type { AliasMatch } from './match-aliases.ts';
import { MentionTable, occurrences, unknownKey } from './mention-table.ts';
import {
  COUNTRY_FORMS,
  EVENT_HEADS,
  INITIATIVE_HEADS,
  LEGAL_SUFFIXES,
  PARTICLES,
  PLACE_HEADS,
  PLACE_MODIFIERS,
} from './rules.ts';

/**
 * Knowledge-base matches of a place inside a longer name the knowledge base lacks ("Air India",
 * "Reform UK", "University of Washington"): there the place's name is a word of the firm's, the
 * party's name, not a mention of the place. Every occurrence of such a name counts, not only the
 * one ner.ts tagged. People's names keep the place, and so do places named by words after the
 * place's name ("Xinjiang Uyghur Autonomous Region") and names with another entry's match inside
 * ("US Treasury"); a place named by words before it ("New Mexico") is another place.
 */
export function placesInsideNames(
  text: string,
  spans: NerSpan[],
  matches: AliasMatch[],
  isPlace: (m: AliasMatch) => boolean,
): Set<AliasMatch> {
  const out = new Set<AliasMatch>();
  const at = new Map<number, AliasMatch>();
  for (const m of matches) at.set(m.start, m);
  const names = new Set(spans.filter((s) => SWALLOWS.has(s.type) && s.text.includes(' ')).map((s) => s.text));
  // A place named by modifiers before another's name ("New Mexico", "Northern Ireland", "New South
  // Wales", data/rules/place-modifiers.json) is another place; words after it ("Xinjiang Uyghur
  // Autonomous Region") name that place's own area.
  const prefixed = new Set(spans.filter((s) => s.type === 'place' && s.text.includes(' ')).map((s) => s.text));
  for (const name of [...names, ...prefixed])
    for (const [a, b] of occurrences(text, name)) {
      const inside = matches.filter((m) => m.start >= a && m.end <= b);
      if (!inside.length || !inside.every(isPlace) || inside.some((m) => m.start === a && m.end === b)) continue;
      if (!names.has(name)) {
        // Only words that make another place of it, all before the known place ("New", "Northern").
        const before = text.slice(a, Math.min(...inside.map((m) => m.start))).trim();
        if (!inside.every((m) => m.end === b) || !before.split(/\s+/u).every((w) => PLACE_MODIFIERS.has(w))) continue;
      }
      // "Republic of Congo": a country's formal name around its short one is that country.
      const rest = text
        .slice(a, b)
        .replace(/\S+/gu, (w, at: number) => (inside.some((m) => m.start <= a + at && a + at < m.end) ? '' : w));
      if (rest.split(/\s+/u).every((w) => !w || PARTICLES.has(w) || COUNTRY_FORMS.has(w))) continue;
      for (const m of inside) out.add(m);
    }
  return out;
}

const SWALLOWS = new Set<EntityType>(['organization', 'event', 'initiative']);
const DOUBTED = new Set<EntityType>(['person', 'organization']);

export function addUnknownNames(table: MentionTable, spans: NerSpan[], defined: Map<string, Draft>): void {
  // A lone word of a person's name already found ("Gen Sharif" after "Raheel Sharif") is that person's short form.
  const nameWords = new Set(
    [...table.drafts.values()].filter((d) => d.type === 'person').flatMap((d) => d.name.split(/\s+/)),
  );
  // Person or organisation is the tagger's usual doubt about one name: the article's spans vote,
  // the first one's type wins a tie ("Tamati Wharerau" a person throughout, though one sentence
  // made an organisation of him). A place or an event of the same spelling stays apart.
  const votes = new Map<string, Map<EntityType, number>>();
  for (const span of spans) {
    if (!DOUBTED.has(span.type)) continue;
    const v = votes.get(span.text) ?? new Map<EntityType, number>();
    v.set(span.type, (v.get(span.type) ?? 0) + 1);
    votes.set(span.text, v);
  }
  const typeOf = (span: NerSpan): EntityType => {
    if (!DOUBTED.has(span.type)) return span.type;
    let best: [EntityType, number] | null = null;
    for (const [t, n] of votes.get(span.text)!) if (!best || n > best[1]) best = [t, n];
    return best![0];
  };
  for (const raw of spans) {
    const span = { ...raw, type: typeOf(raw) };
    if (table.overlaps(span.start, span.end)) continue;
    if (!span.text.includes(' ') && nameWords.has(span.text)) continue;
    // A name the article defined is that thing wherever it recurs, whatever type compromise guesses for it.
    const d =
      table.drafts.get(unknownKey(span.type, span.text)) ??
      defined.get(span.text.toLowerCase()) ??
      table.forName(span.text, span.type, 'ner', 0.6);
    table.add(d, span.start, span.end);
  }
  for (const d of table.drafts.values()) {
    if (d.source !== 'ner') continue;
    for (const [a, b] of occurrences(table.text, d.name)) if (!table.overlaps(a, b)) table.add(d, a, b);
  }
  mergeShortNames(table);
}

/**
 * One thing named two ways: "World Cup" after "T20 World Cup" (the longer name's last words)
 * joins it; "Singapore Airlines Limited" (a registered name) joins "Singapore Airlines".
 */
function mergeShortNames(table: MentionTable): void {
  const named = [...table.drafts.values()].filter((d) => d.source === 'ner' && d.type !== 'person');
  for (const a of named)
    for (const b of named) {
      if (a === b || a.type !== b.type || !table.drafts.has(a.key) || !table.drafts.has(b.key)) continue;
      if (!b.name.startsWith(a.name + ' ') && !(b.name.endsWith(' ' + a.name) && a.name.includes(' '))) continue;
      const registered = b.name.startsWith(a.name + ' ');
      if (
        registered &&
        !b.name
          .slice(a.name.length + 1)
          .split(' ')
          .every((w) => LEGAL_SUFFIXES.has(w))
      )
        continue;
      const [into, from] = registered ? [a, b] : [b, a];
      into.mentions.push(...from.mentions);
      table.drafts.delete(from.key);
    }
}

/** The type of a long form the article defines but the knowledge base lacks, from its words. */
export function guessType(name: string): EntityType {
  const words = name.split(/\s+/);
  if (words.some((w) => INITIATIVE_HEADS.has(w))) return 'initiative';
  if (PLACE_HEADS.has(words.at(-1)!)) return 'place';
  if (EVENT_HEADS.has(words.at(-1)!)) return 'event';
  return 'organization';
}

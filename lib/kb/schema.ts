/**
 * The knowledge-pack format: one schema, used by the build (scripts/build-kb.ts),
 * the data tests (tests/data) and pack import in the extension (lib/kb/import.ts).
 *
 * A pack is { pack: PackMeta, entries: Entry[] }. Every fact carries a source; facts of a
 * kind that changes over time carry an as-of date. The citation policy for the built-in
 * packs (publisher, title, retrieved date, no mirrors or content farms) is checked by
 * lib/kb/provenance.ts on top of this schema; a fact without a source does not ship.
 */
import * as v from 'valibot';
import { FACT_KIND_NAMES, inferFactKind, isVolatileKind, type FactKind } from './fact-kinds.ts';

export const ENTITY_TYPES = [
  'organization',
  'person',
  'country',
  'place',
  'initiative',
  'event',
  'group',
  'concept',
] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Caps that keep a user pack from exhausting memory or storage. */
export const PACK_LIMITS = {
  maxEntries: 5000,
  maxAliases: 40,
  maxFacts: 20,
  maxRelated: 40,
  maxCues: 40,
  maxText: 2000,
  maxShort: 300,
  maxBytes: 5 * 1024 * 1024,
} as const;

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;
/** Ids are lowercase slugs: stable, readable, safe as object keys. */
const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Text fields are plain text: anything that looks like markup is refused. */
const NO_MARKUP = /<\s*\/?\s*[a-z!?]/i;

const plainText = (max: number) =>
  v.pipe(
    v.string(),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
    v.check((s) => !NO_MARKUP.test(s), 'must be plain text, not markup'),
  );

const httpsUrl = v.pipe(
  v.string(),
  v.maxLength(PACK_LIMITS.maxShort, 'URL too long'),
  v.url('must be a URL'),
  v.startsWith('https://', 'must be an https:// URL'),
);

const isoDate = v.pipe(v.string(), v.regex(ISO_DATE, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD'));

const id = v.pipe(
  v.string(),
  v.maxLength(120),
  v.regex(ID, 'must be a lowercase slug like "shanghai-cooperation-organisation"'),
);

/** A day, as a citation's retrieved date needs: YYYY-MM-DD. */
const isoDay = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD'));

/**
 * Where a fact comes from, as a citation: the publisher, the page or dataset title, the URL
 * and the day it was retrieved and checked. A fact from a registered dataset names the
 * dataset's id (data/sources/datasets.json); publisher and title then come from the registry.
 * Packs in the first format gave only a URL string; it is read as `{ url }`.
 */
export const SourceSchema = v.strictObject({
  url: httpsUrl,
  publisher: v.optional(plainText(120)),
  title: v.optional(plainText(PACK_LIMITS.maxShort)),
  retrieved: v.optional(isoDay),
  dataset: v.optional(id),
});

/** How a number is meant: about (approx), at least, at most, or a range up to `valueTo`. */
export const QUALIFIERS = ['approx', 'atLeast', 'atMost', 'range'] as const;

const RawFactSchema = v.strictObject({
  label: plainText(80),
  value: v.union([plainText(PACK_LIMITS.maxShort), v.number()], 'must be text or a number'),
  qualifier: v.optional(v.picklist(QUALIFIERS, `must be one of ${QUALIFIERS.join(', ')}`)),
  valueTo: v.optional(v.number()),
  unit: v.optional(plainText(60)),
  kind: v.optional(v.picklist(FACT_KIND_NAMES, `must be one of ${FACT_KIND_NAMES.join(', ')}`)),
  asOf: v.optional(isoDate),
  source: v.union([httpsUrl, SourceSchema], 'must be an https:// URL or a citation object'),
  note: v.optional(plainText(PACK_LIMITS.maxShort)),
});

/**
 * A fact, read into its one canonical shape: the source as a citation object and a kind
 * (given, or inferred from the label for packs in the first format). A date is kept only
 * on facts whose kind changes over time; a founding date has no "as of".
 */
export const FactSchema = v.pipe(
  RawFactSchema,
  v.check((f) => f.qualifier !== 'range' || typeof f.valueTo === 'number', 'a range needs a numeric valueTo'),
  v.check((f) => !f.qualifier || typeof f.value === 'number', 'a qualifier applies to a numeric value'),
  v.transform(normalizeFact),
);

export type RawFact = v.InferOutput<typeof RawFactSchema>;
/** A fact as written in a pack file, before normalisation. */
export type FactInput = RawFact;
export type Source = v.InferOutput<typeof SourceSchema>;

/** The canonical shape of a fact in any accepted form (exported for fixtures; validation is the schema's job). */
export function normalizeFact(f: RawFact) {
  const kind: FactKind = f.kind ?? inferFactKind(f.label, f.value);
  const source: Source = typeof f.source === 'string' ? { url: f.source } : f.source;
  const { asOf, ...rest } = f;
  return isVolatileKind(kind) && asOf ? { ...rest, kind, source, asOf } : { ...rest, kind, source, asOf: undefined };
}

export const RelatedSchema = v.strictObject({
  id,
  relation: plainText(60),
});

export const EntrySchema = v.strictObject({
  id,
  name: plainText(120),
  type: v.picklist(ENTITY_TYPES, `must be one of ${ENTITY_TYPES.join(', ')}`),
  aliases: v.pipe(v.array(plainText(120)), v.maxLength(PACK_LIMITS.maxAliases)),
  description: plainText(200),
  summary: plainText(PACK_LIMITS.maxText),
  facts: v.pipe(v.array(FactSchema), v.maxLength(PACK_LIMITS.maxFacts)),
  related: v.pipe(v.array(RelatedSchema), v.maxLength(PACK_LIMITS.maxRelated)),
  wikipedia: v.nullable(
    v.pipe(v.string(), v.maxLength(200), v.regex(/^[^\s<>]+$/, 'must be a title with underscores')),
  ),
  wikidata: v.optional(v.pipe(v.string(), v.regex(/^Q\d+$/, 'must look like Q123'))),
  website: v.optional(httpsUrl),
  cues: v.optional(v.pipe(v.array(plainText(60)), v.maxLength(PACK_LIMITS.maxCues))),
  /** 0–1: how likely this sense is when an ambiguous alias has no other evidence. */
  prior: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(1))),
  reviewed: isoDate,
});

export const PackMetaSchema = v.strictObject({
  id,
  title: plainText(120),
  version: v.pipe(v.string(), v.regex(/^\d+\.\d+\.\d+$/, 'must be a version like 1.0.0')),
  license: plainText(120),
  description: v.optional(plainText(PACK_LIMITS.maxText)),
  sources: v.pipe(v.array(httpsUrl), v.maxLength(200)),
});

export const PackSchema = v.strictObject({
  pack: PackMetaSchema,
  entries: v.pipe(
    v.array(EntrySchema),
    v.maxLength(PACK_LIMITS.maxEntries, `at most ${PACK_LIMITS.maxEntries} entries`),
  ),
});

export type Fact = v.InferOutput<typeof FactSchema>;
export type Related = v.InferOutput<typeof RelatedSchema>;
export type Entry = v.InferOutput<typeof EntrySchema>;
export type PackMeta = v.InferOutput<typeof PackMetaSchema>;
export type KnowledgePack = v.InferOutput<typeof PackSchema>;
/** A pack as written in a file, before normalisation. */
export type KnowledgePackInput = v.InferInput<typeof PackSchema>;
export type EntryInput = v.InferInput<typeof EntrySchema>;

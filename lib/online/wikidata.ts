/**
 * Fresh figures from Wikidata: an item's claims mapped to labelled facts with units, dates and
 * citations (the Wikidata statement, plus the statement's own reference URL where it has one).
 * Statements are chosen the way Wikidata means them: preferred rank first, deprecated never,
 * ended ones (end time set) not as current values, the latest point in time for series.
 */
import * as v from 'valibot';
import type { Fact } from '../kb/schema.ts';
import { getJson, type FetchLike } from './http.ts';
import { entitiesUrl, wikidataStatementUrl, type Origins } from './endpoints.ts';
import type { Fetched } from './wikipedia.ts';

/** wbgetentities takes at most 50 ids per request. */
const MAX_IDS = 50;

const SnakSchema = v.object({
  snaktype: v.string(),
  property: v.string(),
  datavalue: v.optional(v.object({ value: v.unknown(), type: v.string() })),
});
const StatementSchema = v.object({
  mainsnak: SnakSchema,
  rank: v.optional(v.string()),
  qualifiers: v.optional(v.record(v.string(), v.array(SnakSchema))),
  references: v.optional(v.array(v.object({ snaks: v.record(v.string(), v.array(SnakSchema)) }))),
});
const EntitySchema = v.object({
  id: v.string(),
  labels: v.optional(v.record(v.string(), v.object({ value: v.string() }))),
  claims: v.optional(v.record(v.string(), v.array(StatementSchema))),
});
const ResponseSchema = v.object({ entities: v.record(v.string(), v.unknown()) });

export type WikidataEntity = v.InferOutput<typeof EntitySchema>;
type Statement = v.InferOutput<typeof StatementSchema>;
type Snak = v.InferOutput<typeof SnakSchema>;

export async function fetchEntities(
  fetchFn: FetchLike,
  origins: Origins,
  ids: string[],
  props = 'claims|labels',
): Promise<Fetched<Map<string, WikidataEntity>>> {
  const out = new Map<string, WikidataEntity>();
  const unique = [...new Set(ids.filter((id) => /^Q\d+$/.test(id)))];
  for (let i = 0; i < unique.length; i += MAX_IDS) {
    const r = await getJson(fetchFn, entitiesUrl(origins, unique.slice(i, i + MAX_IDS), props));
    if (!r.ok) return r;
    const p = v.safeParse(ResponseSchema, r.data);
    if (!p.success) return { ok: false, reason: 'malformed' };
    for (const raw of Object.values(p.output.entities)) {
      const e = v.safeParse(EntitySchema, raw);
      if (e.success) out.set(e.output.id, e.output);
    }
  }
  return { ok: true, value: out };
}

/** The properties readers want, in the order shown, with their label and kind. */
export const PROPERTIES: { id: string; label: string; kind: Fact['kind']; many?: boolean }[] = [
  { id: 'P1082', label: 'Population', kind: 'population' },
  { id: 'P39', label: 'Position held', kind: 'office', many: true },
  { id: 'P35', label: 'Head of state', kind: 'office' },
  { id: 'P6', label: 'Head of government', kind: 'office' },
  { id: 'P169', label: 'Chief executive', kind: 'office' },
  { id: 'P488', label: 'Chair', kind: 'office' },
  { id: 'P571', label: 'Founded', kind: 'history' },
  { id: 'P159', label: 'Headquarters', kind: 'attribute' },
  { id: 'P17', label: 'Country', kind: 'attribute' },
  { id: 'P1128', label: 'Employees', kind: 'count' },
  { id: 'P2139', label: 'Revenue', kind: 'economy' },
  { id: 'P463', label: 'Member of', kind: 'membership', many: true },
  { id: 'P856', label: 'Official website', kind: 'attribute' },
];

/** Units Wikidata gives as items, written as Backstory writes them. */
const UNITS: Record<string, string> = {
  Q4917: 'USD',
  Q4916: 'EUR',
  Q25224: 'GBP',
  Q41044: 'RUB',
  Q39099: 'CNY',
  Q8146: 'JPY',
  Q80524: 'INR',
  Q712226: 'km²',
  Q828224: 'km',
  Q11573: 'm',
};

const dataValue = (s: Snak) => (s.snaktype === 'value' ? s.datavalue : undefined);

/** "+2001-06-15T00:00:00Z" at precision 11 → "2001-06-15"; 10 → "2001-06"; 9 → "2001". */
export function wikidataTime(value: unknown): string | null {
  const t = value as { time?: string; precision?: number } | null;
  const m = /^\+?(\d{4})-(\d{2})-(\d{2})/.exec(t?.time ?? '');
  if (!m) return null;
  const p = t?.precision ?? 11;
  return p >= 11 ? `${m[1]}-${m[2]}-${m[3]}` : p === 10 ? `${m[1]}-${m[2]}` : `${m[1]}`;
}

function qualifierTime(s: Statement, property: string): string | null {
  const q = s.qualifiers?.[property]?.[0];
  const dv = q && dataValue(q);
  return dv ? wikidataTime(dv.value) : null;
}

function itemId(value: unknown): string | null {
  const id = (value as { id?: string } | null)?.id;
  return typeof id === 'string' && /^Q\d+$/.test(id) ? id : null;
}

/** The statements that say what is true now, best first. */
export function currentStatements(list: Statement[]): Statement[] {
  const live = list.filter((s) => s.rank !== 'deprecated' && dataValue(s.mainsnak) && !qualifierTime(s, 'P582'));
  const preferred = live.filter((s) => s.rank === 'preferred');
  const pool = preferred.length ? preferred : live;
  // Series (population, employees, revenue): the latest point in time first.
  return [...pool].sort((a, b) => (qualifierTime(b, 'P585') ?? '').localeCompare(qualifierTime(a, 'P585') ?? ''));
}

/** Items a set of entities' claims point to (heads of state, headquarters…), whose labels are needed. */
export function referencedItems(entities: Iterable<WikidataEntity>): string[] {
  const ids = new Set<string>();
  for (const e of entities)
    for (const p of PROPERTIES) {
      const picked = currentStatements(e.claims?.[p.id] ?? []);
      for (const s of p.many ? picked.slice(0, 5) : picked.slice(0, 1)) {
        const id = itemId(dataValue(s.mainsnak)?.value);
        if (id) ids.add(id);
        const unit = (dataValue(s.mainsnak)?.value as { unit?: string } | undefined)?.unit;
        const unitId = unit?.split('/').pop();
        if (unitId && /^Q\d+$/.test(unitId) && !UNITS[unitId]) ids.add(unitId);
      }
    }
  return [...ids];
}

/**
 * An item's claims as facts. `labelOf` names referenced items (from a second request);
 * `retrieved` is today's date. A value whose label is unknown is left out, never shown as a Q-id.
 */
export function claimsToFacts(
  e: WikidataEntity,
  labelOf: (id: string) => string | undefined,
  retrieved: string,
): Fact[] {
  const facts: Fact[] = [];
  const itemLabel = e.labels?.en?.value ?? e.id;
  for (const p of PROPERTIES) {
    const picked = currentStatements(e.claims?.[p.id] ?? []);
    const chosen = p.many ? picked.slice(0, 5) : picked.slice(0, 1);
    if (!chosen.length) continue;
    const first = chosen[0]!;
    const dv = dataValue(first.mainsnak)!;
    let value: string | number | null = null;
    let unit: string | undefined;
    if (dv.type === 'quantity') {
      const q = dv.value as { amount?: string; unit?: string };
      const n = Number(q.amount);
      if (!Number.isFinite(n)) continue;
      value = n;
      const unitId = q.unit?.split('/').pop() ?? '1';
      unit = unitId === '1' ? (p.kind === 'population' ? 'people' : undefined) : (UNITS[unitId] ?? labelOf(unitId));
      if (unitId !== '1' && !unit) continue;
    } else if (dv.type === 'time') value = wikidataTime(dv.value);
    else if (dv.type === 'wikibase-entityid') {
      const names = chosen.map((s) => labelOf(itemId(dataValue(s.mainsnak)?.value) ?? '')).filter(Boolean);
      value = names.length ? names.join(', ') : null;
    } else if (dv.type === 'string' && typeof dv.value === 'string' && /^https:\/\//.test(dv.value)) value = dv.value;
    if (value === null || value === '') continue;
    const pointInTime = qualifierTime(first, 'P585');
    const since = qualifierTime(first, 'P580');
    const volatile = !['history', 'attribute', 'measure'].includes(p.kind);
    const refUrl = first.references
      ?.flatMap((r) => r.snaks.P854 ?? [])
      .map((s) => dataValue(s)?.value)
      .find((u): u is string => typeof u === 'string' && /^https:\/\//.test(u));
    const notes = [since ? `since ${since}` : '', refUrl ? `Wikidata's reference: ${refUrl}` : ''].filter(Boolean);
    facts.push({
      label: p.label,
      value,
      ...(unit ? { unit } : {}),
      kind: p.kind,
      asOf: volatile ? (pointInTime ?? retrieved) : undefined,
      source: {
        url: wikidataStatementUrl(e.id, p.id),
        publisher: 'Wikidata',
        title: `${itemLabel} (${e.id}), ${p.label.toLowerCase()} (${p.id})`,
        retrieved,
      },
      ...(notes.length ? { note: notes.join('; ') } : {}),
    } as Fact);
  }
  return facts;
}

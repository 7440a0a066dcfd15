/**
 * The managed-storage schema (public/managed-schema.json, Chrome's storage.managed_schema) and
 * the example policies of docs/classroom.md: the schema keeps to what Chrome accepts and says
 * the same as the settings layer, and each example validates against it (as Chrome would check
 * it) and is applied by Backstory without a single problem.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePackImport } from '../../lib/kb/import.ts';
import { loadBuiltinPacks } from '../../scripts/lib/load-builtin.ts';
import { MANAGEABLE_SETTINGS, parseManagedPolicy } from '../../lib/storage/managed.ts';
import { HIGHLIGHTABLE } from '../../lib/storage/settings.ts';

const read = (f: string) => JSON.parse(readFileSync(join(process.cwd(), f), 'utf8')) as unknown;
const SCHEMA = read('public/managed-schema.json') as Schema;
const reservedIds = new Set(loadBuiltinPacks().packs.map((p) => p.pack.id));

interface Schema {
  type: 'object' | 'array' | 'string' | 'boolean' | 'integer' | 'number';
  properties?: Record<string, Schema>;
  additionalProperties?: Schema;
  items?: Schema;
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  title?: string;
  description?: string;
}

/**
 * Checks a value the way Chrome checks a policy against an extension's schema: types, enums,
 * ranges, and no property the schema does not declare (Chrome drops those, so an example with
 * one would not do what it says). Returns the problems, by path.
 */
function validate(schema: Schema, value: unknown, path = 'policy'): string[] {
  const is: Record<Schema['type'], (v: unknown) => boolean> = {
    object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    array: Array.isArray,
    string: (v) => typeof v === 'string',
    boolean: (v) => typeof v === 'boolean',
    integer: Number.isInteger,
    number: (v) => typeof v === 'number',
  };
  if (!is[schema.type](value)) return [`${path}: not ${schema.type}`];
  const out: string[] = [];
  if (schema.enum && !schema.enum.includes(value)) out.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (schema.minimum !== undefined && (value as number) < schema.minimum) out.push(`${path}: below minimum`);
  if (schema.maximum !== undefined && (value as number) > schema.maximum) out.push(`${path}: above maximum`);
  if (schema.type === 'array')
    (value as unknown[]).forEach((v, i) => out.push(...validate(schema.items!, v, `${path}[${i}]`)));
  if (schema.type === 'object')
    for (const [k, v] of Object.entries(value as object)) {
      const sub = schema.properties?.[k] ?? schema.additionalProperties;
      if (!sub) out.push(`${path}.${k}: not declared by the schema`);
      else out.push(...validate(sub, v, `${path}.${k}`));
    }
  return out;
}

/** Every schema in the tree, with its path. */
function* walk(schema: Schema, path = ''): Generator<[string, Schema]> {
  yield [path, schema];
  for (const [k, s] of Object.entries(schema.properties ?? {})) yield* walk(s, `${path}.${k}`);
  if (schema.items) yield* walk(schema.items, `${path}[]`);
  if (schema.additionalProperties) yield* walk(schema.additionalProperties, `${path}{}`);
}

describe('the managed-storage schema', () => {
  it('keeps to what Chrome accepts: an object at the top without additionalProperties, a type on every schema', () => {
    expect(SCHEMA.type).toBe('object');
    expect(SCHEMA.additionalProperties).toBeUndefined();
    for (const [path, s] of walk(SCHEMA))
      expect(['object', 'array', 'string', 'boolean', 'integer', 'number'], path || 'top').toContain(s.type);
  });

  it('declares exactly the settings the settings layer lets a policy set and lock', () => {
    expect(Object.keys(SCHEMA.properties!.settings!.properties!).sort()).toEqual([...MANAGEABLE_SETTINGS].sort());
    expect([...SCHEMA.properties!.lockedSettings!.items!.enum!].sort()).toEqual([...MANAGEABLE_SETTINGS].sort());
    expect(SCHEMA.properties!.settings!.properties!.highlightTypes!.items!.enum).toEqual(HIGHLIGHTABLE);
  });

  it('finds what is wrong in a policy (the validator used below can fail)', () => {
    expect(validate(SCHEMA, { settings: { onlineMode: 'no', colour: 'red' }, packs: [{}] })).toEqual([
      'policy.settings.onlineMode: not boolean',
      'policy.settings.colour: not declared by the schema',
      'policy.packs[0]: not string',
    ]);
  });
});

describe.each([
  ['docs/examples/classroom-policy.json', (x: unknown) => x],
  [
    'docs/examples/chrome-policy.json',
    (x: unknown) =>
      (x as { '3rdparty': { extensions: Record<string, unknown> } })['3rdparty'].extensions[
        'dckffigglilcaafponkkmdjaknbbkbkb'
      ],
  ],
  [
    'docs/examples/firefox-policies.json',
    (x: unknown) =>
      (x as { policies: { '3rdparty': { Extensions: Record<string, unknown> } } }).policies['3rdparty'].Extensions[
        'backstory@backstory.example'
      ],
  ],
])('the example policy %s', (file, extract) => {
  const policy = extract(read(file));

  it('names Backstory (the fixed Chromium ID, the Firefox add-on ID) and validates against the schema', () => {
    expect(policy).toBeTruthy();
    expect(validate(SCHEMA, policy)).toEqual([]);
  });

  it('is applied by Backstory in full: settings, locks, a site and the sample class pack', () => {
    const applied = parseManagedPolicy(policy, (json) => parsePackImport(json, { reservedIds }));
    expect(applied.problems).toEqual([]);
    expect(applied.locked).toEqual(['onlineMode', 'readingTrail']);
    expect(applied.settings).toMatchObject({ onlineMode: false, readingTrail: false });
    expect(Object.keys(applied.sites)).toHaveLength(1);
    expect(applied.packs.map((p) => p.pack.id)).toEqual(['class-central-asia-geography']);
  });
});

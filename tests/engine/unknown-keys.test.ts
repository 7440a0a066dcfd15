/**
 * Keys of names the knowledge base lacks. compromise's tagging is mocked here so that the
 * same spelling can come back with two types, which it does only rarely on real text.
 */
import { describe, it, expect, vi } from 'vitest';
import type { NerSpan } from '../../lib/engine/ner.ts';
import { createEngine } from '../../lib/engine/index.ts';
import { testIndex } from '../fixtures/test-kb.ts';

const tagged = vi.hoisted(() => ({ spans: [] as NerSpan[] }));
vi.mock('../../lib/engine/ner.ts', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/engine/ner.ts')>()),
  findNames: () => tagged.spans,
}));

const engine = createEngine(testIndex);

/** Spans for each [text, type], at every place the text occurs in order. */
function tag(text: string, ...names: [string, NerSpan['type']][]): NerSpan[] {
  let from = 0;
  return names.map(([name, type]) => {
    const start = text.indexOf(name, from);
    from = start + name.length;
    return { start, end: from, text: name, type };
  });
}

describe('engine/keys of names the knowledge base lacks', () => {
  it('are new:<type>:<name>', () => {
    const text = 'Volunteers from the Riverside Literacy Foundation staffed the tables.';
    tagged.spans = tag(text, ['Riverside Literacy Foundation', 'organization']);
    const [e] = engine.analyze({ text }).entities;
    expect(e!.key).toBe('new:organization:riverside literacy foundation');
  });

  it('keep two names spelled alike but of different types apart', () => {
    const text = 'Jordan Vale spoke for the residents. Later, hikers crossed Jordan Vale on foot.';
    tagged.spans = tag(text, ['Jordan Vale', 'person'], ['Jordan Vale', 'place']);
    const found = engine.analyze({ text }).entities.map((e) => [e.key, e.type, e.mentions.length]);
    expect(found).toEqual(
      expect.arrayContaining([
        ['new:person:jordan vale', 'person', 1],
        ['new:place:jordan vale', 'place', 1],
      ]),
    );
    expect(found).toHaveLength(2);
  });

  it("give a name the tagger calls a person once and an organisation once the first one's type", () => {
    const text = 'Jordan Vale spoke for the residents. Later, Jordan Vale said the plan would fail.';
    tagged.spans = tag(text, ['Jordan Vale', 'person'], ['Jordan Vale', 'organization']);
    const found = engine.analyze({ text }).entities.map((e) => [e.key, e.type, e.mentions.length]);
    expect(found).toEqual([['new:person:jordan vale', 'person', 2]]);
  });

  it('give the same name of the same type one entity with all its mentions', () => {
    const text = 'Jordan Vale spoke for the residents. Jordan Vale later left.';
    tagged.spans = tag(text, ['Jordan Vale', 'person'], ['Jordan Vale', 'person']);
    const found = engine.analyze({ text }).entities;
    expect(found.map((e) => [e.key, e.mentions.length])).toEqual([['new:person:jordan vale', 2]]);
  });

  it('let a long form the article defines keep its later mentions, whatever type the tagger gives them', () => {
    const text = 'The Halden Basin Initiative (HBI) began in May. Farmers praised the Halden Basin Initiative.';
    tagged.spans = tag(text, ['Halden Basin Initiative', 'organization'], ['Halden Basin Initiative', 'organization']);
    const found = engine.analyze({ text }).entities.filter((e) => e.id === null);
    expect(found.map((e) => [e.key, e.type, e.definedAs])).toEqual([
      ['new:initiative:halden basin initiative', 'initiative', 'HBI'],
    ]);
    expect(found[0]!.mentions.map((m) => m.text)).toEqual([
      'Halden Basin Initiative',
      'HBI',
      'Halden Basin Initiative',
    ]);
  });
});

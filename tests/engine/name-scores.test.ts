/**
 * Names the knowledge base lacks, weighed on evidence (lib/engine/name-scores.ts with the
 * weights in data/rules/name-weights.json). Each case names the feature it depends on:
 * setting that feature's weight to 0 makes the case fail.
 */
import { describe, it, expect } from 'vitest';
import { findNames } from '../../lib/engine/ner.ts';
import { isTitle, TITLE_ABBREVIATIONS, ABBREVIATIONS } from '../../lib/engine/rules.ts';
import { splitSentences } from '../../lib/engine/tokenize.ts';

const names = (text: string) => findNames(text).map((n) => `${n.text}/${n.type}`);

describe('engine/name-scores: evidence for a name', () => {
  it('titleBefore: a title before unfamiliar words makes them a person, and is not part of the name', () => {
    const found = names('The bill passed after Sens. Orla Brennagh and Rep. Tamsin Quayle changed their votes.');
    expect(found).toContain('Orla Brennagh/person');
    expect(found).toContain('Tamsin Quayle/person');
    expect(found.join(' ')).not.toMatch(/Sens|Rep\b/);
  });

  it('a title inside a capitalised run splits it: the person is the part after the office', () => {
    const found = names('The plan was outlined by Finance Secretary Daviel Ormundo on Monday.');
    expect(found).toContain('Daviel Ormundo/person');
    expect(found.some((n) => n.startsWith('Finance'))).toBe(false);
  });

  it('titleBefore: a title is the only evidence that two familiar words are a person', () => {
    expect(names('The bill passed after Sen. Orla Rivers changed her vote.')).toContain('Orla Rivers/person');
  });

  it('orgHead: a body\'s head word first, before "of", makes an organisation ("Department of …")', () => {
    const found = names('Some tribes stand back and allow the Department of Quellation and volunteers to lead.');
    expect(found).toContain('Department of Quellation/organization');
  });

  it('a whole name that is a place\'s people is a description (a rule in ner.ts, not a weight) ("New Zealanders"), a surname like one is not', () => {
    const knownPlace = (n: string) => ['Tarrow Bay', 'Holland'].includes(n);
    const found = findNames('Many Tarrow Bayers were upset, Ben Hollander said in Holland.', { knownPlace }).map(
      (n) => n.text,
    );
    expect(found).not.toContain('Tarrow Bayers');
    expect(found).toContain('Ben Hollander');
  });

  it('unknownWord: two words compromise has never seen, mid-sentence, are a name', () => {
    expect(names('The award went to Zorbek Tualimov after a long vote.')).toContain('Zorbek Tualimov/person');
  });

  it('camelCase + repeated: an inner capital marks a company name even standing alone', () => {
    const found = names('Shares of the firm fell after QuillBase warned of losses, and QuillBase cut jobs.');
    expect(found).toContain('QuillBase/organization');
  });

  it('capitalised words the text also writes in lower case are a heading, not a name', () => {
    expect(names('Officials met at noon. Rising Tides were discussed, as tides keep rising.')).toEqual([]);
  });

  it('numberBefore: a year before a capitalised run makes it a title of a thing', () => {
    expect(names('She won the 2021 Brask Prize for Quelmic Reporting last spring.')).toEqual([]);
  });

  it('"and" joins two names in a list, not one name', () => {
    const found = names('The carriers Zarvia Air and Tolmeko merged their fleets; Tolmeko staff moved.');
    expect(found.some((n) => n.includes(' and '))).toBe(false);
  });

  it('a lone word that is part of a longer name found is its short form, not a name of its own', () => {
    const found = names('Yerlan Dzhaksy spoke first. Later Dzhaksy said the talks had failed, Dzhaksy added.');
    expect(found.filter((n) => n.startsWith('Dzhaksy'))).toEqual([]);
  });
});

describe('engine/rules: one list per purpose, shared by tokenizer and name finder', () => {
  it('titles are recognised with or without their full stop, and plural forms too', () => {
    for (const w of ['Sen.', 'Sens.', 'Speaker', 'President', 'spokesman']) expect(isTitle(w), w).toBe(true);
    expect(isTitle('Senate')).toBe(false);
  });

  it('a title abbreviation does not end a sentence; the tokenizer and name finder share the list', () => {
    expect(TITLE_ABBREVIATIONS.has('sens')).toBe(true);
    expect(ABBREVIATIONS.has('sens')).toBe(true);
    expect(splitSentences('Votes came from Sens. Ada Lark and others.')).toHaveLength(1);
  });
});

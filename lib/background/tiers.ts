/**
 * One analysis through Backstory's tiers, the same in the background and the CLI: the page's
 * language first (on a page Backstory cannot read, only what the packs know, with country
 * names in that language), then the engine over the packs, then the gazetteer for the names
 * the packs lack (lib/kb/gazetteer-enrich.ts).
 */
import { createEngine, type Engine } from '../engine/index.ts';
import type { AnalysisResult } from '../engine/types.ts';
import type { Gazetteer } from '../kb/gazetteer.ts';
import { enrichWithGazetteer } from '../kb/gazetteer-enrich.ts';
import { indexForLanguage, type ForeignNames } from '../kb/gazetteer-languages.ts';
import type { Entry } from '../kb/schema.ts';
import { pageLanguage } from '../page/language.ts';

export interface Tiers {
  engine: Engine;
  /** Null until the background has loaded it (the quick pass does not wait for it). */
  gazetteer: Gazetteer | null;
  foreign: ForeignNames;
  /** Engines over the index plus one language's names, made on first use. */
  foreignEngines: Map<string, Engine>;
}

export interface TierInput {
  text: string;
  title?: string;
  /** The document's declared language (`<html lang>`), if any. */
  lang?: string;
  quick?: boolean;
  truncated?: boolean;
  /** Where the text is a heading of the page (the extractor's spans). */
  headings?: [number, number][];
}

export function analyzeInTiers(
  input: TierInput,
  tiers: Tiers,
): { result: AnalysisResult; entries: Map<string, Entry> } {
  const language = pageLanguage(input.lang, input.text);
  const base = { text: input.text, title: input.title, truncated: input.truncated, headings: input.headings };
  if (!language.readable) {
    let engine = tiers.foreignEngines.get(language.code);
    if (!engine) {
      engine = createEngine(indexForLanguage(tiers.engine.index, tiers.foreign, language.code));
      tiers.foreignEngines.set(language.code, engine);
    }
    // compromise reads English: on this page only names the packs know, in either language.
    const result = engine.analyze({ ...base, findUnknownNames: false });
    result.complete = true;
    result.language = language;
    // Names guessed from an English reading of the text (an acronym's French long form) are not "names it knows".
    result.entities = result.entities.filter((e) => e.id !== null);
    // Figures are read the same way ("5 mai", "12 députés Front"): labels cut in the wrong places.
    result.figures = [];
    return { result, entries: new Map() };
  }
  const gazetteer = input.quick ? null : tiers.gazetteer;
  // The gazetteer is evidence for the names the packs lack as well as their type and link afterwards.
  const knownPlace = gazetteer ? (name: string) => isKnownPlace(gazetteer, name) : undefined;
  const result = tiers.engine.analyze({ ...base, findUnknownNames: !input.quick, knownPlace });
  if (!gazetteer) return { result, entries: new Map() };
  return enrichWithGazetteer(result, input.text, gazetteer);
}

/**
 * A one-word city smaller than this is not evidence on its own: such names are as often a
 * company's or a surname ("Tata", a town in Hungary; "Wilson", in North Carolina). Regions and
 * longer names ("Clacton on Sea") count at any size.
 */
export const ONE_WORD_CITY_MIN_POPULATION = 50_000;

/** Whether a capitalised run is a place's name the gazetteer knows well enough to count as evidence. */
export function isKnownPlace(gazetteer: Gazetteer, name: string): boolean {
  const oneWord = !/\s/u.test(name.trim());
  return gazetteer
    .placesNamed(name)
    .some((p) => !oneWord || p.kind === 'region' || (p.population ?? 0) >= ONE_WORD_CITY_MIN_POPULATION);
}

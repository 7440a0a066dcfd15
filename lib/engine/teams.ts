/**
 * A country's name in a match report is its team: "India beat South Africa by seven runs" names
 * two national cricket teams, not two countries. When the knowledge base has a team that
 * represents the country (the "represents" relation) and the article uses at least
 * MIN_TEAM_CUES of that team's cue words (its sport's: "wickets", "overs", "T20"), each mention of
 * the country moves to the team, except where a preposition makes it the place ("fans in India",
 * data/rules/place-prepositions.json).
 */
import type { KbIndex, IndexEntry } from './types.ts';
import type { Token } from './tokenize.ts';
import type { AliasMatch } from './match-aliases.ts';
import type { MentionTable } from './mention-table.ts';
import { cuesInArticle } from './disambiguate.ts';
import placePrepositions from '../../data/rules/place-prepositions.json';

/** Distinct cue words of the team's sport the article must use. */
export const MIN_TEAM_CUES = 3;
const PLACE_BEFORE = new RegExp(String.raw`\b(?:${placePrepositions.words.join('|')})\s+(?:the\s+)?$`, 'iu');

const teamsCache = new WeakMap<KbIndex, Map<string, number[]>>();

/** Country id → indexes of the entries that represent it. */
function teamsOf(index: KbIndex): Map<string, number[]> {
  let teams = teamsCache.get(index);
  if (!teams) {
    teams = new Map();
    index.entries.forEach((e, k) => {
      for (const id of e.represents ?? []) teams!.set(id, [...(teams!.get(id) ?? []), k]);
    });
    teamsCache.set(index, teams);
  }
  return teams;
}

/** The team of this country whose sport the article is about, if any (index into index.entries). */
export function teamInPlay(
  countryId: string,
  text: string,
  tokens: Token[],
  index: KbIndex,
  matches: AliasMatch[],
): number | null {
  let best: { e: number; cues: number } | null = null;
  for (const e of teamsOf(index).get(countryId) ?? []) {
    const cues = cuesInArticle(e, text, tokens, index, matches).length;
    if (cues >= MIN_TEAM_CUES && (!best || cues > best.cues)) best = { e, cues };
  }
  return best ? best.e : null;
}

export function countriesAsTeams(
  table: MentionTable,
  text: string,
  tokens: Token[],
  index: KbIndex,
  matches: AliasMatch[],
  draftFor: (e: IndexEntry) => ReturnType<MentionTable['forEntry']>,
): void {
  const teams = teamsOf(index);
  if (!teams.size) return;
  for (const country of [...table.drafts.values()]) {
    if (country.type !== 'country' || !country.id) continue;
    if (!teams.has(country.id)) continue;
    // The team whose sport the article is about: the most cue words, at least MIN_TEAM_CUES.
    const best = teamInPlay(country.id, text, tokens, index, matches);
    if (best === null) continue;
    const team = draftFor(index.entries[best]!);
    const stay = country.mentions.filter((m) => PLACE_BEFORE.test(text.slice(Math.max(0, m.start - 24), m.start)));
    team.mentions.push(...country.mentions.filter((m) => !stay.includes(m)));
    team.mentions.sort((a, b) => a.start - b.start);
    country.mentions = stay;
  }
}

/**
 * "Wikidata now says …": where a curated volatile fact (an office, a member count) and the
 * figures just fetched from Wikidata disagree, both are shown. Pure and small, so the page's
 * cards can use it without the rest of online mode.
 */
import type { Fact } from '../kb/schema.ts';

export interface Disagreement {
  label: string;
  curated: string;
  wikidata: string;
  fetched: string;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/**
 * Where a curated volatile fact (an office, a member count) and Wikidata now disagree, both are
 * shown: "Wikidata now says …, fetched today". Offices compare by name containment either way,
 * numbers by value.
 */
export function disagreements(curated: Fact[], online: Fact[], fetched: string): Disagreement[] {
  const out: Disagreement[] = [];
  const offices = online.filter((f) => f.kind === 'office').map((f) => String(f.value));
  for (const c of curated) {
    if (c.kind === 'office' && offices.length) {
      const cv = norm(String(c.value));
      const agrees = offices.some((o) => o.split(', ').some((one) => norm(one).includes(cv) || cv.includes(norm(one))));
      if (!agrees) out.push({ label: c.label, curated: String(c.value), wikidata: offices.join('; '), fetched });
    }
    if ((c.kind === 'count' || c.kind === 'membership') && typeof c.value === 'number') {
      const o = online.find((f) => norm(f.label) === norm(c.label) && typeof f.value === 'number');
      if (o && o.value !== c.value)
        out.push({ label: c.label, curated: String(c.value), wikidata: String(o.value), fetched });
    }
  }
  return out;
}

/** What the sidebar and the CLI say on a page in a language Backstory does not read (issue 16, item 5). */
import type { AnalysisResult } from '../engine/types.ts';

export function languageNotice(result: Pick<AnalysisResult, 'language'>): string | null {
  const l = result.language;
  if (!l || l.readable) return null;
  const name = l.name && l.name !== l.code ? l.name : 'a language other than English';
  return `This page is in ${name}; Backstory reads English. Showing only names it knows.`;
}

/**
 * `backstory analyze --cite csl-json|bibtex|ris FILE…`: the sources behind the facts shown for
 * the articles, as a reference manager imports them. The same records and the same formatter
 * as the sidebar's "Sources" export (lib/export/cite.ts, lib/export/cite-format.ts).
 */
import type { AnalysisResult } from '../lib/engine/types.ts';
import type { Fact } from '../lib/kb/schema.ts';
import { articleSources, SOURCE_FORMATS, type SourceFormat } from '../lib/export/cite.ts';
import { createCiter } from '../lib/export/cite-format.ts';
import { CliError } from './errors.ts';

/** Reads `--cite FORMAT` or `--cite=FORMAT` out of the arguments. */
export function takeCiteFormat(args: string[]): { format: SourceFormat | null; rest: string[] } {
  const rest: string[] = [];
  let format: string | null = null;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--cite') {
      format = args[++i] ?? '';
    } else if (a.startsWith('--cite=')) format = a.slice('--cite='.length);
    else rest.push(a);
  }
  if (format === null) return { format: null, rest };
  if (!(SOURCE_FORMATS as readonly string[]).includes(format))
    throw new CliError(`analyze: --cite takes ${SOURCE_FORMATS.join(', ')}${format ? `, not "${format}"` : ''}`);
  return { format: format as SourceFormat, rest };
}

/**
 * The distinct sources of all these articles (the first article's first), in one file. For
 * one article this is, byte for byte, what the sidebar exports.
 */
export function citeArticles(
  results: AnalysisResult[],
  entries: (id: string) => { facts: Pick<Fact, 'source'>[] } | undefined,
  format: SourceFormat,
): string {
  const items = articleSources({ entities: results.flatMap((r) => r.entities) }, entries);
  return createCiter().exportSources(items, format);
}

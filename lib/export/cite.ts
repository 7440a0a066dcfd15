/**
 * The article's sources as CSL-JSON records, the form every reference manager and citation
 * processor reads: one record per distinct source (a web page by its URL, a registered dataset
 * by its id), with title, publisher, URL and the day it was retrieved. Pure and small: the
 * analyzer builds the records on the page; formatting them (APA, MLA, Chicago, BibTeX, RIS)
 * needs the citation library, which is loaded only when the reader cites (cite-format.ts).
 */
import type { AnalysisResult } from '../engine/types.ts';
import type { Fact, Source } from '../kb/schema.ts';
import { DATASETS } from '../kb/provenance.ts';
import { hostOf } from '../format/facts.ts';

export const CITE_STYLES = ['apa', 'mla', 'chicago'] as const;
export type CiteStyle = (typeof CITE_STYLES)[number];
export const CITE_STYLE_LABEL: Record<CiteStyle, string> = { apa: 'APA', mla: 'MLA', chicago: 'Chicago' };

export const SOURCE_FORMATS = ['csl-json', 'bibtex', 'ris'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];
export const SOURCE_FORMAT_INFO: Record<SourceFormat, { label: string; extension: string; mime: string }> = {
  'csl-json': { label: 'CSL-JSON', extension: 'json', mime: 'application/vnd.citationstyles.csl+json' },
  bibtex: { label: 'BibTeX', extension: 'bib', mime: 'application/x-bibtex' },
  ris: { label: 'RIS', extension: 'ris', mime: 'application/x-research-info-systems' },
};

/** A CSL-JSON item (the fields Backstory fills; CSL's names). */
export interface CslItem {
  id: string;
  'citation-key': string;
  type: 'webpage' | 'dataset';
  title: string;
  publisher: string;
  URL: string;
  accessed?: { 'date-parts': [[number, number, number]] };
  version?: string;
}

/** What makes two citations the same source: a dataset by its id, a page by its URL. */
function sourceKey(s: Source): string {
  return s.dataset ? `dataset:${s.dataset}` : `url:${s.url}`;
}

function dateParts(day: string | undefined): CslItem['accessed'] {
  const m = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  return m ? { 'date-parts': [[Number(m[1]), Number(m[2]), Number(m[3])]] } : undefined;
}

/** Text on one line with single spaces, as every export format wants a field. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** One source as a CSL record without its id (given when the set is known, so ids are unique). */
function cslFields(s: Source): Omit<CslItem, 'id' | 'citation-key'> {
  const ds = s.dataset ? DATASETS.get(s.dataset) : undefined;
  const accessed = dateParts(s.retrieved ?? ds?.retrieved);
  return {
    type: ds ? 'dataset' : 'webpage',
    title: oneLine(s.title ?? ds?.name ?? s.url),
    publisher: oneLine(s.publisher ?? ds?.publisher ?? hostOf(s.url)),
    URL: s.url,
    ...(accessed ? { accessed } : {}),
    ...(ds ? { version: oneLine(ds.version) } : {}),
  };
}

/**
 * A citation key as BibTeX wants it (ASCII letters and digits): the publisher's first word
 * and the year retrieved, "cia2026"; repeats get a, b, c… in order.
 */
function baseKey(item: Omit<CslItem, 'id' | 'citation-key'>): string {
  const word =
    item.publisher
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .find((w) => w.length > 1 && !['the', 'a', 'an', 'of'].includes(w)) ?? 'source';
  return `${word.slice(0, 24)}${item.accessed?.['date-parts'][0][0] ?? ''}`;
}

function withKeys(items: Omit<CslItem, 'id' | 'citation-key'>[]): CslItem[] {
  const bases = items.map(baseKey);
  const total = new Map<string, number>();
  for (const b of bases) total.set(b, (total.get(b) ?? 0) + 1);
  const seen = new Map<string, number>();
  return items.map((item, i) => {
    const b = bases[i]!;
    const n = seen.get(b) ?? 0;
    seen.set(b, n + 1);
    const key = total.get(b)! > 1 ? `${b}${suffix(n)}` : b;
    return { id: key, 'citation-key': key, ...item };
  });
}

/** a…z, then aa, ab… */
function suffix(n: number): string {
  let s = '';
  let k = n;
  do {
    s = String.fromCharCode(97 + (k % 26)) + s;
    k = Math.floor(k / 26) - 1;
  } while (k >= 0);
  return s;
}

/** One fact's source as a CSL record, for "Cite" beside that fact. */
export function cslItemOf(source: Source): CslItem {
  return withKeys([cslFields(source)])[0]!;
}

/** Distinct sources of these facts, in the order first cited, as CSL records with unique keys. */
export function cslItemsOf(facts: Iterable<Pick<Fact, 'source'>>): CslItem[] {
  const byKey = new Map<string, Omit<CslItem, 'id' | 'citation-key'>>();
  for (const f of facts) {
    const k = sourceKey(f.source);
    if (!byKey.has(k)) byKey.set(k, cslFields(f.source));
  }
  return withKeys([...byKey.values()]);
}

/**
 * Every source behind the facts the sidebar shows for this article: entities in the result's
 * order (most central first), each entry's facts in order. The sidebar's export and the CLI's
 * `--cite` both call this, so they give the same records.
 */
export function articleSources(
  result: Pick<AnalysisResult, 'entities'>,
  entries: (id: string) => { facts: Pick<Fact, 'source'>[] } | undefined,
): CslItem[] {
  const facts: Pick<Fact, 'source'>[] = [];
  const done = new Set<string>();
  for (const e of result.entities) {
    if (!e.id || done.has(e.id)) continue;
    done.add(e.id);
    facts.push(...(entries(e.id)?.facts ?? []));
  }
  return cslItemsOf(facts);
}

/** CSL-JSON as a file: the records, two-space indented, with a final newline. */
export function cslJson(items: CslItem[]): string {
  return JSON.stringify(items, null, 2) + '\n';
}

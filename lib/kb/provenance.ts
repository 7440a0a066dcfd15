/**
 * The citation policy for facts (data/sources/policy.json, data/README.md): which sources are
 * citable, which never are, which are state media, and what a built-in fact's citation must
 * hold. Used by the pack checker (build and `npm test`) and, for the state-media label, by
 * the interface.
 */
import policy from '../../data/sources/policy.json';
import datasets from '../../data/sources/datasets.json';
import { FACT_KIND_NAMES, isVolatileKind, type FactKind } from './fact-kinds.ts';

export interface DatasetRecord {
  id: string;
  name: string;
  publisher: string;
  version: string;
  date: string;
  licence: string;
  licenceUrl?: string;
  url: string;
  retrieved: string;
  covers: string;
}

export const DATASETS: ReadonlyMap<string, DatasetRecord> = new Map(
  (datasets as DatasetRecord[]).map((d) => [d.id, d]),
);

const DENY: [string, string][] = Object.entries(policy.deny as Record<string, string[]>).flatMap(([kind, hosts]) =>
  hosts.map((h): [string, string] => [h.toLowerCase(), kind]),
);
const STATE_MEDIA = (policy.stateMedia as string[]).map((h) => h.toLowerCase());
const GITHUB_ALLOWED = new Set((policy.githubAllowed as string[]).map((o) => o.toLowerCase()));

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** True when `host` is `rule` or a subdomain of it. */
function under(host: string, rule: string): boolean {
  return host === rule || host.endsWith('.' + rule);
}

export type SourceVerdict = { citable: true; stateMedia: boolean } | { citable: false; kind: string; reason: string };

/** Whether a URL may be cited at all, and whether it is state media. */
export function classifySource(url: string): SourceVerdict {
  const host = hostOf(url);
  if (!host) return { citable: false, kind: 'invalid', reason: 'not a URL' };
  for (const [rule, kind] of DENY)
    if (under(host, rule)) return { citable: false, kind, reason: `${host} is never citable (${kind})` };
  if (host === 'github.com' || host === 'raw.githubusercontent.com' || host.endsWith('.github.io')) {
    const owner = host.endsWith('.github.io')
      ? host.slice(0, -'.github.io'.length)
      : (new URL(url).pathname.split('/')[1] ?? '').toLowerCase();
    if (!GITHUB_ALLOWED.has(owner))
      return {
        citable: false,
        kind: 'personal-repo',
        reason: `${host}/${owner} is a repository that is not a registered dataset`,
      };
  }
  return { citable: true, stateMedia: STATE_MEDIA.some((rule) => under(host, rule)) };
}

/** True for hosts run by a state whose media are citable only for what its government says. */
export function isStateMedia(url: string): boolean {
  const v = classifySource(url);
  return v.citable && v.stateMedia;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const NUMBER_AS_TEXT =
  /^\s*(about|around|approximately|over|more than|nearly|almost|some|up to|at least|under|less than)?\s*[$€£]?\s*\d[\d,]*(\.\d+)?\s*(%|thousand|million|billion|trillion)?\s*$/i;

/**
 * What is wrong with one built-in fact's provenance, as messages naming the fact. `raw` is the
 * fact as written in the pack file; `today` bounds the retrieved date.
 */
export function provenanceProblems(where: string, raw: Record<string, unknown>, today: string): string[] {
  const out: string[] = [];
  const label = typeof raw.label === 'string' ? raw.label : '?';
  const at = `${where}: fact "${label}"`;
  const kind = raw.kind as FactKind | undefined;
  if (!kind || !(FACT_KIND_NAMES as readonly string[]).includes(kind))
    out.push(`${at}: needs a kind (${FACT_KIND_NAMES.join(', ')})`);
  else if (isVolatileKind(kind) && !raw.asOf) out.push(`${at}: a ${kind} fact needs asOf (it changes over time)`);
  else if (!isVolatileKind(kind) && raw.asOf)
    out.push(`${at}: a ${kind} fact has no asOf (it does not change); remove it`);
  const value = raw.value;
  const unit = typeof raw.unit === 'string' ? raw.unit : '';
  // A four-digit year is a date ("1949"), not a number stored as text.
  if (typeof value === 'string' && NUMBER_AS_TEXT.test(value) && !/^\d{4}$/.test(value.trim()))
    out.push(`${at}: the number "${value}" is stored as text; store a number (with a qualifier if needed)`);
  const words = (s: string) =>
    s
      .toLowerCase()
      .split(/[\s,]+/)
      .filter(Boolean);
  if (typeof value === 'string' && unit && words(unit).every((w) => words(value).includes(w)))
    out.push(`${at}: the value "${value}" repeats its unit "${unit}"`);
  const source = raw.source;
  if (typeof source !== 'object' || source === null) {
    out.push(`${at}: the source must be a citation (url, publisher, title, retrieved), not a bare URL`);
    return out;
  }
  const s = source as Record<string, unknown>;
  const url = typeof s.url === 'string' ? s.url : '';
  const verdict = classifySource(url);
  if (!verdict.citable) out.push(`${at}: cites ${url}: ${verdict.reason}`);
  if (s.dataset !== undefined) {
    if (!DATASETS.has(String(s.dataset)))
      out.push(`${at}: cites dataset "${String(s.dataset)}", which is not in data/sources/datasets.json`);
  } else {
    if (!s.publisher) out.push(`${at}: the citation needs a publisher`);
    if (!s.title) out.push(`${at}: the citation needs the page's title`);
  }
  const retrieved = typeof s.retrieved === 'string' ? s.retrieved : '';
  if (!DAY.test(retrieved)) out.push(`${at}: the citation needs the day it was retrieved (retrieved: YYYY-MM-DD)`);
  else if (retrieved > today) out.push(`${at}: retrieved ${retrieved} is in the future`);
  const host = hostOf(url) ?? '';
  if (under(host, 'wikipedia.org') && !/[?&]oldid=\d+/.test(url))
    out.push(`${at}: cite Wikipedia by revision permalink (…/w/index.php?title=…&oldid=N)`);
  if (under(host, 'wikidata.org') && !/\/(wiki|entity)\/Q\d+/.test(url))
    out.push(`${at}: cite Wikidata by item (https://www.wikidata.org/wiki/Q…#P…)`);
  return out;
}

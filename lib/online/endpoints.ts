/**
 * Where online mode asks, and the exact API paths. The origins are settable only for tests
 * (BACKSTORY_WIKIPEDIA_URL / BACKSTORY_WIKIDATA_URL, read by the CLI and a test build); the
 * paths below them are the real APIs' paths.
 */
export interface Origins {
  wikipedia: string;
  wikidata: string;
}

export const DEFAULT_ORIGINS: Origins = {
  wikipedia: 'https://en.wikipedia.org',
  wikidata: 'https://www.wikidata.org',
};

const trim = (origin: string) => origin.replace(/\/+$/, '');
const titlePath = (title: string) => encodeURIComponent(title.replace(/ /g, '_'));

/** Title search: GET /w/rest.php/v1/search/title?q=…&limit=N on the Wikipedia origin. */
export function searchTitleUrl(o: Origins, query: string, limit = 5): string {
  return `${trim(o.wikipedia)}/w/rest.php/v1/search/title?q=${encodeURIComponent(query)}&limit=${limit}`;
}

/** Page summary: GET /api/rest_v1/page/summary/{title} on the Wikipedia origin. */
export function summaryUrl(o: Origins, title: string): string {
  return `${trim(o.wikipedia)}/api/rest_v1/page/summary/${titlePath(title)}`;
}

/** Items with claims and English labels: GET /w/api.php?action=wbgetentities on the Wikidata origin. */
export function entitiesUrl(o: Origins, ids: string[], props = 'claims|labels'): string {
  const q = new URLSearchParams({
    action: 'wbgetentities',
    ids: ids.join('|'),
    props,
    languages: 'en',
    format: 'json',
    origin: '*',
  });
  return `${trim(o.wikidata)}/w/api.php?${q.toString()}`;
}

/** What a reader follows: the public pages, always on the real sites. */
export function wikipediaPageUrl(title: string): string {
  return `https://en.wikipedia.org/wiki/${titlePath(title)}`;
}
export function wikidataStatementUrl(item: string, property?: string): string {
  return `https://www.wikidata.org/wiki/${item}${property ? `#${property}` : ''}`;
}

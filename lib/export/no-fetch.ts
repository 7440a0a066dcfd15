/**
 * Stands in for node-fetch and sync-fetch in the extension's citation formatter (wxt.config.ts
 * aliases them here). citation-js can fetch a URL it is given as input; Backstory gives it
 * records, never URLs, and the page's citations must not reach the network, so any fetch fails.
 */
export class Headers {}

function refuse(): never {
  throw new Error('Backstory: the citation formatter does not fetch anything');
}

export default Object.assign(refuse, { Headers });

/**
 * Citations out, through citation-js (CSL processing by citeproc-js): a source formatted in
 * APA, MLA or Chicago, and the article's sources as CSL-JSON, BibTeX or RIS for Zotero,
 * Mendeley and other reference managers. Heavy (the citation processor and its locale), so
 * the extension loads it only when the reader cites or exports (entrypoints/cite/index.ts, injected
 * on demand); the CLI imports it directly. Same records in, same text out.
 */
import { Cite, plugins } from '@citation-js/core';
import '@citation-js/plugin-csl';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { cslJson, type CiteStyle, type CslItem, type SourceFormat } from './cite.ts';

/**
 * The CSL style files that citation-js does not bundle (data/csl/, CC BY-SA 3.0, from the
 * Citation Style Language project). Passed in: Vite imports them as text, the CLI reads them.
 */
export interface StyleFiles {
  mla: string;
  chicago: string;
}

/** citation-js's template name for each style as registered here (APA from the copy citation-js bundles). */
const TEMPLATE: Record<CiteStyle, string> = {
  apa: 'backstory-apa',
  mla: 'backstory-mla',
  chicago: 'backstory-chicago',
};

/**
 * A style for one entry at a time: without its <sort> keys. "Cite" formats a single source,
 * which no sort key can reorder, and citeproc-js builds each key's macros anew: for the APA and
 * Chicago styles that is ~90% of setting up the processor (Chicago 18th: 5–7 s → 0.5 s in
 * Node), time the reader would wait on the page's main thread. Same output for one entry.
 */
export function withoutSortKeys(xml: string): string {
  return xml.replace(/<sort>[\s\S]*?<\/sort>/g, '');
}
const LANG = 'en-US';

export interface Citer {
  /** One source as a bibliography entry in a style: plain text, and HTML (italics) for rich paste. */
  citation(item: CslItem, style: CiteStyle): { text: string; html: string };
  /** The whole set of sources as a file's text. */
  exportSources(items: CslItem[], format: SourceFormat): string;
}

export function createCiter(styles?: StyleFiles): Citer {
  // BibTeX as UTF-8: the library's ASCII-only escaping mangles titles in Cyrillic (and any
  // script without a TeX accent command) into text it cannot read back. Biber, BibTeX 8-bit
  // and Zotero read UTF-8.
  plugins.config.get('@bibtex').format.asciiOnly = false;
  const registry = plugins.config.get('@csl').styles;
  if (styles) {
    const files: Record<CiteStyle, string> = { apa: registry.get('apa'), ...styles };
    for (const style of Object.keys(files) as CiteStyle[])
      if (!registry.has(TEMPLATE[style])) registry.add(TEMPLATE[style], withoutSortKeys(files[style]));
  }
  return {
    citation(item, style) {
      if (!registry.has(TEMPLATE[style])) throw new Error(`the ${style} style is not loaded`);
      const cite = new Cite([item]);
      const opts = { template: TEMPLATE[style], lang: LANG };
      return {
        text: cite.format('bibliography', { ...opts, format: 'text' }).trim(),
        html: cite.format('bibliography', { ...opts, format: 'html' }).trim(),
      };
    },
    exportSources(items, format) {
      if (format === 'csl-json') return cslJson(items);
      if (!items.length) return '';
      let text = new Cite(items).format(format, { format: 'text' });
      // citation-js breaks RIS values every 70 characters, mid-word, and readers (itself
      // included) join the pieces with a space: "Prioritie s". Values hold no line breaks or
      // double spaces (cite.ts collapses white space), so a line that does not start with a
      // tag ("TI  - ") is such a piece: joined back, the value is whole again.
      if (format === 'ris') text = text.replace(/\n(?![A-Z][A-Z0-9] {2}- ?)(?=[^\n])/g, '');
      return text.replace(/\s+$/, '') + '\n';
    },
  };
}

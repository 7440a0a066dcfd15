/**
 * The citation formatter (citation-js, citeproc-js and the MLA and Chicago styles), an
 * unlisted script the background injects into a tab only when the reader first cites a
 * source or exports the article's sources (cs/load-cite). Content scripts of one extension
 * share their world, so it hands the analyzer its formatter through a global, the way the
 * background hands it the Launch. Kept out of the analyzer's bundle: the analyzer stays
 * the size it was, and pages where nobody cites never load this.
 */
import mla from '../../data/csl/modern-language-association.csl?raw';
import chicago from '../../data/csl/chicago-notes-bibliography.csl?raw';
import { createCiter } from '../../lib/export/cite-format.ts';
import { CITER_GLOBAL, type CiterHolder } from '../../lib/analyzer/cite.ts';

export default defineUnlistedScript(() => {
  (globalThis as CiterHolder)[CITER_GLOBAL] ??= createCiter({ mla, chicago });
});

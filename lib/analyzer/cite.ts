/**
 * "Cite": one source copied as a formatted citation (APA, MLA, Chicago), and the article's
 * whole set of sources downloaded as CSL-JSON, BibTeX or RIS. The records are built here
 * (lib/export/cite.ts, small); the formatter (citation-js) is not in the analyzer's bundle:
 * the first time the reader cites, the background injects cite.js (entrypoints/cite/index.ts),
 * which leaves the formatter on a global this module reads.
 */
import type { Citer } from '../export/cite-format.ts';
import {
  articleSources,
  cslItemOf,
  CITE_STYLE_LABEL,
  SOURCE_FORMAT_INFO,
  type CiteStyle,
  type SourceFormat,
} from '../export/cite.ts';
import type { Source } from '../kb/schema.ts';
import type { PageContext } from './context.ts';
import type { EntryLoader } from './entries.ts';
import { slug } from './export.ts';
import type { Store } from './store.ts';

/** Where cite.js leaves the formatter, in the content scripts' shared world. */
export const CITER_GLOBAL = '__backstoryCiter';
export type CiterHolder = typeof globalThis & { [CITER_GLOBAL]?: Citer };

/** How long a download's object URL is kept before it is revoked, ms. */
const REVOKE_AFTER_MS = 10_000;

/** Asks the background to inject cite.js (once), then takes the formatter it left. */
export function loadCiterFromBackground(ctx: PageContext): () => Promise<Citer> {
  let loading: Promise<Citer> | null = null;
  return () => {
    const ready = (globalThis as CiterHolder)[CITER_GLOBAL];
    if (ready) return Promise.resolve(ready);
    loading ??= ctx.send('cs/load-cite', {}).then((res) => {
      const citer = (globalThis as CiterHolder)[CITER_GLOBAL];
      if (!res.ok || !citer) {
        loading = null;
        throw new Error(res.ok ? 'the citation formatter did not start' : res.error);
      }
      return citer;
    });
    return loading;
  };
}

export class CiteActions {
  constructor(
    private readonly ctx: PageContext,
    private readonly store: Store,
    private readonly entries: EntryLoader,
    /** Where the download link is put for its click (inside our own shadow root when the sidebar is open). */
    private readonly linkParent: () => Node | null,
    private readonly loadCiter: () => Promise<Citer> = loadCiterFromBackground(ctx),
  ) {}

  private announce(message: string) {
    this.store.dispatch({ type: 'announce', message });
  }

  private async citer(): Promise<Citer | null> {
    try {
      return await this.loadCiter();
    } catch (e) {
      if (!this.ctx.gone(e)) this.announce('Citations could not be loaded on this page.');
      return null;
    }
  }

  /** One source as a bibliography entry in `style`, on the clipboard (rich text where the browser allows). */
  async cite(source: Source, style: CiteStyle): Promise<void> {
    const citer = await this.citer();
    if (!citer) return;
    const { text, html } = citer.citation(cslItemOf(source), style);
    const label = CITE_STYLE_LABEL[style];
    if (await this.copy(text, html)) {
      this.announce(`${label} citation copied.`);
      return;
    }
    this.save(text, 'text/plain', `backstory-citation-${style}.txt`);
    this.announce(`${label} citation downloaded (the clipboard was not available).`);
  }

  /** Every source behind the facts shown for this article, as one file for a reference manager. */
  async exportSources(format: SourceFormat): Promise<void> {
    await this.entries.ensureAll();
    const { result, entries } = this.store.state;
    if (!result) return;
    const citer = await this.citer();
    if (!citer) return;
    const items = articleSources(result, (id) => entries[id]);
    const info = SOURCE_FORMAT_INFO[format];
    if (!items.length) {
      this.announce('No sources to export: no facts are shown for this article.');
      return;
    }
    this.save(
      citer.exportSources(items, format),
      info.mime,
      `backstory-sources-${slug(result.title)}.${info.extension}`,
    );
    this.announce(`${items.length} source${items.length === 1 ? '' : 's'} downloaded as ${info.label}.`);
  }

  /** The text, and the HTML for rich paste when the browser has ClipboardItem; false when refused. */
  private async copy(text: string, html: string): Promise<boolean> {
    const nav = this.ctx.win.navigator;
    const Item = (this.ctx.win as unknown as { ClipboardItem?: typeof ClipboardItem }).ClipboardItem;
    try {
      if (Item && nav.clipboard.write) {
        await nav.clipboard.write([
          new Item({
            'text/plain': new Blob([text], { type: 'text/plain' }),
            'text/html': new Blob([html], { type: 'text/html' }),
          }),
        ]);
      } else await nav.clipboard.writeText(text);
      return true;
    } catch {
      return false;
    }
  }

  private save(text: string, mime: string, filename: string) {
    const url = URL.createObjectURL(new Blob([text], { type: mime }));
    const a = this.ctx.doc.createElement('a');
    a.href = url;
    a.download = filename;
    (this.linkParent() ?? this.ctx.doc.body)?.appendChild(a);
    a.click();
    a.remove();
    this.ctx.win.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

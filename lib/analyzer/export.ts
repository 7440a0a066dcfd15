/**
 * The glossary of the article's entities, copied or downloaded (Markdown or CSV), and the
 * print handout. Every entry is loaded first, so an export lists them all.
 */
import { glossaryCsv, glossaryMarkdown } from '../export/glossary.ts';
import { factLine } from '../format/facts.ts';
import type { PageContext } from './context.ts';
import type { EntryLoader } from './entries.ts';
import type { Store } from './store.ts';

/** How long a download's object URL is kept before it is revoked, ms. */
const REVOKE_AFTER_MS = 10_000;

export class GlossaryExport {
  constructor(
    private readonly ctx: PageContext,
    private readonly store: Store,
    private readonly entries: EntryLoader,
    /** Where the download link is put for its click (inside our own shadow root when the sidebar is open). */
    private readonly linkParent: () => Node | null,
  ) {}

  private input() {
    const { result, entries } = this.store.state;
    if (!result) return null;
    return { result, entries, url: this.ctx.win.location.href };
  }

  async glossary(format: 'markdown' | 'csv', action: 'copy' | 'download'): Promise<void> {
    await this.entries.ensureAll();
    const input = this.input();
    if (!input) return;
    const text = format === 'markdown' ? glossaryMarkdown(input) : glossaryCsv(input);
    if (action === 'copy') {
      try {
        await this.ctx.win.navigator.clipboard.writeText(text);
        this.store.dispatch({ type: 'announce', message: 'Glossary copied as Markdown.' });
        return;
      } catch {
        // Clipboard refused (no focus or permission): fall back to a download.
      }
    }
    const blob = new Blob([text], { type: format === 'markdown' ? 'text/markdown' : 'text/csv' });
    const url = URL.createObjectURL(blob);
    const a = this.ctx.doc.createElement('a');
    a.href = url;
    a.download = `backstory-${slug(input.result.title)}.${format === 'markdown' ? 'md' : 'csv'}`;
    (this.linkParent() ?? this.ctx.doc.body)?.appendChild(a);
    a.click();
    a.remove();
    this.ctx.win.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
    this.store.dispatch({
      type: 'announce',
      message: `Glossary downloaded as ${format === 'markdown' ? 'Markdown' : 'CSV'}.`,
    });
  }

  /** A print-friendly handout in a new window, built with DOM calls only (no HTML strings). */
  async print(): Promise<void> {
    if (!this.input()) return;
    // Opened before any await, while the click still counts as the user's gesture.
    const w = this.ctx.win.open('', '_blank');
    if (!w) {
      void this.glossary('markdown', 'download');
      return;
    }
    await this.entries.ensureAll();
    const input = this.input();
    if (!input) return;
    const d = w.document;
    d.title = `Backstory handout: ${input.result.title}`;
    const el = (tag: string, text?: string, parent: Node = d.body) => {
      const n = d.createElement(tag);
      if (text !== undefined) n.textContent = text;
      parent.appendChild(n);
      return n;
    };
    el('h1', `Backstory: ${input.result.title}`);
    el('p', input.url);
    for (const e of input.result.entities) {
      const entry = e.id ? input.entries[e.id] : undefined;
      const sec = el('section');
      el('h2', e.name, sec);
      el('p', entry?.description ?? (e.id ? '' : 'Not in the knowledge base.'), sec);
      if (entry) el('p', entry.summary, sec);
      if (entry?.facts.length) {
        const ul = el('ul', undefined, sec);
        for (const f of entry.facts) el('li', factLine(f), ul);
      }
    }
    w.print();
  }
}

/** A file-name-safe slug of an article title. */
export function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'article'
  );
}

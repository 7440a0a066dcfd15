/**
 * Entries of the article's entities, loaded in portions: the ones the list shows first come
 * with the analysis; the rest follow in idle time (fill), or at once when something needs
 * them (a hover card, an export, a related entry opened in the sidebar).
 */
import { ENTRY_BATCH } from '../messaging/protocol.ts';
import type { PageContext } from './context.ts';
import { idle } from './schedule.ts';
import type { Store } from './store.ts';

export class EntryLoader {
  constructor(
    private readonly ctx: PageContext,
    private readonly store: Store,
  ) {}

  /** Entry ids of this article's entities that the analyzer does not hold yet. */
  missingIds(): string[] {
    const { result, entries } = this.store.state;
    const ids = (result?.entities ?? []).map((e) => e.id).filter((x): x is string => !!x && !entries[x]);
    return [...new Set(ids)];
  }

  /** Fetch these entries (in portions), adding them to the state. */
  async ensure(ids: string[]): Promise<void> {
    const missing = ids.filter((id) => !this.store.state.entries[id]);
    for (let i = 0; i < missing.length && !this.ctx.destroyed; i += ENTRY_BATCH) {
      try {
        const res = await this.ctx.send('cs/get-entries', { ids: missing.slice(i, i + ENTRY_BATCH) });
        if (res.ok)
          this.store.dispatch({ type: 'add-entries', entries: res.value.entries, relatedNames: res.value.related });
      } catch (e) {
        if (this.ctx.gone(e)) return;
      }
    }
  }

  /** Every entry the article's entities have (before an export or a print). */
  async ensureAll(): Promise<void> {
    await this.ensure(this.missingIds());
  }

  /**
   * After the full pass, the entries the first message left out (entities beyond the list's
   * first page), a portion per idle period: "show all", the hover cards and the exports then
   * have them without one large message on the page's main thread. Stops when `signal` aborts
   * (a new run began, or the analyzer was torn down).
   */
  async fill(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const missing = this.missingIds();
      if (!missing.length) return;
      await idle(this.ctx.win);
      if (signal.aborted) return;
      await this.ensure(missing.slice(0, ENTRY_BATCH));
      if (missing.every((id) => !this.store.state.entries[id])) return; // nothing came back: stop, do not spin
    }
  }
}

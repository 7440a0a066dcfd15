/**
 * The page's side of online mode (issue 17): after each run that found names, it asks the
 * background to look up the names the knowledge base lacks, and the known people and bodies
 * whose curated offices or counts may have changed (cs/online-lookup; the background answers
 * nothing unless the reader turned the mode on). It passes on the reader's answer to the
 * sidebar's one-line offer (cs/online-offer). Only names and titles are sent from here.
 */
import type { Fact } from '../kb/schema.ts';
import type { SidebarState } from '../../components/sidebar/state.ts';
import type { RequestPayload } from '../messaging/protocol.ts';
import type { PageContext } from './context.ts';
import type { Store } from './store.ts';

/** At most this many unknown names per article (the most central first), and this many known ones to re-check. */
export const MAX_UNKNOWN_NAMES = 40;
export const MAX_KNOWN_NAMES = 10;

/** Curated facts Wikidata may contradict later: offices, and counts such as members. */
const mayHaveChanged = (facts: Fact[]) =>
  facts.some(
    (f) => f.kind === 'office' || ((f.kind === 'count' || f.kind === 'membership') && typeof f.value === 'number'),
  );

/** What one look-up sends: the unknown names, the known ones worth re-checking, and the article's names as context. */
export function lookupRequest(state: SidebarState): RequestPayload<'cs/online-lookup'> & { unknownCount: number } {
  const entities = state.result?.entities ?? [];
  const unknown = entities.filter((e) => !e.id);
  const known = entities.flatMap((e) => {
    const entry = e.id ? state.entries[e.id] : undefined;
    return entry?.wikipedia && mayHaveChanged(entry.facts)
      ? [{ key: e.key, name: entry.name, title: entry.wikipedia }]
      : [];
  });
  return {
    names: [
      ...unknown
        .slice(0, MAX_UNKNOWN_NAMES)
        .map((e) => ({ key: e.key, name: e.name.slice(0, 200), title: e.wikipedia })),
      ...known.slice(0, MAX_KNOWN_NAMES),
    ],
    context: entities.slice(0, 300).map((e) => e.name.slice(0, 200)),
    unknownCount: unknown.length,
  };
}

export class SidebarOnline {
  /** Bumped per look-up: an older answer never overwrites a newer one. */
  private seq = 0;

  constructor(
    private readonly ctx: PageContext,
    private readonly store: Store,
  ) {}

  async load(): Promise<void> {
    const seq = ++this.seq;
    const { unknownCount, ...payload } = lookupRequest(this.store.state);
    const prev = this.store.state.online;
    if (prev?.status === 'on') this.store.dispatch({ type: 'online', online: { ...prev, pending: true, note: null } });
    try {
      const res = await this.ctx.send('cs/online-lookup', payload);
      if (this.ctx.destroyed || seq !== this.seq) return;
      if (!res.ok) {
        this.store.dispatch({ type: 'online', online: null });
        return;
      }
      const { status, views, note } = res.value;
      this.store.dispatch({
        type: 'online',
        online: { status, unknownCount, pending: false, views: Object.fromEntries(views.map((v) => [v.key, v])), note },
      });
      const found = views.filter((v) => v.title).length;
      if (status === 'on' && views.length)
        this.store.dispatch({
          type: 'announce',
          message: `Wikipedia summaries for ${found} of ${views.length} names.`,
        });
    } catch (e) {
      this.ctx.gone(e);
    }
  }

  /** The reader said yes to "Look up N names on Wikipedia?". */
  async accept(): Promise<void> {
    try {
      const res = await this.ctx.send('cs/online-offer', {});
      const cur = this.store.state.online;
      if (!res.ok || !res.value.on) {
        const note = !res.ok
          ? res.error
          : 'Confirm in the Backstory options tab that just opened: your browser asks for access to Wikipedia there.';
        if (cur) this.store.dispatch({ type: 'online', online: { ...cur, note } });
        this.store.dispatch({ type: 'announce', message: note });
        return;
      }
      this.ctx.settings = { ...this.ctx.settings, onlineMode: true };
      this.store.dispatch({ type: 'announce', message: 'Online mode on: looking names up on Wikipedia.' });
      await this.load();
    } catch (e) {
      this.ctx.gone(e);
    }
  }
}

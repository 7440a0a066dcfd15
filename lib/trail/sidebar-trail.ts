/**
 * The sidebar's side of the reading trail: after each run that found names it asks the
 * background what the trail says about the article (cs/trail-view), and passes on the
 * reader's answer to the offer and the "Open the trail" link.
 */
import type { PageContext } from '../analyzer/context.ts';
import type { Store } from '../analyzer/store.ts';

export class SidebarTrail {
  constructor(
    private readonly ctx: PageContext,
    private readonly store: Store,
  ) {}

  async load(): Promise<void> {
    try {
      const res = await this.ctx.send('cs/trail-view', {});
      if (!this.ctx.destroyed) this.store.dispatch({ type: 'trail', view: res.ok ? res.value : null });
    } catch (e) {
      this.ctx.gone(e);
    }
  }

  async offer(accept: boolean): Promise<void> {
    try {
      const res = await this.ctx.send('cs/trail-offer', { accept });
      this.store.dispatch({
        type: 'announce',
        message: !res.ok ? res.error : accept ? 'Reading trail on.' : 'Backstory will not ask again.',
      });
      if (!res.ok) return;
      // Accepted: the background has recorded this article as the trail's first; show what it says.
      if (accept) await this.load();
      else this.store.dispatch({ type: 'trail', view: null });
    } catch (e) {
      this.ctx.gone(e);
    }
  }

  async deleteAll(): Promise<void> {
    try {
      const res = await this.ctx.send('cs/trail-delete-all', {});
      this.store.dispatch({ type: 'announce', message: res.ok ? 'Reading trail deleted.' : res.error });
      if (res.ok) await this.load();
    } catch (e) {
      this.ctx.gone(e);
    }
  }

  async open(): Promise<void> {
    try {
      await this.ctx.send('cs/open-trail', {});
    } catch (e) {
      this.ctx.gone(e);
    }
  }
}

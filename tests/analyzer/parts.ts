/**
 * The analyzer's collaborators wired by hand over a fake page and background, for the tests
 * of one collaborator at a time.
 */
import { createContext } from '../../lib/analyzer/context.ts';
import { EntryLoader } from '../../lib/analyzer/entries.ts';
import { LiveUpdates } from '../../lib/analyzer/live.ts';
import { MentionMap } from '../../lib/analyzer/mentions.ts';
import { HighlightPainter } from '../../lib/analyzer/painter.ts';
import { TaskClock } from '../../lib/analyzer/schedule.ts';
import { createStore } from '../../lib/analyzer/store.ts';
import { createClient } from '../../lib/messaging/client.ts';
import type { HighlightLayer } from '../../lib/page/highlights.ts';
import { FakeLayer, fakeBackground, fakePage, type FakeBackground } from './fakes.ts';

export function parts(opts: { bg?: FakeBackground; html?: string; width?: number } = {}) {
  const bg = opts.bg ?? fakeBackground();
  const { doc, win } = fakePage(opts.html, opts.width);
  let goneCalls = 0;
  const ctx = createContext(doc, win, createClient(bg.transport), () => {
    goneCalls++;
    ctx.destroyed = true;
  });
  ctx.settings = bg.stored.settings;
  const store = createStore();
  const mentions = new MentionMap(doc);
  const clock = new TaskClock();
  const layer = new FakeLayer();
  const painter = new HighlightPainter(win, mentions, clock, layer as unknown as HighlightLayer);
  const entries = new EntryLoader(ctx, store);
  const rereads: number[] = [];
  const live = new LiveUpdates(
    doc,
    win,
    () => !!mentions.article,
    () => rereads.push(Date.now()),
  );
  return {
    bg,
    doc,
    win,
    ctx,
    store,
    mentions,
    clock,
    layer,
    painter,
    entries,
    live,
    rereads,
    goneCalls: () => goneCalls,
  };
}

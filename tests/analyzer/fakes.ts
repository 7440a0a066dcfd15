/**
 * Fakes for the analyzer's tests: a page (happy-dom), and a fake transport that hands each
 * message to the real background service over the test knowledge base (tests/fixtures/
 * test-kb.ts), recording what was sent. No browser API is involved.
 */
import { createBackgroundService, type Store } from '../../lib/background/service.ts';
import type { Transport } from '../../lib/messaging/client.ts';
import { DEFAULT_SETTINGS, type Settings, type SitePolicy } from '../../lib/storage/settings.ts';
import type { PageWindow } from '../../lib/analyzer/schedule.ts';
import { testIndex, testPack } from '../fixtures/test-kb.ts';

export const PAGE_URL = 'https://news.example/story';

/** An article naming entries of the test knowledge base. */
export const ARTICLE_HTML = `<!doctype html><html><head><title>Leaders meet</title></head><body>
<nav><a href="#">Home</a> <a href="#">World</a></nav>
<article><h1>Leaders meet in Astana</h1>
<p>The Shanghai Cooperation Organisation met in Astana this week. Kazakhstan hosted the summit and NATO sent observers to watch the talks.</p>
<p>Officials from Kazakhstan said the Shanghai Cooperation Organisation would meet again next year, while NATO said it would keep watching the region closely.</p>
<p>The summit ended with a joint statement on trade, water and transport across the region, and a promise to meet again.</p>
</article><footer>Copyright Harbor Gazette</footer></body></html>`;

/** A page with no article (a short list of links). */
export const NOT_ARTICLE_HTML = `<!doctype html><html><head><title>Nothing</title></head><body><img alt=""></body></html>`;

export interface FakePage {
  win: PageWindow;
  doc: Document;
}

/**
 * The test environment's own window (happy-dom; the test file says `@vitest-environment
 * happy-dom`), showing `html` at PAGE_URL in a window `width` px wide. One realm, so the
 * page's nodes and the globals the product uses (MutationObserver, Element) agree.
 */
export function fakePage(html = ARTICLE_HTML, width = 1400): FakePage {
  const win = window as unknown as PageWindow & {
    happyDOM: { setURL(u: string): void; setWindowSize(s: object): void };
  };
  win.happyDOM.setURL(PAGE_URL);
  win.happyDOM.setWindowSize({ width, height: 900 });
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.documentElement.remove();
  document.appendChild(document.importNode(parsed.documentElement, true));
  return { win, doc: document };
}

export interface FakeBackground {
  transport: Transport;
  /** Every message sent, in order. */
  sent: { type: string; payload: unknown }[];
  /** What the background broadcast to tabs. */
  broadcasts: unknown[];
  badges: string[];
  stored: { settings: Settings; sites: Record<string, SitePolicy> };
}

/**
 * A background that answers as the real one does. `override` answers some message types
 * itself (return undefined to let the real service answer); `gone` makes every send fail as
 * it does when the extension was reloaded under the page.
 */
export function fakeBackground(
  opts: {
    settings?: Partial<Settings>;
    override?: (type: string, payload: unknown) => unknown;
    gone?: () => boolean;
  } = {},
): FakeBackground {
  const stored = { settings: { ...DEFAULT_SETTINGS, ...opts.settings }, sites: {} as Record<string, SitePolicy> };
  const store: Store = {
    getSettings: async () => stored.settings,
    setSettings: async (s) => void (stored.settings = s),
    getSites: async () => stored.sites,
    setSites: async (s) => void (stored.sites = s),
    getUserPacks: async () => [],
    setUserPacks: async () => undefined,
    getDisabled: async () => [],
    setDisabled: async () => undefined,
  };
  const broadcasts: unknown[] = [];
  const badges: string[] = [];
  const svc = createBackgroundService({
    builtinPacks: [testPack],
    builtinIndex: testIndex,
    store,
    extensionId: 'test-ext',
    extensionOrigin: 'chrome-extension://test-ext/',
    injectAnalyzer: async () => true,
    setBadge: (_tab, text) => badges.push(text),
    broadcast: (m) => broadcasts.push(m),
  });
  const sent: FakeBackground['sent'] = [];
  const sender = { id: 'test-ext', url: PAGE_URL, tab: { id: 1, url: PAGE_URL }, frameId: 0 };
  const transport: Transport = async (m) => {
    const { type, payload } = m as { type: string; payload: unknown };
    sent.push({ type, payload });
    if (opts.gone?.()) throw new Error('Extension context invalidated.');
    const own = opts.override?.(type, payload);
    if (own !== undefined) return own;
    return svc.handle(m, sender);
  };
  return { transport, sent, broadcasts, badges, stored };
}

/** Resolve once `ok()` holds, checking after each macrotask (no fixed waits). */
export async function until(ok: () => boolean, what = 'the condition', tries = 2000): Promise<void> {
  for (let i = 0; i < tries; i++) {
    if (ok()) return;
    await new Promise((r) => setTimeout(r, 1));
  }
  throw new Error(`${what} never held`);
}

/** The Custom Highlight API as a recording fake: what is drawn, and the hovered range. */
export class FakeLayer {
  drawn = new Set<Range>();
  hovered: Range | null = null;
  flashed: Range[] = [];
  cleared = 0;
  repainted = 0;
  supported = true;
  repaint() {
    this.repainted++;
  }
  get size() {
    return this.drawn.size;
  }
  add(range: Range) {
    this.drawn.add(range);
  }
  retain(keep: Set<Range>) {
    for (const r of this.drawn) if (!keep.has(r)) this.drawn.delete(r);
  }
  clearMentions() {
    this.drawn.clear();
  }
  hover(range: Range | null) {
    this.hovered = range;
  }
  flash(range: Range) {
    this.flashed.push(range);
  }
  clear() {
    this.cleared++;
    this.drawn.clear();
    this.hovered = null;
  }
}

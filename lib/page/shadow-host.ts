/**
 * A host element for Backstory's in-page UI: a custom-element-named node with an
 * open shadow root, styled only from inside (a constructed stylesheet, so no
 * file is web-accessible and a strict page CSP does not block it). If the page
 * removes the host, it is put back; destroy() removes it for good.
 */
export interface ShadowHost {
  host: HTMLElement;
  root: ShadowRoot;
  mount: HTMLElement;
  show(): void;
  hide(): void;
  destroy(): void;
}

/**
 * The host is a zero-size box: UA popover styles (a centred, bordered box) are undone,
 * and the fixed-position UI inside the shadow root places itself. z-index is the
 * fallback where the top layer is not available.
 */
const HOST_STYLE =
  'all: initial; display: block; position: fixed; inset: auto; top: 0; left: 0; width: 0; height: 0; margin: 0; padding: 0; border: 0; overflow: visible; background: transparent; z-index: 2147483647;';

/** One parsed stylesheet per document and CSS text, shared by every host (parsing 8 KB of CSS per hover card showed in traces). */
const sheets = new WeakMap<Document, Map<string, CSSStyleSheet>>();

function sheetFor(doc: Document, css: string): CSSStyleSheet | null {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win || typeof win.CSSStyleSheet !== 'function') return null;
  let byCss = sheets.get(doc);
  if (!byCss) sheets.set(doc, (byCss = new Map()));
  let sheet = byCss.get(css);
  if (!sheet) {
    sheet = new win.CSSStyleSheet();
    sheet.replaceSync(css);
    byCss.set(css, sheet);
  }
  return sheet;
}

/** A page may remove our host a few times (re-rendering its body); past this we stop fighting. */
export const MAX_REINSERTIONS = 3;
/** …within this window, ms. */
export const REINSERTION_WINDOW_MS = 10_000;

export function createShadowHost(doc: Document, tag: `backstory-${string}`, css: string): ShadowHost {
  const host = doc.createElement(tag);
  // Reset what the page's CSS might apply to an unknown element (no !important: it would
  // override users' own text-spacing styles); our real styles live inside the shadow root.
  host.setAttribute('style', HOST_STYLE);
  // The top layer: above any z-index the page uses, without a z-index war (popover API,
  // Chrome 114+, Firefox 125+). Older browsers fall back to the fixed, maximal z-index.
  const topLayer = typeof (host as HTMLElement & { showPopover?: unknown }).showPopover === 'function';
  if (topLayer) host.setAttribute('popover', 'manual');
  const root = host.attachShadow({ mode: 'open' });
  let styled = false;
  try {
    const sheet = sheetFor(doc, css);
    if (sheet && 'adoptedStyleSheets' in root) {
      root.adoptedStyleSheets = [sheet];
      styled = true;
    }
  } catch {
    styled = false;
  }
  if (!styled) {
    const style = doc.createElement('style');
    style.textContent = css;
    root.appendChild(style);
  }
  const mount = doc.createElement('div');
  mount.className = 'bs-root';
  root.appendChild(mount);
  const parent = () => doc.body ?? doc.documentElement;
  const attach = () => {
    parent()?.appendChild(host);
    if (topLayer && host.isConnected && !host.hidden) {
      try {
        (host as HTMLElement & { showPopover(): void }).showPopover();
      } catch {
        // Already open, or the page is in a state where popovers are refused: the fixed fallback applies.
      }
    }
  };
  attach();
  // Pages that clear their body or remove foreign nodes: put the host back — a few times,
  // outside the observer callback, so a page that keeps removing it cannot lock us both in a loop.
  let destroyed = false;
  const reinsertions: number[] = [];
  let pending: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    if (destroyed || host.isConnected || pending !== undefined) return;
    pending = setTimeout(() => {
      pending = undefined;
      if (destroyed || host.isConnected) return;
      const now = Date.now();
      while (reinsertions.length && now - reinsertions[0]! > REINSERTION_WINDOW_MS) reinsertions.shift();
      if (reinsertions.length >= MAX_REINSERTIONS) return; // the page does not want us: give up quietly
      reinsertions.push(now);
      attach();
    }, 0);
  });
  const target = doc.documentElement;
  if (target) observer.observe(target, { childList: true, subtree: false });
  if (doc.body) observer.observe(doc.body, { childList: true, subtree: false });
  return {
    host,
    root,
    mount,
    show() {
      host.hidden = false;
      host.style.setProperty('display', 'block');
      if (!host.isConnected) attach();
      else if (topLayer && !host.matches(':popover-open')) {
        try {
          (host as HTMLElement & { showPopover(): void }).showPopover();
        } catch {
          // see attach()
        }
      }
    },
    hide() {
      // The inline display wins over [hidden], so set it too.
      host.hidden = true;
      host.style.setProperty('display', 'none');
    },
    destroy() {
      destroyed = true;
      clearTimeout(pending);
      observer.disconnect();
      host.remove();
    },
  };
}

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
  destroy(): void;
}

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

export function createShadowHost(doc: Document, tag: `backstory-${string}`, css: string): ShadowHost {
  const host = doc.createElement(tag);
  // Reset anything the page's CSS might apply to an unknown element; our own styles live inside.
  // Reset what the page's CSS might apply to an unknown element (no !important: it would
  // override users' own text-spacing styles); our real styles live inside the shadow root.
  host.setAttribute('style', 'all: initial; display: block;');
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
  parent()?.appendChild(host);
  // Pages that clear their body or remove foreign nodes: put the host back.
  let destroyed = false;
  const observer = new MutationObserver(() => {
    if (!destroyed && !host.isConnected) parent()?.appendChild(host);
  });
  const target = doc.documentElement;
  if (target) observer.observe(target, { childList: true, subtree: false });
  if (doc.body) observer.observe(doc.body, { childList: true, subtree: false });
  return {
    host,
    root,
    mount,
    destroy() {
      destroyed = true;
      observer.disconnect();
      host.remove();
    },
  };
}

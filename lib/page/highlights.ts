/**
 * Mention highlighting with the CSS Custom Highlight API: the page's DOM is never
 * modified. The ::highlight() rules ship in the sentinel's manifest CSS (the only
 * way they reach pages whose CSP forbids inline styles). Where the API is missing
 * (older browsers), highlighting quietly does nothing and the sidebar still works.
 */
export const HIGHLIGHT_MENTION = 'backstory-mention';
/** The same mentions drawn as a background tint only (the "background" highlight style). */
export const HIGHLIGHT_MENTION_BG = 'backstory-mention-bg';
export const HIGHLIGHT_HOVER = 'backstory-hover';
export const HIGHLIGHT_FLASH = 'backstory-flash';
/** How long a mention flashes after "jump to mention": long enough to find it, short enough not to linger. */
export const FLASH_MS = 1600;

type HighlightCtor = new (...ranges: AbstractRange[]) => { add(r: AbstractRange): unknown; clear(): void; size: number };
interface HighlightRegistry {
  set(name: string, h: unknown): unknown;
  delete(name: string): boolean;
  has(name: string): boolean;
}

function api(win: Window & typeof globalThis): { registry: HighlightRegistry; Highlight: HighlightCtor } | null {
  const css = (win as unknown as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
  if (!css?.highlights || typeof Highlight !== 'function') return null;
  return { registry: css.highlights, Highlight };
}

export class HighlightLayer {
  private readonly hl: ReturnType<typeof api>;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly win: Window & typeof globalThis) {
    this.hl = api(win);
  }
  get supported(): boolean {
    return this.hl !== null;
  }
  show(ranges: Range[], style: 'underline' | 'background' = 'underline'): void {
    if (!this.hl) return;
    this.hl.registry.delete(style === 'background' ? HIGHLIGHT_MENTION : HIGHLIGHT_MENTION_BG);
    this.hl.registry.set(style === 'background' ? HIGHLIGHT_MENTION_BG : HIGHLIGHT_MENTION, new this.hl.Highlight(...ranges));
  }
  hover(range: Range | null): void {
    if (!this.hl) return;
    if (range) this.hl.registry.set(HIGHLIGHT_HOVER, new this.hl.Highlight(range));
    else this.hl.registry.delete(HIGHLIGHT_HOVER);
  }
  flash(range: Range): void {
    if (!this.hl) return;
    this.hl.registry.set(HIGHLIGHT_FLASH, new this.hl.Highlight(range));
    clearTimeout(this.flashTimer);
    this.flashTimer = setTimeout(() => this.hl?.registry.delete(HIGHLIGHT_FLASH), FLASH_MS);
  }
  clear(): void {
    clearTimeout(this.flashTimer);
    if (!this.hl) return;
    for (const name of [HIGHLIGHT_MENTION, HIGHLIGHT_MENTION_BG, HIGHLIGHT_HOVER, HIGHLIGHT_FLASH]) this.hl.registry.delete(name);
  }
}

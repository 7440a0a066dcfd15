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

type HighlightSet = { add(r: AbstractRange): unknown; delete(r: AbstractRange): boolean };
type HighlightCtor = new (...ranges: AbstractRange[]) => HighlightSet;
interface HighlightRegistry {
  set(name: string, h: unknown): unknown;
  delete(name: string): boolean;
  has(name: string): boolean;
}
export type HighlightStyle = 'underline' | 'background';

function api(win: Window & typeof globalThis): { registry: HighlightRegistry; Highlight: HighlightCtor } | null {
  const css = (win as unknown as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
  if (!css?.highlights || typeof Highlight !== 'function') return null;
  return { registry: css.highlights, Highlight };
}

const nameOf = (style: HighlightStyle) => (style === 'background' ? HIGHLIGHT_MENTION_BG : HIGHLIGHT_MENTION);

/**
 * One registered Highlight holds every drawn mention. Mentions are added to it in slices
 * and pruned after a re-analysis, never rebuilt: rebuilding per slice made a long
 * article's highlighting quadratic, and a rebuild between the quick and the full pass
 * made every highlight blink.
 */
export class HighlightLayer {
  private readonly hl: ReturnType<typeof api>;
  /** The registered Highlight, and the same ranges in a JS Set: calls into the native set-like cost ~10 µs each. */
  private mentions: { style: HighlightStyle; set: HighlightSet; drawn: Set<Range> } | null = null;
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly win: Window & typeof globalThis) {
    this.hl = api(win);
  }
  get supported(): boolean {
    return this.hl !== null;
  }
  /** Mentions currently drawn. */
  get size(): number {
    return this.mentions?.drawn.size ?? 0;
  }
  /** Draw one more mention (no-op if drawn); switching style keeps what is drawn. */
  add(range: Range, style: HighlightStyle = 'underline'): void {
    const m = this.ensure(style);
    if (!m || m.drawn.has(range)) return;
    m.drawn.add(range);
    m.set.add(range);
  }
  /** Stop drawing every mention not in `keep`. */
  retain(keep: Set<Range>): void {
    const m = this.mentions;
    if (!m) return;
    for (const r of m.drawn) {
      if (keep.has(r)) continue;
      m.drawn.delete(r);
      m.set.delete(r);
    }
  }
  clearMentions(): void {
    if (!this.hl || !this.mentions) return;
    this.hl.registry.delete(nameOf(this.mentions.style));
    this.mentions = null;
  }
  /**
   * Paint every drawn highlight again. The ranges are live and stay right when the page
   * reflows (the docked sidebar closes, the window resizes), but browsers repaint a highlight
   * only when it or its ranges change, so after a reflow its old boxes stay on screen: text
   * re-wrapped under them shows highlights a character short ("Beijin|g") until something else
   * repaints. Registering the same Highlight again makes the browser paint it from the new layout.
   */
  repaint(): void {
    if (!this.hl) return;
    const m = this.mentions;
    if (m) {
      this.hl.registry.delete(nameOf(m.style));
      this.hl.registry.set(nameOf(m.style), m.set);
    }
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
    this.mentions = null;
    if (!this.hl) return;
    for (const name of [HIGHLIGHT_MENTION, HIGHLIGHT_MENTION_BG, HIGHLIGHT_HOVER, HIGHLIGHT_FLASH])
      this.hl.registry.delete(name);
  }
  private ensure(style: HighlightStyle): { style: HighlightStyle; set: HighlightSet; drawn: Set<Range> } | null {
    if (!this.hl) return null;
    if (this.mentions?.style === style) return this.mentions;
    const drawn = this.mentions?.drawn ?? new Set<Range>();
    const set = new this.hl.Highlight(...drawn);
    this.clearMentions();
    this.hl.registry.set(nameOf(style), set);
    this.mentions = { style, set, drawn };
    return this.mentions;
  }
}

/**
 * Docking: when the window is wide enough the open sidebar sits beside the article, the page
 * shifted left by the sidebar's width (a margin on <html>), instead of over it. "Wide enough"
 * is what the article keeps, not the window: docking a wide sidebar beside a narrow page
 * squeezed the article to a 200 px column, so below a readable width the sidebar overlays the
 * page instead (and can be folded away). The page's own margin is saved and put back exactly
 * when the sidebar closes or folds.
 */
import type { PageWindow } from './schedule.ts';

/** Narrowest width the page keeps beside a docked sidebar, px: a readable column of about 70 characters. */
export const MIN_ARTICLE_WIDTH = 720;
/** Narrowest window in which a sidebar of the default width (380 px) docks, px. */
export const DOCK_MIN_WINDOW = MIN_ARTICLE_WIDTH + 380;

export class Docking {
  /** The page's own margin-right before we docked (null: not docked). */
  private saved: string | null = null;

  constructor(
    private readonly doc: Document,
    private readonly win: PageWindow,
  ) {}

  get docked(): boolean {
    return this.saved !== null;
  }

  /** Dock a sidebar of this width if it is shown unfolded and the window is wide enough; else undock. */
  update(frame: { open: boolean; collapsed: boolean; width: number }): void {
    const root = this.doc.documentElement;
    if (!root || !frame.open || frame.collapsed || this.win.innerWidth - frame.width < MIN_ARTICLE_WIDTH) {
      this.undock();
      return;
    }
    if (this.saved === null) this.saved = root.style.getPropertyValue('margin-right');
    root.style.setProperty('margin-right', `${frame.width}px`, 'important');
  }

  /** Give the page back its own margin. */
  undock(): void {
    const root = this.doc.documentElement;
    if (this.saved === null || !root) return;
    if (this.saved) root.style.setProperty('margin-right', this.saved);
    else root.style.removeProperty('margin-right');
    this.saved = null;
  }
}

/**
 * Where the hover card goes: a pure function of plain measurements (tested
 * without a DOM). Below the word if it fits, else above; always inside the viewport,
 * and never over the word it describes: when the card fits on neither side, it goes on the
 * roomier side with a height limit (its content scrolls), as a card covering its own word
 * hides what the reader is pointing at.
 */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}
export interface Viewport {
  width: number;
  height: number;
}
export interface Placement {
  left: number;
  top: number;
  placement: 'below' | 'above';
  /** Set when the card must be shorter than its content to stay off the word. */
  maxHeight?: number;
}
/** Gap between the word and the card, px. */
export const CARD_GAP = 8;
/** Minimum distance from the viewport edge, px. */
export const CARD_MARGIN = 8;

export function placeCard(anchor: Rect, card: { width: number; height: number }, viewport: Viewport): Placement {
  const maxLeft = Math.max(CARD_MARGIN, viewport.width - card.width - CARD_MARGIN);
  const left = Math.min(Math.max(CARD_MARGIN, anchor.left), maxLeft);
  const below = anchor.top + anchor.height + CARD_GAP;
  const above = anchor.top - CARD_GAP - card.height;
  const roomBelow = viewport.height - CARD_MARGIN - below;
  const roomAbove = anchor.top - CARD_GAP - CARD_MARGIN;
  const visible = anchor.top + anchor.height >= 0 && anchor.top <= viewport.height;
  if (visible) {
    if (card.height <= roomBelow) return { left, top: below, placement: 'below' };
    if (card.height <= roomAbove) return { left, top: above, placement: 'above' };
    // Fits on neither side: the roomier side, cut to fit, rather than over the word.
    if (roomBelow >= roomAbove) return { left, top: below, placement: 'below', maxHeight: Math.max(0, roomBelow) };
    return { left, top: CARD_MARGIN, placement: 'above', maxHeight: Math.max(0, roomAbove) };
  }
  // The word is off screen (a look-up of a selection scrolled away): the card stays on screen.
  const maxTop = Math.max(CARD_MARGIN, viewport.height - card.height - CARD_MARGIN);
  const clampTop = (top: number) => Math.min(Math.max(CARD_MARGIN, top), maxTop);
  return anchor.top < 0
    ? { left, top: clampTop(below), placement: 'below' }
    : { left, top: clampTop(above), placement: 'above' };
}

/** Whether two rectangles share any area (touching edges do not count). */
export function overlaps(a: Rect, b: Rect): boolean {
  return a.left < b.left + b.width && b.left < a.left + a.width && a.top < b.top + b.height && b.top < a.top + a.height;
}

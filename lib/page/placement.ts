/**
 * Where the hover card goes: a pure function of plain measurements (tested
 * without a DOM). Below the word if it fits, else above; always inside the viewport.
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
/** Gap between the word and the card, px. */
export const CARD_GAP = 8;
/** Minimum distance from the viewport edge, px. */
export const CARD_MARGIN = 8;

export function placeCard(
  anchor: Rect,
  card: { width: number; height: number },
  viewport: Viewport,
): { left: number; top: number; placement: 'below' | 'above' } {
  const maxLeft = Math.max(CARD_MARGIN, viewport.width - card.width - CARD_MARGIN);
  const left = Math.min(Math.max(CARD_MARGIN, anchor.left), maxLeft);
  const below = anchor.top + anchor.height + CARD_GAP;
  const above = anchor.top - CARD_GAP - card.height;
  const maxTop = Math.max(CARD_MARGIN, viewport.height - card.height - CARD_MARGIN);
  // Whatever the anchor (a lookup may point at a word scrolled out of view), the card stays on screen.
  const clampTop = (top: number) => Math.min(Math.max(CARD_MARGIN, top), maxTop);
  if (below + card.height <= viewport.height - CARD_MARGIN || above < CARD_MARGIN) {
    return { left, top: clampTop(below), placement: 'below' };
  }
  return { left, top: clampTop(above), placement: 'above' };
}

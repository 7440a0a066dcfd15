import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CARD_GAP, CARD_MARGIN, overlaps, placeCard, type Rect } from '../../lib/page/placement.ts';

const VIEW = { width: 1000, height: 800 };
const CARD = { width: 300, height: 150 };
const word = (left: number, top: number, width = 80, height = 20): Rect => ({ left, top, width, height });

describe('lib/page/placement: placeCard', () => {
  it('puts the card below the word, a gap under it, aligned with its left edge, when there is room', () => {
    expect(placeCard(word(100, 100), CARD, VIEW)).toEqual({ left: 100, top: 100 + 20 + CARD_GAP, placement: 'below' });
  });

  it('puts the card above the word when there is no room below', () => {
    expect(placeCard(word(100, 700), CARD, VIEW)).toEqual({
      left: 100,
      top: 700 - CARD_GAP - CARD.height,
      placement: 'above',
    });
  });

  it('prefers below when the card fits exactly to the bottom margin', () => {
    const top = VIEW.height - CARD_MARGIN - CARD.height - CARD_GAP - 20;
    expect(placeCard(word(100, top), CARD, VIEW).placement).toBe('below');
    expect(placeCard(word(100, top + 1), CARD, VIEW).placement).toBe('above');
  });

  it.each([
    ['left edge: a word starting left of the viewport', word(-50, 100), { left: CARD_MARGIN, top: 128 }],
    ['left edge: a word inside the margin', word(3, 100), { left: CARD_MARGIN, top: 128 }],
    ['right edge: a word near the right', word(950, 100), { left: VIEW.width - CARD.width - CARD_MARGIN, top: 128 }],
    ['right edge: a word past the right', word(1200, 100), { left: VIEW.width - CARD.width - CARD_MARGIN, top: 128 }],
    ['top edge: a word at the very top', word(100, 0), { left: 100, top: 20 + CARD_GAP }],
    [
      'bottom edge: a word at the very bottom goes above',
      word(100, VIEW.height - 20),
      { left: 100, top: VIEW.height - 20 - CARD_GAP - CARD.height },
    ],
  ])('clamps inside the viewport at the %s', (_what, anchor, expected) => {
    const p = placeCard(anchor, CARD, VIEW);
    expect({ left: p.left, top: p.top }).toEqual(expected);
  });

  it('in a short viewport where the card fits neither above nor below, goes on the roomier side cut to fit, never over the word', () => {
    const view = { width: 1000, height: 200 };
    const below = placeCard(word(100, 60), CARD, view);
    expect(below).toEqual({
      left: 100,
      top: 60 + 20 + CARD_GAP,
      placement: 'below',
      maxHeight: 200 - CARD_MARGIN - 88,
    });
    const above = placeCard(word(100, 120), CARD, view);
    expect(above).toEqual({ left: 100, top: CARD_MARGIN, placement: 'above', maxHeight: 120 - CARD_GAP - CARD_MARGIN });
    for (const [p, anchor] of [
      [below, word(100, 60)],
      [above, word(100, 120)],
    ] as const)
      expect(overlaps({ ...p, width: CARD.width, height: Math.min(CARD.height, p.maxHeight!) }, anchor)).toBe(false);
  });

  // Regression (issue 18, item 4): with the card taller than the room on either side, it was
  // clamped to the bottom edge, over the word it describes (card top 439 px, word at 459 px).
  it('a card taller than the room below and above a word low on the screen does not cover the word', () => {
    const view = { width: 1280, height: 700 };
    const anchor = word(300, 459);
    const card = { width: 320, height: 480 };
    const p = placeCard(anchor, card, view);
    expect(
      overlaps({ ...p, width: card.width, height: Math.min(card.height, p.maxHeight ?? card.height) }, anchor),
    ).toBe(false);
    expect(p.top).toBeGreaterThanOrEqual(CARD_MARGIN);
  });

  it.each([
    ['taller than the viewport', { width: 300, height: 900 }, { width: 1000, height: 600 }],
    ['wider than the viewport', { width: 1200, height: 150 }, { width: 800, height: 600 }],
    ['larger both ways', { width: 1200, height: 900 }, { width: 800, height: 600 }],
  ])('a card %s is pinned to the top-left margin, never negative', (_what, card, view) => {
    const p = placeCard(word(400, 300), card, view);
    expect(p.left).toBeGreaterThanOrEqual(CARD_MARGIN);
    expect(p.top).toBeGreaterThanOrEqual(CARD_MARGIN);
    if (card.width > view.width) expect(p.left).toBe(CARD_MARGIN);
    if (card.height > view.height) expect(p.top).toBe(CARD_MARGIN);
  });

  it('property: for a visible word and a card narrower than the viewport, the card is inside the margins and never covers the word', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 3000 }),
        fc.integer({ min: 100, max: 3000 }),
        fc.record({ w: fc.integer({ min: 0, max: 400 }), h: fc.integer({ min: 0, max: 80 }) }),
        fc.record({ fx: fc.double({ min: 0, max: 1, noNaN: true }), fy: fc.double({ min: 0, max: 1, noNaN: true }) }),
        fc.record({ fw: fc.double({ min: 0, max: 1, noNaN: true }), fh: fc.double({ min: 0, max: 1, noNaN: true }) }),
        (vw, vh, a, f, c) => {
          const view = { width: vw, height: vh };
          const card = {
            width: Math.floor(c.fw * (vw - 2 * CARD_MARGIN)),
            height: Math.floor(c.fh * (vh - 2 * CARD_MARGIN)),
          };
          const h = Math.min(a.h, vh);
          const anchor = { left: Math.floor(f.fx * vw), top: Math.floor(f.fy * (vh - h)), width: a.w, height: h };
          const p = placeCard(anchor, card, view);
          const height = Math.min(card.height, p.maxHeight ?? card.height);
          expect(p.left).toBeGreaterThanOrEqual(CARD_MARGIN);
          expect(p.top).toBeGreaterThanOrEqual(CARD_MARGIN);
          expect(p.left + card.width).toBeLessThanOrEqual(vw - CARD_MARGIN);
          expect(p.top + height).toBeLessThanOrEqual(vh - CARD_MARGIN);
          expect(overlaps({ left: p.left, top: p.top, width: card.width, height }, anchor)).toBe(false);
          const fitsBelow = anchor.top + anchor.height + CARD_GAP + card.height <= vh - CARD_MARGIN;
          const fitsAbove = anchor.top - CARD_GAP - card.height >= CARD_MARGIN;
          if (fitsBelow) expect(p).toMatchObject({ placement: 'below', top: anchor.top + anchor.height + CARD_GAP });
          else if (fitsAbove) expect(p).toMatchObject({ placement: 'above', top: anchor.top - CARD_GAP - card.height });
        },
      ),
      { numRuns: 500 },
    );
  });

  // Regression (bug found and fixed): the vertical position is only clamped from above in the "below"
  // branch and not at all in the "above" branch, so an anchor that lies outside
  // the viewport (e.g. a lookup of a selection that has scrolled away) yields a
  // card partly off-screen, with a negative top.
  it('keeps the card inside the top edge even when the word has scrolled above the viewport', () => {
    const p = placeCard(word(100, -60), CARD, VIEW);
    expect(p.top).toBeGreaterThanOrEqual(CARD_MARGIN);
  });

  it('keeps the card inside the bottom edge even when the word is below the viewport', () => {
    const p = placeCard(word(100, VIEW.height + 100), CARD, VIEW);
    expect(p.top + CARD.height).toBeLessThanOrEqual(VIEW.height - CARD_MARGIN);
  });
});

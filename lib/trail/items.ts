/**
 * The trail's one item in extension storage: the offer's bare counter (lib/trail/types.ts
 * OfferState). The trail itself is in IndexedDB (lib/trail/db.ts).
 */
import { storage } from 'wxt/utils/storage';
import type { OfferState } from './types.ts';

export const trailOfferItem = storage.defineItem<OfferState>('local:trailOffer', {
  fallback: { analysed: 0, dismissed: false },
  version: 1,
});

/** Trail records for the trail's tests: three outlets' coverage of one (invented) story. */
import type { TrailArticle, TrailEntity } from '../../lib/trail/types.ts';

export const DAY = 86_400_000;
export const NOW = Date.UTC(2026, 11, 4, 12);

export function entity(key: string, name: string, figures: TrailEntity['figures'] = [], mentions = 2): TrailEntity {
  return { key, name, type: 'organization', mentions, figures };
}

export function fig(text: string, value: number, unit: string, sentence = `It said ${text}.`) {
  return { text, value, unit, sentence };
}

export function article(url: string, entities: TrailEntity[], readAt = NOW, title = `Story at ${url}`): TrailArticle {
  return { url, title, outlet: new URL(url).hostname.replace(/^www\./, ''), readAt, entities };
}

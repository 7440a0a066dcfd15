/**
 * Figures in the text: numbers with what they count ("1,100 square kilometers",
 * "3,000 Uyghurs", "$40 billion", "4 percent", "in 2013"), each with its sentence.
 * The entity a figure concerns is decided by the caller from the mentions in the
 * same sentence.
 */
export interface RawFigure {
  start: number;
  end: number;
  text: string;
  value: number | null;
  unit: string | null;
}

const SCALE: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12, bn: 1e9, m: 1e6 };
const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  hundred: 100,
  dozens: 24,
  hundreds: 200,
  thousands: 2000,
};
const STOP = new Set([
  'of',
  'and',
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'to',
  'for',
  'from',
  'by',
  'with',
  'as',
  'than',
  'that',
  'which',
  'who',
  'was',
  'were',
  'is',
  'are',
  'has',
  'have',
  'had',
  'will',
  'would',
  'be',
  'been',
  'it',
  'its',
  'their',
  'his',
  'her',
  'or',
  'but',
  'per',
]);

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const WORDNUM = Object.keys(NUMBER_WORDS).join('|');
const FIGURE_RE = new RegExp(
  String.raw`(?:(?:US)?[$€£¥]\s?)?(?:${NUM})(?:\s?(?:thousand|million|billion|trillion|bn)\b)?(?:\s?(?:%|percent\b|per cent\b))?` +
    String.raw`|\b(?:${WORDNUM})(?:[-\s](?:${WORDNUM}))?(?=[-\s]\p{L})`,
  'giu',
);
const UNIT_WORD = /^[\p{L}][\p{L}\p{M}'\u2019-]*$/u;
const MONTHS =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)$/i;

export function findFigures(text: string): RawFigure[] {
  const out: RawFigure[] = [];
  for (const m of text.matchAll(FIGURE_RE)) {
    let start = m.index;
    let written = m[0];
    const prevChar = text[start - 1] ?? ' ';
    if (/[\p{L}\p{N}]/u.test(prevChar)) continue;
    const numeric = /\d/.test(written);
    let value: number | null = null;
    if (numeric) {
      const digits = /[\d,.]+/.exec(written)![0].replace(/,/g, '');
      value = Number.parseFloat(digits);
      const scale = /(thousand|million|billion|trillion|bn)/i.exec(written)?.[1]?.toLowerCase();
      if (scale && Number.isFinite(value)) value *= SCALE[scale] ?? 1;
    } else {
      value = NUMBER_WORDS[written.toLowerCase().split(/[-\s]/)[0]!] ?? null;
    }
    // A bare year ("in 2013", "since 2001") is a date figure.
    const isYear = numeric && /^\d{4}$/.test(written) && value! >= 1800 && value! <= 2100;
    const monthBefore = /\b([A-Z][a-z]{2,8})\.?\s+$/.exec(text.slice(Math.max(0, start - 12), start))?.[1];
    if (isYear) {
      if (monthBefore && MONTHS.test(monthBefore)) {
        start -=
          text.slice(Math.max(0, start - 12), start).length -
          text.slice(Math.max(0, start - 12), start).lastIndexOf(monthBefore);
        written = text.slice(start, m.index + m[0].length);
      }
      out.push({ start, end: start + written.length, text: written, value, unit: 'year' });
      continue;
    }
    if (/%|percent|per cent/i.test(written)) {
      out.push({ start, end: start + written.length, text: written, value, unit: 'percent' });
      continue;
    }
    // The unit: up to three following words, stopping at a stop word or punctuation.
    const rest = text.slice(start + written.length, start + written.length + 80);
    const unitWords: string[] = [];
    let consumed = 0;
    const re = /^([\s-]+)([^\s,.;:!?()"\u201C\u201D]+)/u;
    let tail = rest;
    while (unitWords.length < 3) {
      const w = re.exec(tail);
      if (!w) break;
      const word = w[2]!;
      if (!UNIT_WORD.test(word) || STOP.has(word.toLowerCase()) || MONTHS.test(word)) break;
      unitWords.push(word);
      consumed += w[0].length;
      tail = tail.slice(w[0].length);
      if (
        /^(?:km|kilometers?|kilometres?|miles?|people|personnel|troops|officers|members|projects|countries|nations|states|barrels|tonnes|tons|dollars|years?|months?|days?|buildings)$/i.test(
          word,
        )
      )
        break;
    }
    const hasCurrency = /[$€£¥]/.test(written);
    if (!unitWords.length && !hasCurrency && !/(million|billion|trillion)/i.test(written)) continue;
    if (!numeric && !unitWords.length) continue;
    if (numeric && value !== null && value < 10 && !unitWords.length && !hasCurrency) continue;
    const end = start + written.length + consumed;
    out.push({
      start,
      end,
      text: text.slice(start, end),
      value: Number.isFinite(value) ? value : null,
      unit: unitWords.length ? unitWords.join(' ') : hasCurrency ? 'currency' : null,
    });
  }
  return out;
}

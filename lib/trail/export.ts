/**
 * The trail as files the reader takes away: JSON (every record as stored) and CSV (one row
 * per article and entity, with its figures), for a spreadsheet.
 */
import type { TrailArticle } from './types.ts';

export function trailJson(articles: TrailArticle[]): string {
  return JSON.stringify({ format: 'backstory-reading-trail', version: 1, articles }, null, 2) + '\n';
}

/** A CSV field: quoted when it must be, and never read as a formula by a spreadsheet. */
function field(value: string | number): string {
  let s = String(value);
  if (/^[=+\-@\t\r]/.test(s) && typeof value === 'string') s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const TRAIL_CSV_HEADER = ['date read', 'outlet', 'title', 'url', 'entity', 'type', 'mentions', 'figures'];

export function trailCsv(articles: TrailArticle[]): string {
  const rows = [TRAIL_CSV_HEADER];
  for (const a of articles) {
    const date = new Date(a.readAt).toISOString();
    const base = [date, a.outlet, a.title, a.url];
    if (!a.entities.length) rows.push([...base, '', '', '', '']);
    for (const e of a.entities)
      rows.push([...base, e.name, e.type, String(e.mentions), e.figures.map((f) => f.text).join('; ')]);
  }
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}

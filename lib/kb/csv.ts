/**
 * Reading a spreadsheet saved as CSV (RFC 4180: commas, double-quoted cells with "" for a
 * quote, line breaks inside quotes, CRLF or LF, an optional byte-order mark), as spreadsheet
 * programs write it. Pure: text in, rows of cells out, or the line where the quoting broke.
 */

export type CsvParse = { ok: true; rows: string[][] } | { ok: false; line: number; error: string };

export function parseCsv(text: string): CsvParse {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  /** The cell began with a quote: after its closing quote only a comma or a line break may follow. */
  let closed = false;
  let line = 1;
  let quoteLine = 1;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          quoted = false;
          closed = true;
        }
      } else {
        if (c === '\n') line++;
        cell += c;
      }
      continue;
    }
    if (c === '"') {
      if (cell !== '' || closed)
        return { ok: false, line, error: 'a quote in the middle of a cell (write it as "" inside a quoted cell)' };
      quoted = true;
      quoteLine = line;
    } else if (c === ',') {
      row.push(cell);
      cell = '';
      closed = false;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      closed = false;
      line++;
    } else {
      if (closed) return { ok: false, line, error: 'text after the closing quote of a cell' };
      cell += c;
    }
  }
  if (quoted) return { ok: false, line: quoteLine, error: 'a quoted cell is never closed' };
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return { ok: true, rows };
}

/** "A", "B", … "Z", "AA": a column's name as spreadsheets show it. */
export function columnLetter(index: number): string {
  let s = '';
  let n = index;
  do {
    s = String.fromCharCode(65 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

/**
 * Importing a spreadsheet (CSV) as a knowledge pack, beside the JSON import: the sheet becomes
 * a pack on the options page (lib/kb/csv-pack.ts, the same code as `backstory pack from-csv`)
 * and is then imported like any pack. Columns: docs/knowledge-packs.md, "From a spreadsheet".
 */
import { formatProblem, packFromCsv } from '../../lib/kb/csv-pack.ts';

/** Problems listed in the message before "and N more". */
const SHOWN_PROBLEMS = 8;

export function isCsvFile(file: File): boolean {
  return /\.csv$/i.test(file.name) || file.type === 'text/csv';
}

export function csvToPackJson(
  text: string,
  fileName: string,
): { ok: true; json: string } | { ok: false; message: string } {
  const r = packFromCsv(text, { fileName });
  if (r.ok) return { ok: true, json: r.json };
  const shown = r.problems.slice(0, SHOWN_PROBLEMS).map(formatProblem);
  const more = r.problems.length - shown.length;
  return {
    ok: false,
    message: `The spreadsheet has ${r.problems.length} problem${r.problems.length === 1 ? '' : 's'}: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`,
  };
}

export function CsvImportField({ disabled, onImportFile }: { disabled: boolean; onImportFile: (file: File) => void }) {
  return (
    <div class="field">
      <label for="opt-import-csv">Or choose a spreadsheet (.csv) to import</label>
      <input
        id="opt-import-csv"
        type="file"
        accept=".csv,text/csv"
        aria-describedby="opt-import-csv-hint"
        disabled={disabled}
        onChange={(e) => {
          const input = e.currentTarget as HTMLInputElement;
          const file = input.files?.[0];
          // Cleared so choosing the same file again (after fixing it) imports it again.
          input.value = '';
          if (file) onImportFile(file);
        }}
      />
      <p class="hint" id="opt-import-csv-hint">
        One row per fact, saved as CSV from any spreadsheet: name, type, aliases, description, then fact, value, unit,
        as_of and the source’s url, publisher, title and retrieved date. Problems are named by row and column. The
        sample class-pack.csv and the column guide (docs/knowledge-packs.md) ship with Backstory’s source code.
      </p>
    </div>
  );
}

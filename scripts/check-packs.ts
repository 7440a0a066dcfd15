/**
 * Checks the knowledge packs in data/packs: schema, unique ids across all packs,
 * related ids that exist, sorted and formatted files, ambiguous aliases with cues.
 * Usage: npx tsx scripts/check-packs.ts [--allow-dangling]
 * The same checks run in tests/data/packs.test.ts.
 */
import { readPackFolders, assemblePack } from './lib/read-packs.ts';
import { checkPacks, checkProvenance } from '../lib/kb/check.ts';
import { legacyFiles } from './lib/load-builtin.ts';

const allowDangling = process.argv.includes('--allow-dangling');
const folders = readPackFolders();
const problems = checkPacks(
  folders.map((f) => ({ source: f.dir, data: assemblePack(f) })),
  folders.flatMap((f) => [f.meta, ...f.entryFiles]).map((f) => ({ path: f.path, raw: f.raw, json: f.json })),
);
const provenance = checkProvenance(
  folders.flatMap((f) => f.entryFiles),
  legacyFiles(),
  new Date().toISOString().slice(0, 10),
);
problems.push(...provenance.problems);
for (const [file, n] of Object.entries(provenance.legacy))
  console.log(`not yet re-sourced (data/sources/legacy-files.json): ${file}: ${n} citation problems`);
const shown = allowDangling ? problems.filter((p) => !p.startsWith('dangling')) : problems;
for (const p of shown) console.log(p);
const count = folders.reduce(
  (n, f) => n + f.entryFiles.reduce((m, e) => m + (Array.isArray(e.json) ? e.json.length : 0), 0),
  0,
);
console.log(`${folders.length} packs, ${count} entries, ${shown.length} problems`);
process.exit(shown.length ? 1 : 0);

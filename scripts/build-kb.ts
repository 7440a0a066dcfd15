/**
 * Build step: validate the knowledge packs in data/packs and compile them into
 * generated/kb-packs.json (the validated packs, exactly what the extension ships)
 * and generated/kb-index.json (the run-time alias index the engine uses), and the gazetteer
 * tier into generated/gazetteer.json (scripts/build-kb-gazetteer.ts).
 * Fails with a readable list of problems if any pack is invalid.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadBuiltinPacks } from './lib/load-builtin.ts';
import { mergePacks } from '../lib/kb/build-index.ts';
import { ROOT } from './lib/read-packs.ts';
import { buildGazetteerData } from './build-kb-gazetteer.ts';

const strict = !process.argv.includes('--lenient');
const { packs, problems } = loadBuiltinPacks();
if (problems.length) {
  for (const p of problems) console.error(p);
  if (strict) {
    console.error(`build-kb: ${problems.length} problems in data/packs (run npx tsx scripts/check-packs.ts)`);
    process.exit(1);
  }
}
const merged = mergePacks(packs);
const out = join(ROOT, 'generated');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'kb-packs.json'), JSON.stringify({ packs }));
writeFileSync(join(out, 'kb-index.json'), JSON.stringify(merged.index));
// The gazetteer tier: its own file, loaded lazily by the background only (lib/kb/gazetteer.ts).
const gazetteer = buildGazetteerData(merged.index);
writeFileSync(join(out, 'gazetteer.json'), JSON.stringify(gazetteer));
console.log(
  `build-kb: ${packs.length} packs, ${merged.entries.size} entries, ${Object.keys(merged.index.aliases).length} alias keys; ` +
    `gazetteer: ${gazetteer.cities.length} cities, ${Object.keys(gazetteer.regions).length} regions, ${gazetteer.titles.length} Wikipedia titles`,
);

/** The CLI's tiers: the engine over the built-in packs and the gazetteer, as the extension ships them. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../lib/engine/index.ts';
import { createGazetteer, type GazetteerData } from '../lib/kb/gazetteer.ts';
import type { Tiers } from '../lib/background/tiers.ts';
import { buildGazetteerData } from '../scripts/build-kb-gazetteer.ts';
import { ROOT } from '../scripts/lib/read-packs.ts';
import { loadKb } from './kb.ts';

let tiers: Tiers | null = null;

export function cliTiers(): Tiers {
  if (tiers) return tiers;
  const index = loadKb().merged.index;
  // What `npm run kb` built; built afresh from the same sources when it has not run.
  const file = join(ROOT, 'generated/gazetteer.json');
  const data: GazetteerData = existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as GazetteerData)
    : buildGazetteerData(index);
  tiers = {
    engine: createEngine(index),
    gazetteer: createGazetteer(data),
    foreign: data.foreign ?? {},
    foreignEngines: new Map(),
  };
  return tiers;
}

/**
 * Maintenance: drop `related` links whose target id no longer exists in any pack
 * (after an entry is removed or renamed), so the "every related id exists" rule
 * holds. Rewrites the named entry files (or all) in the canonical format.
 * Usage: npx tsx scripts/prune-related.ts [FILE…]
 */
import { writeFileSync } from 'node:fs';
import { readPackFolders } from './lib/read-packs.ts';

const only = process.argv.slice(2);
const folders = readPackFolders();
const ids = new Set<string>();
for (const f of folders) for (const e of f.entryFiles) for (const x of e.json as { id: string }[]) ids.add(x.id);
let dropped = 0;
for (const f of folders) {
  for (const file of f.entryFiles) {
    if (only.length && !only.some((o) => file.path.endsWith(o))) continue;
    const list = file.json as { id: string; related: { id: string }[] }[];
    let changed = false;
    for (const e of list) {
      const keep = e.related.filter((r) => ids.has(r.id) && r.id !== e.id);
      const seen = new Set<string>();
      const unique = keep.filter((r) => (seen.has(r.id) ? false : (seen.add(r.id), true)));
      if (unique.length !== e.related.length) {
        dropped += e.related.length - unique.length;
        e.related = unique;
        changed = true;
      }
    }
    if (changed) writeFileSync(file.path, JSON.stringify(list, null, 2) + '\n');
  }
}
console.log(`dropped ${dropped} links to missing entries`);

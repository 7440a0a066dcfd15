/**
 * The Backstory command line, for researchers: the extension's own engine and
 * article extraction run over saved pages and text files.
 *
 *   backstory analyze FILE… [--json | --csv | --md]
 *   backstory eval DIR [--json]
 *   backstory kb [--json] [ID-or-alias]
 */
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parseHTML } from 'linkedom';
import { extractArticle } from '../lib/page/extract.ts';
import type { AnalysisResult } from '../lib/engine/types.ts';
import { loadKb } from './kb.ts';
import { scoreDocument, totals, type Gold, type DocScore } from './score.ts';
import { formatTable, formatCsv, formatMarkdown, formatEntry } from './format.ts';
import { findEntries } from '../lib/kb/lookup.ts';
import { lookUpOnline, withOnline, type OnlineOutcome } from './online.ts';
import { analyzeInTiers } from '../lib/background/tiers.ts';
import { cliTiers } from './tiers.ts';
import { citeArticles, takeCiteFormat } from './cite.ts';
import { cmdPack } from './pack.ts';
import { CliError } from './errors.ts';

const USAGE = `usage:
  backstory analyze FILE… [--json | --csv | --md] [--online]
                                                    entities and figures in .html or .txt files;
                                                    --online asks Wikipedia/Wikidata about unknown names
                                                    (sends only the names)
  backstory analyze --cite csl-json|bibtex|ris FILE…
                                                    the sources behind the facts shown for the articles,
                                                    for a reference manager (the sidebar's export)
  backstory pack from-csv FILE.csv                  a knowledge pack from a spreadsheet (JSON on stdout)
  backstory pack check FILE.json                    validate a knowledge pack
  backstory eval DIR… [--json] [--verbose]          score against *.gold.json files in DIR
  backstory kb [--json] [ID-or-alias]               the knowledge base, or one entry`;

export { CliError };

/** Fewer words than this is not an article (a menu, a cookie notice). */
const MIN_ARTICLE_WORDS = 25;

export function readInput(file: string): {
  text: string;
  title: string;
  lang: string;
  headings?: [number, number][];
} {
  if (!existsSync(file)) throw new CliError(`${file}: no such file`);
  const st = statSync(file);
  if (st.isDirectory()) throw new CliError(`${file}: is a directory, not a file`);
  if (st.size > 20 * 1024 * 1024)
    throw new CliError(`${file}: too large (${Math.round(st.size / 1e6)} MB; the limit is 20 MB)`);
  const buf = readFileSync(file);
  if (buf.subarray(0, 8192).includes(0)) throw new CliError(`${file}: looks like a binary file, not HTML or text`);
  const raw = buf.toString('utf8');
  if (!raw.trim()) throw new CliError(`${file}: is empty`);
  const ext = extname(file).toLowerCase();
  if (ext === '.html' || ext === '.htm' || /^\s*<(?:!doctype|html|head|body)/i.test(raw)) {
    const { document } = parseHTML(raw);
    const article = extractArticle(document as unknown as Document);
    // A page whose "article" is a few words of navigation has no article to speak of.
    if (!article || article.text.split(/\s+/).filter(Boolean).length < MIN_ARTICLE_WORDS)
      throw new CliError(`${file}: no article found on this page`);
    return {
      text: article.text,
      title: article.title,
      lang: document.documentElement?.getAttribute('lang') ?? '',
      headings: article.headings,
    };
  }
  const text = raw.replace(/\r\n?/g, '\n');
  return { text, title: text.trim().split('\n', 1)[0]!.slice(0, 200), lang: '' };
}

export function analyzeFile(file: string): AnalysisResult {
  const { text, title, lang, headings } = readInput(file);
  // The same tiers as the background: language, then the packs, then the gazetteer.
  return analyzeInTiers({ text, title, lang, headings }, cliTiers()).result;
}

async function cmdAnalyze(argv: string[], out: (s: string) => void): Promise<number> {
  const { format: citeFormat, rest: args } = takeCiteFormat(argv);
  if (citeFormat && args.some((a) => a.startsWith('--')))
    throw new CliError('analyze: --cite gives the sources alone; it does not combine with other options');
  const files = args.filter((a) => !a.startsWith('--'));
  const format = args.includes('--json')
    ? 'json'
    : args.includes('--csv')
      ? 'csv'
      : args.includes('--md')
        ? 'md'
        : 'table';
  if (!files.length) throw new CliError('analyze: name at least one .html or .txt file');
  let failed = 0;
  const results: { file: string; result: AnalysisResult; online?: OnlineOutcome }[] = [];
  for (const file of files) {
    try {
      results.push({ file, result: analyzeFile(file) });
    } catch (e) {
      if (!(e instanceof CliError)) throw e;
      console.error(`backstory: ${e.message}`);
      failed++;
    }
  }
  if (citeFormat) {
    const { merged } = loadKb();
    out(
      citeArticles(
        results.map((r) => r.result),
        (id) => merged.entries.get(id),
        citeFormat,
      ).replace(/\n$/, ''),
    );
    return failed ? 1 : 0;
  }
  if (args.includes('--online')) {
    for (const r of results) {
      const online = await lookUpOnline(r.result);
      for (const w of online.warnings) console.error(`backstory: online: ${w}; ${r.file} shows what is known offline`);
      r.online = online;
    }
  }
  if (format === 'json')
    for (const r of results)
      out(JSON.stringify({ file: r.file, ...(r.online ? withOnline(r.result, r.online) : r.result) }));
  else if (format === 'csv') out(formatCsv(results));
  else
    for (const r of results)
      out(format === 'md' ? formatMarkdown(r.file, r.result) : formatTable(r.file, r.result, r.online?.byKey));
  return failed ? 1 : 0;
}

function cmdEval(args: string[], out: (s: string) => void): number {
  const dirs = args.filter((a) => !a.startsWith('--'));
  if (!dirs.length) throw new CliError('eval: name a directory holding *.html and *.gold.json files');
  const rows: { name: string; topic: string; score: DocScore }[] = [];
  const walk = (dir: string) => {
    if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CliError(`${dir}: not a directory`);
    for (const f of readdirSync(dir).sort()) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (f.endsWith('.gold.json')) {
        const html = p.replace(/\.gold\.json$/, '.html');
        if (!existsSync(html)) continue;
        const gold = JSON.parse(readFileSync(p, 'utf8')) as Gold;
        rows.push({
          name: basename(html, '.html'),
          topic: gold.topic ?? '',
          score: scoreDocument(analyzeFile(html), gold),
        });
      }
    }
  };
  dirs.forEach(walk);
  if (!rows.length) throw new CliError(`eval: no *.gold.json files with a matching .html in ${dirs.join(', ')}`);
  const total = totals(rows.map((r) => r.score));
  if (args.includes('--json')) {
    out(
      JSON.stringify(
        { documents: rows.map((r) => ({ name: r.name, topic: r.topic, ...r.score, ...totals([r.score]) })), total },
        null,
        2,
      ),
    );
    return 0;
  }
  const pct = (x: number) => (x * 100).toFixed(1).padStart(5) + '%';
  out(
    `${'document'.padEnd(40)} ${'prec'.padStart(6)} ${'recall'.padStart(6)} ${'core'.padStart(6)} ${'link'.padStart(6)} chrome`,
  );
  for (const r of rows) {
    const t = totals([r.score]);
    out(
      `${r.name.slice(0, 40).padEnd(40)} ${pct(t.precision)} ${pct(t.recall)} ${pct(t.coreRecall)} ${pct(t.linking)} ${String(t.chromeHits).padStart(6)}`,
    );
    if (args.includes('--verbose')) {
      if (r.score.missed.length) out(`    missed: ${r.score.missed.join('; ')}`);
      if (r.score.spurious.length) out(`    spurious: ${r.score.spurious.join('; ')}`);
      if (r.score.wrongLinks.length) out(`    wrong links: ${r.score.wrongLinks.join('; ')}`);
      if (r.score.chromeHits.length) out(`    chrome hits: ${r.score.chromeHits.join('; ')}`);
    }
  }
  out(
    `${'TOTAL'.padEnd(40)} ${pct(total.precision)} ${pct(total.recall)} ${pct(total.coreRecall)} ${pct(total.linking)} ${String(total.chromeHits).padStart(6)}`,
  );
  out(
    `precision ${total.precision.toFixed(3)}  recall ${total.recall.toFixed(3)}  core recall ${total.coreRecall.toFixed(3)}  linking ${total.linking.toFixed(3)}  chrome hits ${total.chromeHits}`,
  );
  return 0;
}

function cmdKb(args: string[], out: (s: string) => void): number {
  const { packs, merged } = loadKb();
  const query = args.filter((a) => !a.startsWith('--')).join(' ');
  if (!query) {
    if (args.includes('--json')) {
      out(JSON.stringify({ packs: packs.map((p) => p.pack), entries: [...merged.entries.values()] }, null, 2));
    } else {
      for (const p of packs) out(`${p.pack.id} ${p.pack.version}: ${p.pack.title} — ${p.entries.length} entries`);
      out(`${merged.entries.size} entries in all. Use "backstory kb ID-or-alias" to show one.`);
    }
    return 0;
  }
  const found = findEntries(query, merged.index, 5);
  if (!found.length) throw new CliError(`kb: nothing in the knowledge base matches "${query}"`);
  const best = merged.entries.get(found[0]!.id)!;
  if (args.includes('--json')) out(JSON.stringify(best, null, 2));
  else {
    out(formatEntry(best, (id) => merged.entries.get(id)?.name));
    if (found.length > 1)
      out(
        `\nalso: ${found
          .slice(1)
          .map((f) => `${f.name} (backstory kb ${f.id})`)
          .join(', ')}`,
      );
  }
  return 0;
}

/** The flags each command understands; anything else is a mistake worth saying so. */
const FLAGS: Record<string, string[]> = {
  analyze: ['--json', '--csv', '--md', '--online', '--cite'],
  eval: ['--json', '--verbose'],
  kb: ['--json'],
  pack: [],
};

function checkFlags(cmd: string, args: string[]): void {
  const allowed = FLAGS[cmd] ?? [];
  const unknown = args.filter((a) => a.startsWith('-') && !allowed.includes(a.replace(/=.*$/, '')));
  if (unknown.length)
    throw new CliError(`${cmd}: unknown option${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}\n${USAGE}`);
}

export async function main(argv: string[], out: (s: string) => void = (s) => console.log(s)): Promise<number> {
  const [cmd, ...args] = argv;
  try {
    if (cmd && cmd in FLAGS) checkFlags(cmd, args);
    switch (cmd) {
      case 'analyze':
        return await cmdAnalyze(args, out);
      case 'eval':
        return cmdEval(args, out);
      case 'kb':
        return cmdKb(args, out);
      case 'pack':
        return cmdPack(args, out);
      case undefined:
      case '-h':
      case '--help':
      case 'help':
        out(USAGE);
        return cmd ? 0 : 2;
      default:
        throw new CliError(`unknown command "${cmd}"\n${USAGE}`);
    }
  } catch (e) {
    if (e instanceof CliError) {
      console.error(`backstory: ${e.message}`);
      return 2;
    }
    console.error(`backstory: unexpected error: ${(e as Error).message}`);
    return 3;
  }
}

/** Output formats of the CLI: a readable table, CSV and Markdown for researchers' notes. */
import { factLine, formatDate } from '../lib/format/facts.ts';
import type { AnalysisResult } from '../lib/engine/types.ts';
import type { Entry } from '../lib/kb/schema.ts';
import type { OnlineInfo } from '../lib/online/index.ts';
import { csvCell, mdEscape } from '../lib/export/glossary.ts';
import { languageNotice } from '../lib/format/language.ts';

/** A table cell of `width` characters: a longer name ends in "…" rather than stopping mid-word unmarked. */
function fit(text: string, width: number): string {
  return (text.length > width ? `${text.slice(0, width - 1)}…` : text).padEnd(width);
}

export function formatTable(file: string, r: AnalysisResult, online?: Map<string, OnlineInfo>): string {
  const lines = [
    `${file} — “${r.title}” — ${r.wordCount} words, ${r.entities.length} entities${r.partial ? ' (partial: text capped)' : ''}`,
  ];
  const notice = languageNotice(r);
  if (notice) lines.push(`  ${notice}`);
  lines.push(`  ${'entity'.padEnd(44)} ${'type'.padEnd(12)} ${'n'.padStart(3)} ${'sal'.padStart(5)}  about`);
  for (const e of r.entities) {
    const flag = e.ambiguity?.weak ? ' (uncertain)' : '';
    // Readers see names and Wikipedia titles, never internal ids or keys.
    const live = online?.get(e.key)?.summary;
    const about = e.wikipedia
      ? `Wikipedia: ${e.wikipedia.replace(/_/g, ' ')}`
      : live
        ? `Wikipedia (online): ${live.title}${live.description ? ` — ${live.description}` : ''}`
        : e.id
          ? 'in the knowledge base'
          : 'not in the knowledge base';
    lines.push(
      `  ${fit(e.name + flag, 44)} ${e.type.padEnd(12)} ${String(e.mentionCount).padStart(3)} ${e.salience.toFixed(2).padStart(5)}  ${about}`,
    );
  }
  if (r.figures.length) {
    const nameOf = new Map(r.entities.map((e) => [e.key, e.name]));
    lines.push('  figures:');
    for (const f of r.figures.slice(0, 30)) {
      const about = f.entity ? nameOf.get(f.entity) : undefined;
      lines.push(`    ${f.text}${about ? ` → ${about}` : ''}`);
    }
  }
  return lines.join('\n');
}

export function formatCsv(results: { file: string; result: AnalysisResult }[]): string {
  const rows = [
    ['file', 'entity', 'id', 'type', 'wikipedia', 'mentions', 'salience', 'description', 'mention_texts'].join(','),
  ];
  for (const { file, result } of results) {
    for (const e of result.entities) {
      rows.push(
        [
          file,
          e.name,
          e.id ?? '',
          e.type,
          e.wikipedia ?? '',
          e.mentionCount,
          e.salience,
          e.description ?? '',
          [...new Set(e.mentions.map((m) => m.text))].join('; '),
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return rows.join('\n');
}

export function formatMarkdown(file: string, r: AnalysisResult): string {
  const lines = [
    `## ${mdEscape(r.title)}`,
    '',
    `Source: ${mdEscape(file)} · ${r.wordCount} words · ${r.entities.length} entities`,
    '',
  ];
  lines.push('| Entity | Type | Mentions | About |', '|---|---|---|---|');
  for (const e of r.entities) {
    const link = e.wikipedia
      ? `[${mdEscape(e.name)}](https://en.wikipedia.org/wiki/${encodeURIComponent(e.wikipedia)})`
      : mdEscape(e.name);
    lines.push(
      `| ${link} | ${e.type} | ${e.mentionCount} | ${mdEscape(e.description ?? (e.id ? '' : 'not in the knowledge base'))} |`,
    );
  }
  if (r.figures.length) {
    lines.push('', '### Figures in the text', '');
    for (const f of r.figures) lines.push(`- **${mdEscape(f.text)}** — ${mdEscape(f.sentence)}`);
  }
  return lines.join('\n') + '\n';
}

/** One entry, readably; `nameOf` gives related entries' names (ids are not for readers). */
export function formatEntry(e: Entry, nameOf: (id: string) => string | undefined = () => undefined): string {
  const lines = [`${e.name} (${e.type})`, e.description, '', e.summary, ''];
  if (e.aliases.length) lines.push(`Also: ${e.aliases.join(', ')}`);
  if (e.facts.length) {
    lines.push('Key figures:');
    for (const f of e.facts) lines.push(`  ${factLine(f)}`);
  }
  if (e.related.length)
    lines.push(
      `Related: ${e.related.map((r) => `${r.relation} ${nameOf(r.id) ?? r.id.replace(/-/g, ' ')}`).join('; ')}`,
    );
  if (e.wikipedia) lines.push(`Wikipedia: https://en.wikipedia.org/wiki/${e.wikipedia}`);
  lines.push(`Reviewed ${formatDate(e.reviewed)}`);
  return lines.join('\n');
}

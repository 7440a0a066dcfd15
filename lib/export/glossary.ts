/**
 * The article's glossary for researchers and educators: Markdown and CSV with each
 * entity's description, key figures with their sources, and its mentions.
 * Pure: same data in, same text out.
 */
import { asOfText, citationOf, citationText, formatDate, formatFactValue, withAside } from '../format/facts.ts';
import type { AnalysisResult } from '../engine/types.ts';
import type { Entry } from '../kb/schema.ts';

export interface GlossaryInput {
  result: AnalysisResult;
  entries: Record<string, Entry>;
  url: string;
}

export const mdEscape = (s: string) => s.replace(/([\\`*_[\]|<>#])/g, '\\$1').replace(/\n+/g, ' ');
/** A URL safe inside <…> in a Markdown table cell: |, <, > and spaces percent-encoded. */
function mdUrl(url: string): string {
  let href = url;
  try {
    href = new URL(url).href;
  } catch {
    // keep as written; it is still encoded below
  }
  return href.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E').replace(/ /g, '%20');
}

export const csvCell = (v: unknown) => {
  let s = String(v ?? '');
  // Cells starting with = + - @ are formulas in spreadsheets: neutralise them.
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export function glossaryMarkdown({ result, entries, url }: GlossaryInput): string {
  const lines = [
    `# Backstory glossary: ${mdEscape(result.title)}`,
    '',
    `Article: <${url}>`,
    `Entities: ${result.entities.length}`,
    '',
  ];
  for (const e of result.entities) {
    const entry = e.id ? entries[e.id] : undefined;
    lines.push(`## ${mdEscape(e.name)}`, '');
    lines.push(
      `*${e.type}* · ${e.mentionCount} mention${e.mentionCount === 1 ? '' : 's'}${entry ? '' : ' · not in the knowledge base'}`,
      '',
    );
    if (entry) lines.push(mdEscape(entry.description), '', mdEscape(entry.summary), '');
    else if (e.introduction) lines.push(`Introduced as: “${mdEscape(e.introduction)}”`, '');
    if (e.ambiguity) lines.push(`Note: ${mdEscape(e.ambiguity.reason)}`, '');
    if (entry?.facts.length) {
      lines.push('| Figure | Value | As of | Source |', '|---|---|---|---|');
      for (const f of entry.facts) {
        const c = citationOf(f.source);
        const cite = [c.stateMedia ? `${c.publisher} (state media)` : c.publisher, c.title ? `“${c.title}”` : '']
          .filter(Boolean)
          .map(mdEscape)
          .join(', ');
        const retrieved = c.retrieved ? `, retrieved ${formatDate(c.retrieved)}` : '';

        lines.push(
          `| ${mdEscape(f.label)} | ${mdEscape(withAside(formatFactValue(f), f.note))} | ${mdEscape(asOfText(f) ?? '')} | ${cite}, <${mdUrl(c.url)}>${retrieved} |`,
        );
      }
      lines.push('');
    }
    lines.push(`Mentions: ${[...new Set(e.mentions.map((m) => `“${mdEscape(m.text)}”`))].join(', ')}`, '');
    if (e.wikipedia) lines.push(`Read more: <https://en.wikipedia.org/wiki/${encodeURIComponent(e.wikipedia)}>`, '');
  }
  if (result.figures.length) {
    lines.push('## Figures in this article', '');
    for (const f of result.figures) lines.push(`- **${mdEscape(f.text)}** — ${mdEscape(f.sentence)}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function glossaryCsv({ result, entries }: GlossaryInput): string {
  const rows = [
    [
      'entity',
      'type',
      'description',
      'mentions',
      'mention_texts',
      'figure',
      'value',
      'unit',
      'as_of',
      'source',
      'source_publisher',
      'source_title',
      'source_retrieved',
      'citation',
      'wikipedia',
    ].join(','),
  ];
  for (const e of result.entities) {
    const entry = e.id ? entries[e.id] : undefined;
    const base = [
      e.name,
      e.type,
      entry?.description ?? (e.id ? '' : 'not in the knowledge base'),
      e.mentionCount,
      [...new Set(e.mentions.map((m) => m.text))].join('; '),
    ];
    const wiki = e.wikipedia ? `https://en.wikipedia.org/wiki/${encodeURIComponent(e.wikipedia)}` : '';
    if (entry?.facts.length)
      for (const f of entry.facts) {
        const c = citationOf(f.source);
        const value = formatFactValue({ ...f, unit: undefined });
        const cells = [
          f.label,
          value,
          f.unit ?? '',
          f.asOf ?? '',
          c.url,
          c.publisher,
          c.title ?? '',
          c.retrieved ?? '',
        ];
        rows.push([...base, ...cells, citationText(c), wiki].map(csvCell).join(','));
      }
    else rows.push([...base, '', '', '', '', '', '', '', '', '', wiki].map(csvCell).join(','));
  }
  return rows.join('\r\n') + '\r\n';
}

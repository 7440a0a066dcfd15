import type { Entity } from '../../lib/engine/types.ts';
import type { EntryView } from '../../lib/messaging/protocol.ts';
import type { Fact, Source } from '../../lib/kb/schema.ts';
import type { CiteStyle } from '../../lib/export/cite.ts';
import { CiteMenu } from './Cite.tsx';
import { WithAside } from '../shared/FactText.tsx';
import { asOfText, citationOf, citationText, formatDate, formatFactValue, isStale } from '../../lib/format/facts.ts';
import { TYPE_LABEL, hostOf, safeHref, wikipediaUrl, wikipediaSearchUrl, newsSearchUrl } from '../shared/labels.ts';
import type { OnlineView } from '../../lib/online/view.ts';
import { OnlineSummary, WikidataNow } from './Online.tsx';

export interface EntityDetailProps {
  /** The entity in this article, or null when opened from a related link or a lookup. */
  entity: Entity | null;
  entry: EntryView | undefined;
  text: string;
  /** Keys of entities present in this article (to mark related ones). */
  presentIds: Set<string>;
  relatedNames: Record<string, { name: string; type: string }>;
  onBack: () => void;
  onSelectRelated: (id: string) => void;
  onJumpToMention: (index: number) => void;
  mentionCursor: number | undefined;
  /** Copy a fact's source as a formatted citation; no "Cite" menus without it. */
  onCite?: (source: Source, style: CiteStyle) => void;
  /** What online mode found: a summary for a name the knowledge base lacks, fresh figures for a known one. */
  online?: OnlineView;
}

const SNIPPET_CONTEXT = 60;

/** One key figure: label, value, then when it was true and where it comes from, as a citation. */
function FactRow({ fact, onCite }: { fact: Fact; onCite?: (source: Source, style: CiteStyle) => void }) {
  const when = asOfText(fact);
  const c = citationOf(fact.source);
  const href = safeHref(c.url);
  const publisher = c.stateMedia ? `${c.publisher} (state media)` : c.publisher;
  return (
    <div>
      <dt>{fact.label}</dt>
      <dd class="fact-value">
        <WithAside value={formatFactValue(fact)} aside={fact.note} class="fact-note" />
      </dd>
      <dd class="fact-source">
        {when && <span class={isStale(fact) ? 'asof stale' : 'asof'}>{when} · </span>}
        Source:{' '}
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer" title={citationText(c)}>
            {publisher}
          </a>
        ) : (
          publisher
        )}
        {c.title && <span class="source-title"> — {c.title}</span>}
        {c.retrieved && <span class="retrieved"> · retrieved {formatDate(c.retrieved)}</span>}
        {onCite && <CiteMenu label={`the source of “${fact.label}”`} onCite={(s) => onCite(fact.source, s)} />}
      </dd>
    </div>
  );
}

function snippet(text: string, start: number, end: number) {
  const from = Math.max(0, start - SNIPPET_CONTEXT);
  const to = Math.min(text.length, end + SNIPPET_CONTEXT);
  return {
    before: (from > 0 ? '…' : '') + text.slice(from, start).replace(/\s+/g, ' ').trimStart(),
    match: text.slice(start, end),
    after: text.slice(end, to).replace(/\s+/g, ' ').trimEnd() + (to < text.length ? '…' : ''),
  };
}

export function EntityDetail({
  entity,
  entry,
  text,
  presentIds,
  relatedNames,
  onBack,
  onSelectRelated,
  onJumpToMention,
  mentionCursor,
  onCite,
  online,
}: EntityDetailProps) {
  const name = entry?.name ?? entity?.name ?? '';
  const type = entry?.type ?? entity?.type ?? 'concept';
  const wiki = entry?.wikipedia ?? entity?.wikipedia ?? (online?.title ? online.title.replace(/ /g, '_') : null);
  const website = safeHref(entry?.website);
  return (
    <section class="detail" aria-labelledby="bs-detail-title">
      <button type="button" class="link back" onClick={onBack}>
        ← All entities
      </button>
      <h2 id="bs-detail-title" tabIndex={-1}>
        {name}
      </h2>
      <p class="meta">
        <span class={`type type-${type}`}>{TYPE_LABEL[type]}</span>
        {entity && (
          <span>
            {' '}
            · {entity.mentionCount} mention{entity.mentionCount === 1 ? '' : 's'} here
          </span>
        )}
        {entry?.overrides && <span class="badge">from your pack “{entry.pack}” (overrides built-in)</span>}
      </p>
      {entity?.ambiguity && (
        <p class={`note ${entity.ambiguity.weak ? 'weak' : ''}`} role="note">
          {entity.ambiguity.weak && <strong>Uncertain: </strong>}
          {entity.ambiguity.reason}
          {entity.ambiguity.alternatives.length > 1 && (
            <span class="alts">
              {' '}
              Other meanings:{' '}
              {entity.ambiguity.alternatives
                .filter((a) => a.id !== entity.id)
                .map((a) => a.name)
                .join('; ')}
              .
            </span>
          )}
        </p>
      )}
      {entry ? (
        <>
          <p class="description">{entry.description}</p>
          <p class="summary">{entry.summary}</p>
          {entry.facts.length > 0 && (
            <section aria-labelledby="bs-facts-title">
              <h3 id="bs-facts-title" class="facts-title">
                Key figures
              </h3>
              <dl class="facts">
                {entry.facts.map((f, i) => (
                  <FactRow key={i} fact={f} onCite={onCite} />
                ))}
              </dl>
            </section>
          )}
          <WikidataNow facts={entry.facts} view={online} />
          {entry.related.length > 0 && (
            <div class="related">
              <h3>Related</h3>
              <ul>
                {entry.related.map((r) => (
                  <li key={r.id}>
                    <span class="relation">{r.relation}</span>{' '}
                    <button type="button" class="link" onClick={() => onSelectRelated(r.id)}>
                      {relatedNames[r.id]?.name ?? r.id}
                    </button>
                    {presentIds.has(r.id) && <span class="badge here">in this article</span>}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </>
      ) : (
        <div class="unknown">
          <p class="badge not-in-kb">Not in the knowledge base</p>
          {entity?.introduction && (
            <blockquote class="introduction" aria-label="How the article introduces it">
              {entity.introduction}
            </blockquote>
          )}
          {online && <OnlineSummary view={online} />}
        </div>
      )}
      {entity && entity.mentions.length > 0 && (
        <div class="mentions">
          <h3>In this article</h3>
          <ol>
            {entity.mentions.map((m, i) => {
              const s = snippet(text, m.start, m.end);
              return (
                <li key={i}>
                  <button
                    type="button"
                    class={`mention ${mentionCursor === i ? 'current' : ''}`}
                    onClick={() => onJumpToMention(i)}
                    aria-label={`Go to mention ${i + 1}: ${s.before}${s.match}${s.after}`}
                  >
                    <span class="mention-n" aria-hidden="true">
                      {i + 1}.
                    </span>
                    <span class="mention-text">
                      {s.before}
                      <mark>{s.match}</mark>
                      {s.after}
                    </span>
                  </button>
                </li>
              );
            })}
          </ol>
        </div>
      )}
      <div class="more">
        <h3>Read more</h3>
        <ul>
          <li>
            {wiki ? (
              <a href={wikipediaUrl(wiki)} target="_blank" rel="noopener noreferrer">
                Wikipedia: {wiki.replace(/_/g, ' ')}
              </a>
            ) : (
              <a href={wikipediaSearchUrl(name)} target="_blank" rel="noopener noreferrer">
                Search Wikipedia for “{name}”
              </a>
            )}
          </li>
          {website && (
            <li>
              <a href={website} target="_blank" rel="noopener noreferrer">
                Official site ({hostOf(website)})
              </a>
            </li>
          )}
          <li>
            <a href={newsSearchUrl(name)} target="_blank" rel="noopener noreferrer">
              Other outlets' coverage of “{name}”
            </a>
          </li>
        </ul>
      </div>
    </section>
  );
}

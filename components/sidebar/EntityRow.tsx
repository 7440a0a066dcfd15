/**
 * One row of the sidebar's ranked list. Names the packs know show their description and lead
 * fact; a name they lack shows its type, the sentence that introduces it and, when the
 * gazetteer knows its article, a Wikipedia link — in the same list, at its rank (issue 16, item 4).
 */
import type { Entity } from '../../lib/engine/types.ts';
import type { EntryView } from '../../lib/messaging/types.ts';
import { formatDate, formatFactValue, leadFact, withAside } from '../../lib/format/facts.ts';
import { TYPE_LABEL, wikipediaUrl } from '../shared/labels.ts';
import type { OnlineView } from '../../lib/online/view.ts';
import { Attribution } from './Online.tsx';

/** How much of an introducing sentence a row shows; the detail view has all of it. */
const INTRO_CHARS = 160;

export function EntityRow(props: {
  entity: Entity;
  entry: EntryView | undefined;
  /** What online mode found for a name the knowledge base lacks. */
  online?: OnlineView;
  onSelect: (key: string) => void;
}) {
  const { entity: e, entry } = props;
  const online = !e.id && props.online?.title ? props.online : undefined;
  const lead = entry ? leadFact(entry.facts, entry.name) : undefined;
  const description = entry?.description ?? e.description ?? online?.description ?? undefined;
  const intro = !description && e.introduction ? clip(e.introduction.replace(/\s+/g, ' ').trim()) : '';
  return (
    <li key={e.key} class={e.id ? undefined : 'unlisted'}>
      <button type="button" class="entity" onClick={() => props.onSelect(e.key)} data-entity={e.key}>
        <span class="name">{e.name}</span>
        <span class={`type type-${e.type}`}>{TYPE_LABEL[e.type]}</span>
        <span class="n" aria-label={`${e.mentionCount} mention${e.mentionCount === 1 ? '' : 's'}`}>
          {e.mentionCount}
        </span>
        {e.ambiguity?.weak && <span class="badge weak">uncertain</span>}
        {description || e.id ? (
          <span class="desc">{description ?? ''}</span>
        ) : (
          <span class="desc intro" data-testid="introduction">
            {intro ? `“${intro}”` : 'Not in the knowledge base'}
          </span>
        )}
        {lead && (
          <span class="fact">
            {lead.label}: {withAside(formatFactValue(lead), lead.asOf && formatDate(lead.asOf))}
          </span>
        )}
      </button>
      {online && (
        <span class="row-link">
          <Attribution view={online} />
        </span>
      )}
      {!e.id && !online && e.wikipedia && (
        <a class="row-link" href={wikipediaUrl(e.wikipedia)} target="_blank" rel="noopener noreferrer">
          Wikipedia: {e.wikipedia.replace(/_/g, ' ')}
        </a>
      )}
    </li>
  );
}

function clip(s: string): string {
  return s.length <= INTRO_CHARS ? s : `${s.slice(0, INTRO_CHARS).replace(/\s+\S*$/, '')}…`;
}

import type { Entity } from '../../lib/engine/types.ts';
import type { EntryView } from '../../lib/messaging/protocol.ts';
import { TYPE_LABEL } from '../shared/labels.ts';
import { asOfText, formatFactValue, isStale } from '../../lib/format/facts.ts';

export interface HoverCardProps {
  entity: Entity | null;
  entry: EntryView | undefined;
  /** Shown for a lookup of selected text. */
  fallbackName?: string;
  /** Where the card goes; maxHeight when it must be shorter than its content to stay off its word. */
  position: { left: number; top: number; maxHeight?: number } | null;
  onOpenInSidebar: () => void;
  onClose: () => void;
  /** How many top figures to show. */
  maxFacts?: number;
}

/** The compact card shown on dwell: name, description, two or three top figures, "open in sidebar". */
export function HoverCard({
  entity,
  entry,
  fallbackName,
  position,
  onOpenInSidebar,
  onClose,
  maxFacts = 3,
}: HoverCardProps) {
  const name = entry?.name ?? entity?.name ?? fallbackName ?? '';
  const type = entry?.type ?? entity?.type;
  return (
    <div
      class="card"
      role="dialog"
      aria-label={`Backstory: ${name}`}
      aria-modal="false"
      style={
        position
          ? {
              left: `${position.left}px`,
              top: `${position.top}px`,
              ...(position.maxHeight !== undefined && { maxHeight: `${position.maxHeight}px`, overflowY: 'auto' }),
            }
          : { visibility: 'hidden' }
      }
      data-testid="hover-card"
    >
      <div class="card-head">
        <strong class="card-name">{name}</strong>
        {type && <span class={`type type-${type}`}>{TYPE_LABEL[type]}</span>}
        <button type="button" class="icon" onClick={onClose} aria-label="Close card" tabIndex={-1}>
          ×
        </button>
      </div>
      {entity?.ambiguity?.weak && <p class="note weak">Uncertain: {entity.ambiguity.reason}</p>}
      {entry ? (
        <>
          <p class="card-desc">{entry.description}</p>
          {entry.facts.length > 0 && (
            <dl class="card-facts">
              {entry.facts.slice(0, maxFacts).map((f, i) => (
                <div key={i}>
                  <dt>{f.label}</dt>
                  <dd>
                    {formatFactValue(f)}
                    {asOfText(f) && <span class={isStale(f) ? 'asof stale' : 'asof'}> ({asOfText(f)})</span>}
                  </dd>
                </div>
              ))}
            </dl>
          )}
        </>
      ) : (
        <p class="card-desc">{entity?.id === null ? 'Not in the knowledge base.' : 'No entry found.'}</p>
      )}
      <button type="button" class="link open" onClick={onOpenInSidebar} tabIndex={-1}>
        Open in sidebar →
      </button>
    </div>
  );
}

import type { Entity } from '../../lib/engine/types.ts';
import type { EntryView } from '../../lib/messaging/protocol.ts';
import { TYPE_LABEL } from '../shared/labels.ts';
import { asOfText, formatFactValue, isStale } from '../../lib/format/facts.ts';
import { WithAside } from '../shared/FactText.tsx';
import type { OnlineView } from '../../lib/online/view.ts';
import { Attribution, WikidataNow } from '../sidebar/Online.tsx';

/** How much of a Wikipedia extract the card shows; the sidebar has all of it. */
const CARD_EXTRACT_CHARS = 220;

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
  /** What online mode found for this name. */
  online?: OnlineView;
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
  online,
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
                    <WithAside
                      value={formatFactValue(f)}
                      aside={asOfText(f)}
                      class={isStale(f) ? 'asof stale' : 'asof'}
                    />
                  </dd>
                </div>
              ))}
            </dl>
          )}
          <WikidataNow facts={entry.facts} view={online} />
        </>
      ) : online?.title ? (
        <div class="card-online" data-testid="card-online">
          {online.description && <p class="card-desc">{online.description}</p>}
          {online.extract && <p class="card-extract">{clip(online.extract)}</p>}
          <p class="card-source">
            <Attribution view={online} />
          </p>
        </div>
      ) : (
        <p class="card-desc">{entity?.id === null ? 'Not in the knowledge base.' : 'No entry found.'}</p>
      )}
      <button type="button" class="link open" onClick={onOpenInSidebar} tabIndex={-1}>
        Open in sidebar →
      </button>
    </div>
  );
}

function clip(s: string): string {
  return s.length <= CARD_EXTRACT_CHARS ? s : `${s.slice(0, CARD_EXTRACT_CHARS).replace(/\s+\S*$/, '')}…`;
}

/**
 * Online mode in the sidebar and the card (issue 17): the one-line offer, the quiet note, and
 * what Wikipedia and Wikidata said about a name — its summary with "From Wikipedia · CC BY-SA ·
 * fetched 2 min ago", Wikidata figures cited as Wikidata statements, and "Wikidata now says …"
 * where a curated office or count disagrees. Every string from the APIs is rendered as text.
 * No thumbnail: loading it would make the page ask upload.wikimedia.org (ADR 11).
 */
import type { OnlineState } from './state.ts';
import type { Fact } from '../../lib/kb/schema.ts';
import { WHAT_IS_SENT } from '../../lib/online/permissions.ts';
import { disagreements } from '../../lib/online/disagree.ts';
import { fetchedAgo, fetchedOn, type OnlineView } from '../../lib/online/view.ts';
import { asOfText, formatDate, formatFactValue } from '../../lib/format/facts.ts';
import { safeHref } from '../shared/labels.ts';
import { WithAside } from '../shared/FactText.tsx';

export const CC_BY_SA = 'https://creativecommons.org/licenses/by-sa/4.0/';

/** The offer (mode off, names unknown), "looking up…", and the quiet note after a failure. */
export function OnlineBar({ online, onAccept }: { online: OnlineState | null; onAccept: () => void }) {
  if (!online) return null;
  const n = online.unknownCount;
  return (
    <>
      {online.status === 'off' && n > 0 && (
        <div class="online-offer" data-testid="online-offer">
          <p>
            Look up {n} {n === 1 ? 'name' : 'names'} on Wikipedia?{' '}
            <button type="button" class="link" onClick={onAccept}>
              Look up
            </button>
          </p>
          <p class="hint">{WHAT_IS_SENT}</p>
        </div>
      )}
      {online.pending && (
        <p class="status online-pending" role="status">
          Looking names up on Wikipedia…
        </p>
      )}
      {online.note && (
        <p class="online-note" data-testid="online-note">
          {online.note}
        </p>
      )}
    </>
  );
}

/** "From Wikipedia · CC BY-SA · fetched 2 min ago", with links to the article and the licence. */
export function Attribution({ view, now }: { view: OnlineView; now?: Date }) {
  const href = safeHref(view.url);
  return (
    <span class="attribution" data-testid="online-attribution">
      From{' '}
      {href ? (
        <a href={href} target="_blank" rel="noopener noreferrer">
          Wikipedia
        </a>
      ) : (
        'Wikipedia'
      )}{' '}
      ·{' '}
      <a href={CC_BY_SA} target="_blank" rel="noopener noreferrer">
        CC BY-SA
      </a>{' '}
      · {fetchedAgo(view.fetched, now)}
    </span>
  );
}

/** One Wikidata figure: value with unit, as of, and "Source: Wikidata statement · retrieved …". */
function WikidataFact({ fact }: { fact: Fact }) {
  const when = asOfText(fact);
  const href = safeHref(fact.source.url);
  return (
    <div>
      <dt>{fact.label}</dt>
      <dd class="fact-value">
        <WithAside
          value={
            typeof fact.value === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(fact.value)
              ? formatDate(fact.value)
              : formatFactValue(fact)
          }
          aside={fact.note}
          class="fact-note"
        />
      </dd>
      <dd class="fact-source">
        {when && <span class="asof">{when} · </span>}
        Source:{' '}
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer" title={fact.source.title}>
            Wikidata statement
          </a>
        ) : (
          'Wikidata statement'
        )}
        {fact.source.retrieved && <span class="retrieved"> · retrieved {formatDate(fact.source.retrieved)}</span>}
      </dd>
    </div>
  );
}

/** For a name the knowledge base lacks: the summary, its figures, or the articles it may mean. */
export function OnlineSummary({ view, now }: { view: OnlineView; now?: Date }) {
  if (!view.title)
    return view.choices.length ? (
      <div class="online" data-testid="online-choices">
        <p>Wikipedia has several articles this name may mean:</p>
        <ul>
          {view.choices.map((c) => (
            <li key={c.title}>
              <a href={safeHref(c.url)} target="_blank" rel="noopener noreferrer">
                {c.title}
              </a>
              {c.description && <span class="muted"> — {c.description}</span>}
            </li>
          ))}
        </ul>
      </div>
    ) : null;
  return (
    <section class="online" data-testid="online-summary" aria-label="From Wikipedia">
      {view.description && <p class="description">{view.description}</p>}
      {view.extract && <p class="summary">{view.extract}</p>}
      <p class="online-source">
        <Attribution view={view} now={now} />
      </p>
      {view.facts.length > 0 && (
        <section aria-labelledby="bs-wikidata-title">
          <h3 id="bs-wikidata-title" class="facts-title">
            Figures from Wikidata
          </h3>
          <dl class="facts">
            {view.facts.map((f, i) => (
              <WikidataFact key={i} fact={f} />
            ))}
          </dl>
        </section>
      )}
    </section>
  );
}

/** For a curated entry: each volatile fact Wikidata now contradicts, both shown. */
export function WikidataNow({ facts, view, now }: { facts: Fact[]; view: OnlineView | undefined; now?: Date }) {
  if (!view?.facts.length) return null;
  const diffs = disagreements(facts, view.facts, view.fetched);
  if (!diffs.length) return null;
  const href = safeHref(view.facts.find((f) => f.kind === 'office' || f.kind === 'count')?.source.url);
  return (
    <div class="wikidata-now" data-testid="wikidata-now">
      {diffs.map((d, i) => (
        <p key={i} class="note">
          {d.label}: Wikidata now says {d.wikidata}, {fetchedOn(d.fetched, now)}
          {href && (
            <>
              {' '}
              (
              <a href={href} target="_blank" rel="noopener noreferrer">
                Wikidata statement
              </a>
              )
            </>
          )}
          ; Backstory’s entry says {d.curated}.
        </p>
      ))}
    </div>
  );
}

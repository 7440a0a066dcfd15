/**
 * The reading trail in the sidebar (issue 19): the one-line offer to turn it on, then for
 * each entity of this article the other articles the reader read that name it, and the
 * coverage comparison (which core entities each recent article on the story names, and the
 * figures that differ, each with its sentence). Links open the articles in a new tab.
 */
import { useState } from 'preact/hooks';
import type { CoverageComparison, EntityTrail, TrailView } from '../../lib/trail/types.ts';

export interface TrailPanelProps {
  view: TrailView;
  onOffer(accept: boolean): void;
  onOpenTrail(): void;
  onDeleteTrail(): void;
}

/** "in 4 other articles you read (Reuters, Dawn, The Diplomat)". */
export function otherArticlesLine(t: EntityTrail): string {
  const n = t.articles.length;
  return `in ${n} other article${n === 1 ? '' : 's'} you read (${t.outlets.join(', ')})`;
}

export function TrailPanel({ view, onOffer, onOpenTrail, onDeleteTrail }: TrailPanelProps) {
  const [confirming, setConfirming] = useState(false);
  if (view.offer)
    return (
      <p class="trail-offer" data-testid="trail-offer">
        Keep a private reading trail on this device, to see names and figures across the articles you read?{' '}
        <button type="button" class="link" onClick={() => onOffer(true)}>
          Turn it on
        </button>{' '}
        <button type="button" class="link" onClick={() => onOffer(false)}>
          No thanks
        </button>
      </p>
    );
  if (!view.enabled) return null;
  return (
    <section class="trail" aria-labelledby="bs-trail-title" data-testid="trail">
      <h2 id="bs-trail-title">Across your reading</h2>
      {view.entities.length === 0 && (
        <p class="sentence">No other article in your reading trail names these entities yet.</p>
      )}
      {view.entities.length > 0 && (
        <ul class="trail-entities">
          {view.entities.map((t) => (
            <li key={t.key} data-entity={t.key}>
              <strong>{t.name}</strong> <span class="trail-count">{otherArticlesLine(t)}</span>
              <ul>
                {t.articles.slice(0, 5).map((a) => (
                  <li key={a.url}>
                    <a href={a.url} target="_blank" rel="noopener noreferrer">
                      {a.title || a.url}
                    </a>{' '}
                    <span class="sentence">({a.outlet})</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {view.comparison && <Comparison c={view.comparison} />}
      <p class="trail-foot">
        {view.recorded ? 'This article is in your reading trail' : 'This article is not recorded'} ({view.stored}{' '}
        {view.stored === 1 ? 'article' : 'articles'} kept on this device).{' '}
        <button type="button" class="link" onClick={onOpenTrail}>
          Open the trail
        </button>{' '}
        {confirming ? (
          <button
            type="button"
            class="link"
            onClick={() => {
              setConfirming(false);
              onDeleteTrail();
            }}
          >
            Yes, delete every article
          </button>
        ) : (
          view.stored > 0 && (
            <button type="button" class="link" onClick={() => setConfirming(true)}>
              Delete the trail
            </button>
          )
        )}
      </p>
    </section>
  );
}

function Comparison({ c }: { c: CoverageComparison }) {
  return (
    <div class="coverage" data-testid="coverage">
      <h3>Coverage of this story, last 14 days</h3>
      <div class="coverage-scroll">
        <table>
          <caption class="sr-only">Which of the story's main entities each article names</caption>
          <thead>
            <tr>
              <th scope="col">Entity</th>
              {c.articles.map((a) => (
                <th scope="col" key={a.url} title={a.title}>
                  {a.current ? 'This article' : a.outlet}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {c.core.map((e) => (
              <tr key={e.key}>
                <th scope="row">{e.name}</th>
                {c.articles.map((a) => (
                  <td key={a.url}>{a.names.includes(e.name) ? '✓' : '—'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {c.differences.length > 0 && (
        <>
          <h3>Figures that differ</h3>
          <ul class="differences">
            {c.differences.map((d) => (
              <li key={`${d.key}|${d.unit}`} data-testid="difference">
                <strong>{d.name}</strong> ({d.unit}s)
                <ul>
                  {d.figures.map((f, i) => (
                    <li key={i}>
                      <strong>{f.text}</strong> — {f.outlet}
                      <p class="sentence">{f.sentence}</p>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

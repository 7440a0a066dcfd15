/**
 * The reading trail page (issue 19): every article the trail keeps, newest first, with a
 * search; export as JSON or CSV; delete one article, every article of one site, or all.
 * Talks to the background through the `send` it is given (opt/trail-… messages).
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { Send } from '../../lib/messaging/client.ts';
import type { TrailSummary } from '../../lib/trail/types.ts';

export interface TrailPageProps {
  send: Send;
  download: (filename: string, text: string) => void;
}

type Confirm = { scope: 'all' } | { scope: 'site'; outlet: string } | null;

export function TrailPage({ send, download }: TrailPageProps) {
  const [articles, setArticles] = useState<TrailSummary[] | null>(null);
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState('');
  const [confirm, setConfirm] = useState<Confirm>(null);

  const refresh = useCallback(async () => {
    const r = await send('opt/trail-list', { query });
    if (r.ok) setArticles(r.value.articles);
    else setMessage(r.error);
  }, [send, query]);
  useEffect(() => void refresh(), [refresh]);

  const remove = async (
    payload: { scope: 'all' } | { scope: 'site'; outlet: string } | { scope: 'article'; url: string },
    done: string,
  ) => {
    const r = await send('opt/trail-delete', payload);
    setMessage(r.ok ? done : r.error);
    setConfirm(null);
    await refresh();
  };

  const exportAs = async (format: 'json' | 'csv') => {
    const r = await send('opt/trail-export', { format });
    if (!r.ok) return setMessage(r.error);
    download(r.value.filename, r.value.text);
    setMessage(`Exported as ${r.value.filename}.`);
  };

  const outlets = [...new Set((articles ?? []).map((a) => a.outlet))];
  return (
    <div class="opt-root">
      <header class="opt-head">
        <span class="logo" aria-hidden="true">
          B
        </span>
        <h1>Your reading trail</h1>
      </header>
      <main>
        <p class="hint">
          Kept on this device only, in Backstory's own storage: for each article Backstory read while the trail was on,
          its title, site, address, the date, the names it found and the figures about them. Nothing here leaves your
          browser unless you export it.
        </p>
        <div class="sr-only" role="status" aria-live="polite" data-testid="trail-status">
          {message}
        </div>
        {message && <p class="status">{message}</p>}
        <section class="section" aria-label="Search and export">
          <label for="trail-search">Search the trail</label>{' '}
          <input
            id="trail-search"
            type="search"
            value={query}
            onInput={(e) => setQuery((e.currentTarget as HTMLInputElement).value)}
          />{' '}
          <button type="button" class="button" onClick={() => void exportAs('json')}>
            Export JSON
          </button>{' '}
          <button type="button" class="button" onClick={() => void exportAs('csv')}>
            Export CSV
          </button>{' '}
          {confirm?.scope === 'all' ? (
            <>
              <button
                type="button"
                class="button danger"
                onClick={() => void remove({ scope: 'all' }, 'Trail deleted.')}
              >
                Yes, delete every article
              </button>{' '}
              <button type="button" class="button" onClick={() => setConfirm(null)}>
                Keep them
              </button>
            </>
          ) : (
            <button type="button" class="button danger" onClick={() => setConfirm({ scope: 'all' })}>
              Delete all
            </button>
          )}
        </section>
        {articles === null && <p class="status">Loading the trail…</p>}
        {articles?.length === 0 && (
          <p class="status" data-testid="trail-empty">
            {query ? 'No article in the trail matches.' : 'Your reading trail is empty.'}
          </p>
        )}
        {outlets.length > 0 && (
          <section class="section" aria-labelledby="trail-sites-h">
            <h2 id="trail-sites-h">Sites</h2>
            <ul class="trail-sites">
              {outlets.map((o) => (
                <li key={o}>
                  {o} ({articles!.filter((a) => a.outlet === o).length}){' '}
                  {confirm?.scope === 'site' && confirm.outlet === o ? (
                    <button
                      type="button"
                      class="button danger"
                      onClick={() => void remove({ scope: 'site', outlet: o }, `Articles from ${o} deleted.`)}
                    >
                      Yes, delete {o}'s articles
                    </button>
                  ) : (
                    <button type="button" class="button" onClick={() => setConfirm({ scope: 'site', outlet: o })}>
                      Delete this site's articles
                    </button>
                  )}
                </li>
              ))}
            </ul>
          </section>
        )}
        {articles && articles.length > 0 && (
          <section class="section" aria-labelledby="trail-list-h">
            <h2 id="trail-list-h">Articles ({articles.length})</h2>
            <ul class="trail-articles" data-testid="trail-articles">
              {articles.map((a) => (
                <li key={a.url}>
                  <a href={a.url} target="_blank" rel="noopener noreferrer">
                    {a.title || a.url}
                  </a>{' '}
                  <span class="hint">
                    {a.outlet}, {new Date(a.readAt).toLocaleDateString()}: {a.names.join(', ')}
                    {a.entities > a.names.length ? '…' : ''}
                  </span>{' '}
                  <button
                    type="button"
                    class="button"
                    aria-label={`Delete “${a.title || a.url}” from the trail`}
                    onClick={() => void remove({ scope: 'article', url: a.url }, 'Article deleted.')}
                  >
                    Delete
                  </button>
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </div>
  );
}

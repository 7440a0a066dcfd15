import { useState } from 'preact/hooks';
import type { SitePolicy } from '../../lib/storage/settings.ts';
import { normalizeHost, sortedSites, type OptionsState } from './state.ts';
import { LOCKED_TEXT } from './ManagedSection.tsx';

export interface SitesSectionProps {
  sites: OptionsState['sites'];
  onSetSite: (host: string, policy: SitePolicy) => void;
  /** Hosts a school's policy fixes: shown without controls. */
  managed?: string[];
}

const POLICY_LABEL: Record<'always' | 'never', string> = {
  always: 'Always run',
  never: 'Never run',
};

export function SitesSection({ sites, onSetSite, managed = [] }: SitesSectionProps) {
  const [host, setHost] = useState('');
  const [policy, setPolicy] = useState<'always' | 'never'>('never');
  const [error, setError] = useState<string | null>(null);
  const list = sortedSites(sites);

  const onAdd = (ev: Event) => {
    ev.preventDefault();
    const r = normalizeHost(host);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    setHost('');
    onSetSite(r.host, policy);
  };

  return (
    <section class="section" aria-labelledby="opt-sites-h">
      <h2 id="opt-sites-h">Sites</h2>
      <p class="hint">
        By default Backstory reads pages that look like articles. “Always run” makes it read every page of a site;
        “Never run” keeps it off the site entirely. A choice for <code>example.com</code> also covers{' '}
        <code>www.example.com</code>.
      </p>
      {list.length === 0 ? (
        <p class="empty">No sites have their own setting yet.</p>
      ) : (
        <table class="sites">
          <caption class="sr-only">Sites with their own setting</caption>
          <thead>
            <tr>
              <th scope="col">Site</th>
              <th scope="col">Backstory on this site</th>
              <th scope="col">
                <span class="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map(([h, p]) => (
              <tr key={h}>
                <th scope="row" class="host">
                  {h}
                </th>
                {managed.includes(h) ? (
                  <>
                    <td>{POLICY_LABEL[p]}</td>
                    <td class="hint locked">{LOCKED_TEXT}</td>
                  </>
                ) : (
                  <SiteControls host={h} policy={p} onSetSite={onSetSite} />
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <form class="add-site" onSubmit={onAdd} noValidate>
        <fieldset>
          <legend>Add a site</legend>
          <div class="row">
            <div class="field">
              <label for="opt-new-host">Site</label>
              <input
                id="opt-new-host"
                type="text"
                inputMode="url"
                autoComplete="off"
                spellcheck={false}
                placeholder="example.com"
                value={host}
                aria-invalid={error ? 'true' : undefined}
                aria-describedby={error ? 'opt-new-host-error' : undefined}
                onInput={(e) => setHost(e.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for="opt-new-policy">Backstory on this site</label>
              <select
                id="opt-new-policy"
                value={policy}
                onChange={(e) => setPolicy(e.currentTarget.value as 'always' | 'never')}
              >
                <option value="always">{POLICY_LABEL.always}</option>
                <option value="never">{POLICY_LABEL.never}</option>
              </select>
            </div>
            <button type="submit" class="button primary">
              Add site
            </button>
          </div>
          {error && (
            <p class="field-error" id="opt-new-host-error">
              {error}
            </p>
          )}
        </fieldset>
      </form>
    </section>
  );
}

function SiteControls({
  host: h,
  policy: p,
  onSetSite,
}: {
  host: string;
  policy: 'always' | 'never';
  onSetSite: SitesSectionProps['onSetSite'];
}) {
  return (
    <>
      <td>
        <label class="sr-only" for={`opt-site-${h}`}>
          Backstory on {h}
        </label>
        <select
          id={`opt-site-${h}`}
          value={p}
          onChange={(e) => onSetSite(h, e.currentTarget.value as 'always' | 'never')}
        >
          <option value="always">{POLICY_LABEL.always}</option>
          <option value="never">{POLICY_LABEL.never}</option>
        </select>
      </td>
      <td>
        <button type="button" class="button" onClick={() => onSetSite(h, 'default')}>
          Remove<span class="sr-only"> {h}</span>
        </button>
      </td>
    </>
  );
}

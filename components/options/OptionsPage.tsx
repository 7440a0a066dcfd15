import type { Settings, SitePolicy } from '../../lib/storage/settings.ts';
import type { OptionsState } from './state.ts';
import { SettingsSection } from './SettingsSection.tsx';
import { SitesSection } from './SitesSection.tsx';
import { PacksSection } from './PacksSection.tsx';
import { AboutSection } from './AboutSection.tsx';
import { ManagedSection } from './ManagedSection.tsx';
import { TrailSettings } from '../trail/TrailSettings.tsx';

export interface OptionsPageProps {
  state: OptionsState;
  version: string;
  onSaveSettings: (patch: Partial<Settings>) => void;
  onSetSite: (host: string, policy: SitePolicy) => void;
  onImportFile: (file: File) => void;
  onExportPack: (id: string) => void;
  onSetPackEnabled: (id: string, enabled: boolean) => void;
  onAskDelete: (id: string | null) => void;
  onDeletePack: (id: string) => void;
  onDismissError: () => void;
  onRetryLoad: () => void;
  /** Online mode's switch: asks the browser for access, then saves (OnlineSettings.tsx). */
  onSetOnline?: (on: boolean) => void;
  onlineNote?: string | null;
}

const SECTIONS = [
  ['opt-settings-h', 'Reading and highlighting'],
  ['opt-sites-h', 'Sites'],
  ['opt-packs-h', 'Knowledge packs'],
  ['opt-trail-h', 'Reading trail'],
  ['opt-about-h', 'About and privacy'],
] as const;

/** The whole options page: presentational, state in, callbacks out. */
export function OptionsPage(props: OptionsPageProps) {
  const { state } = props;
  const theme = state.settings?.theme ?? 'system';
  return (
    <div class="opt-root" data-theme={theme === 'system' ? undefined : theme}>
      <header class="opt-head">
        <span class="logo" aria-hidden="true">
          B
        </span>
        <h1>Backstory options</h1>
      </header>
      <nav aria-label="Sections" class="toc">
        <ul>
          {SECTIONS.filter(([id]) => state.settings || id === 'opt-about-h').map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="sr-only" role="status" aria-live="polite" data-testid="announcer">
        <span key={state.announcement.seq}>{state.announcement.text}</span>
      </div>
      <main>
        {state.error && (
          <div class="status error banner" role="alert">
            <p>{state.error}</p>
            <button type="button" class="button" onClick={props.onDismissError}>
              Dismiss
            </button>
          </div>
        )}
        {state.settings?.paused && (
          <p class="status paused">
            Backstory is paused: it reads no page on its own until you switch the pause off below.
          </p>
        )}
        {state.load.kind === 'loading' && !state.settings && (
          <p class="status" role="status">
            Loading your settings…
          </p>
        )}
        {state.load.kind === 'failed' && (
          <div class="status error" role="alert">
            <p>Your settings could not be loaded: {state.load.message}</p>
            <button type="button" class="button" onClick={props.onRetryLoad}>
              Try again
            </button>
          </div>
        )}
        {state.settings && (
          <>
            {state.managed && <ManagedSection managed={state.managed} />}
            <SettingsSection
              settings={state.settings}
              onSave={props.onSaveSettings}
              locked={new Set(state.managed?.locked ?? [])}
              onSetOnline={props.onSetOnline}
              onlineNote={props.onlineNote}
            />
            <SitesSection sites={state.sites} onSetSite={props.onSetSite} managed={state.managed?.sites} />
            <PacksSection
              packs={state.packs}
              managed={state.managed?.packs}
              importStatus={state.import}
              confirmDelete={state.confirmDelete}
              onImportFile={props.onImportFile}
              onExport={props.onExportPack}
              onSetEnabled={props.onSetPackEnabled}
              onAskDelete={props.onAskDelete}
              onDelete={props.onDeletePack}
            />
            <TrailSettings settings={state.settings} onSave={props.onSaveSettings} locked={state.managed?.locked} />
          </>
        )}
        <AboutSection version={props.version} />
      </main>
    </div>
  );
}

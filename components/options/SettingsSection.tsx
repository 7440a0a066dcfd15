import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../../lib/storage/settings.ts';
import { HIGHLIGHTABLE } from '../../lib/storage/settings.ts';
import type { EntityType } from '../../lib/kb/schema.ts';
import { TYPE_LABEL } from '../shared/labels.ts';
import { DELAY_MAX, DELAY_MIN, parseDelay } from './state.ts';
import { LOCKED_TEXT, LockedHint, lockAttrs } from './ManagedSection.tsx';
import { OnlineSwitch } from './OnlineSettings.tsx';

export interface SettingsSectionProps {
  settings: Settings;
  onSave: (patch: Partial<Settings>) => void;
  /** Settings a school's policy locks: their controls are disabled and say so. */
  locked?: ReadonlySet<string>;
  /** Online mode's switch (OnlineSettings.tsx): asks the browser, then saves. */
  onSetOnline?: (on: boolean) => void;
  onlineNote?: string | null;
}

/** What each entity type covers, so the checkboxes say more than one word. */
const TYPE_HINT: Record<EntityType, string> = {
  organization: 'alliances, ministries, companies, parties',
  person: 'leaders, officials, public figures',
  country: 'states',
  place: 'cities, regions, seas, mountains',
  initiative: 'programmes, policies, treaties',
  event: 'summits, wars, elections',
  group: 'peoples and movements',
  concept: 'ideas and terms',
};

const NOTHING_LOCKED: ReadonlySet<string> = new Set();

export function SettingsSection({
  settings,
  onSave,
  locked = NOTHING_LOCKED,
  onSetOnline,
  onlineNote = null,
}: SettingsSectionProps) {
  const toggleType = (type: EntityType, on: boolean) => {
    const set = new Set(settings.highlightTypes);
    if (on) set.add(type);
    else set.delete(type);
    // Keep the canonical order, so the stored list does not depend on click order.
    onSave({ highlightTypes: HIGHLIGHTABLE.filter((t) => set.has(t)) });
  };

  return (
    <section class="section" aria-labelledby="opt-settings-h">
      <h2 id="opt-settings-h">Reading and highlighting</h2>
      <p class="hint">Changes are saved as soon as you make them and apply to pages you open next.</p>

      <fieldset>
        <legend>Pause</legend>
        <div class="check">
          <input
            id="opt-paused"
            type="checkbox"
            checked={settings.paused}
            aria-describedby="opt-paused-hint"
            onChange={(e) => onSave({ paused: e.currentTarget.checked })}
          />
          <label for="opt-paused">Pause Backstory everywhere</label>
        </div>
        <p class="hint" id="opt-paused-hint">
          While paused, Backstory reads no page on its own. The toolbar button, the keyboard shortcut and “Look up in
          Backstory” still work when you use them.
        </p>
      </fieldset>

      <OnlineSwitch
        settings={settings}
        locked={locked}
        note={onlineNote}
        onSet={onSetOnline ?? ((on) => onSave({ onlineMode: on }))}
      />

      <fieldset>
        <legend>On article pages</legend>
        <LockedHint locked={locked} k="autoOpenSidebar" />
        <div class="radio">
          <input
            id="opt-auto-open"
            type="radio"
            name="opt-auto-open"
            checked={settings.autoOpenSidebar}
            {...lockAttrs(locked, 'autoOpenSidebar')}
            onChange={() => onSave({ autoOpenSidebar: true })}
          />
          <label for="opt-auto-open">Open the sidebar automatically</label>
        </div>
        <div class="radio">
          <input
            id="opt-auto-highlight"
            type="radio"
            name="opt-auto-open"
            checked={!settings.autoOpenSidebar}
            {...lockAttrs(locked, 'autoOpenSidebar')}
            onChange={() => onSave({ autoOpenSidebar: false })}
          />
          <label for="opt-auto-highlight">Only highlight names; open the sidebar when I ask</label>
        </div>
      </fieldset>

      <fieldset>
        <legend>Highlights</legend>
        <div class="check">
          <input
            id="opt-highlights"
            type="checkbox"
            checked={settings.highlights}
            {...lockAttrs(locked, 'highlights')}
            onChange={(e) => onSave({ highlights: e.currentTarget.checked })}
          />
          <label for="opt-highlights">Highlight the names Backstory knows in the article</label>
        </div>
        <LockedHint locked={locked} k="highlights" />
        <fieldset class="nested">
          <legend>Highlight style</legend>
          <LockedHint locked={locked} k="highlightStyle" />
          <div class="radio">
            <input
              id="opt-style-underline"
              type="radio"
              name="opt-style"
              checked={settings.highlightStyle === 'underline'}
              {...lockAttrs(locked, 'highlightStyle')}
              onChange={() => onSave({ highlightStyle: 'underline' })}
            />
            <label for="opt-style-underline">
              <span class="sample sample-underline">Underline</span>
            </label>
          </div>
          <div class="radio">
            <input
              id="opt-style-background"
              type="radio"
              name="opt-style"
              checked={settings.highlightStyle === 'background'}
              {...lockAttrs(locked, 'highlightStyle')}
              onChange={() => onSave({ highlightStyle: 'background' })}
            />
            <label for="opt-style-background">
              <span class="sample sample-background">Background colour</span>
            </label>
          </div>
        </fieldset>
        <fieldset class="nested">
          <legend>Types of names to highlight</legend>
          <LockedHint locked={locked} k="highlightTypes" />
          <ul class="types">
            {HIGHLIGHTABLE.map((t) => (
              <li key={t} class="check">
                <input
                  id={`opt-type-${t}`}
                  type="checkbox"
                  checked={settings.highlightTypes.includes(t)}
                  {...lockAttrs(locked, 'highlightTypes')}
                  onChange={(e) => toggleType(t, e.currentTarget.checked)}
                />
                <label for={`opt-type-${t}`}>
                  {TYPE_LABEL[t]} <span class="muted">({TYPE_HINT[t]})</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </fieldset>

      <fieldset>
        <legend>Hover cards</legend>
        <p class="hint">
          How long the pointer rests on a highlighted name before its card appears, and how long the card stays after
          the pointer leaves.
        </p>
        <div class="delays">
          <DelayInput
            id="opt-show-delay"
            label="Show after (milliseconds)"
            value={settings.hoverShowDelay}
            locked={locked.has('hoverShowDelay')}
            onCommit={(v) => onSave({ hoverShowDelay: v })}
          />
          <DelayInput
            id="opt-hide-delay"
            label="Hide after (milliseconds)"
            value={settings.hoverHideDelay}
            locked={locked.has('hoverHideDelay')}
            onCommit={(v) => onSave({ hoverHideDelay: v })}
          />
        </div>
      </fieldset>

      <fieldset>
        <legend>Theme</legend>
        <LockedHint locked={locked} k="theme" />
        {(
          [
            ['system', 'Same as the system'],
            ['light', 'Light'],
            ['dark', 'Dark'],
          ] as const
        ).map(([value, label]) => (
          <div class="radio" key={value}>
            <input
              id={`opt-theme-${value}`}
              type="radio"
              name="opt-theme"
              checked={settings.theme === value}
              {...lockAttrs(locked, 'theme')}
              onChange={() => onSave({ theme: value })}
            />
            <label for={`opt-theme-${value}`}>{label}</label>
          </div>
        ))}
      </fieldset>
    </section>
  );
}

interface DelayInputProps {
  id: string;
  label: string;
  value: number;
  onCommit: (value: number) => void;
  locked?: boolean;
}

/** A number field that saves when the user leaves it or presses Enter, and only a valid value. */
function DelayInput({ id, label, value, onCommit, locked }: DelayInputProps) {
  const [draft, setDraft] = useState(String(value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(String(value));
    setError(null);
  }, [value]);

  const commit = (text: string) => {
    const r = parseDelay(text);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(null);
    if (r.value !== value) onCommit(r.value);
  };

  const errorId = `${id}-error`;
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="number"
        inputMode="numeric"
        min={DELAY_MIN}
        max={DELAY_MAX}
        step={50}
        value={draft}
        aria-invalid={error ? 'true' : undefined}
        disabled={locked}
        aria-disabled={locked ? 'true' : undefined}
        aria-describedby={[error ? errorId : '', locked ? `${id}-locked` : ''].filter(Boolean).join(' ') || undefined}
        onInput={(e) => setDraft(e.currentTarget.value)}
        onChange={(e) => commit(e.currentTarget.value)}
      />
      {locked && (
        <p class="hint locked" id={`${id}-locked`}>
          {LOCKED_TEXT}
        </p>
      )}
      {error && (
        <p class="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

/**
 * Online mode's switch on the options page (issue 17): off until the reader turns it on, with
 * the one sentence saying exactly what is sent and to whom. Turning it on asks the browser for
 * access to Wikipedia and Wikidata from the click itself; refused, the mode stays off with a
 * quiet note. A school's policy can lock it (lockAttrs). The sidebar's offer opens this page
 * here (#opt-online) when the browser must be asked.
 */
import type { Settings } from '../../lib/storage/settings.ts';
import { WHAT_IS_SENT } from '../../lib/online/permissions.ts';
import { LockedHint, lockAttrs } from './ManagedSection.tsx';

/** What the browser is asked: the optional host permissions of online mode (entrypoints/options/main.tsx). */
export interface OnlinePermissions {
  request(): Promise<boolean>;
  remove(): Promise<boolean>;
}

export const REFUSED_NOTE = 'Your browser did not give Backstory access to Wikipedia, so online mode stays off.';

export interface OnlineSwitchProps {
  settings: Settings;
  locked: ReadonlySet<string>;
  /** The quiet note after a refusal, or null. */
  note: string | null;
  onSet: (on: boolean) => void;
}

export function OnlineSwitch({ settings, locked, note, onSet }: OnlineSwitchProps) {
  return (
    <fieldset id="opt-online">
      <legend>Online mode</legend>
      <LockedHint locked={locked} k="onlineMode" />
      <div class="check">
        <input
          id="opt-online-mode"
          type="checkbox"
          checked={settings.onlineMode}
          {...lockAttrs(locked, 'onlineMode', 'opt-online-hint')}
          onChange={(e) => {
            const want = e.currentTarget.checked;
            // The box shows the saved setting only: it ticks once the browser has said yes.
            e.currentTarget.checked = settings.onlineMode;
            onSet(want);
          }}
        />
        <label for="opt-online-mode">Look up names Backstory does not know on Wikipedia and Wikidata</label>
      </div>
      <p class="hint" id="opt-online-hint">
        {WHAT_IS_SENT} Names are looked up when an article is read, at most once a week each; the answers are kept in
        this browser and deleted when you turn this off. Never on sites set to “Never”.
      </p>
      {note && (
        <p class="hint" role="status" data-testid="online-refused">
          {note}
        </p>
      )}
    </fieldset>
  );
}

/**
 * The switch's behaviour. The permission request starts in the click's own task (browsers
 * refuse it otherwise); the setting is saved only once it is granted. Turning off saves first,
 * then gives the permission back. Resolves to whether the mode is on.
 */
export function setOnline(
  on: boolean,
  deps: {
    permissions: OnlinePermissions | undefined;
    save: (patch: Partial<Settings>) => Promise<void>;
    setNote: (note: string | null) => void;
  },
): Promise<boolean> {
  const { permissions, save, setNote } = deps;
  if (!on) {
    setNote(null);
    return save({ onlineMode: false }).then(async () => {
      await permissions?.remove().catch(() => false);
      return false;
    });
  }
  const asked = permissions ? permissions.request() : Promise.resolve(true);
  return asked
    .catch(() => false)
    .then(async (granted) => {
      if (!granted) {
        setNote(REFUSED_NOTE);
        return false;
      }
      setNote(null);
      await save({ onlineMode: true });
      return true;
    });
}

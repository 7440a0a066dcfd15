/**
 * The reading trail's settings on the options page: on/off (off until the reader turns it
 * on), how long records are kept, and a link to the trail page. Shown as the school's
 * when a managed policy locks them.
 */
import type { Settings } from '../../lib/storage/settings.ts';
import { LockedHint, lockAttrs } from '../options/ManagedSection.tsx';

export interface TrailSettingsProps {
  settings: Settings;
  onSave: (patch: Partial<Settings>) => void;
  /** Settings a school's policy fixes (the controls are disabled). */
  locked?: readonly string[];
}

export function TrailSettings({ settings, onSave, locked: lockedList = [] }: TrailSettingsProps) {
  // Locked controls are disabled and say who set them, as on the rest of the options page.
  const locked = new Set<string>(lockedList);
  return (
    <section class="section" aria-labelledby="opt-trail-h">
      <h2 id="opt-trail-h">Reading trail</h2>
      <LockedHint locked={locked} k="readingTrail" />
      <div class="check">
        <input
          id="opt-trail"
          type="checkbox"
          checked={settings.readingTrail}
          {...lockAttrs(locked, 'readingTrail', 'opt-trail-hint')}
          onChange={(e) => onSave({ readingTrail: e.currentTarget.checked })}
        />
        <label for="opt-trail">Keep a reading trail on this device</label>
      </div>
      <p class="hint" id="opt-trail-hint">
        For each article Backstory reads, the trail keeps its title, site, address, the date, the names found and the
        figures about them, in this browser only, so the sidebar can show where else you met a name and how other sites
        covered the story. Never for sites set to “Never” or in private windows.
      </p>
      <LockedHint locked={locked} k="trailRetentionDays" />
      <label for="opt-trail-days">Keep articles for (days)</label>{' '}
      <input
        id="opt-trail-days"
        type="number"
        min={1}
        max={3650}
        value={settings.trailRetentionDays}
        {...lockAttrs(locked, 'trailRetentionDays')}
        onChange={(e) => {
          const days = Math.round(Number(e.currentTarget.value));
          if (days >= 1 && days <= 3650) onSave({ trailRetentionDays: days });
        }}
      />{' '}
      <a href="/trail.html">Open the reading trail</a>
    </section>
  );
}

/**
 * What a school's policy sets (lib/storage/managed.ts), on the options page: a notice at the top
 * naming each locked setting with its value, the school's sites and packs, and, for the
 * administrator, what in the policy was not applied. The controls of locked settings are
 * disabled where they stand (lockAttrs, LockedHint), described by the same words.
 */
import type { ManagedView } from '../../lib/storage/managed.ts';
import { SETTING_LABEL, type ManageableSetting } from '../../lib/storage/managed.ts';
import type { Settings } from '../../lib/storage/settings.ts';
import type { EntityType } from '../../lib/kb/schema.ts';
import { TYPE_LABEL } from '../shared/labels.ts';

export const LOCKED_TEXT = 'Set by your school or administrator.';

export const lockedHintId = (key: string) => `opt-locked-${key}`;

/**
 * Attributes for the control of `key`: when the policy locks it, disabled (aria-disabled too,
 * for assistive technology that reads only ARIA) and described by its "Set by your school" line.
 */
export function lockAttrs(locked: ReadonlySet<string>, key: ManageableSetting, describedBy?: string) {
  if (!locked.has(key)) return describedBy ? { 'aria-describedby': describedBy } : {};
  return {
    disabled: true,
    'aria-disabled': 'true' as const,
    'aria-describedby': [lockedHintId(key), describedBy].filter(Boolean).join(' '),
  };
}

/** The "Set by your school or administrator." line a locked control is described by. */
export function LockedHint({ locked, k }: { locked: ReadonlySet<string>; k: ManageableSetting }) {
  if (!locked.has(k)) return null;
  return (
    <p class="hint locked" id={lockedHintId(k)}>
      {LOCKED_TEXT}
    </p>
  );
}

const WORDS: Record<string, string> = {
  underline: 'Underline',
  background: 'Background colour',
  system: 'Same as the system',
  light: 'Light',
  dark: 'Dark',
};

/** A setting's value in words: "Off", "30 days", "Places, Organisations". */
export function describeValue(key: ManageableSetting, value: Settings[ManageableSetting] | undefined): string {
  if (typeof value === 'boolean') return value ? 'On' : 'Off';
  if (Array.isArray(value))
    return value.length ? value.map((t) => TYPE_LABEL[t as EntityType] ?? t).join(', ') : 'None';
  if (typeof value === 'number') return key === 'trailRetentionDays' ? `${value} days` : `${value} ms`;
  return value === undefined ? '' : (WORDS[value] ?? value);
}

export function ManagedSection({ managed }: { managed: ManagedView }) {
  if (!managed.active) return null;
  return (
    <section class="section managed" aria-labelledby="opt-managed-h" data-testid="managed">
      <h2 id="opt-managed-h">Set by your school or administrator</h2>
      <p class="hint">
        Your school or administrator manages some of Backstory’s settings on this browser. They are shown here and
        cannot be changed on this page.
      </p>
      {managed.locked.length > 0 && (
        <dl class="managed-values">
          {managed.locked.map((k) => (
            <div key={k}>
              <dt>{SETTING_LABEL[k]}</dt>
              <dd data-setting={k}>{describeValue(k, managed.values[k])}</dd>
            </div>
          ))}
        </dl>
      )}
      {managed.sites.length > 0 && (
        <p>
          Sites with a fixed setting: <span class="managed-list">{managed.sites.join(', ')}</span>
        </p>
      )}
      {managed.packs.length > 0 && (
        <p>
          Knowledge packs installed for you: <span class="managed-list">{managed.packs.join(', ')}</span>
        </p>
      )}
      {managed.problems.length > 0 && (
        <div class="status error" data-testid="managed-problems">
          <p>For your administrator: parts of the policy were not applied.</p>
          <ul>
            {managed.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

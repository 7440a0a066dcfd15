/**
 * Classroom deployment (issue 19): what a school's administrator sets through the
 * browser's managed storage (Chrome policy, Firefox policies.json "3rdparty"), and the
 * settings layer that puts it over the student's own choices.
 *
 * The policy (public/managed-schema.json declares it for Chrome; docs/classroom.md explains it):
 *   settings        values for the settings listed in MANAGEABLE_SETTINGS
 *   lockedSettings  which settings the student cannot change (a locked setting the policy gives
 *                   no value for is locked at Backstory's default)
 *   neverSites, alwaysSites   hosts, always fixed for the student
 *   packs           knowledge packs, each the text of a pack file (a JSON string): Chrome's policy
 *                   schema has no "text or number" type, which a fact's value needs, and drops what it
 *                   does not declare, so packs travel as text and are checked like an import.
 * A setting the policy gives but does not lock is a starting value: it is applied once (and again
 * when the administrator changes it); after that the student's own choice stands.
 *
 * Pure: the policy source and the stored items are passed in (entrypoints/background.ts wires them).
 */
import type { KnowledgePack } from '../kb/schema.ts';
import {
  DEFAULT_SETTINGS,
  HIGHLIGHTABLE,
  SettingsSchema,
  siteKey,
  type Settings,
  type SitePolicy,
} from './settings.ts';
import * as v from 'valibot';

/** The settings an administrator may set or lock, with the name the options page gives each. */
export const SETTING_LABEL = {
  onlineMode: 'Online mode',
  readingTrail: 'Reading trail',
  trailRetentionDays: 'How long the reading trail is kept',
  autoOpenSidebar: 'Open the sidebar automatically',
  highlights: 'Highlights',
  highlightStyle: 'Highlight style',
  highlightTypes: 'Types of names to highlight',
  hoverShowDelay: 'Hover card: show after',
  hoverHideDelay: 'Hover card: hide after',
  theme: 'Theme',
} as const satisfies Partial<Record<keyof Settings, string>>;
export type ManageableSetting = keyof typeof SETTING_LABEL;
export const MANAGEABLE_SETTINGS = Object.keys(SETTING_LABEL) as ManageableSetting[];

/** At most this many packs from a policy (the same cap as a student's own imports). */
export const MAX_MANAGED_PACKS = 20;

export interface ManagedPolicy {
  /** Valid values only, for manageable settings. */
  settings: Partial<Settings>;
  locked: ManageableSetting[];
  /** Host → policy; these hosts are fixed for the student. */
  sites: Record<string, Exclude<SitePolicy, 'default'>>;
  packs: KnowledgePack[];
  /** What in the policy was not applied and why, for the administrator (shown on the options page). */
  problems: string[];
}

/** What the options page is told: which settings, sites and packs are the school's. */
export interface ManagedView {
  /** True when any policy is set. */
  active: boolean;
  locked: ManageableSetting[];
  /** The values of the locked settings. */
  values: Partial<Settings>;
  sites: string[];
  packs: string[];
  problems: string[];
}

export const EMPTY_POLICY: ManagedPolicy = { settings: {}, locked: [], sites: {}, packs: [], problems: [] };

export type PackParser = (json: string) => { ok: true; value: KnowledgePack } | { ok: false; error: string };

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isManageable = (k: string): k is ManageableSetting => Object.prototype.hasOwnProperty.call(SETTING_LABEL, k);

/**
 * The raw managed storage (whatever the browser gives) → what Backstory applies. Nothing in it
 * is trusted: each value is checked like a setting the student saves, each pack like an import.
 */
export function parseManagedPolicy(raw: unknown, parsePack: PackParser): ManagedPolicy {
  const out: ManagedPolicy = { settings: {}, locked: [], sites: {}, packs: [], problems: [] };
  if (!isRecord(raw)) return out;

  if (isRecord(raw.settings)) {
    for (const [key, value] of Object.entries(raw.settings)) {
      if (!isManageable(key)) {
        out.problems.push(`The setting "${key}" cannot be set by a policy; it was ignored.`);
        continue;
      }
      const r = v.safeParse(SettingsSchema.entries[key], value);
      if (!r.success || r.output === undefined) {
        out.problems.push(`The value given for "${key}" is not valid; it was ignored.`);
        continue;
      }
      const ok = key === 'highlightTypes' ? HIGHLIGHTABLE.filter((t) => (r.output as string[]).includes(t)) : r.output;
      (out.settings as Record<string, unknown>)[key] = ok;
    }
  }

  if (Array.isArray(raw.lockedSettings)) {
    for (const key of raw.lockedSettings) {
      if (typeof key === 'string' && isManageable(key)) {
        if (!out.locked.includes(key)) out.locked.push(key);
      } else out.problems.push(`"${String(key)}" in lockedSettings is not a setting that can be locked.`);
    }
  }

  const addSites = (list: unknown, policy: 'always' | 'never') => {
    if (!Array.isArray(list)) return;
    for (const item of list) {
      const host = typeof item === 'string' ? siteKey(item.includes('://') ? item : `https://${item}`) : null;
      if (!host) out.problems.push(`"${String(item)}" in ${policy}Sites is not a web site.`);
      // "never" wins over "always" for a host listed in both: the safer reading.
      else if (policy === 'never' || out.sites[host] !== 'never') out.sites[host] = policy;
    }
  };
  addSites(raw.alwaysSites, 'always');
  addSites(raw.neverSites, 'never');

  if (Array.isArray(raw.packs)) {
    raw.packs.forEach((text, i) => {
      const which = `Pack ${i + 1} of the policy`;
      if (out.packs.length >= MAX_MANAGED_PACKS) {
        out.problems.push(`${which} was not installed: at most ${MAX_MANAGED_PACKS} packs can be set.`);
        return;
      }
      if (typeof text !== 'string') {
        out.problems.push(`${which} was not installed: each pack is the text of a pack file (a JSON string).`);
        return;
      }
      const r = parsePack(text);
      if (!r.ok) out.problems.push(`${which} was not installed: ${r.error}`);
      else if (out.packs.some((p) => p.pack.id === r.value.pack.id))
        out.problems.push(`${which} was not installed: another pack of the policy has the id "${r.value.pack.id}".`);
      else out.packs.push(r.value);
    });
  }
  return out;
}

/** The value a locked setting has: the policy's, else Backstory's default. */
export function lockedValue<K extends ManageableSetting>(policy: ManagedPolicy, key: K): Settings[K] {
  return (policy.settings[key] ?? DEFAULT_SETTINGS[key]) as Settings[K];
}

export function managedView(policy: ManagedPolicy): ManagedView {
  const values: Partial<Settings> = {};
  for (const k of policy.locked) (values as Record<string, unknown>)[k] = lockedValue(policy, k);
  return {
    active:
      policy.locked.length + Object.keys(policy.settings).length + Object.keys(policy.sites).length > 0 ||
      policy.packs.length + policy.problems.length > 0,
    locked: [...policy.locked],
    values,
    sites: Object.keys(policy.sites).sort(),
    packs: policy.packs.map((p) => p.pack.id),
    problems: [...policy.problems],
  };
}

/** A write the policy does not allow. Its message is shown to the student as it is. */
export class LockedError extends Error {
  override name = 'LockedError';
}

export const lockedSettingMessage = (key: ManageableSetting) =>
  `“${SETTING_LABEL[key]}” is set by your school or administrator and cannot be changed here.`;
export const lockedSiteMessage = (host: string) =>
  `Backstory on ${host} is set by your school or administrator and cannot be changed here.`;
export const lockedPackMessage = (title: string) =>
  `The pack “${title}” was installed by your school or administrator and cannot be removed, replaced or switched off.`;

/** The stored settings and packs as the background reads and writes them (lib/background/service.ts's Store). */
export interface SettingsStore {
  getSettings(): Promise<Settings>;
  setSettings(s: Settings): Promise<void>;
  getSites(): Promise<Record<string, SitePolicy>>;
  setSites(s: Record<string, SitePolicy>): Promise<void>;
  getUserPacks(): Promise<KnowledgePack[]>;
  setUserPacks(p: KnowledgePack[]): Promise<void>;
  getDisabled(): Promise<string[]>;
  setDisabled(d: string[]): Promise<void>;
}

export interface ManagedSource {
  /** The parsed policy (the caller caches it and reads again when the browser says it changed). */
  policy(): Promise<ManagedPolicy>;
  /** The starting values already applied, by setting (JSON of the value), so each is applied once. */
  getApplied(): Promise<Record<string, string>>;
  setApplied(a: Record<string, string>): Promise<void>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The effective store: managed (locked) ⊕ the student's own. Reads give what applies; writes
 * store only the student's own choices and throw a LockedError for a change the policy forbids,
 * so every path that saves (options page, sidebar, any later handler) is held to the policy, and
 * removing the policy gives the student's own settings back.
 */
export function withManaged<S extends SettingsStore>(
  base: S,
  source: ManagedSource,
): S & { getManaged(): Promise<ManagedView> } {
  async function startingValues(user: Settings, policy: ManagedPolicy): Promise<Settings> {
    const applied = await source.getApplied();
    const nextApplied: Record<string, string> = {};
    let next = user;
    for (const [key, value] of Object.entries(policy.settings)) {
      if (policy.locked.includes(key as ManageableSetting)) continue;
      const json = JSON.stringify(value);
      nextApplied[key] = json;
      if (applied[key] !== json) next = { ...next, [key]: value };
    }
    if (!same(applied, nextApplied)) {
      if (next !== user) await base.setSettings(next);
      await source.setApplied(nextApplied);
    }
    return next;
  }

  const managedIds = (policy: ManagedPolicy) => new Set(policy.packs.map((p) => p.pack.id));

  return {
    ...base,
    async getManaged() {
      return managedView(await source.policy());
    },
    async getSettings() {
      const policy = await source.policy();
      const user = await startingValues(await base.getSettings(), policy);
      const out = { ...user };
      for (const k of policy.locked) (out as Record<string, unknown>)[k] = lockedValue(policy, k);
      return out;
    },
    async setSettings(s) {
      const policy = await source.policy();
      if (!policy.locked.length) return base.setSettings(s);
      const user = await base.getSettings();
      const next = { ...s };
      for (const k of policy.locked) {
        if (!same(s[k], lockedValue(policy, k))) throw new LockedError(lockedSettingMessage(k));
        (next as Record<string, unknown>)[k] = user[k];
      }
      return base.setSettings(next);
    },
    async getSites() {
      const policy = await source.policy();
      return { ...(await base.getSites()), ...policy.sites };
    },
    async setSites(s) {
      const policy = await source.policy();
      const user = await base.getSites();
      const next = { ...s };
      for (const [host, p] of Object.entries(policy.sites)) {
        if (s[host] !== p) throw new LockedError(lockedSiteMessage(host));
        if (user[host]) next[host] = user[host];
        else delete next[host];
      }
      return base.setSites(next);
    },
    async getUserPacks() {
      const policy = await source.policy();
      const ids = managedIds(policy);
      // The school's packs last: where an entry id is in both, the school's entry is used.
      return [...(await base.getUserPacks()).filter((p) => !ids.has(p.pack.id)), ...policy.packs];
    },
    async setUserPacks(packs) {
      const policy = await source.policy();
      for (const m of policy.packs)
        if (packs.find((p) => p.pack.id === m.pack.id) !== m) throw new LockedError(lockedPackMessage(m.pack.title));
      const ids = managedIds(policy);
      return base.setUserPacks(packs.filter((p) => !ids.has(p.pack.id)));
    },
    async getDisabled() {
      const ids = managedIds(await source.policy());
      return (await base.getDisabled()).filter((id) => !ids.has(id));
    },
    async setDisabled(d) {
      const policy = await source.policy();
      const off = policy.packs.find((p) => d.includes(p.pack.id));
      if (off) throw new LockedError(lockedPackMessage(off.pack.title));
      return base.setDisabled(d);
    },
  };
}

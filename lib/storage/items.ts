/**
 * The stored items, each with a version and migrations (WXT storage). Used by the
 * background only; everything else asks the background through messages.
 */
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, SETTINGS_VERSION, settingsMigrations, type Settings, type SitePolicy } from './settings.ts';
import type { KnowledgePack } from '../kb/schema.ts';
import type { CacheSnapshot } from '../online/cache.ts';
import type { OnlineInfo } from '../online/index.ts';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: Object.fromEntries(
    Object.entries(settingsMigrations).map(([ver, fn]) => [
      ver,
      (old: unknown) => fn((old ?? {}) as Record<string, unknown>),
    ]),
  ),
});

/** Site policies by host ("never" / "always"). */
export const sitesItem = storage.defineItem<Record<string, SitePolicy>>('local:sites', { fallback: {}, version: 1 });

/** Packs the user imported, in import order (later ones override earlier and built-in entries). */
export const userPacksItem = storage.defineItem<KnowledgePack[]>('local:userPacks', { fallback: [], version: 1 });

/** Built-in packs the user switched off, by id. */
export const disabledPacksItem = storage.defineItem<string[]>('local:disabledPacks', { fallback: [], version: 1 });

/** The school's starting values already applied (lib/storage/managed.ts), so each is applied once. */
export const managedAppliedItem = storage.defineItem<Record<string, string>>('local:managedApplied', {
  fallback: {},
  version: 1,
});

/**
 * Online mode's answers (lib/background/online.ts): Wikipedia summaries and Wikidata figures by
 * name or title, each with the time it was fetched, capped in number and dropped after a week.
 * Deleted when the reader turns online mode off.
 */
export const onlineCacheItem = storage.defineItem<CacheSnapshot<OnlineInfo> | null>('local:onlineCache', {
  fallback: null,
  version: 1,
});

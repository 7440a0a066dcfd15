/**
 * What Backstory stores, each shape versioned (WXT storage.defineItem with
 * migrations), so an update never loses a user's settings, site lists or packs.
 * Pure parts (defaults, migrations, sanitising) are exported for tests.
 */
import * as v from 'valibot';
import type { EntityType } from '../kb/schema.ts';

export type SitePolicy = 'default' | 'always' | 'never';

export const HIGHLIGHTABLE: EntityType[] = [
  'organization',
  'person',
  'country',
  'place',
  'initiative',
  'event',
  'group',
  'concept',
];

export interface Settings {
  /** Open the sidebar on article pages, or only highlight names (the sidebar opens on request). */
  autoOpenSidebar: boolean;
  highlights: boolean;
  highlightStyle: 'underline' | 'background';
  /** Hover card delays, ms. */
  hoverShowDelay: number;
  hoverHideDelay: number;
  highlightTypes: EntityType[];
  theme: 'system' | 'light' | 'dark';
  /** Global pause: nothing runs automatically anywhere. */
  paused: boolean;
  sidebarWidth: number;
  sidebarCollapsed: boolean;
  /** Online mode (issue 17): names may be looked up on Wikipedia/Wikidata. Off until the reader turns it on. */
  onlineMode: boolean;
  /** Reading trail (issue 19): a local record of analysed articles. Off until the reader turns it on. */
  readingTrail: boolean;
  /** Trail records older than this many days are pruned. */
  trailRetentionDays: number;
}

export const DEFAULT_SETTINGS: Settings = {
  autoOpenSidebar: true,
  highlights: true,
  highlightStyle: 'underline',
  hoverShowDelay: 500,
  hoverHideDelay: 300,
  highlightTypes: [...HIGHLIGHTABLE],
  theme: 'system',
  paused: false,
  sidebarWidth: 380,
  sidebarCollapsed: false,
  onlineMode: false,
  readingTrail: false,
  trailRetentionDays: 90,
};

export const SIDEBAR_MIN_WIDTH = 320;
export const SIDEBAR_MAX_WIDTH = 520;

export const SettingsSchema = v.object({
  autoOpenSidebar: v.optional(v.boolean()),
  highlights: v.optional(v.boolean()),
  highlightStyle: v.optional(v.picklist(['underline', 'background'])),
  hoverShowDelay: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(3000))),
  hoverHideDelay: v.optional(v.pipe(v.number(), v.minValue(0), v.maxValue(3000))),
  highlightTypes: v.optional(v.array(v.picklist(HIGHLIGHTABLE))),
  theme: v.optional(v.picklist(['system', 'light', 'dark'])),
  paused: v.optional(v.boolean()),
  sidebarWidth: v.optional(v.pipe(v.number(), v.minValue(SIDEBAR_MIN_WIDTH), v.maxValue(SIDEBAR_MAX_WIDTH))),
  sidebarCollapsed: v.optional(v.boolean()),
  onlineMode: v.optional(v.boolean()),
  readingTrail: v.optional(v.boolean()),
  trailRetentionDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(3650))),
});

/** Keep what is valid in a stored or submitted settings object; anything else falls back to the default. */
export function sanitizeSettings(raw: unknown): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS, highlightTypes: [...DEFAULT_SETTINGS.highlightTypes] };
  if (typeof raw !== 'object' || raw === null) return out;
  for (const [key, schema] of Object.entries(SettingsSchema.entries)) {
    const value = (raw as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const r = v.safeParse(schema, value);
    if (r.success && r.output !== undefined) (out as unknown as Record<string, unknown>)[key] = r.output;
  }
  return out;
}

/**
 * Settings migrations, by the version they produce.
 * v1 stored `hoverDelay` (one number) and `sidebar: 'auto' | 'manual'`;
 * v2 splits the hover delay in two and names the sidebar choice `autoOpenSidebar`.
 */
export const SETTINGS_VERSION = 2;
export const settingsMigrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  2: (old) => {
    const { hoverDelay, sidebar, ...rest } = old;
    const next: Record<string, unknown> = { ...rest };
    if (typeof hoverDelay === 'number') next.hoverShowDelay = hoverDelay;
    if (sidebar === 'manual') next.autoOpenSidebar = false;
    if (sidebar === 'auto') next.autoOpenSidebar = true;
    return next;
  },
};

export function migrateSettings(stored: unknown, fromVersion: number): Settings {
  let value = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  for (let ver = fromVersion + 1; ver <= SETTINGS_VERSION; ver++) {
    const step = settingsMigrations[ver];
    if (step) value = step(value);
  }
  return sanitizeSettings(value);
}

/** The host a site policy applies to ("www." dropped so one choice covers both). */
export function siteKey(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.replace(/^www\./, '').toLowerCase();
  } catch {
    return null;
  }
}

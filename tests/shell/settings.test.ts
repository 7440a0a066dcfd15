import { describe, it, expect, beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import {
  migrateSettings,
  sanitizeSettings,
  siteKey,
  DEFAULT_SETTINGS,
  SETTINGS_VERSION,
} from '../../lib/storage/settings.ts';
import { settingsItem, sitesItem } from '../../lib/storage/items.ts';

describe('storage/settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('migrates v1 settings (one hover delay, sidebar auto/manual) without losing them', () => {
    const v2 = migrateSettings({ hoverDelay: 800, sidebar: 'manual', theme: 'dark' }, 1);
    expect(v2.hoverShowDelay).toBe(800);
    expect(v2.autoOpenSidebar).toBe(false);
    expect(v2.theme).toBe('dark');
    expect(v2.hoverHideDelay).toBe(DEFAULT_SETTINGS.hoverHideDelay);
  });

  it('runs the migration through WXT storage on read', async () => {
    await fakeBrowser.storage.local.set({
      settings: { hoverDelay: 650, sidebar: 'auto', highlights: false },
      settings$: { v: 1 },
    });
    await settingsItem.migrate();
    const s = await settingsItem.getValue();
    expect(s.hoverShowDelay).toBe(650);
    expect(s.autoOpenSidebar).toBe(true);
    expect(s.highlights).toBe(false);
    const meta = await fakeBrowser.storage.local.get('settings$');
    expect((meta['settings$'] as { v: number }).v).toBe(SETTINGS_VERSION);
  });

  it('falls back to defaults for what is invalid and keeps what is valid', () => {
    const s = sanitizeSettings({
      hoverShowDelay: -5,
      theme: 'neon',
      highlights: false,
      highlightTypes: ['person', 'banana'],
      sidebarWidth: 9999,
    });
    expect(s.hoverShowDelay).toBe(DEFAULT_SETTINGS.hoverShowDelay);
    expect(s.theme).toBe('system');
    expect(s.highlights).toBe(false);
    expect(s.highlightTypes).toEqual(DEFAULT_SETTINGS.highlightTypes);
    expect(s.sidebarWidth).toBe(DEFAULT_SETTINGS.sidebarWidth);
    expect(sanitizeSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('stores site policies by host without "www."', async () => {
    expect(siteKey('https://www.Example.com/a?b')).toBe('example.com');
    expect(siteKey('file:///etc/passwd')).toBeNull();
    expect(siteKey('not a url')).toBeNull();
    await sitesItem.setValue({ 'example.com': 'never' });
    expect(await sitesItem.getValue()).toEqual({ 'example.com': 'never' });
  });
});

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { noHtmlSinks } from './scripts/vite-no-html-sinks.ts';
import { DEFAULT_ORIGINS, type Origins } from './lib/online/endpoints.ts';
import { hostPermissionsFor } from './lib/online/permissions.ts';

// Permissions, each justified in README.md ("Permissions").

/**
 * The public half of a key pair whose private half was never kept: it fixes the Chromium
 * extension ID of an unpacked build at dckffigglilcaafponkkmdjaknbbkbkb, which a school's
 * policy (3rdparty → extensions → ID) and the classroom e2e test name (ADR 9).
 */
const CHROMIUM_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAzEJdL6crD6UX6xYVrlk08wO0pakXtg3O0/E0l7eD5mcEFG5m1SjGn4Mu+cNkf8ZNz98YZdEWUCbjf7JsniUThmZqMfo1bVHvxhJg7bnMGFB7jLcqWpIGW27DrTDeue/u+yb7wqZijC42B+yrJqsMEykyBP52QyHFAgaHhrgwly+m9efioQPhHgNNF8DPtqKkRdsycq+YMojNbfNZ5RVJjMrXNfcDzFrKQnElbnAE/fXZfhx/ZERNkiPhGdANlYJDDM48jJ6aK541n3pP2BOpYIHR5T0jigDrSQdBHUh0WMaD1+Mar9pSx8l1xZ81pWpJnTl6HzWA/hRmo7w/sjjMaQIDAQAB';

/**
 * A test build of online mode (BACKSTORY_TEST_BUILD=1 with BACKSTORY_WIKIPEDIA_URL and/or
 * BACKSTORY_WIKIDATA_URL): the extension asks those origins (the local stand-in of
 * scripts/lib/fake-wikimedia.ts) instead of Wikipedia and Wikidata, declares their hosts as its
 * optional permissions, and is written to its own folder, so the normal build and its manifest
 * never carry a test origin. Without BACKSTORY_TEST_BUILD the variables (which the CLI also
 * reads) do not touch an extension build.
 */
const TEST_ORIGINS: Origins | null =
  process.env.BACKSTORY_TEST_BUILD === '1' &&
  (process.env.BACKSTORY_WIKIPEDIA_URL || process.env.BACKSTORY_WIKIDATA_URL)
    ? {
        wikipedia: process.env.BACKSTORY_WIKIPEDIA_URL || DEFAULT_ORIGINS.wikipedia,
        wikidata: process.env.BACKSTORY_WIKIDATA_URL || DEFAULT_ORIGINS.wikidata,
      }
    : null;
/** Online mode's hosts: optional, asked for when the reader turns the mode on (README "Permissions"). */
const ONLINE_HOSTS = hostPermissionsFor(TEST_ORIGINS ?? DEFAULT_ORIGINS);

export default defineConfig({
  outDir: TEST_ORIGINS ? process.env.BACKSTORY_OUT_DIR || '.output-online-test' : '.output',
  vite: () => ({
    plugins: [noHtmlSinks(), preact()],
    define: { __BACKSTORY_TEST_ORIGINS__: JSON.stringify(TEST_ORIGINS) },
    // citation-js (cite.js only) imports fetch libraries it needs only for URL input, which
    // Backstory never gives it: a stub that refuses keeps them, and the network, out.
    resolve: {
      alias: {
        'node-fetch': fileURLToPath(new URL('./lib/export/no-fetch.ts', import.meta.url)),
        'sync-fetch': fileURLToPath(new URL('./lib/export/no-fetch.ts', import.meta.url)),
      },
    },
    build: { chunkSizeWarningLimit: 4000 },
  }),
  hooks: {
    // The gazetteer tier ships as its own file, which the background fetches when it first needs
    // it (lib/kb/gazetteer.ts): it is not parsed at start-up and never reaches a page.
    // The built-in packs and their index are files too (entrypoints/background.ts reads them at start-up).
    'build:publicAssets': (_wxt, files) => {
      for (const name of ['gazetteer.json', 'kb-packs.json', 'kb-index.json'])
        files.push({ absoluteSrc: resolve('generated', name), relativeDest: name });
    },
    // The sentinel is an unlisted script (entrypoints/sentinel.ts explains why), declared here
    // as the one content script on every page, with the highlight rules (entrypoints/highlights.css) as its CSS.
    'build:manifestGenerated': (_wxt, manifest) => {
      manifest.content_scripts = [
        {
          matches: ['http://*/*', 'https://*/*'],
          js: ['sentinel.js'],
          css: ['assets/highlights.css'],
          run_at: 'document_idle',
        },
        ...(manifest.content_scripts ?? []),
      ];
    },
  },
  manifest: ({ browser, manifestVersion }) => ({
    name: 'Backstory',
    description:
      'Background to the names in the news: sourced facts on the organisations, people, places and programmes an article names.',
    permissions: ['storage', 'contextMenus', 'scripting', ...(manifestVersion === 3 ? ['activeTab'] : [])],
    // Web pages only: http and https, the same hosts the sentinel matches (not file:, ftp: or
    // other schemes that <all_urls> would add). The README's permissions table says the same.
    ...(manifestVersion === 3
      ? { host_permissions: ['http://*/*', 'https://*/*'], optional_host_permissions: ONLINE_HOSTS }
      : {}),
    ...(manifestVersion === 2
      ? {
          permissions: ['storage', 'contextMenus', 'scripting', 'activeTab', 'http://*/*', 'https://*/*'],
          optional_permissions: ONLINE_HOSTS,
        }
      : {}),
    action: { default_title: 'Backstory: show or hide the sidebar' },
    browser_action: { default_title: 'Backstory: show or hide the sidebar' },
    commands: {
      'toggle-sidebar': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: 'Show or hide the Backstory sidebar',
      },
    },
    // What a school's administrator may set (lib/storage/managed.ts, docs/classroom.md). Firefox
    // needs no schema: it passes its policies.json "3rdparty" entry to storage.managed as it is.
    ...(browser === 'firefox' ? {} : { key: CHROMIUM_KEY, storage: { managed_schema: 'managed-schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'backstory@backstory.example',
              // data_collection_permissions needs Firefox 140 (desktop) and 142 (Android).
              strict_min_version: '142.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
});

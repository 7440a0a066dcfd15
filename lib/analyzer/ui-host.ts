/**
 * The two elements Backstory adds to a page, <backstory-sidebar> and <backstory-card>: each
 * a shadow host with the UI's styles, themed as the reader chose.
 */
import uiBase from '../../components/shared/ui.css?inline';
import uiDetail from '../../components/shared/ui-detail.css?inline';
import uiTrail from '../../components/trail/trail.css?inline';
import uiOnline from '../../components/sidebar/online.css?inline';
import { createShadowHost, type ShadowHost } from '../page/shadow-host.ts';
import type { Settings } from '../storage/settings.ts';

/** The UI's one stylesheet, kept in two files (no file over 400 lines); order matters. */
const uiCss = `${uiBase}\n${uiDetail}\n${uiTrail}\n${uiOnline}`;

export function createUiHost(doc: Document, tag: 'backstory-sidebar' | 'backstory-card', settings: Settings) {
  const host = createShadowHost(doc, tag, uiCss);
  applyTheme(host, settings);
  return host;
}

/** The reader's theme on a host ("system" follows the page's colour scheme). */
export function applyTheme(host: ShadowHost, settings: Settings): void {
  if (settings.theme !== 'system') host.mount.setAttribute('data-theme', settings.theme);
  else host.mount.removeAttribute('data-theme');
}

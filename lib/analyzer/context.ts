/**
 * What every collaborator of the analyzer shares: the page, the typed messages to the
 * background, the settings as last read, and how to tell that the extension went away.
 * The Analyzer (analyzer.ts) makes the one instance and is the only writer of its fields.
 */
import { ContextGoneError, type Send } from '../messaging/client.ts';
import { DEFAULT_SETTINGS, type Settings, type SitePolicy } from '../storage/settings.ts';
import type { PageWindow } from './schedule.ts';

export interface PageContext {
  readonly doc: Document;
  readonly win: PageWindow;
  readonly send: Send;
  /** The reader's settings and this site's policy, as last read from the background. */
  settings: Settings;
  sitePolicy: SitePolicy;
  /** Set once the analyzer is torn down: nothing may touch the page after that. */
  destroyed: boolean;
  /** True (and the analyzer torn down) when `e` says the extension went away under the page. */
  gone(e: unknown): boolean;
}

export function createContext(doc: Document, win: PageWindow, send: Send, onGone: () => void): PageContext {
  return {
    doc,
    win,
    send,
    settings: DEFAULT_SETTINGS,
    sitePolicy: 'default',
    destroyed: false,
    gone(e) {
      if (!(e instanceof ContextGoneError)) return false;
      onGone();
      return true;
    },
  };
}

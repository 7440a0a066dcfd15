/**
 * The options page's behaviour: it sends the typed 'opt/…' requests through the
 * `send` it is given (in the extension, browser.runtime.sendMessage wrapped by
 * lib/messaging/client.ts) and turns the answers into reducer actions.
 * No browser.* here: everything that leaves the page goes through props.
 */
import { useCallback, useEffect, useReducer, useRef, useState } from 'preact/hooks';
import type { Send } from '../../lib/messaging/client.ts';
import type { Settings, SitePolicy } from '../../lib/storage/settings.ts';
import { OptionsPage } from './OptionsPage.tsx';
import { csvToPackJson, isCsvFile } from './CsvImport.tsx';
import { setOnline, type OnlinePermissions } from './OnlineSettings.tsx';
import { describeError, importTooLarge, initialState, reducer } from './state.ts';

export interface OptionsAppProps {
  send: Send;
  /** From browser.runtime.getManifest().version. */
  version: string;
  /** Saves a file for the user; by default through a Blob URL and a download link. */
  download?: (filename: string, text: string) => void;
  /** Online mode's optional host permissions (browser.permissions in the extension). */
  permissions?: OnlinePermissions;
}

/** Offers `text` as a file download: a Blob URL on a temporary link, revoked once used. */
export function downloadText(filename: string, text: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The title a pack file declares, if any; only for the success message. */
function declaredTitle(json: string): string | undefined {
  try {
    const title = (JSON.parse(json) as { pack?: { title?: unknown } })?.pack?.title;
    return typeof title === 'string' ? title.trim().slice(0, 120) : undefined;
  } catch {
    return undefined;
  }
}

export function OptionsApp({ send, version, download = downloadText, permissions }: OptionsAppProps) {
  const [state, dispatch] = useReducer(reducer, initialState);
  const [onlineNote, setOnlineNote] = useState<string | null>(null);
  const saveSeq = useRef(0);
  const stateRef = useRef(state);
  stateRef.current = state;

  const refresh = useCallback(async () => {
    try {
      const r = await send('opt/get-state', {});
      if (r.ok) dispatch({ type: 'loaded', ...r.value });
      else dispatch({ type: 'load-failed', message: r.error });
    } catch (e) {
      dispatch({ type: 'load-failed', message: describeError(e) });
    }
  }, [send]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  /** Runs one request; a refusal or a failure shows in the alert and reloads the true state. */
  const run = useCallback(
    async <T,>(
      request: () => Promise<{ ok: true; value: T } | { ok: false; error: string }>,
      what: string,
    ): Promise<T | undefined> => {
      try {
        const r = await request();
        if (r.ok) return r.value;
        dispatch({ type: 'failed', message: `${what}: ${r.error}` });
      } catch (e) {
        dispatch({ type: 'failed', message: `${what}: ${describeError(e)}` });
      }
      void refresh();
      return undefined;
    },
    [refresh],
  );

  const onSaveSettings = useCallback(
    async (patch: Partial<Settings>) => {
      const seq = ++saveSeq.current;
      dispatch({ type: 'patch-settings', patch });
      const saved = await run(() => send('opt/save-settings', { settings: patch }), 'The setting was not saved');
      // An older answer must not undo a newer change the user made meanwhile.
      if (saved) dispatch({ type: 'settings-saved', settings: seq === saveSeq.current ? saved : null });
    },
    [send, run],
  );

  // Called in the click's own task: the permission request must start there.
  const onSetOnline = (on: boolean) =>
    void setOnline(on, { permissions, save: onSaveSettings, setNote: setOnlineNote }).then((isOn) =>
      dispatch({ type: 'announce', text: isOn ? 'Online mode on.' : 'Online mode off.' }),
    );

  const onSetSite = useCallback(
    async (host: string, policy: SitePolicy) => {
      const previous = stateRef.current.sites[host];
      dispatch({ type: 'site-set', host, policy });
      const ok = await run(
        () => send('opt/set-site-policy', { host, policy }),
        `The setting for ${host} was not saved`,
      );
      if (ok !== undefined) {
        dispatch({
          type: 'announce',
          text: policy === 'default' ? `Removed ${host}.` : previous ? 'Saved' : `Added ${host}.`,
        });
        void refresh();
      }
    },
    [send, run, refresh],
  );

  const onSetPackEnabled = useCallback(
    async (id: string, enabled: boolean) => {
      dispatch({ type: 'pack-enabled', id, enabled });
      const ok = await run(() => send('opt/set-pack-enabled', { id, enabled }), 'The pack was not switched');
      if (ok !== undefined) dispatch({ type: 'announce', text: enabled ? 'Pack switched on.' : 'Pack switched off.' });
    },
    [send, run],
  );

  const onDeletePack = useCallback(
    async (id: string) => {
      const ok = await run(() => send('opt/delete-pack', { id }), 'The pack was not deleted');
      if (ok !== undefined) dispatch({ type: 'pack-deleted', id });
    },
    [send, run],
  );

  const onExportPack = useCallback(
    async (id: string) => {
      const file = await run(() => send('opt/export-pack', { id }), 'The pack was not exported');
      if (!file) return;
      try {
        download(file.filename, file.json);
        dispatch({ type: 'announce', text: `Exported ${file.filename}.` });
      } catch (e) {
        dispatch({ type: 'failed', message: `The pack was not exported: ${describeError(e)}` });
      }
    },
    [send, run, download],
  );

  const onImportFile = useCallback(
    async (file: File) => {
      const fileName = file.name || 'The file';
      dispatch({ type: 'import-start', fileName });
      let json: string;
      try {
        json = await file.text();
      } catch (e) {
        dispatch({ type: 'import-failed', fileName, message: `The file could not be read: ${describeError(e)}` });
        return;
      }
      // A spreadsheet becomes a pack here; its problems are named by row and column (CsvImport.tsx).
      if (isCsvFile(file)) {
        const pack = csvToPackJson(json, fileName);
        if (!pack.ok) {
          dispatch({ type: 'import-failed', fileName, message: pack.message });
          return;
        }
        json = pack.json;
      }
      const tooLarge = importTooLarge(json);
      if (tooLarge) {
        dispatch({ type: 'import-failed', fileName, message: tooLarge });
        return;
      }
      try {
        const r = await send('opt/import-pack', { json });
        if (!r.ok) {
          dispatch({ type: 'import-failed', fileName, message: r.error });
          return;
        }
        dispatch({ type: 'import-done', fileName, title: declaredTitle(json), ...r.value });
        void refresh();
      } catch (e) {
        dispatch({ type: 'import-failed', fileName, message: describeError(e) });
      }
    },
    [send, refresh],
  );

  return (
    <OptionsPage
      state={state}
      version={version}
      onSaveSettings={(p) => void onSaveSettings(p)}
      onSetOnline={onSetOnline}
      onlineNote={onlineNote}
      onSetSite={(h, p) => void onSetSite(h, p)}
      onImportFile={(f) => void onImportFile(f)}
      onExportPack={(id) => void onExportPack(id)}
      onSetPackEnabled={(id, on) => void onSetPackEnabled(id, on)}
      onAskDelete={(id) => dispatch({ type: 'confirm-delete', id })}
      onDeletePack={(id) => void onDeletePack(id)}
      onDismissError={() => dispatch({ type: 'dismiss-error' })}
      onRetryLoad={() => {
        dispatch({ type: 'loading' });
        void refresh();
      }}
    />
  );
}

import { useEffect, useRef } from 'preact/hooks';
import type { PackInfo } from '../../lib/messaging/protocol.ts';
import { importSummary, type ImportStatus } from './state.ts';
import { formatNumber } from '../shared/labels.ts';
import { CsvImportField } from './CsvImport.tsx';

export interface PacksSectionProps {
  packs: PackInfo[];
  importStatus: ImportStatus;
  confirmDelete: string | null;
  onImportFile: (file: File) => void;
  onExport: (id: string) => void;
  onSetEnabled: (id: string, enabled: boolean) => void;
  onAskDelete: (id: string | null) => void;
  onDelete: (id: string) => void;
  /** Ids of the packs a school's policy installed: they cannot be switched off or deleted. */
  managed?: string[];
}

/** The file users are pointed to as a model for their own pack. */
export const SAMPLE_PACK_FILE = 'class-glossary-pack.json';

export function PacksSection(props: PacksSectionProps) {
  const { packs, importStatus } = props;
  const builtin = packs.filter((p) => p.builtin);
  const mine = packs.filter((p) => !p.builtin);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const mineCount = useRef(mine.length);
  useEffect(() => {
    // A deleted pack takes its focused button with it: keep keyboard users in the list.
    const root = listHeading.current?.getRootNode() as Document | ShadowRoot | undefined;
    const lost = !root?.activeElement || root.activeElement === (root as Document).body;
    if (mine.length < mineCount.current && lost) listHeading.current?.focus();
    mineCount.current = mine.length;
  }, [mine.length]);

  const onFile = (ev: Event) => {
    const input = ev.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared so choosing the same file again (after fixing it) imports it again.
    input.value = '';
    if (file) props.onImportFile(file);
  };

  return (
    <section class="section" aria-labelledby="opt-packs-h">
      <h2 id="opt-packs-h">Knowledge packs</h2>
      <p class="hint">
        A knowledge pack is what Backstory knows about names: for each one its other spellings, a short summary and a
        few facts, every fact with its source and date. Switch a pack off to stop using it without deleting it.
      </p>

      <h3>Import a pack</h3>
      <p>
        A pack is one JSON file: an object with <code>pack</code> (its <code>id</code>, <code>title</code>,{' '}
        <code>version</code>, <code>license</code> and <code>sources</code>) and <code>entries</code>, a list of names,
        each with an <code>id</code>, <code>name</code>, <code>type</code>, <code>aliases</code>, a one-line{' '}
        <code>description</code>, a 40–120 word <code>summary</code>, <code>facts</code> (each with an https{' '}
        <code>source</code>, and an <code>asOf</code> date when the figure changes over time), <code>related</code>{' '}
        names and the date it was <code>reviewed</code>. Text is plain text, never HTML. An entry whose id matches a
        built-in entry replaces it while your pack is switched on. The sample <code>{SAMPLE_PACK_FILE}</code> (a class
        glossary for a Central Asia geography unit) and the authoring guide <code>docs/knowledge-packs.md</code> ship
        with Backstory’s source code.
      </p>
      <div class="field">
        <label for="opt-import">Choose a pack file (.json) to import</label>
        <input
          id="opt-import"
          type="file"
          accept=".json,application/json"
          aria-describedby="opt-import-hint"
          disabled={importStatus.kind === 'busy'}
          onChange={onFile}
        />
        <p class="hint" id="opt-import-hint">
          The file is checked before anything is stored; a pack with the id of one of yours replaces it.
        </p>
      </div>
      <CsvImportField disabled={importStatus.kind === 'busy'} onImportFile={props.onImportFile} />
      <ImportResult status={importStatus} />

      <h3 ref={listHeading} tabIndex={-1}>
        Installed packs
      </h3>
      <ul class="packs">
        {[...builtin, ...mine].map((p) => (
          <PackItem
            key={p.meta.id}
            pack={p}
            confirming={props.confirmDelete === p.meta.id}
            {...props}
            school={!!props.managed?.includes(p.meta.id)}
          />
        ))}
      </ul>
      {mine.every((p) => props.managed?.includes(p.meta.id)) && (
        <p class="empty">You have not imported any pack yet.</p>
      )}
    </section>
  );
}

function ImportResult({ status }: { status: ImportStatus }) {
  if (status.kind === 'busy') {
    return (
      <p class="status" role="status">
        Checking {status.fileName}…
      </p>
    );
  }
  if (status.kind === 'failed') {
    return (
      <div class="status error" role="alert">
        <p>
          <strong>{status.fileName} was not imported.</strong>
        </p>
        <p class="message">{status.message}</p>
      </div>
    );
  }
  if (status.kind === 'done') {
    // Not a live region itself: the page's announcer already speaks the same summary.
    return (
      <div class="status ok" data-testid="import-summary">
        <p>{importSummary(status)}</p>
        {status.overrides.length > 0 && (
          <>
            <p>Built-in entries it replaces:</p>
            <ul class="overrides">
              {status.overrides.map((id) => (
                <li key={id}>
                  <code>{id}</code>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    );
  }
  return null;
}

interface PackItemProps extends PacksSectionProps {
  pack: PackInfo;
  confirming: boolean;
  /** Installed by the school's policy. */
  school: boolean;
}

function PackItem({ pack, confirming, school, onExport, onSetEnabled, onAskDelete, onDelete }: PackItemProps) {
  const { meta } = pack;
  const cancelRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    // Focus follows the confirm step: into it when it opens, back to Delete when it is cancelled.
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) deleteRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const headingId = `opt-pack-${meta.id}`;
  const toggleId = `opt-pack-enabled-${meta.id}`;
  return (
    <li class={`pack${pack.enabled ? '' : ' off'}`}>
      <h4 id={headingId}>
        {meta.title}{' '}
        <span class={`badge${pack.builtin || school ? '' : ' mine'}`}>
          {pack.builtin ? 'Built-in' : school ? 'From your school' : 'Yours'}
        </span>
      </h4>
      {meta.description && <p class="pack-desc">{meta.description}</p>}
      <dl class="pack-meta">
        <div>
          <dt>Id</dt>
          <dd>
            <code>{meta.id}</code>
          </dd>
        </div>
        <div>
          <dt>Version</dt>
          <dd>{meta.version}</dd>
        </div>
        <div>
          <dt>Entries</dt>
          <dd>{formatNumber(pack.entries)}</dd>
        </div>
        <div>
          <dt>Licence</dt>
          <dd>{meta.license}</dd>
        </div>
      </dl>
      <div class="pack-actions">
        <div class="check">
          <input
            id={toggleId}
            type="checkbox"
            checked={pack.enabled}
            disabled={school}
            aria-disabled={school ? 'true' : undefined}
            aria-describedby={school ? `${headingId}-school` : undefined}
            onChange={(e) => onSetEnabled(meta.id, e.currentTarget.checked)}
          />
          <label for={toggleId}>
            Use this pack<span class="sr-only">: {meta.title}</span>
          </label>
        </div>
        <button type="button" class="button" onClick={() => onExport(meta.id)}>
          Export<span class="sr-only"> {meta.title}</span>
        </button>
        {!pack.builtin && !school && !confirming && (
          <button type="button" class="button danger" ref={deleteRef} onClick={() => onAskDelete(meta.id)}>
            Delete<span class="sr-only"> {meta.title}</span>
          </button>
        )}
      </div>
      {school && (
        <p class="hint locked" id={`${headingId}-school`}>
          Installed by your school or administrator; it cannot be switched off or deleted here.
        </p>
      )}
      {confirming && (
        <div
          class="confirm"
          role="group"
          aria-labelledby={`${headingId}-confirm`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              onAskDelete(null);
            }
          }}
        >
          <p id={`${headingId}-confirm`}>
            Delete “{meta.title}” and its {formatNumber(pack.entries)} {pack.entries === 1 ? 'entry' : 'entries'}? This
            cannot be undone; export it first if you may want it again.
          </p>
          <div class="pack-actions">
            <button type="button" class="button danger" onClick={() => onDelete(meta.id)}>
              Delete pack
            </button>
            <button type="button" class="button" ref={cancelRef} onClick={() => onAskDelete(null)}>
              Cancel
            </button>
          </div>
        </div>
      )}
    </li>
  );
}

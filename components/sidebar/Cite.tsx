/**
 * The "Cite" controls: beside each fact's source, a menu that copies the source as an APA,
 * MLA or Chicago bibliography entry; in the footer, the article's sources as a file for a
 * reference manager. The work (and the citation library) is the analyzer's (lib/analyzer/cite.ts).
 */
import {
  CITE_STYLES,
  CITE_STYLE_LABEL,
  SOURCE_FORMATS,
  SOURCE_FORMAT_INFO,
  type CiteStyle,
  type SourceFormat,
} from '../../lib/export/cite.ts';

/** A disclosure (no state of its own): "Cite" opens three buttons, one per style. */
export function CiteMenu({ label, onCite }: { label: string; onCite: (style: CiteStyle) => void }) {
  return (
    <details class="cite">
      <summary aria-label={`Cite ${label}`}>Cite</summary>
      <span class="cite-styles" role="group" aria-label={`Copy a citation of ${label}`}>
        {CITE_STYLES.map((s) => (
          <button
            key={s}
            type="button"
            onClick={(e) => {
              onCite(s);
              (e.currentTarget.closest('details') as HTMLDetailsElement | null)?.removeAttribute('open');
            }}
          >
            {CITE_STYLE_LABEL[s]}
          </button>
        ))}
      </span>
    </details>
  );
}

/** The article's sources as CSL-JSON, BibTeX or RIS (Zotero, Mendeley, EndNote, …). */
export function SourcesExport({ onExport }: { onExport: (format: SourceFormat) => void }) {
  return (
    <div class="export sources" role="group" aria-label="Export the article's sources for a reference manager">
      <span class="export-label">Sources:</span>
      {SOURCE_FORMATS.map((f) => (
        <button key={f} type="button" onClick={() => onExport(f)}>
          {SOURCE_FORMAT_INFO[f].label}
        </button>
      ))}
    </div>
  );
}

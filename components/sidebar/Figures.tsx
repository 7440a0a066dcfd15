/**
 * "Figures in this article": each sentence that states figures shown once, with its figures
 * above it and, for each, the entity it concerns. A sentence with three numbers is one entry,
 * not three copies of the sentence.
 */
import type { Figure } from '../../lib/engine/types.ts';
import type { SidebarState } from './state.ts';
import { entityByKey } from './state.ts';

export interface SentenceFigures {
  sentence: string;
  figures: Figure[];
}

/** Figures grouped by their sentence, in the order the sentences first appear. */
export function figuresBySentence(figures: Figure[]): SentenceFigures[] {
  const groups = new Map<string, SentenceFigures>();
  for (const f of figures) {
    const g = groups.get(f.sentence);
    if (g) g.figures.push(f);
    else groups.set(f.sentence, { sentence: f.sentence, figures: [f] });
  }
  return [...groups.values()];
}

export function FiguresList(props: { state: SidebarState; onSelectEntity: (key: string | null) => void }) {
  const figures = props.state.result?.figures ?? [];
  if (!figures.length) return null;
  return (
    <details class="figures">
      <summary>Figures in this article ({figures.length})</summary>
      <ul>
        {figuresBySentence(figures).map((g, i) => (
          <li key={i}>
            <ul class="figure-values">
              {g.figures.map((f, j) => {
                const about = f.entity ? entityByKey(props.state, f.entity) : undefined;
                return (
                  <li key={j}>
                    <strong>{f.text}</strong>
                    {about && (
                      <>
                        {' '}
                        — about{' '}
                        <button type="button" class="link" onClick={() => props.onSelectEntity(about.key)}>
                          {about.name}
                        </button>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
            <p class="sentence">{g.sentence}</p>
          </li>
        ))}
      </ul>
    </details>
  );
}

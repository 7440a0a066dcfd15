/** Which pages a benchmark run measures, and what is measured on each. */
import type { BenchOptions } from './bench-options.ts';

export interface PageSpec {
  id: string;
  path: string;
  /** true: an article (wait for the sidebar); false: not an article; null: find out on the first run. */
  article: boolean | null;
  heap: boolean;
  hover: boolean;
  corpus: boolean;
}

/** Paths the benchmark serves its generated pages at. */
export const ARTICLE_10K_PATH = '/bench/article-10k.html';
export const GRID_50K_PATH = '/bench/grid-50k.html';

const corpusSpec = (id: string, path: string): PageSpec => ({
  id,
  path,
  article: null,
  heap: false,
  hover: false,
  corpus: true,
});

/**
 * The pages to measure: the three benchmark pages, then (unless one page is debugged) the
 * saved corpus pages; narrowed to --only or --pages. `corpusFiles`: the corpus's .html files.
 */
export function benchSpecs(opts: Pick<BenchOptions, 'only' | 'pages' | 'corpus'>, corpusFiles: string[]): PageSpec[] {
  const specs: PageSpec[] = [
    { id: 'demo', path: '/demo-article.html', article: true, heap: true, hover: true, corpus: false },
    { id: 'article10k', path: ARTICLE_10K_PATH, article: true, heap: true, hover: true, corpus: false },
    { id: 'grid50k', path: GRID_50K_PATH, article: false, heap: true, hover: false, corpus: false },
  ];
  const wanted = opts.only ? [opts.only] : opts.pages;
  for (const id of wanted ?? [])
    if (id.startsWith('corpus/')) specs.push(corpusSpec(id, `/${id.slice('corpus/'.length)}.html`));
  if (wanted) return specs.filter((s) => wanted.includes(s.id));
  if (opts.corpus)
    for (const f of corpusFiles.filter((f) => f.endsWith('.html')).sort())
      specs.push(corpusSpec(`corpus/${f.replace(/\.html$/, '')}`, `/${f}`));
  return specs;
}

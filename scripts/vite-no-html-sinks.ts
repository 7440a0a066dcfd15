/**
 * A Vite plugin that removes the HTML-string sinks (innerHTML assignments) from
 * the libraries we bundle, so the shipped code has none at all
 * (web-ext lint: zero warnings; our own code is kept free of them by ESLint):
 *
 * - preact: the `dangerouslySetInnerHTML` branch. Backstory never uses that prop
 *   (lint rule), so the branch is dead code; clearing children uses textContent.
 * - @mozilla/readability: the retry loop restores the page from an HTML string;
 *   we restore it from a DOM clone instead. Unwrapping <noscript> images parses
 *   HTML; we skip it (images do not matter to text extraction).
 *
 * - @citation-js/core: the legacy `get({ format: 'real', type: 'html' })` returns a DOM
 *   node built from the formatted HTML string. Backstory asks for strings only
 *   (lib/export/cite-format.ts), so that branch throws instead.
 *
 * Each replacement must match exactly once, or the build fails loudly: a library
 * update that changes the code must be looked at, not silently shipped.
 */
import type { Plugin } from 'vite';

interface Patch {
  file: RegExp;
  replacements: [RegExp | string, string][];
}

const PATCHES: Patch[] = [
  {
    file: /preact[\\/]dist[\\/]preact\.module\.js$/,
    replacements: [
      [/\((\w+)\.innerHTML=(\w+)\.__html\)/, '(void 0)'],
      [/(\w+)\.innerHTML=""/, '$1.textContent=""'],
    ],
  },
  {
    file: /@mozilla[\\/]readability[\\/]Readability\.js$/,
    replacements: [
      ['var pageCacheHtml = page.innerHTML;', 'var pageCacheNode = page.cloneNode(true);'],
      [
        'page.innerHTML = pageCacheHtml;',
        'page.replaceChildren(...Array.from(pageCacheNode.cloneNode(true).childNodes));',
      ],
      ['tmp.innerHTML = noscript.innerHTML;', 'return;'],
    ],
  },
  {
    file: /@citation-js[\\/]core[\\/]lib-mjs[\\/]Cite[\\/]get\.js$/,
    replacements: [
      ['tmp.innerHTML = result;', "throw new Error('citation-js: DOM output is not available in Backstory');"],
    ],
  },
  // linkedom (the background's DOM for reading a large page's copy, ADR 7): building a
  // fragment from an HTML string (insertAdjacentHTML, Range.createContextualFragment) and
  // the outerHTML setter. Backstory uses neither; in our bundle they throw.
  {
    file: /linkedom[\\/]esm[\\/]shared[\\/]utils\.js$/,
    replacements: [
      ['elem.innerHTML = html;', "throw new Error('HTML fragments from strings are not available in Backstory');"],
    ],
  },
  {
    file: /linkedom[\\/]esm[\\/]interface[\\/]element\.js$/,
    replacements: [['template.innerHTML = html;', "throw new Error('outerHTML cannot be set in Backstory');"]],
  },
];

export function noHtmlSinks(): Plugin {
  return {
    name: 'backstory:no-html-sinks',
    enforce: 'pre',
    transform(code, id) {
      if (id.startsWith('\0') || id.includes('?')) return null; // virtual wrappers, not the file itself
      const patch = PATCHES.find((p) => p.file.test(id));
      if (!patch) return null;
      let out = code;
      for (const [from, to] of patch.replacements) {
        const count =
          typeof from === 'string'
            ? out.split(from).length - 1
            : (out.match(new RegExp(from.source, 'g')) ?? []).length;
        if (count !== 1)
          throw new Error(`no-html-sinks: expected exactly one match of ${String(from)} in ${id}, found ${count}`);
        out = typeof from === 'string' ? out.replace(from, to) : out.replace(from, to);
      }
      return { code: out, map: null };
    },
  };
}

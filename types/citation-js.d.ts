// The parts of citation-js (0.8) that Backstory uses; the library ships no type declarations.
declare module '@citation-js/core' {
  export interface FormatOptions {
    format?: 'text' | 'html' | 'object' | 'string';
    template?: string;
    lang?: string;
  }
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    /** The records as CSL-JSON. */
    data: Record<string, unknown>[];
    format(name: string, options?: FormatOptions): string;
  }
  interface Register<T> {
    add(name: string, value: T): void;
    get(name: string): T;
    has(name: string): boolean;
    list(): string[];
  }
  export const plugins: {
    config: {
      get(plugin: '@csl'): { styles: Register<string>; locales: Register<string> };
      get(plugin: '@bibtex'): { format: { asciiOnly: boolean; useIdAsLabel: boolean; checkLabel: boolean } };
    };
  };
}
declare module '@citation-js/plugin-csl';
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';

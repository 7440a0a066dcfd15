declare module '@mozilla/readability/Readability-readerable.js' {
  /** CommonJS module whose export is the function itself. */
  function isProbablyReaderable(doc: Document, options?: { minContentLength?: number; minScore?: number; visibilityChecker?: (node: Node) => boolean }): boolean;
  export default isProbablyReaderable;
}

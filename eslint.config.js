import tseslint from 'typescript-eslint';

/**
 * Lint rules, including the project's layer boundaries (docs/architecture.md, "Layers"):
 * lib/engine has no DOM and no browser APIs; components never call browser.*;
 * only lib/engine/ner.ts imports compromise. tests/shell/boundaries.test.ts
 * checks the same by reading imports.
 */
export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'generated/**', 'artifacts/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression > MemberExpression.left[property.name='innerHTML']",
          message: 'No HTML sinks: render page and KB text through JSX.',
        },
        {
          selector: "AssignmentExpression > MemberExpression.left[property.name='outerHTML']",
          message: 'No HTML sinks.',
        },
        { selector: "CallExpression[callee.property.name='insertAdjacentHTML']", message: 'No HTML sinks.' },
        { selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']", message: 'No HTML sinks.' },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'compromise', message: 'Only lib/engine/ner.ts may import compromise.' }] },
      ],
    },
  },
  {
    files: ['lib/engine/ner.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['lib/engine/**'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'browser', 'chrome', 'navigator', 'location'],
      'no-restricted-imports': [
        'error',
        { patterns: ['wxt/*', 'webextension-polyfill', 'preact', '**/page/*', '**/components/*'] },
      ],
    },
  },
  {
    files: ['components/**'],
    rules: {
      'no-restricted-globals': ['error', 'browser', 'chrome'],
      'no-restricted-imports': [
        'error',
        { patterns: ['wxt/browser', 'webextension-polyfill', 'compromise', '**/storage/items*'] },
      ],
    },
  },
  {
    files: ['tests/**', 'scripts/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);

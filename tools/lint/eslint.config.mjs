// ESLint flat config for classlens; the root eslint.config.js re-exports it so that
// `eslint .` at the root finds it while the imports below resolve from tools/lint.
// Not type-aware: the project type-checks with `tsc -b` (TypeScript 7), and a second,
// slower type analysis in TypeScript 5.9 would only disagree with it.
import './typescript-resolution.cjs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';

const browserCode = ['packages/elements/src/**/*.ts', 'stories/**/*.ts', 'test/**/*.ts', '.storybook/**/*.ts'];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'storybook-static/**',
      'coverage/**',
      '.cache/**',
      '.wasm-build/**',
      '**/custom-elements.json',
      '**/*.generated.ts',
      // AssemblyScript: TypeScript syntax, its own compiler and types (i32, f64, …).
      'packages/*/assembly/**',
      'bench/results/**',
      'examples/data/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-restricted-syntax': [
        'error',
        { selector: "CallExpression[callee.property.name='only']", message: 'No .only in committed tests.' },
      ],
    },
  },
  // Node: build scripts, benchmarks, configs.
  {
    files: [
      '**/*.{js,mjs,cjs}',
      'bench/**/*.ts',
      'scripts/**/*.ts',
      '*.ts',
      'packages/core/**/*.ts',
      'examples/**/*.ts',
    ],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Browser: elements, stories, browser tests.
  {
    files: browserCode,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    ...lit.configs['flat/recommended'],
    files: browserCode,
  },
  {
    ...wc.configs['flat/recommended'],
    files: browserCode,
  },
  {
    ...litA11y.configs.recommended,
    files: browserCode,
  },
  {
    files: browserCode,
    rules: {
      'lit/no-this-assign-in-render': 'error',
      'lit/no-useless-template-literals': 'error',
      'lit/lifecycle-super': 'error',
    },
  },
  // QUALITY.md: data is rendered as text, never parsed as HTML.
  {
    files: ['packages/*/src/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'lit/directives/unsafe-html.js',
            'lit/directives/unsafe-svg.js',
            'lit-html/directives/unsafe-html.js',
          ].map((name) => ({ name, message: 'Render data as text; no unsafe HTML/SVG directives.' })),
        },
      ],
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Build nodes or use Lit templates; never parse data as HTML.' },
        { property: 'outerHTML', message: 'Build nodes or use Lit templates; never parse data as HTML.' },
        { property: 'insertAdjacentHTML', message: 'Build nodes or use Lit templates; never parse data as HTML.' },
      ],
    },
  },
  {
    files: ['test/**/*.ts', 'packages/*/src/**/*.test.ts', 'packages/*/test/**/*.ts'],
    languageOptions: { globals: { ...globals.mocha } },
    rules: {
      // chai's `expect(x).to.be.true` style.
      '@typescript-eslint/no-unused-expressions': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);

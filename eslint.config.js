// The ESLint config lives in tools/lint, beside the plugins and TypeScript 5.9 it needs.
export { default } from './tools/lint/eslint.config.mjs';

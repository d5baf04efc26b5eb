/**
 * @classlens/elements — Lit web components for visual analytics of classifiers.
 * Importing this module registers every `cl-*` tag; import a single tag's module
 * (`@classlens/elements/flow-sankey.js`) to register only that one.
 *
 * @packageDocumentation
 */
export * from './shared/index.js';
export * from './flow-sankey/cl-flow-sankey.js';

/**
 * @classlens/core — every statistic behind the classlens elements, usable on its own
 * in Node scripts, browsers and workers. No DOM, no Lit, no WebGL.
 *
 * @packageDocumentation
 */
export * from './common/index.js';
export * from './flows/index.js';
export * from './compare/index.js';
export * from './similarity/index.js';
export * from './cluster/index.js';
export * from './projection/index.js';
export * from './trajectory/index.js';
export * from './workers/index.js';

export * from './crosstab.js';
export * from './conditional.js';
export * from './flow-graph.js';
export * from './check-flow-graph.js';

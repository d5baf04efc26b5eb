// The example generators: pure functions, no Node APIs, so stories can import them in the
// browser. The CLI that writes examples/data (write-data.ts) uses node:fs and is left out.
export * from './random.js';
export * from './catalogue-taxonomy.js';
export * from './catalogue.js';
export * from './catalogue-versions-taxonomy.js';
export * from './catalogue-versions.js';
export * from './movies.js';
export * from './wordnet-classes.js';
export * from './simulated-classifier.js';
export * from './to-json.js';

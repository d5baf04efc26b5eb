export * from './random.js';
export * from './catalogue-taxonomy.js';
export * from './catalogue.js';
export * from './movies.js';
export * from './to-json.js';
export * from './write-data.js';

export * from './errors.js';
export * from './matrix.js';
export * from './keys.js';
export * from './warn.js';
export * from './async.js';

// The single-file CDN bundle: every element and its dependencies, self-registering.
export * from './index.js';

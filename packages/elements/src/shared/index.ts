export * from './theme.styles.js';
export * from './states.styles.js';
export * from './resize-controller.js';
export * from './events.js';
export * from './format.js';
export * from './base-element.js';
export * from './tooltip.js';
export * from './export-image.js';

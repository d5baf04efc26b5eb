// Re-exports of the trajectory area (hidden-state trajectories of recurrent classifiers,
// after Garcia, Munz & Weiskopf 2021). One concept per file; this file only re-exports.
export * from './step-distances.js';
export * from './sequence-offsets.js';
export * from './sequence-step-distances.js';
export * from './stack-sequences.js';
export * from './trajectories.js';
export * from './find-jumps.js';
export * from './prediction-changes.js';
export * from './confidence-changes.js';
export * from './top-classes.js';
export * from './top-class-changes.js';
export * from './expected-prediction.js';

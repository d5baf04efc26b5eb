// Re-exports of the projection area. One concept per file; this file only re-exports.
export {};

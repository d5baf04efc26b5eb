// Re-exports of the cluster area. One concept per file; this file only re-exports.
export {};

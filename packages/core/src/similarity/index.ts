// Re-exports of the similarity area. One concept per file; this file only re-exports.
export {};

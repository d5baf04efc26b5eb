// Re-exports of the flows area. One concept per file; this file only re-exports.
export {};

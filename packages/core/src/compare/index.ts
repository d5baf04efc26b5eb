// Re-exports of the compare area. One concept per file; this file only re-exports.
export {};

// Re-exports of the worker pool. One concept per file; this file only re-exports.
export { WorkerPool, defaultWorkerPool, WORKER_UNAVAILABLE } from './worker-pool.js';
export type { WorkerPoolOptions, RunOptions } from './worker-pool.js';
export { registerTask } from './task-registry.js';
export type { TaskContext, TaskHandler } from './task-registry.js';
export { serveTasks } from './serve-tasks.js';

import { ClasslensError } from '../common/errors.js';

/**
 * What a task handler receives besides its payload, inside a worker (or on the calling
 * thread when a caller runs the same handler in-thread).
 */
export interface TaskContext {
  /** Reports the fraction done, in [0, 1]; forwarded to the caller's `onProgress`. */
  progress(fraction: number): void;
  /**
   * Marks array buffers of the result to be transferred (moved, not copied) back to the
   * caller. They are unusable in the worker afterwards.
   */
  transfer(...buffers: ArrayBuffer[]): void;
}

/**
 * A function a worker can run by name: takes the structured-cloned payload and returns
 * (or resolves to) a structured-cloneable result.
 */
export type TaskHandler<P = unknown, R = unknown> = (payload: P, context: TaskContext) => R | Promise<R>;

const tasks = new Map<string, TaskHandler>();

/**
 * Registers a task under `name` (convention: `"<area>/<verb>"`, e.g.
 * `"similarity/pearson-part"`) so that {@link WorkerPool.run} can run it in a worker.
 * Call it from a module that the worker entry (`src/worker.ts`, or your own) runs. Registering the
 * same handler twice is a no-op; another handler under a taken name throws
 * `DUPLICATE_KEY`.
 *
 * @example
 * registerTask('cluster/distances', (p: { data: Float64Array; m: number }, ctx) => {
 *   const out = distances(p.data, p.m, (f) => ctx.progress(f));
 *   ctx.transfer(out.buffer);
 *   return out;
 * });
 */
export function registerTask<P, R>(name: string, handler: TaskHandler<P, R>): void {
  const had = tasks.get(name);
  if (had !== undefined && had !== handler) {
    throw new ClasslensError('DUPLICATE_KEY', `registerTask: a task named ${JSON.stringify(name)} exists`, {
      key: name,
    });
  }
  tasks.set(name, handler as TaskHandler);
}

/** The handler registered under `name`, or `undefined`. */
export function getTask(name: string): TaskHandler | undefined {
  return tasks.get(name);
}

/** Names of every registered task, sorted. */
export function taskNames(): string[] {
  return Array.from(tasks.keys()).sort();
}

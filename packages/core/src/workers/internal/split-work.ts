// Internal: splitting one computation across the worker pool — the area-independent
// part of every `…Async` function that offloads work (deciding whether workers pay,
// cutting ranges, running jobs together and aborting the rest on the first failure).
import { ClasslensError } from '../../common/errors.js';
import { WorkerPool, defaultWorkerPool } from '../worker-pool.js';

/**
 * The `workers` option of the `…Async` functions: `true`/omitted (the shared pool when
 * the work pays for it), a number (at most that many workers of the shared pool; `0`
 * in-thread), a `WorkerPool`, or `false` (in-thread).
 */
export type WorkersOption = boolean | number | WorkerPool;

/** Work (multiply-adds or comparable steps) below which starting workers does not pay. */
export const MIN_PARALLEL_WORK = 3e8;

/** Validates the `workers` option (throws `INVALID_ARGUMENT`); call before any work. */
export function checkWorkers(workers: unknown, name: string): void {
  if (workers === undefined || typeof workers === 'boolean' || workers instanceof WorkerPool) return;
  if (typeof workers === 'number' && Number.isInteger(workers) && workers >= 0) return;
  throw new ClasslensError(
    'INVALID_ARGUMENT',
    `${name}: workers must be a boolean, a non-negative integer or a WorkerPool`,
  );
}

/**
 * The pool and the number of parts to split work of size `work` into, or `null` to run
 * in-thread: when the caller said so, when the work is small, or when no worker starts.
 */
export async function planWorkers(
  option: WorkersOption | undefined,
  work: number,
  maxParts: number,
): Promise<{ pool: WorkerPool; parts: number } | null> {
  if (option === false || option === 0) return null;
  const explicit = option instanceof WorkerPool;
  if (!explicit && work < MIN_PARALLEL_WORK) return null;
  const pool = explicit ? option : defaultWorkerPool();
  if (!(await pool.available())) return null;
  const cap = typeof option === 'number' ? option : pool.size;
  return { pool, parts: Math.max(1, Math.min(cap, pool.size, maxParts)) };
}

/** Even contiguous ranges covering [0, n) in `parts` pieces. */
export function splitRange(n: number, parts: number, align = 1): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start = 0;
  for (let p = 0; p < parts; p++) {
    let end = p === parts - 1 ? n : Math.round(((p + 1) * n) / parts / align) * align;
    end = Math.min(n, Math.max(start, end));
    if (end > start) out.push([start, end]);
    start = end;
  }
  return out;
}

/**
 * Runs `jobs` (each given an abort signal and a progress callback) concurrently; reports
 * their mean progress; on the first failure aborts the rest, so no worker keeps
 * computing a result nobody will read, and rejects with that failure.
 */
export async function runAll<T>(
  jobs: Array<(signal: AbortSignal, progress: (f: number) => void) => Promise<T>>,
  signal: AbortSignal | undefined,
  onProgress: ((f: number) => void) | undefined,
): Promise<T[]> {
  // One controller per job (a single shared signal would collect one listener per job).
  const controllers = jobs.map(() => new AbortController());
  const abortAll = (reason: unknown) => {
    for (const c of controllers) c.abort(reason);
  };
  const forward = () => abortAll(signal?.reason);
  signal?.addEventListener('abort', forward, { once: true });
  const fractions = new Float64Array(jobs.length);
  const report = () => {
    if (!onProgress) return;
    let s = 0;
    for (const f of fractions) s += f;
    onProgress(s / jobs.length);
  };
  try {
    return await Promise.all(
      jobs.map((job, i) =>
        // An async wrapper turns a job that throws synchronously into a rejection, so the
        // jobs already started are still aborted below.
        (async () =>
          job(controllers[i].signal, (f) => {
            fractions[i] = f;
            report();
          }))().catch((e: unknown) => {
          abortAll(e);
          throw e;
        }),
      ),
    );
  } finally {
    signal?.removeEventListener('abort', forward);
  }
}

/** `true` when `a` is backed by a SharedArrayBuffer (workers can then read it in place). */
export function isShared(a: ArrayBufferView): boolean {
  const SAB = (globalThis as { SharedArrayBuffer?: new (n: number) => ArrayBufferLike }).SharedArrayBuffer;
  return SAB !== undefined && a.buffer instanceof SAB;
}

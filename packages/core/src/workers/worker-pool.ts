import { asyncOptionsOf, describeValue, numberOption, optionsOf } from '../common/internal/validate.js';
import { ClasslensError, abortError } from '../common/errors.js';
import type { AsyncOptions } from '../common/async.js';
import { createWorker, hardwareConcurrency, type WorkerHandle } from './internal/create-worker.js';
import type { RunMessage, SerializedError, WorkerMessage } from './internal/protocol.js';

/** Options for {@link WorkerPool}. */
export interface WorkerPoolOptions {
  /**
   * Most workers alive at once. Default `min(hardwareConcurrency, 4)`, resolved on first
   * use (Node 20 only tells asynchronously).
   */
  size?: number;
  /** Milliseconds an idle worker lives before it is terminated. Default 10,000. */
  idleTimeout?: number;
  /**
   * Module the workers run. Default: the package's `worker.js` (which
   * serves every task core registers). Set it to serve your own tasks from your own
   * entry module that imports `registerTask` and calls `serveTasks()`.
   */
  url?: URL | string;
  /** Milliseconds to wait for a new worker to load before giving up on it. Default 20,000. */
  startTimeout?: number;
}

/** Options for {@link WorkerPool.run}. */
export interface RunOptions extends AsyncOptions {
  /**
   * Array buffers in the payload to transfer (move) to the worker instead of copying.
   * They are detached (length 0) in the caller once the task starts.
   */
  transfer?: ArrayBuffer[];
}

interface Job {
  id: number;
  task: string;
  payload: unknown;
  transfer: ArrayBuffer[];
  resolve(value: unknown): void;
  reject(error: unknown): void;
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
  slot?: Slot;
}

interface Slot {
  handle: WorkerHandle;
  job?: Job;
  idleTimer?: ReturnType<typeof setTimeout>;
  dead: boolean;
}

/** Name of the error {@link WorkerPool.run} rejects with when no worker can be started. */
export const WORKER_UNAVAILABLE = 'WorkerUnavailableError';

function unavailable(reason: string): Error {
  const e = new Error(`workers unavailable: ${reason}`);
  e.name = WORKER_UNAVAILABLE;
  return e;
}

function revive(s: SerializedError): Error {
  const e = s.code
    ? new ClasslensError(s.code as ClasslensError['code'], s.message, s.details)
    : Object.assign(new Error(s.message), { name: s.name });
  if (s.stack) e.stack = s.stack;
  return e;
}

let nextId = 1;

/**
 * A small pool of workers (module Web Workers in browsers, `worker_threads` in Node)
 * that run registered tasks by name. Workers start lazily, run one task at a time, are
 * reused, and are terminated after `idleTimeout`; in Node idle workers are `unref`'d, so
 * a script exits without closing the pool. Payloads are structured-cloned except the
 * buffers listed in `transfer`, which are moved.
 *
 * Aborting a task that waits in the queue removes it; aborting a running task terminates
 * its worker (JavaScript in a worker cannot be interrupted any other way) and rejects
 * with an `AbortError`; the pool starts a fresh worker when needed.
 *
 * When workers cannot start at all (no Worker/worker_threads, a CSP that blocks them,
 * the entry module not found — as when tests run the TypeScript sources), {@link available}
 * resolves `false` and {@link run} rejects with an error named `WorkerUnavailableError`;
 * core's `*Async` functions then compute in-thread in chunks instead.
 *
 * @example
 * const pool = new WorkerPool({ size: 2 });
 * const r = await pearsonSimilarityAsync(scores, { workers: pool, signal, onProgress });
 * pool.close();
 */
export class WorkerPool {
  private readonly options: WorkerPoolOptions;
  private resolvedSize: number;
  private sized = false;
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private starting = 0;
  private state: 'unknown' | 'ok' | 'unavailable' = 'unknown';
  private failure = '';
  private isClosed = false;
  private probe?: Promise<boolean>;

  constructor(opts: WorkerPoolOptions = {}) {
    const options = optionsOf(opts);
    if (options.size != null && !(Number.isInteger(options.size) && options.size >= 1)) {
      throw new ClasslensError(
        'INVALID_ARGUMENT',
        `WorkerPool: size must be an integer ≥ 1, got ${describeValue(options.size)}`,
      );
    }
    numberOption(options.idleTimeout, 'WorkerPool: idleTimeout', 0, { min: 0, infinite: true });
    numberOption(options.startTimeout, 'WorkerPool: startTimeout', 0, { min: 0, infinite: true });
    if (options.url != null && typeof options.url !== 'string' && !(options.url instanceof URL)) {
      throw new ClasslensError(
        'INVALID_ARGUMENT',
        `WorkerPool: url must be a string or a URL, got ${describeValue(options.url)}`,
      );
    }
    this.options = options;
    this.resolvedSize = options.size ?? 1;
    this.sized = options.size != null;
  }

  /** Most workers this pool runs at once (its default resolves on first use). */
  get size(): number {
    return this.resolvedSize;
  }

  /** Workers currently alive (busy or idle). */
  get workerCount(): number {
    return this.slots.length;
  }

  /** `true` once {@link close} was called. */
  get closed(): boolean {
    return this.isClosed;
  }

  /** Why workers are unavailable ('' when they are, or have not been tried). */
  get unavailableReason(): string {
    return this.state === 'unavailable' ? this.failure : '';
  }

  private async resolveSize(): Promise<void> {
    if (this.sized) return;
    this.sized = true;
    const hc = await hardwareConcurrency();
    this.resolvedSize = Math.max(1, Math.min(hc ?? 2, 4));
  }

  /**
   * Resolves `true` once a worker has started (it stays, idle, for the next task), or
   * `false` when none can start here. Cheap after the first call.
   */
  available(): Promise<boolean> {
    if (this.isClosed) return Promise.resolve(false);
    if (this.state === 'ok' && this.slots.length > 0) return Promise.resolve(true);
    if (this.state === 'unavailable') return Promise.resolve(false);
    this.probe ??= (async () => {
      await this.resolveSize();
      if (this.slots.length > 0) return true;
      const ok = await this.spawn();
      this.probe = undefined;
      return ok;
    })();
    return this.probe;
  }

  /**
   * Runs the task registered as `task` in a worker with `payload`, resolving with its
   * result. Rejects with the task's error (a `ClasslensError` keeps its `code`), with an
   * `AbortError` when `signal` aborts, or with a `WorkerUnavailableError`.
   */
  run<T = unknown>(task: string, payload: unknown, options: RunOptions = {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const { signal, onProgress } = asyncOptionsOf(options);
      const transfer = optionsOf(options).transfer ?? [];
      if (!Array.isArray(transfer)) {
        throw new ClasslensError('INVALID_ARGUMENT', `WorkerPool.run: transfer must be an array of ArrayBuffers`);
      }
      if (this.isClosed) return reject(unavailable('the pool is closed'));
      if (signal?.aborted) return reject(abortError(signal));
      const job: Job = {
        id: nextId++,
        task,
        payload,
        transfer,
        resolve: resolve as (v: unknown) => void,
        reject,
        onProgress,
        signal,
      };
      if (signal) {
        job.onAbort = () => this.abort(job);
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      this.queue.push(job);
      // Dispatch now when possible, so that a caller preparing the next payload
      // synchronously already has this one computing.
      if (this.sized) this.dispatch();
      else void this.resolveSize().then(() => this.dispatch());
    });
  }

  /** Terminates every worker and rejects queued and running tasks. The pool stays closed. */
  close(): void {
    this.isClosed = true;
    for (const job of this.queue.splice(0)) this.finish(job, undefined, unavailable('the pool was closed'));
    for (const slot of this.slots.slice()) {
      if (slot.job) this.finish(slot.job, undefined, unavailable('the pool was closed'));
      this.kill(slot);
    }
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.slots.find((s) => !s.job && !s.dead);
      if (slot) {
        this.assign(slot, this.queue.shift()!);
        continue;
      }
      if (this.slots.length + this.starting < this.resolvedSize && this.starting < this.queue.length) {
        void this.spawn().then(() => this.dispatch());
      }
      return;
    }
  }

  private assign(slot: Slot, job: Job): void {
    if (slot.idleTimer !== undefined) clearTimeout(slot.idleTimer);
    slot.idleTimer = undefined;
    slot.job = job;
    job.slot = slot;
    slot.handle.hold(true);
    const msg: RunMessage = { kind: 'run', id: job.id, task: job.task, payload: job.payload };
    try {
      slot.handle.post(msg, job.transfer);
    } catch (e) {
      // e.g. a payload that cannot be cloned: the job fails, the worker is fine.
      slot.job = undefined;
      this.finish(job, undefined, e);
      this.idle(slot);
    }
  }

  private idle(slot: Slot): void {
    slot.handle.hold(false);
    const ms = this.options.idleTimeout ?? 10_000;
    const t = setTimeout(() => this.kill(slot), ms);
    (t as { unref?: () => void }).unref?.();
    slot.idleTimer = t;
    this.dispatch();
  }

  private kill(slot: Slot): void {
    slot.dead = true;
    if (slot.idleTimer !== undefined) clearTimeout(slot.idleTimer);
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    try {
      slot.handle.terminate();
    } catch {
      // already gone
    }
  }

  private abort(job: Job): void {
    const q = this.queue.indexOf(job);
    if (q >= 0) this.queue.splice(q, 1);
    const slot = job.slot;
    this.finish(job, undefined, abortError(job.signal));
    if (slot && slot.job === job) {
      slot.job = undefined;
      this.kill(slot);
      this.dispatch();
    }
  }

  private finish(job: Job, value: unknown, error?: unknown): void {
    if (job.signal && job.onAbort) job.signal.removeEventListener('abort', job.onAbort);
    job.onAbort = undefined;
    job.slot = undefined;
    if (error !== undefined) job.reject(error);
    else job.resolve(value);
  }

  /** Starts one worker and waits for its `ready` message; `false` when it cannot start. */
  private spawn(): Promise<boolean> {
    this.starting++;
    return new Promise<boolean>((done) => {
      let settled = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let slot: Slot | undefined;
      const settle = (ok: boolean, reason = '') => {
        if (settled) return;
        settled = true;
        this.starting--;
        if (timer !== undefined) clearTimeout(timer);
        if (ok && slot) {
          this.state = 'ok';
          if (this.isClosed) this.kill(slot);
          else {
            this.slots.push(slot);
            this.idle(slot);
          }
        } else {
          this.failure = reason;
          if (slot) {
            try {
              slot.handle.terminate();
            } catch {
              // never started
            }
          }
          if (this.slots.length === 0 && this.starting === 0) {
            this.state = 'unavailable';
            for (const job of this.queue.splice(0)) this.finish(job, undefined, unavailable(reason));
          }
        }
        done(ok);
      };
      createWorker(this.options.url).then(
        (handle) => {
          const s: Slot = { handle, dead: false };
          slot = s;
          handle.onMessage((data) => {
            const msg = data as WorkerMessage;
            if (msg?.kind === 'ready') settle(true);
            else this.receive(s, msg);
          });
          handle.onFailure((err) => {
            if (!settled) settle(false, err.message);
            else this.crashed(s, err);
          });
          timer = setTimeout(() => settle(false, 'timed out starting a worker'), this.options.startTimeout ?? 20_000);
          (timer as { unref?: () => void }).unref?.();
        },
        (err: unknown) => settle(false, err instanceof Error ? err.message : String(err)),
      );
    });
  }

  private receive(slot: Slot, msg: WorkerMessage): void {
    const job = slot.job;
    if (!job || !msg || !('id' in msg) || msg.id !== job.id) return;
    if (msg.kind === 'progress') {
      job.onProgress?.(msg.value);
      return;
    }
    slot.job = undefined;
    if (msg.kind === 'done') this.finish(job, msg.value);
    else this.finish(job, undefined, revive(msg.error));
    this.idle(slot);
  }

  private crashed(slot: Slot, err: Error): void {
    if (slot.dead) return;
    const job = slot.job;
    slot.job = undefined;
    this.kill(slot);
    if (job) this.finish(job, undefined, err);
    this.dispatch();
  }
}

let shared: WorkerPool | undefined;

/**
 * The pool core's `*Async` functions use unless told otherwise: created on first use
 * with the default size, shared by every area (and created afresh after `close()`).
 */
export function defaultWorkerPool(): WorkerPool {
  if (!shared || shared.closed) shared = new WorkerPool();
  return shared;
}

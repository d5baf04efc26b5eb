// Starting a worker in each environment, behind one small handle. Core has no DOM lib, so
// the browser's Worker is declared structurally; Node's worker_threads is imported
// dynamically so nothing Node-only is evaluated in a browser.

/** The part of a browser `Worker` we use. */
interface WebWorker {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (e: { data: unknown }) => void): void;
  addEventListener(type: 'error' | 'messageerror', listener: (e: { message?: string }) => void): void;
  terminate(): void;
}
declare const Worker:
  (new (url: URL | string, options?: { type?: 'module' | 'classic'; name?: string }) => WebWorker) | undefined;

/** The part of Node's `worker_threads.Worker` we use. */
interface NodeWorker {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  on(type: 'message', listener: (data: unknown) => void): void;
  on(type: 'error' | 'messageerror', listener: (e: Error) => void): void;
  on(type: 'exit', listener: (code: number) => void): void;
  terminate(): Promise<number>;
  ref(): void;
  unref(): void;
}

/** A started worker, the same in browsers and Node. */
export interface WorkerHandle {
  post(message: unknown, transfer: ArrayBuffer[]): void;
  onMessage(listener: (data: unknown) => void): void;
  /** Called once when the worker fails to load, throws at top level, or exits. */
  onFailure(listener: (error: Error) => void): void;
  terminate(): void;
  /** Node: let the process exit while this worker idles (`unref`) or not (`ref`). */
  hold(busy: boolean): void;
}

function isNode(): boolean {
  const p = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof p?.versions?.node === 'string';
}

/**
 * Starts a worker running `url`, or by default the package's `worker.js` (the entry
 * beside `index.js` that serves every area's tasks). Browsers (and Deno, Bun) get a module
 * Web Worker, created with the literal
 * `new Worker(new URL('../../worker.js', import.meta.url), { type: 'module' })` that
 * Vite, webpack and rollup recognise and bundle; Node gets `worker_threads`. Throws when
 * neither exists; load errors arrive later through `onFailure`.
 */
export async function createWorker(url?: URL | string): Promise<WorkerHandle> {
  if (typeof Worker === 'function') {
    const w =
      url === undefined
        ? new Worker(new URL('../../worker.js', import.meta.url), { type: 'module' })
        : new Worker(url, { type: 'module' });
    return {
      post: (m, t) => w.postMessage(m, t),
      onMessage: (l) => w.addEventListener('message', (e) => l(e.data)),
      onFailure: (l) => {
        let fired = false;
        const once = (e: { message?: string }) => {
          if (fired) return;
          fired = true;
          l(new Error(`worker failed: ${e?.message || 'could not load or crashed'}`));
        };
        w.addEventListener('error', once);
        w.addEventListener('messageerror', once);
      },
      terminate: () => w.terminate(),
      hold: () => {},
    };
  }
  if (isNode()) {
    const spec = 'node:worker_threads';
    const wt = (await import(/* @vite-ignore */ /* webpackIgnore: true */ spec)) as {
      Worker: new (url: URL | string, options?: { execArgv?: string[] }) => NodeWorker;
    };
    const target = url === undefined ? new URL('../../worker.js', import.meta.url) : url;
    let w: NodeWorker;
    const argv = workerExecArgv();
    if (argv === undefined) w = new wt.Worker(target);
    else {
      try {
        w = new wt.Worker(target, { execArgv: argv });
      } catch {
        // ERR_WORKER_INVALID_EXEC_ARGV: a V8 flag such as --expose-gc cannot be set per
        // worker (only inherited); start with none rather than not at all.
        w = new wt.Worker(target, { execArgv: [] });
      }
    }
    return {
      post: (m, t) => w.postMessage(m, t),
      onMessage: (l) => w.on('message', l),
      onFailure: (l) => {
        let fired = false;
        const once = (e: Error) => {
          if (fired) return;
          fired = true;
          l(e);
        };
        w.on('error', once);
        w.on('messageerror', once);
        w.on('exit', (code) => once(new Error(`worker exited with code ${code}`)));
      },
      terminate: () => void w.terminate(),
      hold: (busy) => (busy ? w.ref() : w.unref()),
    };
  }
  throw new Error('no Worker or worker_threads in this environment');
}

/**
 * `undefined` to let the worker inherit the parent's Node flags (the default, which also
 * carries process-wide V8 flags such as --expose-gc), or the flags minus those that make
 * no sense for a worker file and stop it from starting: `node --input-type=module -e '…'`
 * would otherwise break every worker.
 */
function workerExecArgv(): string[] | undefined {
  const argv = (globalThis as { process?: { execArgv?: string[] } }).process?.execArgv ?? [];
  const out: string[] = [];
  let dropped = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--input-type' || a === '-e' || a === '--eval' || a === '-p' || a === '--print') {
      i++;
      dropped = true;
    } else if (a.startsWith('--input-type=') || a.startsWith('--eval=') || a.startsWith('--print=')) dropped = true;
    else out.push(a);
  }
  return dropped ? out : undefined;
}

/** Logical processors, or `undefined` when the platform does not say. */
export async function hardwareConcurrency(): Promise<number | undefined> {
  const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator;
  if (nav && typeof nav.hardwareConcurrency === 'number' && nav.hardwareConcurrency > 0) return nav.hardwareConcurrency;
  if (isNode()) {
    try {
      const spec = 'node:os';
      const os = (await import(/* @vite-ignore */ /* webpackIgnore: true */ spec)) as {
        availableParallelism?: () => number;
        cpus: () => unknown[];
      };
      return os.availableParallelism ? os.availableParallelism() : os.cpus().length;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

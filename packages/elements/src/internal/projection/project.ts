import { ClasslensError, tsne, type Matrix } from '@classlens/core';
import type { ProjectReply, ProjectRequest, ProjectionSettings } from './protocol.js';
import { pcaLayout } from './xy.js';

/** Where the projection ran. */
export type ProjectedIn = 'worker' | 'thread';

/** Options of {@link projectStates} besides the settings. */
export interface ProjectSignals {
  signal: AbortSignal;
  onProgress: (fraction: number) => void;
  /** Intermediate t-SNE layouts (interleaved x, y), at most every `layoutEveryMs`. */
  onLayout?: (layout: Float32Array | Float64Array, iteration: number) => void;
  /**
   * The worker module; `null` computes on the calling thread (chunked: core's t-SNE
   * yields every few milliseconds). Default: `projection-worker.js` beside this module.
   */
  workerUrl?: URL | string | null;
  /** Least milliseconds between intermediate layouts (default 50: about 20 a second). */
  layoutEveryMs?: number;
  /** Milliseconds to wait for the worker to load before computing in-thread (default 10,000). */
  startTimeout?: number;
}

/** The result: the 2-D layout, interleaved, and where it was computed. */
export interface Projection {
  layout: Float64Array;
  where: ProjectedIn;
}

/** URLs whose worker failed to load on this page: not tried again. */
const broken = new Set<string>();

/** Why the last worker could not be used (for a warning), or `''`. */
export let workerFailure = '';

/**
 * Projects hidden states to 2-D with core's `tsne` or `pca` in a module Web Worker, with
 * progress, intermediate layouts while t-SNE iterates, and abort (which terminates the
 * worker). When no worker can start — no `Worker`, a CSP whose `worker-src` forbids it, a
 * single-file bundle without the worker file, sources served untranspiled — it computes
 * on the calling thread instead: the same numbers (both run core with the same seed),
 * t-SNE in slices of a few milliseconds, PCA in one go.
 */
export async function projectStates(
  states: Matrix,
  settings: ProjectionSettings,
  signals: ProjectSignals,
): Promise<Projection> {
  const { signal } = signals;
  if (signal.aborted) throw abortError();
  const url = signals.workerUrl === undefined ? defaultWorkerUrl() : signals.workerUrl;
  if (url !== null && typeof Worker === 'function' && !broken.has(String(url))) {
    const r = await inWorker(states, settings, signals, url);
    if (r) return { layout: r, where: 'worker' };
  }
  return { layout: await inThread(states, settings, signals), where: 'thread' };
}

function defaultWorkerUrl(): URL | null {
  try {
    return new URL('./projection-worker.js', import.meta.url);
  } catch {
    return null;
  }
}

function abortError(): DOMException {
  return new DOMException('The projection was aborted', 'AbortError');
}

/** Resolves the layout, or `null` when the worker could not start (then the caller computes in-thread). */
function inWorker(
  states: Matrix,
  settings: ProjectionSettings,
  signals: ProjectSignals,
  url: URL | string,
): Promise<Float64Array | null> {
  return new Promise<Float64Array | null>((resolve, reject) => {
    let worker: Worker;
    try {
      // The literal form bundlers (Vite, webpack, Parcel) recognise and emit as a chunk
      // when `url` is the default; any URL works at run time.
      worker =
        signals.workerUrl === undefined
          ? new Worker(new URL('./projection-worker.js', import.meta.url), { type: 'module' })
          : new Worker(url, { type: 'module' });
    } catch (e) {
      workerFailure = e instanceof Error ? e.message : String(e);
      broken.add(String(url));
      resolve(null);
      return;
    }
    let ready = false;
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signals.signal.removeEventListener('abort', onAbort);
      worker.terminate();
      f();
    };
    const unavailable = (why: string) => {
      workerFailure = why;
      broken.add(String(url));
      finish(() => resolve(null));
    };
    const timer = setTimeout(() => {
      if (!ready) unavailable('the projection worker did not start');
    }, signals.startTimeout ?? 10_000);
    const onAbort = () => finish(() => reject(abortError()));
    signals.signal.addEventListener('abort', onAbort);
    worker.addEventListener('error', (e) => {
      if (!ready) unavailable(`the projection worker could not load (${(e as ErrorEvent).message || 'error'})`);
      else finish(() => reject(new Error(`projection worker crashed: ${(e as ErrorEvent).message || 'error'}`)));
    });
    worker.addEventListener('message', (e: MessageEvent<ProjectReply>) => {
      const m = e.data;
      switch (m.kind) {
        case 'ready': {
          ready = true;
          // A copy (never transfer the caller's buffer); typed → typed, without an iterator.
          const data = new Float64Array(states.data);
          const req: ProjectRequest = {
            kind: 'project',
            ...settings,
            data,
            rows: states.rows,
            cols: states.cols,
            layoutEveryMs: signals.layoutEveryMs ?? 50,
          };
          worker.postMessage(req, [data.buffer]);
          break;
        }
        case 'progress':
          signals.onProgress(m.value);
          break;
        case 'layout':
          signals.onLayout?.(m.layout, m.iteration);
          break;
        case 'done':
          finish(() => resolve(m.layout));
          break;
        case 'fail':
          finish(() =>
            reject(
              m.error.code
                ? new ClasslensError(m.error.code as ClasslensError['code'], m.error.message)
                : Object.assign(new Error(m.error.message), { name: m.error.name }),
            ),
          );
          break;
      }
    });
  });
}

async function inThread(states: Matrix, settings: ProjectionSettings, signals: ProjectSignals): Promise<Float64Array> {
  if (settings.method === 'pca') {
    signals.onProgress(0);
    return pcaLayout(states);
  }
  let last = 0;
  const every = signals.layoutEveryMs ?? 50;
  const m = await tsne(states, {
    ...(settings.perplexity !== undefined ? { perplexity: settings.perplexity } : {}),
    ...(settings.iterations !== undefined ? { iterations: settings.iterations } : {}),
    ...(settings.theta !== undefined ? { theta: settings.theta } : {}),
    ...(settings.seed !== undefined ? { seed: settings.seed } : {}),
    signal: signals.signal,
    onProgress: signals.onProgress,
    onLayout: (y, iteration) => {
      const now = performance.now();
      if (!signals.onLayout || now - last < every) return;
      last = now;
      signals.onLayout(y.slice(), iteration);
    },
  });
  return m.data instanceof Float64Array ? m.data.slice() : Float64Array.from(m.data);
}

import { getTask, taskNames, type TaskContext } from './task-registry.js';
import { serializeError, type RunMessage, type WorkerMessage } from './internal/protocol.js';

interface Port {
  post(message: WorkerMessage, transfer?: ArrayBuffer[]): void;
  listen(handler: (message: RunMessage) => void): void;
}

interface WebScope {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (e: { data: RunMessage }) => void): void;
}

interface NodeParentPort {
  postMessage(message: unknown, transfer?: ArrayBuffer[]): void;
  on(type: 'message', listener: (data: RunMessage) => void): void;
}

async function connect(): Promise<Port> {
  const g = globalThis as unknown as Partial<WebScope>;
  if (typeof g.postMessage === 'function' && typeof g.addEventListener === 'function') {
    const scope = g as WebScope;
    return {
      post: (m, t) => scope.postMessage(m, t ?? []),
      listen: (h) => scope.addEventListener('message', (e) => h(e.data)),
    };
  }
  // Node's worker_threads; the specifier is hidden from bundlers that target browsers.
  const spec = 'node:worker_threads';
  const wt = (await import(/* @vite-ignore */ /* webpackIgnore: true */ spec)) as { parentPort: NodeParentPort | null };
  const port = wt.parentPort;
  if (!port) throw new Error('serveTasks: not running in a worker');
  return {
    post: (m, t) => port.postMessage(m, t ?? []),
    listen: (h) => port.on('message', h),
  };
}

/**
 * Serves the registered tasks to the pool that started this worker: runs one message at
 * a time, reports progress, transfers what the handler marks, and posts errors as data.
 * Posts `{ kind: 'ready' }` once listening, which is how the pool knows the worker
 * loaded (a worker that fails to load never says it).
 */
export async function serveTasks(): Promise<void> {
  const port = await connect();
  port.listen(async (msg) => {
    if (!msg || msg.kind !== 'run') return;
    const { id, task, payload } = msg;
    const handler = getTask(task);
    if (!handler) {
      port.post({
        kind: 'fail',
        id,
        error: { name: 'Error', message: `worker: unknown task ${JSON.stringify(task)}` },
      });
      return;
    }
    const transfer: ArrayBuffer[] = [];
    const ctx: TaskContext = {
      progress: (value) => port.post({ kind: 'progress', id, value }),
      transfer: (...buffers) => {
        for (const b of buffers) if (!transfer.includes(b)) transfer.push(b);
      },
    };
    try {
      const value = await handler(payload, ctx);
      port.post({ kind: 'done', id, value }, transfer);
    } catch (e) {
      port.post({ kind: 'fail', id, error: serializeError(e) });
    }
  });
  port.post({ kind: 'ready', tasks: taskNames() });
}

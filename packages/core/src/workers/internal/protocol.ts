// Messages between WorkerPool and worker-entry. Internal; not exported from the package.

/** Main thread → worker. */
export interface RunMessage {
  kind: 'run';
  id: number;
  task: string;
  payload: unknown;
}

/** A task's error, as plain data (errors do not structured-clone their class or code). */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  details?: Record<string, unknown>;
  stack?: string;
}

/** Worker → main thread. */
export type WorkerMessage =
  | { kind: 'ready'; tasks: string[] }
  | { kind: 'progress'; id: number; value: number }
  | { kind: 'done'; id: number; value: unknown }
  | { kind: 'fail'; id: number; error: SerializedError };

export function serializeError(e: unknown): SerializedError {
  if (e instanceof Error) {
    const o = e as Error & { code?: unknown; details?: unknown };
    const s: SerializedError = { name: e.name, message: e.message };
    if (typeof o.code === 'string') s.code = o.code;
    if (o.details && typeof o.details === 'object') s.details = o.details as Record<string, unknown>;
    if (e.stack) s.stack = e.stack;
    return s;
  }
  return { name: 'Error', message: String(e) };
}

// Messages between the projection worker and `projectStates`. Internal.

/** What to compute: t-SNE (core's `tsne`) or PCA (core's `pca`) to 2-D. */
export interface ProjectionSettings {
  method: 'tsne' | 'pca';
  perplexity?: number;
  iterations?: number;
  theta?: number;
  seed?: number;
}

/** Main thread → worker. */
export interface ProjectRequest extends ProjectionSettings {
  kind: 'project';
  /** Row-major states (rows × cols), transferred. */
  data: Float64Array;
  rows: number;
  cols: number;
  /** Least milliseconds between intermediate layouts posted while t-SNE iterates. */
  layoutEveryMs: number;
}

/** Worker → main thread. */
export type ProjectReply =
  | { kind: 'ready' }
  | { kind: 'progress'; value: number }
  | { kind: 'layout'; iteration: number; layout: Float32Array }
  | { kind: 'done'; layout: Float64Array }
  | { kind: 'fail'; error: { name: string; message: string; code?: string } };

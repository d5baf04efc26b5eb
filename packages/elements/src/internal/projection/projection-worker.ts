// The module the projection worker runs: core's tsne/pca off the main thread, posting
// progress and, while t-SNE iterates, the layout every few frames (so the view animates).
// `projectStates` creates it with `new Worker(new URL('./projection-worker.js',
// import.meta.url), { type: 'module' })`, the form bundlers recognise.
import { tsne } from '@classlens/core';
import type { ProjectReply, ProjectRequest } from './protocol.js';
import { pcaLayout } from './xy.js';

interface Scope {
  postMessage(message: ProjectReply, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<ProjectRequest>) => void): void;
}
const scope = globalThis as unknown as Scope;
const post = (m: ProjectReply, transfer: Transferable[] = []) => scope.postMessage(m, transfer);

scope.addEventListener('message', (e) => {
  const req = e.data;
  if (!req || req.kind !== 'project') return;
  void run(req);
});

async function run(req: ProjectRequest): Promise<void> {
  try {
    const data = { rows: req.rows, cols: req.cols, data: req.data };
    let layout: Float64Array;
    if (req.method === 'pca') {
      post({ kind: 'progress', value: 0 });
      layout = pcaLayout(data);
    } else {
      let last = 0;
      const m = await tsne(data, {
        ...(req.perplexity !== undefined ? { perplexity: req.perplexity } : {}),
        ...(req.iterations !== undefined ? { iterations: req.iterations } : {}),
        ...(req.theta !== undefined ? { theta: req.theta } : {}),
        ...(req.seed !== undefined ? { seed: req.seed } : {}),
        onProgress: (value) => post({ kind: 'progress', value }),
        onLayout: (y, iteration) => {
          const now = performance.now();
          if (now - last < req.layoutEveryMs) return;
          last = now;
          const copy = Float32Array.from(y);
          post({ kind: 'layout', iteration, layout: copy }, [copy.buffer]);
        },
      });
      layout = m.data instanceof Float64Array ? m.data : Float64Array.from(m.data);
    }
    post({ kind: 'done', layout }, [layout.buffer]);
  } catch (err) {
    const o = err as { name?: string; message?: string; code?: unknown };
    post({
      kind: 'fail',
      error: {
        name: o?.name ?? 'Error',
        message: o?.message ?? String(err),
        ...(typeof o?.code === 'string' ? { code: o.code } : {}),
      },
    });
  }
}

post({ kind: 'ready' });

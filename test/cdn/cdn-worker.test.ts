// The CDN bundle's core worker (dist/cdn/classlens-worker.js, built beside classlens.js):
// it must load as a module worker on its own and serve core's tasks, so that the `…Async`
// functions inside the single-file bundle compute in workers there too.
import { expect } from '../harness/index.js';

const workerUrl = new URL('../../packages/elements/dist/cdn/classlens-worker.js', import.meta.url);

function nextMessage(w: Worker): Promise<{ kind: string; [k: string]: unknown }> {
  return new Promise((resolve, reject) => {
    w.addEventListener('message', (e) => resolve(e.data), { once: true });
    w.addEventListener('error', (e) => reject(new Error(e.message || 'worker failed')), { once: true });
  });
}

describe('CDN bundle: core worker (dist/cdn/classlens-worker.js)', () => {
  it('loads as a module worker, announces the similarity tasks and runs one', async () => {
    const w = new Worker(workerUrl, { type: 'module' });
    try {
      const ready = await nextMessage(w);
      expect(ready.kind).to.equal('ready');
      expect(ready.tasks).to.include('similarity/pearson-part');
      // Rows of a 3 × 2 matrix whose columns are perfectly correlated: one Pearson part.
      const data = new Float64Array([1, 2, 2, 4, 3, 6]);
      w.postMessage({ kind: 'run', id: 1, task: 'similarity/pearson-part', payload: { data, m: 2, kernel: 'js' } });
      let msg = await nextMessage(w);
      while (msg.kind === 'progress') msg = await nextMessage(w);
      expect(msg.kind).to.equal('done');
      const parts = msg.value as { n: number; m: number }[];
      expect(parts.length).to.equal(1);
      expect(parts[0].n).to.equal(3);
      expect(parts[0].m).to.equal(2);
    } finally {
      w.terminate();
    }
  });

  it('imports nothing (self-contained beside classlens.js)', async () => {
    const text = await (await fetch(workerUrl)).text();
    expect(text).not.to.match(/from\s*["'](?!\.)/);
    expect(text).not.to.match(/import\(["'](?!node:)/);
  });
});

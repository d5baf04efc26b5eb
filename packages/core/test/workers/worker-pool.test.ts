// WorkerPool with real worker_threads, on core built to plain JS (see build-core.ts).
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCore, type BuiltCore } from './build-core.js';

import type * as CoreModule from '../../src/index.js';
import type * as WorkersModule from '../../src/workers/index.js';

type Core = typeof CoreModule;
type Workers = typeof WorkersModule;

let built: BuiltCore;
let W: Workers;
let testEntry: URL;

beforeAll(async () => {
  built = await buildCore();
  W = (await import(/* @vite-ignore */ pathToFileURL(join(built.dir, 'workers', 'index.js')).href)) as Workers;
  testEntry = pathToFileURL(join(built.dir, 'test-entry.js'));
}, 60_000);
afterAll(() => built?.cleanup());

describe('WorkerPool', () => {
  it('runs a task in a worker and reports its registered tasks are served', async () => {
    const pool = new W.WorkerPool({ size: 2, url: testEntry });
    expect(await pool.available()).toBe(true);
    expect(await pool.run('test/echo', { a: [1, 2, 3] })).toEqual({ a: [1, 2, 3] });
    pool.close();
  });
  it('transfers buffers both ways instead of copying them', async () => {
    const pool = new W.WorkerPool({ size: 1, url: testEntry });
    const data = new Float64Array([1, 2, 3.5]);
    const out = await pool.run<Float64Array>('test/sum', { data }, { transfer: [data.buffer] });
    expect(data.byteLength).toBe(0); // detached: moved to the worker
    expect(Array.from(out)).toEqual([6.5, 3]);
    pool.close();
  });
  it('runs tasks concurrently up to its size, queueing the rest', async () => {
    const pool = new W.WorkerPool({ size: 2, url: testEntry });
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => pool.run('test/spin', { ms: 30 })));
    expect(results).toEqual(['done', 'done', 'done', 'done', 'done']);
    // Never more than its size; on a loaded machine the first worker may finish every task
    // before the second has started, so 1 is possible too.
    expect(pool.workerCount).toBeGreaterThanOrEqual(1);
    expect(pool.workerCount).toBeLessThanOrEqual(2);
    pool.close();
    expect(pool.workerCount).toBe(0);
  });
  it('forwards progress, and rejects with the task error keeping ClasslensError codes', async () => {
    const pool = new W.WorkerPool({ size: 1, url: testEntry });
    const seen: number[] = [];
    await pool.run('test/spin', { ms: 40 }, { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((f) => f >= 0 && f <= 1)).toBe(true);
    await expect(pool.run('test/fail', null)).rejects.toMatchObject({
      name: 'ClasslensError',
      code: 'NOT_SQUARE',
      message: 'matrix: 2 × 3 is not square',
      details: { rows: 2 },
    });
    await expect(pool.run('no/such-task', null)).rejects.toThrow(/unknown task "no\/such-task"/);
    // The worker survives a task error and serves the next task.
    expect(await pool.run('test/echo', 7)).toBe(7);
    pool.close();
  });
  it('aborting a running task terminates its worker and rejects with AbortError; queued tasks just leave', async () => {
    const pool = new W.WorkerPool({ size: 1, url: testEntry });
    const ac = new AbortController();
    const running = pool.run('test/spin', { ms: 10_000 }, { signal: ac.signal });
    const queued = pool.run('test/spin', { ms: 10_000 }, { signal: ac.signal });
    const t0 = Date.now();
    setTimeout(() => ac.abort(), 50);
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    await expect(queued).rejects.toMatchObject({ name: 'AbortError' });
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(pool.workerCount).toBe(0);
    expect(await pool.run('test/echo', 'again')).toBe('again'); // a fresh worker starts
    pool.close();
  });
  it('rejects when a worker dies mid-task, and recovers', async () => {
    const pool = new W.WorkerPool({ size: 1, url: testEntry });
    await expect(pool.run('test/exit', null)).rejects.toThrow(/exited with code 3/);
    expect(await pool.run('test/echo', 1)).toBe(1);
    pool.close();
  });
  it('reports workers unavailable when the entry cannot load, and run() rejects with WorkerUnavailableError', async () => {
    const pool = new W.WorkerPool({ url: pathToFileURL(join(built.dir, 'missing.js')) });
    expect(await pool.available()).toBe(false);
    expect(pool.unavailableReason).not.toBe('');
    await expect(pool.run('test/echo', 1)).rejects.toMatchObject({ name: W.WORKER_UNAVAILABLE });
  });
  it('terminates idle workers after idleTimeout', async () => {
    const pool = new W.WorkerPool({ size: 1, url: testEntry, idleTimeout: 50 });
    await pool.run('test/echo', 1);
    expect(pool.workerCount).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(pool.workerCount).toBe(0);
  });
  it('defaultWorkerPool() is shared, and replaced once closed', () => {
    const a = W.defaultWorkerPool();
    expect(W.defaultWorkerPool()).toBe(a);
    a.close();
    expect(a.closed).toBe(true);
    const b = W.defaultWorkerPool();
    expect(b).not.toBe(a);
    expect(b.closed).toBe(false);
  });
  it('throws INVALID_ARGUMENT for a bad size, and registerTask refuses a second handler under one name', () => {
    expect(() => new W.WorkerPool({ size: 0 })).toThrow(/size must be an integer ≥ 1/);
    W.registerTask('test/once', () => 1);
    expect(() => W.registerTask('test/once', () => 2)).toThrow(/exists/);
  });
});

describe('similarity *Async through real workers (built core, default worker-entry)', () => {
  let C: Core;
  beforeAll(async () => {
    C = (await import(/* @vite-ignore */ pathToFileURL(join(built.dir, 'index.js')).href)) as Core;
  });
  const logits = (n: number, m: number, seed: number) => {
    let s = seed >>> 0;
    const r = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296;
    const data = new Float64Array(n * m);
    for (let i = 0; i < n; i++) {
      const z = r() - 0.5;
      for (let j = 0; j < m; j++) data[i * m + j] = z * (j % 3) + r();
    }
    return { rows: n, cols: m, data };
  };
  const maxDiff = (a: { data: ArrayLike<number> }, b: { data: ArrayLike<number> }) => {
    let d = 0;
    for (let k = 0; k < a.data.length; k++) {
      const x = a.data[k];
      const y = b.data[k];
      if (Number.isNaN(x) !== Number.isNaN(y)) return Infinity;
      if (!Number.isNaN(x)) d = Math.max(d, Math.abs(x - y));
    }
    return d;
  };

  it('pearsonSimilarityAsync splits samples across workers and equals the synchronous result', async () => {
    const pool = new W.WorkerPool({ size: 2 });
    const x = logits(3000, 70, 1);
    x.data[5 * 70 + 3] = x.data[3]; // nothing special, just make sure the input is ours
    const before = x.data.slice();
    const seen: number[] = [];
    for (const backend of ['js', 'wasm'] as const) {
      const r = await C.pearsonSimilarityAsync(x, { workers: pool, backend, onProgress: (f) => seen.push(f) });
      // Different block sums, same numbers: 1e-12 for float64, the float32 bound for wasm.
      expect(maxDiff(r, C.pearsonSimilarity(x, { backend }))).toBeLessThan(backend === 'js' ? 1e-12 : 1.7e-6);
    }
    expect(pool.workerCount).toBeGreaterThanOrEqual(1); // 2 unless one finished before the other started
    expect(pool.workerCount).toBeLessThanOrEqual(2);
    expect(x.data).toEqual(before); // copied, not transferred: the caller's array is intact
    expect(seen.at(-1)).toBe(1);
    pool.close();
  });
  it('spearmanSimilarityAsync and rankColumnsAsync through workers equal the synchronous results', async () => {
    const pool = new W.WorkerPool({ size: 2 });
    const x = logits(2000, 45, 2);
    for (let i = 0; i < 2000; i++) x.data[i * 45 + 4] = Math.round(x.data[i * 45 + 4] * 3); // ties
    const ranks = await C.rankColumnsAsync(x, { workers: pool });
    expect(Array.from(ranks.data)).toEqual(Array.from(C.rankColumns(x).data));
    const rho = await C.spearmanSimilarityAsync(x, { workers: pool, backend: 'js' });
    expect(maxDiff(rho, C.spearmanSimilarity(x, { backend: 'js' }))).toBeLessThan(1e-12);
    pool.close();
  });
  it('reads scores on a SharedArrayBuffer in place (no copies) with the same results', async () => {
    const pool = new W.WorkerPool({ size: 2 });
    const x = logits(2500, 40, 6);
    const sab = new Float64Array(new SharedArrayBuffer(x.data.byteLength));
    sab.set(x.data);
    const shared = { rows: x.rows, cols: x.cols, data: sab };
    const r = await C.pearsonSimilarityAsync(shared, { workers: pool, backend: 'js' });
    expect(maxDiff(r, C.pearsonSimilarity(x, { backend: 'js' }))).toBeLessThan(1e-12);
    const ranks = await C.rankColumnsAsync(shared, { workers: pool });
    expect(Array.from(ranks.data)).toEqual(Array.from(C.rankColumns(x).data));
    expect(Array.from(sab)).toEqual(Array.from(x.data));
    pool.close();
  });
  it('aborting terminates the workers involved and rejects with AbortError', async () => {
    const pool = new W.WorkerPool({ size: 2 });
    const x = logits(20_000, 300, 3);
    const ac = new AbortController();
    const p = C.pearsonSimilarityAsync(x, {
      workers: pool,
      backend: 'js',
      signal: ac.signal,
      onProgress: (f) => {
        if (f > 0) ac.abort();
      },
    });
    await expect(p).rejects.toMatchObject({ name: 'AbortError' });
    expect(pool.workerCount).toBe(0);
    pool.close();
  });
  it('rejects with NON_FINITE naming the first bad entry when a worker meets it', async () => {
    const pool = new W.WorkerPool({ size: 2 });
    const x = logits(3000, 20, 8);
    x.data[2900 * 20 + 7] = NaN; // in the last slice
    x.data[2950 * 20 + 1] = Infinity;
    await expect(C.pearsonSimilarityAsync(x, { workers: pool })).rejects.toMatchObject({
      name: 'ClasslensError',
      code: 'NON_FINITE',
      message: 'scores: NaN at row 2900, column 7',
    });
    pool.close();
  });
  it('falls back in-thread when the pool cannot start workers', async () => {
    const pool = new W.WorkerPool({ url: pathToFileURL(join(built.dir, 'missing.js')) });
    const x = logits(200, 9, 4);
    const r = await C.pearsonSimilarityAsync(x, { workers: pool });
    expect(Array.from(r.data)).toEqual(Array.from(C.pearsonSimilarity(x).data));
  });
});

describe('a Node script using the default pool', () => {
  it('exits on its own after pearsonSimilarityAsync used workers (idle workers are unref’d), flags or not', () => {
    const script = `
      import { pearsonSimilarityAsync, pearsonSimilarity } from './index.js';
      import { defaultWorkerPool } from './workers/index.js';
      const n = 6000, m = 400, data = new Float64Array(n * m);
      for (let k = 0; k < data.length; k++) data[k] = Math.sin(k * 0.37) + (k % 7);
      const x = { rows: n, cols: m, data };
      const r = await pearsonSimilarityAsync(x);
      const s = pearsonSimilarity(x);
      let d = 0;
      for (let k = 0; k < r.data.length; k++) d = Math.max(d, Math.abs(r.data[k] - s.data[k]));
      console.log(JSON.stringify({ workers: defaultWorkerPool().workerCount, size: defaultWorkerPool().size, d }));
    `;
    const t0 = Date.now();
    // --expose-gc (as `npm run bench` uses): a V8 flag that workers inherit but reject when
    // passed explicitly; --input-type/-e: flags a worker must not inherit.
    const res = spawnSync(process.execPath, ['--expose-gc', '--input-type=module', '-e', script], {
      cwd: built.dir,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(res.status, res.stderr).toBe(0);
    const out = JSON.parse(res.stdout.trim().split('\n').at(-1)!);
    expect(out.workers).toBeGreaterThan(0);
    expect(out.d).toBeLessThan(1.7e-6);
    // Well under the 10 s idle timeout: the process did not wait for idle workers.
    expect(Date.now() - t0).toBeLessThan(9_000);
  }, 70_000);
});

// The relaxed-SIMD build of the wasm kernels (fused multiply-add in the Gram kernel),
// which engines without relaxed SIMD — Node 20, where vitest runs — never load. A child
// Node with --experimental-wasm-relaxed-simd runs it on core built to JS, against the JS
// kernel; a child without the flag must pick the baseline build.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCore, type BuiltCore } from '../workers/build-core.js';

let built: BuiltCore;
beforeAll(async () => {
  built = await buildCore();
}, 60_000);
afterAll(() => built?.cleanup());

const script = `
  import { pearsonSimilarity, spearmanSimilarity, rankColumns } from './index.js';
  import { wasmVariant } from './similarity/internal/wasm-kernel.js';
  let s = 7;
  const r = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 4294967296);
  const n = 700, m = 37, data = new Float64Array(n * m);
  for (let i = 0; i < n; i++) { const z = r(); for (let j = 0; j < m; j++) data[i * m + j] = z * (j % 5) + r(); }
  const x = { rows: n, cols: m, data };
  const diff = (a, b) => { let d = 0; for (let k = 0; k < a.data.length; k++) d = Math.max(d, Math.abs(a.data[k] - b.data[k])); return d; };
  const eq = (a, b) => a.data.every((v, k) => v === b.data[k]);
  console.log(JSON.stringify({
    variant: wasmVariant(),
    pearson: diff(pearsonSimilarity(x, { backend: 'wasm' }), pearsonSimilarity(x, { backend: 'js' })),
    spearman: diff(spearmanSimilarity(x, { backend: 'wasm' }), spearmanSimilarity(x, { backend: 'js' })),
    ranks: eq(rankColumns(x, { backend: 'wasm' }), rankColumns(x, { backend: 'js' })),
  }));
`;

function run(flags: string[]) {
  const res = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', script], {
    cwd: built.dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(res.status, res.stderr).toBe(0);
  return JSON.parse(res.stdout.trim().split('\n').at(-1)!);
}

describe('the relaxed-SIMD wasm build', () => {
  it('is chosen where the engine validates it and agrees with the JS kernel (1e-6, ranks exact)', () => {
    const out = run(['--experimental-wasm-relaxed-simd']);
    expect(out.variant).toBe('relaxed-simd');
    expect(out.pearson).toBeLessThan(1e-6);
    expect(out.pearson).toBeGreaterThan(0);
    expect(out.spearman).toBeLessThan(1e-6);
    expect(out.ranks).toBe(true);
  });
  it('is not chosen where relaxed SIMD is off: the baseline SIMD build runs', () => {
    const out = run([]);
    expect(out.variant).toBe('simd');
    expect(out.pearson).toBeLessThan(1e-6);
  });
});

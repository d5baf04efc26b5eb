// The two Gram and ranking kernels against each other, the exact block merge, the
// power-of-two helpers, the generated wasm module's freshness, and the fallback to
// JavaScript where WebAssembly cannot run.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { pearsonSimilarity, setWarningHandler } from '../../src/index.js';
import { mergePearson } from '../../src/similarity/internal/merge.js';
import { gramOfColumnsSteps, pearsonPartSteps } from '../../src/similarity/internal/pearson-part.js';
import { runSteps } from '../../src/common/internal/steps.js';
import { exponentOf, pow2 } from '../../src/similarity/internal/float-bits.js';
import { logits, maxAbsDiff, rng } from './helpers.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

describe('Gram kernels (wasm SIMD float32 and scalar JS float64)', () => {
  it('agree on every entry of a blocked, chunked triangle (m = 1000: several JB blocks and k-chunks)', () => {
    const n = 500;
    const m = 1000;
    const r = rng(11);
    // Unit-norm class-major rows: the float32 bound 14·2^-24 ≈ 8.3e-7 then applies directly.
    const z64 = new Float64Array(n * m);
    for (let c = 0; c < m; c++) {
      let ss = 0;
      for (let k = 0; k < n; k++) ss += (z64[c * n + k] = r() - 0.5) ** 2;
      for (let k = 0; k < n; k++) z64[c * n + k] /= Math.sqrt(ss);
    }
    const wSteps = gramOfColumnsSteps(Float32Array.from(z64), n, m, 'wasm');
    let chunks = 0;
    let s = wSteps.next();
    while (!s.done) {
      chunks++;
      s = wSteps.next();
    }
    const gw = s.value;
    const gj = runSteps(gramOfColumnsSteps(z64, n, m, 'js'));
    expect(chunks).toBeGreaterThan(1);
    expect(gw.length).toBe((m * (m + 1)) / 2);
    let d = 0;
    for (let q = 0; q < gw.length; q++) d = Math.max(d, Math.abs(gw[q] - gj[q]));
    expect(d).toBeLessThan(8.3e-7);
    expect(d).toBeGreaterThan(0); // the kernels really differ (float32 vs float64)
  });
  it('row-major parts agree between kernels: statistics exactly, Gram within the bound', () => {
    const x = logits(777, 61, 5);
    const w = runSteps(pearsonPartSteps(x.data, 61, 5, 770, 'wasm'));
    const j = runSteps(pearsonPartSteps(x.data, 61, 5, 770, 'js'));
    for (const key of ['mean', 'exp', 'constant', 'first'] as const)
      expect(Array.from(w[key])).toEqual(Array.from(j[key]));
    for (let c = 0; c < 61; c++) expect(w.m2[c]).toBeCloseTo(j.m2[c], 9);
    let d = 0;
    for (let i = 0, q = 0; i < 61; i++) {
      for (let c = 0; c <= i; c++, q++) d = Math.max(d, Math.abs(w.gram[q] - j.gram[q]) / Math.sqrt(j.m2[i] * j.m2[c]));
    }
    expect(d).toBeLessThan(8.3e-7);
  });
});

describe('mergePearson(parts) — splitting samples into blocks', () => {
  it('gives the single-block result for any split, even across blocks of very different scale', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 80 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
        fc.integer({ min: -40, max: 40 }),
        (n, m, seed, cuts, e) => {
          const x = logits(n, m, seed);
          // Make the second half of the samples 10^e times larger (exact in both halves' units).
          const data = Float64Array.from(x.data, (v, k) => (Math.floor(k / m) >= n / 2 ? v * 10 ** e : v));
          const points = [...new Set(cuts.map((c) => Math.floor(c * n)))]
            .sort((a, b) => a - b)
            .filter((c) => c > 0 && c < n);
          const bounds = [0, ...points, n];
          const parts = bounds.slice(1).map((end, i) => runSteps(pearsonPartSteps(data, m, bounds[i], end, 'js')));
          const whole = mergePearson([runSteps(pearsonPartSteps(data, m, 0, n, 'js'))], m);
          expect(maxAbsDiff(mergePearson(parts, m), whole)).toBeLessThan(1e-10);
        },
      ),
      { numRuns: 150 },
    );
  });
  it('treats a column as constant only if every block holds the same single value', () => {
    const data = Float64Array.from([1, 0, 1, 1, 2, 2, 2, 3]); // column 0: 1,1 | 2,2 → not constant
    const a = runSteps(pearsonPartSteps(data, 2, 0, 2, 'js'));
    const b = runSteps(pearsonPartSteps(data, 2, 2, 4, 'js'));
    const r = mergePearson([a, b], 2);
    expect(r.data[0]).toBe(1);
    expect(r.data[1]).toBeCloseTo(pearsonSimilarity({ rows: 4, cols: 2, data }, { backend: 'js' }).data[1], 14);
    const same = Float64Array.from([5, 0, 5, 1, 5, 2, 5, 3]);
    const r2 = mergePearson(
      [runSteps(pearsonPartSteps(same, 2, 0, 2, 'js')), runSteps(pearsonPartSteps(same, 2, 2, 4, 'js'))],
      2,
    );
    expect(r2.data[0]).toBeNaN();
    expect(r2.data[3]).toBe(1);
  });
});

describe('pow2(k) and exponentOf(x)', () => {
  it('are exact over the whole float64 range, subnormals included', () => {
    for (let k = -1074; k <= 1023; k++) expect(pow2(k)).toBe(2 ** k);
    for (const x of [1, 0.5, 0.75, 3, 1e300, 1.7976931348623157e308, 5e-324, 2.2e-308, 1e-310, -7]) {
      const e = exponentOf(x);
      expect(Math.abs(x) < 2 ** e && Math.abs(x) >= 2 ** (e - 1)).toBe(true);
    }
    expect(exponentOf(0)).toBe(0);
  });
});

describe('the generated wasm module', () => {
  it('is up to date with packages/core/assembly (scripts/build-wasm.mjs --check)', () => {
    const out = execFileSync(process.execPath, [join(root, 'scripts', 'build-wasm.mjs'), '--check'], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(out).toMatch(/is up to date/);
  }, 60_000);
});

describe('fallback to JavaScript where WebAssembly cannot run', () => {
  const realWasm = globalThis.WebAssembly;
  // The real WebAssembly namespace with some members replaced (its own members are not
  // enumerable, so spreading it would copy none of them).
  const stubWasm = (over: Record<string, unknown>) =>
    Object.create(realWasm, Object.fromEntries(Object.entries(over).map(([k, v]) => [k, { value: v }])));
  afterEach(() => {
    (globalThis as { WebAssembly?: unknown }).WebAssembly = realWasm;
    setWarningHandler((m) => console.warn(`classlens: ${m}`));
    vi.resetModules();
  });
  const scenarios: Array<[string, () => unknown, RegExp]> = [
    ['no WebAssembly', () => undefined, /WebAssembly is not available/],
    ['no SIMD', () => stubWasm({ validate: () => false }), /SIMD is not supported/],
    [
      'a CSP without wasm-unsafe-eval (compiling throws)',
      () =>
        stubWasm({
          Module: function () {
            throw new Error("Refused to compile: 'wasm-unsafe-eval' is not allowed");
          },
        }),
      /wasm-unsafe-eval/,
    ],
  ];
  for (const [name, stub, why] of scenarios) {
    it(`${name}: 'auto' computes with JS (warning once), 'wasm' throws INVALID_ARGUMENT`, async () => {
      vi.resetModules();
      (globalThis as { WebAssembly?: unknown }).WebAssembly = stub();
      const core = await import('../../src/index.js');
      const warnings: string[] = [];
      core.setWarningHandler((m) => warnings.push(m));
      const x = logits(40, 5, 1);
      (globalThis as { WebAssembly?: unknown }).WebAssembly = realWasm;
      const expected = pearsonSimilarity(x, { backend: 'js' });
      (globalThis as { WebAssembly?: unknown }).WebAssembly = stub();
      expect(maxAbsDiff(core.pearsonSimilarity(x), expected)).toBe(0);
      expect(maxAbsDiff(core.spearmanSimilarity(x), core.spearmanSimilarity(x, { backend: 'js' }))).toBe(0);
      expect(warnings.filter((w) => why.test(w))).toHaveLength(1);
      expect(() => core.pearsonSimilarity(x, { backend: 'wasm' })).toThrow(why);
      expect(() => core.rankColumns(x, { backend: 'wasm' })).toThrow(why);
      expect(Array.from(core.rankColumns(x).data)).toEqual(Array.from(core.rankColumns(x, { backend: 'js' }).data));
    });
  }
  it('a main thread refusing synchronous compilation (RangeError): JS at first, wasm once compiled asynchronously', async () => {
    vi.resetModules();
    const fresh = await import('../../src/index.js');
    const warnings: string[] = [];
    fresh.setWarningHandler((m) => warnings.push(m));
    (globalThis as { WebAssembly?: unknown }).WebAssembly = {
      ...realWasm,
      Module: function () {
        throw new RangeError(
          'WebAssembly.Compile is disallowed on the main thread, if the buffer size is larger than 4KB.',
        );
      },
    };
    const x = logits(60, 7, 2);
    (globalThis as { WebAssembly?: unknown }).WebAssembly = realWasm;
    const js = pearsonSimilarity(x, { backend: 'js' });
    const wasm = pearsonSimilarity(x, { backend: 'wasm' });
    expect(maxAbsDiff(wasm, js)).toBeGreaterThan(0); // the two kernels are told apart
    (globalThis as { WebAssembly?: unknown }).WebAssembly = stubWasm({
      Module: function () {
        throw new RangeError(
          'WebAssembly.Compile is disallowed on the main thread, if the buffer size is larger than 4KB.',
        );
      },
    });
    expect(maxAbsDiff(fresh.pearsonSimilarity(x), js)).toBe(0);
    expect(warnings.some((w) => /disallowed on the main thread/.test(w))).toBe(true);
    expect(maxAbsDiff(await fresh.pearsonSimilarityAsync(x, { workers: false }), wasm)).toBe(0);
    expect(maxAbsDiff(fresh.pearsonSimilarity(x), wasm)).toBe(0);
  });
});

// Helpers for benchmark pages run by bench/elements/browser.mjs.

import { mulberry32 } from '@classlens/core';

/** Resolves after `n` animation frames. */
export function frames(n = 1): Promise<void> {
  return new Promise((resolve) => {
    const step = (k: number) => (k <= 0 ? resolve() : requestAnimationFrame(() => step(k - 1)));
    step(n);
  });
}

/** Median of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The p-th percentile (0–100) of numbers, nearest rank. */
export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}

/** Forces style and layout of `el` and its shadow tree (ends a timing at "laid out"). */
export function forceLayout(el: Element): number {
  let h = el.getBoundingClientRect().height;
  const root = el.shadowRoot;
  if (root) for (const c of Array.from(root.querySelectorAll('svg, canvas'))) h += c.getBoundingClientRect().height;
  return h;
}

/** Reads one pixel back from a canvas (ends a timing at "pixels exist"). */
export function readPixel(canvas: HTMLCanvasElement, x = 0, y = 0): Uint8ClampedArray | Uint8Array {
  const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
  if (gl) {
    const px = new Uint8Array(4);
    gl.readPixels(x, y, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, px);
    return px;
  }
  return (canvas.getContext('2d') as CanvasRenderingContext2D).getImageData(x, y, 1, 1).data;
}

/** Seeded PRNG: core's `mulberry32`, the one generator of classlens. */
export function rng(seed = 1): () => number {
  return mulberry32(seed);
}

/**
 * CPU time of the page's main thread so far, in ms (`runInBrowser(…, { threadTime: true })`),
 * or NaN without it. The difference of two readings is the main thread's own work between
 * them: no idle time, no time taken by other processes. Each reading is a round trip (a few
 * ms of wall time, a fraction of a millisecond of main-thread CPU).
 */
export async function mainThreadMs(): Promise<number> {
  const f = (window as unknown as { __benchThreadTime?: () => Promise<number> }).__benchThreadTime;
  return f ? f() : NaN;
}

/**
 * V8's sampling profiler of the page (`runInBrowser(…, { cpuProfile: true })`): `await
 * profile(true)` starts it, `await profile(false)` stops it and returns the self time per
 * function, largest first (`[]` without the option). Sampled, so it is CPU time, not wall.
 */
export async function profile(start: boolean): Promise<{ key: string; selfMs: number }[]> {
  const f = (window as unknown as { __benchProfile?: (s: boolean) => Promise<{ key: string; selfMs: number }[]> })
    .__benchProfile;
  return f ? ((await f(start)) ?? []) : [];
}

/** Seeded symmetric n × n matrix in [−1, 1] with three levels of nested blocks (as the 10,000-class story). */
export function blockMatrix(n: number, seed: number): Float32Array {
  const r = rng(seed);
  const level = (count: number) => {
    const cuts = Array.from({ length: count - 1 }, () => Math.floor(r() * n)).sort((x, y) => x - y);
    const id = new Int32Array(n);
    let k = 0;
    for (let i = 0; i < n; i++) {
      while (k < cuts.length && cuts[k] <= i) k++;
      id[i] = k;
    }
    return id;
  };
  const L1 = level(8);
  const L2 = level(Math.max(9, Math.round(n / 160)));
  const L3 = level(Math.max(10, Math.round(n / 14)));
  const data = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    data[i * n + i] = 1;
    for (let j = i + 1; j < n; j++) {
      const base = L3[i] === L3[j] ? 0.85 : L2[i] === L2[j] ? 0.55 : L1[i] === L1[j] ? 0.25 : -0.05;
      const v = Math.max(-1, Math.min(1, base + (r() - 0.5) * 0.3));
      data[i * n + j] = data[j * n + i] = v;
    }
  }
  return data;
}

import { warnOnce } from '../../common/warn.js';
import { KERNEL_WASM_BASE64, KERNEL_WASM_RELAXED_BASE64 } from '../wasm/kernel.generated.js';

// Core has no DOM lib and @types/node 20 does not declare WebAssembly: the little we use
// is declared structurally here and read from globalThis, so a platform without
// WebAssembly simply reports it as unavailable.
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmExports {
  readonly memory: WasmMemory;
  gram(z: number, ld: number, m: number, k0: number, k1: number, c: number): void;
  rank(v: number, n: number, w: number, out: number, stride: number, centred: number): number;
  colstats(x: number, rows: number, m: number, sum: number, mn: number, mx: number): void;
  center(
    x: number,
    rows: number,
    m: number,
    k0: number,
    z: number,
    ld: number,
    mul: number,
    sub: number,
    m2: number,
  ): void;
}
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: WasmExports };
  compile(bytes: Uint8Array): Promise<object>;
}

/**
 * The kernels of `packages/core/assembly/`, instantiated: their exports and a way to
 * size the instance's memory. Pointers are byte offsets into that memory.
 */
export interface WasmKernel {
  /** Grows the instance's memory to at least `bytes` and returns the (new) buffer. */
  reserve(bytes: number): ArrayBuffer;
  /** Zeroes bytes [off, off + len): a reused instance's memory holds the previous call's data. */
  zero(off: number, len: number): void;
  /** Hands the instance back for reuse; call once, when done with its memory. */
  release(): void;
  /** See assembly/gram.ts. */
  gram(z: number, ld: number, m: number, k0: number, k1: number, c: number): void;
  /** See assembly/rank.ts; `w` needs 16·n + 8192 bytes; `centred` ≠ 0 writes float32 rank − (n+1)/2. */
  rank(v: number, n: number, w: number, out: number, stride: number, centred: number): number;
  /** See assembly/prep.ts. */
  colstats(x: number, rows: number, m: number, sum: number, mn: number, mx: number): void;
  /** See assembly/prep.ts. */
  center(
    x: number,
    rows: number,
    m: number,
    k0: number,
    z: number,
    ld: number,
    mul: number,
    sub: number,
    m2: number,
  ): void;
}

let compiled: object | null | undefined;
let failure = '';

function api(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}

/** Decodes standard base64 without `atob` (not in every worker/runtime we target). */
function decodeBase64(s: string): Uint8Array {
  const table = new Int16Array(128).fill(-1);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  for (let i = 0; i < 64; i++) table[alphabet.charCodeAt(i)] = i;
  let len = s.length;
  while (len > 0 && s[len - 1] === '=') len--;
  const out = new Uint8Array((len * 3) >> 2);
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < len; i++) {
    acc = (acc << 6) | table[s.charCodeAt(i)];
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

let variant: '' | 'simd' | 'relaxed-simd' = '';

/**
 * The module bytes to compile: the relaxed-SIMD build (fused multiply-add in the Gram
 * kernel) where the engine validates it, else the baseline SIMD build; throws when
 * neither validates.
 */
function bytes(wa: WasmApi): Uint8Array {
  const relaxed = decodeBase64(KERNEL_WASM_RELAXED_BASE64);
  if (wa.validate(relaxed)) {
    variant = 'relaxed-simd';
    return relaxed;
  }
  const b = decodeBase64(KERNEL_WASM_BASE64);
  if (wa.validate(b)) {
    variant = 'simd';
    return b;
  }
  throw new Error('WebAssembly SIMD is not supported');
}

/** Which build {@link wasmModule} compiled: 'relaxed-simd', 'simd', or '' (none). */
export function wasmVariant(): string {
  return wasmModule() ? variant : '';
}

let pending: Promise<object | null> | undefined;

/**
 * The compiled kernel module, compiled synchronously on first use, or `null` when
 * WebAssembly or its SIMD proposal is unavailable, or when compiling throws (e.g. a
 * Content-Security-Policy without 'wasm-unsafe-eval'). Browsers that refuse to compile
 * modules over 4 KB synchronously on the main thread (Chromium before ~115; the module
 * is ≈ 3.4 KB today, but may grow) throw a RangeError: then this returns `null` for now and compiles
 * asynchronously in the background, so later calls (and every `*Async` call, which
 * awaits {@link wasmModuleAsync}) get the module.
 */
export function wasmModule(): object | null {
  if (compiled !== undefined) return compiled;
  const wa = api();
  try {
    if (!wa) throw new Error('WebAssembly is not available');
    compiled = new wa.Module(bytes(wa));
  } catch (e) {
    failure = e instanceof Error ? e.message : String(e);
    if (e instanceof RangeError && wa) {
      void wasmModuleAsync();
      return null;
    }
    compiled = null;
  }
  return compiled ?? null;
}

/** Like {@link wasmModule}, compiling asynchronously (allowed everywhere) when needed. */
export function wasmModuleAsync(): Promise<object | null> {
  if (compiled !== undefined) return Promise.resolve(compiled);
  const wa = api();
  if (!wa) return Promise.resolve(wasmModule());
  pending ??= (async () => {
    try {
      compiled = await wa.compile(bytes(wa));
      failure = '';
    } catch (e) {
      failure = e instanceof Error ? e.message : String(e);
      compiled = null;
    }
    return compiled;
  })();
  return pending;
}

/** Why {@link wasmModule} returned `null` ('' when it did not). */
export function wasmFailure(): string {
  wasmModule();
  return failure;
}

/** One idle instance kept for reuse, when its memory is small (see {@link wasmKernel}). */
let spare: WasmExports | null = null;
const KEEP_BYTES = 64 * 1024 * 1024;

/**
 * A kernel instance for one call, or `null` when unavailable. Small calls reuse one
 * spare instance (creating an instance maps and faults in fresh memory, which dominates
 * below ~10⁸ multiply-adds); an instance whose memory grew past 64 MiB is dropped on
 * `release()` instead, so a large computation never pins hundreds of megabytes of wasm
 * memory — which can never shrink — for the rest of the page's life. Memory of a reused
 * instance is not zeroed: callers zero what they rely on (`zero`).
 */
export function wasmKernel(): WasmKernel | null {
  const mod = wasmModule();
  const wa = api();
  if (!mod || !wa) return null;
  let ex = spare;
  spare = null;
  if (!ex) {
    try {
      ex = new wa.Instance(mod, {}).exports;
    } catch (e) {
      failure = e instanceof Error ? e.message : String(e);
      warnOnce(`similarity: WebAssembly instantiation failed (${failure}); using the JavaScript kernel`);
      return null;
    }
  }
  const inst = ex;
  let released = false;
  return {
    reserve(n) {
      const have = inst.memory.buffer.byteLength;
      if (n > have) inst.memory.grow(Math.ceil((n - have) / 65536));
      return inst.memory.buffer;
    },
    zero(off, len) {
      if (len > 0) new Uint8Array(inst.memory.buffer, off, len).fill(0);
    },
    release() {
      if (released) return;
      released = true;
      if (spare === null && inst.memory.buffer.byteLength <= KEEP_BYTES) spare = inst;
    },
    gram: inst.gram,
    rank: inst.rank,
    colstats: inst.colstats,
    center: inst.center,
  };
}

/** Largest linear memory a wasm32 instance can address (4 GiB), in bytes. */
export const WASM_MAX_BYTES = 65536 * 65536;

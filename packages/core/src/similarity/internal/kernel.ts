import { ClasslensError } from '../../common/errors.js';
import { warnOnce } from '../../common/warn.js';
import type { SimilarityBackend } from '../similarity-options.js';
import { fitsWasm, sampleBlocks, type Kernel } from './pearson-part.js';
import { wasmFailure, wasmModule } from './wasm-kernel.js';

/** Validates `backend` (throws `INVALID_ARGUMENT`); call before any work. */
export function checkBackend(backend: unknown, name: string): SimilarityBackend {
  if (backend === undefined) return 'auto';
  if (backend === 'auto' || backend === 'wasm' || backend === 'js') return backend;
  throw new ClasslensError(
    'INVALID_ARGUMENT',
    `${name}: backend must be 'auto', 'wasm' or 'js', got ${JSON.stringify(backend)}`,
  );
}

/**
 * The kernel to run for an n × m input: `'wasm'` when asked for or when `'auto'` and the
 * wasm module works here and a block of samples fits its memory; `'js'` otherwise.
 * Throws `INVALID_ARGUMENT` when `'wasm'` is asked for and cannot run.
 */
export function resolveKernel(backend: SimilarityBackend, n: number, m: number, name: string): Kernel {
  if (backend === 'js') return 'js';
  const ok = wasmModule() !== null;
  const [k0, k1] = sampleBlocks(n, m, 'wasm')[0];
  const fits = fitsWasm(k1 - k0, m);
  if (ok && fits) return 'wasm';
  const why = ok ? `${m} classes need more than 4 GiB of wasm memory` : wasmFailure();
  if (backend === 'wasm')
    throw new ClasslensError('INVALID_ARGUMENT', `${name}: backend 'wasm' is unavailable: ${why}`);
  warnOnce(`similarity: using the JavaScript kernel (${why})`);
  return 'js';
}

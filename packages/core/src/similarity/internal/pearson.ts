import type { Matrix } from '../../common/matrix.js';
import type { Steps } from '../../common/internal/steps.js';
import { scaleSteps } from '../../common/internal/steps.js';
import { mergePearson } from './merge.js';
import { pearsonPartSteps, sampleBlocks, type Kernel, type PearsonPart } from './pearson-part.js';

/**
 * The {@link PearsonPart}s of rows [r0, r1) of row-major `data` (m columns), one per
 * memory-bounded block of samples. What a worker computes for its slice.
 */
export function* pearsonPartsSteps(
  data: Float32Array | Float64Array,
  m: number,
  r0: number,
  r1: number,
  kernel: Kernel,
): Steps<PearsonPart[]> {
  const blocks = sampleBlocks(r1 - r0, m, kernel);
  const parts: PearsonPart[] = [];
  for (let b = 0; b < blocks.length; b++) {
    const [k0, k1] = blocks[b];
    parts.push(
      yield* scaleSteps(
        pearsonPartSteps(data, m, r0 + k0, r0 + k1, kernel),
        b / blocks.length,
        (b + 1) / blocks.length,
      ),
    );
  }
  return parts;
}

/** Pearson correlations of the columns of a validated, non-empty `x`, in-thread. */
export function* pearsonSteps(x: Matrix, kernel: Kernel): Steps<Matrix> {
  if (x.cols === 0) return { rows: 0, cols: 0, data: new Float64Array(0) };
  const parts = yield* pearsonPartsSteps(x.data, x.cols, 0, x.rows, kernel);
  return mergePearson(parts, x.cols);
}

// Re-exports of the foundations, by name: what docs/core.md documents and nothing else
// (internal helpers such as the option validators stay in ./internal/).
export { ClasslensError, isClasslensError, abortError, throwIfAborted, type ErrorCode } from './errors.js';
export {
  toMatrix,
  isMatrix,
  assertFinite,
  toArrays,
  type Matrix,
  type MatrixLike,
  type ToMatrixOptions,
} from './matrix.js';
export {
  KeyIndex,
  applyAccessor,
  checkKeys,
  checkLengths,
  compareKeys,
  encodeKeys,
  isKey,
  uniqueKeys,
  type Accessor,
  type Key,
} from './keys.js';
export { warnOnce, setWarningHandler, type WarningHandler } from './warn.js';
export { yieldToEventLoop, type AsyncOptions } from './async.js';
export { mulberry32 } from './random.js';
export type { Weights } from './internal/weights.js';

/**
 * Codes carried by every {@link ClasslensError}. Elements show the message and emit
 * `cl-error` with `{ code, message }`; scripts can branch on `code`.
 *
 * - `NON_FINITE`: a number is NaN or ±Infinity where a finite one is required.
 * - `NOT_A_NUMBER`: a value where a number is required is not a number at all (`null` —
 *   often JSON's spelling of NaN —, `undefined`, a boolean, a string such as `'5'`, an
 *   object); never read as 0, 1 or 5.
 * - `TOO_LARGE`: a size (an option such as `bins`, or one implied by the input, such as
 *   n × k memberships) beyond what core allocates; decided before allocating.
 * - `INVALID_ARGUMENT`: any other bad option or argument (wrong type, out of range).
 */
export type ErrorCode =
  | 'EMPTY'
  | 'LENGTH_MISMATCH'
  | 'NON_FINITE'
  | 'NOT_A_NUMBER'
  | 'UNKNOWN_CLASS'
  | 'DUPLICATE_KEY'
  | 'MISSING_KEY'
  | 'CYCLE'
  | 'NOT_SQUARE'
  | 'NOT_SYMMETRIC'
  | 'INVALID_ARGUMENT'
  | 'INVALID_SHAPE'
  | 'TOO_LARGE'
  | 'ABORTED';

/**
 * The one error type thrown by `@classlens/core` for bad input. Thrown before any work
 * is done, with a short message that names the culprit.
 *
 * @example
 * try { crosstab(truth, pred) } catch (e) {
 *   if (e instanceof ClasslensError && e.code === 'LENGTH_MISMATCH') …
 * }
 */
export class ClasslensError extends Error {
  /** Machine-readable reason; see {@link ErrorCode}. */
  readonly code: ErrorCode;
  /** Optional structured context (e.g. `{ index: 12 }` for the first bad value). */
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'ClasslensError';
    this.code = code;
    if (details !== undefined) this.details = details;
  }
}

/** `true` when `e` is a {@link ClasslensError}, optionally with the given code. */
export function isClasslensError(e: unknown, code?: ErrorCode): e is ClasslensError {
  return e instanceof ClasslensError && (code === undefined || e.code === code);
}

/**
 * The error an aborted async computation rejects with: a `DOMException` named
 * `AbortError` where the platform has one (browsers, Node ≥ 17), as `fetch` does.
 */
export function abortError(signal?: AbortSignal): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  const DomEx = (globalThis as { DOMException?: new (m: string, n: string) => Error }).DOMException;
  if (DomEx) return new DomEx('The operation was aborted.', 'AbortError');
  const e = new Error('The operation was aborted.');
  e.name = 'AbortError';
  return e;
}

/** Throws an `AbortError` if `signal` is aborted. Call between iterations of long loops. */
export function throwIfAborted(signal?: AbortSignal): void {
  if (signal?.aborted) throw abortError(signal);
}

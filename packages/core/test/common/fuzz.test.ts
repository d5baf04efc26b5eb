// Fuzz properties of the foundations and the worker layer (issue 8, "done when"):
// random hostile inputs give a coded error or a correct result, within a time bound.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  KeyIndex,
  WorkerPool,
  WORKER_UNAVAILABLE,
  applyAccessor,
  checkKeys,
  checkLengths,
  encodeKeys,
  toMatrix,
  uniqueKeys,
  type Key,
} from '../../src/index.js';
import { ClasslensError } from '../../src/common/errors.js';
import {
  codedOrCorrect,
  FUZZ_RUNS,
  hostileArray,
  hostileKey,
  hostileMatrix,
  hostileOptions,
  hostileScalar,
} from '../hostile.js';

describe('foundations on random hostile input — property', () => {
  it('toMatrix: a coded error or a Float64 copy holding exactly the given numbers', () => {
    fc.assert(
      fc.property(
        fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 4 })).chain(([r, c]) => hostileMatrix(r, c)),
        hostileOptions(['name', 'finite', 'allowEmpty'], fc.constantFrom<unknown>('x', true, false)),
        (m, options) =>
          codedOrCorrect(
            () => toMatrix(m as number[][], options as object),
            (x) => {
              const rows = m as number[][];
              expect(x.rows).toBe(rows.length);
              rows.forEach((row, i) => row.forEach((v, j) => expect(Object.is(x.data[i * x.cols + j], v)).toBe(true)));
            },
          ),
      ),
      FUZZ_RUNS,
    );
  });

  it('checkKeys, KeyIndex, encodeKeys, uniqueKeys: a coded error or an index that finds every key', () => {
    fc.assert(
      fc.property(hostileArray(hostileKey, 6), hostileArray(hostileKey, 4), (keys, labels) => {
        codedOrCorrect(() => checkKeys(keys as Key[]));
        let index: KeyIndex | undefined;
        codedOrCorrect(
          () => new KeyIndex(keys as Key[]),
          (ix) => {
            (keys as Key[]).forEach((k, i) => expect(ix.indexOf(k)).toBe(i));
            index = ix;
          },
        );
        if (index) {
          const ix = index;
          codedOrCorrect(
            () => encodeKeys(labels as Key[], ix),
            (codes) => codes.forEach((c, i) => expect(ix.keys[c] === (labels as Key[])[i]).toBe(true)),
          );
        }
        codedOrCorrect(
          () => uniqueKeys(keys as Key[]),
          (u) => expect(new Set(u).size).toBe(u.length),
        );
      }),
      FUZZ_RUNS,
    );
  });

  it('checkLengths and applyAccessor: a coded error or the common length / one value per record', () => {
    fc.assert(
      fc.property(
        fc.dictionary(fc.constantFrom('a', 'b', '__proto__', 'constructor'), hostileArray(hostileScalar, 3)),
        fc.array(fc.oneof(fc.record({ v: hostileScalar }), hostileScalar), { maxLength: 4 }),
        fc.oneof(
          fc.constantFrom<unknown>('v', '__proto__', (d: { v?: unknown }) => d?.v),
          hostileScalar,
        ),
        (arrays, records, accessor) => {
          codedOrCorrect(
            () => checkLengths(arrays as Record<string, unknown[]>),
            (n) => expect(n).toBeGreaterThanOrEqual(0),
          );
          codedOrCorrect(
            () => applyAccessor(records as object[], accessor as string),
            (out) => expect(out.length).toBe(records.length),
          );
        },
      ),
      FUZZ_RUNS,
    );
  });
});

describe('the worker layer on random hostile input — property', () => {
  it('new WorkerPool(options) and pool.run(task, payload, options): a coded error, or a pool that runs or says it cannot', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileOptions(
          ['size', 'idleTimeout', 'startTimeout', 'url'],
          fc.constantFrom<unknown>(1, 2, 100, 'nowhere.js'),
        ),
        hostileOptions(
          ['signal', 'onProgress', 'transfer'],
          fc.constantFrom<unknown>(undefined, () => {}, []),
        ),
        async (poolOptions, runOptions) => {
          let pool: WorkerPool | undefined;
          codedOrCorrect(
            () => new WorkerPool({ ...(poolOptions as object), url: 'data:text/javascript,' } as object),
            (p) => (pool = p),
          );
          if (!pool) return;
          try {
            await pool.run('test/none', null, runOptions as object);
            expect.unreachable('no worker can serve this');
          } catch (e) {
            // A bad option is coded; otherwise the worker cannot start (a data: URL that never says ready).
            if (e instanceof ClasslensError) expect(e.code).toBe('INVALID_ARGUMENT');
            else expect((e as Error).name === WORKER_UNAVAILABLE || (e as Error).name === 'AbortError').toBe(true);
          } finally {
            pool.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});

// Internal (not re-exported): the per-item loops behind filterItems, metricsHierarchy
// and chainPaths, on Int32Array class indices.
//
// Why they look like this (measured on Node 20, 10⁶ items × 4 columns):
// - Row-wise loops that read every column at item i beat column-at-a-time loops by
//   3–5×: several sequential streams at once keep memory busy, and per-column passes
//   pay the loop overhead once per column.
// - A loop over a variable list of columns inside the item loop is ~4× slower than
//   straight-line code, so the kernels take exactly four columns; fewer are padded by
//   repeating a column with a weight or test that makes it a no-op (an extra read of a
//   cache line just read is nearly free). More than four use the generic fallback.
// - No per-item allocation, no closures called per item, no branches on data:
//   `(d | -d) >>> 31` is 1 exactly when the int32 d ≠ 0 (`>> 31`: an all-ones mask).
// - `| 0` and Math.imul keep codes int32; float arithmetic measured 2× slower.
// - The first pass of each kernel also range-checks every class index it reads
//   (`bad |= x >>> 0 >= m`), so zero-copy Int32Array inputs need no separate
//   validation pass (labels.ts, `deferCheck`). An out-of-range index only produces a
//   discarded result: typed-array reads and writes out of bounds are no-ops in JS, and
//   the caller throws before returning anything.

/**
 * Code of every item for "truth × which models are wrong":
 * `code = t * tw + Σ_k wrong_k · w_k`. Mode 0 counts codes into `table` and returns
 * `true` when some index is outside [0, m); mode 1 writes item i at `out[table[code]++]`
 * (`table` then holds each code's next slot) and returns `false`.
 */
export function correctnessPass(
  truth: Int32Array,
  preds: Int32Array[],
  tw: number,
  weights: number[],
  m: number,
  mode: 0 | 1,
  table: Int32Array,
  out: Uint32Array | null,
): boolean {
  const n = truth.length;
  const k = preds.length;
  let bad = 0;
  if (k <= 4) {
    const a = k > 0 ? preds[0] : truth;
    const b = k > 1 ? preds[1] : truth;
    const c = k > 2 ? preds[2] : truth;
    const d = k > 3 ? preds[3] : truth;
    // `| 0` keeps every operand an int32, so V8 never falls back to float arithmetic
    // and indexes `table` with an integer.
    const tw32 = tw | 0;
    const wa = (weights[0] ?? 0) | 0;
    const wb = (weights[1] ?? 0) | 0;
    const wc = (weights[2] ?? 0) | 0;
    const wd = (weights[3] ?? 0) | 0;
    for (let i = 0; i < n; i++) {
      const t = truth[i];
      const x = a[i];
      const y = b[i];
      const z = c[i];
      const u = d[i];
      const da = x - t;
      const db = y - t;
      const dc = z - t;
      const dd = u - t;
      // (d | -d) >> 31 is -1 (all bits) when d ≠ 0, else 0: a branch-free "wrong" mask.
      const code =
        (Math.imul(t, tw32) +
          (((da | -da) >> 31) & wa) +
          (((db | -db) >> 31) & wb) +
          (((dc | -dc) >> 31) & wc) +
          (((dd | -dd) >> 31) & wd)) |
        0;
      if (mode === 0) {
        bad |= +(t >>> 0 >= m) | +(x >>> 0 >= m) | +(y >>> 0 >= m) | +(z >>> 0 >= m) | +(u >>> 0 >= m);
        table[code]++;
      } else out![table[code]++] = i;
    }
    return bad !== 0;
  }
  for (let i = 0; i < n; i++) {
    const t = truth[i];
    if (t >>> 0 >= m) bad = 1;
    let code = t * tw;
    for (let j = 0; j < k; j++) {
      const v = preds[j][i];
      if (v >>> 0 >= m) bad = 1;
      if (v !== t) code += weights[j];
    }
    if (mode === 0) table[code]++;
    else out![table[code]++] = i;
  }
  return bad !== 0;
}

/**
 * Code of every item for a tuple of class indices: `code = Σ_s cols[s][i] · w_s`
 * (mixed radix). With `skipUnchanged`, items whose columns are all equal are skipped.
 * Mode 0 counts into `table` and returns `true` when some index is outside [0, m);
 * mode 1 writes item i at `out[table[code]++]`; mode 2 writes it at `arrays[g][pos[g]++]`
 * where `g = table[code]`.
 */
export function tuplePass(
  cols: Int32Array[],
  weights: number[],
  m: number,
  skipUnchanged: boolean,
  mode: 0 | 1 | 2,
  table: Int32Array,
  pos: Int32Array | null,
  out: Uint32Array | null,
  arrays: number[][] | null,
): boolean {
  const s = cols.length;
  const n = s > 0 ? cols[0].length : 0;
  let bad = 0;
  if (s <= 4) {
    const a = cols[0];
    const b = s > 1 ? cols[1] : a;
    const c = s > 2 ? cols[2] : a;
    const d = s > 3 ? cols[3] : a;
    const wa = weights[0] | 0;
    const wb = s > 1 ? weights[1] | 0 : 0;
    const wc = s > 2 ? weights[2] | 0 : 0;
    const wd = s > 3 ? weights[3] | 0 : 0;
    for (let i = 0; i < n; i++) {
      const x = a[i];
      const y = b[i];
      const z = c[i];
      const u = d[i];
      if (mode === 0) bad |= +(x >>> 0 >= m) | +(y >>> 0 >= m) | +(z >>> 0 >= m) | +(u >>> 0 >= m);
      // Padding repeats column a, so a padded column never counts as a change.
      if (skipUnchanged && x === y && x === z && x === u) continue;
      // Codes stay below the table size (≤ 2^24), so int32 arithmetic is exact.
      const code = (Math.imul(x, wa) + Math.imul(y, wb) + Math.imul(z, wc) + Math.imul(u, wd)) | 0;
      if (mode === 0) table[code]++;
      else if (mode === 1) out![table[code]++] = i;
      else {
        const g = table[code];
        arrays![g][pos![g]++] = i;
      }
    }
    return bad !== 0;
  }
  for (let i = 0; i < n; i++) {
    let code = 0;
    let changed = false;
    const x = cols[0][i];
    for (let j = 0; j < s; j++) {
      const v = cols[j][i];
      if (v >>> 0 >= m) bad = 1;
      if (v !== x) changed = true;
      code += v * weights[j];
    }
    if (skipUnchanged && !changed) continue;
    if (mode === 0) table[code]++;
    else if (mode === 1) out![table[code]++] = i;
    else {
      const g = table[code];
      arrays![g][pos![g]++] = i;
    }
  }
  return bad !== 0;
}

/**
 * The filterItems kernel: writes the indices of matching items to `out` (ascending)
 * and returns how many. An item matches when `mask[truth]` is 1, each model j with
 * `want[j]` ≥ 0 is right exactly when `want[j]` is 1, and — when `agree` is 1 / -1 — all
 * models predict the same class / not all do.
 *
 * With up to four models every column is read at every item, and the pass range-checks
 * them: it returns -1 when some index is outside [0, m). More models take a generic loop
 * that skips what it can and checks nothing: validate those inputs first.
 */
export function filterPass(
  truth: Int32Array,
  mask: Uint8Array,
  models: Int32Array[],
  want: number[],
  agree: -1 | 0 | 1,
  m: number,
  out: Uint32Array,
): number {
  const n = truth.length;
  const k = models.length;
  let count = 0;
  if (k <= 4) {
    // Padding repeats the first model: it never breaks agreement, and its constraint
    // mask is 0.
    const a = models[0] ?? truth;
    const b = models[1] ?? a;
    const c = models[2] ?? a;
    const d = models[3] ?? a;
    // Per slot: `on` = 1 when constrained; `ww` = 1 when it wants the model wrong. A
    // constraint fails when (wrong XOR ww) is 1.
    const onA = k > 0 && want[0] >= 0 ? 1 : 0;
    const onB = k > 1 && want[1] >= 0 ? 1 : 0;
    const onC = k > 2 && want[2] >= 0 ? 1 : 0;
    const onD = k > 3 && want[3] >= 0 ? 1 : 0;
    const wwA = want[0] === 0 ? 1 : 0;
    const wwB = want[1] === 0 ? 1 : 0;
    const wwC = want[2] === 0 ? 1 : 0;
    const wwD = want[3] === 0 ? 1 : 0;
    // Loop-invariant: the value `differ` must have when agreement is asked for.
    const differWanted = agree === 1 ? 0 : 1;
    let bad = 0;
    for (let i = 0; i < n; i++) {
      const t = truth[i];
      const x = a[i];
      const y = b[i];
      const z = c[i];
      const u = d[i];
      bad |= +(t >>> 0 >= m) | +(x >>> 0 >= m) | +(y >>> 0 >= m) | +(z >>> 0 >= m) | +(u >>> 0 >= m);
      const da = x - t;
      const db = y - t;
      const dc = z - t;
      const dd = u - t;
      let fail =
        (mask[t] ^ 1) |
        ((((da | -da) >>> 31) ^ wwA) & onA) |
        ((((db | -db) >>> 31) ^ wwB) & onB) |
        ((((dc | -dc) >>> 31) ^ wwC) & onC) |
        ((((dd | -dd) >>> 31) ^ wwD) & onD);
      if (agree !== 0) {
        const dy = y - x;
        const dz = z - x;
        const du = u - x;
        const differ = (dy | -dy | (dz | -dz) | (du | -du)) >>> 31;
        fail |= differ ^ differWanted;
      }
      // Branch-free append: always write, advance only on a match (out has room for n).
      out[count] = i;
      count += fail ^ 1;
    }
    return bad !== 0 ? -1 : count;
  }
  for (let i = 0; i < n; i++) {
    const t = truth[i];
    if (mask[t] === 0) continue;
    let ok = true;
    for (let j = 0; j < k && ok; j++) if (want[j] >= 0) ok = (models[j][i] === t ? 1 : 0) === want[j];
    if (ok && agree !== 0) {
      const x = models[0][i];
      let same = true;
      for (let j = 1; j < k && same; j++) same = models[j][i] === x;
      ok = same === (agree === 1);
    }
    if (ok) out[count++] = i;
  }
  return count;
}

/**
 * The first entry (column, item) outside `[0, m)`, or `null` when all are class
 * indices. Row-wise over four columns at a time, for the reason given above.
 */
export function firstBadIndex(cols: Int32Array[], m: number): { col: number; index: number } | null {
  for (let g = 0; g < cols.length; g += 4) {
    const a = cols[g];
    const b = cols[g + 1] ?? a;
    const c = cols[g + 2] ?? a;
    const d = cols[g + 3] ?? a;
    const n = a.length;
    for (let i = 0; i < n; i++) {
      // `>>> 0` maps negatives above every valid index; one branch for four columns.
      const bad = +(a[i] >>> 0 >= m) | +(b[i] >>> 0 >= m) | +(c[i] >>> 0 >= m) | +(d[i] >>> 0 >= m);
      if (bad !== 0) {
        for (let j = g; j < Math.min(g + 4, cols.length); j++) if (cols[j][i] >>> 0 >= m) return { col: j, index: i };
      }
    }
  }
  return null;
}

"""Shared training loop and JSON export for the trajectory example data sets.

The JSON format is documented in docs/examples-trajectories.md:

    { name, description, classes, hiddenSize, accuracy, ..., sequences: [
        { id, label, prediction, tokens: string[],
          states: number[]   (steps x hiddenSize, row-major, flat),
          expected: number[] (steps x classes, row-major, flat; softmax per step) } ] }
"""

import json
import os
import time

import numpy as np

import gru

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.normpath(os.path.join(HERE, "..", "data"))


def batches_by_length(lengths, batch_size, rng):
    """Minibatches of equal-length sequences (so no padding or masking is needed),
    shuffled within and across lengths with the seeded generator."""
    out = []
    lengths = np.asarray(lengths)
    for L in np.unique(lengths):
        idx = np.flatnonzero(lengths == L)
        rng.shuffle(idx)
        for s in range(0, idx.size, batch_size):
            out.append(idx[s : s + batch_size])
    order = rng.permutation(len(out))
    return [out[i] for i in order]


def train(p, seqs, y, epochs, rng, lr=3e-3, batch_size=32, decay=0.97, log=None, budget_s=170.0):
    """Adam on minibatches of equal-length sequences. `seqs` is a list of arrays (one per
    sequence: (T, D) floats or (T,) ids). Stops early when the time budget is spent."""
    opt = gru.Adam(p, lr=lr)
    lengths = [len(s) for s in seqs]
    t0 = time.time()
    done = 0
    for epoch in range(epochs):
        total, count = 0.0, 0
        for b in batches_by_length(lengths, batch_size, rng):
            inputs = np.stack([seqs[i] for i in b])
            loss, g = gru.loss_and_grads(p, inputs, y[b])
            opt.step(p, g)
            total += loss * len(b)
            count += len(b)
        opt.lr *= decay
        done = epoch + 1
        if log:
            log(f"epoch {epoch + 1:3d}  loss {total / count:.4f}  {time.time() - t0:5.1f}s")
        if time.time() - t0 > budget_s:
            if log:
                log(f"time budget of {budget_s:.0f}s spent after {done} epochs")
            break
    return done, time.time() - t0


def run_all(p, seqs):
    """Per-sequence (expected (T, m), states (T, h)), batched by length."""
    out = [None] * len(seqs)
    lengths = np.array([len(s) for s in seqs])
    for L in np.unique(lengths):
        idx = np.flatnonzero(lengths == L)
        P, H = gru.predict(p, np.stack([seqs[i] for i in idx]))
        for k, i in enumerate(idx):
            out[i] = (P[k], H[k])
    return out


def rounded(a, digits):
    # Plain Python floats, rounded, with -0.0 written as 0 so the JSON stays small.
    return [float(v) + 0.0 for v in np.round(np.asarray(a, dtype=np.float64).reshape(-1), digits)]


def write(path, meta, records, digits=4):
    doc = dict(meta)
    doc["sequences"] = [
        {
            "id": r["id"],
            "label": r["label"],
            "prediction": r["prediction"],
            "tokens": r["tokens"],
            "states": rounded(r["states"], digits),
            "expected": rounded(r["expected"], digits),
        }
        for r in records
    ]
    with open(path, "w") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    return os.path.getsize(path)

"""Trains the numpy GRU on scikit-learn's 8x8 digits read row by row (8 steps of 8
pixels, 10 classes) and writes examples/data/trajectories-digits.json with the per-step
hidden states and expected predictions of 300 held-out images.

    /usr/bin/python3 examples/rnn/make_digits.py        (about a minute on one core)
"""

import os
import sys

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export  # noqa: E402
import gru  # noqa: E402

SEED = 20210101
HIDDEN = 32
EPOCHS = 30
HELD_OUT = 300
# 9 grey levels, lightest first: a row of the image as an 8-character token.
RAMP = ".:-=+*#%@"


def row_token(row):
    return "".join(RAMP[int(round(v / 2.0))] for v in row)


def main():
    rng = np.random.default_rng(SEED)
    digits = load_digits()
    images = digits.images  # (1797, 8, 8), integer intensities 0..16
    y = digits.target
    idx = np.arange(len(y))
    train_idx, test_idx = train_test_split(idx, test_size=HELD_OUT, stratify=y, random_state=SEED)
    test_idx = np.sort(test_idx)
    X = images / 16.0  # each row (a step) is an 8-vector in [0, 1]

    p = gru.init_params(rng, 8, HIDDEN, 10)
    seqs = [X[i] for i in train_idx]
    epochs, seconds = export.train(
        p, seqs, y[train_idx], EPOCHS, rng, lr=1e-2, batch_size=32, decay=0.96, log=print
    )

    results = export.run_all(p, [X[i] for i in test_idx])
    final = np.array([r[0][-1].argmax() for r in results])
    accuracy = float(np.mean(final == y[test_idx]))
    train_results = export.run_all(p, seqs)
    train_acc = float(np.mean(np.array([r[0][-1].argmax() for r in train_results]) == y[train_idx]))
    print(f"held-out accuracy {accuracy:.4f} (train {train_acc:.4f}) after {epochs} epochs, {seconds:.0f}s")

    records = []
    for k, i in enumerate(test_idx):
        P, H = results[k]
        records.append(
            {
                "id": f"digits-{i}",
                "label": int(y[i]),
                "prediction": int(final[k]),
                "tokens": [row_token(r) for r in images[i]],
                "states": H,
                "expected": P,
            }
        )
    meta = {
        "name": "digits",
        "description": (
            "scikit-learn 8x8 digits read as 8 rows of 8 pixels by a GRU (numpy, hidden size 32) "
            "trained with Adam on the other 1497 images; tokens draw each row with the grey ramp "
            f"'{RAMP}' (blank to full); states are the hidden state after each row, expected the "
            "softmax output applied to it."
        ),
        "classes": list(range(10)),
        "hiddenSize": HIDDEN,
        "inputSize": 8,
        "steps": 8,
        "accuracy": round(accuracy, 4),
        "trainAccuracy": round(train_acc, 4),
        "trainSize": int(len(train_idx)),
        "heldOut": int(len(test_idx)),
        "epochs": epochs,
        "seed": SEED,
        "model": "GRU (Cho et al. 2014), numpy, BPTT + Adam; loss on the last step only",
        "generator": "examples/rnn/make_digits.py",
    }
    path = os.path.join(export.DATA, "trajectories-digits.json")
    size = export.write(path, meta, records)
    print(f"wrote {path} ({size / 1e6:.2f} MB)")
    if accuracy < 0.85:
        sys.exit(f"held-out accuracy {accuracy:.3f} is below the 0.85 target")


if __name__ == "__main__":
    main()

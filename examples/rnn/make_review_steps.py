"""Every hidden state of the review GRU over 7,000 held-out reviews (106,496 steps), for
a projection of 100k+ points. The GRU is make_reviews.py's, trained exactly as there;
the held-out reviews continue the corpus, so review-0 ... review-299 are the sequences of
trajectories-reviews.json and review-0 ... review-1999 those of reviews-pair.json.

Writes, under examples/data/ (little-endian binary columns + one JSON header):

    reviews-steps.json              header: classes, vocabulary, sequences (offsets, labels,
                                    predictions), the files below and their dtypes
    reviews-steps-states.i8.bin     int8   points x 32   round(127 * h_t)
    reviews-steps-expected.f32.bin  float32 points       P(positive) after each word
    reviews-steps-sequence.u16.bin  uint16 points        sequence index k (review-k)
    reviews-steps-step.u8.bin       uint8  points        step t within the sequence
    reviews-steps-token.u8.bin      uint8  points        the word read at step t (vocabulary index)

The 2-D coordinates (reviews-steps-xy.f32.bin) and the header's "projection" entry come
from examples/src/write-projections.ts (core's t-SNE on the int8 states, in Node): run it
after this script. A header's existing "projection" is kept when the states file comes
out identical (same SHA-256), so rerunning this script alone changes nothing.

    /usr/bin/python3 examples/rnn/make_review_steps.py     (about 20 s on one core)
"""

import hashlib
import json
import os
import sys

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export  # noqa: E402
import make_reviews  # noqa: E402

REVIEWS = 7000
# Batches as the other review files compute them, so shared reviews get identical outputs.
CHUNKS = [(0, 300), (300, 2000), (2000, REVIEWS)]
PREFIX = "reviews-steps"


def path(name):
    return os.path.join(export.DATA, name)


def main():
    fitted = make_reviews.fit(make_reviews.TRAIN + REVIEWS, log=None)
    p, data, ids, y, vocab = fitted["params"], fitted["data"], fitted["ids"], fitted["y"], fitted["vocab"]
    T0 = make_reviews.TRAIN
    results = []
    for a, b in CHUNKS:
        results += export.run_all(p, ids[T0 + a : T0 + b])

    lengths = np.array([len(r[1]) for r in results])
    offsets = np.concatenate([[0], np.cumsum(lengths)])
    n = int(offsets[-1])
    H = np.concatenate([r[1] for r in results])  # (n, 32), float64 in (-1, 1)
    P = np.concatenate([r[0] for r in results])  # (n, 2)
    states = np.clip(np.rint(H * 127), -127, 127).astype("<i1")
    expected = P[:, 1].astype("<f4")
    sequence = np.repeat(np.arange(REVIEWS), lengths).astype("<u2")
    step = np.concatenate([np.arange(L) for L in lengths]).astype("<u1")
    token = np.concatenate([ids[T0 + k] for k in range(REVIEWS)]).astype("<u1")
    assert len(vocab) <= 256 and REVIEWS <= 65536 and lengths.max() <= 256
    truth = y[T0 : T0 + REVIEWS]
    final = np.array([r[0][-1].argmax() for r in results])
    accuracy = float(np.mean(final == truth))
    print(f"{REVIEWS} reviews, {n} steps, GRU accuracy {accuracy:.4f}, {len(np.unique(states, axis=0))} distinct int8 states")

    columns = {
        "states": (states, "int8", [n, make_reviews.HIDDEN]),
        "expected": (expected, "float32", [n]),
        "sequence": (sequence, "uint16", [n]),
        "step": (step, "uint8", [n]),
        "token": (token, "uint8", [n]),
    }
    files = {}
    for key, (array, dtype, shape) in columns.items():
        name = f"{PREFIX}-{key}.{ {'int8': 'i8', 'float32': 'f32', 'uint16': 'u16', 'uint8': 'u8'}[dtype] }.bin"
        with open(path(name), "wb") as f:
            f.write(array.tobytes())
        files[key] = {"path": name, "dtype": dtype, "shape": shape}
    files["states"]["scale"] = 1 / 127
    files["xy"] = {"path": f"{PREFIX}-xy.f32.bin", "dtype": "float32", "shape": [n, 2]}
    sha = hashlib.sha256(states.tobytes()).hexdigest()

    header_path = path(f"{PREFIX}.json")
    projection = None
    if os.path.exists(header_path):
        with open(header_path) as f:
            old = json.load(f)
        if (old.get("projection") or {}).get("statesSha256") == sha:
            projection = old["projection"]
    header = {
        "name": "reviews-steps",
        "description": (
            "Every hidden state of the review GRU (examples/rnn/make_reviews.py) over 7,000 held-out "
            "generated reviews: one point per word read. states: h_t as int8 (value / 127); expected: "
            "P(positive) after the word (the expected prediction); xy: a 2-D t-SNE of the states."
        ),
        "generator": "examples/rnn/make_review_steps.py",
        "seed": make_reviews.SEED,
        "trainSize": make_reviews.TRAIN,
        "classes": make_reviews.CLASSES,
        "hiddenSize": make_reviews.HIDDEN,
        "points": n,
        "accuracy": round(accuracy, 6),
        "byteOrder": "little-endian",
        "files": files,
        "statesSha256": sha,
        "vocabulary": vocab,
        "sequences": {
            "count": REVIEWS,
            "ids": "review-<k>, k = 0 ... count - 1 (the same reviews as trajectories-reviews.json and reviews-pair.json)",
            "offsets": [int(v) for v in offsets],
            "labels": [int(v) for v in truth],
            "predictions": [int(v) for v in final],
        },
        "projection": projection,
    }
    with open(header_path, "w") as f:
        f.write("{\n")
        items = list(header.items())
        for k, (key, value) in enumerate(items):
            f.write(f'  "{key}": ' + json.dumps(value, separators=(",", ":"), allow_nan=False))
            f.write(",\n" if k < len(items) - 1 else "\n")
        f.write("}\n")
    total = sum(os.path.getsize(path(v["path"])) for k, v in files.items() if k != "xy")
    print(f"wrote {header_path} and {len(columns)} columns ({total / 1e6:.2f} MB)")
    if projection is None:
        print("now run: node scripts/run-ts.mjs examples/src/write-projections.ts steps")


if __name__ == "__main__":
    main()

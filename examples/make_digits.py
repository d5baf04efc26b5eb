#!/usr/bin/env python3
"""Train three real classifiers on the UCI digits and export what classlens shows.

Run by hand (not by CI) with Debian's Python, which has numpy, scipy and scikit-learn:

    /usr/bin/python3 examples/make_digits.py            # writes both files below
    /usr/bin/python3 examples/make_digits.py --check    # also prints per-class trends

Writes, under examples/data/:

- digits.json     a stratified 30 % held-out split (540 of the 1,797 images): truth, the
                  8x8 image of each item, and per model its predictions, probabilities and
                  logits, plus accuracy in the metadata.
- digits-cv.json  all 1,797 images with 5-fold cross-validated outputs of the same three
                  models (each item is predicted by the models trained on the other folds).

The three models form a version chain of increasing quality, M0 -> M1 -> M2:

- M0  GaussianNB(var_smoothing=1e-2)
- M1  LogisticRegression(C=0.03) (strong L2 regularisation, multinomial)
- M2  MLPClassifier(hidden_layer_sizes=(32,)) (ReLU, Adam)

Why these settings (chosen by looking at held-out per-class accuracy, never by editing
outputs): overall accuracy rises M0 < M1 < M2, but per class the story differs -- most
classes improve at every step, some stay flat for one step, one gets slightly worse and a
few dip at M1 and recover at M2. GaussianNB's default var_smoothing (1e-9) leaves pixels
that are constant within a class with a near-zero variance, so its joint log-likelihoods
reach -7e9; 1e-2 (1 % of the largest pixel variance) keeps them within about [-1e3, 1e2]
and is also slightly more accurate.

"Logits" are the scores before the final normalisation, per model:

- GaussianNB: the joint log-likelihood log P(x | c) + log P(c)
  (`predict_joint_log_proba`); softmax of it is `predict_proba`.
- LogisticRegression: `decision_function`, X W^T + b, the multinomial model's
  pre-softmax scores; softmax of it is `predict_proba`.
- MLPClassifier: the output layer's pre-softmax activations, computed from `coefs_` and
  `intercepts_` (ReLU hidden layer); softmax of it is `predict_proba`.

Probabilities are rounded to 4 significant digits, logits to 5, to keep the files small.
Everything is seeded; running the script twice gives byte-identical files with the same
scikit-learn / numpy versions (recorded in the metadata).
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import warnings
from pathlib import Path

import numpy as np
import scipy
import sklearn
from sklearn.base import clone
from sklearn.datasets import load_digits
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, train_test_split
from sklearn.naive_bayes import GaussianNB
from sklearn.neural_network import MLPClassifier

SEED = 0
TEST_SIZE = 0.3
CV_FOLDS = 5
PROB_DIGITS = 4
LOGIT_DIGITS = 5
OUT_DIR = Path(__file__).resolve().parent / "data"


def make_models():
    """The version chain, oldest first: (id, name, estimator, logitsKind)."""
    return [
        (
            "M0",
            "GaussianNB",
            GaussianNB(var_smoothing=1e-2),
            "joint log-likelihood log P(x|c) + log P(c) (GaussianNB.predict_joint_log_proba)",
        ),
        (
            "M1",
            "LogisticRegression",
            LogisticRegression(C=0.03, max_iter=1000, random_state=SEED),
            "decision_function: X·Wᵀ + b, pre-softmax scores of the multinomial model",
        ),
        (
            "M2",
            "MLPClassifier",
            MLPClassifier(hidden_layer_sizes=(32,), max_iter=1000, random_state=SEED),
            "output-layer pre-softmax activations computed from coefs_ and intercepts_",
        ),
    ]


def logits_of(model, X: np.ndarray) -> np.ndarray:
    """Pre-softmax scores; softmax(logits) == predict_proba for all three models."""
    if isinstance(model, GaussianNB):
        return model.predict_joint_log_proba(X)
    if isinstance(model, LogisticRegression):
        return model.decision_function(X)
    if isinstance(model, MLPClassifier):
        if model.activation != "relu" or model.out_activation_ != "softmax":
            raise ValueError("logits_of expects a ReLU MLP with a softmax output")
        a = X
        for W, b in zip(model.coefs_[:-1], model.intercepts_[:-1]):
            a = np.maximum(a @ W + b, 0.0)
        return a @ model.coefs_[-1] + model.intercepts_[-1]
    raise TypeError(f"no logits for {type(model).__name__}")


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def fit_predict(estimator, Xtr, ytr, Xte):
    """Fits a fresh clone; returns (pred, probs, logits) for Xte, checked for consistency."""
    model = clone(estimator)
    with warnings.catch_warnings():
        warnings.simplefilter("error", ConvergenceWarning)  # an unconverged model is a bug here
        model.fit(Xtr, ytr)
    pred = model.predict(Xte)
    probs = model.predict_proba(Xte)
    logits = logits_of(model, Xte)
    # The exported logits must explain the exported probabilities and predictions.
    assert np.allclose(softmax(logits), probs, atol=1e-9), type(model).__name__
    assert np.array_equal(model.classes_[np.argmax(logits, axis=1)], pred), type(model).__name__
    assert np.all(np.isfinite(logits)) and np.all(np.isfinite(probs))
    return pred, probs, logits


def sig(x: float, digits: int) -> str:
    """A JSON number with `digits` significant digits ('%g' drops trailing zeros)."""
    if not math.isfinite(x):
        raise ValueError(f"non-finite value {x}")
    s = f"{x:.{digits}g}"
    return "0" if s == "-0" else s


class Raw(str):
    """A pre-formatted JSON fragment."""


def row(values, fmt) -> Raw:
    return Raw("[" + ",".join(fmt(v) for v in values) + "]")


def ints(values) -> Raw:
    return row(values, lambda v: str(int(v)))


def dump(value, indent: int = 0) -> str:
    """JSON with one numeric row per line: readable diffs, no pretty-print bloat."""
    pad = "  " * indent
    inner = "  " * (indent + 1)
    if isinstance(value, Raw):
        return str(value)
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(k)}: {dump(v, indent + 1)}" for k, v in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + pad + "}"
    if isinstance(value, list) and value and all(isinstance(v, (Raw, dict)) for v in value):
        return "[\n" + ",\n".join(inner + dump(v, indent + 1) for v in value) + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False)


def per_class_accuracy(truth: np.ndarray, pred: np.ndarray, k: int) -> list[float]:
    return [float(np.mean(pred[truth == c] == c)) for c in range(k)]


def trend_kind(values: list[float]) -> str:
    """The same classification as @classlens/core classifyTrend with tolerance 0."""
    steps = np.sign(np.diff(values))
    if np.all(steps == 0):
        return "stable"
    if np.all(steps > 0):
        return "increasing"
    if np.all(steps < 0):
        return "decreasing"
    if np.all(steps >= 0):
        return "non-decreasing"
    if np.all(steps <= 0):
        return "non-increasing"
    return "mixed"


def model_entry(mid, name, estimator, kind, truth, pred, probs, logits, k):
    accuracy = float(np.mean(pred == truth))
    return {
        "id": mid,
        "name": name,
        "label": f"{mid} · {name}",
        "params": {
            key: val
            for key, val in estimator.get_params().items()
            if isinstance(val, (int, float, str, bool, tuple)) or val is None
        },
        "accuracy": round(accuracy, 6),
        "classAccuracy": [round(a, 6) for a in per_class_accuracy(truth, pred, k)],
        "logitsKind": kind,
        "pred": ints(pred),
        "probs": [row(p, lambda v: sig(v, PROB_DIGITS)) for p in probs],
        "logits": [row(z, lambda v: sig(v, LOGIT_DIGITS)) for z in logits],
    }


def metadata(split: dict) -> dict:
    return {
        "source": "sklearn.datasets.load_digits: UCI ML hand-written digits, 1,797 8x8 images, pixel values 0-16",
        "createdBy": "examples/make_digits.py",
        "features": "the 64 pixel values divided by 16 (so in [0, 1]), the same for every model",
        "split": split,
        "seed": SEED,
        "rounding": f"probs to {PROB_DIGITS} significant digits, logits to {LOGIT_DIGITS}",
        "versions": {
            "python": sys.version.split()[0],
            "numpy": np.__version__,
            "scipy": scipy.__version__,
            "sklearn": sklearn.__version__,
        },
    }


def document(dataset, meta, classes, ids, truth, images, models, extra=None):
    doc = {
        "dataset": dataset,
        "meta": meta,
        "classes": classes,
        "ids": ints(ids),
        "truth": ints(truth),
    }
    if extra:
        doc.update(extra)
    doc["images"] = [ints(im) for im in images]
    doc["models"] = models
    return doc


def print_trends(title: str, models: list[dict], k: int) -> None:
    print(f"{title}: accuracy " + " -> ".join(f"{m['id']} {m['accuracy']:.4f}" for m in models))
    for c in range(k):
        values = [m["classAccuracy"][c] for m in models]
        print(f"  class {c}: " + " -> ".join(f"{v:.3f}" for v in values) + f"  {trend_kind(values)}")


def held_out(digits, classes) -> dict:
    X = digits.data / 16.0
    y = digits.target
    ids = np.arange(len(y))
    Xtr, Xte, ytr, yte, _, id_te = train_test_split(
        X, y, ids, test_size=TEST_SIZE, stratify=y, random_state=SEED
    )
    models = []
    for mid, name, est, kind in make_models():
        pred, probs, logits = fit_predict(est, Xtr, ytr, Xte)
        models.append(model_entry(mid, name, est, kind, yte, pred, probs, logits, len(classes)))
    meta = metadata(
        {
            "kind": "holdout",
            "method": f"sklearn.model_selection.train_test_split(test_size={TEST_SIZE}, stratify=y, random_state={SEED})",
            "train": int(len(ytr)),
            "test": int(len(yte)),
        }
    )
    images = digits.images[id_te].reshape(len(id_te), 64)
    return document("digits", meta, classes, id_te, yte, images, models)


def cross_validated(digits, classes) -> dict:
    X = digits.data / 16.0
    y = digits.target
    n, k = len(y), len(classes)
    folds = np.full(n, -1)
    outs = {mid: (np.zeros(n, int), np.zeros((n, k)), np.zeros((n, k))) for mid, *_ in make_models()}
    cv = StratifiedKFold(n_splits=CV_FOLDS, shuffle=True, random_state=SEED)
    for f, (tr, te) in enumerate(cv.split(X, y)):
        folds[te] = f
        for mid, _, est, _ in make_models():
            pred, probs, logits = fit_predict(est, X[tr], y[tr], X[te])
            outs[mid][0][te], outs[mid][1][te], outs[mid][2][te] = pred, probs, logits
    assert np.all(folds >= 0)
    models = [
        model_entry(mid, name, est, kind, y, *outs[mid], k) for mid, name, est, kind in make_models()
    ]
    meta = metadata(
        {
            "kind": "cross-validation",
            "method": f"sklearn.model_selection.StratifiedKFold(n_splits={CV_FOLDS}, shuffle=True, random_state={SEED}); every item is predicted by models fitted on the other folds",
            "folds": CV_FOLDS,
            "test": int(n),
        }
    )
    images = digits.images.reshape(n, 64)
    return document("digits-cv", meta, classes, np.arange(n), y, images, models, {"fold": ints(folds)})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="print per-class accuracy trends")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder (default: examples/data)")
    args = parser.parse_args()

    digits = load_digits()
    classes = [str(int(c)) for c in np.unique(digits.target)]
    args.out.mkdir(parents=True, exist_ok=True)
    for name, build in (("digits.json", held_out), ("digits-cv.json", cross_validated)):
        doc = build(digits, classes)
        text = dump(doc) + "\n"
        path = args.out / name
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path} ({len(text.encode()) / 1e6:.2f} MB)")
        if args.check:
            print_trends(doc["dataset"], doc["models"], len(classes))


if __name__ == "__main__":
    main()

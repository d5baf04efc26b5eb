"""DeepCompare's kind of model pair on the review corpus: the sequence model (the numpy GRU
of make_reviews.py, trained exactly as there) against a bag-of-words classifier
(scikit-learn LogisticRegression on unigram counts) trained on the same 6,000 generated
reviews. Writes examples/data/reviews-pair.json with, for 2,000 held-out reviews: the
text, the truth, each model's prediction, probabilities and logits, and the GRU's final
hidden state (32 activations) as numeric columns.

    /usr/bin/python3 examples/rnn/make_review_pair.py    (about 15 s on one core)

The held-out reviews are the corpus entries after the 6,000 training reviews, so
review-0 ... review-299 are the sequences of trajectories-reviews.json (same GRU, same
numbers) and the ids continue from there. A bag of words cannot see word order, so it
misses negations ("not good") and "but" contrasts that the GRU reads: real disagreements
on real words, mostly in the GRU's favour, some the other way.
"""

import json
import os
import platform
import sys

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np
import scipy
import sklearn
from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export  # noqa: E402
import gru  # noqa: E402
import make_reviews  # noqa: E402

PAIR = 2000  # held-out reviews exported
CLASSES = make_reviews.CLASSES


def text_of(tokens):
    """The review as one display string: tokens joined by spaces, no space before '.'."""
    return " ".join(tokens).replace(" .", ".")


def gru_outputs(p, seqs):
    """Final-step (probs, logits, hidden state) of each sequence, batched by length as
    make_reviews.py does (so the first 300 match trajectories-reviews.json exactly)."""
    results = export.run_all(p, seqs)
    H = np.stack([r[1][-1] for r in results])
    logits = H @ p["Wo"] + p["bo"]
    probs = np.stack([r[0][-1] for r in results])
    assert np.allclose(gru.softmax(logits), probs)
    return probs, logits, H


def round_rows(a, digits):
    return [[float(v) + 0.0 for v in np.round(row, digits)] for row in np.asarray(a, dtype=np.float64)]


def model_record(mid, name, logits_kind, pred, probs, logits, truth, params):
    pred = np.asarray(pred)
    assert np.array_equal(pred, probs.argmax(1)) and np.array_equal(pred, logits.argmax(1))
    return {
        "id": mid,
        "name": name,
        "label": f"{mid} · {name}",
        "params": params,
        "accuracy": round(float(np.mean(pred == truth)), 6),
        "classAccuracy": [round(float(np.mean(pred[truth == c] == c)), 6) for c in range(len(CLASSES))],
        "logitsKind": logits_kind,
        "pred": [int(v) for v in pred],
        "probs": round_rows(probs, 4),
        "logits": round_rows(logits, 4),
    }


def main():
    fitted = make_reviews.fit(make_reviews.TRAIN + PAIR, log=None)
    p, data, ids, y = fitted["params"], fitted["data"], fitted["ids"], fitted["y"]
    T = make_reviews.TRAIN
    truth = y[T:]

    # The GRU: the first 300 held-out reviews on their own (as make_reviews.py batches
    # them), then the rest, so the shared reviews get bit-identical outputs.
    H0 = make_reviews.HELD_OUT
    parts = [gru_outputs(p, ids[T : T + H0]), gru_outputs(p, ids[T + H0 :])]
    g_probs, g_logits, g_hidden = (np.concatenate([a[k] for a in parts]) for k in range(3))
    g_pred = g_probs.argmax(1)

    # The bag of words: unigram counts of the same tokens, default L2 logistic regression.
    texts = [" ".join(toks) for toks, _, _ in data]
    vec = CountVectorizer(tokenizer=str.split, lowercase=False, token_pattern=None)
    X_train = vec.fit_transform(texts[:T])
    bow = LogisticRegression(C=1.0, max_iter=2000).fit(X_train, y[:T])
    assert bow.n_iter_[0] < 2000, "the bag-of-words model did not converge"
    X_test = vec.transform(texts[T:])
    b_probs = bow.predict_proba(X_test)
    z = bow.decision_function(X_test)
    b_logits = np.stack([np.zeros_like(z), z], axis=1)  # softmax([0, z]) = [1 - σ(z), σ(z)]
    assert np.allclose(gru.softmax(b_logits), b_probs)
    b_pred = b_probs.argmax(1)
    bow_train_acc = float(bow.score(X_train, y[:T]))

    g_ok, b_ok = g_pred == truth, b_pred == truth
    print(
        f"GRU {g_ok.mean():.4f}, BoW {b_ok.mean():.4f} on {PAIR} held-out reviews; "
        f"GRU right & BoW wrong {int(np.sum(g_ok & ~b_ok))}, BoW right & GRU wrong {int(np.sum(b_ok & ~g_ok))}"
    )

    words = vec.get_feature_names_out()
    order = np.argsort(-bow.coef_[0], kind="stable")
    doc = {
        "dataset": "reviews-pair",
        "meta": {
            "description": (
                "Generated movie reviews (examples/rnn/reviews.py), 2,000 held-out, classified by a GRU "
                "(numpy, 16-d embeddings, 32 hidden units; examples/rnn/make_reviews.py) and by a "
                "bag-of-words logistic regression trained on the same 6,000 reviews. activations: the GRU's "
                "hidden state after the last word."
            ),
            "createdBy": "examples/rnn/make_review_pair.py",
            "seed": make_reviews.SEED,
            "trainSize": T,
            "heldOut": PAIR,
            "sameAs": "review-0 ... review-299 are the sequences of trajectories-reviews.json",
            "trainAccuracy": {"GRU": round(fitted["train_acc"], 6), "BoW": round(bow_train_acc, 6)},
            "rounding": "probs, logits and activations to 4 decimals",
            "versions": {
                "python": platform.python_version(),
                "numpy": np.__version__,
                "scipy": scipy.__version__,
                "sklearn": sklearn.__version__,
            },
        },
        "classes": CLASSES,
        "ids": [f"review-{k}" for k in range(PAIR)],
        "truth": [int(v) for v in truth],
        "texts": [text_of(toks) for toks, _, _ in data[T:]],
        "activationNames": [f"h{j}" for j in range(make_reviews.HIDDEN)],
        "activations": round_rows(g_hidden, 4),
        "models": [
            model_record(
                "GRU",
                "GRU (32 hidden units)",
                "W_o h_T + b_o: the output layer's pre-softmax scores at the last word",
                g_pred,
                g_probs,
                g_logits,
                truth,
                {"hidden": make_reviews.HIDDEN, "embedding": make_reviews.EMBED, "epochs": fitted["epochs"]},
            ),
            model_record(
                "BoW",
                "bag of words + logistic regression",
                "[0, decision_function]: softmax of it is predict_proba",
                b_pred,
                b_probs,
                b_logits,
                truth,
                {"vectorizer": "CountVectorizer (unigrams, whitespace tokens)", "C": 1.0, "max_iter": 2000},
            ),
        ],
        "bowWeights": [[str(words[j]), round(float(bow.coef_[0][j]), 4)] for j in order],
    }
    path = os.path.join(export.DATA, "reviews-pair.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write("{\n")
        keys = list(doc)
        for n, k in enumerate(keys):
            v = doc[k]
            if k in ("models", "activations"):
                # One model / one item per line: compact, yet diffs stay readable.
                body = ",\n".join("    " + json.dumps(r, separators=(",", ":"), allow_nan=False) for r in v)
                f.write(f'  "{k}": [\n{body}\n  ]')
            else:
                f.write(f'  "{k}": ' + json.dumps(v, separators=(",", ":"), ensure_ascii=False, allow_nan=False))
            f.write(",\n" if n < len(keys) - 1 else "\n")
        f.write("}\n")
    print(f"wrote {path} ({os.path.getsize(path) / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()

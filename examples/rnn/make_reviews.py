"""Trains the numpy GRU (learned 16-d word embeddings, hidden size 32) on the generated
review corpus of reviews.py and writes examples/data/trajectories-reviews.json with the
per-step hidden states and expected predictions of 300 held-out reviews.

    /usr/bin/python3 examples/rnn/make_reviews.py       (about 10 s on one core)
"""

import os
import sys

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import export  # noqa: E402
import gru  # noqa: E402
import reviews  # noqa: E402

SEED = 20210102
HIDDEN = 32
EMBED = 16
TRAIN = 6000
HELD_OUT = 300
EPOCHS = 8
CLASSES = ["negative", "positive"]


def fit(n_corpus=TRAIN + HELD_OUT, log=print):
    """Trains the GRU on the first TRAIN reviews of the seeded corpus. The corpus is one
    stream (reviews.corpus), so asking for more reviews only appends held-out ones: the
    trained weights are the same whatever n_corpus is. make_review_pair.py reuses this.

    Returns a dict: params, vocab, index, data (n_corpus reviews), ids (token ids), y,
    epochs, seconds, train_acc.
    """
    rng = np.random.default_rng(SEED)
    vocab = reviews.vocabulary()
    index = {w: i for i, w in enumerate(vocab)}
    # One seeded corpus; the held-out reviews follow the TRAIN training reviews.
    data = reviews.corpus(n_corpus, SEED)
    ids = [np.array([index[w] for w in toks]) for toks, _, _ in data]
    y = np.array([label for _, label, _ in data])
    train_ids = ids[:TRAIN]

    p = gru.init_params(rng, None, HIDDEN, 2, vocab=len(vocab), embed=EMBED)
    epochs, seconds = export.train(
        p, train_ids, y[:TRAIN], EPOCHS, rng, lr=5e-3, batch_size=32, decay=0.95, log=log
    )
    train_results = export.run_all(p, train_ids)
    train_acc = float(np.mean(np.array([r[0][-1].argmax() for r in train_results]) == y[:TRAIN]))
    return {"params": p, "vocab": vocab, "index": index, "data": data, "ids": ids, "y": y,
            "epochs": epochs, "seconds": seconds, "train_acc": train_acc}


def main():
    fitted = fit()
    p, vocab, data, ids, y = fitted["params"], fitted["vocab"], fitted["data"], fitted["ids"], fitted["y"]
    epochs, seconds, train_acc = fitted["epochs"], fitted["seconds"], fitted["train_acc"]
    test_ids = ids[TRAIN:]

    results = export.run_all(p, test_ids)
    final = np.array([r[0][-1].argmax() for r in results])
    accuracy = float(np.mean(final == y[TRAIN:]))
    print(f"held-out accuracy {accuracy:.4f} (train {train_acc:.4f}) after {epochs} epochs, {seconds:.0f}s")

    records = []
    for k in range(HELD_OUT):
        toks, label, _ = data[TRAIN + k]
        P, H = results[k]
        records.append(
            {
                "id": f"review-{k}",
                "label": CLASSES[label],
                "prediction": CLASSES[int(final[k])],
                "tokens": toks,
                "states": H,
                "expected": P,
            }
        )
    meta = {
        "name": "reviews",
        "description": (
            "Generated short movie reviews (examples/rnn/reviews.py: sentiment lexicon, negations, "
            "intensifiers, 'but' contrast, topic and filler words) read word by word by a GRU "
            "(numpy, 16-d learned embeddings, hidden size 32) trained with Adam on 6000 other "
            "generated reviews; states are the hidden state after each word, expected the softmax "
            "output applied to it (column 1 = P(positive))."
        ),
        "classes": CLASSES,
        "hiddenSize": HIDDEN,
        "embeddingSize": EMBED,
        "vocabularySize": len(vocab),
        "accuracy": round(accuracy, 4),
        "trainAccuracy": round(train_acc, 4),
        "trainSize": TRAIN,
        "heldOut": HELD_OUT,
        "epochs": epochs,
        "seed": SEED,
        "model": "GRU (Cho et al. 2014), numpy, BPTT + Adam; loss on the last step only",
        "generator": "examples/rnn/make_reviews.py",
    }
    path = os.path.join(export.DATA, "trajectories-reviews.json")
    size = export.write(path, meta, records)
    print(f"wrote {path} ({size / 1e6:.2f} MB)")
    if accuracy < 0.80:
        sys.exit(f"held-out accuracy {accuracy:.3f} is below the 0.80 target")


if __name__ == "__main__":
    main()

"""A small GRU sequence classifier in plain numpy: forward pass, backpropagation through
time and Adam. Used by make_digits.py and make_reviews.py to produce the example data of
the trajectory-projection element (per-step hidden states and expected predictions).

Model (Cho et al. 2014, "Learning Phrase Representations using RNN Encoder-Decoder",
eqs. 5-8; the original form, with the reset gate applied before the recurrent product):

    z_t  = sigmoid(x_t Wz + h_{t-1} Uz + bz)              update gate
    r_t  = sigmoid(x_t Wr + h_{t-1} Ur + br)              reset gate
    n_t  = tanh(x_t Wn + (r_t * h_{t-1}) Un + bn)         candidate state
    h_t  = z_t * h_{t-1} + (1 - z_t) * n_t                 h_0 = 0
    p_t  = softmax(h_t Wo + bo)                            "expected prediction" at step t

Training minimises the cross-entropy of p_T (the last step) only, as a normal sequence
classifier does; p_t for t < T is what the classifier would answer had the sequence ended
at step t — the "expected prediction" of Garcia, Munz & Weiskopf (2021). Inputs are either
real vectors (digits rows) or token ids looked up in a learned embedding table E.

All randomness comes from a numpy Generator passed in by the caller (seeded).
`python3 gru.py --check` compares the analytic gradients with central differences.
"""

import numpy as np


def sigmoid(a):
    # Split by sign so that exp never overflows.
    out = np.empty_like(a)
    pos = a >= 0
    out[pos] = 1.0 / (1.0 + np.exp(-a[pos]))
    e = np.exp(a[~pos])
    out[~pos] = e / (1.0 + e)
    return out


def softmax(a):
    a = a - a.max(axis=-1, keepdims=True)
    e = np.exp(a)
    return e / e.sum(axis=-1, keepdims=True)


def init_params(rng, n_in, hidden, n_classes, vocab=None, embed=None):
    """Glorot-uniform input weights, orthogonal recurrent weights, zero biases."""

    def glorot(fan_in, fan_out):
        lim = np.sqrt(6.0 / (fan_in + fan_out))
        return rng.uniform(-lim, lim, size=(fan_in, fan_out))

    def orthogonal(n):
        q, r = np.linalg.qr(rng.normal(size=(n, n)))
        return q * np.sign(np.diag(r))

    d = embed if vocab is not None else n_in
    p = {}
    if vocab is not None:
        p["E"] = rng.normal(scale=0.1, size=(vocab, embed))
    for g in ("z", "r", "n"):
        p["W" + g] = glorot(d, hidden)
        p["U" + g] = orthogonal(hidden)
        p["b" + g] = np.zeros(hidden)
    p["Wo"] = glorot(hidden, n_classes)
    p["bo"] = np.zeros(n_classes)
    return p


def embed_inputs(p, inputs):
    """inputs: (B, T, D) floats, or (B, T) int token ids when the model has an embedding."""
    if "E" in p:
        return p["E"][inputs]
    return inputs


def forward(p, inputs):
    """Runs the GRU over a batch of equal-length sequences.

    Returns (H, cache): H is (B, T, hidden), the state after each step.
    """
    X = embed_inputs(p, inputs)
    B, T, _ = X.shape
    hidden = p["Uz"].shape[0]
    h = np.zeros((B, hidden))
    H = np.empty((B, T, hidden))
    Z = np.empty_like(H)
    R = np.empty_like(H)
    N = np.empty_like(H)
    # Input projections for all steps at once; only the recurrent part is sequential.
    XZ = X @ p["Wz"] + p["bz"]
    XR = X @ p["Wr"] + p["br"]
    XN = X @ p["Wn"] + p["bn"]
    for t in range(T):
        z = sigmoid(XZ[:, t] + h @ p["Uz"])
        r = sigmoid(XR[:, t] + h @ p["Ur"])
        n = np.tanh(XN[:, t] + (r * h) @ p["Un"])
        h = z * h + (1.0 - z) * n
        Z[:, t], R[:, t], N[:, t], H[:, t] = z, r, n, h
    return H, (inputs, X, H, Z, R, N)


def predict_steps(p, H):
    """Softmax output applied to every step's hidden state: (B, T, classes)."""
    return softmax(H @ p["Wo"] + p["bo"])


def loss_and_grads(p, inputs, y):
    """Mean cross-entropy of the last step's prediction and its gradients (BPTT)."""
    H, (_, X, _, Z, R, N) = forward(p, inputs)
    B, T, hidden = H.shape
    hT = H[:, -1]
    P = softmax(hT @ p["Wo"] + p["bo"])
    loss = -np.mean(np.log(P[np.arange(B), y] + 1e-12))

    g = {k: np.zeros_like(v) for k, v in p.items()}
    dlogits = P.copy()
    dlogits[np.arange(B), y] -= 1.0
    dlogits /= B
    g["Wo"] = hT.T @ dlogits
    g["bo"] = dlogits.sum(0)
    dh = dlogits @ p["Wo"].T
    dX = np.zeros_like(X)
    for t in range(T - 1, -1, -1):
        h_prev = H[:, t - 1] if t > 0 else np.zeros((B, hidden))
        z, r, n, x = Z[:, t], R[:, t], N[:, t], X[:, t]
        # h_t = z * h_prev + (1 - z) * n
        dz = dh * (h_prev - n)
        dn = dh * (1.0 - z)
        dh_prev = dh * z
        dan = dn * (1.0 - n * n)
        rh = r * h_prev
        g["Wn"] += x.T @ dan
        g["Un"] += rh.T @ dan
        g["bn"] += dan.sum(0)
        drh = dan @ p["Un"].T
        dr = drh * h_prev
        dh_prev += drh * r
        dar = dr * r * (1.0 - r)
        daz = dz * z * (1.0 - z)
        g["Wr"] += x.T @ dar
        g["Ur"] += h_prev.T @ dar
        g["br"] += dar.sum(0)
        g["Wz"] += x.T @ daz
        g["Uz"] += h_prev.T @ daz
        g["bz"] += daz.sum(0)
        dh_prev += dar @ p["Ur"].T + daz @ p["Uz"].T
        dX[:, t] = daz @ p["Wz"].T + dar @ p["Wr"].T + dan @ p["Wn"].T
        dh = dh_prev
    if "E" in p:
        np.add.at(g["E"], inputs.reshape(-1), dX.reshape(-1, dX.shape[-1]))
    return loss, g


class Adam:
    """Adam (Kingma & Ba 2015, Algorithm 1) with global gradient-norm clipping."""

    def __init__(self, params, lr=3e-3, b1=0.9, b2=0.999, eps=1e-8, clip=5.0):
        self.lr, self.b1, self.b2, self.eps, self.clip = lr, b1, b2, eps, clip
        self.m = {k: np.zeros_like(v) for k, v in params.items()}
        self.v = {k: np.zeros_like(v) for k, v in params.items()}
        self.t = 0

    def step(self, params, grads):
        norm = np.sqrt(sum(float((g * g).sum()) for g in grads.values()))
        scale = min(1.0, self.clip / (norm + 1e-12))
        self.t += 1
        for k in params:
            gk = grads[k] * scale
            self.m[k] = self.b1 * self.m[k] + (1 - self.b1) * gk
            self.v[k] = self.b2 * self.v[k] + (1 - self.b2) * gk * gk
            mhat = self.m[k] / (1 - self.b1**self.t)
            vhat = self.v[k] / (1 - self.b2**self.t)
            params[k] -= self.lr * mhat / (np.sqrt(vhat) + self.eps)


def predict(p, inputs):
    H, _ = forward(p, inputs)
    return predict_steps(p, H), H


def gradient_check(seed=0):
    """Max relative error between analytic and central-difference gradients."""
    rng = np.random.default_rng(seed)
    worst = 0.0
    for vocab in (None, 7):
        p = init_params(rng, 3, 5, 4, vocab=vocab, embed=3)
        for k in p:
            p[k] = p[k] + rng.normal(scale=0.3, size=p[k].shape)  # non-zero biases too
        inputs = rng.integers(0, 7, size=(4, 6)) if vocab else rng.normal(size=(4, 6, 3))
        y = rng.integers(0, 4, size=4)
        _, g = loss_and_grads(p, inputs, y)
        for k, v in p.items():
            flat = v.reshape(-1)
            for i in rng.choice(flat.size, size=min(flat.size, 12), replace=False):
                old = flat[i]
                flat[i] = old + 1e-5
                lp, _ = loss_and_grads(p, inputs, y)
                flat[i] = old - 1e-5
                lm, _ = loss_and_grads(p, inputs, y)
                flat[i] = old
                num = (lp - lm) / 2e-5
                ana = g[k].reshape(-1)[i]
                worst = max(worst, abs(num - ana) / max(1e-7, abs(num) + abs(ana)))
    return worst


if __name__ == "__main__":
    import sys

    if "--check" in sys.argv:
        err = gradient_check()
        print(f"max relative gradient error: {err:.2e}")
        sys.exit(0 if err < 1e-5 else 1)
    print(__doc__)

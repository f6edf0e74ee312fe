#!/usr/bin/env python3
"""Peer of `bpbench float`, `bpbench xor` and `bpbench large`: the same float64
gradient-descent steps on the same generated spec with numpy. Reading the JSON is not timed.

    python3 Benchmarks/peers/float_numpy.py [--repeat N] [--workload float|xor|large]

- float: Benchmarks/specs/float-64-32-10.json (64-32-10, sigmoid hidden layer, softmax output
  with cross_entropy, batch 128, learning rate 0.1, 1,000 steps);
- xor: Benchmarks/specs/xor-2-4-1.json (2-4-1, sigmoid, sigmoid output with
  binary_cross_entropy in its stable form from the logits, the four XOR samples, 10,000 steps);
- large: Benchmarks/specs/float-784-256-10.json (784-256-10 as `float`, batch 256, 50 steps;
  written by `bpbench large-spec`).

Every step's loss is computed (and the last kept), as the engine keeps the loss of every step.

The math is the spec format's (as in Tests/Fixtures/reference_backprop.py): z = W a + b,
sigmoid = 1/(1+exp(-z)), softmax per column after subtracting the column maximum,
loss = -(sum t log a)/m over t != 0, delta^L = (a - t)/m, delta^l = (W^T delta) * s(1-s),
dW = delta a^T, db = row sums of delta, W <- W - lr dW. numpy sums in another order (BLAS), so
the final loss agrees with bpreport's to rounding (about 1e-12 relative), not bit for bit.

OpenBLAS threads are left as the environment sets them (OPENBLAS_NUM_THREADS, OMP_NUM_THREADS);
the values in force are printed.
"""

import json
import os
import statistics
import sys
import time

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SPECS = {
    "float": os.path.join(os.path.dirname(HERE), "specs", "float-64-32-10.json"),
    "xor": os.path.join(os.path.dirname(HERE), "specs", "xor-2-4-1.json"),
    "large": os.path.join(os.path.dirname(HERE), "specs", "float-784-256-10.json"),
}


def load(path):
    with open(path, encoding="utf-8") as f:
        spec = json.load(f)  # decimal text -> nearest double, as Swift's Double(String) reads it
    layers = [(np.array(l["weights"], dtype=np.float64), np.array(l["bias"], dtype=np.float64).reshape(-1, 1))
              for l in spec["layers"]]
    acts = [l["activation"] for l in spec["layers"]]
    assert (acts, spec["loss"]) in ((["sigmoid", "softmax"], "cross_entropy"), (["sigmoid", "sigmoid"], "binary_cross_entropy"))
    X = np.array(spec["input"], dtype=np.float64)
    T = np.array(spec["target"], dtype=np.float64).reshape(len(layers[-1][0]), -1)
    return layers, X, T, float(spec["learning_rate"]), int(spec["steps"]), spec["loss"]


def softplus(x):
    """log(1 + e^x) = max(x, 0) + log1p(e^-|x|), as the engine's stable form."""
    return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))


def train_bce(layers, X, T, lr, steps):
    """Sigmoid hidden layer, sigmoid output, binary cross-entropy over every entry, from the
    logits: t softplus(-z) + (1 - t) softplus(z), a term left out where its weight is 0."""
    (W1, b1), (W2, b2) = [(W.copy(), b.copy()) for W, b in layers]
    count = T.size
    pos, neg = T != 0, T != 1
    first = last = None
    for _ in range(steps):
        A1 = 1.0 / (1.0 + np.exp(-(W1 @ X + b1)))
        Z2 = W2 @ A1 + b2
        A2 = 1.0 / (1.0 + np.exp(-Z2))
        last = ((T * softplus(-Z2))[pos].sum() + ((1.0 - T) * softplus(Z2))[neg].sum()) / count
        if first is None:
            first = last
        D2 = (A2 - T) / count
        D1 = (W2.T @ D2) * (A1 * (1.0 - A1))
        dW2, db2 = D2 @ A1.T, D2.sum(axis=1, keepdims=True)
        dW1, db1 = D1 @ X.T, D1.sum(axis=1, keepdims=True)
        W2 = W2 - lr * dW2
        b2 = b2 - lr * db2
        W1 = W1 - lr * dW1
        b1 = b1 - lr * db1
    return first, last


def train(layers, X, T, lr, steps):
    (W1, b1), (W2, b2) = [(W.copy(), b.copy()) for W, b in layers]
    m = X.shape[1]
    mask = T != 0
    Tm = T[mask]
    first = last = None
    for _ in range(steps):
        A1 = 1.0 / (1.0 + np.exp(-(W1 @ X + b1)))
        Z2 = W2 @ A1 + b2
        E = np.exp(Z2 - Z2.max(axis=0, keepdims=True))
        A2 = E / E.sum(axis=0, keepdims=True)
        last = -(Tm * np.log(A2[mask])).sum() / m
        if first is None:
            first = last
        D2 = (A2 - T) / m
        D1 = (W2.T @ D2) * (A1 * (1.0 - A1))
        dW2, db2 = D2 @ A1.T, D2.sum(axis=1, keepdims=True)
        dW1, db1 = D1 @ X.T, D1.sum(axis=1, keepdims=True)
        W2 = W2 - lr * dW2
        b2 = b2 - lr * db2
        W1 = W1 - lr * dW1
        b1 = b1 - lr * db1
    return first, last


def main(argv):
    repeat, workload = 10, "float"
    args = argv[1:]
    while args:
        if len(args) >= 2 and args[0] in ("--repeat", "-n"):
            repeat = int(args[1])
        elif len(args) >= 2 and args[0] == "--workload" and args[1] in SPECS:
            workload = args[1]
        else:
            sys.stderr.write(__doc__)
            return 2
        args = args[2:]
    spec_path = SPECS[workload]
    layers, X, T, lr, steps, loss = load(spec_path)
    run = train_bce if loss == "binary_cross_entropy" else train
    name = "float-numpy" if workload == "float" else workload + "-numpy"

    result = run(layers, X, T, lr, steps)  # warm-up
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter_ns()
        result = run(layers, X, T, lr, steps)
        samples.append((time.perf_counter_ns() - t0) / 1e6)
    first, last = result
    env = ", ".join("%s=%s" % (k, os.environ.get(k, "(unset)"))
                    for k in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_CORETYPE"))
    print("%s: %s, %d steps, numpy %s (Python %s); %s"
          % (name, os.path.relpath(spec_path), steps, np.__version__, sys.version.split()[0], env))
    print("  %d timed runs after 1 warm-up: median %.3f ms, min %.3f ms, max %.3f ms"
          % (repeat, statistics.median(samples), min(samples), max(samples)))
    print("BENCH %s median_ms=%.3f min_ms=%.3f max_ms=%.3f runs=%d"
          % (name, statistics.median(samples), min(samples), max(samples), repeat))
    print("CHECK %s loss_first=%r loss_last=%r" % (workload, float(first), float(last)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Peer of `bpbench exact` on GMP's rationals through gmpy2 (`mpq`): problem 1
(reports/problem1.yaml), 8 exact gradient-descent steps, the algorithm of
Tests/Fixtures/reference_backprop.py (and of bpreport's engine) entry by entry:

  z = W a + b (each entry a left-to-right dot product, then + b), a = sigma(z);
  loss over the entries row by row; delta^L = dL/da * sigma'(z), delta^l = (W^T delta) * sigma'(z);
  dW = delta a^T, db = the rows of delta summed left to right; W <- W - lr dW, b <- b - lr db.

The spec is read (not timed) by the reference's reader and its Fractions turned into mpq; only the
8 steps are timed. Exact activations and losses only (identity, square, relu, leaky_relu; half_sse,
sse, mse), as exact arithmetic allows.

    python3 Benchmarks/peers/exact_gmpy2.py [--repeat N]

Prints `BENCH exact-gmpy2 ...` and a CHECK line that must match bpbench's.
"""

import sys

import gmpy2
from gmpy2 import mpq

import exact_common as common

ZERO, ONE, TWO = mpq(0), mpq(1), mpq(2)


def matrix(rows):
    return [[mpq(x.numerator, x.denominator) for x in r] for r in rows]


def dot(xs, ys):
    acc = xs[0] * ys[0]
    for k in range(1, len(xs)):
        acc = acc + xs[k] * ys[k]
    return acc


def matmul(A, B):
    columns = list(zip(*B))
    return [[dot(row, col) for col in columns] for row in A]


def transpose(A):
    return [list(r) for r in zip(*A)]


def entrywise(X, Y, f):
    return [[f(x, y) for x, y in zip(rx, ry)] for rx, ry in zip(X, Y)]


def apply(act, Z):
    name, alpha = act
    if name == "identity":
        return Z
    if name == "square":
        return [[x * x for x in r] for r in Z]
    if name == "relu":
        return [[x if x > 0 else ZERO for x in r] for r in Z]
    if name == "leaky_relu":
        return [[x if x > 0 else alpha * x for x in r] for r in Z]
    raise ValueError("%s is not exact" % name)


def derivative(act, Z):
    name, alpha = act
    if name == "identity":
        return [[ONE for _ in r] for r in Z]
    if name == "square":
        return [[TWO * x for x in r] for r in Z]
    if name == "relu":
        return [[ONE if x > 0 else ZERO for x in r] for r in Z]
    if name == "leaky_relu":
        return [[ONE if x > 0 else alpha for x in r] for r in Z]
    raise ValueError("%s is not exact" % name)


def loss_value(loss, A, T):
    terms = [(a - t) * (a - t) for ra, rt in zip(A, T) for a, t in zip(ra, rt)]
    s = terms[0]
    for v in terms[1:]:
        s = s + v
    if loss == "half_sse":
        return s / 2
    if loss == "sse":
        return s
    if loss == "mse":
        return s / len(terms)
    raise ValueError("%s is not exact" % loss)


def loss_gradient(loss, A, T):
    count = mpq(len(A) * len(A[0]))
    if loss == "half_sse":
        return entrywise(A, T, lambda a, t: a - t)
    if loss == "sse":
        return entrywise(A, T, lambda a, t: TWO * (a - t))
    if loss == "mse":
        return entrywise(A, T, lambda a, t: (TWO * (a - t)) / count)
    raise ValueError("%s is not exact" % loss)


def train(problem):
    x, t, lr, acts, loss, W, b, steps = problem
    L = len(W)
    value = None
    for _ in range(steps):
        As, Zs = [x], []
        for l in range(L):
            Z = [[p + b[l][i] for p in row] for i, row in enumerate(matmul(W[l], As[-1]))]
            Zs.append(Z)
            As.append(apply(acts[l], Z))
        value = loss_value(loss, As[-1], t)
        deltas = [None] * L
        deltas[L - 1] = entrywise(loss_gradient(loss, As[-1], t), derivative(acts[L - 1], Zs[L - 1]),
                                  lambda g, s: g * s)
        for l in range(L - 2, -1, -1):
            deltas[l] = entrywise(matmul(transpose(W[l + 1]), deltas[l + 1]), derivative(acts[l], Zs[l]),
                                  lambda g, s: g * s)
        dW = [matmul(deltas[l], transpose(As[l])) for l in range(L)]
        db = []
        for l in range(L):
            column = []
            for row in deltas[l]:
                acc = row[0]
                for v in row[1:]:
                    acc = acc + v
                column.append(acc)
            db.append(column)
        W = [entrywise(W[l], dW[l], lambda w, g: w - lr * g) for l in range(L)]
        b = [[v - lr * g for v, g in zip(b[l], db[l])] for l in range(L)]
    values = []
    for l in range(L):
        values += [w for row in W[l] for w in row] + list(b[l])
    return value, values


def main(argv):
    repeat = common.repeat_from(argv, __doc__)
    if repeat is None:
        return 2
    net = common.problem1()
    q = lambda v: mpq(v.numerator, v.denominator)  # noqa: E731
    acts = [(name, q(alpha) if alpha is not None else None) for name, alpha in net.acts]
    problem = (matrix(net.x), matrix(net.t), q(net.lr), acts, net.loss,
               [matrix(Wl) for Wl in net.W], [[q(v) for v in bl] for bl in net.b], net.steps)
    return common.bench("exact-gmpy2",
                        "problem 1, exact, 8 steps, gmpy2 %s mpq (%s)" % (gmpy2.version(), gmpy2.mp_version()),
                        train, problem, repeat, lambda v: (int(v.numerator), int(v.denominator)))


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Peer of `bpbench exact` on FLINT's rational matrices through python-flint (`fmpq_mat`):
problem 1 (reports/problem1.yaml), 8 exact gradient-descent steps, the algorithm of
Tests/Fixtures/reference_backprop.py (and of bpreport's engine), written as a FLINT user would:
every product is an fmpq_mat product (FLINT clears denominators, multiplies integer matrices and
canonicalises each entry once), and so is everything that is a product in disguise:

  Z = W A + b 1^T (for a batch of one, W A + b), A = sigma(Z);
  the loss over the entries row by row; Delta^L = dL/dA (.) sigma'(Z), Delta^l = (W^T Delta) (.) sigma'(Z);
  dW = Delta A^T, db = Delta 1; W <- W - dW lr, b <- b - db lr (fmpq_mat by fmpq).

Entry-wise steps (the activation, sigma', the Hadamard products, the loss) go entry by entry over
fmpq, since fmpq_mat has no Hadamard product. The spec is read (not timed) by the reference's
reader; only the 8 steps are timed. Exact activations and losses only.

    python3 Benchmarks/peers/exact_flint.py [--repeat N]

Prints `BENCH exact-flint ...` and a CHECK line that must match bpbench's.
"""

import sys

import flint
from flint import fmpq, fmpq_mat

import exact_common as common

ZERO, ONE, TWO = fmpq(0), fmpq(1), fmpq(2)


def q(x):
    return fmpq(x.numerator, x.denominator)


def matrix(rows):
    return fmpq_mat(len(rows), len(rows[0]), [q(x) for r in rows for x in r])


def entrywise(M, f):
    return fmpq_mat(M.nrows(), M.ncols(), [f(x) for x in M.entries()])


def hadamard(X, Y):
    return fmpq_mat(X.nrows(), X.ncols(), [x * y for x, y in zip(X.entries(), Y.entries())])


def apply(act, Z):
    name, alpha = act
    if name == "identity":
        return Z
    if name == "square":
        return entrywise(Z, lambda x: x * x)
    if name == "relu":
        return entrywise(Z, lambda x: x if x > 0 else ZERO)
    if name == "leaky_relu":
        return entrywise(Z, lambda x: x if x > 0 else alpha * x)
    raise ValueError("%s is not exact" % name)


def derivative(act, Z):
    name, alpha = act
    if name == "identity":
        return entrywise(Z, lambda x: ONE)
    if name == "square":
        return entrywise(Z, lambda x: TWO * x)
    if name == "relu":
        return entrywise(Z, lambda x: ONE if x > 0 else ZERO)
    if name == "leaky_relu":
        return entrywise(Z, lambda x: ONE if x > 0 else alpha)
    raise ValueError("%s is not exact" % name)


def loss_value(loss, D):
    """The loss from D = A - T."""
    terms = [d * d for d in D.entries()]
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


def loss_gradient(loss, D):
    if loss == "half_sse":
        return D
    if loss == "sse":
        return D * TWO
    if loss == "mse":
        return D * (TWO / (D.nrows() * D.ncols()))
    raise ValueError("%s is not exact" % loss)


def train(problem):
    X, T, lr, acts, loss, W, b, steps = problem
    W, b = list(W), list(b)  # new lists: the matrices themselves are never changed in place
    L = len(W)
    m = X.ncols()
    ones_row = fmpq_mat(1, m, [ONE] * m)
    ones_column = fmpq_mat(m, 1, [ONE] * m)
    value = None
    for _ in range(steps):
        As, Zs = [X], []
        for l in range(L):
            Z = W[l] * As[-1] + (b[l] if m == 1 else b[l] * ones_row)
            Zs.append(Z)
            As.append(apply(acts[l], Z))
        D = As[-1] - T
        value = loss_value(loss, D)
        deltas = [None] * L
        deltas[L - 1] = hadamard(loss_gradient(loss, D), derivative(acts[L - 1], Zs[L - 1]))
        for l in range(L - 2, -1, -1):
            deltas[l] = hadamard(W[l + 1].transpose() * deltas[l + 1], derivative(acts[l], Zs[l]))
        for l in range(L):
            dW = deltas[l] * As[l].transpose()
            db = deltas[l] if m == 1 else deltas[l] * ones_column
            W[l] = W[l] - dW * lr
            b[l] = b[l] - db * lr
    values = []
    for l in range(L):
        values += list(W[l].entries()) + list(b[l].entries())
    return value, values


def main(argv):
    repeat = common.repeat_from(argv, __doc__)
    if repeat is None:
        return 2
    net = common.problem1()
    acts = [(name, q(alpha) if alpha is not None else None) for name, alpha in net.acts]
    problem = (matrix(net.x), matrix(net.t), q(net.lr), acts, net.loss,
               [matrix(Wl) for Wl in net.W], [matrix([[v] for v in bl]) for bl in net.b], net.steps)
    return common.bench("exact-flint",
                        "problem 1, exact, 8 steps, python-flint %s fmpq_mat (FLINT %s)"
                        % (flint.__version__, flint.__FLINT_VERSION__),
                        train, problem, repeat, lambda v: (int(v.p), int(v.q)))


if __name__ == "__main__":
    sys.exit(main(sys.argv))

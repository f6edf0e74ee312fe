#!/usr/bin/env python3
"""Peer of `bpbench exact`: problem 1 (reports/problem1.yaml), 8 exact gradient-descent steps with
Python's fractions.Fraction, using the project's reference implementation
(Tests/Fixtures/reference_backprop.py: run_step = forward, loss, backward, gradients; then the same
update as its run()). Reading the YAML is not timed, nor is formatting: only the 8 steps.

    python3 Benchmarks/peers/exact_fractions.py [--repeat N]

Prints `BENCH exact-fractions median_ms=... min_ms=... max_ms=... runs=N` and a CHECK line that must
match bpbench's (max_digits may differ by one: GMP's digit count can be one too high).
"""

import sys

import exact_common as common
from exact_common import ref


def train(net):
    """The 8 steps, as reference_backprop.run() does them, minus the formatting of the trace."""
    W = [[list(r) for r in Wl] for Wl in net.W]
    b = [list(bl) for bl in net.b]
    L = len(W)
    lr = net.lr
    loss = None
    for s in range(1, net.steps + 1):
        Zs, As, loss, deltas, dW, db = ref.run_step(net, W, b, s)
        W = [[[w - lr * g for w, g in zip(rw, rg)] for rw, rg in zip(W[l], dW[l])] for l in range(L)]
        b = [[x - lr * g for x, g in zip(b[l], db[l])] for l in range(L)]
    values = []
    for l in range(L):
        values += [w for row in W[l] for w in row] + list(b[l])
    return loss, values


def main(argv):
    repeat = common.repeat_from(argv, __doc__)
    if repeat is None:
        return 2
    return common.bench("exact-fractions",
                        "problem 1, exact, 8 steps, fractions.Fraction (Python %s)" % sys.version.split()[0],
                        train, common.problem1(), repeat, lambda q: (q.numerator, q.denominator))


if __name__ == "__main__":
    sys.exit(main(sys.argv))

#!/usr/bin/env python3
"""Peer of `bpbench exact`: problem 1 (reports/problem1.yaml), 8 exact gradient-descent steps with
Python's fractions.Fraction, using the project's reference implementation
(Tests/Fixtures/reference_backprop.py: run_step = forward, loss, backward, gradients; then the same
update as its run()). Reading the YAML is not timed, nor is formatting: only the 8 steps.

    python3 Benchmarks/peers/exact_fractions.py [--repeat N]

Prints `BENCH exact-fractions median_ms=... min_ms=... max_ms=... runs=N` and a CHECK line that must
match bpbench's (max_digits may differ by one: GMP's digit count can be one too high).
"""

import os
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "Tests", "Fixtures"))

import reference_backprop as ref  # noqa: E402


def fnv1a(text):
    h = 0xcbf29ce484222325
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return "%016x" % h


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
    return loss, W, b


def main(argv):
    repeat = 50
    if len(argv) == 3 and argv[1] in ("--repeat", "-n"):
        repeat = int(argv[2])
    elif len(argv) != 1:
        sys.stderr.write(__doc__)
        return 2
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)

    spec = ref.load_spec(os.path.join(ROOT, "reports", "problem1.yaml"))
    spec["arithmetic"] = "exact"
    spec["steps"] = "8"
    net = ref.Network(spec)
    assert net.exact and net.steps == 8

    result = train(net)  # warm-up
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter_ns()
        result = train(net)
        samples.append((time.perf_counter_ns() - t0) / 1e6)

    loss, W, b = result
    values = []
    for l in range(len(W)):
        values += [w for row in W[l] for w in row] + list(b[l])
    digits = max(max(len(str(abs(v.numerator))), len(str(v.denominator))) for v in values)
    loss_text = ref.fmt_exact(loss)
    params_text = " ".join(ref.fmt_exact(v) for v in values)
    print("exact-fractions: problem 1, exact, 8 steps, fractions.Fraction (Python %s)" % sys.version.split()[0])
    print("  %d timed runs after 1 warm-up: median %.3f ms, min %.3f ms, max %.3f ms"
          % (repeat, statistics.median(samples), min(samples), max(samples)))
    print("BENCH exact-fractions median_ms=%.3f min_ms=%.3f max_ms=%.3f runs=%d"
          % (statistics.median(samples), min(samples), max(samples), repeat))
    print("CHECK exact max_digits=%d loss_chars=%d loss_approx=%r loss_fnv=%s params_fnv=%s"
          % (digits, len(loss_text), float(loss), fnv1a(loss_text), fnv1a(params_text)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

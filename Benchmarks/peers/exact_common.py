"""What the exact peers share: the workload (reports/problem1.yaml with exact arithmetic and 8
steps, read with Tests/Fixtures/reference_backprop.py's reader), the timing loop, and the BENCH and
CHECK lines that Benchmarks/run compares with bpbench's.

Each peer passes its `train(net)`, which returns the step-8 loss and the final weights and biases
(weights row by row, then the biases, layer by layer) in its own number type, and a function that
turns one of its numbers into (numerator, denominator) Python ints.
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


def repeat_from(argv, doc):
    """N from `--repeat N` (default 50); None after printing `doc` for any other arguments."""
    if len(argv) == 3 and argv[1] in ("--repeat", "-n"):
        return int(argv[2])
    if len(argv) == 1:
        return 50
    sys.stderr.write(doc)
    return None


def problem1():
    """The seed problem as committed, with exact arithmetic forced and 8 steps (numbers as Fractions)."""
    if hasattr(sys, "set_int_max_str_digits"):
        sys.set_int_max_str_digits(0)
    spec = ref.load_spec(os.path.join(ROOT, "reports", "problem1.yaml"))
    spec["arithmetic"] = "exact"
    spec["steps"] = "8"
    net = ref.Network(spec)
    assert net.exact and net.steps == 8
    return net


def fmt(pair):
    """The trace's spelling: `p` for an integer, else `p/q`."""
    p, q = pair
    return str(p) if q == 1 else "%d/%d" % (p, q)


def bench(name, what, train, net, repeat, parts):
    """One warm-up call of train(net), `repeat` timed calls, then the BENCH and CHECK lines."""
    result = train(net)  # warm-up
    samples = []
    for _ in range(repeat):
        t0 = time.perf_counter_ns()
        result = train(net)
        samples.append((time.perf_counter_ns() - t0) / 1e6)

    loss, values = result
    loss = parts(loss)
    values = [parts(v) for v in values]
    digits = max(max(len(str(abs(p))), len(str(q))) for p, q in values)
    loss_text = fmt(loss)
    params_text = " ".join(fmt(v) for v in values)
    median = statistics.median(samples)
    print("%s: %s" % (name, what))
    print("  %d timed runs after 1 warm-up: median %.3f ms, min %.3f ms, max %.3f ms"
          % (repeat, median, min(samples), max(samples)))
    print("BENCH %s median_ms=%.3f min_ms=%.3f max_ms=%.3f runs=%d"
          % (name, median, min(samples), max(samples), repeat))
    print("CHECK exact max_digits=%d loss_chars=%d loss_approx=%r loss_fnv=%s params_fnv=%s"
          % (digits, len(loss_text), loss[0] / loss[1], fnv1a(loss_text), fnv1a(params_text)))
    return 0

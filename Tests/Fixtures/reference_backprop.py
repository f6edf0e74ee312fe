#!/usr/bin/env python3
"""Independent reference implementation of bpreport's engine (see /work/shared/spec-format.md).

Usage:
    python3 reference_backprop.py SPEC.yaml|SPEC.json            # prints the JSON trace (indent 2)
    python3 reference_backprop.py --check-gradients SPEC.yaml    # float central-difference check of
                                                                  # the step-1 gradients (to stderr)

Standard library only, plus PyYAML (read with yaml.BaseLoader, so every scalar stays the text as
written and a decimal such as 0.01 is read exactly as 1/100 in exact arithmetic).

Float evaluation order (fixed here so that a float trace can be compared byte for byte):
  * matrix products: acc = x[0]*y[0]; acc = acc + x[k]*y[k] for k = 1, 2, ... (left to right);
  * z = (W a) + b, entrywise;
  * W^T delta, delta a^T: the same left-to-right accumulation over the summed index;
  * db: acc = delta[i][0]; acc = acc + delta[i][j] for j = 1, 2, ...;
  * loss sums run over the entries row by row (row i, then column j), starting from the first term:
      half_sse = sum / 2, sse = sum, mse = sum / N, cross_entropy = -(sum t*log a) / m,
      binary_cross_entropy = -(sum [t*log a + (1-t)*log(1-a)]) / N; a term whose
      coefficient t (or 1-t) is exactly 0 is left out (0 log 0 = 0);
  * delta^L: half_sse (a-t)*s', sse (2*(a-t))*s', mse ((2*(a-t))/N)*s', softmax+cross_entropy
    (a-t)/m, sigmoid+binary_cross_entropy (a-t)/N; s' = sigma'(z);
  * sigmoid = 1/(1+exp(-x)), sigmoid' = s*(1-s); tanh' = 1 - t*t; square' = 2*x;
    softmax per column: e_i = exp(z_i - max_k z_k), s = e_0 + e_1 + ..., a_i = e_i / s;
  * update: w - (lr * dw).
Exact arithmetic uses fractions.Fraction throughout, so its order does not matter.
"""

import json
import math
import re
import sys
from fractions import Fraction

try:
    import yaml
except ImportError:  # pragma: no cover
    yaml = None


class SpecError(Exception):
    pass


# ---------------------------------------------------------------------------------------------
# Number formatting


TWO53 = float(2 ** 53)


def swift_double_description(x):
    """Swift's Double.description: shortest round-trip digits; exponent form when |x| < 1e-4 or
    |x| > 2^53 (Python's repr switches at 1e16 instead of 2^53; otherwise the two agree)."""
    if math.isnan(x) or math.isinf(x):
        raise ValueError("non-finite value")
    r = repr(x)
    if 'e' in r or abs(x) <= TWO53:
        return r
    # 2^53 < |x| < 1e16: repr gives "dddddddddddddddd.0"; rewrite as d.ddd e+15
    sign = '-' if r.startswith('-') else ''
    intpart = r.lstrip('-').split('.')[0]
    exp = len(intpart) - 1
    digits = intpart.rstrip('0')
    mant = digits[0] + ('.' + digits[1:] if len(digits) > 1 else '')
    return "%s%se+%02d" % (sign, mant, exp)


def fmt_exact(q):
    q = Fraction(q)
    if q.denominator == 1:
        return str(q.numerator)
    return "%d/%d" % (q.numerator, q.denominator)


# ---------------------------------------------------------------------------------------------
# Reading numbers and the spec

INT_RE = re.compile(r'^[+-]?\d+$')
DEC_RE = re.compile(r'^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$')
FRAC_RE = re.compile(r'^([+-]?\d+)\s*/\s*([+-]?\d+)$')


def parse_number(value, exact, where):
    if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
        raise SpecError("%s: expected a number, got %r" % (where, value))
    text = str(value).strip()
    m = FRAC_RE.match(text)
    if m:
        p, q = int(m.group(1)), int(m.group(2))
        if q == 0:
            raise SpecError("%s: zero denominator in %r" % (where, text))
        return Fraction(p, q) if exact else float(p) / float(q)
    if INT_RE.match(text) or DEC_RE.match(text):
        return Fraction(text) if exact else float(text)
    raise SpecError("%s: not a number: %r" % (where, text))


def load_spec(path):
    with open(path, encoding='utf-8') as f:
        text = f.read()
    if path.endswith('.json'):
        # keep numbers as their text so decimals stay exact
        return json.loads(text, parse_float=str, parse_int=str)
    if yaml is None:
        raise SpecError("PyYAML is needed to read %s" % path)
    return yaml.load(text, Loader=yaml.BaseLoader)


EXACT_ACTIVATIONS = {'identity', 'square', 'relu', 'leaky_relu'}
ALL_ACTIVATIONS = EXACT_ACTIVATIONS | {'sigmoid', 'tanh', 'softmax'}
EXACT_LOSSES = {'half_sse', 'sse', 'mse'}
ALL_LOSSES = EXACT_LOSSES | {'cross_entropy', 'binary_cross_entropy'}


def parse_int(value, where):
    text = str(value).strip()
    if not INT_RE.match(text):
        raise SpecError("%s: expected an integer, got %r" % (where, value))
    return int(text)


def is_matrix(v):
    return isinstance(v, list) and len(v) > 0 and all(isinstance(r, list) for r in v)


def to_matrix(v, exact, where):
    """A flat vector becomes an n x 1 column; a list of rows stays as given."""
    if not isinstance(v, list) or len(v) == 0:
        raise SpecError("%s: expected a non-empty vector or matrix" % where)
    if is_matrix(v):
        width = len(v[0])
        if width == 0 or any(len(r) != width for r in v):
            raise SpecError("%s: rows of different lengths" % where)
        return [[parse_number(x, exact, "%s[%d][%d]" % (where, i, j)) for j, x in enumerate(r)]
                for i, r in enumerate(v)]
    return [[parse_number(x, exact, "%s[%d]" % (where, i))] for i, x in enumerate(v)]


def activation_of(spec_act, where, exact_flag=None):
    if isinstance(spec_act, dict):
        name = spec_act.get('name')
        params = {k: v for k, v in spec_act.items() if k != 'name'}
    else:
        name, params = spec_act, {}
    if name not in ALL_ACTIVATIONS:
        raise SpecError("%s: unknown activation %r" % (where, name))
    for k in params:
        if not (name == 'leaky_relu' and k == 'alpha'):
            raise SpecError("%s: activation %s takes no parameter %r" % (where, name, k))
    return name, params


class Network:
    def __init__(self, spec):
        if not isinstance(spec, dict):
            raise SpecError("the spec must be a mapping")
        self.numbering = parse_int(spec.get('numbering', '1'), 'numbering')
        if self.numbering not in (0, 1):
            raise SpecError("numbering must be 0 or 1")
        self.steps = parse_int(spec.get('steps', '1'), 'steps')
        if self.steps < 0:
            raise SpecError("steps must be >= 0")
        layers = spec.get('layers')
        if not isinstance(layers, list) or not layers:
            raise SpecError("layers: expected a non-empty list")
        self.loss = spec.get('loss')
        if self.loss not in ALL_LOSSES:
            raise SpecError("unknown loss %r" % (self.loss,))
        acts = []
        for i, layer in enumerate(layers):
            if 'activation' not in layer:
                raise SpecError("layers[%d]: missing activation" % i)
            acts.append(activation_of(layer['activation'], "layers[%d].activation" % i))
        mode = spec.get('arithmetic', 'auto')
        all_exact = all(a[0] in EXACT_ACTIVATIONS for a in acts) and self.loss in EXACT_LOSSES
        if mode == 'auto':
            self.exact = all_exact
        elif mode == 'exact':
            if not all_exact:
                bad = [a[0] for a in acts if a[0] not in EXACT_ACTIVATIONS]
                if self.loss not in EXACT_LOSSES:
                    bad.append(self.loss)
                raise SpecError("arithmetic exact is impossible with %s" % ", ".join(bad))
            self.exact = True
        elif mode == 'float':
            self.exact = False
        else:
            raise SpecError("arithmetic must be exact, float or auto")
        ex = self.exact
        self.W, self.b, self.acts = [], [], []
        for i, layer in enumerate(layers):
            W = to_matrix(layer['weights'], ex, "layers[%d].weights" % i)
            if not is_matrix(layer['weights']):
                raise SpecError("layers[%d].weights: expected a matrix" % i)
            braw = layer['bias']
            if is_matrix(braw):
                if any(len(r) != 1 for r in braw):
                    raise SpecError("layers[%d].bias: expected a vector" % i)
                braw = [r[0] for r in braw]
            b = [parse_number(x, ex, "layers[%d].bias[%d]" % (i, k)) for k, x in enumerate(braw)]
            if len(b) != len(W):
                raise SpecError("layers[%d]: %d rows of weights but %d biases" % (i, len(W), len(b)))
            name, params = acts[i]
            alpha = parse_number(params.get('alpha', '0.01'), ex, "layers[%d].alpha" % i) \
                if name == 'leaky_relu' else None
            self.W.append(W)
            self.b.append(b)
            self.acts.append((name, alpha))
        for i in range(1, len(self.W)):
            if len(self.W[i][0]) != len(self.W[i - 1]):
                raise SpecError("layers[%d]: %d columns but the layer before has %d units"
                                % (i, len(self.W[i][0]), len(self.W[i - 1])))
        for i, (name, _) in enumerate(self.acts):
            if name == 'softmax' and (i != len(self.acts) - 1 or self.loss != 'cross_entropy'):
                raise SpecError("softmax only on the output layer with cross_entropy")
        if self.loss == 'cross_entropy' and self.acts[-1][0] != 'softmax':
            raise SpecError("cross_entropy needs a softmax output")
        if self.loss == 'binary_cross_entropy' and self.acts[-1][0] != 'sigmoid':
            raise SpecError("binary_cross_entropy needs a sigmoid output")
        self.x = to_matrix(spec['input'], ex, 'input')
        if len(self.x) != len(self.W[0][0]):
            raise SpecError("input has %d rows but the first layer takes %d"
                            % (len(self.x), len(self.W[0][0])))
        m = len(self.x[0])
        nout = len(self.W[-1])
        traw = spec['target']
        if not is_matrix(traw) and m > 1 and nout == 1:
            traw = [traw]  # a flat target with a batch and one output: the 1 x m row
        self.t = to_matrix(traw, ex, 'target')
        if len(self.t) != nout or len(self.t[0]) != m:
            raise SpecError("target is %dx%d, expected %dx%d"
                            % (len(self.t), len(self.t[0]), nout, m))
        if self.steps > 0:
            if 'learning_rate' not in spec:
                raise SpecError("learning_rate is required when steps > 0")
        self.lr = parse_number(spec['learning_rate'], ex, 'learning_rate') \
            if 'learning_rate' in spec else None


# ---------------------------------------------------------------------------------------------
# Matrix helpers (lists of rows)


def dot(xs, ys):
    acc = xs[0] * ys[0]
    for k in range(1, len(xs)):
        acc = acc + xs[k] * ys[k]
    return acc


def matmul(A, B):
    n, p, m = len(A), len(B), len(B[0])
    assert len(A[0]) == p
    return [[dot(A[i], [B[k][j] for k in range(p)]) for j in range(m)] for i in range(n)]


def transpose(A):
    return [list(r) for r in zip(*A)]


def zero(exact):
    return Fraction(0) if exact else 0.0


def one(exact):
    return Fraction(1) if exact else 1.0


def act_apply(name, alpha, Z, exact):
    if name == 'softmax':
        n, m = len(Z), len(Z[0])
        A = [[None] * m for _ in range(n)]
        for j in range(m):
            col = [Z[i][j] for i in range(n)]
            mx = max(col)
            e = [math.exp(c - mx) for c in col]
            s = e[0]
            for v in e[1:]:
                s = s + v
            for i in range(n):
                A[i][j] = e[i] / s
        return A

    def f(x):
        if name == 'identity':
            return x
        if name == 'square':
            return x * x
        if name == 'relu':
            return x if x > 0 else zero(exact)
        if name == 'leaky_relu':
            return x if x > 0 else alpha * x
        if name == 'sigmoid':
            return 1.0 / (1.0 + math.exp(-x))
        if name == 'tanh':
            return math.tanh(x)
        raise AssertionError(name)
    return [[f(x) for x in r] for r in Z]


def act_deriv(name, alpha, Z, A, exact):
    def d(x, a):
        if name == 'identity':
            return one(exact)
        if name == 'square':
            return 2 * x
        if name == 'relu':
            return one(exact) if x > 0 else zero(exact)
        if name == 'leaky_relu':
            return one(exact) if x > 0 else alpha
        if name == 'sigmoid':
            return a * (1.0 - a)
        if name == 'tanh':
            return 1.0 - a * a
        raise AssertionError(name)
    return [[d(x, a) for x, a in zip(rz, ra)] for rz, ra in zip(Z, A)]


def entries(M):
    for r in M:
        for v in r:
            yield v


def compute_loss(loss, A, T, exact):
    n, m = len(A), len(A[0])
    N = n * m
    if loss in ('half_sse', 'sse', 'mse'):
        terms = [(a - t) * (a - t) for a, t in zip(entries(A), entries(T))]
        s = terms[0]
        for v in terms[1:]:
            s = s + v
        if loss == 'half_sse':
            return s / 2
        if loss == 'sse':
            return s
        return s / N
    if loss == 'cross_entropy':
        terms = [t * math.log(a) for a, t in zip(entries(A), entries(T)) if t != 0]
        s = 0.0
        if terms:
            s = terms[0]
            for v in terms[1:]:
                s = s + v
        return -s / m
    if loss == 'binary_cross_entropy':
        terms = []
        for a, t in zip(entries(A), entries(T)):
            if t == 0:
                terms.append((1.0 - t) * math.log(1.0 - a))
            elif t == 1:
                terms.append(t * math.log(a))
            else:
                terms.append(t * math.log(a) + (1.0 - t) * math.log(1.0 - a))
        s = terms[0]
        for v in terms[1:]:
            s = s + v
        return -s / N
    raise AssertionError(loss)


def output_delta(loss, act, Z, A, T, exact):
    n, m = len(A), len(A[0])
    N = n * m
    name, alpha = act
    if loss == 'cross_entropy':
        return [[(a - t) / m for a, t in zip(ra, rt)] for ra, rt in zip(A, T)]
    if loss == 'binary_cross_entropy':
        return [[(a - t) / N for a, t in zip(ra, rt)] for ra, rt in zip(A, T)]
    S = act_deriv(name, alpha, Z, A, exact)
    if loss == 'half_sse':
        dA = [[a - t for a, t in zip(ra, rt)] for ra, rt in zip(A, T)]
    elif loss == 'sse':
        dA = [[2 * (a - t) for a, t in zip(ra, rt)] for ra, rt in zip(A, T)]
    elif loss == 'mse':
        dA = [[(2 * (a - t)) / N for a, t in zip(ra, rt)] for ra, rt in zip(A, T)]
    else:
        raise AssertionError(loss)
    return [[x * s for x, s in zip(rd, rs)] for rd, rs in zip(dA, S)]


# ---------------------------------------------------------------------------------------------
# One step


def check_finite(M, what, step, layer, exact):
    if exact:
        return
    for v in entries(M):
        if math.isnan(v) or math.isinf(v):
            raise SpecError("step %d, layer %d: %s is not finite" % (step, layer, what))


def forward(net, W, b):
    exact = net.exact
    As, Zs = [net.x], []
    for l in range(len(W)):
        P = matmul(W[l], As[-1])
        Z = [[p + b[l][i] for p in P[i]] for i in range(len(P))]
        name, alpha = net.acts[l]
        A = act_apply(name, alpha, Z, exact)
        Zs.append(Z)
        As.append(A)
    return Zs, As


def run_step(net, W, b, step):
    exact = net.exact
    L = len(W)
    lay = lambda l: net.numbering + 1 + l  # noqa: E731
    try:
        Zs, As = forward(net, W, b)
    except (OverflowError, ValueError, ZeroDivisionError) as e:
        raise SpecError("step %d: forward pass failed: %s" % (step, e))
    for l in range(L):
        check_finite(Zs[l], 'z', step, lay(l), exact)
        check_finite(As[l + 1], 'a', step, lay(l), exact)
    try:
        loss = compute_loss(net.loss, As[-1], net.t, exact)
    except (OverflowError, ValueError, ZeroDivisionError) as e:
        raise SpecError("step %d, layer %d: loss failed: %s" % (step, lay(L - 1), e))
    check_finite([[loss]], 'the loss', step, lay(L - 1), exact)
    deltas = [None] * L
    deltas[L - 1] = output_delta(net.loss, net.acts[L - 1], Zs[L - 1], As[L], net.t, exact)
    for l in range(L - 2, -1, -1):
        back = matmul(transpose(W[l + 1]), deltas[l + 1])
        name, alpha = net.acts[l]
        S = act_deriv(name, alpha, Zs[l], As[l + 1], exact)
        deltas[l] = [[x * s for x, s in zip(rb, rs)] for rb, rs in zip(back, S)]
    for l in range(L):
        check_finite(deltas[l], 'delta', step, lay(l), exact)
    dW = [matmul(deltas[l], transpose(As[l])) for l in range(L)]
    db = []
    for l in range(L):
        col = []
        for row in deltas[l]:
            acc = row[0]
            for v in row[1:]:
                acc = acc + v
            col.append(acc)
        db.append(col)
    for l in range(L):
        check_finite(dW[l], 'dL/dW', step, lay(l), exact)
        check_finite([db[l]], 'dL/db', step, lay(l), exact)
    return Zs, As, loss, deltas, dW, db


def run(net):
    exact = net.exact
    F = fmt_exact if exact else swift_double_description
    fm = lambda M: [[F(v) for v in r] for r in M]  # noqa: E731
    fcol = lambda v: [[F(x)] for x in v]  # noqa: E731
    W = [[list(r) for r in Wl] for Wl in net.W]
    b = [list(bl) for bl in net.b]
    L = len(W)
    lay = lambda l: net.numbering + 1 + l  # noqa: E731
    out_steps = []
    for s in range(1, max(net.steps, 1) + 1):
        Zs, As, loss, deltas, dW, db = run_step(net, W, b, s)
        entry = {
            'step': s,
            'forward': [{'layer': lay(l), 'z': fm(Zs[l]), 'a': fm(As[l + 1])} for l in range(L)],
            'loss': F(loss),
            'backward': [{'layer': lay(l), 'delta': fm(deltas[l])} for l in range(L - 1, -1, -1)],
            'gradients': [{'layer': lay(l), 'weights': fm(dW[l]), 'bias': fcol(db[l])}
                          for l in range(L)],
        }
        if net.steps > 0:
            lr = net.lr
            W = [[[w - lr * g for w, g in zip(rw, rg)] for rw, rg in zip(W[l], dW[l])]
                 for l in range(L)]
            b = [[x - lr * g for x, g in zip(b[l], db[l])] for l in range(L)]
            for l in range(L):
                check_finite(W[l], 'the updated weights', s, lay(l), exact)
                check_finite([b[l]], 'the updated bias', s, lay(l), exact)
            entry['updated'] = [{'layer': lay(l), 'weights': fm(W[l]), 'bias': fcol(b[l])}
                                for l in range(L)]
        out_steps.append(entry)
    return {'arithmetic': 'exact' if exact else 'float', 'numbering': net.numbering,
            'steps': out_steps}


# ---------------------------------------------------------------------------------------------
# Finite-difference check (float)


def check_gradients(net, h=1e-6):
    """Central differences of the step-1 loss in every weight and bias, in float arithmetic."""
    fnet = net
    if net.exact:
        raise SpecError("--check-gradients wants a float spec")
    W = [[list(r) for r in Wl] for Wl in fnet.W]
    b = [list(bl) for bl in fnet.b]
    _, _, _, _, dW, db = run_step(fnet, W, b, 1)

    def loss_at():
        Zs, As = forward(fnet, W, b)
        return compute_loss(fnet.loss, As[-1], fnet.t, False)

    worst = 0.0
    worst_abs = 0.0
    for l in range(len(W)):
        for i in range(len(W[l])):
            for k in range(len(W[l][i]) + 1):
                if k < len(W[l][i]):
                    get = lambda: W[l][i][k]  # noqa: E731

                    def put(v):
                        W[l][i][k] = v
                    g = dW[l][i][k]
                else:
                    get = lambda: b[l][i]  # noqa: E731

                    def put(v):
                        b[l][i] = v
                    g = db[l][i]
                x0 = get()
                put(x0 + h)
                lp = loss_at()
                put(x0 - h)
                lm = loss_at()
                put(x0)
                fd = (lp - lm) / (2 * h)
                err = abs(fd - g)
                worst_abs = max(worst_abs, err)
                scale = max(abs(fd), abs(g))
                if scale > 1e-8:
                    worst = max(worst, err / scale)
    return worst, worst_abs


def main(argv):
    if hasattr(sys, 'set_int_max_str_digits'):
        sys.set_int_max_str_digits(0)  # exact runs over several steps reach thousands of digits
    args = argv[1:]
    check = False
    if args and args[0] == '--check-gradients':
        check = True
        args = args[1:]
    if len(args) != 1:
        sys.stderr.write(__doc__)
        return 2
    try:
        net = Network(load_spec(args[0]))
        if check:
            rel, ab = check_gradients(net)
            sys.stdout.write("%s: max relative error %.3e, max absolute error %.3e\n"
                             % (args[0], rel, ab))
            return 0
        trace = run(net)
    except SpecError as e:
        sys.stderr.write("error: %s\n" % e)
        return 1
    sys.stdout.write(json.dumps(trace, indent=2, ensure_ascii=False) + "\n")
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))

"""The regularized lower incomplete gamma function ``P(a, x)`` the Gamma and Poisson cdfs need,
in Float64 NumPy (a series below ``x < a + 1``, Lentz's continued fraction for the upper part
above): a value, not differentiated (MindSpore's own distributions give no gradient through it
either on CPU)."""
import math as _math

import numpy as _np

from ...._C import Tensor


def _lower(a, x):
    """``P(a, x)`` of two float64 scalars (``a > 0``, ``x ≥ 0``)."""
    if x <= 0:
        return 0.0
    if not (_math.isfinite(a) and _math.isfinite(x)):
        return 1.0 if x == _math.inf and a > 0 else _math.nan
    log_front = a * _math.log(x) - x - _math.lgamma(a)
    if x < a + 1:
        term = total = 1.0 / a
        k = a
        for _ in range(10_000):
            k += 1
            term *= x / k
            total += term
            if abs(term) < abs(total) * 1e-16:
                break
        return total * _math.exp(log_front)
    tiny = 1e-300
    b = x + 1 - a
    c, d = 1 / tiny, 1 / b
    h = d
    for i in range(1, 10_000):
        an = -i * (i - a)
        b += 2
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1 / d
        delta = d * c
        h *= delta
        if abs(delta - 1) < 1e-16:
            break
    return 1.0 - _math.exp(log_front) * h


def igamma(a, x):
    """``P(a, x)`` elementwise (broadcast), in `x`'s dtype; NaN where ``a ≤ 0``."""
    av, xv = _np.broadcast_arrays(a.asnumpy().astype(_np.float64), x.asnumpy().astype(_np.float64))
    out = _np.array([_lower(p, q) if p > 0 else _math.nan for p, q in zip(av.ravel(), xv.ravel())])
    return Tensor(out.reshape(av.shape)).astype(x.dtype)

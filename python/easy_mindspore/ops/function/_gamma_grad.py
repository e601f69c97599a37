"""The derivative of the regularised incomplete gamma function in its parameter,
``∂P(a, x)/∂a`` (MindSpore's ``IgammaGradA``), and the backward rules of ``ops.igamma`` and
``ops.igammac`` built on it.

``P(a, x) = e^L·S`` with ``L = a·ln x − x − lnΓ(a)``: below ``x = a + 1`` ``S`` is the series
``Σ xⁿ/(a(a+1)…(a+n))``, above it ``P = 1 − e^L·h`` with ``h`` the continued fraction of
``Γ(a, x)`` (Lentz's method). Each is evaluated together with its derivative in ``a`` (forward
mode through the recurrences), and ``∂L/∂a = ln x − ψ(a)``. As MindSpore's kernel: NaN where
``a ≤ 0`` or ``x < 0`` (or either is NaN or ``a`` infinite), 0 where ``x`` is 0 or infinite."""
import math as _math

import numpy as _np

from ..._C import Tensor
from ..._errors import ComputeError, DTypeError, ShapeError
from ...common import dtype as mstype

__all__ = ["igamma_grad_a", "with_igamma_rule"]

_TINY = 1e-300


def _digamma(a):
    """ψ(a) of a positive float (the recurrence up to 10, then the asymptotic series)."""
    shift = 0.0
    while a < 10.0:
        shift -= 1.0 / a
        a += 1.0
    inv2 = 1.0 / (a * a)
    tail = 691 / 32760
    for coefficient in (1 / 132, 1 / 240, 1 / 252, 1 / 120, 1 / 12):
        tail = coefficient - inv2 * tail
    tail *= inv2
    return shift + _math.log(a) - 0.5 / a - tail


def _series(a, x):
    """``(S, ∂S/∂a)`` of the series."""
    term, dterm = 1.0 / a, -1.0 / (a * a)
    total, dtotal = term, dterm
    k = a
    for _ in range(100_000):
        k += 1.0
        # term *= x/k: d(term) = d(term)·x/k − term·x/k²
        dterm = dterm * x / k - term * x / (k * k)
        term *= x / k
        total += term
        dtotal += dterm
        if abs(term) < abs(total) * 1e-17 and abs(dterm) <= abs(dtotal) * 1e-17:
            break
    return total, dtotal


def _fraction(a, x):
    """``(h, ∂h/∂a)`` of the continued fraction of the upper function."""
    b, db = x + 1.0 - a, -1.0
    c, dc = 1.0 / _TINY, 0.0
    d = 1.0 / b
    dd = -db * d * d
    h, dh = d, dd
    for i in range(1, 100_000):
        an, dan = -i * (i - a), float(i)
        b += 2.0
        den = an * d + b
        dden = dan * d + an * dd + db
        if abs(den) < _TINY:
            den = _TINY
        d, dd = 1.0 / den, -dden / (den * den)
        c_new = b + an / c
        dc = db + dan / c - an * dc / (c * c)
        c = _TINY if abs(c_new) < _TINY else c_new
        delta, ddelta = d * c, dd * c + d * dc
        step = dh * (delta - 1.0) + h * ddelta
        h, dh = h * delta, dh + step
        # (an integer `a` ends the fraction, not its derivative: both must have converged)
        if abs(delta - 1.0) < 1e-16 and abs(step) <= abs(dh) * 1e-16:
            break
    return h, dh


def _grad_a(a, x):
    """∂P(a, x)/∂a of two floats."""
    if _math.isnan(a) or _math.isnan(x) or a <= 0 or x < 0 or _math.isinf(a):
        return _math.nan
    if x == 0 or _math.isinf(x):
        return 0.0
    log_front = a * _math.log(x) - x - _math.lgamma(a)
    dlog = _math.log(x) - _digamma(a)
    front = _math.exp(log_front)
    if x < a + 1:
        s, ds = _series(a, x)
        return front * (s * dlog + ds)
    h, dh = _fraction(a, x)
    return -front * (h * dlog + dh)


def igamma_grad_a(a, x, op="IgammaGradA"):
    """``∂P(a, x)/∂a`` elementwise, for Float32/Float64 Tensors of one dtype (broadcast).

    Args:
        a (Tensor): The parameter. x (Tensor): The argument.
        op (str): The name in the errors.

    Returns:
        Tensor of the broadcast shape and the inputs' dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.ops.function._gamma_grad import igamma_grad_a
        >>> print(igamma_grad_a(ms.Tensor([2.2]), ms.Tensor([1.2])))
        [-0.2662845]
    """
    valid = "{Tensor[Float32], Tensor[Float64]}"
    if not (isinstance(a, Tensor) and isinstance(x, Tensor)):
        bad, value = ("a", a) if not isinstance(a, Tensor) else ("x", x)
        kind = {bool: "Bool", int: "Int64", float: "Float32"}.get(type(value), type(value).__name__)
        raise DTypeError(f"The primitive[{op}]'s input arguments[a, x] must be all tensor and those type must "
                         f"be same. But got input argument[{bad}]:{kind}\nValid type list: {valid}.")
    for name, t in (("a", a), ("x", x)):
        if t.dtype not in (mstype.float32, mstype.float64):
            raise DTypeError(f"For primitive[{op}], the input argument[{name}] must be a type of {valid}, but "
                             f"got Tensor[{t.dtype}].")
    if a.dtype != x.dtype:
        raise DTypeError(f"For primitive[{op}], the input type must be same.\nname:[a]:Tensor[{a.dtype}].\n"
                         f"name:[x]:Tensor[{x.dtype}].")
    sa, sx = list(a.shape), list(x.shape)
    try:
        av, xv = _np.broadcast_arrays(a.asnumpy().astype(_np.float64), x.asnumpy().astype(_np.float64))
    except ValueError:
        n = max(len(sa), len(sx))
        pa, px = [1] * (n - len(sa)) + sa, [1] * (n - len(sx)) + sx
        i = next(i for i in range(n) if pa[i] != px[i] and 1 not in (pa[i], px[i]))
        raise ShapeError(f"For '{op}', input1.shape and input2.shape need to broadcast. The value of "
                         f"input1.shape[{i}] or input2.shape[{i}] must be 1 or -1 when they are not the same, "
                         f"but got input1.shape = {sa} and input2.shape = {sx}") from None
    out = _np.array([_grad_a(p, q) for p, q in zip(av.ravel(), xv.ravel())], _np.float64)
    return Tensor(out.reshape(av.shape)).astype(a.dtype)


def _reduce_to(grad, shape):
    """`grad` summed over the axes broadcast to reach it from `shape`."""
    shape = tuple(shape)
    lead = grad.ndim - len(shape)
    axes = tuple(range(lead)) + tuple(lead + i for i, n in enumerate(shape) if n == 1 and grad.shape[lead + i] != 1)
    if axes:
        grad = grad.sum(axis=axes, keepdims=True)
    return grad.reshape(shape)


def with_igamma_rule(forward, a, x, upper):
    """``forward(a, x)`` (``P`` or, with `upper`, ``Q = 1 − P``) differentiable in both inputs:
    ``∂P/∂a`` from :func:`igamma_grad_a`, ``∂P/∂x = x^(a−1)·e^(−x)/Γ(a)``; the signs flip for
    ``Q``.

    Args:
        forward (function): Computes the value from ``(a, x)``.
        a (Tensor): The parameter. x (Tensor): The argument.
        upper (bool): Whether the value is the upper function ``Q``.

    Returns:
        Tensor, the value, with its backward rule.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ms.grad(lambda a, x: ops.igamma(a, x).sum(), (0, 1))(ms.Tensor([1.0]), ms.Tensor([1.0]))[1])
        [0.36787945]
    """
    from ..._custom import custom_vjp
    from .. import functional as F

    sign = -1.0 if upper else 1.0

    name = "Igammac" if upper else "Igamma"

    def no_second_order(a_in, x_in, out, dout):
        raise ComputeError(f"For '{name}', the second derivative with respect to 'a' is not "
                           "available (its first derivative is a series summed on the host).")

    # ∂P/∂a comes from the host's series: differentiating it again raises instead of giving 0
    grad_a = custom_vjp(lambda p, q: igamma_grad_a(p, q, name), bprop=no_second_order)

    def bprop(a_in, x_in, out, dout):
        da = grad_a(a_in, x_in) * (sign * dout)
        density = F.exp((a_in - 1) * F.log(x_in) - x_in - F.lgamma(a_in))
        dx = density * (sign * dout)
        return _reduce_to(da, a_in.shape), _reduce_to(dx, x_in.shape)

    return custom_vjp(forward, bprop=bprop)(a, x)

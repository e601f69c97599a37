"""Taylor-mode differentiation: MindSpore's ``ops.jet`` and ``ops.derivative``.

``jet(fn, primals, series)`` pushes a curve through ``fn``: the inputs move along
``x(t) = x + Σ_k series[k] · t^(k+1) / (k+1)!`` (``series[k]`` is the (k+1)-th derivative of the
input path, MindSpore's convention), and the result holds the first ``n`` derivatives of
``fn(x(t))`` at ``t = 0``. They are computed by nesting the engine's forward mode ``n`` times in
the scalar ``t``: level ``k`` returns the derivatives ``0..k`` of every output, and one more
``jvp`` of it adds derivative ``k + 1``, so a single evaluation of the deepest level gives them
all, exactly (no finite differences). The cost grows as ``2^n``, fine for the orders Taylor mode is
used with (MindSpore's examples use 3).
"""
import math

from . import _C
from .common.dtype import float32, float64
from .tensor import Tensor

__all__ = ["jet", "derivative"]

#: The highest order computed: the nesting costs ``2^n`` evaluations of ``fn``, so a higher order
#: would not finish (MindSpore's own examples use 3).
MAX_ORDER = 16


def _check_order(op, order):
    if order > MAX_ORDER:
        raise ValueError(f"For '{op}', the order must be at most {MAX_ORDER} (Taylor mode here "
                         f"costs 2^order evaluations of the function), but got {order}.")


def _as_tuple(name, value):
    if isinstance(value, Tensor):
        return (value,), False
    if isinstance(value, tuple) and value and all(isinstance(v, Tensor) for v in value):
        return value, True
    raise TypeError(f"For 'jet', '{name}' must be a Tensor or a tuple of Tensors, but got "
                    f"{type(value).__name__}.")


def _float(x):
    return x if x.dtype in (float32, float64) else x.astype(float32)


def _derivatives(fn, xs, series, order):
    """The derivatives ``0..order`` of every output of ``fn`` along the input path, and whether
    ``fn`` returned a tuple: ``(per_output_lists, is_tuple)``."""
    box = {}

    def at(ts):
        t = ts[0]
        moved = []
        for x, s in zip(xs, series):
            p = x
            power = t
            for k in range(order):
                p = p + s[k] * (power / math.factorial(k + 1))
                power = power * t
            moved.append(p)
        out = fn(*moved)
        box["tuple"] = isinstance(out, (tuple, list))
        outs = list(out) if box["tuple"] else [out]
        for o in outs:
            if not isinstance(o, Tensor):
                raise TypeError(f"For 'jet', the function must return Tensors, but it returned "
                                f"{type(o).__name__}.")
        box["m"] = len(outs)
        return outs

    level = at
    for _ in range(order):
        def level(ts, inner=level):
            outs, tans = _C.jvp(inner, ts, [Tensor(1.0, xs[0].dtype)])
            return list(outs) + list(tans[-box["m"]:])
    flat = level([Tensor(0.0, xs[0].dtype)])
    m = box["m"]
    per_output = [[flat[k * m + j] for k in range(order + 1)] for j in range(m)]
    return per_output, box["tuple"]


def _prepare(primals, series):
    xs, _ = _as_tuple("primals", primals)
    ss, _ = _as_tuple("series", series)
    if len(xs) != len(ss):
        raise TypeError(f"For 'jet', primals and series must have the same length, but got "
                        f"{len(xs)} and {len(ss)}.")
    xs = [_float(x) for x in xs]
    ss = [_float(s) for s in ss]
    orders = set()
    for x, s in zip(xs, ss):
        if s.ndim != x.ndim + 1 or tuple(s.shape[1:]) != tuple(x.shape):
            raise ValueError(f"For 'jet', each series must have shape (n, *primal.shape), but got "
                             f"{tuple(s.shape)} for a primal of shape {tuple(x.shape)}.")
        orders.add(s.shape[0])
    for n in orders:
        _check_order("jet", n)
    if len(orders) != 1:
        raise ValueError(f"For 'jet', every series must give the same number of orders, but got "
                         f"{sorted(orders)}.")
    return xs, ss, orders.pop()


def jet(fn, primals, series):
    """``(out_primals, out_series)``: ``fn(primals)`` and the first ``n`` derivatives of ``fn``
    along the input path given by ``series`` (``n`` = ``series.shape[0]``), stacked on a new
    first axis. Lists for a function of several outputs.

    Args:
        fn (function): The function.
        primals (Tensor): The point.
        series (Tensor): The Taylor coefficients of the input path, one per order.

    Returns:
        tuple, ``(out_primals, out_series)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0], ms.float32)
        >>> series = ms.Tensor([[1.0], [0.0]], ms.float32)
        >>> out, out_series = ops.jet(ops.exp, x, series)
        >>> print(out)
        [2.7182817]
        >>> print(out_series)
        [[2.7182817]
         [2.7182817]]
    """
    xs, ss, order = _prepare(primals, series)
    per_output, is_tuple = _derivatives(fn, xs, ss, order)
    prims = [ds[0] for ds in per_output]
    sers = [_C.stack(ds[1:], 0) if order else None for ds in per_output]
    if is_tuple:
        return prims, sers
    return prims[0], sers[0]


def derivative(fn, primals, order):
    """``(out_primals, out_series)``: ``fn(primals)`` and its ``order``-th derivative with every
    input moving at unit speed (first-order series ones, higher ones zero).

    Args:
        fn (function): The function.
        primals (Union[Tensor, tuple[Tensor]]): The point at which to expand.
        order (int): The order of the derivative.

    Returns:
        tuple, ``(out_primals, out_series)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> out, d2 = ops.derivative(ops.sin, x, 2)
        >>> print(d2)
        [-0.84147096 -0.9092974 ]
    """
    if isinstance(order, bool) or not isinstance(order, int) or order < 1:
        raise ValueError(f"For 'derivative', 'order' must be a positive int, but got {order!r}.")
    _check_order("derivative", order)
    xs, is_tuple_in = _as_tuple("primals", primals)
    xs = [_float(x) for x in xs]
    ss = []
    for x in xs:
        zeros = [x * 0.0 for _ in range(order - 1)]
        ss.append(_C.stack([x * 0.0 + 1.0] + zeros, 0))
    per_output, is_tuple = _derivatives(fn, xs, ss, order)
    prims = [ds[0] for ds in per_output]
    last = [ds[order] for ds in per_output]
    if is_tuple:
        return prims, last
    return prims[0], last[0]

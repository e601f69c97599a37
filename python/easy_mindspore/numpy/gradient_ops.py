"""``mindspore.numpy`` finite differences, phase unwrapping, piecewise functions and the
``mgrid``/``ogrid`` index tricks (MindSpore 2.10's ``math_ops`` and ``array_creations``).

MindSpore 2.10's rules: ``gradient`` supports ``edge_order=1`` only (NotImplementedError
otherwise) and gives Float32 for integers; ``mgrid``/``ogrid`` give Int32 for integer steps and
Float32 otherwise. ``gradient`` here takes scalar spacings only (coordinate tensors raise
NotImplementedError).
"""
import math as _math

import numpy as _np

from .. import ops as _ops
from .._errors import call_user
from ..ops.function._args import axis_arg as _axis_arg
from ..common.dtype import bool_, float32, int32
from ..tensor import Tensor
from . import _float, _float32, _t, concatenate, cumsum

__all__ = [
    "gradient",
    "unwrap",
    "piecewise",
    "mgrid",
    "ogrid",
]


def gradient(f, *varargs, axis=None, edge_order=1):
    """The gradient of `f` by central differences inside and one-sided differences at the edges.

    Args:
        f (Tensor): The samples.
        *varargs (float): The spacing: one for all axes or one per axis. Default: 1.
        axis (Union[None, int, tuple[int]], optional): The axes; None means all. Default: ``None``.
        edge_order (int, optional): The edge accuracy; only ``1``. Default: ``1``.

    Returns:
        Tensor for one axis, else a list of Tensors.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> f = ms.Tensor([1.0, 2.0, 4.0, 7.0, 11.0], ms.float32)
        >>> print(mnp.gradient(f))
        [1.  1.5 2.5 3.5 4. ]
        >>> print(mnp.gradient(f, 2.0))
        [0.5  0.75 1.25 1.75 2.  ]
    """
    if edge_order != 1:
        raise NotImplementedError("For 'mindspore.numpy.gradient', only edge_order=1 is "
                                  "implemented.")
    f = _float32(f)
    axes = tuple(range(f.ndim)) if axis is None else (axis,) if isinstance(axis, int) else tuple(axis)
    axes = tuple(_axis_arg("mindspore.numpy.gradient", "axis", a, f.ndim) for a in axes)
    if len(varargs) == 0:
        spacing = [1.0] * len(axes)
    elif len(varargs) == 1:
        spacing = list(varargs) * len(axes)
    elif len(varargs) == len(axes):
        spacing = list(varargs)
    else:
        raise TypeError(f"For 'mindspore.numpy.gradient', {len(varargs)} spacings do not match "
                        f"{len(axes)} axes.")
    if any(isinstance(h, Tensor) or _np.ndim(h) for h in spacing):
        raise NotImplementedError("For 'mindspore.numpy.gradient', coordinate spacings are not "
                                  "implemented; pass scalar spacings.")
    out = []
    for ax, h in zip(axes, spacing):
        n = f.shape[ax]
        if n < 2:
            raise ValueError(f"For 'mindspore.numpy.gradient', each axis needs at least 2 samples, "
                             f"but axis {ax} has {n}.")
        head = (slice(None),) * ax
        first = (f[head + (slice(1, 2),)] - f[head + (slice(0, 1),)]) / h
        last = (f[head + (slice(n - 1, n),)] - f[head + (slice(n - 2, n - 1),)]) / h
        parts = [first]
        if n > 2:
            parts.append((f[head + (slice(2, None),)] - f[head + (slice(None, -2),)]) / (2.0 * h))
        parts.append(last)
        out.append(concatenate(parts, ax))
    return out[0] if len(out) == 1 else out


def unwrap(p, discont=_math.pi, axis=-1):
    """The phases `p` unwrapped: jumps larger than `discont` replaced by their 2*pi complement.

    Args:
        p (Tensor): The phases, in radians.
        discont (float, optional): The largest jump kept (values below pi act as pi). Default: ``pi``.
        axis (int, optional): The axis. Default: ``-1``.

    Returns:
        Tensor, of the shape of `p`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> p = ms.Tensor([0.0, 0.5, 6.5, 7.0], ms.float32)
        >>> print(mnp.unwrap(p))
        [0.       0.5      0.216815 0.716815]
    """
    p = _float32(p)
    axis = _axis_arg("mindspore.numpy.unwrap", "axis", axis, p.ndim)
    head = (slice(None),) * axis
    dd = p[head + (slice(1, None),)] - p[head + (slice(None, -1),)]
    two_pi = 2.0 * _math.pi
    ddmod = _ops.remainder(dd + _math.pi, Tensor(two_pi, p.dtype)) - _math.pi
    ddmod = _ops.where((ddmod == -_math.pi) & (dd > 0), _ops.full_like(ddmod, _math.pi), ddmod)
    correction = _ops.where(dd.abs() < max(discont, _math.pi), _ops.zeros_like(dd), ddmod - dd)
    return concatenate([p[head + (slice(0, 1),)],
                        p[head + (slice(1, None),)] + cumsum(correction, axis)], axis)


def piecewise(x, condlist, funclist, *args, **kw):
    """A function defined piecewise: where ``condlist[i]`` holds, ``funclist[i]`` (a value or a function of `x`).

    Args:
        x (Tensor): The input.
        condlist (list[Tensor]): Bool conditions of the shape of `x`.
        funclist (list[Union[Callable, number]]): One per condition, plus an optional last one for where none holds.
        *args (Any): More positional arguments for the functions.
        **kw (Any): More keyword arguments for the functions.

    Returns:
        Tensor, of the shape and dtype of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.0, 0.0, 2.0], ms.float32)
        >>> print(mnp.piecewise(x, [x < 0, x > 0], [lambda v: -v, lambda v: v * 10]))
        [ 1.  0. 20.]
    """
    x = _t(x)
    conds = [_t(c) for c in (condlist if isinstance(condlist, (list, tuple)) else [condlist])]
    if not isinstance(funclist, (list, tuple)):
        raise TypeError(f"For 'mindspore.numpy.piecewise', funclist must be a list of functions or "
                        f"values, but got {type(funclist).__name__}.")
    if len(funclist) == len(conds) + 1:
        none = conds[0] if conds else None
        for c in conds[1:]:
            none = _ops.logical_or(none, c)
        conds.append(_ops.logical_not(none) if none is not None else _ops.ones_like(x, dtype=bool_))
    elif len(funclist) != len(conds):
        raise ValueError(f"For 'mindspore.numpy.piecewise', {len(funclist)} functions do not match "
                         f"{len(conds)} conditions.")
    out = _ops.zeros_like(x)
    for cond, fn in zip(conds, funclist):
        value = call_user("piecewise", "funclist", fn, x, *args, **kw) if callable(fn) else fn
        value = value.astype(x.dtype) if isinstance(value, Tensor) else _ops.full_like(x, value)
        out = _ops.where(cond, value, out)
    return out


class _Grid:
    """Index tricks: ``grid[0:2, 0:3]`` gives NumPy's ``mgrid``/``ogrid`` result as tensors (Int32
    for integer steps, Float32 otherwise; a complex step ``5j`` means 5 points, end included)."""

    def __init__(self, sparse):
        self._grid = _np.ogrid if sparse else _np.mgrid
        self._sparse = sparse

    def __getitem__(self, key):
        keys = key if isinstance(key, tuple) else (key,)
        floats = any(isinstance(v, (float, complex)) for k in keys
                     for v in (k.start, k.stop, k.step) if isinstance(k, slice))
        dtype = float32 if floats else int32
        out = self._grid[key]
        if isinstance(out, (list, tuple)):
            return [_tensor(g, floats, dtype) for g in out]
        return _tensor(out, floats, dtype)


def _tensor(grid, floats, dtype):
    return Tensor(_np.asarray(grid).astype(_np.float64 if floats else _np.int64)).astype(dtype)


mgrid = _Grid(sparse=False)
"""Dense grids: ``mgrid[0:2, 0:3]`` is a ``(2, 2, 3)`` Int32 tensor of row and column indices."""
ogrid = _Grid(sparse=True)
"""Open grids: ``ogrid[0:2, 0:3]`` is a list of a ``(2, 1)`` and a ``(1, 3)`` Int32 tensor."""

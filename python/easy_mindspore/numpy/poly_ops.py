"""``mindspore.numpy`` windows, index grids, integration and polynomials (MindSpore 2.10's
``array_creations`` and ``math_ops``).

MindSpore 2.10's rules: windows are Float32; the index functions give Int32 (``indices`` a list,
the others tuples); ``trapz`` and ``polyval`` give Float32 for integers; ``vander`` and
``polyadd``/``polysub`` keep an integer dtype. Windows are computed in double precision and
rounded once (MindSpore 2.10's Float32 arithmetic can differ in the last digit, for example
``hamming(5)[0]`` is 0.08000001 there and 0.08 here).
"""
import math as _math

import numpy as _np

from .. import ops as _ops
from ..ops.function._args import axis_arg as _axis_arg
from ..common.dtype import float32, int32
from ..tensor import Tensor
from . import _float, _t, arange, concatenate, zeros
from .binary_math_ops import _operands


def _count(op, name, v, numbers=False):
    """``v`` as a Python int, or the TypeError MindSpore 2.10 raises for a Tensor or other
    non-number (NumPy would take a one-element array). With ``numbers``, a float is taken as
    MindSpore takes it, rounded down."""
    kinds = (int, float, _np.integer, _np.floating) if numbers else (int, _np.integer)
    if isinstance(v, bool) or not isinstance(v, kinds):
        raise TypeError(f"For 'mindspore.numpy.{op}', '{name}' must be "
                        f"{'a number' if numbers else 'an int'}, but got {type(v).__name__}.")
    if not _math.isfinite(v):
        raise ValueError(f"For 'mindspore.numpy.{op}', '{name}' must be finite, but got {v}.")
    return int(_math.floor(v))

__all__ = [
    "bartlett",
    "blackman",
    "hamming",
    "hanning",
    "tril_indices",
    "triu_indices",
    "tril_indices_from",
    "triu_indices_from",
    "diag_indices",
    "indices",
    "trapz",
    "vander",
    "polyval",
    "polyadd",
    "polysub",
    "polymul",
    "polyder",
    "polyint",
]


def bartlett(M):
    """The Bartlett (triangular) window of `M` points.

    Args:
        M (int): The number of points; an empty tensor when it is 0 or less.

    Returns:
        Tensor of Float32, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> print(mnp.bartlett(5))
        [0.  0.5 1.  0.5 0. ]
    """
    return _window('bartlett', _np.bartlett, M)


def blackman(M):
    """The Blackman window of `M` points.

    Args:
        M (int): The number of points; an empty tensor when it is 0 or less.

    Returns:
        Tensor of Float32, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> print(mnp.blackman(1))
        [1.]
    """
    return _window('blackman', _np.blackman, M)


def hamming(M):
    """The Hamming window of `M` points.

    Args:
        M (int): The number of points; an empty tensor when it is 0 or less.

    Returns:
        Tensor of Float32, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> print(mnp.hamming(1))
        [1.]
    """
    return _window('hamming', _np.hamming, M)


def hanning(M):
    """The Hann window of `M` points.

    Args:
        M (int): The number of points; an empty tensor when it is 0 or less.

    Returns:
        Tensor of Float32, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> print(mnp.hanning(5))
        [0.  0.5 1.  0.5 0. ]
    """
    return _window('hanning', _np.hanning, M)


def tril_indices(n, k=0, m=None):
    """The row and column indices of the lower triangle of an ``n x m`` matrix (at and below diagonal `k`).

    Args:
        n (int): The number of rows.
        k (int, optional): The diagonal offset. Default: ``0``.
        m (int, optional): The number of columns; None means `n`. Default: ``None``.

    Returns:
        tuple of two Int32 Tensors.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> rows, cols = mnp.tril_indices(3)
        >>> print(rows)
        [0 1 1 2 2 2]
        >>> print(cols)
        [0 0 1 0 1 2]
    """
    n, k = _count('tril_indices', 'n', n, True), _count('tril_indices', 'k', k, True)
    m = None if m is None else _count('tril_indices', 'm', m, True)
    return tuple(Tensor(i.astype(_np.int32)) for i in _np.tril_indices(n, k, m))


def triu_indices(n, k=0, m=None):
    """The row and column indices of the upper triangle of an ``n x m`` matrix (at and above diagonal `k`).

    Args:
        n (int): The number of rows.
        k (int, optional): The diagonal offset. Default: ``0``.
        m (int, optional): The number of columns; None means `n`. Default: ``None``.

    Returns:
        tuple of two Int32 Tensors.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> rows, cols = mnp.triu_indices(3)
        >>> print(rows)
        [0 0 0 1 1 2]
        >>> print(cols)
        [0 1 2 1 2 2]
    """
    n, k = _count('triu_indices', 'n', n, True), _count('triu_indices', 'k', k, True)
    m = None if m is None else _count('triu_indices', 'm', m, True)
    return tuple(Tensor(i.astype(_np.int32)) for i in _np.triu_indices(n, k, m))


def tril_indices_from(arr, k=0):
    """``tril_indices`` for the shape of the 2-D `arr`.

    Args:
        arr (Tensor): A 2-D tensor.
        k (int, optional): The diagonal offset. Default: ``0``.

    Returns:
        tuple of two Int32 Tensors.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = mnp.ones((2, 3))
        >>> rows, cols = mnp.tril_indices_from(x)
        >>> print(rows)
        [0 1 1]
        >>> print(cols)
        [0 0 1]
    """
    arr = _t(arr)
    if arr.ndim != 2:
        raise ValueError(f"For 'mindspore.numpy.tril_indices_from', the input must be 2-D, but got "
                         f"{arr.ndim}-D.")
    return tril_indices(arr.shape[0], k, arr.shape[1])


def triu_indices_from(arr, k=0):
    """``triu_indices`` for the shape of the 2-D `arr`.

    Args:
        arr (Tensor): A 2-D tensor.
        k (int, optional): The diagonal offset. Default: ``0``.

    Returns:
        tuple of two Int32 Tensors.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = mnp.ones((2, 3))
        >>> rows, cols = mnp.triu_indices_from(x)
        >>> print(rows)
        [0 0 0 1 1]
        >>> print(cols)
        [0 1 2 1 2]
    """
    arr = _t(arr)
    if arr.ndim != 2:
        raise ValueError(f"For 'mindspore.numpy.triu_indices_from', the input must be 2-D, but got "
                         f"{arr.ndim}-D.")
    return triu_indices(arr.shape[0], k, arr.shape[1])


def diag_indices(n, ndim=2):
    """The indices of the main diagonal of an `ndim`-dimensional array of side `n`.

    Args:
        n (int): The side.
        ndim (int, optional): The number of dimensions. Default: ``2``.

    Returns:
        tuple of `ndim` Int32 Tensors.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> print(mnp.diag_indices(2, 3)[0])
        [0 1]
    """
    n, ndim = _count('diag_indices', 'n', n), _count('diag_indices', 'ndim', ndim)
    return tuple(Tensor(i.astype(_np.int32)) for i in _np.diag_indices(n, ndim))


def indices(dimensions, dtype=int32, sparse=False):
    """Grids of the indices along each axis of an array of shape `dimensions`.

    Args:
        dimensions (tuple[int]): The shape.
        dtype (mindspore.dtype, optional): The dtype. Default: ``mstype.int32``.
        sparse (bool, optional): Whether to return broadcastable grids of size 1 on the other axes. Default: ``False``.

    Returns:
        list of Tensors.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> rows, cols = mnp.indices((2, 3))
        >>> print(rows)
        [[0 0 0]
         [1 1 1]]
        >>> print(cols)
        [[0 1 2]
         [0 1 2]]
    """
    if not isinstance(dimensions, (tuple, list)):
        raise TypeError("For 'mindspore.numpy.indices', 'dimensions' (the shape of the grid) must be a "
                        f"tuple or list, but got {type(dimensions).__name__}.")
    dimensions = tuple(_count('indices', 'dimensions', d) for d in dimensions)
    return [Tensor(g.astype(_np.int64)).astype(dtype) for g in _np.indices(dimensions, sparse=sparse)]


def trapz(y, x=None, dx=1.0, axis=-1):
    """The integral of `y` along `axis` by the trapezoidal rule (Float32 for integers).

    Args:
        y (Tensor): The values.
        x (Tensor, optional): The sample points; None means spacing `dx`. Default: ``None``.
        dx (float, optional): The spacing when `x` is None. Default: ``1.0``.
        axis (int, optional): The axis. Default: ``-1``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> y = ms.Tensor([1.0, 2.0, 4.0], ms.float32)
        >>> print(mnp.trapz(y))
        4.5
        >>> print(mnp.trapz(y, ms.Tensor([0.0, 1.0, 3.0], ms.float32)))
        7.5
    """
    y = _float(y)
    axis = _axis_arg("mindspore.numpy.trapz", "axis", axis, y.ndim)
    head = (slice(None),) * axis
    pairs = y[head + (slice(1, None),)] + y[head + (slice(None, -1),)]
    if x is None:
        return (pairs * dx).sum(axis=axis) / 2
    x = _float(x)
    steps = x[1:] - x[:-1] if x.ndim == 1 else x[head + (slice(1, None),)] - x[head + (slice(None, -1),)]
    if x.ndim == 1 and y.ndim > 1:
        shape = [1] * y.ndim
        shape[axis] = steps.shape[0]
        steps = steps.reshape(shape)
    return (pairs * steps).sum(axis=axis) / 2


def vander(x, N=None, increasing=False):
    """The Vandermonde matrix of the 1-D `x`: columns of powers of `x`.

    Args:
        x (Tensor): A 1-D tensor.
        N (int, optional): The number of columns; None means ``len(x)``. Default: ``None``.
        increasing (bool, optional): Whether the powers increase from left to right. Default: ``False``.

    Returns:
        Tensor, 2-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1, 2, 3], ms.int32)
        >>> print(mnp.vander(x))
        [[1 1 1]
         [4 2 1]
         [9 3 1]]
    """
    x = _t(x)
    if x.ndim != 1:
        raise ValueError(f"For 'mindspore.numpy.vander', the input must be 1-D, but got {x.ndim}-D.")
    N = x.shape[0] if N is None else N
    powers = arange(N).astype(x.dtype)
    if not increasing:
        powers = powers[::-1] if N else powers
    return x.reshape(-1, 1) ** powers.reshape(1, -1)


def polyval(p, x):
    """The polynomial with coefficients `p` (highest power first) at the points `x` (Float32 for integers).

    Args:
        p (Tensor): The coefficients, highest power first.
        x (Union[Tensor, number]): The points.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> p = ms.Tensor([1.0, 2.0, 4.0], ms.float32)
        >>> print(mnp.polyval(p, ms.Tensor([0.0, 2.0], ms.float32)))
        [ 4. 12.]
    """
    p, x = _float(p), _float(x)
    out = _ops.zeros_like(x)
    for i in range(p.shape[0]):
        out = out * x + p[i]
    return out


def polyadd(a1, a2):
    """The sum of two polynomials (coefficients highest power first; a
    number is a constant polynomial).

    Args:
        a1 (Union[Tensor, number]): The first coefficients.
        a2 (Union[Tensor, number]): The second coefficients.

    Returns:
        Tensor, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> p = ms.Tensor([1.0, 2.0, 4.0], ms.float32)
        >>> q = ms.Tensor([1.0, 1.0], ms.float32)
        >>> print(mnp.polyadd(p, q))
        [1. 3. 5.]
    """
    a, b = _aligned(a1, a2)
    return a + b


def polysub(a1, a2):
    """The difference of two polynomials (coefficients highest power first; a
    number is a constant polynomial).

    Args:
        a1 (Union[Tensor, number]): The minuend's coefficients.
        a2 (Union[Tensor, number]): The subtrahend's coefficients.

    Returns:
        Tensor, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> p = ms.Tensor([1.0, 2.0, 4.0], ms.float32)
        >>> q = ms.Tensor([1.0, 1.0], ms.float32)
        >>> print(mnp.polysub(p, q))
        [1. 1. 3.]
    """
    a, b = _aligned(a1, a2)
    return a - b


def polymul(a1, a2):
    """The product of two polynomials (coefficients highest power first; a
    number is a constant polynomial).

    Args:
        a1 (Union[Tensor, number]): The first coefficients.
        a2 (Union[Tensor, number]): The second coefficients.

    Returns:
        Tensor, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> p = ms.Tensor([1.0, 2.0, 4.0], ms.float32)
        >>> q = ms.Tensor([1.0, 1.0], ms.float32)
        >>> print(mnp.polymul(p, q))
        [1. 3. 6. 4.]
    """
    a, b = _poly_operands(a1, a2)
    la, lb = a.shape[0], b.shape[0]
    out = None
    for i in range(la):
        row = a[i] * b
        parts = [p for p in (zeros((i,), row.dtype), row, zeros((la - 1 - i,), row.dtype))
                 if p.shape[0]]
        row = concatenate(parts, 0) if len(parts) > 1 else row
        out = row if out is None else out + row
    return out if out is not None else zeros((max(lb - 1, 0),), b.dtype)


def polyder(p, m=1):
    """The `m`-th derivative of a polynomial (coefficients highest power first).

    Args:
        p (Tensor): The coefficients.
        m (int, optional): The order of the derivative. Default: ``1``.

    Returns:
        Tensor, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> p = ms.Tensor([1.0, 2.0, 4.0], ms.float32)
        >>> print(mnp.polyder(p))
        [2. 2.]
    """
    if m < 0:
        raise ValueError(f"For 'mindspore.numpy.polyder', the order must be non-negative, but got {m}.")
    p = _t(p)
    for _ in range(m):
        n = p.shape[0] - 1
        if n <= 0:
            return zeros((0,), p.dtype)
        p = p[:-1] * arange(n, 0, -1).astype(p.dtype)
    return p


def polyint(p, m=1, k=None):
    """The `m`-th antiderivative of a polynomial, with integration constants `k`.

    Args:
        p (Tensor): The coefficients.
        m (int, optional): The order of the antiderivative. Default: ``1``.
        k (Union[number, list[number]], optional): The constants (one per integration, or one for all); None means 0. Default: ``None``.

    Returns:
        Tensor, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> p = ms.Tensor([3.0, 2.0, 1.0], ms.float32)
        >>> print(mnp.polyint(p))
        [1. 1. 1. 0.]
    """
    if m < 0:
        raise ValueError(f"For 'mindspore.numpy.polyint', the order must be non-negative, but got {m}.")
    p = _float(p)
    ks = [0.0] * m if k is None else [float(k)] * m if _np.ndim(k) == 0 else [float(c) for c in k]
    if len(ks) != m:
        raise ValueError(f"For 'mindspore.numpy.polyint', k must have {m} values, but got {len(ks)}.")
    for c in ks:
        p = concatenate([p / arange(p.shape[0], 0, -1).astype(p.dtype), Tensor([c], p.dtype)], 0)
    return p


def _window(name, fn, M):
    if isinstance(M, bool) or not isinstance(M, int):
        raise TypeError(f"For 'mindspore.numpy.{name}', M must be an int, but got {M!r}.")
    return Tensor(fn(max(M, 0)).astype(_np.float32), float32)


def _poly_operands(a1, a2):
    """Two coefficient vectors of their promoted dtype: a number (or 0-d tensor) is the
    degree-0 polynomial, as NumPy and MindSpore 2.10 take it."""
    return (x.reshape((1,)) if x.ndim == 0 else x for x in _operands(a1, a2))


def _aligned(a1, a2):
    """Two coefficient vectors padded with leading zeros to one length."""
    a, b = _poly_operands(a1, a2)
    la, lb = a.shape[0], b.shape[0]
    if la < lb:
        a = concatenate([zeros((lb - la,), a.dtype), a], 0)
    elif lb < la:
        b = concatenate([zeros((la - lb,), b.dtype), b], 0)
    return a, b

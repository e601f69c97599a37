"""``mindspore.numpy`` covariance, convolution, interpolation, index conversion and function
application (MindSpore 2.10's ``math_ops`` and ``array_ops``).

MindSpore 2.10's rules: ``cov``/``corrcoef``/``interp`` give Float32 for integers; ``convolve``
keeps an integer dtype and ``correlate`` gives Float32 for integers; ``unravel_index`` gives
Int32. Where MindSpore 2.10
differs we follow NumPy and say so: ``ravel_multi_index`` gives Int32 here (Float32 there);
``cov`` takes float ``aweights`` (MindSpore 2.10 demands integers there, against its own docs).
"""
import numpy as _np

from .. import ops as _ops
from .._errors import ComputeError, DTypeError, call_user
from ..common import dtype as mstype
from ..common.dtype import int32
from ..tensor import Tensor
from . import _float, _float32, _t, concatenate, stack, zeros
from .array_index_ops import take
from .binary_math_ops import _operands

__all__ = [
    "cov",
    "corrcoef",
    "convolve",
    "correlate",
    "ix_",
    "unravel_index",
    "ravel_multi_index",
    "interp",
    "apply_along_axis",
    "apply_over_axes",
    "array_str",
    "choose",
]


def cov(m, y=None, rowvar=True, bias=False, ddof=None, fweights=None, aweights=None, dtype=None):
    """The covariance matrix of the variables in `m` (rows, or columns when not `rowvar`) and `y`.

    Args:
        m (Tensor): The observations, 1-D or 2-D.
        y (Tensor, optional): More variables, as `m`. Default: ``None``.
        rowvar (bool, optional): Whether each row is a variable (else each column). Default: ``True``.
        bias (bool, optional): Whether to normalize by N instead of N - 1. Default: ``False``.
        ddof (int, optional): Overrides `bias`: normalize by N - ddof. Default: ``None``.
        fweights (Union[Tensor, list, tuple], optional): 1-D integer frequency weights, one per
            observation (their absolute values, as MindSpore 2.10). Default: ``None``.
        aweights (Union[Tensor, list, tuple], optional): 1-D observation weights, one per
            observation (their absolute values). Default: ``None``.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, 2-D (0-D for a single variable).

    Raises:
        TypeError: If `fweights` is not of an integer dtype.
        RuntimeError: If a weight is not 1-D or their number is not the number of observations.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, 2.0, 4.0], [2.0, 1.0, 0.0]], ms.float32)
        >>> print(mnp.cov(x, bias=True))
        [[ 1.5555557 -1.       ]
         [-1.         0.6666667]]
        >>> print(mnp.cov(x, fweights=ms.Tensor([1, 2, 1])))
        [[ 1.5833334 -1.       ]
         [-1.         0.6666667]]
    """
    x = _variables(m, rowvar)
    if y is not None:
        x = concatenate([x, _variables(y, rowvar)], 0)
    n = x.shape[1]
    ddof = (0 if bias else 1) if ddof is None else ddof
    fw = None if fweights is None else _weights("fweights", fweights, n, x.dtype)
    aw = None if aweights is None else _weights("aweights", aweights, n, x.dtype)
    out = weighted_cov(x, ddof, fw, aw)
    out = out.reshape(()) if out.shape == (1, 1) else out
    return out if dtype is None else out.astype(dtype)


def corrcoef(x, y=None, rowvar=True, dtype=None):
    """The Pearson correlation coefficients of the variables in `x` and `y`.

    Args:
        x (Tensor): The observations, 1-D or 2-D.
        y (Tensor, optional): More variables. Default: ``None``.
        rowvar (bool, optional): Whether each row is a variable (else each column). Default: ``True``.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor, 2-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, 2.0, 4.0], [2.0, 1.0, 2.0]], ms.float32)
        >>> print(mnp.corrcoef(x))
        [[1.         0.18898222]
         [0.18898222 1.        ]]
    """
    c = cov(x, y, rowvar)
    if c.ndim == 0:
        return c / c
    d = _ops.diagonal(c, 0, 0, 1).sqrt()
    out = (c / d.reshape(-1, 1) / d.reshape(1, -1)).clip(-1.0, 1.0)
    return out if dtype is None else out.astype(dtype)


def convolve(a, v, mode='full'):
    """The discrete linear convolution of two 1-D tensors.

    Args:
        a (Tensor): The first 1-D input.
        v (Tensor): The second 1-D input.
        mode (str, optional): ``'full'``, ``'same'`` (the length of the longer) or ``'valid'`` (complete overlaps only). Default: ``'full'``.

    Returns:
        Tensor, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> a = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> v = ms.Tensor([0.0, 1.0, 0.5], ms.float32)
        >>> print(mnp.convolve(a, v))
        [0.  1.  2.5 4.  1.5]
        >>> print(mnp.convolve(a, v, 'same'))
        [1.  2.5 4. ]
    """
    a, v = (x.reshape((1,)) if x.ndim == 0 else x for x in _operands(a, v))  # a number: one value
    if a.ndim != 1 or v.ndim != 1 or a.shape[0] == 0 or v.shape[0] == 0:
        raise ValueError(f"For 'mindspore.numpy.convolve', the inputs must be non-empty 1-D, but "
                         f"got shapes {tuple(a.shape)} and {tuple(v.shape)}.")
    if v.shape[0] > a.shape[0]:
        a, v = v, a
    n, k = a.shape[0], v.shape[0]
    full = None
    for i in range(k):
        parts = [p for p in (zeros((i,), a.dtype), v[i] * a, zeros((k - 1 - i,), a.dtype))
                 if p.shape[0]]
        row = concatenate(parts, 0) if len(parts) > 1 else parts[0]
        full = row if full is None else full + row
    if mode == "full":
        return full
    if mode == "same":
        start = (k - 1) // 2
        return full[start:start + n]
    if mode == "valid":
        return full[k - 1:n]
    raise ValueError(f"For 'mindspore.numpy.convolve', mode must be 'full', 'same' or 'valid', "
                     f"but got {mode!r}.")


def correlate(a, v, mode='valid'):
    """The cross-correlation of two 1-D tensors (Float32 for integers, as MindSpore 2.10 gives).

    Args:
        a (Tensor): The first 1-D input.
        v (Tensor): The second 1-D input.
        mode (str, optional): ``'valid'``, ``'same'`` or ``'full'``. Default: ``'valid'``.

    Returns:
        Tensor, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> a = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> v = ms.Tensor([0.0, 1.0, 0.5], ms.float32)
        >>> print(mnp.correlate(a, v))
        [3.5]
        >>> print(mnp.correlate(a, v, 'full'))
        [0.5 2.  3.5 3.  0. ]
    """
    a, v = (x.reshape((1,)) if x.ndim == 0 else x for x in _operands(a, v))
    if v.ndim == 1 and v.shape[0] > (a.shape[0] if a.ndim == 1 else 0):
        return correlate(v, a, mode)[::-1]
    out = convolve(a, v[::-1] if v.shape[0] else v, mode)
    floats = (mstype.float16, mstype.float32, mstype.float64)
    return out if out.dtype in floats else out.astype(mstype.float32)


def ix_(*args):
    """Open index grids from 1-D sequences: the k-th has its values along axis k.

    Args:
        *args (Tensor): 1-D integer (or Bool) tensors.

    Returns:
        tuple of Tensors.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> rows, cols = mnp.ix_(ms.Tensor([0, 1], ms.int32), ms.Tensor([2, 4], ms.int32))
        >>> print(rows)
        [[0]
         [1]]
        >>> print(cols)
        [[2 4]]
    """
    out = []
    for k, arg in enumerate(args):
        arg = _t(arg)
        if arg.ndim != 1:
            raise ValueError(f"For 'mindspore.numpy.ix_', each input must be 1-D, but got "
                             f"{arg.ndim}-D.")
        shape = [1] * len(args)
        shape[k] = arg.shape[0]
        out.append(arg.reshape(tuple(shape)))
    return tuple(out)


def unravel_index(indices, shape, order='C'):
    """Flat indices converted to a tuple of coordinate tensors for an array of `shape` (Int32).

    Args:
        indices (Tensor): The flat indices.
        shape (tuple[int]): The array's shape.
        order (str, optional): ``'C'`` (row-major) or ``'F'`` (column-major). Default: ``'C'``.

    Returns:
        tuple of Int32 Tensors.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> rows, cols = mnp.unravel_index(ms.Tensor([22, 41, 37], ms.int32), (7, 6))
        >>> print(rows)
        [3 6 6]
        >>> print(cols)
        [4 5 1]
    """
    if order not in ("C", "F"):  # anything else ran as 'F'
        raise ValueError(f"For 'mindspore.numpy.unravel_index', invalid order {order!r}. Expected \"C\" "
                         "or \"F\".")
    flat = _t(indices).astype(int32)
    shape = (shape,) if isinstance(shape, int) else tuple(shape)
    size = int(_np.prod(shape))
    if bool(((flat < 0) | (flat >= size)).any()):
        raise ValueError(f"For 'mindspore.numpy.unravel_index', an index is out of range for "
                         f"shape {shape}.")
    dims = shape[::-1] if order == "C" else shape
    coords = []
    for d in dims:
        coords.append(_ops.remainder(flat, Tensor(d, int32)))
        flat = _ops.floor_divide(flat, Tensor(d, int32))
    return tuple(coords[::-1] if order == "C" else coords)


def ravel_multi_index(multi_index, dims, mode='clip', order='C'):
    """Coordinate tensors converted to flat indices into an array of shape `dims` (Int32).

    Args:
        multi_index (tuple[Tensor]): One integer tensor per dimension.
        dims (tuple[int]): The array's shape.
        mode (str, optional): Out-of-range coordinates: ``'clip'``, ``'wrap'`` or ``'raise'``. Default: ``'clip'``.
        order (str, optional): ``'C'`` (row-major) or ``'F'`` (column-major). Default: ``'C'``.

    Returns:
        Tensor of Int32.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> rows = ms.Tensor([3, 6, 6], ms.int32)
        >>> cols = ms.Tensor([4, 5, 1], ms.int32)
        >>> print(mnp.ravel_multi_index((rows, cols), (7, 6)).astype(ms.int32))
        [22 41 37]
    """
    dims = (dims,) if isinstance(dims, int) else tuple(dims)
    if len(multi_index) != len(dims):
        raise ValueError(f"For 'mindspore.numpy.ravel_multi_index', {len(multi_index)} index "
                         f"tensors do not match {len(dims)} dimensions.")
    coords = []
    for c, d in zip(multi_index, dims):
        c = _t(c).astype(int32)
        if mode == "clip":
            c = c.clip(0, d - 1)
        elif mode == "wrap":
            c = _ops.remainder(c, Tensor(d, int32))
        elif bool(((c < 0) | (c >= d)).any()):
            raise ValueError("For 'mindspore.numpy.ravel_multi_index', invalid entry in "
                             "coordinates array.")
        coords.append(c)
    order_idx = range(len(dims)) if order == "C" else range(len(dims) - 1, -1, -1)
    out = None
    for i in order_idx:
        out = coords[i] if out is None else out * dims[i] + coords[i]
    return out


def interp(x, xp, fp, left=None, right=None):
    """One-dimensional piecewise-linear interpolation of (`xp`, `fp`) at `x` (Float32 for integers).

    Args:
        x (Tensor): The points to evaluate.
        xp (Tensor): The increasing sample points.
        fp (Tensor): The sample values.
        left (float, optional): The value below ``xp[0]``; None means ``fp[0]``. Default: ``None``.
        right (float, optional): The value above ``xp[-1]``; None means ``fp[-1]``. Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> xp = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> fp = ms.Tensor([3.0, 2.0, 0.0], ms.float32)
        >>> print(mnp.interp(ms.Tensor([0.0, 1.5, 2.5, 5.0], ms.float32), xp, fp))
        [3.  2.5 1.  0. ]
    """
    x, xp, fp = _float(x), _float(xp), _float(fp)
    n = xp.shape[0]
    if n == 1:
        out = _ops.broadcast_to(fp, tuple(x.shape)) if x.ndim else fp.reshape(())
    else:
        i = (_ops.searchsorted(xp, x.reshape(-1), right=True).astype(int32) - 1).clip(0, n - 2)
        x0, x1, y0, y1 = take(xp, i), take(xp, i + 1), take(fp, i), take(fp, i + 1)
        flat = x.reshape(-1)
        out = (y0 + (flat - x0) * (y1 - y0) / (x1 - x0)).reshape(tuple(x.shape))
    lo = fp[0] if left is None else Tensor(float(left), fp.dtype)
    hi = fp[-1] if right is None else Tensor(float(right), fp.dtype)
    out = _ops.where(x < xp[0], _ops.broadcast_to(lo, tuple(x.shape)), out)
    return _ops.where(x > xp[-1], _ops.broadcast_to(hi, tuple(x.shape)), out)


def apply_along_axis(func1d, axis, arr, *args, **kwargs):
    """`func1d` applied to every 1-D slice of `arr` along `axis`, the results stacked.

    Args:
        func1d (Callable): A function of a 1-D tensor.
        axis (int): The axis of the slices.
        arr (Tensor): The input tensor.
        *args (Any): More positional arguments for `func1d`.
        **kwargs (Any): More keyword arguments for `func1d`.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, 2.0, 4.0], [2.0, 1.0, 0.0]], ms.float32)
        >>> print(mnp.apply_along_axis(lambda r: r.max(), 1, x))
        [4. 2.]
    """
    arr = _t(arr)
    moved = _ops.moveaxis(arr, axis, -1)
    rows = moved.reshape(-1, arr.shape[axis])
    results = [_t(call_user("apply_along_axis", "func1d", func1d, rows[i], *args, **kwargs))
               for i in range(rows.shape[0])]
    out = stack(results, 0)
    out = out.reshape(tuple(moved.shape[:-1]) + tuple(results[0].shape))
    if results[0].ndim == 0:
        return out
    return _ops.moveaxis(out, tuple(range(moved.ndim - 1, out.ndim)),
                         tuple(range(axis % arr.ndim, axis % arr.ndim + results[0].ndim)))


def apply_over_axes(func, a, axes):
    """`func(a, axis)` applied for each axis in `axes` in turn, keeping the dimensions.

    Args:
        func (Callable): A function ``func(a, axis)``.
        a (Tensor): The input tensor.
        axes (Union[int, list[int]]): The axes.

    Returns:
        Tensor, of `a`'s number of dimensions.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, 2.0, 4.0], [2.0, 1.0, 0.0]], ms.float32)
        >>> print(mnp.apply_over_axes(mnp.sum, x, [0]))
        [[3. 3. 4.]]
    """
    out = _t(a)
    if not callable(func):
        call_user("apply_over_axes", "func", func)
    if not isinstance(axes, (int, list, tuple)):
        raise TypeError(f"For 'mindspore.numpy.apply_over_axes', axes must be an int or a list of ints, "
                        f"but got {type(axes).__name__}.")
    for axis in ([axes] if isinstance(axes, int) else axes):
        result = _t(call_user("apply_over_axes", "func", func, out, axis))
        if result.ndim == out.ndim - 1:
            result = result.expand_dims(axis % out.ndim)
        elif result.ndim != out.ndim:
            raise ValueError("For 'mindspore.numpy.apply_over_axes', func must keep the number of "
                             "dimensions or remove one.")
        out = result
    return out


def array_str(a):
    """The string ``print`` shows for a tensor: its values only.

    Args:
        a (Tensor): The input tensor.

    Returns:
        str.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, 2.0], [4.0, 0.5]], ms.float32)
        >>> print(mnp.array_str(x))
        [[1.  2. ]
         [4.  0.5]]
    """
    return str(_t(a))


def choose(a, choices, mode='clip'):
    """For each element, the value of the choice that `a` names (broadcast).

    Args:
        a (Tensor): Integer indices into `choices`.
        choices (Union[list[Tensor], tuple[Tensor]]): The choices.
        mode (str, optional): Out-of-range indices: ``'clip'``, ``'wrap'`` or ``'raise'``. Default: ``'clip'``.

    Returns:
        Tensor, of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> a = ms.Tensor([2, 0, 1], ms.int32)
        >>> c = [ms.Tensor([1, 2, 3], ms.int32), ms.Tensor([10, 20, 30], ms.int32), ms.Tensor([7, 8, 9], ms.int32)]
        >>> print(mnp.choose(a, c))
        [ 7  2 30]
    """
    a = _t(a).astype(int32)
    cs = [_t(c) for c in choices]
    n = len(cs)
    if mode == "clip":
        a = a.clip(0, n - 1)
    elif mode == "wrap":
        a = _ops.remainder(a, Tensor(n, int32))
    elif mode == "raise":
        if bool(((a < 0) | (a >= n)).any()):
            raise ValueError("For 'mindspore.numpy.choose', an index is out of range of choices.")
    else:
        raise ValueError(f"For 'mindspore.numpy.choose', mode must be 'clip', 'wrap' or 'raise', "
                         f"but got {mode!r}.")
    shape = _np.broadcast_shapes(tuple(a.shape), *[tuple(c.shape) for c in cs])
    out = _ops.broadcast_to(cs[-1], shape)
    for i in range(n - 2, -1, -1):
        out = _ops.where(_ops.broadcast_to(a, shape) == i, _ops.broadcast_to(cs[i], shape), out)
    return out


def _weights(name, w, n, dtype):
    """``fweights``/``aweights`` of ``cov``: 1-D, ``n`` of them, as absolute values of ``dtype``."""
    w = _t(w)
    if name == "fweights" and w.dtype not in mstype.int_type + mstype.uint_type:
        raise DTypeError(f"For 'mindspore.numpy.cov', 'fweights' must be integers, but got {w.dtype}.")
    if w.ndim > 1:
        raise ComputeError(f"For 'mindspore.numpy.cov', '{name}' must be 1-D, but got shape {list(w.shape)}.")
    if w.size != n:
        raise ComputeError(f"For 'mindspore.numpy.cov', '{name}' must hold one weight per observation ({n}), "
                           f"but got {w.size}.")
    return w.reshape(-1).abs().astype(dtype)


def weighted_cov(x, ddof, fweights=None, aweights=None):
    """The covariance matrix of the rows of the 2-D float ``x`` with the checked weights (None:
    unweighted): ``Σ w (x - μ_w)(x - μ_w)ᵀ / max(Σ w - ddof · Σ w·a / Σ w, 0)`` with ``w = f·a`` and
    the ``a`` term only when ``aweights`` are given (NumPy's and MindSpore's normalization)."""
    if fweights is None and aweights is None:
        centred = x - x.mean(axis=1, keep_dims=True)
        return _ops.matmul(centred, centred.T) / (x.shape[1] - ddof)
    w = aweights if fweights is None else fweights if aweights is None else fweights * aweights
    w_sum = w.sum()
    centred = x - (x * w).sum(axis=1, keepdims=True) / w_sum
    fact = w_sum - ddof if aweights is None else w_sum - ddof * (w * aweights).sum() / w_sum
    return _ops.matmul(centred, (centred * w).T) / fact.clip(0, None)  # no negative divisor


def _variables(m, rowvar):
    x = _float32(m)
    if x.ndim > 2:
        raise ValueError(f"For 'mindspore.numpy.cov', the input must be 1-D or 2-D, but got "
                         f"{x.ndim}-D.")
    x = x.reshape(1, -1) if x.ndim < 2 else x
    return x if rowvar else x.T

"""``mindspore.numpy`` set, search, product, creation and dtype helpers (MindSpore 2.10's
``array_creations``, ``array_ops`` and ``math_ops``).

MindSpore 2.10's rules, measured on its CPU build (``unique`` is in ``__init__.py``): ``argwhere`` gives Int64; ``searchsorted`` and ``digitize``
give Int32; ``logspace``/``geomspace`` give Float32; ``intersect1d``/``setdiff1d`` are sorted.
``matrix_power`` takes non-negative exponents only (NotImplementedError otherwise).
"""

import numpy as _np

from .. import _C
from .. import ops as _ops
from ..ops.function._args import axis_arg as _axis_arg
from ..common.dtype import float16, float32, float64, int8, int16, int32, int64
from ..tensor import Tensor
from . import _binary_operands, _dtype, _promote, _t, asarray, linspace, ravel, transpose
from ._error_classes import ValueTypeError
from .set_logic_ops import isin

__all__ = [
    "argwhere",
    "searchsorted",
    "intersect1d",
    "setdiff1d",
    "kron",
    "cross",
    "tensordot",
    "matrix_power",
    "multi_dot",
    "logspace",
    "geomspace",
    "digitize",
    "copy",
    "size",
    "promote_types",
    "result_type",
    "rand",
    "randn",
    "randint",
]


def argwhere(a):
    """The indices of the nonzero elements of `a`, one row per element (Int64).

    Args:
        a (Tensor): The input tensor.

    Returns:
        Tensor of Int64, of shape ``(N, a.ndim)``.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 0, 3], [0, 5, 6]], ms.int32)
        >>> print(mnp.argwhere(x))
        [[0 0]
         [0 2]
         [1 1]
         [1 2]]
    """
    return _ops.argwhere(_t(a)).astype(int64)


def searchsorted(a, v, side='left', sorter=None):
    """The indices at which to insert `v` into the sorted 1-D `a` to keep it sorted (Int32).

    Args:
        a (Tensor): The sorted 1-D tensor (sorted by `sorter` when given).
        v (Union[Tensor, number]): The values to insert.
        side (str, optional): ``'left'`` (the first suitable index) or ``'right'`` (the last). Default: ``'left'``.
        sorter (Tensor, optional): The indices that sort `a`. Default: ``None``.

    Returns:
        Tensor of Int32, of the shape of `v`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> a = ms.Tensor([1.0, 2.0, 2.0, 5.0], ms.float32)
        >>> print(mnp.searchsorted(a, ms.Tensor([2.0, 3.0, 0.0, 9.0], ms.float32)))
        [1 3 0 4]
        >>> print(mnp.searchsorted(a, ms.Tensor([2.0], ms.float32), side='right'))
        [3]
    """
    if side not in ("left", "right"):
        raise ValueError(f"For 'mindspore.numpy.searchsorted', side must be 'left' or 'right', "
                         f"but got {side!r}.")
    a = _t(a)
    if sorter is not None:
        a = _ops.gather(a, _t(sorter), 0)
    scalar = not isinstance(v, Tensor) and _np.ndim(v) == 0
    v = _t(v)
    # compared in the promoted dtype: 2.5 is not truncated into an integer `a` (MindSpore 2.10
    # compares in Float32); NaN goes after the numbers, as NumPy sorts it
    dtype = _promote(a.dtype, v.dtype)
    a, v = a.astype(dtype), (v.reshape((1,)) if scalar else v).astype(dtype)
    out = _ops.searchsorted(a, v, right=side == "right").astype(int32)
    if dtype in (float16, float32, float64):
        past = a.size if side == "right" else int((a == a).sum())
        out = _ops.where(v != v, _ops.full_like(out, past), out)
    return out.reshape(()) if scalar else out


def intersect1d(ar1, ar2, assume_unique=False, return_indices=False):
    """The sorted unique values in both `ar1` and `ar2`.

    Args:
        ar1 (Tensor): The first input.
        ar2 (Tensor): The second input.
        assume_unique (bool, optional): Accepted; the result is the same. Default: ``False``.
        return_indices (bool, optional): Whether to also return, for each value, its index in
            the flattened `ar1` and in the flattened `ar2` (the first occurrence). Default:
            ``False``.

    Returns:
        Tensor, 1-D; with `return_indices` a tuple of it and the two index tensors (Int32).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1, 3, 4, 3], ms.int32)
        >>> y = ms.Tensor([3, 1, 2, 1], ms.int32)
        >>> print(mnp.intersect1d(x, y))
        [1 3]
        >>> values, i, j = mnp.intersect1d(x, y, return_indices=True)
        >>> print(i, j)
        [0 1] [1 0]
    """
    for name, flag in (("assume_unique", assume_unique), ("return_indices", return_indices)):
        if not isinstance(flag, bool):
            raise TypeError(f"For 'mindspore.numpy.intersect1d', '{name}' must be a bool, but got "
                            f"{type(flag).__name__}.")
    if return_indices:
        # NumPy's algorithm (MindSpore 2.10's result): the indices come from a stable sort of
        # both flattened inputs; the values are gathered at them
        a1, a2 = (ravel(x) for x in _binary_operands(ar1, ar2))
        _, i1, i2 = _np.intersect1d(a1.asnumpy(), a2.asnumpy(), assume_unique, True)
        both = _ops.concat((a1, a2), 0)
        idx1, idx2 = (Tensor(i.astype(_np.int32), int32) for i in (i1, i2))
        return _ops.gather(both, idx1, 0), idx1, idx2
    u = _sorted_unique(ar1)
    return _ops.masked_select(u, isin(u, ar2))


def setdiff1d(ar1, ar2, assume_unique=False):
    """The sorted unique values of `ar1` that are not in `ar2`; with `assume_unique`, the
    elements of the flattened `ar1` not in `ar2`, in their order (NumPy's and MindSpore's).

    Args:
        ar1 (Tensor): The first input.
        ar2 (Tensor): The second input.
        assume_unique (bool, optional): `ar1` holds no repeats: keep its order, do not sort.
            Default: ``False``.

    Returns:
        Tensor, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1, 3, 4, 3], ms.int32)
        >>> y = ms.Tensor([3, 1, 2, 1], ms.int32)
        >>> print(mnp.setdiff1d(x, y))
        [4]
    """
    u = _ops.reshape(ar1, (-1,)) if assume_unique else _sorted_unique(ar1)
    return _ops.masked_select(u, isin(u, ar2, invert=True))


def kron(a, b):
    """The Kronecker product of `a` and `b`: blocks of `b` scaled by each element of `a`.

    Args:
        a (Tensor): The first input.
        b (Tensor): The second input.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> a = ms.Tensor([1, 2], ms.int32)
        >>> b = ms.Tensor([1, 10], ms.int32)
        >>> print(mnp.kron(a, b))
        [ 1 10  2 20]
    """
    a, b = _t(a), _t(b)
    nd = max(a.ndim, b.ndim)
    sa = (1,) * (nd - a.ndim) + tuple(a.shape)
    sb = (1,) * (nd - b.ndim) + tuple(b.shape)
    inter_a = tuple(x for s in sa for x in (s, 1))
    inter_b = tuple(x for s in sb for x in (1, s))
    out = a.reshape(inter_a) * b.reshape(inter_b)
    return out.reshape(tuple(p * q for p, q in zip(sa, sb)))


def cross(a, b, axisa=-1, axisb=-1, axisc=-1, axis=None):
    """The cross product of 3-element (or 2-element) vectors along the given axes, broadcast.

    Args:
        a (Tensor): The first vectors.
        b (Tensor): The second vectors.
        axisa (int, optional): The vector axis of `a`. Default: ``-1``.
        axisb (int, optional): The vector axis of `b`. Default: ``-1``.
        axisc (int, optional): The vector axis of the result. Default: ``-1``.
        axis (int, optional): When given, overrides `axisa`, `axisb` and `axisc`. Default: ``None``.

    Returns:
        Tensor: the vectors, or the z component for two 2-element inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> a = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> b = ms.Tensor([4.0, 5.0, 6.0], ms.float32)
        >>> print(mnp.cross(a, b))
        [-3.  6. -3.]
    """
    if axis is not None:
        axisa = axisb = axisc = axis
    a = _ops.moveaxis(_t(a), axisa, -1)
    b = _ops.moveaxis(_t(b), axisb, -1)
    if a.shape[-1] not in (2, 3) or b.shape[-1] not in (2, 3):
        raise ValueError(f"For 'mindspore.numpy.cross', the vectors must have 2 or 3 elements, but "
                         f"got {a.shape[-1]} and {b.shape[-1]}.")
    if a.shape[-1] == 2 and b.shape[-1] == 2:
        return a[..., 0] * b[..., 1] - a[..., 1] * b[..., 0]
    a0, a1, a2 = _components(a)
    b0, b1, b2 = _components(b)
    out = _C.stack([a1 * b2 - a2 * b1, a2 * b0 - a0 * b2, a0 * b1 - a1 * b0], -1)
    return _ops.moveaxis(out, -1, axisc)


def tensordot(a, b, axes=2):
    """The sum of products of `a` and `b` over the given axes.

    Args:
        a (Tensor): The first input.
        b (Tensor): The second input.
        axes (Union[int, tuple]): ``n`` (the last n axes of `a` with the first n of `b`) or two lists of axes. Default: ``2``.

    Returns:
        Tensor, of `a`'s free axes then `b`'s.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> print(mnp.tensordot(x, x))
        30.0
        >>> print(mnp.tensordot(x, x, 1))
        [[ 7. 10.]
         [15. 22.]]
    """
    a, b = _t(a), _t(b)
    if isinstance(axes, int):
        ax_a, ax_b = list(range(a.ndim - axes, a.ndim)), list(range(axes))
    else:
        ax_a, ax_b = axes
        ax_a = [ax_a] if isinstance(ax_a, int) else list(ax_a)
        ax_b = [ax_b] if isinstance(ax_b, int) else list(ax_b)
    ax_a = [x % a.ndim for x in ax_a] if a.ndim else ax_a
    ax_b = [x % b.ndim for x in ax_b] if b.ndim else ax_b
    if [a.shape[i] for i in ax_a] != [b.shape[i] for i in ax_b]:
        raise ValueError(f"For 'mindspore.numpy.tensordot', the summed axes do not match: "
                         f"{tuple(a.shape)} axes {ax_a} and {tuple(b.shape)} axes {ax_b}.")
    free_a = [i for i in range(a.ndim) if i not in ax_a]
    free_b = [i for i in range(b.ndim) if i not in ax_b]
    k = 1
    for i in ax_a:
        k *= a.shape[i]
    left = transpose(a, tuple(free_a + ax_a)).reshape(-1, k)
    right = transpose(b, tuple(ax_b + free_b)).reshape(k, -1)
    shape = tuple(a.shape[i] for i in free_a) + tuple(b.shape[i] for i in free_b)
    return _ops.matmul(left, right).reshape(shape)


def matrix_power(a, n):
    """The square matrix (or stack of them) `a` raised to the integer power `n` >= 0.

    Args:
        a (Tensor): The input, of shape ``(..., M, M)``.
        n (int): The exponent.

    Returns:
        Tensor, of the shape of `a`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> print(mnp.matrix_power(x, 3))
        [[ 37.  54.]
         [ 81. 118.]]
    """
    a = _t(a)
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"For 'mindspore.numpy.matrix_power', n must be an int, but got {n!r}.")
    if a.ndim < 2 or a.shape[-1] != a.shape[-2]:
        raise ValueError(f"For 'mindspore.numpy.matrix_power', the input must be square matrices, "
                         f"but got shape {tuple(a.shape)}.")
    if n < 0:
        raise NotImplementedError("For 'mindspore.numpy.matrix_power', negative powers are not "
                                  "implemented.")
    result = None
    base = a
    while n:
        if n & 1:
            result = base if result is None else _ops.matmul(result, base)
        n >>= 1
        if n:
            base = _ops.matmul(base, base)
    if result is None:
        eye = _ops.eye(a.shape[-1], a.shape[-1], a.dtype)
        return _ops.broadcast_to(eye, tuple(a.shape))
    return result


def multi_dot(arrays):
    """The matrix product of a sequence of tensors (the first may be 1-D as a row, the last 1-D as a column).

    Args:
        arrays (Union[list[Tensor], tuple[Tensor]]): At least two tensors.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> print(mnp.multi_dot([x, x, x]))
        [[ 37.  54.]
         [ 81. 118.]]
    """
    ts = [_t(a) for a in arrays]
    if len(ts) < 2:
        raise ValueError("For 'mindspore.numpy.multi_dot', at least two arrays are needed.")
    out = ts[0]
    for t in ts[1:]:
        out = _ops.matmul(out, t)
    return out


def _linspace_arrays(start, stop, num, endpoint, retstep, dtype, axis):
    """``linspace`` of array bounds (NumPy's and MindSpore 2.10's): the samples run along a new
    axis `axis` of the bounds' broadcast shape; with `endpoint` the last sample is `stop` exactly."""
    lo, hi = asarray(start).astype(float32), asarray(stop).astype(float32)
    shape = _np.broadcast_shapes(tuple(lo.shape), tuple(hi.shape))
    lo, hi = _ops.broadcast_to(lo, shape), _ops.broadcast_to(hi, shape)
    nd = len(shape) + 1
    if not -nd <= axis < nd:
        raise ValueError(f"For 'mindspore.numpy.linspace', axis {axis} is out of range for a "
                         f"{nd}-D result.")
    div = (num - 1) if endpoint else num
    step = (hi - lo) / div if div > 0 else _ops.full_like(lo, float("nan"))
    ramp = Tensor(_np.arange(num, dtype=_np.float32).reshape((num,) + (1,) * len(shape)))
    out = lo.expand_dims(0) + ramp * step.expand_dims(0)
    if endpoint and num > 1:
        out = _ops.concat((out[:-1], hi.expand_dims(0)), 0)
    out = _ops.moveaxis(out, 0, axis) if axis % nd else out
    out = out if dtype is None else out.astype(_dtype(dtype))
    return (out, step) if retstep else out


def logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0):
    """`num` numbers spaced evenly on a log scale, from ``base**start`` to ``base**stop``.

    Args:
        start (Union[int, float, Tensor]): The first exponent.
        stop (Union[int, float, Tensor]): The last exponent.
        num (int, optional): How many numbers. Default: ``50``.
        endpoint (bool, optional): Whether `stop` is included. Default: ``True``.
        base (Union[int, float], optional): The base. Default: ``10.0``.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.
        axis (int, optional): The axis of the numbers when `start` is a tensor. Default: ``0``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> print(mnp.logspace(0, 3, 4, base=2))
        [1. 2. 4. 8.]
    """
    exponents = linspace(start, stop, num, endpoint, dtype=float32, axis=axis)
    out = _ops.pow(Tensor(float(base), float32), exponents)
    return out if dtype is None else out.astype(_dtype(dtype))


def geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0):
    """`num` numbers spaced evenly on a log scale (a geometric progression) from `start` to `stop`.

    Args:
        start (Union[int, float, Tensor]): The first number.
        stop (Union[int, float, Tensor]): The last number.
        num (int, optional): How many numbers. Default: ``50``.
        endpoint (bool, optional): Whether `stop` is included. Default: ``True``.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.
        axis (int, optional): The axis of the numbers when `start` is a tensor. Default: ``0``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> print(mnp.geomspace(1, 8, 4))
        [1. 2. 4. 8.]
    """
    start_t, stop_t = asarray(start).astype(float32), asarray(stop).astype(float32)
    if bool((start_t == 0).any()) or bool((stop_t == 0).any()):
        raise ValueError("For 'mindspore.numpy.geomspace', start and stop must be nonzero.")
    # two negative ends: the progression of their magnitudes, negated (NumPy's rule); ends of
    # different signs give NaN between them (log2 of the negative end), as NumPy's real result
    sign = _ops.where((start_t < 0) & (stop_t < 0), Tensor(-1.0, float32), Tensor(1.0, float32))
    out = _ops.exp2(linspace(_ops.log2(start_t * sign), _ops.log2(stop_t * sign), num, endpoint,
                             dtype=float32)) * sign
    if num > 0:  # the ends exactly `start` and `stop` (exp2(log2(x)) may miss them), as NumPy
        ends = [_ops.broadcast_to(start_t, tuple(out.shape[1:])).expand_dims(0)]
        if num > 1 and endpoint:
            ends += [out[1:-1], _ops.broadcast_to(stop_t, tuple(out.shape[1:])).expand_dims(0)]
        else:
            ends.append(out[1:])
        out = _ops.concat(ends, 0)
    if out.ndim > 1:
        out = _ops.moveaxis(out, 0, _axis_arg("mindspore.numpy.geomspace", "axis", axis, out.ndim))
    elif axis not in (0, -1):
        raise ValueError(f"For 'mindspore.numpy.geomspace', axis {axis} is out of range for a "
                         "1-D result (start and stop are numbers).")
    return out if dtype is None else out.astype(_dtype(dtype))


def digitize(x, bins, right=False):
    """The index of the bin of each value of `x` in the monotonic `bins` (Int32): for increasing
    bins ``i`` with ``bins[i-1] <= x < bins[i]`` (NaN: ``len(bins)``), for decreasing bins ``i``
    with ``bins[i-1] > x >= bins[i]``.

    Args:
        x (Tensor): The values.
        bins (Tensor): Increasing or decreasing 1-D bin edges.
        right (bool, optional): Whether a bin includes its right edge instead of its left. Default: ``False``.

    Returns:
        Tensor of Int32, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([0.5, 1.0, 2.5], ms.float32)
        >>> bins = ms.Tensor([0.0, 1.0, 2.0], ms.float32)
        >>> print(mnp.digitize(x, bins))
        [1 2 3]
        >>> print(mnp.digitize(x, bins, right=True))
        [1 1 3]
    """
    bins = _t(bins)
    if bins.ndim != 1:  # a number would be searched as one edge
        raise ValueError("For 'mindspore.numpy.digitize', bins should be 1-dimensional.")
    side = 'left' if right else 'right'
    if bins.shape[0] > 1 and bool(bins[0] > bins[-1]):
        # decreasing bins: counted from the end of the reversed (increasing) edges, as NumPy
        return int(bins.shape[0]) - searchsorted(_ops.flip(bins, (0,)), x, side)
    return searchsorted(bins, x, side)


def copy(a):
    """A copy of `a`.

    Args:
        a (Tensor): The input tensor.

    Returns:
        Tensor, equal to `a`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1, 2], ms.int32)
        >>> print(mnp.copy(x))
        [1 2]
    """
    return _t(a).copy()


def size(a, axis=None):
    """The number of elements of `a` (along `axis` when given).

    Args:
        a (Tensor): The input tensor.
        axis (int, optional): The axis. Default: ``None``.

    Returns:
        int.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2, 3], [4, 5, 6]], ms.int32)
        >>> print(mnp.size(x))
        6
        >>> print(mnp.size(x, 1))
        3
    """
    a = _t(a)
    if axis is None:
        return int(a.size)
    if not -a.ndim <= axis < a.ndim:
        raise ValueError(f"For 'mindspore.numpy.size', axis {axis} is out of range for "
                         f"{a.ndim} dimensions.")
    return int(a.shape[axis])


def promote_types(type1, type2):
    """The smallest dtype both `type1` and `type2` convert to safely.

    Args:
        type1 (mindspore.dtype): The first dtype.
        type2 (mindspore.dtype): The second dtype.

    Returns:
        mindspore.dtype.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> print(mnp.promote_types(ms.int8, ms.uint8))
        Int16
        >>> print(mnp.promote_types(ms.int32, ms.float32))
        Float32
    """
    return _promote(_ops.zeros((0,), _dtype(type1)).dtype, _ops.zeros((0,), _dtype(type2)).dtype)


def result_type(*arrays_and_dtypes):
    """The dtype of an operation on the given tensors, dtypes and Python numbers (an int counts as
    Int32 and a float as Float32, as mindspore.numpy's functions take them).

    Args:
        *arrays_and_dtypes (Union[Tensor, mindspore.dtype, str, number]): The operands (a str is
            NumPy's name of a dtype: ``'i2'``, ``'f8'``, ``'?'``).

    Returns:
        mindspore.dtype.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1, 2], ms.int32)
        >>> print(mnp.result_type(x, 1))
        Int32
        >>> print(mnp.result_type(x, 1.0))
        Float32
        >>> print(mnp.result_type('i2', mnp.float32, True))
        Float32
    """
    acc = None
    for item in arrays_and_dtypes:
        if isinstance(item, (Tensor, bool, int, float, list, tuple)):
            dtype = _t(item).dtype  # a Python int counts as Int32, a float as Float32
        else:  # a dtype, or NumPy's name of one ('i2', 'f8', '?', 'bool')
            item = _np.dtype(item) if isinstance(item, str) else item
            dtype = _ops.zeros((0,), _dtype(item)).dtype
        acc = dtype if acc is None else _promote(acc, dtype)
    return acc


def rand(*shape, dtype=float32):
    """Random numbers uniform in ``[0, 1)`` of the given shape.

    Args:
        *shape (Union[int, tuple[int]]): The shape, as ints or one tuple.
        dtype (mindspore.dtype, optional): A float dtype. Default: ``mstype.float32``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> print(mnp.rand(2, 3).shape)
        (2, 3)
    """
    return _ops.rand(*_shape_args(shape), dtype=_random_dtype("rand", dtype, _FLOATS),
                     seed=_op_seed())


def randn(*shape, dtype=float32):
    """Random numbers from the standard normal distribution of the given shape.

    Args:
        *shape (Union[int, tuple[int]]): The shape, as ints or one tuple.
        dtype (mindspore.dtype, optional): A float dtype. Default: ``mstype.float32``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> print(mnp.randn((2, 3)).shape)
        (2, 3)
    """
    return _ops.randn(*_shape_args(shape), dtype=_random_dtype("randn", dtype, _FLOATS),
                      seed=_op_seed())


def randint(minval, maxval=None, shape=None, dtype=int32):
    """Random integers uniform in ``[minval, maxval)`` (``[0, minval)`` when `maxval` is None).

    Args:
        minval (int): The lowest value, or the upper bound when `maxval` is None.
        maxval (int, optional): One above the highest value. Default: ``None``.
        shape (Union[int, tuple[int]], optional): The shape; None gives one number. Default: ``None``.
        dtype (mindspore.dtype, optional): An integer dtype. Default: ``mstype.int32``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = mnp.randint(1, 4, (2, 3))
        >>> print(x.shape, bool(((x >= 1) & (x < 4)).all()))
        (2, 3) True
    """
    if maxval is None:
        minval, maxval = 0, minval
    if maxval <= minval:
        raise ValueError(f"For 'mindspore.numpy.randint', maxval must be greater than minval, but "
                         f"got {minval} and {maxval}.")
    shape = () if shape is None else (shape,) if isinstance(shape, int) else tuple(shape)
    return _ops.randint(minval, maxval, shape, seed=_op_seed(),
                        dtype=_random_dtype("randint", dtype, _INTS))


def _op_seed():
    """The op seed of ``rand``, ``randn`` and ``randint``: the global seed, as MindSpore 2.10's
    (``set_seed(5)`` draws with kernel seeds ``(5, 5)``, then the next of the op's sequence)."""
    from ..common.seed import get_seed
    return get_seed()


_FLOATS = (float16, float32, float64)
_INTS = (int8, int16, int32, int64)


def _random_dtype(name, dtype, allowed):
    """The dtype of ``rand``/``randn`` (a float) or ``randint`` (a signed integer): another is
    MindSpore 2.10's ValueError (a TypeError too, as the dtype errors here are)."""
    resolved = _ops.zeros((0,), _dtype(dtype)).dtype
    if resolved not in allowed:
        raise ValueTypeError(f"For 'mindspore.numpy.{name}', the argument 'dtype' must be one of "
                             f"{', '.join(str(d) for d in allowed)}, but got {resolved}.")
    return resolved


def _sorted_unique(x):
    return _ops.sort(_ops.unique(ravel(_t(x)))[0])[0]


def _components(v):
    if v.shape[-1] == 3:
        return v[..., 0], v[..., 1], v[..., 2]
    return v[..., 0], v[..., 1], _ops.zeros_like(v[..., 0])


def _shape_args(shape):
    if len(shape) == 1 and isinstance(shape[0], (tuple, list)):
        return tuple(shape[0])
    return shape

"""``mindspore.ops`` everyday reductions and searches (re-exported by ``_basic_func``):
``argmin``, ``cumsum``, ``reduce_sum``/``mean``/``max``/``min``, ``top_k``, ``diff``, ``trapz``,
``searchsorted``/``bucketize``, norms and distances, ``matrix_power``, ``vecdot``, ``addbmm``,
and the helpers ``logsumexp`` over several axes and ``baddbmm`` share. Compositions of engine ops."""
import builtins

import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import ComputeError, DTypeError, ShapeError
from ..._tensor_extremes import reduce_max as _reduce_max, reduce_min as _reduce_min
from ...common import dtype as mstype
from ._args import as_tensor as _t, axis_arg as _axis_arg, int_arg as _int, tensor_arg as _tensor


_FLOATS = mstype.float_type


def _axes(axis):
    return None if axis is None or axis == () else axis


def argmin(input, axis=None, keepdims=False):  # noqa: A002 - MindSpore's argument name
    """``ops.argmin``: the Int32 index of the minimum along ``axis`` (of the flattened input for
    None), as MindSpore 2.10 returns it.

    Args:
        input (Tensor): The input tensor.
        axis (int, optional): The axis; None looks at the flattened input. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        Tensor of int, the indices of the minima along `axis` (of the flattened input when `axis` is
        None).

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.argmin(Tensor([[3.0, 1.0], [0.0, 5.0]]), 1))
        [1 0]
    """
    x = _tensor("Argmin", "input", input)
    if axis is None:
        out = x.reshape(-1).argmin(0)
        return (out.reshape((1,) * x.ndim) if keepdims else out).astype(mstype.int32)
    return x.argmin(axis, keepdims).astype(mstype.int32)


def cumsum(x, axis, dtype=None):
    """``ops.cumsum``: running sums along ``axis`` (as ``dtype`` when given).

    Args:
        x (Tensor): The input tensor.
        axis (int, optional): The axis.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.cumsum(Tensor([1, 2, 3]), 0))
        [1 3 6]
    """
    x = _tensor("CumSum", "x", x)
    # keeps the dtype (the Tensor method sums the narrow integers as Int32, ops.cumsum does not)
    return x.cumsum(_int("CumSum", "axis", axis), dtype=x.dtype if dtype is None else dtype)


def diff(x, n=1, axis=-1, prepend=None, append=None):
    """``ops.diff``: ``x[i + 1] - x[i]`` along ``axis``, ``n`` times, after joining ``prepend``
    and ``append``.

    Args:
        x (Tensor): The input tensor.
        n (int, optional): The number of times differences are taken. Default: ``1``.
        axis (int, optional): The axis. Default: ``-1``.
        prepend (Tensor, optional): Values joined before `x` along `axis` first. Default: ``None``.
        append (Tensor, optional): Values joined after `x` along `axis` first. Default: ``None``.

    Returns:
        Tensor, `n` elements shorter along `axis`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.diff(Tensor([1, 4, 9, 16]), 2))
        [2 2]
    """
    x = _tensor("diff", "x", x)
    if x.ndim == 0:
        raise ShapeError("For 'diff', the input must have at least one axis.")
    n = _int("diff", "n", n)
    if n < 0:
        raise ShapeError(f"For 'diff', 'n' must be non-negative, but got {n}.")
    axis = _axis_arg("diff", "axis", axis, x.ndim)
    parts = [p for p in (prepend, x, append) if p is not None]
    if len(parts) > 1:
        x = _C.concat([_t(p) for p in parts], axis)
    pre = (builtins.slice(None),) * axis
    for _ in builtins.range(builtins.min(n, x.shape[axis])):   # past the length it stays empty
        later, earlier = x[pre + (builtins.slice(1, None),)], x[pre + (builtins.slice(0, -1),)]
        # Bool differences are "changed" (MindSpore 2.10, NumPy): later != earlier
        x = later != earlier if x.dtype == mstype.bool_ else later - earlier
    return x


def msort(input):  # noqa: A002
    """``ops.msort``: sorted along axis 0.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, `input` sorted along axis 0.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.msort(x))
        [-1.5  0.   2.5]
    """
    return _C.sort(_tensor("msort", "input", input), 0, False)[0]


def trapz(y, x=None, *, dx=1.0, dim=-1):
    """``ops.trapz``: the trapezoid rule along ``dim``, with sample points ``x`` or spacing ``dx``.

    Args:
        y (Tensor): The values to integrate.
        x (Tensor, optional): The sample points. Default: ``None``.
        dx (float, optional): The spacing when `x` is None. Default: ``1.0``.
        dim (int, optional): The axis. Default: ``-1``.

    Returns:
        Tensor, `y` without the axis `dim`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.trapz(Tensor([1.0, 2.0, 3.0])))
        4.0
    """
    y = _tensor("trapz", "y", y)
    if y.dtype == mstype.bool_:
        y = y.astype(mstype.float32)  # True + True is 2 here, not True
    dim = _int("trapz", "dim", dim) % builtins.max(y.ndim, 1)
    pre = (builtins.slice(None),) * dim
    mid = (y[pre + (builtins.slice(1, None),)] + y[pre + (builtins.slice(0, -1),)]) * 0.5
    if x is None:
        return mid.sum(dim) * dx
    xs = _t(x)
    d = xs[(builtins.slice(None),) * (dim if xs.ndim == y.ndim else 0) + (builtins.slice(1, None),)] - \
        xs[(builtins.slice(None),) * (dim if xs.ndim == y.ndim else 0) + (builtins.slice(0, -1),)]
    return (mid * d).sum(dim)


def searchsorted(sorted_sequence, values, *, out_int32=False, right=False, side=None, sorter=None):
    """``ops.searchsorted``: for each value, the index where it would go in the last axis of
    ``sorted_sequence`` (before equal elements; after them with ``right`` or ``side='right'``);
    Int64 (Int32 with ``out_int32``). Counts comparisons, so it is traceable.

    Args:
        sorted_sequence (Tensor): The sorted values (along the last axis).
        values (Union[Tensor, number]): The values to place.
        out_int32 (bool, optional): Whether the indices are Int32 (else Int64). Default: ``False``.
        right (bool, optional): Whether to take the rightmost suitable index. Default: ``False``.
        side (str, optional): ``'left'`` or ``'right'`` (overrides `right`). Default: ``None``.
        sorter (Tensor, optional): The indices that sort `sorted_sequence`. Default: ``None``.

    Returns:
        Tensor of Int64 (Int32 when `out_int32`), of the shape of `values`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.searchsorted(Tensor([1.0, 3.0, 5.0]), Tensor([3.0, 6.0])))
        [1 3]
    """
    seq = _tensor("SearchSorted", "sorted_sequence", sorted_sequence)
    v = _t(values)
    if sorter is not None:
        seq = _C.gather_elements(seq, seq.ndim - 1, _t(sorter))
    right = right or side == "right"
    if seq.ndim > 1 and tuple(seq.shape[:-1]) != tuple(v.shape[:-1]):
        raise ShapeError(f"For 'SearchSorted', the leading axes of 'sorted_sequence' {list(seq.shape)} and "
                         f"'values' {list(v.shape)} must agree.")
    s = seq.reshape(tuple(seq.shape[:-1]) + (1,) * (v.ndim - seq.ndim + 1) + (seq.shape[-1],)) \
        if seq.ndim > 1 else seq
    below = (s <= v.expand_dims(-1)) if right else (s < v.expand_dims(-1))
    out = below.astype(mstype.int64).sum(-1)
    return out.astype(mstype.int32) if out_int32 else out


def bucketize(input, boundaries, *, right=False):  # noqa: A002
    """``ops.bucketize``: the bucket of each element among the sorted ``boundaries`` (a list):
    the number of boundaries below it (at or below it with ``right``), Int32.

    Args:
        input (Tensor): The input tensor.
        boundaries (list[float]): The sorted bucket boundaries.
        right (bool, optional): Whether to take the rightmost suitable index. Default: ``False``.

    Returns:
        Tensor of Int32, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0.5, 1.5, 3.0], ms.float32)
        >>> print(ops.bucketize(x, [1.0, 2.0, 3.0]))
        [0 1 2]
    """
    if isinstance(boundaries, Tensor):  # MindSpore takes a Tensor too, read as a flat list
        boundaries = boundaries.asnumpy().reshape(-1)
    b = Tensor(_np.asarray(boundaries, dtype=_np.float64))
    x = _t(input)
    below = (b <= x.astype(mstype.float64).expand_dims(-1)) if right else \
        (b < x.astype(mstype.float64).expand_dims(-1))
    return below.astype(mstype.int32).sum(-1).astype(mstype.int32)


def dist(input, other, p=2):  # noqa: A002
    """``ops.dist``: the ``p``-norm of ``input - other`` over all elements.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.
        p (float, optional): The order of the norm. Default: ``2``.

    Returns:
        Tensor, 0-D.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.dist(Tensor([3.0, 0.0]), Tensor([0.0, 4.0])))
        5.0
    """
    return vector_norm(_t(input) - other, p)


def vector_norm(x, ord=2, axis=None, keepdims=False, *, dtype=None):  # noqa: A002 - MindSpore's names
    """``ops.vector_norm``: ``(Σ|x|^ord)^(1/ord)`` over ``axis`` (all for None); ``ord`` inf,
    -inf and 0 (the count of nonzeros) too.

    Args:
        x (Tensor): The input tensor.
        ord (Union[int, float, str], optional): The order of the norm. Default: ``2``.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, `x` reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.vector_norm(x))
        2.9154758
    """
    x = _tensor("vector_norm", "x", x)
    if dtype is not None:
        x = x.astype(dtype)
    if x.dtype not in _FLOATS:
        x = x.astype(mstype.float32)
    a, ax = x.abs(), _axes(axis)
    if ord == float("inf"):
        return _reduce_max(a, ax, keepdims)
    if ord == float("-inf"):
        return _reduce_min(a, ax, keepdims)
    if ord == 0:
        return (a != 0).astype(x.dtype).sum(ax, None, keepdims)
    if ord == 1:
        return a.sum(ax, None, keepdims)
    if ord == 2:
        return (x * x).sum(ax, None, keepdims).sqrt()
    return (a ** float(ord)).sum(ax, None, keepdims) ** (1.0 / ord)


def matrix_power(input, n):  # noqa: A002
    """``ops.matrix_power``: ``input`` (``[..., m, m]``) to the integer power ``n >= 0`` by
    repeated squaring.

    Args:
        input (Tensor): The input tensor.
        n (int): The power, 0 or more.

    Returns:
        Tensor, of the shape and dtype of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[-1.0, 0.5], [2.0, -3.0]], ms.float32)
        >>> print(ops.matrix_power(x, 2))
        [[ 2. -2.]
         [-8. 10.]]
    """
    x = _tensor("MatrixPower", "input", input)
    n = _int("MatrixPower", "n", n)
    if x.ndim < 2 or x.shape[-1] != x.shape[-2]:
        raise ShapeError(f"For 'MatrixPower', the input must be [..., m, m], but got {list(x.shape)}.")
    if n < 0:
        raise ShapeError(f"For 'MatrixPower', 'n' must be non-negative (no inverse), but got {n}.")
    m = x.shape[-1]
    result = _C.broadcast_to(Tensor(_np.eye(m), x.dtype), tuple(x.shape))
    base = x
    while n:
        if n & 1:
            result = _C.matmul(result, base)
        n >>= 1
        if n:
            base = _C.matmul(base, base)
    return result


def top_k(input_x, k, sorted=True):  # noqa: A002
    """``ops.top_k``: the ``k`` largest values along the last axis and their Int32 indices.

    Args:
        input_x (Tensor): The input tensor.
        k (int): The number of elements to keep.
        sorted (bool, optional): Whether the results are sorted by value. Default: ``True``.

    Returns:
        tuple(Tensor, Tensor), the `k` largest values and their Int32 indices along the last axis.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> values, indices = ops.top_k(x, 2)
        >>> print(values)
        [[3. 2.]
         [6. 5.]]
        >>> print(indices)
        [[2 1]
         [2 1]]
    """
    from .array_func import topk
    return topk(input_x, k, None, True, sorted)


_REDUCE_EXTREMES = {"max": _reduce_max, "min": _reduce_min}  # plain reductions (no indices)


def _reduce(op, method, x, axis):
    x = _tensor(op, "x", x)
    if method in _REDUCE_EXTREMES:
        return _REDUCE_EXTREMES[method](x, _axes(axis))
    return getattr(x, method)(_axes(axis))


def reduce_sum(x, axis=()):
    """``ops.reduce_sum``: the sum over ``axis`` (all axes for ``()``).

    Args:
        x (Tensor): The input tensor.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``()``.

    Returns:
        Tensor, `x` reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.reduce_sum(x))
        1.0
    """
    return _sum_in_dtype(_reduce("ReduceSum", "sum", x, axis), x)


def _sum_in_dtype(out, x):
    """A sum of ``x`` as MindSpore 2.10's ReduceSum and Trace give it: in ``x``'s own dtype, so
    an integer sum wraps as that dtype does (Int8 100 + 100 is -56) and a Bool sum is any()."""
    x_dtype = getattr(x, "dtype", out.dtype)
    return out if out.dtype == x_dtype else out.astype(x_dtype)


def reduce_mean(x, axis=()):
    """``ops.reduce_mean``: the mean over ``axis``.

    Args:
        x (Tensor): The input tensor.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``()``.

    Returns:
        Tensor, `x` reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.reduce_mean(x))
        0.33333334
    """
    return _reduce("ReduceMean", "mean", x, axis)


def reduce_max(x, axis=()):
    """``ops.reduce_max``: the maximum over ``axis``.

    Args:
        x (Tensor): The input tensor.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``()``.

    Returns:
        Tensor, `x` reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.reduce_max(x))
        2.5
    """
    return _reduce("ReduceMax", "max", x, axis)


def reduce_min(x, axis=()):
    """``ops.reduce_min``: the minimum over ``axis``.

    Args:
        x (Tensor): The input tensor.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``()``.

    Returns:
        Tensor, `x` reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.reduce_min(x))
        -1.5
    """
    return _reduce("ReduceMin", "min", x, axis)


def vecdot(x, y, *, axis=-1):
    """``ops.vecdot``: ``Σ x·y`` along ``axis``.

    Args:
        x (Tensor): The input tensor.
        y (Union[Tensor, number]): The second operand, broadcast with the first.
        axis (int, optional): The axis. Default: ``-1``.

    Returns:
        Tensor, the input shape without `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.vecdot(x, y))
        14.0
    """
    return (_t(x) * y).sum(axis)


def logsumexp_axes(x, dims, keep):
    """``logsumexp`` over several axes (``()``: all of them, as MindSpore 2.10), one axis at a time
    from the last: ``log Σ_b exp(log Σ_a exp x) = log Σ_ab exp x``, each step stable."""
    if not isinstance(keep, bool):
        raise DTypeError(f"For 'LogSumExp', 'keepdims' must be a bool, but got {type(keep).__name__}.")
    nd = builtins.max(x.ndim, 1)
    axes = []
    for d in dims:
        if isinstance(d, bool) or not isinstance(d, (int, _np.integer)):
            raise DTypeError(f"For 'LogSumExp', the axes must be ints, but got {dims}.")
        if not -nd <= d < nd:
            raise ShapeError(f"For 'LogSumExp', the axes must be in [{-nd}, {nd}), but got {dims}.")
        if d % nd in axes:
            raise ComputeError(f"For 'LogSumExp', axis {d % nd} appears more than once in {dims}.")
        axes.append(int(d) % nd)
    if x.ndim == 0:
        return x
    for a in sorted(axes or builtins.range(x.ndim), reverse=True):
        x = _C.logsumexp(x, a, keep)
    return x


def batch_matmul(op, batch1, batch2):
    """``batch1 @ batch2`` as MindSpore 2.10's CPU BatchMatMul takes them: Tensors of rank 2 or
    more, of equal ranks and equal batch dimensions (no broadcasting), ``[..., n, m] @ [..., m, p]``."""
    b1, b2 = _tensor(op, "batch1", batch1), _tensor(op, "batch2", batch2)
    s1, s2 = list(b1.shape), list(b2.shape)
    if b1.ndim < 2 or b2.ndim < 2:
        raise ShapeError(f"For '{op}', the batches must be 2-D or more, but got {s1} and {s2}.")
    if s1[:-2] != s2[:-2]:
        raise ShapeError(f"For '{op}', the batch dimensions must be equal (no broadcasting on CPU), "
                         f"but got {s1} and {s2}.")
    if s1[-1] != s2[-2]:
        raise ShapeError(f"For '{op}', the rows of 'batch2' must match the columns of 'batch1', "
                         f"but got {s1} and {s2}.")
    return _C.matmul(b1, b2)


def scale_arg(op, name, v, integral=False):
    """``alpha``/``beta`` of the ``add*mm`` ops: a Python number (an int when `integral`)."""
    kinds = (int,) if integral else (int, float)
    if not isinstance(v, kinds):
        raise DTypeError(f"For '{op}', '{name}' must be {'an int' if integral else 'an int or float'}, "
                         f"but got {type(v).__name__}.")
    return v


def addbmm(input, batch1, batch2, *, beta=1, alpha=1):  # noqa: A002
    """``ops.addbmm``: ``beta·input + alpha·Σ_b batch1[b] @ batch2[b]``. As MindSpore 2.10,
    the batches may be of any rank from 2 (``[C, W, T]`` and ``[C, T, H]`` give a ``[W, H]`` sum; 2-D
    batches are single matrices, whose product is summed over its rows), with equal batch dimensions.

    Args:
        input (Tensor): The input tensor.
        batch1 (Tensor): The left batch of matrices.
        batch2 (Tensor): The right batch of matrices.
        beta (number, optional): The multiplier of `input`. Default: ``1``.
        alpha (number, optional): The multiplier of the product term. Default: ``1``.

    Returns:
        Tensor, of the broadcast shape of `input` and the summed product.

    Raises:
        TypeError: If `alpha` or `beta` is not an int or float, or a batch is not a Tensor.
        ValueError: If the batches are below 2-D, differ in batch dimensions or do not chain.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.zeros((2, 2), ms.float32)
        >>> b1 = ops.ones((3, 2, 4), ms.float32)
        >>> b2 = ops.ones((3, 4, 2), ms.float32)
        >>> print(ops.addbmm(x, b1, b2))
        [[12. 12.]
         [12. 12.]]
    """
    beta, alpha = scale_arg("addbmm", "beta", beta), scale_arg("addbmm", "alpha", alpha)
    return _t(input) * beta + batch_matmul("addbmm", batch1, batch2).sum(0) * alpha

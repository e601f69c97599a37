"""``mindspore.ops`` everyday functions (re-exported by ``array_func``): the spellings MindSpore
keeps for common operations (``argmin``, ``cumsum``, ``broadcast_to``, ``subtract``, ``divide``
with ``rounding_mode``, ``reduce_sum``, ``top_k``, ``slice``, ``strided_slice``), small array
and math helpers (``diff``, ``trapz``, ``searchsorted``, ``vander``, ``copysign``, ``fmax``,
``matrix_power``, ...), the scatter spellings (``index_fill``, ``slice_scatter``,
``select_scatter``). Compositions of engine ops."""
import builtins

import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ..._tensor_extremes import reduce_max as _reduce_max, reduce_min as _reduce_min
from ...common import dtype as mstype
from ._args import as_tensor as _t, int_arg as _int, tensor_arg as _tensor

__all__ = [
    "argmin", "cumsum", "broadcast_to", "expand", "expand_as", "unstack", "unbind", "t",
    "subtract", "multiply", "divide", "negative", "positive", "absolute", "tensor_add", "addn",
    "floor_div", "floor_mod", "floordiv", "floormod", "truncate_div", "truncate_mod", "diff",
    "msort", "trapz", "ravel", "row_stack", "searchsorted", "bucketize", "dist", "diagflat",
    "vander", "copysign", "signbit", "sgn", "isneginf", "isposinf", "is_tensor",
    "is_floating_point", "is_complex", "fmax", "fmin", "ldexp", "xdivy", "matrix_power",
    "vector_norm", "top_k", "reduce_sum", "reduce_mean", "reduce_max", "reduce_min", "slice",
    "strided_slice", "sequence_mask", "index_fill", "slice_scatter", "select_scatter",
    "vecdot", "reverse", "matrix_band_part", "addbmm",
]

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
    return (x.astype(dtype) if dtype is not None else x).cumsum(_int("CumSum", "axis", axis))


def broadcast_to(input, shape):  # noqa: A002
    """``ops.broadcast_to``: ``input`` broadcast to ``shape`` (``-1`` keeps a dimension).

    Args:
        input (Tensor): The input tensor.
        shape (Union[tuple[int], list[int]]): The shape.

    Returns:
        Tensor of shape `shape`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.broadcast_to(Tensor([1, 2]), (2, -1)))
        [[1 2]
         [1 2]]
    """
    return _tensor("BroadcastTo", "input", input).broadcast_to(tuple(shape))


def expand(input_x, size):
    """``ops.expand``: :func:`broadcast_to` with the shape as a tensor or a tuple.

    Args:
        input_x (Tensor): The input tensor.
        size (Union[int, tuple[int], list[int]]): The shape.

    Returns:
        Tensor of shape `size`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0], [2.0]], ms.float32)
        >>> print(ops.expand(x, ms.Tensor([2, 3])))
        [[1. 1. 1.]
         [2. 2. 2.]]
    """
    shape = size.asnumpy().tolist() if isinstance(size, Tensor) else size
    return broadcast_to(input_x, tuple(int(s) for s in shape))


def expand_as(input, other):  # noqa: A002
    """``ops.expand_as``: ``input`` broadcast to ``other``'s shape.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of the shape of `other`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> y = ops.zeros((2, 2), ms.float32)
        >>> print(ops.expand_as(x, y))
        [[1. 2.]
         [1. 2.]]
    """
    return broadcast_to(input, tuple(_tensor("expand_as", "other", other).shape))


def unbind(input, dim=0):  # noqa: A002
    """``ops.unbind``: the slices along ``dim``, as a tuple.

    Args:
        input (Tensor): The input tensor.
        dim (int, optional): The axis. Default: ``0``.

    Returns:
        tuple(Tensor), the slices along `dim`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> for t in ops.unbind(Tensor([[1, 2], [3, 4]]), 1):
        ...     print(t)
        [1 3]
        [2 4]
    """
    x = _tensor("Unbind", "input", input)
    if x.ndim == 0:
        raise ShapeError("For 'Unbind', the input must have at least one axis.")
    dim = _int("Unbind", "dim", dim)
    if not -x.ndim <= dim < x.ndim:
        raise ShapeError(f"For 'Unbind', 'dim' must be in [{-x.ndim}, {x.ndim}), but got {dim}.")
    dim %= x.ndim
    return tuple(x[(builtins.slice(None),) * dim + (i,)] for i in builtins.range(x.shape[dim]))


def unstack(input_x, axis=0):
    """``ops.unstack``: :func:`unbind` along ``axis``.

    Args:
        input_x (Tensor): The input tensor.
        axis (int, optional): The axis. Default: ``0``.

    Returns:
        tuple(Tensor), the slices along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> a, b = ops.unstack(x)
        >>> print(a)
        [1. 2. 3.]
        >>> print(b)
        [4. 5. 6.]
    """
    return unbind(input_x, axis)


def t(input):  # noqa: A002
    """``ops.t``: a 2-D tensor transposed (1-D and 0-D are returned as they are).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, the transposed matrix (1-D and 0-D inputs unchanged).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.t(x))
        [[1. 4.]
         [2. 5.]
         [3. 6.]]
    """
    x = _tensor("t", "input", input)
    if x.ndim > 2:
        raise ShapeError(f"For 't', the input must be at most 2-D, but got shape {list(x.shape)}.")
    return x.transpose() if x.ndim == 2 else x


def subtract(input, other, *, alpha=1):  # noqa: A002
    """``ops.subtract``: ``input - alpha·other``.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.
        alpha (number, optional): The multiplier of `other`. Default: ``1``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.subtract(Tensor([3.0]), 1, alpha=2))
        [1.]
    """
    return _t(input) - (other * alpha if alpha != 1 else other)


def multiply(input, other):  # noqa: A002
    """``ops.multiply``: ``input · other``.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.multiply(x, y))
        [4. 1. 9.]
    """
    return _t(input) * other


def tensor_add(input, other):  # noqa: A002
    """``ops.tensor_add``: ``input + other``.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.tensor_add(x, y))
        [5.  2.5 6. ]
    """
    return _t(input) + other


def divide(input, other, *, rounding_mode=None):  # noqa: A002
    """``ops.divide``: ``input / other`` (integers give Float32); ``rounding_mode`` ``'floor'``
    or ``'trunc'`` rounds the quotient, in the operands' dtype.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.
        rounding_mode (str, optional): None for true division, ``'floor'`` or ``'trunc'`` to round.
            Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.divide(Tensor([-7, 7]), 2, rounding_mode='trunc'))
        [-3  3]
    """
    x = _t(input)
    if rounding_mode is None:
        return x / other
    if rounding_mode == "floor":
        return x // other
    if rounding_mode == "trunc":
        return truncate_div(x, other)
    raise ShapeError(f"For 'divide', 'rounding_mode' must be None, 'floor' or 'trunc', but got "
                     f"{rounding_mode!r}.")


def negative(input):  # noqa: A002
    """``ops.negative``: ``-input``.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.negative(x))
        [ 1.5 -0.  -2.5]
    """
    return -_t(input)


def positive(input):  # noqa: A002
    """``ops.positive``: ``input`` (Bool is a TypeError, as MindSpore).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.positive(x))
        [-1.5  0.   2.5]
    """
    x = _t(input)
    if x.dtype == mstype.bool_:
        raise DTypeError("For 'positive', the input must not be Bool.")
    return x


def absolute(input):  # noqa: A002
    """``ops.absolute``: ``|input|``.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.absolute(x))
        [1.5 0.  2.5]
    """
    return _t(input).abs()


def addn(x):
    """``ops.addn``: the sum of a tuple or list of tensors of one shape.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape and dtype of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(ops.addn([x, x, x]))
        [3. 6.]
    """
    if not isinstance(x, (tuple, list)) or not x:
        raise DTypeError(f"For 'AddN', 'x' must be a non-empty tuple or list of Tensors, but got "
                         f"{type(x).__name__}.")
    out = _t(x[0])
    for v in x[1:]:
        if tuple(_t(v).shape) != tuple(out.shape):
            raise ShapeError(f"For 'AddN', the tensors must have one shape, but got {list(out.shape)} "
                             f"and {list(_t(v).shape)}.")
        out = out + v
    return out


def floor_div(x, y):
    """``ops.floor_div``: ``floor(x / y)``.

    Args:
        x (Tensor): The input tensor.
        y (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.floor_div(x, y))
        [0. 4. 1.]
    """
    return _t(x) // y


floordiv = floor_div


def floor_mod(x, y):
    """``ops.floor_mod``: ``x - floor(x / y)·y`` (the sign of ``y``).

    Args:
        x (Tensor): The input tensor.
        y (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.floor_mod(x, y))
        [1. 0. 0.]
    """
    return _t(x) % y


floormod = floor_mod


def truncate_div(x, y):
    """``ops.truncate_div``: ``x / y`` rounded towards zero, in the operands' dtype.

    Args:
        x (Tensor): The input tensor.
        y (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.truncate_div(Tensor([-7, 7]), Tensor([2, 2])))
        [-3  3]
    """
    a = _t(x)
    q = a // y
    r = a % y
    yy = y if isinstance(y, Tensor) else Tensor(y, a.dtype)
    # Floor and truncation differ where the remainder is nonzero and the signs differ.
    fix = (r != 0) * ((a < 0) != (yy < 0))
    return _C.where_(fix, q + 1, q)


def truncate_mod(x, y):
    """``ops.truncate_mod``: ``x - truncate_div(x, y)·y`` (the sign of ``x``).

    Args:
        x (Tensor): The input tensor.
        y (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.truncate_mod(x, y))
        [1. 0. 0.]
    """
    from .math_func import fmod
    return fmod(x, y)


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
    axis = _int("diff", "axis", axis) % x.ndim
    parts = [p for p in (prepend, x, append) if p is not None]
    if len(parts) > 1:
        x = _C.concat([_t(p) for p in parts], axis)
    pre = (builtins.slice(None),) * axis
    for _ in builtins.range(builtins.min(n, x.shape[axis])):   # past the length it stays empty
        x = x[pre + (builtins.slice(1, None),)] - x[pre + (builtins.slice(0, -1),)]
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
    dim = _int("trapz", "dim", dim) % builtins.max(y.ndim, 1)
    pre = (builtins.slice(None),) * dim
    mid = (y[pre + (builtins.slice(1, None),)] + y[pre + (builtins.slice(0, -1),)]) * 0.5
    if x is None:
        return mid.sum(dim) * dx
    xs = _t(x)
    d = xs[(builtins.slice(None),) * (dim if xs.ndim == y.ndim else 0) + (builtins.slice(1, None),)] - \
        xs[(builtins.slice(None),) * (dim if xs.ndim == y.ndim else 0) + (builtins.slice(0, -1),)]
    return (mid * d).sum(dim)


def ravel(input):  # noqa: A002
    """``ops.ravel``: flattened to 1-D.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ravel(x))
        [-1.5  0.   2.5]
    """
    return _tensor("ravel", "input", input).reshape(-1)


def row_stack(tensors):
    """``ops.row_stack``: :func:`ops.vstack`.

    Args:
        tensors (Union[tuple[Tensor], list[Tensor]]): The tensors to join.

    Returns:
        Tensor, the inputs joined along axis 0.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(ops.row_stack((x, x)))
        [[1. 2.]
         [1. 2.]]
    """
    from .array_func import vstack
    return vstack(tensors)


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
        Tensor of Int32 (Int64 with `right`... see above), of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0.5, 1.5, 3.0], ms.float32)
        >>> print(ops.bucketize(x, [1.0, 2.0, 3.0]))
        [0 1 2]
    """
    b = Tensor(_np.asarray(boundaries, dtype=_np.float64))
    x = _t(input)
    below = (b <= x.astype(mstype.float64).expand_dims(-1)) if right else \
        (b < x.astype(mstype.float64).expand_dims(-1))
    return below.astype(mstype.int32).sum(-1)


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


def diagflat(input, offset=0):  # noqa: A002
    """``ops.diagflat``: the flattened input on diagonal ``offset`` of a square matrix.

    Args:
        input (Tensor): The input tensor.
        offset (int, optional): The diagonal: 0 the main one, positive above, negative below.
            Default: ``0``.

    Returns:
        Tensor, 2-D.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.diagflat(x))
        [[-1.5  0.   0. ]
         [ 0.   0.   0. ]
         [ 0.   0.   2.5]]
    """
    from ._math_more import diag_embed
    return diag_embed(_tensor("diagflat", "input", input).reshape(-1), offset)


def vander(x, N=None):  # noqa: N803 - MindSpore's argument name
    """``ops.vander``: the Vandermonde matrix ``x[i] ** (N - 1 - j)``.

    Args:
        x (Tensor): The input tensor.
        N (int, optional): The number of columns (rows for ``eye``). Default: ``None``.

    Returns:
        Tensor of shape ``[len(x), N]``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.vander(Tensor([1.0, 2.0, 3.0])))
        [[1. 1. 1.]
         [4. 2. 1.]
         [9. 3. 1.]]
    """
    x = _tensor("vander", "x", x)
    if x.ndim != 1:
        raise ShapeError(f"For 'vander', 'x' must be 1-D, but got shape {list(x.shape)}.")
    n = x.shape[0] if N is None else _int("vander", "N", N)
    if not 0 <= n < 2 ** 31:
        raise ShapeError(f"For 'vander', 'N' must be in [0, 2**31), but got {n}.")
    powers = Tensor(_np.arange(n - 1, -1, -1, dtype=_np.float64).reshape(1, n), x.dtype)
    return x.reshape(-1, 1) ** powers if n else _C.full((x.shape[0], 0), 0, x.dtype)


def copysign(x, other):
    """``ops.copysign``: ``|x|`` with the sign of ``other`` (Float32 for integer input).

    Args:
        x (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, -2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([-1.0, 1.0, -0.0], ms.float32)
        >>> print(ops.copysign(x, y))
        [-1.  2. -3.]
    """
    a = _t(x)
    a = a if a.dtype in _FLOATS else a.astype(mstype.float32)
    o = other if isinstance(other, Tensor) else Tensor(float(other), a.dtype)
    neg = signbit(o)
    return _C.where_(neg, -a.abs(), a.abs())


def signbit(input):  # noqa: A002
    """``ops.signbit``: True where the sign bit is set (negative numbers and ``-0.0``).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor of Bool, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.signbit(x))
        [ True False False]
    """
    x = _t(input)
    if x.dtype not in _FLOATS:
        return x < 0
    # -0.0 has 1/x = -inf.
    return (x < 0) + ((x == 0) * ((1.0 / _C.where_(x == 0, x, Tensor(1.0, x.dtype))) < 0))


def sgn(input):  # noqa: A002
    """``ops.sgn``: -1, 0 or 1 by the sign (for real tensors, :func:`ops.sign`).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.sgn(x))
        [-1.  0.  1.]
    """
    from ..functional import sign
    return sign(input)


def isposinf(input):  # noqa: A002
    """``ops.isposinf``: True at +inf.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor of Bool, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-float('inf'), 0.0, float('inf')], ms.float32)
        >>> print(ops.isposinf(x))
        [False False  True]
    """
    x = _t(input)
    return x == float("inf") if x.dtype in _FLOATS else _C.full(tuple(x.shape), False, mstype.bool_)


def isneginf(input):  # noqa: A002
    """``ops.isneginf``: True at -inf.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor of Bool, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-float('inf'), 0.0, float('inf')], ms.float32)
        >>> print(ops.isneginf(x))
        [ True False False]
    """
    x = _t(input)
    return x == float("-inf") if x.dtype in _FLOATS else _C.full(tuple(x.shape), False, mstype.bool_)


def is_tensor(obj):
    """``ops.is_tensor``: whether ``obj`` is a Tensor.

    Args:
        obj (object): The object.

    Returns:
        bool.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.is_tensor(x))
        True
    """
    return isinstance(obj, Tensor)


def is_floating_point(input):  # noqa: A002
    """``ops.is_floating_point``: whether the dtype is a float type.

    Args:
        input (Tensor): The input tensor.

    Returns:
        bool.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.is_floating_point(x))
        True
    """
    return _tensor("is_floating_point", "input", input).dtype in _FLOATS


def is_complex(input):  # noqa: A002
    """``ops.is_complex``: whether the dtype is complex.

    Args:
        input (Tensor): The input tensor.

    Returns:
        bool.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.is_complex(x))
        False
    """
    return "complex" in str(_tensor("is_complex", "input", input).dtype).lower()


def fmax(input, other):  # noqa: A002
    """``ops.fmax``: the elementwise maximum, ignoring a NaN when the other value is a number.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.fmax(x, y))
        [4. 2. 3.]
    """
    x, y = _t(input), _t(other)
    m = _C.maximum(x, y)
    return _C.where_(x != x, y, _C.where_(y != y, x, m))


def fmin(input, other):  # noqa: A002
    """``ops.fmin``: the elementwise minimum, ignoring a NaN when the other value is a number.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.fmin(x, y))
        [1.  0.5 3. ]
    """
    x, y = _t(input), _t(other)
    m = _C.minimum(x, y)
    return _C.where_(x != x, y, _C.where_(y != y, x, m))


def ldexp(x, other):
    """``ops.ldexp``: ``x · 2**other``.

    Args:
        x (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.ldexp(x, y))
        [16.        2.828427 24.      ]
    """
    a = _t(x)
    a = a if a.dtype in _FLOATS else a.astype(mstype.float32)
    e = other.astype(a.dtype) if isinstance(other, Tensor) else float(other)
    return a * (Tensor(2.0, a.dtype) ** e)


def xdivy(x, y):
    """``ops.xdivy``: ``x / y``, and 0 where ``x`` is 0.

    Args:
        x (Tensor): The input tensor.
        y (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.xdivy(x, y))
        [0.25 4.   1.  ]
    """
    a = _t(x)
    b = y if isinstance(y, Tensor) else Tensor(y, a.dtype)
    zero = a == 0
    return _C.where_(zero, Tensor(0, a.dtype), a / _C.where_(zero, Tensor(1, b.dtype), b))


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
    return _reduce("ReduceSum", "sum", x, axis)


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


def slice(input_x, begin, size):  # noqa: A001 - MindSpore's name
    """``ops.slice``: ``size[i]`` elements from ``begin[i]`` on each axis (``-1``: to the end).

    Args:
        input_x (Tensor): The input tensor.
        begin (tuple[int]): The start on each axis.
        size (tuple[int]): The number of elements on each axis (-1: to the end).

    Returns:
        Tensor of shape `size` (the ``-1`` entries resolved).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.slice(x, (0, 1), (2, 2)))
        [[2. 3.]
         [5. 6.]]
    """
    from .._operations_more import Slice
    return Slice()(input_x, begin, size)


def strided_slice(input_x, begin, end, strides, begin_mask=0, end_mask=0, ellipsis_mask=0,
                  new_axis_mask=0, shrink_axis_mask=0):
    """``ops.strided_slice``: :class:`ops.StridedSlice` as a function.

    Args:
        input_x (Tensor): The input tensor.
        begin (tuple[int]): The start index on each axis.
        end (tuple[int]): The end index (exclusive) on each axis.
        strides (tuple[int]): The step on each axis.
        begin_mask (int, optional): The bit mask begin_mask (bit i for axis i), as MindSpore's.
            Default: ``0``.
        end_mask (int, optional): The bit mask end_mask (bit i for axis i), as MindSpore's. Default:
            ``0``.
        ellipsis_mask (int, optional): The bit mask ellipsis_mask (bit i for axis i), as
            MindSpore's. Default: ``0``.
        new_axis_mask (int, optional): The bit mask new_axis_mask (bit i for axis i), as
            MindSpore's. Default: ``0``.
        shrink_axis_mask (int, optional): The bit mask shrink_axis_mask (bit i for axis i), as
            MindSpore's. Default: ``0``.

    Returns:
        Tensor, the selected elements.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.strided_slice(x, (0, 0), (2, 3), (1, 2)))
        [[1. 3.]
         [4. 6.]]
    """
    from .._operations_more import StridedSlice
    return StridedSlice(begin_mask, end_mask, ellipsis_mask, new_axis_mask, shrink_axis_mask)(
        input_x, begin, end, strides)


def sequence_mask(lengths, maxlen=None):
    """``ops.sequence_mask``: ``[..., maxlen]`` Bool, True at positions below each length
    (``maxlen`` defaults to the largest length, read eagerly).

    Args:
        lengths (Tensor): The integer lengths.
        maxlen (int, optional): The length of the new axis; None: the largest length. Default:
            ``None``.

    Returns:
        Tensor of Bool, of shape ``lengths.shape + [maxlen]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> lengths = ms.Tensor([1, 3], ms.int32)
        >>> print(ops.sequence_mask(lengths, 4))
        [[ True False False False]
         [ True  True  True False]]
    """
    n = _t(lengths)
    if maxlen is None:
        maxlen = int(n.asnumpy().max()) if n.size else 0
    maxlen = _int("SequenceMask", "maxlen", maxlen)
    if not 0 <= maxlen < 2 ** 31:
        raise ShapeError(f"For 'SequenceMask', 'maxlen' must be in [0, 2**31), but got {maxlen}.")
    return Tensor(_np.arange(maxlen, dtype=_np.int64)) < n.astype(mstype.int64).expand_dims(-1)


def _axis_mask(x, axis, index):
    """A Bool tensor broadcast along ``axis``: True at the positions ``index`` of that axis."""
    n = x.shape[axis]
    idx = _t(index).reshape(-1, 1).astype(mstype.int64)
    idx = _C.where_(idx < 0, idx + n, idx)
    hit = (idx == Tensor(_np.arange(n, dtype=_np.int64).reshape(1, n))).any(0)
    shape = [1] * x.ndim
    shape[axis] = n
    return hit.reshape(shape)


def index_fill(x, axis, index, value):
    """``ops.index_fill``: ``x`` with the slices ``index`` along ``axis`` set to ``value``.

    Args:
        x (Tensor): The input tensor.
        axis (int, optional): The axis.
        index (Tensor): The 1-D indices along `axis`.
        value (Union[Tensor, number]): The value written.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.index_fill(Tensor([[1, 2, 3]]), 1, Tensor([0, 2]), 0))
        [[0 2 0]]
    """
    x = _tensor("IndexFill", "x", x)
    axis = _int("IndexFill", "axis", axis) % builtins.max(x.ndim, 1)
    v = value.astype(x.dtype) if isinstance(value, Tensor) else Tensor(value, x.dtype)
    return _C.where_(_axis_mask(x, axis, index), v, x)


def slice_scatter(input, src, axis=0, start=None, end=None, step=1):  # noqa: A002
    """``ops.slice_scatter``: ``input`` with ``input[start:end:step]`` along ``axis`` replaced by
    ``src`` (differentiable in both).

    Args:
        input (Tensor): The input tensor.
        src (Tensor): The values to write.
        axis (int, optional): The axis. Default: ``0``.
        start (int, optional): The first index of the slice along `axis` (None: 0). Default:
            ``None``.
        end (int, optional): The end of the slice, exclusive (None: the length of `axis`). Default:
            ``None``.
        step (int, optional): The step of the slice. Default: ``1``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.zeros((2, 3), ms.float32)
        >>> src = ops.ones((2, 1), ms.float32)
        >>> print(ops.slice_scatter(x, src, axis=1, start=1, end=2))
        [[0. 1. 0.]
         [0. 1. 0.]]
    """
    x, s = _tensor("SliceScatter", "input", input), _tensor("SliceScatter", "src", src)
    axis = _int("SliceScatter", "axis", axis) % builtins.max(x.ndim, 1)
    pos = _np.arange(x.shape[axis])[start:end:step]
    want = list(x.shape)
    want[axis] = len(pos)
    if tuple(s.shape) != tuple(want):
        raise ShapeError(f"For 'SliceScatter', 'src' must have shape {want}, but got {list(s.shape)}.")
    # Spread src over the axis with a 0/1 matrix, then choose it where the slice is.
    spread = _np.zeros((len(pos), x.shape[axis]))
    spread[_np.arange(len(pos)), pos] = 1
    moved = s.astype(x.dtype).swapaxes(axis, -1) if x.ndim > 1 else s.astype(x.dtype)
    if x.dtype in _FLOATS:
        full = _C.matmul(moved, Tensor(spread, x.dtype))
    else:
        full = (moved.expand_dims(-1) * Tensor(spread, x.dtype)).sum(-2)
    full = full.swapaxes(axis, -1) if x.ndim > 1 else full
    return _C.where_(_axis_mask(x, axis, Tensor(pos.astype(_np.int64))), full, x)


def select_scatter(input, src, axis, index):  # noqa: A002
    """``ops.select_scatter``: ``input`` with the slice ``index`` along ``axis`` replaced by ``src``.

    Args:
        input (Tensor): The input tensor.
        src (Tensor): The values to write.
        axis (int, optional): The axis.
        index (Tensor): The indices (Int32 or Int64).

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.zeros((2, 2), ms.float32)
        >>> src = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(ops.select_scatter(x, src, 0, 1))
        [[0. 0.]
         [1. 2.]]
    """
    x = _tensor("SelectScatter", "input", input)
    axis = _int("SelectScatter", "axis", axis) % builtins.max(x.ndim, 1)
    index = _int("SelectScatter", "index", index) % builtins.max(x.shape[axis], 1)
    return slice_scatter(x, _tensor("SelectScatter", "src", src).expand_dims(axis), axis, index, index + 1)


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


def reverse(x, axis):
    """``ops.reverse``: :func:`ops.flip` along ``axis``.

    Args:
        x (Tensor): The input tensor.
        axis (int, optional): The axis.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.reverse(x, [1]))
        [[3. 2. 1.]
         [6. 5. 4.]]
    """
    from .array_func import flip
    return flip(x, axis)


def matrix_band_part(x, lower, upper):
    """``ops.matrix_band_part``: zeros outside the band of ``lower`` diagonals below and
    ``upper`` above the main one (negative: the whole triangle).

    Args:
        x (Tensor): The input, ``[..., m, n]``.
        lower (int): The number of diagonals kept below the main one (-1: all).
        upper (int): The number of diagonals kept above the main one (-1: all).

    Returns:
        Tensor, of the shape and dtype of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.ones((3, 3), ms.float32)
        >>> print(ops.matrix_band_part(x, 0, 1))
        [[1. 1. 0.]
         [0. 1. 1.]
         [0. 0. 1.]]
    """
    x = _tensor("MatrixBandPart", "x", x)
    if x.ndim < 2:
        raise ShapeError(f"For 'MatrixBandPart', 'x' must be at least 2-D, but got {list(x.shape)}.")
    r, c = x.shape[-2:]
    i, j = _np.arange(r).reshape(r, 1), _np.arange(c).reshape(1, c)
    lo, up = (_int("MatrixBandPart", n, int(v) if isinstance(v, Tensor) else v)
              for n, v in (("lower", lower), ("upper", upper)))
    keep = ((lo < 0) | (i - j <= lo)) & ((up < 0) | (j - i <= up))
    return _C.where_(Tensor(keep), x, Tensor(0, x.dtype))


def addbmm(input, batch1, batch2, *, beta=1, alpha=1):  # noqa: A002
    """``ops.addbmm``: ``beta·input + alpha·Σ_b batch1[b] @ batch2[b]``.

    Args:
        input (Tensor): The input tensor.
        batch1 (Tensor): The left batch of matrices.
        batch2 (Tensor): The right batch of matrices.
        beta (number, optional): The multiplier of `input`. Default: ``1``.
        alpha (number, optional): The multiplier of the product term. Default: ``1``.

    Returns:
        Tensor, of the broadcast shape of `input` and the summed product.

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
    b1, b2 = _tensor("Addbmm", "batch1", batch1), _tensor("Addbmm", "batch2", batch2)
    if b1.ndim != 3 or b2.ndim != 3:
        raise ShapeError(f"For 'Addbmm', the batches must be 3-D, but got {list(b1.shape)} and {list(b2.shape)}.")
    return _t(input) * beta + _C.matmul(b1, b2).sum(0) * alpha

"""``mindspore.ops`` everyday shape functions (re-exported by ``_basic_func``):
``broadcast_to``, ``expand``/``expand_as``, ``unbind``/``unstack``, ``t``, ``ravel``,
``row_stack``, ``diagflat``, ``vander``, ``slice``/``strided_slice``, ``sequence_mask``,
``reverse``, ``matrix_band_part`` and the scatter spellings ``index_fill``, ``slice_scatter``,
``select_scatter``. Compositions of engine ops."""
import builtins

import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import ShapeError
from ...common import dtype as mstype
from ._args import as_tensor as _t, axis_arg as _axis_arg, int_arg as _int, tensor_arg as _tensor
from ._basic_reduce import _FLOATS


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
    axis = _axis_arg("IndexFill", "axis", axis, builtins.max(x.ndim, 1))
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
    axis = _axis_arg("SliceScatter", "axis", axis, builtins.max(x.ndim, 1))
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
        full = (moved.expand_dims(-1) * Tensor(spread, x.dtype)).sum(-2).astype(x.dtype)
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

"""``mindspore.ops`` splits and stacks (re-exported by ``_array_more``): ``tensor_split``,
``chunk``, ``hsplit``/``vsplit``/``dsplit``, ``atleast_1d``/``2d``/``3d``, ``hstack``/``vstack``/
``dstack``, ``column_stack``. Compositions of engine ops."""
import builtins

import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ._args import as_tensor as _t, int_arg as _int, tensor_arg as _tensor
from ._array_axes import _axis


def _sections(op, n, indices_or_sections):
    """Split points of an axis of length ``n``: ``k`` sections as ``numpy.array_split`` makes them,
    or the listed indices."""
    if isinstance(indices_or_sections, (int, _np.integer)) and not isinstance(indices_or_sections, bool):
        k = int(indices_or_sections)
        if not 0 < k < 2 ** 31:
            raise ShapeError(f"For '{op}', the number of sections must be in [1, 2**31), but got {k}.")
        q, r = divmod(n, k)
        sizes = [q + 1] * r + [q] * (k - r)
        return list(_np.cumsum(sizes)[:-1])
    if isinstance(indices_or_sections, Tensor):
        indices_or_sections = indices_or_sections.asnumpy().tolist()
    return [int(i) for i in indices_or_sections]


def _split_at(x, points, axis):
    n = x.shape[axis]
    pre = (slice(None),) * axis
    bounds = [builtins.min(builtins.max(p if p >= 0 else p + n, 0), n) for p in points]
    out, start = [], 0
    for b in bounds + [n]:
        end = builtins.max(b, start)
        out.append(x[pre + (slice(start, end),)])
        start = end
    return tuple(out)


def tensor_split(input, indices_or_sections, axis=0):  # noqa: A002
    """``ops.tensor_split``: ``numpy.array_split``: ``k`` nearly equal parts (the first ones one
    longer), or parts cut at the listed indices.

    Args:
        input (Tensor): The input tensor.
        indices_or_sections (Union[int, tuple[int], list[int]]): A number of near-equal parts, or
            the indices at which to split.
        axis (int, optional): The axis. Default: ``0``.

    Returns:
        tuple(Tensor), the parts in order.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> for t in ops.tensor_split(Tensor([1, 2, 3, 4, 5]), 2):
        ...     print(t)
        [1 2 3]
        [4 5]
    """
    x = _tensor("TensorSplit", "input", input)
    axis = _axis("TensorSplit", axis, x.ndim)
    return _split_at(x, _sections("TensorSplit", x.shape[axis], indices_or_sections), axis)


def chunk(input, chunks, axis=0):  # noqa: A002
    """``ops.chunk``: at most ``chunks`` parts of ``ceil(n / chunks)`` elements along ``axis``
    (the last may be shorter).

    Args:
        input (Tensor): The input tensor.
        chunks (int): The number of parts.
        axis (int, optional): The axis. Default: ``0``.

    Returns:
        tuple(Tensor), the parts in order.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> for t in ops.chunk(Tensor([1, 2, 3, 4, 5]), 2):
        ...     print(t)
        [1 2 3]
        [4 5]
    """
    x = _tensor("Chunk", "input", input)
    chunks = _int("Chunk", "chunks", chunks)
    if chunks <= 0:
        raise ShapeError(f"For 'Chunk', 'chunks' must be positive, but got {chunks}.")
    axis = _axis("Chunk", axis, x.ndim)
    n = x.shape[axis]
    size = -(-n // chunks) if n else 0
    if size == 0:
        return (x,)
    return _split_at(x, list(builtins.range(size, n, size)), axis)


def hsplit(input, indices_or_sections):  # noqa: A002
    """``ops.hsplit``: :func:`tensor_split` along axis 1 (axis 0 for 1-D).

    Args:
        input (Tensor): The input tensor.
        indices_or_sections (Union[int, tuple[int], list[int]]): A number of near-equal parts, or
            the indices at which to split.

    Returns:
        tuple(Tensor), the parts in order.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> for t in ops.hsplit(Tensor([[1, 2], [3, 4]]), 2):
        ...     print(t)
        [[1]
         [3]]
        [[2]
         [4]]
    """
    x = _tensor("hsplit", "input", input)
    return tensor_split(x, indices_or_sections, 1 if x.ndim > 1 else 0)


def vsplit(input, indices_or_sections):  # noqa: A002
    """``ops.vsplit``: :func:`tensor_split` along axis 0 (2-D or more).

    Args:
        input (Tensor): The input tensor.
        indices_or_sections (Union[int, tuple[int], list[int]]): A number of near-equal parts, or
            the indices at which to split.

    Returns:
        tuple(Tensor), the parts in order.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> for t in ops.vsplit(Tensor([[1, 2], [3, 4]]), 2):
        ...     print(t)
        [[1 2]]
        [[3 4]]
    """
    x = _tensor("vsplit", "input", input)
    if x.ndim < 2:
        raise ShapeError(f"For 'vsplit', 'input' must be at least 2-D, but got shape {list(x.shape)}.")
    return tensor_split(x, indices_or_sections, 0)


def dsplit(input, indices_or_sections):  # noqa: A002
    """``ops.dsplit``: :func:`tensor_split` along axis 2 (3-D or more).

    Args:
        input (Tensor): The input tensor.
        indices_or_sections (Union[int, tuple[int], list[int]]): A number of near-equal parts, or
            the indices at which to split.

    Returns:
        tuple(Tensor), the parts in order.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.ones((1, 1, 4), ms.float32)
        >>> a, b = ops.dsplit(x, 2)
        >>> print(a.shape, b.shape)
        (1, 1, 2) (1, 1, 2)
    """
    x = _tensor("dsplit", "input", input)
    if x.ndim < 3:
        raise ShapeError(f"For 'dsplit', 'input' must be at least 3-D, but got shape {list(x.shape)}.")
    return tensor_split(x, indices_or_sections, 2)


def _list(op, tensors):
    if not isinstance(tensors, (list, tuple)) or not tensors:
        raise DTypeError(f"For '{op}', 'tensors' must be a non-empty tuple or list of Tensors, but got "
                         f"{type(tensors).__name__}.")
    return [_t(x) for x in tensors]


def _atleast(x, n):
    x = _t(x)
    if x.ndim >= n:
        return x
    if n == 3 and x.ndim == 2:
        return x.reshape(tuple(x.shape) + (1,))
    if n == 3 and x.ndim == 1:
        return x.reshape(1, x.shape[0], 1)
    return x.reshape((1,) * (n - x.ndim) + tuple(x.shape))


def _atleast_all(inputs, n):
    if isinstance(inputs, (list, tuple)):
        return tuple(_atleast(x, n) for x in inputs)
    return _atleast(inputs, n)


def atleast_1d(inputs):
    """``ops.atleast_1d``: a 0-D tensor as shape ``[1]`` (a tuple of tensors: each).

    Args:
        inputs (Union[Tensor, tuple[Tensor], list[Tensor]]): The inputs.

    Returns:
        Tensor, or a tuple of Tensors for a tuple input.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.atleast_1d(Tensor(1.0)).shape)
        (1,)
    """
    return _atleast_all(inputs, 1)


def atleast_2d(inputs):
    """``ops.atleast_2d``: leading axes added up to rank 2.

    Args:
        inputs (Union[Tensor, tuple[Tensor], list[Tensor]]): The inputs.

    Returns:
        Tensor, or a tuple of Tensors for a tuple input.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.atleast_2d(Tensor([1, 2])).shape)
        (1, 2)
    """
    return _atleast_all(inputs, 2)


def atleast_3d(inputs):
    """``ops.atleast_3d``: NumPy's rule: ``[n]`` → ``[1, n, 1]``, ``[m, n]`` → ``[m, n, 1]``.

    Args:
        inputs (Union[Tensor, tuple[Tensor], list[Tensor]]): The inputs.

    Returns:
        Tensor, or a tuple of Tensors for a tuple input.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.atleast_3d(Tensor([1, 2])).shape)
        (1, 2, 1)
    """
    return _atleast_all(inputs, 3)


def hstack(tensors):
    """``ops.hstack``: concatenation along axis 1 (axis 0 for 1-D tensors).

    Args:
        tensors (Union[tuple[Tensor], list[Tensor]]): The tensors to join.

    Returns:
        Tensor, the inputs joined along axis 1 (axis 0 for 1-D inputs).

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.hstack([Tensor([1, 2]), Tensor([3])]))
        [1 2 3]
    """
    xs = [_atleast(x, 1) for x in _list("hstack", tensors)]
    return _C.concat(xs, 0 if xs[0].ndim == 1 else 1)


def vstack(inputs):
    """``ops.vstack``: concatenation along axis 0, 1-D tensors as rows.

    Args:
        inputs (Union[Tensor, tuple[Tensor], list[Tensor]]): The inputs.

    Returns:
        Tensor, the inputs joined along axis 0.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.vstack([Tensor([1, 2]), Tensor([3, 4])]))
        [[1 2]
         [3 4]]
    """
    return _C.concat([_atleast(x, 2) for x in _list("vstack", inputs)], 0)


def dstack(tensors):
    """``ops.dstack``: concatenation along axis 2, each tensor made at least 3-D.

    Args:
        tensors (Union[tuple[Tensor], list[Tensor]]): The tensors to join.

    Returns:
        Tensor, the inputs joined along axis 2.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.dstack([Tensor([1, 2]), Tensor([3, 4])]).shape)
        (1, 2, 2)
    """
    return _C.concat([_atleast(x, 3) for x in _list("dstack", tensors)], 2)


def column_stack(tensors):
    """``ops.column_stack``: 1-D tensors as columns, concatenated along axis 1.

    Args:
        tensors (Union[tuple[Tensor], list[Tensor]]): The tensors to join.

    Returns:
        Tensor, 2-D.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.column_stack([Tensor([1, 2]), Tensor([3, 4])]))
        [[1 3]
         [2 4]]
    """
    xs = [_t(x) for x in _list("column_stack", tensors)]
    return _C.concat([x.reshape(-1, 1) if x.ndim < 2 else x for x in xs], 1)

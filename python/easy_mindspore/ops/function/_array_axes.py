"""``mindspore.ops`` comparisons, flips and axis moves (re-exported by ``_array_more``):
``equal``/``less``/... with their short names, ``roll``, ``flip``/``flipud``/``fliplr``,
``rot90``, ``movedim``/``swapaxes``, and the small queries ``full_like``, ``range``, ``numel``,
``rank``, ``argwhere``. Compositions of engine ops."""
import builtins

import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from ._args import as_tensor as _t, int_arg as _int, tensor_arg as _tensor


_FLOATS = mstype.float_type


def equal(input, other):  # noqa: A002 - MindSpore's argument name
    """``ops.equal``: ``input == other`` elementwise (Bool, broadcast).

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.equal(Tensor([1, 2]), 2))
        [False  True]
    """
    return _t(input) == other


def not_equal(input, other):  # noqa: A002
    """``ops.not_equal``: ``input != other`` elementwise.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.not_equal(Tensor([1, 2]), 2))
        [ True False]
    """
    return _t(input) != other


def greater(input, other):  # noqa: A002
    """``ops.greater``: ``input > other`` elementwise.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.greater(Tensor([1, 2]), 1))
        [False  True]
    """
    return _t(input) > other


def greater_equal(input, other):  # noqa: A002
    """``ops.greater_equal``: ``input >= other`` elementwise.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.greater_equal(Tensor([1, 2]), 2))
        [False  True]
    """
    return _t(input) >= other


def less(input, other):  # noqa: A002
    """``ops.less``: ``input < other`` elementwise.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.less(Tensor([1, 2]), 2))
        [ True False]
    """
    return _t(input) < other


def less_equal(input, other):  # noqa: A002
    """``ops.less_equal``: ``input <= other`` elementwise.

    Args:
        input (Tensor): The input tensor.
        other (Union[Tensor, number]): The second operand, broadcast with the first.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.less_equal(Tensor([1, 2]), 1))
        [ True False]
    """
    return _t(input) <= other


eq, ne, gt, ge, lt, le = equal, not_equal, greater, greater_equal, less, less_equal


def _axis(op, axis, nd, name="axis"):
    axis = _int(op, name, axis)
    if not -nd <= axis < nd:
        raise ShapeError(f"For '{op}', '{name}' must be in [{-nd}, {nd}), but got {axis}.")
    return axis % nd


def _axes_list(v):
    return [v] if isinstance(v, (int, _np.integer)) else list(v)


def roll(input, shifts, dims=None):  # noqa: A002
    """``ops.roll``: elements shifted by ``shifts`` along ``dims`` (wrapping around); without
    ``dims`` the flattened tensor is rolled and reshaped back.

    Args:
        input (Tensor): The input tensor.
        shifts (Union[int, tuple[int]]): The number of places to shift by.
        dims (Union[int, tuple[int], list[int]], optional): The axes. Default: ``None``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.roll(Tensor([1, 2, 3]), 1))
        [3 1 2]
    """
    x = _t(input)
    if dims is None:
        if not isinstance(shifts, (int, _np.integer)):
            shifts = _axes_list(shifts)
            if len(shifts) != 1:
                raise ShapeError(f"For 'Roll', give one shift without 'dims', but got {shifts}.")
            shifts = shifts[0]
        return roll(x.reshape(-1), int(shifts), 0).reshape(tuple(x.shape))
    shifts, dims = _axes_list(shifts), _axes_list(dims)
    if len(shifts) != len(dims):
        raise ShapeError(f"For 'Roll', 'shifts' and 'dims' must have the same length, but got "
                         f"{shifts} and {dims}.")
    for s, d in zip(shifts, dims):
        d = _axis("Roll", d, x.ndim, "dims")
        n = x.shape[d]
        if n == 0:
            continue
        s = int(s) % n
        if s:
            pre = (slice(None),) * d
            x = _C.concat([x[pre + (slice(n - s, n),)], x[pre + (slice(0, n - s),)]], d)
    return x


def flip(input, dims):  # noqa: A002
    """``ops.flip``: the order of the elements reversed along each axis of ``dims``.

    Args:
        input (Tensor): The input tensor.
        dims (Union[int, tuple[int], list[int]]): The axes.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.flip(Tensor([[1, 2], [3, 4]]), (1,)))
        [[2 1]
         [4 3]]
    """
    x = _t(input)
    idx = [slice(None)] * x.ndim
    for d in _axes_list(dims):
        idx[_axis("ReverseV2", d, x.ndim, "dims")] = slice(None, None, -1)
    return x[tuple(idx)]


def flipud(input):  # noqa: A002
    """``ops.flipud``: :func:`flip` along axis 0.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.flipud(Tensor([[1, 2], [3, 4]])))
        [[3 4]
         [1 2]]
    """
    return flip(input, (0,))


def fliplr(input):  # noqa: A002
    """``ops.fliplr``: :func:`flip` along axis 1.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.fliplr(Tensor([[1, 2], [3, 4]])))
        [[2 1]
         [4 3]]
    """
    return flip(input, (1,))


def rot90(input, k, dims):  # noqa: A002
    """``ops.rot90``: rotated by ``k`` quarter turns in the plane ``dims``, from the first axis
    towards the second.

    Args:
        input (Tensor): The input tensor.
        k (int): The number of quarter turns.
        dims (Union[int, tuple[int], list[int]]): The axes.

    Returns:
        Tensor, rotated.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.rot90(Tensor([[1, 2], [3, 4]]), 1, (0, 1)))
        [[2 4]
         [1 3]]
    """
    x = _t(input)
    dims = _axes_list(dims)
    if len(dims) != 2:
        raise ShapeError(f"For 'rot90', 'dims' must name two axes, but got {dims}.")
    d0, d1 = _axis("rot90", dims[0], x.ndim, "dims"), _axis("rot90", dims[1], x.ndim, "dims")
    if d0 == d1:
        raise ShapeError(f"For 'rot90', the two 'dims' must differ, but got {dims}.")
    k = _int("rot90", "k", k) % 4
    if k == 0:
        return x
    if k == 2:
        return flip(x, (d0, d1))
    perm = list(builtins.range(x.ndim))
    perm[d0], perm[d1] = perm[d1], perm[d0]
    if k == 1:
        return flip(x, (d1,)).permute(*perm)
    return flip(x.permute(*perm), (d1,))


def movedim(x, source, destination):
    """``ops.movedim``: the axes ``source`` moved to the positions ``destination``, the others
    keeping their order.

    Args:
        x (Tensor): The input tensor.
        source (Union[int, tuple[int]]): The original positions of the axes to move.
        destination (Union[int, tuple[int]]): Their new positions.

    Returns:
        Tensor, with the axes moved.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.movedim(ops.zeros((2, 3, 4)), 0, -1).shape)
        (3, 4, 2)
    """
    x = _t(x)
    src, dst = _axes_list(source), _axes_list(destination)
    if len(src) != len(dst):
        raise ShapeError(f"For 'movedim', 'source' and 'destination' must have the same length, "
                         f"but got {src} and {dst}.")
    src = [_axis("movedim", s, x.ndim, "source") for s in src]
    dst = [_axis("movedim", d, x.ndim, "destination") for d in dst]
    if len(set(src)) != len(src) or len(set(dst)) != len(dst):
        raise ShapeError(f"For 'movedim', repeated axes in {source} or {destination}.")
    perm = [i for i in builtins.range(x.ndim) if i not in src]
    for d, s in sorted(zip(dst, src)):
        perm.insert(d, s)
    return x.permute(*perm) if x.ndim else x


moveaxis = movedim


def swapaxes(input, axis0, axis1):  # noqa: A002
    """``ops.swapaxes``: axes ``axis0`` and ``axis1`` exchanged.

    Args:
        input (Tensor): The input tensor.
        axis0 (int): The first axis.
        axis1 (int): The second axis.

    Returns:
        Tensor, with the two axes exchanged.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.swapaxes(ops.zeros((2, 3, 4)), 0, 2).shape)
        (4, 3, 2)
    """
    x = _t(input)
    a, b = _axis("swapaxes", axis0, x.ndim, "axis0"), _axis("swapaxes", axis1, x.ndim, "axis1")
    perm = list(builtins.range(x.ndim))
    perm[a], perm[b] = perm[b], perm[a]
    return x.permute(*perm)


swapdims = swapaxes


def full_like(input, fill_value, *, dtype=None):  # noqa: A002
    """``ops.full_like``: a tensor of ``input``'s shape filled with ``fill_value`` (its dtype unless
    ``dtype`` is given).

    Args:
        input (Tensor): The input tensor.
        fill_value (number): The value every element takes.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.full_like(Tensor([1, 2]), 7))
        [7 7]
    """
    x = _t(input)
    return _C.full(tuple(x.shape), fill_value, (x.dtype if dtype is None else dtype))


def range(start, end, step, maxlen=1000000):  # noqa: A001 - MindSpore's name
    """``ops.range``: ``start, start + step, ...`` below ``end`` (above, for a negative step);
    Int64 for integer arguments (0-D Tensors or numbers), else Float32.

    Args:
        start (Union[Tensor, number]): The first value.
        end (Union[Tensor, number]): The bound (exclusive).
        step (Union[Tensor, number]): The spacing.
        maxlen (int, optional): The largest number of elements allowed. Default: ``1000000``.

    Returns:
        Tensor, 1-D.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.range(0, 7, 3))
        [0 3 6]
    """
    vals = [v.asnumpy().item() if isinstance(v, Tensor) else v for v in (start, end, step)]
    for name, v in zip(("start", "end", "step"), vals):
        if isinstance(v, bool) or not isinstance(v, (int, float, _np.number)):
            raise DTypeError(f"For 'Range', '{name}' must be a number or a 0-D Tensor, but got {v!r}.")
    s0, e0, st = vals
    if not _np.isfinite([s0, e0, st]).all():
        raise ShapeError(f"For 'Range', 'start', 'end' and 'step' must be finite, but got {vals}.")
    if st == 0:
        raise ShapeError("For 'Range', 'step' must not be 0.")
    if (st > 0 and s0 > e0) or (st < 0 and s0 < e0):
        raise ShapeError(f"For 'Range', 'step' {st} cannot go from {s0} to {e0}.")
    n = int(_np.ceil((e0 - s0) / st))
    if n > maxlen:
        raise ShapeError(f"For 'Range', the output length {n} exceeds 'maxlen' {maxlen}.")
    ints = builtins.all(isinstance(v, (int, _np.integer)) for v in vals)
    # MindSpore 2.10: integer arguments (numbers or tensors of any int dtype) give Int64, float
    # ones Float32 (Float64 tensors too).
    dtype = mstype.int64 if ints else mstype.float32
    return _C.arange(s0, e0, st, dtype)


def numel(input):  # noqa: A002
    """``ops.numel``: the number of elements (an int).

    Args:
        input (Tensor): The input tensor.

    Returns:
        int, the number of elements.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.numel(ops.zeros((2, 3))))
        6
    """
    return _tensor("numel", "input", input).size


def rank(input_x):
    """``ops.rank``: the number of axes (an int).

    Args:
        input_x (Tensor): The input tensor.

    Returns:
        int, the number of axes.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.rank(ops.zeros((2, 3))))
        2
    """
    return _tensor("Rank", "input_x", input_x).ndim


def argwhere(input):  # noqa: A002
    """``ops.argwhere``: the ``[N, ndim]`` Int64 coordinates of the nonzero elements (eager).

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor of Int64 of shape ``[N, input.ndim]``, one row per nonzero element.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.argwhere(Tensor([[0, 1], [2, 0]])))
        [[0 1]
         [1 0]]
    """
    x = _tensor("Argwhere", "input", input)
    coords = _np.argwhere(x.asnumpy().reshape(x.shape))
    return Tensor(coords.astype(_np.int64).reshape(-1, x.ndim))

"""``mindspore.numpy`` joining, splitting, flipping and moving axes (MindSpore 2.10's ``array_ops``).

Every function is a composition of concat, split, flip, roll, transpose and broadcast, so it is
differentiable. Return kinds follow MindSpore 2.10: ``atleast_*`` give one tensor for one input
and a list for several; ``array_split``/``hsplit``/``vsplit``/``dsplit`` give a tuple for a number
of sections and a list for indices; ``broadcast_arrays`` gives a list.
"""
import numpy as _np

from .. import ops as _ops
from ..ops.function._args import axis_arg as _axis_arg
from . import _t, concatenate, ravel, split, transpose

__all__ = [
    "atleast_1d",
    "atleast_2d",
    "atleast_3d",
    "column_stack",
    "hstack",
    "vstack",
    "dstack",
    "hsplit",
    "vsplit",
    "dsplit",
    "array_split",
    "append",
    "flip",
    "fliplr",
    "flipud",
    "moveaxis",
    "rollaxis",
    "roll",
    "rot90",
    "broadcast_to",
    "broadcast_arrays",
]


def atleast_1d(*arys):
    """The inputs viewed with at least one axis.

    Args:
        *arys (Tensor): One or more tensors.

    Returns:
        Tensor for one input, or a list of Tensors.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> v = ms.Tensor([1, 2, 3], ms.int32)
        >>> print(mnp.atleast_1d(v).shape)
        (3,)
    """
    out = [_atleast(_t(a), 1) for a in arys]
    return out[0] if len(out) == 1 else out


def atleast_2d(*arys):
    """The inputs viewed with at least two axes (new axes in front).

    Args:
        *arys (Tensor): One or more tensors.

    Returns:
        Tensor for one input, or a list of Tensors.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> v = ms.Tensor([1, 2, 3], ms.int32)
        >>> print(mnp.atleast_2d(v).shape)
        (1, 3)
    """
    out = [_atleast(_t(a), 2) for a in arys]
    return out[0] if len(out) == 1 else out


def atleast_3d(*arys):
    """The inputs viewed with at least three axes (a 1-D ``(N,)`` becomes ``(1, N, 1)``, 2-D ``(M, N)`` ``(M, N, 1)``).

    Args:
        *arys (Tensor): One or more tensors.

    Returns:
        Tensor for one input, or a list of Tensors.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> v = ms.Tensor([1, 2, 3], ms.int32)
        >>> print(mnp.atleast_3d(v).shape)
        (1, 3, 1)
    """
    out = [_atleast(_t(a), 3) for a in arys]
    return out[0] if len(out) == 1 else out


def column_stack(tup):
    """1-D tensors as columns of a 2-D tensor (2-D tensors are joined as they are).

    Args:
        tup (Union[list[Tensor], tuple[Tensor]]): The tensors.

    Returns:
        Tensor, 2-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> v = ms.Tensor([1, 2, 3], ms.int32)
        >>> print(mnp.column_stack((v, v)))
        [[1 1]
         [2 2]
         [3 3]]
    """
    ts = [_t(a) for a in tup]
    return concatenate([a.reshape(-1, 1) if a.ndim < 2 else a for a in ts], 1)


def hstack(tup):
    """Tensors joined horizontally (along axis 1; axis 0 for 1-D tensors).

    Args:
        tup (Union[list[Tensor], tuple[Tensor]]): The tensors.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> v = ms.Tensor([1, 2, 3], ms.int32)
        >>> print(mnp.hstack((v, v)))
        [1 2 3 1 2 3]
    """
    ts = [_atleast(_t(a), 1) for a in tup]
    return concatenate(ts, 0 if ts and ts[0].ndim == 1 else 1)


def vstack(tup):
    """Tensors joined vertically (along axis 0, 1-D tensors as rows).

    Args:
        tup (Union[list[Tensor], tuple[Tensor]]): The tensors.

    Returns:
        Tensor, at least 2-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> v = ms.Tensor([1, 2, 3], ms.int32)
        >>> print(mnp.vstack((v, v)))
        [[1 2 3]
         [1 2 3]]
    """
    return concatenate([_atleast(_t(a), 2) for a in tup], 0)


def dstack(tup):
    """Tensors joined along the third axis (depth).

    Args:
        tup (Union[list[Tensor], tuple[Tensor]]): The tensors.

    Returns:
        Tensor, at least 3-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> v = ms.Tensor([1, 2, 3], ms.int32)
        >>> print(mnp.dstack((v, v)))
        [[[1 1]
          [2 2]
          [3 3]]]
    """
    return concatenate([_atleast(_t(a), 3) for a in tup], 2)


def hsplit(x, indices_or_sections):
    """``x`` split horizontally (along axis 1; axis 0 for 1-D) into equal parts or at indices.

    Args:
        x (Tensor): The input tensor.
        indices_or_sections (Union[int, tuple[int], list[int]]): A number of equal parts, or the indices at which to split.

    Returns:
        tuple(Tensor) or list(Tensor), the parts.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2], [3, 4]], ms.int32)
        >>> a, b = mnp.hsplit(x, 2)
        >>> print(a)
        [[1]
         [3]]
        >>> print(b)
        [[2]
         [4]]
    """
    x = _t(x)
    return split(x, indices_or_sections, 0 if x.ndim == 1 else 1)


def vsplit(x, indices_or_sections):
    """``x`` split vertically (along axis 0) into equal parts or at indices.

    Args:
        x (Tensor): The input tensor.
        indices_or_sections (Union[int, tuple[int], list[int]]): A number of equal parts, or the indices at which to split.

    Returns:
        tuple(Tensor) or list(Tensor), the parts.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2], [3, 4]], ms.int32)
        >>> a, b = mnp.vsplit(x, 2)
        >>> print(a)
        [[1 2]]
        >>> print(b)
        [[3 4]]
    """
    x = _t(x)
    if x.ndim < 1:
        raise ValueError(f"For 'mindspore.numpy.vsplit', the input must have at least 1 "
                         f"dimension, but got {x.ndim}.")
    return split(x, indices_or_sections, 0)


def dsplit(x, indices_or_sections):
    """``x`` split along the third axis (depth) into equal parts or at indices.

    Args:
        x (Tensor): The input tensor.
        indices_or_sections (Union[int, tuple[int], list[int]]): A number of equal parts, or the indices at which to split.

    Returns:
        tuple(Tensor) or list(Tensor), the parts.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[[1, 2]], [[3, 4]]], ms.int32)
        >>> a, b = mnp.dsplit(x, 2)
        >>> print(a)
        [[[1]]
        <BLANKLINE>
         [[3]]]
        >>> print(b)
        [[[2]]
        <BLANKLINE>
         [[4]]]
    """
    x = _t(x)
    if x.ndim < 3:
        raise ValueError(f"For 'mindspore.numpy.dsplit', the input must have at least 3 "
                         f"dimensions, but got {x.ndim}.")
    return split(x, indices_or_sections, 2)


# More sections than the axis has elements give empty parts (NumPy's result; MindSpore raises a
# ValueError); a count past this one (2**62) would build a tuple that cannot fit in memory.
_MAX_EMPTY_SECTIONS = 1 << 16


def array_split(x, indices_or_sections, axis=0):
    """``x`` split into parts of near-equal sizes (the first ones longer) or at indices.

    Args:
        x (Tensor): The input tensor.
        indices_or_sections (Union[int, tuple[int], list[int]]): A number of parts, or the indices at which to split.
        axis (int, optional): The axis. Default: ``0``.

    Returns:
        tuple(Tensor) for a number of parts, list(Tensor) for indices.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1, 2, 3, 4, 5], ms.int32)
        >>> a, b = mnp.array_split(x, 2)
        >>> print(a)
        [1 2 3]
        >>> print(b)
        [4 5]
    """
    x = _t(x)
    if not isinstance(indices_or_sections, int):
        return split(x, indices_or_sections, axis)
    if indices_or_sections <= 0:
        raise ValueError(f"For 'mindspore.numpy.array_split', the number of sections must be "
                         f"positive, but got {indices_or_sections}.")
    n = x.shape[axis]
    if indices_or_sections > max(n, _MAX_EMPTY_SECTIONS):
        raise ValueError(f"For 'mindspore.numpy.array_split', {indices_or_sections} sections of an axis of "
                         f"length {n}: at most {max(n, _MAX_EMPTY_SECTIONS)} (the parts past the length "
                         f"are empty tensors, each one an object in the result).")
    size, extra = divmod(n, indices_or_sections)
    bounds, at = [], 0
    for i in range(indices_or_sections - 1):
        at += size + (1 if i < extra else 0)
        bounds.append(at)
    return tuple(split(x, bounds, axis))


def append(arr, values, axis=None):
    """``values`` appended to the end of ``arr`` (both flattened when `axis` is None).

    Args:
        arr (Tensor): The input tensor.
        values (Tensor): The values to append.
        axis (int, optional): The axis. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2, 3], [4, 5, 6]], ms.int32)
        >>> print(mnp.append(x, x, axis=0))
        [[1 2 3]
         [4 5 6]
         [1 2 3]
         [4 5 6]]
    """
    a, v = _t(arr), _t(values)
    if axis is None:
        return concatenate([ravel(a), ravel(v)], 0)
    return concatenate([a, v], axis)


def flip(m, axis=None):
    """``m`` with the order of elements reversed along `axis` (all axes when None).

    Args:
        m (Tensor): The input tensor.
        axis (Union[int, tuple[int]], optional): The axes. Default: ``None``.

    Returns:
        Tensor, of the shape of `m`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2, 3], [4, 5, 6]], ms.int32)
        >>> print(mnp.flip(x))
        [[6 5 4]
         [3 2 1]]
        >>> print(mnp.flip(x, 1))
        [[3 2 1]
         [6 5 4]]
    """
    m = _t(m)
    axes = tuple(range(m.ndim)) if axis is None else (axis,) if isinstance(axis, int) else tuple(axis)
    return _ops.flip(m, axes) if axes else m


def fliplr(m):
    """``m`` with its columns reversed (axis 1).

    Args:
        m (Tensor): The input tensor, at least 2-D.

    Returns:
        Tensor, of the shape of `m`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2, 3], [4, 5, 6]], ms.int32)
        >>> print(mnp.fliplr(x))
        [[3 2 1]
         [6 5 4]]
    """
    return flip(m, 1)


def flipud(m):
    """``m`` with its rows reversed (axis 0).

    Args:
        m (Tensor): The input tensor, at least 1-D.

    Returns:
        Tensor, of the shape of `m`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2, 3], [4, 5, 6]], ms.int32)
        >>> print(mnp.flipud(x))
        [[4 5 6]
         [1 2 3]]
    """
    return flip(m, 0)


def moveaxis(a, source, destination):
    """``a`` with axes moved from `source` to `destination` (the others keep their order).

    Args:
        a (Tensor): The input tensor.
        source (Union[int, tuple[int]]): The axes to move.
        destination (Union[int, tuple[int]]): Their new positions.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = mnp.ones((2, 3, 4))
        >>> print(mnp.moveaxis(x, 0, -1).shape)
        (3, 4, 2)
    """
    return _ops.moveaxis(_t(a), source, destination)


def rollaxis(x, axis, start=0):
    """``x`` with `axis` moved to lie before position `start`.

    Args:
        x (Tensor): The input tensor.
        axis (int): The axis to move.
        start (int, optional): The position before which it goes, in ``[-ndim, ndim]`` (a
            negative one counts from the end, as NumPy: -1 is before the last axis). Default:
            ``0``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = mnp.ones((2, 3, 4))
        >>> print(mnp.rollaxis(x, 2).shape)
        (4, 2, 3)
        >>> print(mnp.rollaxis(x, 0, 2).shape)
        (3, 2, 4)
    """
    x = _t(x)
    n = x.ndim
    if not -n <= axis < n or not -n <= start <= n:
        raise ValueError(f"For 'mindspore.numpy.rollaxis', axis {axis} or start {start} is out of "
                         f"bounds for a tensor of {n} dimensions.")
    axis, start = axis % n, start + n if start < 0 else start  # NumPy's: -1 is n - 1
    if axis < start:
        start -= 1
    if axis == start:
        return x
    perm = [i for i in range(n) if i != axis]
    perm.insert(start, axis)
    return transpose(x, tuple(perm))


def roll(a, shift, axis=None):
    """``a`` with its elements shifted cyclically by `shift` along `axis` (flattened when None).

    Args:
        a (Tensor): The input tensor.
        shift (Union[int, tuple[int]]): The shifts, broadcast with `axis` (one shift for every
            axis, or several adding up on one axis).
        axis (Union[int, tuple[int]], optional): The axes. Default: ``None``.

    Returns:
        Tensor, of the shape of `a`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2, 3], [4, 5, 6]], ms.int32)
        >>> print(mnp.roll(x, 1))
        [[6 1 2]
         [3 4 5]]
        >>> print(mnp.roll(x, 1, axis=1))
        [[3 1 2]
         [6 4 5]]
    """
    a = _t(a)
    if axis is None:
        return roll(ravel(a), shift, 0).reshape(a.shape)
    # NumPy's rule: `shift` and `axis` broadcast together (one shift for several axes, several
    # for one), and the shifts of a repeated axis add up
    try:
        pairs = _np.broadcast_arrays(_np.asarray(shift), _np.asarray(axis))
    except ValueError:
        raise ValueError(f"For 'mindspore.numpy.roll', shift {shift} and axis {axis} do not "
                         "broadcast together.") from None
    total = {}
    for s, ax in zip(*(p.reshape(-1).tolist() for p in pairs)):
        ax = _axis_arg("mindspore.numpy.roll", "axis", ax, a.ndim)
        total[ax] = total.get(ax, 0) + s
    if not total:
        return a
    return _ops.roll(a, tuple(total.values()), tuple(total))


def rot90(a, k=1, axes=(0, 1)):
    """``a`` rotated by 90 degrees `k` times in the plane of `axes` (from the first toward the second).

    Args:
        a (Tensor): The input tensor, at least 2-D.
        k (int, optional): The number of rotations. Default: ``1``.
        axes (Union[tuple[int], list[int]], optional): The plane. Default: ``(0, 1)``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2, 3], [4, 5, 6]], ms.int32)
        >>> print(mnp.rot90(x))
        [[3 6]
         [2 5]
         [1 4]]
    """
    a = _t(a)
    ax0, ax1 = axes
    if len(axes) != 2 or ax0 % a.ndim == ax1 % a.ndim:
        raise ValueError(f"For 'mindspore.numpy.rot90', axes must be two different axes, but got {axes}.")
    k %= 4
    if k == 0:
        return a
    if k == 2:
        return flip(a, (ax0, ax1))
    perm = list(range(a.ndim))
    perm[ax0], perm[ax1] = perm[ax1], perm[ax0]
    if k == 1:
        return transpose(flip(a, ax1), tuple(perm))
    return flip(transpose(a, tuple(perm)), ax1)


def broadcast_to(array, shape):
    """``array`` broadcast to `shape`.

    Args:
        array (Tensor): The input tensor.
        shape (tuple[int]): The target shape.

    Returns:
        Tensor of shape `shape`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> v = ms.Tensor([1, 2, 3], ms.int32)
        >>> print(mnp.broadcast_to(v, (2, 3)))
        [[1 2 3]
         [1 2 3]]
    """
    return _ops.broadcast_to(_t(array), tuple(shape))


def broadcast_arrays(*args):
    """The inputs broadcast against each other to one shape.

    Args:
        *args (Tensor): The tensors.

    Returns:
        list(Tensor), of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> v = ms.Tensor([1, 2, 3], ms.int32)
        >>> w = ms.Tensor([[10], [20]], ms.int32)
        >>> a, b = mnp.broadcast_arrays(v, w)
        >>> print(b)
        [[10 10 10]
         [20 20 20]]
    """
    ts = [_t(a) for a in args]
    try:
        shape = _np.broadcast_shapes(*[tuple(t.shape) for t in ts])
    except ValueError:
        raise ValueError(f"For 'mindspore.numpy.broadcast_arrays', shapes "
                         f"{[tuple(t.shape) for t in ts]} cannot be broadcast.") from None
    return [_ops.broadcast_to(t, shape) for t in ts]


def _atleast(a, n):
    if a.ndim >= n:
        return a
    if n == 3 and a.ndim == 1:
        return a.reshape(1, -1, 1)
    if n == 3 and a.ndim == 2:
        return a.reshape(tuple(a.shape) + (1,))
    return a.reshape((1,) * (n - a.ndim) + tuple(a.shape))

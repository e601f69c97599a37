"""``mindspore.numpy`` array manipulation (re-exported by ``mindspore.numpy``): ``reshape``,
``ravel``, ``transpose``, ``swapaxes``, ``expand_dims``, ``squeeze``, ``concatenate``,
``stack``, ``tile``, ``repeat``, ``split``."""
import builtins as _builtins

import numpy as _np

from .. import _C
from ..tensor import Tensor
from ._creation import _broadcast_to, _t
from ._reduction import _axis


def reshape(x, new_shape):
    """``x`` with a new shape (one entry may be -1).

    Args:
        x (Tensor): The input tensor.
        new_shape (Union[int, tuple[int], list[int]]): The new shape.

    Returns:
        Tensor of shape `new_shape`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(mnp.reshape(x, (3, 2)))
        [[1. 2.]
         [3. 4.]
         [5. 6.]]
    """
    return _t(x).reshape(new_shape)


def ravel(x):
    """``x`` flattened to 1-D.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.ravel(x))
        [-1.5  0.   2.5]
    """
    return _t(x).reshape(-1)


def transpose(a, axes=None):
    """``a`` with its axes reversed, or permuted by ``axes``.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        axes (Union[int, tuple[int], list[int]], optional): The axes. Default: ``None``.

    Returns:
        Tensor, with the axes permuted.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.transpose(x))
        [-1.5  0.   2.5]
    """
    a = _t(a)
    if axes is None:
        axes = tuple(range(a.ndim - 1, -1, -1))
    return a.transpose(tuple(axes))


def swapaxes(x, axis1, axis2):
    """``x`` with two axes swapped.

    Args:
        x (Tensor): The input tensor.
        axis1 (int): The second axis.
        axis2 (int): The second axis.

    Returns:
        Tensor, with the two axes exchanged.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = mnp.ones((1, 2, 3))
        >>> print(mnp.swapaxes(x, 0, 2).shape)
        (3, 2, 1)
    """
    return _t(x).swapaxes(axis1, axis2)


def expand_dims(a, axis):
    """``a`` with new size-1 axes at ``axis`` (an int or a tuple of ints).

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        axis (int, optional): The axis.

    Returns:
        Tensor, with a new axis of size 1 at `axis`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = mnp.ones((2, 3))
        >>> print(mnp.expand_dims(x, 0).shape)
        (1, 2, 3)
    """
    a = _t(a)
    if isinstance(axis, int):
        return a.expand_dims(axis)
    nd = a.ndim + len(axis)
    where_new = sorted(ax + nd if ax < 0 else ax for ax in axis)
    if len(set(where_new)) != len(where_new) or any(ax < 0 or ax >= nd for ax in where_new):
        raise ValueError(f"For 'mindspore.numpy.expand_dims', axis {axis} is out of range or "
                         f"repeated for an output of {nd} dimensions.")
    shape = list(a.shape)
    for ax in where_new:
        shape.insert(ax, 1)
    return a.reshape(tuple(shape))


def squeeze(a, axis=None):
    """``a`` without size-1 axes (those in ``axis``, or all).

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        axis (int, optional): The axis. Default: ``None``.

    Returns:
        Tensor, without the axes of size 1 (only those of `axis` when it is given).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.squeeze(x))
        [-1.5  0.   2.5]
    """
    return _t(a).squeeze(_axis(axis))


def concatenate(arrays, axis=0):
    """Tensors joined along an existing axis (flattened first when ``axis`` is None).

    Args:
        arrays (Union[tuple[Tensor], list[Tensor]]): The arrays to join.
        axis (int, optional): The axis. Default: ``0``.

    Returns:
        Tensor, the inputs joined along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> print(mnp.concatenate(x))
        [1. 2. 3. 4.]
    """
    ts = [_t(x) for x in arrays]
    if axis is None:
        ts, axis = [t.reshape(-1) for t in ts], 0
    return _C.concat(ts, axis)


def stack(arrays, axis=0):
    """Tensors joined along a new axis.

    Args:
        arrays (Union[tuple[Tensor], list[Tensor]]): The arrays to join.
        axis (int, optional): The axis. Default: ``0``.

    Returns:
        Tensor, with a new axis `axis`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.stack(x))
        [-1.5  0.   2.5]
    """
    return _C.stack([_t(x) for x in arrays], axis)


def tile(a, reps):
    """``a`` repeated ``reps`` times along each axis.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        reps (Union[int, tuple[int]]): The repetitions along each axis.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(mnp.tile(x, 1))
        [[1. 2. 3.]
         [4. 5. 6.]]
    """
    a = _t(a)
    reps = (reps,) if isinstance(reps, int) else reps
    if not isinstance(reps, (tuple, list)) or any(not isinstance(r, int) or isinstance(r, bool) for r in reps):
        raise TypeError(f"For 'mindspore.numpy.tile', reps must be an int or a tuple of ints, but got {reps!r}.")
    reps = tuple(reps)
    if any(r < 0 for r in reps):
        raise ValueError(f"For 'mindspore.numpy.tile', reps must be non-negative, but got {reps}.")
    d = _builtins.max(a.ndim, len(reps))
    shape = (1,) * (d - a.ndim) + tuple(a.shape)
    reps = (1,) * (d - len(reps)) + reps
    inter = []
    target = []
    for r, s in zip(reps, shape):
        inter += [1, s]
        target += [r, s]
    out = _broadcast_to(a.reshape(tuple(inter)), target)
    return out.reshape(tuple(r * s for r, s in zip(reps, shape)))


def repeat(a, repeats, axis=None):
    """Each element of ``a`` repeated ``repeats`` times along ``axis`` (of the flattened tensor
    when None); ``repeats`` may be one count per element.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        repeats (Union[int, tuple[int], list[int], Tensor]): The number of repetitions of each
            element.
        axis (int, optional): The axis. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1, 2], ms.int32)
        >>> print(mnp.repeat(x, 2))
        [1 1 2 2]
    """
    a = _t(a)
    if axis is None:
        a, axis = a.reshape(-1), 0
    nd = a.ndim
    if axis < -nd or axis >= _builtins.max(nd, 1):
        raise ValueError(f"For 'mindspore.numpy.repeat', axis {axis} is out of range for a tensor "
                         f"of {nd} dimensions.")
    axis %= _builtins.max(nd, 1)
    if isinstance(repeats, (list, tuple)) and len(repeats) == 1:
        repeats = repeats[0]
    if isinstance(repeats, int) and not isinstance(repeats, bool):
        if repeats < 0:
            raise ValueError(f"For 'mindspore.numpy.repeat', repeats must be non-negative, "
                             f"but got {repeats}.")
        shape = list(a.shape)
        x = a.expand_dims(axis + 1)
        target = shape[:axis + 1] + [repeats] + shape[axis + 1:]
        shape[axis] *= repeats
        return _broadcast_to(x, target).reshape(tuple(shape))
    counts = [int(r) for r in repeats]
    if len(counts) != a.shape[axis] or any(c < 0 for c in counts):
        raise ValueError(f"For 'mindspore.numpy.repeat', repeats must be {a.shape[axis]} "
                         f"non-negative counts, but got {list(repeats)}.")
    index = Tensor(_np.repeat(_np.arange(len(counts)), counts).astype(_np.int64))
    moved = a.swapaxes(0, axis) if axis else a
    out = moved[index]
    return out.swapaxes(0, axis) if axis else out


def split(x, indices_or_sections, axis=0):
    """``x`` split along ``axis`` into equal sections (a tuple) or at indices (a list), as
    mindspore.numpy returns them.

    Args:
        x (Tensor): The input tensor.
        indices_or_sections (Union[int, tuple[int], list[int]]): A number of near-equal parts, or
            the indices at which to split.
        axis (int, optional): The axis. Default: ``0``.

    Returns:
        tuple(Tensor) or list(Tensor), the parts.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(mnp.split(x, 1))
        (Tensor(shape=[2, 3], dtype=Float32, value=
        [[ 1.00000000e+00,  2.00000000e+00,  3.00000000e+00],
         [ 4.00000000e+00,  5.00000000e+00,  6.00000000e+00]]),)
    """
    parts = _C.split(_t(x), indices_or_sections, axis)
    return tuple(parts) if isinstance(indices_or_sections, int) else list(parts)

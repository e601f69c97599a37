"""``mindspore.ops`` scatters that update their input in place: ``scatter_add``/``update``/``mul``/
``div``/``max``/``min`` (rows of the first axis) and ``scatter_nd_add``/``sub``/``mul``/``div``/
``max``/``min``/``update`` (``indices[..., k]`` address the first ``k`` axes).

As MindSpore 2.10 in PyNative mode (measured on CPU): the input, a Parameter or a plain Tensor, is
updated in place, and the result is a new Tensor (not the Parameter) holding the updated value;
``updates`` is converted to the input's dtype when that is their common dtype (else TypeError:
the input is not converted), must have the shape ``indices.shape + x.shape[1:]``
(``indices.shape[:-1] + x.shape[k:]`` for the nd forms; ValueError), and the indices must lie in
range (RuntimeError). MindSpore's result shares the input's memory, so a later write to the input
shows in it; ours is a value (the engine's values are immutable).
"""
import numpy as _np

from ..._C import Parameter, Tensor
from ..._errors import ComputeError, DTypeError, ShapeError
from ...common import dtype as mstype
from ._array_more import _add_rows

__all__ = ["scatter_add", "scatter_update", "scatter_mul", "scatter_div", "scatter_max",
           "scatter_min", "scatter_nd_add", "scatter_nd_sub", "scatter_nd_mul", "scatter_nd_div",
           "scatter_nd_max", "scatter_nd_min", "scatter_nd_update"]


def _args(op, input_x, indices, updates, nd):
    for name, v in (("input_x", input_x), ("indices", indices), ("updates", updates)):
        if not isinstance(v, Tensor):
            raise DTypeError(f"For '{op}', '{name}' must be a Tensor, but got {type(v).__name__}.")
    if indices.dtype not in (mstype.int32, mstype.int64):
        raise DTypeError(f"For '{op}', 'indices' must be Int32 or Int64, but got {indices.dtype}.")
    x_shape, i_shape = tuple(input_x.shape), tuple(indices.shape)
    if nd and len(i_shape) < 2:
        raise ShapeError(f"For primitive[{op}], the dimension of 'indices' must be greater than or equal to 2 , "
                         f"but got {len(i_shape)}.")
    if updates.dtype != input_x.dtype:
        # `updates` is converted to the input's dtype when that is their common dtype; the
        # input of an in-place operator is never converted.
        if (Tensor(0, input_x.dtype) + Tensor(0, updates.dtype)).dtype != input_x.dtype:
            name = "input_x" if op == "ScatterNdUpdate" else "x"
            raise DTypeError(f"Data type conversion is not supported for a 'Parameter', nor for the input tensor "
                             f"of an in-place operator, the argument[{name}]'s data type of primitive[{op}] is "
                             f"{input_x.dtype}, which cannot be converted to data type {updates.dtype} "
                             f"automatically.")
    if nd:
        k = i_shape[-1] if i_shape else 0
        if not i_shape or k > len(x_shape):
            raise ShapeError(f"For '{op}', the last axis of 'indices' ({i_shape}) must be at most "
                             f"the rank of 'input_x' {x_shape}.")
        want, sizes = i_shape[:-1] + x_shape[k:], x_shape[:k]
    else:
        if not x_shape:
            raise ShapeError(f"For '{op}', 'input_x' must have at least one axis.")
        want, sizes = i_shape + x_shape[1:], x_shape[:1]
    if tuple(updates.shape) != want:
        rule = "indices_shape[:-1] + input_x_shape[k:]" if nd else "indices_shape + input_x_shape[1:]"
        raise ShapeError(f"For '{op}', updates_shape = {rule}, but got input_x_shape: {x_shape}, "
                         f"indices_shape: {i_shape}, updates_shape: {tuple(updates.shape)}.")
    idx = indices.asnumpy().reshape(i_shape).astype(_np.int64)
    cols = idx.reshape(-1, len(sizes)) if nd else idx.reshape(-1, 1)
    for axis, n in enumerate(sizes):
        bad = (cols[:, axis] < 0) | (cols[:, axis] >= n)
        if bad.any():
            raise ComputeError(f"For '{op}', the value of indices should be in [0, {n}), but got "
                               f"'{int(cols[:, axis][bad][0])}' in indices.")
    return tuple(cols[:, a] for a in range(len(sizes)))


def _write(input_x, value):
    """Updates ``input_x`` in place and returns the new value as a plain Tensor."""
    if isinstance(input_x, Parameter):
        input_x.set_data(value)
    else:
        input_x._rebind(value)  # pylint: disable=protected-access
    return Tensor(value) if isinstance(value, Parameter) else value


def _numpy_scatter(op, input_x, indices, updates, nd, combine):
    where = _args(op, input_x, indices, updates, nd)
    out = input_x.asnumpy().reshape(tuple(input_x.shape)).copy()
    upd = updates.asnumpy().reshape(tuple(updates.shape))
    upd = upd.reshape((-1,) + out.shape[len(where):])
    if combine is None:
        out[where] = upd                      # repeated indices: the last write wins
    else:
        combine.at(out, where, upd)
    return _write(input_x, Tensor(out, input_x.dtype))


def scatter_add(input_x, indices, updates):
    """``ops.scatter_add``: adds ``updates`` at the rows ``indices`` of ``input_x``'s first axis
    (repeated indices add up), in place; differentiable in ``input_x`` and ``updates``.

    Args:
        input_x (Union[Parameter, Tensor]): The tensor to update.
        indices (Tensor): The row indices (Int32 or Int64), in ``[0, input_x.shape[0])``.
        updates (Tensor): Of shape ``indices.shape + input_x.shape[1:]`` and `input_x`'s dtype.

    Returns:
        Tensor, the updated value (a new Tensor; `input_x` now holds the same value).

    Raises:
        TypeError: If `updates` has another dtype than `input_x`, or `indices` is not integer.
        ValueError: If `updates` has the wrong shape.
        RuntimeError: If an index is out of range.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Parameter(ops.zeros((3, 2), ms.float32))
        >>> out = ops.scatter_add(x, ms.Tensor([0, 2], ms.int32), ops.ones((2, 2), ms.float32))
        >>> print(x.value())
        [[1. 1.]
         [0. 0.]
         [1. 1.]]
        >>> print(type(out).__name__)
        Tensor
    """
    (rows,) = _args("ScatterAdd", input_x, indices, updates, False)
    feat = tuple(input_x.shape[1:])
    added = _add_rows(input_x.shape[0], Tensor(rows), updates.reshape((rows.size,) + feat))
    value = input_x.value() if isinstance(input_x, Parameter) else input_x
    return _write(input_x, value + added)


def _doc(name, what, nd, locking=False):
    shape = ("``indices.shape[:-1] + input_x.shape[k:]``" if nd
             else "``indices.shape + input_x.shape[1:]``")
    where = ("at the positions ``indices[..., :k]`` of the first ``k`` axes" if nd
             else "at the rows ``indices`` of the first axis")
    locked = " (or `use_locking` not a bool)" if locking else ""
    return f"""``ops.{name}``: {what} {where} of ``input_x``, in place (as MindSpore 2.10 in
    PyNative mode).

    Args:
        input_x (Union[Parameter, Tensor]): The tensor to update.
        indices (Tensor): Int32 or Int64 indices, in range.
        updates (Tensor): Of shape {shape} and `input_x`'s dtype.{_LOCKING if locking else ""}

    Returns:
        Tensor, the updated value (a new Tensor; `input_x` now holds the same value).

    Raises:
        TypeError: If `updates` has another dtype than `input_x`, or `indices` is not integer{locked}.
        ValueError: If `updates` has the wrong shape.
        RuntimeError: If an index is out of range.
"""


def _make(name, prim, what, nd, combine, example):
    if nd and combine is not None:
        # MindSpore 2.10's scatter_nd_add/sub/mul/div/max/min take `use_locking` (a bool; updates
        # run in order here, so locking changes nothing).
        def fn(input_x, indices, updates, use_locking=False):
            if not isinstance(use_locking, bool):
                raise DTypeError(f"For '{prim}', 'use_locking' must be a bool, but got {type(use_locking).__name__}.")
            return _numpy_scatter(prim, input_x, indices, updates, nd, combine)
        doc = _doc(name, what, nd, locking=True)
    else:
        def fn(input_x, indices, updates):
            return _numpy_scatter(prim, input_x, indices, updates, nd, combine)
        doc = _doc(name, what, nd)
    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = doc + example
    return fn


_LOCKING = """
        use_locking (bool, optional): Accepted for MindSpore's signature (the updates run in order,
            so it changes nothing). Default: ``False``."""


_EX = """
    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Parameter(ms.Tensor([[2.0, 2.0], [2.0, 2.0], [2.0, 2.0]]))
        >>> out = ops.{name}(x, ms.Tensor({idx}, ms.int32), ms.Tensor({upd}))
        >>> print(x.value())
{want}
"""


def _ex(name, idx, rows):
    """The example of ``name``: writes ``_ROW`` at ``idx`` of a 3x2 Parameter of 2s; ``rows`` is
    what it then holds, as printed."""
    want = "\n".join("        " + (" " if k else "") + r for k, r in enumerate(rows))
    return _EX.format(name=name, idx=idx, upd=_ROW, want=want)


_ROW = "[[0.5, 3.0], [4.0, 1.0]]"
_ND = "[[0], [2]]"
_UPDATED = ("[[0.5 3. ]", "[2.  2. ]", "[4.  1. ]]")
_MUL = ("[[1. 6.]", "[2. 2.]", "[8. 2.]]")
_DIV = ("[[4.        0.6666667]", "[2.        2.       ]", "[0.5       2.       ]]")
_MAX = ("[[2. 3.]", "[2. 2.]", "[4. 2.]]")
_MIN = ("[[0.5 2. ]", "[2.  2. ]", "[2.  1. ]]")
_ADD = ("[[2.5 5. ]", "[2.  2. ]", "[6.  3. ]]")
_SUB = ("[[ 1.5 -1. ]", "[ 2.   2. ]", "[-2.   1. ]]")

scatter_update = _make("scatter_update", "ScatterUpdate", "writes ``updates``", False, None,
                       _ex("scatter_update", "[0, 2]", _UPDATED))
scatter_mul = _make("scatter_mul", "ScatterMul", "multiplies by ``updates``", False, _np.multiply,
                    _ex("scatter_mul", "[0, 2]", _MUL))
scatter_div = _make("scatter_div", "ScatterDiv", "divides by ``updates``", False, _np.divide,
                    _ex("scatter_div", "[0, 2]", _DIV))
scatter_max = _make("scatter_max", "ScatterMax", "takes the maximum with ``updates``", False,
                    _np.maximum, _ex("scatter_max", "[0, 2]", _MAX))
scatter_min = _make("scatter_min", "ScatterMin", "takes the minimum with ``updates``", False,
                    _np.minimum, _ex("scatter_min", "[0, 2]", _MIN))
scatter_nd_add = _make("scatter_nd_add", "ScatterNdAdd", "adds ``updates``", True, _np.add,
                       _ex("scatter_nd_add", _ND, _ADD))
scatter_nd_sub = _make("scatter_nd_sub", "ScatterNdSub", "subtracts ``updates``", True,
                       _np.subtract, _ex("scatter_nd_sub", _ND, _SUB))
scatter_nd_mul = _make("scatter_nd_mul", "ScatterNdMul", "multiplies by ``updates``", True,
                       _np.multiply, _ex("scatter_nd_mul", _ND, _MUL))
scatter_nd_div = _make("scatter_nd_div", "ScatterNdDiv", "divides by ``updates``", True,
                       _np.divide, _ex("scatter_nd_div", _ND, _DIV))
scatter_nd_max = _make("scatter_nd_max", "ScatterNdMax", "takes the maximum with ``updates``", True,
                       _np.maximum, _ex("scatter_nd_max", _ND, _MAX))
scatter_nd_min = _make("scatter_nd_min", "ScatterNdMin", "takes the minimum with ``updates``", True,
                       _np.minimum, _ex("scatter_nd_min", _ND, _MIN))
scatter_nd_update = _make("scatter_nd_update", "ScatterNdUpdate", "writes ``updates``", True, None,
                          _ex("scatter_nd_update", _ND, _UPDATED))

"""Tensor methods whose MindSpore 2.10 signature has two overloads, or keyword names that differ
from the functional op's: ``take`` (``take(index)`` and ``take(indices, axis, mode)``),
``scatter_add`` (``scatter_add(dim, index, src)`` and ``scatter_add(indices, updates)``),
``select`` (``select(dim, index)`` and ``select(condition, y)``), ``qr(some)``,
``nonzero(*, as_tuple)``, ``expand_as(other)``/``expand_as(x=)``, ``remainder(other)``/
``remainder(divisor=)``, ``clamp``/``clip`` and ``tensor_scatter_add``.

Each picks its overload from the arguments as MindSpore 2.10's CPU build does (measured), and
refuses the calls it refuses with its error class. :mod:`._tensor_more` installs them."""
from ._C import Tensor
from ._errors import DTypeError, ShapeError


def _is_bool(v):
    """A Python bool or a Bool tensor."""
    return isinstance(v, bool) or (isinstance(v, Tensor) and str(v.dtype) == "Bool")


def take(self, indices=None, axis=None, mode="clip", *, index=None):
    """The elements at `indices`: along `axis`, or of the flattened tensor when `axis` is None.

    MindSpore 2.10's two overloads: ``take(index)`` (``mint.take``: indices of the flattened
    tensor, negative ones counted from the end) and ``take(indices, axis=None, mode='clip')``
    (``mindspore.numpy.take``: `mode` says what an index out of range does: ``'clip'`` clamps it
    after wrapping negative ones, ``'wrap'`` wraps it, ``'raise'`` raises an IndexError).

    Args:
        indices (Tensor): Integer indices.
        axis (int, optional): The axis to take along. Default: ``None`` (the flattened tensor).
        mode (str, optional): ``'clip'``, ``'wrap'`` or ``'raise'``. Default: ``'clip'``.
        index (Tensor, optional): The keyword name of `indices` in the ``take(index)`` overload.

    Returns:
        Tensor of shape ``self.shape[:axis] + indices.shape + self.shape[axis + 1:]``.

    Raises:
        TypeError: If both or neither of `indices` and `index` are given.
        ValueError: If `mode` is not one of the three.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[4.0, 3.0, 5.0], [6.0, 7.0, 8.0]])
        >>> print(x.take(ms.Tensor([0, 4])))
        [4. 7.]
        >>> print(x.take(ms.Tensor([1, 5]), 1, 'wrap'))
        [[3. 5.]
         [7. 8.]]
    """
    if (indices is None) == (index is None):
        raise DTypeError("For 'Tensor.take', give the indices once, as 'indices' or 'index'.")
    if mode not in ("raise", "wrap", "clip"):
        raise ShapeError(f"For 'Tensor.take', the argument 'mode' should be one of in ['raise', 'wrap', "
                         f"'clip'], but got {mode}.")
    if index is not None:
        from . import mint
        return mint.take(self, index)
    from .numpy import take as _np_take
    return _np_take(self, indices, axis, mode)


def scatter_add(self, *args, **kwargs):
    """`updates` (or `src`) added into a copy of this tensor, repeated positions adding up.

    MindSpore 2.10's two overloads: ``scatter_add(dim, index, src)`` (``mint.scatter_add``:
    ``src[i][j]`` goes to row ``index[i][j]`` of axis `dim`) and ``scatter_add(indices,
    updates)`` (``ops.tensor_scatter_add``: each last-axis row of `indices` is the position of one
    slice of `updates`). The first argument, an int or a Tensor, picks the overload.

    Args:
        dim (int) / indices (Tensor): The axis, or the positions (Int32/Int64).
        index (Tensor) / updates (Tensor): The indices along `dim`, or the values.
        src (Tensor): The values (the ``dim`` overload only).

    Returns:
        Tensor of this tensor's shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]])
        >>> print(x.scatter_add(ms.Tensor([[1, 0], [0, 1]], ms.int32), ms.Tensor([5.0, 7.0])))
        [[1. 9.]
         [8. 4.]]
        >>> print(x.scatter_add(1, ms.Tensor([[0, 0]]), ms.Tensor([[1.0, 2.0]])))
        [[4. 2.]
         [3. 4.]]
    """
    first = args[0] if args else kwargs.get("indices", kwargs.get("dim"))
    if isinstance(first, Tensor) and ("indices" in kwargs or "updates" in kwargs or len(args) + len(kwargs) == 2):
        from . import ops
        return ops.tensor_scatter_add(self, *args, **kwargs)
    from . import mint
    return mint.scatter_add(self, *args, **kwargs)


def tensor_scatter_add(self, indices, updates):
    """``ops.tensor_scatter_add(self, indices, updates)``: `updates` added at the positions of
    `indices` (each last-axis row a position), repeated positions adding up.

    Args:
        indices (Tensor): Int32/Int64 positions, ``[..., k]`` with ``k <= self.ndim``.
        updates (Tensor): Values of shape ``indices.shape[:-1] + self.shape[k:]``.

    Returns:
        Tensor of this tensor's shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0])
        >>> print(x.tensor_scatter_add(ms.Tensor([[0], [0]], ms.int32), ms.Tensor([1.0, 2.0])))
        [4. 2. 3.]
    """
    from . import ops
    return ops.tensor_scatter_add(self, indices, updates)


def select(self, dim_or_condition, index_or_y):
    """MindSpore 2.10's two forms: ``select(dim, index)`` is the slice at `index` along `dim`
    (that axis removed); ``select(condition, y)`` is ``self`` where `condition` holds, else `y`.
    As in MindSpore 2.10, a Python int `y` needs an Int32 tensor and a float `y` a Float32 one
    (TypeError otherwise); a Tensor `y` is promoted with this tensor.

    Args:
        dim_or_condition (Union[int, Tensor]): An axis, or a Bool tensor.
        index_or_y (Union[int, Tensor, number]): The index along the axis (an int or a 0-D integer
            Tensor), or the other values.

    Returns:
        Tensor.

    Raises:
        TypeError: If an int `dim` comes with a Tensor `index` that is not 0-D, or a scalar `y`
            does not match this tensor's dtype.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]], ms.float32)
        >>> print(x.select(1, 0))
        [0. 3.]
        >>> print(x.select(x > 2, -1.0))
        [[-1. -1. -1.]
         [ 3.  4.  5.]]
    """
    from . import ops
    if isinstance(dim_or_condition, Tensor):
        y = index_or_y
        if isinstance(y, (int, float)) and not isinstance(y, bool):
            want = "Int32" if isinstance(y, int) else "Float32"
            if str(self.dtype) != want:
                kind = "int" if isinstance(y, int) else "float"
                raise DTypeError(f"For 'Tensor.select', if the argument 'y' is {kind}, then the tensor type "
                                 f"should be {want.lower()} but got {self.dtype}.")
        return ops.where(dim_or_condition, self, y)
    index = index_or_y
    if isinstance(index, Tensor):
        if index.ndim != 0 or str(index.dtype) not in ("Int8", "Int16", "Int32", "Int64", "UInt8"):
            raise DTypeError(f"For 'Tensor.select', with an int 'dim' the 'index' must be an int, but got a "
                             f"Tensor of shape {list(index.shape)} and dtype {index.dtype}.")
        index = int(index)
    from . import mint
    return mint.select(self, dim_or_condition, index)


def qr(self, some=True):
    """The QR factorisation ``self = Q·R`` of each matrix (MindSpore 2.10's ``Tensor.qr(some)``).

    Args:
        some (bool, optional): The reduced factors (``Q`` ``[..., m, k]``, ``R`` ``[..., k, n]``,
            ``k = min(m, n)``) if True, the complete ones (``Q`` ``[..., m, m]``) if False.
            Default: ``True``.

    Returns:
        tuple(Tensor, Tensor), ``Q`` and ``R``.

    Raises:
        TypeError: If `some` is not a bool.

    Examples:
        >>> import mindspore as ms
        >>> q, r = ms.Tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]).qr(False)
        >>> print(q.shape, r.shape)
        (3, 3) (3, 2)
    """
    if not isinstance(some, bool):
        raise DTypeError(f"For 'Tensor.qr', the type of 'some' should be 'bool', but got type "
                         f"'{type(some).__name__}'.")
    from .mint import linalg as _mint_linalg
    return _mint_linalg.qr(self, "reduced" if some else "complete")


def nonzero(self, *, as_tuple=False):
    """The indices of the nonzero elements: an ``[n, ndim]`` Int64 tensor, or with
    ``as_tuple=True`` a tuple of ``ndim`` 1-D tensors, one per axis (``as_tuple`` is keyword-only,
    as in MindSpore 2.10).

    Args:
        as_tuple (bool, optional): Return one tensor per axis. Default: ``False``.

    Returns:
        Tensor or tuple(Tensor).

    Raises:
        TypeError: If `as_tuple` is not a bool.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1, 0], [0, 2]])
        >>> print(x.nonzero())
        [[0 0]
         [1 1]]
        >>> print(x.nonzero(as_tuple=True)[1])
        [0 1]
    """
    if not isinstance(as_tuple, bool):
        raise DTypeError(f"For 'Tensor.nonzero', 'as_tuple' must be bool, but got {type(as_tuple)}.")
    from .ops.function import array_func as _array
    return _array.nonzero(self, as_tuple)


def expand_as(self, other=None, *, x=None):
    """This tensor broadcast to the shape of `other` (``x=`` is MindSpore 2.10's older keyword).

    Args:
        other (Tensor): The tensor whose shape to take.

    Returns:
        Tensor of `other`'s shape (a view of this tensor).

    Raises:
        TypeError: If `other` is not a Tensor, or is given twice.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([1.0, 2.0]).expand_as(ms.Tensor([[0, 0], [0, 0]])))
        [[1. 2.]
         [1. 2.]]
    """
    if (other is None) == (x is None):
        raise DTypeError("For 'Tensor.expand_as', give the target once, as 'other' or 'x'.")
    other = other if x is None else x
    if not isinstance(other, Tensor):
        raise DTypeError(f"For 'expand_as', 'other' must be a Tensor, but got {type(other).__name__}.")
    return self.broadcast_to(tuple(other.shape))


def remainder(self, other=None, *, divisor=None):
    """The remainder of dividing by `other`, with the divisor's sign (Python's ``%``;
    ``divisor=`` is MindSpore 2.10's older keyword).

    Args:
        other (Union[Tensor, number]): The divisor.

    Returns:
        Tensor of the broadcast shape and the promoted dtype.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([5.0, -3.0]).remainder(2))
        [1. 1.]
    """
    if (other is None) == (divisor is None):
        raise DTypeError("For 'Tensor.remainder', give the divisor once, as 'other' or 'divisor'.")
    from .ops.function import math_func as _math
    return _math.remainder(self, other if divisor is None else divisor)


def clamp(self, min=None, max=None):  # noqa: A002 - MindSpore's argument names
    """Each element clamped to ``[min, max]`` (either bound may be None, not both).

    Args:
        min (Union[Tensor, number], optional): The lower bound. Default: ``None``.
        max (Union[Tensor, number], optional): The upper bound. Default: ``None``.

    Returns:
        Tensor.

    Raises:
        ValueError: If both bounds are None, or the tensor or a bound is a bool.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([-1.0, 0.5, 2.0]).clamp(0, 1))
        [0.  0.5 1. ]
    """
    if min is None and max is None:
        raise ShapeError("For 'clamp', at least one of 'min' or 'max' must not be None.")
    if _is_bool(min) or _is_bool(max) or _is_bool(self):
        raise ShapeError(f"For Clamp, the dtype of 'input', 'min' and 'max' must not be bool, but got "
                         f"{self.dtype}, {type(min).__name__} and {type(max).__name__}.")
    from .ops.function import math_func as _math
    return _math.clamp(self, min, max)


def clip(self, min=None, max=None):  # noqa: A002 - MindSpore's argument names
    """``Tensor.clamp`` under its other name: each element clamped to ``[min, max]``.

    Args:
        min (Union[Tensor, number], optional): The lower bound. Default: ``None``.
        max (Union[Tensor, number], optional): The upper bound. Default: ``None``.

    Returns:
        Tensor.

    Raises:
        ValueError: If both bounds are None.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([-1.0, 0.5, 2.0]).clip(None, 1))
        [-1.   0.5  1. ]
    """
    return clamp(self, min, max)


METHODS = {"take": take, "scatter_add": scatter_add, "tensor_scatter_add": tensor_scatter_add,
           "select": select, "qr": qr, "nonzero": nonzero, "expand_as": expand_as,
           "remainder": remainder, "clamp": clamp, "clip": clip}

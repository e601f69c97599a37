"""``Tensor.max``/``Tensor.min`` with MindSpore 2.10's two overloads, the ``(values, indices)``
reduction that ``ops.max``/``ops.min`` share with them, the plain reductions the package uses, and
``argmax_with_value``/``argmin_with_value`` (``_tensor_more`` installs those).

MindSpore 2.10 picks the overload from the arguments (measured on its CPU build):

- ``max(dim, keepdim=False)``: an int ``dim`` given positionally, or the keywords ``dim=`` /
  ``keepdim=``, returns ``(values, indices)`` with Int64 indices;
- ``max(axis=None, keepdims=False, *, initial=None, where=True, return_indices=False)``: no
  argument, a non-int axis (None, tuple, list), or any of its keywords, returns the values only
  (the pair with ``return_indices=True``).

Along one int axis both give the value at the *first* extreme's index, so the gradient goes wholly
to that element (MindSpore's ``ArgMaxWithValue``/``MaxDim``); over every axis or a tuple of axes
the values are a plain ``ReduceMax``, whose gradient is shared among ties. With ``axis=None`` the
axis overload ignores ``keepdims`` (a 0-D result), as MindSpore 2.10 does.

Code inside the package that wants the plain reduction calls :func:`reduce_max` /
:func:`reduce_min`, so it never depends on which overload a call would pick."""
import numpy as _np

from ._C import Tensor
from . import _C
from ._errors import ShapeError
from .common import dtype as mstype

_DIM_KEYS = ("dim", "keepdim")
_AXIS_KEYS = ("axis", "keepdims", "initial", "where", "return_indices")


def _native(name):
    """The engine's own ``Tensor.max``/``Tensor.min`` (a plain reduction), also once the Python
    overloads are installed over it."""
    fn = Tensor.__dict__[name]
    return getattr(fn, "_ems_native", fn)


_NATIVE = {"max": _native("max"), "min": _native("min")}


def reduce_max(x, axis=None, keepdims=False):
    """``ReduceMax`` of ``x`` over ``axis`` (int, tuple, list or None for every axis), NumPy's
    ``keepdims``; ties share the gradient."""
    return _NATIVE["max"](x, axis, keepdims)


def reduce_min(x, axis=None, keepdims=False):
    """``ReduceMin`` of ``x`` over ``axis``; the counterpart of :func:`reduce_max`."""
    return _NATIVE["min"](x, axis, keepdims)


def _is_int(v):
    return isinstance(v, (int, _np.integer)) and not isinstance(v, (bool, _np.bool_))


def _is_bool(v):
    return isinstance(v, (bool, _np.bool_))


def with_index(op, x, axis, keepdims):
    """``(values, Int64 indices)`` of the maximum (``op`` ``"max"``) or minimum along the int
    ``axis``: the value at the first extreme's index, so the gradient reaches that element only.
    NaN wins (both its value and its index), as in NumPy."""
    if x.size == 0:
        raise ShapeError(f"For '{op}', cannot take the {op}imum of an empty tensor "
                         f"(shape {list(x.shape)}).")
    rank = max(x.ndim, 1)
    if not -rank <= axis < rank:
        raise ShapeError(f"For '{op}', the axis must be in [{-rank}, {rank}), but got {axis} "
                         f"(shape {list(x.shape)}).")
    idx = (x.argmax if op == "max" else x.argmin)(axis, True)
    if x.ndim == 0:
        return x, idx
    values = x.gather_elements(axis, idx)
    if not keepdims:
        values, idx = values.squeeze(axis), idx.squeeze(axis)
    return values, idx.astype(mstype.int64)


def flat_with_index(op, x):
    """``(values, indices)`` over every element: a 0-D ``ReduceMax``/``ReduceMin`` (ties share the
    gradient) and the flat index of the first extreme. (MindSpore 2.10 returns index 0 here
    whatever the position, which looks like a bug: we give the flat index.)"""
    flat = x.reshape(-1)
    idx = flat.argmax(0) if op == "max" else flat.argmin(0)
    return _NATIVE[op](x, None, False), idx.astype(mstype.int64)


def masked(op, x, initial, where):
    """``x`` with the elements outside ``where`` replaced by ``initial`` (which it needs); a
    Python ``True`` (MindSpore 2.10's default) masks nothing."""
    if where is None or where is True:
        return x
    if initial is None:
        raise ValueError(f"For '{op}', 'initial' must be given with 'where'.")
    return _C.where_(where, x, Tensor(initial, x.dtype))


def join_initial(op, values, initial):
    """``values`` compared once more with ``initial`` (None leaves them)."""
    if initial is None:
        return values
    return (_C.maximum if op == "max" else _C.minimum)(values, Tensor(initial, values.dtype))


def _values_overload(op, x, axis=None, keepdims=False, *, initial=None, where=True,
                     return_indices=False):
    # MindSpore 2.10's argument types: a bool keepdims/return_indices, a number initial, a Bool
    # tensor or a bool where (None is a TypeError there).
    if not _is_bool(keepdims):
        raise TypeError(f"For '{op}', 'keepdims' must be a bool, but got {type(keepdims).__name__}.")
    if not _is_bool(return_indices):
        raise TypeError(f"For '{op}', 'return_indices' must be a bool, but got {type(return_indices).__name__}.")
    if initial is not None and not isinstance(initial, (int, float, _np.number)):
        raise TypeError(f"For '{op}', 'initial' must be a number, but got {type(initial).__name__}.")
    if not (isinstance(where, (bool, Tensor))):
        raise TypeError(f"For '{op}', 'where' must be a Bool Tensor or a bool, but got {type(where).__name__}.")
    x = masked(op, x, initial, where)
    if isinstance(axis, (tuple, list)) and len(axis) == 0:  # () is every axis (keepdims kept)
        axis = None if return_indices else tuple(range(x.ndim))
    if axis is None:
        values, idx = flat_with_index(op, x) if return_indices else (_NATIVE[op](x, None, False), None)
    elif _is_int(axis):
        values, idx = with_index(op, x, int(axis), bool(keepdims))
    elif isinstance(axis, (tuple, list)) and all(_is_int(a) for a in axis):
        if return_indices:
            raise TypeError(f"For '{op}', 'axis' must be an int with 'return_indices', but got {axis}.")
        values, idx = _NATIVE[op](x, tuple(int(a) for a in axis), bool(keepdims)), None
    else:
        raise TypeError(f"For '{op}', 'axis' must be None, an int or a tuple of ints, but got "
                        f"{type(axis).__name__}.")
    values = join_initial(op, values, initial)
    return (values, idx) if return_indices else values


def _dim_overload(op, x, dim, keepdim=False):
    if not _is_int(dim):
        raise TypeError(f"For '{op}', 'dim' must be an int, but got {type(dim).__name__}.")
    if not _is_bool(keepdim):
        raise TypeError(f"For '{op}', 'keepdim' must be a bool, but got {type(keepdim).__name__}.")
    return with_index(op, x, int(dim), bool(keepdim))


def _dispatch(op, x, args, kwargs):
    dim_keys = [k for k in kwargs if k in _DIM_KEYS]
    other = [k for k in kwargs if k not in _DIM_KEYS]
    if len(args) > 2:
        raise TypeError(f"For '{op}', it takes at most 2 positional arguments, but got {len(args)}.")
    if dim_keys:
        if other:
            raise TypeError(f"For '{op}', the keywords {dim_keys} (of {op}(dim, keepdim)) and "
                            f"{other} (of {op}(axis, keepdims, ...)) cannot be mixed.")
        return _dim_overload(op, x, *args, **kwargs)
    if args and _is_int(args[0]) and not other:
        return _dim_overload(op, x, *args)
    if args and (_is_bool(args[0]) or not (args[0] is None or _is_int(args[0])
                                            or isinstance(args[0], (tuple, list)))):
        raise TypeError(f"For '{op}', the first argument must be an int (dim), None or a tuple "
                        f"of ints (axis), but got {type(args[0]).__name__}.")
    return _values_overload(op, x, *args, **kwargs)


def tensor_max(self, *args, **kwargs):
    """The maximum of this tensor: over ``axis`` (values), or along ``dim`` with its index.

    MindSpore 2.10's two overloads, told apart by the arguments:

    - ``max(dim, keepdim=False)`` (an int given positionally, or ``dim=``/``keepdim=``) returns
      ``(values, indices)``, the maximum along ``dim`` and the Int64 index of its first
      occurrence;
    - ``max(axis=None, keepdims=False, *, initial=None, where=True, return_indices=False)``
      returns the maximum over ``axis`` (every element for None, where ``keepdims`` is ignored and
      the result is 0-D), or ``(values, indices)`` with ``return_indices=True`` (an int ``axis``).

    Along one axis the gradient goes to the first maximum only; over every axis or a tuple of
    axes it is shared among ties.

    Args:
        dim (int): The axis of the ``(values, indices)`` overload.
        keepdim (bool, optional): Whether ``dim`` is kept with size 1. Default: ``False``.
        axis (Union[None, int, tuple(int), list(int)], optional): The axes of the values overload;
            None reduces every element. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        initial (number, optional): A value joined to every reduction. Default: ``None``.
        where (Tensor, optional): A Bool mask of the elements to include (needs ``initial``).
            Default: ``None``.
        return_indices (bool, optional): Whether the values overload also returns the indices.
            Default: ``False``.

    Returns:
        Tensor of the maxima, or ``(values, indices)`` for the ``dim`` overload and with
        ``return_indices=True``.

    Raises:
        TypeError: If ``dim`` is not an int, ``keepdim`` not a bool, or both overloads' keywords
            are mixed.
        ValueError: If ``dim``/``axis`` is out of range or the tensor is empty.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 5.0, 2.0], [7.0, 0.0, 3.0]], ms.float32)
        >>> print(x.max())
        7.0
        >>> print(x.max(axis=1))
        [5. 7.]
        >>> values, indices = x.max(1)
        >>> print(values, indices)
        [5. 7.] [1 0]
        >>> values, indices = x.max(1, True)
        >>> print(values.shape, indices.dtype)
        (2, 1) Int64
    """
    return _dispatch("max", self, args, kwargs)


def tensor_min(self, *args, **kwargs):
    """The minimum of this tensor: over ``axis`` (values), or along ``dim`` with its index.

    The counterpart of ``Tensor.max``, with the same two overloads: ``min(dim, keepdim=False)``
    returns ``(values, indices)``; ``min(axis=None, keepdims=False, *, initial=None, where=True,
    return_indices=False)`` returns the values (and the indices with ``return_indices=True``).

    Args:
        dim (int): The axis of the ``(values, indices)`` overload.
        keepdim (bool, optional): Whether ``dim`` is kept with size 1. Default: ``False``.
        axis (Union[None, int, tuple(int), list(int)], optional): The axes of the values overload;
            None reduces every element. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        initial (number, optional): A value joined to every reduction. Default: ``None``.
        where (Tensor, optional): A Bool mask of the elements to include (needs ``initial``).
            Default: ``None``.
        return_indices (bool, optional): Whether the values overload also returns the indices.
            Default: ``False``.

    Returns:
        Tensor of the minima, or ``(values, indices)`` for the ``dim`` overload and with
        ``return_indices=True``.

    Raises:
        TypeError: If ``dim`` is not an int, ``keepdim`` not a bool, or both overloads' keywords
            are mixed.
        ValueError: If ``dim``/``axis`` is out of range or the tensor is empty.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 5.0, 2.0], [7.0, 0.0, 3.0]], ms.float32)
        >>> print(x.min())
        0.0
        >>> print(x.min(axis=0))
        [1. 0. 2.]
        >>> values, indices = x.min(0)
        >>> print(values, indices)
        [1. 0. 2.] [0 1 0]
    """
    return _dispatch("min", self, args, kwargs)


def install():
    """Puts the two overloaded methods on ``Tensor`` over the engine's plain reductions."""
    from ._errors import with_op_name

    for name, fn in (("max", tensor_max), ("min", tensor_min)):
        fn.__qualname__ = f"Tensor.{name}"
        wrapped = with_op_name(fn, name)
        wrapped._ems_python = True
        wrapped._ems_native = _NATIVE[name]
        setattr(Tensor, name, wrapped)


def argmax_with_value(self, axis=0, keep_dims=False):
    """The maximum along `axis` and its index: ``(values, indices)``, as MindSpore 2.10's Tensor
    method returns them (its primitive ``ops.ArgMaxWithValue`` puts the indices first).

    Args:
        axis (int, optional): The axis; None for all elements (then a 0-d pair). Default: ``0``.
        keep_dims (bool, optional): Whether the axis is kept with size 1. Default: ``False``.

    Returns:
        tuple(Tensor, Tensor), the values and their Int64 indices.

    Examples:
        >>> import mindspore as ms
        >>> v, i = ms.Tensor([[1.0, 5.0], [4.0, 2.0]]).argmax_with_value()
        >>> print(v, i)
        [4. 5.] [1 0]
    """
    if axis is None:  # over every element, a 0-d pair whatever keep_dims says (MindSpore 2.10)
        self, axis, keep_dims = self.reshape(-1), 0, False
    values, indices = self.max(axis, keep_dims)
    return values, indices.astype(mstype.int64)


def argmin_with_value(self, axis=0, keep_dims=False):
    """The minimum along `axis` and its index: ``(values, indices)``, as MindSpore 2.10's Tensor
    method returns them.

    Args:
        axis (int, optional): The axis; None for all elements (then a 0-d pair). Default: ``0``.
        keep_dims (bool, optional): Whether the axis is kept with size 1. Default: ``False``.

    Returns:
        tuple(Tensor, Tensor), the values and their Int64 indices.

    Examples:
        >>> import mindspore as ms
        >>> v, i = ms.Tensor([[1.0, 5.0], [4.0, 2.0]]).argmin_with_value()
        >>> print(v, i)
        [1. 2.] [0 1]
    """
    if axis is None:  # over every element, a 0-d pair whatever keep_dims says (MindSpore 2.10)
        self, axis, keep_dims = self.reshape(-1), 0, False
    values, indices = self.min(axis, keep_dims)
    return values, indices.astype(mstype.int64)

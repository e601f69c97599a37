"""``mindspore.numpy`` array creation (re-exported by ``mindspore.numpy``): converting inputs
(``array``, ``asarray``, ``asfarray`` and the private ``_t`` every function uses, with
mindspore.numpy's dtype rules: Python ints Int32, 64-bit NumPy types narrowed) and building arrays
(``zeros``, ``ones``, ``empty``, ``full`` and their ``*_like``, ``arange``, ``linspace``,
``eye``, ``identity``, ``meshgrid``)."""
import numpy as _np

from .. import _C
from ..common.dtype import bool_, float16, float32, float64, int32, int64, uint32
from ..ops.function.array_func import grids as _grids
from ..tensor import Tensor
from ._error_classes import ValueTypeError, ZeroStepError


_NARROW = {_np.dtype(_np.int64): _np.int32, _np.dtype(_np.float64): _np.float32,
           _np.dtype(_np.uint64): _np.int32}


# -- converting inputs --------------------------------------------------------------------------

# mindspore.numpy's dtype arguments (MindSpore 2.10's ``_check_dtype``): the Python types and the
# names 'int', 'uint' and 'float' mean the 32-bit types, not NumPy's 64-bit ones.
_DTYPE_ALIASES = {int: int32, float: float32, bool: bool_,
                  "int": int32, "uint": uint32, "float": float32, "bool": bool_}


def _dtype(dtype):
    """``dtype`` with mindspore.numpy's aliases resolved (``int`` is Int32, ``float`` Float32);
    other values (mindspore dtypes, NumPy types, names such as 'float16') pass unchanged."""
    if isinstance(dtype, (type, str)):
        key = dtype.lower() if isinstance(dtype, str) else dtype
        return _DTYPE_ALIASES.get(key, dtype)
    return dtype


def _python_dtype(obj):
    """mindspore.numpy's dtype for nested Python data: Bool, Int32 or Float32 by the widest leaf
    (Float32 when there is no leaf: ``array([])``, as MindSpore 2.10)."""
    kind = None
    stack, seen = [obj], set()
    while stack:
        x = stack.pop()
        if isinstance(x, (list, tuple)):
            # a list met before (shared, or containing itself) adds no new leaves: a
            # self-referencing list would otherwise loop here for ever (Tensor() rejects it)
            if id(x) not in seen:
                seen.add(id(x))
                stack.extend(x)
        elif isinstance(x, Tensor):
            return None
        elif isinstance(x, (bool, _np.bool_)):
            kind = kind or bool
        elif isinstance(x, (int, _np.integer)):
            kind = int if kind in (None, bool) else kind
        elif isinstance(x, (float, _np.floating)):
            kind = float
        else:
            return None  # complex numbers, ...: the natural dtype
    return {None: float32, bool: bool_, int: int32, float: float32}[kind]


def asarray(a, dtype=None):
    """``a`` as a tensor: a tensor is returned as it is (cast when ``dtype`` differs).

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        dtype (Union[mindspore.dtype, type, str], optional): The dtype of the result (``int``
            means Int32, ``float`` Float32); None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.asarray(x))
        [-1.5  0.   2.5]
    """
    dtype = _dtype(dtype)
    if isinstance(a, Tensor):
        return a if dtype is None else a.astype(dtype)
    if isinstance(a, (_np.ndarray, _np.generic)):
        # MindSpore 2.10's mindspore.numpy rejects NumPy arrays (TypeError); NumPy users expect
        # them to work, so they do, narrowed to 32 bits as the module's default.
        arr = _np.asarray(a)
        if dtype is None:
            arr = arr.astype(_NARROW.get(arr.dtype, arr.dtype), copy=False)
        return Tensor(arr, dtype)
    if not isinstance(a, (bool, int, float, list, tuple)):
        raise TypeError(f"For 'mindspore.numpy.asarray', the input must be a number, list, tuple, "
                        f"NumPy array or Tensor, but got {type(a).__name__}.")
    if dtype is None:
        dtype = _python_dtype(a)
    try:
        return Tensor(a, dtype)
    except TypeError:
        if _ragged(a):  # checked only on failure: the common call pays nothing
            raise ValueError(f"For 'mindspore.numpy.asarray', the input has an inhomogeneous "
                             f"shape (nested sequences of different lengths): {a!r}.") from None
        raise


def _ragged(obj):
    """Whether nested lists/tuples have sequences of different lengths at one depth: NumPy
    stops an object array at the depth where the lengths differ, leaving lists as elements."""
    try:
        arr = _np.array(obj, dtype=object)
    except ValueError:  # NumPy refuses some inhomogeneous nestings outright
        return True
    return any(isinstance(x, (list, tuple)) for x in arr.flat)


def array(obj, dtype=None, copy=True, ndmin=0):
    """A new tensor from array-like data (``copy`` is accepted: tensors are values here).

    Args:
        obj (object): The object.
        dtype (Union[mindspore.dtype, type, str], optional): The dtype of the result (``int``
            means Int32, ``float`` Float32); None keeps the natural one.
            Default: ``None``.
        copy (bool, optional): Whether to copy the data. Default: ``True``.
        ndmin (int, optional): The smallest number of axes of the result. Default: ``0``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.array(x))
        [-1.5  0.   2.5]
    """
    t = asarray(obj, dtype)
    if ndmin > t.ndim:
        t = t.reshape((1,) * (ndmin - t.ndim) + tuple(t.shape))
    return t


def asfarray(a, dtype=float32):
    """``a`` as a float tensor of ``dtype`` (Float32 when ``dtype`` is not a float type; None
    keeps the natural dtype, as MindSpore 2.10).

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        dtype (Union[mindspore.dtype, type, str], optional): The dtype of the result (``int``
            means Int32, ``float`` Float32); None keeps the natural one.
            Default: ``mstype.float32``.

    Returns:
        Tensor of a float dtype.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.asfarray(x))
        [-1.5  0.   2.5]
    """
    if dtype is None:
        return asarray(a)
    out = asarray(a, dtype)
    return out if out.dtype in (float16, float32, float64) else asarray(a, float32)


def _t(a):
    return a if isinstance(a, Tensor) else asarray(a)


def _t_origin(a):
    """``a`` as a tensor with the Tensor constructor's dtypes (a Python int Int64, a float
    Float32): MindSpore 2.10's ``around`` and ``cumprod`` keep this "origin" dtype of numbers and
    lists instead of mindspore.numpy's Int32."""
    if isinstance(a, (bool, int, float, list, tuple)) and _python_dtype(a) is not None:
        return Tensor(a) if _np.size(a) else asarray(a)
    return _t(a)


def _shape(shape):
    if isinstance(shape, int) and not isinstance(shape, bool):
        return (shape,)
    if isinstance(shape, Tensor):
        shape = shape.tolist()
    if not isinstance(shape, (tuple, list)) or any(
            isinstance(s, bool) or not isinstance(s, int) for s in shape):
        raise TypeError(f"mindspore.numpy: only int, tuple, list and tensor are allowed for shape, "
                        f"but got {shape!r}.")
    return tuple(shape)


def _scalar_dtype(value):
    if isinstance(value, bool):
        return bool_
    if isinstance(value, int):
        return int32
    return float32


# -- creation -----------------------------------------------------------------------------------

def zeros(shape, dtype=float32):
    """A tensor of zeros (Float32 by default).

    Args:
        shape (Union[tuple[int], list[int]]): The shape.
        dtype (Union[mindspore.dtype, type, str], optional): The dtype of the result (``int``
            means Int32, ``float`` Float32); None keeps the natural one.
            Default: ``mstype.float32``.

    Returns:
        Tensor of shape `shape`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1, 2, 3], ms.int32)
        >>> print(mnp.zeros(x))
        [[[0. 0. 0.]
          [0. 0. 0.]]]
    """
    return _C.full(_shape(shape), 0, _dtype(dtype))


def ones(shape, dtype=float32):
    """A tensor of ones (Float32 by default).

    Args:
        shape (Union[tuple[int], list[int]]): The shape.
        dtype (Union[mindspore.dtype, type, str], optional): The dtype of the result (``int``
            means Int32, ``float`` Float32); None keeps the natural one.
            Default: ``mstype.float32``.

    Returns:
        Tensor of shape `shape`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1, 2, 3], ms.int32)
        >>> print(mnp.ones(x))
        [[[1. 1. 1.]
          [1. 1. 1.]]]
    """
    return _C.full(_shape(shape), 1, _dtype(dtype))


def empty(shape, dtype=float32):
    """An uninitialised tensor: zeros here, as MindSpore's CPU backend gives.

    Args:
        shape (Union[tuple[int], list[int]]): The shape.
        dtype (Union[mindspore.dtype, type, str], optional): The dtype of the result (``int``
            means Int32, ``float`` Float32); None keeps the natural one.
            Default: ``mstype.float32``.

    Returns:
        Tensor of shape `shape`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1, 2, 3], ms.int32)
        >>> print(mnp.empty(x))
        [[[0. 0. 0.]
          [0. 0. 0.]]]
    """
    return zeros(shape, dtype)


def full(shape, fill_value, dtype=None):
    """A tensor filled with ``fill_value``; the dtype follows the value (int → Int32).

    Args:
        shape (Union[tuple[int], list[int]]): The shape.
        fill_value (number): The value every element takes.
        dtype (Union[mindspore.dtype, type, str], optional): The dtype of the result (``int``
            means Int32, ``float`` Float32); None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor of shape `shape`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> print(mnp.full((2, 3), 1.5))
        [[1.5 1.5 1.5]
         [1.5 1.5 1.5]]
        >>> print(mnp.full((2,), 2))
        [2 2]
    """
    shape, dtype = _shape(shape), _dtype(dtype)
    if isinstance(fill_value, (Tensor, list, tuple, _np.ndarray)):
        v = _t(fill_value)
        if dtype is not None:
            v = v.astype(dtype)
        return _broadcast_to(v, shape)
    return _C.full(shape, fill_value, (_scalar_dtype(fill_value) if dtype is None else dtype))


def zeros_like(a, dtype=None, shape=None):
    """Zeros with the shape and dtype of ``a``.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        dtype (Union[mindspore.dtype, type, str], optional): The dtype of the result (``int``
            means Int32, ``float`` Float32); None keeps the natural one.
            Default: ``None``.
        shape (tuple[int], optional): Overrides the shape. Default: ``None``.

    Returns:
        Tensor, of the shape of `a` (or `shape`).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.zeros_like(x))
        [0. 0. 0.]
    """
    a = _t(a)
    return zeros(a.shape if shape is None else shape, (a.dtype if dtype is None else dtype))


def ones_like(a, dtype=None, shape=None):
    """Ones with the shape and dtype of ``a``.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        dtype (Union[mindspore.dtype, type, str], optional): The dtype of the result (``int``
            means Int32, ``float`` Float32); None keeps the natural one.
            Default: ``None``.
        shape (tuple[int], optional): Overrides the shape. Default: ``None``.

    Returns:
        Tensor, of the shape of `a` (or `shape`).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.ones_like(x))
        [1. 1. 1.]
    """
    a = _t(a)
    return ones(a.shape if shape is None else shape, (a.dtype if dtype is None else dtype))


def empty_like(prototype, dtype=None, shape=None):
    """An uninitialised tensor like ``a`` (zeros).

    Args:
        prototype (Union[Tensor, list, tuple, number]): The input array.
        dtype (Union[mindspore.dtype, type, str], optional): The dtype of the result (``int``
            means Int32, ``float`` Float32); None keeps the natural one.
            Default: ``None``.
        shape (tuple[int], optional): Overrides the shape. Default: ``None``.

    Returns:
        Tensor, of the shape of `a` (or `shape`).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.empty_like(x))
        [0. 0. 0.]
    """
    return zeros_like(prototype, dtype, shape)


def full_like(a, fill_value, dtype=None, shape=None):
    """``fill_value`` with the shape and dtype of ``a``.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        fill_value (number): The value every element takes.
        dtype (Union[mindspore.dtype, type, str], optional): The dtype of the result (``int``
            means Int32, ``float`` Float32); None keeps the natural one.
            Default: ``None``.
        shape (tuple[int], optional): Overrides the shape. Default: ``None``.

    Returns:
        Tensor, of the shape of `a` (or `shape`).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.full_like(x, y))
        [4.  0.5 3. ]
    """
    a = _t(a)
    return full(a.shape if shape is None else shape, fill_value, (a.dtype if dtype is None else dtype))


def arange(start, stop=None, step=None, dtype=None):
    """Evenly spaced values in ``[start, stop)``: Int32 for integer arguments, else Float32.

    Args:
        start (Union[number, Tensor]): The first value (a 0-d tensor counts as a float).
        stop (Union[number, Tensor], optional): The end of the interval. Default: ``None``.
        step (Union[number, Tensor], optional): The spacing between values (not 0:
            ZeroDivisionError, also a ValueError). Default: ``None``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> print(mnp.arange(4))
        [0 1 2 3]
        >>> print(mnp.arange(0, 1, 0.25))
        [0.   0.25 0.5  0.75]
    """
    if stop is None:
        start, stop = 0, start
    if step is None:
        step = 1
    # a 0-d tensor bound is its value as a float (Float32 results, as MindSpore 2.10 gives)
    start, stop, step = (float(v) if isinstance(v, Tensor) and v.ndim == 0 else v
                         for v in (start, stop, step))
    for name, v in (("start", start), ("stop", stop), ("step", step)):
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise TypeError(f"For 'mindspore.numpy.arange', '{name}' must be an int or a float, "
                            f"but got {type(v).__name__}.")
    if step == 0:  # MindSpore 2.10: ZeroDivisionError (a ValueError too)
        raise ZeroStepError("For 'mindspore.numpy.arange', 'step' must not be 0.")
    if dtype is None:
        dtype = int32 if all(isinstance(v, int) for v in (start, stop, step)) else float32
    return _C.arange(start, stop, step, dtype)


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    """``num`` evenly spaced values from ``start`` to ``stop`` (Float32 by default).

    Args:
        start (Union[number, Tensor, list]): The first value (values: then one sequence per
            element, as NumPy).
        stop (Union[number, Tensor, list]): The end of the interval (broadcast with `start`).
        num (int, optional): The number of values. Default: ``50``.
        endpoint (bool, optional): Whether `stop` is included. Default: ``True``.
        retstep (bool, optional): Whether to also return the spacing. Default: ``False``.
        dtype (Union[mindspore.dtype, type, str], optional): The dtype of the result (``int``
            means Int32, ``float`` Float32); None keeps the natural one.
            Default: ``None``.
        axis (int, optional): The axis of the samples when `start` or `stop` has several values.
            Default: ``0``.

    Returns:
        Tensor, 1-D for number bounds, else of shape `num` inserted at `axis` into the broadcast
        shape of the bounds (and the spacing when `retstep`).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> print(mnp.linspace(0, 1, 5))
        [0.   0.25 0.5  0.75 1.  ]
    """
    if isinstance(num, bool) or not isinstance(num, int):
        raise TypeError(f"For 'mindspore.numpy.linspace', 'num' must be an int, "
                        f"but got {type(num).__name__}.")
    if num < 0:
        raise ValueError(f"For 'mindspore.numpy.linspace', 'num' must be non-negative, but got {num}.")
    if _np.size(_np.asarray(start.asnumpy() if isinstance(start, Tensor) else start)) != 1 or \
            _np.size(_np.asarray(stop.asnumpy() if isinstance(stop, Tensor) else stop)) != 1:
        from .other_ops import _linspace_arrays
        return _linspace_arrays(start, stop, num, endpoint, retstep, dtype, axis)
    if isinstance(start, Tensor) or isinstance(stop, Tensor):
        start, stop = float(start), float(stop)
    div = (num - 1) if endpoint else num
    step = (stop - start) / div if div > 0 else float("nan")
    out_dtype = float32 if dtype is None else _dtype(dtype)
    if endpoint:
        out = _C.linspace(float(start), float(stop), num, float32)
    else:
        out = _C.arange(0, num, 1, float32) * step + start
    out = out.astype(out_dtype) if out_dtype != float32 else out
    if axis not in (0, -1):
        raise ValueError(f"For 'mindspore.numpy.linspace', axis {axis} is out of range for a "
                         "1-D result (start and stop are numbers).")
    if retstep:
        # one sample with the endpoint: no spacing, a Python NaN (MindSpore 2.10's)
        return out, (step if num == 1 and endpoint else Tensor(step, float32))
    return out


def eye(N, M=None, k=0, dtype=float32):
    """A 2-D tensor with ones on the ``k``-th diagonal.

    Args:
        N (int, optional): The number of columns (rows for ``eye``).
        M (int, optional): The number of columns; None means `N`. Default: ``None``.
        k (int, optional): The diagonal. Default: ``0``.
        dtype (Union[mindspore.dtype, type, str], optional): The dtype of the result (``int``
            means Int32, ``float`` Float32); None keeps the natural one.
            Default: ``mstype.float32``.

    Returns:
        Tensor of shape ``[N, M]``.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> print(mnp.eye(2, 3))
        [[1. 0. 0.]
         [0. 1. 0.]]
    """
    M, dtype = (N if M is None else M), _dtype(dtype)
    for name, v in (("N", N), ("M", M), ("k", k)):
        if isinstance(v, bool) or not isinstance(v, int):
            raise TypeError(f"For 'mindspore.numpy.eye', '{name}' must be an int, "
                            f"but got {type(v).__name__}.")
    if N < 0 or M < 0:
        raise ValueError(f"For 'mindspore.numpy.eye', N and M must be non-negative, but got {N}, {M}.")
    if k == 0:
        return _C.eye(N, M, dtype)
    rows = _C.arange(0, N, 1, int64).reshape(N, 1)
    cols = _C.arange(0, M, 1, int64).reshape(1, M)
    return (rows + k == cols).astype(dtype)


def identity(n, dtype=float32):
    """The ``n`` × ``n`` identity.

    Args:
        n (int): The number of rows and columns.
        dtype (Union[mindspore.dtype, type, str], optional): The dtype of the result (``int``
            means Int32, ``float`` Float32); None keeps the natural one.
            Default: ``mstype.float32``.

    Returns:
        Tensor of shape ``[n, n]``.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> print(mnp.identity(2))
        [[1. 0.]
         [0. 1.]]
    """
    return eye(n, n, 0, dtype)


def _broadcast_to(x, shape):
    """``x`` broadcast to ``shape`` (every dtype, values unchanged, differentiable)."""
    return _C.broadcast_to(x, tuple(shape))


def meshgrid(*xi, sparse=False, indexing="xy"):
    """Coordinate matrices from coordinate vectors (a list, as MindSpore returns).

    Args:
        *xi (Tensor): The 1-D coordinate vectors.
        sparse (bool, optional): Whether to return broadcastable (not full) grids. Default:
            ``False``.
        indexing (str, optional): ``'xy'`` (Cartesian) or ``'ij'`` (matrix) indexing. Default:
            ``'xy'``.

    Returns:
        list(Tensor), one grid per input.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.meshgrid(x))
        [Tensor(shape=[3], dtype=Float32, value= [-1.50000000e+00,  0.00000000e+00,  2.50000000e+00])]
    """
    if indexing not in ("xy", "ij"):  # MindSpore 2.10: TypeError (a ValueError too)
        raise ValueTypeError(f"For 'mindspore.numpy.meshgrid', 'indexing' must be 'xy' or 'ij', "
                         f"but got {indexing!r}.")
    return _grids([_t(x).reshape(-1) for x in xi], indexing, sparse)

"""``mindspore.numpy``: a NumPy-style API over easy_mindspore tensors, with MindSpore 2.10's rules.

Every function takes tensors or array-likes (numbers, nested lists, NumPy arrays) and returns
tensors, differentiable where the underlying op is. The dtype rules are mindspore.numpy's, which
differ from NumPy's in a few places (measured on MindSpore 2.10, CPU):

- Python ints become Int32 and Python floats Float32 (``array([1, 2])`` is Int32, ``arange(5)``
  is Int32, ``full((2,), 7)`` is Int32); NumPy arrays keep their kind with 64-bit types narrowed
  to 32 bits, as mindspore.numpy's default.
- ``sum`` of Bool/Int32 gives Int64; ``mean`` keeps an integer dtype; ``var``/``std`` of integers
  give Float32; ``argmax`` gives Int64 and ``argmin`` Int32; ``cumsum`` of Bool gives Int32;
  ``bincount`` gives Float32.

Where MindSpore 2.10 rejects an input NumPy accepts we follow NumPy and say so: ``array`` of a
NumPy array (a TypeError there), ``exp``/``log`` of integers (promoted to Float32 here, a TypeError
on MindSpore's CPU kernels), ``isclose`` of a tensor and a number (broadcast here).
"""
import builtins as _builtins
import math as _math

import numpy as _np

from .. import _C
from .._tensor_extremes import reduce_max as _reduce_max, reduce_min as _reduce_min
from ..common.dtype import bool_, float32, float64, int32, int64
from ..ops.function.array_func import grids as _grids
from ..ops.function.array_func import unique as _ops_unique
from ..tensor import Tensor

__all__ = [
    "array", "asarray", "asfarray", "zeros", "ones", "empty", "full", "zeros_like", "ones_like",
    "empty_like", "full_like", "arange", "linspace", "eye", "identity", "meshgrid",
    "dot", "matmul", "inner", "outer", "sum", "mean", "var", "std", "max", "min", "amax", "amin",
    "argmax", "argmin", "cumsum", "prod", "exp", "log", "sqrt", "square", "abs", "absolute",
    "sin", "cos", "tanh", "floor", "negative", "power", "add", "subtract", "multiply", "divide",
    "true_divide", "maximum", "minimum", "clip", "where", "isclose", "allclose", "bincount", "unique",
    "reshape", "ravel", "transpose", "swapaxes", "expand_dims", "squeeze", "concatenate", "stack",
    "tile", "repeat", "split", "pi", "e", "inf", "nan", "newaxis",
    "bool_", "int32", "int64", "float32", "float64",
]

pi = _math.pi
e = _math.e
inf = float("inf")
nan = float("nan")
newaxis = None

_NARROW = {_np.dtype(_np.int64): _np.int32, _np.dtype(_np.float64): _np.float32,
           _np.dtype(_np.uint64): _np.int32}


# -- converting inputs --------------------------------------------------------------------------

def _python_dtype(obj):
    """mindspore.numpy's dtype for nested Python data: Bool, Int32 or Float32 by the widest leaf."""
    kind = bool
    stack = [obj]
    while stack:
        x = stack.pop()
        if isinstance(x, (list, tuple)):
            stack.extend(x)
        elif isinstance(x, Tensor):
            return None
        elif isinstance(x, bool):
            pass
        elif isinstance(x, int) and kind is bool:
            kind = int
        elif isinstance(x, float):
            kind = float
    return {bool: bool_, int: int32, float: float32}[kind]


def asarray(a, dtype=None):
    """``a`` as a tensor: a tensor is returned as it is (cast when ``dtype`` differs).

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
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
    return Tensor(a, dtype)


def array(obj, dtype=None, copy=True, ndmin=0):
    """A new tensor from array-like data (``copy`` is accepted: tensors are values here).

    Args:
        obj (object): The object.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
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
    """``a`` as a float tensor (Float32 unless ``dtype`` is another float type).

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
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
    out = asarray(a).astype(dtype)
    return out if out.dtype in (float32, float64) else out.astype(float32)


def _t(a):
    return a if isinstance(a, Tensor) else asarray(a)


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
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
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
    return _C.full(_shape(shape), 0, dtype)


def ones(shape, dtype=float32):
    """A tensor of ones (Float32 by default).

    Args:
        shape (Union[tuple[int], list[int]]): The shape.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
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
    return _C.full(_shape(shape), 1, dtype)


def empty(shape, dtype=float32):
    """An uninitialised tensor: zeros here, as MindSpore's CPU backend gives.

    Args:
        shape (Union[tuple[int], list[int]]): The shape.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
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
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
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
    shape = _shape(shape)
    if isinstance(fill_value, (Tensor, list, tuple, _np.ndarray)):
        v = _t(fill_value)
        if dtype is not None:
            v = v.astype(dtype)
        return _broadcast_to(v, shape)
    return _C.full(shape, fill_value, dtype or _scalar_dtype(fill_value))


def zeros_like(a, dtype=None, shape=None):
    """Zeros with the shape and dtype of ``a``.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
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
    return zeros(a.shape if shape is None else shape, dtype or a.dtype)


def ones_like(a, dtype=None, shape=None):
    """Ones with the shape and dtype of ``a``.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
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
    return ones(a.shape if shape is None else shape, dtype or a.dtype)


def empty_like(a, dtype=None, shape=None):
    """An uninitialised tensor like ``a`` (zeros).

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
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
    return zeros_like(a, dtype, shape)


def full_like(a, fill_value, dtype=None, shape=None):
    """``fill_value`` with the shape and dtype of ``a``.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        fill_value (number): The value every element takes.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
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
    return full(a.shape if shape is None else shape, fill_value, dtype or a.dtype)


def arange(start, stop=None, step=None, dtype=None):
    """Evenly spaced values in ``[start, stop)``: Int32 for integer arguments, else Float32.

    Args:
        start (number): The first value.
        stop (number, optional): The end of the interval. Default: ``None``.
        step (number, optional): The spacing between values. Default: ``None``.
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
    for name, v in (("start", start), ("stop", stop), ("step", step)):
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise TypeError(f"For 'mindspore.numpy.arange', '{name}' must be an int or a float, "
                            f"but got {type(v).__name__}.")
    if step == 0:
        raise ValueError("For 'mindspore.numpy.arange', 'step' must not be 0.")
    if dtype is None:
        dtype = int32 if all(isinstance(v, int) for v in (start, stop, step)) else float32
    return _C.arange(start, stop, step, dtype)


def linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0):
    """``num`` evenly spaced values from ``start`` to ``stop`` (Float32 by default).

    Args:
        start (number): The first value.
        stop (number): The end of the interval.
        num (int, optional): The number of values. Default: ``50``.
        endpoint (bool, optional): Whether `stop` is included. Default: ``True``.
        retstep (bool, optional): Whether to also return the spacing. Default: ``False``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.
        axis (int, optional): The axis. Default: ``0``.

    Returns:
        Tensor, 1-D (and the spacing when `retstep`).

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
    if isinstance(start, Tensor) or isinstance(stop, Tensor):
        start, stop = float(start), float(stop)
    div = (num - 1) if endpoint else num
    step = (stop - start) / div if div > 0 else nan
    out_dtype = dtype or float32
    if endpoint:
        out = _C.linspace(float(start), float(stop), num, float32)
    else:
        out = _C.arange(0, num, 1, float32) * step + start
    out = out.astype(out_dtype) if out_dtype != float32 else out
    if axis not in (0, -1):
        raise ValueError(f"For 'mindspore.numpy.linspace', axis {axis} is out of range for a "
                         "1-D result (start and stop are numbers).")
    if retstep:
        return out, Tensor(step, float32)
    return out


def eye(N, M=None, k=0, dtype=float32):
    """A 2-D tensor with ones on the ``k``-th diagonal.

    Args:
        N (int, optional): The number of columns (rows for ``eye``).
        M (int, optional): The number of columns; None means `N`. Default: ``None``.
        k (int, optional): The diagonal. Default: ``0``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
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
    M = N if M is None else M
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
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
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
    if indexing not in ("xy", "ij"):
        raise ValueError(f"For 'mindspore.numpy.meshgrid', 'indexing' must be 'xy' or 'ij', "
                         f"but got {indexing!r}.")
    return _grids([_t(x).reshape(-1) for x in xi], indexing, sparse)


# -- math ---------------------------------------------------------------------------------------

def dot(a, b):
    """NumPy's ``dot``: inner product of vectors, matrix product, and for N-D arrays a sum over
    the last axis of ``a`` and the second-to-last of ``b``.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        b (Union[Tensor, list, tuple, number]): The second input.

    Returns:
        Tensor, the product (MindSpore's ``dot`` contracts the last axis of `x` with the
        second-to-last of `y`).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.dot(x, y))
        14.0
    """
    a, b = _t(a), _t(b)
    if a.ndim == 0 or b.ndim == 0:
        return a * b
    k = b.shape[-2] if b.ndim >= 2 else b.shape[0]
    if a.shape[-1] != k:
        raise ValueError(f"For 'mindspore.numpy.dot', shapes {tuple(a.shape)} and {tuple(b.shape)} "
                         f"are not aligned: {a.shape[-1]} (dim {a.ndim - 1}) != {k}.")
    if b.ndim <= 2:
        return _C.matmul(a, b)
    # N-D · M-D with M ≥ 3: out[i..., j..., n] = sum_k a[i..., k] · b[j..., k, n].
    nb = b.ndim
    k_first = b.transpose((nb - 2,) + tuple(range(nb - 2)) + (nb - 1,))
    out = _C.matmul(a.reshape(-1, a.shape[-1]), k_first.reshape(b.shape[-2], -1))
    return out.reshape(tuple(a.shape[:-1]) + tuple(b.shape[:-2]) + (b.shape[-1],))


def matmul(a, b):
    """The matrix product with NumPy's rules for 1-D operands and broadcast batch axes.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        b (Union[Tensor, list, tuple, number]): The second input.

    Returns:
        Tensor, the product; 1-D operands lose their added axis as in NumPy's ``matmul``.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.matmul(x, y))
        14.0
    """
    return _C.matmul(_t(a), _t(b))


def inner(a, b):
    """Sum products over the last axes of ``a`` and ``b``.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        b (Union[Tensor, list, tuple, number]): The second input.

    Returns:
        Tensor, the sums of products over the last axis of both inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.inner(x, y))
        14.0
    """
    a, b = _t(a), _t(b)
    if a.ndim == 0 or b.ndim == 0:
        return a * b
    lead_a, lead_b = tuple(a.shape[:-1]), tuple(b.shape[:-1])
    out = _C.matmul(a.reshape(-1, a.shape[-1]), b.reshape(-1, b.shape[-1]).swapaxes(0, 1))
    return out.reshape(lead_a + lead_b)


def outer(a, b):
    """The outer product of two flattened tensors.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        b (Union[Tensor, list, tuple, number]): The second input.

    Returns:
        Tensor of shape ``[n, m]``.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.outer(x, y))
        [[ 4.   0.5  3. ]
         [ 8.   1.   6. ]
         [12.   1.5  9. ]]
    """
    a, b = _t(a).reshape(-1), _t(b).reshape(-1)
    return a.reshape(-1, 1) * b.reshape(1, -1)


def _axis(axis):
    return list(axis) if isinstance(axis, tuple) else axis


def sum(a, axis=None, dtype=None, keepdims=False, initial=None):
    """Sum over ``axis`` (all axes by default); Bool and Int32 sum to Int64.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        initial (number, optional): A starting value joined to every reduction. Default: ``None``.

    Returns:
        Tensor, `a` reduced over `axis` (every axis when None).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.sum(x))
        1.0
    """
    out = _t(a).sum(axis=_axis(axis), dtype=dtype, keepdims=keepdims)
    return out if initial is None else out + initial


def mean(a, axis=None, keepdims=False, dtype=None):
    """Mean over ``axis``; an integer tensor keeps its dtype, as mindspore.numpy does.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, `a` reduced over `axis` (every axis when None).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.mean(x))
        0.33333334
    """
    a = _t(a)
    if dtype is not None:
        a = a.astype(dtype)
    return a.mean(axis=_axis(axis), keep_dims=keepdims)


def var(a, axis=None, ddof=0, keepdims=False):
    """Variance over ``axis`` with ``ddof`` delta degrees of freedom (Float32 for integers).

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        ddof (int, optional): The degrees of freedom removed from the count (1 gives the unbiased
            estimate). Default: ``0``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        Tensor, `a` reduced over `axis` (every axis when None).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.var(x))
        2.7222223
    """
    a = _t(a)
    if a.dtype not in (float32, float64):
        a = a.astype(float32)
    m = a.mean(axis=_axis(axis), keep_dims=True)
    d = a - m
    n = a.size if axis is None else _builtins_prod(
        a.shape[i] for i in ((axis,) if isinstance(axis, int) else axis))
    return (d * d).sum(axis=_axis(axis), keepdims=keepdims) / _builtins.max(n - ddof, 0)


def std(a, axis=None, ddof=0, keepdims=False):
    """Standard deviation over ``axis``.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        ddof (int, optional): The degrees of freedom removed from the count (1 gives the unbiased
            estimate). Default: ``0``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        Tensor, `a` reduced over `axis` (every axis when None).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.std(x))
        1.6499158
    """
    return var(a, axis, ddof, keepdims).sqrt()


def _builtins_prod(xs):
    p = 1
    for x in xs:
        p *= x
    return p


def amax(a, axis=None, keepdims=False, initial=None, where=None):
    """The maximum over ``axis``.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        initial (number, optional): A starting value joined to every reduction. Default: ``None``.
        where (Tensor, optional): A Bool mask of the elements to include. Default: ``None``.

    Returns:
        Tensor, `a` reduced over `axis` (every axis when None).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.amax(x))
        2.5
    """
    out = _reduce_max(_t(a), _axis(axis), keepdims)
    return out if initial is None else _C.maximum(out, Tensor(initial, out.dtype))


def amin(a, axis=None, keepdims=False, initial=None, where=None):
    """The minimum over ``axis``.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        initial (number, optional): A starting value joined to every reduction. Default: ``None``.
        where (Tensor, optional): A Bool mask of the elements to include. Default: ``None``.

    Returns:
        Tensor, `a` reduced over `axis` (every axis when None).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.amin(x))
        -1.5
    """
    out = _reduce_min(_t(a), _axis(axis), keepdims)
    return out if initial is None else _C.minimum(out, Tensor(initial, out.dtype))


max = amax
min = amin


def argmax(a, axis=None):
    """Index of the first maximum (Int64, as mindspore.numpy gives).

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.

    Returns:
        Tensor of int, the indices of the maxima along `axis` (of the flattened input when `axis` is
        None).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.argmax(x))
        2
    """
    return _t(a).argmax(axis=axis).astype(int64)


def argmin(a, axis=None):
    """Index of the first minimum (Int32, as mindspore.numpy gives).

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.

    Returns:
        Tensor of int, the indices of the minima along `axis` (of the flattened input when `axis` is
        None).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.argmin(x))
        0
    """
    return _t(a).argmin(axis=axis).astype(int32)


def cumsum(a, axis=None, dtype=None):
    """Cumulative sum along ``axis`` (of the flattened tensor when None); Bool gives Int32.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        axis (int, optional): The axis. Default: ``None``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, of the shape of `a` (1-D when `axis` is None).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.cumsum(x))
        [-1.5 -1.5  1. ]
    """
    a = _t(a)
    if axis is None:
        a, axis = a.reshape(-1), 0
    if dtype is None and a.dtype == bool_:
        dtype = int32
    return a.cumsum(axis, dtype=dtype)


def prod(a, axis=None, keepdims=False):
    """Product over ``axis``.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        Tensor, `a` reduced over `axis`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.prod(x))
        -0.0
    """
    return _t(a).prod(axis=_axis(axis), keep_dims=keepdims)


def _float(a):
    a = _t(a)
    # MindSpore's CPU kernels refuse integer input to exp/log; NumPy promotes, and so do we.
    return a if a.dtype in (float32, float64) else a.astype(float32)


def exp(x):
    """``e**x`` elementwise.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.exp(x))
        [ 0.22313017  1.         12.182494  ]
    """
    return _float(x).exp()


def log(x):
    """Natural logarithm elementwise.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(mnp.log(x))
        [-2.3025851  -0.6931472  -0.10536055]
    """
    return _float(x).log()


def sqrt(x):
    """Square root elementwise (Float32 for integers).

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(mnp.sqrt(x))
        [0.31622776 0.70710677 0.94868326]
    """
    return _float(x).sqrt()


def square(x):
    """``x*x`` elementwise.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.square(x))
        [2.25 0.   6.25]
    """
    x = _t(x)
    return x * x


def abs(x):
    """Absolute value elementwise.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.abs(x))
        [1.5 0.  2.5]
    """
    return _t(x).abs()


absolute = abs


def sin(x):
    """Sine elementwise.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.sin(x))
        [-0.997495   0.         0.5984721]
    """
    return _float(x).sin()


def cos(x):
    """Cosine elementwise.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.cos(x))
        [ 0.0707372  1.        -0.8011436]
    """
    return _float(x).cos()


def tanh(x):
    """Hyperbolic tangent elementwise.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.tanh(x))
        [-0.90514827  0.          0.9866143 ]
    """
    return _float(x).tanh()


def floor(x):
    """Floor elementwise.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.floor(x))
        [-2.  0.  2.]
    """
    return _float(x).floor()


def negative(x):
    """``-x`` elementwise.

    Args:
        x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.negative(x))
        [ 1.5 -0.  -2.5]
    """
    return -_t(x)


def _binary_operands(x1, x2):
    if isinstance(x1, Tensor) or isinstance(x2, Tensor):
        a = x1 if isinstance(x1, (Tensor, bool, int, float)) else asarray(x1)
        b = x2 if isinstance(x2, (Tensor, bool, int, float)) else asarray(x2)
        return a, b
    return asarray(x1), asarray(x2)


def power(x1, x2):
    """``x1 ** x2`` elementwise, broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.power(x, y))
        [ 1.         1.4142135 27.       ]
    """
    a, b = _binary_operands(x1, x2)
    return a ** b


def add(x1, x2):
    """``x1 + x2`` elementwise, broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.add(x, y))
        [5.  2.5 6. ]
    """
    a, b = _binary_operands(x1, x2)
    return a + b


def subtract(x1, x2):
    """``x1 - x2`` elementwise, broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.subtract(x, y))
        [-3.   1.5  0. ]
    """
    a, b = _binary_operands(x1, x2)
    return a - b


def multiply(x1, x2):
    """``x1 * x2`` elementwise, broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.multiply(x, y))
        [4. 1. 9.]
    """
    a, b = _binary_operands(x1, x2)
    return a * b


def divide(x1, x2):
    """True division elementwise, broadcast.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.divide(x, y))
        [0.25 4.   1.  ]
    """
    a, b = _binary_operands(x1, x2)
    return a / b


true_divide = divide


def maximum(x1, x2):
    """The elementwise maximum.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.maximum(x, y))
        [4. 2. 3.]
    """
    a, b = _binary_operands(x1, x2)
    return _C.maximum(_t(a), _t(b) if isinstance(b, Tensor) else Tensor(b, _t(a).dtype))


def minimum(x1, x2):
    """The elementwise minimum.

    Args:
        x1 (Tensor): The first input.
        x2 (Tensor): The second input.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.minimum(x, y))
        [1.  0.5 3. ]
    """
    a, b = _binary_operands(x1, x2)
    return _C.minimum(_t(a), _t(b) if isinstance(b, Tensor) else Tensor(b, _t(a).dtype))


def clip(a, a_min, a_max, dtype=None):
    """``a`` limited to ``[a_min, a_max]`` (either may be None); keeps ``a``'s dtype.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        a_min (Union[Tensor, number]): The lower bound (None: none).
        a_max (Union[Tensor, number]): The upper bound (None: none).
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, of the shape of `a`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> z = ms.Tensor([0.5, 0.5, 2.0], ms.float32)
        >>> print(mnp.clip(x, y, z))
        [0.5 0.5 2. ]
    """
    a = _t(a)
    if a_min is None and a_max is None:
        raise ValueError("For 'mindspore.numpy.clip', a_min and a_max cannot both be None.")
    out = a
    if a_min is not None:
        lo = a_min.astype(a.dtype) if isinstance(a_min, Tensor) else Tensor(a_min, a.dtype)
        out = _C.maximum(out, lo)
    if a_max is not None:
        hi = a_max.astype(a.dtype) if isinstance(a_max, Tensor) else Tensor(a_max, a.dtype)
        out = _C.minimum(out, hi)
    return out if dtype is None else out.astype(dtype)


def unique(x, return_inverse=False):
    """The distinct elements of ``x`` (flattened first), in the order they first appear, as
    MindSpore 2.10's ``mindspore.numpy.unique`` runs on CPU (it calls the Unique kernel, so the
    result is not sorted and NaNs are all distinct).

    Args:
        x (Tensor): The input tensor.
        return_inverse (bool, optional): Whether to also return, for each element of the flattened
            `x`, the index of its value in the output (Int64 for an Int64 `x`, Int32 otherwise).
            Default: ``False``.

    Returns:
        Tensor, or a tuple ``(unique, inverse)`` when `return_inverse` is True.

    Raises:
        TypeError: If `x` is not a Tensor.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[3, 1], [3, 2]], ms.int32)
        >>> print(mnp.unique(x))
        [3 1 2]
        >>> print(mnp.unique(x, return_inverse=True)[1])
        [0 1 0 2]
    """
    if not isinstance(x, Tensor):
        raise TypeError(f"For 'mindspore.numpy.unique', the input must be a Tensor, but got "
                        f"{type(x).__name__}.")
    out, idx = _ops_unique(x.reshape(-1) if x.ndim > 1 else x)
    return (out, idx) if return_inverse else out


def where(condition, x=None, y=None):
    """``x`` where ``condition`` holds, else ``y``, broadcast.

    Args:
        condition (Tensor): A Bool tensor: where True take `x`, else `y`.
        x (Union[Tensor, number], optional): Taken where `condition` holds. Default: ``None``.
        y (Union[Tensor, number], optional): Taken elsewhere. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, -2.0, 3.0], ms.float32)
        >>> print(mnp.where(x > 0, x, 0.0))
        [1. 0. 3.]
    """
    if x is None or y is None:
        raise TypeError("For 'mindspore.numpy.where', x and y must both be given "
                        "(the one-argument form is not supported, as in MindSpore).")
    cond = _t(condition)
    if cond.dtype != bool_:
        cond = cond.astype(bool_)
    if not isinstance(x, Tensor) and not isinstance(y, Tensor):
        x, y = asarray(x), asarray(y)
    elif not isinstance(x, Tensor):
        x = Tensor(x, y.dtype) if isinstance(x, (bool, int, float)) else asarray(x)
    elif not isinstance(y, Tensor):
        y = Tensor(y, x.dtype) if isinstance(y, (bool, int, float)) else asarray(y)
    return _C.where_(cond, x, y)


def isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    """Elementwise ``|a - b| <= atol + rtol * |b|`` (infinities equal when equal, NaN when
    ``equal_nan``), broadcast; a number operand is broadcast (MindSpore 2.10 rejects it).

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        b (Union[Tensor, list, tuple, number]): The second input.
        rtol (float, optional): The relative tolerance. Default: ``1e-05``.
        atol (float, optional): The absolute tolerance. Default: ``1e-08``.
        equal_nan (bool, optional): Whether two NaNs compare equal. Default: ``False``.

    Returns:
        Tensor of Bool, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.isclose(x, y))
        [False False  True]
    """
    a = _t(a)
    b = b if isinstance(b, Tensor) else Tensor(b, a.dtype) if isinstance(b, (int, float)) else asarray(b)
    if a.dtype not in (float32, float64):
        a = a.astype(float32)
    if b.dtype not in (float32, float64):
        b = b.astype(float32)
    finite = _and((a - a) == 0, (b - b) == 0)  # neither inf nor NaN
    close = _and(finite, (a - b).abs() <= atol + rtol * b.abs())
    out = _or(close, a == b)
    if equal_nan:
        out = _or(out, _and(a != a, b != b))
    return out


def _or(p, q):
    return _C.where_(p, p, q)


def _and(p, q):
    return _C.where_(p, q, p)


def allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False):
    """True (a Bool scalar tensor) when every element of ``a`` is close to ``b``.

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        b (Union[Tensor, list, tuple, number]): The second input.
        rtol (float, optional): The relative tolerance. Default: ``1e-05``.
        atol (float, optional): The absolute tolerance. Default: ``1e-08``.
        equal_nan (bool, optional): Whether two NaNs compare equal. Default: ``False``.

    Returns:
        Tensor of Bool, 0-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(mnp.allclose(x, y))
        False
    """
    return isclose(a, b, rtol, atol, equal_nan).all()


def bincount(x, weights=None, minlength=0, length=None):
    """Occurrences of each value in a non-negative integer tensor (Float32, as mindspore.numpy
    gives), or the sums of ``weights`` per value.

    Args:
        x (Tensor): Non-negative integers.
        weights (Tensor, optional): A weight per element. Default: ``None``.
        minlength (int, optional): The smallest length of the result. Default: ``0``.
        length (int, optional): The exact length of the result. Default: ``None``.

    Returns:
        Tensor, 1-D, of length ``max(x) + 1`` (at least `minlength`).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1, 2, 3], ms.int32)
        >>> print(mnp.bincount(x))
        [0. 1. 1. 1.]
    """
    x = _t(x)
    if x.dtype not in (int32, int64) or x.ndim != 1:
        raise TypeError(f"For 'mindspore.numpy.bincount', x must be a 1-D integer tensor, but got "
                        f"shape {tuple(x.shape)} and dtype {x.dtype}.")
    if x.size and int(x.min()) < 0:
        raise ValueError("For 'mindspore.numpy.bincount', x must be non-negative.")
    n = length if length is not None else _builtins.max(int(x.max()) + 1 if x.size else 0, minlength)
    hits = x.reshape(-1, 1) == _C.arange(0, n, 1, x.dtype).reshape(1, -1)
    if weights is None:
        return hits.astype(float32).sum(axis=0)
    w = _t(weights)
    return _C.where_(hits, w.reshape(-1, 1), Tensor(0, w.dtype)).sum(axis=0)


# -- shapes -------------------------------------------------------------------------------------

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
    reps = (reps,) if isinstance(reps, int) else tuple(reps)
    if any(not isinstance(r, int) or isinstance(r, bool) or r < 0 for r in reps):
        raise ValueError(f"For 'mindspore.numpy.tile', reps must be non-negative ints, but got {reps}.")
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


# -- the rest of MindSpore 2.10's mindspore.numpy, one module per concept -------------------------
# (imported last: they use the helpers above)
from . import math_ops as _math_ops  # noqa: E402
from .math_ops import *  # noqa: E402,F401,F403
from . import rounding_ops as _rounding_ops  # noqa: E402
from .rounding_ops import *  # noqa: E402,F401,F403
from . import binary_math_ops as _binary_math_ops  # noqa: E402
from .binary_math_ops import *  # noqa: E402,F401,F403
from . import logic_ops as _logic_ops  # noqa: E402
from .logic_ops import *  # noqa: E402,F401,F403
from . import set_logic_ops as _set_logic_ops  # noqa: E402
from .set_logic_ops import *  # noqa: E402,F401,F403
from . import array_ops as _array_ops  # noqa: E402
from .array_ops import *  # noqa: E402,F401,F403
from . import array_index_ops as _array_index_ops  # noqa: E402
from .array_index_ops import *  # noqa: E402,F401,F403
from . import reduction_ops as _reduction_ops  # noqa: E402
from .reduction_ops import *  # noqa: E402,F401,F403
from . import other_ops as _other_ops  # noqa: E402
from .other_ops import *  # noqa: E402,F401,F403
from . import histogram_ops as _histogram_ops  # noqa: E402
from .histogram_ops import *  # noqa: E402,F401,F403
from . import poly_ops as _poly_ops  # noqa: E402
from .poly_ops import *  # noqa: E402,F401,F403
from . import stats_ops as _stats_ops  # noqa: E402
from .stats_ops import *  # noqa: E402,F401,F403
from . import gradient_ops as _gradient_ops  # noqa: E402
from .gradient_ops import *  # noqa: E402,F401,F403
from ..common.dtype import (float16, int8, int16, uint8, uint16, uint32,  # noqa: E402,F401
                            uint64)

PINF = inf
NINF = -inf
float_ = float32
int_ = int32
uint = uint32

__all__ += _math_ops.__all__ + _binary_math_ops.__all__ + _logic_ops.__all__
__all__ += _array_ops.__all__ + _array_index_ops.__all__ + _reduction_ops.__all__
__all__ += _other_ops.__all__ + _histogram_ops.__all__ + _poly_ops.__all__ + [
    *_stats_ops.__all__, *_gradient_ops.__all__, *_rounding_ops.__all__, *_set_logic_ops.__all__,
    "PINF", "NINF", "float16", "int8", "int16", "uint8", "uint16", "uint32", "uint64", "float_",
    "int_", "uint"]

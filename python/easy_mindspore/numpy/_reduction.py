"""``mindspore.numpy`` products and reductions (re-exported by ``mindspore.numpy``): ``dot``,
``matmul``, ``inner``, ``outer``; ``sum``, ``mean``, ``var``, ``std``, ``amax``/``max``,
``amin``/``min``, ``argmax``, ``argmin``, ``cumsum``, ``prod``; the counting ``bincount`` and
``unique``. mindspore.numpy's dtype rules: ``sum`` of Bool/Int32 gives Int64, ``mean`` keeps an
integer dtype, ``var``/``std`` of integers give Float32, ``argmax`` gives Int64 and ``argmin``
Int32."""
import builtins as _builtins

from .. import _C
from .._tensor_extremes import reduce_max as _reduce_max, reduce_min as _reduce_min
from ..common.dtype import bool_, float16, float32, float64, int8, int16, int32, int64, uint8
from ..ops.function.array_func import unique as _ops_unique
from ..tensor import Tensor
from ._creation import _t
from .._errors import ContractionError
from ._error_classes import AxisError


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


def matmul(x1, x2, dtype=None):
    """The matrix product with NumPy's rules for 1-D operands and broadcast batch axes.

    Args:
        x1 (Union[Tensor, list, tuple, number]): The input array.
        x2 (Union[Tensor, list, tuple, number]): The second input.
        dtype (mindspore.dtype, optional): The dtype the result is cast to; None keeps the
            natural one. Default: ``None``.

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
    a, b = _t(x1), _t(x2)
    if a.ndim and b.ndim:
        _aligned("matmul", a, b, b.shape[-2] if b.ndim > 1 else b.shape[0])
    out = _C.matmul(a, b)
    return out if dtype is None else out.astype(dtype)


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
    _aligned("inner", a, b, b.shape[-1])
    lead_a, lead_b = tuple(a.shape[:-1]), tuple(b.shape[:-1])
    out = _C.matmul(a.reshape(-1, a.shape[-1]), b.reshape(-1, b.shape[-1]).swapaxes(0, 1))
    return out.reshape(lead_a + lead_b)


def _aligned(name, a, b, k):
    """The check of a product's contracted axes: the last of `a` against `k` of `b` (a
    ValueError, as MindSpore 2.10, that is also the engine's RuntimeError)."""
    if a.shape[-1] != k:
        raise ContractionError(f"For 'mindspore.numpy.{name}', shapes {tuple(a.shape)} and "
                             f"{tuple(b.shape)} are not aligned: {a.shape[-1]} != {k}.")


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


def _reduce_axis(axis):
    """A reduction's `axis` as the kernels take it: an empty tuple reduces every axis, as
    MindSpore 2.10's mindspore.numpy does (NumPy reduces none)."""
    if isinstance(axis, (tuple, list)) and len(axis) == 0:
        return None
    return _axis(axis)


def sum(a, axis=None, dtype=None, keepdims=False, initial=None):
    """Sum over ``axis`` (all axes by default, and for ``axis=()`` as MindSpore 2.10); Bool and
    Int32 sum to Int64; with ``dtype`` the input is cast first, then summed.

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
    a = _t(a)
    if dtype is not None:
        a = a.astype(dtype)  # cast, then sum (NumPy's and MindSpore's order): [1.5, 2.7] sum to 3 as Int32
    out = a.sum(axis=_reduce_axis(axis), dtype=dtype, keepdims=keepdims)
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
    return a.mean(axis=_reduce_axis(axis), keep_dims=keepdims)


def var(x, axis=None, ddof=0, keepdims=False):
    """Variance over ``axis`` with ``ddof`` delta degrees of freedom (Float32 for integers).

    Args:
        x (Union[Tensor, list, tuple, number]): The input array.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        ddof (int, optional): The degrees of freedom removed from the count (1 gives the unbiased
            estimate). Default: ``0``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        Tensor, `x` reduced over `axis` (every axis when None).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.var(x))
        2.7222223
    """
    x, axis = _t(x), _checked_axis("var", _t(x), _reduce_axis(axis))
    if x.dtype not in (float16, float32, float64):
        x = x.astype(float32)
    m = x.mean(axis=axis, keep_dims=True)
    d = x - m
    n = x.size if axis is None else _builtins_prod(
        x.shape[i] for i in ((axis,) if isinstance(axis, int) else axis))
    return (d * d).sum(axis=axis, keepdims=keepdims) / _builtins.max(n - ddof, 0)


def std(x, axis=None, ddof=0, keepdims=False):
    """Standard deviation over ``axis``.

    Args:
        x (Union[Tensor, list, tuple, number]): The input array.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        ddof (int, optional): The degrees of freedom removed from the count (1 gives the unbiased
            estimate). Default: ``0``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Returns:
        Tensor, `x` reduced over `axis` (every axis when None).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.std(x))
        1.6499158
    """
    x = _t(x)
    _checked_axis("std", x, _reduce_axis(axis))
    return var(x, axis, ddof, keepdims).sqrt()


def _checked_axis(name, x, axis):
    """`axis` (None, an int or a list of them) checked against ``x.ndim``: out of range is a
    ValueError (MindSpore 2.10's) that is also an IndexError (NumPy's AxisError)."""
    for ax in ([] if axis is None else [axis] if isinstance(axis, int) else axis):
        if not -x.ndim <= ax < x.ndim:
            raise AxisError(f"For 'mindspore.numpy.{name}', axis {ax} is out of range for "
                            f"{x.ndim} dimensions.")
    return axis


def _builtins_prod(xs):
    p = 1
    for x in xs:
        p *= x
    return p


def amax(a, axis=None, keepdims=False, initial=None, where=None):
    """The maximum over ``axis`` (every axis for None and for ``()``, as MindSpore 2.10), joined
    with `initial`; with a `where` mask only the elements it selects count (`initial` is then
    required: ValueError without it, as NumPy and MindSpore).

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        initial (number, optional): A starting value joined to every reduction. Default: ``None``.
        where (Tensor, optional): A Bool mask of the elements to include, broadcast to the shape
            of `a`; it needs `initial`. Default: ``None``.

    Returns:
        Tensor, `a` reduced over `axis` (every axis when None).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.amax(x))
        2.5
    """
    return _extreme("amax", _reduce_max, _C.maximum, a, axis, keepdims, initial, where)


def amin(a, axis=None, keepdims=False, initial=None, where=None):
    """The minimum over ``axis`` (every axis for None and for ``()``, as MindSpore 2.10), joined
    with `initial`; with a `where` mask only the elements it selects count (`initial` is then
    required: ValueError without it, as NumPy and MindSpore).

    Args:
        a (Union[Tensor, list, tuple, number]): The input array.
        axis (Union[int, tuple(int), list(int)], optional): The axes to reduce; None reduces every
            axis. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.
        initial (number, optional): A starting value joined to every reduction. Default: ``None``.
        where (Tensor, optional): A Bool mask of the elements to include, broadcast to the shape
            of `a`; it needs `initial`. Default: ``None``.

    Returns:
        Tensor, `a` reduced over `axis` (every axis when None).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(mnp.amin(x))
        -1.5
    """
    return _extreme("amin", _reduce_min, _C.minimum, a, axis, keepdims, initial, where)


max = amax
min = amin


def _extreme(name, reduce, pick, a, axis, keepdims, initial, where):
    """``amax``/``amin``: `initial` joins every reduction; the elements outside a `where` mask
    are replaced by `initial`, which a mask needs (ValueError otherwise, as NumPy and MindSpore)."""
    a = _t(a)
    if initial is not None and (isinstance(initial, bool) or not isinstance(initial, (int, float))):
        raise TypeError(f"For 'mindspore.numpy.{name}', 'initial' must be a number, but got "
                        f"{type(initial).__name__}.")
    init = None if initial is None else Tensor(initial, a.dtype)
    if where is not None and not (isinstance(where, bool) and where):
        if init is None:
            raise ValueError(f"For 'mindspore.numpy.{name}', initial value must be provided for "
                             "where masks.")
        mask = _C.broadcast_to(_t(where).astype(bool_), tuple(a.shape))
        a = _C.where_(mask, a, _C.broadcast_to(init, tuple(a.shape)))
    out = reduce(a, _reduce_axis(axis), keepdims)
    return out if init is None else pick(out, init)


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
    """Index of the first minimum (Int32, as mindspore.numpy gives; Int64 for a 0-d input).

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
    a = _t(a)
    # MindSpore 2.10's mnp.argmin is Tensor.argmin, which gives Int64 for a 0-d input
    return a.argmin(axis=axis).astype(int64 if a.ndim == 0 else int32)


def cumsum(a, axis=None, dtype=None):
    """Cumulative sum along ``axis`` (of the flattened tensor when None); Bool, Int8, Int16 and
    UInt8 give Int32.

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
    if dtype == bool_:
        # A Bool sum is a logical or (MindSpore's and NumPy's): true from the first nonzero on.
        return (a != 0).astype(int32).cumsum(axis) > 0
    if dtype is None and a.dtype in (bool_, int8, int16, uint8):
        dtype = int32  # MindSpore 2.10 sums the narrow integers as Int32
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


def bincount(x, weights=None, minlength=0, length=None):
    """Occurrences of each value in a non-negative integer tensor, or the sums of ``weights`` per
    value: Float32 (Float64 for Float64 weights), as mindspore.numpy gives even for integer weights.

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
    w = w if w.dtype == float64 else w.astype(float32)  # integer weights too (MindSpore 2.10)
    return _C.where_(hits, w.reshape(-1, 1), Tensor(0, w.dtype)).sum(axis=0)

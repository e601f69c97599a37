"""More of MindSpore 2.10's ``Tensor`` methods: the method forms of functions that ``ops`` and
``mint`` already have (``x.add(y)``, ``x.softmax(-1)``, ``x.split(2, 1)``, ``x.index_add(...)``),
the PyTorch-style conversions and queries MindSpore's Tensor carries (``half``, ``type``,
``nelement``, ``stride``, ``mT``...), and a few small compositions (``fill``, ``ptp``, ``cov``).

Installed by :func:`install` after the docstrings of ``ops`` are set, so that a method that only
forwards carries its function's docstring under a line saying how the two correspond. A method
that :mod:`._tensor_methods` or the native Tensor already defines is left alone."""
import builtins as _builtins

import numpy as _np

from ._C import Tensor
from ._errors import ShapeError, with_op_name
from ._tensor_extremes import argmax_with_value, argmin_with_value
from .common import dtype as mstype
from .common import sparse_tensor as _sparse

# ``x.name(*args, **kwargs)`` is ``ops.name(x, *args, **kwargs)``.
_OPS_FORWARDS = (
    "absolute", "addbmm", "addmm", "argwhere", "baddbmm", "bernoulli", "copysign", "cosh",
    "diagflat", "diff", "div", "divide", "dot", "fmax", "fmin", "gather_nd", "hardshrink",
    "index_fill", "invert", "isneginf", "isposinf", "ldexp", "logsumexp", "matrix_power",
    "maximum", "minimum", "msort", "mul", "multinomial", "multiply", "negative", "norm",
    "positive", "pow", "ravel", "reciprocal", "reverse", "rsqrt", "searchsorted",
    "select_scatter", "sgn", "sign", "signbit", "sinh", "slice_scatter", "softmax", "split",
    "swapdims", "tan", "top_k", "unbind", "xdivy", "fills", "quantile", "nanquantile",
    "soft_shrink", "unsorted_segment_max", "unsorted_segment_min", "unsorted_segment_prod",
    "inplace_update", "igamma", "igammac", "mvlgamma", "col2im", "fold", "unfold",
)
# ``x.name(*args, **kwargs)`` is ``mint.name(x, *args, **kwargs)`` (PyTorch-style arguments).
_MINT_FORWARDS = ("gcd", "histc", "kthvalue", "allclose", "bitwise_not")


def _t(x):
    return x if isinstance(x, Tensor) else Tensor(x)


def _operand(v):
    """A number or Tensor as it is; other data (a list) as a Tensor, so that ``alpha * [1, 2]``
    scales values instead of repeating the list."""
    return v if isinstance(v, (Tensor, bool, int, float, complex, _np.number)) else Tensor(v)


def _tensor(op, name, v):
    if not isinstance(v, Tensor):
        raise TypeError(f"For '{op}', '{name}' must be a Tensor, but got {type(v).__name__}.")
    return v


def _ints(op, sizes):
    """``sizes`` (ints, or one sequence or Tensor of them) as a tuple of Python ints."""
    if len(sizes) == 1 and isinstance(sizes[0], (tuple, list, Tensor)):
        sizes = sizes[0]
        if isinstance(sizes, Tensor):
            sizes = sizes.asnumpy().tolist()
    out = []
    for s in sizes:
        if isinstance(s, bool) or not isinstance(s, (int, _np.integer)):
            raise TypeError(f"For '{op}', the sizes must be ints, but got {type(s).__name__}.")
        out.append(int(s))
    return tuple(out)


def add(self, other, *, alpha=1):
    """``self + alpha * other``, broadcast.

    Args:
        other (Union[Tensor, number]): The second operand.
        alpha (number, optional): The factor of `other`. Default: ``1``.

    Returns:
        Tensor, of the broadcast shape and promoted dtype.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(x.add(3), x.add(x, alpha=2))
        [4. 5.] [3. 6.]
    """
    other = _operand(other)
    return self + (other if alpha == 1 else other * alpha)


def sub(self, other, *, alpha=1):
    """``self - alpha * other``, broadcast.

    Args:
        other (Union[Tensor, number]): The second operand.
        alpha (number, optional): The factor of `other`. Default: ``1``.

    Returns:
        Tensor, of the broadcast shape and promoted dtype.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(x.sub(3), x.sub(x, alpha=2))
        [-2. -1.] [-1. -2.]
    """
    other = _operand(other)
    return self - (other if alpha == 1 else other * alpha)


def subtract(self, other, *, alpha=1):
    """``self - alpha * other``, broadcast (the same as :meth:`sub`).

    Args:
        other (Union[Tensor, number]): The second operand.
        alpha (number, optional): The factor of `other`. Default: ``1``.

    Returns:
        Tensor, of the broadcast shape and promoted dtype.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([1.0, 2.0], ms.float32).subtract(1))
        [0. 1.]
    """
    return sub(self, other, alpha=alpha)


def expand(self, *size):
    """This tensor broadcast to `size` (``-1`` keeps an axis), as a view where it can be.

    Args:
        *size (Union[int, tuple[int], list[int]]): The new shape, as ints or one sequence.

    Returns:
        Tensor, of shape `size`.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0], [2.0]], ms.float32)
        >>> print(x.expand(2, 3))
        [[1. 1. 1.]
         [2. 2. 2.]]
    """
    size = _ints("expand", size)
    lead = len(size) - self.ndim
    if lead < 0:
        raise ShapeError(f"For 'expand', the new shape {list(size)} has fewer axes than the "
                         f"tensor's shape {list(self.shape)}.")
    size = tuple(self.shape[i - lead] if s == -1 and i >= lead else s for i, s in enumerate(size))
    return self.broadcast_to(size)


def fill(self, value):
    """A new tensor of this tensor's shape and dtype, every element `value` (this one is unchanged,
    as MindSpore 2.10's ``fill``; ``fill_`` writes in place).

    Args:
        value (Union[number, Tensor]): The value (a 0-D tensor or a number).

    Returns:
        Tensor, of this tensor's shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([1, 2, 3], ms.int32).fill(7))
        [7 7 7]
    """
    from . import ops
    if isinstance(value, Tensor):
        if value.size != 1:
            raise ShapeError(f"For 'fill', the value must be a number or a one-element tensor, but "
                             f"got shape {list(value.shape)}.")
        return ops.broadcast_to(value.reshape(()).astype(self.dtype), tuple(self.shape))
    return ops.full(tuple(self.shape), value, dtype=self.dtype)


def where(self, condition, other=None, *, y=None):
    """``self`` where `condition` holds, else `other` (``ops.where(condition, self, other)``;
    ``y`` is its older name).

    Args:
        condition (Tensor): A Bool tensor, broadcast with this one.
        other (Union[Tensor, number]): The values where `condition` is False.
        y (Union[Tensor, number], optional): `other` by its older name. Default: ``None``.

    Returns:
        Tensor, of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 5.0, 3.0], ms.float32)
        >>> print(x.where(x > 2, 0.0))
        [0. 5. 3.]
    """
    from . import ops
    if (other is None) == (y is None):
        raise TypeError("Tensor.where() takes the other values once, as 'other' (or 'y').")
    return ops.where(condition, self, other if y is None else y)


def clone(self):
    """A copy of this tensor (its own storage; gradients flow through it).

    Returns:
        Tensor, equal to this one.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> y = x.clone()
        >>> y[0] = 5.0
        >>> print(x, y)
        [1. 2.] [5. 2.]
    """
    return self.copy()


def reshape_as(self, other):
    """This tensor with `other`'s shape.

    Args:
        other (Tensor): The tensor whose shape is taken.

    Returns:
        Tensor, of `other`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0, 4.0], ms.float32)
        >>> print(x.reshape_as(ms.Tensor([[0, 0], [0, 0]])).shape)
        (2, 2)
    """
    return self.reshape(tuple(_tensor("reshape_as", "other", other).shape))


def view_as(self, other):
    """This tensor viewed with `other`'s shape.

    Args:
        other (Tensor): The tensor whose shape is taken.

    Returns:
        Tensor, of `other`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0, 4.0], ms.float32)
        >>> print(x.view_as(ms.Tensor([[0, 0], [0, 0]])).shape)
        (2, 2)
    """
    return self.view(tuple(_tensor("view_as", "other", other).shape))


def type_as(self, other):
    """This tensor cast to `other`'s dtype.

    Args:
        other (Tensor): The tensor whose dtype is taken.

    Returns:
        Tensor, of this shape and `other`'s dtype.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([1.5, 2.5], ms.float32).type_as(ms.Tensor([1], ms.int32)))
        [1 2]
    """
    return self.astype(_tensor("type_as", "other", other).dtype)


def type_(self, dtype=None):
    """With no argument, the name of this tensor's dtype (``'Float32'``); with one, this tensor
    cast to `dtype`.

    Args:
        dtype (mindspore.dtype, optional): The dtype to cast to. Default: ``None``.

    Returns:
        Union[str, Tensor].

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.5, 2.5], ms.float32)
        >>> print(x.type(), x.type(ms.int32))
        Float32 [1 2]
    """
    return str(self.dtype) if dtype is None else self.astype(dtype)


def _caster(dtype, name):
    def cast(self):
        return self.astype(dtype)
    cast.__doc__ = f"""This tensor cast to {dtype}.

    Returns:
        Tensor, of this shape and dtype {dtype}.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([1.0, 2.0], ms.float32).{name}().dtype)
        {dtype}
    """
    return cast


half = _caster(mstype.float16, "half")
short = _caster(mstype.int16, "short")
byte = _caster(mstype.uint8, "byte")
bfloat16 = _caster(mstype.bfloat16, "bfloat16")


def nelement(self):
    """The number of elements (the same as ``size`` and ``numel()``).

    Returns:
        int.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([[1, 2, 3], [4, 5, 6]]).nelement())
        6
    """
    return self.size


def ndimension(self):
    """The number of axes (the same as ``ndim``).

    Returns:
        int.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([[1, 2, 3], [4, 5, 6]]).ndimension())
        2
    """
    return self.ndim


def is_signed(self):
    """Whether the dtype holds negative numbers (floats, complex and the signed integers).

    Returns:
        bool.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([1], ms.int8).is_signed(), ms.Tensor([1], ms.uint8).is_signed())
        True False
    """
    return self.dtype not in (mstype.bool_, mstype.uint8, mstype.uint16, mstype.uint32, mstype.uint64)


def is_floating_point(self):
    """Whether the dtype is a float type (Float16, BFloat16, Float32, Float64).

    Returns:
        bool.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([1.0]).is_floating_point(), ms.Tensor([1]).is_floating_point())
        True False
    """
    return self.dtype in mstype.float_type


def is_contiguous(self):
    """Whether the elements lie in row-major order without gaps. Here always True: every tensor's
    value is stored row-major, and a view (``x.T``, ``x[:, ::2]``) holds its own row-major copy
    that in-place writes keep in step with its base (MindSpore 2.10 answers False for such views;
    ``contiguous()`` is a no-op either way).

    Returns:
        bool.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1, 2, 3], [4, 5, 6]])
        >>> print(x.is_contiguous(), x.T.is_contiguous())
        True True
    """
    return True


def contiguous(self):
    """This tensor: it is always row-major here (see :meth:`is_contiguous`).

    Returns:
        Tensor, equal to this one.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1, 2, 3], [4, 5, 6]])
        >>> print(x.contiguous() is x, x.T.contiguous().is_contiguous())
        True True
    """
    return self


def stride(self, dim=None):
    """The steps between neighbouring elements along each axis, in elements (``strides`` divided
    by the item size); with `dim`, that axis's step.

    Args:
        dim (int, optional): One axis. Default: ``None``.

    Returns:
        Union[list[int], int].

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1, 2, 3], [4, 5, 6]])
        >>> print(x.stride(), x.stride(0))
        [3, 1] 3
    """
    steps = [s // self.itemsize for s in self.strides]
    if dim is None:
        return steps
    if isinstance(dim, bool) or not isinstance(dim, int) or not -self.ndim <= dim < _builtins.max(self.ndim, 1):
        raise ShapeError(f"For 'stride', dim must be an int in [{-self.ndim}, {self.ndim}), but got {dim!r}.")
    return steps[dim]


def storage_offset(self):
    """Where this tensor's first element lies in its storage, in elements: always 0 here, since
    every tensor, a view too, holds its own row-major copy of its elements.

    Returns:
        int.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([1, 2, 3]).storage_offset())
        0
    """
    return 0


def new_empty(self, size, *, dtype=None, device=None):
    """A new tensor of shape `size` (zeros here) in this tensor's dtype unless `dtype` is given.

    Args:
        size (Union[int, tuple[int], list[int]]): The shape.
        dtype (mindspore.dtype, optional): The dtype. Default: ``None``.
        device (str, optional): Where to create it: ``None`` or ``'CPU'`` (the one device here).
            Default: ``None``.

    Returns:
        Tensor, of shape `size`.

    Raises:
        TypeError: If `device` is neither None nor a string.
        ValueError: If `device` names no device.
        RuntimeError: If `device` is ``'Ascend'`` or ``'GPU'`` (not available here).

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([1.0]).new_empty((2, 3)).shape)
        (2, 3)
    """
    if device is not None:
        if not isinstance(device, str):
            raise TypeError(f"For 'new_empty', argument 'device' must be a string, but got {type(device).__name__}.")
        name = device.split(":")[0]
        if name in ("Ascend", "GPU", "npu"):
            from ._errors import ComputeError
            raise ComputeError(f"For 'new_empty', the device {device!r} is not available: this process only "
                               f"supports 'CPU'.")
        if name not in ("CPU", "cpu"):
            raise ShapeError(f"For 'new_empty', 'device' must be 'CPU', 'Ascend' or 'GPU', but got {device!r}.")
    return self.new_zeros(size, dtype=dtype)


def ptp(self, axis=None, keepdims=False):
    """The range ``max - min`` over `axis` (all axes when None).

    Args:
        axis (Union[int, tuple[int]], optional): The axes. Default: ``None``.
        keepdims (bool, optional): Whether the reduced axes are kept with size 1. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([[1.0, 5.0], [2.0, 3.0]]).ptp())
        4.0
    """
    from . import numpy as mnp
    return mnp.ptp(self, axis=axis, keepdims=keepdims)


def cov(self, *, correction=1, fweights=None, aweights=None):
    """The covariance matrix of the variables in the rows of this 1-D or 2-D tensor (observations
    in the columns), with `correction` (1: unbiased) and optional frequency/analytic weights.

    Args:
        correction (int, optional): The difference between the observation count and the divisor.
            Default: ``1``.
        fweights (Tensor, optional): Integer frequency weights per observation. Default: ``None``.
        aweights (Tensor, optional): Observation weights. Default: ``None``.

    Returns:
        Tensor, ``[n, n]`` for ``n`` variables (0-D for one).

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([[0.0, 1.0, 2.0], [2.0, 1.0, 0.0]]).cov())
        [[ 1. -1.]
         [-1.  1.]]
    """
    from . import numpy as mnp
    return mnp.cov(self, ddof=correction, fweights=fweights, aweights=aweights)


def sum_to_size(self, *size):
    """This tensor summed down to `size` (the inverse of broadcasting: leading axes summed away,
    axes of size 1 in `size` summed with their size kept).

    Args:
        *size (Union[int, tuple[int]]): The target shape, which this tensor's shape broadcasts to.

    Returns:
        Tensor, of shape `size`.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
        >>> print(x.sum_to_size(1, 3))
        [[5. 7. 9.]]
    """
    size = _ints("sum_to_size", size)
    shape = tuple(self.shape)
    lead = len(shape) - len(size)
    if lead < 0 or any(s not in (1, n) for s, n in zip(size, shape[lead:])):
        raise ShapeError(f"For 'sum_to_size', the shape {list(size)} does not broadcast to the "
                         f"tensor's shape {list(shape)}.")
    out = self.sum(tuple(range(lead))) if lead else self
    keep = tuple(i for i, (s, n) in enumerate(zip(size, shape[lead:])) if s == 1 and n != 1)
    return out.sum(keep, keepdims=True) if keep else out


def diagonal_scatter(self, src, offset=0, dim1=0, dim2=1):
    """This tensor with its diagonal (``offset``, between axes `dim1` and `dim2`) replaced by `src`.

    Args:
        src (Tensor): The new diagonal, of the shape ``self.diagonal(offset, dim1, dim2)`` has.
        offset (int, optional): The diagonal: 0 the main one, > 0 above it. Default: ``0``.
        dim1 (int, optional): The first axis of the matrices. Default: ``0``.
        dim2 (int, optional): The second axis. Default: ``1``.

    Returns:
        Tensor, of this shape.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
        >>> print(x.diagonal_scatter(ms.Tensor([0.0, 0.0])))
        [[0. 2. 3.]
         [4. 0. 6.]]
    """
    from . import ops
    d = self.diagonal(offset, dim1, dim2)
    src = _t(src).astype(self.dtype)
    if tuple(src.shape) != tuple(d.shape):
        raise ShapeError(f"For 'diagonal_scatter', src must have the diagonal's shape {list(d.shape)}, "
                         f"but got {list(src.shape)}.")
    nd = self.ndim
    d1, d2 = dim1 % nd, dim2 % nd
    y = ops.moveaxis(self, (d1, d2), (-2, -1))
    n1, n2 = y.shape[-2], y.shape[-1]
    rows, cols = _np.arange(n1).reshape(-1, 1), _np.arange(n2).reshape(1, -1)
    mask = cols - rows == offset
    # element (r, c) of the diagonal is src[..., r] above the main diagonal, src[..., c] below
    k = _np.broadcast_to(rows if offset >= 0 else cols, (n1, n2))
    k = _np.clip(k, 0, _builtins.max(src.shape[-1] - 1, 0)).reshape(-1)
    if src.shape[-1] == 0:
        return self
    spread = src[..., Tensor(k.astype(_np.int64))].reshape(tuple(y.shape))
    out = ops.where(Tensor(mask), spread, y)
    return ops.moveaxis(out, (-2, -1), (d1, d2))


def renorm(self, p, axis, maxnorm):
    """Each sub-tensor along `axis` (``self[i]`` taken along that axis) whose `p`-norm exceeds
    `maxnorm` scaled down to norm `maxnorm`.

    Args:
        p (float): The norm's order (> 0).
        axis (int): The axis whose slices are renormalised.
        maxnorm (float): The largest norm kept.

    Returns:
        Tensor, of this shape.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([[3.0, 4.0], [0.3, 0.4]])
        >>> print(x.renorm(2, 0, 1.0))
        [[0.6 0.8]
         [0.3 0.4]]
    """
    if isinstance(p, bool) or not isinstance(p, (int, float)):
        raise TypeError(f"For 'renorm', p must be a number, but got {type(p).__name__}.")
    if not p > 0:
        raise ShapeError(f"For 'renorm', p must be positive, but got {p!r}.")
    axis = axis % _builtins.max(self.ndim, 1)
    others = tuple(i for i in range(self.ndim) if i != axis)
    norm = (self.abs() ** p).sum(others, keepdims=True) ** (1.0 / p)
    from . import ops
    scale = ops.where(norm > maxnorm, maxnorm / (norm + 1e-7), Tensor(1.0, norm.dtype))
    return self * scale.astype(self.dtype)


def nextafter(self, other):
    """The next float after each element of this tensor towards `other` (not differentiable).

    Args:
        other (Tensor): The direction, broadcast with this tensor.

    Returns:
        Tensor, of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print((x.nextafter(ms.Tensor([2.0, 0.0], ms.float32)) - x).asnumpy().tolist())
        [1.1920928955078125e-07, -1.1920928955078125e-07]
    """
    if self.dtype not in (mstype.float32, mstype.float64):
        raise TypeError(f"For 'nextafter', the input must be Float32 or Float64, but got {self.dtype}.")
    a = self.asnumpy()
    b = _t(other).asnumpy().astype(a.dtype)
    return Tensor(_np.nextafter(a, b))


def masked_scatter(self, mask, source):
    """This tensor with the positions where `mask` holds filled, in row-major order, from the first
    elements of `source`.

    Args:
        mask (Tensor): A Bool tensor broadcast to this shape.
        source (Tensor): At least as many elements as `mask` has True values.

    Returns:
        Tensor, of this shape.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0, 3.0, 4.0])
        >>> print(x.masked_scatter(x > 2, ms.Tensor([9.0, 8.0])))
        [1. 2. 9. 8.]
    """
    from . import ops
    mask = ops.broadcast_to(_t(mask).astype(mstype.bool_), tuple(self.shape))
    flat = mask.reshape(-1)
    n = int(flat.astype(mstype.int32).sum())
    src = _t(source).astype(self.dtype).reshape(-1)
    if src.size < n:
        raise ShapeError(f"For 'masked_scatter', source has {src.size} elements but the mask selects {n}.")
    # position k of a True element is the count of True elements before it
    pos = ops.cumsum(flat.astype(mstype.int32), 0) - 1
    picked = src[pos.clip(0, _builtins.max(n - 1, 0))] if n else self.reshape(-1)
    return ops.where(flat, picked, self.reshape(-1)).reshape(tuple(self.shape))


def fill_diagonal(self, fill_value, wrap=False):
    """A copy of this (at least 2-D, equal-sided when over 2-D) tensor with its main diagonal set to
    `fill_value`; for a tall matrix, `wrap` restarts the diagonal every ``N + 1`` rows.

    Args:
        fill_value (number): The value.
        wrap (bool, optional): Whether the diagonal wraps in a tall matrix. Default: ``False``.

    Returns:
        Tensor, of this shape.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]).fill_diagonal(9.0))
        [[9. 2. 3.]
         [4. 9. 6.]]
    """
    if self.ndim < 2:
        raise ShapeError(f"For 'fill_diagonal', the input must be at least 2-D, but got {self.ndim}-D.")
    if self.ndim > 2 and len(set(self.shape)) != 1:
        raise ShapeError(f"For 'fill_diagonal', all axes must have the same length, but got {list(self.shape)}.")
    flat = _np.zeros(self.size, bool)
    if self.ndim == 2:
        rows, cols = self.shape
        step = cols + 1
        end = self.size if wrap else _builtins.min(rows, cols) * cols
        flat[:end:step] = True
    else:
        step = int(_np.sum(_np.cumprod([1] + list(self.shape[1:]))[:self.ndim]))
        flat[::step] = True
    from . import ops
    return ops.where(Tensor(flat.reshape(tuple(self.shape))), Tensor(fill_value, self.dtype), self)


def approximate_equal(self, other, tolerance=1e-5):
    """Whether ``|self - other| < tolerance``, elementwise.

    Args:
        other (Tensor): The other tensor.
        tolerance (float, optional): The tolerance. Default: ``1e-5``.

    Returns:
        Tensor, Bool.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([1.0, 2.0]).approximate_equal(ms.Tensor([1.0, 2.1])))
        [ True False]
    """
    return (self - other).abs() < tolerance


def bincount(self, weights=None, minlength=0):
    """How often each value ``0, 1, ...`` occurs in this 1-D non-negative integer tensor (the sums
    of `weights` at those places, when given); Float32, as MindSpore 2.10's method gives.

    Args:
        weights (Tensor, optional): A weight per element. Default: ``None``.
        minlength (int, optional): The least length of the result. Default: ``0``.

    Returns:
        Tensor, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([0, 2, 2], ms.int32).bincount())
        [1. 0. 2.]
    """
    from . import numpy as mnp
    return mnp.bincount(self, weights, minlength)


def lcm(self, other):
    """The least common multiple with `other`, elementwise (integers).

    Args:
        other (Tensor): The other integer tensor.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([4, 6], ms.int32).lcm(ms.Tensor([6, 4], ms.int32)))
        [12 12]
    """
    from . import numpy as mnp
    return mnp.lcm(self, other)


def inv(self):
    """``1 / self``, elementwise (``ops.inv``: integers divide as integers).

    Returns:
        Tensor, of this tensor's dtype.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([2.0, 4.0]).inv())
        [0.5  0.25]
    """
    from . import ops
    return ops.inv(self)


def isreal(self):
    """Whether each element has no imaginary part (always True for a real dtype).

    Returns:
        Tensor, Bool.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([1.0, 2.0]).isreal())
        [ True  True]
    """
    from . import ops
    if self.dtype in (mstype.complex64, mstype.complex128):
        return ops.imag(self) == 0
    return ops.ones_like(self, dtype=mstype.bool_)


def i0(self):
    """The modified Bessel function of the first kind of order 0, elementwise.

    Returns:
        Tensor, a float tensor.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([0.0, 1.0]).i0())
        [1.        1.2660658]
    """
    from . import ops
    return ops.bessel_i0(self if self.dtype in mstype.float_type else self.astype(mstype.float32))


def nanmedian(self, axis=-1, keepdims=False):
    """The median along `axis` ignoring NaNs, and its index: ``(values, Int64 indices)``.

    Args:
        axis (int, optional): The axis. Default: ``-1``.
        keepdims (bool, optional): Whether the axis is kept with size 1. Default: ``False``.

    Returns:
        tuple(Tensor, Tensor).

    Examples:
        >>> import mindspore as ms
        >>> v, i = ms.Tensor([[1.0, float('nan'), 3.0, 2.0]]).nanmedian()
        >>> print(v, i)
        [2.] [3]
    """
    from . import ops
    x = _t(self)
    nan = x != x
    count = (~nan).astype(mstype.int32).sum(axis, keepdims=True)
    # NaN sorts last: the lower median of the valid values is at (count - 1) // 2
    values, order = ops.sort(ops.where(nan, Tensor(float("inf"), x.dtype), x), axis)
    k = ((count - 1) // 2).clip(0, None).astype(mstype.int64)
    v = ops.gather_elements(values, axis, k)
    i = ops.gather_elements(order.astype(mstype.int64), axis, k)
    all_nan = count == 0
    v = ops.where(all_nan, Tensor(float("nan"), x.dtype), v)
    if not keepdims:
        v, i = v.squeeze(axis), i.squeeze(axis)
    return v, i


def _prop_mT(self):
    """The last two axes swapped (a view; the matrix transpose of a batch of matrices).

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([[[1, 2, 3], [4, 5, 6]]]).mT.shape)
        (1, 3, 2)
    """
    if self.ndim < 2:
        raise ShapeError(f"For 'mT', the tensor must be at least 2-D, but got {self.ndim}-D.")
    return self.swapaxes(-2, -1)


def _prop_mH(self):
    """The conjugate of :attr:`mT` (for a real tensor, the same).

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([[1.0, 2.0]]).mH.shape)
        (2, 1)
    """
    out = _prop_mT(self)
    if self.dtype in (mstype.complex64, mstype.complex128):
        from . import ops
        out = ops.conj(out)
    return out


def _prop_H(self):
    """The conjugate transpose of a matrix (a real matrix's transpose).

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([[1.0, 2.0]]).H.shape)
        (2, 1)
    """
    if self.ndim != 2:
        raise ShapeError(f"For 'H', the tensor must be 2-D, but got {self.ndim}-D.")
    return _prop_mH(self)


def _prop_device(self):
    """The device the tensor lives on: ``'CPU'``."""
    return "CPU"


def value(self):
    """This tensor itself (MindSpore's ``Tensor.value()``, which a Parameter answers with its value).

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0])
        >>> print(x.value() is x)
        True
    """
    return self


def _view_as_dtype(self, dtype):
    """``Tensor.view(dtype)`` (called by the native ``view``): the bytes of ``self`` read as
    `dtype`, the last axis scaled by the ratio of the item sizes (NumPy's ``ndarray.view``); a new
    tensor, outside the gradient."""
    target = mstype.dtype_to_nptype(dtype)
    a = _np.ascontiguousarray(self.asnumpy())
    try:
        return Tensor(a.view(target), dtype)
    except ValueError:
        raise ShapeError(f"For 'view', a tensor of shape {list(self.shape)} and dtype {self.dtype} cannot be "
                         f"read as {dtype}: the last axis's bytes must divide into its items.") from None


_METHODS = {
    "to_coo": _sparse.tensor_to_coo, "to_csr": _sparse.tensor_to_csr,
    "add": add, "sub": sub, "subtract": subtract, "expand": expand, "fill": fill, "where": where,
    "clone": clone, "reshape_as": reshape_as, "view_as": view_as,
    "type_as": type_as, "type": type_, "half": half, "short": short, "byte": byte,
    "bfloat16": bfloat16, "nelement": nelement, "ndimension": ndimension, "is_signed": is_signed,
    "is_floating_point": is_floating_point, "is_contiguous": is_contiguous,
    "contiguous": contiguous, "stride": stride, "storage_offset": storage_offset,
    "new_empty": new_empty, "ptp": ptp, "cov": cov, "sum_to_size": sum_to_size,
    "diagonal_scatter": diagonal_scatter, "masked_scatter": masked_scatter,
    "fill_diagonal": fill_diagonal, "approximate_equal": approximate_equal,
    "argmax_with_value": argmax_with_value, "argmin_with_value": argmin_with_value, "lcm": lcm, "bincount": bincount,
    "inv": inv, "isreal": isreal, "i0": i0, "nanmedian": nanmedian, "renorm": renorm,
    "nextafter": nextafter, "value": value,
}
def _prop_data(self):
    """This tensor itself (MindSpore's ``Tensor.data``; a Parameter's is its value)."""
    return self


_PROPERTIES = {"mT": _prop_mT, "mH": _prop_mH, "H": _prop_H, "device": _prop_device,
               "data": _prop_data}


def _contains(self, value):
    """``value in x``: whether any element equals `value` (MindSpore 2.10)."""
    return bool((self == value).any())


def _forwarder(module, name, module_name):
    target = getattr(module, name)

    def method(self, *args, **kwargs):
        return target(self, *args, **kwargs)
    head = (f"The method form of :func:`mindspore.{module_name}.{name}`: ``x.{name}(*args)`` is "
            f"``{module_name}.{name}(x, *args)``.")
    method.__doc__ = head + "\n\n" + (target.__doc__ or "")
    return method


def install():
    """Puts the methods and properties on ``Tensor`` where it has none of that name (after the
    docstrings of ``ops`` are set, which the forwarding methods carry)."""
    from . import mint, ops
    methods = dict(_METHODS)
    for name in _OPS_FORWARDS:
        methods.setdefault(name, _forwarder(ops, name, "ops"))
    for name in _MINT_FORWARDS:
        methods.setdefault(name, _forwarder(mint, name, "mint"))
    for name, fn in methods.items():
        if name in Tensor.__dict__:
            continue
        fn.__name__ = name
        fn.__qualname__ = f"Tensor.{name}"
        wrapped = with_op_name(fn, name)
        wrapped._ems_python = True
        setattr(Tensor, name, wrapped)
    for name, fn in _PROPERTIES.items():
        if name not in Tensor.__dict__:
            setattr(Tensor, name, property(fn, doc=fn.__doc__))
    if "__contains__" not in Tensor.__dict__:
        Tensor.__contains__ = _contains


__all__ = ["install"]

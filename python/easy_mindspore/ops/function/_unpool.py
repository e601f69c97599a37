"""``mindspore.ops`` ``max_unpool1d/2d/3d`` (the inverse of a max pool given its indices: each
value written at its flat index in a zero plane, one scatter) and ``lrn`` (local response
normalisation across channels: the windowed sum of squares is a sum of shifted channel slices).
Re-exported by ``nn_func``. Compositions of engine ops, differentiable."""
import math
from reprlib import repr as _repr

import numpy as _np

from ... import _C
from ..._errors import ComputeError, DTypeError, ShapeError
from ...common import dtype as _mstype
from ._args import int_arg as _int, tensor_arg as _tensor

__all__ = ["max_unpool1d", "max_unpool2d", "max_unpool3d", "lrn"]

_INDEX_DTYPES = (_mstype.int32, _mstype.int64)


def _ints(op, name, v, n, positive=True):
    if isinstance(v, bool) or not isinstance(v, (int, _np.integer, tuple, list)):
        raise DTypeError(f"For '{op}', '{name}' must be an int or a tuple of {n} ints, but got "
                         f"{type(v).__name__}.")
    t = (int(v),) * n if isinstance(v, (int, _np.integer)) else tuple(v)
    if len(t) != n or any(isinstance(e, bool) or not isinstance(e, (int, _np.integer))
                          or e < (1 if positive else 0) for e in t):
        what = "positive" if positive else "non-negative"
        raise ShapeError(f"For '{op}', '{name}' must be a {what} int or a tuple of {n} {what} ints, "
                         f"but got {_repr(v)}.")
    return tuple(int(e) for e in t)


def unpool(op, nd, x, indices, kernel_size, stride, padding, output_size):
    """Scatters ``x [N, C, *in]`` (or ``[C, *in]``) to the flat positions ``indices`` of zero
    planes of the output size: ``(in - 1)·stride - 2·padding + kernel_size`` per axis, or
    ``output_size`` (its last ``nd`` entries) within one stride of that."""
    x, idx = _tensor(op, "x", x), _tensor(op, "indices", indices)
    if x.ndim not in (nd + 1, nd + 2):
        raise ShapeError(f"For '{op}', 'x' must be {nd + 1}-D or {nd + 2}-D, but got shape "
                         f"{list(x.shape)}.")
    if tuple(idx.shape) != tuple(x.shape):
        raise ShapeError(f"For '{op}', 'indices' must have the shape of 'x' {list(x.shape)}, but "
                         f"got {list(idx.shape)}.")
    if idx.dtype not in _INDEX_DTYPES:
        raise DTypeError(f"For '{op}', 'indices' must be Int32 or Int64, but got {idx.dtype}.")
    k = _ints(op, "kernel_size", kernel_size, nd)
    s = k if stride is None else _ints(op, "stride", stride, nd)
    p = _ints(op, "padding", padding, nd, positive=False)
    dims = tuple(x.shape[-nd:])
    default = [(n - 1) * ss - 2 * pp + kk for n, kk, ss, pp in zip(dims, k, s, p)]
    if output_size is None or (isinstance(output_size, (tuple, list)) and len(output_size) == 0):
        out = default
    else:
        if not isinstance(output_size, (tuple, list)) or len(output_size) not in (nd, x.ndim):
            raise ShapeError(f"For '{op}', 'output_size' must be a tuple of {nd} or {x.ndim} ints, "
                             f"but got {_repr(output_size)}.")
        out = [int(v) for v in output_size[-nd:]]
        for o, dflt, ss in zip(out, default, s):
            if not dflt - ss <= o <= dflt + ss:
                raise ShapeError(f"For '{op}', 'output_size' {tuple(out)} must be within one stride "
                                 f"{s} of the default size {tuple(default)}.")
    if min(out) <= 0:
        raise ShapeError(f"For '{op}', the output size {tuple(out)} must be positive.")
    lead = tuple(x.shape[:-nd])
    size = math.prod(out)
    cells = math.prod(dims)
    flat_idx = idx.reshape(lead + (cells,)).astype(_mstype.int64)
    if flat_idx.size:
        lo, hi = int(flat_idx.min()), int(flat_idx.max())
        if lo < 0 or hi >= size:
            raise ComputeError(f"For '{op}', 'indices' must be in [0, {size}) (the output plane "
                               f"{tuple(out)}), but got values in [{lo}, {hi}].")
    zeros = _C.full(lead + (size,), 0, x.dtype)
    y = zeros.scatter(len(lead), flat_idx, x.reshape(lead + (cells,)))
    return y.reshape(lead + tuple(out))


def max_unpool1d(x, indices, kernel_size, stride=None, padding=0, output_size=None):
    """``ops.max_unpool1d``: the inverse of ``max_pool1d``: each value of ``x [N, C, L_in]`` (or
    ``[C, L_in]``) written at its position ``indices`` in zeros of length ``(L_in - 1)·stride -
    2·padding + kernel_size`` (or ``output_size``). Where indices repeat, the last value wins.

    Args:
        x (Tensor): The pooled values.
        indices (Tensor): Their Int32 or Int64 positions, of `x`'s shape.
        kernel_size (Union[int, tuple[int]]): The pool's window size.
        stride (Union[int, tuple[int]], optional): The pool's stride; ``None`` is `kernel_size`.
            Default: ``None``.
        padding (Union[int, tuple[int]], optional): The pool's padding. Default: ``0``.
        output_size (tuple[int], optional): The output size (its last entry counts), within one
            stride of the default. Default: ``None``.

    Returns:
        Tensor ``[N, C, L_out]`` (or ``[C, L_out]``) of `x`'s dtype.

    Raises:
        TypeError: If `x` or `indices` is not a Tensor, or `indices` is not Int32/Int64.
        ValueError: If the shapes, sizes or `output_size` are wrong.
        RuntimeError: If an index is outside the output.

    Examples:
        >>> import numpy as np
        >>> from easy_mindspore import Tensor, ops
        >>> x = Tensor(np.array([[[5.0, 4.0, 6.0]]], np.float32))
        >>> idx = Tensor(np.array([[[1, 3, 5]]], np.int64))
        >>> print(ops.max_unpool1d(x, idx, 2))
        [[[0. 5. 0. 4. 0. 6.]]]
    """
    return unpool("MaxUnpool1D", 1, x, indices, kernel_size, stride, padding, output_size)


def max_unpool2d(x, indices, kernel_size, stride=None, padding=0, output_size=None):
    """``ops.max_unpool2d``: the inverse of ``max_pool2d``: each value of ``x [N, C, H, W]`` (or
    ``[C, H, W]``) written at its flat position ``h·W_out + w`` in zeros of size ``(in - 1)·stride
    - 2·padding + kernel_size`` per axis (or ``output_size``).

    Args:
        x (Tensor): The pooled values.
        indices (Tensor): Their Int32 or Int64 flat positions, of `x`'s shape.
        kernel_size (Union[int, tuple[int]]): The pool's window size.
        stride (Union[int, tuple[int]], optional): The pool's stride; ``None`` is `kernel_size`.
            Default: ``None``.
        padding (Union[int, tuple[int]], optional): The pool's padding. Default: ``0``.
        output_size (tuple[int], optional): The output size (its last 2 entries count), within
            one stride of the default. Default: ``None``.

    Returns:
        Tensor ``[N, C, H_out, W_out]`` (or ``[C, H_out, W_out]``) of `x`'s dtype.

    Raises:
        TypeError: If `x` or `indices` is not a Tensor, or `indices` is not Int32/Int64.
        ValueError: If the shapes, sizes or `output_size` are wrong.
        RuntimeError: If an index is outside the output.

    Examples:
        >>> import numpy as np
        >>> from easy_mindspore import Tensor, ops
        >>> x = Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
        >>> out, idx = ops.max_pool2d(x, 2, return_indices=True)
        >>> print(ops.max_unpool2d(out, idx, 2))
        [[[[ 0.  0.  0.  0.]
           [ 0.  5.  0.  7.]
           [ 0.  0.  0.  0.]
           [ 0. 13.  0. 15.]]]]
    """
    return unpool("MaxUnpool2D", 2, x, indices, kernel_size, stride, padding, output_size)


def max_unpool3d(x, indices, kernel_size, stride=None, padding=0, output_size=None):
    """``ops.max_unpool3d``: the inverse of ``max_pool3d``: each value of ``x [N, C, D, H, W]``
    (or ``[C, D, H, W]``) written at its flat position ``(d·H_out + h)·W_out + w`` in zeros of
    size ``(in - 1)·stride - 2·padding + kernel_size`` per axis (or ``output_size``).

    Args:
        x (Tensor): The pooled values.
        indices (Tensor): Their Int32 or Int64 flat positions, of `x`'s shape.
        kernel_size (Union[int, tuple[int]]): The pool's window size.
        stride (Union[int, tuple[int]], optional): The pool's stride; ``None`` is `kernel_size`.
            Default: ``None``.
        padding (Union[int, tuple[int]], optional): The pool's padding. Default: ``0``.
        output_size (tuple[int], optional): The output size (its last 3 entries count), within
            one stride of the default. Default: ``None``.

    Returns:
        Tensor ``[N, C, D_out, H_out, W_out]`` (or without ``N``) of `x`'s dtype.

    Raises:
        TypeError: If `x` or `indices` is not a Tensor, or `indices` is not Int32/Int64.
        ValueError: If the shapes, sizes or `output_size` are wrong.
        RuntimeError: If an index is outside the output.

    Examples:
        >>> import numpy as np
        >>> from easy_mindspore import Tensor, ops
        >>> x = Tensor(np.arange(8, dtype=np.float32).reshape(1, 1, 2, 2, 2))
        >>> out, idx = ops.max_pool3d(x, 2, return_indices=True)
        >>> print(ops.max_unpool3d(out, idx, 2).reshape(-1))
        [0. 0. 0. 0. 0. 0. 0. 7.]
    """
    return unpool("MaxUnpool3D", 3, x, indices, kernel_size, stride, padding, output_size)


def lrn(x, depth_radius=5, bias=1.0, alpha=1.0, beta=0.5, norm_region="ACROSS_CHANNELS"):
    r"""``ops.lrn``: local response normalisation of ``[N, C, H, W]`` across channels,

    .. math::
        y_c = x_c \Big/ \Big(\text{bias} + \alpha \sum_{c' = c - r}^{c + r} x_{c'}^2\Big)^{\beta}

    (channels outside ``[0, C)`` left out; no division of ``alpha`` by the window size, as
    MindSpore and TensorFlow).

    Args:
        x (Tensor): The input ``[N, C, H, W]``, a float tensor.
        depth_radius (int, optional): The half-width ``r`` of the channel window. Default: ``5``.
        bias (float, optional): The offset. Default: ``1.0``.
        alpha (float, optional): The scale of the sum of squares. Default: ``1.0``.
        beta (float, optional): The exponent. Default: ``0.5``.
        norm_region (str, optional): ``'ACROSS_CHANNELS'``, the one region. Default:
            ``'ACROSS_CHANNELS'``.

    Returns:
        Tensor of `x`'s shape and dtype.

    Raises:
        TypeError: If `x` is not a float Tensor, `depth_radius` not an int, or `bias`, `alpha`,
            `beta` not floats.
        ValueError: If `x` is not 4-D, `depth_radius` is negative or `norm_region` is another.

    Examples:
        >>> import numpy as np
        >>> from easy_mindspore import Tensor, ops
        >>> x = Tensor(np.array([[[[1.0]], [[2.0]], [[3.0]]]], np.float32))
        >>> print(ops.lrn(x, depth_radius=1).reshape(-1))
        [0.40824828 0.5163978  0.8017837 ]
    """
    op = "LRN"
    x = _tensor(op, "x", x)
    r = _int(op, "depth_radius", depth_radius)
    for name, v in (("bias", bias), ("alpha", alpha), ("beta", beta)):
        if not isinstance(v, float):
            raise DTypeError(f"For '{op}', '{name}' must be a float, but got {type(v).__name__}.")
    if r < 0:
        raise ShapeError(f"For '{op}', 'depth_radius' must be >= 0, but got {r}.")
    if norm_region != "ACROSS_CHANNELS":
        raise ShapeError(f"For '{op}', 'norm_region' must be 'ACROSS_CHANNELS', but got "
                         f"{_repr(norm_region)}.")
    if x.ndim != 4:
        raise ShapeError(f"For '{op}', the input must be 4-D [N, C, H, W], but got shape "
                         f"{list(x.shape)}.")
    if x.dtype not in (_mstype.float16, _mstype.float32, _mstype.float64, _mstype.bfloat16):
        raise DTypeError(f"For '{op}', the input must be a float tensor, but got {x.dtype}.")
    c = x.shape[1]
    sq = x * x
    # The window sum: 2r + 1 shifted slices of the squares zero padded by r channels each side
    # (exact, unlike differences of a cumulative sum; r beyond C adds only zeros).
    r = min(r, c)
    if r:
        pad = _C.full((x.shape[0], r) + tuple(x.shape[2:]), 0, x.dtype)
        sq_p = _C.concat([pad, sq, pad], 1)
        window = sq_p[:, 0:c]
        for i in range(1, 2 * r + 1):
            window = window + sq_p[:, i:i + c]
    else:
        window = sq
    return x / (window * alpha + bias) ** beta

"""``mindspore.ops`` 3-D convolution and pooling (re-exported by ``nn_func``): ``conv3d``,
``max_pool3d``, ``avg_pool3d`` and the transposed 3-D convolution behind ``nn.Conv3dTranspose``.

The engine's convolution and pooling primitives are 2-D; a 3-D window is their 2-D window over
the depth slices it touches. For kernel depth ``kd`` the input's ``kd`` strided depth slices (one
per kernel depth offset, each ``[N, C, D_out, H, W]``) are folded into the batch: ``conv3d`` stacks
them on the channel axis and makes one ``Conv2D`` of ``[N·D_out, C·kd, H, W]`` with the weight
``[O, C/groups·kd, kh, kw]`` (channel-major, so groups stay contiguous); the pools run one 2-D pool
per offset and reduce over the offsets (max: the first maximum in ``(d, h, w)`` order, as
MindSpore; mean: the window sums divided by MindSpore's window counts). Compositions of engine
ops, so differentiable to any order."""
from reprlib import repr as _repr

import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as _mstype
from ._args import int_arg as _int, tensor_arg as _tensor

__all__ = ["conv3d", "max_pool3d", "avg_pool3d"]

_FLOATS = (_mstype.float16, _mstype.bfloat16, _mstype.float32, _mstype.float64)


def _triple(op, name, v, positive=True):
    """``v`` (an int or 3 ints) as a 3-tuple of ints."""
    if isinstance(v, bool) or not isinstance(v, (int, _np.integer, tuple, list)):
        raise DTypeError(f"For '{op}', '{name}' must be an int or a tuple of 3 ints, but got "
                         f"{type(v).__name__}.")
    t = (int(v),) * 3 if isinstance(v, (int, _np.integer)) else tuple(v)
    if len(t) != 3 or any(isinstance(e, bool) or not isinstance(e, (int, _np.integer)) for e in t):
        raise ShapeError(f"For '{op}', '{name}' must be an int or a tuple of 3 ints, but got {_repr(v)}.")
    if any(e < (1 if positive else 0) for e in t):
        what = "positive" if positive else "non-negative"
        raise ShapeError(f"For '{op}', '{name}' must be {what}, but got {_repr(v)}.")
    return tuple(int(e) for e in t)


def _padding6(op, padding, lengths=(1, 3, 6)):
    """``padding`` (an int, or 3 or 6 ints as `lengths` allow) as ``[head, tail, top, bottom,
    left, right]``."""
    if isinstance(padding, bool) or not isinstance(padding, (int, _np.integer, tuple, list)):
        raise DTypeError(f"For '{op}', 'padding' must be an int or a tuple, but got "
                         f"{type(padding).__name__}.")
    p = [int(padding)] if isinstance(padding, (int, _np.integer)) else list(padding)
    if len(p) not in lengths or any(isinstance(e, bool) or not isinstance(e, (int, _np.integer))
                                    or e < 0 for e in p):
        sizes = " or ".join(str(n) for n in lengths if n > 1)
        raise ShapeError(f"For '{op}', 'padding' must be a non-negative int or a tuple of {sizes} "
                         f"non-negative ints, but got {_repr(padding)}.")
    if len(p) == 1:
        p = p * 6
    elif len(p) == 3:
        p = [p[0], p[0], p[1], p[1], p[2], p[2]]
    return [int(e) for e in p]


def same_pads(sizes, kernel, stride, dilation):
    """MindSpore's ``'same'`` padding ``[lo, hi]`` per axis (the odd cell at the end), flattened."""
    pads = []
    for n, k, s, d in zip(sizes, kernel, stride, dilation):
        total = max((-(-n // s) - 1) * s + d * (k - 1) + 1 - n, 0)
        pads += [total // 2, total - total // 2]
    return pads


def conv_pads(op, pad_mode, padding6, sizes, kernel, stride, dilation):
    """The 6 paddings of a convolution's ``pad_mode``; `padding6` must be zeros unless ``'pad'``."""
    if not isinstance(pad_mode, str) or pad_mode.lower() not in ("valid", "same", "pad"):
        raise ShapeError(f"For '{op}', 'pad_mode' must be 'valid', 'same' or 'pad', but got "
                         f"{_repr(pad_mode)}.")
    mode = pad_mode.lower()
    if mode != "pad" and any(padding6):
        raise ShapeError(f"For '{op}', 'padding' must be 0 when 'pad_mode' is not 'pad', but got "
                         f"{tuple(padding6)} with pad_mode '{pad_mode}'.")
    if mode == "same":
        return same_pads(sizes, kernel, stride, dilation)
    return list(padding6)


def _pad_axis(x, axis, lo, hi, value=0.0):
    """``x`` with ``lo`` and ``hi`` cells of ``value`` before and after it on ``axis``."""
    if lo == 0 and hi == 0:
        return x
    parts = []
    for n, at_end in ((lo, False), (hi, True)):
        if n:
            shape = list(x.shape)
            shape[axis] = n
            fill = _C.full(shape, value, x.dtype)
            parts = parts + [fill] if at_end else [fill] + parts
        if not at_end:
            parts.append(x)
    return _C.concat(parts, axis)


def _depth_slices(x, kd, stride, dilation, n_out):
    """The ``kd`` depth slices ``x[:, :, i·dilation :: stride][:n_out]`` of a depth-padded
    ``[N, C, D, H, W]``: slice ``i`` holds the cells kernel depth ``i`` meets."""
    return [x[:, :, i * dilation: i * dilation + stride * (n_out - 1) + 1: stride] for i in range(kd)]


def _out_sizes(op, x, kernel, stride, pads, dilation):
    sizes = [(n + pads[2 * a] + pads[2 * a + 1] - dilation[a] * (kernel[a] - 1) - 1) // stride[a] + 1
             for a, n in enumerate(x.shape[2:])]
    if min(sizes) <= 0 or min(x.shape[2:]) == 0:
        raise ShapeError(f"For '{op}', the kernel {tuple(kernel)} (dilation {tuple(dilation)}) is "
                         f"larger than the input {list(x.shape)} padded by {pads}.")
    return sizes


def conv3d_core(x, w, stride, pads, dilation, groups, op="Conv3D"):
    """The cross-correlation of ``x [N, C, D, H, W]`` with ``w [O, C/groups, kd, kh, kw]``, zero
    padded by ``pads`` (6 ints): one ``Conv2D`` of the ``kd`` depth slices folded into the batch
    and stacked on the channel axis."""
    n, c = x.shape[:2]
    o, cg, kd, kh, kw = w.shape
    od, oh, ow = _out_sizes(op, x, (kd, kh, kw), stride, pads, dilation)
    xp = _pad_axis(x, 2, pads[0], pads[1])
    h, wd = x.shape[3:]
    xs = _C.stack(_depth_slices(xp, kd, stride[0], dilation[0], od), 3)   # [N, C, od, kd, H, W]
    xs = xs.transpose(0, 2, 1, 3, 4, 5).reshape(n * od, c * kd, h, wd)
    w2 = w.reshape(o, cg * kd, kh, kw)
    y = _C.conv_window(xs, w2, stride[1:], (pads[2], pads[4]), dilation[1:], groups, (oh, ow))
    return y.reshape(n, od, o, oh, ow).transpose(0, 2, 1, 3, 4)


def _check_float(op, *xs):
    for x in xs:
        if x.dtype not in _FLOATS:
            raise DTypeError(f"For '{op}', the input must be a float tensor (Float16, BFloat16, "
                             f"Float32 or Float64), but got {x.dtype}.")
    if any(x.dtype != xs[0].dtype for x in xs):
        raise DTypeError(f"For '{op}', the input and the weight must have one dtype, but got "
                         f"{', '.join(str(x.dtype) for x in xs)}.")


def check_conv(op, x, w, groups, weight_in_axis=1):
    """The shapes, dtypes and ``groups`` of a 3-D convolution's input and weight: the weight is
    ``[O, C/groups, k...]`` (``weight_in_axis`` 1), or ``[C, O/groups, k...]`` for the transposed
    convolution (``weight_in_axis`` 0)."""
    if x.ndim != 5 or w.ndim != 5:
        raise ShapeError(f"For '{op}', 'input' and 'weight' must be 5-D, but got shapes "
                         f"{list(x.shape)} and {list(w.shape)}.")
    _check_float(op, x, w)
    groups = _int(op, "groups", groups)
    if weight_in_axis == 1:
        ok = groups > 0 and x.shape[1] == w.shape[1] * groups and w.shape[0] % groups == 0
    else:
        ok = groups > 0 and x.shape[1] == w.shape[0] and w.shape[0] % groups == 0
    if not ok:
        raise ShapeError(f"For '{op}', 'input' {list(x.shape)} and 'weight' {list(w.shape)} do not "
                         f"match with groups={groups}.")
    return groups


def add_bias(op, y, bias):
    """``y [N, O, ...]`` plus one bias value per output channel."""
    if bias is None:
        return y
    b = _tensor(op, "bias", bias)
    if b.ndim != 1 or b.shape[0] != y.shape[1]:
        raise ShapeError(f"For '{op}', 'bias' must have shape ({y.shape[1]},), but got "
                         f"{tuple(b.shape)}.")
    return y + b.reshape((-1,) + (1,) * (y.ndim - 2))


def conv3d(input, weight, bias=None, stride=1, pad_mode="valid", padding=0, dilation=1, groups=1):  # noqa: A002
    """``ops.conv3d``: the cross-correlation of ``[N, C, D, H, W]`` with ``weight [O, C/groups, kd,
    kh, kw]``; ``pad_mode`` ``'valid'``, ``'same'`` (the odd padding cell at the end) or ``'pad'``
    (``padding`` an int or ``(d, h, w)``, on both sides). One ``Conv2D`` primitive over the depth
    slices folded into the batch. Float16, BFloat16, Float32 and Float64 (MindSpore's CPU
    kernel has no Float64).

    Args:
        input (Tensor): The input ``[N, C_in, D, H, W]``.
        weight (Tensor): The kernel ``[C_out, C_in / groups, kd, kh, kw]``.
        bias (Tensor, optional): One value per output channel. Default: ``None``.
        stride (Union[int, tuple[int]], optional): The stride, one or 3 ints. Default: ``1``.
        pad_mode (str, optional): ``'valid'``, ``'same'`` or ``'pad'``. Default: ``'valid'``.
        padding (Union[int, tuple[int]], optional): The zero padding of ``'pad'``, an int or 3 ints.
            Default: ``0``.
        dilation (Union[int, tuple[int]], optional): The spacing of the kernel elements. Default:
            ``1``.
        groups (int, optional): The number of groups of channels. Default: ``1``.

    Returns:
        Tensor of shape ``[N, C_out, D_out, H_out, W_out]``.

    Raises:
        TypeError: If `input` or `weight` is not a float Tensor, or their dtypes differ.
        ValueError: If the shapes, `groups`, `stride`, `dilation`, `padding` or `pad_mode` are wrong.

    Examples:
        >>> from easy_mindspore import ops
        >>> x = ops.ones((1, 2, 4, 5, 6))
        >>> w = ops.ones((3, 2, 2, 3, 3))
        >>> print(ops.conv3d(x, w).shape)
        (1, 3, 3, 3, 4)
        >>> print(ops.conv3d(x, w, pad_mode="pad", padding=(1, 0, 1))[0, 0, 0, 0])
        [12. 18. 18. 18. 18. 12.]
    """
    op = "Conv3D"
    x, w = _tensor(op, "input", input), _tensor(op, "weight", weight)
    groups = check_conv(op, x, w, groups)
    s = _triple("conv3d", "stride", stride)
    d = _triple("conv3d", "dilation", dilation)
    pads = conv_pads(op, pad_mode, _padding6("conv3d", padding, (1, 3)), x.shape[2:], w.shape[2:], s, d)
    return add_bias(op, conv3d_core(x, w, s, pads, d, groups), bias)


def _dilate(x, axis, s):
    """``x`` with ``s - 1`` zeros after each cell but the last on ``axis``."""
    if s == 1 or x.shape[axis] == 0:
        return x
    shape = list(x.shape)
    y = x.expand_dims(axis + 1)
    zeros = _C.full(shape[:axis + 1] + [s - 1] + shape[axis + 1:], 0.0, x.dtype)
    y = _C.concat([y, zeros], axis + 1).reshape(shape[:axis] + [shape[axis] * s] + shape[axis + 1:])
    return y[(slice(None),) * axis + (slice(0, (shape[axis] - 1) * s + 1),)]


def conv_transpose3d_core(x, w, stride, crop, out_padding, dilation, groups):
    """The transpose of ``conv3d`` (its gradient with respect to the input): ``x [N, C_in, D, H,
    W]``, ``w [C_in, C_out/groups, kd, kh, kw]``. The full output ``(L - 1)·stride +
    dilation·(k - 1) + 1`` per axis is cut by ``crop`` (6 ints, negative ones add zeros) and
    grown by ``out_padding`` at the end. It is the convolution of the input spread out by
    ``stride`` with the flipped kernel, its input and output channels swapped in each group."""
    ci, og = w.shape[:2]
    k = w.shape[2:]
    y = x
    for a, s in enumerate(stride):
        y = _dilate(y, 2 + a, s)
    wt = w.reshape((groups, ci // groups, og) + tuple(k)).transpose(0, 2, 1, 3, 4, 5)
    wt = wt.reshape((groups * og, ci // groups) + tuple(k)).flip((2, 3, 4))
    pads = []
    for a in range(3):
        span = dilation[a] * (k[a] - 1)
        lo, hi = span - crop[2 * a], span - crop[2 * a + 1] + out_padding[a]
        if lo < 0 or hi < 0:   # a crop past the full output's edge: cut the spread input itself
            n = y.shape[2 + a]
            y = y[(slice(None),) * (2 + a) + (slice(max(-lo, 0), n - max(-hi, 0)),)]
        pads += [max(lo, 0), max(hi, 0)]
    return conv3d_core(y, wt, (1, 1, 1), pads, dilation, groups, "Conv3DTranspose")


def _pool_args(op, x, kernel_size, stride, padding, dilation=1, pad_lengths=(1, 3)):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', 'input' must be a Tensor, but got {type(x).__name__}.")
    if x.ndim != 5:
        raise ShapeError(f"For '{op}', the input must be 5-D [N, C, D, H, W], but got shape "
                         f"{list(x.shape)}.")
    k = _triple(op, "kernel_size", kernel_size)
    s = k if stride is None else _triple(op, "stride", stride)
    d = _triple(op, "dilation", dilation)
    return k, s, _padding6(op, padding, pad_lengths), d


def pool_out_size(n, k, s, lo, hi, d, ceil):
    """A pooled length: floored, or rounded up with the last window starting inside the input or
    its leading padding."""
    span = n + lo + hi - d * (k - 1) - 1
    if not ceil:
        return span // s + 1
    o = -(-span // s) + 1
    return o - 1 if (o - 1) * s >= n + lo else o


def _pool_sizes(op, x, k, s, pads, d, ceil):
    sizes = [pool_out_size(n, k[a], s[a], pads[2 * a], pads[2 * a + 1], d[a], ceil)
             for a, n in enumerate(x.shape[2:])]
    if min(sizes) <= 0:
        raise ShapeError(f"For '{op}', the window {k} (dilation {d}) does not fit the input "
                         f"{list(x.shape)} padded by {pads}.")
    return sizes


def max_pool3d_core(x, k, s, pads, d, ceil, return_indices, op="MaxPool3D"):
    """Maxima over 3-D windows of ``[N, C, D, H, W]`` (padding never holds the maximum) and the
    Int64 flat index ``d·H·W + h·W + w`` of each window's first maximum."""
    dtype = x.dtype
    if dtype not in _FLOATS:   # integers are exact in Float64; their maxima too
        x = x.astype(_mstype.float64)
    n, c, depth, h, w = x.shape
    od, oh, ow = _pool_sizes(op, x, k, s, pads, d, ceil)
    need = (od - 1) * s[0] + d[0] * (k[0] - 1) + 1 - depth - pads[0]
    xp = _pad_axis(x, 2, pads[0], max(need, 0), float("-inf"))
    vals, idxs = [], []
    for i, sl in enumerate(_depth_slices(xp, k[0], s[0], d[0], od)):
        v, ix = _C.max_pool_window(sl.reshape(n, c * od, h, w), k[1:], s[1:], (pads[2], pads[4]),
                                   d[1:], (oh, ow), bool(return_indices))
        vals.append(v.reshape(n, c, od, oh, ow))
        if return_indices:
            pos = _np.arange(od) * s[0] - pads[0] + i * d[0]   # the input depth of each slice
            idxs.append(ix.reshape(n, c, od, oh, ow) + Tensor(pos.reshape(-1, 1, 1) * (h * w)))
    stacked = _C.stack(vals, 0)
    first = stacked.argmax(axis=0, keepdims=True)   # the first maximum: the smallest depth
    values = _C.gather_elements(stacked, 0, first).squeeze(0)
    if dtype not in _FLOATS:
        values = values.astype(dtype)
    if not return_indices:
        return values
    return values, _C.gather_elements(_C.stack(idxs, 0), 0, first).squeeze(0)


def max_pool3d(x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    """``ops.max_pool3d``: maxima over ``kernel_size`` windows of ``[N, C, D, H, W]`` (``stride``
    defaults to the kernel size; padding, at most half the kernel, never holds the maximum;
    ``ceil_mode`` rounds the output size up); with ``return_indices`` also the Int64 flat
    position ``d·H·W + h·W + w`` of each window's first maximum. The gradient goes to that
    maximum.

    Args:
        x (Tensor): The input ``[N, C, D, H, W]``.
        kernel_size (Union[int, tuple[int]]): The window size, one or 3 ints.
        stride (Union[int, tuple[int]], optional): The stride; ``None`` is `kernel_size`. Default:
            ``None``.
        padding (Union[int, tuple[int]], optional): The padding on both sides, one or 3 ints.
            Default: ``0``.
        dilation (Union[int, tuple[int]], optional): The spacing of the window's cells. Default:
            ``1``.
        ceil_mode (bool, optional): Whether to round the output size up. Default: ``False``.
        return_indices (bool, optional): Whether to also return the indices. Default: ``False``.

    Returns:
        Tensor ``[N, C, D_out, H_out, W_out]``, and the Int64 indices when `return_indices`.

    Raises:
        TypeError: If `x` is not a Tensor.
        ValueError: If `x` is not 5-D, or the window arguments are wrong.

    Examples:
        >>> import numpy as np
        >>> from easy_mindspore import Tensor, ops
        >>> x = Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 2, 2, 4))
        >>> out, idx = ops.max_pool3d(x, (2, 2, 2), return_indices=True)
        >>> print(out)
        [[[[[13. 15.]]]]]
        >>> print(idx)
        [[[[[13 15]]]]]
    """
    op = "MaxPool3D"
    k, s, pads, d = _pool_args(op, x, kernel_size, stride, padding, dilation)
    if any(pads[2 * a] * 2 > k[a] for a in range(3)):
        raise ShapeError(f"For '{op}', the padding must be at most half the kernel size, but got "
                         f"padding {tuple(pads[::2])} and kernel {k}.")
    return max_pool3d_core(x, k, s, pads, d, bool(ceil_mode), bool(return_indices))


def avg_counts(n, n_out, k, s, lo, hi, include_pad):
    """How many cells of each window along one axis count towards a mean: those inside the
    padded input, or inside the input alone."""
    start = _np.arange(n_out) * s - lo
    end = _np.minimum(start + k, n + hi)
    if not include_pad:
        start, end = _np.maximum(start, 0), _np.minimum(end, n)
    return (end - start).astype(_np.float64)


def avg_pool3d_core(x, k, s, pads, ceil, count_include_pad, divisor, op="AvgPool3D"):
    """Means over 3-D windows: window sums (one 2-D mean per kernel depth offset, times the 2-D
    window size) divided by the window's cell count, or by ``divisor`` when non-zero."""
    n, c, depth, h, w = x.shape
    od, oh, ow = _pool_sizes(op, x, k, s, pads, (1, 1, 1), ceil)
    need = (od - 1) * s[0] + k[0] - depth - pads[0]
    xp = _pad_axis(x, 2, pads[0], max(need, 0))
    total = None
    for sl in _depth_slices(xp, k[0], s[0], 1, od):
        part = _C.avg_pool_window(sl.reshape(n, c * od, h, w), k[1:], s[1:], (pads[2], pads[4]),
                                  (oh, ow), True)
        total = part if total is None else total + part
    total = total.reshape(n, c, od, oh, ow)
    if divisor:
        return total * (k[1] * k[2] / float(divisor))
    counts = [avg_counts(m, o, kk, ss, pads[2 * a], pads[2 * a + 1], bool(count_include_pad))
              for a, (m, o, kk, ss) in enumerate(zip(x.shape[2:], (od, oh, ow), k, s))]
    scale = (k[1] * k[2]) / (counts[0][:, None, None] * counts[1][None, :, None] * counts[2][None, None, :])
    return total * Tensor(scale, x.dtype)


def avg_pool3d(input_x, kernel_size=1, stride=1, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=0):
    """``ops.avg_pool3d``: means over ``kernel_size`` windows of ``[N, C, D, H, W]``, zero padded
    by ``padding`` (an int or ``(head, tail, top, bottom, left, right)``). A window's divisor is
    its cells inside the padded input (inside the input alone without ``count_include_pad``), or
    ``divisor_override`` when non-zero, as MindSpore.

    Args:
        input_x (Tensor): The input ``[N, C, D, H, W]``, a float tensor.
        kernel_size (Union[int, tuple[int]], optional): The window size. Default: ``1``.
        stride (Union[int, tuple[int]], optional): The stride. Default: ``1``.
        padding (Union[int, tuple[int]], optional): The zero padding, an int or 6 ints. Default:
            ``0``.
        ceil_mode (bool, optional): Whether to round the output size up. Default: ``False``.
        count_include_pad (bool, optional): Whether padding cells count in the divisor. Default:
            ``True``.
        divisor_override (int, optional): The divisor of every window when non-zero. Default:
            ``0``.

    Returns:
        Tensor ``[N, C, D_out, H_out, W_out]``.

    Raises:
        TypeError: If `input_x` is not a float Tensor.
        ValueError: If `input_x` is not 5-D, or the window arguments are wrong.

    Examples:
        >>> import numpy as np
        >>> from easy_mindspore import Tensor, ops
        >>> x = Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 2, 2, 4))
        >>> print(ops.avg_pool3d(x, 2, stride=2))
        [[[[[6.5 8.5]]]]]
        >>> print(ops.avg_pool3d(x, 2, stride=2, padding=(1, 0, 0, 0, 0, 0), count_include_pad=False))
        [[[[[2.5 4.5]]]]]
    """
    op = "AvgPool3D"
    k, s, pads, _ = _pool_args(op, input_x, kernel_size, stride, padding, 1, (1, 6))
    _check_float(op, input_x)
    if any(pads[2 * a] + pads[2 * a + 1] > k[a] for a in range(3)):
        raise ShapeError(f"For '{op}', the two paddings of an axis must add up to at most the "
                         f"kernel size, but got padding {tuple(pads)} and kernel {k}.")
    div = _int(op, "divisor_override", divisor_override)
    if div < 0:
        raise ShapeError(f"For '{op}', 'divisor_override' must be >= 0, but got {div}.")
    return avg_pool3d_core(input_x, k, s, pads, bool(ceil_mode), bool(count_include_pad), div)

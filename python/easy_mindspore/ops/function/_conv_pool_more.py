"""``mindspore.ops`` ``conv_transpose2d`` (the transposed 3-D convolution of ``_nn_3d`` over a
depth of 1), ``avg_pool1d`` (the 3-D mean pool over ``[N, C, 1, 1, L]``) and
``adaptive_avg_pool3d`` / ``adaptive_max_pool3d`` (the functional forms of
``nn.AdaptiveAvgPool3d`` / ``nn.AdaptiveMaxPool3d``), ``lp_pool1d`` / ``lp_pool2d`` (those of
``nn.LPPool1d`` / ``nn.LPPool2d``), ``dropout2d`` / ``dropout3d`` (whole channels zeroed) and
``deformable_conv2d``. Re-exported by ``nn_func``; differentiable.""" 
from reprlib import repr as _repr

import numpy as _np

from ..._C import Tensor as _Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as _mstype
from . import _nn_3d as _f
from ._args import int_arg as _int, tensor_arg as _tensor

__all__ = ["conv_transpose2d", "avg_pool1d", "adaptive_avg_pool3d", "adaptive_max_pool3d", "dropout2d",
           "dropout3d", "lp_pool1d", "lp_pool2d", "deformable_conv2d"]


def _ints(op, name, v, n, minimum):
    if isinstance(v, bool) or not isinstance(v, (int, _np.integer, tuple, list)):
        raise DTypeError(f"For '{op}', '{name}' must be an int, a tuple or a list, but got "
                         f"{type(v).__name__}.")
    t = (int(v),) * n if isinstance(v, (int, _np.integer)) else tuple(v)
    if len(t) != n or any(isinstance(e, bool) or not isinstance(e, (int, _np.integer)) for e in t):
        raise ShapeError(f"For '{op}', '{name}' must be an int or {n} ints, but got {_repr(v)}.")
    if any(e < minimum for e in t):
        raise ShapeError(f"For '{op}', '{name}' must be >= {minimum}, but got {_repr(v)}.")
    return tuple(int(e) for e in t)


def conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,  # noqa: A002
                     dilation=1):
    r"""``ops.conv_transpose2d``: the transpose of ``conv2d`` (its gradient with respect to the
    input) of ``[N, C_in, H, W]`` (or ``[C_in, H, W]``) with ``weight [C_in, C_out / groups, kh,
    kw]``: each output side is :math:`(L - 1)·s - 2·p + d·(k - 1) + o + 1` for stride ``s``,
    ``padding`` ``p``, dilation ``d`` and ``output_padding`` ``o`` (the cells past the full output
    are zeros plus the bias). MindSpore 2.10's CPU build has no kernel for it; this follows its
    documented formula.

    Args:
        input (Tensor): ``[N, C_in, H, W]`` or ``[C_in, H, W]``, a float tensor.
        weight (Tensor): ``[C_in, C_out / groups, kh, kw]``.
        bias (Tensor, optional): One value per output channel. Default: ``None``.
        stride (Union[int, tuple[int], list[int]], optional): The stride. Default: ``1``.
        padding (Union[int, tuple[int], list[int]], optional): The cut on both sides. Default: ``0``.
        output_padding (Union[int, tuple[int], list[int]], optional): Cells added at the end, less
            than the stride or the dilation. Default: ``0``.
        groups (int, optional): The number of groups of channels. Default: ``1``.
        dilation (Union[int, tuple[int], list[int]], optional): The spacing of the kernel elements.
            Default: ``1``.

    Returns:
        Tensor ``[N, C_out, H_out, W_out]`` (or without ``N``).

    Raises:
        TypeError: If an input is not a float Tensor or an argument has the wrong type.
        ValueError: If the shapes, `groups` or a size argument is wrong.

    Examples:
        >>> from easy_mindspore import ops
        >>> y = ops.conv_transpose2d(ops.ones((1, 2, 3, 3)), ops.ones((2, 1, 2, 2)), stride=2)
        >>> print(y.shape)
        (1, 1, 6, 6)
        >>> print(y[0, 0, 0])
        [2. 2. 2. 2. 2. 2.]
    """
    op = "ConvTranspose2D"
    x, w = _tensor(op, "input", input), _tensor(op, "weight", weight)
    if x.ndim not in (3, 4) or w.ndim != 4:
        raise ShapeError(f"For '{op}', 'input' must be 3-D or 4-D and 'weight' 4-D, but got shapes "
                         f"{list(x.shape)} and {list(w.shape)}.")
    unbatched = x.ndim == 3
    x4 = x.expand_dims(0) if unbatched else x
    s = _ints(op, "stride", stride, 2, 1)
    p = _ints(op, "padding", padding, 2, 0)
    o = _ints(op, "output_padding", output_padding, 2, 0)
    d = _ints(op, "dilation", dilation, 2, 1)
    if any(oo >= max(ss, dd) for oo, ss, dd in zip(o, s, d)):
        raise ShapeError(f"For '{op}', 'output_padding' {o} must be less than the stride {s} or the "
                         f"dilation {d}.")
    groups = _f.check_conv(op, x4.expand_dims(2), w.expand_dims(2), _int(op, "groups", groups),
                           weight_in_axis=0)
    y = _f.conv_transpose3d_core(x4.expand_dims(2), w.expand_dims(2), (1,) + s,
                                 [0, 0, p[0], p[0], p[1], p[1]], (0,) + o, (1,) + d, groups)
    y = _f.add_bias(op, y.squeeze(2), bias)
    return y.squeeze(0) if unbatched else y


def avg_pool1d(input_x, kernel_size=1, stride=1, padding=0, ceil_mode=False, count_include_pad=True):
    """``ops.avg_pool1d``: means over ``kernel_size`` windows of ``[N, C, L]``, zero padded by
    ``padding`` on both ends; a window's divisor is its cells inside the padded input (inside the
    input alone without ``count_include_pad``), as ``ops.avg_pool3d``.

    Args:
        input_x (Tensor): ``[N, C, L]``, a float tensor.
        kernel_size (Union[int, tuple[int]], optional): The window size. Default: ``1``.
        stride (Union[int, tuple[int]], optional): The stride. Default: ``1``.
        padding (Union[int, tuple[int]], optional): The padding on both ends. Default: ``0``.
        ceil_mode (bool, optional): Whether to round the output size up. Default: ``False``.
        count_include_pad (bool, optional): Whether padding counts in the divisor. Default:
            ``True``.

    Returns:
        Tensor ``[N, C, L_out]``.

    Raises:
        TypeError: If `input_x` is not a float Tensor.
        ValueError: If `input_x` is not 3-D or a window argument is wrong.

    Examples:
        >>> import numpy as np
        >>> from easy_mindspore import Tensor, ops
        >>> x = Tensor(np.arange(7, dtype=np.float32).reshape(1, 1, 7))
        >>> print(ops.avg_pool1d(x, 3, 2, 1))
        [[[0.33333334 2.         4.         3.6666667 ]]]
    """
    op = "AvgPool1D"
    x = _tensor(op, "input_x", input_x)
    if x.ndim != 3:
        raise ShapeError(f"For '{op}', the input must be 3-D [N, C, L], but got shape {list(x.shape)}.")
    k, s, p = (_ints(op, name, v, 1, lo)[0] for name, v, lo in
               (("kernel_size", kernel_size, 1), ("stride", stride, 1), ("padding", padding, 0)))
    if 2 * p > k:
        raise ShapeError(f"For '{op}', 'padding' {p} must be at most half the kernel size {k}.")
    _f._check_float(op, x)
    x5 = x.expand_dims(2).expand_dims(2)
    y = _f.avg_pool3d_core(x5, (1, 1, k), (1, 1, s), [0, 0, 0, 0, p, p], bool(ceil_mode),
                           bool(count_include_pad), 0, op)
    return y.squeeze(2).squeeze(2)


def adaptive_avg_pool3d(input, output_size):  # noqa: A002
    """``ops.adaptive_avg_pool3d``: means over the windows of ``nn.AdaptiveAvgPool3d``
    (``None`` in `output_size` keeps that axis).

    Args:
        input (Tensor): ``[N, C, D, H, W]`` or ``[C, D, H, W]``.
        output_size (Union[int, tuple[int]]): The output ``(D, H, W)``.

    Returns:
        Tensor ``[..., C] + output_size``.

    Examples:
        >>> from easy_mindspore import ops
        >>> print(ops.adaptive_avg_pool3d(ops.ones((1, 2, 5, 6, 7)), (2, 3, None)).shape)
        (1, 2, 2, 3, 7)
    """
    from ...nn.adaptive3d import AdaptiveAvgPool3d
    return AdaptiveAvgPool3d(output_size)(input)


def adaptive_max_pool3d(input, output_size, return_indices=False):  # noqa: A002
    """``ops.adaptive_max_pool3d``: maxima over the windows of ``nn.AdaptiveMaxPool3d``, and
    with ``return_indices`` the flat index ``d·H·W + h·W + w`` of each.

    Args:
        input (Tensor): ``[N, C, D, H, W]`` or ``[C, D, H, W]``.
        output_size (Union[int, tuple[int]]): The output ``(D, H, W)``.
        return_indices (bool, optional): Whether to also return the indices. Default: ``False``.

    Returns:
        Tensor ``[..., C] + output_size``, and the indices when `return_indices`.

    Examples:
        >>> from easy_mindspore import ops
        >>> out, idx = ops.adaptive_max_pool3d(ops.ones((1, 2, 5, 6, 7)), 3, True)
        >>> print(out.shape, idx.dtype)
        (1, 2, 3, 3, 3) Int32
    """
    from ...nn.adaptive3d import AdaptiveMaxPool3d
    return AdaptiveMaxPool3d(output_size, bool(return_indices))(input)


def _channel_dropout(op, rank, input, p, training):  # noqa: A002
    x = _tensor(op, "input", input)
    if isinstance(p, bool) or not isinstance(p, (int, float)):
        raise DTypeError(f"For '{op}', 'p' must be a float, but got {type(p).__name__}.")
    if not 0.0 <= p <= 1.0:
        raise ShapeError(f"For '{op}', 'p' must be in [0, 1], but got {p}.")
    if x.ndim != rank:
        raise ShapeError(f"For '{op}', the input must be {rank}-D, but got shape {list(x.shape)}.")
    if not training or p == 0:
        return x
    from ... import ops as _ops
    keep = _ops.zeros if p == 1 else _ops.ones
    mask = keep(tuple(x.shape[:2]) + (1,) * (rank - 2), _mstype.float32)
    if p < 1:
        mask = _ops.dropout(mask, p=float(p), training=True)
    return x * mask.astype(x.dtype)


def dropout2d(input, p=0.5, training=True):  # noqa: A002
    """``ops.dropout2d``: while `training`, zeroes each channel (each ``H × W`` plane) of ``[N, C,
    H, W]`` with probability `p` and scales the kept ones by ``1 / (1 - p)``.

    Args:
        input (Tensor): ``[N, C, H, W]``.
        p (float, optional): The probability of zeroing a channel, in [0, 1]. Default: ``0.5``.
        training (bool, optional): Whether to drop (else the input is returned). Default: ``True``.

    Returns:
        Tensor of `input`'s shape and dtype.

    Raises:
        TypeError: If `input` is not a Tensor or `p` not a number.
        ValueError: If `p` is outside [0, 1] or `input` is not 4-D.

    Examples:
        >>> from easy_mindspore import ops
        >>> out = ops.dropout2d(ops.ones((2, 8, 2, 2)), 0.5)
        >>> print(sorted(set(out.asnumpy().ravel().tolist())) in ([0.0, 2.0], [0.0], [2.0]), out.shape)
        True (2, 8, 2, 2)
    """
    return _channel_dropout("Dropout2D", 4, input, p, training)


def dropout3d(input, p=0.5, training=True):  # noqa: A002
    """``ops.dropout3d``: while `training`, zeroes each channel (each ``D × H × W`` volume) of
    ``[N, C, D, H, W]`` with probability `p` and scales the kept ones by ``1 / (1 - p)``.

    Args:
        input (Tensor): ``[N, C, D, H, W]``.
        p (float, optional): The probability of zeroing a channel, in [0, 1]. Default: ``0.5``.
        training (bool, optional): Whether to drop (else the input is returned). Default: ``True``.

    Returns:
        Tensor of `input`'s shape and dtype.

    Raises:
        TypeError: If `input` is not a Tensor or `p` not a number.
        ValueError: If `p` is outside [0, 1] or `input` is not 5-D.

    Examples:
        >>> from easy_mindspore import ops
        >>> x = ops.ones((2, 3, 2, 2, 2))
        >>> print(ops.dropout3d(x, 1.0).sum(), ops.dropout3d(x, 0.5, training=False).sum())
        0.0 48.0
    """
    return _channel_dropout("Dropout3D", 5, input, p, training)


def lp_pool1d(x, norm_type, kernel_size, stride=None, ceil_mode=False):
    r"""``ops.lp_pool1d``: :math:`(\sum_{window} x^p)^{1/p}` over windows of the last axis of
    ``[N, C, L]`` or ``[C, L]`` (``p`` = `norm_type`; ``nn.LPPool1d``'s computation).

    Args:
        x (Tensor): ``[N, C, L]`` or ``[C, L]``.
        norm_type (Union[int, float]): The exponent ``p``.
        kernel_size (int): The window size.
        stride (int, optional): The stride; ``None`` is `kernel_size`. Default: ``None``.
        ceil_mode (bool, optional): Whether to round the output size up. Default: ``False``.

    Returns:
        Tensor ``[N, C, L_out]`` (or ``[C, L_out]``).

    Examples:
        >>> import numpy as np
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.lp_pool1d(Tensor(np.array([[[3.0, 4.0, 1.0, 1.0]]], np.float32)), 2, 2))
        [[[5.        1.4142135]]]
    """
    from ...nn.pooling_more import LPPool1d
    return LPPool1d(norm_type, kernel_size, stride, ceil_mode)(x)


def lp_pool2d(x, norm_type, kernel_size, stride=None, ceil_mode=False):
    r"""``ops.lp_pool2d``: :math:`(\sum_{window} x^p)^{1/p}` over windows of the last two axes of
    ``[N, C, H, W]`` or ``[C, H, W]`` (``p`` = `norm_type`; ``nn.LPPool2d``'s computation).

    Args:
        x (Tensor): ``[N, C, H, W]`` or ``[C, H, W]``.
        norm_type (Union[int, float]): The exponent ``p``.
        kernel_size (Union[int, tuple[int]]): The window size.
        stride (Union[int, tuple[int]], optional): The stride; ``None`` is `kernel_size`. Default:
            ``None``.
        ceil_mode (bool, optional): Whether to round the output size up. Default: ``False``.

    Returns:
        Tensor ``[N, C, H_out, W_out]`` (or without ``N``).

    Examples:
        >>> from easy_mindspore import ops
        >>> print(ops.lp_pool2d(ops.ones((1, 1, 4, 4)), 2, 2))
        [[[[2. 2.]
           [2. 2.]]]]
    """
    from ...nn.pooling_more import LPPool2d
    return LPPool2d(norm_type, kernel_size, stride, ceil_mode)(x)


def _tuple_of_ints(op, name, v, n):
    """``v`` as a tuple of ``n`` ints, with MindSpore's errors: a TypeError unless a tuple of
    ints, a ValueError for the wrong length."""
    if not isinstance(v, tuple) or any(isinstance(e, bool) or not isinstance(e, (int, _np.integer))
                                       for e in v):
        raise DTypeError(f"For '{op}', '{name}' must be a tuple of ints, but got {_repr(v)}.")
    if len(v) != n:
        raise ShapeError(f"For '{op}', '{name}' must be a tuple of {n} ints, but got {_repr(v)}.")
    return tuple(int(e) for e in v)


def deformable_conv2d(x, weight, offsets, kernel_size, strides, padding, bias=None,
                      dilations=(1, 1, 1, 1), groups=1, deformable_groups=1, modulated=True):
    r"""``ops.deformable_conv2d``: a 2-D convolution whose ``k``-th kernel tap at each output
    position reads the input at the tap's place moved by a learned offset, by bilinear
    interpolation (zero outside the image), scaled by a learned mask (deformable convolution v2):
    :math:`y(p) = \sum_k w_k \cdot x(p + p_k + \Delta p_k) \cdot \Delta m_k`.

    Args:
        x (Tensor): ``(N, C_in, H_in, W_in)``, float16 or float32.
        weight (Tensor): ``(C_out, C_in / groups, H_f, W_f)``, the dtype of `x`.
        offsets (Tensor): ``(N, 3 * deformable_groups * H_f * W_f, H_out, W_out)``: the column
            offsets of every deformable group and tap (taps row-major), then the row offsets,
            then the masks; the dtype of `x`.
        kernel_size (tuple[int]): ``(H_f, W_f)``.
        strides (tuple[int]): 4 ints, ``(1, 1, stride_h, stride_w)``.
        padding (tuple[int]): 4 ints, zeros added ``(top, bottom, left, right)``.
        bias (Tensor, optional): ``(C_out,)``. Default: ``None``.
        dilations (tuple[int], optional): 4 ints, ``(1, 1, dilation_h, dilation_w)``.
            Default: ``(1, 1, 1, 1)``.
        groups (int, optional): Blocked connections from input to output channels. Default: ``1``.
        deformable_groups (int, optional): Groups of input channels sharing offsets and masks.
            Default: ``1``.
        modulated (bool, optional): Only ``True`` (v2, with masks). Default: ``True``.

    Returns:
        Tensor, ``(N, C_out, H_out, W_out)``, with ``H_out = (H_in + top + bottom - (H_f - 1) *
        dilation_h - 1) // stride_h + 1`` and ``W_out`` alike.

    Raises:
        TypeError: If `kernel_size`, `strides`, `padding` or `dilations` is not a tuple of ints,
            or `modulated` is not a bool.
        ValueError: If a tuple has the wrong length, the N or C entries of `strides` or
            `dilations` are not 1, `modulated` is False, or the shapes do not fit.

    Examples:
        >>> import numpy as np
        >>> from mindspore import Tensor, ops
        >>> from mindspore import dtype as mstype
        >>> x = Tensor(np.ones((4, 3, 10, 10)), mstype.float32)
        >>> weight = Tensor(np.ones((5, 3, 3, 3)), mstype.float32)
        >>> offsets = Tensor(np.ones((4, 27, 8, 8)), mstype.float32)
        >>> output = ops.deformable_conv2d(x, weight, offsets, (3, 3), (1, 1, 1, 1), (0, 0, 0, 0))
        >>> print(output.shape)
        (4, 5, 8, 8)
    """
    from . import array_func
    op = "DeformableConv2d"
    kh, kw = _tuple_of_ints(op, "kernel_size", kernel_size, 2)
    st = _tuple_of_ints(op, "strides", strides, 4)
    pad = _tuple_of_ints(op, "padding", padding, 4)
    dil = _tuple_of_ints(op, "dilations", dilations, 4)
    if not isinstance(modulated, bool):
        raise DTypeError(f"For '{op}', 'modulated' must be a bool, but got "
                         f"{type(modulated).__name__}.")
    if not modulated:
        raise ShapeError(f"For '{op}', only 'modulated' True (deformable convolution v2) is "
                         "supported.")
    if st[:2] != (1, 1) or dil[:2] != (1, 1):
        raise ShapeError(f"For '{op}', the N and C entries of 'strides' and 'dilations' must be "
                         f"1, but got {st} and {dil}.")
    if min(kh, kw, st[2], st[3], dil[2], dil[3]) < 1 or min(pad) < 0:
        raise ShapeError(f"For '{op}', 'kernel_size', 'strides' and 'dilations' must be "
                         f"positive and 'padding' non-negative, but got {(kh, kw)}, {st}, {dil} "
                         f"and {pad}.")
    x, w, off = _tensor(op, "x", x), _tensor(op, "weight", weight), _tensor(op, "offsets", offsets)
    g, dg = _int(op, "groups", groups), _int(op, "deformable_groups", deformable_groups)
    if x.dtype not in (_mstype.float16, _mstype.float32) or w.dtype != x.dtype \
            or off.dtype != x.dtype:
        raise DTypeError(f"For '{op}', 'x', 'weight' and 'offsets' must be float16 or float32 "
                         f"of one dtype, but got {x.dtype}, {w.dtype} and {off.dtype}.")
    if x.ndim != 4 or w.ndim != 4 or off.ndim != 4:
        raise ShapeError(f"For '{op}', 'x', 'weight' and 'offsets' must be 4-D, but got "
                         f"{tuple(x.shape)}, {tuple(w.shape)} and {tuple(off.shape)}.")
    n, c, h, wd = x.shape
    co = w.shape[0]
    ho = (h + pad[0] + pad[1] - (kh - 1) * dil[2] - 1) // st[2] + 1
    wo = (wd + pad[2] + pad[3] - (kw - 1) * dil[3] - 1) // st[3] + 1
    taps = kh * kw
    if g < 1 or dg < 1 or c % g or co % g or c % dg or tuple(w.shape[1:]) != (c // g, kh, kw) \
            or ho < 1 or wo < 1 or tuple(off.shape) != (n, 3 * dg * taps, ho, wo):
        raise ShapeError(
            f"For '{op}', the shapes do not fit: 'x' {tuple(x.shape)}, 'weight' "
            f"{tuple(w.shape)} (want ({co}, {c} / groups={g}, {kh}, {kw})), 'offsets' "
            f"{tuple(off.shape)} (want ({n}, {3 * dg * taps}, {ho}, {wo})), "
            f"deformable_groups {dg}.")
    if bias is not None:
        bias = _tensor(op, "bias", bias)
        if tuple(bias.shape) != (co,) or bias.dtype != x.dtype:
            raise ShapeError(f"For '{op}', 'bias' must be ({co},) of {x.dtype}, but got "
                             f"{tuple(bias.shape)} of {bias.dtype}.")
    # The tap places without offsets, (taps, H_out, W_out): row and column in the input.
    i, j = _np.divmod(_np.arange(taps), kw)
    rows = (_np.arange(ho) * st[2] - pad[0])[None, :, None] + (i * dil[2])[:, None, None]
    cols = (_np.arange(wo) * st[3] - pad[2])[None, None, :] + (j * dil[3])[:, None, None]
    parts = off.reshape(n, 3, dg, taps, ho, wo)
    ys = parts[:, 1] + _Tensor(_np.broadcast_to(rows, (taps, ho, wo)).astype(_np.float32), x.dtype)
    xs = parts[:, 0] + _Tensor(_np.broadcast_to(cols, (taps, ho, wo)).astype(_np.float32), x.dtype)
    mask = parts[:, 2]
    # A place reads the input when it lies strictly inside (-1, H) x (-1, W); its four corners
    # read a copy of the input padded with one row and column of zeros on every side.
    inside = ((ys > -1) & (ys < h) & (xs > -1) & (xs < wd)).astype(x.dtype)
    points = taps * ho * wo
    cg = c // dg
    flat = array_func.pad(x.reshape(n, dg, cg, h, wd), (1, 1, 1, 1))
    flat = flat.reshape(n, dg, cg, (h + 2) * (wd + 2))
    y0, x0 = ys.floor(), xs.floor()
    fy, fx = ys - y0, xs - x0
    out = 0
    for dy, dx in ((0, 0), (0, 1), (1, 0), (1, 1)):
        yy = (y0 + (dy + 1)).clip(0, h + 1).astype(_mstype.int64)
        xx = (x0 + (dx + 1)).clip(0, wd + 1).astype(_mstype.int64)
        index = (yy * (wd + 2) + xx).reshape(n, dg, 1, points).broadcast_to((n, dg, cg, points))
        weight_ = (fy if dy else 1 - fy) * (fx if dx else 1 - fx)
        out = out + array_func.gather_elements(flat, 3, index) * \
            weight_.reshape(n, dg, 1, points)
    out = out * (inside * mask).reshape(n, dg, 1, points)
    # Columns (N, groups, C / groups · taps, H_out · W_out), channel-major as the weight.
    columns = out.reshape(n, g, (c // g) * taps, ho * wo)
    y = w.reshape(g, co // g, (c // g) * taps) @ columns
    y = y.reshape(n, co, ho, wo)
    if bias is not None:
        y = y + bias.reshape(1, co, 1, 1)
    return y

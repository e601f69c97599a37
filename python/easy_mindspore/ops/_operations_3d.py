"""The primitive classes of the 3-D convolution and pooling, unpooling, LRN and CTC loss, with
MindSpore 2.10's constructor arguments (``P.Conv3D(out_channel, kernel_size, ...)(x, w)``,
``P.MaxPool3D(kernel_size, strides, pad_mode, pad_list)(x)``...). Each forwards to the
functional code of ``ops.function._nn_3d``, ``_unpool`` and ``_ctc``; ``ops.operations``
re-exports them."""
from reprlib import repr as _repr

from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from .function import _ctc, _nn_3d as _f, _unpool as _u
from .operations import Primitive

__all__ = ["Conv3D", "Conv3DTranspose", "MaxPool3D", "AvgPool3D", "MaxPool3DWithArgmax", "LRN",
           "MaxUnpool2D", "MaxUnpool3D", "CTCLossV2"]


def _mode(op, pad_mode):
    if not isinstance(pad_mode, str) or pad_mode.lower() not in ("valid", "same", "pad"):
        raise ShapeError(f"For '{op}', 'pad_mode' must be 'valid', 'same' or 'pad', but got "
                         f"{_repr(pad_mode)}.")
    return pad_mode.lower()


def _pads(op, pad, mode):
    pads = _f._padding6(op, pad, (1, 6))
    if mode != "pad" and any(pads):
        raise ShapeError(f"For '{op}', 'pad' must be 0 when 'pad_mode' is not 'pad', but got "
                         f"{_repr(pad)}.")
    return pads


def _format(op, data_format, want="NCDHW"):
    if data_format != want:
        raise ShapeError(f"For '{op}', 'data_format' must be '{want}', but got {_repr(data_format)}.")


def _no_bias(op, bias):
    if bias is not None:
        raise DTypeError(f"For '{op}', 'bias' must be None, but got {type(bias).__name__}.")


class _Conv3DBase(Primitive):
    def _args(self, op, out_channel, kernel_size, mode, pad_mode, pad, stride, dilation, group,
              data_format):
        self.out_channel = _f._int(op, "out_channel", out_channel)
        self.kernel_size = _f._triple(op, "kernel_size", kernel_size)
        if mode != 1:
            raise ShapeError(f"For '{op}', 'mode' must be 1, but got {_repr(mode)}.")
        self.mode, self.pad_mode = mode, _mode(op, pad_mode)
        self.pad = tuple(_pads(op, pad, self.pad_mode))
        self.stride = _f._triple(op, "stride", stride)
        self.dilation = _f._triple(op, "dilation", dilation)
        self.group = _f._int(op, "group", group)
        _format(op, data_format)
        self.data_format = data_format


class Conv3D(_Conv3DBase):
    """``P.Conv3D(out_channel, kernel_size, ...)(x, weight)``: ``ops.conv3d`` with ``pad`` an int
    or 6 ints ``(head, tail, top, bottom, left, right)``.

    Args:
        out_channel (int): The number of output channels.
        kernel_size (Union[int, tuple[int]]): The window size.
        mode (int, optional): 1, the one mode. Default: ``1``.
        pad_mode (str, optional): ``'valid'``, ``'same'`` or ``'pad'``. Default: ``'valid'``.
        pad (Union[int, tuple[int]], optional): The padding of ``'pad'``. Default: ``0``.
        stride (Union[int, tuple[int]], optional): The stride. Default: ``1``.
        dilation (Union[int, tuple[int]], optional): The dilation. Default: ``1``.
        group (int, optional): The number of groups. Default: ``1``.
        data_format (str, optional): ``'NCDHW'``. Default: ``'NCDHW'``.

    Inputs:
        - **x** (Tensor) - ``[N, C, D, H, W]``.
        - **weight** (Tensor) - ``[out_channel, C / group, kd, kh, kw]``.
        - **bias** (None, optional) - Must be None. Default: ``None``.

    Outputs:
        Tensor ``[N, out_channel, D_out, H_out, W_out]``.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.Conv3D(4, (2, 3, 2), pad_mode="pad", pad=(1, 0, 2, 1, 0, 1))(ops.ones((1, 3, 5, 6, 7)),
        ...                                                                  ops.ones((4, 3, 2, 3, 2))).shape)
        (1, 4, 5, 7, 7)
    """

    def __init__(self, out_channel, kernel_size, mode=1, pad_mode="valid", pad=0, stride=1, dilation=1,
                 group=1, data_format="NCDHW"):
        self._args("Conv3D", out_channel, kernel_size, mode, pad_mode, pad, stride, dilation, group,
                   data_format)

    def __call__(self, x, weight, bias=None):
        op = "Conv3D"
        _no_bias(op, bias)
        x, w = _f._tensor(op, "x", x), _f._tensor(op, "weight", weight)
        groups = _f.check_conv(op, x, w, self.group)
        if w.shape[0] != self.out_channel or tuple(w.shape[2:]) != self.kernel_size:
            raise ShapeError(f"For '{op}', 'weight' must be [{self.out_channel}, C/group, "
                             f"{', '.join(map(str, self.kernel_size))}], but got {list(w.shape)}.")
        pads = _f.conv_pads(op, self.pad_mode, list(self.pad), x.shape[2:], self.kernel_size,
                            self.stride, self.dilation)
        return _f.conv3d_core(x, w, self.stride, pads, self.dilation, groups, op)


class Conv3DTranspose(_Conv3DBase):
    """``P.Conv3DTranspose(in_channel, out_channel, kernel_size, ...)(dout, weight)``: the
    transpose of ``Conv3D`` (as ``nn.Conv3dTranspose``), weight ``[in_channel, out_channel /
    group, kd, kh, kw]``.

    Args:
        in_channel (int): The number of input channels.
        out_channel (int): The number of output channels.
        kernel_size (Union[int, tuple[int]]): The window size.
        mode (int, optional): 1, the one mode. Default: ``1``.
        pad_mode (str, optional): ``'valid'``, ``'same'`` or ``'pad'``. Default: ``'valid'``.
        pad (Union[int, tuple[int]], optional): The cut of ``'pad'``. Default: ``0``.
        stride (Union[int, tuple[int]], optional): The stride. Default: ``1``.
        dilation (Union[int, tuple[int]], optional): The dilation. Default: ``1``.
        group (int, optional): The number of groups. Default: ``1``.
        output_padding (Union[int, tuple[int]], optional): Cells added at the end (``'pad'``).
            Default: ``0``.
        data_format (str, optional): ``'NCDHW'``. Default: ``'NCDHW'``.

    Inputs:
        - **dout** (Tensor) - ``[N, in_channel, D, H, W]``.
        - **weight** (Tensor) - ``[in_channel, out_channel / group, kd, kh, kw]``.
        - **bias** (None, optional) - Must be None. Default: ``None``.

    Outputs:
        Tensor ``[N, out_channel, D_out, H_out, W_out]``.

    Examples:
        >>> from mindspore import ops
        >>> op = ops.Conv3DTranspose(3, 4, (2, 3, 2), pad_mode="same", stride=2)
        >>> print(op(ops.ones((1, 3, 5, 6, 7)), ops.ones((3, 4, 2, 3, 2))).shape)
        (1, 4, 10, 12, 14)
    """

    def __init__(self, in_channel, out_channel, kernel_size, mode=1, pad_mode="valid", pad=0, stride=1,
                 dilation=1, group=1, output_padding=0, data_format="NCDHW"):
        op = "Conv3DTranspose"
        self._args(op, out_channel, kernel_size, mode, pad_mode, pad, stride, dilation, group,
                   data_format)
        self.in_channel = _f._int(op, "in_channel", in_channel)
        self.output_padding = _f._triple(op, "output_padding", output_padding, positive=False)
        if any(self.output_padding) and self.pad_mode != "pad":
            raise ShapeError(f"For '{op}', 'output_padding' must be 0 when 'pad_mode' is not 'pad'.")
        if any(p >= max(s, d) for p, s, d in zip(self.output_padding, self.stride, self.dilation)):
            raise ShapeError(f"For '{op}', 'output_padding' must be smaller than the stride or the "
                             f"dilation, but got {self.output_padding}.")

    def __call__(self, dout, weight, bias=None):
        op = "Conv3DTranspose"
        _no_bias(op, bias)
        x, w = _f._tensor(op, "dout", dout), _f._tensor(op, "weight", weight)
        groups = _f.check_conv(op, x, w, self.group, weight_in_axis=0)
        if (w.shape[0] != self.in_channel or w.shape[1] * groups != self.out_channel
                or tuple(w.shape[2:]) != self.kernel_size):
            raise ShapeError(f"For '{op}', 'weight' must be [{self.in_channel}, out_channel/group, "
                             f"{', '.join(map(str, self.kernel_size))}], but got {list(w.shape)}.")
        if self.pad_mode == "pad":
            crop = list(self.pad)
        elif self.pad_mode == "valid":
            crop = [0] * 6
        else:
            crop = []
            for n, k, s, d in zip(x.shape[2:], self.kernel_size, self.stride, self.dilation):
                total = (n - 1) * s + d * (k - 1) + 1 - n * s
                lo = total // 2 if total > 0 else 0
                crop += [lo, total - lo]
        return _f.conv_transpose3d_core(x, w, self.stride, crop, self.output_padding, self.dilation,
                                        groups)


def _pool5(op, x):
    x = _f._tensor(op, "x", x)
    if x.ndim != 5:
        raise ShapeError(f"For '{op}', the input must be 5-D [N, C, D, H, W], but got shape "
                         f"{list(x.shape)}.")
    return x


class MaxPool3D(Primitive):
    """``P.MaxPool3D(kernel_size, strides, pad_mode, pad_list, ceil_mode)(x)``: maxima over 3-D
    windows; ``pad_mode`` ``'VALID'``, ``'SAME'`` or ``'PAD'`` (any case) with ``pad_list`` an int
    or 6 ints.

    Args:
        kernel_size (Union[int, tuple[int]], optional): The window size. Default: ``1``.
        strides (Union[int, tuple[int]], optional): The stride. Default: ``1``.
        pad_mode (str, optional): ``'VALID'``, ``'SAME'`` or ``'PAD'``. Default: ``'VALID'``.
        pad_list (Union[int, tuple[int]], optional): The padding of ``'PAD'``. Default: ``0``.
        ceil_mode (bool, optional): Whether to round the output size up (``None``: no). Default:
            ``None``.
        data_format (str, optional): ``'NCDHW'``. Default: ``'NCDHW'``.

    Inputs:
        - **x** (Tensor) - ``[N, C, D, H, W]``.

    Outputs:
        Tensor of the pooled shape.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.MaxPool3D(3, 2, "SAME")(ops.ones((1, 2, 5, 6, 7))).shape)
        (1, 2, 3, 3, 4)
    """

    def __init__(self, kernel_size=1, strides=1, pad_mode="VALID", pad_list=0, ceil_mode=None,
                 data_format="NCDHW"):
        op = "MaxPool3D"
        self.kernel_size = _f._triple(op, "kernel_size", kernel_size)
        self.strides = _f._triple(op, "strides", strides)
        self.pad_mode = _mode(op, pad_mode).upper()
        self.pad_list = tuple(_pads(op, pad_list, self.pad_mode.lower()))
        self.ceil_mode = bool(ceil_mode)
        _format(op, data_format)

    def __call__(self, x):
        op = "MaxPool3D"
        x = _pool5(op, x)
        pads = (_f.same_pads(x.shape[2:], self.kernel_size, self.strides, (1, 1, 1))
                if self.pad_mode == "SAME" else list(self.pad_list))
        return _f.max_pool3d_core(x, self.kernel_size, self.strides, pads, (1, 1, 1), self.ceil_mode,
                                  False, op)


class AvgPool3D(Primitive):
    """``P.AvgPool3D(kernel_size, strides, pad_mode, pad, ceil_mode, count_include_pad,
    divisor_override)(x)``: means over 3-D windows (``ops.avg_pool3d``'s divisors; ``'same'``
    pads as ``nn.AvgPool3d``).

    Args:
        kernel_size (Union[int, tuple[int]], optional): The window size. Default: ``1``.
        strides (Union[int, tuple[int]], optional): The stride. Default: ``1``.
        pad_mode (str, optional): ``'valid'``, ``'same'`` or ``'pad'``. Default: ``'valid'``.
        pad (Union[int, tuple[int]], optional): The padding of ``'pad'``, an int or 6 ints.
            Default: ``0``.
        ceil_mode (bool, optional): Whether to round the output size up. Default: ``False``.
        count_include_pad (bool, optional): Whether padding counts in the divisor. Default:
            ``True``.
        divisor_override (int, optional): The divisor when non-zero. Default: ``0``.
        data_format (str, optional): ``'NCDHW'``. Default: ``'NCDHW'``.

    Inputs:
        - **x** (Tensor) - ``[N, C, D, H, W]``, a float tensor.

    Outputs:
        Tensor of the pooled shape.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.AvgPool3D(3, 2, "pad", 1, divisor_override=3)(ops.ones((1, 1, 3, 3, 3)))[0, 0, 0, 0])
        [2.6666667 2.6666667]
    """

    def __init__(self, kernel_size=1, strides=1, pad_mode="valid", pad=0, ceil_mode=False,
                 count_include_pad=True, divisor_override=0, data_format="NCDHW"):
        op = "AvgPool3D"
        self.kernel_size = _f._triple(op, "kernel_size", kernel_size)
        self.strides = _f._triple(op, "strides", strides)
        self.pad_mode = _mode(op, pad_mode)
        # MindSpore 2.10 keeps `pad` as given and the six paddings as `pad_list`.
        self.pad, self.pad_list = pad, tuple(_pads(op, pad, self.pad_mode))
        self.ceil_mode, self.count_include_pad = bool(ceil_mode), bool(count_include_pad)
        self.divisor_override = _f._int(op, "divisor_override", divisor_override)
        if self.divisor_override < 0:
            raise ShapeError(f"For '{op}', 'divisor_override' must be >= 0, but got "
                             f"{self.divisor_override}.")
        _format(op, data_format)

    def __call__(self, x):
        op = "AvgPool3D"
        x = _pool5(op, x)
        _f._check_float(op, x)
        pads = (_f.same_pads(x.shape[2:], self.kernel_size, self.strides, (1, 1, 1))
                if self.pad_mode == "same" else list(self.pad_list))
        return _f.avg_pool3d_core(x, self.kernel_size, self.strides, pads, self.ceil_mode,
                                  self.count_include_pad, self.divisor_override, op)


class MaxPool3DWithArgmax(Primitive):
    """``P.MaxPool3DWithArgmax(ksize, strides, pads, dilation, ceil_mode, argmax_type)(x)``:
    ``ops.max_pool3d`` with the indices, as Int64 or Int32.

    Args:
        ksize (Union[int, tuple[int]]): The window size.
        strides (Union[int, tuple[int]]): The stride.
        pads (Union[int, tuple[int]]): The padding on both sides, one or 3 ints.
        dilation (Union[int, tuple[int]], optional): The dilation. Default: ``(1, 1, 1)``.
        ceil_mode (bool, optional): Whether to round the output size up. Default: ``False``.
        data_format (str, optional): ``'NCDHW'``. Default: ``'NCDHW'``.
        argmax_type (mindspore.dtype, optional): ``mstype.int64`` or ``mstype.int32``. Default:
            ``mstype.int64``.

    Inputs:
        - **x** (Tensor) - ``[N, C, D, H, W]``.

    Outputs:
        tuple ``(output, argmax)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> out, idx = ops.MaxPool3DWithArgmax(2, 2, 0, argmax_type=ms.int32)(ops.ones((1, 1, 2, 2, 2)))
        >>> print(out.reshape(-1), idx.reshape(-1), idx.dtype)
        [1.] [0] Int32
    """

    def __init__(self, ksize, strides, pads, dilation=(1, 1, 1), ceil_mode=False, data_format="NCDHW",
                 argmax_type=mstype.int64):
        op = "MaxPool3DWithArgmax"
        self.ksize = _f._triple(op, "ksize", ksize)
        self.strides = _f._triple(op, "strides", strides)
        self.pads = _f._triple(op, "pads", pads, positive=False)
        self.dilation = _f._triple(op, "dilation", dilation)
        self.ceil_mode = bool(ceil_mode)
        if argmax_type not in (mstype.int32, mstype.int64):
            raise DTypeError(f"For '{op}', 'argmax_type' must be int32 or int64, but got {argmax_type}.")
        self.argmax_type = argmax_type
        _format(op, data_format)

    def __call__(self, x):
        op = "MaxPool3DWithArgmax"
        x = _pool5(op, x)
        pads = [self.pads[0], self.pads[0], self.pads[1], self.pads[1], self.pads[2], self.pads[2]]
        if any(p * 2 > k for p, k in zip(self.pads, self.ksize)):
            raise ShapeError(f"For '{op}', 'pads' must be at most half of 'ksize', but got "
                             f"{self.pads} and {self.ksize}.")
        out, idx = _f.max_pool3d_core(x, self.ksize, self.strides, pads, self.dilation, self.ceil_mode,
                                      True, op)
        return out, idx.astype(self.argmax_type)


class LRN(Primitive):
    """``P.LRN(depth_radius, bias, alpha, beta, norm_region)(x)``: ``ops.lrn``.

    Args:
        depth_radius (int, optional): The half-width of the channel window. Default: ``5``.
        bias (float, optional): The offset. Default: ``1.0``.
        alpha (float, optional): The scale of the sum of squares. Default: ``1.0``.
        beta (float, optional): The exponent. Default: ``0.5``.
        norm_region (str, optional): ``'ACROSS_CHANNELS'``. Default: ``'ACROSS_CHANNELS'``.

    Inputs:
        - **x** (Tensor) - ``[N, C, H, W]``.

    Outputs:
        Tensor of `x`'s shape and dtype.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor(np.array([[[[1.0]], [[2.0]], [[3.0]]]], np.float32))
        >>> print(ops.LRN(1)(x).reshape(-1))
        [0.40824828 0.5163978  0.8017837 ]
    """

    def __init__(self, depth_radius=5, bias=1.0, alpha=1.0, beta=0.5, norm_region="ACROSS_CHANNELS"):
        _u.lrn(Tensor([[[[0.0]]]], mstype.float32), depth_radius, bias, alpha, beta, norm_region)
        self.depth_radius, self.bias, self.alpha, self.beta = depth_radius, bias, alpha, beta
        self.norm_region = norm_region

    def __call__(self, x):
        return _u.lrn(x, self.depth_radius, self.bias, self.alpha, self.beta, self.norm_region)


class _MaxUnpoolND(Primitive):
    _nd = 2

    def __init__(self, ksize, strides=0, pads=0, output_shape=(), data_format=None):
        op = type(self).__name__
        self.ksize = _u._ints(op, "ksize", ksize, self._nd)
        self.strides = (self.ksize if strides in (0, (0,) * self._nd)
                        else _u._ints(op, "strides", strides, self._nd))
        self.pads = _u._ints(op, "pads", pads, self._nd, positive=False)
        self.output_shape = tuple(output_shape)
        _format(op, data_format or ("NCHW" if self._nd == 2 else "NCDHW"),
                "NCHW" if self._nd == 2 else "NCDHW")

    def __call__(self, x, argmax):
        op = type(self).__name__
        x = _f._tensor(op, "x", x)
        if x.ndim != self._nd + 2:
            raise ShapeError(f"For '{op}', 'x' must be {self._nd + 2}-D, but got shape {list(x.shape)}.")
        return _u.unpool(op, self._nd, x, argmax, self.ksize, self.strides, self.pads,
                         self.output_shape or None)


class MaxUnpool2D(_MaxUnpoolND):
    """``P.MaxUnpool2D(ksize, strides, pads, output_shape)(x, argmax)``: ``ops.max_unpool2d``
    (``strides`` 0 is ``ksize``; ``output_shape`` the full 4-D shape, or empty).

    Args:
        ksize (Union[int, tuple[int]]): The pool's window size.
        strides (Union[int, tuple[int]], optional): The pool's stride; 0 is `ksize`. Default: ``0``.
        pads (Union[int, tuple[int]], optional): The pool's padding. Default: ``0``.
        output_shape (tuple[int], optional): The output shape, or empty. Default: ``()``.
        data_format (str, optional): ``'NCHW'``. Default: ``'NCHW'``.

    Inputs:
        - **x** (Tensor) - ``[N, C, H, W]``.
        - **argmax** (Tensor) - Int32/Int64 flat positions, of `x`'s shape.

    Outputs:
        Tensor of `x`'s dtype.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor(np.array([[[[5.0, 7.0]]]], np.float32))
        >>> idx = ms.Tensor(np.array([[[[1, 3]]]], np.int64))
        >>> print(ops.MaxUnpool2D((1, 2))(x, idx))
        [[[[0. 5. 0. 7.]]]]
    """

    _nd = 2

    def __init__(self, ksize, strides=0, pads=0, output_shape=(), data_format="NCHW"):
        super().__init__(ksize, strides, pads, output_shape, data_format)


class MaxUnpool3D(_MaxUnpoolND):
    """``P.MaxUnpool3D(ksize, strides, pads, output_shape)(x, argmax)``: ``ops.max_unpool3d``
    (``strides`` 0 is ``ksize``; ``output_shape`` the full 5-D shape, or empty).

    Args:
        ksize (Union[int, tuple[int]]): The pool's window size.
        strides (Union[int, tuple[int]], optional): The pool's stride; 0 is `ksize`. Default: ``0``.
        pads (Union[int, tuple[int]], optional): The pool's padding. Default: ``0``.
        output_shape (tuple[int], optional): The output shape, or empty. Default: ``()``.
        data_format (str, optional): ``'NCDHW'``. Default: ``'NCDHW'``.

    Inputs:
        - **x** (Tensor) - ``[N, C, D, H, W]``.
        - **argmax** (Tensor) - Int32/Int64 flat positions, of `x`'s shape.

    Outputs:
        Tensor of `x`'s dtype.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor(np.array([[[[[5.0]]]]], np.float32))
        >>> idx = ms.Tensor(np.array([[[[[7]]]]], np.int64))
        >>> print(ops.MaxUnpool3D(2)(x, idx).reshape(-1))
        [0. 0. 0. 0. 0. 0. 0. 5.]
    """

    _nd = 3

    def __init__(self, ksize, strides=0, pads=0, output_shape=(), data_format="NCDHW"):
        super().__init__(ksize, strides, pads, output_shape, data_format)


class CTCLossV2(Primitive):
    """``P.CTCLossV2(blank, reduction, zero_infinity)(log_probs, targets, input_lengths,
    target_lengths)``: ``ops.ctc_loss`` (default reduction ``'none'``), the loss and log-alpha.

    Args:
        blank (int, optional): The blank class. Default: ``0``.
        reduction (str, optional): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'none'``.
        zero_infinity (bool, optional): Whether infinite losses become 0. Default: ``False``.

    Inputs:
        - **log_probs** (Tensor) - ``[T, N, C]``.
        - **targets** (Tensor) - ``[N, S]``.
        - **input_lengths** (Tensor) - ``[N]``.
        - **target_lengths** (Tensor) - ``[N]``.

    Outputs:
        tuple ``(neg_log_likelihood, log_alpha)``.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> lp = ms.Tensor(np.log(np.full((3, 1, 3), 1 / 3, np.float32)))
        >>> loss, alpha = ops.CTCLossV2()(lp, ms.Tensor([[1, 2]], ms.int32), ms.Tensor([3], ms.int32),
        ...                               ms.Tensor([2], ms.int32))
        >>> print(loss, alpha.shape)
        [1.686399] (1, 3, 5)
    """

    def __init__(self, blank=0, reduction="none", zero_infinity=False):
        self.blank = _f._int("CTCLossV2", "blank", blank)
        if reduction not in ("none", "mean", "sum"):
            raise ShapeError(f"For 'CTCLossV2', 'reduction' must be 'none', 'mean' or 'sum', but got "
                             f"{_repr(reduction)}.")
        self.reduction, self.zero_infinity = reduction, bool(zero_infinity)

    def __call__(self, log_probs, targets, input_lengths, target_lengths):
        return _ctc.ctc_loss(log_probs, targets, input_lengths, target_lengths, self.blank, self.reduction,
                             self.zero_infinity)

"""Transposed convolutions (``nn.Conv2dTranspose``, ``nn.Conv1dTranspose``) and the
one-dimensional layers (``nn.Conv1d``, ``nn.MaxPool1d``, ``nn.AvgPool1d``).

As in MindSpore, each 1-D layer is its two-dimensional Rust layer over ``[N, C, 1, L]``:
``Conv1d``'s weight is ``[out, in/group, 1, kernel_size]`` and it prints ``kernel_size=(1, k)``,
exactly as MindSpore 2.10 shows it. ``Conv2dTranspose`` is the Rust layer of
``easy_mindspore::nn`` (one product per group, then col2im), weight ``[in, out/group, k_h, k_w]``.
"""
from .. import _C
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common.initializer import _numpy_seed
from .layer import (AvgPool2d, Conv2d, MaxPool2d, _conv_finish, _int, _layer_spec, _NativeCell, _pads,
                    _pair)

__all__ = ["Conv1d", "MaxPool1d", "AvgPool1d", "Conv2dTranspose", "Conv1dTranspose"]


def _rank3(layer, x, batch_optional=False):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{layer}', the input must be a Tensor, but got {type(x).__name__}.")
    ok = (2, 3) if batch_optional else (3,)
    if x.ndim not in ok:
        want = "[N, C, L] or [C, L]" if batch_optional else "[N, C, L]"
        raise ShapeError(f"For '{layer}', the input must be {want}, but got shape {tuple(x.shape)}.")
    return x


class Conv1d(Conv2d):
    """1-D convolution over ``[N, C, L]``; ``pad_mode`` ``'same'`` (default), ``'valid'`` or
    ``'pad'`` with ``padding`` an int (both ends) or a pair ``(left, right)``.

    Args:
        in_channels (int): The number of input channels.
        out_channels (int): The number of output channels.
        kernel_size (Union[int, tuple[int]]): The window size.
        stride (Union[int, tuple[int]], optional): The stride of the window. Default: ``1``.
        pad_mode (str, optional): ``'valid'``, ``'same'`` or ``'pad'``. Default: ``'same'``.
        padding (Union[int, tuple[int]], optional): The implicit zero padding. Default: ``0``.
        dilation (Union[int, tuple[int]], optional): The spacing of the kernel elements. Default:
            ``1``.
        group (int, optional): The number of groups of channels. Default: ``1``.
        has_bias (bool, optional): Whether the layer adds a bias. Default: ``False``.
        weight_init (Union[str, Initializer, Tensor], optional): The initializer of the weight.
            Default: ``None``.
        bias_init (Union[str, Initializer, Tensor], optional): The initializer of the bias. Default:
            ``None``.
        dtype (mindspore.dtype, optional): The dtype of the parameters. Default: ``None``.

    Outputs:
        Tensor of shape ``[N, out_channels, L_out]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> x = ops.ones((1, 2, 5), ms.float32)
        >>> print(nn.Conv1d(2, 4, 3)(x).shape)
        (1, 4, 5)
    """

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same",
                 padding=0, dilation=1, group=1, has_bias=False, weight_init=None, bias_init=None,
                 dtype=None):
        if isinstance(padding, (tuple, list)):
            if len(padding) != 2:
                raise ShapeError(f"For 'Conv1d', padding must be an int or a pair, but got {padding}")
            pads = (0, 0, _int(padding[0], "Conv1d", "padding", False),
                    _int(padding[1], "Conv1d", "padding", False))
        else:
            p = _int(padding, "Conv1d", "padding", positive=False)
            if p < 0:
                raise ShapeError(f"For 'Conv1d', padding must be >= 0, but got {p}")
            pads = (0, 0, p, p)
        super().__init__(in_channels, out_channels,
                         (1, _int(kernel_size, "Conv1d", "kernel_size")),
                         (1, _int(stride, "Conv1d", "stride")), pad_mode, pads,
                         (1, _int(dilation, "Conv1d", "dilation")), group, has_bias, weight_init,
                         bias_init, "NCHW", dtype)

    def construct(self, x):
        y = super().construct(_rank3("Conv1d", x).expand_dims(2))
        return y.squeeze(2)


class _Pool1d:
    """The shared 1-D front of the 2-D pools: ``[N, C, L]`` (or ``[C, L]``) through ``[N, C, 1, L]``."""

    def construct(self, x):
        x = _rank3(type(self).__name__, x, batch_optional=True)
        out = super().construct(x.expand_dims(-2))
        if isinstance(out, tuple):  # with its indices (positions in the length axis, as H is 1)
            return tuple(o.squeeze(-2) for o in out)
        return out.squeeze(-2)


def _pool_args(layer, kernel_size, stride, padding):
    k = _int(kernel_size, layer, "kernel_size")
    s = _int(stride, layer, "stride")
    p = _int(padding, layer, "padding", positive=False)
    if p < 0:
        raise ShapeError(f"For '{layer}', padding must be >= 0, but got {p}")
    return (1, k), (1, s), (0, 0, p, p)


class MaxPool1d(_Pool1d, MaxPool2d):
    """Max over ``kernel_size`` windows of ``[N, C, L]`` inputs.

    Args:
        kernel_size (Union[int, tuple[int]], optional): The window size. Default: ``1``.
        stride (Union[int, tuple[int]], optional): The stride of the window. Default: ``1``.
        pad_mode (str, optional): ``'valid'``, ``'same'`` or ``'pad'``. Default: ``'valid'``.
        padding (Union[int, tuple[int]], optional): The implicit zero padding. Default: ``0``.
        dilation (Union[int, tuple[int]], optional): The spacing of the kernel elements. Default:
            ``1``.
        return_indices (bool, optional): Whether to also return the indices of the maxima. Default:
            ``False``.
        ceil_mode (bool, optional): Whether to round the output size up. Default: ``False``.

    Outputs:
        Tensor of shape ``[N, C, L_out]`` (and the indices when `return_indices`).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([[[1.0, 2.0, 3.0, 4.0]]], ms.float32)
        >>> print(nn.MaxPool1d(kernel_size=2, stride=2)(x))
        [[[2. 4.]]]
    """

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, dilation=1,
                 return_indices=False, ceil_mode=False):
        k, s, p = _pool_args("MaxPool1d", kernel_size, stride, padding)
        d = (1, _int(dilation, "MaxPool1d", "dilation"))
        super().__init__(k, s, pad_mode, p, d, return_indices, ceil_mode)


class AvgPool1d(_Pool1d, AvgPool2d):
    """Mean over ``kernel_size`` windows of ``[N, C, L]`` inputs.

    Args:
        kernel_size (Union[int, tuple[int]], optional): The window size. Default: ``1``.
        stride (Union[int, tuple[int]], optional): The stride of the window. Default: ``1``.
        pad_mode (str, optional): ``'valid'``, ``'same'`` or ``'pad'``. Default: ``'valid'``.
        padding (Union[int, tuple[int]], optional): The implicit zero padding. Default: ``0``.
        ceil_mode (bool, optional): Whether to round the output size up. Default: ``False``.
        count_include_pad (bool, optional): Whether the padding counts in the average. Default:
            ``True``.

    Outputs:
        Tensor of shape ``[N, C, L_out]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor([[[1.0, 2.0, 3.0, 4.0]]], ms.float32)
        >>> print(nn.AvgPool1d(kernel_size=2, stride=2)(x))
        [[[1.5 3.5]]]
    """

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, ceil_mode=False,
                 count_include_pad=True):
        k, s, p = _pool_args("AvgPool1d", kernel_size, stride, padding)
        super().__init__(k, s, pad_mode, p, ceil_mode, count_include_pad)


class Conv2dTranspose(_NativeCell):
    """The transpose of ``Conv2d`` over ``[N, C_in, H, W]``: output ``H·stride`` (``'same'``, the
    default), the full ``(H-1)·stride + dilation·(k-1) + 1`` (``'valid'``), or that cut by
    ``padding`` plus ``output_padding`` (``'pad'``).

    Args:
        in_channels (int): The number of input channels.
        out_channels (int): The number of output channels.
        kernel_size (Union[int, tuple[int]]): The window size.
        stride (Union[int, tuple[int]], optional): The stride of the window. Default: ``1``.
        pad_mode (str, optional): ``'valid'``, ``'same'`` or ``'pad'``. Default: ``'same'``.
        padding (Union[int, tuple[int]], optional): The implicit zero padding. Default: ``0``.
        output_padding (Union[int, tuple[int]], optional): Extra size added to one side of the
            output, which holds the kernel's contributions there and the bias (MindSpore 2.10's
            CPU kernel leaves those rows and columns zero, bias included: a MindSpore bug we do
            not copy). Default: ``0``.
        dilation (Union[int, tuple[int]], optional): The spacing of the kernel elements. Default:
            ``1``.
        group (int, optional): The number of groups of channels. Default: ``1``.
        has_bias (bool, optional): Whether the layer adds a bias. Default: ``False``.
        weight_init (Union[str, Initializer, Tensor], optional): The initializer of the weight.
            Default: ``None``.
        bias_init (Union[str, Initializer, Tensor], optional): The initializer of the bias. Default:
            ``None``.
        dtype (mindspore.dtype, optional): The dtype of the parameters. Default: ``None``.

    Outputs:
        Tensor of shape ``[N, out_channels, H_out, W_out]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> x = ops.ones((1, 3, 4, 4), ms.float32)
        >>> print(nn.Conv2dTranspose(3, 2, 2, stride=2)(x).shape)
        (1, 2, 8, 8)
    """

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same",
                 padding=0, output_padding=0, dilation=1, group=1, has_bias=False,
                 weight_init=None, bias_init=None, dtype=None):
        super().__init__()
        name = type(self).__name__
        if not isinstance(pad_mode, str):
            raise DTypeError(f"For '{name}', pad_mode must be a str, got {type(pad_mode).__name__}")
        w0, b0 = _layer_spec(weight_init), _layer_spec(bias_init)
        out_pad = output_padding if isinstance(output_padding, (tuple, list)) else (output_padding,) * 2
        if len(out_pad) != 2:
            raise ShapeError(f"For '{name}', output_padding must be an int or a pair, got {output_padding}")
        out_pad = tuple(_int(p, name, "output_padding", positive=False) for p in out_pad)
        if min(out_pad) < 0:
            raise ShapeError(f"For '{name}', output_padding must be >= 0, got {output_padding}")
        # MindSpore 2.10's (and PyTorch's) limits: the extra cells come from one stride or
        # dilation step, and only an explicit padding has room for them.
        steps = zip(out_pad, self._kernel(stride, "stride"), self._kernel(dilation, "dilation"))
        if any(p >= max(s, d) for p, s, d in steps):
            raise ShapeError(f"For '{name}', output_padding must be in range of [0, max(stride, "
                             f"dilation)), but got output_padding {output_padding}, stride "
                             f"{stride} and dilation {dilation}.")
        if any(out_pad) and pad_mode.lower() != "pad":
            raise ShapeError(f"For '{name}', when output_padding is not zero, pad_mode must be "
                             f"'pad', but got {pad_mode!r}.")
        self._bind(_C.conv2d_transpose(_int(in_channels, name, "in_channels"),
                                       _int(out_channels, name, "out_channels"),
                                       self._kernel(kernel_size), self._kernel(stride, "stride"),
                                       pad_mode, _pads(padding, name), out_pad,
                                       self._kernel(dilation, "dilation"), _int(group, name, "group"),
                                       bool(has_bias), w0, b0, dtype, seeds=_numpy_seed))
        _conv_finish(self, name, in_channels, out_channels, kernel_size, stride, dilation,
                     pad_mode, padding, group, has_bias, weight_init, bias_init)
        self.output_padding = output_padding

    def _kernel(self, v, what="kernel_size"):
        return _pair(v, type(self).__name__, what)

    extend_repr = Conv2d.extend_repr  # MindSpore prints both alike


class Conv1dTranspose(Conv2dTranspose):
    """The transpose of ``Conv1d`` over ``[N, C_in, L]``; weight ``[in, out/group, 1, k]``.

    Args:
        in_channels (int): The number of input channels.
        out_channels (int): The number of output channels.
        kernel_size (Union[int, tuple[int]]): The window size.
        stride (Union[int, tuple[int]], optional): The stride of the window. Default: ``1``.
        pad_mode (str, optional): ``'valid'``, ``'same'`` or ``'pad'``. Default: ``'same'``.
        padding (Union[int, tuple[int]], optional): The implicit zero padding. Default: ``0``.
        dilation (Union[int, tuple[int]], optional): The spacing of the kernel elements. Default:
            ``1``.
        group (int, optional): The number of groups of channels. Default: ``1``.
        has_bias (bool, optional): Whether the layer adds a bias. Default: ``False``.
        weight_init (Union[str, Initializer, Tensor], optional): The initializer of the weight.
            Default: ``None``.
        bias_init (Union[str, Initializer, Tensor], optional): The initializer of the bias. Default:
            ``None``.
        dtype (mindspore.dtype, optional): The dtype of the parameters. Default: ``None``.

    Outputs:
        Tensor of shape ``[N, out_channels, L_out]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> x = ops.ones((1, 2, 5), ms.float32)
        >>> print(nn.Conv1dTranspose(2, 4, 3, stride=2)(x).shape)
        (1, 4, 10)
    """

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same",
                 padding=0, dilation=1, group=1, has_bias=False, weight_init=None, bias_init=None,
                 dtype=None):
        p = _int(padding, "Conv1dTranspose", "padding", positive=False)
        if p < 0:
            raise ShapeError(f"For 'Conv1dTranspose', padding must be >= 0, but got {p}")
        def one(v, what):
            return (1, _int(v, "Conv1dTranspose", what))

        super().__init__(in_channels, out_channels, one(kernel_size, "kernel_size"),
                         one(stride, "stride"), pad_mode, (0, 0, p, p), 0,
                         one(dilation, "dilation"), group, has_bias, weight_init, bias_init, dtype)

    def construct(self, x):
        return super().construct(_rank3("Conv1dTranspose", x).expand_dims(2)).squeeze(2)

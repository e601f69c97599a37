"""``nn.Conv3d`` and ``nn.Conv3dTranspose`` over ``[N, C, D, H, W]``, with MindSpore 2.10's
arguments, Parameters (``weight``, ``bias``), default initializers and printing. The
computations are ``ops.conv3d``'s (the 2-D convolution primitive over the depth slices folded
into the batch) and its transpose, so differentiable."""
import math
from reprlib import repr as _repr

from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ..common.initializer import HeUniform, Uniform
from ..ops.function import _nn_3d as _f
from ..ops.function._args import bool_arg as _bool
from .cell import Cell
from .layer import _init_repr
from .layers_extra import _param, _positive_int

__all__ = ["Conv3d", "Conv3dTranspose"]


def _nn_padding(op, padding):
    """``nn.Conv3d``'s padding: an int or 6 ints (head, tail, top, bottom, left, right)."""
    if isinstance(padding, (tuple, list)) and len(padding) != 6:
        raise ShapeError(f"For '{op}', 'padding' must be an int or a tuple of 6 ints, but got "
                         f"{_repr(padding)}.")
    return _f._padding6(op, padding, (1, 6))


class _Conv3dBase(Cell):
    """The arguments, Parameters and printing both 3-D convolutions share."""

    _transposed = False

    def __init__(self, in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation,
                 group, has_bias, weight_init, bias_init, data_format, dtype):
        super().__init__()
        op = type(self).__name__
        self.in_channels = _positive_int(op, "in_channels", in_channels)
        self.out_channels = _positive_int(op, "out_channels", out_channels)
        self.group = _positive_int(op, "group", group)
        if self.in_channels % self.group or self.out_channels % self.group:
            raise ShapeError(f"For '{op}', 'group' ({self.group}) must divide 'in_channels' "
                             f"({self.in_channels}) and 'out_channels' ({self.out_channels}).")
        self.kernel_size = _f._triple(op, "kernel_size", kernel_size)
        self.stride = _f._triple(op, "stride", stride)
        self.dilation = _f._triple(op, "dilation", dilation)
        if not isinstance(pad_mode, str):
            raise DTypeError(f"For '{op}', 'pad_mode' must be a str, but got {type(pad_mode).__name__}.")
        if pad_mode.lower() not in ("same", "valid", "pad"):
            raise ShapeError(f"For '{op}', 'pad_mode' must be 'same', 'valid' or 'pad', but got "
                             f"{_repr(pad_mode)}.")
        self._pads = _nn_padding(op, padding)
        if pad_mode.lower() != "pad" and any(self._pads):
            raise ShapeError(f"For '{op}', 'padding' must be 0 when 'pad_mode' is not 'pad', but "
                             f"got {_repr(padding)} with pad_mode '{pad_mode}'.")
        if data_format != "NCDHW":
            raise ShapeError(f"For '{op}', 'data_format' must be 'NCDHW' (the one layout MindSpore's "
                             f"CPU kernel has), but got {_repr(data_format)}.")
        self.pad_mode, self.padding, self.format = pad_mode, padding, data_format
        self.has_bias = _bool(op, "has_bias", has_bias)
        if self._transposed:
            shape = (self.in_channels, self.out_channels // self.group) + self.kernel_size
        else:
            shape = (self.out_channels, self.in_channels // self.group) + self.kernel_size
        self.weight_init = HeUniform(math.sqrt(5)) if weight_init is None else weight_init
        bound = 1 / math.sqrt(shape[1] * math.prod(self.kernel_size))
        self.bias_init = (Uniform(bound) if bias_init is None else bias_init) if self.has_bias else bias_init
        dtype = mstype.float32 if dtype is None else dtype
        self.weight = _param(op, "weight_init", self.weight_init, shape, None, dtype, "weight")
        self.bias = _param(op, "bias_init", self.bias_init, (self.out_channels,), None, dtype,
                           "bias") if self.has_bias else None

    def _input(self, x):
        op = type(self).__name__
        if not isinstance(x, Tensor):
            raise DTypeError(f"For '{op}', the input must be a Tensor, but got {type(x).__name__}.")
        if x.ndim != 5 or x.shape[1] != self.in_channels:
            raise ShapeError(f"For '{op}', the input must be [N, {self.in_channels}, D, H, W], but "
                             f"got shape {list(x.shape)}.")
        return x

    def extend_repr(self):
        return (f"input_channels={self.in_channels}, output_channels={self.out_channels}, "
                f"kernel_size={self.kernel_size}, stride={self.stride}, pad_mode={self.pad_mode}, "
                f"padding={self.padding}, dilation={self.dilation}, group={self.group}, "
                f"has_bias={self.has_bias}, weight_init={_init_repr(self.weight_init)}, "
                f"bias_init={_init_repr(self.bias_init)}, format={self.format}")


class Conv3d(_Conv3dBase):
    r"""3-D convolution over ``[N, C_in, D, H, W]`` with weight ``[C_out, C_in/group, kd, kh, kw]``;
    ``pad_mode`` ``'same'`` (default; the odd padding cell at the end), ``'valid'`` or ``'pad'``
    with ``padding`` an int or ``(head, tail, top, bottom, left, right)``.

    Args:
        in_channels (int): The number of input channels.
        out_channels (int): The number of output channels.
        kernel_size (Union[int, tuple[int]]): The window size, one or 3 ints.
        stride (Union[int, tuple[int]], optional): The stride. Default: ``1``.
        pad_mode (str, optional): ``'same'``, ``'valid'`` or ``'pad'``. Default: ``'same'``.
        padding (Union[int, tuple[int]], optional): The zero padding of ``'pad'``, an int or 6 ints.
            Default: ``0``.
        dilation (Union[int, tuple[int]], optional): The spacing of the kernel elements. Default:
            ``1``.
        group (int, optional): The number of groups of channels. Default: ``1``.
        has_bias (bool, optional): Whether to add a bias. Default: ``False``.
        weight_init (Union[Tensor, str, Initializer, numbers.Number], optional): The weight's
            initializer; ``None`` is ``HeUniform(negative_slope=math.sqrt(5))``. Default: ``None``.
        bias_init (Union[Tensor, str, Initializer, numbers.Number], optional): The bias's
            initializer; ``None`` is :math:`\mathcal{U}(-1/\sqrt{fan\_in}, 1/\sqrt{fan\_in})`.
            Default: ``None``.
        data_format (str, optional): ``'NCDHW'``, the one layout. Default: ``'NCDHW'``.
        dtype (mindspore.dtype, optional): The Parameters' dtype. Default: ``mstype.float32``.

    Inputs:
        - **x** (Tensor) - ``[N, C_in, D, H, W]``.

    Outputs:
        Tensor ``[N, C_out, D_out, H_out, W_out]``.

    Raises:
        TypeError: If an argument has the wrong type or the input is not a Tensor.
        ValueError: If a size, `group`, `pad_mode`, `padding` or the input's shape is wrong.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> net = nn.Conv3d(3, 8, (2, 3, 3), weight_init="ones")
        >>> print(net(ops.ones((1, 3, 4, 5, 5), ms.float32)).shape)
        (1, 8, 4, 5, 5)
        >>> print(net)
        Conv3d(input_channels=3, output_channels=8, kernel_size=(2, 3, 3), stride=(1, 1, 1), pad_mode=same, padding=0, dilation=(1, 1, 1), group=1, has_bias=False, weight_init=ones, bias_init=None, format=NCDHW)
    """

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same", padding=0,
                 dilation=1, group=1, has_bias=False, weight_init=None, bias_init=None,
                 data_format="NCDHW", dtype=mstype.float32):
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation,
                         group, has_bias, weight_init, bias_init, data_format, dtype)

    def construct(self, x):
        op = "Conv3d"
        x = self._input(x)
        _f._check_float(op, x, self.weight)
        pads = _f.conv_pads(op, self.pad_mode, self._pads, x.shape[2:], self.kernel_size,
                            self.stride, self.dilation)
        y = _f.conv3d_core(x, self.weight, self.stride, pads, self.dilation, self.group, op)
        return _f.add_bias(op, y, self.bias)


class Conv3dTranspose(_Conv3dBase):
    r"""The transpose of ``Conv3d`` (its gradient with respect to the input) over ``[N, C_in, D,
    H, W]``, weight ``[C_in, C_out/group, kd, kh, kw]``. Each output length is ``L·stride``
    (``'same'``, the default: the full output ``(L - 1)·stride + dilation·(k - 1) + 1`` cut
    evenly, the odd cell at the end, or grown with zeros at the end), the full length
    (``'valid'``), or the full length cut by ``padding`` (head, tail, top, bottom, left, right)
    and grown by ``output_padding`` at the end (``'pad'``).

    Args:
        in_channels (int): The number of input channels.
        out_channels (int): The number of output channels.
        kernel_size (Union[int, tuple[int]]): The window size, one or 3 ints.
        stride (Union[int, tuple[int]], optional): The stride. Default: ``1``.
        pad_mode (str, optional): ``'same'``, ``'valid'`` or ``'pad'``. Default: ``'same'``.
        padding (Union[int, tuple[int]], optional): The cut of ``'pad'``, an int or 6 ints.
            Default: ``0``.
        dilation (Union[int, tuple[int]], optional): The spacing of the kernel elements. Default:
            ``1``.
        group (int, optional): The number of groups of channels. Default: ``1``.
        output_padding (Union[int, tuple[int]], optional): Cells added at the end of each axis
            (``'pad'`` only). Default: ``0``.
        has_bias (bool, optional): Whether to add a bias. Default: ``False``.
        weight_init (Union[Tensor, str, Initializer, numbers.Number], optional): The weight's
            initializer; ``None`` is ``HeUniform(negative_slope=math.sqrt(5))``. Default: ``None``.
        bias_init (Union[Tensor, str, Initializer, numbers.Number], optional): The bias's
            initializer; ``None`` is :math:`\mathcal{U}(-1/\sqrt{fan\_in}, 1/\sqrt{fan\_in})`.
            Default: ``None``.
        data_format (str, optional): ``'NCDHW'``, the one layout. Default: ``'NCDHW'``.
        dtype (mindspore.dtype, optional): The Parameters' dtype. Default: ``mstype.float32``.

    Inputs:
        - **x** (Tensor) - ``[N, C_in, D, H, W]``.

    Outputs:
        Tensor ``[N, C_out, D_out, H_out, W_out]``.

    Raises:
        TypeError: If an argument has the wrong type or the input is not a Tensor.
        ValueError: If a size, `group`, `pad_mode`, `padding`, `output_padding` or the input's
            shape is wrong.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> net = nn.Conv3dTranspose(2, 4, 3, stride=2, weight_init="ones")
        >>> y = net(ops.ones((1, 2, 2, 3, 3), ms.float32))
        >>> print(y.shape)
        (1, 4, 4, 6, 6)
        >>> print(y[0, 0, 0, 0])
        [2. 2. 4. 2. 4. 2.]
    """

    _transposed = True

    def __init__(self, in_channels, out_channels, kernel_size, stride=1, pad_mode="same", padding=0,
                 dilation=1, group=1, output_padding=0, has_bias=False, weight_init=None,
                 bias_init=None, data_format="NCDHW", dtype=mstype.float32):
        super().__init__(in_channels, out_channels, kernel_size, stride, pad_mode, padding, dilation,
                         group, has_bias, weight_init, bias_init, data_format, dtype)
        op = "Conv3dTranspose"
        self.output_padding = _f._triple(op, "output_padding", output_padding, positive=False)
        if any(self.output_padding) and self.pad_mode.lower() != "pad":
            raise ShapeError(f"For '{op}', 'output_padding' must be 0 when 'pad_mode' is not "
                             f"'pad', but got {_repr(output_padding)} with pad_mode '{pad_mode}'.")
        if any(p >= max(s, d) for p, s, d in zip(self.output_padding, self.stride, self.dilation)):
            raise ShapeError(f"For '{op}', 'output_padding' must be smaller than the stride or the "
                             f"dilation, but got {self.output_padding}, stride {self.stride} and "
                             f"dilation {self.dilation}.")

    def construct(self, x):
        op = "Conv3dTranspose"
        x = self._input(x)
        _f._check_float(op, x, self.weight)
        mode = self.pad_mode.lower()
        if mode == "pad":
            crop = list(self._pads)
        elif mode == "valid":
            crop = [0] * 6
        else:
            crop = []
            for n, k, s, d in zip(x.shape[2:], self.kernel_size, self.stride, self.dilation):
                total = (n - 1) * s + d * (k - 1) + 1 - n * s   # full length minus L·stride
                lo = total // 2 if total > 0 else 0
                crop += [lo, total - lo]
        y = _f.conv_transpose3d_core(x, self.weight, self.stride, crop, self.output_padding,
                                     self.dilation, self.group)
        return _f.add_bias(op, y, self.bias)

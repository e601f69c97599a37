"""``nn.MaxPool3d``, ``nn.AvgPool3d`` (MindSpore 2.10's arguments: ``pad_mode`` ``'valid'``,
``'same'`` or ``'pad'``, batched ``[N, C, D, H, W]`` or unbatched ``[C, D, H, W]`` input) and
``nn.MaxUnpool1d/2d/3d``. The computations are ``ops.max_pool3d``/``ops.avg_pool3d``'s and
``ops.max_unpool*``'s, so differentiable."""
from reprlib import repr as _repr

from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..ops.function import _nn_3d as _f
from ..ops.function import _unpool as _u
from ..ops.function._args import bool_arg as _bool
from .cell import Cell

__all__ = ["MaxPool3d", "AvgPool3d", "MaxUnpool1d", "MaxUnpool2d", "MaxUnpool3d"]


def _mode(op, pad_mode):
    if not isinstance(pad_mode, str):
        raise DTypeError(f"For '{op}', 'pad_mode' must be a str, but got {type(pad_mode).__name__}.")
    if pad_mode.upper() not in ("VALID", "SAME", "PAD"):
        raise ShapeError(f"For '{op}', 'pad_mode' must be 'valid', 'same' or 'pad', but got "
                         f"{_repr(pad_mode)}.")
    return pad_mode.upper()


class _Pool3d(Cell):
    """The window arguments both 3-D pools share, and the batch axis they add when missing."""

    def __init__(self, kernel_size, stride, pad_mode, padding, dilation=1):
        super().__init__()
        op = type(self).__name__
        self._k = _f._triple(op, "kernel_size", kernel_size)
        self._s = _f._triple(op, "stride", stride)
        self._d = _f._triple(op, "dilation", dilation)
        self.pad_mode = _mode(op, pad_mode)
        self._pads = _f._padding6(op, padding, (1, 3))
        if self.pad_mode != "PAD" and any(self._pads):
            raise ShapeError(f"For '{op}', 'padding' must be 0 when 'pad_mode' is not 'pad', but "
                             f"got {_repr(padding)} with pad_mode '{pad_mode}'.")
        self.kernel_size, self.stride, self.padding = kernel_size, stride, padding

    def _pool_run(self, x, pool):
        op = type(self).__name__
        if not isinstance(x, Tensor):
            raise DTypeError(f"For '{op}', the input must be a Tensor, but got {type(x).__name__}.")
        if x.ndim not in (4, 5):
            raise ShapeError(f"For '{op}', the input must be [N, C, D, H, W] or [C, D, H, W], but "
                             f"got shape {list(x.shape)}.")
        x5 = x.expand_dims(0) if x.ndim == 4 else x
        pads = (_f.same_pads(x5.shape[2:], self._k, self._s, self._d) if self.pad_mode == "SAME"
                else self._pads)
        out = pool(x5, pads)
        if x.ndim == 4:
            out = tuple(o.squeeze(0) for o in out) if isinstance(out, tuple) else out.squeeze(0)
        return out

    def extend_repr(self):
        return f"kernel_size={self.kernel_size}, stride={self.stride}, pad_mode={self.pad_mode}"


class MaxPool3d(_Pool3d):
    """Maxima over ``kernel_size`` windows of ``[N, C, D, H, W]`` (or ``[C, D, H, W]``) inputs;
    ``pad_mode`` ``'valid'``, ``'same'`` (output ``ceil(L / stride)``) or ``'pad'`` (``padding``
    an int or 3 ints, on both sides). ``return_indices`` (``'pad'`` only, as MindSpore) also
    gives the Int64 flat index ``d·H·W + h·W + w`` of each window's first maximum.

    Args:
        kernel_size (Union[int, tuple[int]], optional): The window size. Default: ``1``.
        stride (Union[int, tuple[int]], optional): The stride. Default: ``1``.
        pad_mode (str, optional): ``'valid'``, ``'same'`` or ``'pad'`` (any case). Default:
            ``'valid'``.
        padding (Union[int, tuple[int]], optional): The padding of ``'pad'``. Default: ``0``.
        dilation (Union[int, tuple[int]], optional): The spacing of the window's cells (``'pad'``
            only when not 1). Default: ``1``.
        return_indices (bool, optional): Whether to also return the indices. Default: ``False``.
        ceil_mode (bool, optional): Whether to round the output size up. Default: ``False``.

    Inputs:
        - **x** (Tensor) - ``[N, C, D, H, W]`` or ``[C, D, H, W]``.

    Outputs:
        Tensor of the pooled shape, and the Int64 indices when `return_indices`.

    Raises:
        TypeError: If an argument has the wrong type or the input is not a Tensor.
        ValueError: If a size, `pad_mode` or `padding` is wrong, or the input is not 4-D or 5-D.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(64, dtype=np.float32).reshape(1, 1, 4, 4, 4))
        >>> print(nn.MaxPool3d(2, 2)(x).reshape(-1))
        [21. 23. 29. 31. 53. 55. 61. 63.]
        >>> print(nn.MaxPool3d(2, 2))
        MaxPool3d(kernel_size=2, stride=2, pad_mode=VALID)
    """

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, dilation=1,
                 return_indices=False, ceil_mode=False):
        super().__init__(kernel_size, stride, pad_mode, padding, dilation)
        op = "MaxPool3d"
        self.return_indices = _bool(op, "return_indices", return_indices)
        self.ceil_mode = _bool(op, "ceil_mode", ceil_mode)
        if (self.return_indices or self._d != (1, 1, 1)) and self.pad_mode != "PAD":
            raise ShapeError(f"For '{op}', 'pad_mode' must be 'pad' when 'dilation' is not 1 or "
                             f"'return_indices' is True, but got pad_mode '{pad_mode}'.")
        if any(self._pads[2 * a] * 2 > self._k[a] for a in range(3)):
            raise ShapeError(f"For '{op}', the padding must be at most half the kernel size, but "
                             f"got padding {_repr(padding)} and kernel {self._k}.")

    def construct(self, x):
        return self._pool_run(x, lambda x5, pads: _f.max_pool3d_core(
            x5, self._k, self._s, pads, self._d, self.ceil_mode, self.return_indices, "MaxPool3d"))


class AvgPool3d(_Pool3d):
    """Means over ``kernel_size`` windows of ``[N, C, D, H, W]`` (or ``[C, D, H, W]``) inputs;
    ``pad_mode`` ``'valid'``, ``'same'`` (output ``ceil(L / stride)``, the padding counted as
    ``count_include_pad`` says) or ``'pad'`` (``padding`` an int or 3 ints). A window's divisor
    is its cells inside the padded input (inside the input alone without ``count_include_pad``),
    or ``divisor_override`` when given.

    Args:
        kernel_size (Union[int, tuple[int]], optional): The window size. Default: ``1``.
        stride (Union[int, tuple[int]], optional): The stride. Default: ``1``.
        pad_mode (str, optional): ``'valid'``, ``'same'`` or ``'pad'`` (any case). Default:
            ``'valid'``.
        padding (Union[int, tuple[int]], optional): The padding of ``'pad'``. Default: ``0``.
        ceil_mode (bool, optional): Whether to round the output size up. Default: ``False``.
        count_include_pad (bool, optional): Whether padding cells count in the divisor. Default:
            ``True``.
        divisor_override (int, optional): The divisor of every window, if given. Default:
            ``None``.

    Inputs:
        - **x** (Tensor) - ``[N, C, D, H, W]`` or ``[C, D, H, W]``, a float tensor.

    Outputs:
        Tensor of the pooled shape.

    Raises:
        TypeError: If an argument has the wrong type or the input is not a float Tensor.
        ValueError: If a size, `pad_mode` or `padding` is wrong, or the input is not 4-D or 5-D.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(64, dtype=np.float32).reshape(1, 1, 4, 4, 4))
        >>> print(nn.AvgPool3d(2, 2)(x).reshape(-1))
        [10.5 12.5 18.5 20.5 42.5 44.5 50.5 52.5]
        >>> print(nn.AvgPool3d(3, 2, pad_mode="same")(x)[0, 0, 0])
        [[21.       15.      ]
         [18.       12.666667]]
    """

    def __init__(self, kernel_size=1, stride=1, pad_mode="valid", padding=0, ceil_mode=False,
                 count_include_pad=True, divisor_override=None):
        super().__init__(kernel_size, stride, pad_mode, padding)
        op = "AvgPool3d"
        self.ceil_mode = _bool(op, "ceil_mode", ceil_mode)
        self.count_include_pad = _bool(op, "count_include_pad", count_include_pad)
        div = 0 if divisor_override is None else divisor_override
        if isinstance(div, bool) or not isinstance(div, int):
            raise DTypeError(f"For '{op}', 'divisor_override' must be an int or None, but got "
                             f"{type(divisor_override).__name__}.")
        if div < 0:
            raise ShapeError(f"For '{op}', 'divisor_override' must be >= 0, but got {div}.")
        self.divisor_override = divisor_override
        self._div = div
        if any(self._pads[2 * a] * 2 > self._k[a] for a in range(3)):
            raise ShapeError(f"For '{op}', the two paddings of an axis must add up to at most the "
                             f"kernel size, but got padding {_repr(padding)} and kernel {self._k}.")

    def construct(self, x):
        def pool(x5, pads):
            _f._check_float("AvgPool3d", x5)
            return _f.avg_pool3d_core(x5, self._k, self._s, pads, self.ceil_mode,
                                      self.count_include_pad, self._div, "AvgPool3d")
        return self._pool_run(x, pool)


class _MaxUnpool(Cell):
    _nd = 2

    def __init__(self, kernel_size, stride=None, padding=0):
        super().__init__()
        op = type(self).__name__
        self.kernel_size = _u._ints(op, "kernel_size", kernel_size, self._nd)
        self.stride = self.kernel_size if stride is None else _u._ints(op, "stride", stride, self._nd)
        self.padding = _u._ints(op, "padding", padding, self._nd, positive=False)

    def construct(self, x, indices, output_size=None):
        op = f"MaxUnpool{self._nd}D"
        return _u.unpool(op, self._nd, x, indices, self.kernel_size, self.stride, self.padding,
                         output_size)


class MaxUnpool1d(_MaxUnpool):
    """The inverse of ``MaxPool1d`` given its indices: each value of ``[N, C, L]`` (or ``[C,
    L]``) written at its index in zeros of length ``(L - 1)·stride - 2·padding + kernel_size``
    (or the ``output_size`` passed with the input).

    Args:
        kernel_size (Union[int, tuple[int]]): The pool's window size.
        stride (Union[int, tuple[int]], optional): The pool's stride; ``None`` is `kernel_size`.
            Default: ``None``.
        padding (Union[int, tuple[int]], optional): The pool's padding. Default: ``0``.

    Inputs:
        - **x** (Tensor) - The pooled values.
        - **indices** (Tensor) - Their Int32 or Int64 positions, of `x`'s shape.
        - **output_size** (tuple[int], optional) - The output size. Default: ``None``.

    Outputs:
        Tensor of `x`'s dtype.

    Raises:
        TypeError: If an input is not a Tensor or `indices` is not Int32/Int64.
        ValueError: If the shapes or sizes are wrong.
        RuntimeError: If an index is outside the output.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.array([[[5.0, 4.0, 6.0]]], np.float32))
        >>> idx = ms.Tensor(np.array([[[1, 3, 5]]], np.int64))
        >>> print(nn.MaxUnpool1d(2)(x, idx, output_size=(7,)))
        [[[0. 5. 0. 4. 0. 6. 0.]]]
    """

    _nd = 1


class MaxUnpool2d(_MaxUnpool):
    """The inverse of ``MaxPool2d`` given its indices: each value of ``[N, C, H, W]`` (or ``[C, H,
    W]``) written at its flat index ``h·W_out + w`` in zeros of size ``(in - 1)·stride -
    2·padding + kernel_size`` per axis (or the ``output_size`` passed with the input).

    Args:
        kernel_size (Union[int, tuple[int]]): The pool's window size.
        stride (Union[int, tuple[int]], optional): The pool's stride; ``None`` is `kernel_size`.
            Default: ``None``.
        padding (Union[int, tuple[int]], optional): The pool's padding. Default: ``0``.

    Inputs:
        - **x** (Tensor) - The pooled values.
        - **indices** (Tensor) - Their Int32 or Int64 flat positions, of `x`'s shape.
        - **output_size** (tuple[int], optional) - The output size. Default: ``None``.

    Outputs:
        Tensor of `x`'s dtype.

    Raises:
        TypeError: If an input is not a Tensor or `indices` is not Int32/Int64.
        ValueError: If the shapes or sizes are wrong.
        RuntimeError: If an index is outside the output.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> x = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
        >>> out, idx = ops.max_pool2d(x, 2, return_indices=True)
        >>> print(nn.MaxUnpool2d(2)(out, idx)[0, 0, 1])
        [0. 5. 0. 7.]
    """

    _nd = 2


class MaxUnpool3d(_MaxUnpool):
    """The inverse of ``MaxPool3d`` given its indices: each value of ``[N, C, D, H, W]`` (or
    ``[C, D, H, W]``) written at its flat index ``(d·H_out + h)·W_out + w`` in zeros of size
    ``(in - 1)·stride - 2·padding + kernel_size`` per axis (or the ``output_size`` passed with
    the input).

    Args:
        kernel_size (Union[int, tuple[int]]): The pool's window size.
        stride (Union[int, tuple[int]], optional): The pool's stride; ``None`` is `kernel_size`.
            Default: ``None``.
        padding (Union[int, tuple[int]], optional): The pool's padding. Default: ``0``.

    Inputs:
        - **x** (Tensor) - The pooled values.
        - **indices** (Tensor) - Their Int32 or Int64 flat positions, of `x`'s shape.
        - **output_size** (tuple[int], optional) - The output size. Default: ``None``.

    Outputs:
        Tensor of `x`'s dtype.

    Raises:
        TypeError: If an input is not a Tensor or `indices` is not Int32/Int64.
        ValueError: If the shapes or sizes are wrong.
        RuntimeError: If an index is outside the output.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn, ops
        >>> x = ms.Tensor(np.arange(8, dtype=np.float32).reshape(1, 1, 2, 2, 2))
        >>> out, idx = ops.max_pool3d(x, 2, return_indices=True)
        >>> print(nn.MaxUnpool3d(2)(out, idx).shape)
        (1, 1, 2, 2, 2)
    """

    _nd = 3

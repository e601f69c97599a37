"""``mindspore.nn.Unfold(ksizes, strides, rates, padding='valid')``: image patches
(``ExtractImagePatches``) of an NCHW tensor, laid out as MindSpore 2.10 documents it:
``[N, ksize_row * ksize_col * C, out_row, out_col]``, the depth ordered (patch row, patch column,
channel) with the channel fastest, as TensorFlow's ``extract_image_patches``. MindSpore 2.10's
CPU build has no kernel for it (a RuntimeError there); this follows the documentation, with
TensorFlow's ``'same'`` padding (``out = ceil(in / stride)``, zeros split with the extra one
after). Built on ``mint.nn.functional.unfold`` (im2col), so it is differentiable."""
from .. import ops
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from .cell import Cell

__all__ = ["Unfold"]


def _window(name, value):
    """``(row, col)`` of a ``[1, row, col, 1]`` argument, checked as MindSpore checks it."""
    if not isinstance(value, (tuple, list)):
        raise DTypeError(f"For 'Unfold', '{name}s' must be a tuple or a list, but got "
                         f"{type(value).__name__}.")
    if len(value) != 4 or value[0] != 1 or value[3] != 1:
        raise ShapeError(f"For 'Unfold' the format of '{name}s' must be [1, {name}_row, {name}_col, 1], "
                         f"but got {list(value)}.")
    row, col = value[1], value[2]
    ints = all(isinstance(v, int) and not isinstance(v, bool) for v in (row, col))
    if not ints or row < 1 or col < 1:
        raise ShapeError(f"For 'Unfold' the {name}_row and {name}_col in '{name}s' must be an positive "
                         f"integer number, but got {name}_row is {row}, {name}_col is {col}")
    return row, col


class Unfold(Cell):
    """Extracts the patches of an NCHW image tensor into the depth axis.

    Args:
        ksizes (Union[tuple[int], list[int]]): ``[1, ksize_row, ksize_col, 1]``, the window.
        strides (Union[tuple[int], list[int]]): ``[1, stride_row, stride_col, 1]``, the step
            between patches.
        rates (Union[tuple[int], list[int]]): ``[1, rate_row, rate_col, 1]``, the spacing of a
            patch's pixels (dilation).
        padding (str, optional): ``'valid'`` (whole patches only) or ``'same'`` (zero padding,
            ``ceil(in / stride)`` patches per axis), case-insensitive. Default: ``'valid'``.

    Inputs:
        - **x** (Tensor) - ``[N, C, H, W]``, a number dtype.

    Outputs:
        Tensor ``[N, ksize_row * ksize_col * C, out_row, out_col]`` of ``x``'s dtype; depth index
        ``(i * ksize_col + j) * C + c`` holds pixel ``(i, j)`` of channel ``c`` of each patch;
        ``out_row = (H - (ksize_row - 1) * rate_row - 1) // stride_row + 1`` for ``'valid'``.

    Raises:
        TypeError: An argument is not a tuple or list, or ``x`` is not a Tensor.
        ValueError: An argument is not ``[1, a, b, 1]`` with positive ints, ``padding`` is not
            ``'same'``/``'valid'``, ``x`` is not 4-D, or no patch fits.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(18, dtype=np.float32).reshape(1, 2, 3, 3))
        >>> y = nn.Unfold([1, 2, 2, 1], [1, 1, 1, 1], [1, 1, 1, 1])(x)
        >>> print(y.shape)
        (1, 8, 2, 2)
        >>> print(y[0, :, 0, 0])
        [ 0.  9.  1. 10.  3. 12.  4. 13.]
        >>> print(nn.Unfold([1, 2, 2, 1], [1, 2, 2, 1], [1, 1, 1, 1], 'same')(x).shape)
        (1, 8, 2, 2)
    """

    def __init__(self, ksizes, strides, rates, padding="valid"):
        super().__init__()
        self.ksizes = _window("ksize", ksizes)
        self.strides = _window("stride", strides)
        self.rates = _window("rate", rates)
        if not isinstance(padding, str) or padding.upper() not in ("SAME", "VALID"):
            shown = repr(padding) if isinstance(padding, str) else type(padding).__name__
            raise ShapeError(f"For 'Unfold', padding must be 'same' or 'valid', but got {shown}.")
        self.padding = padding.upper()

    def construct(self, x):
        if not isinstance(x, Tensor):
            raise DTypeError(f"For 'Unfold', the input must be a Tensor, but got {type(x).__name__}.")
        if x.ndim != 4:
            raise ShapeError(f"For 'Unfold', the rank of input_x must be 4, but got shape {tuple(x.shape)}.")
        n, c, h, w = x.shape
        (kr, kc), (sr, sc), (rr, rc) = self.ksizes, self.strides, self.rates
        eff_r, eff_c = (kr - 1) * rr + 1, (kc - 1) * rc + 1
        if self.padding == "VALID":
            out_r, out_c = (h - eff_r) // sr + 1, (w - eff_c) // sc + 1
        else:
            out_r, out_c = -(-h // sr), -(-w // sc)
        if out_r <= 0 or out_c <= 0:
            raise ShapeError(f"For 'Unfold', the output shape should be greater than 0, but got "
                             f"{[n, kr * kc * c, max(out_r, 0), max(out_c, 0)]} for input shape "
                             f"{tuple(x.shape)}.")
        src = x
        if self.padding == "SAME":
            pad_r = max((out_r - 1) * sr + eff_r - h, 0)
            pad_c = max((out_c - 1) * sc + eff_c - w, 0)
            src = ops.pad(src, (pad_c // 2, pad_c - pad_c // 2, pad_r // 2, pad_r - pad_r // 2))
        # im2col computes in a float dtype; integers go through Float64 (exact to 2**53).
        work = src if src.dtype in mstype.float_type else src.astype(mstype.float64)
        from ..mint.nn import functional as F
        cols = F.unfold(work, (kr, kc), (rr, rc), 0, (sr, sc))
        cols = cols.reshape(n, c, kr * kc, out_r, out_c)
        out = cols.transpose(0, 2, 1, 3, 4).reshape(n, kr * kc * c, out_r, out_c)
        return out if out.dtype == x.dtype else out.astype(x.dtype)

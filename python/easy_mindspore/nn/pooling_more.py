r"""``nn.LPPool1d`` and ``nn.LPPool2d``: power-average pooling
:math:`(\sum_{window} x^p)^{1/p}` over MindSpore 2.x's windows (stride defaults to the kernel;
``ceil_mode`` keeps a last partial window, whose sum MindSpore scales to a full window:
``mean over its valid elements × kernel size``). A gather of the windows and a reduction, so
differentiable; a negative sum under a fractional root is NaN, as MindSpore's. And
``nn.FractionalMaxPool2d``/``nn.FractionalMaxPool3d``, the Cells of ``ops.fractional_max_pool2d``/
``3d``."""
import math

import numpy as _np

from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from .cell import Cell

__all__ = ["LPPool1d", "LPPool2d", "FractionalMaxPool2d", "FractionalMaxPool3d"]


def _pair(op, what, v, n):
    vals = (v,) * n if not isinstance(v, (tuple, list)) else tuple(v)
    if len(vals) != n or any(isinstance(e, bool) or not isinstance(e, (int, _np.integer))
                             for e in vals):
        raise DTypeError(f"For '{op}', '{what}' must be an int or a tuple of {n} ints, but got "
                         f"{v!r}.")
    if any(e <= 0 for e in vals):
        raise ShapeError(f"For '{op}', '{what}' must be positive, but got {v!r}.")
    return tuple(int(e) for e in vals)


def _windows(n, k, s, ceil_mode):
    """Indices ``(out, k)`` into an axis of size n (clipped) and the mask of the valid ones."""
    if ceil_mode:
        out = max(0, math.ceil((n - k) / s)) + 1
        if (out - 1) * s >= n:  # a window must start inside the input
            out -= 1
    else:
        out = (n - k) // s + 1
    if out <= 0:
        return None, None
    pos = _np.arange(out)[:, None] * s + _np.arange(k)[None, :]
    return _np.minimum(pos, n - 1), (pos < n)


class _LPPool(Cell):
    _dims = 1
    _ranks = (2, 3)

    def __init__(self, norm_type, kernel_size, stride=None, ceil_mode=False):
        super().__init__()
        op = type(self).__name__
        if isinstance(norm_type, bool) or not isinstance(norm_type, (int, float)):
            raise DTypeError(f"For '{op}', 'norm_type' must be an int or a float, but got "
                             f"{type(norm_type).__name__}.")
        self.norm_type = norm_type
        self.kernel_size = _pair(op, "kernel_size", kernel_size, self._dims)
        self.stride = self.kernel_size if stride is None else _pair(op, "stride", stride,
                                                                     self._dims)
        if not isinstance(ceil_mode, bool):
            raise DTypeError(f"For '{op}', 'ceil_mode' must be a bool, but got "
                             f"{type(ceil_mode).__name__}.")
        self.ceil_mode = ceil_mode

    def construct(self, x):
        op = type(self).__name__
        if not isinstance(x, Tensor):
            raise DTypeError(f"For '{op}', the input must be a Tensor, but got "
                             f"{type(x).__name__}.")
        if x.ndim not in self._ranks:
            want = " or ".join(f"{r}-D" for r in self._ranks)
            raise ShapeError(f"For '{op}', the input must be {want}, but got shape "
                             f"{list(x.shape)}.")
        if x.dtype not in (mstype.float16, mstype.float32, mstype.float64):
            x = x.astype(mstype.float32)
        p = float(self.norm_type)
        y = x ** p if p != 1.0 else x
        mask = None
        for i in range(self._dims):
            axis = x.ndim - self._dims + i
            idx, valid = _windows(x.shape[axis], self.kernel_size[i], self.stride[i],
                                  self.ceil_mode)
            if idx is None:
                raise ShapeError(f"For '{op}', the kernel {self.kernel_size} is larger than the "
                                 f"input of shape {list(x.shape)}.")
            # Gathering (out, k) at `axis` puts the window axis right after it.
            y = y[(slice(None),) * (axis + i) + (Tensor(idx.astype(_np.int64)),)]
            shape = [1] * (self._dims * 2)
            shape[2 * i], shape[2 * i + 1] = valid.shape
            m = valid.reshape(shape)
            mask = m if mask is None else mask & m
        k_axes = tuple(x.ndim - self._dims + 2 * i + 1 for i in range(self._dims))
        lead = (1,) * (x.ndim - self._dims)
        maskf = Tensor(mask.reshape(lead + mask.shape).astype(_np.float32)).astype(y.dtype)
        count = mask.sum(axis=tuple(2 * i + 1 for i in range(self._dims)))
        total = (y * maskf).sum(axis=k_axes)
        scale = Tensor((float(_np.prod(self.kernel_size)) / count).astype(_np.float32))
        total = total * scale.reshape(lead + scale.shape).astype(y.dtype)
        return total ** (1.0 / p) if p != 1.0 else total

    def __repr__(self):
        return f"{type(self).__name__}()"


class LPPool1d(_LPPool):
    r"""Power-average pooling over the last axis: each output is
    :math:`(\sum_{window} x^p)^{1/p}` with :math:`p` = `norm_type`.

    Args:
        norm_type (Union[int, float]): :math:`p` (1 is sum pooling).
        kernel_size (int): The window length.
        stride (int, optional): The step between windows; None is `kernel_size`. Default:
            ``None``.
        ceil_mode (bool, optional): Keep a last partial window. Default: ``False``.

    Inputs:
        - **x** (Tensor) - :math:`(C, L_{in})` or :math:`(N, C, L_{in})` (integers computed in
          float32).

    Outputs:
        Tensor of shape :math:`(C, L_{out})` or :math:`(N, C, L_{out})`,
        :math:`L_{out} = \lfloor (L_{in} - k) / s \rfloor + 1` (ceil with `ceil_mode`).

    Raises:
        TypeError: If `norm_type` is not an int or a float, or `kernel_size`/`stride` is not an
            int.
        ValueError: If `kernel_size` or `stride` is not positive, or `x` is not 2-D or 3-D.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(2 * 3 * 4).reshape((2, 3, 4)), dtype=ms.float32)
        >>> print(nn.LPPool1d(norm_type=1, kernel_size=3, stride=1)(x))
        [[[ 3.  6.]
          [15. 18.]
          [27. 30.]]
        <BLANKLINE>
         [[39. 42.]
          [51. 54.]
          [63. 66.]]]
        >>> x = ms.Tensor(np.array([[[1.0, -2.0, 3.0, 4.0, 5.0]]]), ms.float32)
        >>> print(nn.LPPool1d(norm_type=2, kernel_size=2, ceil_mode=True)(x))
        [[[2.236068 5.       7.071068]]]
    """

    _dims = 1
    _ranks = (2, 3)


class LPPool2d(_LPPool):
    r"""Power-average pooling over the last two axes: each output is
    :math:`(\sum_{window} x^p)^{1/p}` with :math:`p` = `norm_type`.

    Args:
        norm_type (Union[int, float]): :math:`p` (1 is sum pooling).
        kernel_size (Union[int, tuple[int]]): The window height and width.
        stride (Union[int, tuple[int]], optional): The steps; None is `kernel_size`. Default:
            ``None``.
        ceil_mode (bool, optional): Keep last partial windows. Default: ``False``.

    Inputs:
        - **x** (Tensor) - :math:`(N, C, H_{in}, W_{in})` (integers computed in float32).

    Outputs:
        Tensor of shape :math:`(N, C, H_{out}, W_{out})`.

    Raises:
        TypeError: If `norm_type` is not an int or a float, or `kernel_size`/`stride` is not an
            int or a pair of ints.
        ValueError: If `kernel_size` or `stride` is not positive, or `x` is not 4-D.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(2 * 3 * 4 * 5).reshape((2, 3, 4, 5)), dtype=ms.float32)
        >>> out = nn.LPPool2d(norm_type=1, kernel_size=3, stride=1)(x)
        >>> print(out.shape)
        (2, 3, 2, 3)
        >>> print(out[0, 0])
        [[ 54.  63.  72.]
         [ 99. 108. 117.]]
    """

    _dims = 2
    _ranks = (4,)


class _FractionalMaxPool(Cell):
    """The Cell of ``ops.fractional_max_pool2d``/``3d``: the arguments are checked at the call (a
    Cell without `output_size` and `output_ratio` is built, as MindSpore's, and its call raises),
    with errors naming the Cell."""

    _RANK = 2

    def __init__(self, kernel_size, output_size=None, output_ratio=None, return_indices=False,
                 _random_samples=None):
        super().__init__()
        self.kernel_size, self.output_size, self.output_ratio = kernel_size, output_size, output_ratio
        self.return_indices, self._random_samples = return_indices, _random_samples

    def construct(self, input_x):
        from ..ops.function._fractional_pool import _pool
        return _pool(type(self).__name__, input_x, self.kernel_size, self.output_size, self.output_ratio,
                     self.return_indices, self._random_samples, self._RANK)


class FractionalMaxPool2d(_FractionalMaxPool):
    """MindSpore's ``nn.FractionalMaxPool2d(kernel_size, output_size=None, output_ratio=None,
    return_indices=False, _random_samples=None)``: ``ops.fractional_max_pool2d`` as a Cell (windows
    of `kernel_size` at fractional strides, shifted per batch element and channel by random
    samples, new ones at each call unless `_random_samples` is given).

    Args:
        kernel_size (Union[int, tuple[int, int]]): The window's height and width.
        output_size (Union[int, tuple[int, int]], optional): The output's height and width.
            Default: ``None``.
        output_ratio (Union[float, tuple[float, float]], optional): The output's size as a
            fraction in ``(0, 1)`` of the input's, if `output_size` is None. Default: ``None``.
        return_indices (bool, optional): Also return the maxima's flat positions. Default:
            ``False``.
        _random_samples (Tensor, optional): ``(N, C, 2)`` samples (width's, height's). Default:
            ``None``.

    Inputs:
        - **input_x** (Tensor) - ``(C, H, W)`` or ``(N, C, H, W)``.

    Outputs:
        Tensor, or ``(Tensor, Tensor)`` with `return_indices`.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> pool = nn.FractionalMaxPool2d(2, output_size=(3, 4), _random_samples=ms.Tensor([[[0.3, 0.7]]]))
        >>> print(pool(ms.Tensor(np.arange(42, dtype=np.float32).reshape(1, 1, 6, 7))))
        [[[[ 8. 10. 11. 13.]
           [22. 24. 25. 27.]
           [36. 38. 39. 41.]]]]
    """

    _RANK = 2


class FractionalMaxPool3d(_FractionalMaxPool):
    """MindSpore's ``nn.FractionalMaxPool3d(kernel_size, output_size=None, output_ratio=None,
    return_indices=False, _random_samples=None)``: ``ops.fractional_max_pool3d`` as a Cell.

    Args:
        kernel_size (Union[int, tuple[int, int, int]]): The window's depth, height and width.
        output_size (Union[int, tuple[int, int, int]], optional): The output's size. Default:
            ``None``.
        output_ratio (Union[float, tuple[float, float, float]], optional): The output's size as
            a fraction in ``(0, 1)`` of the input's, if `output_size` is None. Default: ``None``.
        return_indices (bool, optional): Also return the maxima's flat positions. Default:
            ``False``.
        _random_samples (Tensor, optional): ``(N, C, 3)`` samples (depth's, height's, width's).
            Default: ``None``.

    Inputs:
        - **input_x** (Tensor) - ``(C, D, H, W)`` or ``(N, C, D, H, W)``.

    Outputs:
        Tensor, or ``(Tensor, Tensor)`` with `return_indices`.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> pool = nn.FractionalMaxPool3d(2, output_ratio=0.5)
        >>> print(pool(ms.Tensor(np.ones((1, 1, 4, 4, 4), np.float32))).shape)
        (1, 1, 2, 2, 2)
    """

    _RANK = 3

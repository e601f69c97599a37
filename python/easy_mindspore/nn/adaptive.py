"""``nn.AdaptiveAvgPool2d`` and ``nn.AdaptiveMaxPool2d``: pooling to a fixed output size, over the
windows MindSpore (and PyTorch) use: output cell ``i`` of ``n_out`` covers input rows
``floor(i·n/n_out)`` to ``ceil((i+1)·n/n_out)``. Compositions of tensor ops (a reshape and one
reduction when the size divides evenly, else one reduction per output cell), so differentiable."""
import math

import numpy as _np

from .._C import Tensor
from .._errors import DTypeError, OutOfMemoryError, ShapeError
from .._tensor_extremes import reduce_max as _reduce_max
from .cell import Cell

__all__ = ["AdaptiveAvgPool2d", "AdaptiveMaxPool2d"]

# Uneven windows are pooled one tensor each (a few hundred bytes of bookkeeping per window, and a
# Python loop): past 2**24 of them (gigabytes, minutes) the size is refused at once.
_MAX_WINDOWS = 1 << 24


def _output_size(op, size):
    pair = (size, size) if not isinstance(size, (tuple, list)) else tuple(size)
    if len(pair) != 2 or any(v is not None and (isinstance(v, bool) or not isinstance(v, (int, _np.integer))
                                                or v <= 0) for v in pair):
        raise ShapeError(f"For '{op}', 'output_size' must be a positive int, or a pair of positive "
                         f"ints or None, but got {size!r}.")
    return pair


class _Adaptive(Cell):
    _reduce = None  # "mean" or "max"

    def __init__(self, output_size):
        super().__init__()
        self.output_size = _output_size(type(self).__name__, output_size)

    def construct(self, x):
        op = type(self).__name__
        if not isinstance(x, Tensor):
            raise DTypeError(f"For '{op}', the input must be a Tensor, but got {type(x).__name__}.")
        if x.ndim not in (3, 4):
            raise ShapeError(f"For '{op}', the input must be 3-D or 4-D (C, H, W or N, C, H, W), "
                             f"but got shape {list(x.shape)}.")
        h, w = x.shape[-2:]
        oh, ow = (h if o is None else o for o in self.output_size)
        lead = tuple(x.shape[:-2])
        if h % oh == 0 and w % ow == 0:
            y = x.reshape(lead + (oh, h // oh, ow, w // ow))
            return self._pool(y, (-3, -1))
        if oh * ow > _MAX_WINDOWS:
            raise OutOfMemoryError(f"For '{op}', an output of {oh} x {ow} windows that do not divide the input "
                                   f"({h} x {w}): each window is a tensor of its own here, and more than "
                                   f"{_MAX_WINDOWS} of them do not fit in memory.")
        rows = []
        for i in range(oh):
            r0, r1 = (i * h) // oh, math.ceil((i + 1) * h / oh)
            cells = []
            for j in range(ow):
                c0, c1 = (j * w) // ow, math.ceil((j + 1) * w / ow)
                cells.append(self._pool(x[..., r0:r1, c0:c1], (-2, -1)))
            rows.append(_stack(cells, -1))
        return _stack(rows, -2)

    def _pool(self, y, axes):
        return y.mean(axes) if self._reduce == "mean" else _reduce_max(y, axes)

    def __repr__(self):
        # MindSpore 2.10 prints these layers as ``AdaptiveAvgPool2d()``.
        return f"{type(self).__name__}()"


def _stack(xs, axis):
    from ..ops import stack
    return stack(xs, axis)


class AdaptiveAvgPool2d(_Adaptive):
    """``AdaptiveAvgPool2d(output_size)``: the mean over each window (``None`` keeps that size).

    Args:
        output_size (Union[int, tuple[int]]): The output height and width.

    Outputs:
        Tensor of shape ``[N, C] + output_size`` (or ``[C] + output_size``).

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
        >>> print(nn.AdaptiveAvgPool2d(2)(x))
        [[[[ 2.5  4.5]
           [10.5 12.5]]]]
    """

    _reduce = "mean"


class AdaptiveMaxPool2d(_Adaptive):
    """``AdaptiveMaxPool2d(output_size, return_indices=False)``: the maximum over each window;
    with ``return_indices``, also each maximum's Int64 position in its ``H·W`` plane (the
    ``AdaptiveMaxPool2D`` primitive's pair).

    Args:
        output_size (Union[int, tuple[int]]): The output height and width.
        return_indices (bool): Whether to return the positions of the maxima too.

    Outputs:
        Tensor of shape ``[N, C] + output_size`` (or ``[C] + output_size``); with
        ``return_indices``, ``(values, indices)``.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
        >>> print(nn.AdaptiveMaxPool2d(2)(x))
        [[[[ 5.  7.]
           [13. 15.]]]]
        >>> print(nn.AdaptiveMaxPool2d(2, return_indices=True)(x)[1])
        [[[[ 5  7]
           [13 15]]]]
    """

    _reduce = "max"

    def __init__(self, output_size, return_indices=False):
        super().__init__(output_size)
        if not isinstance(return_indices, bool):
            raise DTypeError(f"For 'AdaptiveMaxPool2d', 'return_indices' must be a bool, but got "
                             f"{type(return_indices).__name__}.")
        self.return_indices = return_indices

    def construct(self, x):
        if not self.return_indices:
            return super().construct(x)
        from ..ops import operations as P
        return P.AdaptiveMaxPool2D(self.output_size)(x)

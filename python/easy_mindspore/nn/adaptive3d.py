"""``nn.AdaptiveAvgPool3d`` and ``nn.AdaptiveMaxPool3d``: pooling ``[N, C, D, H, W]`` (or
``[C, D, H, W]``) to a fixed output size over MindSpore's windows — output cell ``i`` of ``o``
covers input positions ``floor(i·n/o)`` to ``ceil((i+1)·n/o)`` on each axis. One gather of all
windows (padded to the longest, with a mask) and one reduction, so differentiable;
``return_indices`` gives the argmax's flat index into ``D·H·W``, the first on ties."""

import numpy as _np

from .. import ops as _ops
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from .._tensor_extremes import reduce_max as _reduce_max
from ..common import dtype as mstype
from .cell import Cell

__all__ = ["AdaptiveAvgPool3d", "AdaptiveMaxPool3d"]

_FLOATS = (mstype.float16, mstype.float32, mstype.float64, mstype.bfloat16)


def _windows(n, o):
    # NumPy index arithmetic (no Python loop per output cell: an output size of 2**62 is NumPy's
    # size error at once); the ceiling in integers, exact where the float division was not.
    i = _np.arange(o, dtype=_np.int64)
    starts = (i * n) // o
    ends = -((-(i + 1) * n) // o)
    length = int((ends - starts).max())
    pos = starts[:, None] + _np.arange(length)[None, :]
    valid = pos < ends[:, None]
    return _np.minimum(pos, ends[:, None] - 1), valid


class _AdaptivePool3d(Cell):
    _allow_none = True

    def __init__(self, output_size):
        super().__init__()
        op = type(self).__name__
        if isinstance(output_size, bool) or not isinstance(output_size, (int, tuple)):
            raise DTypeError(f"For '{op}', 'output_size' must be an int or a tuple, but got "
                             f"{type(output_size).__name__}.")
        sizes = (output_size,) * 3 if isinstance(output_size, int) else output_size
        ok = len(sizes) == 3 and all(
            (s is None and self._allow_none)
            or (isinstance(s, int) and not isinstance(s, bool) and s > 0) for s in sizes)
        if not ok:
            what = "positive ints or None" if self._allow_none else "positive ints"
            raise ShapeError(f"For '{op}', 'output_size' must be a positive int or a tuple of 3 "
                             f"{what}, but got {output_size!r}.")
        self.output_size = sizes

    def _gather(self, x):
        """The windows of x as ``(..., od, oh, ow, K)`` and the numpy mask and flat indices."""
        op = type(self).__name__
        if not isinstance(x, Tensor):
            raise DTypeError(f"For '{op}', the input must be a Tensor, but got "
                             f"{type(x).__name__}.")
        if x.ndim not in (4, 5):
            raise ShapeError(f"For '{op}', the input must be 4-D or 5-D, but got shape "
                             f"{list(x.shape)}.")
        dims = tuple(x.shape[-3:])
        outs = tuple(n if o is None else o for n, o in zip(dims, self.output_size))
        y, masks, poss = x, [], []
        for i, (n, o) in enumerate(zip(dims, outs)):
            idx, valid = _windows(n, o)
            axis = x.ndim - 3 + 2 * i
            y = y[(slice(None),) * axis + (Tensor(idx.astype(_np.int64)),)]
            masks.append(valid)
            poss.append(idx)
        lead = x.ndim - 3
        perm = tuple(range(lead)) + tuple(lead + 2 * i for i in range(3)) + \
            tuple(lead + 2 * i + 1 for i in range(3))
        y = y.transpose(perm)
        k = int(_np.prod([m.shape[1] for m in masks]))
        y = y.reshape(tuple(x.shape[:lead]) + outs + (k,))
        md, mh, mw = masks
        mask = (md[:, None, None, :, None, None] & mh[None, :, None, None, :, None]
                & mw[None, None, :, None, None, :]).reshape(outs + (k,))
        pd, ph, pw = poss
        flat = (pd[:, None, None, :, None, None] * dims[1] * dims[2]
                + ph[None, :, None, None, :, None] * dims[2]
                + pw[None, None, :, None, None, :]).reshape(outs + (k,))
        return y, mask, flat

    def __repr__(self):
        return f"{type(self).__name__}()"


class AdaptiveAvgPool3d(_AdaptivePool3d):
    r"""The mean over each window, pooling :math:`(N, C, D, H, W)` to
    :math:`(N, C, D_o, H_o, W_o)` = `output_size` (``None`` keeps that size).

    Args:
        output_size (Union[int, tuple]): An int for a cube, or :math:`(D_o, H_o, W_o)` with
            ints or None.

    Inputs:
        - **input** (Tensor) - 4-D :math:`(C, D, H, W)` or 5-D :math:`(N, C, D, H, W)`.

    Outputs:
        Tensor of the input's dtype (integer means truncate toward zero), the last three axes
        of size `output_size`.

    Raises:
        TypeError: If `output_size` is not an int or a tuple, or the input is not a Tensor.
        ValueError: If `output_size` is not positive or not 3 entries, or the input is not 4-D
            or 5-D.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(128, dtype=np.float32).reshape(1, 2, 4, 4, 4) * 7 % 23)
        >>> print(nn.AdaptiveAvgPool3d((2, 2, 2))(x)[0, 0])
        [[[ 7.375 12.75 ]
          [14.5    8.375]]
        <BLANKLINE>
         [[12.875 12.5  ]
          [ 8.5   11.   ]]]
        >>> print(nn.AdaptiveAvgPool3d((3, 2, None))(x)[0, 1, 1, 0])
        [ 9.  16.  11.5  7. ]
    """

    def construct(self, input):  # noqa: A002 - MindSpore's name
        y, mask, _ = self._gather(input)
        dtype = y.dtype
        yf = y if dtype in _FLOATS else y.astype(mstype.float32)
        m = Tensor(mask.astype(_np.float32)).astype(yf.dtype)
        out = (yf * m).sum(axis=-1) / Tensor(mask.sum(-1).astype(_np.float32)).astype(yf.dtype)
        return out if dtype in _FLOATS else out.astype(dtype)


class AdaptiveMaxPool3d(_AdaptivePool3d):
    r"""The maximum over each window, pooling :math:`(N, C, D, H, W)` to
    :math:`(N, C, D_o, H_o, W_o)` = `output_size`.

    Args:
        output_size (Union[int, tuple]): An int for a cube, or :math:`(D_o, H_o, W_o)`.
        return_indices (bool, optional): Also return the argmax, a flat index into
            :math:`D \cdot H \cdot W` (int32; the first position on ties). Default: ``False``.

    Inputs:
        - **input** (Tensor) - 4-D :math:`(C, D, H, W)` or 5-D :math:`(N, C, D, H, W)`.

    Outputs:
        Tensor of the input's dtype, the last three axes of size `output_size`; with
        `return_indices`, a tuple of it and the int32 indices.

    Raises:
        TypeError: If `output_size` is not an int or a tuple, or the input is not a Tensor.
        ValueError: If `output_size` is not 3 positive ints, or the input is not 4-D or 5-D.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(128, dtype=np.float32).reshape(1, 2, 4, 4, 4) * 7 % 23)
        >>> out, idx = nn.AdaptiveMaxPool3d((3, 3, 3), return_indices=True)(x)
        >>> print(out[0, 1, 1])
        [[20. 22. 22.]
         [22. 22. 16.]
         [22. 22. 21.]]
        >>> print(idx[0, 1, 1])
        [[21 18 18]
         [41 41 27]
         [41 41 31]]
    """

    _allow_none = False

    def __init__(self, output_size, return_indices=False):
        super().__init__(output_size)
        self.return_indices = bool(return_indices)

    def construct(self, input):  # noqa: A002 - MindSpore's name
        # A window's padding slots repeat its last element (see _windows), so they change
        # neither the maximum nor the first argmax: no mask is needed.
        y, _, flat = self._gather(input)
        out = _reduce_max(y, -1)
        if not self.return_indices:
            return out
        local = y.argmax(axis=-1)
        table = Tensor(_np.broadcast_to(flat, tuple(y.shape)).astype(_np.int32).copy())
        idx = _ops.gather_elements(table, -1, local.expand_dims(-1).astype(mstype.int64))
        return out, idx.squeeze(-1).astype(mstype.int32)

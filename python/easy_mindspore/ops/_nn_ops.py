"""``mindspore.ops.operations.nn_ops``: the module MindSpore defines its neural-network
primitives in (the D2L R-CNN chapter imports ``PSROIPooling`` from it). It holds
``PSROIPooling`` and re-exports the neural-network primitive classes of ``ops.operations``.

``PSROIPooling`` (position-sensitive ROI pooling, R-FCN) follows MindSpore 2.10's CPU kernel,
measured: box corners ``round(coordinate · spatial_scale)`` (halves away from zero), box sides
``max(end - start, 0.1)`` split into ``group_size`` bins, bin ``i`` covering ``floor(i·bin) +
start`` to ``ceil((i + 1)·bin) + start`` clamped to ``[0, size - 1]`` (so the last row and
column never count, as in MindSpore), the mean of channel ``(c·group_size + bin_h)·group_size +
bin_w`` over the bin (0 when it is empty). The ``rois`` are read as consecutive 5-tuples ``(batch
index, x1, y1, x2, y2)``, as MindSpore reads its ``[batch, 5, rois_n]`` memory (for ``rois_n =
1``, roi ``i`` is ``rois[i, :, 0]``). Each bin's sum is four reads of a summed-area table, so
the output is differentiable with respect to the features (the boxes are constants)."""
import numpy as _np

from .. import _C
from .._C import Tensor
from .._errors import ComputeError, DTypeError, ShapeError
from ..common import dtype as mstype
from . import operations as _operations
from .operations import Primitive

__all__ = ["PSROIPooling"]


def _round_half_away(v):
    return _np.sign(v) * _np.floor(_np.abs(v) + 0.5)


def _bins(start, end, group_size, size):
    """``[R, group_size]`` first and past-the-end cells of each bin along one axis."""
    length = _np.maximum(end - start, 0.1)
    step = length / group_size
    i = _np.arange(group_size)[None, :]
    lo = _np.floor(i * step[:, None] + start[:, None]).astype(_np.int64)
    hi = _np.ceil((i + 1) * step[:, None] + start[:, None]).astype(_np.int64)
    return _np.clip(lo, 0, size - 1), _np.clip(hi, 0, size - 1)


class PSROIPooling(Primitive):
    r"""Position-sensitive ROI pooling: for each box, ``output_dim`` maps of ``group_size ×
    group_size`` bins, bin ``(i, j)`` of map ``c`` the mean of feature channel ``(c·group_size +
    i)·group_size + j`` over that bin of the box (see the module notes for MindSpore's rounding).

    Args:
        spatial_scale (float): The scale from box coordinates to feature cells.
        group_size (int): The number of bins per side.
        output_dim (int): The number of output maps.

    Inputs:
        - **features** (Tensor) - ``[N, C, H, W]`` with ``C = output_dim · group_size²``, Float16,
          Float32 or Float64.
        - **rois** (Tensor) - ``[N, 5, rois_n]`` boxes ``(batch index, x1, y1, x2, y2)``, a float
          tensor.

    Outputs:
        Tensor ``[N · rois_n, output_dim, group_size, group_size]`` of the features' dtype.

    Raises:
        TypeError: If `spatial_scale` is not a float, `group_size` or `output_dim` not an int, or
            an input is not a float Tensor.
        ValueError: If `spatial_scale`, `group_size` or `output_dim` is not positive, or `rois`
            is not ``[N, 5, rois_n]``.
        RuntimeError: If the channels are not ``output_dim · group_size²`` or the batch sizes
            differ.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore.ops.operations.nn_ops import PSROIPooling
        >>> features = ms.Tensor(np.arange(2 * 8 * 4 * 4, dtype=np.float32).reshape(2, 8, 4, 4))
        >>> rois = ms.Tensor(np.array([[[0.0], [0.0], [0.0], [3.0], [3.0]],
        ...                            [[1.0], [1.0], [0.5], [2.2], [3.0]]], np.float32))
        >>> out = PSROIPooling(1.0, 2, 2)(features, rois)
        >>> print(out[0, 0])
        [[ 2.5 19.5]
         [38.5 55.5]]
        >>> print(out.shape)
        (2, 2, 2, 2)
    """

    def __init__(self, spatial_scale, group_size, output_dim):
        op = "PSROIPooling"
        if not isinstance(spatial_scale, float):
            raise DTypeError(f"For '{op}', 'spatial_scale' must be a float, but got "
                             f"{type(spatial_scale).__name__}.")
        for name, v in (("group_size", group_size), ("output_dim", output_dim)):
            if isinstance(v, bool) or not isinstance(v, int):
                raise DTypeError(f"For '{op}', '{name}' must be an int, but got {type(v).__name__}.")
            if v <= 0:
                raise ShapeError(f"For '{op}', '{name}' must be > 0, but got {v}.")
        if spatial_scale <= 0:
            raise ShapeError(f"For '{op}', 'spatial_scale' must be > 0, but got {spatial_scale}.")
        self.spatial_scale, self.group_size, self.output_dim = spatial_scale, group_size, output_dim

    def __call__(self, features, rois):
        op = "PSROIPooling"
        floats = (mstype.float16, mstype.float32, mstype.float64)
        for name, t in (("features", features), ("rois", rois)):
            if not isinstance(t, Tensor):
                raise DTypeError(f"For '{op}', '{name}' must be a Tensor, but got {type(t).__name__}.")
            if t.dtype not in floats:
                raise DTypeError(f"For '{op}', '{name}' must be Float16, Float32 or Float64, but got "
                                 f"{t.dtype}.")
        gs, od = self.group_size, self.output_dim
        if features.ndim != 4 or rois.ndim != 3 or rois.shape[1] != 5:
            raise ShapeError(f"For '{op}', 'features' must be [N, C, H, W] and 'rois' [N, 5, rois_n], "
                             f"but got {list(features.shape)} and {list(rois.shape)}.")
        n, c, h, w = features.shape
        if c != od * gs * gs:
            raise ComputeError(f"For '{op}', the channels of 'features' ({c}) must be group_size "
                               f"({gs}) * group_size ({gs}) * output_dim ({od}).")
        if rois.shape[0] != n:
            raise ComputeError(f"For '{op}', 'features' and 'rois' must have one batch size, but got "
                               f"{n} and {rois.shape[0]}.")
        boxes = rois.asnumpy().astype(_np.float64).reshape(-1, 5)   # MindSpore's reading (above)
        r = boxes.shape[0]
        batch = _np.trunc(boxes[:, 0]).astype(_np.int64)
        corners = _round_half_away(boxes[:, 1:] * self.spatial_scale)
        hs, he = _bins(corners[:, 1], corners[:, 3], gs, h)   # [R, gs]
        ws, we = _bins(corners[:, 0], corners[:, 2], gs, w)
        # index grids [R, od, gs (i), gs (j)]
        ct = _np.arange(od)[None, :, None, None]
        i = _np.arange(gs)[None, None, :, None]
        j = _np.arange(gs)[None, None, None, :]
        chan = (ct * gs + i) * gs + j
        h0, h1 = hs[:, None, :, None], he[:, None, :, None]
        w0, w1 = ws[:, None, None, :], we[:, None, None, :]
        ok = (batch >= 0) & (batch < n)
        b = _np.where(ok, batch, 0)[:, None, None, None]
        area = (h1 - h0) * (w1 - w0)
        keep = (area > 0) & ok[:, None, None, None]
        work = mstype.float64
        x = features.astype(work)
        # The summed-area table with a leading zero row and column: [N, C, H + 1, W + 1].
        table = x.cumsum(2).cumsum(3)
        zero_row = Tensor(_np.zeros((n, c, 1, w)), work)
        table = _C.concat([zero_row, table], 2)
        zero_col = Tensor(_np.zeros((n, c, h + 1, 1)), work)
        table = _C.concat([zero_col, table], 3).reshape(-1)

        def at(hh, ww):
            flat = ((b * c + chan) * (h + 1) + hh) * (w + 1) + ww
            return table[Tensor(_np.broadcast_to(flat, (r, od, gs, gs)).astype(_np.int64).copy())]

        total = at(h1, w1) - at(h0, w1) - at(h1, w0) + at(h0, w0)
        scale = _np.where(keep, 1.0 / _np.maximum(area, 1), 0.0)
        out = total * Tensor(_np.broadcast_to(scale, (r, od, gs, gs)).copy(), work)
        return out.astype(features.dtype)


class Dense(Primitive):
    """``nn_ops.Dense()(x, w, b)``: ``x @ wᵀ + b``, :func:`ops.dense` as a primitive (``w`` is
    ``[out, in]`` or 1-D ``[in]``; `b` may be None).

    Outputs:
        Tensor, of shape ``x.shape[:-1] + [out]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.ops.operations import nn_ops
        >>> print(nn_ops.Dense()(ms.Tensor([[1.0, 2.0]]), ms.Tensor([[1.0, 1.0]]), ms.Tensor([0.5])))
        [[3.5]]
    """

    def __init__(self):
        Primitive.__init__(self)
        self.has_bias = True

    def __call__(self, x, w, b=None):
        from .function._nn_more import dense
        return dense(x, w, b)


__all__ += ["Dense"]


# The neural-network primitives of ``ops.operations``, reachable from here as in MindSpore.
_NN_PRIMITIVES = ("Conv2D", "Conv3D", "Conv3DTranspose", "MaxPool", "AvgPool", "MaxPool3D",
                  "AvgPool3D", "LRN", "MaxUnpool2D", "MaxUnpool3D", "ReLU", "Softmax", "LogSoftmax",
                  "Sigmoid", "Tanh", "GeLU", "Elu", "BatchNorm", "LayerNorm", "Dropout", "BiasAdd",
                  "CTCLoss", "MaxPool3DWithArgmax", "PadV3", "FractionalAvgPool",
                  "FractionalMaxPool")
for _name in _NN_PRIMITIVES:
    if hasattr(_operations, _name):
        globals()[_name] = getattr(_operations, _name)
        __all__.append(_name)

"""``ops.interpolate`` (what ``nn.Upsample`` calls): resampling of the spatial axes of
``[N, C, *spatial]`` with MindSpore 2.x's modes and arguments.

Every mode is separable, so the work is one step per spatial axis: each output cell reads a
few source cells along that axis (a gather per tap) and sums them with weights that depend
only on the sizes. The indices and weights are computed once in NumPy (float64) and enter the
graph as constants, so the result is differentiable in ``input`` (the gather's gradient is a
scatter-add), works under ``jit`` and keeps the input's dtype (Float16 included)."""
import math

import numpy as _np

from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as _mstype

__all__ = ["interpolate"]

# mode -> the spatial ranks MindSpore accepts for it
_MODES = {"nearest": (1, 2, 3), "linear": (1,), "bilinear": (2,), "bicubic": (2,),
          "area": (1, 2, 3), "nearest-exact": (1, 2, 3), "trilinear": (3,)}
_FLOATS = (_mstype.float16, _mstype.float32, _mstype.float64, _mstype.bfloat16)


def _cubic_weights(t, a):
    """The four weights of taps ``i-1, i, i+1, i+2`` at fraction ``t`` (Keys' kernel with
    parameter ``a``)."""

    def near(s):  # |s| <= 1
        return ((a + 2) * s - (a + 3)) * s * s + 1

    def far(s):  # 1 < |s| < 2
        return ((a * s - 5 * a) * s + 8 * a) * s - 4 * a

    return [far(t + 1), near(t), near(1 - t), far(2 - t)]


def _bicubic_taps(n_in, n_out, scale, align_corners):
    """MindSpore's two bicubic kernels: with ``align_corners``, ``a = -0.75`` and taps past
    the border clamped onto it; without, half-pixel centres, ``a = -0.5`` and taps past the
    border dropped, the remaining weights renormalised to sum to 1, the fraction rounded to
    1/1024 (measured on MindSpore 2.10: its weights for one-hot inputs)."""
    last = n_in - 1
    src = _source(n_in, n_out, scale, align_corners, clamp=False)
    i = _np.floor(src)
    if align_corners:
        ws = _cubic_weights(src - i, -0.75)
        return [(_np.clip(i + k - 1, 0, last).astype(_np.int64), ws[k]) for k in range(4)]
    # the fraction is read at 1/1024 steps, as MindSpore's table of kernel values
    ws = _cubic_weights(_np.rint((src - i) * 1024.0) / 1024.0, -0.5)
    idx = [i + k - 1 for k in range(4)]
    ws = [_np.where((j >= 0) & (j <= last), w, 0.0) for j, w in zip(idx, ws)]
    total = sum(ws)
    return [(_np.clip(j, 0, last).astype(_np.int64), w / total) for j, w in zip(idx, ws)]


def _source(n_in, n_out, scale, align_corners, clamp):
    """Source coordinate of each output cell along one axis (float64)."""
    dst = _np.arange(n_out, dtype=_np.float64)
    if align_corners:
        return dst * ((n_in - 1) / (n_out - 1)) if n_out > 1 else dst * 0.0
    src = (dst + 0.5) * scale - 0.5
    return _np.maximum(src, 0.0) if clamp else src


def _taps(mode, n_in, n_out, scale, align_corners):
    """``[(indices, weights or None), ...]`` along one axis: output ``j`` is
    ``sum_k weights_k[j] * x[indices_k[j]]``. ``scale`` maps output to input coordinates
    (``1/scale_factor`` when given and not recomputed, else ``n_in/n_out``)."""
    last = n_in - 1
    if mode in ("nearest", "nearest-exact"):
        dst = _np.arange(n_out, dtype=_np.float64) + (0.5 if mode == "nearest-exact" else 0.0)
        return [(_np.minimum(_np.floor(dst * scale), last).astype(_np.int64), None)]
    if mode == "area":  # adaptive average: cell j averages [floor(j·in/out), ceil((j+1)·in/out))
        taps = []
        starts = [(j * n_in) // n_out for j in range(n_out)]
        ends = [-((-(j + 1) * n_in) // n_out) for j in range(n_out)]
        for k in range(max(e - s for s, e in zip(starts, ends))):
            idx = _np.array([min(s + k, e - 1) for s, e in zip(starts, ends)], _np.int64)
            w = _np.array([1.0 / (e - s) if s + k < e else 0.0 for s, e in zip(starts, ends)])
            taps.append((idx, w))
        return taps
    if mode == "bicubic":
        return _bicubic_taps(n_in, n_out, scale, align_corners)
    # linear, bilinear, trilinear
    src = _source(n_in, n_out, scale, align_corners, clamp=True)
    i0 = _np.minimum(_np.floor(src), last).astype(_np.int64)
    i1 = _np.minimum(i0 + 1, last)
    t = src - i0
    return [(i0, 1.0 - t), (i1, t)]


def _resample_axis(x, axis, taps):
    pre = (slice(None),) * axis
    shape = [1] * x.ndim
    out = None
    for idx, w in taps:
        term = x[pre + (Tensor(idx),)]
        if w is not None:
            shape[axis] = len(w)
            term = term * Tensor(w.reshape(shape), x.dtype)
        out = term if out is None else out + term
    return out


def _check_args(x, size, scale_factor, mode, align_corners, recompute_scale_factor):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For 'interpolate', 'input' must be a tensor, but got {type(x)}")
    if x.dtype not in _FLOATS:
        raise DTypeError(f"For 'interpolate', 'input' must be a float Tensor (Float16, Float32, "
                         f"Float64 or BFloat16), but got {x.dtype}.")
    if mode not in _MODES:
        raise ShapeError(f"For 'interpolate', 'mode' must be in '{list(_MODES)}', but got {mode}")
    if size is None and scale_factor is None:
        raise ShapeError("For 'interpolate', 'size' and 'scale_factor' cannot be both empty")
    if size is not None and scale_factor is not None:
        raise ShapeError("For 'interpolate', 'size' and 'scale_factor' cannot be set simultaneously")
    rank = x.ndim - 2
    if rank not in _MODES[mode]:
        raise ShapeError(f"For 'interpolate', {mode} only support '{[r + 2 for r in _MODES[mode]]}'D, "
                         f"but got {x.ndim}D (input shape {list(x.shape)})")
    if align_corners is not None and not isinstance(align_corners, bool):
        raise DTypeError(f"For 'interpolate', 'align_corners' must be a bool or None, but got "
                         f"{type(align_corners).__name__}.")
    if align_corners and mode in ("nearest", "area", "nearest-exact"):
        raise ShapeError(f"For 'interpolate', 'align_corners' option cannot currently be set with "
                         f"the mode = {mode}, and dim = {x.ndim}D")
    if recompute_scale_factor and size is not None:
        raise ShapeError("For 'interpolate', it is incorrect to set 'recompute_scale_factor' to "
                         "True after specifying an explicit 'size'.")
    return rank


def _sizes(x, rank, size, scale_factor):
    """Output sizes and the per-axis scale factors (None where the sizes decide)."""
    if size is not None:
        sizes = [size] * rank if isinstance(size, int) else list(size) if isinstance(
            size, (tuple, list)) else None
        if sizes is None or any(isinstance(s, bool) or not isinstance(s, int) for s in sizes):
            raise DTypeError(f"For 'interpolate', 'size' must be an int or a tuple of ints, but got "
                             f"{size!r}.")
        if len(sizes) != rank:
            raise ShapeError(f"For 'interpolate', 'input' and 'size' must have the same spatial "
                             f"dimensions, but got 'input' is {rank}D, 'size' is {len(sizes)}D")
        if any(s <= 0 for s in sizes):
            raise ShapeError(f"For 'interpolate', 'size' must be positive, but got {size}.")
        return sizes, [None] * rank
    factors = ([scale_factor] * rank if not isinstance(scale_factor, (tuple, list))
               else list(scale_factor))
    for f in factors:
        if not isinstance(f, float):
            raise DTypeError(f"For 'interpolate', the 'scale_factor' must be float, but got "
                             f"'{type(f).__name__}'")
        if not f > 0:
            raise ShapeError(f"For 'interpolate', the 'scale_factor' must be float and must > 0, "
                             f"but got '{f}' with type 'float'.")
    if len(factors) != rank:
        raise ShapeError(f"For 'interpolate', 'input' and 'scale_factor' must have the same "
                         f"spatial dimensions, but got 'input' is {rank}D, 'scale_factor' is "
                         f"{len(factors)}D")
    sizes = [int(math.floor(n * f)) for n, f in zip(x.shape[2:], factors)]
    if any(s <= 0 for s in sizes):
        raise ShapeError(f"For 'interpolate', the output size {sizes} of input shape "
                         f"{list(x.shape)} with scale_factor {scale_factor} must be positive.")
    return sizes, factors


def interpolate(input, size=None, scale_factor=None, mode="nearest", align_corners=None,  # noqa: A002
                recompute_scale_factor=None):
    r"""Samples ``input`` (``[N, C, *spatial]``) to a new spatial size.

    Modes (MindSpore 2.x): ``'nearest'`` (source index ``floor(j·scale)``), ``'nearest-exact'``
    (``floor((j + 0.5)·scale)``), ``'area'`` (adaptive average over ``[⌊j·in/out⌋,
    ⌈(j+1)·in/out⌉)``) for 3-D, 4-D and 5-D inputs; ``'linear'`` (3-D), ``'bilinear'`` (4-D),
    ``'trilinear'`` (5-D) and ``'bicubic'`` (4-D, Keys' cubic kernel as MindSpore: ``a = -0.5``
    with taps past the border dropped and the weights renormalised, or with ``align_corners``
    ``a = -0.75`` with the taps clamped to the border). Without ``align_corners`` a linear or cubic mode maps output ``j`` to the
    source coordinate ``(j + 0.5)·scale - 0.5`` (half-pixel centres); with it, to
    ``j·(in - 1)/(out - 1)``, so the corner pixels coincide.

    ``scale`` is ``1/scale_factor`` when ``scale_factor`` is given and
    ``recompute_scale_factor`` is not True, else ``in/out``. The output size is ``size`` or
    ``floor(in·scale_factor)``. (MindSpore 2.10 on CPU refuses ``scale_factor`` without
    ``recompute_scale_factor=True`` for every mode but ``'area'``; here it means what its
    documentation says.) Differentiable in ``input``; the dtype is kept.

    Args:
        input (Tensor): ``[N, C, *spatial]`` with 1 to 3 spatial axes, a float dtype.
        size (Union[int, tuple[int]], optional): The output's spatial size. Default: ``None``.
        scale_factor (Union[float, tuple[float]], optional): The multiplier of each spatial
            size. Default: ``None``. Exactly one of ``size`` and ``scale_factor`` is given.
        mode (str, optional): One of the modes above. Default: ``'nearest'``.
        align_corners (bool, optional): For the linear and cubic modes. Default: ``None``
            (False).
        recompute_scale_factor (bool, optional): Recompute the scale from the output size.
            Default: ``None``.

    Returns:
        Tensor, ``[N, C, *size]`` in ``input``'s dtype.

    Raises:
        TypeError: ``input`` is not a float Tensor; ``scale_factor`` is not a float; ``size``
            is not an int or a tuple of ints.
        ValueError: an unknown ``mode``, a mode for another rank, both or neither of ``size``
            and ``scale_factor``, ``align_corners`` with a nearest or area mode,
            ``recompute_scale_factor`` with ``size``, a size that is not positive.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> x = Tensor([[[1.0, 2.0, 3.0, 4.0, 5.0]]])
        >>> print(ops.interpolate(x, size=7, mode='linear', align_corners=True))
        [[[1.        1.6666667 2.3333335 3.        3.6666667 4.3333335 5.       ]]]
        >>> print(ops.interpolate(Tensor([[[[0.0, 1.0]]]]), size=(1, 4), mode='bilinear'))
        [[[[0.   0.25 0.75 1.  ]]]]
    """
    x = input
    rank = _check_args(x, size, scale_factor, mode, align_corners, recompute_scale_factor)
    sizes, factors = _sizes(x, rank, size, scale_factor)
    for d in range(rank):
        n_in, n_out = x.shape[2 + d], sizes[d]
        f = factors[d]
        scale = 1.0 / f if f is not None and not recompute_scale_factor else n_in / n_out
        taps = _taps(mode, n_in, n_out, scale, bool(align_corners))
        x = _resample_axis(x, 2 + d, taps)
    return x


"""The resize primitives ``ops.ResizeNearestNeighbor`` and ``ops.ResizeBilinearV2`` (MindSpore
2.x's arguments and errors) over ``[N, C, H, W]``: the same per-axis taps as
``ops.interpolate`` (``function/_interpolate.py``), with the coordinate conventions of these
primitives — asymmetric ``src = dst·in/out`` by default, ``align_corners`` and
``half_pixel_centers`` as the flags say. Differentiable in the image."""
import numpy as _np

from .._C import Tensor
from .._errors import DTypeError, ShapeError
from .function._interpolate import _FLOATS, _resample_axis
from .operations import Primitive

__all__ = ["ResizeNearestNeighbor", "ResizeBilinearV2"]


def _check_flags(op, align_corners, half_pixel_centers):
    for name, v in (("align_corners", align_corners), ("half_pixel_centers", half_pixel_centers)):
        if not isinstance(v, bool):
            raise DTypeError(f"For '{op}', '{name}' must be a bool, but got {type(v).__name__}.")
    if align_corners and half_pixel_centers:
        raise ShapeError(f"For {op}, the half_pixel_centers must be false when align_corners is "
                         f"true, but half_pixel_centers got True.")


def _size(op, size):
    if isinstance(size, Tensor):
        size = tuple(int(v) for v in size.asnumpy().ravel())
    if not isinstance(size, (tuple, list)) or any(
            isinstance(v, bool) or not isinstance(v, int) for v in size):
        raise DTypeError(f"For '{op}', 'size' must be a tuple or list of 2 ints, but got {size!r}.")
    if len(size) != 2:
        raise ShapeError(f"For primitive[{op}], the number of size must be equal to 2, but got "
                         f"{len(size)}.")
    if any(v <= 0 for v in size):
        raise ShapeError(f"For '{op}', 'size' must be positive, but got {tuple(size)}.")
    return tuple(size)


def _image(op, x, floats_only):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', the input must be a Tensor, but got {type(x).__name__}.")
    if x.ndim != 4:
        raise ShapeError(f"For primitive[{op}], the image rank must be equal to 4, but got "
                         f"{x.ndim}.")
    if floats_only and x.dtype not in _FLOATS:
        raise DTypeError(f"For '{op}', the input must be Float16, Float32 or Float64, but got "
                         f"{x.dtype}.")
    return x


class ResizeNearestNeighbor(Primitive):
    """Resizes ``[N, C, H, W]`` to ``size`` by nearest neighbour: source index
    ``floor(dst·in/out)``, or with ``align_corners`` ``round(dst·(in-1)/(out-1))`` (halves away
    from zero). ``half_pixel_centers`` is accepted and, as on MindSpore 2.10's CPU, gives the
    same indices as without it. Any dtype.

    Args:
        size (Union[tuple[int], list[int]]): ``(new_height, new_width)``.
        align_corners (bool, optional): Default: ``False``.
        half_pixel_centers (bool, optional): Default: ``False``; not with ``align_corners``.

    Inputs:
        - **input_x** (Tensor) - ``[N, C, H, W]``.

    Outputs:
        Tensor, ``[N, C, new_height, new_width]`` in the input's dtype.

    Raises:
        TypeError: a flag is not a bool; ``size`` is not two ints.
        ValueError: both flags set; the input is not 4-D; ``size`` has not 2 entries.

    Examples:
        >>> import numpy as np
        >>> from mindspore import Tensor, ops
        >>> x = Tensor(np.arange(4, dtype=np.float32).reshape(1, 1, 2, 2))
        >>> print(ops.ResizeNearestNeighbor((3, 3))(x))
        [[[[0. 0. 1.]
           [0. 0. 1.]
           [2. 2. 3.]]]]
    """

    def __init__(self, size, align_corners=False, half_pixel_centers=False):
        _check_flags("ResizeNearestNeighbor", align_corners, half_pixel_centers)
        self.size = _size("ResizeNearestNeighbor", size)
        self.align_corners, self.half_pixel_centers = align_corners, half_pixel_centers

    def __call__(self, input_x):
        x = _image("ResizeNearestNeighbor", input_x, floats_only=False)
        for d, n_out in enumerate(self.size):
            n_in = x.shape[2 + d]
            dst = _np.arange(n_out, dtype=_np.float64)
            if self.align_corners:
                scale = (n_in - 1) / (n_out - 1) if n_out > 1 else 0.0
                src = _np.floor(dst * scale + 0.5)
            else:
                src = _np.floor(dst * (n_in / n_out))
            idx = _np.minimum(src, n_in - 1).astype(_np.int64)
            x = _resample_axis(x, 2 + d, [(idx, None)])
        return x


class ResizeBilinearV2(Primitive):
    """Resizes ``[N, C, H, W]`` to ``size`` by bilinear interpolation. The source coordinate
    of output ``j`` is ``j·in/out`` (default), ``j·(in-1)/(out-1)`` (``align_corners``) or
    ``(j + 0.5)·in/out - 0.5`` clamped at 0 (``half_pixel_centers``).

    Args:
        align_corners (bool, optional): Default: ``False``.
        half_pixel_centers (bool, optional): Default: ``False``; not with ``align_corners``.

    Inputs:
        - **x** (Tensor) - ``[N, C, H, W]``, Float16, Float32 or Float64.
        - **size** (Union[tuple[int], list[int], Tensor]) - ``(new_height, new_width)``.

    Outputs:
        Tensor, ``[N, C, new_height, new_width]`` in ``x``'s dtype.

    Raises:
        TypeError: a flag is not a bool; ``x`` is not a float Tensor; ``size`` not two ints.
        ValueError: both flags set; ``x`` is not 4-D; ``size`` has not 2 entries.

    Examples:
        >>> import numpy as np
        >>> from mindspore import Tensor, ops
        >>> x = Tensor(np.array([[[[0.0, 2.0]]]], np.float32))
        >>> print(ops.ResizeBilinearV2()(x, (1, 4)))
        [[[[0. 1. 2. 2.]]]]
    """

    def __init__(self, align_corners=False, half_pixel_centers=False):
        _check_flags("ResizeBilinearV2", align_corners, half_pixel_centers)
        self.align_corners, self.half_pixel_centers = align_corners, half_pixel_centers

    def __call__(self, x, size):
        x = _image("ResizeBilinearV2", x, floats_only=True)
        size = _size("ResizeBilinearV2", size)
        for d, n_out in enumerate(size):
            n_in = x.shape[2 + d]
            dst = _np.arange(n_out, dtype=_np.float64)
            if self.align_corners:
                src = dst * ((n_in - 1) / (n_out - 1)) if n_out > 1 else dst * 0.0
            elif self.half_pixel_centers:
                src = _np.maximum((dst + 0.5) * (n_in / n_out) - 0.5, 0.0)
            else:
                src = dst * (n_in / n_out)
            i0 = _np.minimum(_np.floor(src), n_in - 1).astype(_np.int64)
            i1 = _np.minimum(i0 + 1, n_in - 1)
            t = src - i0
            x = _resample_axis(x, 2 + d, [(i0, 1.0 - t), (i1, t)])
        return x

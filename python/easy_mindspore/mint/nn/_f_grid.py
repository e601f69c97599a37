"""``mindspore.mint.nn.functional.grid_sample`` for 4-D inputs: bilinear or nearest sampling at
normalised grid coordinates, with zeros/border/reflection padding, composed of engine ops (so
differentiable with respect to the input and, for bilinear, the grid). The coordinate rules are
the documented ones (PyTorch's): with `align_corners` -1 and 1 are the centres of the corner
pixels, without they are the outer edges; reflection folds coordinates back into range."""
from ... import ops
from ..._errors import ShapeError
from ...common import dtype as mstype
from .._wrap import check_tensor, name_errors


def _unnormalize(coord, size, align_corners):
    if align_corners:
        return (coord + 1) / 2 * (size - 1)
    return ((coord + 1) * size - 1) / 2


def _reflect(x, twice_low, twice_high):
    if twice_low == twice_high:
        return ops.zeros_like(x)
    low, span = twice_low / 2, (twice_high - twice_low) / 2
    x = ops.abs(x - low)
    extra = ops.fmod(x, span)
    flips = ops.floor(x / span)
    even = ops.fmod(flips, 2) == 0
    return ops.where(even, extra + low, span - extra + low)


def _source(coord, size, padding_mode, align_corners):
    x = _unnormalize(coord, size, align_corners)
    if padding_mode == "border":
        x = ops.clamp(x, 0, size - 1)
    elif padding_mode == "reflection":
        x = _reflect(x, 0, 2 * (size - 1)) if align_corners else _reflect(x, -1, 2 * size - 1)
        x = ops.clamp(x, 0, size - 1)
    return x


def _gather(flat, iy, ix, h, w, shape):
    """``flat`` (N, C, H*W) at integer (iy, ix) (N, Ho, Wo), 0 outside the image."""
    inside = (ix >= 0) & (ix <= w - 1) & (iy >= 0) & (iy <= h - 1)
    idx = (ops.clamp(iy, 0, h - 1) * w + ops.clamp(ix, 0, w - 1)).astype(mstype.int64)
    n, c = flat.shape[:2]
    idx = ops.broadcast_to(idx.reshape(n, 1, -1), (n, c, idx[0].size))
    vals = ops.gather_elements(flat, 2, idx).reshape(shape)
    return vals * inside.reshape(n, 1, *shape[2:]).astype(flat.dtype)


def grid_sample(input, grid, mode="bilinear", padding_mode="zeros", align_corners=None):  # noqa: A002
    """Samples `input` (N, C, H, W) at the (x, y) positions of `grid` (N, Ho, Wo, 2), given in
    [-1, 1] (x along W, y along H).

    Args:
        input (Tensor): (N, C, H, W), a float tensor.
        grid (Tensor): (N, Ho, Wo, 2) normalised coordinates.
        mode (str): ``'bilinear'`` or ``'nearest'``. Default: ``'bilinear'``.
        padding_mode (str): ``'zeros'``, ``'border'`` or ``'reflection'``. Default: ``'zeros'``.
        align_corners (bool, optional): Whether -1 and 1 are the corner pixels' centres (None: False).

    Returns:
        Tensor (N, C, Ho, Wo).

    Raises:
        ValueError: Bad shapes or an unknown mode; 5-D inputs are not supported yet.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> x = ms.Tensor(np.arange(4.0, dtype=np.float32).reshape(1, 1, 2, 2))
        >>> grid = ms.Tensor([[[[0.0, 0.0], [-1.0, -1.0]]]])
        >>> print(F.grid_sample(x, grid, align_corners=True))
        [[[[1.5 0. ]]]]
    """
    check_tensor("grid_sample", "input", input)
    check_tensor("grid_sample", "grid", grid)
    if mode not in ("bilinear", "nearest"):
        raise ShapeError(f"For 'grid_sample', mode must be 'bilinear' or 'nearest', but got {mode!r}.")
    if padding_mode not in ("zeros", "border", "reflection"):
        raise ShapeError(f"For 'grid_sample', padding_mode must be 'zeros', 'border' or 'reflection', "
                         f"but got {padding_mode!r}.")
    if input.ndim != 4 or grid.ndim != 4 or grid.shape[-1] != 2 or grid.shape[0] != input.shape[0]:
        raise ShapeError(f"For 'grid_sample', expected input (N, C, H, W) and grid (N, Ho, Wo, 2), but got "
                         f"{tuple(input.shape)} and {tuple(grid.shape)} (5-D inputs are not supported yet).")
    n, c, h, w = input.shape
    shape = (n, c) + tuple(grid.shape[1:3])
    x = _source(grid[..., 0], w, padding_mode, bool(align_corners))
    y = _source(grid[..., 1], h, padding_mode, bool(align_corners))
    flat = input.reshape(n, c, h * w)
    if mode == "nearest":
        return _gather(flat, ops.round(y), ops.round(x), h, w, shape)
    x0, y0 = ops.floor(x), ops.floor(y)
    wx, wy = (x - x0).reshape(n, 1, *shape[2:]), (y - y0).reshape(n, 1, *shape[2:])
    out = (_gather(flat, y0, x0, h, w, shape) * (1 - wx) * (1 - wy)
           + _gather(flat, y0, x0 + 1, h, w, shape) * wx * (1 - wy)
           + _gather(flat, y0 + 1, x0, h, w, shape) * (1 - wx) * wy
           + _gather(flat, y0 + 1, x0 + 1, h, w, shape) * wx * wy)
    return out


NAMES = ("grid_sample",)
__all__ = list(NAMES)

name_errors(globals(), NAMES)

"""``nn.Upsample``: the cell form of ``ops.interpolate`` (MindSpore 2.x's arguments and
defaults; the resampling itself, its modes and errors live in ``ops.interpolate``)."""
from ..ops.function._interpolate import interpolate
from .cell import Cell

__all__ = ["Upsample"]


class Upsample(Cell):
    """Resamples ``[N, C, *spatial]`` to ``size`` or by ``scale_factor`` with
    :func:`mindspore.ops.interpolate`.

    Args:
        size (Union[int, tuple[int]], optional): The output's spatial size. Default: ``None``.
        scale_factor (Union[float, tuple[float]], optional): The multiplier of each spatial
            size (a float, as MindSpore requires). Default: ``None``.
        mode (str, optional): ``'nearest'``, ``'linear'``, ``'bilinear'``, ``'bicubic'``,
            ``'trilinear'``, ``'area'`` or ``'nearest-exact'``. Default: ``'nearest'``.
        align_corners (bool, optional): For the linear and cubic modes. Default: ``None``.
        recompute_scale_factor (bool, optional): Recompute the scale from the output size.
            Default: ``None``.

    Inputs:
        - **x** (Tensor) - ``[N, C, *spatial]``, a float dtype.

    Outputs:
        Tensor, the resampled ``x`` in its dtype.

    Raises:
        TypeError, ValueError: as :func:`mindspore.ops.interpolate`, when called.

    Examples:
        >>> from easy_mindspore import Tensor, nn
        >>> up = nn.Upsample(size=(2, 4), mode='bilinear', align_corners=True)
        >>> print(up(Tensor([[[[0.0, 3.0]]]])))
        [[[[0. 1. 2. 3.]
           [0. 1. 2. 3.]]]]
    """

    def __init__(self, size=None, scale_factor=None, mode="nearest", align_corners=None,
                 recompute_scale_factor=None):
        super().__init__()
        self.size = size
        self.scale_factor = scale_factor
        self.mode = mode
        self.align_corners = align_corners
        self.recompute_scale_factor = recompute_scale_factor

    def construct(self, x):
        return interpolate(x, self.size, self.scale_factor, self.mode, self.align_corners,
                           self.recompute_scale_factor)

"""Image layers of MindSpore 2.x's ``nn`` over NCHW tensors: ``ImageGradients`` (forward
differences, zero on the last row/column) and ``CentralCrop`` (MindSpore's box: offset
``int((H − H·f)/2)`` on each side). Slicing and subtraction, so differentiable."""
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from .cell import Cell
from ..ops.function._args import tensor_arg as _tensor

__all__ = ["ImageGradients", "CentralCrop"]


class ImageGradients(Cell):
    r"""The vertical and horizontal forward differences of NCHW images:
    :math:`dy_{i,j} = x_{i+1,j} - x_{i,j}` (0 on the last row) and
    :math:`dx_{i,j} = x_{i,j+1} - x_{i,j}` (0 on the last column).

    Inputs:
        - **images** (Tensor) - 4-D, NCHW.

    Outputs:
        - **dy** (Tensor) - The vertical differences, of the shape and dtype of `images`.
        - **dx** (Tensor) - The horizontal differences, of the shape and dtype of `images`.

    Raises:
        TypeError: If `images` is not a Tensor.
        ValueError: If `images` is not 4-D.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> net = ms.nn.ImageGradients()
        >>> dy, dx = net(ms.Tensor(np.array([[[[1, 2], [3, 4]]]]), dtype=ms.int32))
        >>> print(dy)
        [[[[2 2]
           [0 0]]]]
        >>> print(dx)
        [[[[1 0]
           [1 0]]]]
    """

    def __init__(self):
        super().__init__()

    def construct(self, images):
        x = _tensor("ImageGradients", "images", images)
        if x.ndim != 4:
            raise ShapeError(f"For 'ImageGradients', 'images' must be 4-D (NCHW), but got shape "
                             f"{list(x.shape)}.")
        from ..ops import concat, zeros
        n, c, h, w = x.shape
        dy = x[:, :, 1:, :] - x[:, :, :-1, :]
        dx = x[:, :, :, 1:] - x[:, :, :, :-1]
        dy = concat((dy, zeros((n, c, 1, w), x.dtype)), 2) if h else x
        dx = concat((dx, zeros((n, c, h, 1), x.dtype)), 3) if w else x
        return dy, dx


class CentralCrop(Cell):
    r"""Crops the central region of ``[C, H, W]`` or ``[N, C, H, W]`` images: each side loses
    ``int((size − size·central_fraction) / 2)`` rows or columns.

    Args:
        central_fraction (float): The fraction of each side kept, in (0.0, 1.0].

    Inputs:
        - **image** (Tensor) - 3-D ``[C, H, W]`` or 4-D ``[N, C, H, W]``.

    Outputs:
        Tensor of the rank and dtype of `image`.

    Raises:
        TypeError: If `central_fraction` is not a float, or `image` is not a Tensor.
        ValueError: If `central_fraction` is not in (0.0, 1.0], or `image` is not 3-D or 4-D.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> net = ms.nn.CentralCrop(central_fraction=0.5)
        >>> image = ms.Tensor(np.random.random((4, 3, 4, 4)), ms.float32)
        >>> print(net(image).shape)
        (4, 3, 2, 2)
        >>> print(net(ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))))
        [[[[ 5.  6.]
           [ 9. 10.]]]]
    """

    def __init__(self, central_fraction):
        super().__init__()
        if not isinstance(central_fraction, float):
            raise DTypeError(f"For 'CentralCrop', 'central_fraction' must be a float, but got "
                             f"{type(central_fraction).__name__}.")
        if not 0.0 < central_fraction <= 1.0:
            raise ShapeError(f"For 'CentralCrop', 'central_fraction' must be in (0.0, 1.0], but "
                             f"got {central_fraction}.")
        self.central_fraction = central_fraction

    def construct(self, image):
        x = _tensor("CentralCrop", "image", image)
        if x.ndim not in (3, 4):
            raise ShapeError(f"For 'CentralCrop', 'image' must be 3-D or 4-D, but got shape "
                             f"{list(x.shape)}.")
        h, w = x.shape[-2:]
        top = int((h - h * self.central_fraction) / 2)
        left = int((w - w * self.central_fraction) / 2)
        return x[..., top:h - top, left:w - left]

"""``nn.SSIM``, ``nn.MSSSIM`` and ``nn.PSNR`` (image quality per image of an ``[N, C, H, W]`` batch, MindSpore
2.10's formulas), ``nn.LRN`` and ``nn.CTCLoss`` (cells over ``ops.lrn`` and ``ops.ctc_loss``).
Compositions of engine ops, so differentiable."""
import math
from reprlib import repr as _repr

import numpy as _np

from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ..ops.function import _ctc, _unpool
from ..ops.function._args import bool_arg as _bool, int_arg as _int
from .cell import Cell

__all__ = ["SSIM", "MSSSIM", "PSNR", "LRN", "CTCLoss"]


def _max_val(op, max_val):
    if isinstance(max_val, bool) or not isinstance(max_val, (int, float)):
        raise DTypeError(f"For '{op}', 'max_val' must be an int or a float, but got "
                         f"{type(max_val).__name__}.")
    if max_val <= 0:
        raise ShapeError(f"For '{op}', 'max_val' must be > 0, but got {max_val}.")
    return max_val


def _four_d(op, name, img):
    """``img`` is a 4-D Tensor (MindSpore's messages)."""
    if not isinstance(img, Tensor):
        raise DTypeError(f"For '{op}', '{name}' must be a Tensor, but got {type(img).__name__}.")
    if img.ndim != 4:
        raise ShapeError(f"For '{op}', the dimension of '{name}' must be 4d, but got {img.ndim}.")


def _dtype_in(op, img, dtypes):
    """``img1``'s dtype is one of ``dtypes`` (MindSpore's message lists them in its order)."""
    if img.dtype not in dtypes:
        names = ", ".join(f"mindspore.{str(d).lower()}" for d in dtypes)
        raise DTypeError(f"For '{op}', the 'img1' should be one of [{names}], but got "
                         f"'mindspore.{str(img.dtype).lower()}'.")


def _same_type_shape(img1, img2):
    """MindSpore's ``SameTypeShape`` check of the two images: one dtype, then one shape."""
    if img1.dtype != img2.dtype:
        raise DTypeError(f"For 'SameTypeShape', the x dtype should be = y dtype: "
                         f"Tensor[{img2.dtype}], but got Tensor[{img1.dtype}].")
    if tuple(img1.shape) != tuple(img2.shape):
        raise ShapeError(f"For 'SameTypeShape', the x shape should be = y shape: "
                         f"{list(img2.shape)}, but got {list(img1.shape)}.")


def _pair(op, img1, img2):
    """PSNR's and MSSSIM's checks before the dtype: both images 4-D."""
    _four_d(op, "img1", img1)
    _four_d(op, "img2", img2)


class SSIM(Cell):
    r"""The structural similarity of two ``[N, C, H, W]`` image batches, one value per image:
    with Gaussian-window (``filter_size``, ``filter_sigma``, 'valid') means :math:`\mu`,
    variances :math:`\sigma^2` and covariance :math:`\sigma_{xy}`,

    .. math::
        \text{SSIM} = \operatorname{mean}_{c, h, w} \frac{(2\mu_x\mu_y + C_1)(2\sigma_{xy} + C_2)}
        {(\mu_x^2 + \mu_y^2 + C_1)(\sigma_x^2 + \sigma_y^2 + C_2)},\quad
        C_1 = (k_1 L)^2,\ C_2 = (k_2 L)^2

    with :math:`L` = ``max_val``. Float16/Float32 images give Float32 (MindSpore 2.10 refuses
    other dtypes, Float64 too).

    Args:
        max_val (Union[int, float], optional): The dynamic range of the pixel values. Default:
            ``1.0``.
        filter_size (int, optional): The Gaussian window's size. Default: ``11``.
        filter_sigma (float, optional): The Gaussian window's standard deviation. Default:
            ``1.5``.
        k1 (float, optional): The luminance constant. Default: ``0.01``.
        k2 (float, optional): The contrast constant. Default: ``0.03``.

    Inputs:
        - **img1** (Tensor) - ``[N, C, H, W]`` of Float32 or Float16, H and W at least
          `filter_size`.
        - **img2** (Tensor) - Of `img1`'s shape and dtype.

    Outputs:
        Tensor ``[N]`` of Float32.

    Raises:
        TypeError: If an argument or input has the wrong type or dtype (`img1` not Float32 or
            Float16, `img2` not of its dtype).
        ValueError: If `max_val`, `filter_size` or `filter_sigma` is not positive, or the shapes
            are wrong.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> img = ms.Tensor(np.linspace(0, 1, 2 * 3 * 16 * 16).reshape(2, 3, 16, 16).astype(np.float32))
        >>> print(nn.SSIM()(img, img))
        [1. 1.]
        >>> print(nn.SSIM()(img, img * 0.5))
        [0.760364  0.7594409]
    """

    def __init__(self, max_val=1.0, filter_size=11, filter_sigma=1.5, k1=0.01, k2=0.03):
        super().__init__()
        op = "SSIM"
        self.max_val = _max_val(op, max_val)
        self.filter_size = _int(op, "filter_size", filter_size)
        if self.filter_size < 1:
            raise ShapeError(f"For '{op}', 'filter_size' must be >= 1, but got {filter_size}.")
        for name, v in (("filter_sigma", filter_sigma), ("k1", k1), ("k2", k2)):
            if not isinstance(v, float):
                raise DTypeError(f"For '{op}', '{name}' must be a float, but got {type(v).__name__}.")
        if filter_sigma <= 0:
            raise ShapeError(f"For '{op}', 'filter_sigma' must be > 0, but got {filter_sigma}.")
        self.filter_sigma, self.k1, self.k2 = filter_sigma, k1, k2
        # MindSpore's window: offsets -(size // 2) + 1 ... size // 2 from the centre (for an even
        # size the extra cell is on the right), normalised.
        size = self.filter_size
        offsets = _np.arange((-size) // 2 + 1, size // 2 + 1, dtype=_np.float64)
        g = _np.exp(-(offsets[:, None] ** 2 + offsets[None, :] ** 2) / (2 * filter_sigma ** 2))
        self._window = (g / g.sum()).reshape(1, 1, size, size)

    def _check(self, op, img1, img2, dtypes, levels=1):
        """MindSpore's checks, in its order: SSIM checks ``img1``'s dtype, rank and size, then
        that ``img2`` has its dtype and shape; MSSSIM the ranks, the dtype, then the pair."""
        if levels == 1:
            if not isinstance(img1, Tensor):
                raise DTypeError(f"For '{op}', 'img1' must be a Tensor, but got "
                                 f"{type(img1).__name__}.")
            _dtype_in(op, img1, dtypes)
            _four_d(op, "img1", img1)
            for axis in (2, 3):
                if img1.shape[axis] < self.filter_size:
                    raise ShapeError(f"For '{op}', the img1 shape[{axis}] should be >= "
                                     f"filter_size: {self.filter_size}, but got "
                                     f"{img1.shape[axis]}.")
            if not isinstance(img2, Tensor):
                raise DTypeError(f"For '{op}', 'img2' must be a Tensor, but got "
                                 f"{type(img2).__name__}.")
            _same_type_shape(img1, img2)
            return
        _pair(op, img1, img2)
        _dtype_in(op, img1, dtypes)
        _same_type_shape(img1, img2)
        smallest = min(img1.shape[2:]) // 2 ** (levels - 1)
        if smallest < self.filter_size:
            raise ShapeError(f"For '{op}', the images' height and width (halved {levels - 1} times) must be "
                             f">= filter_size {self.filter_size}, but got shape {list(img1.shape)}.")

    def _ssim_cs(self, x, y, max_val):
        """The per-channel means ``[N, C]`` of the SSIM map and of its contrast-structure part."""
        from .. import ops as _ops
        n, c, h, w = x.shape
        x, y = x.reshape(n * c, 1, h, w), y.reshape(n * c, 1, h, w)
        window = Tensor(self._window, x.dtype)

        def blur(t):
            return _ops.conv2d(t, window)

        mu_x, mu_y = blur(x), blur(y)
        mu_xx, mu_yy, mu_xy = mu_x * mu_x, mu_y * mu_y, mu_x * mu_y
        var_x, var_y, cov = blur(x * x) - mu_xx, blur(y * y) - mu_yy, blur(x * y) - mu_xy
        c1, c2 = (self.k1 * max_val) ** 2, (self.k2 * max_val) ** 2
        cs = (2 * cov + c2) / (var_x + var_y + c2)
        ssim = (2 * mu_xy + c1) / (mu_xx + mu_yy + c1) * cs
        cells = ssim.shape[2] * ssim.shape[3]
        return ssim.reshape(n, c, cells).mean(axis=2), cs.reshape(n, c, cells).mean(axis=2)

    def construct(self, img1, img2):
        self._check("SSIM", img1, img2, (mstype.float32, mstype.float16))
        work = mstype.float32
        ssim, _ = self._ssim_cs(img1.astype(work), img2.astype(work), self.max_val)
        return ssim.mean(axis=1)


class MSSSIM(SSIM):
    r"""The multi-scale structural similarity of two ``[N, C, H, W]`` image batches, one value per
    image: at each of ``len(power_factors)`` scales (the images halved by a 2x2 mean between
    scales) the per-channel mean contrast-structure term :math:`cs_j` (at the last scale the full
    SSIM), each clipped at 0 and raised to its power factor, multiplied, then averaged over the
    channels, as MindSpore 2.10 computes it. Float16, Float32 and UInt8 images give Float32,
    Float64 gives Float64.

    Args:
        max_val (Union[int, float], optional): The dynamic range of the pixel values. Default:
            ``1.0``.
        power_factors (Union[tuple, list], optional): The weight of each scale. Default:
            ``(0.0448, 0.2856, 0.3001, 0.2363, 0.1333)``.
        filter_size (int, optional): The Gaussian window's size. Default: ``11``.
        filter_sigma (float, optional): The Gaussian window's standard deviation. Default:
            ``1.5``.
        k1 (float, optional): The luminance constant. Default: ``0.01``.
        k2 (float, optional): The contrast constant. Default: ``0.03``.

    Inputs:
        - **img1** (Tensor) - ``[N, C, H, W]``, H and W at least ``filter_size · 2^(scales - 1)``.
        - **img2** (Tensor) - Of `img1`'s shape and dtype.

    Outputs:
        Tensor ``[N]``.

    Raises:
        TypeError: If an argument or input has the wrong type or dtype.
        ValueError: If `max_val`, `filter_size` or `filter_sigma` is not positive, or the shapes
            are wrong.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.MSSSIM(power_factors=(0.033, 0.033, 0.033))
        >>> img = ms.Tensor(np.ones((1, 3, 128, 128)).astype(np.float32))
        >>> print(net(img, img))
        [1.]
    """

    def __init__(self, max_val=1.0, power_factors=(0.0448, 0.2856, 0.3001, 0.2363, 0.1333), filter_size=11,
                 filter_sigma=1.5, k1=0.01, k2=0.03):
        super().__init__(max_val, filter_size, filter_sigma, k1, k2)
        if not isinstance(power_factors, (tuple, list)):
            raise DTypeError(f"For 'MSSSIM', 'power_factors' must be a tuple or a list, but got "
                             f"{type(power_factors).__name__}.")
        if not power_factors:
            raise ShapeError("For 'MSSSIM', 'power_factors' must not be empty.")
        self.power_factors = tuple(float(p) for p in power_factors)

    def construct(self, img1, img2):
        from .. import ops as _ops
        levels = len(self.power_factors)
        self._check("MSSSIM", img1, img2, (mstype.float64, mstype.float32, mstype.float16, mstype.uint8),
                    levels)
        work = mstype.float64 if img1.dtype == mstype.float64 else mstype.float32
        x, y, max_val = img1.astype(work), img2.astype(work), self.max_val
        if img1.dtype == mstype.uint8:   # MindSpore scales uint8 images and max_val by 1/255 alike
            x, y, max_val = x / 255.0, y / 255.0, max_val / 255.0
        terms = []
        for level in range(levels):
            ssim, cs = self._ssim_cs(x, y, max_val)
            terms.append((cs if level < levels - 1 else ssim).clamp(0.0, None))
            if level < levels - 1:
                x, y = _ops.avg_pool2d(x, 2, 2), _ops.avg_pool2d(y, 2, 2)
        weights = Tensor(_np.array(self.power_factors), work)
        stacked = _ops.stack(terms, -1) ** weights
        return stacked.prod(axis=-1).mean(axis=-1)


class PSNR(Cell):
    r"""The peak signal-to-noise ratio of two ``[N, C, H, W]`` image batches, one Float32 value
    per image: :math:`10 \log_{10}(\text{max\_val}^2 / \text{MSE})` with the mean squared
    difference over ``C, H, W`` (``inf`` for equal images).

    Args:
        max_val (Union[int, float], optional): The dynamic range of the pixel values. Default:
            ``1.0``.

    Inputs:
        - **img1** (Tensor) - ``[N, C, H, W]``, any real dtype.
        - **img2** (Tensor) - Of `img1`'s shape and dtype.

    Outputs:
        Tensor ``[N]`` of Float32.

    Raises:
        TypeError: If `max_val` is not a number or the inputs are not Tensors of one dtype.
        ValueError: If `max_val` is not positive or the inputs are not 4-D of one shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> img1 = ms.Tensor([[[[1, 2, 3, 4], [1, 2, 3, 4]]]])
        >>> img2 = ms.Tensor([[[[3, 4, 5, 6], [3, 4, 5, 6]]]])
        >>> print(nn.PSNR()(img1, img2))
        [-6.0206]
    """

    def __init__(self, max_val=1.0):
        super().__init__()
        self.max_val = _max_val("PSNR", max_val)

    def construct(self, img1, img2):
        _pair("PSNR", img1, img2)
        _same_type_shape(img1, img2)
        work = mstype.float64 if img1.dtype == mstype.float64 else mstype.float32
        d = img1.astype(work) - img2.astype(work)
        mse = (d * d).mean(axis=(1, 2, 3))
        psnr = (Tensor(float(self.max_val) ** 2, work) / mse).log() * (10 / math.log(10.0))
        return psnr.astype(mstype.float32)


class LRN(Cell):
    """Local response normalisation across the channels of ``[N, C, H, W]`` (``ops.lrn``).

    Args:
        depth_radius (int, optional): The half-width of the channel window. Default: ``5``.
        bias (float, optional): The offset. Default: ``1.0``.
        alpha (float, optional): The scale of the sum of squares. Default: ``1.0``.
        beta (float, optional): The exponent. Default: ``0.5``.
        norm_region (str, optional): ``'ACROSS_CHANNELS'``, the one region. Default:
            ``'ACROSS_CHANNELS'``.

    Inputs:
        - **x** (Tensor) - ``[N, C, H, W]``, a float tensor.

    Outputs:
        Tensor of `x`'s shape and dtype.

    Raises:
        TypeError: If an argument has the wrong type or `x` is not a float Tensor.
        ValueError: If `depth_radius` is negative, `norm_region` another, or `x` not 4-D.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.array([[[[1.0]], [[2.0]], [[3.0]]]], np.float32))
        >>> print(nn.LRN(depth_radius=1, alpha=0.5, beta=0.75)(x).reshape(-1))
        [0.39079496 0.4204482  0.6619502 ]
    """

    def __init__(self, depth_radius=5, bias=1.0, alpha=1.0, beta=0.5, norm_region="ACROSS_CHANNELS"):
        super().__init__()
        _unpool.lrn(Tensor(_np.zeros((1, 1, 1, 1), _np.float32)), depth_radius, bias, alpha, beta,
                    norm_region)   # the argument checks
        self.depth_radius, self.bias, self.alpha, self.beta = depth_radius, bias, alpha, beta
        self.norm_region = norm_region

    def construct(self, x):
        return _unpool.lrn(x, self.depth_radius, self.bias, self.alpha, self.beta, self.norm_region)


class CTCLoss(Cell):
    """The CTC loss (``ops.ctc_loss``) of ``log_probs [T, N, C]`` against padded ``targets [N,
    S]``, given each sample's frame and label counts; the loss alone.

    Args:
        blank (int, optional): The blank class. Default: ``0``.
        reduction (str, optional): ``'none'``, ``'mean'`` (each loss divided by its target length,
            then averaged) or ``'sum'``. Default: ``'mean'``.
        zero_infinity (bool, optional): Whether infinite losses become 0. Default: ``False``.

    Inputs:
        - **log_probs** (Tensor) - ``[T, N, C]`` log-probabilities.
        - **targets** (Tensor) - ``[N, S]`` Int32/Int64 class indices.
        - **input_lengths** (Tensor) - ``[N]`` frame counts.
        - **target_lengths** (Tensor) - ``[N]`` label counts.

    Outputs:
        Tensor: ``[N]`` for ``'none'``, else a scalar.

    Raises:
        TypeError: If an input is not a Tensor or has the wrong dtype.
        ValueError: If the shapes, `blank` or `reduction` are wrong.
        RuntimeError: If a length is out of range.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> lp = ms.Tensor(np.log(np.full((3, 1, 3), 1 / 3, np.float32)))
        >>> loss = nn.CTCLoss()(lp, ms.Tensor([[1, 2]], ms.int32), ms.Tensor([3], ms.int32),
        ...                     ms.Tensor([2], ms.int32))
        >>> print(loss)
        0.8431995
    """

    def __init__(self, blank=0, reduction="mean", zero_infinity=False):
        super().__init__()
        op = "CTCLoss"
        self.blank = _int(op, "blank", blank)
        if reduction not in ("none", "mean", "sum"):
            raise ShapeError(f"For '{op}', 'reduction' must be 'none', 'mean' or 'sum', but got "
                             f"{_repr(reduction)}.")
        self.reduction = reduction
        self.zero_infinity = _bool(op, "zero_infinity", zero_infinity)

    def construct(self, log_probs, targets, input_lengths, target_lengths):
        # An unbatched sample (MindSpore 2.10): log_probs (T, C), targets (S,), one length each.
        unbatched = all(isinstance(v, Tensor) for v in (log_probs, targets, input_lengths, target_lengths)) \
            and log_probs.ndim == 2
        if unbatched:
            log_probs = log_probs.expand_dims(1)
            targets, input_lengths, target_lengths = (
                v.reshape(1, -1) if i == 0 else v.reshape(1)
                for i, v in enumerate((targets, input_lengths, target_lengths)))
        loss, _ = _ctc.ctc_loss(log_probs, targets, input_lengths, target_lengths, self.blank,
                                self.reduction, self.zero_infinity)
        return loss.reshape(()) if unbatched and self.reduction == "none" else loss

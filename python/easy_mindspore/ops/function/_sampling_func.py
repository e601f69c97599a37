"""``mindspore.ops`` functions of detection and spatial-transformer code: box overlaps and
encodings (``iou``, ``bounding_box_encode``, ``bounding_box_decode``, ``check_valid``), sampling
grids (``affine_grid``, ``grid_sample``), ``crop_and_resize``, ``col2im`` and ``upsample``,
``ctc_greedy_decoder`` and ``sparse_segment_mean``; and a few small ones of the same release (``is_nonzero``, ``adjoint``, ``ger``, ``inplace_index_add``, the triplet and
multi-label margin losses). Compositions of engine ops: differentiable where MindSpore's are
(``grid_sample`` in its input and its grid)."""
import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import ComputeError, DTypeError, ShapeError
from ...common import dtype as mstype
from ._args import tensor_arg
from ._nn_more import _reduce

__all__ = ["iou", "bounding_box_encode", "bounding_box_decode", "check_valid", "affine_grid",
           "grid_sample", "col2im", "upsample", "is_nonzero", "adjoint", "ger",
           "inplace_index_add", "triplet_margin_loss", "multilabel_margin_loss",
           "crop_and_resize", "ctc_greedy_decoder", "sparse_segment_mean"]

_FLOATS = (mstype.float16, mstype.float32, mstype.float64, mstype.bfloat16)


def _boxes(op, name, x):
    x = tensor_arg(op, name, x)
    if x.ndim != 2 or x.shape[1] < 4:
        raise ShapeError(f"For '{op}', '{name}' must be (N, 4), but got {tuple(x.shape)}.")
    if x.dtype not in _FLOATS:
        raise DTypeError(f"For '{op}', '{name}' must be a float tensor, but got {x.dtype}.")
    return x[:, :4]


def _corners(b):
    return b[:, 0], b[:, 1], b[:, 2], b[:, 3]


def iou(anchor_boxes, gt_boxes, mode="iou"):
    """``ops.iou``: the overlap of every ground-truth box with every anchor box, boxes as
    ``(x1, y1, x2, y2)`` in pixels (a box's width is ``x2 - x1 + 1``): intersection over union
    (``"iou"``), or over the ground-truth box's area (``"iof"``).

    Args:
        anchor_boxes (Tensor): ``(N, 4)`` floats.
        gt_boxes (Tensor): ``(M, 4)`` floats.
        mode (str): ``"iou"`` or ``"iof"``. Default: ``"iou"``.

    Returns:
        Tensor, ``(M, N)``.

    Raises:
        TypeError: If a box tensor is not a float Tensor.
        ValueError: If a box tensor is not ``(N, 4)`` or `mode` is neither.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> a = ms.Tensor([[0., 0., 4., 4.]])
        >>> g = ms.Tensor([[1., 1., 3., 3.], [0., 0., 2., 5.]])
        >>> print(ops.iou(a, g))
        [[0.36      ]
         [0.53571427]]
    """
    a, g = _boxes("IOU", "anchor_boxes", anchor_boxes), _boxes("IOU", "gt_boxes", gt_boxes)
    if mode not in ("iou", "iof"):
        raise ShapeError(f"For 'IOU', 'mode' must be 'iou' or 'iof', but got {mode!r}.")
    ax1, ay1, ax2, ay2 = (v.reshape(1, -1) for v in _corners(a))
    gx1, gy1, gx2, gy2 = (v.reshape(-1, 1) for v in _corners(g))
    w = (_C.minimum(ax2, gx2) - _C.maximum(ax1, gx1) + 1).clip(0, None)
    h = (_C.minimum(ay2, gy2) - _C.maximum(ay1, gy1) + 1).clip(0, None)
    inter = w * h
    g_area = (gx2 - gx1 + 1) * (gy2 - gy1 + 1)
    if mode == "iof":
        return inter / g_area
    return inter / ((ax2 - ax1 + 1) * (ay2 - ay1 + 1) + g_area - inter)


def _centres(b):
    x1, y1, x2, y2 = _corners(b)
    return (x1 + x2) * 0.5, (y1 + y2) * 0.5, x2 - x1 + 1.0, y2 - y1 + 1.0


def _four(op, name, v):
    if not isinstance(v, (tuple, list)) or len(v) != 4:
        raise DTypeError(f"For '{op}', '{name}' must be a tuple of 4 floats, but got {v!r}.")
    for e in v:
        if isinstance(e, bool) or not isinstance(e, (int, float)):
            raise DTypeError(f"For '{op}', '{name}' must hold floats, but got "
                             f"{type(e).__name__}.")
    return [float(e) for e in v]


def bounding_box_encode(anchor_box, groundtruth_box, means=(0.0, 0.0, 0.0, 0.0),
                        stds=(1.0, 1.0, 1.0, 1.0)):
    """``ops.bounding_box_encode``: the offsets of each ground-truth box from its anchor box:
    ``((gx - px) / pw, (gy - py) / ph, log(gw / pw), log(gh / ph))`` (centres and sizes, a
    width being ``x2 - x1 + 1``), less `means`, over `stds`.

    Args:
        anchor_box (Tensor): ``(N, 4)`` floats.
        groundtruth_box (Tensor): ``(N, 4)`` floats.
        means (tuple[float]): Subtracted from the offsets. Default: ``(0.0, 0.0, 0.0, 0.0)``.
        stds (tuple[float]): Then divided by. Default: ``(1.0, 1.0, 1.0, 1.0)``.

    Returns:
        Tensor, ``(N, 4)``.

    Raises:
        TypeError: If a box tensor is not a float Tensor, or `means`/`stds` not 4 floats.
        ValueError: If the box tensors are not both ``(N, 4)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> a = ms.Tensor([[1., 1., 5., 3.]])
        >>> g = ms.Tensor([[0., 0., 4., 5.]])
        >>> print(ops.bounding_box_encode(a, g))
        [[-0.2         0.16666667  0.          0.6931472 ]]
    """
    op = "BoundingBoxEncode"
    a, g = _boxes(op, "anchor_box", anchor_box), _boxes(op, "groundtruth_box", groundtruth_box)
    if a.shape != g.shape:
        raise ShapeError(f"For '{op}', the box tensors must have one shape, but got "
                         f"{tuple(a.shape)} and {tuple(g.shape)}.")
    m, s = _four(op, "means", means), _four(op, "stds", stds)
    px, py, pw, ph = _centres(a)
    gx, gy, gw, gh = _centres(g)
    d = [(gx - px) / pw, (gy - py) / ph, (gw / pw).log(), (gh / ph).log()]
    return _C.stack([(v - mi) / si for v, mi, si in zip(d, m, s)], 1)


def bounding_box_decode(anchor_box, deltas, max_shape, means=(0.0, 0.0, 0.0, 0.0),
                        stds=(1.0, 1.0, 1.0, 1.0), wh_ratio_clip=0.016):
    """``ops.bounding_box_decode``: boxes from their anchors and offsets (the inverse of
    :func:`bounding_box_encode`), the size offsets clipped to ``±|log(wh_ratio_clip)|`` and the
    corners to the image ``[0, width] × [0, height]``.

    Args:
        anchor_box (Tensor): ``(N, 4)`` floats.
        deltas (Tensor): ``(N, 4)`` floats.
        max_shape (tuple[int]): ``(height, width)`` of the image.
        means (tuple[float]): Default: ``(0.0, 0.0, 0.0, 0.0)``.
        stds (tuple[float]): Default: ``(1.0, 1.0, 1.0, 1.0)``.
        wh_ratio_clip (float): Default: ``0.016``.

    Returns:
        Tensor, ``(N, 4)``.

    Raises:
        TypeError: If an argument has the wrong type.
        ValueError: If the box tensors are not both ``(N, 4)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> a = ms.Tensor([[0., 0., 4., 4.]])
        >>> d = ms.Tensor([[0.1, -0.2, 0.3, 0.5]])
        >>> print(ops.bounding_box_decode(a, d, (6, 5)))
        [[0.        0.        5.        4.6218033]]
    """
    op = "BoundingBoxDecode"
    a, d = _boxes(op, "anchor_box", anchor_box), _boxes(op, "deltas", deltas)
    if a.shape != d.shape:
        raise ShapeError(f"For '{op}', the box tensors must have one shape, but got "
                         f"{tuple(a.shape)} and {tuple(d.shape)}.")
    if not isinstance(max_shape, (tuple, list)) or len(max_shape) != 2:
        raise DTypeError(f"For '{op}', 'max_shape' must be (height, width), but got "
                         f"{max_shape!r}.")
    if isinstance(wh_ratio_clip, bool) or not isinstance(wh_ratio_clip, (int, float)) \
            or wh_ratio_clip <= 0:
        raise DTypeError(f"For '{op}', 'wh_ratio_clip' must be a positive float, but got "
                         f"{wh_ratio_clip!r}.")
    m, s = _four(op, "means", means), _four(op, "stds", stds)
    dx, dy, dw, dh = (d[:, i] * s[i] + m[i] for i in range(4))
    limit = abs(float(_np.log(wh_ratio_clip)))
    dw, dh = dw.clip(-limit, limit), dh.clip(-limit, limit)
    px, py, pw, ph = _centres(a)
    gw, gh = pw * dw.exp(), ph * dh.exp()
    gx, gy = px + pw * dx, py + ph * dy
    height, width = float(max_shape[0]), float(max_shape[1])
    return _C.stack([(gx - gw * 0.5 + 0.5).clip(0, width), (gy - gh * 0.5 + 0.5).clip(0, height),
                     (gx + gw * 0.5 - 0.5).clip(0, width), (gy + gh * 0.5 - 0.5).clip(0, height)],
                    1)


def check_valid(bboxes, img_metas):
    """``ops.check_valid``: whether each box lies in the image: ``x1, y1 ≥ 0``,
    ``x2 ≤ width·ratio − 1`` and ``y2 ≤ height·ratio − 1`` for ``img_metas = (height, width,
    ratio)``.

    Args:
        bboxes (Tensor): ``(N, 4)``, float, Int16 or UInt8.
        img_metas (Tensor): ``(3,)``: height, width, ratio.

    Returns:
        Tensor, ``(N,)`` Bool.

    Raises:
        TypeError: If an argument is not a float Tensor.
        ValueError: If the shapes are not ``(N, 4)`` and ``(3,)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> b = ms.Tensor([[0., 0., 4., 4.], [1., 1., 9., 3.], [-1., 0., 2., 2.]])
        >>> print(ops.check_valid(b, ms.Tensor([5., 8., 1.])))
        [ True False False]
    """
    b = tensor_arg("CheckValid", "bboxes", bboxes)
    if b.dtype in (mstype.int16, mstype.uint8):  # MindSpore's kernel takes these too
        b = b.astype(mstype.float32)
    b = _boxes("CheckValid", "bboxes", b)
    meta = tensor_arg("CheckValid", "img_metas", img_metas)
    if tuple(meta.shape) != (3,):
        raise ShapeError(f"For 'CheckValid', 'img_metas' must be (3,), but got "
                         f"{tuple(meta.shape)}.")
    meta = meta.astype(b.dtype)
    x1, y1, x2, y2 = _corners(b)
    return ((x1 >= 0) & (y1 >= 0) & (x2 <= meta[1] * meta[2] - 1)
            & (y2 <= meta[0] * meta[2] - 1))


def _align(op, align_corners):
    if align_corners is None:
        return False
    if not isinstance(align_corners, bool):
        raise DTypeError(f"For '{op}', 'align_corners' must be a bool, but got "
                         f"{type(align_corners).__name__}.")
    return align_corners


def _base(n, align_corners):
    """The normalised coordinates of `n` pixel centres, in ``[-1, 1]``."""
    if n == 1:
        return _np.zeros(1)
    v = _np.linspace(-1.0, 1.0, n)
    return v if align_corners else v * (n - 1) / n


def affine_grid(theta, size, align_corners=False):
    """``ops.affine_grid``: the sampling grid of a batch of affine maps: for each output pixel,
    ``θ·(x, y, 1)`` (``(x, y, z, 1)`` in 3-D) at its normalised coordinates in ``[-1, 1]``
    (pixel centres, or corners with `align_corners`), for :func:`grid_sample`.

    Args:
        theta (Tensor): ``(N, 2, 3)`` (or ``(N, 3, 4)``) floats.
        size (tuple[int]): The output's ``(N, C, H, W)`` (or ``(N, C, D, H, W)``).
        align_corners (bool): Default: ``False``.

    Returns:
        Tensor, ``(N, H, W, 2)`` (or ``(N, D, H, W, 3)``).

    Raises:
        TypeError: If `theta` is not a float Tensor or `size` not ints.
        ValueError: If `theta` and `size` do not fit.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> theta = ms.Tensor([[[1., 0., 0.], [0., 1., 0.]]])
        >>> print(ops.affine_grid(theta, (1, 1, 1, 2), align_corners=True))
        [[[[-1.  0.]
           [ 1.  0.]]]]
    """
    op = "AffineGrid"
    theta = tensor_arg(op, "theta", theta)
    ac = _align(op, align_corners)
    if not isinstance(size, (tuple, list)) or len(size) not in (4, 5):
        raise ShapeError(f"For '{op}', 'size' must be (N, C, H, W) or (N, C, D, H, W), but got "
                         f"{size!r}.")
    d = len(size) - 2
    if theta.dtype not in _FLOATS or tuple(theta.shape) != (size[0], d, d + 1):
        raise ShapeError(f"For '{op}', 'theta' must be a float tensor of shape "
                         f"{(size[0], d, d + 1)} for size {tuple(size)}, but got "
                         f"{theta.dtype} {tuple(theta.shape)}.")
    spatial = [int(s) for s in size[2:]]
    # Homogeneous coordinates (x, y[, z], 1), x along the last spatial axis.
    axes = [_base(n, ac) for n in spatial]
    mesh = _np.meshgrid(*axes, indexing="ij")
    points = _np.stack([m for m in reversed(mesh)] + [_np.ones_like(mesh[0])], -1)
    base = Tensor(points.reshape(-1, d + 1)).astype(theta.dtype)
    out = _C.matmul(base, theta.swapaxes(1, 2))
    return out.reshape((size[0],) + tuple(spatial) + (d,))


def _reflect(x, low2, high2):
    """Coordinates reflected into ``[low2 / 2, high2 / 2]`` (PyTorch's rule)."""
    if low2 == high2:
        return x * 0
    lo, span = low2 / 2, (high2 - low2) / 2
    x = (x - lo).abs()
    flips = (x / span).floor()
    extra = x - flips * span
    even = (flips - (flips / 2).floor() * 2) == 0
    from . import array_func
    return array_func.select(even, extra + lo, span - extra + lo)


def grid_sample(input, grid, mode="bilinear", padding_mode="zeros", align_corners=None):  # noqa: A002
    """``ops.grid_sample``: `input` read at the normalised positions of `grid` (``-1`` and ``1``
    the first and last pixel's centres, or its outer edges without `align_corners`), by
    bilinear (trilinear in 3-D) interpolation or the nearest pixel; outside the image
    ``"zeros"``, the ``"border"`` pixels or the ``"reflection"`` of the image.

    Args:
        input (Tensor): ``(N, C, H, W)`` or ``(N, C, D, H, W)`` floats.
        grid (Tensor): ``(N, H_out, W_out, 2)`` or ``(N, D_out, H_out, W_out, 3)``, ``(x, y[, z])``.
        mode (str): ``"bilinear"`` or ``"nearest"``. Default: ``"bilinear"``.
        padding_mode (str): ``"zeros"``, ``"border"`` or ``"reflection"``. Default: ``"zeros"``.
        align_corners (bool): Default: ``None`` (``False``).

    Returns:
        Tensor, ``(N, C, H_out, W_out)`` or ``(N, C, D_out, H_out, W_out)``.

    Raises:
        TypeError: If an argument has the wrong type.
        ValueError: If the shapes do not fit or a mode is not one of its choices.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[[[0., 1.], [2., 3.]]]])
        >>> print(ops.grid_sample(x, ms.Tensor([[[[0., 0.], [1., -1.]]]]), align_corners=True))
        [[[[1.5 1. ]]]]
    """
    from . import array_func
    op = "GridSampler"
    x, g = tensor_arg(op, "input", input), tensor_arg(op, "grid", grid)
    ac = _align(op, align_corners)
    if mode not in ("bilinear", "nearest"):
        raise ShapeError(f"For '{op}', 'mode' must be 'bilinear' or 'nearest', but got {mode!r}.")
    if padding_mode not in ("zeros", "border", "reflection"):
        raise ShapeError(f"For '{op}', 'padding_mode' must be 'zeros', 'border' or "
                         f"'reflection', but got {padding_mode!r}.")
    if x.ndim not in (4, 5) or g.ndim != x.ndim or g.shape[0] != x.shape[0] \
            or g.shape[-1] != x.ndim - 2:
        raise ShapeError(f"For '{op}', 'input' must be (N, C, H, W) or (N, C, D, H, W) and "
                         f"'grid' (N, ..., {x.ndim - 2}) of the same N and rank, but got "
                         f"{tuple(x.shape)} and {tuple(g.shape)}.")
    if x.dtype not in _FLOATS or g.dtype != x.dtype:
        raise DTypeError(f"For '{op}', 'input' and 'grid' must be floats of one dtype, but got "
                         f"{x.dtype} and {g.dtype}.")
    d = x.ndim - 2
    n, c, spatial = x.shape[0], x.shape[1], tuple(x.shape[2:])
    out_spatial = tuple(g.shape[1:-1])
    points = int(_np.prod(out_spatial))
    g = g.reshape(n, points, d)
    coords = []
    for a, size in enumerate(spatial):
        v = g[:, :, d - 1 - a]
        v = (v + 1) * 0.5 * (size - 1) if ac else ((v + 1) * size - 1) * 0.5
        if padding_mode == "reflection":
            v = _reflect(v, 0, 2 * (size - 1)) if ac else _reflect(v, -1, 2 * size - 1)
        if padding_mode != "zeros":
            v = v.clip(0, size - 1)
        coords.append(v)
    flat = x.reshape(n, c, int(_np.prod(spatial)))
    strides = [int(_np.prod(spatial[a + 1:])) for a in range(d)]

    def read(corner):
        index, inside = 0, None
        for v, size, stride in zip(corner, spatial, strides):
            ok = (v >= 0) & (v <= size - 1)
            inside = ok if inside is None else inside & ok
            index = index + v.clip(0, size - 1).astype(mstype.int64) * stride
        index = index.reshape(n, 1, points).broadcast_to((n, c, points))
        values = array_func.gather_elements(flat, 2, index)
        return values * inside.astype(x.dtype).reshape(n, 1, points)

    if mode == "nearest":
        out = read([v.round() for v in coords])
    else:
        lows = [v.floor() for v in coords]
        out = 0
        for bits in range(2 ** d):
            corner, weight = [], 1
            for a in range(d):
                up = (bits >> a) & 1
                frac = coords[a] - lows[a]
                corner.append(lows[a] + up)
                weight = weight * (frac if up else 1 - frac)
            out = out + read(corner) * weight.reshape(n, 1, points)
    return out.reshape((n, c) + out_spatial)


def col2im(input_x, output_size, kernel_size, dilation, padding_value, stride):
    """``ops.col2im``: the sum of sliding blocks back into images (the transpose of unfolding
    them): :func:`fold` of ``(N, C, kh·kw, L)`` columns.

    Args:
        input_x (Tensor): ``(N, C, kh·kw, L)``.
        output_size (Union[Tensor, tuple[int]]): ``(H, W)`` of the images.
        kernel_size (Union[int, tuple[int]]): The block's size.
        dilation (Union[int, tuple[int]]): The spacing of a block's elements.
        padding_value (Union[int, tuple[int]]): The zero padding around the images.
        stride (Union[int, tuple[int]]): The step between blocks.

    Returns:
        Tensor, ``(N, C, H, W)``.

    Raises:
        TypeError: If an argument has the wrong type.
        ValueError: If the number of blocks does not fit the sizes.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[[[1., 1.], [1., 1.], [1., 1.], [1., 1.]]]])
        >>> print(ops.col2im(x, ms.Tensor([2, 3], ms.int32), 2, 1, 0, 1))
        [[[[1. 2. 1.]
           [1. 2. 1.]]]]
    """
    from ._im2col_func import fold
    x = tensor_arg("Col2Im", "input_x", input_x)
    if x.ndim != 4:
        raise ShapeError(f"For 'Col2Im', 'input_x' must be (N, C, kh * kw, L), but got "
                         f"{tuple(x.shape)}.")
    if not isinstance(output_size, Tensor):
        output_size = Tensor(list(output_size), mstype.int32)
    n, c, kk, blocks = x.shape
    return fold(x.reshape(n, c * kk, blocks), output_size, kernel_size, dilation, padding_value,
                stride)


def upsample(input, size=None, scale_factor=None, mode="nearest", align_corners=None,  # noqa: A002
             recompute_scale_factor=None):
    """``ops.upsample``: the older name of :func:`interpolate`, with its arguments.

    Args:
        input (Tensor): ``(N, C, *spatial)``.
        size (Union[int, tuple[int]], optional): The output's spatial size. Default: ``None``.
        scale_factor (Union[float, tuple[float]], optional): Or its scale. Default: ``None``.
        mode (str): As :func:`interpolate`. Default: ``"nearest"``.
        align_corners (bool, optional): As :func:`interpolate`. Default: ``None``.
        recompute_scale_factor (bool, optional): As :func:`interpolate`. Default: ``None``.

    Returns:
        Tensor, ``(N, C, *size)``.

    Raises:
        TypeError: If an argument has the wrong type.
        ValueError: If the sizes do not fit `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.upsample(ms.Tensor([[[1., 2.]]]), scale_factor=2.0,
        ...                    recompute_scale_factor=True))
        [[[1. 1. 2. 2.]]]
    """
    from ._interpolate import interpolate
    return interpolate(input, size, scale_factor, mode, align_corners, recompute_scale_factor)


def is_nonzero(input):  # noqa: A002
    """``ops.is_nonzero``: whether a tensor of one element is not zero (a Python bool).

    Args:
        input (Tensor): A tensor of one element.

    Returns:
        bool.

    Raises:
        TypeError: If `input` is not a Tensor.
        ValueError: If `input` has not one element.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.is_nonzero(ms.Tensor([0.5])), ops.is_nonzero(ms.Tensor(0)))
        True False
    """
    x = tensor_arg("is_nonzero", "input", input)
    if x.size != 1:
        raise ShapeError(f"For is_nonzero, the numel of input must be 1, but got {x.size}.")
    return bool(x.asnumpy().reshape(-1)[0] != 0)


def adjoint(x):
    """``ops.adjoint``: the conjugate transpose of the last two axes.

    Args:
        x (Tensor): At least 2-D.

    Returns:
        Tensor, the last two axes swapped, conjugated when complex.

    Raises:
        TypeError: If `x` is not a Tensor.
        ValueError: If `x` has fewer than 2 dimensions.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.adjoint(ms.Tensor([[1+2j, 3], [4j, 5]], ms.complex64)))
        [[1.-2.j 0.-4.j]
         [3.-0.j 5.-0.j]]
    """
    x = tensor_arg("adjoint", "x", x)
    if x.ndim < 2:
        raise ShapeError(f"For 'adjoint', 'x' must have at least 2 dimensions, but got {x.ndim}.")
    return _C.conj(x.swapaxes(-1, -2))


def ger(input, vec2):  # noqa: A002
    """``ops.ger``: the outer product of two float vectors, ``input[i]·vec2[j]``.

    Args:
        input (Tensor): ``(m,)`` floats.
        vec2 (Tensor): ``(n,)`` of the same dtype.

    Returns:
        Tensor, ``(m, n)``.

    Raises:
        TypeError: If the vectors are not float Tensors of one dtype.
        ValueError: If one is not 1-D.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.ger(ms.Tensor([1., 2., 3.]), ms.Tensor([1., 2.])))
        [[1. 2.]
         [2. 4.]
         [3. 6.]]
    """
    a, b = tensor_arg("Ger", "input", input), tensor_arg("Ger", "vec2", vec2)
    if a.dtype not in _FLOATS or b.dtype != a.dtype:
        raise DTypeError(f"For 'Ger', the inputs must be float tensors of one dtype, but got "
                         f"{a.dtype} and {b.dtype}.")
    if a.ndim != 1 or b.ndim != 1:
        raise ShapeError(f"For 'Ger', the inputs must be 1-D, but got {tuple(a.shape)} and "
                         f"{tuple(b.shape)}.")
    return a.reshape(-1, 1) * b.reshape(1, -1)


def inplace_index_add(var, indices, updates, axis):
    """``ops.inplace_index_add``: `updates` added into the Parameter `var` at `indices` along
    `axis`, in place (a repeated index adds each time); returns the new value.

    Args:
        var (Parameter): The tensor updated.
        indices (Tensor): ``(k,)`` Int32 indices into `var`'s `axis`.
        updates (Tensor): `var`'s shape with `axis` of length ``k``.
        axis (int): The axis.

    Returns:
        Parameter, `var`.

    Raises:
        TypeError: If an argument has the wrong type.
        ValueError: If the shapes do not fit.
        IndexError: If an index is out of range.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> var = ms.Parameter(ms.Tensor(np.zeros((3, 2), np.float32)), name="var")
        >>> out = ops.inplace_index_add(var, ms.Tensor([0, 2, 0], ms.int32),
        ...                             ms.Tensor(np.ones((3, 2), np.float32)), 0)
        >>> print(var)
        Parameter (name=var, shape=(3, 2), dtype=Float32, requires_grad=True)
        >>> print(var.value())
        [[2. 2.]
         [0. 0.]
         [1. 1.]]
    """
    from ._array_index import index_add
    from .parameter_func import assign
    new = index_add(var, indices, updates, axis)
    return assign(var, new)  # the new value, a Tensor (MindSpore 2.10)


def triplet_margin_loss(anchor, positive, negative, margin=1.0, p=2, eps=1e-06, swap=False,
                        reduction="mean"):
    """``ops.triplet_margin_loss``: ``max(d(a, p) − d(a, n) + margin, 0)`` with
    ``d(x, y) = ‖x − y + eps‖_p`` along the last axis (with `swap`, ``d(a, n)`` is the smaller
    of it and ``d(p, n)``).

    Args:
        anchor (Tensor): ``(N, D)`` or ``(D,)`` floats.
        positive (Tensor): Same shape.
        negative (Tensor): Same shape.
        margin (float): Default: ``1.0``.
        p (int): The norm's order. Default: ``2``.
        eps (float): Default: ``1e-06``.
        swap (bool): Default: ``False``.
        reduction (str): ``"none"``, ``"mean"`` or ``"sum"``. Default: ``"mean"``.

    Returns:
        Tensor, ``(N,)`` for ``"none"``, else a scalar.

    Raises:
        TypeError: If an argument has the wrong type.
        ValueError: If the shapes differ or `reduction` is not one of the three.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> a, p = ms.Tensor([[0., 1.], [2., 0.]]), ms.Tensor([[1., 1.], [2., 2.]])
        >>> n = ms.Tensor([[0., 3.], [2., 1.]])
        >>> print(ops.triplet_margin_loss(a, p, n))
        1.0
    """
    op = "TripletMarginLoss"
    a = tensor_arg(op, "anchor", anchor)
    pos, neg = tensor_arg(op, "positive", positive), tensor_arg(op, "negative", negative)
    if a.shape != pos.shape or a.shape != neg.shape:
        raise ShapeError(f"For '{op}', the inputs must have one shape, but got {tuple(a.shape)}, "
                         f"{tuple(pos.shape)} and {tuple(neg.shape)}.")
    if isinstance(p, bool) or not isinstance(p, int) or p < 0:
        raise DTypeError(f"For '{op}', 'p' must be a non-negative int, but got {p!r}.")

    def dist(x, y):
        diff = (x - y + eps).abs()
        if p == 0:
            return (diff != 0).astype(x.dtype).sum(-1)
        return (diff ** p).sum(-1) ** (1.0 / p)

    d_pos, d_neg = dist(a, pos), dist(a, neg)
    if swap:
        d_neg = _C.minimum(d_neg, dist(pos, neg))
    return _reduce(op, (d_pos - d_neg + float(margin)).clip(0, None), reduction)


def multilabel_margin_loss(input, target, reduction="mean"):  # noqa: A002
    """``ops.multilabel_margin_loss``: the hinge loss of multi-label classification:
    ``Σ_j Σ_i max(0, 1 − (x[y_j] − x[i])) / C`` over the target classes ``y_j`` (the leading
    entries of `target` before its first ``-1``) and the other classes ``i``.

    Args:
        input (Tensor): ``(N, C)`` or ``(C,)`` floats.
        target (Tensor): Same shape, Int32 class indices padded with ``-1``.
        reduction (str): ``"none"``, ``"mean"`` or ``"sum"``. Default: ``"mean"``.

    Returns:
        Tensor, ``(N,)`` for ``"none"``, else a scalar.

    Raises:
        TypeError: If an argument has the wrong type.
        ValueError: If the shapes differ, a class index is out of range, or `reduction` is not
            one of the three.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[0.1, 0.2, 0.4, 0.8]])
        >>> y = ms.Tensor([[3, 0, -1, 1]], ms.int32)
        >>> print(ops.multilabel_margin_loss(x, y))
        0.85
    """
    from . import array_func
    op = "MultilabelMarginLoss"
    x, y = tensor_arg(op, "input", input), tensor_arg(op, "target", target)
    if x.shape != y.shape or x.ndim not in (1, 2):
        raise ShapeError(f"For '{op}', 'input' and 'target' must have one shape, (N, C) or (C,), "
                         f"but got {tuple(x.shape)} and {tuple(y.shape)}.")
    if y.dtype not in mstype.int_type:
        raise DTypeError(f"For '{op}', 'target' must be an integer tensor, but got {y.dtype}.")
    squeeze = x.ndim == 1
    if squeeze:
        x, y = x.reshape(1, -1), y.reshape(1, -1)
    labels = y.asnumpy()
    c = labels.shape[1]
    if ((labels < -1) | (labels >= c)).any():
        raise ShapeError(f"For '{op}', the target classes must be in [-1, {c}), but got "
                         f"{labels.min()} to {labels.max()}.")
    # The targets before each row's first -1, and which classes they are.
    valid = _np.cumprod(labels >= 0, axis=1).astype(bool)
    is_target = _np.zeros(labels.shape, bool)
    for r, (row, keep) in enumerate(zip(labels, valid)):
        is_target[r, row[keep]] = True
    picked = array_func.gather_elements(x, 1, Tensor(_np.where(valid, labels, 0).astype(_np.int64)))
    pair = (1 - picked.reshape(-1, c, 1) + x.reshape(-1, 1, c)).clip(0, None)
    weight = Tensor((valid[:, :, None] & ~is_target[:, None, :]).astype(_np.float32))
    loss = (pair * weight.astype(x.dtype)).sum((1, 2)) / c
    if squeeze and reduction == "none":
        loss = loss.reshape(())
    return _reduce(op, loss, reduction)


def crop_and_resize(image, boxes, box_indices, crop_size, method="bilinear",
                    extrapolation_value=0.0):
    """``ops.crop_and_resize``: crops of an NHWC batch of images, each resized to `crop_size` by
    bilinear (or nearest) sampling: box ``(y1, x1, y2, x2)`` in normalised coordinates (0 and 1
    the first and last pixel) of image ``box_indices[k]``; samples outside the image are
    `extrapolation_value`. Differentiable in `image`.

    Args:
        image (Tensor): ``(N, H, W, C)``.
        boxes (Tensor): ``(K, 4)`` floats.
        box_indices (Tensor): ``(K,)`` Int32 images of the boxes.
        crop_size (tuple[int]): ``(crop_height, crop_width)``.
        method (str): ``"bilinear"`` or ``"nearest"``. Default: ``"bilinear"``.
        extrapolation_value (float): Default: ``0.0``.

    Returns:
        Tensor, ``(K, crop_height, crop_width, C)`` Float32.

    Raises:
        TypeError: If an argument has the wrong type.
        ValueError: If the shapes do not fit, `method` is neither or an index is out of range.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> img = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 4, 4, 1))
        >>> out = ops.crop_and_resize(img, ms.Tensor([[0., 0., 1., 1.]]),
        ...                           ms.Tensor([0], ms.int32), (2, 2))
        >>> print(out.reshape(2, 2))
        [[ 0.  3.]
         [12. 15.]]
    """
    from . import array_func
    op = "CropAndResize"
    img = tensor_arg(op, "image", image)
    b = tensor_arg(op, "boxes", boxes)
    idx = tensor_arg(op, "box_indices", box_indices)
    if img.ndim != 4 or b.ndim != 2 or b.shape[1] != 4 or idx.shape != (b.shape[0],):
        raise ShapeError(f"For '{op}', 'image' must be (N, H, W, C), 'boxes' (K, 4) and "
                         f"'box_indices' (K,), but got {tuple(img.shape)}, {tuple(b.shape)} and "
                         f"{tuple(idx.shape)}.")
    if method not in ("bilinear", "nearest"):
        raise ShapeError(f"For '{op}', 'method' must be 'bilinear' or 'nearest', but got "
                         f"{method!r}.")
    if not isinstance(crop_size, (tuple, list)) or len(crop_size) != 2 or \
            min(int(v) for v in crop_size) <= 0:
        raise ShapeError(f"For '{op}', 'crop_size' must be two positive ints, but got "
                         f"{crop_size!r}.")
    n, h, w, c = img.shape
    ch, cw = int(crop_size[0]), int(crop_size[1])
    bx = b.asnumpy().astype(_np.float64)
    which = idx.asnumpy().astype(_np.int64)
    if which.size and (which.min() < 0 or which.max() >= n):
        raise ShapeError(f"For '{op}', 'box_indices' must be in [0, {n}), but got "
                         f"{which.min()} to {which.max()}.")

    def coords(lo, hi, size, steps):
        if steps > 1:
            return lo[:, None] * (size - 1) + _np.arange(steps)[None, :] * \
                (hi - lo)[:, None] * (size - 1) / (steps - 1)
        return (0.5 * (lo + hi) * (size - 1))[:, None]

    ys, xs = coords(bx[:, 0], bx[:, 2], h, ch), coords(bx[:, 1], bx[:, 3], w, cw)
    inside = ((ys >= 0) & (ys <= h - 1))[:, :, None] & ((xs >= 0) & (xs <= w - 1))[:, None, :]
    flat = img.astype(mstype.float32).reshape(n * h * w, c)

    def read(yi, xi):
        pos = (which[:, None, None] * h + _np.clip(yi, 0, h - 1)[:, :, None]) * w + \
            _np.clip(xi, 0, w - 1)[:, None, :]
        return array_func.gather(flat, Tensor(pos.reshape(-1)), 0).reshape(len(bx), ch, cw, c)

    if method == "nearest":
        out = read(_np.floor(ys + 0.5).astype(_np.int64), _np.floor(xs + 0.5).astype(_np.int64))
    else:
        y0, x0 = _np.floor(ys).astype(_np.int64), _np.floor(xs).astype(_np.int64)
        wy = Tensor((ys - y0)[:, :, None, None].astype(_np.float32))
        wx = Tensor((xs - x0)[:, None, :, None].astype(_np.float32))
        top = read(y0, x0) * (1 - wx) + read(y0, _np.ceil(xs).astype(_np.int64)) * wx
        bottom = read(_np.ceil(ys).astype(_np.int64), x0) * (1 - wx) + \
            read(_np.ceil(ys).astype(_np.int64), _np.ceil(xs).astype(_np.int64)) * wx
        out = top * (1 - wy) + bottom * wy
    mask = Tensor(inside[:, :, :, None].astype(_np.float32))
    return out * mask + (1 - mask) * float(extrapolation_value)


def ctc_greedy_decoder(inputs, sequence_length, merge_repeated=True):
    """``ops.ctc_greedy_decoder``: the best path of CTC logits: the likeliest class at each step
    within each sequence's length, repeats merged (with `merge_repeated`) and then the blank (the
    last class) removed.

    Args:
        inputs (Tensor): ``(T, B, C)`` logits (log-probabilities).
        sequence_length (Tensor): ``(B,)`` Int32 lengths, at most ``T``.
        merge_repeated (bool): Merge repeated classes. Default: ``True``.

    Returns:
        tuple, ``(decoded_indices (N, 2), decoded_values (N,), decoded_shape (2,),
        log_probability (B, 1))``: a sparse ``(B, longest)`` tensor of the decoded classes
        (Int64) and minus the sum of each sequence's step maxima.

    Raises:
        TypeError: If an argument has the wrong type.
        ValueError: If the shapes do not fit or a length exceeds ``T``.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor(np.array([[[0.6, 0.4]], [[0.7, 0.3]], [[0.1, 0.9]]], np.float32))
        >>> idx, values, shape, logp = ops.ctc_greedy_decoder(x, ms.Tensor([3], ms.int32))
        >>> print(values, shape, logp)
        [0] [1 1] [[-2.1999998]]
    """
    op = "CTCGreedyDecoder"
    x = tensor_arg(op, "inputs", inputs)
    lengths = tensor_arg(op, "sequence_length", sequence_length)
    if x.ndim != 3 or lengths.shape != (x.shape[1],):
        raise ShapeError(f"For '{op}', 'inputs' must be (T, B, C) and 'sequence_length' (B,), but "
                         f"got {tuple(x.shape)} and {tuple(lengths.shape)}.")
    if not isinstance(merge_repeated, bool):
        raise DTypeError(f"For '{op}', 'merge_repeated' must be a bool, but got "
                         f"{type(merge_repeated).__name__}.")
    logits = x.asnumpy()
    ls = lengths.asnumpy().astype(_np.int64)
    t_max, batch, classes = logits.shape
    if ls.size and ls.min() < 0:
        raise ShapeError(f"For '{op}', 'sequence_length' must be in [0, {t_max}], but got "
                         f"{ls.min()} to {ls.max()}.")
    if ls.size and ls.max() > t_max:  # a RuntimeError in MindSpore's kernel, with its words
        b = int(_np.argmax(ls > t_max))
        raise ComputeError(f"For '{op}', sequence_length[{b}] {ls[b]} should be less than {t_max}.")
    best = logits.argmax(-1)
    indices, values, longest = [], [], 0
    logp = _np.zeros((batch, 1), logits.dtype)
    for b in range(batch):
        path = best[:ls[b], b]
        logp[b, 0] = -logits[_np.arange(ls[b]), b, path].sum()
        if merge_repeated and len(path):
            path = path[_np.concatenate([[True], path[1:] != path[:-1]])]
        path = path[path != classes - 1]
        indices += [(b, i) for i in range(len(path))]
        values += path.tolist()
        longest = max(longest, len(path))
    return (Tensor(_np.array(indices, _np.int64).reshape(-1, 2)),
            Tensor(_np.array(values, _np.int64)), Tensor(_np.array([batch, longest], _np.int64)),
            Tensor(logp))


def sparse_segment_mean(x, indices, segment_ids):
    """``ops.sparse_segment_mean``: the mean of the rows ``x[indices[i]]`` of each segment
    ``segment_ids[i]`` (sorted); a segment without rows is zeros. Differentiable in `x`.

    Args:
        x (Tensor): ``(R, ...)`` floats.
        indices (Tensor): ``(N,)`` integer rows of `x`.
        segment_ids (Tensor): ``(N,)`` integer segments, non-decreasing.

    Returns:
        Tensor, ``(max(segment_ids) + 1, ...)``.

    Raises:
        TypeError: If an argument is not a Tensor.
        ValueError: If the shapes differ, the segments decrease or an index is out of range.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor(np.arange(12, dtype=np.float32).reshape(4, 3))
        >>> print(ops.sparse_segment_mean(x, ms.Tensor([0, 1, 3], ms.int32),
        ...                               ms.Tensor([0, 0, 2], ms.int32)))
        [[ 1.5  2.5  3.5]
         [ 0.   0.   0. ]
         [ 9.  10.  11. ]]
    """
    from . import array_func
    op = "SparseSegmentMean"
    x = tensor_arg(op, "x", x)
    idx = tensor_arg(op, "indices", indices).asnumpy().astype(_np.int64)
    seg = tensor_arg(op, "segment_ids", segment_ids).asnumpy().astype(_np.int64)
    if x.ndim < 1 or idx.ndim != 1 or seg.shape != idx.shape:
        raise ShapeError(f"For '{op}', 'indices' and 'segment_ids' must be 1-D of one length, but "
                         f"got {idx.shape} and {seg.shape}.")
    if idx.size and (idx.min() < 0 or idx.max() >= x.shape[0]):
        raise ShapeError(f"For '{op}', 'indices' must be in [0, {x.shape[0]}), but got "
                         f"{idx.min()} to {idx.max()}.")
    if seg.size and (seg.min() < 0 or (_np.diff(seg) < 0).any()):
        raise ShapeError(f"For '{op}', 'segment_ids' must be non-negative and sorted.")
    count = int(seg.max()) + 1 if seg.size else 0
    rows = array_func.gather(x, Tensor(idx), 0)
    totals = _np.bincount(seg, minlength=count).astype(_np.float64)
    sums = array_func.unsorted_segment_sum(rows, Tensor(seg), count)
    scale = Tensor((1.0 / _np.maximum(totals, 1.0)).reshape((count,) + (1,) * (x.ndim - 1)))
    return sums * scale.astype(x.dtype)

"""``mindspore.mint.nn.functional`` convolutions, pooling, padding, resizing and lookups, in
PyTorch's argument order (``padding`` as ints or ``'same'``/``'valid'``; pool ``stride`` defaulting
to the kernel size; Int64 pool indices).

Measured on MindSpore 2.10 (CPU): ``flatten`` (from dim 0) and ``pixel_shuffle`` run; ``conv2d``,
``max_pool2d`` ("Not found op FuncMaxPool2D on device CPU"), ``avg_pool2d``, the adaptive pools,
``pad``, ``interpolate``, ``embedding``, ``one_hot`` and ``unfold`` have no CPU kernel there and
follow the documentation. ``unfold``/``fold`` are grouped (transposed) convolutions with one-hot
kernels, so they are exact and differentiable."""
import numpy as _np

from ... import ops
from ..._errors import ShapeError
from ...common import dtype as mstype
from ...tensor import Tensor
from .. import _shape
from .._wrap import alias, check_index, check_tensor, name_errors


def _conv(op, fn, input, weight, bias, stride, padding, dilation, groups):
    check_tensor(op, "input", input)
    check_tensor(op, "weight", weight)
    if isinstance(padding, str):
        if padding not in ("same", "valid"):
            raise ShapeError(f"For '{op}', padding must be 'same', 'valid' or ints, but got {padding!r}.")
        return fn(input, weight, bias, stride, padding, 0, dilation, groups)
    zero = padding == 0 or (isinstance(padding, (tuple, list)) and not any(padding))
    return fn(input, weight, bias, stride, "valid" if zero else "pad", padding, dilation, groups)


def conv1d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):  # noqa: A002
    """A 1-D convolution (cross-correlation) of (N, C_in, L) by (C_out, C_in / groups, K).

    Args:
        input (Tensor): (N, C_in, L).
        weight (Tensor): (C_out, C_in / groups, K).
        bias (Tensor, optional): (C_out,). Default: ``None``.
        stride (int): The stride. Default: ``1``.
        padding (Union[int, str]): Zeros on both sides, or ``'same'``/``'valid'``. Default: ``0``.
        dilation (int): The kernel's spacing. Default: ``1``.
        groups (int): The channel groups. Default: ``1``.

    Returns:
        Tensor (N, C_out, L_out).

    Examples:
        >>> from mindspore import mint
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.conv1d(mint.ones((1, 1, 4)), mint.ones((1, 1, 2))))
        [[[2. 2. 2.]]]
    """
    return _conv("conv1d", ops.conv1d, input, weight, bias, stride, padding, dilation, groups)


def conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):  # noqa: A002
    """A 2-D convolution (cross-correlation) of (N, C_in, H, W) by (C_out, C_in / groups, kH, kW).

    Args:
        input (Tensor): (N, C_in, H, W).
        weight (Tensor): (C_out, C_in / groups, kH, kW).
        bias (Tensor, optional): (C_out,). Default: ``None``.
        stride (Union[int, tuple[int]]): The stride. Default: ``1``.
        padding (Union[int, tuple[int], str]): Zeros on each side, or ``'same'``/``'valid'``. Default: ``0``.
        dilation (Union[int, tuple[int]]): The kernel's spacing. Default: ``1``.
        groups (int): The channel groups. Default: ``1``.

    Returns:
        Tensor (N, C_out, H_out, W_out).

    Examples:
        >>> from mindspore import mint
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.conv2d(mint.ones((1, 2, 4, 4)), mint.ones((1, 2, 3, 3)), padding=1)[0, 0])
        [[ 8. 12. 12.  8.]
         [12. 18. 18. 12.]
         [12. 18. 18. 12.]
         [ 8. 12. 12.  8.]]
    """
    return _conv("conv2d", ops.conv2d, input, weight, bias, stride, padding, dilation, groups)


def conv3d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1):  # noqa: A002
    """A 3-D convolution of (N, C_in, D, H, W) by (C_out, C_in / groups, kD, kH, kW).

    Args:
        input (Tensor): (N, C_in, D, H, W).
        weight (Tensor): (C_out, C_in / groups, kD, kH, kW).
        bias (Tensor, optional): (C_out,). Default: ``None``.
        stride (Union[int, tuple[int]]): The stride. Default: ``1``.
        padding (Union[int, tuple[int], str]): Zeros on each side, or ``'same'``/``'valid'``. Default: ``0``.
        dilation (Union[int, tuple[int]]): The kernel's spacing. Default: ``1``.
        groups (int): The channel groups. Default: ``1``.

    Returns:
        Tensor (N, C_out, D_out, H_out, W_out).

    Examples:
        >>> from mindspore import mint
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.conv3d(mint.ones((1, 1, 2, 2, 2)), mint.ones((1, 1, 2, 2, 2))).shape)
        (1, 1, 1, 1, 1)
    """
    return _conv("conv3d", ops.conv3d, input, weight, bias, stride, padding, dilation, groups)


@alias(ops.conv_transpose2d)
def conv_transpose2d(input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1,  # noqa: A002
                     dilation=1):
    return ops.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups, dilation)


def max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,  # noqa: A002
               return_indices=False):
    """The maximum over each window of an (N, C, H, W) or (C, H, W) input, and the Int64 flat
    indices (within each H x W plane) when `return_indices`.

    Args:
        input (Tensor): The input.
        kernel_size (Union[int, tuple[int]]): The window.
        stride (Union[int, tuple[int]], optional): The step; None is `kernel_size`. Default: ``None``.
        padding (Union[int, tuple[int]]): Implicit -inf on each side. Default: ``0``.
        dilation (Union[int, tuple[int]]): The window's spacing. Default: ``1``.
        ceil_mode (bool): Whether to round the output size up. Default: ``False``.
        return_indices (bool): Whether to give the indices too. Default: ``False``.

    Returns:
        Tensor, or tuple(Tensor, Tensor).

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> x = ms.Tensor(np.arange(16.0, dtype=np.float32).reshape(1, 1, 4, 4))
        >>> print(F.max_pool2d(x, 2))
        [[[[ 5.  7.]
           [13. 15.]]]]
    """
    check_tensor("max_pool2d", "input", input)
    out = ops.max_pool2d(input, kernel_size, stride if stride is not None else kernel_size, padding,
                         dilation, return_indices, ceil_mode)
    if return_indices:
        return out[0], out[1].astype(mstype.int64)
    return out


def _avg(op, fn, input, kernel_size, stride, padding, ceil_mode, count_include_pad, *extra):
    check_tensor(op, "input", input)
    return fn(input, kernel_size, stride if stride is not None else kernel_size, padding, ceil_mode,
              count_include_pad, *extra)


def avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False,  # noqa: A002
               count_include_pad=True):
    """The mean over each window of an (N, C, L) input.

    Args:
        input (Tensor): The input.
        kernel_size (int): The window.
        stride (int, optional): The step; None is `kernel_size`. Default: ``None``.
        padding (int): Zeros on each side. Default: ``0``.
        ceil_mode (bool): Whether to round the output size up. Default: ``False``.
        count_include_pad (bool): Whether padding counts in the mean. Default: ``True``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.avg_pool1d(ms.Tensor([[[1.0, 2.0, 3.0, 4.0]]]), 2))
        [[[1.5 3.5]]]
    """
    return _avg("avg_pool1d", ops.avg_pool1d, input, kernel_size, stride, padding, ceil_mode,
                count_include_pad)


def avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False,  # noqa: A002
               count_include_pad=True, divisor_override=None):
    """The mean over each window of an (N, C, H, W) input.

    Args:
        input (Tensor): The input.
        kernel_size (Union[int, tuple[int]]): The window.
        stride (Union[int, tuple[int]], optional): The step; None is `kernel_size`. Default: ``None``.
        padding (Union[int, tuple[int]]): Zeros on each side. Default: ``0``.
        ceil_mode (bool): Whether to round the output size up. Default: ``False``.
        count_include_pad (bool): Whether padding counts in the mean. Default: ``True``.
        divisor_override (int, optional): A divisor in place of the window size. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> x = ms.Tensor(np.arange(16.0, dtype=np.float32).reshape(1, 1, 4, 4))
        >>> print(F.avg_pool2d(x, 2))
        [[[[ 2.5  4.5]
           [10.5 12.5]]]]
    """
    return _avg("avg_pool2d", ops.avg_pool2d, input, kernel_size, stride, padding, ceil_mode,
                count_include_pad, divisor_override or 0)


def avg_pool3d(input, kernel_size, stride=None, padding=0, ceil_mode=False,  # noqa: A002
               count_include_pad=True, divisor_override=None):
    """The mean over each window of an (N, C, D, H, W) input.

    Args:
        input (Tensor): The input.
        kernel_size (Union[int, tuple[int]]): The window.
        stride (Union[int, tuple[int]], optional): The step; None is `kernel_size`. Default: ``None``.
        padding (Union[int, tuple[int]]): Zeros on each side. Default: ``0``.
        ceil_mode (bool): Whether to round the output size up. Default: ``False``.
        count_include_pad (bool): Whether padding counts in the mean. Default: ``True``.
        divisor_override (int, optional): A divisor in place of the window size. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> from mindspore import mint
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.avg_pool3d(mint.ones((1, 1, 2, 2, 2)), 2).shape)
        (1, 1, 1, 1, 1)
    """
    return _avg("avg_pool3d", ops.avg_pool3d, input, kernel_size, stride, padding, ceil_mode,
                count_include_pad, divisor_override or 0)


@alias(ops.adaptive_avg_pool2d)
def adaptive_avg_pool2d(input, output_size):  # noqa: A002
    return ops.adaptive_avg_pool2d(input, output_size)


@alias(ops.adaptive_avg_pool3d)
def adaptive_avg_pool3d(input, output_size):  # noqa: A002
    return ops.adaptive_avg_pool3d(input, output_size)


def adaptive_avg_pool1d(input, output_size):  # noqa: A002
    """Means over `output_size` adaptive windows of the last dim of (N, C, L) or (C, L).

    Args:
        input (Tensor): The input.
        output_size (int): The output length.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.adaptive_avg_pool1d(ms.Tensor([[[1.0, 2.0, 3.0, 4.0]]]), 2))
        [[[1.5 3.5]]]
    """
    check_tensor("adaptive_avg_pool1d", "input", input)
    idx, mask = _windows_1d("adaptive_avg_pool1d", input, output_size)
    rows = _gather_windows(input, idx)
    weights = ops.cast(Tensor(mask / mask.sum(-1, keepdims=True)), input.dtype)
    return (rows * weights).sum(-1)


def _windows_1d(op, input, output_size):  # noqa: A002
    """The adaptive windows of the last dim of ``input`` (PyTorch's: output ``i`` covers
    ``[floor(i L / n), ceil((i + 1) L / n))``) as an index matrix (n, k), each row padded with its
    last index to the longest window's length k, and the mask of the real entries. NumPy index
    arithmetic, so a huge `output_size` is a size error at once (no loop per output element)."""
    size = output_size[0] if isinstance(output_size, (tuple, list)) and len(output_size) == 1 else output_size
    if isinstance(size, bool) or not isinstance(size, int) or size <= 0:
        raise ShapeError(f"For '{op}', 'output_size' must be a positive int, but got {output_size!r}.")
    if input.ndim not in (2, 3):
        raise ShapeError(f"For '{op}', the input must be 2-D or 3-D ((C, L) or (N, C, L)), but got "
                         f"shape {tuple(input.shape)}.")
    n = input.shape[-1]
    if n == 0:
        raise ShapeError(f"For '{op}', the input's last dim must not be empty.")
    i = _np.arange(size, dtype=_np.int64)
    start, stop = (i * n) // size, -((-(i + 1) * n) // size)
    k = int((stop - start).max())
    offsets = _np.arange(k, dtype=_np.int64)
    idx = _np.minimum(start[:, None] + offsets, stop[:, None] - 1)
    return idx, (offsets < (stop - start)[:, None]).astype(_np.float64)


def _gather_windows(input, idx):  # noqa: A002
    """``input[..., idx]``: the windows of the last dim, shape ``lead + idx.shape``."""
    flat = ops.gather(input, Tensor(idx.reshape(-1)), input.ndim - 1)
    return flat.reshape(tuple(input.shape[:-1]) + idx.shape)


def adaptive_max_pool2d(input, output_size, return_indices=False):  # noqa: A002
    """Maxima over adaptive windows of (N, C, H, W), with Int64 flat indices when asked.

    Args:
        input (Tensor): The input.
        output_size (Union[int, tuple[int]]): The output (H, W).
        return_indices (bool): Whether to give the indices too. Default: ``False``.

    Returns:
        Tensor, or tuple(Tensor, Tensor).

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> x = ms.Tensor(np.arange(16.0, dtype=np.float32).reshape(1, 1, 4, 4))
        >>> print(F.adaptive_max_pool2d(x, 1))
        [[[[15.]]]]
    """
    check_tensor("adaptive_max_pool2d", "input", input)
    if not return_indices:
        return ops.adaptive_max_pool2d(input, output_size)
    oh, ow = _pair(output_size)
    h, w = input.shape[-2:]
    oh, ow = oh or h, ow or w
    lead = tuple(input.shape[:-2])
    values, indices = [], []
    for i in range(oh):  # PyTorch's windows: [floor(i H / oh), ceil((i + 1) H / oh))
        h0, h1 = (i * h) // oh, -((-(i + 1) * h) // oh)
        for j in range(ow):
            w0, w1 = (j * w) // ow, -((-(j + 1) * w) // ow)
            v, k = ops.max(input[..., h0:h1, w0:w1].reshape(lead + (-1,)), -1)
            values.append(v)
            indices.append((k // (w1 - w0) + h0) * w + k % (w1 - w0) + w0)
    out = ops.stack(values, -1).reshape(lead + (oh, ow))
    return out, ops.stack(indices, -1).reshape(lead + (oh, ow)).astype(mstype.int64)


def adaptive_max_pool1d(input, output_size, return_indices=False):  # noqa: A002
    """Maxima over adaptive windows of the last dim of (N, C, L) or (C, L).

    Args:
        input (Tensor): The input.
        output_size (int): The output length.
        return_indices (bool): Whether to give the Int64 indices too. Default: ``False``.

    Returns:
        Tensor, or tuple(Tensor, Tensor).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.adaptive_max_pool1d(ms.Tensor([[[1.0, 4.0, 3.0, 2.0]]]), 2))
        [[[4. 3.]]]
    """
    check_tensor("adaptive_max_pool1d", "input", input)
    idx, _ = _windows_1d("adaptive_max_pool1d", input, output_size)
    values, where = ops.max(_gather_windows(input, idx), -1)  # a padded entry repeats a real one
    if not return_indices:
        return values
    picked = ops.gather(Tensor(idx.reshape(-1)), where.astype(mstype.int64) + Tensor(
        _np.arange(idx.shape[0], dtype=_np.int64) * idx.shape[1]), 0)
    return values, picked


@alias(ops.max_unpool2d)
def max_unpool2d(input, indices, kernel_size, stride=None, padding=0, output_size=None):  # noqa: A002
    return ops.max_unpool2d(input, indices, kernel_size, stride, padding, output_size)


def pad(input, pad, mode="constant", value=None):  # noqa: A002
    """`input` padded: `pad` lists (left, right) amounts from the last dim backwards.

    Args:
        input (Tensor): The input.
        pad (tuple[int]): Pairs of amounts, last dim first (negative crops).
        mode (str): ``'constant'``, ``'reflect'``, ``'replicate'`` or ``'circular'``. Default: ``'constant'``.
        value (float, optional): The constant; None is 0. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.pad(ms.Tensor([[1.0, 2.0]]), (1, 2), value=9.0))
        [[9. 1. 2. 9. 9.]]
    """
    check_tensor("pad", "input", input)
    return ops.pad(input, tuple(pad), mode, value)


@alias(ops.interpolate)
def interpolate(input, size=None, scale_factor=None, mode="nearest", align_corners=None,  # noqa: A002
                recompute_scale_factor=None):
    return ops.interpolate(input, size, scale_factor, mode, align_corners, recompute_scale_factor)


def upsample(input, size=None, scale_factor=None, mode="nearest", align_corners=None):  # noqa: A002
    """:func:`interpolate` without ``recompute_scale_factor``.

    Args:
        input (Tensor): (N, C, ...) input.
        size (Union[int, tuple[int]], optional): The output size. Default: ``None``.
        scale_factor (Union[float, tuple[float]], optional): The scale. Default: ``None``.
        mode (str): ``'nearest'``, ``'linear'``, ``'bilinear'``, ``'bicubic'``... Default: ``'nearest'``.
        align_corners (bool, optional): Whether corner pixels align. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.upsample(ms.Tensor([[[1.0, 2.0]]]), scale_factor=2.0))
        [[[1. 1. 2. 2.]]]
    """
    return ops.interpolate(input, size, scale_factor, mode, align_corners)


def embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0,  # noqa: A002
              scale_grad_by_freq=False):
    """The rows of `weight` at the integer indices `input`; the row `padding_idx` gets no gradient,
    and with `max_norm` the looked-up rows of `weight` are renormalised in place first.

    Args:
        input (Tensor): Integer indices.
        weight (Tensor): (num_embeddings, embedding_dim).
        padding_idx (int, optional): A row without gradient. Default: ``None``.
        max_norm (float, optional): The largest `norm_type` norm of a looked-up row. Default: ``None``.
        norm_type (float): The norm of `max_norm`. Default: ``2.0``.
        scale_grad_by_freq (bool): Accepted; gradients are not rescaled. Default: ``False``.

    Returns:
        Tensor of shape ``input.shape + (embedding_dim,)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.embedding(ms.Tensor([1, 0]), ms.Tensor([[1.0, 2.0], [3.0, 4.0]])))
        [[3. 4.]
         [1. 2.]]
    """
    check_index("embedding", "input", input)
    check_tensor("embedding", "weight", weight)
    n = weight.shape[0]
    if padding_idx is not None:
        if not -n <= padding_idx < n:
            raise ShapeError(f"For 'embedding', padding_idx must be in [{-n}, {n}), but got {padding_idx}.")
        rows = ops.arange(n).reshape(-1, 1) == padding_idx % n
        weight = ops.where(rows, ops.stop_gradient(weight), weight)
    if max_norm is not None:
        used = ops.zeros((n,), mstype.bool_)
        used = ops.scatter(used.astype(mstype.int32), 0, input.reshape(-1).astype(mstype.int64),
                           ops.ones((input.size,), mstype.int32)) > 0
        norms = ops.vector_norm(weight, norm_type, 1, True)
        scale = ops.where(used.reshape(-1, 1) & (norms > max_norm), max_norm / (norms + 1e-7), 1.0)
        renormed = ops.stop_gradient(weight * scale)
        weight.copy_(renormed)
        weight = renormed
    return ops.gather(weight, input, 0)


def one_hot(tensor, num_classes=-1):
    """Int64 one-hot vectors of the integer `tensor` (``num_classes=-1``: the largest value + 1).

    Args:
        tensor (Tensor): Non-negative integer class indices.
        num_classes (int): The classes; -1 infers them. Default: ``-1``.

    Returns:
        Int64 Tensor of shape ``tensor.shape + (num_classes,)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.one_hot(ms.Tensor([0, 2])))
        [[1 0 0]
         [0 0 1]]
    """
    check_index("one_hot", "tensor", tensor)
    if num_classes == -1:
        num_classes = int(tensor.max()) + 1 if tensor.size else 0
    return ops.one_hot(tensor, num_classes, 1, 0).astype(mstype.int64)


def flatten(input, start_dim=0, end_dim=-1):  # noqa: A002
    """Alias of :func:`mindspore.mint.flatten`.

    Args:
        input (Tensor): The input.
        start_dim (int): The first dim merged. Default: ``0``.
        end_dim (int): The last dim merged. Default: ``-1``.

    Returns:
        Tensor.

    Examples:
        >>> from mindspore import mint
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.flatten(mint.ones((2, 3, 4)), 1).shape)
        (2, 12)
    """
    return _shape.flatten(input, start_dim, end_dim)


@alias(ops.pixel_shuffle)
def pixel_shuffle(input, upscale_factor):  # noqa: A002
    return ops.pixel_shuffle(input, upscale_factor)


def _pair(v):
    return tuple(v) if isinstance(v, (tuple, list)) else (v, v)


def _patch_kernel(channels, kh, kw, dtype):
    """(C * kh * kw, 1, kh, kw) one-hot kernels: output channel c * kh * kw + k picks tap k of c."""
    eye = ops.eye(kh * kw, kh * kw, dtype).reshape(kh * kw, 1, kh, kw)
    return ops.tile(eye, (channels, 1, 1, 1))


def unfold(input, kernel_size, dilation=1, padding=0, stride=1):  # noqa: A002
    """Sliding blocks of an (N, C, H, W) input as columns (im2col): (N, C * kh * kw, L).

    Args:
        input (Tensor): (N, C, H, W).
        kernel_size (Union[int, tuple[int]]): The block.
        dilation (Union[int, tuple[int]]): The block's spacing. Default: ``1``.
        padding (Union[int, tuple[int]]): Zeros on each side. Default: ``0``.
        stride (Union[int, tuple[int]]): The step. Default: ``1``.

    Returns:
        Tensor.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore.mint.nn import functional as F
        >>> x = ms.Tensor(np.arange(9.0, dtype=np.float32).reshape(1, 1, 3, 3))
        >>> print(F.unfold(x, 2))
        [[[0. 1. 3. 4.]
          [1. 2. 4. 5.]
          [3. 4. 6. 7.]
          [4. 5. 7. 8.]]]
    """
    check_tensor("unfold", "input", input)
    if input.ndim != 4:
        raise ShapeError(f"For 'unfold', the input must be 4-D, but got shape {tuple(input.shape)}.")
    kh, kw = _pair(kernel_size)
    c = input.shape[1]
    w = _patch_kernel(c, kh, kw, input.dtype)
    out = conv2d(input, w, None, _pair(stride), _pair(padding), _pair(dilation), c)
    return out.reshape(input.shape[0], c * kh * kw, -1)


def fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1):  # noqa: A002
    """Sums columns of blocks (N, C * kh * kw, L) back into an (N, C, H, W) image (col2im), the
    adjoint of :func:`unfold`.

    Args:
        input (Tensor): (N, C * kh * kw, L).
        output_size (Union[int, tuple[int]]): The image's (H, W).
        kernel_size (Union[int, tuple[int]]): The block.
        dilation (Union[int, tuple[int]]): The block's spacing. Default: ``1``.
        padding (Union[int, tuple[int]]): Zeros on each side. Default: ``0``.
        stride (Union[int, tuple[int]]): The step. Default: ``1``.

    Returns:
        Tensor.

    Examples:
        >>> from mindspore import mint
        >>> from mindspore.mint.nn import functional as F
        >>> print(F.fold(mint.ones((1, 4, 4)), (3, 3), 2))
        [[[[1. 2. 1.]
           [2. 4. 2.]
           [1. 2. 1.]]]]
    """
    check_tensor("fold", "input", input)
    kh, kw = _pair(kernel_size)
    (oh, ow), (sh, sw), (ph, pw), (dh, dw) = (_pair(output_size), _pair(stride), _pair(padding),
                                              _pair(dilation))
    if input.ndim != 3 or input.shape[1] % (kh * kw):
        raise ShapeError(f"For 'fold', the input must be (N, C * {kh * kw}, L), but got shape "
                         f"{tuple(input.shape)}.")
    c = input.shape[1] // (kh * kw)
    bh = (oh + 2 * ph - dh * (kh - 1) - 1) // sh + 1
    bw = (ow + 2 * pw - dw * (kw - 1) - 1) // sw + 1
    if bh * bw != input.shape[2]:
        raise ShapeError(f"For 'fold', expected {bh * bw} blocks for output_size {(oh, ow)}, but got "
                         f"{input.shape[2]}.")
    cols = input.reshape(input.shape[0], c * kh * kw, bh, bw)
    w = _patch_kernel(c, kh, kw, input.dtype)
    full_h = (bh - 1) * sh + dh * (kh - 1) + 1
    full_w = (bw - 1) * sw + dw * (kw - 1) + 1
    img = ops.conv_transpose2d(cols, w, None, (sh, sw), 0, 0, c, (dh, dw))
    img = ops.pad(img, (0, ow + 2 * pw - full_w, 0, oh + 2 * ph - full_h))
    return img[:, :, ph:ph + oh, pw:pw + ow]


NAMES = ("conv1d", "conv2d", "conv3d", "conv_transpose2d", "max_pool2d", "avg_pool1d", "avg_pool2d",
         "avg_pool3d", "adaptive_avg_pool1d", "adaptive_avg_pool2d", "adaptive_avg_pool3d",
         "adaptive_max_pool1d", "adaptive_max_pool2d", "max_unpool2d", "pad", "interpolate",
         "upsample", "embedding", "one_hot", "flatten", "pixel_shuffle", "unfold", "fold")
__all__ = list(NAMES)

name_errors(globals(), NAMES)

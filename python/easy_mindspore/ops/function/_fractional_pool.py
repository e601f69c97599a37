"""``ops.fractional_max_pool2d`` and ``ops.fractional_max_pool3d`` (Graham, "Fractional
Max-Pooling"): max pooling over windows of a fixed size whose starts advance by a fractional
stride, drawn per batch element and channel from ``_random_samples`` (uniform in ``[0, 1)`` when
not given).

Along an axis of size ``n`` pooled to ``m`` outputs by windows of ``k``, with ``α = (n − k)/(m −
1)`` (Float32, as MindSpore's and PyTorch's kernels compute it) and the sample ``u``, output ``i <
m − 1`` starts at ``⌊(i + u)·α⌋ − ⌊u·α⌋`` and the last at ``n − k``. The samples' last axis holds
one per pooled axis in MindSpore's (and PyTorch's) order: width then height in 2-D, depth, height
then width in 3-D. A
gather of the windows and a max, so differentiable; the indices are flat positions into the
pooled axes (``H·W`` or ``D·H·W``) of the first maximum of each window, Int64."""
import numpy as _np

from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from ._args import bool_arg, tensor_arg

__all__ = ["fractional_max_pool2d", "fractional_max_pool3d"]


def _sizes(op, name, v, rank):
    if isinstance(v, bool) or not isinstance(v, (int, tuple, list)):
        raise DTypeError(f"For '{op}', '{name}' must be an int or a tuple of {rank} ints, but got {v!r}.")
    t = (v,) * rank if isinstance(v, int) else tuple(v)
    if len(t) != rank or any(isinstance(d, bool) or not isinstance(d, int) or d <= 0 for d in t):
        raise ShapeError(f"For '{op}', '{name}' must be a positive int or {rank} positive ints, but got {v!r}.")
    return t


def _output_size(op, spatial, kernel, output_size, output_ratio):
    rank = len(spatial)
    if output_size is None and output_ratio is None:
        raise ShapeError(f"For {op}, 'output_size' and 'output_ratio' can not be None at the same time, but "
                         "got None and None.")
    if output_size is not None:
        out = _sizes(op, "output_size", output_size, rank)
    else:
        ratio = (output_ratio,) * rank if isinstance(output_ratio, (int, float)) else tuple(output_ratio)
        if len(ratio) != rank:
            raise ShapeError(f"For '{op}', 'output_ratio' must hold {rank} floats, but got {output_ratio!r}.")
        for i, r in enumerate(ratio):
            if isinstance(r, bool) or not isinstance(r, (int, float)) or not 0.0 < r < 1.0:
                raise ShapeError(f"For '{op}', the 'output_ratio[{i}]' must be in range of (0.0, 1.0), but got "
                                 f"{r!r}.")
        out = tuple(int(n * r) for n, r in zip(spatial, ratio))
    names = ("depth", "height", "width")[3 - rank:]
    for name, n, k, m in zip(names, spatial, kernel, out):
        if m < 1 or k + m - 1 > n:
            raise ShapeError(f"For '{op}', kernel {name} {k} + output {name} {m} too large relative to input "
                             f"{name} {n}: the rule is kernel + output - 1 <= input.")
    return out


def _starts(samples, n, k, m):
    """The window starts along one axis for each sample (a float32 array of any shape)."""
    if m == 1:
        return _np.full(samples.shape + (1,), n - k, _np.int64)
    alpha = _np.float32(n - k) / _np.float32(m - 1)
    i = _np.arange(m - 1, dtype=_np.float32)
    u = samples[..., None].astype(_np.float32)
    starts = (_np.floor((i + u) * alpha) - _np.floor(u * alpha)).astype(_np.int64)
    last = _np.full(samples.shape + (1,), n - k, _np.int64)
    return _np.concatenate([starts, last], -1)


def _pool(op, input, kernel_size, output_size, output_ratio, return_indices, _random_samples, rank):
    from .. import functional as F
    tensor_arg(op, "input", input)
    bool_arg(op, "return_indices", return_indices)
    if input.ndim not in (rank + 1, rank + 2):
        raise ShapeError(f"For '{op}', 'input' must be {rank + 1}-D or {rank + 2}-D, but got shape "
                         f"{list(input.shape)}.")
    if input.dtype not in mstype.float_type and input.dtype not in mstype.int_type:
        raise DTypeError(f"For '{op}', 'input' must be of a float or int dtype, but got {input.dtype}.")
    batched = input.ndim == rank + 2
    x = input if batched else input.expand_dims(0)
    n, c = x.shape[:2]
    spatial = tuple(x.shape[2:])
    kernel = _sizes(op, "kernel_size", kernel_size, rank)
    out = _output_size(op, spatial, kernel, output_size, output_ratio)
    if _random_samples is None:
        samples = F.rand((n, c, rank)).asnumpy()
    else:
        tensor_arg(op, "_random_samples", _random_samples)
        if _random_samples.dtype not in mstype.float_type:
            raise DTypeError(f"For '{op}', '_random_samples' must be a float tensor, but got "
                             f"{_random_samples.dtype}.")
        if tuple(_random_samples.shape) != (n, c, rank):
            raise ShapeError(f"For '{op}', '_random_samples' must be of shape [{n}, {c}, {rank}] (batch, "
                             f"channels, one per pooled axis), but got {list(_random_samples.shape)}.")
        samples = _random_samples.asnumpy()
    # The sample of each pooled axis: (width, height) in 2-D, (depth, height, width) in 3-D.
    sample_of = (1, 0) if rank == 2 else (0, 1, 2)
    starts = [_starts(samples[..., sample_of[a]], spatial[a], kernel[a], out[a]) for a in range(rank)]
    # Flat positions (into the pooled axes) of every window element: [n, c, *out, prod(kernel)].
    strides = [int(_np.prod(spatial[a + 1:])) for a in range(rank)]
    flat = _np.zeros((n, c) + out + tuple(kernel), _np.int64)
    for a in range(rank):
        start = starts[a].reshape((n, c) + tuple(out[a] if b == a else 1 for b in range(rank)) + (1,) * rank)
        offset = _np.arange(kernel[a]).reshape(tuple(kernel[a] if b == a else 1 for b in range(rank)))
        flat = flat + (start + offset) * strides[a]
    flat = flat.reshape(n, c, -1)
    windows = F.gather_elements(x.reshape(n, c, -1), 2, Tensor(flat, mstype.int64))
    windows = windows.reshape((n, c) + out + (int(_np.prod(kernel)),))
    values = F.amax(windows, -1)
    if not batched:
        values = values.squeeze(0)
    if not return_indices:
        return values
    which = windows.argmax(-1).asnumpy()
    positions = _np.take_along_axis(flat.reshape((n, c) + out + (-1,)), which[..., None], -1)[..., 0]
    indices = Tensor(positions if batched else positions[0], mstype.int64)
    return values, indices


def fractional_max_pool2d(input, kernel_size, output_size=None, output_ratio=None,  # noqa: A002
                          return_indices=False, _random_samples=None):
    """Fractional max pooling over the last two axes of a ``(C, H, W)`` or ``(N, C, H, W)``
    tensor: ``kernel_size`` windows whose starts advance by ``(H − kh)/(oh − 1)`` (and the same
    along the width), shifted per batch element and channel by ``_random_samples``.

    Args:
        input (Tensor): ``(C, H, W)`` or ``(N, C, H, W)``, float or int.
        kernel_size (Union[int, tuple[int, int]]): The window's height and width.
        output_size (Union[int, tuple[int, int]], optional): ``(oh, ow)``; ``kernel + output − 1``
            may not exceed the input's size. Default: ``None``.
        output_ratio (Union[float, tuple[float, float]], optional): The output's size as a
            fraction in ``(0, 1)`` of the input's, if `output_size` is None. Default: ``None``.
        return_indices (bool, optional): Also return the maxima's flat positions in ``H·W``.
            Default: ``False``.
        _random_samples (Tensor, optional): ``(N, C, 2)`` floats, the width's sample then the
            height's; uniform in ``[0, 1)`` when None. Default: ``None``.

    Returns:
        Tensor, ``(N, C, oh, ow)`` (``(C, oh, ow)``); with `return_indices`, also their Int64
        indices.

    Raises:
        TypeError: `input` not a Tensor, of another dtype; bad argument types.
        ValueError: both sizes None, a ratio outside ``(0, 1)``, an output too large for the
            kernel and input, samples of the wrong shape.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor(np.arange(42, dtype=np.float32).reshape(1, 1, 6, 7) % 11)
        >>> y, idx = ops.fractional_max_pool2d(x, 2, output_size=(3, 4), return_indices=True,
        ...                                    _random_samples=ms.Tensor([[[0.3, 0.7]]]))
        >>> print(y)
        [[[[ 8. 10. 10.  6.]
           [10.  6.  7.  9.]
           [ 7.  9. 10.  8.]]]]
        >>> print(idx)
        [[[[ 8 10 10  6]
           [21 17 18 20]
           [29 31 32 41]]]]
    """
    return _pool("fractional_max_pool2d", input, kernel_size, output_size, output_ratio, return_indices,
                 _random_samples, 2)


def fractional_max_pool3d(input, kernel_size, output_size=None, output_ratio=None,  # noqa: A002
                          return_indices=False, _random_samples=None):
    """Fractional max pooling over the last three axes of a ``(C, D, H, W)`` or ``(N, C, D, H,
    W)`` tensor (see ``fractional_max_pool2d``).

    Args:
        input (Tensor): ``(C, D, H, W)`` or ``(N, C, D, H, W)``, float or int.
        kernel_size (Union[int, tuple[int, int, int]]): The window's depth, height and width.
        output_size (Union[int, tuple[int, int, int]], optional): ``(od, oh, ow)``. Default:
            ``None``.
        output_ratio (Union[float, tuple[float, float, float]], optional): The output's size as a
            fraction in ``(0, 1)`` of the input's, if `output_size` is None. Default: ``None``.
        return_indices (bool, optional): Also return the maxima's flat positions in ``D·H·W``.
            Default: ``False``.
        _random_samples (Tensor, optional): ``(N, C, 3)`` floats, the depth's, height's and
            width's samples; uniform in ``[0, 1)`` when None. Default: ``None``.

    Returns:
        Tensor, ``(N, C, od, oh, ow)`` (without `N` for 4-D input); with `return_indices`, also
        their Int64 indices.

    Raises:
        TypeError: `input` not a Tensor, of another dtype; bad argument types.
        ValueError: both sizes None, a ratio outside ``(0, 1)``, an output too large for the
            kernel and input, samples of the wrong shape.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor(np.arange(120, dtype=np.float32).reshape(1, 1, 4, 5, 6) % 7)
        >>> y, idx = ops.fractional_max_pool3d(x, 2, output_size=(2, 3, 3), return_indices=True,
        ...                                    _random_samples=ms.Tensor([[[0.3, 0.7, 0.5]]]))
        >>> print(idx[0, 0, 0])
        [[ 6 33 34]
         [ 6 39 41]
         [48 20 53]]
    """
    return _pool("fractional_max_pool3d", input, kernel_size, output_size, output_ratio, return_indices,
                 _random_samples, 3)

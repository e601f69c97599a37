"""Small layers of MindSpore 2.x's ``nn`` that are one or two engine ops each: channel dropout
(``Dropout1d/2d/3d``), reshaping and shuffling (``Unflatten``, ``PixelShuffle``,
``PixelUnshuffle``, ``ChannelShuffle``), ``Softmax2d``, and the cell forms of math ops (``Tril``,
``Triu``, ``Roll``, ``OneHot``, ``Norm``, ``MatMul``, ``ReduceLogSumExp``, ``Moments``). All are
compositions of differentiable ops; argument checks happen at construction, as MindSpore's."""
import numpy as _np

from .. import ops as _ops
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from .._tensor_extremes import reduce_max as _reduce_max
from ..common import dtype as mstype
from .cell import Cell
from ..ops.function._args import bool_arg as _bool, int_arg as _int

__all__ = ["Dropout1d", "Dropout2d", "Dropout3d", "Unflatten", "Softmax2d", "Tril", "Triu", "Roll",
           "OneHot", "PixelShuffle", "PixelUnshuffle", "ChannelShuffle", "Norm", "MatMul",
           "ReduceLogSumExp", "Moments", "MatrixDiag", "MatrixDiagPart", "MatrixSetDiag"]

_FLOATS = (mstype.float16, mstype.float32, mstype.float64, mstype.bfloat16)


def _tensor(op, x, what="the input"):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', {what} must be a Tensor, but got {type(x).__name__}.")
    return x


def _axes(op, axis, allowed=(int, tuple, list)):
    """An int or a tuple/list of ints, as a tuple."""
    if isinstance(axis, bool) or not isinstance(axis, allowed + (_np.integer,)):
        names = [t.__name__ for t in allowed]
        raise DTypeError(f"For '{op}', 'axis' must be one of {names}, but got "
                         f"{type(axis).__name__}.")
    axes = (axis,) if isinstance(axis, (int, _np.integer)) else tuple(axis)
    return tuple(_int(op, "axis", a) for a in axes)


class _ChannelDropout(Cell):
    """Zeroes whole channels (all of ``x[n, c]``) with probability ``p`` while training and
    scales the kept ones by ``1/(1-p)``: a dropout mask of shape ``[N, C, 1, ...]`` times ``x``."""

    _ranks = (4,)

    def __init__(self, p=0.5):
        super().__init__()
        op = type(self).__name__
        if not isinstance(p, float):
            raise DTypeError(f"For '{op}', 'p' must be a float, but got {type(p).__name__}.")
        if not 0.0 <= p <= 1.0:
            raise ShapeError(f"For '{op}', 'p' must be in [0, 1], but got {p}.")
        self.p = p

    def construct(self, x):
        op = type(self).__name__
        _tensor(op, x)
        if x.ndim not in self._ranks:
            want = " or ".join(f"{r}-D" for r in self._ranks)
            raise ShapeError(f"For '{op}', the input must be {want}, but got shape "
                             f"{list(x.shape)}.")
        if not self.training or self.p == 0.0:
            return x
        lead = 1 if x.ndim == self._ranks[0] and len(self._ranks) > 1 else 2
        mask_shape = tuple(x.shape[:lead]) + (1,) * (x.ndim - lead)
        mask = _ops.dropout(_ops.ones(mask_shape, mstype.float32), p=self.p, training=True)
        return x * mask.astype(x.dtype)


class Dropout1d(_ChannelDropout):
    r"""While training, zeroes each channel of an :math:`(N, C, L)` (or :math:`(C, L)`) input with
    probability `p` and scales the kept channels by :math:`\frac{1}{1-p}`; the identity in
    evaluation mode (the default state of a new cell).

    Args:
        p (float, optional): The probability of zeroing a channel, in [0, 1]. Default: ``0.5``.

    Inputs:
        - **x** (Tensor) - 2-D or 3-D, :math:`(C, L)` or :math:`(N, C, L)`.

    Outputs:
        Tensor, of the shape and dtype of `x`.

    Raises:
        TypeError: If `p` is not a float, or `x` is not a Tensor.
        ValueError: If `p` is not in [0, 1], or `x` is not 2-D or 3-D.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.ones((4, 3, 5), np.float32))
        >>> net = nn.Dropout1d(p=0.5)
        >>> net.set_train()
        Dropout1d()
        >>> out = net(x).asnumpy()
        >>> print(sorted(set(out.ravel().tolist())) in ([0.0, 2.0], [0.0], [2.0]))
        True
        >>> print(out.shape)
        (4, 3, 5)
    """

    _ranks = (2, 3)

    def __repr__(self):
        return "Dropout1d()"


class Dropout2d(_ChannelDropout):
    r"""While training, zeroes each channel (each :math:`H \times W` plane) of an
    :math:`(N, C, H, W)` input with probability `p` and scales the kept channels by
    :math:`\frac{1}{1-p}`; the identity in evaluation mode.

    Args:
        p (float, optional): The probability of zeroing a channel, in [0, 1]. Default: ``0.5``.

    Inputs:
        - **x** (Tensor) - 4-D, :math:`(N, C, H, W)`.

    Outputs:
        Tensor, of the shape and dtype of `x`.

    Raises:
        TypeError: If `p` is not a float, or `x` is not a Tensor.
        ValueError: If `p` is not in [0, 1], or `x` is not 4-D.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.Dropout2d(p=0.75)
        >>> net.set_train()
        Dropout2d(p=0.25)
        >>> out = net(ms.Tensor(np.ones((8, 16, 2, 2), np.float32))).asnumpy()
        >>> print(sorted(set(out.ravel().tolist())))
        [0.0, 4.0]
    """

    _ranks = (4,)

    def __repr__(self):
        # MindSpore 2.10 prints the keep probability under the name p.
        return f"{type(self).__name__}(p={1.0 - self.p:g})"


class Dropout3d(Dropout2d):
    r"""While training, zeroes each channel (each :math:`D \times H \times W` volume) of an
    :math:`(N, C, D, H, W)` input with probability `p` and scales the kept channels by
    :math:`\frac{1}{1-p}`; the identity in evaluation mode.

    Args:
        p (float, optional): The probability of zeroing a channel, in [0, 1]. Default: ``0.5``.

    Inputs:
        - **x** (Tensor) - 5-D, :math:`(N, C, D, H, W)`.

    Outputs:
        Tensor, of the shape and dtype of `x`.

    Raises:
        TypeError: If `p` is not a float, or `x` is not a Tensor.
        ValueError: If `p` is not in [0, 1], or `x` is not 5-D.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> net = nn.Dropout3d(p=0.5)
        >>> print(net(ms.Tensor(np.ones((1, 2, 1, 1, 2), np.float32))))
        [[[[[1. 1.]]]
        <BLANKLINE>
        <BLANKLINE>
          [[[1. 1.]]]]]
    """

    _ranks = (5,)


class Unflatten(Cell):
    r"""Splits axis `axis` of the input into the shape `unflattened_size` (one entry may be -1).

    Args:
        axis (int): The axis to split.
        unflattened_size (Union[tuple[int], list[int]]): The new sizes; their product must be the
            size of `axis`.

    Inputs:
        - **input_x** (Tensor) - The input.

    Outputs:
        Tensor of the input's dtype, of shape
        ``input_x.shape[:axis] + unflattened_size + input_x.shape[axis + 1:]``.

    Raises:
        TypeError: If `axis` is not an int, or `unflattened_size` is not a tuple or a list.
        ValueError: If `unflattened_size` does not fit the size of `axis`, or `axis` is out of
            range.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
        >>> print(nn.Unflatten(2, (2, -1))(x).shape)
        (2, 3, 2, 2)
        >>> print(nn.Unflatten(1, (3, 1))(x)[0])
        [[[ 0.  1.  2.  3.]]
        <BLANKLINE>
         [[ 4.  5.  6.  7.]]
        <BLANKLINE>
         [[ 8.  9. 10. 11.]]]
    """

    def __init__(self, axis, unflattened_size):
        super().__init__()
        self.axis = _int("Unflatten", "axis", axis)
        if not isinstance(unflattened_size, (tuple, list)):
            raise DTypeError(f"For 'Unflatten', 'unflattened_size' must be a tuple or a list, but "
                             f"got {type(unflattened_size).__name__}.")
        self.unflattened_size = tuple(_int("Unflatten", "unflattened_size", s)
                                      for s in unflattened_size)

    def construct(self, input_x):
        x = _tensor("Unflatten", input_x)
        axis = self.axis + x.ndim if self.axis < 0 else self.axis
        if not 0 <= axis < x.ndim:
            raise ShapeError(f"For 'Unflatten', 'axis' {self.axis} is out of range for the input "
                             f"of shape {list(x.shape)}.")
        size, sizes = x.shape[axis], self.unflattened_size
        known = int(_np.prod([s for s in sizes if s != -1]))
        free = sum(1 for s in sizes if s == -1)
        fits = (known > 0 and size % known == 0) if free == 1 else known == size
        if free > 1 or any(s < -1 for s in sizes) or not fits:
            raise ShapeError(f"For 'Unflatten', 'unflattened_size' {sizes} does not fit axis "
                             f"{self.axis} of size {size} (input shape {list(x.shape)}).")
        return x.reshape(tuple(x.shape[:axis]) + sizes + tuple(x.shape[axis + 1:]))


class Softmax2d(Cell):
    r"""Softmax over the channel axis (axis -3) of a :math:`(C, H, W)` or :math:`(N, C, H, W)`
    input: at each spatial position the channels sum to 1.

    Inputs:
        - **x** (Tensor) - 3-D or 4-D, a float dtype.

    Outputs:
        Tensor, of the shape and dtype of `x`.

    Raises:
        TypeError: If `x` is not a float Tensor.
        ValueError: If `x` is not 3-D or 4-D.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.array([[[[0.1, 0.2]], [[0.3, 0.4]], [[0.6, 0.5]]]]), ms.float32)
        >>> print(nn.Softmax2d()(x))
        [[[[0.25838965 0.28001308]]
        <BLANKLINE>
          [[0.31559783 0.34200877]]
        <BLANKLINE>
          [[0.42601252 0.37797815]]]]
    """

    def __init__(self):
        super().__init__()

    def construct(self, x):
        _tensor("Softmax2d", x)
        if x.ndim not in (3, 4):
            raise ShapeError(f"For 'Softmax2d', the input must be 3-D or 4-D, but got shape "
                             f"{list(x.shape)}.")
        if x.dtype not in _FLOATS:
            raise DTypeError(f"For 'Softmax2d', the input must be a float Tensor, but got "
                             f"{x.dtype}.")
        return _ops.softmax(x, -3)


class _Triangle(Cell):
    _fn = None

    def __init__(self):
        super().__init__()

    def construct(self, x, k=0):
        op = type(self).__name__
        _tensor(op, x)
        k = _int(op, "k", k)
        if x.ndim < 2:
            raise ShapeError(f"For '{op}', the input must have rank >= 2, but got shape "
                             f"{list(x.shape)}.")
        return type(self)._fn(x, k)


class Tril(_Triangle):
    r"""The lower triangle of the last two axes: elements above diagonal `k` become 0.

    Inputs:
        - **x** (Tensor) - Of rank >= 2.
        - **k** (int, optional) - The diagonal: 0 the main one, positive above it. Default: ``0``.

    Outputs:
        Tensor, of the shape and dtype of `x`.

    Raises:
        TypeError: If `x` is not a Tensor or `k` is not an int.
        ValueError: If the rank of `x` is less than 2.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(1, 17, dtype=np.float32).reshape(4, 4))
        >>> print(nn.Tril()(x, 1))
        [[ 1.  2.  0.  0.]
         [ 5.  6.  7.  0.]
         [ 9. 10. 11. 12.]
         [13. 14. 15. 16.]]
    """

    _fn = staticmethod(_ops.tril)


class Triu(_Triangle):
    r"""The upper triangle of the last two axes: elements below diagonal `k` become 0.

    Inputs:
        - **x** (Tensor) - Of rank >= 2.
        - **k** (int, optional) - The diagonal: 0 the main one, negative below it. Default: ``0``.

    Outputs:
        Tensor, of the shape and dtype of `x`.

    Raises:
        TypeError: If `x` is not a Tensor or `k` is not an int.
        ValueError: If the rank of `x` is less than 2.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(1, 17, dtype=np.float32).reshape(4, 4))
        >>> print(nn.Triu()(x, -1))
        [[ 1.  2.  3.  4.]
         [ 5.  6.  7.  8.]
         [ 0. 10. 11. 12.]
         [ 0.  0. 15. 16.]]
    """

    _fn = staticmethod(_ops.triu)


class Roll(Cell):
    r"""Rolls the input along `axis` by `shift` places (elements leaving one end enter the other).

    Args:
        shift (Union[int, tuple[int], list[int]]): The shift of each axis (positive toward higher
            indices).
        axis (Union[int, tuple[int], list[int]]): The axes, as many as shifts.

    Inputs:
        - **input_x** (Tensor) - The input.

    Outputs:
        Tensor, of the shape and dtype of `input_x`.

    Raises:
        TypeError: If `shift` or `axis` is not an int, a tuple or a list of ints.
        ValueError: If `shift` and `axis` differ in length, or an axis is out of range.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(5, dtype=np.float32))
        >>> print(nn.Roll(2, 0)(x))
        [3. 4. 0. 1. 2.]
    """

    def __init__(self, shift, axis):
        super().__init__()
        for what, v in (("shift", shift), ("axis", axis)):
            if isinstance(v, bool) or not isinstance(v, (int, tuple, list, _np.integer)):
                raise DTypeError(f"For 'Roll', '{what}' must be an int, a tuple or a list, but got "
                                 f"{type(v).__name__}.")
        shifts = (shift,) if not isinstance(shift, (tuple, list)) else tuple(shift)
        axes = (axis,) if not isinstance(axis, (tuple, list)) else tuple(axis)
        self.shift = tuple(_int("Roll", "shift", s) for s in shifts)
        self.axis = tuple(_int("Roll", "axis", a) for a in axes)
        if len(self.shift) != len(self.axis):
            raise ShapeError(f"For 'Roll', 'shift' and 'axis' must have the same length, but got "
                             f"{len(self.shift)} and {len(self.axis)}.")

    def construct(self, input_x):
        x = _tensor("Roll", input_x)
        for a in self.axis:
            if not -x.ndim <= a < x.ndim:
                raise ShapeError(f"For 'Roll', 'axis' {a} is out of range [{-x.ndim}, {x.ndim}) "
                                 f"for the input of shape {list(x.shape)}.")
        return _ops.roll(x, self.shift, self.axis)


class OneHot(Cell):
    r"""One-hot vectors of the indices: `on_value` at each index along a new axis `axis` of size
    `depth`, `off_value` elsewhere (indices outside ``[0, depth)`` give all `off_value`).

    Args:
        axis (int, optional): Where the new axis goes, -1 (last) to the input's rank. Default:
            ``-1``.
        depth (int, optional): The number of classes. Default: ``1``.
        on_value (float, optional): The value at the index. Default: ``1.0``.
        off_value (float, optional): The value elsewhere. Default: ``0.0``.
        dtype (mindspore.dtype, optional): The output dtype. Default: ``mstype.float32``.

    Inputs:
        - **indices** (Tensor) - int32 or int64 class indices.

    Outputs:
        Tensor of `dtype`, the input's shape with `depth` inserted at `axis`.

    Raises:
        TypeError: If `indices` is not an int32/int64 Tensor.
        ValueError: If `axis` is outside ``[-1, indices.ndim]`` or `depth` is negative.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> indices = ms.Tensor(np.array([[1, 3], [0, 2]]), ms.int32)
        >>> print(nn.OneHot(depth=4)(indices))
        [[[0. 1. 0. 0.]
          [0. 0. 0. 1.]]
        <BLANKLINE>
         [[1. 0. 0. 0.]
          [0. 0. 1. 0.]]]
        >>> print(nn.OneHot(axis=0, depth=3, on_value=5.0, off_value=-1.0)(
        ...     ms.Tensor(np.array([1, 2]), ms.int32)))
        [[-1. -1.]
         [ 5. -1.]
         [-1.  5.]]
    """

    def __init__(self, axis=-1, depth=1, on_value=1.0, off_value=0.0, dtype=mstype.float32):
        super().__init__()
        self.axis = _int("OneHot", "axis", axis)
        self.depth = _int("OneHot", "depth", depth)
        self.on_value, self.off_value, self.dtype = on_value, off_value, dtype

    def construct(self, indices):
        x = _tensor("OneHot", indices, "'indices'")
        if x.dtype not in (mstype.int32, mstype.int64):
            raise DTypeError(f"For 'OneHot', 'indices' must be int32 or int64, but got {x.dtype}.")
        if not -1 <= self.axis <= x.ndim:
            raise ShapeError(f"For 'OneHot', 'axis' must be in [-1, {x.ndim}], but got "
                             f"{self.axis}.")
        if self.depth < 0:
            raise ShapeError(f"For 'OneHot', 'depth' must be >= 0, but got {self.depth}.")
        on = Tensor(self.on_value, self.dtype)
        off = Tensor(self.off_value, self.dtype)
        return _ops.one_hot(x, self.depth, on, off, self.axis)


def _factor(op, what, v):
    v = _int(op, what, v)
    if v <= 0:
        raise ShapeError(f"For '{op}', '{what}' must be > 0, but got {v}.")
    return v


class PixelShuffle(Cell):
    r"""Rearranges :math:`(*, C r^2, H, W)` into :math:`(*, C, H r, W r)` (sub-pixel
    convolution's upsampling).

    Args:
        upscale_factor (int): :math:`r`, positive.

    Inputs:
        - **input** (Tensor) - Of rank >= 3, the third-to-last size divisible by :math:`r^2`.

    Outputs:
        Tensor of the input's dtype, of shape :math:`(*, C, H r, W r)`.

    Raises:
        TypeError: If `upscale_factor` is not an int, or `input` is not a Tensor.
        ValueError: If `upscale_factor` is not positive, the rank of `input` is less than 3, or
            its channels are not divisible by :math:`r^2`.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(3 * 2 * 8 * 4 * 4).reshape((3, 2, 8, 4, 4)), ms.int32)
        >>> print(nn.PixelShuffle(2)(x).shape)
        (3, 2, 2, 8, 8)
    """

    def __init__(self, upscale_factor):
        super().__init__()
        self.upscale_factor = _factor("PixelShuffle", "upscale_factor", upscale_factor)

    def construct(self, input):  # noqa: A002 - MindSpore's name
        x = _tensor("PixelShuffle", input)
        r = self.upscale_factor
        if x.ndim < 3 or x.shape[-3] % (r * r):
            raise ShapeError(f"For 'PixelShuffle', the input must have rank >= 3 and channels "
                             f"(axis -3) divisible by upscale_factor**2 = {r * r}, but got shape "
                             f"{list(x.shape)}.")
        return _ops.pixel_shuffle(x, r)


class PixelUnshuffle(Cell):
    r"""Rearranges :math:`(*, C, H r, W r)` into :math:`(*, C r^2, H, W)` (the inverse of
    :class:`PixelShuffle`).

    Args:
        downscale_factor (int): :math:`r`, positive.

    Inputs:
        - **input** (Tensor) - Of rank >= 3, the last two sizes divisible by :math:`r`.

    Outputs:
        Tensor of the input's dtype, of shape :math:`(*, C r^2, H, W)`.

    Raises:
        TypeError: If `downscale_factor` is not an int, or `input` is not a Tensor.
        ValueError: If `downscale_factor` is not positive, the rank of `input` is less than 3, or
            its height or width is not divisible by :math:`r`.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(8 * 8).reshape((1, 1, 8, 8)), ms.int32)
        >>> print(nn.PixelUnshuffle(2)(x).shape)
        (1, 4, 4, 4)
    """

    def __init__(self, downscale_factor):
        super().__init__()
        self.downscale_factor = _factor("PixelUnshuffle", "downscale_factor", downscale_factor)

    def construct(self, input):  # noqa: A002 - MindSpore's name
        x = _tensor("PixelUnshuffle", input)
        r = self.downscale_factor
        if x.ndim < 3 or x.shape[-1] % r or x.shape[-2] % r:
            raise ShapeError(f"For 'PixelUnshuffle', the input must have rank >= 3 and height and "
                             f"width divisible by downscale_factor = {r}, but got shape "
                             f"{list(x.shape)}.")
        return _ops.pixel_unshuffle(x, r)


class ChannelShuffle(Cell):
    r"""Splits the channels (axis 1) into `groups` groups and interleaves them: channel
    ``g * (C // groups) + i`` moves to ``i * groups + g``.

    Args:
        groups (int): The number of groups, positive, dividing the channels.

    Inputs:
        - **x** (Tensor) - :math:`(N, C, *)`.

    Outputs:
        Tensor, of the shape and dtype of `x`.

    Raises:
        TypeError: If `groups` is not an int, or `x` is not a Tensor.
        ValueError: If `groups` is not positive, or does not divide the channels.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.arange(8, dtype=np.float32).reshape(1, 4, 2))
        >>> print(nn.ChannelShuffle(2)(x))
        [[[0. 1.]
          [4. 5.]
          [2. 3.]
          [6. 7.]]]
    """

    def __init__(self, groups):
        super().__init__()
        self.groups = _factor("ChannelShuffle", "groups", groups)

    def construct(self, x):
        _tensor("ChannelShuffle", x)
        g = self.groups
        if x.ndim < 2 or x.shape[1] % g:
            raise ShapeError(f"For 'ChannelShuffle', the channels (axis 1) must be divisible by "
                             f"groups = {g}, but got shape {list(x.shape)}.")
        n, c, rest = x.shape[0], x.shape[1], tuple(x.shape[2:])
        y = x.reshape((n, g, c // g) + rest)
        perm = (0, 2, 1) + tuple(range(3, y.ndim))
        return y.transpose(perm).reshape(tuple(x.shape))


class Norm(Cell):
    r"""The Euclidean norm :math:`\sqrt{\sum x^2}` over `axis` (all axes when ``()``).

    Args:
        axis (Union[tuple, int], optional): The axes to reduce. Default: ``()`` (all).
        keep_dims (bool, optional): Whether the reduced axes stay, with size 1. Default:
            ``False``.

    Inputs:
        - **x** (Tensor) - The input (integers are computed in float32).

    Outputs:
        Tensor, float, with the reduced axes removed (or kept with size 1).

    Raises:
        TypeError: If `axis` is not an int or a tuple of ints, or `keep_dims` is not a bool.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.array([[4, 4, 9, 1], [2, 1, 3, 6]]), ms.float32)
        >>> print(nn.Norm(axis=0)(x))
        [4.472136  4.1231055 9.486833  6.0827627]
        >>> print(nn.Norm()(x))
        12.806249
    """

    def __init__(self, axis=(), keep_dims=False):
        super().__init__()
        self.axis = _axes("Norm", axis, (int, tuple, list))
        self.keep_dims = _bool("Norm", "keep_dims", keep_dims)

    def construct(self, x):
        _tensor("Norm", x)
        if x.dtype not in _FLOATS:
            x = x.astype(mstype.float32)
        axis = self.axis if self.axis else tuple(range(x.ndim))
        return (x * x).sum(axis=axis, keepdims=self.keep_dims).sqrt()


class MatMul(Cell):
    r"""The matrix product of `x1` and `x2` with NumPy's broadcasting of batch axes (a 1-D
    operand is a vector), optionally transposing the last two axes of either first.

    Args:
        transpose_x1 (bool, optional): Transpose the last two axes of `x1`. Default: ``False``.
        transpose_x2 (bool, optional): Transpose the last two axes of `x2`. Default: ``False``.

    Inputs:
        - **x1** (Tensor) - :math:`(*, N, C)`.
        - **x2** (Tensor) - :math:`(*, C, M)`, of the dtype of `x1`.

    Outputs:
        Tensor of shape :math:`(*, N, M)`, the batch axes broadcast.

    Raises:
        TypeError: If the transpose flags are not bools, or `x1` and `x2` differ in dtype.
        ValueError: If the inner sizes differ.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x1 = ms.Tensor(np.ones((2, 1, 3, 4)), ms.float32)
        >>> x2 = ms.Tensor(np.ones((1, 5, 4, 2)), ms.float32)
        >>> print(nn.MatMul()(x1, x2).shape)
        (2, 5, 3, 2)
    """

    def __init__(self, transpose_x1=False, transpose_x2=False):
        super().__init__()
        self.transpose_x1 = _bool("MatMul", "transpose_x1", transpose_x1)
        self.transpose_x2 = _bool("MatMul", "transpose_x2", transpose_x2)

    def construct(self, x1, x2):
        _tensor("MatMul", x1, "'x1'")
        _tensor("MatMul", x2, "'x2'")
        if x1.dtype != x2.dtype:
            raise DTypeError(f"For 'MatMul', 'x1' and 'x2' must have the same dtype, but got "
                             f"{x1.dtype} and {x2.dtype}.")
        if self.transpose_x1 and x1.ndim >= 2:
            x1 = x1.swapaxes(-1, -2)
        if self.transpose_x2 and x2.ndim >= 2:
            x2 = x2.swapaxes(-1, -2)
        inner1 = x1.shape[-1]
        inner2 = x2.shape[-2] if x2.ndim >= 2 else x2.shape[0]
        if inner1 != inner2:
            raise ShapeError(f"For 'MatMul', the columns of 'x1' must equal the rows of 'x2', but "
                             f"got shapes {list(x1.shape)} and {list(x2.shape)}.")
        return _ops.matmul(x1, x2)


class ReduceLogSumExp(Cell):
    r""":math:`\log \sum \exp(x)` over `axis` (all axes when ``()``), computed as
    :math:`m + \log \sum \exp(x - m)` with :math:`m` the maximum, so large inputs do not overflow.

    Args:
        axis (Union[int, tuple[int], list[int]]): The axes to reduce; ``()`` reduces all.
        keep_dims (bool, optional): Whether the reduced axes stay, with size 1. Default:
            ``False``.

    Inputs:
        - **x** (Tensor) - A float Tensor.

    Outputs:
        Tensor of the dtype of `x`, with the reduced axes removed (or kept with size 1).

    Raises:
        TypeError: If `axis` is not an int, a tuple or a list, `keep_dims` is not a bool, or `x`
            is not a float Tensor.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.array([[-1.0, 2.0]], np.float32))
        >>> print(nn.ReduceLogSumExp(1, keep_dims=True)(x))
        [[2.0485873]]
        >>> print(nn.ReduceLogSumExp(1)(ms.Tensor(np.array([[1000., 1000.]], np.float32))))
        [1000.6932]
    """

    def __init__(self, axis, keep_dims=False):
        super().__init__()
        self.axis = _axes("ReduceLogSumExp", axis)
        self.keep_dims = _bool("ReduceLogSumExp", "keep_dims", keep_dims)

    def construct(self, x):
        _tensor("ReduceLogSumExp", x)
        if x.dtype not in _FLOATS:
            raise DTypeError(f"For 'ReduceLogSumExp', the input must be a float Tensor, but got "
                             f"{x.dtype}.")
        axis = self.axis if self.axis else tuple(range(x.ndim))
        m = _ops.stop_gradient(_reduce_max(x, axis, True))
        out = (x - m).exp().sum(axis=axis, keepdims=True).log() + m
        if not self.keep_dims:
            out = out.squeeze(axis) if axis else out
        return out


class Moments(Cell):
    r"""The mean and the (biased) variance of the input over `axis` (all axes when ``None``).

    Args:
        axis (Union[int, tuple[int]], optional): The axes to reduce. Default: ``None`` (all).
        keep_dims (bool, optional): Whether the reduced axes stay, with size 1; ``None`` is
            ``False``. Default: ``None``.

    Inputs:
        - **x** (Tensor) - float16 or float32.

    Outputs:
        - **mean** (Tensor) - The mean, in the dtype of `x`.
        - **variance** (Tensor) - :math:`\mathrm{mean}((x - \mathrm{mean})^2)`, in the dtype of `x`.

    Raises:
        TypeError: If `axis` is not an int or a tuple of ints, `keep_dims` is not a bool, or `x`
            is not float16/float32.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.Tensor(np.array([[[[1, 2, 3, 4], [3, 4, 5, 6]]]]), ms.float32)
        >>> mean, variance = nn.Moments(axis=3, keep_dims=True)(x)
        >>> print(mean)
        [[[[2.5]
           [4.5]]]]
        >>> print(variance)
        [[[[1.25]
           [1.25]]]]
    """

    def __init__(self, axis=None, keep_dims=None):
        super().__init__()
        self.axis = None if axis is None else _axes("Moments", axis, (int, tuple))
        self.keep_dims = False if keep_dims is None else _bool("Moments", "keep_dims", keep_dims)

    def construct(self, x):
        _tensor("Moments", x)
        if x.dtype not in (mstype.float16, mstype.float32):
            raise DTypeError(f"For 'Moments', the input must be float16 or float32, but got "
                             f"{x.dtype}.")
        axis = tuple(range(x.ndim)) if not self.axis else self.axis
        mean = x.mean(axis=axis, keep_dims=True)
        variance = ((x - mean) ** 2).mean(axis=axis, keep_dims=self.keep_dims)
        if not self.keep_dims:
            mean = mean.squeeze(axis) if axis else mean
        return mean, variance


class MatrixDiag(Cell):
    """``nn.MatrixDiag()(x)``: batched diagonal matrices whose diagonals are `x`'s last axis
    (``ops.matrix_diag``; MindSpore 2.10 has no CPU kernel for it).

    Inputs:
        - **x** (Tensor) - :math:`(..., n)`.

    Outputs:
        Tensor, :math:`(..., n, n)`.

    Raises:
        TypeError: If `x` is not a Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> print(nn.MatrixDiag()(ms.Tensor([1., 2.])))
        [[1. 0.]
         [0. 2.]]
    """

    def __init__(self):
        super().__init__()

    def construct(self, x):
        return _ops.matrix_diag(x)


class MatrixDiagPart(Cell):
    """``nn.MatrixDiagPart()(x)``: the main diagonal of each matrix of `x`
    (``ops.matrix_diag_part``).

    Inputs:
        - **x** (Tensor) - :math:`(..., m, n)`.

    Outputs:
        Tensor, :math:`(..., \\min(m, n))`.

    Raises:
        TypeError: If `x` is not a Tensor.
        ValueError: If `x` has fewer than 2 dimensions.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> print(nn.MatrixDiagPart()(ms.Tensor([[1., 2.], [3., 4.]])))
        [1. 4.]
    """

    def __init__(self):
        super().__init__()

    def construct(self, x):
        return _ops.matrix_diag_part(x, 0, 0)


class MatrixSetDiag(Cell):
    """``nn.MatrixSetDiag()(x, diagonal)``: `x` with the main diagonal of each matrix replaced
    by `diagonal` (``ops.matrix_set_diag``).

    Inputs:
        - **x** (Tensor) - :math:`(..., m, n)`.
        - **diagonal** (Tensor) - :math:`(..., \\min(m, n))`.

    Outputs:
        Tensor, of `x`'s shape.

    Raises:
        TypeError: If an input is not a Tensor.
        ValueError: If `diagonal`'s shape does not fit `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> print(nn.MatrixSetDiag()(ms.Tensor([[1., 2.], [3., 4.]]), ms.Tensor([7., 8.])))
        [[7. 2.]
         [3. 8.]]
    """

    def __init__(self):
        super().__init__()

    def construct(self, x, diagonal):
        return _ops.matrix_set_diag(x, diagonal)

"""Padding layers (MindSpore 2.x's ``nn.Pad``, ``ZeroPad2d``, ``ConstantPad1d/2d/3d``,
``ReflectionPad1d/2d/3d``, ``ReplicationPad1d/2d/3d``): argument checks at construction, rank and
size checks when called, and the padding itself by :func:`mindspore.ops.pad` (a concatenation or
a gather, so differentiable). ``padding`` tuples run from the last axis backward, as ``ops.pad``;
``nn.Pad``'s ``paddings`` run from the first axis forward, one ``(before, after)`` pair per axis."""
import numpy as _np

from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..ops.function.array_func import pad as _pad
from .cell import Cell

__all__ = ["Pad", "ZeroPad2d", "ConstantPad1d", "ConstantPad2d", "ConstantPad3d",
           "ReflectionPad1d", "ReflectionPad2d", "ReflectionPad3d", "ReplicationPad1d",
           "ReplicationPad2d", "ReplicationPad3d"]


def _is_int(v):
    return isinstance(v, (int, _np.integer))


def _tensor(op, x):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', the input must be a Tensor, but got {type(x).__name__}.")
    return x


def _padding(op, padding, dims, max_len=None, exact_len=None, non_negative=False):
    """``padding`` as a tuple of ints: an int ``p`` is ``(p, p)`` for each of ``dims`` axes."""
    if isinstance(padding, bool) or not (_is_int(padding) or isinstance(padding, tuple)):
        raise DTypeError(f"For '{op}', 'padding' must be an int or a tuple, but got "
                         f"{type(padding).__name__}.")
    if _is_int(padding):
        padding = (int(padding),) * (2 * dims)
    if any(isinstance(p, bool) or not _is_int(p) for p in padding):
        raise DTypeError(f"For '{op}', every element of 'padding' must be an int, but got "
                         f"{padding}.")
    padding = tuple(int(p) for p in padding)
    if exact_len is not None and len(padding) != exact_len:
        raise ShapeError(f"For '{op}', the length of 'padding' must be {exact_len}, but got "
                         f"{len(padding)}.")
    if len(padding) % 2:
        raise ShapeError(f"For '{op}', the length of 'padding' must be a multiple of 2, but got "
                         f"{len(padding)}.")
    if max_len is not None and len(padding) > max_len:
        raise ShapeError(f"For '{op}', the length of 'padding' must be at most {max_len}, but got "
                         f"{len(padding)}.")
    if non_negative and any(p < 0 for p in padding):
        raise ShapeError(f"For '{op}', every element of 'padding' must be >= 0, but got {padding}.")
    return padding


def _fits(op, x, padding):
    """Checks that `padding` (from the last axis) fits the rank and leaves positive sizes."""
    n = len(padding) // 2
    if n > x.ndim:
        raise ShapeError(f"For '{op}', 'padding' {padding} pads {n} axes, but the input has shape "
                         f"{list(x.shape)} ({x.ndim} axes).")
    for i in range(n):
        size = x.shape[x.ndim - 1 - i] + padding[2 * i] + padding[2 * i + 1]
        if size <= 0:
            raise ShapeError(f"For '{op}', 'padding' {padding} leaves axis {x.ndim - 1 - i} of the "
                             f"input of shape {list(x.shape)} with size {size}; it must be > 0.")


def _mirror_fits(op, x, padding, symmetric=False):
    """Reflection repeats no edge: each amount < its axis size (<= for the symmetric mode)."""
    for i in range(len(padding) // 2):
        axis = x.ndim - 1 - i
        n = x.shape[axis]
        lo, hi = padding[2 * i], padding[2 * i + 1]
        if (max(lo, hi) > n) if symmetric else (max(lo, hi) >= n):
            bound = "<=" if symmetric else "<"
            raise ShapeError(f"For '{op}', the padding ({lo}, {hi}) of axis {axis} must be {bound} "
                             f"its size {n} (input shape {list(x.shape)}).")


class _PadCell(Cell):
    def __repr__(self):
        # MindSpore 2.10 prints padding layers without arguments (``ZeroPad2d()``).
        return f"{type(self).__name__}()"


class _ConstantPadNd(_PadCell):
    _dims = 1
    _exact = None

    def __init__(self, padding, value):
        super().__init__()
        op = type(self).__name__
        if isinstance(value, str) or not isinstance(value, (int, float, _np.number)):
            raise DTypeError(f"For '{op}', 'value' must be an int or a float, but got "
                             f"{type(value).__name__}.")
        self.padding = _padding(op, padding, self._dims, max_len=2 * self._dims,
                                exact_len=self._exact)
        self.value = value

    def construct(self, x):
        op = type(self).__name__
        _fits(op, _tensor(op, x), self.padding)
        return _pad(x, self.padding, "constant", self.value)


class ConstantPad1d(_ConstantPadNd):
    r"""Pads the last axis of the input with the constant `value`.

    Args:
        padding (Union[int, tuple]): ``p`` pads ``p`` on both sides; ``(left, right)`` each side.
            Negative amounts crop.
        value (Union[int, float]): The fill value (cast to the input's dtype).

    Inputs:
        - **x** (Tensor) - Of shape :math:`(N, *)`.

    Outputs:
        Tensor of the input's dtype, the last axis of size :math:`left + W_{in} + right`.

    Raises:
        TypeError: If `padding` is not an int or a tuple of ints, `value` is not an int or a float,
            or `x` is not a Tensor.
        ValueError: If `padding` is a tuple whose length is not 2, or an output size is not
            positive.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> x = ms.Tensor(np.ones(shape=(1, 2, 3, 4)).astype(np.float32))
        >>> out = ms.nn.ConstantPad1d((0, 1), 0.5)(x)
        >>> print(out)
        [[[[1.  1.  1.  1.  0.5]
           [1.  1.  1.  1.  0.5]
           [1.  1.  1.  1.  0.5]]
        <BLANKLINE>
          [[1.  1.  1.  1.  0.5]
           [1.  1.  1.  1.  0.5]
           [1.  1.  1.  1.  0.5]]]]
        >>> print(out.shape)
        (1, 2, 3, 5)
    """

    _dims = 1
    _exact = 2


class ConstantPad2d(_ConstantPadNd):
    r"""Pads the last two axes of the input with the constant `value`.

    Args:
        padding (Union[int, tuple]): ``p`` pads ``p`` on each side of both axes; a tuple
            ``(left, right, top, bottom)`` (or just ``(left, right)``). Negative amounts crop.
        value (Union[int, float]): The fill value (cast to the input's dtype).

    Inputs:
        - **x** (Tensor) - Of shape :math:`(N, *)`.

    Outputs:
        Tensor of the input's dtype, :math:`H_{out} = top + H_{in} + bottom`,
        :math:`W_{out} = left + W_{in} + right`.

    Raises:
        TypeError: If `padding` is not an int or a tuple of ints, `value` is not an int or a float,
            or `x` is not a Tensor.
        ValueError: If the length of `padding` is odd or greater than 4, `padding` pads more axes
            than `x` has, or an output size is not positive.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> x = ms.Tensor(np.arange(12, dtype=np.float32).reshape(3, 4))
        >>> print(ms.nn.ConstantPad2d((1, 0, -1, 1), 2.5)(x))
        [[ 2.5  4.   5.   6.   7. ]
         [ 2.5  8.   9.  10.  11. ]
         [ 2.5  2.5  2.5  2.5  2.5]]
    """

    _dims = 2


class ConstantPad3d(_ConstantPadNd):
    r"""Pads the last three axes of the input with the constant `value`.

    Args:
        padding (Union[int, tuple]): ``p`` pads ``p`` on each side of the three axes; a tuple
            ``(left, right, top, bottom, front, back)`` (or a shorter even prefix). Negative
            amounts crop.
        value (Union[int, float]): The fill value (cast to the input's dtype).

    Inputs:
        - **x** (Tensor) - Of shape :math:`(N, *)`.

    Outputs:
        Tensor of the input's dtype, :math:`D_{out} = front + D_{in} + back`,
        :math:`H_{out} = top + H_{in} + bottom`, :math:`W_{out} = left + W_{in} + right`.

    Raises:
        TypeError: If `padding` is not an int or a tuple of ints, `value` is not an int or a float,
            or `x` is not a Tensor.
        ValueError: If the length of `padding` is odd or greater than 6, `padding` pads more axes
            than `x` has, or an output size is not positive.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> x = ms.Tensor(np.arange(8, dtype=np.float32).reshape(1, 2, 2, 2))
        >>> print(ms.nn.ConstantPad3d((1, 0, 0, 1, 1, 0), 7)(x))
        [[[[7. 7. 7.]
           [7. 7. 7.]
           [7. 7. 7.]]
        <BLANKLINE>
          [[7. 0. 1.]
           [7. 2. 3.]
           [7. 7. 7.]]
        <BLANKLINE>
          [[7. 4. 5.]
           [7. 6. 7.]
           [7. 7. 7.]]]]
    """

    _dims = 3


class ZeroPad2d(ConstantPad2d):
    r"""Pads the last two axes of the input with zeros.

    Args:
        padding (Union[int, tuple]): ``p`` pads ``p`` on each side of both axes; a tuple
            ``(left, right, top, bottom)`` (or just ``(left, right)``). Negative amounts crop.

    Inputs:
        - **x** (Tensor) - Of shape :math:`(N, *)`.

    Outputs:
        Tensor of the input's dtype, :math:`H_{out} = top + H_{in} + bottom`,
        :math:`W_{out} = left + W_{in} + right`.

    Raises:
        TypeError: If `padding` is not an int or a tuple of ints, or `x` is not a Tensor.
        ValueError: If the length of `padding` is odd or greater than 4, `padding` pads more axes
            than `x` has, or an output size is not positive.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> x = ms.Tensor(np.ones(shape=(1, 2, 3, 4)).astype(np.float32))
        >>> out = ms.nn.ZeroPad2d((1, 1, 0, 1))(x)
        >>> print(out)
        [[[[0. 1. 1. 1. 1. 0.]
           [0. 1. 1. 1. 1. 0.]
           [0. 1. 1. 1. 1. 0.]
           [0. 0. 0. 0. 0. 0.]]
        <BLANKLINE>
          [[0. 1. 1. 1. 1. 0.]
           [0. 1. 1. 1. 1. 0.]
           [0. 1. 1. 1. 1. 0.]
           [0. 0. 0. 0. 0. 0.]]]]
        >>> print(out.shape)
        (1, 2, 4, 6)
    """

    def __init__(self, padding):
        super().__init__(padding, 0)


class _ReflectionPadNd(_PadCell):
    _dims = 1

    def __init__(self, padding):
        super().__init__()
        self.padding = _padding(type(self).__name__, padding, self._dims, non_negative=True)

    def construct(self, x):
        op = type(self).__name__
        _fits(op, _tensor(op, x), self.padding)
        _mirror_fits(op, x, self.padding)
        return _pad(x, self.padding, "reflect")


class ReflectionPad1d(_ReflectionPadNd):
    r"""Pads the last axis of the input by reflection about its edge elements (the edges are
    not repeated).

    Args:
        padding (Union[int, tuple]): ``p`` pads ``p`` on both sides; a tuple
            ``(left, right)``. Amounts must be non-negative and less than the axis size.

    Inputs:
        - **x** (Tensor) - 2-D or 3-D, :math:`(C, W_{in})` or :math:`(N, C, W_{in})`.

    Outputs:
        Tensor of the input's dtype, :math:`W_{out} = W_{in} + left + right`.

    Raises:
        TypeError: If `padding` is not an int or a tuple of ints, or `x` is not a Tensor.
        ValueError: If the length of `padding` is odd, an element is negative, or an amount is
            not less than the size of its axis.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> x = ms.Tensor(np.arange(12, dtype=np.float32).reshape(3, 4))
        >>> print(ms.nn.ReflectionPad1d((3, 1))(x))
        [[ 3.  2.  1.  0.  1.  2.  3.  2.]
         [ 7.  6.  5.  4.  5.  6.  7.  6.]
         [11. 10.  9.  8.  9. 10. 11. 10.]]
    """

    _dims = 1


class ReflectionPad2d(_ReflectionPadNd):
    r"""Pads the last two axes of the input by reflection about their edge elements.

    Args:
        padding (Union[int, tuple]): ``p`` pads ``p`` on each side; a tuple
            ``(left, right, top, bottom)``. Amounts must be non-negative and less than the axis
            size.

    Inputs:
        - **x** (Tensor) - 3-D or 4-D, :math:`(C, H_{in}, W_{in})` or :math:`(N, C, H_{in}, W_{in})`.

    Outputs:
        Tensor of the input's dtype, :math:`H_{out} = H_{in} + top + bottom`,
        :math:`W_{out} = W_{in} + left + right`.

    Raises:
        TypeError: If `padding` is not an int or a tuple of ints, or `x` is not a Tensor.
        ValueError: If the length of `padding` is odd, an element is negative, `padding` pads more
            axes than `x` has, or an amount is not less than the size of its axis.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> x = ms.Tensor(np.array([[[0, 1, 2], [3, 4, 5], [6, 7, 8]]]).astype(np.float32))
        >>> print(ms.nn.ReflectionPad2d((1, 1, 2, 0))(x))
        [[[7. 6. 7. 8. 7.]
          [4. 3. 4. 5. 4.]
          [1. 0. 1. 2. 1.]
          [4. 3. 4. 5. 4.]
          [7. 6. 7. 8. 7.]]]
    """

    _dims = 2


class ReflectionPad3d(_ReflectionPadNd):
    r"""Pads the last three axes of the input by reflection about their edge elements.

    Args:
        padding (Union[int, tuple]): ``p`` pads ``p`` on each side; a tuple
            ``(left, right, top, bottom, front, back)``. Amounts must be non-negative and less
            than the axis size.

    Inputs:
        - **x** (Tensor) - 4-D or 5-D, :math:`(C, D_{in}, H_{in}, W_{in})` or
          :math:`(N, C, D_{in}, H_{in}, W_{in})`.

    Outputs:
        Tensor of the input's dtype, :math:`D_{out} = D_{in} + front + back`,
        :math:`H_{out} = H_{in} + top + bottom`, :math:`W_{out} = W_{in} + left + right`.

    Raises:
        TypeError: If `padding` is not an int or a tuple of ints, or `x` is not a Tensor.
        ValueError: If the length of `padding` is odd, an element is negative, `padding` pads more
            axes than `x` has, or an amount is not less than the size of its axis.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> x = ms.Tensor(np.arange(8, dtype=np.float32).reshape(1, 2, 2, 2))
        >>> print(ms.nn.ReflectionPad3d(1)(x).shape)
        (1, 4, 4, 4)
        >>> print(ms.nn.ReflectionPad3d((1, 0, 0, 0, 0, 1))(x))
        [[[[1. 0. 1.]
           [3. 2. 3.]]
        <BLANKLINE>
          [[5. 4. 5.]
           [7. 6. 7.]]
        <BLANKLINE>
          [[1. 0. 1.]
           [3. 2. 3.]]]]
    """

    _dims = 3


class _ReplicationPadNd(_PadCell):
    _dims = 1

    def __init__(self, padding):
        super().__init__()
        self.padding = _padding(type(self).__name__, padding, self._dims)

    def construct(self, x):
        op = type(self).__name__
        _tensor(op, x)
        # The unbatched form (one axis fewer) is the batched one with a batch of one.
        unbatched = x.ndim == self._dims + 1
        if unbatched:
            x = x.expand_dims(0)
        want = len(self.padding) // 2 + 2
        if x.ndim != want:
            raise ShapeError(f"For '{op}', a 'padding' of length {len(self.padding)} needs a "
                             f"{want - 1}-D or {want}-D input, but got shape {list(x.shape)}.")
        _fits(op, x, self.padding)
        out = _pad(x, self.padding, "replicate")
        return out.squeeze(0) if unbatched else out


class ReplicationPad1d(_ReplicationPadNd):
    r"""Pads the last axis of the input by repeating its edge elements.

    Args:
        padding (Union[int, tuple]): ``p`` pads ``p`` on both sides; a tuple
            ``(left, right)``. Negative amounts crop.

    Inputs:
        - **x** (Tensor) - 2-D or 3-D, :math:`(C, W_{in})` or :math:`(N, C, W_{in})`.

    Outputs:
        Tensor of the input's dtype, :math:`W_{out} = W_{in} + left + right`.

    Raises:
        TypeError: If `padding` is not an int or a tuple of ints, or `x` is not a Tensor.
        ValueError: If the length of `padding` is odd, or `x` has the wrong rank.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> x = ms.Tensor(np.arange(0, 8).reshape(1, 2, 4), ms.float32)
        >>> print(ms.nn.ReplicationPad1d(2)(x))
        [[[0. 0. 0. 1. 2. 3. 3. 3.]
          [4. 4. 4. 5. 6. 7. 7. 7.]]]
        >>> print(ms.nn.ReplicationPad1d((3, 1))(x))
        [[[0. 0. 0. 0. 1. 2. 3. 3.]
          [4. 4. 4. 4. 5. 6. 7. 7.]]]
    """

    _dims = 1


class ReplicationPad2d(_ReplicationPadNd):
    r"""Pads the last two axes of the input by repeating their edge elements.

    Args:
        padding (Union[int, tuple]): ``p`` pads ``p`` on each side; a tuple
            ``(left, right, top, bottom)``. Negative amounts crop.

    Inputs:
        - **x** (Tensor) - 3-D or 4-D, :math:`(C, H_{in}, W_{in})` or :math:`(N, C, H_{in}, W_{in})`.

    Outputs:
        Tensor of the input's dtype, :math:`H_{out} = H_{in} + top + bottom`,
        :math:`W_{out} = W_{in} + left + right`.

    Raises:
        TypeError: If `padding` is not an int or a tuple of ints, or `x` is not a Tensor.
        ValueError: If the length of `padding` is odd, or `x` has the wrong rank.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> x = ms.Tensor(np.arange(6, dtype=np.float32).reshape(1, 2, 3))
        >>> print(ms.nn.ReplicationPad2d((1, 0, 2, 1))(x))
        [[[0. 0. 1. 2.]
          [0. 0. 1. 2.]
          [0. 0. 1. 2.]
          [3. 3. 4. 5.]
          [3. 3. 4. 5.]]]
    """

    _dims = 2


class ReplicationPad3d(_ReplicationPadNd):
    r"""Pads the last three axes of the input by repeating their edge elements.

    Args:
        padding (Union[int, tuple]): ``p`` pads ``p`` on each side; a tuple
            ``(left, right, top, bottom, front, back)``. Negative amounts crop.

    Inputs:
        - **x** (Tensor) - 4-D or 5-D, :math:`(C, D_{in}, H_{in}, W_{in})` or
          :math:`(N, C, D_{in}, H_{in}, W_{in})`.

    Outputs:
        Tensor of the input's dtype, :math:`D_{out} = D_{in} + front + back`,
        :math:`H_{out} = H_{in} + top + bottom`, :math:`W_{out} = W_{in} + left + right`.

    Raises:
        TypeError: If `padding` is not an int or a tuple of ints, or `x` is not a Tensor.
        ValueError: If the length of `padding` is odd, or `x` has the wrong rank.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> x = ms.Tensor(np.ones((1, 1, 2, 3, 4), np.float32))
        >>> print(ms.nn.ReplicationPad3d((1, 0, 2, 0, 1, 1))(x).shape)
        (1, 1, 4, 5, 5)
    """

    _dims = 3


_PAD_MODES = ("CONSTANT", "REFLECT", "SYMMETRIC")


class Pad(_PadCell):
    r"""Pads the input with one ``(before, after)`` pair per axis, first axis first.

    Args:
        paddings (tuple): A tuple of ``(before, after)`` pairs of non-negative ints, one per axis
            of the input (at most 4).
        mode (str, optional): ``"CONSTANT"`` (zeros), ``"REFLECT"`` (mirror without the edge
            element; each amount less than the axis size) or ``"SYMMETRIC"`` (mirror with the edge
            element; each amount at most the axis size). Default: ``"CONSTANT"``.

    Inputs:
        - **x** (Tensor) - The input, of rank ``len(paddings)``.

    Outputs:
        Tensor of the input's dtype; axis ``D`` has size
        :math:`paddings[D][0] + x.shape[D] + paddings[D][1]`.

    Raises:
        TypeError: If `paddings` is not a tuple, an amount is not an int, or `x` is not a Tensor.
        ValueError: If `paddings` is not of shape :math:`(N, 2)` with :math:`N \le 4`, an amount is
            negative, `mode` is not one of the three modes, the rank of `x` is not
            ``len(paddings)``, or an amount is too large for its mode.

    Examples:
        >>> import numpy as np
        >>> import mindspore
        >>> from mindspore import Tensor, nn
        >>> x = Tensor(np.array([[1, 2, 3], [4, 5, 6]]), mindspore.float32)
        >>> print(nn.Pad(paddings=((1, 1), (2, 2)), mode="CONSTANT")(x))
        [[0. 0. 0. 0. 0. 0. 0.]
         [0. 0. 1. 2. 3. 0. 0.]
         [0. 0. 4. 5. 6. 0. 0.]
         [0. 0. 0. 0. 0. 0. 0.]]
        >>> print(nn.Pad(paddings=((1, 1), (2, 2)), mode="REFLECT")(x))
        [[6. 5. 4. 5. 6. 5. 4.]
         [3. 2. 1. 2. 3. 2. 1.]
         [6. 5. 4. 5. 6. 5. 4.]
         [3. 2. 1. 2. 3. 2. 1.]]
        >>> print(nn.Pad(paddings=((1, 1), (2, 2)), mode="SYMMETRIC")(x))
        [[2. 1. 1. 2. 3. 3. 2.]
         [2. 1. 1. 2. 3. 3. 2.]
         [5. 4. 4. 5. 6. 6. 5.]
         [5. 4. 4. 5. 6. 6. 5.]]
    """

    def __init__(self, paddings, mode="CONSTANT"):
        super().__init__()
        if not isinstance(paddings, tuple):
            raise DTypeError(f"For 'Pad', 'paddings' must be a tuple, but got "
                             f"{type(paddings).__name__}.")
        if any(not isinstance(p, (tuple, list)) or len(p) != 2 for p in paddings):
            raise ShapeError(f"For 'Pad', 'paddings' must be of shape (n, 2), but got {paddings}.")
        if len(paddings) > 4:
            raise ShapeError(f"For 'Pad', 'paddings' may pad at most 4 axes, but got "
                             f"{len(paddings)}.")
        flat = [v for p in paddings for v in p]
        if any(isinstance(v, bool) or not _is_int(v) for v in flat):
            raise DTypeError(f"For 'Pad', every amount in 'paddings' must be an int, but got "
                             f"{paddings}.")
        if any(v < 0 for v in flat):
            raise ShapeError(f"For 'Pad', every amount in 'paddings' must be >= 0, but got "
                             f"{paddings}.")
        if mode not in _PAD_MODES:
            raise ShapeError(f"For 'Pad', 'mode' must be one of {list(_PAD_MODES)}, but got "
                             f"{mode!r}.")
        self.paddings = tuple((int(a), int(b)) for a, b in paddings)
        self.mode = mode

    def construct(self, x):
        _tensor("Pad", x)
        if x.ndim != len(self.paddings):
            raise ShapeError(f"For 'Pad', 'paddings' has {len(self.paddings)} pairs, but the input "
                             f"has shape {list(x.shape)} ({x.ndim} axes); they must match.")
        # ops.pad's order: the last axis first.
        flat = tuple(v for p in reversed(self.paddings) for v in p)
        if self.mode == "CONSTANT":
            return _pad(x, flat, "constant", 0)
        _mirror_fits("Pad", x, flat, symmetric=self.mode == "SYMMETRIC")
        if self.mode == "REFLECT":
            return _pad(x, flat, "reflect")
        for axis, (lo, hi) in enumerate(self.paddings):
            x = _symmetric(x, axis, lo, hi)
        return x


def _symmetric(x, axis, lo, hi):
    """Mirrors with the edge element: position ``-1`` reads ``0``, ``n`` reads ``n - 1``."""
    if lo == 0 and hi == 0:
        return x
    n = x.shape[axis]
    pos = _np.arange(-lo, n + hi)
    pos = _np.where(pos < 0, -pos - 1, pos)
    pos = _np.where(pos >= n, 2 * n - 1 - pos, pos)
    index = (slice(None),) * axis + (Tensor(pos.astype(_np.int64)),)
    return x[index]

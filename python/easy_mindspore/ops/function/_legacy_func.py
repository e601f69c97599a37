"""``mindspore.ops`` functions of older MindSpore code: ``intopk``, ``scalar_cast``,
``scalar_to_tensor``, ``tuple_to_array``, ``accumulate_n``, ``view_as`` and the 1-D adaptive
poolings whose length must divide evenly (``adaptive_avg_pool1d``, ``adaptive_max_pool1d``), with
MindSpore 2.10's arguments, results and errors."""
import numbers

import numpy as _np

from ..._C import Tensor
from ..._errors import DTypeError, ShapeError, TensorIndexError
from ...common import dtype as mstype
from ._args import tensor_arg

__all__ = ["intopk", "scalar_cast", "scalar_to_tensor", "tuple_to_array", "accumulate_n",
           "view_as", "adaptive_avg_pool1d", "adaptive_max_pool1d"]


def intopk(x1, x2, k):
    """Whether each target class ``x2[i]`` is among the `k` largest entries of row ``x1[i]`` (a tie
    with the k-th largest counts as in).

    Args:
        x1 (Tensor): ``(N, C)`` float scores.
        x2 (Tensor): ``(N,)`` int32 or int64 target classes.
        k (int): How many of the largest entries count.

    Returns:
        Tensor, ``(N,)`` Bool.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1., -2., 0.], [3., 0.5, -1.]])
        >>> print(ops.intopk(x, ms.Tensor([1, 0], ms.int32), 2))
        [False  True]
    """
    from .. import operations
    return operations.InTopK(k)(x1, x2)


_SCALAR_TYPES = {mstype.int64: int, mstype.float64: float, mstype.bool_: bool}


def scalar_cast(input_x, input_y):
    """A Python number converted to the Python type of a MindSpore scalar type (``int64`` to
    ``int``, truncating; ``float64`` to ``float``; ``bool``).

    Args:
        input_x (Union[int, float, bool]): The number.
        input_y (mindspore.dtype): ``mindspore.int64``, ``mindspore.float64`` or ``mindspore.bool_``.

    Returns:
        Union[int, float, bool].

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.scalar_cast(2.7, ms.int64), ops.scalar_cast(2, ms.float64))
        2 2.0
    """
    if input_y not in _SCALAR_TYPES:
        raise ShapeError(f"For 'ScalarCast', the supported type is in the list: "
                         f"{list(_SCALAR_TYPES)}, but got {input_y}.")
    if not isinstance(input_x, numbers.Number) or isinstance(input_x, complex):
        raise DTypeError(f"For 'ScalarCast', 'input_x' must be a number, but got "
                         f"{type(input_x).__name__}.")
    return _SCALAR_TYPES[input_y](input_x)


def scalar_to_tensor(input_x, dtype=mstype.float32):
    """A 0-d tensor of `dtype` holding the number `input_x`.

    Args:
        input_x (Union[bool, int, float]): The number.
        dtype (mindspore.dtype, optional): Default: ``mindspore.float32``.

    Returns:
        Tensor, 0-d.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.scalar_to_tensor(2.5, ms.float16))
        2.5
    """
    if not isinstance(input_x, (bool, int, float)):
        raise DTypeError(f"For 'scalar_to_tensor', 'input_x' must be a bool, int or float, but got "
                         f"{type(input_x).__name__}.")
    return Tensor(input_x, dtype)


def tuple_to_array(input_x):
    """A 1-D tensor of a tuple (or a ``range``) of numbers, as MindSpore 2.10 makes it: the first
    element decides the dtype, Float32 for a float and Int32 otherwise (bools are ints; the other
    elements are converted to it, floats truncated).

    Args:
        input_x (Union[tuple, range]): The numbers, at least one.

    Returns:
        Tensor, 1-D.

    Raises:
        TypeError: If `input_x` is not a tuple or a range, or holds something else than numbers.
        IndexError: If `input_x` is empty.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.tuple_to_array((1, 2, 3)).dtype, ops.tuple_to_array((1.0, 2.0)))
        Int32 [1. 2.]
        >>> print(ops.tuple_to_array(range(4)), ops.tuple_to_array((True, 2.5)))
        [0 1 2 3] [1 2]
    """
    if isinstance(input_x, range):
        input_x = tuple(input_x)
    if not isinstance(input_x, tuple):
        raise DTypeError(f"For 'tuple_to_array', 'input_x' must be a tuple or a range, but got "
                         f"{input_x!r}.")
    if not input_x:
        raise TensorIndexError("For 'tuple_to_array', 'input_x' must not be empty: tuple index "
                               "out of range.")
    if any(not isinstance(v, numbers.Real) for v in input_x):
        raise DTypeError(f"For 'tuple_to_array', the elements must be numbers, but got "
                         f"{input_x!r}.")
    if isinstance(input_x[0], numbers.Integral):
        return Tensor(_np.array([int(v) for v in input_x], _np.int64).astype(_np.int32))
    return Tensor(_np.array(input_x, _np.float32))


def accumulate_n(x):
    """The elementwise sum of a list of tensors of one shape and dtype.

    Args:
        x (Union[list[Tensor], tuple[Tensor]]): The tensors.

    Returns:
        Tensor, of their shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.accumulate_n([ms.Tensor([1., 2.]), ms.Tensor([3., 4.]), ms.Tensor([5., 6.])]))
        [ 9. 12.]
    """
    op = "AccumulateNV2"
    if not isinstance(x, (list, tuple)) or not x:
        raise DTypeError(f"For '{op}', 'x' must be a non-empty list or tuple of Tensors, but got "
                         f"{type(x).__name__}.")
    first = tensor_arg(op, "x[0]", x[0])
    total = first
    for i, t in enumerate(x[1:], 1):
        t = tensor_arg(op, f"x[{i}]", t)
        if t.shape != first.shape or t.dtype != first.dtype:
            raise ShapeError(f"For '{op}', every tensor must have the shape and dtype of x[0] "
                             f"({first.shape}, {first.dtype}), but x[{i}] has ({t.shape}, "
                             f"{t.dtype}).")
        total = total + t
    return total


def view_as(input, other):
    """`input` reshaped to `other`'s shape.

    Args:
        input (Tensor): The tensor.
        other (Tensor): A tensor of the wanted shape (and the same number of elements).

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.view_as(ms.Tensor([1., 2., 3., 4.]), ms.Tensor([[0., 0.], [0., 0.]])))
        [[1. 2.]
         [3. 4.]]
    """
    input = tensor_arg("view_as", "input", input)
    other = tensor_arg("view_as", "other", other)
    return input.reshape(other.shape)


def _even_windows(op, x, output_size):
    """``x`` ``(N, C, L)`` viewed as ``(N, C, output_size, L / output_size)``."""
    x = tensor_arg(op, "input", x)
    if x.ndim != 3:
        raise ShapeError(f"For {op} input must have 3 dim, but got {x.ndim}.")
    if isinstance(output_size, bool) or not isinstance(output_size, int) or output_size <= 0:
        raise DTypeError(f"For {op}, 'output_size' must be a positive int, but got "
                         f"{output_size!r}.")
    n, c, length = x.shape
    if length % output_size:
        raise ShapeError(f"For {op} input's last dimension must be divisible by output size "
                         f"{output_size}, but got {length}.")
    return x.reshape(n, c, output_size, length // output_size)


def adaptive_avg_pool1d(input, output_size):
    """1-D adaptive average pooling of ``(N, C, L)`` to ``(N, C, output_size)``, where
    `output_size` divides ``L`` (MindSpore's requirement): the mean of each run of
    ``L / output_size``.

    Args:
        input (Tensor): ``(N, C, L)``.
        output_size (int): Divides ``L``.

    Returns:
        Tensor, ``(N, C, output_size)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[[1., 5., 2., 0., 3., 3.]]])
        >>> print(ops.adaptive_avg_pool1d(x, 3))
        [[[3. 1. 3.]]]
    """
    return _even_windows("adaptive_avg_pool1d", input, output_size).mean(-1)


def adaptive_max_pool1d(input, output_size):
    """1-D adaptive max pooling of ``(N, C, L)`` to ``(N, C, output_size)``, where `output_size`
    divides ``L`` (MindSpore's requirement): the largest of each run of ``L / output_size``.

    Args:
        input (Tensor): ``(N, C, L)``.
        output_size (int): Divides ``L``.

    Returns:
        Tensor, ``(N, C, output_size)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[[1., 5., 2., 0., 3., 3.]]])
        >>> print(ops.adaptive_max_pool1d(x, 2))
        [[[5. 3.]]]
    """
    return _even_windows("adaptive_max_pool1d", input, output_size).amax(-1)

"""``mindspore.ops.operations`` sorting, gathering and tiling primitives (re-exported by
``operations``): ``Sort``, ``TopK``, ``GatherD``, ``Gather``, ``Split``, ``Tile``, with
``CumProd`` and ``Erfinv``; each with MindSpore 2.x's constructor and call arguments, its
``__call__`` calling the function."""
from . import functional as F
from .. import _C
from .._errors import ShapeError as _ShapeError
from .operations import Primitive


class Sort(Primitive):
    """``ops.Sort(axis=-1, descending=False)(x)``: ``(values, Int32 indices)``.

    Args:
        axis (int, optional): The axis. Default: ``-1``.
        descending (bool, optional): Whether to sort in descending order. Default: ``False``.

    Outputs:
        tuple(Tensor, Tensor), the sorted values and their Int32 indices, of the shape of the input.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([3.0, 1.0, 2.0], ms.float32)
        >>> values, indices = ops.Sort()(x)
        >>> print(values)
        [1. 2. 3.]
        >>> print(indices)
        [1 2 0]
    """

    def __init__(self, axis=-1, descending=False):
        self.axis, self.descending = axis, descending

    def __call__(self, x):
        return F.sort(x, self.axis, self.descending)


class TopK(Primitive):
    """``ops.TopK(sorted=True)(x, k)``: the ``k`` largest along the last axis and their indices.

    Args:
        sorted (bool, optional): Whether the results are sorted by value. Default: ``True``.

    Outputs:
        tuple(Tensor, Tensor), the `k` largest values and their Int32 indices along the last axis.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> values, indices = ops.TopK()(x, 2)
        >>> print(values)
        [[3. 2.]
         [6. 5.]]
        >>> print(indices)
        [[2 1]
         [2 1]]
    """

    def __init__(self, sorted=True):  # noqa: A002 - MindSpore's argument name
        self.sorted = sorted

    def __call__(self, x, k):
        if isinstance(k, _C.Tensor) and k.size == 1:  # k may be a one-element Tensor
            k = int(k.asnumpy().reshape(-1)[0])
        return F.topk(x, k, sorted=self.sorted)


class GatherD(Primitive):
    """``ops.GatherD()(x, dim, index)``: :func:`gather_elements`.

    Outputs:
        Tensor, of the shape of `index`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> z = ms.Tensor([[0, 1], [1, 0]], ms.int32)
        >>> print(ops.GatherD()(x, 1, z))
        [[1. 2.]
         [5. 4.]]
    """

    def __call__(self, x, dim, index):
        return F.gather_elements(x, dim, index)


class Gather(Primitive):
    """``ops.Gather(batch_dims=0)(params, indices, axis)``: the slices of `params` at `indices`
    along `axis`; the first `batch_dims` axes of `params` and `indices` are batch axes (as in
    ``ops.gather``).

    Args:
        batch_dims (int, optional): The number of leading batch axes. Default: ``0``.

    Outputs:
        Tensor, of shape ``params.shape[:axis] + indices.shape + params.shape[axis + 1:]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> params = ms.Tensor([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]], ms.float32)
        >>> print(ops.Gather()(params, ms.Tensor([2, 0], ms.int32), 0))
        [[5. 6.]
         [1. 2.]]
    """

    def __init__(self, batch_dims=0):
        self.batch_dims = batch_dims

    def __call__(self, input_params, input_indices, axis, batch_dims=None):
        batch_dims = self.batch_dims if batch_dims is None else batch_dims
        return F.gather(input_params, input_indices, axis, batch_dims)


class Split(Primitive):
    """``ops.Split(axis=0, output_num=1)(x)``: ``output_num`` equal parts along ``axis``.

    Args:
        axis (int, optional): The axis to split. Default: ``0``.
        output_num (int, optional): The number of equal parts. Default: ``1``.

    Outputs:
        tuple(Tensor), the parts in order.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> a, b, c = ops.Split(axis=1, output_num=3)(x)
        >>> print(b)
        [[2.]
         [5.]]
    """

    def __init__(self, axis=0, output_num=1):
        self.axis, self.output_num = axis, output_num

    def __call__(self, x):
        n = x.shape[self.axis]
        if self.output_num <= 0 or n % self.output_num:
            raise _ShapeError(f"For 'Split', the size {n} of axis {self.axis} must be divisible by "
                              f"output_num {self.output_num}.")
        return F.split(x, n // self.output_num, self.axis)


class Tile(Primitive):
    """``ops.Tile()(x, multiples)``.

    Outputs:
        Tensor, `input` repeated along each axis.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.Tile()(x, (2, 1)))
        [[1. 2. 3.]
         [4. 5. 6.]
         [1. 2. 3.]
         [4. 5. 6.]]
    """

    def __call__(self, x, multiples):
        return F.tile(x, multiples)


class Erfinv(Primitive):
    """The inverse error function (Float32/Float64; ``±inf`` at ``±1``).

    The primitive form of :func:`mindspore.ops.erfinv`: ``ops.Erfinv()(*inputs)`` computes ``ops.erfinv(*inputs)``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0.1, 0.5, 0.9], ms.float32)
        >>> print(ops.Erfinv()(x))
        [0.08885599 0.47693628 1.1630871 ]
    """
    def __call__(self, x):
        return F.erfinv(x)


class CumProd(Primitive):
    """``ops.CumProd(exclusive=False, reverse=False)(x, axis)``: running products; ``exclusive``
    leaves each element out of its own product (the first is 1), ``reverse`` runs from the end.

    Args:
        exclusive (bool, optional): Whether each output excludes its own element. Default:
            ``False``.
        reverse (bool, optional): Whether to accumulate from the end. Default: ``False``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.CumProd()(x, 1))
        [[  1.   2.   6.]
         [  4.  20. 120.]]
    """

    def __init__(self, exclusive=False, reverse=False):
        self.exclusive, self.reverse = bool(exclusive), bool(reverse)

    def __call__(self, x, axis):
        if not isinstance(x, _C.Tensor):
            raise TypeError(f"For 'CumProd', 'x' must be a Tensor, but got {type(x).__name__}.")
        if str(x.dtype) == "Bool":
            raise TypeError("For 'CumProd', 'x' must be a numeric Tensor, but got Tensor[Bool].")
        if self.reverse:
            x = F.flip(x, (axis,))
        if self.exclusive and x.ndim and x.shape[axis]:
            axis %= x.ndim
            one = list(x.shape)
            one[axis] = 1
            head = _C.full(tuple(one), 1, x.dtype)
            x = _C.concat([head, x[(slice(None),) * axis + (slice(0, x.shape[axis] - 1),)]], axis)
        out = F.cumprod(x, axis)
        if out.dtype != x.dtype:  # MindSpore keeps the integer dtype (Int32 stays Int32)
            out = out.astype(x.dtype)
        return F.flip(out, (axis,)) if self.reverse else out

"""``mindspore.ops.operations`` array primitives (re-exported by ``_operations_more``):
creation (``Zeros``, ``Ones``, ``Fill``, ``Eye``, ``Range``, ``LinSpace``, ``Unique``), shape
and slicing (``BroadcastTo``, ``Unstack``, ``StridedSlice``, ``Slice``, ``Tril``/``Triu``,
``Roll``, ``ReverseV2``, ``Flatten``), scatter (``IndexAdd``, ``ScatterAdd``), ``Einsum`` and
the utilities ``Print``, ``Identity``, ``DType``. Each keeps MindSpore 2.x's constructor and call
arguments; its ``__call__`` calls the function of ``ops.function``."""
import sys

from . import functional as F
from .. import _C
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from .function._args import axis_arg as _axis_arg, const_ints as _const_ints, tensor_arg as _tensor
from .operations import Primitive


class Unique(Primitive):
    """``ops.Unique()(x)``: ``(y, idx)`` as :func:`ops.unique` (the indices Int64 for an Int64
    input, Int32 otherwise, as MindSpore 2.10's primitive returns them).

    Outputs:
        tuple(Tensor, Tensor), the distinct elements and, for each input element, the index of its
        value in them.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([3, 1, 3, 2], ms.int32)
        >>> out, idx = ops.Unique()(x)
        >>> print(out)
        [3 1 2]
        >>> print(idx)
        [0 1 0 2]
    """

    def __call__(self, x):
        return F.unique(x)


class Zeros(Primitive):
    """``ops.Zeros()(shape, dtype=None)``: zeros, Float32 when `dtype` is None.

    Outputs:
        Tensor of shape `size`, filled with zeros.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.Zeros()((2, 2), ms.float32))
        [[0. 0.]
         [0. 0.]]
    """

    def __call__(self, size, dtype=None):
        return F.zeros(size, dtype)


class Ones(Primitive):
    """``ops.Ones()(shape, dtype=None)``: ones, Float32 when `dtype` is None.

    Outputs:
        Tensor of shape `size`, filled with ones.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.Ones()((2, 2), ms.float32))
        [[1. 1.]
         [1. 1.]]
    """

    def __call__(self, size, dtype=None):
        return F.ones(size, dtype)


class Fill(Primitive):
    """``ops.Fill()(type, shape, value)``.

    Outputs:
        Tensor of shape `shape` and dtype `type`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.Fill()(ms.float32, (2, 2), 3.0))
        [[3. 3.]
         [3. 3.]]
    """

    def __call__(self, type, shape, value):  # noqa: A002 - MindSpore's argument name
        return _C.full(tuple(shape), value, type)


class Eye(Primitive):
    """``ops.Eye()(n, m, t)``: the ``n × m`` identity of dtype ``t``.

    Outputs:
        Tensor of shape ``[n, m]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.Eye()(2, 3, ms.int32))
        [[1 0 0]
         [0 1 0]]
    """

    def __call__(self, n, m, t):
        return F.eye(n, m, t)


class Range(Primitive):
    """``ops.Range(maxlen=1000000)(start, limit, delta)``.

    Args:
        maxlen (int, optional): Kept as an attribute; as on MindSpore's CPU it does not limit the
            output (every element is returned). Default: ``1000000``.

    Outputs:
        Tensor, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.Range()(ms.Tensor(0, ms.int32), ms.Tensor(6, ms.int32), ms.Tensor(2, ms.int32)))
        [0 2 4]
    """

    def __init__(self, maxlen=1000000):
        self.maxlen = maxlen

    def __call__(self, start, limit, delta):
        return F.range(start, limit, delta, sys.maxsize)


class LinSpace(Primitive):
    """``ops.LinSpace()(start, stop, num)``.

    Outputs:
        Tensor, 1-D, of `steps` elements.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.LinSpace()(ms.Tensor(0.0, ms.float32), ms.Tensor(1.0, ms.float32), 5))
        [0.   0.25 0.5  0.75 1.  ]
    """

    def __call__(self, start, stop, num):
        return F.linspace(start, stop, num)


class BroadcastTo(Primitive):
    """``ops.BroadcastTo(shape)(x)`` (``-1`` keeps a dimension).

    Args:
        shape (Union[tuple[int], list[int]]): The shape.

    Outputs:
        Tensor of shape `shape`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(ops.BroadcastTo((2, 2))(x))
        [[1. 2.]
         [1. 2.]]
    """

    def __init__(self, shape):
        self.shape = tuple(shape)

    def __call__(self, x):
        return _tensor("BroadcastTo", "x", x).broadcast_to(self.shape)


class Unstack(Primitive):
    """``ops.Unstack(axis=0, num=None)(x)``: the slices of ``x`` along ``axis``, as a tuple.

    Args:
        axis (int, optional): The axis. Default: ``0``.
        num (int, optional): The number of values. Default: ``None``.

    Outputs:
        tuple(Tensor), the slices along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.Unstack(axis=0)(x))
        (Tensor(shape=[3], dtype=Float32, value= [ 1.00000000e+00,  2.00000000e+00,  3.00000000e+00]), Tensor(shape=[3], dtype=Float32, value= [ 4.00000000e+00,  5.00000000e+00,  6.00000000e+00]))
    """

    def __init__(self, axis=0, num=None):
        self.axis, self.num = axis, num

    def __call__(self, x):
        if _tensor("Unstack", "x", x).ndim == 0:
            raise ShapeError("For 'Unstack', the input must have at least one axis.")
        axis = _axis_arg("Unstack", "axis", self.axis, x.ndim)
        if self.num is not None and self.num != x.shape[axis]:
            raise ShapeError(f"For 'Unstack', 'num' {self.num} must equal axis {axis} of shape {list(x.shape)}.")
        return tuple(x[(slice(None),) * axis + (i,)] for i in range(x.shape[axis]))


class Einsum(Primitive):
    """``ops.Einsum(equation)(operands)``: ``operands`` a tuple of tensors.

    Args:
        equation (str): The subscripts, e.g. ``'ij,jk->ik'``.

    Outputs:
        Tensor, of the shape the output subscripts describe.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[-1.0, 0.5], [2.0, -3.0]], ms.float32)
        >>> print(ops.Einsum('ij,jk->ik')((x, x)))
        [[ 2. -2.]
         [-8. 10.]]
    """

    def __init__(self, equation):
        self.equation = equation

    def __call__(self, operands):
        return F.einsum(self.equation, *operands)


class Print(Primitive):
    """``ops.Print()(*inputs)``: prints strings and tensors (a tensor as its ``repr``).

    Outputs:
        None.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> ops.Print()('x:', x)
        x:
        Tensor(shape=[3], dtype=Float32, value= [-1.50000000e+00,  0.00000000e+00,  2.50000000e+00])
    """

    def __call__(self, *inputs):
        from .. import _jit
        if _jit.graph_printing():  # inside a jitted function: MindSpore's graph forms
            _jit.printed()
            _jit._builtin_print("\n".join(_graph_str(v) for v in inputs))
            return
        print("\n".join(repr(v) if isinstance(v, Tensor) else str(v) for v in inputs))


def _graph_str(v):
    """A value as MindSpore 2.10's graph mode prints it (measured): a tensor's repr without the
    commas between values (``Tensor(shape=[3], dtype=Int32, value=[1 2 3])``), a 0-d tensor and
    a number as C++ streams them (``6``, ``1.49998``, a bool as 1/0), a tuple or list as
    ``(a, b)`` (``(3)`` for one item)."""
    if isinstance(v, (tuple, list)):
        return "(" + ", ".join(_graph_item(x) for x in v) + ")"
    return _graph_item(v)


def _graph_item(v):
    if isinstance(v, Tensor):
        if v.ndim == 0:
            v = v.item()
        else:
            from ..tensor import _native_repr
            head, _, values = _native_repr(v).partition("value=")
            return head + "value=" + values.lstrip(" ").replace(",", "")
    if isinstance(v, bool):
        return str(int(v))
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


class Identity(Primitive):
    """``ops.Identity()(x)``: a copy of ``x``.

    Outputs:
        Tensor, a copy of the input.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Identity()(x))
        [-1.5  0.   2.5]
    """

    def __call__(self, x):
        return x.copy() if isinstance(x, Tensor) else x


class StridedSlice(Primitive):
    """``ops.StridedSlice(begin_mask, end_mask, ellipsis_mask, new_axis_mask,
    shrink_axis_mask)(x, begin, end, strides)``: bit ``i`` of a mask applies to entry ``i`` of
    ``begin``/``end``/``strides`` (ignore the begin, the end; an ellipsis; a new axis; take the
    single element ``begin[i]`` and drop the axis).

    Args:
        begin_mask (int, optional): The bit mask begin_mask (bit i for axis i), as MindSpore's.
            Default: ``0``.
        end_mask (int, optional): The bit mask end_mask (bit i for axis i), as MindSpore's. Default:
            ``0``.
        ellipsis_mask (int, optional): The bit mask ellipsis_mask (bit i for axis i), as
            MindSpore's. Default: ``0``.
        new_axis_mask (int, optional): The bit mask new_axis_mask (bit i for axis i), as
            MindSpore's. Default: ``0``.
        shrink_axis_mask (int, optional): The bit mask shrink_axis_mask (bit i for axis i), as
            MindSpore's. Default: ``0``.

    Outputs:
        Tensor, the selected elements.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.StridedSlice()(x, (0, 0), (2, 3), (1, 2)))
        [[1. 3.]
         [4. 6.]]
    """

    def __init__(self, begin_mask=0, end_mask=0, ellipsis_mask=0, new_axis_mask=0, shrink_axis_mask=0):
        self.masks = (begin_mask, end_mask, ellipsis_mask, new_axis_mask, shrink_axis_mask)
        self.begin_mask, self.end_mask, self.ellipsis_mask = begin_mask, end_mask, ellipsis_mask
        self.new_axis_mask, self.shrink_axis_mask = new_axis_mask, shrink_axis_mask

    def __call__(self, x, begin, end, strides):
        x = _tensor("StridedSlice", "x", x)
        begin, end, strides = _const_ints(begin), _const_ints(end), _const_ints(strides)
        if not all(isinstance(v, (tuple, list)) for v in (begin, end, strides)):
            raise DTypeError(f"For 'StridedSlice', 'begin', 'end' and 'strides' must be tuples of ints, "
                             f"but got {begin!r}, {end!r}, {strides!r}.")
        if not len(begin) == len(end) == len(strides):
            raise ShapeError(f"For 'StridedSlice', 'begin', 'end' and 'strides' must have the same "
                             f"length, but got {begin}, {end}, {strides}.")
        bm, em, elm, nm, sm = self.masks
        index = []
        for i, (b, e, s) in enumerate(zip(begin, end, strides)):
            bit = 1 << i
            if s == 0:
                raise ShapeError("For 'StridedSlice', the strides must not be 0.")
            if elm & bit:
                index.append(Ellipsis)
            elif nm & bit:
                index.append(None)
            elif sm & bit:
                index.append(int(b))
            else:
                index.append(slice(None if bm & bit else int(b), None if em & bit else int(e), int(s)))
        return x[tuple(index)]


class Slice(Primitive):
    """``ops.Slice()(x, begin, size)``: ``size[i]`` elements from ``begin[i]`` on each axis
    (``-1``: to the end).

    Outputs:
        Tensor of shape `size` (the ``-1`` entries resolved).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.Slice()(x, (0, 1), (2, 2)))
        [[2. 3.]
         [5. 6.]]
    """

    def __call__(self, x, begin, size):
        x = _tensor("Slice", "x", x)
        begin, size = _const_ints(begin), _const_ints(size)
        if not isinstance(begin, (tuple, list)) or not isinstance(size, (tuple, list)):
            raise DTypeError(f"For 'Slice', 'begin' and 'size' must be tuples of ints, but got "
                             f"{begin!r} and {size!r}.")
        if len(begin) != x.ndim or len(size) != x.ndim:
            raise ShapeError(f"For 'Slice', 'begin' and 'size' need one entry per axis of shape "
                             f"{list(x.shape)}, but got {begin} and {size}.")
        idx = []
        for b, s, n in zip(begin, size, x.shape):
            end = n if s == -1 else b + s
            if b < 0 or end > n or end < b:
                raise ShapeError(f"For 'Slice', begin {list(begin)} and size {list(size)} exceed shape "
                                 f"{list(x.shape)}.")
            idx.append(slice(int(b), int(end)))
        return x[tuple(idx)]


class Tril(Primitive):
    """``ops.Tril(diagonal=0)(x)``.

    Args:
        diagonal (int, optional): The diagonal: 0 the main one, positive above, negative below.
            Default: ``0``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> print(ops.Tril()(x))
        [[1. 0.]
         [3. 4.]]
    """

    def __init__(self, diagonal=0):
        self.diagonal = diagonal

    def __call__(self, x):
        return F.tril(x, self.diagonal)


class Triu(Tril):
    """``ops.Triu(diagonal=0)(x)``.

    Args:
        diagonal (int, optional): The diagonal: 0 the main one, positive above, negative below.
            Default: ``0``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> print(ops.Triu()(x))
        [[1. 2.]
         [0. 4.]]
    """

    def __call__(self, x):
        return F.triu(x, self.diagonal)


class Roll(Primitive):
    """``ops.Roll(shifts, dims=None)(x)``.

    Args:
        shifts (Union[int, tuple[int]]): The number of places to shift by.
        dims (Union[int, tuple[int], list[int]], optional): The axes. Default: ``None``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.Roll(1, 1)(x))
        [[3. 1. 2.]
         [6. 4. 5.]]
    """

    def __init__(self, shifts, dims=None):
        self.shifts, self.dims = shifts, dims

    def __call__(self, x):
        return F.roll(x, self.shifts, self.dims)


class ReverseV2(Primitive):
    """``ops.ReverseV2(axis)(x)``: :func:`ops.flip`.

    Args:
        axis (int, optional): The axis.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.ReverseV2(axis=(1,))(x))
        [[3. 2. 1.]
         [6. 5. 4.]]
    """

    def __init__(self, axis):
        self.axis = tuple(axis)

    def __call__(self, x):
        return F.flip(x, self.axis)


class IndexAdd(Primitive):
    """``ops.IndexAdd(axis, use_lock=True, check_index_bound=True)(x, indices, y)``.

    Args:
        axis (int): The axis along which to add.
        use_lock (bool, optional): Accepted for compatibility. Default: ``True``.
        check_index_bound (bool, optional): Whether to check the indices. Default: ``True``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Parameter(ops.zeros((2, 3), ms.float32))
        >>> idx = ms.Tensor([0, 2], ms.int32)
        >>> y = ops.ones((2, 2), ms.float32)
        >>> print(ops.IndexAdd(axis=1)(x, idx, y))
        [[1. 0. 1.]
         [1. 0. 1.]]
    """

    def __init__(self, axis, use_lock=True, check_index_bound=True):
        self.axis, self.check_index_bound = axis, check_index_bound

    def __call__(self, x, indices, y):
        return F.index_add(x, indices, y, self.axis, True, self.check_index_bound)


class ScatterAdd(Primitive):
    """``ops.ScatterAdd(use_locking=False)(input_x, indices, updates)``.

    Args:
        use_locking (bool, optional): Accepted for compatibility (updates are not concurrent).
            Default: ``False``.

    Outputs:
        Tensor, of the shape of `input_x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Parameter(ops.zeros((3, 2), ms.float32))
        >>> idx = ms.Tensor([0, 2], ms.int32)
        >>> upd = ops.ones((2, 2), ms.float32)
        >>> out = ops.ScatterAdd()(x, idx, upd)
        >>> print(x.value())
        [[1. 1.]
         [0. 0.]
         [1. 1.]]
    """

    def __init__(self, use_locking=False):
        self.use_locking = use_locking

    def __call__(self, input_x, indices, updates):
        return F.scatter_add(input_x, indices, updates)


class Flatten(Primitive):
    """``ops.Flatten()(x)``: ``[N, -1]``.

    Outputs:
        Tensor, with the axes `start_dim` to `end_dim` merged into one.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.ones((2, 3, 4), ms.float32)
        >>> print(ops.Flatten()(x).shape)
        (2, 12)
    """

    def __call__(self, x):
        x = _tensor("Flatten", "x", x)
        return x.reshape(x.shape[0] if x.ndim else 1, -1)


class DType(Primitive):
    """``ops.DType()(x)``: the dtype of ``x``.

    Outputs:
        mindspore.dtype, the dtype of the input.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.DType()(x))
        Float32
    """

    def __call__(self, x):
        return _tensor("DType", "x", x).dtype

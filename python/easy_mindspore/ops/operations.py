"""``mindspore.ops.operations`` (``P``): primitive classes, each an object called like a function
(``P.Reshape()(x, (2, 3))``). They forward to the functional ops."""
from . import functional as F
from ..common import dtype as mstype
from .._tensor_extremes import reduce_max as _reduce_max

__all__ = [
    "Reshape", "Transpose", "ReduceSum", "ReduceMean", "ReduceMax", "MatMul", "BatchMatMul", "Add",
    "Sub", "Mul", "Div", "RealDiv", "Pow", "Neg", "Abs", "Exp", "Log", "Sqrt", "Square", "Tanh",
    "Erf", "Sigmoid", "ReLU", "Softmax", "Cast", "ExpandDims", "Squeeze", "Concat", "Stack", "OnesLike",
    "ZerosLike", "Shape", "Maximum", "Minimum", "StopGradient", "Select", "Argmax",
]
__all__ += ["AddN", "Partial", "InsertGradientOf"]


class Primitive:
    """Base of the primitive classes: ``name`` and the default repr."""

    @property
    def name(self):
        return type(self).__name__


def _unary(fn):
    class _P(Primitive):
        def __call__(self, x):
            return fn(x)
    return _P


def _binary(fn):
    class _P(Primitive):
        def __call__(self, x, y):
            return fn(x, y)
    return _P


class AddN(Primitive):
    """``P.AddN()(xs)``: the element-wise sum of a tuple or list of Tensors of one shape and
    dtype (ValueError for none or different shapes, TypeError for different dtypes).

    Outputs:
        Tensor, of the shape and dtype of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(ops.AddN()([x, x, x]))
        [3. 6.]
    """

    def __call__(self, xs):
        from .._C import Tensor
        from .._errors import DTypeError, ShapeError

        if isinstance(xs, Tensor) or not isinstance(xs, (tuple, list)):
            raise DTypeError(f"For 'AddN', the input must be a tuple or list of Tensors, but got "
                             f"{type(xs).__name__}.")
        if not xs:
            raise ShapeError("For primitive[AddN], the input num must be greater than or equal to 1, "
                             "but got 0.")
        for i, x in enumerate(xs):
            if not isinstance(x, Tensor):
                raise DTypeError(f"For 'AddN', input[{i}] must be a Tensor, but got {type(x).__name__}.")
            if tuple(x.shape) != tuple(xs[0].shape):
                raise ShapeError(f"For 'AddN', input shape must be same, but got shape of input[{i}]: "
                                 f"{tuple(x.shape)}, shape of input[0]: {tuple(xs[0].shape)}.")
            if x.dtype != xs[0].dtype:
                raise DTypeError(f"For primitive[AddN], the input type must be same, but input[{i}] "
                                 f"is {x.dtype} and input[0] is {xs[0].dtype}.")
        total = xs[0]
        for x in xs[1:]:
            total = total + x
        return total


class Partial(Primitive):
    """``P.Partial()(fn, *args)``: ``fn`` with its first arguments bound.

    Outputs:
        functools.partial, the function with the arguments bound.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> add_one = ops.Partial()(ops.add, 1)
        >>> print(add_one(ms.Tensor([1, 2], ms.int32)))
        [2 3]
    """

    def __call__(self, fn, *args):
        return F.partial(fn, *args)


class InsertGradientOf(Primitive):
    """``ops.InsertGradientOf(f)(x)``: ``x`` unchanged, and the gradient flowing back through it
    replaced by ``f(gradient)`` (for printing, clipping or scaling gradients).

    Args:
        f (function): Applied to the gradient flowing back through the value.

    Outputs:
        Tensor, the input unchanged (its gradient goes through `f`).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> clip = ops.InsertGradientOf(lambda g: ops.clamp(g, -1.0, 1.0))
        >>> def f(x):
        ...     return (clip(x) * 5.0).sum()
        ...
        >>> print(ms.grad(f)(ms.Tensor([1.0, 2.0])))
        [1. 1.]
    """

    def __init__(self, f):
        from .._errors import DTypeError

        if not callable(f):
            raise DTypeError(f"For 'InsertGradientOf', f must be callable, but got {type(f).__name__}.")
        self.f = f
        from .._custom import custom_vjp

        self._fn = custom_vjp(lambda x: x, bprop=lambda x, out, dout: (f(dout),))

    def __call__(self, x):
        return self._fn(x)


class Reshape(Primitive):
    """The tensor with a new shape (one entry may be -1, inferred).

    The primitive form of :func:`mindspore.ops.reshape`: ``ops.Reshape()(*inputs)`` computes ``ops.reshape(*inputs)``.

    Outputs:
        Tensor, of shape `shape` with the elements of the input.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.Reshape()(x, (3, 2)))
        [[1. 2.]
         [3. 4.]
         [5. 6.]]
    """
    def __call__(self, x, shape):
        return F.reshape(x, shape)


class Transpose(Primitive):
    """The tensor with its axes permuted by `perm`.

    The primitive form of :func:`mindspore.ops.transpose`: ``ops.Transpose()(*inputs)`` computes ``ops.transpose(*inputs)``.

    Outputs:
        Tensor, with the axes of `x` in the order `perm`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.Transpose()(x, (1, 0)))
        [[1. 4.]
         [2. 5.]
         [3. 6.]]
    """
    def __call__(self, x, perm):
        return F.transpose(x, perm)


class _Reduce(Primitive):
    _fn = None

    def __init__(self, keep_dims=False):
        self.keep_dims = keep_dims

    def __call__(self, x, axis=()):
        axis = None if axis == () else axis
        return type(self)._fn(x, axis, self.keep_dims)


class ReduceSum(_Reduce):
    """The sum over ``axis`` (all axes for ``()``).

    The primitive form of :func:`mindspore.ops.reduce_sum`: ``ops.ReduceSum()(*inputs)`` computes ``ops.reduce_sum(*inputs)``.

    Args:
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Outputs:
        Tensor, `x` reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ReduceSum()(x))
        1.0
    """
    _fn = staticmethod(lambda x, a, k: F.sum(x, a, k))


class ReduceMean(_Reduce):
    """The mean over ``axis``.

    The primitive form of :func:`mindspore.ops.reduce_mean`: ``ops.ReduceMean()(*inputs)`` computes ``ops.reduce_mean(*inputs)``.

    Args:
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Outputs:
        Tensor, `x` reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ReduceMean()(x))
        0.33333334
    """
    _fn = staticmethod(lambda x, a, k: F.mean(x, a, k))


class ReduceMax(_Reduce):
    """The maximum over ``axis``.

    The primitive form of :func:`mindspore.ops.reduce_max`: ``ops.ReduceMax()(*inputs)`` computes ``ops.reduce_max(*inputs)``.

    Args:
        keep_dims (bool, optional): Whether the reduced axes are kept with size 1. Default:
            ``False``.

    Outputs:
        Tensor, `x` reduced over `axis` (every axis when it is None); the reduced axes are kept with
        size 1 when `keepdims` is True.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.ReduceMax()(x))
        2.5
    """
    _fn = staticmethod(lambda x, a, k: _reduce_max(F._t(x), a, k))


class MatMul(Primitive):
    """The matrix product of two tensors, batched and broadcast as NumPy's ``matmul``.

    The primitive form of :func:`mindspore.ops.matmul`: ``ops.MatMul()(*inputs)`` computes ``ops.matmul(*inputs)``.

    Args:
        transpose_a (bool, optional): Whether the first matrix is transposed first. Default:
            ``False``.
        transpose_b (bool, optional): Whether the second matrix is transposed first. Default:
            ``False``.

    Outputs:
        Tensor, the product; 1-D operands lose their added axis as in NumPy's ``matmul``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[-1.0, 0.5], [2.0, -3.0]], ms.float32)
        >>> print(ops.MatMul()(x, x))
        [[ 2. -2.]
         [-8. 10.]]
    """
    def __init__(self, transpose_a=False, transpose_b=False):
        self.transpose_a, self.transpose_b = transpose_a, transpose_b

    def __call__(self, x, y):
        x = x.T if self.transpose_a else x
        y = y.T if self.transpose_b else y
        return F.matmul(x, y)


class BatchMatMul(MatMul):
    """The batched product of ``[..., n, m]`` and ``[..., m, p]`` (3-D or more).

    The primitive form of :func:`mindspore.ops.bmm`: ``ops.BatchMatMul()(*inputs)`` computes ``ops.bmm(*inputs)``.

    Args:
        transpose_a (bool, optional): Whether the first operand's last two axes are swapped first.
            Default: ``False``.
        transpose_b (bool, optional): Whether the second operand's last two axes are swapped first.
            Default: ``False``.

    Outputs:
        Tensor of shape ``[..., n, p]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.ones((2, 2, 3), ms.float32)
        >>> y = ops.ones((2, 3, 4), ms.float32)
        >>> print(ops.BatchMatMul()(x, y).shape)
        (2, 2, 4)
    """
    def __call__(self, x, y):
        x = x.swapaxes(-1, -2) if self.transpose_a else x
        y = y.swapaxes(-1, -2) if self.transpose_b else y
        return F.matmul(x, y)


Add, Sub, Mul = _binary(F.add), _binary(F.sub), _binary(F.mul)
Div = RealDiv = _binary(F.div)
Pow, Maximum, Minimum = _binary(F.pow), _binary(F.maximum), _binary(F.minimum)
Neg, Abs, Exp, Log = _unary(F.neg), _unary(F.abs), _unary(F.exp), _unary(F.log)
Sqrt, Square, Tanh, Sigmoid = _unary(F.sqrt), _unary(F.square), _unary(F.tanh), _unary(F.sigmoid)
Erf = _unary(F.erf)
ReLU, OnesLike, ZerosLike = _unary(F.relu), _unary(F.ones_like), _unary(F.zeros_like)
Shape, StopGradient = _unary(F.shape), _unary(F.stop_gradient)
for _name in ("Add", "Sub", "Mul", "Div", "Pow", "Maximum", "Minimum", "Neg", "Abs", "Exp", "Log",
              "Sqrt", "Square", "Tanh", "Erf", "Sigmoid", "ReLU", "OnesLike", "ZerosLike", "Shape",
              "StopGradient"):
    globals()[_name].__name__ = globals()[_name].__qualname__ = _name
RealDiv = type("RealDiv", (Div,), {})


class Softmax(Primitive):
    """The softmax along `axis`: ``exp(x) / sum(exp(x))``, computed stably.

    The primitive form of :func:`mindspore.ops.softmax`: ``ops.Softmax()(*inputs)`` computes ``ops.softmax(*inputs)``.

    Args:
        axis (int, optional): The axis. Default: ``-1``.

    Outputs:
        Tensor, of the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Softmax()(x))
        [0.01664452 0.07459556 0.9087599 ]
    """
    def __init__(self, axis=-1):
        self.axis = axis

    def __call__(self, x):
        return F.softmax(x, self.axis)


class Cast(Primitive):
    """The tensor converted to `dtype`.

    The primitive form of :func:`mindspore.ops.cast`: ``ops.Cast()(*inputs)`` computes ``ops.cast(*inputs)``.

    Outputs:
        Tensor, of the shape of `x` and dtype `dtype`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> y = ops.Cast()(x, ms.int32)
        >>> print(y, y.dtype)
        [-1  0  2] Int32
    """
    def __call__(self, x, dtype):
        return F.cast(x, dtype)


class ExpandDims(Primitive):
    """The tensor with a new axis of size 1 inserted at `axis`.

    The primitive form of :func:`mindspore.ops.expand_dims`: ``ops.ExpandDims()(*inputs)`` computes ``ops.expand_dims(*inputs)``.

    Outputs:
        Tensor, with a new axis of size 1 at `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> print(ops.ExpandDims()(x, 1))
        [[[1. 2. 3.]]
        <BLANKLINE>
         [[4. 5. 6.]]]
    """
    def __call__(self, x, axis):
        return F.expand_dims(x, axis)


class Squeeze(Primitive):
    """The tensor without its axes of size 1.

    The primitive form of :func:`mindspore.ops.squeeze`: ``ops.Squeeze()(*inputs)`` computes ``ops.squeeze(*inputs)``.

    Args:
        axis (int, optional): The axis. Default: ``()``.

    Outputs:
        Tensor, without the axes of size 1 (only those of `axis` when it is given).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.ones((1, 2, 1), ms.float32)
        >>> print(ops.Squeeze()(x).shape)
        (2,)
    """
    def __init__(self, axis=()):
        self.axis = axis

    def __call__(self, x):
        return F.squeeze(x, None if self.axis == () else self.axis)


class Concat(Primitive):
    """Joins tensors along an existing axis (:func:`cat`).

    The primitive form of :func:`mindspore.ops.concat`: ``ops.Concat()(*inputs)`` computes ``ops.concat(*inputs)``.

    Args:
        axis (int, optional): The axis. Default: ``0``.

    Outputs:
        Tensor, the inputs joined along `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0]], ms.float32)
        >>> print(ops.Concat(axis=0)((x, x)))
        [[1. 2.]
         [1. 2.]]
    """
    def __init__(self, axis=0):
        self.axis = axis

    def __call__(self, xs):
        return F.concat(xs, self.axis)


class Stack(Primitive):
    """Stacks tensors of one shape along a new axis.

    The primitive form of :func:`mindspore.ops.stack`: ``ops.Stack()(*inputs)`` computes ``ops.stack(*inputs)``.

    Args:
        axis (int, optional): The axis. Default: ``0``.

    Outputs:
        Tensor, the inputs stacked along a new axis `axis`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0], ms.float32)
        >>> print(ops.Stack(axis=0)((x, x)))
        [[1. 2.]
         [1. 2.]]
    """
    def __init__(self, axis=0):
        self.axis = axis

    def __call__(self, xs):
        return F.stack(xs, self.axis)


class Select(Primitive):
    """``x`` where ``cond`` holds, else ``y``.

    The primitive form of :func:`mindspore.ops.select`: ``ops.Select()(*inputs)`` computes ``ops.select(*inputs)``.

    Outputs:
        Tensor, of the broadcast shape of the inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> cond = ms.Tensor([True, False, True])
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 5.0, 6.0], ms.float32)
        >>> print(ops.Select()(cond, x, y))
        [1. 5. 3.]
    """
    def __call__(self, cond, x, y):
        return F.where(cond, x, y)


class Argmax(Primitive):
    """The index of the maximum along `axis`.

    The primitive form of :func:`mindspore.ops.argmax`: ``ops.Argmax()(*inputs)`` computes ``ops.argmax(*inputs)``.

    Args:
        axis (int, optional): The axis. Default: ``-1``.
        output_type (mindspore.dtype, optional): The dtype of the indices. Default:
            ``mstype.int32``.

    Outputs:
        Tensor of `output_type`, the indices of the maxima along `axis` (of the flattened input
        when `axis` is None).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.Argmax()(x))
        2
    """
    def __init__(self, axis=-1, output_type=mstype.int32):
        self.axis, self.output_type = axis, output_type

    def __call__(self, x):
        return F.argmax(x, self.axis).astype(self.output_type)

Sin, Cos, Tan = _unary(F.sin), _unary(F.cos), _unary(F.tan)
Sinh, Cosh, Floor = _unary(F.sinh), _unary(F.cosh), _unary(F.floor)
Reciprocal, Rsqrt, Sign = _unary(F.reciprocal), _unary(F.rsqrt), _unary(F.sign)

__all__ += ["Sin", "Cos", "Tan", "Sinh", "Cosh", "Floor", "Reciprocal", "Rsqrt", "Sign"]

# Classes made by _unary/_binary carry their MindSpore name (``ops.ReLU().name == "ReLU"``).
for _name in __all__:
    _cls = globals().get(_name)
    if isinstance(_cls, type) and _cls.__name__ == "_P":
        _cls.__name__ = _cls.__qualname__ = _name


# -- primitive classes over the functions of ``ops.function`` -----------------------------------
from .. import _C  # noqa: E402
from .._errors import ShapeError as _ShapeError  # noqa: E402


class Pad(Primitive):
    """``ops.Pad(paddings)``: zeros before and after each axis, ``paddings = ((b0, a0), (b1, a1),
    ...)``, one pair per axis.

    Args:
        paddings (tuple[tuple[int, int]]): The ``(before, after)`` zero padding of each axis.

    Outputs:
        Tensor, padded.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0]], ms.float32)
        >>> print(ops.Pad(((0, 0), (1, 1)))(x))
        [[0. 1. 2. 0.]]
    """

    def __init__(self, paddings):
        self.paddings = tuple(tuple(p) for p in paddings)

    def __call__(self, x):
        if len(self.paddings) != x.ndim or any(len(p) != 2 for p in self.paddings):
            raise _ShapeError(f"For 'Pad', 'paddings' must hold one (before, after) pair per axis "
                              f"of the input of shape {list(x.shape)}, but got {self.paddings}.")
        flat = [v for p in reversed(self.paddings) for v in p]
        return F.pad(x, flat)


class _Pool(Primitive):
    _avg = False

    def __init__(self, kernel_size=1, strides=1, pad_mode="valid", data_format="NCHW"):
        if data_format != "NCHW":
            raise _ShapeError(f"For '{self.name}', only data_format='NCHW' is supported.")
        pair = (lambda v: (v, v) if isinstance(v, int) else tuple(v)[-2:])
        self.kernel_size, self.strides = pair(kernel_size), pair(strides)
        self.pad_mode = pad_mode.lower() if isinstance(pad_mode, str) else pad_mode
        self._cell = _C.pool2d(self._avg, self.kernel_size, self.strides, self.pad_mode, [0, 0, 0, 0],
                               False)

    def __call__(self, x):
        return self._cell(x)


class MaxPool(_Pool):
    """``ops.MaxPool(kernel_size, strides, pad_mode)``: the max over windows of NCHW input.

    Args:
        kernel_size (Union[int, tuple[int]], optional): The window size. Default: ``1``.
        strides (Union[int, tuple[int]], optional): The stride of the window. Default: ``1``.
        pad_mode (str, optional): ``'valid'``, ``'same'`` or ``'pad'``. Default: ``'valid'``.
        data_format (str, optional): ``'NCHW'`` (the one supported layout). Default: ``'NCHW'``.

    Outputs:
        Tensor of shape ``[N, C, H_out, W_out]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
        >>> print(ops.MaxPool(kernel_size=2, strides=2)(x))
        [[[[ 5.  7.]
           [13. 15.]]]]
    """


class AvgPool(_Pool):
    """``ops.AvgPool(kernel_size, strides, pad_mode)``: the mean over windows of NCHW input
    (``'same'`` padding is not counted).

    Args:
        kernel_size (Union[int, tuple[int]], optional): The window size. Default: ``1``.
        strides (Union[int, tuple[int]], optional): The stride of the window. Default: ``1``.
        pad_mode (str, optional): ``'valid'``, ``'same'`` or ``'pad'``. Default: ``'valid'``.
        data_format (str, optional): ``'NCHW'`` (the one supported layout). Default: ``'NCHW'``.

    Outputs:
        Tensor of shape ``[N, C, H_out, W_out]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
        >>> print(ops.AvgPool(kernel_size=2, strides=2)(x))
        [[[[ 2.5  4.5]
           [10.5 12.5]]]]
    """

    _avg = True


class Assign(Primitive):
    """``ops.Assign()(variable, value)``.

    Outputs:
        Tensor, `variable` after the update.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.Assign()(x, y))
        [4.  0.5 3. ]
    """

    def __call__(self, variable, value):
        return F.assign(variable, value)


class AssignAdd(Primitive):
    """``variable += value``.

    The primitive form of :func:`mindspore.ops.assign_add`: ``ops.AssignAdd()(*inputs)`` computes ``ops.assign_add(*inputs)``.

    Outputs:
        Tensor, `variable` after the update.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.AssignAdd()(x, y))
        [5.  2.5 6. ]
    """
    def __call__(self, variable, value):
        return F.assign_add(variable, value)


class AssignSub(Primitive):
    """``variable -= value``.

    The primitive form of :func:`mindspore.ops.assign_sub`: ``ops.AssignSub()(*inputs)`` computes ``ops.assign_sub(*inputs)``.

    Outputs:
        Tensor, `variable` after the update.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.AssignSub()(x, y))
        [-3.   1.5  0. ]
    """
    def __call__(self, variable, value):
        return F.assign_sub(variable, value)


class LayerNorm(Primitive):
    """``ops.LayerNorm(begin_norm_axis=1, begin_params_axis=1, epsilon=1e-7)``: called with
    ``(x, gamma, beta)``, returns ``(y, mean, variance)`` (mean and variance keep the normalised
    axes as size 1).

    Args:
        begin_norm_axis (int, optional): The first axis normalised over. Default: ``1``.
        begin_params_axis (int, optional): The first axis of the shape of gamma and beta. Default:
            ``1``.
        epsilon (float, optional): Added to the variance. Default: ``1e-07``.

    Outputs:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], ms.float32)
        >>> gamma = ops.ones(3, ms.float32)
        >>> beta = ops.zeros(3, ms.float32)
        >>> y, mean, var = ops.LayerNorm()(x, gamma, beta)
        >>> print(y)
        [[-1.2247448  0.         1.2247448]
         [-1.2247448  0.         1.2247448]]
        >>> print(mean)
        [[2.]
         [5.]]
    """

    def __init__(self, begin_norm_axis=1, begin_params_axis=1, epsilon=1e-7):
        self.begin_norm_axis, self.begin_params_axis = begin_norm_axis, begin_params_axis
        self.epsilon = epsilon

    def __call__(self, x, gamma, beta):
        axes = tuple(range(self.begin_norm_axis % x.ndim, x.ndim))
        mean = x.mean(axes, True)
        d = x - mean
        var = (d * d).mean(axes, True)
        y = d / (var + self.epsilon).sqrt() * gamma + beta
        return y, mean, var


class OneHot(Primitive):
    """``ops.OneHot(axis=-1)(indices, depth, on_value, off_value)``.

    Args:
        axis (int, optional): The axis. Default: ``-1``.

    Outputs:
        Tensor, with a new axis of size `depth`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> idx = ms.Tensor([0, 2], ms.int32)
        >>> print(ops.OneHot()(idx, 3, ms.Tensor(1.0, ms.float32), ms.Tensor(0.0, ms.float32)))
        [[1. 0. 0.]
         [0. 0. 1.]]
    """

    def __init__(self, axis=-1):
        self.axis = axis

    def __call__(self, indices, depth, on_value, off_value):
        return F.one_hot(indices, depth, on_value, off_value, self.axis)


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
        return F.topk(x, k)


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
    """``ops.Gather()(params, indices, axis)``.

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

    def __call__(self, input_params, input_indices, axis, batch_dims=0):
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


class Dropout(Primitive):
    """``ops.Dropout(keep_prob=0.5)(x)``: ``(output, mask)``, the mask 1 where an element was
    kept, in ``x``'s dtype.

    Args:
        keep_prob (float, optional): The probability of keeping an element. Default: ``0.5``.
        Seed0 (int, optional): A seed. Default: ``0``.
        Seed1 (int, optional): A second seed. Default: ``0``.

    Outputs:
        Tensor, of the shape and dtype of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.ones((2, 2), ms.float32)
        >>> out, mask = ops.Dropout(keep_prob=1.0)(x)
        >>> print(out)
        [[1. 1.]
         [1. 1.]]
    """

    def __init__(self, keep_prob=0.5, Seed0=0, Seed1=0):  # noqa: N803 - MindSpore's names
        self.keep_prob = keep_prob

    def __call__(self, x):
        mask = F.dropout(F.ones_like(x), 1.0 - self.keep_prob) != 0
        mask = mask.astype(x.dtype)
        return x * mask / self.keep_prob, mask


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
        if self.reverse:
            x = F.flip(x, (axis,))
        if self.exclusive and x.ndim and x.shape[axis]:
            axis %= x.ndim
            one = list(x.shape)
            one[axis] = 1
            head = _C.full(tuple(one), 1, x.dtype)
            x = _C.concat([head, x[(slice(None),) * axis + (slice(0, x.shape[axis] - 1),)]], axis)
        out = F.cumprod(x, axis)
        return F.flip(out, (axis,)) if self.reverse else out


__all__ += ["Pad", "MaxPool", "AvgPool", "Assign", "AssignAdd", "AssignSub", "LayerNorm", "OneHot",
            "Sort", "TopK", "GatherD", "Gather", "Split", "Tile", "Erfinv", "Dropout", "CumProd"]


class BatchNorm(Primitive):
    """``ops.BatchNorm(is_training=False, epsilon=1e-5, momentum=0.1, data_format='NCHW')``, called
    with ``(x, scale, bias, mean, variance)`` (per-channel, channel axis 1): returns ``(y,
    batch_mean, batch_variance, reserve_space_1, reserve_space_2)``. In training it normalises with
    the batch's statistics (biased variance) and updates the ``mean`` and ``variance`` Parameters in
    place as ``(1 - momentum) * running + momentum * batch`` (the unbiased batch variance);
    otherwise it uses ``mean`` and ``variance``. (MindSpore 2.10's CPU kernel returns zeros for
    the batch statistics; we return them as its documentation describes them.)

    Args:
        is_training (bool, optional): Whether to normalise with the batch statistics (and update the
            running ones). Default: ``False``.
        epsilon (float, optional): Added to the variance. Default: ``1e-05``.
        momentum (float, optional): The momentum of the running statistics. Default: ``0.1``.
        data_format (str, optional): ``'NCHW'``. Default: ``'NCHW'``.

    Outputs:
        tuple(Tensor), five tensors: the normalised input, the updated running mean and variance,
        and the saved batch mean and variance.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)
        >>> one = ops.ones(2, ms.float32)
        >>> zero = ops.zeros(2, ms.float32)
        >>> out = ops.BatchNorm()(x, one, zero, zero, one)
        >>> print(out[0])
        [[0.999995 1.99999 ]
         [2.999985 3.99998 ]]
    """

    def __init__(self, is_training=False, epsilon=1e-5, momentum=0.1, data_format="NCHW"):
        if data_format != "NCHW":
            raise _ShapeError("For 'BatchNorm', only data_format='NCHW' is supported.")
        if not 0.0 <= momentum <= 1.0:
            raise _ShapeError(f"For 'BatchNorm', 'momentum' must be in [0, 1], but got {momentum}.")
        self.is_training, self.epsilon, self.momentum = bool(is_training), float(epsilon), float(momentum)

    def __call__(self, x, scale, bias, mean, variance):
        if x.ndim < 2:
            raise _ShapeError(f"For 'BatchNorm', the input must have a channel axis (at least 2-D), "
                              f"but got shape {list(x.shape)}.")
        c = x.shape[1]
        for name, v in (("scale", scale), ("bias", bias), ("mean", mean), ("variance", variance)):
            if tuple(v.shape) != (c,):
                raise _ShapeError(f"For 'BatchNorm', '{name}' must have shape [{c}], but got "
                                  f"{list(v.shape)}.")
        shape = (1, c) + (1,) * (x.ndim - 2)
        axes = (0,) + tuple(range(2, x.ndim))
        if self.is_training:
            m = x.mean(axes)
            d = x - m.reshape(shape)
            v = (d * d).mean(axes)
            n = x.size // c
            unbiased = F.stop_gradient(v * (n / max(n - 1, 1)))
            k = self.momentum
            F.assign(mean, mean * (1.0 - k) + F.stop_gradient(m) * k)
            F.assign(variance, variance * (1.0 - k) + unbiased * k)
        else:
            m, v = mean, variance
            d = x - m.reshape(shape)
        y = d / (v.reshape(shape) + self.epsilon).sqrt() * scale.reshape(shape) + bias.reshape(shape)
        return y, m, v, m, v


__all__ += ["BatchNorm"]


# Part two (comparisons, reductions, random, slicing, losses, Conv2D ...) lives in
# ``_operations_more``; its classes are this module's too.
from . import _operations_more  # noqa: E402

globals().update({_name: getattr(_operations_more, _name) for _name in _operations_more.__all__})
__all__ += [_n for _n in _operations_more.__all__ if _n not in __all__]

from . import _inner_ops  # noqa: E402,F401  (``from mindspore.ops.operations import _inner_ops``)

# The resize primitives live with ``ops.interpolate``'s taps, in ``_resize_ops``.
from . import _resize_ops  # noqa: E402

globals().update({_name: getattr(_resize_ops, _name) for _name in _resize_ops.__all__})
__all__ += [_n for _n in _resize_ops.__all__ if _n not in __all__]

# The 3-D convolution and pooling, unpooling, LRN and CTC primitives live in ``_operations_3d``.
from . import _operations_3d  # noqa: E402

globals().update({_name: getattr(_operations_3d, _name) for _name in _operations_3d.__all__})
__all__ += [_n for _n in _operations_3d.__all__ if _n not in __all__]

# ``mindspore.ops.operations.nn_ops`` (``from mindspore.ops.operations.nn_ops import
# PSROIPooling``): this module is not a package, so the submodule is registered by name.
import sys as _sys  # noqa: E402

from . import _nn_ops as nn_ops  # noqa: E402

_sys.modules[__name__ + ".nn_ops"] = nn_ops

# The square-matrix and gamma-function primitives live in ``_linalg_ops``.
from . import _linalg_ops  # noqa: E402

globals().update({_name: getattr(_linalg_ops, _name) for _name in _linalg_ops.__all__})
__all__ += [_n for _n in _linalg_ops.__all__ if _n not in __all__]

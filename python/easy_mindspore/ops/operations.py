"""``mindspore.ops.operations`` (``P``): primitive classes, each an object called like a function
(``P.Reshape()(x, (2, 3))``). They forward to the functional ops."""
from . import functional as F

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
    dtype (ValueError for none or different shapes, TypeError for different dtypes)."""

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
    """``P.Partial()(fn, *args)``: ``fn`` with its first arguments bound."""

    def __call__(self, fn, *args):
        return F.partial(fn, *args)


class InsertGradientOf(Primitive):
    """``ops.InsertGradientOf(f)(x)``: ``x`` unchanged, and the gradient flowing back through it
    replaced by ``f(gradient)`` (for printing, clipping or scaling gradients)."""

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
    def __call__(self, x, shape):
        return F.reshape(x, shape)


class Transpose(Primitive):
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
    _fn = staticmethod(lambda x, a, k: F.sum(x, a, k))


class ReduceMean(_Reduce):
    _fn = staticmethod(lambda x, a, k: F.mean(x, a, k))


class ReduceMax(_Reduce):
    _fn = staticmethod(lambda x, a, k: F._t(x).max(a, k))


class MatMul(Primitive):
    def __init__(self, transpose_a=False, transpose_b=False):
        self.transpose_a, self.transpose_b = transpose_a, transpose_b

    def __call__(self, x, y):
        x = x.T if self.transpose_a else x
        y = y.T if self.transpose_b else y
        return F.matmul(x, y)


class BatchMatMul(MatMul):
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
    def __init__(self, axis=-1):
        self.axis = axis

    def __call__(self, x):
        return F.softmax(x, self.axis)


class Cast(Primitive):
    def __call__(self, x, dtype):
        return F.cast(x, dtype)


class ExpandDims(Primitive):
    def __call__(self, x, axis):
        return F.expand_dims(x, axis)


class Squeeze(Primitive):
    def __init__(self, axis=()):
        self.axis = axis

    def __call__(self, x):
        return F.squeeze(x, None if self.axis == () else self.axis)


class Concat(Primitive):
    def __init__(self, axis=0):
        self.axis = axis

    def __call__(self, xs):
        return F.concat(xs, self.axis)


class Stack(Primitive):
    def __init__(self, axis=0):
        self.axis = axis

    def __call__(self, xs):
        return F.stack(xs, self.axis)


class Select(Primitive):
    def __call__(self, cond, x, y):
        return F.where(cond, x, y)


class Argmax(Primitive):
    def __init__(self, axis=-1):
        self.axis = axis

    def __call__(self, x):
        return F.argmax(x, self.axis)

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
    ...)``, one pair per axis."""

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
    """``ops.MaxPool(kernel_size, strides, pad_mode)``: the max over windows of NCHW input."""


class AvgPool(_Pool):
    """``ops.AvgPool(kernel_size, strides, pad_mode)``: the mean over windows of NCHW input
    (``'same'`` padding is not counted)."""

    _avg = True


class Assign(Primitive):
    """``ops.Assign()(variable, value)``."""

    def __call__(self, variable, value):
        return F.assign(variable, value)


class AssignAdd(Primitive):
    def __call__(self, variable, value):
        return F.assign_add(variable, value)


class AssignSub(Primitive):
    def __call__(self, variable, value):
        return F.assign_sub(variable, value)


class LayerNorm(Primitive):
    """``ops.LayerNorm(begin_norm_axis=1, begin_params_axis=1, epsilon=1e-7)``: called with
    ``(x, gamma, beta)``, returns ``(y, mean, variance)`` (mean and variance keep the normalised
    axes as size 1)."""

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
    """``ops.OneHot(axis=-1)(indices, depth, on_value, off_value)``."""

    def __init__(self, axis=-1):
        self.axis = axis

    def __call__(self, indices, depth, on_value, off_value):
        return F.one_hot(indices, depth, on_value, off_value, self.axis)


class Sort(Primitive):
    """``ops.Sort(axis=-1, descending=False)(x)``: ``(values, Int32 indices)``."""

    def __init__(self, axis=-1, descending=False):
        self.axis, self.descending = axis, descending

    def __call__(self, x):
        return F.sort(x, self.axis, self.descending)


class TopK(Primitive):
    """``ops.TopK(sorted=True)(x, k)``: the ``k`` largest along the last axis and their indices."""

    def __init__(self, sorted=True):  # noqa: A002 - MindSpore's argument name
        self.sorted = sorted

    def __call__(self, x, k):
        return F.topk(x, k)


class GatherD(Primitive):
    """``ops.GatherD()(x, dim, index)``: :func:`gather_elements`."""

    def __call__(self, x, dim, index):
        return F.gather_elements(x, dim, index)


class Gather(Primitive):
    """``ops.Gather()(params, indices, axis)``."""

    def __call__(self, input_params, input_indices, axis, batch_dims=0):
        return F.gather(input_params, input_indices, axis, batch_dims)


class Split(Primitive):
    """``ops.Split(axis=0, output_num=1)(x)``: ``output_num`` equal parts along ``axis``."""

    def __init__(self, axis=0, output_num=1):
        self.axis, self.output_num = axis, output_num

    def __call__(self, x):
        n = x.shape[self.axis]
        if self.output_num <= 0 or n % self.output_num:
            raise _ShapeError(f"For 'Split', the size {n} of axis {self.axis} must be divisible by "
                              f"output_num {self.output_num}.")
        return F.split(x, n // self.output_num, self.axis)


class Tile(Primitive):
    """``ops.Tile()(x, multiples)``."""

    def __call__(self, x, multiples):
        return F.tile(x, multiples)


class Erfinv(Primitive):
    def __call__(self, x):
        return F.erfinv(x)


class Dropout(Primitive):
    """``ops.Dropout(keep_prob=0.5)(x)``: ``(output, mask)``, the mask 1 where an element was
    kept, in ``x``'s dtype."""

    def __init__(self, keep_prob=0.5, Seed0=0, Seed1=0):  # noqa: N803 - MindSpore's names
        self.keep_prob = keep_prob

    def __call__(self, x):
        mask = F.dropout(F.ones_like(x), 1.0 - self.keep_prob) != 0
        mask = mask.astype(x.dtype)
        return x * mask / self.keep_prob, mask


class CumProd(Primitive):
    """``ops.CumProd(exclusive=False, reverse=False)(x, axis)``: running products; ``exclusive``
    leaves each element out of its own product (the first is 1), ``reverse`` runs from the end."""

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
    the batch statistics; we return them as its documentation describes them.)"""

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

# The resize primitives live with ``ops.interpolate``'s taps, in ``_resize_ops``.
from . import _resize_ops  # noqa: E402

globals().update({_name: getattr(_resize_ops, _name) for _name in _resize_ops.__all__})
__all__ += [_n for _n in _resize_ops.__all__ if _n not in __all__]

"""``mindspore.ops.operations`` (``P``): primitive classes, each an object called like a function
(``P.Reshape()(x, (2, 3))``). They forward to the functional ops."""
from . import functional as F

__all__ = [
    "Reshape", "Transpose", "ReduceSum", "ReduceMean", "ReduceMax", "MatMul", "BatchMatMul", "Add",
    "Sub", "Mul", "Div", "RealDiv", "Pow", "Neg", "Abs", "Exp", "Log", "Sqrt", "Square", "Tanh",
    "Erf", "Sigmoid", "ReLU", "Softmax", "Cast", "ExpandDims", "Squeeze", "Concat", "Stack", "OnesLike",
    "ZerosLike", "Shape", "Maximum", "Minimum", "StopGradient", "Select", "Argmax",
]


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
    _fn = staticmethod(lambda x, a, k: F.max(x, a, k))


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

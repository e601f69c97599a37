"""``mindspore.ops.operations``, part two (re-exported by ``operations``): the primitive classes
over the functions of ``ops.function``, each with MindSpore 2.x's constructor arguments and call
arguments, its ``__call__`` calling the function. The one-line ones (``ops.Real()``,
``ops.Greater()``, ...) are made here from a table; the others live by concept in
``_operations_array`` (creation, shape, slicing and scatter), ``_operations_reduce``
(reductions, arg-reductions, cumulative ops) and ``_operations_nn`` (activations, losses,
random draws, ``Conv2D``)."""
from . import functional as F
from .function._complex_func import complex_abs as _complex_abs
import functools

from .._errors import ShapeError, TensorIndexError
from .operations import Primitive, _scalar_in_dtype
from ._operations_array import (  # noqa: F401 (re-exported)
    BroadcastTo, DType, Einsum, Eye, Fill, Flatten, Identity, IndexAdd, LinSpace, Ones, Print,
    Range, ReverseV2, Roll, ScatterAdd, Slice, StridedSlice, Tril, Triu, Unique, Unstack, Zeros,
)
from ._operations_reduce import (  # noqa: F401 (re-exported)
    ArgMaxWithValue, ArgMinWithValue, Argmin, CumSum, Cummax, Cummin, ReduceAll, ReduceAny,
    ReduceMin, ReduceProd,
)
from ._operations_nn import (  # noqa: F401 (re-exported)
    BiasAdd, Conv2D, Elu, GeLU, L2Normalize, LogSoftmax, SoftmaxCrossEntropyWithLogits,
    SparseSoftmaxCrossEntropyWithLogits, StandardNormal, UniformInt, UniformReal,
)


def _prim(name, fn, doc):
    """A primitive class with no constructor arguments whose call is ``fn``."""
    def __call__(self, *args):
        return fn(*args)
    return type(name, (Primitive,), {"__call__": __call__, "__doc__": doc})


def _doc(name, fn):
    """The docstring of the class calling ``fn``: the function's summary and, when the function
    has one, its example called through the class."""
    doc = fn.__doc__ or ""
    first = " ".join(doc.strip().split("\n\n")[0].split())  # the summary paragraph
    summary = first.removeprefix(f"``ops.{fn.__name__}``: ")
    head = f"``ops.{name}()``: calls ``ops.{fn.__name__}``" + (f": {summary}" if first else ".")
    at = doc.find("Examples:")
    call = f"ops.{fn.__name__}("
    if at < 0 or (call not in doc[at:] and f"ops.{name}()(" not in doc[at:]):
        return head
    return (f"{head}\n\n    Inputs:\n        The arguments of ``ops.{fn.__name__}``.\n\n"
            f"    Outputs:\n        What ``ops.{fn.__name__}`` returns.\n\n    "
            + doc[at:].replace(call, f"ops.{name}()("))


def _keep_scalar_dtype(fn):
    """`fn` with a Python int first operand given the other operand's integer dtype (MindSpore's
    ``FloorDiv()(7, Tensor(int32))`` is Int32)."""
    @functools.wraps(fn)
    def call(x, y):
        return fn(_scalar_in_dtype(x, y), y)
    return call


def _scatter_nd(indices, updates, shape):
    """``ops.scatter_nd`` in the dtype of `updates` (MindSpore's ScatterNd keeps Int32)."""
    out = F.scatter_nd(indices, updates, shape)
    dt = getattr(updates, "dtype", None)
    return out.astype(dt) if dt is not None and out.dtype != dt else out


_scatter_nd.__doc__ = F.scatter_nd.__doc__


class _IndexValueError(TensorIndexError, ShapeError):
    """The error of an index out of range in TensorScatterUpdate: a ValueError, as MindSpore
    raises, and the package's TensorIndexError (an IndexError and RuntimeError), as it raised
    before."""


def _tensor_scatter_update(input_x, indices, updates):
    """``ops.tensor_scatter_update``, an index out of range raising :class:`_IndexValueError`."""
    try:
        return F.tensor_scatter_update(input_x, indices, updates)
    except TensorIndexError as e:
        raise _IndexValueError(str(e)) from e


_tensor_scatter_update.__doc__ = F.tensor_scatter_update.__doc__


_SIMPLE = {
    "Real": F.real, "Imag": F.imag, "Conj": F.conj, "Angle": F.angle, "Complex": F.complex,
    "ComplexAbs": _complex_abs,
    "Greater": F.greater, "Less": F.less, "Equal": F.equal, "NotEqual": F.not_equal,
    "GreaterEqual": F.greater_equal, "LessEqual": F.less_equal, "Softplus": F.softplus,
    "FastGeLU": F.fast_gelu, "HSwish": F.hardswish, "HSigmoid": F.hardsigmoid,
    "SeLU": F.selu, "Mish": F.mish, "Asinh": F.asinh, "Acosh": F.acosh, "Atanh": F.atanh,
    "Asin": F.asin, "ACos": F.acos, "Atan": F.atan, "Atan2": F.atan2, "Log1p": F.log1p,
    "Expm1": F.expm1, "IsNan": F.isnan, "IsInf": F.isinf, "IsFinite": F.isfinite,
    "LogicalAnd": F.logical_and, "LogicalOr": F.logical_or, "LogicalNot": F.logical_not,
    "Ceil": F.ceil, "Round": F.round, "Diag": F.diag, "Erfc": F.erfc, "Xlogy": F.xlogy,
    "Hypot": F.hypot, "FloorDiv": _keep_scalar_dtype(F.floor_divide), "FloorMod": F.remainder,
    "Mod": _keep_scalar_dtype(F.fmod),
    "ReLU6": F.relu6, "Softsign": F.softsign, "GatherNd": F.gather_nd, "ScatterNd": _scatter_nd,
    "TensorScatterUpdate": _tensor_scatter_update, "TensorScatterAdd": F.tensor_scatter_add,
    "UnsortedSegmentSum": F.unsorted_segment_sum, "Depend": F.depend,
    "Size": F.numel, "Rank": F.rank,
    "BitwiseAnd": F.bitwise_and, "BitwiseOr": F.bitwise_or, "BitwiseXor": F.bitwise_xor,
    "LeftShift": F.bitwise_left_shift, "RightShift": F.bitwise_right_shift, "Invert": F.invert,
    "BesselI0": F.bessel_i0, "BesselI0e": F.bessel_i0e, "BesselI1": F.bessel_i1,
    "BesselI1e": F.bessel_i1e, "BesselJ0": F.bessel_j0, "BesselJ1": F.bessel_j1,
    "BesselY0": F.bessel_y0, "BesselY1": F.bessel_y1, "BesselK0": F.bessel_k0,
    "BesselK0e": F.bessel_k0e, "BesselK1": F.bessel_k1, "BesselK1e": F.bessel_k1e,
}
globals().update({n: _prim(n, fn, _doc(n, fn)) for n, fn in _SIMPLE.items()})


# In the order the classes were defined when they all lived here.
__all__ = list(_SIMPLE) + [
    "GeLU", "Unique", "Zeros", "Ones", "Fill", "Eye", "Range", "LinSpace", "ArgMaxWithValue",
    "ArgMinWithValue", "Argmin", "ReduceMin", "ReduceProd", "ReduceAll", "ReduceAny", "CumSum",
    "BroadcastTo", "LogSoftmax", "Elu", "Unstack", "Einsum", "SoftmaxCrossEntropyWithLogits",
    "SparseSoftmaxCrossEntropyWithLogits", "BiasAdd", "Print", "Identity", "L2Normalize",
    "UniformReal", "StandardNormal", "UniformInt", "StridedSlice", "Slice", "Tril", "Triu", "Roll",
    "ReverseV2", "Cummax", "Cummin", "IndexAdd", "ScatterAdd", "Flatten", "DType", "Conv2D",
]

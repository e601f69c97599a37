"""``mindspore.numpy``: a NumPy-style API over easy_mindspore tensors, with MindSpore 2.10's rules.

Every function takes tensors or array-likes (numbers, nested lists, NumPy arrays) and returns
tensors, differentiable where the underlying op is. The dtype rules are mindspore.numpy's, which
differ from NumPy's in a few places (measured on MindSpore 2.10, CPU):

- Python ints become Int32 and Python floats Float32 (``array([1, 2])`` is Int32, ``arange(5)``
  is Int32, ``full((2,), 7)`` is Int32, ``array([])`` Float32); NumPy arrays keep their kind with
  64-bit types narrowed to 32 bits, as mindspore.numpy's default. The same holds for the
  ``dtype`` arguments of the creation functions (``zeros(2, dtype=int)`` is Int32) and for the
  numbers given to the binary functions, which promote as tensors do (``add(int8_x, 3)`` is
  Int32, while the Tensor operator ``int8_x + 3`` stays Int8).
- Reductions over ``axis=()`` reduce every axis (NumPy's reduce none).
- ``sum`` of Bool/Int32 gives Int64; ``mean`` keeps an integer dtype; ``var``/``std`` of integers
  give Float32; ``argmax`` gives Int64 and ``argmin`` Int32; ``cumsum`` of Bool gives Int32;
  ``bincount`` gives Float32.

Where MindSpore 2.10 rejects an input NumPy accepts we follow NumPy and say so: ``array`` of a
NumPy array (a TypeError there), ``exp``/``log`` of integers (promoted to Float32 here, a TypeError
on MindSpore's CPU kernels), ``isclose`` of a tensor and a number (broadcast here).

The core functions live by concept in ``_creation``, ``_reduction``, ``_elementwise`` and
``_manipulation``; the rest of MindSpore 2.10's names in the ``*_ops`` modules, with the
submodules ``fft`` (the discrete Fourier transforms) and ``dtypes``.
"""
import math as _math

from ..common.dtype import bool_, float32, float64, int32, int64
from ..tensor import Tensor  # noqa: F401 (``mindspore.numpy.Tensor``, as before the split)
from ._creation import (  # noqa: F401 (re-exported)
    _dtype, _t, _t_origin, arange, array, asarray, asfarray, empty, empty_like, eye, full, full_like, identity,
    linspace, meshgrid, ones, ones_like, zeros, zeros_like,
)
from ._reduction import (  # noqa: F401 (re-exported)
    _axis, _reduce_axis, amax, amin, argmax, argmin, bincount, cumsum, dot, inner, matmul, max, mean, min, outer,
    prod, std, sum, unique, var,
)
from ._elementwise import (  # noqa: F401 (re-exported)
    _binary_operands, _float, _float32, _promote, _trig_float, abs, absolute, add, allclose, clip, cos,
    divide, exp, floor, isclose, log, maximum, minimum, multiply, negative, power, sin, sqrt,
    square, subtract, tanh, true_divide, where,
)
from ._manipulation import (  # noqa: F401 (re-exported)
    concatenate, expand_dims, ravel, repeat, reshape, split, squeeze, stack, swapaxes, tile,
    transpose,
)


__all__ = [
    "array", "asarray", "asfarray", "zeros", "ones", "empty", "full", "zeros_like", "ones_like",
    "empty_like", "full_like", "arange", "linspace", "eye", "identity", "meshgrid",
    "dot", "matmul", "inner", "outer", "sum", "mean", "var", "std", "max", "min", "amax", "amin",
    "argmax", "argmin", "cumsum", "prod", "exp", "log", "sqrt", "square", "abs", "absolute",
    "sin", "cos", "tanh", "floor", "negative", "power", "add", "subtract", "multiply", "divide",
    "true_divide", "maximum", "minimum", "clip", "where", "isclose", "allclose", "bincount", "unique",
    "reshape", "ravel", "transpose", "swapaxes", "expand_dims", "squeeze", "concatenate", "stack",
    "tile", "repeat", "split", "pi", "e", "inf", "nan", "newaxis",
    "bool_", "int32", "int64", "float32", "float64",
]

pi = _math.pi
e = _math.e
inf = float("inf")
nan = float("nan")
newaxis = None


# -- the rest of MindSpore 2.10's mindspore.numpy, one module per concept -------------------------
# (imported last: they use the helpers above)
from . import math_ops as _math_ops  # noqa: E402
from .math_ops import *  # noqa: E402,F401,F403
from . import rounding_ops as _rounding_ops  # noqa: E402
from .rounding_ops import *  # noqa: E402,F401,F403
from . import binary_math_ops as _binary_math_ops  # noqa: E402
from .binary_math_ops import *  # noqa: E402,F401,F403
from . import logic_ops as _logic_ops  # noqa: E402
from .logic_ops import *  # noqa: E402,F401,F403
from . import set_logic_ops as _set_logic_ops  # noqa: E402
from .set_logic_ops import *  # noqa: E402,F401,F403
from . import array_ops as _array_ops  # noqa: E402
from .array_ops import *  # noqa: E402,F401,F403
from . import array_index_ops as _array_index_ops  # noqa: E402
from .array_index_ops import *  # noqa: E402,F401,F403
from . import reduction_ops as _reduction_ops  # noqa: E402
from .reduction_ops import *  # noqa: E402,F401,F403
from . import other_ops as _other_ops  # noqa: E402
from .other_ops import *  # noqa: E402,F401,F403
from . import histogram_ops as _histogram_ops  # noqa: E402
from .histogram_ops import *  # noqa: E402,F401,F403
from . import poly_ops as _poly_ops  # noqa: E402
from .poly_ops import *  # noqa: E402,F401,F403
from . import stats_ops as _stats_ops  # noqa: E402
from .stats_ops import *  # noqa: E402,F401,F403
from . import gradient_ops as _gradient_ops  # noqa: E402
from .gradient_ops import *  # noqa: E402,F401,F403
from ..common.dtype import (float16, int8, int16, uint8, uint16, uint32,  # noqa: E402,F401
                            uint64)

PINF = inf
NINF = -inf
float_ = float32
int_ = int32
uint = uint32

__all__ += _math_ops.__all__ + _binary_math_ops.__all__ + _logic_ops.__all__
__all__ += _array_ops.__all__ + _array_index_ops.__all__ + _reduction_ops.__all__
__all__ += _other_ops.__all__ + _histogram_ops.__all__ + _poly_ops.__all__ + [
    *_stats_ops.__all__, *_gradient_ops.__all__, *_rounding_ops.__all__, *_set_logic_ops.__all__,
    "PINF", "NINF", "float16", "int8", "int16", "uint8", "uint16", "uint32", "uint64", "float_",
    "int_", "uint"]

# ``mindspore.numpy.fft`` and ``mindspore.numpy.dtypes``, submodules as in MindSpore 2.10
from . import dtypes, fft  # noqa: E402,F401
from .dtypes import numeric_types  # noqa: E402,F401

# Every function names itself in the errors it raises (``For 'diff', ...``), as MindSpore's do,
# whatever raised them inside (a check, NumPy, Python's own conversions); the errors of a user's
# function (``apply_along_axis``...: called through ``_errors.call_user``) pass through unchanged.
from .._errors import name_errors as _name_errors  # noqa: E402

_name_errors(globals(), __all__)

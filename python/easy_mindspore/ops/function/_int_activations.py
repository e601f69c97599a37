"""Integer inputs of ``ops.selu``, ``ops.hardswish`` and ``ops.hardsigmoid`` (and of their
``nn`` cells and primitives). MindSpore 2.10 runs them on CPU for these dtypes only (TypeError
for the others, UInt8 and Bool included) and keeps the input's dtype: ``SeLU`` Int8 and Int32,
``HSwish`` and ``HSigmoid`` Int8, Int16, Int32 and Int64.

The values are those of the float function truncated toward zero, as MindSpore 2.10's give for
``hardswish`` (``hardswish(-2) = 0``, ``hardswish(2) = 1``) and ``hardsigmoid``, computed
exactly for every integer (``hardswish(2**53 + 1) = 2**53 + 1``) and saturated at the dtype's
bounds. Where MindSpore 2.10's integer kernels give other numbers we keep these: its ``SeLU``
drops the scale and alpha (``selu(100) = 100`` for 105.07, ``selu(-1) = 0`` for -1.11) and its
Int32 ``HSwish``/``HSigmoid`` overflow near the dtype's bounds (``hardswish(2**31 - 1) = 0``)."""
from ..._C import Tensor
from ..._errors import DTypeError
from ...common import dtype as _mstype

_INTS = {"SeLU": ("Int8", "Int32"), "HSwish": ("Int8", "Int16", "Int32", "Int64"),
         "HSigmoid": ("Int8", "Int16", "Int32", "Int64")}
_FLOATS = ("Float16", "Float32", "Float64", "BFloat16")


def int_input(op, x):
    """Whether ``x`` takes the integer path of ``op``; TypeError for a dtype ``op`` does not take
    (neither a float nor one of its integer dtypes)."""
    kind = str(x.dtype)
    if kind in _FLOATS:
        return False
    if kind in _INTS[op]:
        return True
    allowed = ", ".join(("Float16", "Float32", "Float64") + _INTS[op])
    raise DTypeError(f"For '{op}', the input must be a Tensor of {allowed}, but got {x.dtype}.")


def _where(cond, a, b):
    from .array_func import select
    return select(cond, a, b)


def _const(v, x):
    return Tensor(v, x.dtype).broadcast_to(tuple(x.shape))


def int_selu(x, scale):
    """``trunc(selu(x))`` in ``x``'s dtype: ``trunc(scale·x)`` (saturated) above 0, -1 below (every
    negative integer's SeLU lies in [-1.76, -1.11])."""
    info = _dtype_bounds(x.dtype)
    pos = (x.astype(_mstype.float64) * scale).clip(None, float(info[1])).trunc().astype(x.dtype)
    return _where(x > 0, pos, _where(x < 0, _const(-1, x), _const(0, x)))


def int_hardswish(x):
    """``trunc(x·relu6(x + 3) / 6)`` in ``x``'s dtype: ``x`` from 3 up, 1 at 2, else 0."""
    return _where(x >= 3, x, _where(x == 2, _const(1, x), _const(0, x)))


def int_hardsigmoid(x):
    """``trunc(relu6(x + 3) / 6)`` in ``x``'s dtype: 1 from 3 up, else 0."""
    return (x >= 3).astype(x.dtype)


def _dtype_bounds(dtype):
    bits = {"Int8": 8, "Int16": 16, "Int32": 32, "Int64": 64}[str(dtype)]
    return -(2 ** (bits - 1)), 2 ** (bits - 1) - 1

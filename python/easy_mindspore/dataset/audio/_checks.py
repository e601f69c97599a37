"""Argument checks of the audio transforms, with MindSpore 2.10's error classes and messages
(TypeError ``Argument x with value v is not of type [...]``, ValueError ``Input x is not within
the required interval of ...``), and the checks of a waveform when a transform runs (a
RuntimeError naming the transform, as MindSpore's pipeline raises)."""
import numpy as _np

from ..._errors import ComputeError, DTypeError, ShapeError

INT32_MAX = 2147483647
FLOAT_MAX = 16777216


def _fmt(v):
    return str(v)


def type_error(name, value, types):
    """MindSpore's TypeError for `value` not one of `types` (a bool where numbers are wanted
    prints the types as a tuple, as MindSpore does)."""
    shown = str(tuple(types)) if isinstance(value, bool) else str(list(types))
    return DTypeError(f"Argument {name} with value {value} is not of type {shown}, but got "
                      f"{type(value)}.")


def interval_error(msg):
    """A ValueError with MindSpore's message `msg`."""
    return ShapeError(msg)


def _interval(lo, hi, lo_open, hi_open):
    return f"{'(' if lo_open else '['}{_fmt(lo)}, {_fmt(hi)}{')' if hi_open else ']'}"


def check_number(v, name, lo=None, hi=None, lo_open=False, hi_open=False,
                 types=(float, int)):
    """`v` an int or float (not bool) within ``[lo, hi]`` (ends open as told)."""
    if isinstance(v, bool) or not isinstance(v, types):
        raise type_error(name, v, types)
    if lo is None:
        return v
    if not ((lo < v if lo_open else lo <= v) and (v < hi if hi_open else v <= hi)):
        raise ShapeError(f"Input {name} is not within the required interval of "
                         f"{_interval(lo, hi, lo_open, hi_open)}.")
    return v


def check_float_range(v, name, bound=FLOAT_MAX, types=(float, int)):
    """`v` a number within ``[-bound, bound]``."""
    return check_number(v, name, -bound, bound, types=types)


def check_nonzero(v, name, bound, types=(float, int)):
    """`v` a number in ``[-bound, 0) ∪ (0, bound]`` (MindSpore's check of a sample rate or a
    divisor)."""
    if isinstance(v, bool) or not isinstance(v, types):
        raise type_error(name, v, types)
    if v == 0 or not -bound <= v <= (bound if bound == FLOAT_MAX else bound - 1):
        hi = bound if bound == FLOAT_MAX else bound - 1
        raise ShapeError(f"Input {name} is not within the required interval of [-{bound}, 0) "
                         f"and (0, {hi}].")
    return v


def check_int(v, name, lo=None, hi=INT32_MAX, lo_open=False):
    """`v` an int (not bool) within ``[lo, hi]``."""
    return check_number(v, name, lo, hi, lo_open=lo_open, types=(int,))


def check_bool(v, name):
    """`v` a bool."""
    if not isinstance(v, bool):
        raise type_error(name, v, (bool,))
    return v


def check_enum(v, enum, name):
    """`v` a member of `enum`."""
    if not isinstance(v, enum):
        raise DTypeError(f"Argument {name} with value {v} is not of type [{enum}], but got "
                         f"{type(v)}.")
    return v


def check_q(q):
    """A quality factor in ``(0, 1]``."""
    return check_number(q, "Q", 0, 1, lo_open=True)


def check_sample_rate(sr):
    """A sample rate: a nonzero int32."""
    return check_nonzero(sr, "sample_rate", INT32_MAX + 1, types=(int,))


_TYPE_NAMES = {"float16": "float16", "float32": "float32", "float64": "float64", "bool": "bool"}


def _type_name(dtype):
    if dtype.kind in "US":
        return "string"
    return _TYPE_NAMES.get(dtype.name, dtype.name)


def waveform(op, x, floats_only=False, min_ndim=1, shape="<..., time>"):
    """`x` checked as MindSpore checks a transform's input: a NumPy array (TypeError), of a
    numeric dtype (RuntimeError; with `floats_only`, Float16/32/64 only), at least `min_ndim`
    dimensions and not empty; returned as the array it computes on: Float64 stays, Float16/32
    stay with `floats_only`, every other dtype becomes Float32."""
    if not isinstance(x, _np.ndarray):
        raise DTypeError(f"Input should be NumPy audio, got {type(x)}.")
    kinds = "f" if floats_only else "fiub"
    if x.dtype.kind not in kinds:
        wanted = "[float, double]" if floats_only else "[int, float, double]"
        raise ComputeError(f"{op}: the data type of input tensor does not match the requirement "
                           f"of operator. Expecting tensor in type of {wanted}. But got type "
                           f"{_type_name(x.dtype)}.")
    if x.ndim < min_ndim:
        raise ComputeError(f"{op}: the shape of input tensor does not match the requirement of "
                           f"operator. Expecting tensor in shape of {shape}. But got tensor "
                           f"with dimension {x.ndim}.")
    if x.size == 0:
        raise ComputeError("Input Tensor has no data.")
    if x.dtype == _np.float64 or (floats_only and x.dtype.kind == "f"):
        return x
    return x.astype(_np.float32)


def complex_pairs(op, x):
    """`x` as a complex spectrum stored as ``(..., 2)`` real/imaginary pairs."""
    a = waveform(op, x)
    if a.shape[-1] != 2:
        raise ComputeError(f"{op}: the shape of input tensor does not match the requirement of "
                           f"operator. Expecting tensor in shape of <..., complex=2>.")
    return a

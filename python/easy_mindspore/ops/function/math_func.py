"""``mindspore.ops`` math functions: products (``mm``, ``bmm``, ``mv``, ``inner``,
``tensor_dot``), ``cumprod``, ``erfinv``, ``linspace``, statistics and clipping. Each is a thin
front over engine ops, differentiable through them."""
import builtins

import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from ._args import as_tensor as _t

__all__ = [
    "mm", "bmm", "mv", "inner", "outer", "tensor_dot", "cumprod", "erfinv", "linspace", "std",
    "var", "clamp", "clip", "clip_by_global_norm", "addmm", "baddbmm", "lerp", "trace",
]

_FLOATS = mstype.float_type


def _rank(op, name, x, n):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', '{name}' must be a Tensor, but got {type(x).__name__}.")
    if x.ndim != n:
        raise ShapeError(f"For '{op}', '{name}' must be {n}-D, but got shape {list(x.shape)}.")
    return x


def mm(input, mat2):  # noqa: A002 - MindSpore's argument name
    """``ops.mm``: the product of two matrices."""
    return _C.matmul(_rank("MatMul", "input", input, 2), _rank("MatMul", "mat2", mat2, 2))


def bmm(input_x, mat2):
    """``ops.bmm``: the batched product of ``[..., n, m]`` and ``[..., m, p]`` (3-D or more)."""
    for name, x in (("input_x", input_x), ("mat2", mat2)):
        if not isinstance(x, Tensor) or x.ndim < 3:
            raise ShapeError(f"For 'BatchMatMul', '{name}' must be a Tensor of rank 3 or more, "
                             f"but got {getattr(x, 'shape', type(x).__name__)}.")
    return _C.matmul(input_x, mat2)


def mv(mat, vec):
    """``ops.mv``: a matrix times a vector."""
    return _C.matmul(_rank("MatMul", "mat", mat, 2), _rank("MatMul", "vec", vec, 1))


def inner(input, other):  # noqa: A002
    """``ops.inner``: sums of products over the last axes (a scalar operand multiplies)."""
    x, y = _t(input), _t(other)
    if x.ndim == 0 or y.ndim == 0:
        return x * y
    if x.shape[-1] != y.shape[-1]:
        raise ShapeError(f"For 'Inner', the last axes must agree, but got shapes {list(x.shape)} "
                         f"and {list(y.shape)}.")
    return tensor_dot(x, y, ((x.ndim - 1,), (y.ndim - 1,)))


def outer(input, vec2):  # noqa: A002
    """``ops.outer``: ``input[i] * vec2[j]``."""
    x, y = _rank("Outer", "input", input, 1), _rank("Outer", "vec2", vec2, 1)
    return x.reshape(-1, 1) * y.reshape(1, -1)


def tensor_dot(x1, x2, axes):
    """``ops.tensor_dot``: sums of products over ``axes`` (an int ``n``: the last ``n`` axes of
    ``x1`` with the first ``n`` of ``x2``; or two sequences of axes). The free axes of ``x1`` come
    first, then those of ``x2``."""
    a, b = _t(x1), _t(x2)
    if isinstance(axes, (int, _np.integer)) and not isinstance(axes, bool):
        n = int(axes)
        if n < 0 or n > builtins.min(a.ndim, b.ndim):
            raise ShapeError(f"For 'TensorDot', 'axes' must be in [0, {builtins.min(a.ndim, b.ndim)}]"
                             f", but got {n}.")
        ax_a, ax_b = list(range(a.ndim - n, a.ndim)), list(range(n))
    else:
        if len(axes) != 2:
            raise ShapeError(f"For 'TensorDot', 'axes' must be an int or two sequences, got {axes}.")
        ax_a, ax_b = ([axes[0]] if isinstance(axes[0], int) else list(axes[0]),
                      [axes[1]] if isinstance(axes[1], int) else list(axes[1]))
        if len(ax_a) != len(ax_b):
            raise ShapeError(f"For 'TensorDot', both operands need as many axes, got {axes}.")
        ax_a = [v % a.ndim if a.ndim else v for v in ax_a]
        ax_b = [v % b.ndim if b.ndim else v for v in ax_b]
    for i, j in zip(ax_a, ax_b):
        if a.shape[i] != b.shape[j]:
            raise ShapeError(f"For 'TensorDot', axis {i} of shape {list(a.shape)} and axis {j} of "
                             f"shape {list(b.shape)} differ.")
    free_a = [i for i in range(a.ndim) if i not in ax_a]
    free_b = [j for j in range(b.ndim) if j not in ax_b]
    k = int(_np.prod([a.shape[i] for i in ax_a], dtype=_np.int64))
    am = a.permute(*(free_a + ax_a)).reshape(-1, k) if a.ndim else a.reshape(1, 1)
    bm = b.permute(*(ax_b + free_b)).reshape(k, -1) if b.ndim else b.reshape(1, 1)
    out = _C.matmul(am, bm)
    return out.reshape([a.shape[i] for i in free_a] + [b.shape[j] for j in free_b])


def cumprod(input, dim, dtype=None):  # noqa: A002
    """``ops.cumprod``: running products along ``dim``, exact (no logarithms: zeros and negatives
    are fine) and differentiable: ``ceil(log2 n)`` rounds of products with shifted copies."""
    x = _t(input)
    if dtype is not None:
        x = x.astype(dtype)
    if x.ndim == 0:
        return x
    dim %= x.ndim
    n, shift = x.shape[dim], 1
    pre = (slice(None),) * dim
    while shift < n:
        ones_shape = list(x.shape)
        ones_shape[dim] = shift
        shifted = _C.concat([_C.full(tuple(ones_shape), 1, x.dtype), x[pre + (slice(0, n - shift),)]],
                            dim)
        x = x * shifted
        shift *= 2
    return x


def erfinv(input):  # noqa: A002
    """``ops.erfinv``: the inverse error function (Float32/Float64; ``±inf`` at ``±1``)."""
    return _t(input).erfinv()


def linspace(start, end, steps):
    """``ops.linspace``: ``steps`` evenly spaced Float32 values from ``start`` to ``end``."""
    def num(v, name):
        if isinstance(v, Tensor):
            return float(v)
        if isinstance(v, bool) or not isinstance(v, (int, float, _np.number)):
            raise DTypeError(f"For 'LinSpace', '{name}' must be a number or a 0-D Tensor, but got "
                             f"{type(v).__name__}.")
        return float(v)
    steps = int(steps) if isinstance(steps, Tensor) else steps
    if isinstance(steps, bool) or not isinstance(steps, (int, _np.integer)):
        raise DTypeError(f"For 'LinSpace', 'steps' must be an int, but got {type(steps).__name__}.")
    if steps < 1:
        raise ShapeError(f"For 'LinSpace', 'steps' must be positive, but got {steps}.")
    return _C.linspace(num(start, "start"), num(end, "end"), int(steps), mstype.float32)


def var(input, axis=None, ddof=0, keepdims=False):  # noqa: A002
    """``ops.var``: the variance over ``axis`` (``ddof`` degrees of freedom removed)."""
    x = _t(input)
    if isinstance(ddof, bool) or not isinstance(ddof, (int, _np.integer)):
        raise DTypeError(f"For 'var', 'ddof' must be an int, but got {type(ddof).__name__}.")
    if x.dtype not in _FLOATS:
        x = x.astype(mstype.float32)
    mean = x.mean(axis, True)
    d = x - mean
    sq = (d * d).sum(axis, None, keepdims)
    n = x.size if axis is None else int(_np.prod(
        [x.shape[a] for a in ((axis,) if isinstance(axis, int) else axis)], dtype=_np.int64))
    return sq / builtins.max(n - int(ddof), 0)


def std(input, axis=None, ddof=0, keepdims=False):  # noqa: A002
    """``ops.std``: the standard deviation over ``axis``."""
    return var(input, axis, ddof, keepdims).sqrt()


def clamp(input, min=None, max=None):  # noqa: A002 - MindSpore's names
    """``ops.clamp``: ``input`` limited to ``[min, max]`` (either may be None)."""
    if min is None and max is None:
        raise ShapeError("For 'clamp', at least one of 'min' and 'max' must be given.")
    x = _t(input)
    if min is not None:
        x = _C.where_(x < min, _cast_like(min, x), x)
    if max is not None:
        x = _C.where_(x > max, _cast_like(max, x), x)
    return x


def _cast_like(v, x):
    return v.astype(x.dtype) if isinstance(v, Tensor) else Tensor(v, x.dtype)


clip = clamp


def clip_by_global_norm(x, clip_norm=1.0, use_norm=None):
    """``ops.clip_by_global_norm``: the tensors of ``x`` scaled by
    ``clip_norm / max(global_norm, clip_norm)``, where ``global_norm`` is the 2-norm of all of
    them together (``use_norm`` is not supported, as in MindSpore)."""
    if use_norm is not None:
        raise ShapeError("For 'clip_by_global_norm', 'use_norm' must be None.")
    if isinstance(x, Tensor):
        return clip_by_global_norm((x,), clip_norm)[0]
    xs = tuple(x)
    if not xs:
        return xs
    total = None
    for t in xs:
        s = (t.astype(mstype.float32) ** 2).sum() if t.dtype not in _FLOATS else (t * t).sum()
        total = s if total is None else total + s
    norm = total.sqrt()
    scale = clip_norm / _C.maximum(norm, clip_norm)
    return tuple((t * scale).astype(t.dtype) for t in xs)


def addmm(input, mat1, mat2, *, beta=1, alpha=1):  # noqa: A002
    """``ops.addmm``: ``beta * input + alpha * (mat1 @ mat2)``."""
    return _t(input) * beta + mm(mat1, mat2) * alpha


def baddbmm(input, batch1, batch2, beta=1, alpha=1):  # noqa: A002
    """``ops.baddbmm``: ``beta * input + alpha * bmm(batch1, batch2)``."""
    return _t(input) * beta + bmm(batch1, batch2) * alpha


def lerp(input, end, weight):  # noqa: A002
    """``ops.lerp``: ``input + weight * (end - input)``."""
    x = _t(input)
    return x + weight * (end - x)


def trace(input):  # noqa: A002
    """``ops.trace``: the sum of the main diagonal of a matrix."""
    x = _rank("Trace", "input", input, 2)
    k = builtins.min(x.shape)
    i = Tensor(_np.arange(k, dtype=_np.int64))
    return x[i, i].sum()


# -- elementwise math composed from the engine's primitives (each differentiable through its parts)
_PI = 3.141592653589793
_LN2 = 0.6931471805599453
_LN10 = 2.302585092994046

__all__ += [
    "log1p", "expm1", "log2", "log10", "exp2", "atan", "asin", "acos", "atan2", "asinh", "acosh",
    "atanh", "arctan", "arcsin", "arccos", "arctan2", "arcsinh", "arccosh", "arctanh", "ceil",
    "round", "trunc", "fix", "frac", "hypot", "logaddexp", "logaddexp2", "xlogy", "sinc", "erfc",
    "logit", "float_power", "true_divide", "floor_divide", "remainder", "fmod", "deg2rad",
    "rad2deg", "heaviside", "addcmul", "addcdiv", "addmv", "addr", "isnan", "isinf", "isfinite",
    "isclose", "nan_to_num",
]


def _float(op, x, name="input"):
    """``x`` as a Tensor of a float dtype (MindSpore's CPU kernels reject the other dtypes)."""
    x = _t(x)
    if x.dtype not in _FLOATS:
        raise DTypeError(f"For '{op}', '{name}' must be a Float16, Float32 or Float64 Tensor, but got "
                         f"{x.dtype}.")
    return x


def _to_float(x):
    """``x`` as a Tensor, integer and Bool tensors cast to Float32 (MindSpore's implicit cast)."""
    x = _t(x)
    return x if x.dtype in _FLOATS else x.astype(mstype.float32)


def _native(name):
    """The engine's own Tensor method ``name``, if it has one (not the Python method of
    ``_tensor_methods``, which calls back into this module)."""
    m = Tensor.__dict__.get(name)
    return None if m is None or getattr(m, "_ems_python", False) else m


def _log1p(x):
    m = _native("log1p")
    return m(x) if m is not None else (x + 1.0).log()


def _expm1(x):
    m = _native("expm1")
    return m(x) if m is not None else x.exp() - 1.0


def log1p(input):  # noqa: A002 - MindSpore's argument name
    """``ops.log1p``: ``log(1 + x)``."""
    return _log1p(_float("Log1p", input))


def expm1(input):  # noqa: A002
    """``ops.expm1``: ``e^x - 1`` (integer inputs give Float32)."""
    return _expm1(_to_float(input))


def log2(input):  # noqa: A002
    """``ops.log2``: ``log(x) / log(2)``."""
    return _float("Log2", input).log() * (1.0 / _LN2)


def log10(input):  # noqa: A002
    """``ops.log10``: ``log(x) / log(10)``."""
    return _float("Log10", input).log() * (1.0 / _LN10)


def exp2(input):  # noqa: A002
    """``ops.exp2``: ``2^x`` (integer inputs give Float32)."""
    return (_to_float(input) * _LN2).exp()


def _safe(cond, x, fill):
    """``x`` where ``cond``, else ``fill``: keeps the untaken branch of a ``where`` finite so its
    (zero) gradient does not become NaN."""
    return _C.where_(cond, x, Tensor(fill, x.dtype))


def _atan_small(t):
    # |t| <= 0.1: the odd Taylor series to t^17 (the next term is below 1e-19).
    t2 = t * t
    acc = Tensor(1.0 / 17, t.dtype)
    for k in range(15, 0, -2):
        acc = (-t2) * acc + (1.0 / k)
    return t * acc


def atan(input):  # noqa: A002
    """``ops.atan``: for ``|x| > 1`` it is ``sign(x)·π/2 - atan(1/x)``; on ``[-1, 1]`` three
    half-angle steps ``atan(x) = 2·atan(x / (1 + sqrt(1 + x²)))`` bring the argument under 0.1,
    where a short series is exact to the last bit."""
    x = _float("Atan", input)
    big = x.abs() > 1.0
    r = _safe(big, x, 1.0)
    t = _C.where_(big, 1.0 / r, x)
    for _ in range(3):
        t = t / ((t * t + 1.0).sqrt() + 1.0)
    small = _atan_small(t) * 8.0
    sign = (x > 0).astype(x.dtype) - (x < 0).astype(x.dtype)
    return _C.where_(big, sign * (_PI / 2) - small, small)


def atan2(input, other):  # noqa: A002
    """``ops.atan2``: the angle of the point ``(other, input)``, in ``[-π, π]`` (``atan2(0, 0)``
    is 0), with broadcasting."""
    y, x = _float("Atan2", input), _float("Atan2", other, "other")
    y, x = y + x * 0.0, x + y * 0.0
    zero = x == 0
    base = atan(y / _safe(~zero, x, 1.0))
    shift = _C.where_(y >= 0, Tensor(_PI, y.dtype), Tensor(-_PI, y.dtype))
    off_axis = _C.where_(x < 0, base + shift, base)
    on_axis = ((y > 0).astype(y.dtype) - (y < 0).astype(y.dtype)) * (_PI / 2)
    return _C.where_(zero, on_axis, off_axis)


def asin(input):  # noqa: A002
    """``ops.asin``: ``atan2(x, sqrt(1 - x²))`` (NaN outside ``[-1, 1]``)."""
    x = _float("Asin", input)
    return atan2(x, (1.0 - x * x).sqrt())


def acos(input):  # noqa: A002
    """``ops.acos``: ``atan2(sqrt(1 - x²), x)`` (NaN outside ``[-1, 1]``)."""
    x = _float("ACos", input)
    return atan2((1.0 - x * x).sqrt(), x)


def asinh(input):  # noqa: A002
    """``ops.asinh``: ``sign(x)·log1p(|x| + x²/(1 + sqrt(1 + x²)))``."""
    x = _float("Asinh", input)
    a = x.abs()
    sign = (x >= 0).astype(x.dtype) * 2.0 - 1.0
    return sign * _log1p(a + a * a / ((a * a + 1.0).sqrt() + 1.0))


def acosh(input):  # noqa: A002
    """``ops.acosh``: ``log(x + sqrt(x² - 1))`` (NaN below 1)."""
    x = _float("Acosh", input)
    return (x + (x * x - 1.0).sqrt()).log()


def atanh(input):  # noqa: A002
    """``ops.atanh``: ``log1p(2x / (1 - x)) / 2`` (±inf at ±1, NaN outside)."""
    x = _float("Atanh", input)
    return _log1p(2.0 * x / (1.0 - x)) * 0.5


arctan, arcsin, arccos, arctan2 = atan, asin, acos, atan2
arcsinh, arccosh, arctanh = asinh, acosh, atanh


def ceil(input):  # noqa: A002
    """``ops.ceil``: ``-floor(-x)`` (float dtypes only, as MindSpore)."""
    return -(-_float("Ceil", input)).floor()


def _is_int(x):
    return x.dtype not in _FLOATS


def trunc(input):  # noqa: A002
    """``ops.trunc``: rounds towards zero (integer tensors are returned as they are)."""
    x = _t(input)
    if _is_int(x):
        return x
    return _C.where_(x < 0, -(-x).floor(), x.floor())


fix = trunc


def round(input, *, decimals=0):  # noqa: A001,A002 - MindSpore's names
    """``ops.round``: to the nearest integer, halves to even (``round(2.5) = 2``), after scaling
    by ``10**decimals``; integer tensors are returned as they are. The gradient is zero."""
    x = _t(input)
    if _is_int(x):
        return x
    if isinstance(decimals, bool) or not isinstance(decimals, (int, _np.integer)):
        raise DTypeError(f"For 'round', 'decimals' must be an int, but got {type(decimals).__name__}.")
    if abs(decimals) > 300:
        raise ShapeError(f"For 'round', 'decimals' must be in [-300, 300], but got {decimals}.")
    scale = 10.0 ** int(decimals)
    y = x * scale if decimals else x
    r = (y + 0.5).floor()
    tie_odd = ((r - y) == 0.5) * ((r * 0.5).floor() * 2.0 != r)
    r = _C.where_(tie_odd, r - 1.0, r)
    return _C.stop_gradient(r / scale if decimals else r)


def frac(x):
    """``ops.frac``: ``x - trunc(x)`` (NaN for infinities; zero for integer tensors)."""
    x = _t(x)
    return x - trunc(x)


def hypot(input, other):  # noqa: A002
    """``ops.hypot``: ``sqrt(x² + y²)``, with broadcasting (Float32/Float64)."""
    x, y = _float("Hypot", input), _float("Hypot", other, "other")
    return (x * x + y * y).sqrt()


def logaddexp(input, other):  # noqa: A002
    """``ops.logaddexp``: ``log(e^x + e^y)``, shifted by the larger operand (no overflow)."""
    x, y = _to_float(input), _to_float(other)
    m = _C.stop_gradient(_C.maximum(x, y))
    m = _C.where_((m - m) == 0, m, Tensor(0.0, m.dtype))  # an infinite max: no shift
    return ((x - m).exp() + (y - m).exp()).log() + m


def logaddexp2(input, other):  # noqa: A002
    """``ops.logaddexp2``: ``log2(2^x + 2^y)``."""
    return logaddexp(_to_float(input) * _LN2, _to_float(other) * _LN2) * (1.0 / _LN2)


def xlogy(input, other):  # noqa: A002
    """``ops.xlogy``: ``x·log(y)`` (MindSpore 2.10 gives NaN at ``x = y = 0``, as this does)."""
    x, y = _float("Xlogy", input), _float("Xlogy", other, "other")
    return x * y.log()


def sinc(input):  # noqa: A002
    """``ops.sinc``: ``sin(πx) / (πx)``, 1 at 0 (integer inputs give Float32)."""
    x = _to_float(input)
    nz = x != 0
    px = _safe(nz, x, 1.0) * _PI
    return _C.where_(nz, px.sin() / px, Tensor(1.0, x.dtype))


def erfc(input):  # noqa: A002
    """``ops.erfc``: ``1 - erf(x)``."""
    return 1.0 - _float("Erfc", input).erf()


def logit(input, eps=None):  # noqa: A002
    """``ops.logit``: ``log(x / (1 - x))``, ``x`` first clamped to ``[eps, 1 - eps]`` when
    ``eps`` is given."""
    x = _float("Logit", input)
    if eps is not None:
        x = clamp(x, float(eps), 1.0 - float(eps))
    return (x / (1.0 - x)).log()


def float_power(input, exponent):  # noqa: A002
    """``ops.float_power``: ``input ** exponent`` computed in Float64."""
    x = _t(input).astype(mstype.float64)
    e = exponent.astype(mstype.float64) if isinstance(exponent, Tensor) else float(exponent)
    return x ** e


def true_divide(dividend, divisor):
    """``ops.true_divide``: ``dividend / divisor`` (integers give Float32)."""
    return _t(dividend) / divisor


def floor_divide(input, other):  # noqa: A002
    """``ops.floor_divide``: ``floor(x / y)`` (Python's ``//``)."""
    return _t(input) // other


def remainder(input, other):  # noqa: A002
    """``ops.remainder``: ``x - floor(x / y)·y``, the sign of ``y`` (Python's ``%``)."""
    return _t(input) % other


def fmod(input, other):  # noqa: A002
    """``ops.fmod``: ``x - trunc(x / y)·y``, the sign of ``x`` (C's ``fmod``)."""
    x = _t(input)
    r = x % other
    y = other if isinstance(other, Tensor) else Tensor(other, x.dtype)
    wrong_sign = (r != 0) * ((r < 0) != (x < 0))
    return _C.where_(wrong_sign, r - y, r)


def deg2rad(x):
    """``ops.deg2rad``: ``x·π/180``."""
    return _float("deg2rad", x, "x") * (_PI / 180.0)


def rad2deg(x):
    """``ops.rad2deg``: ``x·180/π``."""
    return _float("rad2deg", x, "x") * (180.0 / _PI)


def heaviside(input, values):  # noqa: A002
    """``ops.heaviside``: 0 below zero, 1 above, ``values`` at zero (broadcast)."""
    x = _t(input)
    v = values if isinstance(values, Tensor) else Tensor(values, x.dtype)
    one, zero = Tensor(1, x.dtype), Tensor(0, x.dtype)
    return _C.where_(x > 0, one, _C.where_(x < 0, zero, v.astype(x.dtype)))


def addcmul(input, tensor1, tensor2, value=1):  # noqa: A002
    """``ops.addcmul``: ``input + value·tensor1·tensor2``."""
    return _t(input) + _t(tensor1) * tensor2 * value


def addcdiv(input, tensor1, tensor2, value=1):  # noqa: A002
    """``ops.addcdiv``: ``input + value·tensor1/tensor2``."""
    return _t(input) + _t(tensor1) / tensor2 * value


def addmv(input, mat, vec, *, beta=1, alpha=1):  # noqa: A002
    """``ops.addmv``: ``beta·input + alpha·(mat @ vec)``."""
    return _t(input) * beta + mv(mat, vec) * alpha


def addr(x, vec1, vec2, *, beta=1, alpha=1):
    """``ops.addr``: ``beta·x + alpha·outer(vec1, vec2)``."""
    return _t(x) * beta + outer(vec1, vec2) * alpha


def isnan(input):  # noqa: A002
    """``ops.isnan``: True where NaN (never for integer tensors)."""
    x = _t(input)
    return x != x if x.dtype in _FLOATS else _C.full(tuple(x.shape), False, mstype.bool_)


def isinf(input):  # noqa: A002
    """``ops.isinf``: True at ±inf (float dtypes only, as MindSpore's CPU kernel)."""
    x = _float("IsInf", input)
    return x.abs() == float("inf")


def isfinite(input):  # noqa: A002
    """``ops.isfinite``: True where neither NaN nor ±inf (always for integer tensors)."""
    x = _t(input)
    if x.dtype not in _FLOATS:
        return _C.full(tuple(x.shape), True, mstype.bool_)
    return (x - x) == 0


def isclose(input, other, rtol=1e-05, atol=1e-08, equal_nan=False):  # noqa: A002
    """``ops.isclose``: ``|x - y| <= atol + rtol·|y|`` elementwise (equal infinities are close;
    NaNs are close to each other only with ``equal_nan``)."""
    x, y = _t(input), _t(other)
    if rtol < 0 or atol < 0:
        raise ShapeError(f"For 'IsClose', 'rtol' and 'atol' must be non-negative, got {rtol}, {atol}.")
    xf, yf = _to_float(x), _to_float(y)
    close = ((xf - yf).abs() <= (yf.abs() * rtol + atol)) + (x == y)
    if equal_nan:
        close = close + (isnan(xf) * isnan(yf))
    return close


def nan_to_num(input, nan=None, posinf=None, neginf=None):  # noqa: A002
    """``ops.nan_to_num``: NaN → ``nan`` (0.0), +inf → ``posinf`` (the dtype's largest value),
    -inf → ``neginf`` (its lowest)."""
    x = _float("NanToNum", input)
    info = _np.finfo({mstype.float64: _np.float64, mstype.float16: _np.float16}.get(x.dtype, _np.float32))
    nan = 0.0 if nan is None else float(nan)
    posinf = float(info.max) if posinf is None else float(posinf)
    neginf = float(info.min) if neginf is None else float(neginf)
    inf = float("inf")
    out = _C.where_(x == inf, Tensor(posinf, x.dtype), x)
    out = _C.where_(x == -inf, Tensor(neginf, x.dtype), out)
    return _C.where_(x != x, Tensor(nan, x.dtype), out)


# Part two lives in ``_math_more`` (kept apart for size); its functions are this module's too.
from . import _math_more as _more  # noqa: E402

globals().update({_name: getattr(_more, _name) for _name in _more.__all__})
__all__ += _more.__all__

"""``mindspore.common.initializer``: initializer objects and ``initializer(init, shape, dtype)``.

Each object only names a rule of the Rust crate's ``nn::Initializer``; drawing happens in Rust.
As in MindSpore, each random initializer call fills its tensor from one seed drawn from NumPy's
global generator (``_numpy_seed``), with MindSpore's Philox stream: after ``numpy.random.seed(s)``
or ``mindspore.set_seed(s)`` (which seeds NumPy too) a network starts from MindSpore's values.
"""
import math

import numpy as _np

from .. import _C
from .._C import Tensor
from . import dtype as mstype
# MindSpore's C++ random fills (``mindspore._c_expression``'s), in its initializer module too.
from ._random_fill import _random_normal, _random_uniform, _truncated_normal  # noqa: F401

__all__ = ["Initializer", "Normal", "TruncatedNormal", "Uniform", "XavierUniform", "XavierNormal",
           "HeUniform", "HeNormal", "VarianceScaling", "Orthogonal", "Sparse", "Identity", "Dirac",
           "Zero", "One", "Constant", "initializer"]


class Initializer:
    """Base class of the initializers. A built-in rule names itself to the Rust crate
    (``_spec()``); a subclass written for MindSpore overrides ``_initialize(arr)`` instead,
    filling the NumPy array ``arr`` in place (``initializer`` hands it an array of the wanted
    shape and dtype).

    Args:
        **kwargs: The initializer's arguments (kept in ``_kwargs``).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.common import initializer as init
        >>> class Twos(init.Initializer):
        ...     def _initialize(self, arr):
        ...         init._assignment(arr, 2)
        >>> print(init.initializer(Twos(), [2], ms.int32))
        [2 2]
    """

    def __init__(self, **kwargs):
        self._kwargs = kwargs
        self._seed = None

    def _spec(self):
        raise NotImplementedError("Must be overridden!")

    def _initialize(self, arr):
        raise NotImplementedError("Must be overridden!")

    def __repr__(self):
        # MindSpore's initializers keep Python's default repr.
        return f"<mindspore.common.initializer.{type(self).__name__} object at {id(self):#x}>"

    def __call__(self, arr):
        """Fills the NumPy array ``arr`` in place, as MindSpore's ``Initializer(arr)`` does (the
        values drawn as for ``initializer(self, arr.shape)``, in Float32 unless ``arr`` is
        Float64, then cast to ``arr``'s dtype; a subclass's own ``_initialize(arr)``), and
        returns it."""
        if not isinstance(arr, _np.ndarray):
            from .._errors import DTypeError
            raise DTypeError(f"For '{type(self).__name__}', the input must be a numpy.ndarray, "
                             f"but got {type(arr).__name__}.")
        if _is_custom(self):
            self._initialize(arr)
            return arr
        dtype = mstype.float64 if arr.dtype == _np.float64 else mstype.float32
        arr[...] = initializer(self, arr.shape, dtype).asnumpy().astype(arr.dtype)
        return arr


def _is_custom(init):
    """Whether `init` is a user's subclass filling arrays itself (no rule of the Rust crate)."""
    return type(init)._spec is Initializer._spec


def _assignment(arr, num):
    """Fills the NumPy array `arr` with `num` in place (MindSpore's helper for initializers).

    Args:
        arr (numpy.ndarray): The array.
        num (number): The value.

    Returns:
        numpy.ndarray, `arr`.

    Examples:
        >>> import numpy as np
        >>> from mindspore.common.initializer import _assignment
        >>> _assignment(np.zeros(3, np.int32), 3.7)
        array([3, 3, 3], dtype=int32)
    """
    if arr.shape == ():
        arr[()] = num
    else:
        arr.fill(num)
    return arr


class Normal(Initializer):
    """``N(mean, sigma²)``; MindSpore's defaults ``sigma=0.01, mean=0``."""

    def __init__(self, sigma=0.01, mean=0.0):
        self.sigma, self.mean = float(sigma), float(mean)

    def _spec(self):
        return ("normal", self.sigma, self.mean)


class Uniform(Initializer):
    """``U(-scale, scale)``; default ``scale=0.07``."""

    def __init__(self, scale=0.07):
        self.scale = float(scale)

    def _spec(self):
        return ("uniform", self.scale)


class XavierUniform(Initializer):
    """Glorot uniform: bound ``gain·√(6 / (fan_in + fan_out))``."""

    def __init__(self, gain=1.0):
        self.gain = float(gain)

    def _spec(self):
        return ("xavier_uniform", self.gain)


def _gain(op, nonlinearity, negative_slope):
    """MindSpore's gain of a nonlinearity for the He rules."""
    from .._errors import ShapeError
    if nonlinearity in ("linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d",
                        "conv_transpose2d", "conv_transpose3d", "sigmoid"):
        return 1.0
    if nonlinearity == "tanh":
        return 5.0 / 3
    if nonlinearity == "relu":
        return math.sqrt(2.0)
    if nonlinearity == "leaky_relu":
        if isinstance(negative_slope, bool) or not isinstance(negative_slope, (int, float)):
            raise ShapeError(f"For '{op}', 'negative_slope' {negative_slope} is not a valid number.")
        return math.sqrt(2.0 / (1 + negative_slope ** 2))
    raise ShapeError(f"For '{op}', the argument 'nonlinearity' should be one of ['sigmoid', 'tanh', "
                     f"'relu' or 'leaky_relu'], but got {nonlinearity}.")


def _mode(op, mode, allowed=("fan_in", "fan_out")):
    if mode not in allowed:
        from .._errors import ShapeError
        raise ShapeError(f"For '{op}', mode must be one of {list(allowed)}, got {mode!r}")
    return allowed.index(mode)


class HeUniform(Initializer):
    """Kaiming uniform: ``U(-b, b)`` with ``b = gain·√(3 / fan)``, ``gain`` that of
    `nonlinearity` (``√(2 / (1 + a²))`` for ``'leaky_relu'`` with slope ``a``), ``fan`` by `mode`
    (``'fan_in'`` or ``'fan_out'``)."""

    def __init__(self, negative_slope=0, mode="fan_in", nonlinearity="leaky_relu"):
        self.negative_slope, self.mode, self.nonlinearity = negative_slope, mode, nonlinearity
        self._args = (_gain(type(self).__name__, nonlinearity, negative_slope),
                      float(_mode(type(self).__name__, mode)))

    def _spec(self):
        return ("he_uniform",) + self._args


class HeNormal(HeUniform):
    """Kaiming normal: ``N(0, s²)`` with ``s = gain / √fan``, as ``HeUniform``."""

    def _spec(self):
        return ("he_normal",) + self._args


class XavierNormal(Initializer):
    """Glorot normal: ``N(0, s²)`` with ``s = gain·√(2 / (fan_in + fan_out))``."""

    def __init__(self, gain=1):
        self.gain = gain

    def _spec(self):
        return ("xavier_normal", float(self.gain))


class TruncatedNormal(Initializer):
    """``N(mean, sigma²)`` restricted to ``[a, b]`` (absolute bounds)."""

    def __init__(self, sigma=0.01, mean=0.0, a=-2.0, b=2.0):
        self.sigma, self.mean, self.a, self.b = sigma, mean, a, b

    def _spec(self):
        return ("truncated_normal", float(self.sigma), float(self.mean), float(self.a),
                float(self.b))


class VarianceScaling(Initializer):
    """Variance ``scale / n``, ``n`` the fan by `mode` (``'fan_in'``, ``'fan_out'``,
    ``'fan_avg'``), from a normal truncated at two standard deviations (the default), an
    untruncated normal or a uniform on ``±√(3·scale / n)`` (`distribution`), as MindSpore
    documents it. (MindSpore 2.10 itself draws the uniform for ``'truncated_normal'``: it compares
    the distribution with a misspelt name, so its truncated branch is never taken — a bug; this
    package draws the documented truncated normal.)"""

    def __init__(self, scale=1.0, mode="fan_in", distribution="truncated_normal"):
        from .._errors import ShapeError
        if scale <= 0.0:
            raise ShapeError("For VarianceScaling initializer, the argument 'scale' must be greater "
                             f"than 0, but got {scale}.")
        if mode not in ("fan_in", "fan_out", "fan_avg"):
            raise ShapeError("For VarianceScaling initializer, the argument 'mode' must be fan_in, "
                             f"fan_out or fan_avg, but got {mode}.")
        kinds = ("truncated_normal", "untruncated_normal", "uniform")
        if distribution not in kinds:
            raise ShapeError("For VarianceScaling initializer, the argument 'distribution' must be "
                             f"uniform, truncated_norm or untruncated_norm, but got {distribution}.")
        self.scale, self.mode, self.distribution = scale, mode, distribution
        kind = kinds.index(distribution)
        self._args = (float(scale), float(("fan_in", "fan_out", "fan_avg").index(mode)),
                      float(kind))

    def _spec(self):
        return ("variance_scaling",) + self._args


class Orthogonal(Initializer):
    """A (semi-)orthogonal matrix (trailing axes flattened) times `gain`."""

    def __init__(self, gain=1.0):
        self.gain = gain

    def _spec(self):
        return ("orthogonal", float(self.gain))


class Sparse(Initializer):
    """A 2-D ``N(0, sigma²)`` matrix with a `sparsity` fraction of each column set to zero."""

    def __init__(self, sparsity, sigma=0.01):
        self.sparsity, self.sigma = sparsity, sigma

    def _spec(self):
        return ("sparse", float(self.sparsity), float(self.sigma))


class Identity(Initializer):
    """The 2-D identity matrix."""

    def _spec(self):
        return ("identity",)


class Dirac(Initializer):
    """A convolution weight (3-D to 5-D) passing each channel through at the kernel's centre."""

    def __init__(self, groups=1):
        self.groups = groups

    def _spec(self):
        return ("dirac", float(self.groups))


class Zero(Initializer):
    def _spec(self):
        return ("zeros",)


class One(Initializer):
    def _spec(self):
        return ("ones",)


class Constant(Initializer):
    def __init__(self, value):
        self.value = float(value)

    def _spec(self):
        return ("constant", self.value)


def _numpy_seed():
    """The seed of one random initializer call: MindSpore's draw from NumPy's global generator."""
    return int(_np.random.randint(low=1, high=1 << 63, dtype=_np.int64))


def _native_spec(init):
    """What the native layers accept: None, a name, a number or a spec tuple (the name of
    VarianceScaling as its default object's spec)."""
    if isinstance(init, str) and init.lower().replace("_", "") == "variancescaling":
        init = VarianceScaling()
    return init._spec() if isinstance(init, Initializer) else init


def initializer(init, shape=None, dtype=None):
    """A Tensor of ``shape`` drawn by ``init`` (a name, a number, an Initializer; a Tensor is
    returned as is). For an integer or bool `dtype` the values are drawn in Float64 and cast, as
    MindSpore 2.10 fills an array of that dtype: truncated toward zero (``Constant(2.7)`` gives 2,
    ``Normal()`` zeros), or True where nonzero."""
    if isinstance(init, Tensor):
        return init
    shape = (shape,) if isinstance(shape, int) else tuple(shape or ())
    if not all(hasattr(d, "__index__") and d >= 0 for d in shape):
        from .._errors import ShapeError
        raise ShapeError(f"For 'initializer', the argument 'shape' is invalid, the value of 'shape' must "
                         f"be non-negative integers, but got {shape}")
    if len(shape) < 2 and _uses_fans(init):
        from .._errors import ShapeError
        raise ShapeError("'fan_in' and 'fan_out' can not be computed for tensor with fewer than 2 "
                         f"dimensions, but got dimensions {len(shape)}.")
    if isinstance(init, Initializer) and _is_custom(init):
        dtype = mstype.float32 if dtype is None else dtype
        arr = _np.zeros(shape, mstype.dtype_to_nptype(dtype))
        init._initialize(arr)
        return Tensor(arr, dtype=dtype)
    if dtype in _CAST_DTYPES:
        return _C.initializer(_native_spec(init), list(shape), mstype.float64,
                              seeds=_numpy_seed).astype(dtype)
    if dtype in _COMPLEX_PARTS:  # real values, as MindSpore 2.10's (imaginary parts 0)
        return _C.initializer(_native_spec(init), list(shape), _COMPLEX_PARTS[dtype],
                              seeds=_numpy_seed).astype(dtype)
    return _C.initializer(_native_spec(init), list(shape), dtype, seeds=_numpy_seed)


_FAN_RULES = ("xavieruniform", "xaviernormal", "heuniform", "henormal", "variancescaling")


def _uses_fans(init):
    """Whether the rule scales by a weight's fans (MindSpore's ValueError below 2 dimensions)."""
    if isinstance(init, str):
        return init.lower().replace("_", "") in _FAN_RULES
    return isinstance(init, (XavierUniform, XavierNormal, HeUniform, VarianceScaling))


# The dtypes the Rust rules do not draw in (they draw floats): drawn in Float64, then cast.
_CAST_DTYPES = mstype.int_type + mstype.uint_type + (mstype.bool_,)
_COMPLEX_PARTS = {mstype.complex64: mstype.float32, mstype.complex128: mstype.float64}


def _calculate_fan_in_and_fan_out(shape):
    """``(fan_in, fan_out)`` of a weight of ``shape`` (MindSpore's helper, which the D2L helpers
    import): ``shape[1]`` and ``shape[0]`` times the receptive field (the product of the
    remaining dimensions); a shape of fewer than 2 dimensions is a ValueError."""
    shape = tuple(shape.shape) if hasattr(shape, "shape") else tuple(shape)
    if len(shape) < 2:
        raise ValueError("'fan_in' and 'fan_out' can not be computed for tensor with fewer than 2 "
                         f"dimensions, but got dimensions {len(shape)}.")
    receptive = 1
    for d in shape[2:]:
        receptive *= d
    return shape[1] * receptive, shape[0] * receptive


__all__ += ["_calculate_fan_in_and_fan_out"]

"""``Distribution``, the base of ``mindspore.nn.probability.distribution``: a Cell holding a
distribution's parameters (given at construction, or at each call), with the public methods
(``prob``, ``log_prob``, ``cdf``, ``log_cdf``, ``survival_function``, ``log_survival``, ``mean``,
``sd``, ``var``, ``mode``, ``entropy``, ``kl_loss``, ``cross_entropy``, ``sample``) that check
their arguments and call what a subclass defines (``_log_prob``, ``_cdf``, ...). A quantity a
subclass does not define comes from another as MindSpore derives it (``prob = exp(log_prob)``,
``survival = 1 - cdf``, ``sd = sqrt(var)``, ``cross_entropy = entropy + kl``), or is a
``NotImplementedError`` naming it. Calling the Cell (``dist('prob', value)``) runs the named
method, as MindSpore's ``construct`` does. Everything is composed of engine ops, so gradients
flow to the parameters (a Normal's ``sample`` is reparameterised: ``mean + sd·ε``)."""
import numbers as _numbers

import numpy as _np

from ...._C import Tensor
from ...._errors import DTypeError, ShapeError, UnimplementedError
from ....common import dtype as mstype
from ...cell import Cell
from .._util import as_float

_METHODS = ("prob", "log_prob", "cdf", "log_cdf", "survival_function", "log_survival", "mean",
            "sd", "var", "mode", "entropy", "kl_loss", "cross_entropy", "sample",
            "get_dist_args", "get_dist_type")
FLOAT_TYPES = (mstype.float16, mstype.float32, mstype.float64, mstype.bfloat16)
INT_TYPES = (mstype.int8, mstype.int16, mstype.int32, mstype.int64, mstype.uint8, mstype.uint16,
             mstype.uint32, mstype.uint64, mstype.float16, mstype.float32, mstype.float64)


class Distribution(Cell):
    """The base of distributions: ``Distribution(seed, dtype, name, param)`` where `param` holds
    ``param_dict``, the distribution's parameters by name (None for one given at each call).

    Subclasses set ``_PARAMS`` (the parameters' names, in call order) and define the quantities
    they have as private methods taking the parameters as Tensors.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.distribution as msd
        >>> n = msd.Normal(0.0, 1.0)
        >>> print(n.prob(ms.Tensor([0.0])))
        [0.3989423]
    """
    _PARAMS = ()
    _LABELS = {}  # the parameters' names in the repr, where MindSpore spells them out

    def __init__(self, seed, dtype, name, param):
        super().__init__()
        if seed is None:
            seed = 0
        if not isinstance(name, str):
            raise DTypeError(f"For '{type(self).__name__}', 'name' must be a str, but got "
                             f"{type(name).__name__}.")
        if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
            raise ShapeError(f"For '{name}', 'seed' must be a non-negative int, but got {seed!r}.")
        self._name, self._seed, self._dtype = name, seed, dtype
        self._parameters = {k: v for k, v in param.items() if k != "self" and not k.startswith("_")}
        given = dict(param.get("param_dict", {}))
        self._given = given
        self._param_values = {k: (None if v is None else as_float(v, self._compute_dtype(), self._name))
                        for k, v in given.items()}
        shapes = [tuple(v.shape) for v in self._param_values.values() if v is not None]
        self._batch_shape = None if any(v is None for v in self._param_values.values()) or not shapes \
            else _np.broadcast_shapes(*shapes)
        self._is_scalar_batch = all(v is None or isinstance(v, _numbers.Number) for v in given.values())
        self._broadcast_shape = self._batch_shape

    def _compute_dtype(self):
        return self._dtype if self._dtype in FLOAT_TYPES else mstype.float32

    # --- properties -------------------------------------------------------------------------

    @property
    def name(self):
        return self._name

    @property
    def dtype(self):
        return self._dtype

    @property
    def seed(self):
        return self._seed

    @property
    def parameters(self):
        return self._parameters

    @property
    def is_scalar_batch(self):
        return self._is_scalar_batch

    @property
    def batch_shape(self):
        return self._batch_shape

    @property
    def broadcast_shape(self):
        return self._broadcast_shape

    def extend_repr(self):
        if not self._PARAMS or not self._LABELS:
            return ""
        if self._is_scalar_batch:
            return ", ".join(f"{self._LABELS.get(p, p)} = {self._given.get(p)}" for p in self._PARAMS)
        return f"batch_shape = {self._batch_shape}"

    # --- arguments ---------------------------------------------------------------------------

    def _resolve(self, given):
        """The parameters as Tensors: each given one (not None), else the one set at construction."""
        given = tuple(given) + (None,) * (len(self._PARAMS) - len(given))
        if len(given) > len(self._PARAMS):
            raise DTypeError(f"For '{self._name}', {len(given)} parameters were given, but it takes "
                             f"{len(self._PARAMS)} ({', '.join(self._PARAMS)}).")
        out = []
        for name, v in zip(self._PARAMS, given):
            if v is None:
                v = self._param_values.get(name)
            if v is None:
                raise DTypeError(f"the type {name} must be subclass of Tensor. It can not be None "
                                 "since it is not specified during initialization.")
            out.append(self._check_param(name, as_float(v, self._compute_dtype(), self._name)))
        return out

    def _check_param(self, name, v):
        """`v` checked as parameter `name` (subclasses check ranges)."""
        return v

    def _value(self, value):
        if not isinstance(value, Tensor):
            raise DTypeError(f"For '{self._name}', the value must be a Tensor, but got "
                             f"{type(value).__name__}.")
        return value.astype(self._compute_dtype())

    def _need(self, what):
        fn = getattr(self, "_" + what, None)
        if fn is None:
            raise UnimplementedError(f"{what} is not implemented for {self._name} distribution.")
        return fn

    # --- the public methods ------------------------------------------------------------------

    def log_prob(self, value, *params):
        """The log-probability (density) of `value`."""
        x, p = self._value(value), self._resolve(params)
        if hasattr(self, "_log_prob"):
            return self._log_prob(x, *p)
        return self._need("prob")(x, *p).log()

    def prob(self, value, *params):
        """The probability (density) of `value`."""
        x, p = self._value(value), self._resolve(params)
        if hasattr(self, "_prob"):
            return self._prob(x, *p)
        return self._need("log_prob")(x, *p).exp()

    def cdf(self, value, *params):
        """The cumulative distribution function at `value`."""
        x, p = self._value(value), self._resolve(params)
        if hasattr(self, "_cdf"):
            return self._cdf(x, *p)
        if hasattr(self, "_log_cdf"):
            return self._log_cdf(x, *p).exp()
        raise UnimplementedError(f"cdf is not implemented for {self._name} distribution.")

    def log_cdf(self, value, *params):
        """The log of the cumulative distribution function at `value`."""
        x, p = self._value(value), self._resolve(params)
        if hasattr(self, "_log_cdf"):
            return self._log_cdf(x, *p)
        if hasattr(self, "_cdf"):
            return self._cdf(x, *p).log()
        raise UnimplementedError(f"log_cdf is not implemented for {self._name} distribution.")

    def survival_function(self, value, *params):
        """``1 - cdf(value)``."""
        x, p = self._value(value), self._resolve(params)
        if hasattr(self, "_survival"):
            return self._survival(x, *p)
        if hasattr(self, "_cdf"):
            return 1 - self._cdf(x, *p)
        raise UnimplementedError(f"survival_function is not implemented for {self._name} "
                                  "distribution.")

    def log_survival(self, value, *params):
        """The log of the survival function at `value`."""
        x, p = self._value(value), self._resolve(params)
        if hasattr(self, "_log_survival"):
            return self._log_survival(x, *p)
        if hasattr(self, "_survival"):
            return self._survival(x, *p).log()
        if hasattr(self, "_cdf"):
            return (1 - self._cdf(x, *p)).log()
        raise UnimplementedError(f"log_cdf is not implemented for {self._name} distribution.")

    def mean(self, *params):
        """The mean."""
        return self._need("mean")(*self._resolve(params))

    def var(self, *params):
        """The variance."""
        p = self._resolve(params)
        if hasattr(self, "_var"):
            return self._var(*p)
        if hasattr(self, "_sd"):
            sd = self._sd(*p)
            return sd * sd
        raise UnimplementedError(f"var is not implemented for {self._name} distribution.")

    def sd(self, *params):
        """The standard deviation."""
        p = self._resolve(params)
        if hasattr(self, "_sd"):
            return self._sd(*p)
        if hasattr(self, "_var"):
            return self._var(*p).sqrt()
        raise UnimplementedError(f"sd is not implemented for {self._name} distribution.")

    def mode(self, *params):
        """The mode."""
        return self._need("mode")(*self._resolve(params))

    def entropy(self, *params):
        """The entropy."""
        return self._need("entropy")(*self._resolve(params))

    def _other(self, dist, params_b):
        if dist != self._name and dist != type(self).__name__:
            raise DTypeError(f"For '{self._name}', 'dist_spec' must be '{type(self).__name__}', "
                             f"but got {dist!r}.")
        n = len(self._PARAMS)
        b, a = params_b[:n], params_b[n:]
        if len(b) < n or any(v is None for v in b):
            raise DTypeError(f"For '{self._name}', kl_loss and cross_entropy need the other "
                             f"distribution's {', '.join(self._PARAMS)}.")
        return [as_float(v, self._compute_dtype(), self._name) for v in b], self._resolve(a)

    def kl_loss(self, dist, *params):
        """``KL(self ‖ other)``: `dist` names the other's type, then its parameters, then
        (optionally) this one's."""
        b, a = self._other(dist, params)
        return self._need("kl")(a, b)

    def cross_entropy(self, dist, *params):
        """``H(self, other) = entropy(self) + KL(self ‖ other)`` (arguments as ``kl_loss``)."""
        b, a = self._other(dist, params)
        if hasattr(self, "_cross_entropy"):
            return self._cross_entropy(a, b)
        return self._need("entropy")(*a) + self._need("kl")(a, b)

    def sample(self, shape=(), *params):
        """Draws of shape ``shape + batch shape``, of the distribution's dtype."""
        if isinstance(shape, int) and not isinstance(shape, bool):
            shape = (shape,)
        if not isinstance(shape, tuple) or not all(isinstance(d, int) and d >= 0 for d in shape):
            raise DTypeError(f"For '{self._name}', 'shape' must be a tuple of non-negative ints, "
                             f"but got {shape!r}.")
        p = self._resolve(params)
        batch = _np.broadcast_shapes(*[tuple(v.shape) for v in self._batch_params(p)])
        full = tuple(shape) + tuple(batch)
        if len(full) > 32 or _np.prod(full, dtype=_np.float64) > 2.0 ** 33:
            raise ShapeError(f"For '{self._name}', draws of shape {full} are more than it makes "
                             "(at most 32 dimensions and 2**33 draws).")
        return self._need("sample")(full, *p)

    def _batch_params(self, p):
        return p

    def get_dist_args(self, *params):
        """The parameters (given ones first, else those set at construction)."""
        return tuple(self._resolve(params))

    def get_dist_type(self):
        """The distribution's type name."""
        return type(self).__name__

    def construct(self, name, *args, **kwargs):
        if name not in _METHODS:
            raise ShapeError(f"For '{self._name}', {name!r} is not one of {list(_METHODS)}.")
        return getattr(self, name)(*args, **kwargs)

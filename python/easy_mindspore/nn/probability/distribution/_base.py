"""``Distribution``, the base of ``mindspore.nn.probability.distribution``: a Cell holding a
distribution's parameters (given at construction, or at each call), with the public methods
(``prob``, ``log_prob``, ``cdf``, ``log_cdf``, ``survival_function``, ``log_survival``, ``mean``,
``sd``, ``var``, ``mode``, ``entropy``, ``kl_loss``, ``cross_entropy``, ``sample``).

Two kinds of subclass. The package's own (those that set ``_PARAMS``, the parameters' names in
call order) define the quantities they have as private methods taking the value and the
parameters resolved to Tensors (``_log_prob(x, mean, sd)``); the public methods check the
arguments first. One's own subclass, as MindSpore's, defines ``_log_prob(value, *args,
**kwargs)`` and so on, which get the public method's arguments as given, with the base's helpers
(``_add_parameter``, ``_check_param_type``, ``_check_value``, ``checktensor``,
``checktuple``). Either way a quantity a subclass does not define comes from another as
MindSpore derives it (``prob = exp(log_prob)``, ``survival = 1 - cdf``, ``sd = sqrt(var)``), or is
a ``NotImplementedError`` naming it; calling the Cell (``dist('prob', value)``) runs the named
method, as MindSpore's ``construct`` does. Everything is composed of engine ops, so gradients flow
to the parameters (a Normal's ``sample`` is reparameterised: ``mean + sd·ε``)."""
import numbers as _numbers

import numpy as _np

from ...._C import Tensor
from ...._errors import DTypeError, ShapeError
from ....common import dtype as mstype
from ...cell import Cell
from .._util import as_float
from ._utils.custom_ops import broadcast_to, exp_generic, log_generic
from ._utils.utils import (CheckTensor, CheckTuple, cast_to_tensor, cast_type_for_device,
                           raise_none_error, raise_not_implemented_util, set_param_type)

_METHODS = ("prob", "log_prob", "cdf", "log_cdf", "survival_function", "log_survival", "mean",
            "sd", "var", "mode", "entropy", "kl_loss", "cross_entropy", "sample",
            "get_dist_args", "get_dist_type")
FLOAT_TYPES = mstype.float_type
INT_TYPES = mstype.int_type + mstype.uint_type + mstype.float_type


def check_dtype(cls_name, dtype, valid):
    """`dtype` when it is one of `valid`, else MindSpore's TypeError naming `cls_name`."""
    if dtype not in valid:
        raise DTypeError(f"For '{cls_name}', the 'dtype' should be one of {list(valid)}, but got "
                         f"'{dtype!r}'.")
    return dtype


def check_name(cls_name, name):
    """`name` when it is a str, else MindSpore's TypeError naming `cls_name`."""
    if not isinstance(name, str):
        raise DTypeError(f"For '{cls_name}', the type of 'name' should be 'str', but got type "
                         f"'{type(name).__name__}'.")
    return name


def check_seed(name, seed):
    """`seed` when it is an int ``>= 0``: MindSpore's TypeError for another type (a bool
    included), its ValueError for a negative one."""
    if isinstance(seed, bool):
        raise DTypeError(f"For '{name}', the 'seed' must be int and must >= 0, but got '{seed}' "
                         f"with type 'bool'.")
    if not isinstance(seed, _numbers.Integral):
        raise DTypeError(f"For '{name}', the 'seed' must be int, but got '{type(seed).__name__}'")
    if seed < 0:
        raise ShapeError(f"For '{name}', the 'seed' must be int and must >= 0, but got '{seed}' "
                         f"with type 'int'.")
    return int(seed)


def reject_scalars(**params):
    """MindSpore's TypeError for a parameter given as a Python number, where its distribution
    (Gamma, Beta, Poisson) takes lists, arrays and Tensors only."""
    for k, v in params.items():
        if isinstance(v, (int, float)):
            raise DTypeError(f"Input {k} can't be scalar")


def _cast(x, dtype):
    return x if x.dtype == dtype else x.astype(dtype)


def _dtype(x):
    return x.dtype


def _shape(x):
    return tuple(x.shape)


def _square(x):
    return x * x


def _sqrt(x):
    return x.sqrt()


def _to_param(v, dtype):
    """A parameter given at construction as a Tensor of `dtype` (MindSpore's TypeErrors for a
    bool or another type); a Tensor keeps its graph, so gradients reach it."""
    if isinstance(v, Tensor):
        return as_float(v, dtype)
    return cast_to_tensor(v, dtype)


def _scalar_repr(v):
    """A scalar parameter as MindSpore's repr shows it: a number as a float (``0.0``)."""
    return float(v) if isinstance(v, int) and not isinstance(v, bool) else v


class Distribution(Cell):
    """The base of distributions: ``Distribution(seed, dtype, name, param)`` where `param` holds
    ``param_dict``, the distribution's parameters by name (None for one given at each call).

    A subclass of one's own registers its parameters with ``self._add_parameter(value, name)``
    and defines ``_prob``/``_log_prob``/``_cdf``/... taking the public method's arguments (with
    ``self._check_param_type(*dist_spec_args)`` giving the parameters, the defaults where None);
    a quantity it does not define raises NotImplementedError.

    Args:
        seed (int): The seed of draws; None is 0.
        dtype (mindspore.dtype): The dtype of draws.
        name (str): The distribution's name.
        param (dict): The constructor's arguments, ``param_dict`` among them.

    Raises:
        TypeError: `name` is not a str, `seed` not an int.
        ValueError: `seed` is negative.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.distribution as msd
        >>> n = msd.Normal(0.0, 1.0)
        >>> print(n.prob(ms.Tensor([0.0])))
        [0.3989423]
    """
    _PARAMS = ()
    _LABELS = {}  # the parameters' names in the repr, where MindSpore spells them out
    _RAW = True  # a subclass of one's own: its private methods take the arguments as given
    _KEYWORDS = None  # the parameters' keyword names where MindSpore's differ from _PARAMS
    _KL_SELF = ""  # the suffix of this distribution's own parameters' keywords in kl_loss

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "_PARAMS" in cls.__dict__:  # the package's distributions: parameters resolved
            cls._RAW = False

    def __init__(self, seed, dtype, name, param):
        super().__init__()
        given_seed = seed
        if seed is None:
            seed = 0
        check_name(type(self).__name__, name)
        seed = check_seed(name, seed)
        self._name, self._seed, self._dtype = name, seed, cast_type_for_device(dtype)
        given = dict(param.get("param_dict", {}))
        if not self._RAW and set(param) == {"param_dict"}:  # the package's: its arguments, as MindSpore's
            param = dict(given, seed=given_seed, dtype=dtype, name=name, param_dict=given)
        self._parameters = {k: v for k, v in param.items() if k != "self" and not k.startswith("_")}
        self._given = given
        self.default_parameters, self.parameter_names = [], []
        if "distribution" not in self._parameters:
            self.parameter_type = set_param_type(given, dtype)
        self._param_values = {k: (None if v is None else _to_param(v, self._compute_dtype()))
                              for k, v in given.items()}
        shapes = [tuple(v.shape) for v in self._param_values.values() if v is not None]
        if any(v is None for v in self._param_values.values()) or not shapes:
            self._batch_shape = None
        else:
            try:
                self._batch_shape = _np.broadcast_shapes(*shapes)
            except ValueError:
                raise ShapeError(f"For '{name}', the parameters' shapes {shapes} do not "
                                 "broadcast.") from None
        self._is_scalar_batch = all(v is None or (isinstance(v, (int, float)) and
                                                  not isinstance(v, bool)) for v in given.values())
        self._broadcast_shape = self._batch_shape
        if not self._RAW:
            self.default_parameters = [self._param_values.get(k) for k in self._PARAMS]
            self.parameter_names = list(self._PARAMS)
        self.checktuple, self.checktensor, self.broadcast = CheckTuple(), CheckTensor(), broadcast_to
        self.cast_base, self.dtype_base, self.shape_base = _cast, _dtype, _shape
        self.sq_base, self.sqrt_base = _square, _sqrt
        self.exp_base, self.log_base = exp_generic, log_generic

    def _given_params(self, method, args, kwargs, suffix=""):
        """`args` with the parameters given by keyword (MindSpore's names: ``mean=``, ``sd=``,
        ...) put in their places; a TypeError for an unknown keyword, as MindSpore's."""
        if not kwargs:
            return tuple(args)
        names = [k + suffix for k in (self._KEYWORDS or self._PARAMS)]
        out = list(args) + [None] * (len(names) - len(args))
        for key, v in kwargs.items():
            if key not in names:
                raise DTypeError(f"{type(self).__name__}._{method}() got an unexpected keyword "
                                 f"argument '{key}'")
            i = names.index(key)
            if i < len(args):
                raise DTypeError(f"{type(self).__name__}._{method}() got multiple values for "
                                 f"argument '{key}'")
            out[i] = v
        return tuple(out)

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
            return ", ".join(f"{self._LABELS.get(p, p)} = {_scalar_repr(self._given.get(p))}"
                             for p in self._PARAMS)
        return f"batch_shape = {self._batch_shape}"

    # --- arguments ---------------------------------------------------------------------------

    def _resolve(self, given):
        """The parameters as Tensors: each given one (not None), else the one set at construction."""
        if len(given) > len(self._PARAMS):
            raise DTypeError(f"For '{self._name}', {len(given)} parameters were given, but it takes "
                             f"{len(self._PARAMS)} ({', '.join(self._PARAMS)}).")
        given = tuple(given) + (None,) * (len(self._PARAMS) - len(given))
        out = []
        for name, v in zip(self._PARAMS, given):
            if v is None:
                v = self._param_values.get(name)
                if v is None:
                    raise_none_error(name)
            else:
                self.checktensor(v, name)
            out.append(self._check_param(name, as_float(v, self._compute_dtype(), self._name)))
        return out

    def _check_param(self, name, v):
        """`v` checked as parameter `name` (subclasses check ranges)."""
        return v

    def _value(self, value):
        if value is None:
            raise DTypeError(f"For '{self._name}', the value must be a Tensor, but got None.")
        self.checktensor(value, "value")
        return value.astype(self._compute_dtype())

    def _need(self, what):
        fn = getattr(self, "_" + what, None)
        if fn is None:
            raise_not_implemented_util(what, self._name)
        return fn

    def _has(self, *names):
        return any(hasattr(self, "_" + n) for n in names)

    # --- MindSpore's helpers for subclasses ------------------------------------------------

    def _reset_parameters(self):
        self.default_parameters, self.parameter_names = [], []

    def _add_parameter(self, value, name):
        """`value` (None, or a number, list, array or Tensor cast to ``parameter_type``)
        registered as the default of the parameter `name`; returns it."""
        if not hasattr(self, "default_parameters"):
            self.default_parameters, self.parameter_names = [], []
        value_t = None if value is None else cast_to_tensor(value, self.parameter_type)
        self.default_parameters.append(value_t)
        self.parameter_names.append(name)
        return value_t

    def _check_param_type(self, *args):
        """The parameters in registration order, each the Tensor given (not None) or its
        default, of ``parameter_type`` and broadcast together: one Tensor, or a tuple of them.

        Raises:
            TypeError: a given parameter is not a Tensor, or has another dtype than the first;
                one is None and has no default.
            ValueError: their shapes do not broadcast.
        """
        out, common = [], None
        for arg, name, default in zip(args, self.parameter_names, self.default_parameters):
            if arg is not None:
                self.checktensor(arg, name)
            else:
                arg = default if default is not None else raise_none_error(name)
            if common is None:
                common = arg.dtype
            elif arg.dtype != common:
                raise DTypeError(f"For 'SameTypeShape', the x dtype should be = y dtype: {common}, "
                                 f"but got {arg.dtype}.")
            out.append(_cast(arg, self.parameter_type))
        if len(out) == 1:
            return out[0]
        try:
            shape = _np.broadcast_shapes(*[tuple(a.shape) for a in out])
        except ValueError:
            raise ShapeError(f"For '{self._name}', the parameters' shapes "
                             f"{[tuple(a.shape) for a in out]} do not broadcast.") from None
        return tuple(a if tuple(a.shape) == shape else a.broadcast_to(shape) for a in out)

    def _check_value(self, value, name):
        """`value` when it is a Tensor, else a TypeError naming `name`."""
        self.checktensor(value, name)
        return value

    def _raise_not_implemented_error(self, func_name):
        name = self.name

        def raise_error(*args, **kwargs):
            return raise_not_implemented_util(func_name, name, *args, **kwargs)
        return raise_error

    # MindSpore's base defines these as raising NotImplementedError; a subclass overrides them.
    def _mean(self, *args, **kwargs):
        return raise_not_implemented_util('mean', self.name, *args, **kwargs)

    def _mode(self, *args, **kwargs):
        return raise_not_implemented_util('mode', self.name, *args, **kwargs)

    def _entropy(self, *args, **kwargs):
        return raise_not_implemented_util('entropy', self.name, *args, **kwargs)

    def _sample(self, *args, **kwargs):
        return raise_not_implemented_util('sample', self.name, *args, **kwargs)

    def _kl_loss(self, *args, **kwargs):
        return raise_not_implemented_util('kl_loss', self.name, *args, **kwargs)

    def _get_dist_args(self, *args, **kwargs):
        if self._RAW:
            return raise_not_implemented_util('get_dist_args', self.name, *args, **kwargs)
        return tuple(self._resolve(args))

    def _get_dist_type(self):
        if self._RAW:
            return raise_not_implemented_util('get_dist_type', self.name)
        return type(self).__name__

    # --- the public methods ------------------------------------------------------------------

    def log_prob(self, value, *args, **kwargs):
        """The log-probability (density) of `value`."""
        if self._RAW:
            if self._has("log_prob"):
                return self._log_prob(value, *args, **kwargs)
            if self._has("prob"):
                return log_generic(self._prob(value, *args, **kwargs))
            return raise_not_implemented_util("log_prob", self._name)
        x, p = self._value(value), self._resolve(self._given_params("log_prob", args, kwargs))
        if hasattr(self, "_log_prob"):
            return self._log_prob(x, *p)
        return self._need("prob")(x, *p).log()

    def prob(self, value, *args, **kwargs):
        """The probability (density) of `value`."""
        if self._RAW:
            if self._has("prob"):
                return self._prob(value, *args, **kwargs)
            if self._has("log_prob"):
                return exp_generic(self._log_prob(value, *args, **kwargs))
            return raise_not_implemented_util("prob", self._name)
        x, p = self._value(value), self._resolve(self._given_params("prob", args, kwargs))
        if hasattr(self, "_prob"):
            return self._prob(x, *p)
        return self._need("log_prob")(x, *p).exp()

    def _raw_cdf(self, value, *args, **kwargs):
        if self._has("cdf"):
            return self._cdf(value, *args, **kwargs)
        if self._has("log_cdf"):
            return exp_generic(self._log_cdf(value, *args, **kwargs))
        if self._has("survival_function"):
            return 1.0 - self._survival_function(value, *args, **kwargs)
        if self._has("log_survival"):
            return 1.0 - exp_generic(self._log_survival(value, *args, **kwargs))
        return raise_not_implemented_util("cdf", self._name)

    def _raw_survival(self, value, *args, **kwargs):
        if self._has("survival_function"):
            return self._survival_function(value, *args, **kwargs)
        if self._has("log_survival"):
            return exp_generic(self._log_survival(value, *args, **kwargs))
        if self._has("cdf", "log_cdf"):
            return 1.0 - self._raw_cdf(value, *args, **kwargs)
        return raise_not_implemented_util("survival_function", self._name)

    def cdf(self, value, *args, **kwargs):
        """The cumulative distribution function at `value`."""
        if self._RAW:
            return self._raw_cdf(value, *args, **kwargs)
        x, p = self._value(value), self._resolve(self._given_params("cdf", args, kwargs))
        if hasattr(self, "_cdf"):
            return self._cdf(x, *p)
        if hasattr(self, "_log_cdf"):
            return self._log_cdf(x, *p).exp()
        return raise_not_implemented_util("cdf", self._name)

    def log_cdf(self, value, *args, **kwargs):
        """The log of the cumulative distribution function at `value`."""
        if self._RAW:
            if self._has("log_cdf"):
                return self._log_cdf(value, *args, **kwargs)
            if self._has("cdf", "survival_function", "log_survival"):
                return log_generic(self._raw_cdf(value, *args, **kwargs))
            return raise_not_implemented_util("log_cdf", self._name)
        x, p = self._value(value), self._resolve(self._given_params("log_cdf", args, kwargs))
        if hasattr(self, "_log_cdf"):
            return self._log_cdf(x, *p)
        if hasattr(self, "_cdf"):
            return self._cdf(x, *p).log()
        return raise_not_implemented_util("log_cdf", self._name)

    def survival_function(self, value, *args, **kwargs):
        """``1 - cdf(value)``."""
        if self._RAW:
            return self._raw_survival(value, *args, **kwargs)
        x, p = self._value(value), self._resolve(self._given_params("survival_function", args, kwargs))
        if hasattr(self, "_survival"):
            return self._survival(x, *p)
        if hasattr(self, "_cdf"):
            return 1 - self._cdf(x, *p)
        return raise_not_implemented_util("survival_function", self._name)

    def log_survival(self, value, *args, **kwargs):
        """The log of the survival function at `value`."""
        if self._RAW:
            if self._has("log_survival"):
                return self._log_survival(value, *args, **kwargs)
            if self._has("survival_function", "cdf", "log_cdf"):
                return log_generic(self._raw_survival(value, *args, **kwargs))
            return raise_not_implemented_util("log_cdf", self._name)  # MindSpore 2.10's name
        x, p = self._value(value), self._resolve(self._given_params("log_survival", args, kwargs))
        if hasattr(self, "_log_survival"):
            return self._log_survival(x, *p)
        if hasattr(self, "_survival"):
            return self._survival(x, *p).log()
        if hasattr(self, "_cdf"):
            return (1 - self._cdf(x, *p)).log()
        return raise_not_implemented_util("log_cdf", self._name)

    def mean(self, *args, **kwargs):
        """The mean."""
        if self._RAW:
            return self._mean(*args, **kwargs)
        return self._mean(*self._resolve(self._given_params("mean", args, kwargs)))

    def var(self, *args, **kwargs):
        """The variance."""
        if self._RAW:
            if self._has("var"):
                return self._var(*args, **kwargs)
            if self._has("sd"):
                return _square(self._sd(*args, **kwargs))
            return raise_not_implemented_util("var", self._name)
        p = self._resolve(self._given_params("var", args, kwargs))
        if hasattr(self, "_var"):
            return self._var(*p)
        if hasattr(self, "_sd"):
            sd = self._sd(*p)
            return sd * sd
        return raise_not_implemented_util("var", self._name)

    def sd(self, *args, **kwargs):
        """The standard deviation."""
        if self._RAW:
            if self._has("sd"):
                return self._sd(*args, **kwargs)
            if self._has("var"):
                return _sqrt(self._var(*args, **kwargs))
            return raise_not_implemented_util("sd", self._name)
        p = self._resolve(self._given_params("sd", args, kwargs))
        if hasattr(self, "_sd"):
            return self._sd(*p)
        if hasattr(self, "_var"):
            return self._var(*p).sqrt()
        return raise_not_implemented_util("sd", self._name)

    def mode(self, *args, **kwargs):
        """The mode."""
        if self._RAW:
            return self._mode(*args, **kwargs)
        return self._mode(*self._resolve(self._given_params("mode", args, kwargs)))

    def entropy(self, *args, **kwargs):
        """The entropy."""
        if self._RAW:
            return self._entropy(*args, **kwargs)
        return self._entropy(*self._resolve(self._given_params("entropy", args, kwargs)))

    def _other(self, method, dist, params_b, kwargs):
        if dist != self._name and dist != type(self).__name__:
            raise ShapeError(f"Expected dist input is {type(self).__name__}, but got {dist}.")
        n = len(self._PARAMS)
        b, a = params_b[:n], params_b[n:]
        if kwargs:  # the other's parameters as ``mean_b=``..., this one's as ``mean=`` (or ``_a``)
            other = {k: v for k, v in kwargs.items() if k.endswith("_b")}
            mine = {k: v for k, v in kwargs.items() if k not in other}
            b = self._given_params(method, b, other, "_b")[:n]
            a = self._given_params(method, a, mine, self._KL_SELF)
        if len(b) < n or any(v is None for v in b):
            raise DTypeError(f"For '{self._name}', kl_loss and cross_entropy need the other "
                             f"distribution's {', '.join(self._PARAMS)}.")
        for name, v in zip(self._PARAMS, b):
            self.checktensor(v, name + "_b")
        return [as_float(v, self._compute_dtype(), self._name) for v in b], self._resolve(a)

    def kl_loss(self, dist, *args, **kwargs):
        """``KL(self ‖ other)``: `dist` names the other's type, then its parameters, then
        (optionally) this one's."""
        if self._RAW:
            return self._kl_loss(dist, *args, **kwargs)
        b, a = self._other("kl_loss", dist, args, kwargs)
        if not hasattr(self, "_kl"):
            return raise_not_implemented_util("kl_loss", self._name)
        return self._kl(a, b)

    def cross_entropy(self, dist, *args, **kwargs):
        """``H(self, other) = entropy(self) + KL(self ‖ other)`` (arguments as ``kl_loss``)."""
        if self._RAW:
            if self._has("cross_entropy"):
                return self._cross_entropy(dist, *args, **kwargs)
            return raise_not_implemented_util("cross_entropy", self._name)
        b, a = self._other("cross_entropy", dist, args, kwargs)
        if hasattr(self, "_cross_entropy"):
            return self._cross_entropy(a, b)
        if not hasattr(self, "_kl"):
            return raise_not_implemented_util("cross_entropy", self._name)
        return self._entropy(*a) + self._kl(a, b)

    def sample(self, *args, **kwargs):
        """Draws of shape ``shape + batch shape`` (``sample(shape=(), *dist_spec_args)``), of
        the distribution's dtype."""
        if self._RAW:
            return self._sample(*args, **kwargs)
        kwargs = dict(kwargs)
        shape = kwargs.pop("shape", args[0] if args else ())
        params = self._given_params("sample", args[1:] if args else (), kwargs)
        self.checktuple(shape, "shape")
        if not all(isinstance(d, int) and not isinstance(d, bool) and d >= 0 for d in shape):
            raise DTypeError(f"For '{self._name}', 'shape' must be a tuple of non-negative ints, "
                             f"but got {shape!r}.")
        p = self._resolve(params)
        batch = _np.broadcast_shapes(*[tuple(v.shape) for v in self._batch_params(p)])
        full = tuple(shape) + tuple(batch)
        if len(full) > 32 or _np.prod(full, dtype=_np.float64) > 2.0 ** 33:
            raise ShapeError(f"For '{self._name}', draws of shape {full} are more than it makes "
                             "(at most 32 dimensions and 2**33 draws).")
        return self._sample(full, *p)

    def _batch_params(self, p):
        return p

    def get_dist_args(self, *args, **kwargs):
        """The parameters (given ones first, else those set at construction)."""
        return self._get_dist_args(*args, **kwargs)

    def get_dist_type(self):
        """The distribution's type name."""
        return self._get_dist_type()

    def construct(self, name, *args, **kwargs):
        """Runs the method `name` (one of ``prob``, ``log_prob``, ``cdf``, ``log_cdf``,
        ``survival_function``, ``log_survival``, ``mean``, ``sd``, ``var``, ``mode``,
        ``entropy``, ``kl_loss``, ``cross_entropy``, ``sample``, ``get_dist_args``,
        ``get_dist_type``) on the arguments."""
        if name not in _METHODS:
            return raise_not_implemented_util(name, self._name)
        return getattr(self, name)(*args, **kwargs)

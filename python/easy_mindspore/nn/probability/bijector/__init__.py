"""``mindspore.nn.probability.bijector``: invertible maps ``y = f(x)`` with their log-Jacobians,
as Cells (``Bijector``, ``Exp``, ``PowerTransform``, ``ScalarAffine``, ``Softplus``,
``GumbelCDF``, ``Invert``). Each has ``forward``, ``inverse``, ``forward_log_jacobian`` (``log
|f'(x)|``) and ``inverse_log_jacobian`` (``log |(f⁻¹)'(y)|``) in engine ops, differentiable, and
the Cell call by method name (``b('forward', x)``); ``TransformedDistribution`` pushes a
distribution through one."""

import numpy as _np

from ...._C import Tensor
from ...._errors import DTypeError, ShapeError
from ....common import dtype as mstype
from ...activation import LogSigmoid
from ...cell import Cell
from .._util import where
from ..distribution._utils.utils import (CheckTensor, cast_to_tensor, check_greater_equal_zero,
                                         check_greater_zero, raise_type_error)

__all__ = ["Bijector", "Exp", "PowerTransform", "ScalarAffine", "Softplus", "GumbelCDF", "Invert"]

_METHODS = ("forward", "inverse", "forward_log_jacobian", "inverse_log_jacobian")


def _check_type(what, value, kind, prim):
    if isinstance(value, bool) and kind is not bool or not isinstance(value, kind):
        raise DTypeError(f"For '{prim}', the type of '{what}' should be '{kind.__name__}', but got "
                         f"type '{type(value).__name__}'.")


def _check_float_dtype(what, dtype, prim):
    if dtype not in mstype.float_type:
        raise DTypeError(f"For '{prim}', the '{what}' should be one of {list(mstype.float_type)}, "
                         f"but got '{dtype!r}'.")


class Bijector(Cell):
    """The base of bijectors, maps ``y = f(x)`` of a distribution's values: a subclass defines
    ``_forward``, ``_inverse``, ``_forward_log_jacobian`` and ``_inverse_log_jacobian`` (each
    taking the value, checked with ``self._check_value_dtype``), its parameters registered with
    ``self._add_parameter(value, name)`` and cast to the value's dtype with
    ``self.cast_param_by_value``. Calling a bijector on a distribution gives their
    ``TransformedDistribution``; on a method's name, runs that method.

    Args:
        is_constant_jacobian (bool): Whether the Jacobian is a constant. Default: ``False``.
        is_injective (bool): Whether the map is one-to-one. Default: ``True``.
        name (str): The name. Default: ``None`` (a TypeError: MindSpore 2.10 wants a str).
        dtype (mindspore.dtype): The float dtype of the values and parameters; ``None`` takes
            any float value (the parameters cast to it). Default: ``None``.
        param (dict): The constructor's arguments, ``param_dict`` (the parameters by name)
            among them. Default: ``None``.

    Raises:
        TypeError: `name` is not a str, `is_constant_jacobian` or `is_injective` not a bool,
            `dtype` not a float dtype.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.bijector as msb
        >>> print(msb.Exp().forward(ms.Tensor([0.0])))
        [1.]
    """
    _CHECKS_VALUE = False  # the package's bijectors check the value before their _forward...
    _LABELS = ()  # ... and name these parameters in their repr (scalar ones)

    def __init__(self, is_constant_jacobian=False, is_injective=True, name=None, dtype=None,
                 param=None):
        super().__init__()
        _check_type("name", name, str, type(self).__name__)
        _check_type("is_constant_jacobian", is_constant_jacobian, bool, name)
        _check_type("is_injective", is_injective, bool, name)
        if dtype is not None:
            _check_float_dtype("dtype", dtype, type(self).__name__)
        param = {} if param is None else param
        self._name = name
        self._dtype = dtype
        self._parameters = {k: v for k, v in param.items()
                            if k != "param" and k != "self" and not k.startswith("_")}
        if "bijector" not in param:
            self._batch_shape = self._calc_batch_shape()
            self._is_scalar_batch = self._check_is_scalar_batch()
        self._is_constant_jacobian = is_constant_jacobian
        self._is_injective = is_injective
        self.checktensor = CheckTensor()

    @property
    def name(self):
        return self._name

    @property
    def dtype(self):
        return self._dtype

    @property
    def parameters(self):
        return self._parameters

    @property
    def is_constant_jacobian(self):
        return self._is_constant_jacobian

    @property
    def is_injective(self):
        return self._is_injective

    @property
    def batch_shape(self):
        return self._batch_shape

    @property
    def is_scalar_batch(self):
        return self._is_scalar_batch

    def extend_repr(self):
        if not self._LABELS:
            return ""
        if self._is_scalar_batch:
            given = self._parameters["param_dict"]
            return ", ".join(f"{k} = {given[k]}" for k in self._LABELS)
        return f"batch_shape = {self._batch_shape}"

    def _calc_batch_shape(self):
        """The broadcast shape of the parameters in ``param_dict`` (None if one is None or
        there is no ``param_dict``; ``()`` for none)."""
        if "param_dict" not in self._parameters:
            return None
        shapes = []
        for value in self._parameters["param_dict"].values():
            if value is None:
                return None
            shapes.append(tuple(cast_to_tensor(value).shape))
        try:
            return _np.broadcast_shapes(*shapes) if shapes else ()
        except ValueError:
            raise ShapeError(f"For '{self._name}', the parameters' shapes {shapes} do not "
                             "broadcast.") from None

    def _check_is_scalar_batch(self):
        """Whether every parameter in ``param_dict`` is a Python number (or None)."""
        if "param_dict" not in self._parameters:
            return False
        return all(v is None or (isinstance(v, (int, float)) and not isinstance(v, bool))
                   for v in self._parameters["param_dict"].values())

    def _add_parameter(self, value, name):
        """`value` as a Tensor registered as the parameter `name`: of the bijector's dtype when
        it has one, else a float dtype shared by all its parameters.

        Raises:
            TypeError: `value` is None or a bool; its dtype is not the bijector's, or (no dtype)
                not a float one or not that of the parameters before.
        """
        if not hasattr(self, "default_parameters"):
            self.default_parameters, self.parameter_names, self.common_dtype = [], [], None
        if isinstance(value, bool) or value is None:
            raise DTypeError(f"{name} cannot be type {type(value)}")
        value_t = value if isinstance(value, Tensor) else Tensor(value)
        if self._dtype is None:
            if self.common_dtype is None:
                self.common_dtype = value_t.dtype
            elif value_t.dtype != self.common_dtype:
                raise DTypeError(f"{name} should have the same dtype as other arguments.")
            _check_float_dtype(f"dtype of {name}", value_t.dtype, type(self).__name__)
        elif value_t.dtype != self._dtype:
            raise DTypeError(f"{name} should have the same dtype as the bijector's dtype.")
        self.default_parameters.append(value)
        self.parameter_names.append(name)
        return value_t

    def _check_value(self, value, name):
        """`value` when it is a Tensor, else a TypeError naming `name`."""
        self.checktensor(value, name)
        return value

    def _check_value_dtype(self, value):
        """`value` when it is a Tensor of a float dtype (the bijector's dtype, when it has one),
        else a TypeError."""
        if value is None:
            raise DTypeError("For Primitive[Dtype], the input argument[input_x] must be a Tensor, "
                             "CSRTensor or COOTensor, but got <class 'NoneType'>.")
        self.checktensor(value, 'input value of bijector')
        if self._dtype is None:
            if value.dtype in mstype.float_type:
                return value
            return raise_type_error('input value of bijector', value.dtype, mstype.float_)
        if value.dtype != self._dtype:
            raise DTypeError(f"For 'SameTypeShape', the x dtype should be = y dtype: "
                             f"{self._dtype}, but got {value.dtype}.")
        return value

    def cast_param_by_value(self, value, para):
        """The parameter `para` in the dtype of `value`."""
        return para if para.dtype == value.dtype else para.astype(value.dtype)

    def _shape_mapping(self, shape):
        return _np.broadcast_shapes(tuple(shape), tuple(self._batch_shape or ()))

    def shape_mapping(self, shape):
        """`shape` broadcast with the bijector's batch shape."""
        return self._shape_mapping(shape)

    def _transform(self, what, value, args, kwargs):
        if self._CHECKS_VALUE:
            value = self._check_value_dtype(value)
        return getattr(self, "_" + what)(value, *args, **kwargs)

    def forward(self, value, *args, **kwargs):
        """``y = f(x)``."""
        return self._transform("forward", value, args, kwargs)

    def inverse(self, value, *args, **kwargs):
        """``x = f⁻¹(y)``."""
        return self._transform("inverse", value, args, kwargs)

    def forward_log_jacobian(self, value, *args, **kwargs):
        """``log |f'(x)|``."""
        return self._transform("forward_log_jacobian", value, args, kwargs)

    def inverse_log_jacobian(self, value, *args, **kwargs):
        """``log |(f⁻¹)'(y)|``."""
        return self._transform("inverse_log_jacobian", value, args, kwargs)

    def __call__(self, *args, **kwargs):
        from ..distribution import Distribution, TransformedDistribution
        if args and isinstance(args[0], Distribution):
            return TransformedDistribution(self, args[0])
        return super().__call__(*args, **kwargs)

    def construct(self, name, *args, **kwargs):
        if name not in _METHODS:
            raise ShapeError(f"Invalid name: for '{self._name}', {name!r} is not one of "
                             f"{list(_METHODS)}.")
        return getattr(self, name)(*args, **kwargs)


class Exp(Bijector):
    """``y = exp(x)``.

    Args:
        name (str): The name. Default: ``'Exp'``.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.bijector as msb
        >>> print(msb.Exp().inverse(ms.Tensor([1.0])))
        [0.]
    """

    _CHECKS_VALUE = True

    def __init__(self, name="Exp"):
        super().__init__(name=name, param={"name": name, "param_dict": {}})

    def extend_repr(self):
        return "exp" if self._is_scalar_batch else f"batch_shape = {self._batch_shape}"

    def _forward(self, x):
        return x.exp()

    def _inverse(self, y):
        return y.log()

    def _forward_log_jacobian(self, x):
        return x * 1

    def _inverse_log_jacobian(self, y):
        return -y.log()


class PowerTransform(Bijector):
    """``y = (1 + c·x)^(1/c)`` for `power` ``c > 0``, ``exp(x)`` for ``c = 0``.

    Args:
        power (float): ``c ≥ 0``. Default: ``0.0``.
        name (str): The name. Default: ``'PowerTransform'``.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.bijector as msb
        >>> print(msb.PowerTransform(2.0).inverse(ms.Tensor([0.5])))
        [-0.375]
    """
    _LABELS = ("power",)
    _CHECKS_VALUE = True

    def __init__(self, power=0.0, name="PowerTransform"):
        super().__init__(name=name, param={"power": power, "name": name,
                                           "param_dict": {"power": power}})
        self._power = self._add_parameter(power, "power")
        check_greater_equal_zero(self._power, "Power")

    @property
    def power(self):
        """The power ``c``."""
        return self._power

    def _c(self, like):
        return self._power.astype(like.dtype)

    def _forward(self, x):
        c = self._c(x)
        safe = c + (c == 0).astype(x.dtype)  # c, or 1 where c is 0 (that branch is exp)
        return where(c == 0, x.exp(), ((c * x).log1p() / safe).exp())

    def _inverse(self, y):
        c = self._c(y)
        safe = c + (c == 0).astype(y.dtype)
        return where(c == 0, y.log(), (y ** c - 1) / safe)

    def _forward_log_jacobian(self, x):
        c = self._c(x)
        safe = c + (c == 0).astype(x.dtype)
        return where(c == 0, x * 1, (1 / safe - 1) * (c * x).log1p())

    def _inverse_log_jacobian(self, y):
        return (self._c(y) - 1) * y.log()


class ScalarAffine(Bijector):
    """``y = scale·x + shift``.

    Args:
        scale (Union[float, Tensor]): Default: ``1.0``.
        shift (Union[float, Tensor]): Default: ``0.0``.
        name (str): The name. Default: ``'ScalarAffine'``.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.bijector as msb
        >>> print(msb.ScalarAffine(2.0, 1.0).forward(ms.Tensor([0.5])))
        [2.]
    """
    _LABELS = ("scale", "shift")
    _CHECKS_VALUE = True

    def __init__(self, scale=1.0, shift=0.0, name="ScalarAffine"):
        super().__init__(is_constant_jacobian=True, name=name,
                         param={"scale": scale, "shift": shift, "name": name,
                                "param_dict": {"scale": scale, "shift": shift}})
        self._scale = self._add_parameter(scale, "scale")
        self._shift = self._add_parameter(shift, "shift")

    @property
    def scale(self):
        """The scale ``a``."""
        return self._scale

    @property
    def shift(self):
        """The shift ``b``."""
        return self._shift

    def _forward(self, x):
        return self._scale.astype(x.dtype) * x + self._shift.astype(x.dtype)

    def _inverse(self, y):
        return (y - self._shift.astype(y.dtype)) / self._scale.astype(y.dtype)

    def _forward_log_jacobian(self, x):
        return self._scale.astype(x.dtype).abs().log()

    def _inverse_log_jacobian(self, y):
        return -self._scale.astype(y.dtype).abs().log()


class Softplus(Bijector):
    """``y = log(1 + exp(k·x)) / k`` for `sharpness` ``k``.

    Args:
        sharpness (Union[float, Tensor]): ``k``. Default: ``1.0``.
        name (str): The name. Default: ``'Softplus'``.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.bijector as msb
        >>> print(msb.Softplus(2.0).forward(ms.Tensor([0.5])))
        [0.6566308]
    """
    _LABELS = ("sharpness",)
    _CHECKS_VALUE = True

    def __init__(self, sharpness=1.0, name="Softplus"):
        super().__init__(name=name, param={"sharpness": sharpness, "name": name,
                                           "param_dict": {"sharpness": sharpness}})
        self._sharpness = self._add_parameter(sharpness, "sharpness")
        self.log_sigmoid = LogSigmoid()

    @property
    def sharpness(self):
        """The sharpness ``k``."""
        return self._sharpness

    def _k(self, like):
        return self._sharpness.astype(like.dtype)

    def _forward(self, x):
        k = self._k(x)
        return -self.log_sigmoid(-k * x) / k

    def _inverse(self, y):
        k = self._k(y)
        return y + (-(-k * y).expm1()).log() / k

    def _forward_log_jacobian(self, x):
        return self.log_sigmoid(self._k(x) * x)

    def _inverse_log_jacobian(self, y):
        return -(-(-self._k(y) * y).expm1()).log()


class GumbelCDF(Bijector):
    """``y = exp(-exp(-(x - loc) / scale))``, the Gumbel distribution's cdf.

    Args:
        loc (Union[float, Tensor]): Default: ``0.0``.
        scale (Union[float, Tensor]): Positive. Default: ``1.0``.
        name (str): The name. Default: ``'GumbelCDF'``.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.bijector as msb
        >>> print(msb.GumbelCDF(0.0, 1.0).forward(ms.Tensor([0.0])))
        [0.36787945]
    """
    _LABELS = ("loc", "scale")
    _CHECKS_VALUE = True

    def __init__(self, loc=0.0, scale=1.0, name="GumbelCDF"):
        super().__init__(name=name, param={"loc": loc, "scale": scale, "name": name,
                                           "param_dict": {"loc": loc, "scale": scale}})
        self._loc = self._add_parameter(loc, "loc")
        self._scale = self._add_parameter(scale, "scale")
        check_greater_zero(self._scale, "scale")

    @property
    def loc(self):
        """The location."""
        return self._loc

    @property
    def scale(self):
        """The scale."""
        return self._scale

    def _z(self, x):
        return (x - self._loc.astype(x.dtype)) / self._scale.astype(x.dtype)

    def _forward(self, x):
        return (-(-self._z(x)).exp()).exp()

    def _inverse(self, y):
        return self._loc.astype(y.dtype) - self._scale.astype(y.dtype) * (-y.log()).log()

    def _forward_log_jacobian(self, x):
        z = self._z(x)
        return -z - (-z).exp() - self._scale.astype(x.dtype).log()

    def _inverse_log_jacobian(self, y):
        return self._scale.astype(y.dtype).log() - y.log() - (-y.log()).log()


class Invert(Bijector):
    """The inverse of `bijector`: its ``inverse`` as ``forward`` and so on.

    Args:
        bijector (Bijector): The bijector inverted.
        name (str): The name. Default: ``'Invert'`` + the bijector's.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.bijector as msb
        >>> print(msb.Invert(msb.Exp()).forward(ms.Tensor([1.0])))
        [0.]
    """

    def __init__(self, bijector, name=""):
        _check_type("bijector", bijector, Bijector, "Invert")
        name = name or "Invert" + bijector.name
        super().__init__(is_constant_jacobian=bijector.is_constant_jacobian,
                         is_injective=bijector.is_injective, name=name, dtype=bijector.dtype,
                         param={"bijector": bijector, "name": name})
        self._bijector = bijector
        self._batch_shape = bijector.batch_shape
        self._is_scalar_batch = bijector.is_scalar_batch

    @property
    def bijector(self):
        return self._bijector

    def _forward(self, x):
        return self._bijector.inverse(x)

    def _inverse(self, y):
        return self._bijector.forward(y)

    def _forward_log_jacobian(self, x):
        return self._bijector.inverse_log_jacobian(x)

    def _inverse_log_jacobian(self, y):
        return self._bijector.forward_log_jacobian(y)


"""``mindspore.nn.probability.bijector``: invertible maps ``y = f(x)`` with their log-Jacobians,
as Cells (``Bijector``, ``Exp``, ``PowerTransform``, ``ScalarAffine``, ``Softplus``,
``GumbelCDF``, ``Invert``). Each has ``forward``, ``inverse``, ``forward_log_jacobian`` (``log
|f'(x)|``) and ``inverse_log_jacobian`` (``log |(f⁻¹)'(y)|``) in engine ops, differentiable, and
the Cell call by method name (``b('forward', x)``); ``TransformedDistribution`` pushes a
distribution through one."""
import numbers as _numbers

from ...._C import Tensor
from ...._errors import DTypeError, ShapeError, UnimplementedError
from ....common import dtype as mstype
from ...activation import LogSigmoid
from ...cell import Cell
from .._util import where

__all__ = ["Bijector", "Exp", "PowerTransform", "ScalarAffine", "Softplus", "GumbelCDF", "Invert"]

_METHODS = ("forward", "inverse", "forward_log_jacobian", "inverse_log_jacobian")


def _value(name, x):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{name}', the input must be a Tensor, but got {type(x).__name__}.")
    return x if x.dtype in (mstype.float16, mstype.float32, mstype.float64) else x.astype(mstype.float32)


def _param(name, what, v):
    if isinstance(v, bool) or not isinstance(v, (_numbers.Real, Tensor)):
        raise DTypeError(f"For '{name}', '{what}' must be a number or a Tensor, but got "
                         f"{type(v).__name__}.")
    return v if isinstance(v, Tensor) else Tensor(float(v), mstype.float32)


class Bijector(Cell):
    """The base of bijectors: subclasses define ``_forward``, ``_inverse``,
    ``_forward_log_jacobian`` and ``_inverse_log_jacobian``.

    Args:
        is_constant_jacobian (bool): Whether the Jacobian is a constant. Default: ``False``.
        is_injective (bool): Whether the map is one-to-one. Default: ``True``.
        name (str): The name. Default: the class's.
        dtype (mindspore.dtype): The dtype. Default: ``None``.
        param (dict): The constructor's arguments. Default: ``None``.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.bijector as msb
        >>> print(msb.Exp().forward(ms.Tensor([0.0])))
        [1.]
    """
    _LABELS = ()  # the parameters the repr names, for scalar parameters

    def __init__(self, is_constant_jacobian=False, is_injective=True, name=None, dtype=None,
                 param=None):
        super().__init__()
        self._name = name or type(self).__name__
        self._dtype = dtype
        self._is_constant_jacobian = bool(is_constant_jacobian)
        self._is_injective = bool(is_injective)
        self._parameters = {k: v for k, v in (param or {}).items()
                            if k != "self" and not k.startswith("_")}

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

    def extend_repr(self):
        given = [self._parameters.get(k) for k in self._LABELS]
        if not self._LABELS:
            return ""
        if all(isinstance(v, _numbers.Number) for v in given):
            return ", ".join(f"{k} = {v}" for k, v in zip(self._LABELS, given))
        shapes = [tuple(v.shape) for v in given if isinstance(v, Tensor)]
        batch = max(shapes, key=len) if shapes else ()
        return f"batch_shape = {batch}"

    def _need(self, what):
        fn = getattr(self, "_" + what, None)
        if fn is None:
            raise UnimplementedError(f"{what} is not implemented for {self._name}.")
        return fn

    def forward(self, value):
        """``y = f(x)``."""
        return self._need("forward")(_value(self._name, value))

    def inverse(self, value):
        """``x = f⁻¹(y)``."""
        return self._need("inverse")(_value(self._name, value))

    def forward_log_jacobian(self, value):
        """``log |f'(x)|``."""
        return self._need("forward_log_jacobian")(_value(self._name, value))

    def inverse_log_jacobian(self, value):
        """``log |(f⁻¹)'(y)|``."""
        return self._need("inverse_log_jacobian")(_value(self._name, value))

    def construct(self, name, *args, **kwargs):
        if name not in _METHODS:
            raise ShapeError(f"For '{self._name}', {name!r} is not one of {list(_METHODS)}.")
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

    def __init__(self, name="Exp"):
        super().__init__(name=name, param={"name": name})

    def extend_repr(self):
        return "exp"

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

    def __init__(self, power=0.0, name="PowerTransform"):
        super().__init__(name=name, param={"power": power, "name": name})
        self._power = _param(name, "power", power)
        if bool((self._power < 0).any()):
            raise ShapeError("Power must be greater than or equal to zero.")

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

    def __init__(self, scale=1.0, shift=0.0, name="ScalarAffine"):
        super().__init__(is_constant_jacobian=True, name=name,
                         param={"scale": scale, "shift": shift, "name": name})
        self._scale, self._shift = _param(name, "scale", scale), _param(name, "shift", shift)

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

    def __init__(self, sharpness=1.0, name="Softplus"):
        super().__init__(name=name, param={"sharpness": sharpness, "name": name})
        self._sharpness = _param(name, "sharpness", sharpness)
        self.log_sigmoid = LogSigmoid()

    def extend_repr(self):
        s = self._parameters["sharpness"]
        return f"sharpness = {s}" if isinstance(s, _numbers.Number) else \
            f"batch_shape = {tuple(s.shape)}"

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

    def __init__(self, loc=0.0, scale=1.0, name="GumbelCDF"):
        super().__init__(name=name, param={"loc": loc, "scale": scale, "name": name})
        self._loc, self._scale = _param(name, "loc", loc), _param(name, "scale", scale)
        if bool((self._scale <= 0).any()):
            raise ShapeError("scale must be greater than zero.")

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
        if not isinstance(bijector, Bijector):
            raise DTypeError(f"For 'Invert', the type of 'bijector' should be 'Bijector', but got "
                             f"type '{type(bijector).__name__}'.")
        super().__init__(is_constant_jacobian=bijector.is_constant_jacobian,
                         is_injective=bijector.is_injective, name=name or "Invert" + bijector.name,
                         param={"bijector": bijector, "name": name})
        self._bijector = bijector

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


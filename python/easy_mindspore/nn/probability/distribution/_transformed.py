"""``TransformedDistribution``: the distribution of ``Y = f(X)`` for a bijector ``f`` and a
distribution of ``X``; densities change by the inverse's log-Jacobian, cdfs read ``f⁻¹(y)`` (an
increasing ``f``), draws are ``f`` of the base's."""
import numpy as _np

from ...._errors import DTypeError, ShapeError
from ._base import FLOAT_TYPES, Distribution, check_dtype
from ._utils.utils import raise_not_impl_error, raise_not_implemented_util


class TransformedDistribution(Distribution):
    """``Y = bijector(X)`` for ``X`` drawn from `distribution`.

    Args:
        bijector (Bijector): The map ``f``.
        distribution (Distribution): The distribution of ``X``.
        seed (int): The seed of draws. Default: ``None`` (0).
        name (str): The name. Default: ``'transformed_distribution'``.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.bijector as msb
        >>> import mindspore.nn.probability.distribution as msd
        >>> d = msd.TransformedDistribution(msb.Exp(), msd.Normal(0.0, 1.0))
        >>> print(d.cdf(ms.Tensor([1.0])))
        [0.5]
    """

    _RAW = False  # its methods take the base distribution's parameters, handed on

    def __init__(self, bijector, distribution, seed=None, name="transformed_distribution"):
        from ..bijector import Bijector  # the bijectors import this package's _utils: imported late
        cls = type(self).__name__
        for what, v, kind in (("bijector", bijector, Bijector),
                              ("distribution", distribution, Distribution)):
            if not isinstance(v, kind):
                raise DTypeError(f"For '{cls}', the type of '{what}' should be '{kind.__name__}', "
                                 f"but got type '{type(v).__name__}'.")
        check_dtype(cls, distribution.dtype, FLOAT_TYPES)
        super().__init__(seed, distribution.dtype, name,
                         {"bijector": bijector, "distribution": distribution, "seed": seed,
                          "name": name})
        self._bijector, self._distribution = bijector, distribution
        self._batch_shape = distribution.batch_shape
        self._is_scalar_batch = distribution.is_scalar_batch and bijector.is_scalar_batch
        self._broadcast_shape = self._broadcast_bijector_dist()
        self.default_parameters = distribution.default_parameters
        self.parameter_names = distribution.parameter_names
        self.parameter_type = getattr(distribution, "parameter_type", distribution.dtype)

    @property
    def bijector(self):
        return self._bijector

    @property
    def distribution(self):
        return self._distribution

    @property
    def is_linear_transformation(self):
        """Whether the bijector's Jacobian is constant (a linear map)."""
        return self._bijector.is_constant_jacobian

    def _broadcast_bijector_dist(self):
        if self._batch_shape is None or self._bijector.batch_shape is None:
            return None
        try:
            return _np.broadcast_shapes(tuple(self._bijector.batch_shape), tuple(self._batch_shape))
        except ValueError:
            raise ShapeError(f"For '{self._name}', the bijector's batch shape "
                             f"{self._bijector.batch_shape} and the distribution's "
                             f"{self._batch_shape} do not broadcast.") from None

    def extend_repr(self):
        return ""

    def _get_dist_args(self, *args, **kwargs):
        return raise_not_implemented_util("get_dist_args", self._name, *args, **kwargs)

    def _get_dist_type(self):
        return raise_not_implemented_util("get_dist_type", self._name)

    def _resolve(self, given):
        return list(given)  # the base distribution's parameters, handed on

    def _log_prob(self, y, *p):
        x = self._bijector.inverse(y)
        return self._distribution.log_prob(x, *p) + self._bijector.inverse_log_jacobian(y)

    def _cdf(self, y, *p):
        return self._distribution.cdf(self._bijector.inverse(y), *p)

    def _log_cdf(self, y, *p):
        return self._distribution.log_cdf(self._bijector.inverse(y), *p)

    def _survival(self, y, *p):
        return self._distribution.survival_function(self._bijector.inverse(y), *p)

    def _log_survival(self, y, *p):
        return self._distribution.log_survival(self._bijector.inverse(y), *p)

    def _mean(self, *p):
        if not self._bijector.is_constant_jacobian:
            raise_not_impl_error("mean")
        return self._bijector.forward(self._distribution.mean(*p))

    def _sample(self, shape, *p):
        return self._bijector.forward(self._distribution.sample(shape, *p))

    def sample(self, *args, **kwargs):
        """Draws of ``f`` applied to the base distribution's (``sample(shape=(),
        *dist_spec_args)``)."""
        return self._bijector.forward(self._distribution.sample(*args, **kwargs))

"""``TransformedDistribution``: the distribution of ``Y = f(X)`` for a bijector ``f`` and a
distribution of ``X``; densities change by the inverse's log-Jacobian, cdfs read ``f⁻¹(y)`` (an
increasing ``f``), draws are ``f`` of the base's."""
from ...._errors import DTypeError, ShapeError
from ..bijector import Bijector
from ._base import Distribution


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

    def __init__(self, bijector, distribution, seed=None, name="transformed_distribution"):
        if not isinstance(bijector, Bijector):
            raise DTypeError(f"For '{name}', 'bijector' must be a Bijector, but got "
                             f"{type(bijector).__name__}.")
        if not isinstance(distribution, Distribution):
            raise DTypeError(f"For '{name}', 'distribution' must be a Distribution, but got "
                             f"{type(distribution).__name__}.")
        super().__init__(seed, distribution.dtype, name,
                         {"bijector": bijector, "distribution": distribution, "param_dict": {}})
        self._bijector, self._distribution = bijector, distribution
        self._batch_shape = self._broadcast_shape = distribution.batch_shape
        self._is_scalar_batch = distribution.is_scalar_batch

    @property
    def bijector(self):
        return self._bijector

    @property
    def distribution(self):
        return self._distribution

    def extend_repr(self):
        return ""

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
            raise ShapeError("mean function must be implemented for non-linear transformation")
        return self._bijector.forward(self._distribution.mean(*p))

    def _sample(self, shape, *p):
        return self._bijector.forward(self._distribution.sample(shape, *p))

    def sample(self, shape=(), *params):
        """Draws of ``f`` applied to the base distribution's."""
        if isinstance(shape, int) and not isinstance(shape, bool):
            shape = (shape,)
        return self._bijector.forward(self._distribution.sample(shape, *params))

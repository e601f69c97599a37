"""The continuous distributions of ``mindspore.nn.probability.distribution``: ``Normal``,
``Uniform``, ``Exponential``, ``Gamma``, ``Beta``, ``LogNormal``, ``Logistic``, ``Gumbel``,
``Cauchy``, and ``HalfNormal``, ``Laplace``, ``StudentT`` (which, as MindSpore 2.10's, have their
density only). Each quantity is its closed form in engine ops; the KL divergences are between two
distributions of the same type."""
import math as _math

import numpy as _np

from .... import _C
from ...._C import Tensor as _Tensor
from ...._errors import ShapeError
from ....common import dtype as mstype
from ...math_cells import DiGamma, LBeta
from .._util import draw_seed, where
from ._base import FLOAT_TYPES, Distribution, check_dtype, reject_scalars

__all__ = ["Normal", "Uniform", "Exponential", "Gamma", "Beta", "LogNormal", "Logistic", "Gumbel",
           "Cauchy", "HalfNormal", "Laplace", "StudentT"]

_HALF_LOG_2PI = 0.5 * _math.log(2 * _math.pi)
_EULER = 0.5772156649015329


def _float_dtype(dist, dtype):
    return check_dtype(type(dist).__name__, dtype, FLOAT_TYPES)


def _positive(what, v):
    if bool((v <= 0).any()):
        raise ShapeError(f"{what} must be greater than zero.")
    return v


def _location_scale(dist, params, seed, dtype, name, check="scale"):
    """The constructor of a distribution with parameters `params` (a dict), `check` positive."""
    _float_dtype(dist, dtype)
    Distribution.__init__(dist, seed, dtype, name, {"param_dict": params})
    for k in (check,) if isinstance(check, str) else check:
        if dist._param_values[k] is not None:
            _positive(k, dist._param_values[k])


def _normal(shape, dtype, seed):
    from ....ops.function.random_func import standard_normal
    return standard_normal(shape, seed=seed).astype(dtype)


def _uniform(shape, dtype, seed):
    from ....ops.function.random_func import uniform
    return uniform(shape, _C.full((), 0.0, dtype), _C.full((), 1.0, dtype), seed=seed or None,
                   dtype=dtype)


def _log_ndtr(z):
    """``log Φ(z)``, stable in the left tail (through ``erfc``)."""
    return (0.5 * (-z / _math.sqrt(2)).erfc()).log()


def _lbeta(a, b):
    return _C.lgamma(a) + _C.lgamma(b) - _C.lgamma(a + b)


class Normal(Distribution):
    """The normal distribution of `mean` and standard deviation `sd`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.distribution as msd
        >>> n = msd.Normal(ms.Tensor([0.0, 1.0]), ms.Tensor([1.0, 2.0]))
        >>> print(n.log_prob(ms.Tensor([0.5, -1.0])))
        [-1.0439385 -2.1120858]
    """
    _PARAMS = ("mean", "sd")
    _LABELS = {"mean": "mean", "sd": "standard deviation"}

    def __init__(self, mean=None, sd=None, seed=None, dtype=mstype.float32, name="Normal"):
        _float_dtype(self, dtype)
        super().__init__(seed, dtype, name, {"param_dict": {"mean": mean, "sd": sd}})
        for k in ("sd",):
            if self._param_values[k] is not None:
                _positive("Standard deviation", self._param_values[k])

    def _check_param(self, name, v):
        return _positive("Standard deviation", v) if name == "sd" else v

    def _log_prob(self, x, mean, sd):
        z = (x - mean) / sd
        return -0.5 * z * z - sd.log() - _HALF_LOG_2PI

    def _cdf(self, x, mean, sd):
        return 0.5 * (1 + ((x - mean) / (sd * _math.sqrt(2))).erf())

    def _log_cdf(self, x, mean, sd):
        return _log_ndtr((x - mean) / sd)

    def _survival(self, x, mean, sd):
        return 0.5 * ((x - mean) / (sd * _math.sqrt(2))).erfc()

    def _log_survival(self, x, mean, sd):
        return _log_ndtr((mean - x) / sd)

    def _mean(self, mean, sd):
        return mean * 1 + sd * 0

    def _mode(self, mean, sd):
        return mean * 1 + sd * 0

    def _sd(self, mean, sd):
        return sd * 1 + mean * 0

    def _entropy(self, mean, sd):
        return sd.log() + 0.5 + _HALF_LOG_2PI + mean * 0

    def _kl(self, a, b):
        (ma, sa), (mb, sb) = a, b
        d = ma - mb
        return (sb / sa).log() + (sa * sa + d * d) / (2 * sb * sb) - 0.5

    def _sample(self, shape, mean, sd):
        return mean + sd * _normal(shape, mean.dtype, self.seed)


class LogNormal(Distribution):
    """The distribution of ``exp(X)`` for ``X`` normal with mean `loc` and standard deviation
    `scale`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.distribution as msd
        >>> print(msd.LogNormal(0.0, 1.0).mean())
        1.6487212
    """
    _PARAMS = ("loc", "scale")
    _KL_SELF = "_a"
    _LABELS = {"loc": "loc", "scale": "scale"}

    def __init__(self, loc=None, scale=None, seed=0, dtype=mstype.float32, name="LogNormal"):
        _location_scale(self, {"loc": loc, "scale": scale}, seed, dtype, name)
        # MindSpore's LogNormal is Exp of a Normal; its parts show in the repr (the closed forms
        # below compute the same).
        from ..bijector import Exp  # the bijectors import this package's _utils: imported late
        self._bijector = Exp()
        self._distribution = Normal(loc, scale, seed, dtype)

    def _log_prob(self, x, loc, scale):
        z = (x.log() - loc) / scale
        return -0.5 * z * z - scale.log() - _HALF_LOG_2PI - x.log()

    def _cdf(self, x, loc, scale):
        return 0.5 * (1 + ((x.log() - loc) / (scale * _math.sqrt(2))).erf())

    def _mean(self, loc, scale):
        return (loc + 0.5 * scale * scale).exp()

    def _var(self, loc, scale):
        s2 = scale * scale
        return (s2.exp() - 1) * (2 * loc + s2).exp()

    def _mode(self, loc, scale):
        return (loc - scale * scale).exp()

    def _entropy(self, loc, scale):
        return loc + scale.log() + 0.5 + _HALF_LOG_2PI

    def _kl(self, a, b):
        return Normal._kl(self, a, b)

    def _sample(self, shape, loc, scale):
        return (loc + scale * _normal(shape, loc.dtype, self.seed)).exp()


class Uniform(Distribution):
    """The uniform distribution on ``[low, high]``.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.distribution as msd
        >>> print(msd.Uniform(0.0, 2.0).cdf(ms.Tensor([0.5, 3.0])))
        [0.25 1.  ]
    """
    _PARAMS = ("low", "high")
    _LABELS = {"low": "low", "high": "high"}

    def __init__(self, low=None, high=None, seed=None, dtype=mstype.float32, name="Uniform"):
        _float_dtype(self, dtype)
        super().__init__(seed, dtype, name, {"param_dict": {"low": low, "high": high}})
        lo, hi = self._param_values["low"], self._param_values["high"]
        if lo is not None and hi is not None and bool((lo >= hi).any()):
            raise ShapeError("low must be less than high")

    def _prob(self, x, low, high):
        inside = (x >= low) & (x <= high)
        return where(inside, 1 / (high - low) + x * 0, 0.0)

    def _log_prob(self, x, low, high):
        inside = (x >= low) & (x <= high)
        return where(inside, -(high - low).log() + x * 0, -_math.inf)

    def _cdf(self, x, low, high):
        return ((x - low) / (high - low)).clip(0.0, 1.0)

    def _mean(self, low, high):
        return (low + high) / 2

    def _var(self, low, high):
        w = high - low
        return w * w / 12

    def _entropy(self, low, high):
        return (high - low).log()

    def _kl(self, a, b):
        (la, ha), (lb, hb) = a, b
        inside = (la >= lb) & (ha <= hb)
        return where(inside, ((hb - lb) / (ha - la)).log(), _math.inf)

    def _sample(self, shape, low, high):
        return low + (high - low) * _uniform(shape, low.dtype, self.seed)


class Exponential(Distribution):
    """The exponential distribution of `rate` ``λ`` (density ``λ·exp(-λx)``, ``x ≥ 0``).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.distribution as msd
        >>> print(msd.Exponential(2.0).mean())
        0.5
    """
    _PARAMS = ("rate",)
    _LABELS = {"rate": "rate"}

    def __init__(self, rate=None, seed=None, dtype=mstype.float32, name="Exponential"):
        _location_scale(self, {"rate": rate}, seed, dtype, name, "rate")

    def _log_prob(self, x, rate):
        return where(x >= 0, rate.log() - rate * x, -_math.inf)

    def _cdf(self, x, rate):
        return where(x >= 0, 1 - (-rate * x).exp(), 0.0)

    def _survival(self, x, rate):
        return where(x >= 0, (-rate * x).exp(), 1.0)

    def _log_survival(self, x, rate):
        return where(x >= 0, -rate * x, 0.0)

    def _mean(self, rate):
        return 1 / rate

    def _sd(self, rate):
        return 1 / rate

    def _mode(self, rate):
        return rate * 0

    def _entropy(self, rate):
        return 1 - rate.log()

    def _kl(self, a, b):
        (ra,), (rb,) = a, b
        return (ra / rb).log() + rb / ra - 1

    def _sample(self, shape, rate):
        u = _uniform(shape, rate.dtype, self.seed)
        return -(1 - u).log() / rate


class Gamma(Distribution):
    """The gamma distribution of `concentration` ``α`` and `rate` ``β``.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.distribution as msd
        >>> print(msd.Gamma([2.0], [1.0]).log_prob(ms.Tensor([1.5])))
        [-1.0945349]
    """
    _PARAMS = ("concentration", "rate")
    _KL_SELF = "_a"
    _LABELS = {"concentration": "concentration", "rate": "rate"}

    def __init__(self, concentration=None, rate=None, seed=None, dtype=mstype.float32, name="Gamma"):
        _float_dtype(self, dtype)
        reject_scalars(concentration=concentration, rate=rate)  # as MindSpore 2.10's
        _location_scale(self, {"concentration": concentration, "rate": rate}, seed, dtype, name,
                        self._PARAMS)
        self.digamma = DiGamma()

    def _log_prob(self, x, a, b):
        return (a).xlogy(b) + (a - 1).xlogy(x) - b * x - _C.lgamma(a)

    def _cdf(self, x, a, b):
        from ._special import igamma
        return igamma(a, (b * x).clip(0.0, None))

    def _mean(self, a, b):
        return a / b

    def _var(self, a, b):
        return a / (b * b)

    def _mode(self, a, b):
        return where(a >= 1, (a - 1) / b, _math.nan)

    def _entropy(self, a, b):
        return a - b.log() + _C.lgamma(a) + (1 - a) * _C.digamma(a)

    def _kl(self, p, q):
        (a, b), (c, d) = p, q
        return ((a - c) * _C.digamma(a) - _C.lgamma(a) + _C.lgamma(c) + c * (b.log() - d.log())
                + a * (d - b) / b)

    def _sample(self, shape, a, b):
        rng = draw_seed(self.seed)
        draws = rng.gamma(_np.broadcast_to(a.asnumpy().astype(_np.float64), shape), 1.0)
        return _Tensor(_np.asarray(draws, _np.float64)).astype(a.dtype) / b


class Beta(Distribution):
    """The beta distribution of `concentration1` ``α`` and `concentration0` ``β`` on ``[0, 1]``.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.distribution as msd
        >>> print(msd.Beta([2.0], [3.0]).mean())
        [0.4]
    """
    _PARAMS = ("concentration1", "concentration0")
    _KL_SELF = "_a"
    _LABELS = {"concentration1": "concentration1", "concentration0": "concentration0"}

    def __init__(self, concentration1=None, concentration0=None, seed=None, dtype=mstype.float32,
                 name="Beta"):
        _float_dtype(self, dtype)
        reject_scalars(concentration1=concentration1, concentration0=concentration0)
        _location_scale(self, {"concentration1": concentration1, "concentration0": concentration0},
                        seed, dtype, name, self._PARAMS)
        self.digamma, self.lbeta = DiGamma(), LBeta()

    def _log_prob(self, x, a, b):
        return (a - 1).xlogy(x) + (b - 1).xlogy(1 - x) - _lbeta(a, b)

    def _mean(self, a, b):
        return a / (a + b)

    def _var(self, a, b):
        s = a + b
        return a * b / (s * s * (s + 1))

    def _mode(self, a, b):
        return where((a > 1) & (b > 1), (a - 1) / (a + b - 2), _math.nan)

    def _entropy(self, a, b):
        return (_lbeta(a, b) - (a - 1) * _C.digamma(a) - (b - 1) * _C.digamma(b)
                + (a + b - 2) * _C.digamma(a + b))

    def _kl(self, p, q):
        (a, b), (c, d) = p, q
        return (_lbeta(c, d) - _lbeta(a, b) + (a - c) * _C.digamma(a) + (b - d) * _C.digamma(b)
                + (c - a + d - b) * _C.digamma(a + b))

    def _sample(self, shape, a, b):
        rng = draw_seed(self.seed)
        draws = rng.beta(_np.broadcast_to(a.asnumpy().astype(_np.float64), shape),
                         _np.broadcast_to(b.asnumpy().astype(_np.float64), shape))
        return _Tensor(_np.asarray(draws, _np.float64)).astype(a.dtype)


class Logistic(Distribution):
    """The logistic distribution of location `loc` and `scale` (its cdf a sigmoid).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.distribution as msd
        >>> print(msd.Logistic(0.0, 1.0).cdf(ms.Tensor([0.0])))
        [0.5]
    """
    _PARAMS = ("loc", "scale")
    _LABELS = {"loc": "location", "scale": "scale"}

    def __init__(self, loc=None, scale=None, seed=None, dtype=mstype.float32, name="Logistic"):
        _location_scale(self, {"loc": loc, "scale": scale}, seed, dtype, name)

    def _log_prob(self, x, loc, scale):
        from ....ops.function.nn_func import softplus
        z = (x - loc) / scale
        return -z - scale.log() - 2 * softplus(-z)

    def _cdf(self, x, loc, scale):
        return ((x - loc) / scale).sigmoid()

    def _log_cdf(self, x, loc, scale):
        from ....ops.function.nn_func import softplus
        return -softplus(-(x - loc) / scale)

    def _survival(self, x, loc, scale):
        return (-(x - loc) / scale).sigmoid()

    def _log_survival(self, x, loc, scale):
        from ....ops.function.nn_func import softplus
        return -softplus((x - loc) / scale)

    def _mean(self, loc, scale):
        return loc + scale * 0

    def _mode(self, loc, scale):
        return loc + scale * 0

    def _sd(self, loc, scale):
        return scale * (_math.pi / _math.sqrt(3)) + loc * 0

    def _entropy(self, loc, scale):
        return scale.log() + 2 + loc * 0

    def _sample(self, shape, loc, scale):
        u = _uniform(shape, loc.dtype, self.seed).clip(1e-7, 1 - 1e-7)
        return loc + scale * (u.log() - (1 - u).log())


class Gumbel(Distribution):
    """The Gumbel (type-I extreme value) distribution of location `loc` and `scale`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.distribution as msd
        >>> print(msd.Gumbel(0.0, 1.0).mode())
        0.0
    """
    _PARAMS = ("loc", "scale")
    _LABELS = {"loc": "loc", "scale": "scale"}

    def __init__(self, loc, scale, seed=0, dtype=mstype.float32, name="Gumbel"):
        _location_scale(self, {"loc": loc, "scale": scale}, seed, dtype, name)
        # MindSpore's Gumbel is the inverse Gumbel cdf of a uniform draw; its parts show in the
        # repr (the closed forms below compute the same).
        from ..bijector import GumbelCDF, Invert  # imported late, as LogNormal's Exp
        self._bijector = Invert(GumbelCDF(loc, scale))
        self._distribution = Uniform(0.0, 1.0, seed, dtype)
        self._gumbel_bijector = GumbelCDF(loc, scale)

    def _log_prob(self, x, loc, scale):
        z = (x - loc) / scale
        return -(z + (-z).exp()) - scale.log()

    def _cdf(self, x, loc, scale):
        return (-(-(x - loc) / scale).exp()).exp()

    def _log_cdf(self, x, loc, scale):
        return -(-(x - loc) / scale).exp()

    def _mean(self, loc, scale):
        return loc + _EULER * scale

    def _sd(self, loc, scale):
        return scale * (_math.pi / _math.sqrt(6)) + loc * 0

    def _mode(self, loc, scale):
        return loc + scale * 0

    def _entropy(self, loc, scale):
        return scale.log() + _EULER + 1 + loc * 0

    def _kl(self, a, b):
        (ma, sa), (mb, sb) = a, b
        r = sa / sb
        return ((sb / sa).log() + _EULER * (r - 1) + ((mb - ma) / sb).exp() * _C.lgamma(r + 1).exp()
                - 1 + (ma - mb) / sb)

    def _sample(self, shape, loc, scale):
        u = _uniform(shape, loc.dtype, self.seed).clip(1e-7, 1 - 1e-7)
        return loc - scale * (-u.log()).log()


class Cauchy(Distribution):
    """The Cauchy distribution of location `loc` and `scale` (no mean or variance).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.distribution as msd
        >>> print(msd.Cauchy(0.0, 1.0).cdf(ms.Tensor([1.0])))
        [0.75]
    """
    _PARAMS = ("loc", "scale")
    _KL_SELF = "_a"
    _LABELS = {"loc": "loc", "scale": "scale"}

    def __init__(self, loc=None, scale=None, seed=None, dtype=mstype.float32, name="Cauchy"):
        _location_scale(self, {"loc": loc, "scale": scale}, seed, dtype, name)

    def _log_prob(self, x, loc, scale):
        z = (x - loc) / scale
        return -(_math.pi * scale * (1 + z * z)).log()

    def _cdf(self, x, loc, scale):
        return 0.5 + _C.atan((x - loc) / scale) / _math.pi

    def _survival(self, x, loc, scale):
        return 0.5 - _C.atan((x - loc) / scale) / _math.pi

    def mean(self, *params):
        raise ShapeError("mean is undefined for Cauchy distribution.")

    def sd(self, *params):
        raise ShapeError("standard deviation is undefined for Cauchy distribution.")

    def var(self, *params):
        raise ShapeError("variance is undefined for Cauchy distribution.")

    def _mode(self, loc, scale):
        return loc + scale * 0

    def _entropy(self, loc, scale):
        return (4 * _math.pi * scale).log() + loc * 0

    def _kl(self, a, b):
        (ma, sa), (mb, sb) = a, b
        s, d = sa + sb, ma - mb
        return ((s * s + d * d) / (4 * sa * sb)).log()

    def _sample(self, shape, loc, scale):
        u = _uniform(shape, loc.dtype, self.seed)
        return loc + scale * (_math.pi * (u - 0.5)).tan()


class HalfNormal(Distribution):
    """The normal distribution of `mean` and `sd` folded onto ``x ≥ mean`` (its density only, as
    MindSpore 2.10's).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.distribution as msd
        >>> print(msd.HalfNormal(0.0, 1.0).prob(ms.Tensor([0.5])))
        [0.70413065]
    """
    _PARAMS = ("mean", "sd")

    def __init__(self, mean=None, sd=None, seed=None, dtype=mstype.float32, name="HalfNormal"):
        _float_dtype(self, dtype)
        super().__init__(seed, dtype, name, {"param_dict": {"mean": mean, "sd": sd}})

    def _log_prob(self, x, mean, sd):
        z = (x - mean) / sd
        return where(x >= mean, -0.5 * z * z - sd.log() + 0.5 * _math.log(2 / _math.pi), -_math.inf)


class Laplace(Distribution):
    """The Laplace distribution of `mean` and scale `sd` (its density only, as MindSpore 2.10's).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.distribution as msd
        >>> print(msd.Laplace(0.0, 1.0).prob(ms.Tensor([0.0])))
        [0.5]
    """
    _PARAMS = ("mean", "sd")

    def __init__(self, mean=None, sd=None, seed=None, dtype=mstype.float32, name="Laplace"):
        _float_dtype(self, dtype)
        super().__init__(seed, dtype, name, {"param_dict": {"mean": mean, "sd": sd}})

    def _log_prob(self, x, mean, sd):
        return -(x - mean).abs() / sd - (2 * sd).log()


class StudentT(Distribution):
    """Student's t distribution of `df` degrees of freedom, location `mean` and scale `sd` (its
    density only, as MindSpore 2.10's).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.distribution as msd
        >>> print(msd.StudentT(3.0, 0.0, 1.0).log_prob(ms.Tensor([0.5])))
        [-1.1609743]
    """
    _PARAMS = ("df", "mean", "sd")

    def __init__(self, df=None, mean=None, sd=None, seed=None, dtype=mstype.float32, name="StudentT"):
        _float_dtype(self, dtype)
        super().__init__(seed, dtype, name, {"param_dict": {"df": df, "mean": mean, "sd": sd}})

    def _log_prob(self, x, df, mean, sd):
        z = (x - mean) / sd
        return (_C.lgamma((df + 1) / 2) - _C.lgamma(df / 2) - 0.5 * (df * _math.pi).log() - sd.log()
                - (df + 1) / 2 * (1 + z * z / df).log())

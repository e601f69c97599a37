"""The discrete distributions of ``mindspore.nn.probability.distribution``: ``Bernoulli``,
``Categorical``, ``Geometric`` (failures before the first success) and ``Poisson``. Their
parameters and probabilities are floats; `dtype` is that of their draws (and modes)."""
import math as _math

import numpy as _np

from .... import _C
from ...._C import Tensor
from ...._errors import ShapeError
from ....common import dtype as mstype
from .._util import draw_seed, where
from ._base import INT_TYPES, Distribution, check_dtype, reject_scalars
from ._utils.utils import check_prob, check_rank, check_sum_equal_one

__all__ = ["Bernoulli", "Categorical", "Geometric", "Poisson"]


def _int_dtype(dist, dtype):
    return check_dtype(type(dist).__name__, dtype, INT_TYPES)


def _probability(v, open_low=False):
    if bool((v > 1).any()):
        raise ShapeError("Probabilities must be less than one")
    if bool((v < 0).any()) or (open_low and bool((v <= 0).any())):
        raise ShapeError("Probabilities must be greater than zero")
    return v


def _uniform(shape, dtype, seed):
    from ....ops.function.random_func import uniform
    return uniform(shape, _C.full((), 0.0, dtype), _C.full((), 1.0, dtype), seed=seed or None,
                   dtype=dtype)


class Bernoulli(Distribution):
    """The distribution of one trial that gives 1 with probability `probs`, else 0.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.distribution as msd
        >>> print(msd.Bernoulli(0.3).entropy())
        0.61086434
    """
    _PARAMS = ("probs",)
    _KEYWORDS = ("probs1",)
    _LABELS = {"probs": "probs"}

    def __init__(self, probs=None, seed=None, dtype=mstype.int32, name="Bernoulli"):
        _int_dtype(self, dtype)
        super().__init__(seed, dtype, name, {"param_dict": {"probs": probs}})
        if self._param_values["probs"] is not None:
            check_prob(self._param_values["probs"])  # 0 < p < 1, as MindSpore 2.10's

    def _check_param(self, name, v):
        return _probability(v)

    def _log_prob(self, x, p):
        return x.xlogy(p) + (1 - x).xlogy(1 - p)

    def _cdf(self, x, p):
        return where(x < 0, 0.0, where(x < 1, 1 - p + x * 0, 1.0))

    def _mean(self, p):
        return p * 1

    def _var(self, p):
        return p * (1 - p)

    def _mode(self, p):
        # MindSpore 2.10's fails (it compares a float with a Tensor); 1 where p > 1/2.
        return (p > 0.5).astype(self.dtype)

    def _entropy(self, p):
        return -(p.xlogy(p) + (1 - p).xlogy(1 - p))

    def _kl(self, a, b):
        (pa,), (pb,) = a, b
        return pa.xlogy(pa / pb) + (1 - pa).xlogy((1 - pa) / (1 - pb))

    def _cross_entropy(self, a, b):
        (pa,), (pb,) = a, b
        return -(pa.xlogy(pb) + (1 - pa).xlogy(1 - pb))

    def _sample(self, shape, p):
        return (_uniform(shape, p.dtype, self.seed) < p).astype(self.dtype)


class Geometric(Distribution):
    """The number of failures before the first success of trials that succeed with probability
    `probs`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.distribution as msd
        >>> print(msd.Geometric(0.5).prob(ms.Tensor([0, 1, 2])))
        [0.5   0.25  0.125]
    """
    _PARAMS = ("probs",)
    _KEYWORDS = ("probs1",)
    _LABELS = {"probs": "probs"}

    def __init__(self, probs=None, seed=None, dtype=mstype.int32, name="Geometric"):
        _int_dtype(self, dtype)
        super().__init__(seed, dtype, name, {"param_dict": {"probs": probs}})
        if self._param_values["probs"] is not None:
            check_prob(self._param_values["probs"])  # 0 < p < 1, as MindSpore 2.10's

    def _check_param(self, name, v):
        return _probability(v, open_low=True)

    def _log_prob(self, x, p):
        k = x.floor()
        return where(k >= 0, k.xlogy(1 - p) + p.log(), -_math.inf)

    def _cdf(self, x, p):
        k = x.floor()
        return where(k >= 0, 1 - (1 - p) ** (k + 1), 0.0)

    def _survival(self, x, p):
        k = x.floor()
        return where(k >= 0, (1 - p) ** (k + 1), 1.0)

    def _mean(self, p):
        return (1 - p) / p

    def _var(self, p):
        return (1 - p) / (p * p)

    def _mode(self, p):
        return (p * 0).astype(self.dtype)

    def _entropy(self, p):
        return -((1 - p).xlogy(1 - p) + p.xlogy(p)) / p

    def _kl(self, a, b):
        (pa,), (pb,) = a, b
        return (pa / pb).log() + (1 - pa) / pa * ((1 - pa) / (1 - pb)).log()

    def _sample(self, shape, p):
        u = _uniform(shape, p.dtype, self.seed).clip(1e-7, 1.0)
        return (u.log() / (1 - p).log()).floor().astype(self.dtype)


class Categorical(Distribution):
    """The distribution over classes ``0 .. K-1`` with probabilities `probs` (``[..., K]``, each
    row summing to one).

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.distribution as msd
        >>> c = msd.Categorical(ms.Tensor([0.2, 0.3, 0.5]))
        >>> print(c.prob(ms.Tensor([0, 2], ms.int32)), c.mode())
        [0.19999999 0.5       ] 2
    """
    _PARAMS = ("probs",)

    def __init__(self, probs=None, seed=None, dtype=mstype.int32, name="Categorical"):
        _int_dtype(self, dtype)
        super().__init__(seed, dtype, name, {"param_dict": {"probs": probs}})
        probs_t = self._param_values["probs"]
        if probs_t is not None:
            # MindSpore 2.10's checks: rank >= 1, each 0 < p < 1, rows summing to one; its
            # batch_shape is probs' whole shape, broadcast_shape that of the rows.
            check_rank(probs_t)
            check_prob(probs_t)
            check_sum_equal_one(probs_t)
            self._is_scalar_batch = tuple(probs_t.shape[:-1]) == ()
            self._broadcast_shape = tuple(probs_t.shape[:-1])

    def extend_repr(self):
        p = self._param_values["probs"]
        return f"probs = {None if p is None else p.asnumpy()}"

    def _check_param(self, name, v):
        if v.ndim < 1:
            raise ShapeError("For 'Categorical', 'probs' must have at least one dimension.")
        if bool((v < 0).any()):
            raise ShapeError("Probabilities must be greater than or equal to zero")
        if not bool(((v.sum(-1) - 1).abs() < 1e-6).all()):
            raise ShapeError("Probabilities for each category should sum to one for Categorical "
                             "distribution.")
        return v

    def _batch_params(self, p):
        return [p[0][..., 0]]

    def _at(self, table, x):
        """``table[..., x]`` for integer values `x` broadcast against the batch."""
        k = x.astype(mstype.int64)
        batch = tuple(table.shape[:-1])
        shape = _np.broadcast_shapes(tuple(k.shape), batch)
        t = table.broadcast_to(shape + (table.shape[-1],))
        inside = (k >= 0) & (k < table.shape[-1])
        safe = where(inside, k, 0).broadcast_to(shape)
        picked = t.gather_elements(-1, safe.reshape(shape + (1,))).reshape(shape)
        return inside.broadcast_to(shape), picked

    def _log_prob(self, x, p):
        inside, v = self._at(p.log(), x)
        return where(inside, v, -_math.inf)

    def _cdf(self, x, p):
        k = x.floor()
        inside, v = self._at(p.cumsum(-1), k.clip(0, p.shape[-1] - 1))
        return where(k < 0, 0.0, where(k >= p.shape[-1] - 1, 1.0, v))

    def _classes(self, p):
        return Tensor(_np.arange(p.shape[-1], dtype=_np.float64)).astype(p.dtype)

    def _mean(self, p):
        return (p * self._classes(p)).sum(-1, keepdims=True)

    def _var(self, p):
        k = self._classes(p)
        m = (p * k).sum(-1, keepdims=True)
        return (p * k * k).sum(-1, keepdims=True) - m * m

    def _mode(self, p):
        return p.argmax(-1).astype(self.dtype)

    def _entropy(self, p):
        return -(p.xlogy(p)).sum(-1)

    def _kl(self, a, b):
        (pa,), (pb,) = a, b
        return (pa.xlogy(pa) - pa.xlogy(pb)).sum(-1)

    def _cross_entropy(self, a, b):
        (pa,), (pb,) = a, b
        return -(pa.xlogy(pb)).sum(-1)

    def _sample(self, shape, p):
        rng = draw_seed(self.seed)
        probs = _np.broadcast_to(p.asnumpy().astype(_np.float64), tuple(shape) + (p.shape[-1],))
        cdf = probs.cumsum(-1)
        u = rng.random(tuple(shape) + (1,)) * cdf[..., -1:]
        idx = (u > cdf).sum(-1).clip(0, p.shape[-1] - 1)
        return Tensor(idx.astype(_np.int64)).astype(self.dtype)


class Poisson(Distribution):
    """The Poisson distribution of `rate` ``λ``.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.nn.probability.distribution as msd
        >>> print(msd.Poisson([1.5]).prob(ms.Tensor([1.0])))
        [0.33469525]
    """
    _PARAMS = ("rate",)
    _LABELS = {"rate": "rate"}

    def __init__(self, rate=None, seed=None, dtype=mstype.float32, name="Poisson"):
        _int_dtype(self, dtype)
        reject_scalars(rate=rate)  # as MindSpore 2.10's
        super().__init__(seed, dtype, name, {"param_dict": {"rate": rate}})
        if self._param_values["rate"] is not None and bool((self._param_values["rate"] <= 0).any()):
            raise ShapeError("rate must be greater than zero.")

    def _log_prob(self, x, rate):
        ok = (x >= 0) & (x == x.floor())
        return where(ok, x.xlogy(rate) - rate - _C.lgamma(x + 1), -_math.inf)

    def _cdf(self, x, rate):
        from ._special import igamma
        k = x.floor()
        return where(k < 0, 0.0, 1 - igamma(k.clip(0, None) + 1, rate + k * 0))

    def _mean(self, rate):
        return rate * 1

    def _var(self, rate):
        return rate * 1

    def _mode(self, rate):
        return rate.floor()

    def _sample(self, shape, rate):
        rng = draw_seed(self.seed)
        draws = rng.poisson(_np.broadcast_to(rate.asnumpy().astype(_np.float64), shape))
        return Tensor(_np.asarray(draws, _np.float64)).astype(self.dtype)

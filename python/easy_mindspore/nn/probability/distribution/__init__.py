"""``mindspore.nn.probability.distribution``: probability distributions as Cells (``_base``,
``_continuous``, ``_discrete``): ``Normal``, ``LogNormal``, ``Uniform``, ``Exponential``,
``Gamma``, ``Beta``, ``Logistic``, ``Gumbel``, ``Cauchy``, ``HalfNormal``, ``Laplace``,
``StudentT``, ``Bernoulli``, ``Categorical``, ``Geometric``, ``Poisson``, ``TransformedDistribution``
(``_transformed``), and their base ``Distribution`` for one's own."""
from ._base import Distribution
from ._continuous import (Beta, Cauchy, Exponential, Gamma, Gumbel, HalfNormal, Laplace, Logistic,
                          LogNormal, Normal, StudentT, Uniform)
from ._discrete import Bernoulli, Categorical, Geometric, Poisson
from ._transformed import TransformedDistribution

__all__ = ["Distribution", "Normal", "LogNormal", "Uniform", "Exponential", "Gamma", "Beta",
           "Logistic", "Gumbel", "Cauchy", "HalfNormal", "Laplace", "StudentT", "Bernoulli",
           "Categorical", "Geometric", "Poisson", "TransformedDistribution"]

"""``mindspore.nn.probability``: probability distributions (``distribution``) and bijectors
(``bijector``)."""
from . import bijector, distribution

__all__ = ["bijector", "distribution"]

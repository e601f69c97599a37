"""Docstrings of the ``mindspore.ops`` functions whose definition cannot hold one: the one-line
core ops of ``ops.functional`` and the aliases (``arccos`` of ``acos``...), each wrapped under its
own name. Set by :func:`easy_mindspore._docs.apply` at import.

They live by concept in ``ops_math`` (elementwise math and comparisons), ``ops_reduce``
(reductions, products and activations, ``relu`` among them) and ``ops_shape`` (creation, dtype
and shape); this module merges them."""
from .ops_math import DOCS as _MATH
from .ops_reduce import DOCS as _REDUCE
from .ops_shape import DOCS as _SHAPE

DOCS = {**_MATH, **_REDUCE, **_SHAPE}

"""Docstrings of the Tensor methods written in Python as one-line lambdas over ``mindspore.ops``
(``_tensor_methods._METHODS``). Set by :func:`easy_mindspore._docs.apply` at import. The native
methods take theirs from ``crates/easy-mindspore-py/docs/tensor/*.md``.

They live by concept in ``tensor_math`` (elementwise math), ``tensor_compare`` (comparisons and
logic), ``tensor_reduce`` (reductions, cumulative ops and linear algebra), ``tensor_shape``
(shape, indexing, sorting) and ``tensor_convert`` (dtype conversions, creation, interop); this
module merges them."""
from .tensor_math import DOCS as _MATH
from .tensor_compare import DOCS as _COMPARE
from .tensor_reduce import DOCS as _REDUCE
from .tensor_shape import DOCS as _SHAPE
from .tensor_convert import DOCS as _CONVERT

DOCS = {**_MATH, **_COMPARE, **_REDUCE, **_SHAPE, **_CONVERT}

"""Docstrings kept apart from their callables, for the definitions that cannot hold one: one-line
``def``s, aliases wrapped under a second name, primitive classes built by a factory, and the Tensor
methods written as lambdas. :func:`apply` sets them at import; a callable that already has a
docstring with an ``Examples:`` block keeps its own (an alias wrapped under its own name gets
its "Alias of" docstring in place of the copy of the original's)."""
from . import ops as _ops_docs
from . import other as _other_docs
from . import primitives as _primitive_docs
from . import tensor as _tensor_docs


def _set(obj, doc):
    own = obj.__doc__ or ""
    copied = own == getattr(getattr(obj, "__wrapped__", None), "__doc__", None)  # an alias's wrapper
    if "Examples:" not in own or (copied and doc.startswith("Alias of")):
        obj.__doc__ = doc


def apply():
    """Sets the docstrings of ``mindspore.ops``, ``mindspore.nn``, ``mindspore.numpy`` and ``Tensor``."""
    from .. import nn, numpy, ops
    from .._C import Tensor

    for name, doc in list(_ops_docs.DOCS.items()) + list(_primitive_docs.DOCS.items()):
        _set(getattr(ops, name), doc)
    for name, doc in _tensor_docs.DOCS.items():
        _set(getattr(Tensor, name), doc)
    modules = {"nn": nn, "numpy": numpy}
    for qual, doc in _other_docs.DOCS.items():
        ns, _, name = qual.partition(".")
        _set(getattr(modules[ns], name), doc)

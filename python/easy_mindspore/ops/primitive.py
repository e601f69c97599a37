"""``mindspore.ops.primitive``: the module MindSpore defines ``Primitive`` in, which user code
imports its base classes and decorators from (``from mindspore.ops.primitive import Primitive,
constexpr, prim_attr_register``)."""
from .functional import constexpr
from .operations import Primitive, PrimitiveWithCheck, PrimitiveWithInfer, prim_attr_register

__all__ = ["Primitive", "PrimitiveWithCheck", "PrimitiveWithInfer", "prim_attr_register", "constexpr"]

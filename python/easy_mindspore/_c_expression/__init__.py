"""``mindspore._c_expression``: in MindSpore, its C++ extension; here the parts of it that Python
code written for MindSpore imports: ``typing`` (its type classes and type-id conversions) and
``security`` (whether this is a security build: no), and the random fills of the initializers
(``_random_normal``, ``_random_uniform``, ``_truncated_normal``, MindSpore's draws)."""
from ..common.initializer import _random_normal, _random_uniform, _truncated_normal
from . import security, typing

__all__ = ["security", "typing", "_random_normal", "_random_uniform", "_truncated_normal"]

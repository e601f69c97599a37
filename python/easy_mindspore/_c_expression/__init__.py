"""``mindspore._c_expression``: in MindSpore, its C++ extension; here the parts of it that Python
code written for MindSpore imports: ``typing`` (its type classes and type-id conversions) and
``security`` (whether this is a security build: no)."""
from . import security, typing

__all__ = ["security", "typing"]

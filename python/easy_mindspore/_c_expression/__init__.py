"""``mindspore._c_expression``: in MindSpore, its C++ extension; here the parts of it that Python
code written for MindSpore imports — so far ``typing``, its type classes and type-id
conversions."""
from . import typing

__all__ = ["typing"]

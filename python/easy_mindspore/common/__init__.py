"""``mindspore.common``: dtypes and the Tensor class."""
from . import dtype
from ..tensor import Tensor

__all__ = ["dtype", "Tensor"]

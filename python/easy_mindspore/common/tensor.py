"""``mindspore.common.tensor``: where MindSpore defines ``Tensor``."""
from ..tensor import Tensor

__all__ = ["Tensor"]

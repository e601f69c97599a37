"""``easy_mindspore.tensor``: the Tensor class (implemented in Rust, in ``easy_mindspore._C``)."""
from ._C import Tensor

__all__ = ["Tensor"]

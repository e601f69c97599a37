"""``easy_mindspore.tensor``: the Tensor class (implemented in Rust, in ``easy_mindspore._C``).

Tensors pickle and copy through ``copyreg`` (the class is a native type): a pickle holds the
values as a NumPy array of the tensor's dtype, ``copy.copy`` and ``copy.deepcopy`` give a new
tensor with the same values (so ``copy.deepcopy(model_state)`` and matplotlib's copies of its
inputs work)."""
import copyreg

from ._C import Tensor

__all__ = ["Tensor"]


def _rebuild_tensor(array):
    return Tensor(array)


def _reduce_tensor(t):
    return _rebuild_tensor, (t.asnumpy(),)


copyreg.pickle(Tensor, _reduce_tensor)

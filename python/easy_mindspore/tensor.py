"""``easy_mindspore.tensor``: the Tensor class (implemented in Rust, in ``easy_mindspore._C``).

Tensors pickle and copy through ``copyreg`` (the class is a native type): a pickle holds the
values as a NumPy array of the tensor's dtype, ``copy.copy`` and ``copy.deepcopy`` give a new
tensor with the same values (so ``copy.deepcopy(model_state)`` and matplotlib's copies of its
inputs work)."""
import copyreg

import numpy as np

from ._C import Tensor

__all__ = ["Tensor"]


def _rebuild_tensor(array, host=False):
    t = Tensor(array)
    return _host(t) if host else t


def _reduce_tensor(t):
    if t.__dict__.get("_host_repr"):
        return _rebuild_tensor, (t.asnumpy(), True)
    return _rebuild_tensor, (t.asnumpy(),)


copyreg.pickle(Tensor, _reduce_tensor)

# MindSpore prints two kinds of tensors differently. One computed by an op, or made by
# ``Tensor(array)``, prints through its own formatter (``-1.31984365e+00``, rows elided past a few).
# One that wraps host memory handed over from NumPy — a dataset iterator's output,
# ``Tensor.from_numpy``/``mindspore.from_numpy`` — prints its array as NumPy's ``repr`` would
# (``np.array2string`` with ``", "`` between items: ``-1.1090727 ,``, elided past 1000 items).
# Such handles carry ``_host_repr`` (a Python attribute; the native handle takes attributes).
_native_repr = Tensor.__repr__
_native_from_numpy = Tensor.from_numpy


def _host(t):
    """``t`` marked to print as MindSpore prints a tensor over NumPy memory; returns ``t``."""
    t._host_repr = True
    return t


def _tensor_repr(self):
    if not self.__dict__.get("_host_repr"):
        return _native_repr(self)
    try:
        arr = self.asnumpy()
    except Exception:  # noqa: BLE001 - a value NumPy cannot hold prints as any other tensor
        return _native_repr(self)
    if arr.dtype.kind not in "biufc":
        return _native_repr(self)
    body = np.array2string(arr, separator=", ")
    return f"Tensor(shape={list(self.shape)}, dtype={self.dtype}, value={chr(10) if arr.ndim > 1 else ' '}{body})"


def _from_numpy(array):
    return _host(_native_from_numpy(array))


Tensor.__repr__ = _tensor_repr
Tensor.from_numpy = staticmethod(_from_numpy)

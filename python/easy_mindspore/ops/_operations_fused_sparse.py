"""The fused sparse optimizer primitives (``FusedSparseAdam``, ``FusedSparseLazyAdam``,
``FusedSparseFtrl``, ``FusedSparseProximalAdagrad``; deprecated in MindSpore 2.8, still in 2.10):
each updates its Parameters in place from the gradient rows `grad` of the rows `indices`
(repeated rows' gradients summed), as MindSpore 2.10's CPU kernels do, measured:

- ``FusedSparseAdam`` is Adam with the summed gradient scattered into zeros: every row's moments
  decay and every row of `var` moves; with ``use_nesterov`` only the rows in `indices` move
  (the kernel's Nesterov step runs over those rows alone).
- ``FusedSparseLazyAdam`` updates the moments and `var` of the rows in `indices` only.
- ``FusedSparseFtrl`` and ``FusedSparseProximalAdagrad`` are ``SparseApplyFtrl`` and
  ``SparseApplyProximalAdagrad``.
"""
import numpy as _np

from . import functional as F
from .._C import Tensor
from ._operations_four import _REQUIRED, _attrs, _document
from ._operations_optim import (_scalar, _slots, _sparse_ftrl, _sparse_proximal_adagrad,
                                _write, sparse_rows)

__all__ = ["FusedSparseAdam", "FusedSparseLazyAdam", "FusedSparseFtrl",
           "FusedSparseProximalAdagrad"]


def _rows(op, var, grad, indices):
    """The summed gradient scattered into zeros of `var`'s shape, and a row mask ``[R, 1, ...]``
    of the rows `indices` names (checked as MindSpore checks them)."""
    rows = sparse_rows(op, var, grad, indices)
    at = Tensor(rows.reshape(-1, 1))
    dense = F.tensor_scatter_add(F.zeros_like(var), at, grad)
    mask = _np.zeros((var.shape[0],) + (1,) * (var.ndim - 1), _np.bool_)
    mask[rows] = True
    return dense, Tensor(mask)


def _fused_adam(self, var, m, v, beta1_power, beta2_power, lr, beta1, beta2, epsilon, grad,
                indices):
    op = self._OP
    params = (var, m, v)
    var_t, m_t, v_t = _slots(op, var=var, m=m, v=v)
    b1p, b2p, lr, b1, b2, eps = (_scalar(op, n, x, var_t) for n, x in (
        ("beta1_power", beta1_power), ("beta2_power", beta2_power), ("lr", lr),
        ("beta1", beta1), ("beta2", beta2), ("epsilon", epsilon)))
    g, touched = _rows(op, var_t, grad, indices)
    new_m = b1 * m_t + (1 - b1) * g
    new_v = b2 * v_t + (1 - b2) * g * g
    rate = lr * F.sqrt(1 - b2p) / (1 - b1p)
    lead = b1 * new_m + (1 - b1) * g if self.use_nesterov else new_m
    new_var = var_t - rate * lead / (F.sqrt(new_v) + eps)
    lazy = op == "FusedSparseLazyAdam"
    if lazy or self.use_nesterov:
        new_var = F.select(F.broadcast_to(touched, var_t.shape), new_var, var_t)
    if lazy:
        keep = F.broadcast_to(touched, var_t.shape)
        new_m, new_v = F.select(keep, new_m, m_t), F.select(keep, new_v, v_t)
    return _write(list(zip(params, (new_var, new_m, new_v))))


_ADAM_CALL = "(var, m, v, beta1_power, beta2_power, lr, beta1, beta2, epsilon, grad, indices)"
_CLASSES = [
    ("FusedSparseAdam", [("use_locking", False), ("use_nesterov", False)], _ADAM_CALL,
     "``Adam`` with the rows `grad` of the rows `indices` (summed when repeated) as the gradient, "
     "zero elsewhere: every row's moments decay and every row of `var` moves (with "
     "``use_nesterov`` only the rows in `indices`); returns ``(var, m, v)``.", _fused_adam),
    ("FusedSparseLazyAdam", [("use_locking", False), ("use_nesterov", False)], _ADAM_CALL,
     "``Adam`` on the rows `indices` only (repeated rows' gradients summed); returns "
     "``(var, m, v)``.", _fused_adam),
    ("FusedSparseFtrl", [("lr", _REQUIRED), ("l1", _REQUIRED), ("l2", _REQUIRED),
                         ("lr_power", _REQUIRED), ("use_locking", False)],
     "(var, accum, linear, grad, indices)",
     "``SparseApplyFtrl``; returns ``(var, accum, linear)``.", _sparse_ftrl),
    ("FusedSparseProximalAdagrad", [("use_locking", False)],
     "(var, accum, lr, l1, l2, grad, indices)",
     "``SparseApplyProximalAdagrad``; returns ``(var, accum)``.", _sparse_proximal_adagrad),
]

for _name, _attr_list, _call, _doc, _fn in _CLASSES:
    globals()[_name] = _attrs(_name, _attr_list, _call, _doc, _fn)
    globals()[_name]._OP = _name
    globals()[_name].__module__ = __name__

# One example per class (the values MindSpore 2.10's CPU kernels write for the same call).
_ROWS = ["w = ms.Parameter(ms.Tensor([[1., 2.], [3., 4.], [5., 6.]]), name='w')",
         "a = ms.Parameter(ms.Tensor(np.full((3, 2), 0.1, np.float32)), name='a')",
         "b = ms.Parameter(ms.Tensor(np.full((3, 2), 0.2, np.float32)), name='b')",
         "g = ms.Tensor([[0.1, 0.2], [0.3, -0.4], [0.5, 0.5]])",
         "i = ms.Tensor([0, 2, 0], ms.int32)"]
_EXAMPLES = {
    "FusedSparseAdam": (_ROWS, "ops.FusedSparseAdam()(w, a, b, 0.9, 0.999, 0.01, 0.9, 0.999, 1e-8, "
                               "g, i)[0].asnumpy().round(5)",
                        "[[0.99894 1.99887]\n [2.99936 3.99936]\n [4.99915 5.99965]]"),
    "FusedSparseLazyAdam": (_ROWS, "ops.FusedSparseLazyAdam()(w, a, b, 0.9, 0.999, 0.01, 0.9, 0.999, "
                                   "1e-8, g, i)[0].asnumpy().round(5)",
                            "[[0.99894 1.99887]\n [3.      4.     ]\n [4.99915 5.99965]]"),
    "FusedSparseFtrl": (_ROWS, "ops.FusedSparseFtrl(0.1, 0.01, 0.02, -0.5)(w, a, b, g, i)[1]"
                               ".asnumpy().round(5)",
                        "[[0.46 0.59]\n [0.1  0.1 ]\n [0.19 0.26]]"),
    "FusedSparseProximalAdagrad": (_ROWS, "ops.FusedSparseProximalAdagrad()(w, a, ms.Tensor(0.1), "
                                          "ms.Tensor(0.01), ms.Tensor(0.02), g, i)[0].asnumpy().round(5)",
                                   "[[0.90738 1.90261]\n [3.      4.     ]\n [4.90637 6.05274]]"),
}

for _name in __all__:
    _document(globals()[_name], _EXAMPLES)

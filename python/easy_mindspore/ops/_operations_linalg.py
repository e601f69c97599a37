"""``mindspore.ops.operations``' Householder QR primitive classes (re-exported by ``operations``):
``Geqrf``, ``Orgqr`` and ``Ormqr`` over ``ops.geqrf``, ``ops.orgqr`` and ``ops.ormqr``, and
``Eig(compute_v=False)`` over ``ops.eigvals`` (``ops.eig`` with ``compute_v``), with
MindSpore 2.10's constructors (``Ormqr(left=True, transpose=False)``, its flags checked to be
bools when it is built, as MindSpore's; the other two take nothing). Values are MindSpore 2.10's
where its CPU kernels run (``Geqrf`` of real matrices, ``Orgqr``); ``Ormqr`` has no CPU kernel
there, and gives the documented product (equal to the GPU output printed in its docs)."""
from .._errors import checking_flags
from ._operations_four import _attrs, _document
from .function import _eig_func as _eig
from .function import _householder_func as _qr

__all__ = ["Geqrf", "Orgqr", "Ormqr", "Eig"]

Geqrf = _attrs("Geqrf", [], "(x)", "``(y, tau)``, the Householder QR factorisation of each matrix "
               "in LAPACK's packed form (``ops.geqrf``).", lambda s, x: _qr.geqrf(x))
Orgqr = _attrs("Orgqr", [], "(x, tau)", "the first ``n`` columns of the product of the Householder "
               "reflectors packed in `x` and `tau` (``ops.orgqr``).", lambda s, x, tau: _qr.orgqr(x, tau))
Ormqr = _attrs("Ormqr", [("left", True), ("transpose", False)], "(x, tau, other)",
               "`other` multiplied by the ``Q`` (``Qᴴ`` with `transpose`) of the Householder "
               "reflectors packed in `x` and `tau`, from the left (or the right) (``ops.ormqr``).",
               lambda s, x, tau, other: _qr.ormqr(x, tau, other, s.left, s.transpose))
Ormqr.__init__ = checking_flags(Ormqr.__init__, ("left", "transpose"))
Eig = _attrs("Eig", [("compute_v", False)], "(x)", "the eigenvalues ``w`` of each square matrix in "
             "ascending magnitude, and with `compute_v` also its unit eigenvectors: ``(w, v)`` "
             "(``ops.eigvals``, ``ops.eig``).",
             lambda s, x: _eig.eig(x) if s.compute_v else _eig.eigvals(x))
Eig.__init__ = checking_flags(Eig.__init__, ("compute_v",))

# One example per class: setup lines, the call and what it prints (MindSpore 2.10 on CPU prints the
# same digits for ``Geqrf`` and ``Orgqr``; ``Ormqr``'s value is the GPU one of MindSpore's docs).
_X = ["x = ms.Tensor([[-2.0, -1.0], [1.0, 2.0]])", "y, tau = ops.Geqrf()(x)"]
_EXAMPLES = {
    "Geqrf": (_X, "tau", "[1.8944272 0.       ]"),
    "Orgqr": (_X, "ops.Orgqr()(y, tau)", "[[-0.8944272  0.4472136]\n [ 0.4472136  0.8944272]]"),
    "Ormqr": (_X, "ops.Ormqr(left=False)(y, tau, ms.Tensor([[1.0, 0.0]]))", "[[-0.8944272  0.4472136]]"),
    "Eig": (["x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)"], "ops.Eig()(x)",
            "[-0.37228122+0.j  5.372281  +0.j]"),
}

for _name in __all__:
    _document(globals()[_name], _EXAMPLES)

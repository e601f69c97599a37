"""``mindspore.ops``' eigendecomposition of general square matrices (re-exported by
``linalg_func``): ``eig`` (eigenvalues and eigenvectors) and ``eigvals`` (eigenvalues alone).

Both run the engine's ``Eig`` primitive: the algorithm of Eigen's ``ComplexEigenSolver``, which
MindSpore 2.10's CPU kernel runs (Householder reduction to Hessenberg form, shifted complex QR to
the Schur form, back substitution), in Complex128, so the eigenvalues come in its order —
ascending magnitude, the first of equal magnitudes first — and the eigenvectors (unit 2-norm,
columns of ``v``) with its phases. MindSpore computes Float32/Complex64 inputs in single
precision, here they are computed in double and rounded: the last digits may differ, and where
single-precision rounding flips a sign in MindSpore's reduction, an eigenvector of MindSpore's
can be this one times -1.

MindSpore 2.10's rules, as measured: Float32, Float64, Complex64 and Complex128 inputs, results
Complex64 for the single-precision ones and Complex128 for the others; matrices ``[..., n, n]``
batched over leading axes (a ValueError for non-square ones, a TypeError for other dtypes).
MindSpore has no gradient for ``Eig`` (``grad`` raises); here both are differentiable where the
eigenvalues differ in magnitude (the order by magnitude is not differentiable where two tie: a
real matrix's complex pairs do) — the rules are PyTorch's, see the engine's
``prim/eig_rules.rs`` (a loss that depends on eigenvector phases gets the derivative of the gauge
in which ``Im diag(vᴴ dv) = 0``)."""
from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype

__all__ = ["eig", "eigvals"]

_EIG_DTYPES = (mstype.float32, mstype.float64, mstype.complex64, mstype.complex128)


def _square(op, a):
    """`a` checked: a Tensor of one of ``_EIG_DTYPES`` holding square matrices."""
    if not isinstance(a, Tensor):
        raise DTypeError(f"For '{op}', 'A' must be a Tensor, but got {type(a).__name__}.")
    if a.dtype not in _EIG_DTYPES:
        raise DTypeError(f"For '{op}', the dtype of 'A' must be one of "
                         f"{[str(d) for d in _EIG_DTYPES]}, but got {a.dtype}.")
    if a.ndim < 2 or a.shape[-1] != a.shape[-2]:
        raise ShapeError(f"For '{op}', 'A' must be square matrices [..., n, n], but got shape "
                         f"{list(a.shape)}.")
    return a


def eig(A):  # noqa: N803 - MindSpore's argument name
    """Computes the eigenvalues and right eigenvectors of each square matrix of `A`:
    ``A @ v = v @ diag(w)``.

    Args:
        A (Tensor): matrices ``[..., n, n]``, Float32, Float64, Complex64 or Complex128.

    Returns:
        tuple(Tensor, Tensor), ``(w, v)``: the eigenvalues ``[..., n]`` in ascending magnitude
        and the unit eigenvectors as the columns of ``v`` (``[..., n, n]``), Complex64 for a
        Float32/Complex64 `A`, else Complex128. Differentiable where the eigenvalues differ in
        magnitude.

    Raises:
        TypeError: `A` is not a Tensor of a supported dtype.
        ValueError: `A` is not square matrices.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> w, v = ops.eig(ms.Tensor([[1.0, 0.0], [0.0, 2.0]], ms.float32))
        >>> print(w)
        [1.+0.j 2.+0.j]
        >>> print(v)
        [[1.+0.j 0.+0.j]
         [0.+0.j 1.+0.j]]
    """
    w, v = _C.eig(_square("eig", A), True)
    return w, v


def eigvals(A):  # noqa: N803 - MindSpore's argument name
    """Computes the eigenvalues of each square matrix of `A` (the ``w`` of :func:`eig`).

    Args:
        A (Tensor): matrices ``[..., n, n]``, Float32, Float64, Complex64 or Complex128.

    Returns:
        Tensor ``[..., n]``, in ascending magnitude; Complex64 for a Float32/Complex64 `A`, else
        Complex128.

    Raises:
        TypeError: `A` is not a Tensor of a supported dtype.
        ValueError: `A` is not square matrices.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.eigvals(ms.Tensor([[1.0, 2.0], [3.0, 4.0]], ms.float32)))
        [-0.37228122+0.j  5.372281  +0.j]
    """
    return _C.eig(_square("eigvals", A), False)[0]


def _eigvals_method(self):
    """The eigenvalues of each square matrix of this tensor (see :func:`ops.eigvals`; MindSpore
    2.10's method calls the function without the tensor and fails).

    Returns:
        Tensor ``[..., n]``, complex, in ascending magnitude.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([[2.0, 0.0], [0.0, -1.0]]).eigvals())
        [-1.+0.j  2.+0.j]
    """
    return eigvals(self)


TENSOR_METHODS = {"eigvals": _eigvals_method}

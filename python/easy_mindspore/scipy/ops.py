"""``mindspore.scipy.ops``: the primitive-style callables behind ``mindspore.scipy``:
``SolveTriangular``, ``Eig`` and ``LinearSumAssignment``, each an object made with its options
and called with tensors, returning what MindSpore 2.10's returns (measured there)."""
from .. import ops as _ops
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from .linalg import solve_triangular
from .optimize import linear_sum_assignment

__all__ = ["SolveTriangular", "Eig", "LinearSumAssignment"]


class SolveTriangular:
    """Solves ``a·x = b`` for a triangular `a`: ``SolveTriangular(lower, unit_diagonal,
    trans)(a, b)`` is :func:`mindspore.scipy.linalg.solve_triangular` with those options.

    Args:
        lower (bool, optional): Use the lower triangle of `a`. Default: ``False``.
        unit_diagonal (bool, optional): Take `a`'s diagonal as ones. Default: ``False``.
        trans (str, optional): ``'N'`` (``a·x = b``), ``'T'`` (``aᵀ·x = b``) or ``'C'``
            (``aᴴ·x = b``). Default: ``'N'``.

    Inputs:
        - **a** (Tensor) - ``(..., N, N)``.
        - **b** (Tensor) - ``(..., N)`` or ``(..., N, K)``.

    Outputs:
        Tensor, of `b`'s shape.

    Raises:
        ValueError: `trans` not one of the three; shapes that do not fit.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.ops import SolveTriangular
        >>> solve = SolveTriangular(lower=True)
        >>> print(solve(ms.Tensor([[2., 0.], [1., 4.]]), ms.Tensor([2., 9.])))
        [1. 2.]
    """

    def __init__(self, lower=False, unit_diagonal=False, trans="N"):
        if trans not in ("N", "T", "C"):
            raise ShapeError(f"For 'SolveTriangular', 'trans' must be 'N', 'T' or 'C', but got "
                             f"{trans!r}.")
        self.lower = lower
        self.unit_diagonal = unit_diagonal
        self.trans = {"N": 0, "T": 1, "C": 2}[trans]

    def __call__(self, a, b):
        return solve_triangular(a, b, self.trans, self.lower, self.unit_diagonal)


_EIG_OUT = {mstype.float32: mstype.complex64, mstype.complex64: mstype.complex64,
            mstype.float64: mstype.complex128, mstype.complex128: mstype.complex128}


class Eig:
    """The eigenvalues (and right eigenvectors) of general square matrices: ``Eig(compute_v)(a)``
    returns ``(w, v)`` with ``a·v = v·diag(w)``, complex (Complex64 for Float32/Complex64 input,
    Complex128 for Float64/Complex128). With ``compute_v=False`` it still returns a pair, as
    MindSpore's primitive does: ``(w, 0-D zero)``.

    Args:
        compute_v (bool, optional): Whether the eigenvectors are computed. Default: ``True``.

    Inputs:
        - **a** (Tensor) - ``(..., N, N)``, Float32, Float64, Complex64 or Complex128.

    Outputs:
        tuple, ``(w, v)``: ``w`` of shape ``(..., N)``, ``v`` of `a`'s shape (a 0-D zero
        without `compute_v`).

    Raises:
        TypeError: `compute_v` not a bool; `a` not a Tensor of those dtypes.
        ValueError: `a` of rank below 2 or not square.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.ops import Eig
        >>> w, _ = Eig(False)(ms.Tensor([[2., 0.], [0., 3.]]))
        >>> print(w)
        [2.+0.j 3.+0.j]
    """

    def __init__(self, compute_v=True):
        if not isinstance(compute_v, bool):
            raise DTypeError(f"For 'Eig', the 'compute_v' must be bool, but got {type(compute_v)}.")
        self.compute_v = compute_v

    def __call__(self, a):
        if not isinstance(a, Tensor):
            raise DTypeError(f"For 'Eig', the input 'a' must be a Tensor, but got {type(a)}.")
        out = _EIG_OUT.get(a.dtype)
        if out is None:
            raise DTypeError(f"For 'Eig', the input argument 'a' must be a type of "
                             f"{{Tensor[Complex128], Tensor[Complex64], Tensor[Float32], "
                             f"Tensor[Float64]}}, but got Tensor[{a.dtype}].")
        if a.ndim < 2:
            raise ShapeError(f"For 'Eig', 'a' should be at least 2-D, but got a {a.ndim}-D Tensor.")
        if a.shape[-1] != a.shape[-2]:
            raise ShapeError(f"For 'Eig', 'a' must be square matrices (..., N, N), but got "
                             f"{tuple(a.shape)}.")
        if self.compute_v:
            w, v = _ops.eig(a)
            return w.astype(out), v.astype(out)
        return _ops.eigvals(a).astype(out), Tensor(0, out)


class LinearSumAssignment:
    """The linear sum assignment: ``LinearSumAssignment()(cost_matrix, dimension_limit,
    maximize)`` is :func:`mindspore.scipy.optimize.linear_sum_assignment` (note the order of
    the inputs, MindSpore's primitive's).

    Inputs:
        - **cost_matrix** (Tensor) - ``(M, N)``.
        - **dimension_limit** (Tensor) - 0-D integer: only the first columns count.
        - **maximize** (bool) - Maximise the total cost instead.

    Outputs:
        tuple, ``(row_idx, col_idx)``: Int64, ``min(M, N)`` each, padded with -1.

    Raises:
        TypeError: `cost_matrix` not a Tensor, `maximize` not a bool.
        ValueError: `cost_matrix` not 2-D.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.ops import LinearSumAssignment
        >>> cost = ms.Tensor([[2., 3., 3.], [3., 2., 3.], [3., 3., 2.]])
        >>> rows, cols = LinearSumAssignment()(cost, ms.Tensor(2), False)
        >>> print(rows, cols)
        [ 0  1 -1] [ 0  1 -1]
    """

    def __call__(self, cost_matrix, dimension_limit, maximize):
        return linear_sum_assignment(cost_matrix, maximize, dimension_limit)

"""``mindspore.ops`` functions built on the singular value decomposition: ``svd`` (the engine's
``Svd`` primitive: one-sided Jacobi in Float64 or Complex128, ``s``, ``u`` and ``v`` from one
run, each differentiable, batched over leading axes), ``pinv``, ``cond``, ``matrix_norm`` and the
SVD matrix norms (``ord`` 2, -2, ``'nuc'``) of ``ops.norm``.

MindSpore 2.10's rules, as measured: ``svd`` returns ``(s, u, v)`` (``v``, not ``vᴴ``) and takes
Float32/Float64/Complex64/Complex128, ``s`` in the input's dtype (real values ``+0j`` for a
complex input); the SVD norms are computed in Float32 whatever the input's dtype (integers
included; a complex input loses its imaginary part, as there) and give Float32; ``pinv`` takes
Float32/Float64 only, with ``rtol = max(shape) · ε`` by default; ``cond`` is ``‖A‖·‖A⁻¹‖``
(``p=None`` is 2) and gives Float32 for batches. Singular vectors are unique only up to a sign
(a phase, for complex matrices) per column: here the largest-magnitude entry of each column of
``u`` is real and positive, where LAPACK (NumPy, MindSpore) fixes no rule, so ``u``/``v`` may
differ from theirs by column signs (phases) while ``u @ diag(s) @ vᴴ`` and every norm agree.
Gradients through ``u``/``v`` of a complex input are exact for losses that do not depend on
those phases (``s``, ``u @ diag(s) @ vᴴ``, ``|u|``, ``u[:, j] vᴴ[j]``); for a phase-dependent
loss they are those of the gauge in which ``Im diag(vᴴ dv) = 0`` (PyTorch's choice), see the
engine's ``prim/svd_rules.rs``."""
from ... import _C
from ..._C import Tensor
from ..._errors import ComputeError, DTypeError, ShapeError
from ...common import dtype as mstype

__all__ = ["svd", "pinv", "cond", "matrix_norm"]

_SVD_DTYPES = (mstype.float32, mstype.float64, mstype.complex64, mstype.complex128)
_PINV_DTYPES = (mstype.float32, mstype.float64)
_MATRIX_ORDS = "[2, -2, 1, -1, float('inf'), float('-inf'), 'fro', 'nuc']"


def _is_bool(x):
    return isinstance(x, bool)


def _show(v):
    """``v`` for an error message: its repr when it is a number, a string or a short flat
    sequence of them, else its type (a repr of a nested list can exhaust the recursion limit)."""
    simple = (int, float, str, type(None))
    if isinstance(v, simple) or (isinstance(v, (tuple, list)) and len(v) <= 8
                                 and all(isinstance(e, simple) for e in v)):
        return repr(v)
    return type(v).__name__


def svd(input, full_matrices=False, compute_uv=True):  # noqa: A002 - MindSpore's argument name
    """Computes the singular value decomposition ``input = u @ diag(s) @ vᴴ`` of each matrix of
    ``input``.

    Args:
        input (Tensor): matrices ``[..., m, n]``, Float32, Float64, Complex64 or Complex128, not
            empty.
        full_matrices (bool, optional): Whether ``u`` and ``v`` are complete (``[..., m, m]``,
            ``[..., n, n]``) instead of reduced (``[..., m, k]``, ``[..., n, k]``,
            ``k = min(m, n)``). Default: ``False``.
        compute_uv (bool, optional): Whether ``u`` and ``v`` are returned too. Default: ``True``.

    Returns:
        tuple(Tensor, Tensor, Tensor), ``(s, u, v)`` in ``input``'s dtype, ``s`` (``[..., k]``)
        descending (real numbers, ``+0j`` for a complex input); only ``s`` when ``compute_uv``
        is False. Each is differentiable (the extra columns of complete factors carry no
        derivative; see the module note on complex phases).

    Raises:
        TypeError: ``input`` is not a Float32/Float64/Complex64/Complex128 Tensor, or a flag is
            not a bool.
        ValueError: ``input`` has fewer than 2 dims.
        RuntimeError: ``input`` is empty.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> s, u, v = ops.svd(ms.Tensor([[3.0, 0.0], [0.0, -4.0]], ms.float64))
        >>> print(s)
        [4. 3.]
        >>> print(u @ ops.diag(s) @ v.T)
        [[ 3.  0.]
         [ 0. -4.]]
        >>> print(ops.svd(ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]), compute_uv=False))
        [9.508032   0.77286965]
        >>> print(ops.svd(ms.Tensor([[3j, 0], [0, -4]], ms.complex64), compute_uv=False))
        [4.+0.j 3.+0.j]
    """
    if not isinstance(input, Tensor):
        raise DTypeError(f"For 'Svd', the input must be a Tensor, but got {type(input).__name__}.")
    for name, flag in (("full_matrices", full_matrices), ("compute_uv", compute_uv)):
        if not _is_bool(flag):
            raise DTypeError(f"For 'Svd', '{name}' must be a bool, but got {type(flag).__name__}.")
    if input.dtype not in _SVD_DTYPES:
        raise DTypeError(f"For 'Svd', the dtype of 'input' must be in (float32, float64, complex64, "
                         f"complex128), but got {input.dtype}.")
    if input.ndim < 2:
        raise ShapeError(f"For 'Svd', the rank of 'input' must be greater than or equal to 2, but "
                         f"got shape {tuple(input.shape)}.")
    if input.size == 0:
        raise ComputeError(f"For 'Svd', the input can not be an empty tensor, but got shape "
                           f"{tuple(input.shape)}.")
    if not compute_uv:
        return _complex_s(_C.svdvals(input), input)
    s, u, v = _C.svd(input, full_matrices)
    return _complex_s(s, input), u, v


def _complex_s(s, like):
    """The singular values in ``like``'s dtype (MindSpore gives them complex for a complex input)."""
    return s.astype(like.dtype) if s.dtype != like.dtype else s


def _svd_method(self, full_matrices=False, compute_uv=True):
    """The singular value decomposition of each matrix of this tensor (see :func:`ops.svd`).

    Args:
        full_matrices (bool, optional): Complete ``u``/``v`` instead of reduced. Default: ``False``.
        compute_uv (bool, optional): Whether ``u`` and ``v`` are returned too. Default: ``True``.

    Returns:
        tuple(Tensor, Tensor, Tensor), ``(s, u, v)``; only ``s`` when ``compute_uv`` is False.

    Examples:
        >>> from easy_mindspore import Tensor
        >>> print(Tensor([[0.0, 2.0], [1.0, 0.0]]).svd(compute_uv=False))
        [2. 1.]
    """
    return svd(self, full_matrices, compute_uv)


def _matrix_dims(op, ndim, dim):
    """The two non-negative matrix dims of ``dim`` (a pair of ints) for a tensor of ``ndim`` dims."""
    if not isinstance(dim, (tuple, list)) or len(dim) != 2:
        n = len(dim) if isinstance(dim, (tuple, list)) else dim
        raise ShapeError(f"For '{op}', the length of axis should be 2, but got {n}.")
    out = []
    for d in dim:
        if _is_bool(d) or not isinstance(d, int):
            raise DTypeError(f"For '{op}', the axis must be a pair of ints, but got {_show(dim)}.")
        if not -ndim <= d < ndim:
            raise ShapeError(f"For '{op}', the axis {_show(dim)} is out of range for a tensor of "
                             f"{ndim} dims.")
        out.append(d % ndim)
    if out[0] == out[1]:
        raise ShapeError(f"For '{op}', the elements of axis can not be duplicate, but got {_show(dim)}.")
    return out


def svd_norm(op, A, ord, dim, keepdim):  # noqa: A002
    """The matrix norm ``ord`` (2: the largest singular value, -2: the smallest, ``'nuc'``: their
    sum) of ``A`` over the two dims ``dim``, in Float32 as MindSpore 2.10 computes it."""
    d0, d1 = _matrix_dims(op, A.ndim, dim)
    x = A if A.dtype == mstype.float32 else A.astype(mstype.float32)
    rest = [i for i in range(A.ndim) if i not in (d0, d1)]
    s = _C.svdvals(x.transpose(tuple(rest + [d0, d1])))
    if ord == "nuc":
        r = s.sum(-1)
    elif ord == 2:
        r = s.amax(-1)
    else:
        r = s.amin(-1)
    if keepdim:
        for d in sorted((d0, d1)):
            r = r.expand_dims(d)
    return r


def is_svd_ord(ord):  # noqa: A002
    """Whether ``ord`` is one of the matrix norms computed from singular values."""
    return (isinstance(ord, str) and ord == "nuc") or (
        not _is_bool(ord) and isinstance(ord, (int, float)) and ord in (2, -2))


def matrix_norm(A, ord="fro", axis=(-2, -1), keepdims=False, *, dtype=None):  # noqa: A002,N803
    """Computes the matrix norm of ``A`` over the two dims ``axis``.

    Args:
        A (Tensor): The input, at least 2-D.
        ord (Union[int, float, str], optional): ``'fro'`` (Frobenius), ``'nuc'`` (the sum of the
            singular values), 2 / -2 (the largest / smallest singular value), 1 / -1 (the
            largest / smallest column sum of magnitudes), ``inf`` / ``-inf`` (row sums).
            Default: ``'fro'``.
        axis (tuple(int), optional): The two matrix dims. Default: ``(-2, -1)``.
        keepdims (bool, optional): Whether the reduced dims are kept with size 1. Default:
            ``False``.
        dtype (mindspore.dtype, optional): ``A`` is cast to it first. Default: ``None``.

    Returns:
        Tensor. The singular-value norms are Float32 (as MindSpore 2.10 computes them).

    Raises:
        ValueError: ``ord`` is not one of the above, ``axis`` is not two distinct dims of ``A``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> a = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
        >>> print(ops.matrix_norm(a), ops.matrix_norm(a, 'nuc'), ops.matrix_norm(a, 2))
        9.539392 10.280902 9.508032
    """
    if not isinstance(A, Tensor):
        raise DTypeError(f"For 'matrix_norm', A must be a Tensor, but got {type(A).__name__}.")
    valid = is_svd_ord(ord) or ord == "fro" or (
        not _is_bool(ord) and isinstance(ord, (int, float)) and ord in (1, -1, float("inf"), float("-inf")))
    if not valid:
        raise ShapeError(f"For 'matrix_norm', the ord mode must be in {_MATRIX_ORDS} but got {_show(ord)}.")
    if dtype is not None:
        A = A.astype(dtype)
    if A.ndim < 2:
        raise ShapeError(f"For 'matrix_norm', A must have at least 2 dims, but got shape {tuple(A.shape)}.")
    dims = tuple(_matrix_dims("matrix_norm", A.ndim, axis))
    if is_svd_ord(ord):
        return svd_norm("matrix_norm", A, ord, dims, keepdims)
    from .. import functional
    return functional.norm(A, ord, dims, keepdims)


def pinv(x, *, atol=None, rtol=None, hermitian=False):
    """Computes the Moore–Penrose pseudo-inverse of each matrix of ``x`` from its SVD: singular
    values above ``max(atol, rtol · s_max)`` are inverted, the others dropped.

    Args:
        x (Tensor): matrices ``[..., m, n]``, Float32 or Float64.
        atol (Union[float, Tensor], optional): The absolute threshold. Default: ``None`` (0).
        rtol (Union[float, Tensor], optional): The relative threshold. Default: ``None``
            (``max(x.shape) · ε`` of ``x``'s dtype when ``atol`` is None, else 0).
        hermitian (bool, optional): Whether ``x`` is symmetric (the same SVD path here: the
            pseudo-inverse is unique). Default: ``False``.

    Returns:
        Tensor ``[..., n, m]`` in ``x``'s dtype.

    Raises:
        TypeError: ``x`` is not a Float32/Float64 Tensor of at least 1 dim, or ``hermitian`` is
            not a bool.
        ValueError: ``x`` has fewer than 2 dims.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.pinv(ms.Tensor([[4.0, 0.0], [0.0, 5.0]])))
        [[0.25 0.  ]
         [0.   0.2 ]]
        >>> print(ops.pinv(ms.Tensor([[1.0, 2.0], [2.0, 4.0]])))
        [[0.04       0.08000001]
         [0.08000001 0.16000001]]
    """
    if not isinstance(x, Tensor):
        raise DTypeError(f"For 'pinv', the input x must be a Tensor, but got {type(x).__name__}.")
    if x.ndim == 0:
        raise DTypeError("For 'pinv', the 0-D input is not supported.")
    if x.ndim < 2:
        raise ShapeError(f"For 'pinv', input x should have 2 or more dimensions, but got {x.ndim}.")
    if x.dtype not in _PINV_DTYPES:
        raise DTypeError(f"For 'pinv', the 'x' should be one of [mindspore.float32, mindspore.float64], "
                         f"but got '{x.dtype}'.")
    if not _is_bool(hermitian):
        raise DTypeError(f"For 'pinv', the type of 'hermitian' should be 'bool', but got type "
                         f"'{type(hermitian).__name__}'.")
    if atol is None:
        atol = 0.0
        if rtol is None:
            rtol = max(x.shape) * _eps(x.dtype)
    elif rtol is None:
        rtol = 0.0
    s, u, v = _C.svd(x, False)
    s_max = s[..., :1]
    threshold = _as(atol, s).expand_dims(-1).maximum(_as(rtol, s).expand_dims(-1) * s_max)
    keep = s > threshold
    safe = _C.where_(keep, s, Tensor(1.0, s.dtype))
    s_inv = _C.where_(keep, 1.0 / safe, Tensor(0.0, s.dtype))
    return (v * s_inv.expand_dims(-2)) @ u.swapaxes(-1, -2)


def _eps(dtype):
    return 2.0 ** -23 if dtype == mstype.float32 else 2.0 ** -52


def _as(t, like):
    """``t`` (a number or a Tensor) as a Tensor of ``like``'s dtype."""
    if isinstance(t, Tensor):
        return t.astype(like.dtype)
    return Tensor(float(t), like.dtype)


def cond(A, p=None):  # noqa: N803 - MindSpore's argument name
    """Computes the condition number ``‖A‖_p · ‖A⁻¹‖_p`` of each square matrix of ``A``.

    Args:
        A (Tensor): matrices ``[..., n, n]`` (``n >= 2``), Float32 or Float64.
        p (Union[int, float, str], optional): The matrix norm (see :func:`matrix_norm`); None is
            the 2-norm, ``s_max / s_min``. Default: ``None``.

    Returns:
        Tensor of shape ``A.shape[:-2]``: Float32 for the singular-value norms and for batches
        (as MindSpore 2.10), else ``A``'s dtype.

    Raises:
        ValueError: ``A`` is not a batch of square matrices, or ``p`` is not a matrix norm.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 0.0, -1.0], [0.0, 1.0, 0.0], [1.0, 0.0, 1.0]])
        >>> print(ops.cond(x), ops.cond(x, 'fro'))
        1.4142135 3.1622777
    """
    from .. import functional
    from .linalg_func import inverse
    if p is None:
        p = 2
    inv = inverse(A)
    dims = (-2, -1)
    out = functional.norm(A, p, dims) * functional.norm(inv, p, dims)
    return out.astype(mstype.float32) if A.ndim >= 3 else out


TENSOR_METHODS = {"svd": _svd_method}

"""``mindspore.ops``' Householder QR family (re-exported by ``linalg_func``): ``geqrf`` (the
factorisation in LAPACK's packed form), ``orgqr`` (its ``Q``) and ``ormqr`` (a product with
``Q``), plus the Tensor methods ``geqrf``, ``orgqr``, ``ormqr`` and ``triangular_solve``.

Each is a loop over the columns (reflectors) with tensor ops (slices, ``cat``, ``matmul``,
``where``), batched over leading axes and computed in Float64 (Complex128), rounded once to the
input's dtype; so each is differentiable, where MindSpore 2.10 has no bprop for ``Geqrf`` or
``Orgqr`` (``ms.grad`` raises) and no CPU kernel for ``Ormqr``. The reflectors are LAPACK's
(``xGEQRF``/``xLARFG``): ``H = I - τ·v·vᴴ`` with ``v[0] = 1``, ``R``'s diagonal
``β = -sign(Re α)·‖x‖`` (real, for complex inputs too), and ``τ = 0`` (no reflection) where the
column below the diagonal is zero and ``α`` is real, so ``y``/``tau`` equal MindSpore's and
LAPACK's. ``geqrf`` is not differentiable where a column's sub-diagonal part vanishes (LAPACK's
sign rule jumps there); the gradient given there is that of ``τ = 0``.

MindSpore 2.10's rules, as measured on its CPU build: ``geqrf`` takes Float16/Float32/Float64
(its CPU kernel has no complex one; the complex factorisation here is LAPACK's ``zgeqrf``, the
documented semantics), ``orgqr``/``ormqr`` Float32/Float64/Complex64/Complex128 with ``tau`` of
``input``'s dtype; ``orgqr`` needs ``m ≥ n ≥ k``. Its CPU ``geqrf`` of an empty matrix kills
the process (SIGFPE); here it is the empty factorisation."""
from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype

__all__ = ["geqrf", "orgqr", "ormqr"]

_QR_DTYPES = (mstype.float32, mstype.float64, mstype.complex64, mstype.complex128)
_GEQRF_DTYPES = (mstype.float16,) + _QR_DTYPES
_WIDE = {mstype.float16: mstype.float64, mstype.float32: mstype.float64,
         mstype.complex64: mstype.complex128}


def _matrices(op, name, x, dtypes, rank=2):
    """`x` checked: a Tensor of one of `dtypes` with at least `rank` axes."""
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', '{name}' must be a Tensor, but got {type(x).__name__}.")
    if x.dtype not in dtypes:
        raise DTypeError(f"For '{op}', '{name}' must have a dtype in {[str(d) for d in dtypes]}, "
                         f"but got {x.dtype}.")
    if x.ndim < rank:
        raise ShapeError(f"For '{op}', the rank of '{name}' must be at least {rank}, but got shape "
                         f"{list(x.shape)}.")
    return x


def _reflectors(op, x, tau):
    """`x` (``[..., m, n]``) and `tau` (``[..., k]``) checked as the packed reflectors of
    :func:`geqrf`: one dtype, the same batch axes."""
    _matrices(op, "input", x, _QR_DTYPES)
    _matrices(op, "tau", tau, _QR_DTYPES, rank=1)
    if tau.dtype != x.dtype:
        raise DTypeError(f"For '{op}', 'tau' must have the dtype of 'input' {x.dtype}, but got "
                         f"{tau.dtype}.")
    if tau.ndim != x.ndim - 1 or tau.shape[:-1] != x.shape[:-2]:
        raise ShapeError(f"For '{op}', 'tau' must have the batch shape of 'input' and one axis "
                         f"less, but got 'input' {list(x.shape)} and 'tau' {list(tau.shape)}.")
    if tau.shape[-1] > x.shape[-1]:
        raise ShapeError(f"For '{op}', 'tau' must have at most one reflector per column of 'input' "
                         f"({x.shape[-1]}), but got {tau.shape[-1]}.")


def _flag(op, name, v):
    if not isinstance(v, bool):
        raise DTypeError(f"For '{op}', '{name}' must be a bool, but got {type(v).__name__}.")
    return v


def _wide(x):
    return x.astype(_WIDE.get(x.dtype, x.dtype))


def _parts(x):
    """``(Re x, Im x)`` of a real or complex tensor."""
    if x.dtype in (mstype.complex64, mstype.complex128):
        return x.real(), x.imag()
    return x, _C.full(x.shape, 0, x.dtype)


def _reflector(x):
    """``(β, v, τ)`` of LAPACK's ``xLARFG`` for the columns ``x`` (``[..., p]``): the reflector
    ``H = I - τ·v·vᴴ`` (``v[0] = 1``) with ``Hᴴ·x = β·e₁``, ``β`` real."""
    alpha, below = x[..., 0], x[..., 1:]
    re, im = _parts(alpha)
    below_re, below_im = _parts(below)
    below_sq = (below_re * below_re + below_im * below_im).sum(-1)
    keep = (below_sq == 0) & (im == 0)  # nothing to reflect: LAPACK's τ = 0, the column unchanged
    # The `where`s keep the unused branch finite, so no NaN reaches the gradient through it.
    norm = _C.where_(keep, 1.0, re * re + im * im + below_sq).sqrt()
    # β = -sign(Re α)·‖x‖ with Fortran's SIGN, which reads the sign bit (-0.0 gives +‖x‖).
    beta = _C.where_(keep, re, _C.where_(re.signbit(), norm, -norm)).astype(x.dtype)
    one = _C.full(alpha.shape, 1, alpha.dtype)
    tau = _C.where_(keep, 0.0, one - alpha / _C.where_(keep, one, beta))
    scale = one / _C.where_(keep, one, alpha - beta)
    v = _C.concat([one.unsqueeze(-1), below * scale.unsqueeze(-1)], -1)
    return beta, v, tau


def _reflect(v, tau, c):
    """``(I - τ·v·vᴴ)·c`` for a batch of vectors ``v`` ``[..., m]`` and matrices ``c``
    ``[..., m, p]``."""
    v = v.unsqueeze(-1)
    return c - tau.unsqueeze(-1).unsqueeze(-1) * _C.matmul(v, _C.matmul(v.conj().swapaxes(-1, -2), c))


def _apply_q(y, tau, c, adjoint):
    """``Q·c`` (``Qᴴ·c`` with `adjoint`) for ``Q = H₁⋯H_k`` packed in ``y`` and ``tau``."""
    m, k = y.shape[-2], tau.shape[-1]
    vectors = y[..., :, :k].tril(-1) + _C.eye(m, k, y.dtype)
    steps = range(k) if adjoint else range(k - 1, -1, -1)
    for i in steps:  # Qᴴ·c = H_kᴴ⋯H₁ᴴ·c applies H₁ᴴ first; Q·c applies H_k first
        t = tau[..., i]
        c = _reflect(vectors[..., :, i], t.conj() if adjoint else t, c)
    return c


def geqrf(input):  # noqa: A002 - MindSpore's argument name
    """The Householder QR factorisation ``A = Q·R`` of each matrix of `input`, in LAPACK's
    packed form.

    ``Q = H₁·H₂⋯H_k`` (``k = min(m, n)``) with ``H_i = I - tau_i·v_i·v_iᴴ``, where ``v_i`` is
    zero above row ``i``, one at row ``i`` and column ``i`` of ``y`` below it.

    Args:
        input (Tensor): Matrices ``[..., m, n]``, Float16, Float32, Float64, Complex64 or
            Complex128.

    Returns:
        tuple(Tensor, Tensor), ``(y, tau)`` in `input`'s dtype: ``y`` ``[..., m, n]`` holds ``R``
        on and above the diagonal and the Householder vectors below it, ``tau`` ``[..., k]`` the
        reflectors' scalar factors. Both are differentiable.

    Raises:
        TypeError: `input` is not a Tensor of one of those dtypes.
        ValueError: `input` has fewer than 2 axes.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> y, tau = ops.geqrf(ms.Tensor([[-2.0, -1.0], [1.0, 2.0]]))
        >>> print(y)
        [[ 2.236068    1.7888544 ]
         [-0.23606798  1.3416408 ]]
        >>> print(tau)
        [1.8944272 0.       ]
    """
    _matrices("Geqrf", "input", input, _GEQRF_DTYPES)
    k = min(input.shape[-2:])
    if not k:
        return input.copy(), _C.full(tuple(input.shape[:-2]) + (0,), 0, input.dtype)
    rest = _wide(input)
    columns, taus = [], []
    for j in range(k):  # `rest` holds columns j.. ; its column 0 becomes column j of y
        beta, v, tau = _reflector(rest[..., j:, 0])
        columns.append(_C.concat([rest[..., :j, 0], beta.unsqueeze(-1), v[..., 1:]], -1))
        taus.append(tau)
        tail = rest[..., :, 1:]  # the trailing columns take Hᴴ = I - conj(τ)·v·vᴴ
        rest = _C.concat([tail[..., :j, :], _reflect(v, tau.conj(), tail[..., j:, :])], -2)
    y = _C.concat([_C.stack(columns, -1), rest], -1)
    return y.astype(input.dtype), _C.stack(taus, -1).astype(input.dtype)


def orgqr(input, input2):  # noqa: A002 - MindSpore's argument names
    """The first ``n`` columns of the product ``H₁·H₂⋯H_k`` of the Householder reflectors packed
    in `input` and `input2` (the ``Q`` of :func:`geqrf`'s factorisation).

    Args:
        input (Tensor): ``[..., m, n]`` (``m ≥ n``), the Householder vectors below the diagonal
            (as :func:`geqrf` gives them; the rest is not read); Float32, Float64, Complex64 or
            Complex128.
        input2 (Tensor): ``tau``, ``[..., k]`` (``k ≤ n``), of `input`'s dtype.

    Returns:
        Tensor of `input`'s shape and dtype, differentiable in both inputs.

    Raises:
        TypeError: An input is not a Tensor of those dtypes, or their dtypes differ.
        ValueError: `input` has fewer than 2 axes or is wide (``m < n``), `input2` is not
            ``[..., k]`` with `input`'s batch shape and ``k ≤ n``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> y, tau = ops.geqrf(ms.Tensor([[-2.0, -1.0], [1.0, 2.0]]))
        >>> print(ops.orgqr(y, tau))
        [[-0.8944272  0.4472136]
         [ 0.4472136  0.8944272]]
    """
    _reflectors("Orgqr", input, input2)
    m, n = input.shape[-2:]
    if m < n:
        raise ShapeError(f"For 'Orgqr', 'input' must not be wide (rows >= columns), but got shape "
                         f"{list(input.shape)}.")
    y, tau = _wide(input), _wide(input2)
    eye = _C.broadcast_to(_C.eye(m, n, y.dtype), tuple(input.shape))
    return _apply_q(y, tau, eye, False).astype(input.dtype)


def ormqr(input, tau, other, left=True, transpose=False):  # noqa: A002 - MindSpore's argument names
    """Multiplies `other` by the ``Q`` of the Householder reflectors packed in `input` and `tau`
    (as :func:`geqrf` gives them): ``op(Q)·other`` or ``other·op(Q)``, ``op(Q)`` being ``Q`` or
    ``Qᴴ`` (``Qᵀ`` for real inputs).

    Args:
        input (Tensor): ``[..., mn, k]``, the Householder vectors below the diagonal, ``mn`` the
            size of ``Q`` (`other`'s rows when `left`, its columns otherwise); Float32, Float64,
            Complex64 or Complex128.
        tau (Tensor): ``[..., r]``, ``r ≤ min(mn, k)``, of `input`'s dtype.
        other (Tensor): ``[..., m, n]`` of `input`'s dtype and batch shape.
        left (bool, optional): ``op(Q)·other`` if True, else ``other·op(Q)``. Default: ``True``.
        transpose (bool, optional): Use ``Qᴴ`` instead of ``Q``. Default: ``False``.

    Returns:
        Tensor of `other`'s shape and dtype, differentiable in the three inputs.

    Raises:
        TypeError: An input is not a Tensor of those dtypes, their dtypes differ, or a flag is
            not a bool.
        ValueError: The shapes do not fit together as above.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> y, tau = ops.geqrf(ms.Tensor([[-2.0, -1.0], [1.0, 2.0]]))
        >>> print(ops.ormqr(y, tau, ms.Tensor([[1.0, 0.0], [0.0, 1.0]]), transpose=True))
        [[-0.8944272  0.4472136]
         [ 0.4472136  0.8944272]]
    """
    _reflectors("Ormqr", input, tau)
    _matrices("Ormqr", "other", other, _QR_DTYPES)
    left, transpose = _flag("Ormqr", "left", left), _flag("Ormqr", "transpose", transpose)
    if other.dtype != input.dtype:
        raise DTypeError(f"For 'Ormqr', 'other' must have the dtype of 'input' {input.dtype}, but "
                         f"got {other.dtype}.")
    size = other.shape[-2] if left else other.shape[-1]
    if other.shape[:-2] != input.shape[:-2] or input.shape[-2] != size or tau.shape[-1] > size:
        raise ShapeError(f"For 'Ormqr', 'input' [..., mn, k] and 'tau' [..., r] must fit 'other' "
                         f"[..., m, n] (the same batch shape, mn = {'m' if left else 'n'}, r <= mn), "
                         f"but got 'input' {list(input.shape)}, 'tau' {list(tau.shape)} and 'other' "
                         f"{list(other.shape)}.")
    y, t, c = _wide(input), _wide(tau), _wide(other)
    if left:
        out = _apply_q(y, t, c, transpose)
    else:  # c·Q = (Qᴴ·cᴴ)ᴴ and c·Qᴴ = (Q·cᴴ)ᴴ
        out = _apply_q(y, t, c.conj().swapaxes(-1, -2), not transpose).conj().swapaxes(-1, -2)
    return out.astype(other.dtype)


def _geqrf_method(self):
    """The Householder QR factorisation of each matrix, in LAPACK's packed form (see
    :func:`ops.geqrf`).

    Returns:
        tuple(Tensor, Tensor), ``(y, tau)``.

    Examples:
        >>> import mindspore as ms
        >>> y, tau = ms.Tensor([[3.0], [4.0]]).geqrf()
        >>> print(y, tau)
        [[-5. ]
         [ 0.5]] [1.6]
    """
    return geqrf(self)


def _orgqr_method(self, input2):
    """The ``Q`` of the Householder reflectors packed in this tensor and `input2` (see
    :func:`ops.orgqr`).

    Args:
        input2 (Tensor): ``tau``, the reflectors' scalar factors.

    Returns:
        Tensor of this tensor's shape.

    Examples:
        >>> import mindspore as ms
        >>> y, tau = ms.Tensor([[3.0], [4.0]]).geqrf()
        >>> print(y.orgqr(tau))
        [[-0.6]
         [-0.8]]
    """
    return orgqr(self, input2)


def _ormqr_method(self, input2, input3, left=True, transpose=False):
    """Multiplies `input3` by the ``Q`` of the Householder reflectors packed in this tensor and
    `input2` (see :func:`ops.ormqr`, whose `tau` and `other` are `input2` and `input3`).

    Args:
        input2 (Tensor): ``tau``, the reflectors' scalar factors.
        input3 (Tensor): The matrix to multiply.
        left (bool): ``op(Q)·input3`` if True, else ``input3·op(Q)``. Default: ``True``.
        transpose (bool): Use ``Qᴴ`` instead of ``Q``. Default: ``False``.

    Returns:
        Tensor of `input3`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> y, tau = ms.Tensor([[3.0], [4.0]]).geqrf()
        >>> print(y.ormqr(tau, ms.Tensor([[1.0], [0.0]]), transpose=True))
        [[-0.6]
         [-0.8]]
    """
    return ormqr(self, input2, input3, left, transpose)


def _triangular_solve_method(self, A, upper=True, transpose=False, unitriangular=False):  # noqa: N803
    """Solves ``A·X = self`` for triangular matrices ``A`` (see :func:`mint.triangular_solve`;
    MindSpore 2.10's CPU build has no kernel for it, this is the documented solve).

    Args:
        A (Tensor): ``[..., n, n]``; only its upper (lower) triangle is read.
        upper (bool): Whether ``A`` is upper triangular. Default: ``True``.
        transpose (bool): Solve ``Aᵀ·X = self``. Default: ``False``.
        unitriangular (bool): Take ``A``'s diagonal as ones. Default: ``False``.

    Returns:
        tuple(Tensor, Tensor), the solution ``X`` (this tensor's shape) and a copy of ``A``.

    Examples:
        >>> import mindspore as ms
        >>> x, _ = ms.Tensor([[1.0], [2.0]]).triangular_solve(ms.Tensor([[2.0, 1.0], [0.0, 4.0]]))
        >>> print(x)
        [[0.25]
         [0.5 ]]
    """
    from ... import mint
    return mint.triangular_solve(self, A, upper, transpose, unitriangular)


TENSOR_METHODS = {"geqrf": _geqrf_method, "orgqr": _orgqr_method, "ormqr": _ormqr_method,
                  "triangular_solve": _triangular_solve_method}

"""More of ``mindspore.ops`` (re-exported by ``math_func``): the older ``tensor_*`` names of
operators (``tensor_mul``, ``tensor_gt``, ``tensor_range``, ``tensor_slice``, ...), the functional
forms of layers ``mint`` has (``group_norm``, ``batch_norm``, ``embedding``), ``dropout1d``,
``gumbel_softmax``, ``rrelu``, ``type_as``, ``view_as_real``, ``batch_dot``,
``tensor_scatter_elements``, ``matrix_exp`` (compositions of engine ops, differentiable) and the
special functions and samplers whose values are NumPy's (``mvlgamma`` is engine ops;
``igamma``, ``igammac``, ``zeta``, ``population_count``, ``random_gamma``, ``random_poisson``,
``standard_laplace``, ``laplace`` are values without a derivative, as MindSpore's)."""
import math as _math

import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from ._args import bool_arg as _bool

__all__ = ["tensor_mul", "tensor_sub", "tensor_div", "tensor_pow", "tensor_mod", "tensor_floordiv",
           "tensor_gt", "tensor_ge", "tensor_lt", "tensor_le", "tensor_exp", "tensor_expm1",
           "tensor_range", "tensor_slice", "tensor_scatter_elements", "group_norm", "batch_norm",
           "embedding", "dropout1d", "gumbel_softmax", "rrelu", "type_as", "deepcopy", "eps", "view_as_real",
           "batch_dot", "matrix_exp", "mvlgamma", "igamma", "igammac", "zeta", "population_count",
           "random_gamma", "random_poisson", "standard_laplace", "laplace"]


def _ops():
    from .. import functional
    return functional


def _alias(name, target, example, shown):
    def fn(*args, **kwargs):
        return getattr(_ops(), target)(*args, **kwargs)
    fn.__name__ = fn.__qualname__ = name
    fn.__doc__ = f"""``ops.{target}`` under its older name.

    Args:
        args: The arguments of ``ops.{target}``.

    Returns:
        What ``ops.{target}`` returns.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print({example})
        {shown}
    """
    return fn


_X = "ms.Tensor([1.0, 4.0])"
tensor_mul = _alias("tensor_mul", "mul", f"ops.tensor_mul({_X}, {_X})", "[ 1. 16.]")
tensor_sub = _alias("tensor_sub", "sub", f"ops.tensor_sub({_X}, ms.Tensor([1.0]))", "[0. 3.]")
tensor_div = _alias("tensor_div", "div", f"ops.tensor_div({_X}, ms.Tensor([2.0]))", "[0.5 2. ]")
tensor_pow = _alias("tensor_pow", "pow", f"ops.tensor_pow({_X}, 2.0)", "[ 1. 16.]")
tensor_mod = _alias("tensor_mod", "floor_mod", f"ops.tensor_mod({_X}, ms.Tensor([3.0]))", "[1. 1.]")
tensor_floordiv = _alias("tensor_floordiv", "floor_div", f"ops.tensor_floordiv({_X}, ms.Tensor([1.5]))",
                         "[0. 2.]")
tensor_gt = _alias("tensor_gt", "greater", f"ops.tensor_gt({_X}, ms.Tensor([2.0]))", "[False  True]")
tensor_ge = _alias("tensor_ge", "greater_equal", f"ops.tensor_ge({_X}, ms.Tensor([4.0]))",
                   "[False  True]")
tensor_lt = _alias("tensor_lt", "less", f"ops.tensor_lt({_X}, ms.Tensor([2.0]))", "[ True False]")
tensor_le = _alias("tensor_le", "less_equal", f"ops.tensor_le({_X}, ms.Tensor([1.0]))", "[ True False]")
tensor_exp = _alias("tensor_exp", "exp", "ops.tensor_exp(ms.Tensor([0.0]))", "[1.]")
tensor_expm1 = _alias("tensor_expm1", "expm1", "ops.tensor_expm1(ms.Tensor([0.0]))", "[0.]")


def _mint_functional(name):
    from ...mint.nn import functional
    return getattr(functional, name)


def group_norm(input, num_groups, weight=None, bias=None, eps=1e-5):  # noqa: A002
    """Group normalisation of ``[N, C, ...]`` over each group of ``C / num_groups`` channels (and
    the other axes), then ``weight`` and ``bias`` per channel (``mint.nn.functional.group_norm``).

    Args:
        input (Tensor): ``[N, C, ...]``. num_groups (int): Divides ``C``. weight (Tensor): ``[C]``.
            bias (Tensor): ``[C]``. eps (float): Default: ``1e-5``.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.group_norm(ms.Tensor([[[1.0], [3.0]]]), 1).reshape(-1))
        [-0.999995  0.999995]
    """
    return _mint_functional("group_norm")(input, num_groups, weight, bias, eps)


def batch_norm(input_x, running_mean, running_var, weight, bias, training=False, momentum=0.1,
               eps=1e-5):
    """Batch normalisation of ``[N, C, ...]`` per channel: by the batch's statistics (updating the
    running ones) when `training`, else by `running_mean` and `running_var`
    (``mint.nn.functional.batch_norm``).

    Args:
        input_x (Tensor): ``[N, C, ...]``. running_mean (Tensor): ``[C]``. running_var (Tensor):
            ``[C]``. weight (Tensor): ``[C]``. bias (Tensor): ``[C]``. training (bool): Default:
            ``False``. momentum (float): Default: ``0.1``. eps (float): Default: ``1e-5``.

    Returns:
        Tensor of `input_x`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0], [3.0]])
        >>> print(ops.batch_norm(x, ms.Tensor([2.0]), ms.Tensor([1.0]), ms.Tensor([1.0]),
        ...                      ms.Tensor([0.0])).reshape(-1))
        [-0.999995  0.999995]
    """
    return _mint_functional("batch_norm")(input_x, running_mean, running_var, weight, bias, training,
                                          momentum, eps)


def embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0,  # noqa: A002
              scale_grad_by_freq=False):
    """The rows of `weight` at the indices of `input` (``mint.nn.functional.embedding``).

    Args:
        input (Tensor): Int32/Int64 indices. weight (Tensor): ``[num, dim]``. padding_idx (int):
            A row that gets no gradient. Default: ``None``. max_norm (float): Rows renormalised to
            at most this norm. Default: ``None``. norm_type (float): Default: ``2.0``.
            scale_grad_by_freq (bool): Default: ``False``.

    Returns:
        Tensor ``input.shape + [dim]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.embedding(ms.Tensor([1, 0]), ms.Tensor([[0.0, 1.0], [2.0, 3.0]])))
        [[2. 3.]
         [0. 1.]]
    """
    return _mint_functional("embedding")(input, weight, padding_idx, max_norm, norm_type,
                                         scale_grad_by_freq)


def _tensor(op, name, x):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', '{name}' must be a Tensor, but got {type(x).__name__}.")
    return x


def tensor_range(start, end, step):
    """``arange(start, end, step)`` of scalar Tensors (integer ones give Int64).

    Args:
        start (Tensor): The first value. end (Tensor): The end (excluded). step (Tensor): The step.

    Returns:
        Tensor, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.tensor_range(ms.Tensor(0), ms.Tensor(5), ms.Tensor(2)))
        [0 2 4]
    """
    vals = [v.item() if isinstance(v, Tensor) else v for v in (start, end, step)]
    if all(isinstance(v, int) and not isinstance(v, bool) for v in vals):
        return _ops().arange(*vals, dtype=mstype.int64)
    return _ops().arange(*[float(v) for v in vals], dtype=mstype.float32)


def tensor_slice(input, begin, size):  # noqa: A002 - MindSpore's argument name
    """The block of `input` starting at `begin` of `size` (``-1``: to the end), as ``ops.slice``.

    Args:
        input (Tensor): The input. begin (tuple[int]): The start per axis. size (tuple[int]): The
            extent per axis.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.tensor_slice(ms.Tensor([[1, 2], [3, 4]]), (0, 1), (2, 1)))
        [[2]
         [4]]
    """
    return _ops().slice(input, begin, size)


def tensor_scatter_elements(input_x, indices, updates, axis=0, reduction="none"):
    """`input_x` with ``updates`` written (``'none'``) or added (``'add'``) at `indices` along
    `axis`, as ``ops.scatter``.

    Args:
        input_x (Tensor): The input. indices (Tensor): Int32/Int64 of `updates`' shape.
        updates (Tensor): The values. axis (int): The axis. Default: ``0``.
        reduction (str): ``'none'`` or ``'add'``. Default: ``'none'``.

    Returns:
        Tensor of `input_x`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0], [3.0, 4.0]])
        >>> print(ops.tensor_scatter_elements(x, ms.Tensor([[1, 0]]), ms.Tensor([[5.0, 6.0]])))
        [[1. 6.]
         [5. 4.]]
    """
    if reduction not in ("none", "add"):
        raise ShapeError(f"For 'TensorScatterElements', 'reduction' must be 'none' or 'add', but got "
                         f"{reduction!r}.")
    x = _tensor("TensorScatterElements", "input_x", input_x)
    if isinstance(indices, Tensor) and isinstance(axis, int) and -x.ndim <= axis < x.ndim:
        # Negative indices count from the end of `axis`, as in MindSpore's kernel.
        n = x.shape[axis]
        indices = _C.where_(indices < 0, indices + Tensor(n, indices.dtype), indices)
    if reduction == "none":
        return _ops().scatter(x, axis, indices, updates)
    from ... import mint
    return mint.scatter_add(x, axis, indices, updates)


def dropout1d(input, p=0.5, training=True):  # noqa: A002
    """Zeroes whole channels (``[N, C, L]`` or ``[C, L]``) with probability `p`, scaling the rest
    by ``1 / (1 - p)`` (identity unless `training`).

    Args:
        input (Tensor): The input. p (float): The probability. Default: ``0.5``.
        training (bool): Whether to drop. Default: ``True``.

    Returns:
        Tensor of `input`'s shape.

    Raises:
        TypeError: If `p` is not a float, `input` not a Tensor or `training` not a bool.
        ValueError: If `p` is outside [0, 1], or (while `training`) `input` is not 2-D or 3-D.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.dropout1d(ops.ones((2, 3, 4)), 0.5).shape)
        (2, 3, 4)
        >>> print(ops.dropout1d(ops.ones((3, 4)), 1.0))
        [[0. 0. 0. 0.]
         [0. 0. 0. 0.]
         [0. 0. 0. 0.]]
    """
    if not isinstance(p, float):  # as MindSpore 2.10: an int p is refused
        raise DTypeError(f"For 'dropout1d', 'p' must be a float, but got {type(p).__name__}.")
    if not 0.0 <= p <= 1.0:
        raise ShapeError(f"For 'dropout1d', 'p' must be in [0, 1], but got {p}.")
    x = _tensor("dropout1d", "input", input)
    if not _bool("dropout1d", "training", training):
        return x
    if x.ndim not in (2, 3):
        raise ShapeError(f"For 'dropout1d', 'input' must be 2-D or 3-D, but got shape {list(x.shape)}.")
    from .nn_func import dropout2d
    batched = x if x.ndim == 3 else x.unsqueeze(0)  # [C, L] is one sample of C channels
    out = dropout2d(batched.unsqueeze(-1), p).squeeze(-1)
    return out if x.ndim == 3 else out.squeeze(0)


def gumbel_softmax(logits, tau=1.0, hard=False, dim=-1):
    """A differentiable sample from the categorical distribution of `logits`: softmax of
    ``(logits + Gumbel noise) / tau``; with `hard`, the one-hot of its argmax carrying the soft
    sample's gradient.

    Args:
        logits (Tensor): Float16/32. tau (float): The temperature, positive. Default: ``1.0``.
        hard (bool): One-hot samples. Default: ``False``. dim (int): The class axis. Default: ``-1``.

    Returns:
        Tensor of `logits`' shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.gumbel_softmax(ms.Tensor([[1.0, 2.0]]), hard=True).sum())
        1.0
    """
    x = _tensor("gumbel_softmax", "logits", logits)
    if x.dtype not in (mstype.float16, mstype.float32):
        raise DTypeError(f"For 'gumbel_softmax', 'logits' must be Float16 or Float32, but got {x.dtype}.")
    if isinstance(tau, bool) or not isinstance(tau, (int, float)) or tau <= 0:
        raise ShapeError(f"For 'gumbel_softmax', 'tau' must be a positive number, but got {tau!r}.")
    u = _ops().uniform(tuple(x.shape), Tensor(1e-10, x.dtype), Tensor(1.0, x.dtype), dtype=x.dtype)
    soft = _C.softmax((x - (-u.log()).log()) / tau, dim)
    if not hard:
        return soft
    one_hot = _ops().one_hot(soft.argmax(dim), x.shape[dim], Tensor(1.0, x.dtype), Tensor(0.0, x.dtype),
                             dim)
    return _ops().stop_gradient(one_hot - soft) + soft


def rrelu(input, lower=1.0 / 8, upper=1.0 / 3):  # noqa: A002
    """Leaky ReLU with a negative slope drawn per element from ``[lower, upper]``.

    Args:
        input (Tensor): The input. lower (float): Default: ``1/8``. upper (float): Default: ``1/3``.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.rrelu(ms.Tensor([2.0])))
        [2.]
    """
    x = _tensor("rrelu", "input", input)
    if not lower <= upper:
        raise ShapeError(f"For 'rrelu', 'lower' ({lower}) must not exceed 'upper' ({upper}).")
    slope = _ops().uniform(tuple(x.shape), Tensor(float(lower), x.dtype), Tensor(float(upper), x.dtype),
                           dtype=x.dtype)
    return _C.where_(x >= 0, x, x * slope)


def type_as(input, other):  # noqa: A002
    """`input` cast to `other`'s dtype.

    Args:
        input (Tensor): The input. other (Tensor): Whose dtype to take.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.type_as(ms.Tensor([1.5]), ms.Tensor([1], ms.int32)).dtype)
        Int32
    """
    return _tensor("type_as", "input", input).astype(_tensor("type_as", "other", other).dtype)


def deepcopy(input_x):
    """A copy of `input_x` (MindSpore's Identity): the same values, shape and dtype in a new Tensor,
    through which the gradient passes unchanged.

    Args:
        input_x (Tensor): The input tensor.

    Returns:
        Tensor, of the shape and dtype of `input_x`.

    Raises:
        TypeError: If `input_x` is not a Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.deepcopy(ms.Tensor([[0, 1], [2, 1]], ms.int32)))
        [[0 1]
         [2 1]]
    """
    return _tensor("deepcopy", "input_x", input_x).copy()


def eps(x):
    """A tensor of `x`'s shape and dtype filled with the dtype's machine epsilon (the gap between 1
    and the next float: ``2**-10``, ``2**-23``, ``2**-52`` for Float16/32/64).

    Args:
        x (Tensor): A Float16, Float32 or Float64 tensor.

    Returns:
        Tensor, of the shape and dtype of `x`.

    Raises:
        TypeError: If `x` is not a Tensor or not of Float16, Float32 or Float64.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.eps(ms.Tensor([4.0, 2.0], ms.float16)))
        [0.000977 0.000977]
    """
    x = _tensor("eps", "x", x)
    kinds = {mstype.float16: _np.float16, mstype.float32: _np.float32, mstype.float64: _np.float64}
    if x.dtype not in kinds:
        raise DTypeError(f"For 'eps', 'x' must be Float16, Float32 or Float64, but got {x.dtype}.")
    return _C.full(tuple(x.shape), float(_np.finfo(kinds[x.dtype]).eps), x.dtype)


def view_as_real(input):  # noqa: A002
    """A complex tensor as real pairs ``[..., 2]`` (real, imaginary).

    Args:
        input (Tensor): Complex64 or Complex128.

    Returns:
        Tensor of the real dtype, one more axis of 2.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.view_as_real(ms.Tensor(np.array([1 + 2j], np.complex64))))
        [[1. 2.]]
    """
    x = _tensor("view_as_real", "input", input)
    if x.dtype not in (mstype.complex64, mstype.complex128):
        raise DTypeError(f"For 'view_as_real', 'input' must be complex, but got {x.dtype}.")
    return _C.stack([_ops().real(x), _ops().imag(x)], -1)


def batch_dot(x1, x2, axes=None):
    """The dot products of each pair of examples of two batches along `axes` (by default the
    last axis of `x1` and the second-to-last of `x2`, or the last of both for 2-D inputs).

    Args:
        x1 (Tensor): ``[B, ...]``. x2 (Tensor): ``[B, ...]``. axes (Union[int, tuple[int]]):
            The contracted axes. Default: ``None``.

    Returns:
        Tensor ``[B, ...]`` (``[B, 1]`` for 2-D inputs).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.batch_dot(ms.Tensor([[0.0, 1.0], [2.0, 3.0]]), ms.Tensor([[1.0, 1.0], [1.0, 1.0]])))
        [[1.]
         [5.]]
    """
    a, b = _tensor("BatchDot", "x1", x1), _tensor("BatchDot", "x2", x2)
    if a.ndim < 2 or b.ndim < 2 or a.shape[0] != b.shape[0]:
        raise ShapeError(f"For 'BatchDot', both inputs must be batches of one size, but got shapes "
                         f"{list(a.shape)} and {list(b.shape)}.")
    if axes is None:
        axes = (-1, -1) if b.ndim == 2 else (-1, -2)
    elif isinstance(axes, int):
        axes = (axes, axes)
    ax, bx = (int(v) % t.ndim for v, t in zip(axes, (a, b)))
    if ax == 0 or bx == 0 or a.shape[ax] != b.shape[bx]:
        raise ShapeError(f"For 'BatchDot', the axes {tuple(axes)} must be non-batch axes of one "
                         f"length, but the shapes are {list(a.shape)} and {list(b.shape)}.")
    a = _ops().movedim(a, ax, -1)
    b = _ops().movedim(b, bx, 1)
    a_rest, b_rest = tuple(a.shape[1:-1]), tuple(b.shape[2:])
    out = _C.matmul(a.reshape(a.shape[0], -1, a.shape[-1]), b.reshape(b.shape[0], b.shape[1], -1))
    shape = (a.shape[0],) + a_rest + b_rest
    return out.reshape(shape if len(shape) > 1 else (a.shape[0], 1))


def matrix_exp(input):  # noqa: A002
    """The exponential of each square matrix ``[..., n, n]``: scaled by a power of two, a Padé
    (Taylor, degree 18) step, then squared back (differentiable).

    Args:
        input (Tensor): Float32/Float64 (or complex) matrices.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.matrix_exp(ms.Tensor([[0.0, 0.0], [0.0, 1.0]])))
        [[1.       0.      ]
         [0.       2.718282]]
    """
    x = _tensor("MatrixExp", "input", input)
    if x.ndim < 2 or x.shape[-1] != x.shape[-2]:
        raise ShapeError(f"For 'MatrixExp', 'input' must be square matrices [..., n, n], but got "
                         f"shape {list(x.shape)}.")
    if x.dtype not in mstype.float_type and x.dtype not in (mstype.complex64, mstype.complex128):
        raise DTypeError(f"For 'MatrixExp', 'input' must be float or complex, but got {x.dtype}.")
    norm = float(_np.abs(x.asnumpy()).sum(-1).max()) if x.size else 0.0
    # Squarings that bring the norm under 1/2 (none for a NaN or infinite matrix: NaN results).
    s = max(0, int(_math.ceil(_math.log2(norm))) + 1) if 0.5 < norm < _math.inf else 0
    a = x / (2.0 ** s)
    eye = _ops().broadcast_to(_ops().eye(x.shape[-1], x.shape[-1], x.dtype), tuple(x.shape))
    out, term = eye, eye
    for k in range(1, 19):
        term = _C.matmul(term, a) / k
        out = out + term
    for _ in range(s):
        out = _C.matmul(out, out)
    return out


def mvlgamma(input, p):  # noqa: A002
    """The multivariate log-gamma of dimension `p`: ``p(p-1)/4·log π + Σ_{j<p} lgamma(x - j/2)``.

    Args:
        input (Tensor): Float32/Float64, each element above ``(p - 1) / 2``. p (int): From 1 to
            1024.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.mvlgamma(ms.Tensor([2.5, 3.0]), 2))
        [0.8570478 1.550195 ]
    """
    x = _tensor("mvlgamma", "input", input)
    if isinstance(p, bool) or not isinstance(p, int) or not 1 <= p <= 1024:
        raise ShapeError(f"For 'mvlgamma', 'p' must be an int in [1, 1024] (a sum of p log-gammas), "
                         f"but got {p!r}.")
    if x.size and bool((x <= (p - 1) / 2).any()):
        raise ShapeError(f"For 'mvlgamma', all elements of 'input' must be greater than {(p - 1) / 2}.")
    out = _C.lgamma(x) * 0 + p * (p - 1) / 4 * _math.log(_math.pi)
    for j in range(p):
        out = out + _C.lgamma(x - j / 2)
    return out


def _float_pair(op, a, b):
    a, b = _tensor(op, "input", a), _tensor(op, "other", b)
    if a.dtype not in (mstype.float32, mstype.float64) or a.dtype != b.dtype:
        raise DTypeError(f"For '{op}', both inputs must be Float32 or Float64 of one dtype, but got "
                         f"{a.dtype} and {b.dtype}.")
    return _np.broadcast_arrays(a.asnumpy().astype(_np.float64), b.asnumpy().astype(_np.float64)), a.dtype


def igamma(input, other):  # noqa: A002
    """The regularised lower incomplete gamma function ``P(a, x)``, `input` ``a``, `other` ``x``.

    Args:
        input (Tensor): ``a``, positive. other (Tensor): ``x``, non-negative.

    Returns:
        Tensor of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.igamma(ms.Tensor([1.0, 2.0]), ms.Tensor([1.0, 1.0])))
        [0.63212055 0.26424113]
    """
    from ._gamma_grad import with_igamma_rule
    _float_pair("Igamma", input, other)
    return with_igamma_rule(_igamma_value, input, other, False)


def _igamma_value(input, other):  # noqa: A002
    """The values of ``P(a, x)`` (checked Tensors)."""
    from ...nn.probability.distribution._special import _lower
    (a, x), dtype = _float_pair("Igamma", input, other)
    out = _np.array([_lower(p, q) if p > 0 and q >= 0 else _math.nan for p, q in zip(a.ravel(), x.ravel())])
    return Tensor(out.reshape(a.shape)).astype(dtype)


def igammac(input, other):  # noqa: A002
    """``1 - igamma(input, other)``, the regularised upper incomplete gamma function.

    Args:
        input (Tensor): ``a``. other (Tensor): ``x``.

    Returns:
        Tensor of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.igammac(ms.Tensor([1.0, 2.0]), ms.Tensor([1.0, 1.0])))
        [0.36787945 0.7357589 ]
    """
    from ._gamma_grad import with_igamma_rule
    _float_pair("Igammac", input, other)
    return with_igamma_rule(lambda a, x: 1 - _igamma_value(a, x), input, other, True)


def zeta(input, other):  # noqa: A002
    """The Hurwitz zeta function ``ζ(x, q) = Σ_k (k + q)^(-x)`` (`input` ``x > 1``, `other` ``q``).

    Args:
        input (Tensor): ``x``. other (Tensor): ``q``, positive.

    Returns:
        Tensor of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.zeta(ms.Tensor([2.0, 3.0]), ms.Tensor([1.0, 2.0])))
        [1.644934  0.2020569]
    """
    (s, q), dtype = _float_pair("Zeta", input, other)
    # Euler-Maclaurin: the first N terms, the integral of the tail and its Bernoulli corrections.
    n = 12
    out = sum((q + k) ** -s for k in range(n))
    a = q + n
    out = out + a ** (1 - s) / (s - 1) + 0.5 * a ** -s
    bern = [1 / 6, -1 / 30, 1 / 42, -1 / 30, 5 / 66, -691 / 2730, 7 / 6]
    fact, rising = 1.0, s.copy()
    for j, b in enumerate(bern):
        fact *= (2 * j + 1) * (2 * j + 2) if j else 2.0
        out = out + b / fact * rising * a ** (-s - 2 * j - 1)
        rising = rising * (s + 2 * j + 1) * (s + 2 * j + 2)
    out = _np.where((s <= 1) | (q <= 0), _np.where(s == 1, _np.inf, _np.nan), out)
    return Tensor(out).astype(dtype)


def population_count(input_x):
    """The number of set bits of each element (two's complement for negative ones), as UInt8.

    Args:
        input_x (Tensor): Int8/16/32/64 or UInt8/16.

    Returns:
        Tensor of UInt8.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.population_count(ms.Tensor([0, 1, 7, -1], ms.int16)))
        [ 0  1  3 16]
    """
    x = _tensor("PopulationCount", "input_x", input_x)
    if x.dtype not in mstype.int_type and x.dtype not in (mstype.uint8, mstype.uint16):
        raise DTypeError(f"For 'PopulationCount', 'input_x' must be an integer Tensor, but got {x.dtype}.")
    a = x.asnumpy()
    bits = _np.unpackbits(a.view(_np.uint8).reshape(a.shape + (a.itemsize,)), axis=-1)
    return Tensor(bits.sum(-1).astype(_np.uint8))


def _shape_of(op, shape):
    if isinstance(shape, Tensor):
        shape = tuple(int(v) for v in shape.asnumpy().reshape(-1))
    if not isinstance(shape, (tuple, list)) or not all(isinstance(d, int) and d >= 0 for d in shape):
        raise ShapeError(f"For '{op}', 'shape' must be non-negative ints, but got {shape!r}.")
    return tuple(shape)


def _generator(seed):
    from ...nn.probability._util import draw_seed
    return draw_seed(int(seed) if seed else 0)


def random_gamma(shape, alpha, seed=None):
    """Gamma draws of concentration `alpha` (unit rate): shape ``shape + alpha.shape``.

    Args:
        shape (Union[tuple[int], Tensor]): The draws' leading shape. alpha (Tensor): Positive.
        seed (int): The seed. Default: ``None``.

    Returns:
        Tensor of `alpha`'s dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.random_gamma(ms.Tensor([3, 2], ms.int32), ms.Tensor([1.0, 2.0]), seed=1).shape)
        (3, 2, 2)
    """
    shape = _shape_of("RandomGamma", shape)
    a = _tensor("RandomGamma", "alpha", alpha)
    if a.size and bool((a <= 0).any()):
        raise ShapeError("For 'RandomGamma', 'alpha' must be positive.")
    draws = _generator(seed).gamma(_np.broadcast_to(a.asnumpy().astype(_np.float64), shape + tuple(a.shape)))
    return Tensor(_np.asarray(draws)).astype(a.dtype)


def random_poisson(shape, rate, seed=None, dtype=mstype.float32):
    """Poisson draws of `rate`: shape ``shape + rate.shape``, as `dtype`.

    Args:
        shape (Union[tuple[int], Tensor]): The leading shape. rate (Tensor): Non-negative.
        seed (int): The seed. Default: ``None``. dtype (mindspore.dtype): Default: ``float32``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.random_poisson(ms.Tensor([3], ms.int32), ms.Tensor([1.0, 5.0]), seed=1).shape)
        (3, 2)
    """
    shape = _shape_of("RandomPoisson", shape)
    r = _tensor("RandomPoisson", "rate", rate)
    if r.size and bool((r < 0).any()):
        raise ShapeError("For 'RandomPoisson', 'rate' must be non-negative.")
    draws = _generator(seed).poisson(_np.broadcast_to(r.asnumpy().astype(_np.float64), shape + tuple(r.shape)))
    return Tensor(_np.asarray(draws, _np.float64)).astype(dtype)


def standard_laplace(shape, seed=None):
    """Draws of the Laplace distribution of location 0 and scale 1, Float32.

    Args:
        shape (tuple[int]): The shape. seed (int): The seed. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.standard_laplace((2, 3), seed=1).shape)
        (2, 3)
    """
    shape = _shape_of("StandardLaplace", shape)
    return Tensor(_np.asarray(_generator(seed).laplace(0.0, 1.0, shape), _np.float32))


def laplace(shape, mean, lambda_param, seed=None):
    """Draws of the Laplace distribution of location `mean` and scale `lambda_param`.

    Args:
        shape (tuple[int]): The shape. mean (Tensor): The location. lambda_param (Tensor): The
            scale. seed (int): The seed. Default: ``None``.

    Returns:
        Tensor of the broadcast shape, Float32.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.laplace((2, 3), ms.Tensor(1.0), ms.Tensor(2.0), seed=1).shape)
        (2, 3)
    """
    unit = standard_laplace(shape, seed)
    return _tensor("Laplace", "mean", mean) + unit * _tensor("Laplace", "lambda_param", lambda_param)

"""``mindspore.mint`` reductions and scans: ``dim``/``keepdim`` arguments, ``dtype`` keyword-only,
``correction`` for ``std``/``var``, and ``max``/``min`` in their three forms (whole tensor, along a
dimension with Int64 indices, elementwise with another tensor).

Measured on MindSpore 2.10 (CPU): ``sum`` of Int32 or Bool is Int64, ``mean`` of Int32 stays Int32
(truncated), ``prod`` of Int32 is Int64, ``max(x, 1)`` gives (values, Int64 indices), a dim out of
range is a ValueError. ``std``, ``var``, ``argmax``, ``cumsum`` and their kin have no CPU kernel
there; they follow the documentation (Int64 indices, ``correction=1``)."""
from .. import ops
from .._errors import ComputeError, DTypeError, ShapeError
from ..common import dtype as mstype
from ..tensor import Tensor
from ._wrap import check_dim, check_tensor, name_errors


def _dims(dim):
    """None for every dim, else a tuple (an empty tuple also means every dim)."""
    if dim is None:
        return None
    if isinstance(dim, (list, tuple)):
        return None if len(dim) == 0 else tuple(dim)
    return dim


def sum(input, dim=None, keepdim=False, *, dtype=None):  # noqa: A001,A002
    """The sum over `dim` (every dim when None); Bool and integers below 64 bits sum as Int64.

    Args:
        input (Tensor): The input.
        dim (Union[int, tuple[int], list[int]], optional): The dims to reduce. Default: ``None``.
        keepdim (bool): Whether reduced dims are kept with size 1. Default: ``False``.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor.

    Raises:
        ValueError: A dim is out of range.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> x = ms.Tensor([[1, 2], [3, 4]], ms.int32)
        >>> mint.sum(x, dim=1)
        Tensor(shape=[2], dtype=Int64, value= [3, 7])
    """
    check_tensor("sum", "input", input)
    return ops.sum(input, _dims(dim), keepdim, dtype)


def mean(input, dim=None, keepdim=False, *, dtype=None):  # noqa: A002
    """The mean over `dim` (every dim when None); an integer input keeps its dtype, as measured
    on MindSpore 2.10.

    Args:
        input (Tensor): The input.
        dim (Union[int, tuple[int], list[int]], optional): The dims to reduce. Default: ``None``.
        keepdim (bool): Whether reduced dims are kept with size 1. Default: ``False``.
        dtype (mindspore.dtype, optional): The input is cast to it first. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.mean(ms.Tensor([[1.0, 2.0], [3.0, 5.0]]), 0, keepdim=True))
        [[2.  3.5]]
    """
    check_tensor("mean", "input", input)
    if dtype is not None:
        input = input.astype(dtype)
    if input.dtype == mstype.bool_:  # measured: RuntimeError "unsupported reduce operation for bool"
        raise ComputeError("For 'ReduceMean', unsupported reduce operation for bool.")
    return ops.mean(input, _dims(dim), keepdim)


def prod(input, dim=None, keepdim=False, *, dtype=None):  # noqa: A002
    """The product over `dim` (every dim when None); integers give Int64.

    Args:
        input (Tensor): The input.
        dim (int, optional): The dim to reduce. Default: ``None``.
        keepdim (bool): Whether the reduced dim is kept with size 1. Default: ``False``.
        dtype (mindspore.dtype, optional): The input is cast to it first. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.prod(ms.Tensor([[1, 5, 3], [4, 2, 6]], ms.int32), 1))
        [15 48]
    """
    check_tensor("prod", "input", input)
    if dtype is not None:
        input = input.astype(dtype)
    return ops.prod(input, _dims(dim), keepdim)


def _extreme(op, name, args, kwargs):
    if len(args) > 3:
        raise DTypeError(f"For '{name}', expected at most 3 positional arguments, got {len(args)}.")
    bound = dict(zip(("input", "dim", "keepdim"), args))
    for k, v in kwargs.items():
        if k not in ("input", "dim", "keepdim", "other") or k in bound:
            raise DTypeError(f"For '{name}', got an unexpected or repeated argument '{k}'.")
        bound[k] = v
    input_ = check_tensor(name, "input", bound.get("input"))
    other = bound.pop("other", None)
    if isinstance(bound.get("dim"), (Tensor, float)):  # a Tensor or a float is `other`
        other = bound.pop("dim")
    if other is not None:
        return ops.maximum(input_, other) if name == "max" else ops.minimum(input_, other)
    dim = bound.get("dim")
    if dim is None:
        if input_.size == 0:
            raise ShapeError(f"For '{name}', the input is empty: it has no {name}imum.")
        return ops.amax(input_) if name == "max" else ops.amin(input_)
    check_dim(name, dim, input_.ndim)
    values, indices = op(input_, dim, bool(bound.get("keepdim", False)))
    return values, indices.astype(mstype.int64)


def max(*args, **kwargs):  # noqa: A001
    """``max(input)``: the largest element; ``max(input, dim, keepdim=False)``: (values, Int64
    indices) along `dim`; ``max(input, other)``: :func:`mindspore.mint.maximum`.

    Args:
        args: ``input`` (Tensor) then ``dim`` (int) and ``keepdim`` (bool), or ``other`` (Tensor).
        kwargs: The same by name.

    Returns:
        Tensor, or tuple(Tensor, Tensor) along a dim.

    Raises:
        ValueError: `dim` is out of range, or the input is empty.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> x = ms.Tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]])
        >>> print(mint.max(x))
        6.0
        >>> mint.max(x, 1)
        (Tensor(shape=[2], dtype=Float32, value= [ 5.00000000e+00,  6.00000000e+00]), Tensor(shape=[2], dtype=Int64, value= [1, 2]))
    """
    return _extreme(ops.max, "max", args, kwargs)


def min(*args, **kwargs):  # noqa: A001
    """``min(input)``: the smallest element; ``min(input, dim, keepdim=False)``: (values, Int64
    indices) along `dim`; ``min(input, other)``: :func:`mindspore.mint.minimum`.

    Args:
        args: ``input`` (Tensor) then ``dim`` (int) and ``keepdim`` (bool), or ``other`` (Tensor).
        kwargs: The same by name.

    Returns:
        Tensor, or tuple(Tensor, Tensor) along a dim.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> values, indices = mint.min(ms.Tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]]), 0)
        >>> print(values, indices)
        [1. 2. 3.] [0 1 0]
    """
    return _extreme(ops.min, "min", args, kwargs)


def amax(input, dim=(), keepdim=False):  # noqa: A002
    """The maximum over `dim` (every dim for ``()``), without indices.

    Args:
        input (Tensor): The input.
        dim (Union[int, tuple[int], list[int]]): The dims to reduce. Default: ``()``.
        keepdim (bool): Whether reduced dims are kept with size 1. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.amax(ms.Tensor([[1.0, 5.0], [4.0, 2.0]]), 1))
        [5. 4.]
    """
    check_tensor("amax", "input", input)
    return ops.amax(input, _dims(dim), keepdim)


def amin(input, dim=(), keepdim=False):  # noqa: A002
    """The minimum over `dim` (every dim for ``()``), without indices.

    Args:
        input (Tensor): The input.
        dim (Union[int, tuple[int], list[int]]): The dims to reduce. Default: ``()``.
        keepdim (bool): Whether reduced dims are kept with size 1. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.amin(ms.Tensor([[1.0, 5.0], [4.0, 2.0]])))
        1.0
    """
    check_tensor("amin", "input", input)
    return ops.amin(input, _dims(dim), keepdim)


def argmax(input, dim=None, keepdim=False):  # noqa: A002
    """The Int64 index of the largest element (of the flattened input when `dim` is None).

    Args:
        input (Tensor): The input.
        dim (int, optional): The dim. Default: ``None``.
        keepdim (bool): Whether the reduced dim is kept with size 1. Default: ``False``.

    Returns:
        Int64 Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.argmax(ms.Tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]]), 1))
        [1 2]
    """
    check_tensor("argmax", "input", input)
    return ops.argmax(input, dim, keepdim).astype(mstype.int64)


def argmin(input, dim=None, keepdim=False):  # noqa: A002
    """The Int64 index of the smallest element (of the flattened input when `dim` is None).

    Args:
        input (Tensor): The input.
        dim (int, optional): The dim. Default: ``None``.
        keepdim (bool): Whether the reduced dim is kept with size 1. Default: ``False``.

    Returns:
        Int64 Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.argmin(ms.Tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]])))
        0
    """
    check_tensor("argmin", "input", input)
    if dim is None:
        out = ops.argmin(input.reshape(-1), 0, False)
        return out.reshape((1,) * input.ndim).astype(mstype.int64) if keepdim else out.astype(mstype.int64)
    return ops.argmin(input, dim, keepdim).astype(mstype.int64)


def all(input, dim=None, keepdim=False):  # noqa: A001,A002
    """Whether every element over `dim` is True (nonzero).

    Args:
        input (Tensor): The input.
        dim (Union[int, tuple[int]], optional): The dims to reduce; None reduces all. Default: ``None``.
        keepdim (bool): Whether reduced dims are kept with size 1. Default: ``False``.

    Returns:
        Bool Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.all(ms.Tensor([[True, False], [True, True]]), 1))
        [False  True]
    """
    check_tensor("all", "input", input)
    return ops.all(input, _dims(dim), keepdim)


def any(input, dim=None, keepdim=False):  # noqa: A001,A002
    """Whether some element over `dim` is True (nonzero).

    Args:
        input (Tensor): The input.
        dim (Union[int, tuple[int]], optional): The dims to reduce; None reduces all. Default: ``None``.
        keepdim (bool): Whether reduced dims are kept with size 1. Default: ``False``.

    Returns:
        Bool Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.any(ms.Tensor([[True, False], [False, False]]), dim=1))
        [ True False]
    """
    check_tensor("any", "input", input)
    return ops.any(input, _dims(dim), keepdim)


def _float_input(op, input):
    check_tensor(op, "input", input)
    if input.dtype not in mstype.float_type and input.dtype not in mstype.complex_type:
        raise DTypeError(f"For '{op}', the input must be a float tensor, but got {input.dtype}.")
    return input


def var(input, dim=None, *, correction=1, keepdim=False):  # noqa: A002
    """The variance over `dim`, dividing by ``N - correction``.

    Args:
        input (Tensor): A float tensor.
        dim (Union[int, tuple[int]], optional): The dims to reduce; None reduces all. Default: ``None``.
        correction (int): Subtracted from the count (1: Bessel's correction). Default: ``1``.
        keepdim (bool): Whether reduced dims are kept with size 1. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.var(ms.Tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]]), 1))
        [4. 4.]
    """
    _float_input("var", input)
    return ops.var(input, _dims(dim), int(correction), keepdim)


def std(input, dim=None, *, correction=1, keepdim=False):  # noqa: A002
    """The standard deviation over `dim`, dividing by ``N - correction``.

    Args:
        input (Tensor): A float tensor.
        dim (Union[int, tuple[int]], optional): The dims to reduce; None reduces all. Default: ``None``.
        correction (int): Subtracted from the count (1: Bessel's correction). Default: ``1``.
        keepdim (bool): Whether reduced dims are kept with size 1. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.std(ms.Tensor([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]]), 1, correction=0))
        [1.6329932 1.6329932]
    """
    _float_input("std", input)
    return ops.std(input, _dims(dim), int(correction), keepdim)


def var_mean(input, dim=None, *, correction=1, keepdim=False):  # noqa: A002
    """(variance, mean) over `dim`; see :func:`var`.

    Args:
        input (Tensor): A float tensor.
        dim (Union[int, tuple[int]], optional): The dims to reduce; None reduces all. Default: ``None``.
        correction (int): Subtracted from the count. Default: ``1``.
        keepdim (bool): Whether reduced dims are kept with size 1. Default: ``False``.

    Returns:
        tuple(Tensor, Tensor).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> v, m = mint.var_mean(ms.Tensor([1.0, 2.0, 3.0]))
        >>> print(v, m)
        1.0 2.0
    """
    return var(input, dim, correction=correction, keepdim=keepdim), mean(input, dim, keepdim)


def std_mean(input, dim=None, *, correction=1, keepdim=False):  # noqa: A002
    """(standard deviation, mean) over `dim`; see :func:`std`.

    Args:
        input (Tensor): A float tensor.
        dim (Union[int, tuple[int]], optional): The dims to reduce; None reduces all. Default: ``None``.
        correction (int): Subtracted from the count. Default: ``1``.
        keepdim (bool): Whether reduced dims are kept with size 1. Default: ``False``.

    Returns:
        tuple(Tensor, Tensor).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> s, m = mint.std_mean(ms.Tensor([1.0, 3.0]))
        >>> print(s, m)
        1.4142135 2.0
    """
    return std(input, dim, correction=correction, keepdim=keepdim), mean(input, dim, keepdim)


def logsumexp(input, dim, keepdim=False):  # noqa: A002
    """``log(sum(exp(input)))`` over `dim`, computed stably.

    Args:
        input (Tensor): The input.
        dim (Union[int, tuple[int]]): The dims to reduce.
        keepdim (bool): Whether reduced dims are kept with size 1. Default: ``False``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.logsumexp(ms.Tensor([[0.0, 0.0], [1.0, 1.0]]), 1))
        [0.6931472 1.6931472]
    """
    check_tensor("logsumexp", "input", input)
    return ops.logsumexp(input, dim, keepdim)


def cumsum(input, dim, dtype=None):  # noqa: A002
    """The running sum along `dim`; Bool and integers below 64 bits give Int64.

    Args:
        input (Tensor): The input.
        dim (int): The dim.
        dtype (mindspore.dtype, optional): The input is cast to it first. Default: ``None``.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> mint.cumsum(ms.Tensor([[1, 5, 3], [4, 2, 6]], ms.int32), 1)
        Tensor(shape=[2, 3], dtype=Int64, value=
        [[ 1,  6,  9],
         [ 4,  6, 12]])
    """
    check_tensor("cumsum", "input", input)
    check_dim("cumsum", dim, input.ndim)
    if dtype is None and (input.dtype == mstype.bool_ or input.dtype in mstype.int_type
                          or input.dtype in (mstype.uint8, mstype.uint16, mstype.uint32)):
        dtype = mstype.int64
    if dtype is not None:
        input = input.astype(dtype)
    return ops.cumsum(input, dim)


def cumprod(input, dim, dtype=None):  # noqa: A002
    """The running product along `dim`.

    Args:
        input (Tensor): The input.
        dim (int): The dim.
        dtype (mindspore.dtype, optional): The input is cast to it first. Default: ``None``.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.cumprod(ms.Tensor([1.0, 2.0, 3.0]), 0))
        [1. 2. 6.]
    """
    check_tensor("cumprod", "input", input)
    check_dim("cumprod", dim, input.ndim)
    return ops.cumprod(input, dim, dtype)


def cummax(input, dim):  # noqa: A002
    """(running maxima, their Int64 indices) along `dim`.

    Args:
        input (Tensor): The input.
        dim (int): The dim.

    Returns:
        tuple(Tensor, Tensor).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> v, i = mint.cummax(ms.Tensor([1.0, 3.0, 2.0]), 0)
        >>> print(v, i)
        [1. 3. 3.] [0 1 1]
    """
    check_tensor("cummax", "input", input)
    check_dim("cummax", dim, input.ndim)
    v, i = ops.cummax(input, dim)
    return v, i.astype(mstype.int64)


def cummin(input, dim):  # noqa: A002
    """(running minima, their Int64 indices) along `dim`.

    Args:
        input (Tensor): The input.
        dim (int): The dim.

    Returns:
        tuple(Tensor, Tensor).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> v, i = mint.cummin(ms.Tensor([3.0, 1.0, 2.0]), 0)
        >>> print(v, i)
        [3. 1. 1.] [0 1 1]
    """
    check_tensor("cummin", "input", input)
    check_dim("cummin", dim, input.ndim)
    v, i = ops.cummin(input, dim)
    return v, i.astype(mstype.int64)


def median(input, dim=None, keepdim=False):  # noqa: A002
    """The lower median: of every element when `dim` is None, else (values, Int64 indices) along `dim`.

    Args:
        input (Tensor): The input.
        dim (int, optional): The dim. Default: ``None``.
        keepdim (bool): Whether the reduced dim is kept with size 1. Default: ``False``.

    Returns:
        Tensor, or tuple(Tensor, Tensor) along a dim.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.median(ms.Tensor([4.0, 1.0, 3.0, 2.0])))
        2.0
    """
    check_tensor("median", "input", input)
    if dim is None:
        flat = input.reshape(-1)
        if flat.shape[0] == 0:
            raise ShapeError("For 'median', the input is empty.")
        values, _ = ops.sort(flat)
        return values[(flat.shape[0] - 1) // 2]
    check_dim("median", dim, input.ndim)
    v, i = ops.median(input, dim, keepdim)
    return v, i.astype(mstype.int64)


def nansum(input, dim=None, keepdim=False, *, dtype=None):  # noqa: A002
    """The sum over `dim` with NaN counted as 0.

    Args:
        input (Tensor): The input.
        dim (Union[int, tuple[int]], optional): The dims to reduce. Default: ``None``.
        keepdim (bool): Whether reduced dims are kept with size 1. Default: ``False``.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.nansum(ms.Tensor([1.0, float('nan'), 2.0])))
        3.0
    """
    check_tensor("nansum", "input", input)
    out = ops.nansum(input, _dims(dim), keepdim, dtype=dtype)
    # Measured on MindSpore 2.10: an integer input keeps its dtype (Int32 stays Int32).
    return out.astype(input.dtype) if dtype is None and input.dtype in mstype.int_type else out


def count_nonzero(input, dim=None):  # noqa: A002
    """The number of nonzero elements over `dim` (every dim when None), as Int64.

    Args:
        input (Tensor): The input.
        dim (Union[int, tuple[int]], optional): The dims to reduce. Default: ``None``.

    Returns:
        Int64 Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.count_nonzero(ms.Tensor([[0, 1], [2, 3]]), dim=1))
        [1 2]
    """
    check_tensor("count_nonzero", "input", input)
    return ops.sum((input != 0).astype(mstype.int64), _dims(dim))


def norm(input, p="fro", dim=None, keepdim=False, *, dtype=None):  # noqa: A002
    """The `p`-norm of `input` over `dim` (``'fro'``, ``'nuc'``, a number or inf).

    Args:
        input (Tensor): A float tensor.
        p (Union[str, float]): The norm. Default: ``'fro'``.
        dim (Union[int, tuple[int]], optional): The dims; None takes every element. Default: ``None``.
        keepdim (bool): Whether reduced dims are kept with size 1. Default: ``False``.
        dtype (mindspore.dtype, optional): The input is cast to it first. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.norm(ms.Tensor([[3.0, 4.0], [0.0, 0.0]])))
        5.0
        >>> print(mint.norm(ms.Tensor([[3.0, 4.0], [1.0, 0.0]]), 1, dim=1))
        [7. 1.]
    """
    check_tensor("norm", "input", input)
    if dtype is not None:
        input = input.astype(dtype)
    if p == "fro" and (dim is None or isinstance(dim, int)):
        return ops.vector_norm(input, 2, dim, keepdim)
    if isinstance(p, str) or (isinstance(dim, (tuple, list)) and len(dim) == 2):
        return ops.norm(input, p, dim, keepdim)
    return ops.vector_norm(input, p, _dims(dim), keepdim)


def softmax(input, dim, *, dtype=None):  # noqa: A002
    """``exp(input) / sum(exp(input))`` along `dim`.

    Args:
        input (Tensor): A float tensor.
        dim (int): The dim.
        dtype (mindspore.dtype, optional): The input is cast to it first. Default: ``None``.

    Returns:
        Tensor of `input`'s shape.

    Raises:
        TypeError: `input` is not a float tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.softmax(ms.Tensor([[0.0, 0.0], [0.0, 1.0]]), 1))
        [[0.5        0.5       ]
         [0.26894143 0.7310586 ]]
    """
    check_tensor("softmax", "input", input)
    if dtype is not None:
        input = input.astype(dtype)
    return ops.softmax(input, dim)


NAMES = ("sum", "mean", "prod", "max", "min", "amax", "amin", "argmax", "argmin", "all", "any",
         "var", "std", "var_mean", "std_mean", "logsumexp", "cumsum", "cumprod", "cummax", "cummin",
         "median", "nansum", "count_nonzero", "norm", "softmax")
__all__ = list(NAMES)

name_errors(globals(), NAMES)

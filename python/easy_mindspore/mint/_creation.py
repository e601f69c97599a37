"""``mindspore.mint`` tensor creation: constants, ranges and random draws in PyTorch's spelling
(``size`` as ints or a tuple, ``dtype`` keyword-only, Float32 by default; ``arange`` and ``full``
infer Int64 from Python ints). Random draws use the engine's keyed generator, or ``generator``.

MindSpore 2.10's CPU build has no kernel for ``full``, ``arange``, ``linspace``, ``rand``,
``randn``, ``randint`` of mint (``RuntimeError: The kernel ... unregistered``); these follow its
documentation (measured dtypes are those of its Ascend docs and of the kernels that do run)."""
import numpy as _np

from .. import ops
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ..common.generator import using as _using
from ..tensor import Tensor
from ._wrap import check_tensor, name_errors, size_args


def _zeros(op, size, dtype):
    return ops.zeros(size_args(op, (size,)), (mstype.float32 if dtype is None else dtype))


def zeros(size, *, dtype=None):
    """A tensor of zeros of shape `size`.

    Args:
        size (Union[int, tuple[int], list[int]]): The shape.
        dtype (mindspore.dtype, optional): The dtype; None gives Float32. Default: ``None``.

    Returns:
        Tensor of shape `size`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> mint.zeros((2, 3), dtype=ms.int32)
        Tensor(shape=[2, 3], dtype=Int32, value=
        [[0, 0, 0],
         [0, 0, 0]])
    """
    return _zeros("zeros", size, dtype)


def ones(size, *, dtype=None):
    """A tensor of ones of shape `size`.

    Args:
        size (Union[int, tuple[int], list[int]]): The shape.
        dtype (mindspore.dtype, optional): The dtype; None gives Float32. Default: ``None``.

    Returns:
        Tensor of shape `size`.

    Examples:
        >>> from mindspore import mint
        >>> print(mint.ones(3))
        [1. 1. 1.]
    """
    return ops.ones(size_args("ones", (size,)), (mstype.float32 if dtype is None else dtype))


def empty(*size, dtype=None, device=None):
    """A tensor of shape `size` (MindSpore leaves it uninitialised; here it holds zeros).

    Args:
        size (Union[int, tuple[int], list[int]]): The shape, as ints or one tuple/list.
        dtype (mindspore.dtype, optional): The dtype; None gives Float32. Default: ``None``.
        device (str, optional): Accepted for MindSpore's signature; tensors live on the CPU.

    Returns:
        Tensor of shape `size`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> t = mint.empty(2, 3, dtype=ms.int32)
        >>> print(t.shape, t.dtype)
        (2, 3) Int32
    """
    return ops.zeros(size_args("empty", size), (mstype.float32 if dtype is None else dtype))


def full(size, fill_value, *, dtype=None):
    """A tensor of shape `size` filled with `fill_value`.

    Args:
        size (Union[int, tuple[int], list[int]]): The shape.
        fill_value (Union[number, bool, Tensor]): The value.
        dtype (mindspore.dtype, optional): The dtype; None infers it from `fill_value` (bool: Bool,
            int: Int64, float: Float32). Default: ``None``.

    Returns:
        Tensor of shape `size`.

    Examples:
        >>> from mindspore import mint
        >>> mint.full((2,), 7)
        Tensor(shape=[2], dtype=Int64, value= [7, 7])
    """
    if isinstance(fill_value, Tensor):
        fill_value = fill_value.item()
    if not isinstance(fill_value, (bool, int, float)):
        raise DTypeError(f"For 'full', 'fill_value' must be a number, a bool or a 0-d Tensor, but got "
                         f"{type(fill_value).__name__}.")
    return ops.functional.filled(size_args("full", (size,)), fill_value, dtype)


def zeros_like(input, *, dtype=None):  # noqa: A002 - MindSpore's argument name
    """A tensor of zeros with the shape (and, by default, dtype) of `input`.

    Args:
        input (Tensor): The tensor whose shape is used.
        dtype (mindspore.dtype, optional): The dtype; None keeps `input`'s. Default: ``None``.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.zeros_like(ms.Tensor([[1, 2]])))
        [[0 0]]
    """
    check_tensor("zeros_like", "input", input)
    return ops.zeros(input.shape, (input.dtype if dtype is None else dtype))


def ones_like(input, *, dtype=None):  # noqa: A002
    """A tensor of ones with the shape (and, by default, dtype) of `input`.

    Args:
        input (Tensor): The tensor whose shape is used.
        dtype (mindspore.dtype, optional): The dtype; None keeps `input`'s. Default: ``None``.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.ones_like(ms.Tensor([[1.5, 2.0]])))
        [[1. 1.]]
    """
    check_tensor("ones_like", "input", input)
    return ops.ones(input.shape, (input.dtype if dtype is None else dtype))


def empty_like(input, *, dtype=None, device=None):  # noqa: A002
    """A tensor with the shape (and, by default, dtype) of `input` (zeros here; uninitialised in
    MindSpore).

    Args:
        input (Tensor): The tensor whose shape is used.
        dtype (mindspore.dtype, optional): The dtype; None keeps `input`'s. Default: ``None``.
        device (str, optional): Accepted for MindSpore's signature.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.empty_like(ms.Tensor([[1, 2]])).shape)
        (1, 2)
    """
    check_tensor("empty_like", "input", input)
    return ops.zeros(input.shape, (input.dtype if dtype is None else dtype))


def full_like(input, fill_value, *, dtype=None):  # noqa: A002
    """A tensor of `input`'s shape (and, by default, dtype) filled with `fill_value`.

    Args:
        input (Tensor): The tensor whose shape is used.
        fill_value (number): The value (cast to the dtype).
        dtype (mindspore.dtype, optional): The dtype; None keeps `input`'s. Default: ``None``.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.full_like(ms.Tensor([1, 2]), 2.7))
        [2 2]
    """
    check_tensor("full_like", "input", input)
    return ops.full_like(input, fill_value, dtype=dtype)


def arange(start=0, end=None, step=1, *, dtype=None):
    """Values from `start` to `end` (excluded) by `step`; `arange(n)` counts from 0.

    Args:
        start (Union[int, float, Tensor]): The first value, or the end when `end` is None. Default: ``0``.
        end (Union[int, float, Tensor], optional): The end (excluded). Default: ``None``.
        step (Union[int, float, Tensor]): The step, not 0. Default: ``1``.
        dtype (mindspore.dtype, optional): None gives Int64 for ints, Float32 if any is a float.

    Returns:
        1-D Tensor.

    Examples:
        >>> from mindspore import mint
        >>> mint.arange(4)
        Tensor(shape=[4], dtype=Int64, value= [0, 1, 2, 3])
        >>> print(mint.arange(0, 1, 0.25))
        [0.   0.25 0.5  0.75]
    """
    return ops.arange(start, end, step, dtype=dtype)


def linspace(start, end, steps, *, dtype=None):
    """`steps` evenly spaced values from `start` to `end` (both included).

    Args:
        start (Union[int, float]): The first value.
        end (Union[int, float]): The last value.
        steps (int): The number of values, at least 0.
        dtype (mindspore.dtype, optional): The dtype; None gives Float32. Default: ``None``.

    Returns:
        1-D Tensor of `steps` values.

    Examples:
        >>> from mindspore import mint
        >>> print(mint.linspace(0, 1, 5))
        [0.   0.25 0.5  0.75 1.  ]
    """
    out = ops.linspace(start, end, steps)
    return out if dtype is None else out.astype(dtype)


def eye(n, m=None, dtype=None):
    """An `n` x `m` matrix with ones on the diagonal.

    Args:
        n (int): The rows.
        m (int, optional): The columns; None gives `n`. Default: ``None``.
        dtype (mindspore.dtype, optional): The dtype; None gives Float32. Default: ``None``.

    Returns:
        Tensor of shape (n, m).

    Examples:
        >>> from mindspore import mint
        >>> print(mint.eye(2, 3))
        [[1. 0. 0.]
         [0. 1. 0.]]
    """
    return ops.eye(n, m, (mstype.float32 if dtype is None else dtype))


def _float_dtype(op, dtype):
    dtype = mstype.float32 if dtype is None else dtype
    if dtype not in mstype.float_type:
        raise DTypeError(f"For '{op}', 'dtype' must be a float dtype, but got {dtype}.")
    return dtype


def rand(*size, generator=None, dtype=None, device=None):
    """Numbers drawn uniformly from [0, 1).

    Args:
        size (Union[int, tuple[int], list[int]]): The shape, as ints or one tuple/list.
        generator (mindspore.Generator, optional): The generator; None uses the default one.
        dtype (mindspore.dtype, optional): A float dtype; None gives Float32. Default: ``None``.
        device (str, optional): Accepted for MindSpore's signature.

    Returns:
        Tensor of shape `size`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> ms.set_seed(0)
        >>> x = mint.rand(2, 3)
        >>> print(x.shape, x.dtype, bool(((x >= 0) & (x < 1)).all()))
        (2, 3) Float32 True
    """
    shape = size_args("rand", size)
    dtype = _float_dtype("rand", dtype)
    with _using("rand", generator):
        return ops.rand(*shape, dtype=dtype)


def randn(*size, generator=None, dtype=None, device=None):
    """Numbers drawn from the standard normal distribution.

    Args:
        size (Union[int, tuple[int], list[int]]): The shape, as ints or one tuple/list.
        generator (mindspore.Generator, optional): The generator; None uses the default one.
        dtype (mindspore.dtype, optional): A float dtype; None gives Float32. Default: ``None``.
        device (str, optional): Accepted for MindSpore's signature.

    Returns:
        Tensor of shape `size`.

    Examples:
        >>> from mindspore import mint
        >>> print(mint.randn((4, 2)).shape)
        (4, 2)
    """
    shape = size_args("randn", size)
    dtype = _float_dtype("randn", dtype)
    with _using("randn", generator):
        return ops.randn(*shape, dtype=dtype)


def _randint_args(op, args):
    if len(args) == 2:
        return 0, args[0], args[1]
    if len(args) == 3:
        return args
    raise DTypeError(f"For '{op}', expected (high, size) or (low, high, size), but got {len(args)} "
                     "positional arguments.")


def randint(*args, generator=None, dtype=None, device=None):
    """Integers drawn uniformly from [low, high): ``randint(high, size)`` or
    ``randint(low, high, size)``.

    Args:
        args: ``low`` (int, default 0), ``high`` (int) and ``size`` (tuple[int]).
        generator (mindspore.Generator, optional): The generator; None uses the default one.
        dtype (mindspore.dtype, optional): The dtype; None gives Int64. Default: ``None``.
        device (str, optional): Accepted for MindSpore's signature.

    Returns:
        Tensor of shape `size`.

    Examples:
        >>> from mindspore import mint
        >>> x = mint.randint(3, 10, (2, 4))
        >>> print(x.shape, x.dtype, bool(((x >= 3) & (x < 10)).all()))
        (2, 4) Int64 True
    """
    low, high, size = _randint_args("randint", args)
    with _using("randint", generator):
        return ops.randint(low, high, size_args("randint", (size,)),
                           dtype=mstype.int64 if dtype is None else dtype)


def rand_like(input, *, dtype=None, device=None):  # noqa: A002
    """Uniform [0, 1) numbers of `input`'s shape (and float dtype by default).

    Args:
        input (Tensor): The tensor whose shape is used.
        dtype (mindspore.dtype, optional): None keeps `input`'s dtype. Default: ``None``.
        device (str, optional): Accepted for MindSpore's signature.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.rand_like(ms.Tensor([[1.0, 2.0]])).shape)
        (1, 2)
    """
    check_tensor("rand_like", "input", input)
    return rand(input.shape, dtype=(input.dtype if dtype is None else dtype))


def randn_like(input, *, dtype=None, device=None):  # noqa: A002
    """Standard normal numbers of `input`'s shape (and float dtype by default).

    Args:
        input (Tensor): The tensor whose shape is used.
        dtype (mindspore.dtype, optional): None keeps `input`'s dtype. Default: ``None``.
        device (str, optional): Accepted for MindSpore's signature.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.randn_like(ms.Tensor([[1.0, 2.0]])).dtype)
        Float32
    """
    check_tensor("randn_like", "input", input)
    return randn(input.shape, dtype=(input.dtype if dtype is None else dtype))


def randint_like(*args, dtype=None, device=None):
    """Integers drawn uniformly from [low, high) of `input`'s shape: ``randint_like(input, high)``
    or ``randint_like(input, low, high)``.

    Args:
        args: ``input`` (Tensor), ``low`` (int, default 0) and ``high`` (int).
        dtype (mindspore.dtype, optional): None keeps `input`'s dtype. Default: ``None``.
        device (str, optional): Accepted for MindSpore's signature.

    Returns:
        Tensor of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> x = mint.randint_like(ms.Tensor([1, 2, 3]), 5)
        >>> print(x.shape, x.dtype, bool((x < 5).all()))
        (3,) Int64 True
    """
    if len(args) not in (2, 3):
        raise DTypeError("For 'randint_like', expected (input, high) or (input, low, high), but got "
                         f"{len(args)} positional arguments.")
    input_ = check_tensor("randint_like", "input", args[0])
    low, high = (0, args[1]) if len(args) == 2 else args[1:]
    return ops.randint(low, high, input_.shape, dtype=(input_.dtype if dtype is None else dtype))


def normal(mean=0.0, std=1.0, size=None, generator=None):
    """Normal draws: elementwise means and deviations (tensors, broadcast), or one `mean` and `std`
    with a `size`.

    Args:
        mean (Union[float, Tensor]): The mean(s). Default: ``0.0``.
        std (Union[float, Tensor]): The standard deviation(s), at least 0. Default: ``1.0``.
        size (tuple[int], optional): The shape when both are numbers. Default: ``None``.
        generator (mindspore.Generator, optional): The generator; None uses the default one.

    Returns:
        Tensor, of the broadcast shape of `mean` and `std`, or of `size`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> x = mint.normal(ms.Tensor([0.0, 10.0]), 0.0)
        >>> print(x)
        [ 0. 10.]
        >>> print(mint.normal(2.0, 1.0, size=(3,)).shape)
        (3,)
    """
    tensors = [t for t in (mean, std) if isinstance(t, Tensor)]
    if not tensors:
        if size is None:
            raise ShapeError("For 'normal', 'size' is required when 'mean' and 'std' are numbers.")
        shape = size_args("normal", (size,))
    else:
        shape = tuple(_np.broadcast_shapes(*[tuple(t.shape) for t in tensors]))
    dtype = next((t.dtype for t in tensors if t.dtype in mstype.float_type), mstype.float32)
    with _using("normal", generator):
        z = ops.randn(*shape, dtype=dtype) if shape else ops.randn(1, dtype=dtype).reshape(())
    return z * std + mean


def randperm(n, *, generator=None, dtype=mstype.int64):
    """A random permutation of ``0 .. n-1``.

    Args:
        n (int): The count, at least 0.
        generator (mindspore.Generator, optional): The generator; None uses the default one.
        dtype (mindspore.dtype): The dtype. Default: ``mindspore.int64``.

    Returns:
        1-D Tensor of `n` values.

    Examples:
        >>> from mindspore import mint
        >>> print(mint.randperm(5).sort()[0])
        [0 1 2 3 4]
    """
    if isinstance(n, bool) or not isinstance(n, (int, _np.integer)):  # 1.5 and NaN ran as 1 and 0
        raise DTypeError(f"For 'randperm', the input 'n' must be an int, but got {type(n).__name__}.")
    if n < 0:
        raise ShapeError(f"For 'randperm', the input 'n' must be >= 0, but got data: {n}.")
    with _using("randperm", generator):
        keys = ops.rand(int(n)) if n > 0 else None
    if keys is None:
        return ops.zeros((0,), dtype)
    return ops.argsort(keys).astype(dtype)


def bernoulli(input, *, generator=None):  # noqa: A002
    """Draws 1 with the probability in each element of `input`, else 0 (of `input`'s dtype).

    Args:
        input (Tensor): Probabilities in [0, 1], a float tensor.
        generator (mindspore.Generator, optional): The generator; None uses the default one.

    Returns:
        Tensor of `input`'s shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.bernoulli(ms.Tensor([0.0, 1.0, 1.0])))
        [0. 1. 1.]
    """
    check_tensor("bernoulli", "input", input)
    with _using("bernoulli", generator):
        u = ops.rand(*input.shape, dtype=mstype.float32) if input.shape else ops.rand(1).reshape(())
    return (u < input).astype(input.dtype)


def multinomial(input, num_samples, replacement=False, *, generator=None):  # noqa: A002
    """Draws `num_samples` category indices per row from the weights of `input`.

    Args:
        input (Tensor): Non-negative weights, 1-D or 2-D.
        num_samples (int): The draws per row.
        replacement (bool): Whether a category may come again. Default: ``False``.
        generator (mindspore.Generator, optional): The generator; None uses the default one.

    Returns:
        Int64 Tensor of shape ``input.shape[:-1] + (num_samples,)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.multinomial(ms.Tensor([0.0, 0.0, 1.0]), 1))
        [2]
    """
    check_tensor("multinomial", "input", input)
    with _using("multinomial", generator):
        return ops.multinomial(input, num_samples, replacement).astype(mstype.int64)


NAMES = ("zeros", "ones", "empty", "full", "zeros_like", "ones_like", "empty_like", "full_like",
         "arange", "linspace", "eye", "rand", "randn", "randint", "rand_like", "randn_like",
         "randint_like", "normal", "randperm", "bernoulli", "multinomial")
__all__ = list(NAMES)
name_errors(globals(), NAMES)

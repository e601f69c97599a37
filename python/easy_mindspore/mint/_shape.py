"""``mindspore.mint`` shape functions: joining, splitting, reshaping, permuting and repeating, with
``dim``/``dims`` arguments.

Measured on MindSpore 2.10 (CPU): ``squeeze`` takes a required ``dim`` (an int or a tuple;
a dim whose size is not 1 is left), ``flatten`` flattens from dim 0 by default (a 0-d tensor gives
shape (1,)), ``meshgrid`` indexes ``'ij'`` by default, ``split`` with sections that do not add up to
the dim is a ValueError, ``chunk(x, 0)`` is a ValueError. ``stack``, ``roll``, ``tril``, ``diag``,
``repeat_interleave`` and ``trace`` have no CPU kernel there and follow the documentation."""
from .. import ops
from .._errors import DTypeError, ShapeError, TensorIndexError
from ..tensor import Tensor
from ._wrap import alias, check_dim, check_int, check_tensor, name_errors


def _tensors(op, tensors):
    if isinstance(tensors, Tensor) or not isinstance(tensors, (list, tuple)):
        raise DTypeError(f"For '{op}', 'tensors' must be a tuple or list of Tensors, but got "
                         f"{type(tensors).__name__}.")
    for t in tensors:
        check_tensor(op, "tensors", t)
    return list(tensors)


def cat(tensors, dim=0):
    """Joins `tensors` along an existing `dim` (dtypes are promoted).

    Args:
        tensors (Union[tuple[Tensor], list[Tensor]]): Tensors of the same rank whose other dims match.
        dim (int): The dim. Default: ``0``.

    Returns:
        Tensor.

    Raises:
        ValueError: Ranks or other dims differ, or `dim` is out of range.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.cat([ms.Tensor([[1, 2]]), ms.Tensor([[3, 4]])], dim=1))
        [[1 2 3 4]]
    """
    return ops.cat(_tensors("cat", tensors), dim)


def concat(tensors, dim=0):
    """Alias of :func:`mindspore.mint.cat`.

    Args:
        tensors (Union[tuple[Tensor], list[Tensor]]): The tensors.
        dim (int): The dim. Default: ``0``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.concat([ms.Tensor([1]), ms.Tensor([2, 3])]))
        [1 2 3]
    """
    return ops.cat(_tensors("concat", tensors), dim)


def stack(tensors, dim=0):
    """Joins tensors of one shape along a new `dim`.

    Args:
        tensors (Union[tuple[Tensor], list[Tensor]]): Tensors of the same shape.
        dim (int): The new dim, in ``[-rank-1, rank]``. Default: ``0``.

    Returns:
        Tensor.

    Raises:
        ValueError: The shapes differ.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.stack([ms.Tensor([1, 2]), ms.Tensor([3, 4])], dim=1))
        [[1 3]
         [2 4]]
    """
    return ops.stack(_tensors("stack", tensors), dim)


def hstack(tensors):
    """Joins tensors column-wise (along dim 1; 1-D tensors along dim 0).

    Args:
        tensors (Union[tuple[Tensor], list[Tensor]]): The tensors.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.hstack([ms.Tensor([[1], [2]]), ms.Tensor([[3], [4]])]))
        [[1 3]
         [2 4]]
    """
    return ops.hstack(_tensors("hstack", tensors))


def dstack(tensors):
    """Joins tensors depth-wise (along dim 2, after making them at least 3-D).

    Args:
        tensors (Union[tuple[Tensor], list[Tensor]]): The tensors.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.dstack([ms.Tensor([1, 2]), ms.Tensor([3, 4])]).shape)
        (1, 2, 2)
    """
    return ops.dstack(_tensors("dstack", tensors))


def split(tensor, split_size_or_sections, dim=0):
    """Splits `tensor` along `dim` into pieces of one size (the last may be smaller) or of the
    listed sizes.

    Args:
        tensor (Tensor): The input.
        split_size_or_sections (Union[int, tuple[int], list[int]]): The piece size, or the sizes
            (adding up to the dim).
        dim (int): The dim. Default: ``0``.

    Returns:
        tuple[Tensor].

    Raises:
        ValueError: The sections do not add up to the dim's size.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> a, b = mint.split(ms.Tensor([[1, 5, 3], [4, 2, 6]]), [1, 2], 1)
        >>> print(a.shape, b.shape)
        (2, 1) (2, 2)
    """
    check_tensor("split", "tensor", tensor)
    return tuple(ops.split(tensor, split_size_or_sections, dim))


def chunk(input, chunks, dim=0):  # noqa: A002
    """Splits `input` into at most `chunks` pieces of ``ceil(size / chunks)`` along `dim`.

    Args:
        input (Tensor): The input.
        chunks (int): The number of pieces, at least 1.
        dim (int): The dim. Default: ``0``.

    Returns:
        tuple[Tensor].

    Raises:
        ValueError: `chunks` is not positive.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print([c.shape for c in mint.chunk(ms.Tensor([[1, 5, 3], [4, 2, 6]]), 2, 1)])
        [(2, 2), (2, 1)]
    """
    check_tensor("chunk", "input", input)
    check_int("chunk", "chunks", chunks)
    if chunks <= 0:
        raise ShapeError(f"For 'chunk', chunks should be greater than 0, but got {chunks}")
    return tuple(ops.chunk(input, chunks, dim))


def unbind(input, dim=0):  # noqa: A002
    """The slices of `input` along `dim`, that dim removed.

    Args:
        input (Tensor): The input.
        dim (int): The dim. Default: ``0``.

    Returns:
        tuple[Tensor].

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.unbind(ms.Tensor([[1, 2], [3, 4]]), 1))
        (Tensor(shape=[2], dtype=Int64, value= [1, 3]), Tensor(shape=[2], dtype=Int64, value= [2, 4]))
    """
    check_tensor("unbind", "input", input)
    return tuple(ops.unbind(input, dim))


def reshape(input, shape):  # noqa: A002
    """`input` with a new `shape` of the same size (one entry may be -1).

    Args:
        input (Tensor): The input.
        shape (Union[tuple[int], list[int]]): The new shape.

    Returns:
        Tensor.

    Raises:
        ValueError: The sizes differ.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.reshape(ms.Tensor([1, 2, 3, 4]), (2, -1)))
        [[1 2]
         [3 4]]
    """
    check_tensor("reshape", "input", input)
    return ops.reshape(input, shape)


def permute(input, dims):  # noqa: A002
    """`input` with its dims reordered as `dims`.

    Args:
        input (Tensor): The input.
        dims (Union[tuple[int], list[int]]): A permutation of the dims.

    Returns:
        Tensor.

    Raises:
        ValueError: `dims` is not a permutation of the input's dims.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.permute(ms.Tensor([[1, 2, 3]]), (1, 0)).shape)
        (3, 1)
    """
    check_tensor("permute", "input", input)
    return ops.permute(input, tuple(dims))


def transpose(input, dim0, dim1):  # noqa: A002
    """`input` with dims `dim0` and `dim1` swapped.

    Args:
        input (Tensor): The input.
        dim0 (int): The first dim.
        dim1 (int): The second dim.

    Returns:
        Tensor.

    Raises:
        ValueError: A dim is out of range.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.transpose(ms.Tensor([[1, 2, 3]]), 0, 1).shape)
        (3, 1)
    """
    check_tensor("transpose", "input", input)
    check_dim("transpose", dim0, input.ndim)
    check_dim("transpose", dim1, input.ndim)
    return ops.swapaxes(input, dim0, dim1)


def swapaxes(input, axis0, axis1):  # noqa: A002
    """`input` with dims `axis0` and `axis1` swapped (as :func:`transpose`).

    Args:
        input (Tensor): The input.
        axis0 (int): The first dim.
        axis1 (int): The second dim.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.swapaxes(ms.Tensor([[1, 2, 3]]), 0, 1).shape)
        (3, 1)
    """
    return transpose(input, axis0, axis1)


def squeeze(input, dim):  # noqa: A002
    """`input` without the size-1 dims among `dim` (others are left; MindSpore 2.10 requires `dim`).

    Args:
        input (Tensor): The input.
        dim (Union[int, tuple[int], list[int]]): The dims to remove.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.squeeze(ms.Tensor([[[1.0], [2.0]]]), (0, 2)).shape)
        (2,)
    """
    check_tensor("squeeze", "input", input)
    dims = (dim,) if isinstance(dim, int) else tuple(dim)
    norm = tuple(check_dim("squeeze", d, input.ndim) for d in dims)
    keep = tuple(d for d in norm if input.ndim and input.shape[d] == 1)
    return ops.squeeze(input, keep) if keep else input


def unsqueeze(input, dim):  # noqa: A002
    """`input` with a new size-1 dim at `dim`.

    Args:
        input (Tensor): The input.
        dim (int): The new dim, in ``[-rank-1, rank]``.

    Returns:
        Tensor.

    Raises:
        ValueError: `dim` is out of range.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.unsqueeze(ms.Tensor([1, 2]), -1).shape)
        (2, 1)
    """
    check_tensor("unsqueeze", "input", input)
    return ops.unsqueeze(input, dim)


def flatten(input, start_dim=0, end_dim=-1):  # noqa: A002
    """`input` with dims `start_dim` to `end_dim` merged into one.

    Args:
        input (Tensor): The input.
        start_dim (int): The first dim merged. Default: ``0``.
        end_dim (int): The last dim merged. Default: ``-1``.

    Returns:
        Tensor (a 0-d input gives shape (1,)).

    Raises:
        ValueError: A dim is out of range, or `start_dim` comes after `end_dim`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.flatten(ms.Tensor([[1, 2], [3, 4]])))
        [1 2 3 4]
    """
    check_tensor("flatten", "input", input)
    if input.ndim == 0:
        return input.reshape((1,))
    return ops.flatten(input, start_dim=start_dim, end_dim=end_dim)


def narrow(input, dim, start, length):  # noqa: A002
    """The slice ``start:start + length`` of `input` along `dim`.

    Args:
        input (Tensor): The input.
        dim (int): The dim.
        start (int): The first index.
        length (int): The slice's length.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.narrow(ms.Tensor([[1, 5, 3], [4, 2, 6]]), 1, 1, 2))
        [[5 3]
         [2 6]]
    """
    check_tensor("narrow", "input", input)
    return ops.narrow(input, dim, start, length)


def select(input, dim, index):  # noqa: A002
    """The slice of `input` at `index` along `dim`, that dim removed.

    Args:
        input (Tensor): The input.
        dim (int): The dim.
        index (int): The index (negative counts from the end).

    Returns:
        Tensor.

    Raises:
        IndexError: `index` is out of range.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.select(ms.Tensor([[1, 5, 3], [4, 2, 6]]), 1, -1))
        [3 6]
    """
    check_tensor("select", "input", input)
    d = check_dim("select", dim, input.ndim)
    check_int("select", "index", index)
    n = input.shape[d]
    if not -n <= index < n:
        raise TensorIndexError(f"For 'select', index {index} is out of range for dim {dim} of size {n}.")
    return ops.narrow(input, d, index % n, 1).squeeze(d)


def broadcast_to(input, shape):  # noqa: A002
    """`input` broadcast to `shape` (-1 keeps a dim).

    Args:
        input (Tensor): The input.
        shape (tuple[int]): The target shape.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.broadcast_to(ms.Tensor([1, 2]), (2, 2)))
        [[1 2]
         [1 2]]
    """
    check_tensor("broadcast_to", "input", input)
    return ops.broadcast_to(input, tuple(shape))


def tile(input, dims):  # noqa: A002
    """`input` repeated `dims` times along each dim (leading ones added as needed).

    Args:
        input (Tensor): The input.
        dims (tuple[int]): The repetitions.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.tile(ms.Tensor([[1, 2]]), (2,)))
        [[1 2 1 2]]
    """
    check_tensor("tile", "input", input)
    return ops.tile(input, tuple(dims))


def repeat_interleave(input, repeats, dim=None, *, output_size=None):  # noqa: A002
    """Each element of `input` repeated `repeats` times along `dim` (the flattened input when None).

    Args:
        input (Tensor): The input.
        repeats (Union[int, list[int], tuple[int], Tensor]): The repetitions, one or per element.
        dim (int, optional): The dim. Default: ``None``.
        output_size (int, optional): The size of the result along `dim` (checked). Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.repeat_interleave(ms.Tensor([[0, 1], [2, 3]]), ms.Tensor([1, 2]), 0))
        [[0 1]
         [2 3]
         [2 3]]
    """
    check_tensor("repeat_interleave", "input", input)
    if isinstance(repeats, Tensor):
        repeats = repeats.asnumpy().tolist()
        repeats = repeats if isinstance(repeats, list) else int(repeats)
    out = ops.repeat_interleave(input, repeats, dim)
    if output_size is not None and out.shape[dim if dim is not None else 0] != output_size:
        raise ShapeError(f"For 'repeat_interleave', output_size {output_size} does not match the "
                         f"repeated size {out.shape[dim if dim is not None else 0]}.")
    return out


def flip(input, dims):  # noqa: A002
    """`input` reversed along `dims`.

    Args:
        input (Tensor): The input.
        dims (Union[int, tuple[int], list[int]]): The dims.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.flip(ms.Tensor([[1, 2], [3, 4]]), (0, 1)))
        [[4 3]
         [2 1]]
    """
    check_tensor("flip", "input", input)
    return ops.flip(input, (dims,) if isinstance(dims, int) else tuple(dims))


def roll(input, shifts, dims=None):  # noqa: A002
    """`input` shifted circularly by `shifts` along `dims` (the flattened input when None).

    Args:
        input (Tensor): The input.
        shifts (Union[int, tuple[int]]): The shifts.
        dims (Union[int, tuple[int]], optional): The dims. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.roll(ms.Tensor([[1, 5, 3], [4, 2, 6]]), 1))
        [[6 1 5]
         [3 4 2]]
    """
    check_tensor("roll", "input", input)
    return ops.roll(input, shifts, dims)


@alias(ops.tril)
def tril(input, diagonal=0):  # noqa: A002
    return ops.tril(input, diagonal)


@alias(ops.triu)
def triu(input, diagonal=0):  # noqa: A002
    return ops.triu(input, diagonal)


@alias(ops.t)
def t(input):  # noqa: A002
    return ops.t(input)


@alias(ops.trace)
def trace(input):  # noqa: A002
    return ops.trace(input)


@alias(ops.ravel)
def ravel(input):  # noqa: A002
    return ops.ravel(input)


def diag(input, diagonal=0):  # noqa: A002
    """A 1-D `input` placed on a diagonal of a square matrix, or the diagonal of a 2-D `input`.

    Args:
        input (Tensor): A 1-D or 2-D tensor.
        diagonal (int): The diagonal: 0 the main one, > 0 above, < 0 below. Default: ``0``.

    Returns:
        Tensor.

    Raises:
        ValueError: `input` is not 1-D or 2-D.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.diag(ms.Tensor([1, 2]), 1))
        [[0 1 0]
         [0 0 2]
         [0 0 0]]
        >>> print(mint.diag(ms.Tensor([[1, 2], [3, 4]])))
        [1 4]
    """
    check_tensor("diag", "input", input)
    check_int("diag", "diagonal", diagonal)
    if input.ndim == 1:
        return ops.diag_embed(input, diagonal)
    if input.ndim == 2:
        return ops.diagonal(input, diagonal)
    raise ShapeError(f"For 'diag', the input must be 1-D or 2-D, but got shape {tuple(input.shape)}.")


def diff(input, n=1, dim=-1, prepend=None, append=None):  # noqa: A002
    """The `n`-th forward difference along `dim`, after joining `prepend` and `append`.

    Args:
        input (Tensor): The input.
        n (int): The order. Default: ``1``.
        dim (int): The dim. Default: ``-1``.
        prepend (Tensor, optional): Joined before along `dim`. Default: ``None``.
        append (Tensor, optional): Joined after along `dim`. Default: ``None``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> print(mint.diff(ms.Tensor([[1, 5, 3], [4, 2, 6]])))
        [[ 4 -2]
         [-2  4]]
    """
    check_tensor("diff", "input", input)
    return ops.diff(input, n, dim, prepend, append)


def meshgrid(*tensors, indexing=None):
    """Coordinate grids from 1-D tensors, ``'ij'`` (matrix) indexing by default.

    Args:
        tensors (Tensor): 1-D tensors (or one tuple/list of them).
        indexing (str, optional): ``'ij'`` or ``'xy'``; None is ``'ij'``. Default: ``None``.

    Returns:
        tuple[Tensor].

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import mint
        >>> a, b = mint.meshgrid(ms.Tensor([1, 2]), ms.Tensor([3, 4, 5]))
        >>> print(a.shape, b.shape)
        (2, 3) (2, 3)
    """
    if len(tensors) == 1 and isinstance(tensors[0], (list, tuple)):
        tensors = tuple(tensors[0])
    return tuple(ops.meshgrid(*tensors, indexing=indexing or "ij"))


NAMES = ("cat", "concat", "stack", "hstack", "dstack", "split", "chunk", "unbind", "reshape",
         "permute", "transpose", "swapaxes", "squeeze", "unsqueeze", "flatten", "narrow", "select",
         "broadcast_to", "tile", "repeat_interleave", "flip", "roll", "tril", "triu", "t", "trace",
         "ravel", "diag", "diff", "meshgrid")
__all__ = list(NAMES)

name_errors(globals(), NAMES)

"""``mindspore.ops``' ``reverse_sequence``, ``unique_with_pad`` and ``random_categorical``
(re-exported by ``math_func``), and the Tensor methods MindSpore 2.10 has for them and for
``choose``, ``resize``, ``itemset``, ``data_ptr`` and the ``scatter_*`` reductions (the
``tensor_scatter_*`` functions as methods). Values stay engine tensors (``reverse_sequence`` is a
gather, differentiable); the index bookkeeping is NumPy on the indices."""
import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import ComputeError, DTypeError, ShapeError
from ...common import dtype as mstype
from . import _segment_func
from ._args import int_arg as _int

__all__ = ["reverse_sequence", "unique_with_pad", "random_categorical"]


def _tensor(op, name, x):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', '{name}' must be a Tensor, but got {type(x).__name__}.")
    return x


def reverse_sequence(x, seq_lengths, seq_dim, batch_dim=0):
    """Reverses, for each example `b` along `batch_dim`, the first ``seq_lengths[b]`` elements
    along `seq_dim`.

    Args:
        x (Tensor): The input.
        seq_lengths (Tensor): Int32 or Int64 ``[x.shape[batch_dim]]``, each at most
            ``x.shape[seq_dim]``.
        seq_dim (int): The axis reversed.
        batch_dim (int): The axis of the examples. Default: ``0``.

    Returns:
        Tensor of `x`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
        >>> print(ops.reverse_sequence(x, ms.Tensor([2, 3], ms.int32), 1))
        [[2. 1. 3.]
         [6. 5. 4.]]
    """
    op = "ReverseSequence"
    x = _tensor(op, "x", x)
    lengths = _tensor(op, "seq_lengths", seq_lengths)
    if lengths.dtype not in (mstype.int32, mstype.int64) or lengths.ndim != 1:
        raise DTypeError(f"For '{op}', 'seq_lengths' must be a 1-D Int32 or Int64 Tensor, but got "
                         f"{lengths.dtype} of shape {list(lengths.shape)}.")
    nd = x.ndim
    seq_dim, batch_dim = _int(op, "seq_dim", seq_dim), _int(op, "batch_dim", batch_dim)
    for name, d in (("seq_dim", seq_dim), ("batch_dim", batch_dim)):
        if not 0 <= d < nd:
            raise ShapeError(f"For '{op}', '{name}' must be in [0, {nd}), but got {d}.")
    if seq_dim == batch_dim:
        raise ShapeError(f"For '{op}', 'seq_dim' and 'batch_dim' must differ, but both are {seq_dim}.")
    n, t = x.shape[batch_dim], x.shape[seq_dim]
    lens = lengths.asnumpy().astype(_np.int64)
    if lens.shape != (n,):
        raise ShapeError(f"For '{op}', 'seq_lengths' must have {n} elements (x.shape[{batch_dim}]), "
                         f"but got {lens.shape[0]}.")
    bad = _np.flatnonzero((lens < 0) | (lens > t))
    if bad.size:
        raise ComputeError(f"Invalid seq_lengths[{bad[0]}]: {lens[bad[0]]}")
    # Position j of example b reads position len_b - 1 - j when j < len_b, else j.
    j = _np.arange(t)
    src = _np.where(j[None, :] < lens[:, None], lens[:, None] - 1 - j[None, :], j[None, :])
    # Move the batch and sequence axes first, gather per example, and move them back.
    rest = [a for a in range(nd) if a not in (batch_dim, seq_dim)]
    moved = x.permute(batch_dim, seq_dim, *rest)
    flat = moved.reshape((n * t,) + tuple(moved.shape[2:]))
    rows = (src + t * _np.arange(n)[:, None]).reshape(-1)
    out = flat[Tensor(rows.astype(_np.int64))].reshape(moved.shape)
    back = _np.argsort([batch_dim, seq_dim] + rest)
    return out.permute(*[int(a) for a in back])


def unique_with_pad(x, pad_num):
    """The distinct values of a 1-D tensor in the order they first appear, padded with `pad_num`
    to its length, and the position of each element's value among them.

    Args:
        x (Tensor): 1-D Int32, Int64 or Float32.
        pad_num (Union[int, float]): The padding value.

    Returns:
        tuple(Tensor, Tensor), ``(y, idx)``, both of `x`'s shape; `y` of `x`'s dtype, `idx` of
        `x`'s for integers and Int32 for Float32.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> y, idx = ops.unique_with_pad(ms.Tensor([3, 1, 1, 2], ms.int64), 9)
        >>> print(y, idx)
        [3 1 2 9] [0 1 1 2]
    """
    op = "UniqueWithPad"
    x = _tensor(op, "x", x)
    if x.dtype not in (mstype.int32, mstype.int64, mstype.float32):
        raise DTypeError(f"For primitive[{op}], the input must be Int32, Int64 or Float32, but got "
                         f"{x.dtype}.")
    if x.ndim != 1:
        raise ShapeError(f"For primitive[{op}], the input_shape_size must be equal to 1, but got "
                         f"{x.ndim}.")
    if x.dtype == mstype.float32:
        if isinstance(pad_num, bool) or not isinstance(pad_num, (int, float)):
            raise DTypeError(f"For primitive[{op}], 'pad_num' must be a number, but got "
                             f"{type(pad_num).__name__}.")
        pad = float(pad_num)
    else:
        pad = _int(op, "pad_num", pad_num)
    idx_dtype = mstype.int32 if x.dtype == mstype.float32 else x.dtype  # as MindSpore's kernel
    v = x.asnumpy()
    values, first, inverse = _np.unique(v, return_index=True, return_inverse=True)
    order = _np.argsort(first)  # first-appearance order
    rank = _np.empty_like(order)
    rank[order] = _np.arange(order.size)
    y = _np.full(v.shape, pad, v.dtype)
    y[:order.size] = values[order]
    return Tensor(y, x.dtype), Tensor(rank[inverse.reshape(-1)].astype(_np.int64), idx_dtype)


def random_categorical(logits, num_sample, seed=0, dtype=mstype.int64):
    """`num_sample` class indices per row of `logits` (unnormalised log-probabilities), drawn
    independently; `seed` 0 draws from the global generator, another seed reproducibly.

    Args:
        logits (Tensor): ``[batch, classes]`` float.
        num_sample (int): Samples per row.
        seed (int): The seed. Default: ``0``.
        dtype (mindspore.dtype): Int16, Int32 or Int64. Default: ``mstype.int64``.

    Returns:
        Tensor ``[batch, num_sample]``.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> logits = ms.Tensor(np.log(np.array([[1e-9, 1.0]], np.float32)))
        >>> print(ops.random_categorical(logits, 3, 1))
        [[1 1 1]]
    """
    op = "RandomCategorical"
    logits = _tensor(op, "logits", logits)
    if logits.dtype not in mstype.float_type or logits.ndim != 2:
        raise DTypeError(f"For '{op}', 'logits' must be a 2-D float Tensor, but got {logits.dtype} "
                         f"of shape {list(logits.shape)}.")
    n = _int(op, "num_sample", num_sample)
    if n <= 0:
        raise ShapeError(f"For '{op}', 'num_sample' must be positive, but got {n}.")
    seed = _int(op, "seed", seed)
    if dtype not in (mstype.int16, mstype.int32, mstype.int64):
        raise DTypeError(f"For '{op}', 'dtype' must be Int16, Int32 or Int64, but got {dtype}.")
    from .random_func import multinomial
    probs = _C.softmax(logits.astype(mstype.float32), -1)
    draws = multinomial(probs, n, True, seed=seed if seed else None)
    return draws.astype(dtype)


def _choose(self, choices, mode="clip"):
    """For each element, the value of the choice it names (see ``mindspore.numpy.choose``).

    Args:
        choices (Union[list[Tensor], tuple[Tensor]]): The choices (broadcast together).
        mode (str): Out-of-range indices: ``'clip'`` or ``'wrap'``. Default: ``'clip'``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> a = ms.Tensor([2, 0, 1], ms.int32)
        >>> print(a.choose([ms.Tensor([1, 2, 3]), ms.Tensor([4, 5, 6]), ms.Tensor([7, 8, 9])]))
        [7 2 6]
    """
    from ...numpy import choose
    return choose(self, choices, mode)


def _resize(self, *new_shape):
    """A new tensor of `new_shape` holding this one's elements in order, cut or padded with
    zeros (no shape: a copy).

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([[1.0, 2.0], [3.0, 4.0]]).resize(3, 2))
        [[1. 2.]
         [3. 4.]
         [0. 0.]]
    """
    if not new_shape:
        return self.copy()
    shape = tuple(new_shape[0]) if len(new_shape) == 1 and isinstance(new_shape[0], (tuple, list)) \
        else new_shape
    shape = tuple(_int("resize", "new_shape", d) for d in shape)
    if any(d < 0 for d in shape):
        raise ShapeError(f"For 'resize', the new shape must not be negative, but got {shape}.")
    size = int(_np.prod(shape, dtype=_np.int64))
    flat = self.reshape(-1)
    if size <= flat.shape[0]:
        return flat[:size].reshape(shape)
    return _C.concat([flat, _C.full((size - flat.shape[0],), 0, self.dtype)], 0).reshape(shape)


def _itemset(self, *args):
    """A copy of this tensor with one element set: ``itemset(value)`` for a one-element tensor,
    ``itemset(flat_index, value)`` or ``itemset((i, j, ...), value)``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([[1.0, 2.0], [3.0, 4.0]]).itemset((0, 1), 9.0))
        [[1. 9.]
         [3. 4.]]
    """
    if len(args) == 1:
        if self.size != 1:
            raise ShapeError(f"For 'itemset', a tensor of {self.size} elements needs an index and "
                             "a value.")
        at, value = 0, args[0]
    elif len(args) == 2:
        at, value = args
    else:
        raise DTypeError(f"For 'itemset', give a value or an index and a value, but got {len(args)} "
                         "arguments.")
    out = self.copy()
    if isinstance(at, (tuple, list)):
        out[tuple(at)] = value
    else:
        i = _int("itemset", "index", at)
        if not -self.size <= i < self.size:
            raise ShapeError(f"For 'itemset', index {i} is out of range for {self.size} elements.")
        flat = out.reshape(-1)
        flat[i] = value
        out = flat.reshape(self.shape)
    return out


def _data_ptr(self):
    """The address of this tensor's first element in host memory (an int).

    Returns:
        int.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([1.0, 2.0])
        >>> print(x.data_ptr() == x.data_ptr())
        True
    """
    return int(self.asnumpy().__array_interface__["data"][0])


def _scatter(name, fn):
    def method(self, indices, updates):
        return fn(self, indices, updates)
    method.__name__ = name
    method.__doc__ = f"""``ops.tensor_{name}(self, indices, updates)`` (a new tensor).

    Args:
        indices (Tensor): Int32 or Int64 indices ``[..., k]``. updates (Tensor): One value
            (or slice) per index.

    Returns:
        Tensor of this tensor's shape.

    Examples:
        >>> import mindspore as ms
        >>> x = ms.Tensor([4.0, 6.0])
        >>> print(x.{name}(ms.Tensor([[1]]), ms.Tensor([2.0])).shape)
        (2,)
    """
    return method


def _unique_with_pad_method(self, pad_num):
    """See :func:`ops.unique_with_pad`.

    Args:
        pad_num (int): The padding value.

    Returns:
        tuple(Tensor, Tensor).

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([1, 1, 2], ms.int32).unique_with_pad(0)[0])
        [1 2 0]
    """
    return unique_with_pad(self, pad_num)


def _random_categorical_method(self, num_sample, seed=0, dtype=mstype.int64):
    """See :func:`ops.random_categorical`.

    Args:
        num_sample (int): Samples per row. seed (int): The seed. dtype: The index dtype.

    Returns:
        Tensor.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> print(ms.Tensor(np.log(np.array([[1e-9, 1.0]], np.float32))).random_categorical(2, 1))
        [[1 1]]
    """
    return random_categorical(self, num_sample, seed, dtype)


def _reverse_sequence_method(self, seq_lengths, seq_dim, batch_dim=0):
    """See :func:`ops.reverse_sequence`.

    Args:
        seq_lengths (Tensor): The lengths. seq_dim (int): The reversed axis. batch_dim (int):
            The examples' axis. Default: ``0``.

    Returns:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.Tensor([[1, 2, 3]]).reverse_sequence(ms.Tensor([2], ms.int32), 1))
        [[2 1 3]]
    """
    return reverse_sequence(self, seq_lengths, seq_dim, batch_dim)


def _sub(x, indices, updates):
    return _segment_func.tensor_scatter_sub(x, indices, updates)


TENSOR_METHODS = {
    "choose": _choose, "resize": _resize, "itemset": _itemset, "data_ptr": _data_ptr,
    "unique_with_pad": _unique_with_pad_method, "random_categorical": _random_categorical_method,
    "reverse_sequence": _reverse_sequence_method,
    "scatter_div": _scatter("scatter_div", _segment_func.tensor_scatter_div),
    "scatter_max": _scatter("scatter_max", _segment_func.tensor_scatter_max),
    "scatter_min": _scatter("scatter_min", _segment_func.tensor_scatter_min),
    "scatter_mul": _scatter("scatter_mul", _segment_func.tensor_scatter_mul),
    "scatter_sub": _scatter("scatter_sub", _sub),
}

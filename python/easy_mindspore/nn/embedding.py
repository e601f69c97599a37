"""``nn.Embedding``: a lookup table of ``vocab_size`` rows. The lookup is indexing (a gather in the
engine), so the gradient adds back into the looked-up rows."""
import numpy as _np

from .. import _C
from .._C import Tensor
from .._errors import ComputeError, DTypeError, ShapeError
from ..common import dtype as mstype
from ..common.initializer import initializer
from ..common.parameter import Parameter
from .cell import Cell

__all__ = ["Embedding"]


def _positive(v, what):
    if isinstance(v, bool) or not isinstance(v, (int, _np.integer)):
        raise DTypeError(f"For 'Embedding', '{what}' must be an int, but got {type(v).__name__}.")
    if v <= 0:
        raise ShapeError(f"For 'Embedding', '{what}' must be a positive int, but got {v!r}.")
    return int(v)


class Embedding(Cell):
    """``Embedding(vocab_size, embedding_size, use_one_hot=False, embedding_table='normal',
    dtype=mstype.float32, padding_idx=None)``: the rows of ``embedding_table`` (a Parameter of
    shape ``[vocab_size, embedding_size]``, ``N(0, 0.01²)`` by default) at the Int32/Int64 ids of
    the input; the output has the input's shape plus ``embedding_size``. The row ``padding_idx``
    starts as zeros. A negative id counts from the end (as MindSpore's CPU Gather); one outside
    ``[-vocab_size, vocab_size)`` is a RuntimeError (with ``use_one_hot``, its row is zeros).

    Args:
        vocab_size (int): The number of embeddings.
        embedding_size (int): The size of each embedding.
        use_one_hot (bool, optional): Whether the lookup is a one-hot matmul. Default: ``False``.
        embedding_table (Union[str, Initializer, Tensor], optional): The initializer of the table.
            Default: ``'normal'``.
        dtype (mindspore.dtype, optional): The dtype of the parameters. Default: ``mstype.float32``.
        padding_idx (int, optional): An index whose row starts at zero. Default: ``None``.

    Outputs:
        Tensor of shape ``ids.shape + [embedding_size]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> ids = ms.Tensor([[0, 2], [1, 1]], ms.int32)
        >>> print(nn.Embedding(5, 3)(ids).shape)
        (2, 2, 3)
    """

    def __init__(self, vocab_size, embedding_size, use_one_hot=False, embedding_table="normal",
                 dtype=mstype.float32, padding_idx=None):
        super().__init__()
        self.vocab_size = _positive(vocab_size, "vocab_size")
        self.embedding_size = _positive(embedding_size, "embedding_size")
        if not isinstance(use_one_hot, bool):
            raise DTypeError(f"For 'Embedding', 'use_one_hot' must be a bool, but got "
                             f"{type(use_one_hot).__name__}.")
        if padding_idx is not None:
            if isinstance(padding_idx, bool) or not isinstance(padding_idx, (int, _np.integer)) \
                    or not -self.vocab_size <= padding_idx < self.vocab_size:
                raise ShapeError(f"For 'Embedding', 'padding_idx' must be an int in "
                                 f"[{-self.vocab_size}, {self.vocab_size}), but got {padding_idx!r}.")
            padding_idx = int(padding_idx) % self.vocab_size
        self.use_one_hot, self.padding_idx, self.dtype = use_one_hot, padding_idx, dtype
        shape = (self.vocab_size, self.embedding_size)
        table = initializer(embedding_table, shape, dtype)
        if tuple(table.shape) != shape:
            raise ShapeError(f"For 'Embedding', 'embedding_table' must have shape {list(shape)}, "
                             f"but got {list(table.shape)}.")
        table = table.astype(dtype)
        if padding_idx is not None:
            rows = Tensor(_np.arange(self.vocab_size).reshape(-1, 1) != padding_idx)
            table = _C.where_(rows, table, Tensor(0.0, dtype))
        self.embedding_table = Parameter(table, name="embedding_table")

    def construct(self, ids):
        if not isinstance(ids, Tensor) or ids.dtype not in (mstype.int32, mstype.int64):
            got = ids.dtype if isinstance(ids, Tensor) else type(ids).__name__
            raise DTypeError(f"For 'Embedding', the input ids must be an Int32 or Int64 Tensor, "
                             f"but got {got}.")
        if self.use_one_hot:
            hot = _C.where_(ids.expand_dims(-1) == Tensor(_np.arange(self.vocab_size)),
                            Tensor(1.0, self.dtype), Tensor(0.0, self.dtype))
            return _C.matmul(hot, self.embedding_table)
        flat = ids.reshape(-1)
        # MindSpore 2.10 (CPU) looks the ids up with Gather: a negative id counts from the end
        # of the table, and one outside [-vocab_size, vocab_size) is a RuntimeError.
        bad = (flat < -self.vocab_size) | (flat >= self.vocab_size)
        if not ids._is_traced and flat.size and bool(bad.any()):
            i = int(flat[bad][0])
            raise ComputeError(f"For 'Embedding', the index {i} is out of range for a vocabulary "
                               f"of size {self.vocab_size}: the ids must be in "
                               f"[{-self.vocab_size}, {self.vocab_size}).")
        return self.embedding_table[flat].reshape(tuple(ids.shape) + (self.embedding_size,))

    def extend_repr(self):
        return (f"vocab_size={self.vocab_size}, embedding_size={self.embedding_size}, "
                f"use_one_hot={self.use_one_hot}, embedding_table={self.embedding_table!r}, "
                f"dtype={self.dtype}, padding_idx={self.padding_idx}")

"""``nn.EmbeddingLookup``: rows of a Parameter ``embedding_table`` ``[vocab_size,
embedding_size]`` looked up by integer indices, as MindSpore 2.x's CPU lookup — an index outside
``[0, vocab_size)`` gives a row of zeros. The host/device placement options are accepted and
checked; there is one device here."""
import numpy as _np

from .. import ops as _ops
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ..common.initializer import initializer
from ..common.parameter import Parameter
from .cell import Cell

__all__ = ["EmbeddingLookup"]

_SLICE_MODES = ("field_slice", "table_row_slice", "table_column_slice", "batch_slice")


def _positive_int(what, v):
    if isinstance(v, bool) or not isinstance(v, (int, _np.integer)):
        raise DTypeError(f"For 'EmbeddingLookup', '{what}' must be an int, but got "
                         f"{type(v).__name__}.")
    if v <= 0:
        raise ShapeError(f"For 'EmbeddingLookup', '{what}' must be > 0, but got {v}.")
    return int(v)


class EmbeddingLookup(Cell):
    r"""Looks up rows of the embedding table: the output is ``embedding_table[indices]``, with
    zeros for indices outside ``[0, vocab_size)``; `max_norm` rescales each looked-up row whose
    L2 norm exceeds it to norm `max_norm`.

    Args:
        vocab_size (int): The number of rows.
        embedding_size (int): The length of a row.
        param_init (Union[Tensor, str, Initializer, numbers.Number], optional): The table's
            initializer. Default: ``'normal'``.
        target (str, optional): ``'CPU'`` or ``'DEVICE'`` (where MindSpore looks up; one
            device here). Default: ``'CPU'``.
        slice_mode (str, optional): How a distributed table is split: ``'batch_slice'``,
            ``'field_slice'``, ``'table_row_slice'`` or ``'table_column_slice'`` (one device
            here). Default: ``'batch_slice'``.
        manual_shapes (tuple, optional): For ``'field_slice'``. Default: ``None``.
        max_norm (Union[float, None], optional): The largest row norm. Default: ``None``.
        sparse (bool, optional): Whether MindSpore's gradient is sparse (it is dense here, of the
            same values). Default: ``True``.
        dtype (mindspore.dtype, optional): The table's dtype. Default: ``mstype.float32``.

    Inputs:
        - **indices** (Tensor) - int32 or int64, rank >= 1.

    Outputs:
        Tensor of shape ``indices.shape + (embedding_size,)``.

    Raises:
        TypeError: If `vocab_size` or `embedding_size` is not an int, `sparse` is not a bool,
            `max_norm` is not a float, or `indices` is not an int32/int64 Tensor.
        ValueError: If `vocab_size` or `embedding_size` is not positive, `target` or
            `slice_mode` is not one of the names, `max_norm` is not positive, a Tensor
            `param_init` has the wrong shape, or `indices` is 0-D.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> table = ms.Tensor(np.arange(8, dtype=np.float32).reshape(4, 2))
        >>> net = nn.EmbeddingLookup(4, 2, param_init=table)
        >>> print(net(ms.Tensor(np.array([[1, 0], [3, 2]]), ms.int32)))
        [[[2. 3.]
          [0. 1.]]
        <BLANKLINE>
         [[6. 7.]
          [4. 5.]]]
        >>> print(net(ms.Tensor(np.array([5, -1]), ms.int32)))
        [[0. 0.]
         [0. 0.]]
    """

    def __init__(self, vocab_size, embedding_size, param_init="normal", target="CPU",
                 slice_mode="batch_slice", manual_shapes=None, max_norm=None, sparse=True,
                 dtype=mstype.float32):
        super().__init__()
        self.vocab_size = _positive_int("vocab_size", vocab_size)
        self.embedding_size = _positive_int("embedding_size", embedding_size)
        if target not in ("CPU", "DEVICE"):
            raise ShapeError(f"For 'EmbeddingLookup', 'target' must be 'CPU' or 'DEVICE', but got "
                             f"{target!r}.")
        if slice_mode not in _SLICE_MODES:
            raise ShapeError(f"For 'EmbeddingLookup', 'slice_mode' must be one of "
                             f"{list(_SLICE_MODES)}, but got {slice_mode!r}.")
        if not isinstance(sparse, bool):
            raise DTypeError(f"For 'EmbeddingLookup', 'sparse' must be a bool, but got "
                             f"{type(sparse).__name__}.")
        if max_norm is not None:
            if not isinstance(max_norm, float):
                raise DTypeError(f"For 'EmbeddingLookup', 'max_norm' must be a float, but got "
                                 f"{type(max_norm).__name__}.")
            if not max_norm > 0:
                raise ShapeError(f"For 'EmbeddingLookup', 'max_norm' must be > 0, but got "
                                 f"{max_norm}.")
        shape = (self.vocab_size, self.embedding_size)
        if isinstance(param_init, Tensor) and tuple(param_init.shape) != shape:
            raise ShapeError(f"For 'EmbeddingLookup', 'param_init' must have shape {shape}, but "
                             f"got {tuple(param_init.shape)}.")
        table = initializer(param_init, shape, dtype)
        if table.dtype != dtype:
            table = table.astype(dtype)
        self.embedding_table = Parameter(table, name="embedding_table")
        self.target, self.slice_mode, self.manual_shapes = target, slice_mode, manual_shapes
        self.max_norm, self.sparse = max_norm, sparse

    def construct(self, indices):
        if not isinstance(indices, Tensor):
            raise DTypeError(f"For 'EmbeddingLookup', 'indices' must be a Tensor, but got "
                             f"{type(indices).__name__}.")
        if indices.dtype not in (mstype.int32, mstype.int64):
            raise DTypeError(f"For 'EmbeddingLookup', 'indices' must be int32 or int64, but got "
                             f"{indices.dtype}.")
        if indices.ndim == 0:
            raise ShapeError("For 'EmbeddingLookup', 'indices' must have rank >= 1, but got a "
                             "0-D Tensor.")
        inside = (indices >= 0) & (indices < self.vocab_size)
        safe = _ops.where(inside, indices, _ops.zeros_like(indices))
        rows = self.embedding_table[safe]
        rows = rows * inside.expand_dims(-1).astype(rows.dtype)
        if self.max_norm is not None:
            norm = (rows * rows).sum(axis=-1, keepdims=True).sqrt()
            scale = _ops.where(norm > self.max_norm, self.max_norm / (norm + 1e-7),
                               _ops.ones_like(norm))
            rows = rows * scale
        return rows

    def __repr__(self):
        return "EmbeddingLookup()"

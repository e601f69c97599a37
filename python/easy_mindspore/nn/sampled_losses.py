"""``nn.SampledSoftmaxLoss`` (TensorFlow's sampled softmax over a uniform candidate sampler) and
``nn.MultiFieldEmbeddingLookup`` (weighted embeddings reduced per field), with MindSpore 2.10's
arguments and values. Both are compositions of ``ops`` on their inputs, so gradients flow to the
weights, biases, activations and the embedding table."""
import numpy as _np

from .. import ops as _ops
from .._C import Tensor
from .._errors import DTypeError, ShapeError, TensorIndexError
from ..common import dtype as mstype
from ..common.initializer import initializer
from ..common.parameter import Parameter
from .cell import Cell
from .loss import LossBase

__all__ = ["SampledSoftmaxLoss", "MultiFieldEmbeddingLookup"]

_FLT_MAX = float(_np.finfo(_np.float32).max)


def _int(cell, name, v, low):
    if isinstance(v, bool) or not isinstance(v, (int, _np.integer)):
        raise DTypeError(f"For '{cell}', '{name}' must be an int, but got {type(v).__name__}.")
    if v < low:
        raise ShapeError(f"For '{cell}', '{name}' must be >= {low}, but got {v}.")
    return int(v)


def _bool(cell, name, v):
    if not isinstance(v, bool):
        raise DTypeError(f"For '{cell}', '{name}' must be a bool, but got {type(v).__name__}.")
    return v


def _tensor(cell, name, x, dtypes, ndim=None):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{cell}', '{name}' must be a Tensor, but got {type(x).__name__}.")
    # The rank first, then the dtype (MindSpore 2.10's order: a 1-D Int16 index is a ValueError).
    if ndim is not None and x.ndim != ndim:
        raise ShapeError(f"For '{cell}', '{name}' must be {ndim}-D, but got shape {tuple(x.shape)}.")
    if dtypes is not None and x.dtype not in dtypes:
        raise DTypeError(f"For '{cell}', '{name}' must have a dtype in {[str(d) for d in dtypes]}, "
                         f"but got {x.dtype}.")
    return x


_FLOATS = (mstype.float16, mstype.float32, mstype.float64)
_INTS = (mstype.int32, mstype.int64)


class SampledSoftmaxLoss(LossBase):
    r"""The sampled softmax loss (Jean et al.; TensorFlow's ``sampled_softmax_loss``): the
    softmax cross entropy over the true classes and `num_sampled` sampled classes only, each
    logit ``x·w_c + b_c`` corrected by ``− log Q(c)``, the log of the class's expected count
    under the sampler; a sampled class equal to a true class of the row ("accidental hit") gets
    the logit −FLT_MAX when `remove_accidental_hits`. The targets are ``1/num_true`` on the true
    classes; the loss of a row is ``−Σ t·log(softmax(logits) + 1e-20)``, as MindSpore computes it.

    Args:
        num_sampled (int): The number of classes sampled per batch.
        num_classes (int): The number of classes.
        num_true (int, optional): The number of true classes per example. Default: ``1``.
        sampled_values (Union[list, tuple], optional): ``(sampled_candidates,
            true_expected_count, sampled_expected_count)`` of a candidate sampler; None draws them
            with ``ops.UniformCandidateSampler(num_true, num_sampled, True, num_classes, seed)``,
            as MindSpore does. Default: ``None``.
        remove_accidental_hits (bool, optional): Whether sampled classes equal to a true class are
            left out of the softmax. Default: ``True``.
        seed (int, optional): The sampler's seed (0: a random one). Default: ``0``.
        reduction (str, optional): ``'none'``, ``'mean'`` or ``'sum'``. Default: ``'none'``.

    Inputs:
        - **weights** (Tensor) - ``(num_classes, dim)``, float.
        - **biases** (Tensor) - ``(num_classes,)``.
        - **labels** (Tensor) - ``(N, num_true)`` (or ``(N,)`` for one), int32 or int64.
        - **logits** (Tensor) - ``(N, dim)``, the activations.

    Outputs:
        Tensor, ``(N,)`` for ``'none'``, else a scalar.

    Raises:
        TypeError: If an argument has the wrong type, an input is not a Tensor or `labels` not of
            int32/int64.
        ValueError: If `num_sampled` or `num_true` exceeds `num_classes`, `num_true` < 1,
            `seed` < 0, `sampled_values` does not hold 3 items, or the inputs' shapes disagree.
        IndexError: If a label is outside ``[0, num_classes)``.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> w = ms.Tensor(np.arange(28, dtype=np.float32).reshape(7, 4) / 10)
        >>> b = ms.Tensor(np.arange(7, dtype=np.float32) / 7)
        >>> x = ms.Tensor([[0.1, -0.2, 0.3, 0.4], [0.5, 0.1, -0.3, 0.2], [-0.4, 0.3, 0.2, -0.1]])
        >>> sampled = (ms.Tensor([1, 2, 4, 5], ms.int32), ms.Tensor(np.full((3, 1), 0.5, np.float32)),
        ...            ms.Tensor([0.5, 0.6, 0.7, 0.8]))
        >>> loss = nn.SampledSoftmaxLoss(4, 7, sampled_values=sampled)
        >>> print(loss(w, b, ms.Tensor([0, 3, 6], ms.int32), x).asnumpy().round(5))
        [2.46817 1.46841 1.11143]
    """

    def __init__(self, num_sampled, num_classes, num_true=1, sampled_values=None,
                 remove_accidental_hits=True, seed=0, reduction="none"):
        super().__init__(reduction)
        name = "SampledSoftmaxLoss"
        self.num_sampled = _int(name, "num_sampled", num_sampled, 1)
        self.num_classes = _int(name, "num_classes", num_classes, 1)
        self.num_true = _int(name, "num_true", num_true, 1)
        self.seed = _int(name, "seed", seed, 0)
        self.remove_accidental_hits = _bool(name, "remove_accidental_hits", remove_accidental_hits)
        if self.num_sampled > self.num_classes or self.num_true > self.num_classes:
            raise ShapeError(f"For '{name}', 'num_sampled' and 'num_true' must be at most "
                             f"'num_classes' {num_classes}, but got {num_sampled} and {num_true}.")
        if sampled_values is not None:
            if not isinstance(sampled_values, (list, tuple)):
                raise DTypeError(f"For '{name}', 'sampled_values' must be a list or tuple, but got "
                                 f"{type(sampled_values).__name__}.")
            if len(sampled_values) != 3:
                raise ShapeError(f"For '{name}', 'sampled_values' must hold 3 items, but got "
                                 f"{len(sampled_values)}.")
        self.sampled_values = sampled_values
        self.sampler = _ops.UniformCandidateSampler(self.num_true, self.num_sampled, True,
                                                    self.num_classes, self.seed,
                                                    self.remove_accidental_hits)

    def construct(self, weights, biases, labels, logits):
        name = "SampledSoftmaxLoss"
        w = _tensor(name, "weights", weights, _FLOATS, 2)
        b = _tensor(name, "biases", biases, _FLOATS, 1)
        x = _tensor(name, "logits", logits, _FLOATS, 2)
        labels = _tensor(name, "labels", labels, _INTS)
        c, dim = w.shape
        n = x.shape[0]
        if b.shape[0] != c or x.shape[1] != dim or labels.size != n * self.num_true:
            raise ShapeError(f"For '{name}', 'weights' (C, dim), 'biases' (C,), 'labels' (N, "
                             f"num_true={self.num_true}) and 'logits' (N, dim) disagree: "
                             f"{tuple(w.shape)}, {tuple(b.shape)}, {tuple(labels.shape)} and "
                             f"{tuple(x.shape)}.")
        lab = labels.asnumpy().reshape(n, self.num_true).astype(_np.int64)
        if lab.size and (lab.min() < 0 or lab.max() >= c):
            raise TensorIndexError(f"For '{name}', 'labels' must be in [0, {c}), but got "
                                   f"{lab.min()} to {lab.max()}.")
        values = self.sampled_values if self.sampled_values is not None else self.sampler(
            Tensor(lab))
        sampled, true_count, sampled_count = (
            _tensor(name, f"sampled_values[{i}]", v, _INTS + _FLOATS) for i, v in enumerate(values))
        s = sampled.asnumpy().reshape(-1).astype(_np.int64)
        if s.size and (s.min() < 0 or s.max() >= c):
            raise TensorIndexError(f"For '{name}', the sampled classes must be in [0, {c}), but got "
                                   f"{s.min()} to {s.max()}.")
        flat = Tensor(lab.reshape(-1))
        true_w = _ops.gather(w, flat, 0).reshape(n, self.num_true, dim)
        true_logits = (x.expand_dims(1) * true_w).sum(-1) + _ops.gather(b, flat, 0).reshape(
            n, self.num_true)
        sampled_logits = _ops.matmul(x, _ops.gather(w, Tensor(s), 0).T) + _ops.gather(b, Tensor(s), 0)
        # Subtract log Q(c), the log expected count of each class under the sampler.
        true_logits = true_logits - _ops.log(true_count.astype(x.dtype)).reshape(n, self.num_true)
        sampled_logits = sampled_logits - _ops.log(sampled_count.astype(x.dtype)).reshape(1, -1)
        if self.remove_accidental_hits:
            # MindSpore 2.10 passes the flag to its sampler only and keeps the hits' logits; they
            # are removed here, as documented and as TensorFlow does.
            hits = (lab[:, :, None] == s[None, None, :]).any(1)
            sampled_logits = sampled_logits + Tensor(_np.where(hits, -_FLT_MAX, 0.0)).astype(x.dtype)
        out = _ops.cat((true_logits, sampled_logits), 1)
        targets = _np.concatenate([_np.full(self.num_true, 1.0 / self.num_true), _np.zeros(s.size)])
        shifted = _ops.exp(out - out.max(axis=1, keepdims=True))
        pred = shifted / shifted.sum(axis=1, keepdims=True)
        loss = -(Tensor(targets).astype(x.dtype) * _ops.log(pred + 1.0e-20)).sum(1)
        # MindSpore 2.10 returns the (N,) losses whatever `reduction` is; it is applied here.
        return self.get_loss(loss)


class MultiFieldEmbeddingLookup(Cell):
    r"""Embeddings of ids, weighted, and reduced per field: row ``[b, f]`` of the output is the
    ``SUM``, ``MEAN`` (the sum divided by ``Σ|value|``) or ``MAX`` (over entries of non-zero
    value) of ``value·table[id]`` over the entries of example ``b`` whose field id is ``f``; a
    field without entries (or, for MEAN/MAX, with zero total weight) gives zeros. Ids outside
    ``[0, vocab_size)`` look up zeros, as MindSpore's CPU lookup.

    Args:
        vocab_size (int): The number of rows of the table.
        embedding_size (int): The length of a row.
        field_size (int): The number of fields of the output.
        param_init (Union[Tensor, str, Initializer, numbers.Number], optional): The table's
            initializer. Default: ``'normal'``.
        target (str, optional): ``'CPU'`` or ``'DEVICE'`` (one device here). Default: ``'CPU'``.
        slice_mode (str, optional): ``'batch_slice'``, ``'field_slice'``, ``'table_row_slice'`` or
            ``'table_column_slice'`` (one device here). Default: ``'batch_slice'``.
        feature_num_list (tuple, optional): Needed by ``'field_slice'``; otherwise unused.
            Default: ``None``.
        max_norm (Union[float, None], optional): Each looked-up row longer than this is scaled to
            this L2 norm. Default: ``None``.
        sparse (bool, optional): Must be True for ``'CPU'`` (the gradient is dense here).
            Default: ``True``.
        operator (str, optional): ``'SUM'``, ``'MEAN'`` or ``'MAX'``. Default: ``'SUM'``.
        dtype (mindspore.dtype, optional): The table's dtype. Default: ``mstype.float32``.

    Inputs:
        - **input_indices** (Tensor) - ``(batch_size, seq_length)``, int32 or int64.
        - **input_values** (Tensor) - ``(batch_size, seq_length)``, float32, the weights.
        - **field_ids** (Tensor) - ``(batch_size, seq_length)``, int32, in ``[0, field_size)``.

    Outputs:
        Tensor of shape ``(batch_size, field_size, embedding_size)``.

    Raises:
        TypeError: If an argument or input has the wrong type or dtype.
        ValueError: If a size is not positive, a name is not one of its choices, `sparse` is
            False for ``'CPU'``, ``'field_slice'`` lacks `feature_num_list`, or the inputs are not
            2-D of one shape.
        IndexError: If a field id is outside ``[0, field_size)`` (MindSpore moves such an entry
            into a neighbouring example's field).

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> ids = ms.Tensor([[2, 4, 6, 0, 0], [1, 3, 5, 0, 0]], ms.int32)
        >>> values = ms.Tensor([[1., 2., 0.5, 0., 0.], [1., -1., 3., 0., 0.]])
        >>> fields = ms.Tensor([[0, 1, 1, 0, 0], [0, 0, 1, 0, 0]], ms.int32)
        >>> net = nn.MultiFieldEmbeddingLookup(10, 2, 3, param_init='ones', operator='MEAN')
        >>> print(net(ids, values, fields))
        [[[1. 1.]
          [1. 1.]
          [0. 0.]]
        <BLANKLINE>
         [[0. 0.]
          [1. 1.]
          [0. 0.]]]
    """

    def __init__(self, vocab_size, embedding_size, field_size, param_init="normal", target="CPU",
                 slice_mode="batch_slice", feature_num_list=None, max_norm=None, sparse=True,
                 operator="SUM", dtype=mstype.float32):
        super().__init__()
        name = "MultiFieldEmbeddingLookup"
        self.vocab_size = _int(name, "vocab_size", vocab_size, 1)
        self.embedding_size = _int(name, "embedding_size", embedding_size, 1)
        self.field_size = _int(name, "field_size", field_size, 1)
        self.sparse = _bool(name, "sparse", sparse)
        choices = (("target", target, ("CPU", "DEVICE")),
                   ("slice_mode", slice_mode, ("batch_slice", "field_slice", "table_row_slice",
                                               "table_column_slice")),
                   ("operator", operator, ("SUM", "MEAN", "MAX")))
        for what, v, allowed in choices:
            if not isinstance(v, str) or v not in allowed:
                raise ShapeError(f"For '{name}', '{what}' must be one of {list(allowed)}, but got "
                                 f"{v!r}.")
        if feature_num_list is not None and not isinstance(feature_num_list, tuple):
            raise DTypeError(f"For '{name}', 'feature_num_list' must be a tuple, but got "
                             f"{type(feature_num_list).__name__}.")
        if slice_mode == "field_slice" and feature_num_list is None:
            raise ShapeError(f"For '{name}', 'feature_num_list' must be given for 'field_slice'.")
        if not sparse and target == "CPU":
            raise ShapeError(f"For '{name}', 'sparse' must be True when 'target' is 'CPU'.")
        if max_norm is not None:
            if isinstance(max_norm, bool) or not isinstance(max_norm, float):
                raise DTypeError(f"For '{name}', 'max_norm' must be a float, but got "
                                 f"{type(max_norm).__name__}.")
            if not max_norm > 0:
                raise ShapeError(f"For '{name}', 'max_norm' must be > 0, but got {max_norm}.")
        if dtype not in _FLOATS:
            raise DTypeError(f"For '{name}', 'dtype' must be a float dtype, but got {dtype!r}.")
        shape = (self.vocab_size, self.embedding_size)
        if isinstance(param_init, Tensor) and tuple(param_init.shape) != shape:
            raise ShapeError(f"For '{name}', 'param_init' must have shape {shape}, but got "
                             f"{tuple(param_init.shape)}.")
        table = initializer(param_init, shape, dtype)
        self.embedding_table = Parameter(table if table.dtype == dtype else table.astype(dtype),
                                         name="embedding_table")
        self.target, self.slice_mode, self.feature_num_list = target, slice_mode, feature_num_list
        self.max_norm, self.operator = max_norm, operator

    def construct(self, input_indices, input_values, field_ids):
        name = "MultiFieldEmbeddingLookup"
        inputs = (("input_indices", input_indices, _INTS), ("input_values", input_values, (mstype.float32,)),
                  ("field_ids", field_ids, (mstype.int32,)))
        for arg, x, _ in inputs:  # every rank, then every dtype, as MindSpore checks them
            _tensor(name, arg, x, None, 2)
        ids, values, fields = (_tensor(name, arg, x, dtypes) for arg, x, dtypes in inputs)
        if not tuple(ids.shape) == tuple(values.shape) == tuple(fields.shape):
            raise ShapeError(f"For '{name}', 'input_indices', 'input_values' and 'field_ids' must have "
                             f"one shape, but got {tuple(ids.shape)}, {tuple(values.shape)} and "
                             f"{tuple(fields.shape)}.")
        f = fields.asnumpy()
        if f.size and (f.min() < 0 or f.max() >= self.field_size):
            raise TensorIndexError(f"For '{name}', 'field_ids' must be in [0, {self.field_size}), but "
                                   f"got {f.min()} to {f.max()}.")
        batch, n_fields, size = ids.shape[0], self.field_size, self.embedding_size
        inside = (ids >= 0) & (ids < self.vocab_size)
        rows = _ops.gather(self.embedding_table, _ops.where(inside, ids, _ops.zeros_like(ids)), 0)
        rows = _ops.where(inside.expand_dims(-1), rows, _ops.zeros_like(rows))
        if self.max_norm is not None:
            # Each row scaled to norm at most `max_norm` (MindSpore 2.10's ClipByNorm over the
            # rows of this 3-D lookup scales them by other rows' norms; this is the documented rule).
            norm = (rows * rows).sum(-1, keepdims=True).sqrt()
            rows = rows * _ops.where(norm > self.max_norm, self.max_norm / _ops.maximum(
                norm, _ops.full_like(norm, self.max_norm)), _ops.ones_like(norm))
        embedding = (values.expand_dims(-1).astype(rows.dtype) * rows).reshape(-1, size)
        segments = Tensor((f + _np.arange(batch).reshape(-1, 1) * n_fields).reshape(-1).astype(_np.int32))
        count = _ops.unsorted_segment_sum(values.abs().reshape(-1), segments, batch * n_fields)
        count = count.astype(rows.dtype).reshape(-1, 1)
        if self.operator == "MAX":
            # Entries of value 0 (padding) take no part in the maximum.
            pad = Tensor(_np.where(values.asnumpy().reshape(-1, 1) == 0, -_FLT_MAX, 0.0)).astype(rows.dtype)
            merged = _ops.unsorted_segment_max(embedding + pad, segments, batch * n_fields)
            merged = _ops.where(count != 0, merged, _ops.zeros_like(merged))
        else:
            merged = _ops.unsorted_segment_sum(embedding, segments, batch * n_fields)
            if self.operator == "MEAN":
                nonzero = count != 0
                merged = _ops.where(nonzero, merged / _ops.where(nonzero, count, _ops.ones_like(count)),
                                    _ops.zeros_like(merged))
        return merged.reshape(batch, n_fields, size)

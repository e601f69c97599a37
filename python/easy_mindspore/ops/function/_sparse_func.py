"""The sparse functions of ``mindspore.ops`` (MindSpore 2.10): conversions between dense, COO and CSR
tensors, products, sums, softmax, additions and concatenation of sparse tensors, and the makers
(the getters and the elementwise families ``coo_abs ... csr_tanh`` are in ``_sparse_elementwise``).

How they are built: the structure of a result (its indices, indptr, order) is worked out on the
host with NumPy from the inputs' structure; its values are then a composition of differentiable
dense ops of the inputs' values (``gather``, ``tensor_scatter_add``, ``unsorted_segment_sum``), so
``grad`` with respect to the values works everywhere.

Where MindSpore 2.10's CPU lacks a kernel (``csr_mm`` of two CSRTensors, ``make_*``, int64 CSR
indices, ``dense_to_sparse_csr`` of integers) or returns something else than it documents (``csr_mul``
by a number gives a bare values Tensor, ``coo_add``/``csr_add`` accept different shapes), these
follow the documentation: a CSRTensor, a ValueError."""
import numpy as _np

from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from ...common.sparse_tensor import COOTensor, CSRTensor, RowTensor, RowTensorInner

__all__ = ["coalesce", "coo2csr", "csr2coo", "csr_to_coo", "csr_to_dense", "dense_to_sparse_coo",
           "dense_to_sparse_csr", "csr_mm", "csr_mv", "csr_mul", "csr_div", "csr_add", "csr_reduce_sum",
           "csr_softmax", "csr_gather", "coo_add", "coo_concat", "make_coo_tensor", "make_csr_tensor",
           "make_sparse_tensor", "make_row_tensor", "make_row_tensor_inner", "row_tensor_add"]


def _F():
    """``ops.functional`` (this module is imported while it is being built)."""
    from .. import functional
    return functional


def _idx(a):
    """A host index array as an int64 Tensor (the index dtype of every dense op)."""
    return Tensor(_np.ascontiguousarray(a, dtype=_np.int64))


def _like(a, t):
    """The host integer array `a` as a Tensor of the integer dtype of `t`."""
    return Tensor(_np.asarray(a).astype(mstype.dtype_to_nptype(t.dtype)))


def _check(op, name, x, kind):
    if not isinstance(x, kind):
        names = kind.__name__ if isinstance(kind, type) else " or ".join(k.__name__ for k in kind)
        raise DTypeError(f"For {op}, '{name}' must be a {names}, but got {type(x).__name__}.")
    return x


def _rows(ptr):
    """The row of each stored value of a CSR tensor with row pointers `ptr`."""
    return _np.repeat(_np.arange(len(ptr) - 1), _np.diff(ptr))


def _positions(csr):
    """``(N, 2)`` host array of the (row, column) of each value of `csr`."""
    ptr = csr.indptr.asnumpy().astype(_np.int64)
    return _np.stack([_rows(ptr), csr.indices.asnumpy().astype(_np.int64)], 1)


def _promote(a, b):
    """Two value Tensors cast to their common dtype."""
    common = (Tensor(0, a.dtype) + Tensor(0, b.dtype)).dtype
    return a.astype(common), b.astype(common)


def scatter_add(dense, idx, values):
    """`dense` plus `values` added at the host positions `idx` (``(N, k)``)."""
    if idx.shape[0] == 0:
        return dense
    if values.dtype == mstype.bool_:
        return scatter_add(dense.astype(mstype.int32), idx, values.astype(mstype.int32)) != 0
    return _F().tensor_scatter_add(dense, _idx(idx), values)


def scatter_dense(idx, values, shape):
    """The dense tensor of `shape` with `values` at the host positions `idx`, duplicates added."""
    return scatter_add(_F().zeros(shape, values.dtype), idx, values)


def gather_at(dense, idx):
    """The entries (or slices) of `dense` at the host positions `idx` (``(N, k)``)."""
    if idx.shape[0] == 0:
        return _F().zeros((0,) + tuple(dense.shape[idx.shape[1]:]), dense.dtype)
    return _F().gather_nd(dense, _idx(idx))


def take(values, order):
    """``values[order]`` for a host index array, differentiably."""
    return _F().gather(values, _idx(order), 0) if len(order) else values[:0]


def _segment_sum(values, ids, n):
    """``out[k] = sum(values[i] for ids[i] == k)``, ``k < n``."""
    if len(ids) == 0:
        return _F().zeros((n,) + tuple(values.shape[1:]), values.dtype)
    return _F().unsorted_segment_sum(values, _idx(ids), n)


def _indptr(rows, n_rows):
    """The row pointers of values in the rows `rows` (sorted), of `n_rows` rows."""
    return _np.concatenate([[0], _np.cumsum(_np.bincount(rows, minlength=n_rows))])


def coo_to_csr(x):
    """`x` (COOTensor) in CSR format, its entries ordered by row, stably."""
    idx = x._host_indices()
    order = _np.argsort(idx[:, 0], kind="stable")
    return CSRTensor(_like(_indptr(idx[order, 0], x.shape[0]), x.indices), _like(idx[order, 1], x.indices),
                     take(x.values, order), x.shape)


def _dims2(op, x, what="Tensor"):
    if len(x.shape) != 2:
        raise ShapeError(f"For {op}, only 2-D {what}s are supported, but got the shape {tuple(x.shape)}.")


def csr_to_dense(csr_tensor):
    """The dense tensor of a 2-D CSRTensor.

    Args:
        csr_tensor (CSRTensor): 2-D.

    Returns:
        Tensor, of the CSRTensor's shape and dtype.

    Raises:
        TypeError: If `csr_tensor` is not a CSRTensor.
        ValueError: If it is not 2-D.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.CSRTensor(ms.Tensor([0, 1, 2], ms.int32), ms.Tensor([1, 0], ms.int32), ms.Tensor([5., 6.]), (2, 3))
        >>> print(ops.csr_to_dense(x))
        [[0. 5. 0.]
         [6. 0. 0.]]
    """
    _check("csr_to_dense", "csr_tensor", csr_tensor, CSRTensor)
    _dims2("csr_to_dense", csr_tensor, "CSRTensor")
    return scatter_dense(_positions(csr_tensor), csr_tensor.values, csr_tensor.shape)


def csr_to_coo(tensor):
    """A 2-D CSRTensor as a COOTensor (indices of the dtype of its column indices).

    Args:
        tensor (CSRTensor): 2-D.

    Returns:
        COOTensor.

    Raises:
        TypeError: If `tensor` is not a CSRTensor.
        ValueError: If it is not 2-D.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.CSRTensor(ms.Tensor([0, 1, 2], ms.int32), ms.Tensor([1, 0], ms.int32), ms.Tensor([5., 6.]), (2, 3))
        >>> print(ops.csr_to_coo(x).indices)
        [[0 1]
         [1 0]]
    """
    _check("csr_to_coo", "tensor", tensor, CSRTensor)
    _dims2("csr_to_coo", tensor, "CSRTensor")
    return COOTensor(_like(_positions(tensor), tensor.indices), tensor.values, tensor.shape)


def _nonzero(op, tensor):
    _check(op, "tensor", tensor, Tensor)
    _dims2(op, tensor)
    idx = _np.argwhere(tensor.asnumpy() != 0)
    return idx, gather_at(tensor, idx)


def dense_to_sparse_coo(tensor):
    """The nonzero entries of a 2-D Tensor as a COOTensor (int32 indices, in row-major order).

    Args:
        tensor (Tensor): 2-D.

    Returns:
        COOTensor, of the Tensor's shape.

    Raises:
        TypeError: If `tensor` is not a Tensor.
        ValueError: If it is not 2-D.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.dense_to_sparse_coo(ms.Tensor([[1., 0.], [-5., 0.]]))
        >>> print(x.indices, x.values)
        [[0 0]
         [1 0]] [ 1. -5.]
    """
    idx, values = _nonzero("dense_to_sparse_coo", tensor)
    return COOTensor(Tensor(idx.astype(_np.int32).reshape(-1, 2)), values, tuple(tensor.shape))


def dense_to_sparse_csr(tensor):
    """The nonzero entries of a 2-D Tensor as a CSRTensor (int32 ``indptr`` and ``indices``).

    Args:
        tensor (Tensor): 2-D, of any dtype (MindSpore 2.10's CPU kernel takes only floats).

    Returns:
        CSRTensor, of the Tensor's shape.

    Raises:
        TypeError: If `tensor` is not a Tensor.
        ValueError: If it is not 2-D.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.dense_to_sparse_csr(ms.Tensor([[1., 0.], [-5., 0.]]))
        >>> print(x.indptr, x.indices, x.values)
        [0 1 2] [0 0] [ 1. -5.]
    """
    idx, values = _nonzero("dense_to_sparse_csr", tensor)
    idx = idx.astype(_np.int32).reshape(-1, 2)
    return CSRTensor(Tensor(_indptr(idx[:, 0], tensor.shape[0]).astype(_np.int32)), Tensor(idx[:, 1]), values,
                     tuple(tensor.shape))


def csr2coo(indptr, nnz):
    """The row of each stored value, from the row pointers of a CSR tensor.

    Args:
        indptr (Tensor): 1-D integer row pointers, from 0 up to `nnz` without decreasing.
        nnz (int): The number of stored values.

    Returns:
        Tensor, ``(nnz,)``, of the dtype of `indptr`.

    Raises:
        TypeError: If `indptr` is not an integer Tensor or `nnz` not an int.
        ValueError: If `indptr` does not end at `nnz` or decreases.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.csr2coo(ms.Tensor([0, 1, 1, 3], ms.int32), 3))
        [0 2 2]
    """
    _check("csr2coo", "indptr", indptr, Tensor)
    if isinstance(nnz, bool) or not isinstance(nnz, int):
        raise DTypeError(f"For csr2coo, 'nnz' must be an int, but got {type(nnz).__name__}.")
    if indptr.dtype not in mstype.int_type or indptr.ndim != 1 or indptr.shape[0] == 0:
        raise DTypeError(f"For csr2coo, 'indptr' must be a non-empty 1-D integer Tensor, but got "
                         f"{indptr.dtype} of shape {tuple(indptr.shape)}.")
    ptr = indptr.asnumpy().astype(_np.int64)
    if ptr[0] != 0 or ptr[-1] != nnz or (_np.diff(ptr) < 0).any():
        raise ShapeError(f"For csr2coo, 'indptr' must rise from 0 to nnz = {nnz} without decreasing, but got "
                         f"{ptr.tolist()}.")
    return _like(_rows(ptr), indptr)


def coo2csr(row_indices, height):
    """The row pointers of a CSR tensor from the row of each stored value.

    Args:
        row_indices (Tensor): 1-D integer rows in ``[0, height)``, sorted.
        height (int): The number of rows.

    Returns:
        Tensor, ``(height + 1,)``, of the dtype of `row_indices`.

    Raises:
        TypeError: If `row_indices` is not an integer Tensor or `height` not an int.
        ValueError: If a row lies outside ``[0, height)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.coo2csr(ms.Tensor([0, 0, 2], ms.int32), 4))
        [0 2 2 3 3]
    """
    _check("coo2csr", "row_indices", row_indices, Tensor)
    if isinstance(height, bool) or not isinstance(height, int):
        raise DTypeError(f"For coo2csr, 'height' must be an int, but got {type(height).__name__}.")
    if row_indices.dtype not in mstype.int_type or row_indices.ndim != 1:
        raise DTypeError(f"For coo2csr, 'row_indices' must be a 1-D integer Tensor, but got "
                         f"{row_indices.dtype} of shape {tuple(row_indices.shape)}.")
    rows = row_indices.asnumpy().astype(_np.int64)
    if ((rows < 0) | (rows >= height)).any():
        raise ShapeError(f"For coo2csr, 'row_indices' must lie in [0, {height}), but got {rows.tolist()}.")
    return _like(_indptr(rows, height), row_indices)


def csr_matmul(op, csr, dense):
    """``csr @ dense`` for a 2-D CSRTensor and a 2-D Tensor (errors naming `op`): each stored value
    times its column's row of `dense`, summed per row."""
    _check(op, "dense", dense, Tensor)
    if csr.ndim != 2 or dense.ndim != 2:
        raise ShapeError(f"For {op}, only 2-D inputs are supported, but the CSRTensor has {csr.ndim} dimensions "
                         f"and the dense Tensor {dense.ndim}.")
    if dense.shape[0] != csr.shape[1]:
        raise ShapeError(f"For {op}, the dense Tensor must have shape[0] = {csr.shape[1]} (the CSRTensor's "
                         f"columns), but got the shape {tuple(dense.shape)}.")
    values, dense = _promote(csr.values, dense)
    pos = _positions(csr)
    if pos.shape[0] == 0:
        return _F().zeros((csr.shape[0], dense.shape[1]), values.dtype)
    return _segment_sum(values.reshape(-1, 1) * _F().gather(dense, _idx(pos[:, 1]), 0), pos[:, 0], csr.shape[0])


def csr_mv(csr_tensor, dense):
    """The product of a 2-D CSRTensor and a dense 2-D Tensor (a column ``(N, 1)``).

    Args:
        csr_tensor (CSRTensor): ``(M, N)``.
        dense (Tensor): ``(N, 1)``.

    Returns:
        Tensor, ``(M, 1)``.

    Raises:
        TypeError: If the arguments are not a CSRTensor and a Tensor.
        ValueError: If they are not 2-D or ``dense.shape[0] != N``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.CSRTensor(ms.Tensor([0, 1, 2], ms.int32), ms.Tensor([1, 0], ms.int32), ms.Tensor([5., 6.]), (2, 3))
        >>> print(ops.csr_mv(x, ms.Tensor([[1.], [2.], [3.]])))
        [[10.]
         [ 6.]]
    """
    _check("csr_mv", "csr_tensor", csr_tensor, CSRTensor)
    return csr_matmul("csr_mv", csr_tensor, dense)


def csr_mm(a, b, trans_a=False, trans_b=False, adjoint_a=False, adjoint_b=False):
    """The product of two 2-D CSRTensors (each transposed, or conjugate-transposed, if asked) as a
    CSRTensor of its nonzero entries (MindSpore 2.10 runs it on GPU only).

    Args:
        a (CSRTensor): The left factor, 2-D.
        b (CSRTensor): The right factor, 2-D.
        trans_a (bool, optional): Transpose `a`. Default: ``False``.
        trans_b (bool, optional): Transpose `b`. Default: ``False``.
        adjoint_a (bool, optional): Conjugate-transpose `a`. Default: ``False``.
        adjoint_b (bool, optional): Conjugate-transpose `b`. Default: ``False``.

    Returns:
        CSRTensor, ``(M, K)``.

    Raises:
        TypeError: If `a` or `b` is not a CSRTensor.
        ValueError: If they are not 2-D or their inner sizes differ.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> a = ms.Tensor([[1., 0.], [0., 2.]]).to_csr()
        >>> b = ms.Tensor([[0., 3.], [4., 0.]]).to_csr()
        >>> c = ops.csr_mm(a, b)
        >>> print(c.shape, c.values)
        (2, 2) [3. 8.]
    """
    if not isinstance(a, CSRTensor) or not isinstance(b, CSRTensor):
        raise DTypeError("For csr_mm, inputs a and b must be CSRTensors, but got "
                         f"{type(a).__name__} and {type(b).__name__}.")
    F = _F()

    def operand(x, trans, adjoint):
        dense = csr_to_dense(x)
        if adjoint and x.dtype in mstype.complex_type:
            dense = F.conj(dense)
        return dense.transpose() if trans or adjoint else dense

    left, right = operand(a, trans_a, adjoint_a), operand(b, trans_b, adjoint_b)
    if left.shape[1] != right.shape[0]:
        raise ShapeError(f"For csr_mm, the inner sizes must agree, but got {tuple(left.shape)} and "
                         f"{tuple(right.shape)}.")
    return dense_to_sparse_csr(F.matmul(left, right))


def _dense_operand(op, x, y):
    """`y` (a number or Tensor) broadcast to the shape of the CSRTensor `x`."""
    _check(op, "x", x, CSRTensor)
    if isinstance(y, (bool, int, float)):
        y = Tensor(y)
    _check(op, "y", y, Tensor)
    try:
        fits = _np.broadcast_shapes(tuple(y.shape), x.shape) == x.shape
    except ValueError:
        fits = False
    if not fits:
        raise ShapeError(f"For {op}, the dense tensor of shape {tuple(y.shape)} cannot broadcast to the sparse "
                         f"tensor of shape {x.shape}.")
    return gather_at(_F().broadcast_to(y, x.shape), _positions(x))


def csr_mul(x, y):
    """``x * y`` for a CSRTensor and a dense Tensor (or number) that broadcasts to its shape, at
    the stored positions only.

    Args:
        x (CSRTensor): The sparse factor.
        y (Union[Tensor, number]): The dense factor.

    Returns:
        CSRTensor, of the structure of `x` (also for a number, where MindSpore 2.10 returns the
        bare values).

    Raises:
        TypeError: If `x` is not a CSRTensor or `y` not a Tensor or number.
        ValueError: If `y` does not broadcast to the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.CSRTensor(ms.Tensor([0, 1, 2], ms.int32), ms.Tensor([1, 0], ms.int32), ms.Tensor([5., 6.]), (2, 3))
        >>> print(ops.csr_mul(x, ms.Tensor([1., 2., 3.])).values)
        [10.  6.]
    """
    other = _dense_operand("csr_mul", x, y)
    return x._with_values(x.values * other)


def csr_div(x, y):
    """``x / y`` for a CSRTensor and a dense Tensor (or number) that broadcasts to its shape, at
    the stored positions only.

    Args:
        x (CSRTensor): The sparse dividend.
        y (Union[Tensor, number]): The dense divisor.

    Returns:
        CSRTensor, of the structure of `x`.

    Raises:
        TypeError: If `x` is not a CSRTensor or `y` not a Tensor or number.
        ValueError: If `y` does not broadcast to the shape of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.CSRTensor(ms.Tensor([0, 1, 2], ms.int32), ms.Tensor([1, 0], ms.int32), ms.Tensor([5., 6.]), (2, 3))
        >>> print(ops.csr_div(x, ms.Tensor([[1.], [2.]])).values)
        [5. 3.]
    """
    other = _dense_operand("csr_div", x, y)
    return x._with_values(x.values / other)


def csr_reduce_sum(csr_tensor, axis):
    """The sums of a CSRTensor along its columns (`axis` 1, or ``1 - ndim``), kept as an axis of 1.

    Args:
        csr_tensor (CSRTensor): The input.
        axis (int): 1 or ``1 - ndim``.

    Returns:
        Tensor, ``(shape[0], 1, *shape[2:])``.

    Raises:
        TypeError: If `csr_tensor` is not a CSRTensor or `axis` not an int.
        ValueError: If `axis` is another axis.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> indptr, indices = ms.Tensor([0, 1, 3], ms.int32), ms.Tensor([1, 0, 2], ms.int32)
        >>> x = ms.CSRTensor(indptr, indices, ms.Tensor([5., 6., 1.]), (2, 3))
        >>> print(ops.csr_reduce_sum(x, 1))
        [[5.]
         [7.]]
    """
    _check("csr_reduce_sum", "csr_tensor", csr_tensor, CSRTensor)
    if isinstance(axis, bool) or not isinstance(axis, int):
        raise DTypeError(f"For csr_reduce_sum, 'axis' must be an int, but got {type(axis).__name__}.")
    if axis not in (1, 1 - csr_tensor.ndim):
        raise ShapeError(f"For csr_reduce_sum, 'axis' must be 1 or {1 - csr_tensor.ndim}, but got {axis}.")
    sums = _segment_sum(csr_tensor.values, _positions(csr_tensor)[:, 0], csr_tensor.shape[0])
    return _F().expand_dims(sums, 1)


def csr_softmax(logits, dtype):
    """The softmax of each row of a CSRTensor over its stored values (the missing entries are not
    -inf but absent).

    Args:
        logits (CSRTensor): Float values.
        dtype (mindspore.dtype): The float dtype of the computation; as in MindSpore 2.10, the
            result keeps the dtype of `logits`.

    Returns:
        CSRTensor, of the structure of `logits`.

    Raises:
        TypeError: If `logits` is not a CSRTensor of floats or `dtype` not a float dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> indptr, indices = ms.Tensor([0, 1, 3], ms.int32), ms.Tensor([1, 0, 3], ms.int32)
        >>> x = ms.CSRTensor(indptr, indices, ms.Tensor([1., 2., 3.]), (2, 4))
        >>> print(ops.csr_softmax(x, ms.float32).values)
        [1.         0.26894143 0.7310586 ]
    """
    _check("csr_softmax", "logits", logits, CSRTensor)
    if logits.dtype not in mstype.float_type or dtype not in mstype.float_type:
        raise DTypeError(f"For csr_softmax, only float data are supported, but got values of {logits.dtype} and "
                         f"dtype {dtype}.")
    # (MindSpore 2.10's CPU kernel also overwrites the values of `logits` with the result; the
    # input is left as it is here.)
    F, rows = _F(), _positions(logits)[:, 0]
    if rows.size == 0:
        return logits
    ids, v = _idx(rows), logits.values
    top = F.unsorted_segment_max(F.stop_gradient(v), ids, logits.shape[0])
    e = F.exp(v - F.gather(top, ids, 0))
    return logits._with_values(e / F.gather(_segment_sum(e, rows, logits.shape[0]), ids, 0))


def csr_gather(indptr, indices, dense, sparse_shape):
    """The entries of a dense Tensor at the stored positions of a CSR structure.

    Args:
        indptr (Tensor): Row pointers, ``(sparse_shape[0] + 1,)``.
        indices (Tensor): Column indices.
        dense (Tensor): Of the shape `sparse_shape`.
        sparse_shape (tuple(int)): The dense shape.

    Returns:
        Tensor, ``(N, *sparse_shape[2:])``.

    Raises:
        TypeError: If an argument has the wrong type.
        ValueError: If the shapes do not fit.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> d = ms.Tensor([[1., 2., 3.], [4., 5., 6.]])
        >>> print(ops.csr_gather(ms.Tensor([0, 1, 2], ms.int32), ms.Tensor([1, 0], ms.int32), d, (2, 3)))
        [2. 4.]
    """
    for name, t in (("indptr", indptr), ("indices", indices), ("dense", dense)):
        _check("csr_gather", name, t, Tensor)
    if not isinstance(sparse_shape, tuple) or tuple(dense.shape) != sparse_shape:
        raise ShapeError(f"For csr_gather, 'dense' must have the shape {tuple(sparse_shape)}, but got "
                         f"{tuple(dense.shape)}.")
    structure = CSRTensor(indptr, indices, _F().zeros((indices.shape[0],) + tuple(dense.shape[2:])),
                          tuple(sparse_shape))
    return gather_at(dense, _positions(structure))


def _real_threshold(op, thresh, dtype):
    _check(op, "thresh", thresh, Tensor)
    if thresh.ndim != 0:
        raise ShapeError(f"For {op}, 'thresh' must be a 0-D Tensor, but got the shape {tuple(thresh.shape)}.")
    return float(thresh.astype(dtype).asnumpy()) if dtype not in mstype.complex_type else float(thresh.asnumpy())


def coo_add(x1, x2, thresh):
    """The sum of two COOTensors of one shape: their entries merged in order of position (each
    input taken as sorted, as by ``coalesce``); where two entries meet, their sum is kept only if
    its magnitude reaches `thresh`.

    Args:
        x1 (COOTensor): The first summand.
        x2 (COOTensor): The second summand.
        thresh (Tensor): A 0-D threshold.

    Returns:
        COOTensor, with int64 indices (when either input's are).

    Raises:
        TypeError: If the inputs are not COOTensors and a Tensor.
        ValueError: If the shapes differ or `thresh` is not 0-D.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> a = ms.COOTensor(ms.Tensor([[0, 1], [1, 2]], ms.int64), ms.Tensor([1, 2], ms.int32), (3, 4))
        >>> b = ms.COOTensor(ms.Tensor([[0, 0], [1, 1]], ms.int64), ms.Tensor([3, 4], ms.int32), (3, 4))
        >>> print(ops.coo_add(a, b, ms.Tensor(0, ms.int32)))
        COOTensor(shape=[3, 4], dtype=Int32, indices=Tensor(shape=[4, 2], dtype=Int64, value=
        [[0 0]
         [0 1]
         [1 1]
         [1 2]]), values=Tensor(shape=[4], dtype=Int32, value=[3 1 4 2]))
    """
    _check("coo_add", "x1", x1, COOTensor)
    _check("coo_add", "x2", x2, COOTensor)
    if x1.shape != x2.shape:
        raise ShapeError(f"For coo_add, the shapes must be the same, but got {x1.shape} and {x2.shape}.")
    v1, v2 = _promote(x1.values, x2.values)
    limit = _real_threshold("coo_add", thresh, v1.dtype)
    a, b = x1._host_indices(), x2._host_indices()
    sums = v1.asnumpy(), v2.asnumpy()
    # Each output entry takes its value from slots of ``pool`` = (values of x1, of x2, a zero).
    zero, idx, left, right = len(a) + len(b), [], [], []
    i = j = 0
    while i < len(a) or j < len(b):
        pa = tuple(a[i]) if i < len(a) else None
        pb = tuple(b[j]) if j < len(b) else None
        if pb is None or (pa is not None and pa < pb):      # only x1 has this position
            step, i = (pa, i, zero), i + 1
        elif pa is None or pb < pa:                           # only x2 has it
            step, j = (pb, zero, len(a) + j), j + 1
        else:                                                 # both: kept if the sum reaches thresh
            keep = abs(sums[0][i] + sums[1][j]) >= limit
            step, i, j = ((pa, i, len(a) + j) if keep else None), i + 1, j + 1
        if step is not None:
            idx.append(step[0])
            left.append(step[1])
            right.append(step[2])
    dtype = mstype.int64 if mstype.int64 in (x1.indices.dtype, x2.indices.dtype) else x1.indices.dtype
    indices = Tensor(_np.asarray(idx, _np.int64).reshape(-1, 2)).astype(dtype)
    if not idx:
        return COOTensor(indices, v1[:0], x1.shape)
    F = _F()
    pool = F.concat((v1, v2, F.zeros((1,), v1.dtype)))
    return COOTensor(indices, take(pool, left) + take(pool, right), x1.shape)


def coo_concat(sp_input, concat_dim=0):
    """COOTensors of one dtype joined along an axis (their other axis of one size), the entries
    of the result in order of position.

    Args:
        sp_input (Union[list(COOTensor), tuple(COOTensor)]): Two or more COOTensors.
        concat_dim (int, optional): The axis, in ``[-2, 2)``. Default: ``0``.

    Returns:
        COOTensor, with int64 indices.

    Raises:
        TypeError: If `sp_input` is not a sequence of COOTensors, their dtypes differ or
            `concat_dim` is not an int.
        ValueError: If fewer than two are given, `concat_dim` is out of range or the other axis
            differs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> a = ms.COOTensor(ms.Tensor([[0, 1], [1, 2]], ms.int64), ms.Tensor([1, 2], ms.int32), (3, 4))
        >>> b = ms.COOTensor(ms.Tensor([[0, 0], [1, 1]], ms.int64), ms.Tensor([3, 4], ms.int32), (3, 4))
        >>> out = ops.coo_concat((a, b), 1)
        >>> print(out.shape, out.values)
        (3, 8) [1 3 2 4]
    """
    if not isinstance(sp_input, (list, tuple)) or not all(isinstance(x, COOTensor) for x in sp_input):
        raise DTypeError(f"For coo_concat, 'sp_input' must be a list or tuple of COOTensors, but got {sp_input!r}.")
    if len(sp_input) < 2:
        raise ShapeError(f"For coo_concat, at least 2 COOTensors are needed, but got {len(sp_input)}.")
    if isinstance(concat_dim, bool) or not isinstance(concat_dim, int):
        raise DTypeError(f"For coo_concat, 'concat_dim' must be an int, but got {type(concat_dim).__name__}.")
    if not -2 <= concat_dim < 2:
        raise ShapeError(f"For coo_concat, 'concat_dim' must be in [-2, 2), but got {concat_dim}.")
    axis, other = concat_dim % 2, 1 - concat_dim % 2
    if len({x.dtype for x in sp_input}) > 1 or len({x.shape[other] for x in sp_input}) > 1:
        kind = DTypeError if len({x.dtype for x in sp_input}) > 1 else ShapeError
        raise kind(f"For coo_concat, the inputs must have one dtype and one size of axis {other}, but got "
                   f"{[x.dtype for x in sp_input]} and shapes {[x.shape for x in sp_input]}.")
    parts, offset = [], 0
    for x in sp_input:
        idx = x._host_indices().copy()
        idx[:, axis] += offset
        parts.append(idx)
        offset += x.shape[axis]
    idx = _np.concatenate(parts)
    order = _np.lexsort((idx[:, 1], idx[:, 0]))
    shape = tuple(offset if d == axis else sp_input[0].shape[d] for d in range(2))
    values = _F().concat(tuple(x.values for x in sp_input))
    return COOTensor(Tensor(idx[order]), take(values, order), shape)


def coalesce(x_indices, x_values, x_shape):
    """A sparse tensor with its entries sorted by position and those at one position summed.

    Args:
        x_indices (Tensor): ``(R, N)`` int64 non-negative positions (one column per entry).
        x_values (Tensor): ``(N,)`` float16, float32 or float64 values.
        x_shape (Tensor): ``(R,)`` int64 dense shape.

    Returns:
        tuple(Tensor, Tensor, Tensor), the ``(R, Z)`` int64 distinct positions, their ``(Z,)``
        summed values, and `x_shape`.

    Raises:
        TypeError: If the dtypes are not the ones above.
        ValueError: If the shapes do not fit or a position lies outside `x_shape`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> idx = ms.Tensor([[0, 0, 1], [1, 1, 2]], ms.int64)
        >>> y_indices, y_values, y_shape = ops.coalesce(idx, ms.Tensor([1., 5., 4.]), ms.Tensor([3, 3], ms.int64))
        >>> print(y_indices, y_values)
        [[0 1]
         [1 2]] [6. 4.]
    """
    for name, t in (("x_indices", x_indices), ("x_values", x_values), ("x_shape", x_shape)):
        _check("Coalesce", name, t, Tensor)
    if x_indices.dtype != mstype.int64 or x_shape.dtype != mstype.int64 or x_values.dtype not in mstype.float_type:
        raise DTypeError(f"For Coalesce, 'x_indices' and 'x_shape' must be int64 and 'x_values' float, but got "
                         f"{x_indices.dtype}, {x_shape.dtype} and {x_values.dtype}.")
    if x_indices.ndim != 2 or x_values.ndim != 1 or x_shape.ndim != 1 \
            or x_indices.shape != (x_shape.shape[0], x_values.shape[0]):
        raise ShapeError(f"For Coalesce, 'x_indices' must be (R, N) for 'x_values' (N,) and 'x_shape' (R,), but "
                         f"got {tuple(x_indices.shape)}, {tuple(x_values.shape)} and {tuple(x_shape.shape)}.")
    idx, bounds = x_indices.asnumpy().T, x_shape.asnumpy()
    bad = _np.argwhere((idx < 0) | (idx >= bounds))
    if bad.size:
        n, d = (int(v) for v in bad[0])
        raise ShapeError(f"For Coalesce, x_indices[{d}][{n}] = {idx[n, d]} is outside [0, {bounds[d]}) given by "
                         f"x_shape.")
    if idx.shape[0] == 0:
        return x_indices, x_values, x_shape
    unique, inverse = _np.unique(idx, axis=0, return_inverse=True)
    return Tensor(unique.T.copy()), _segment_sum(x_values, inverse.reshape(-1), len(unique)), x_shape


def csr_add(a, b, alpha, beta):
    """``alpha * a + beta * b`` for two CSRTensors of one shape: stored where either is, the
    columns of each row in increasing order.

    Args:
        a (CSRTensor): The first summand.
        b (CSRTensor): The second summand.
        alpha (Tensor): A one-element factor of `a`.
        beta (Tensor): A one-element factor of `b`.

    Returns:
        CSRTensor, with the index dtypes of `a`.

    Raises:
        TypeError: If `a`, `b` are not CSRTensors or `alpha`, `beta` not Tensors.
        ValueError: If the shapes differ or a factor has more than one element.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> a = ms.Tensor([[1., 0.], [0., 2.]]).to_csr()
        >>> b = ms.Tensor([[0., 3.], [0., 4.]]).to_csr()
        >>> out = ops.csr_add(a, b, ms.Tensor(1.), ms.Tensor(-1.))
        >>> print(out.indptr, out.indices, out.values)
        [0 2 3] [0 1 1] [ 1. -3. -2.]
    """
    if not isinstance(a, CSRTensor) or not isinstance(b, CSRTensor):
        raise DTypeError("For csr_add, both inputs a and b must be CSRTensors, but got "
                         f"{type(a).__name__} and {type(b).__name__}.")
    if not isinstance(alpha, Tensor) or not isinstance(beta, Tensor):
        raise DTypeError("For csr_add, both inputs alpha and beta must be Tensors, but got "
                         f"{type(alpha).__name__} and {type(beta).__name__}.")
    if a.shape != b.shape or alpha.size != 1 or beta.size != 1:
        raise ShapeError(f"For csr_add, 'a' and 'b' must have one shape and 'alpha', 'beta' one element, but got "
                         f"{a.shape}, {b.shape}, {tuple(alpha.shape)} and {tuple(beta.shape)}.")
    va, vb = _promote(a.values, b.values)
    va, vb = alpha.reshape(()).astype(va.dtype) * va, beta.reshape(()).astype(vb.dtype) * vb
    pa, pb = _positions(a), _positions(b)
    keys = _np.concatenate([pa[:, 0] * a.shape[1] + pa[:, 1], pb[:, 0] * a.shape[1] + pb[:, 1]])
    union, slot = _np.unique(keys, return_inverse=True)
    values = _segment_sum(_F().concat((va, vb)), slot.reshape(-1), len(union))
    return CSRTensor(_like(_indptr(union // a.shape[1], a.shape[0]), a.indptr), _like(union % a.shape[1], a.indices),
                     values, a.shape)


def make_coo_tensor(indices, values, dense_shape):
    """``COOTensor(indices, values, dense_shape)`` (a graph-mode primitive in MindSpore 2.10).

    Args:
        indices (Tensor): ``(N, 2)`` integer positions.
        values (Tensor): ``(N,)`` values.
        dense_shape (tuple(int)): The dense shape.

    Returns:
        COOTensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.make_coo_tensor(ms.Tensor([[0, 1]], ms.int32), ms.Tensor([5.]), (2, 2)).to_dense())
        [[0. 5.]
         [0. 0.]]
    """
    return COOTensor(indices, values, dense_shape)


def make_csr_tensor(indptr, indices, values, dense_shape):
    """``CSRTensor(indptr, indices, values, dense_shape)`` (a graph-mode primitive in MindSpore 2.10).

    Args:
        indptr (Tensor): Row pointers.
        indices (Tensor): Column indices.
        values (Tensor): Values.
        dense_shape (tuple(int)): The dense shape.

    Returns:
        CSRTensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ops.make_csr_tensor(ms.Tensor([0, 1, 1], ms.int32), ms.Tensor([1], ms.int32), ms.Tensor([5.]), (2, 2))
        >>> print(x.to_dense())
        [[0. 5.]
         [0. 0.]]
    """
    return CSRTensor(indptr, indices, values, dense_shape)


def make_sparse_tensor(indices, values, dense_shape):
    """The deprecated ``make_coo_tensor``: a COOTensor.

    Args:
        indices (Tensor): ``(N, 2)`` integer positions.
        values (Tensor): ``(N,)`` values.
        dense_shape (tuple(int)): The dense shape.

    Returns:
        COOTensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.make_sparse_tensor(ms.Tensor([[0, 1]], ms.int32), ms.Tensor([5.]), (2, 2)).values)
        [5.]
    """
    return COOTensor(indices, values, dense_shape)


def make_row_tensor_inner(indices, values, dense_shape):
    """``RowTensorInner(indices, values, dense_shape)``.

    Args:
        indices (Tensor): ``(N,)`` integer rows.
        values (Tensor): ``(N, *dense_shape[1:])`` rows.
        dense_shape (tuple(int)): The dense shape.

    Returns:
        RowTensorInner.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.make_row_tensor_inner(ms.Tensor([1], ms.int32), ms.Tensor([[5., 6.]]), (3, 2)).indices)
        [1]
    """
    return RowTensorInner(indices, values, dense_shape)


def make_row_tensor(indices, values, dense_shape):
    """``RowTensor(indices, values, dense_shape)`` (deprecated in MindSpore 2.x).

    Args:
        indices (Tensor): ``(N,)`` integer rows.
        values (Tensor): ``(N, *dense_shape[1:])`` rows.
        dense_shape (tuple(int)): The dense shape.

    Returns:
        RowTensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.make_row_tensor(ms.Tensor([1], ms.int32), ms.Tensor([[5., 6.]]), (3, 2)).dense_shape)
        (3, 2)
    """
    return RowTensor(indices, values, dense_shape)


def row_tensor_add(row_tensor, tensor):
    """A RowTensor whose rows have `tensor` (broadcast to the rows' shape) added.

    Args:
        row_tensor (RowTensorInner): The RowTensor.
        tensor (Tensor): Broadcasts to ``row_tensor.values.shape``.

    Returns:
        RowTensorInner, of the indices and dense shape of `row_tensor`.

    Raises:
        TypeError: If the arguments are not a RowTensor and a Tensor.
        ValueError: If `tensor` does not broadcast to the rows' shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.RowTensor(ms.Tensor([1], ms.int32), ms.Tensor([[5., 6.]]), (3, 2))
        >>> print(ops.row_tensor_add(x, ms.Tensor([1., 2.])).values)
        [[6. 8.]]
    """
    _check("RowTensorAdd", "row_tensor", row_tensor, RowTensorInner)
    _check("RowTensorAdd", "tensor", tensor, Tensor)
    rows = tuple(row_tensor.values.shape)
    try:
        fits = _np.broadcast_shapes(tuple(tensor.shape), rows) == rows
    except ValueError:
        fits = False
    if not fits:
        raise ShapeError(f"For RowTensorAdd, 'tensor' of shape {tuple(tensor.shape)} must broadcast to the rows' "
                         f"shape {rows}.")
    return RowTensorInner(row_tensor.indices, row_tensor.values + tensor, row_tensor.dense_shape)

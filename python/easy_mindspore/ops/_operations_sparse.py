"""``mindspore.ops.operations``' sparse primitives (re-exported by ``operations``): ``SparseToDense``,
``SparseTensorDenseMatmul``, ``SparseTensorDenseAdd``, ``SparseSlice``, ``SparseGatherV2`` and
``Coalesce``, over the helpers of ``function/_sparse_func`` (so their values are differentiable).
Positions are ``(N, R)`` rows of indices, as in MindSpore; one outside the dense shape is a
ValueError naming the primitive."""
import numpy as _np

from .._C import Tensor
from .._errors import DTypeError, ShapeError
from . import functional as F
from .function import _sparse_func as S
from .operations import Primitive

__all__ = ["SparseToDense", "SparseTensorDenseMatmul", "SparseTensorDenseAdd", "SparseSlice", "SparseGatherV2",
           "Coalesce"]


def _shape_of(op, shape):
    """A dense shape given as a tuple of ints or a 1-D integer Tensor."""
    if isinstance(shape, Tensor):
        shape = tuple(int(s) for s in shape.asnumpy().reshape(-1))
    if not isinstance(shape, (tuple, list)) or not all(isinstance(s, (int, _np.integer)) for s in shape):
        raise DTypeError(f"For '{op}', the dense shape must be a tuple of ints or a Tensor, but got {shape!r}.")
    return tuple(int(s) for s in shape)


def _positions(op, indices, values, shape):
    """The host ``(N, R)`` positions of `indices`, checked against `values` and `shape`."""
    for name, t in (("indices", indices), ("values", values)):
        if not isinstance(t, Tensor):
            raise DTypeError(f"For '{op}', '{name}' must be a Tensor, but got {type(t).__name__}.")
    if indices.ndim != 2 or values.ndim != 1 or indices.shape[0] != values.shape[0] or indices.shape[1] != len(shape):
        raise ShapeError(f"For '{op}', 'indices' must be (N, {len(shape)}) and 'values' (N,), but got "
                         f"{tuple(indices.shape)} and {tuple(values.shape)}.")
    idx = indices.asnumpy().astype(_np.int64)
    bad = _np.argwhere((idx < 0) | (idx >= _np.asarray(shape, _np.int64)))
    if bad.size:
        n, d = (int(v) for v in bad[0])
        raise ShapeError(f"For '{op}', indices[{n}][{d}] = {idx[n, d]} is out of bounds [0, {shape[d]}).")
    return idx


class SparseToDense(Primitive):
    """``ops.SparseToDense()(indices, values, sparse_shape)``: the dense tensor with `values` at
    `indices` and zeros elsewhere; of several values at one position the last one is kept.

    Inputs:
        - **indices** (Tensor) - ``(N, R)`` integer positions.
        - **values** (Tensor) - ``(N,)``.
        - **sparse_shape** (tuple(int)) - The dense shape, of length ``R``.

    Outputs:
        Tensor, of `sparse_shape` and the dtype of `values`.

    Raises:
        TypeError: If `indices` or `values` is not a Tensor.
        ValueError: If the shapes do not fit or a position is out of bounds.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.SparseToDense()(ms.Tensor([[0, 1], [1, 2]], ms.int32), ms.Tensor([1., 2.]), (3, 4)))
        [[0. 1. 0. 0.]
         [0. 0. 2. 0.]
         [0. 0. 0. 0.]]
    """

    def __call__(self, indices, values, sparse_shape):
        shape = _shape_of("SparseToDense", sparse_shape)
        idx = _positions("SparseToDense", indices, values, shape)
        # the last value at each position: unique over the reversed list finds the last occurrences
        flat = _np.ravel_multi_index(idx.T, shape) if idx.size else _np.zeros(0, _np.int64)
        last = len(flat) - 1 - _np.unique(flat[::-1], return_index=True)[1]
        return S.scatter_dense(idx[last], S.take(values, last), shape)


class SparseTensorDenseMatmul(Primitive):
    """``ops.SparseTensorDenseMatmul(adjoint_st=False, adjoint_dt=False)(indices, values,
    sparse_shape, dense)``: the product of a 2-D sparse tensor (transposed if `adjoint_st`) and a
    dense matrix (transposed if `adjoint_dt`).

    Args:
        adjoint_st (bool, optional): Transpose the sparse tensor. Default: ``False``.
        adjoint_dt (bool, optional): Transpose the dense matrix. Default: ``False``.

    Inputs:
        - **indices** (Tensor) - ``(N, 2)`` integer positions.
        - **values** (Tensor) - ``(N,)``.
        - **sparse_shape** (tuple(int)) - The sparse tensor's shape ``(M, K)``.
        - **dense** (Tensor) - ``(K, P)``.

    Outputs:
        Tensor, ``(M, P)``.

    Raises:
        TypeError: If an input is not a Tensor or a flag not a bool.
        ValueError: If the shapes do not fit or a position is out of bounds.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> idx, v = ms.Tensor([[0, 1], [1, 2]], ms.int32), ms.Tensor([1., 2.])
        >>> print(ops.SparseTensorDenseMatmul()(idx, v, (3, 4), ms.Tensor(np.ones((4, 2), np.float32))))
        [[1. 1.]
         [2. 2.]
         [0. 0.]]
    """

    def __init__(self, adjoint_st=False, adjoint_dt=False):
        for name, flag in (("adjoint_st", adjoint_st), ("adjoint_dt", adjoint_dt)):
            if not isinstance(flag, bool):
                raise DTypeError(f"For 'SparseTensorDenseMatmul', '{name}' must be a bool, but got "
                                 f"{type(flag).__name__}.")
        self.adjoint_st, self.adjoint_dt = adjoint_st, adjoint_dt

    def __call__(self, indices, values, sparse_shape, dense):
        shape = _shape_of("SparseTensorDenseMatmul", sparse_shape)
        if len(shape) != 2 or not isinstance(dense, Tensor) or dense.ndim != 2:
            raise ShapeError(f"For 'SparseTensorDenseMatmul', the sparse shape and 'dense' must be 2-D, but got "
                             f"{shape} and {getattr(dense, 'shape', type(dense).__name__)}.")
        idx = _positions("SparseTensorDenseMatmul", indices, values, shape)
        if self.adjoint_st:
            idx, shape = idx[:, ::-1], shape[::-1]
        if self.adjoint_dt:
            dense = dense.transpose()
        structure = S.coo_to_csr(S.COOTensor(Tensor(idx.copy()), values, shape))
        return S.csr_matmul("SparseTensorDenseMatmul", structure, dense)


class SparseTensorDenseAdd(Primitive):
    """``ops.SparseTensorDenseAdd()(x1_indices, x1_values, x1_shape, x2)``: a dense tensor plus a
    sparse one of its shape.

    Inputs:
        - **x1_indices** (Tensor) - ``(N, R)`` integer positions.
        - **x1_values** (Tensor) - ``(N,)``.
        - **x1_shape** (Union[Tensor, tuple(int)]) - The sparse tensor's shape, that of `x2`.
        - **x2** (Tensor) - The dense summand.

    Outputs:
        Tensor, of the shape of `x2`.

    Raises:
        TypeError: If an input is not a Tensor.
        ValueError: If the shapes differ or a position is out of bounds.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> idx, v = ms.Tensor([[0, 1], [1, 2]], ms.int32), ms.Tensor([1., 2.])
        >>> dense = ms.Tensor(np.ones((2, 3), np.float32))
        >>> print(ops.SparseTensorDenseAdd()(idx, v, ms.Tensor([2, 3], ms.int32), dense))
        [[1. 2. 1.]
         [1. 1. 3.]]
    """

    def __call__(self, x1_indices, x1_values, x1_shape, x2):
        shape = _shape_of("SparseTensorDenseAdd", x1_shape)
        if not isinstance(x2, Tensor) or tuple(x2.shape) != shape:
            raise ShapeError(f"For 'SparseTensorDenseAdd', 'x2' must be a Tensor of the shape {shape}, but got "
                             f"{getattr(x2, 'shape', type(x2).__name__)}.")
        idx = _positions("SparseTensorDenseAdd", x1_indices, x1_values, shape)
        return S.scatter_add(x2, idx, x1_values.astype(x2.dtype))


class SparseSlice(Primitive):
    """``ops.SparseSlice()(indices, values, shape, start, size)``: the part of a sparse tensor in
    the box ``[start, start + size)`` (cut to the shape), its positions relative to `start`.

    Inputs:
        - **indices** (Tensor) - ``(N, R)`` integer positions.
        - **values** (Tensor) - ``(N,)``.
        - **shape** (Tensor) - ``(R,)`` integer dense shape.
        - **start** (Tensor) - ``(R,)`` integer corner of the box.
        - **size** (Tensor) - ``(R,)`` integer size of the box.

    Outputs:
        tuple(Tensor, Tensor, Tensor), the int64 positions, the values and the int64 shape of the slice.

    Raises:
        TypeError: If an input is not a Tensor.
        ValueError: If the shapes do not fit, a position is out of bounds or `start`/`size` are
            negative.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> idx = ms.Tensor([[0, 1], [1, 2], [1, 3], [2, 2]], ms.int64)
        >>> v = ms.Tensor([1., 2., 3., 4.])
        >>> shape, start, size = (ms.Tensor(s, ms.int64) for s in ((3, 4), (0, 1), (2, 3)))
        >>> y_indices, y_values, y_shape = ops.SparseSlice()(idx, v, shape, start, size)
        >>> print(y_indices, y_values, y_shape)
        [[0 0]
         [1 1]
         [1 2]] [1. 2. 3.] [2 3]
    """

    def __call__(self, indices, values, shape, start, size):
        dims = _shape_of("SparseSlice", shape)
        lo, extent = _shape_of("SparseSlice", start), _shape_of("SparseSlice", size)
        if len(lo) != len(dims) or len(extent) != len(dims) or min(lo + extent, default=0) < 0:
            raise ShapeError(f"For 'SparseSlice', 'start' and 'size' must be {len(dims)} non-negative ints, but got "
                             f"{lo} and {extent}.")
        idx = _positions("SparseSlice", indices, values, dims)
        hi = _np.minimum(_np.add(lo, extent), dims)
        keep = _np.nonzero(((idx >= lo) & (idx < hi)).all(axis=1))[0]
        out_shape = _np.maximum(hi - _np.asarray(lo), 0)
        return (Tensor(idx[keep] - _np.asarray(lo, _np.int64)), S.take(values, keep),
                Tensor(out_shape.astype(_np.int64)))


class SparseGatherV2(Primitive):
    """``ops.SparseGatherV2()(input_params, input_indices, axis)``: ``ops.gather`` (the primitive
    whose gradient is sparse in MindSpore; MindSpore 2.10's CPU has no kernel for it).

    Inputs:
        - **input_params** (Tensor) - The tensor to gather from.
        - **input_indices** (Tensor) - int32 or int64 indices along `axis`.
        - **axis** (int) - The axis.

    Outputs:
        Tensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1., 2., 3.], [4., 5., 6.]])
        >>> print(ops.SparseGatherV2()(x, ms.Tensor([2, 0], ms.int32), 1))
        [[3. 1.]
         [6. 4.]]
    """

    def __call__(self, input_params, input_indices, axis):
        return F.gather(input_params, input_indices, axis)


class Coalesce(Primitive):
    """``ops.Coalesce()(x_indices, x_values, x_shape)``: ``ops.coalesce``, the entries sorted by
    position and those at one position summed.

    Inputs:
        - **x_indices** (Tensor) - ``(R, N)`` int64 positions.
        - **x_values** (Tensor) - ``(N,)`` float values.
        - **x_shape** (Tensor) - ``(R,)`` int64 dense shape.

    Outputs:
        tuple(Tensor, Tensor, Tensor), the distinct positions, their summed values and `x_shape`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> idx = ms.Tensor([[0, 0, 1], [1, 1, 2]], ms.int64)
        >>> print(ops.Coalesce()(idx, ms.Tensor([1., 5., 4.]), ms.Tensor([3, 3], ms.int64))[1])
        [6. 4.]
    """

    def __call__(self, x_indices, x_values, x_shape):
        return S.coalesce(x_indices, x_values, x_shape)

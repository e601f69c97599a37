"""MindSpore's sparse Cells: ``nn.SparseToDense`` (a COOTensor made dense) and
``nn.SparseTensorDenseMatmul`` (a sparse matrix, given by its parts, times a dense one), over the
sparse ops, so gradients reach the sparse values."""
from ..common.sparse_tensor import COOTensor
from .._errors import DTypeError
from ..ops import operations as _P
from .cell import Cell

__all__ = ["SparseToDense", "SparseTensorDenseMatmul"]


class SparseToDense(Cell):
    """The dense tensor of a COOTensor (entries at one position added).

    Inputs:
        - **sparse_tensor** (COOTensor) - The sparse tensor.

    Outputs:
        Tensor, of the COOTensor's shape and dtype.

    Raises:
        TypeError: If the input is not a COOTensor.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> x = ms.COOTensor(ms.Tensor([[0, 1], [1, 2]], ms.int32), ms.Tensor([1., 2.]), (3, 4))
        >>> print(nn.SparseToDense()(x))
        [[0. 1. 0. 0.]
         [0. 0. 2. 0.]
         [0. 0. 0. 0.]]
    """

    def __init__(self):
        super().__init__()

    def construct(self, sparse_tensor):
        if not isinstance(sparse_tensor, COOTensor):
            raise DTypeError(f"For 'SparseToDense', the input must be a COOTensor, but got "
                             f"{type(sparse_tensor).__name__}.")
        return sparse_tensor.to_dense()


class SparseTensorDenseMatmul(Cell):
    """``ops.SparseTensorDenseMatmul`` as a Cell: a 2-D sparse tensor given by ``(indices, values,
    sparse_shape)`` (transposed if `adjoint_st`) times a dense matrix (transposed if `adjoint_dt`).

    Args:
        adjoint_st (bool, optional): Transpose the sparse tensor. Default: ``False``.
        adjoint_dt (bool, optional): Transpose the dense matrix. Default: ``False``.

    Inputs:
        - **indices** (Tensor) - ``(N, 2)`` integer positions.
        - **values** (Tensor) - ``(N,)``.
        - **sparse_shape** (tuple(int)) - ``(M, K)``.
        - **dense** (Tensor) - ``(K, P)``.

    Outputs:
        Tensor, ``(M, P)``.

    Raises:
        TypeError: If a flag is not a bool or an input not a Tensor.
        ValueError: If the shapes do not fit or a position is out of bounds.

    Examples:
        >>> import numpy as np
        >>> import mindspore as ms
        >>> from mindspore import nn
        >>> idx, v = ms.Tensor([[0, 1], [1, 2]], ms.int32), ms.Tensor([1., 2.])
        >>> print(nn.SparseTensorDenseMatmul()(idx, v, (3, 4), ms.Tensor(np.ones((4, 2), np.float32))))
        [[1. 1.]
         [2. 2.]
         [0. 0.]]
    """

    def __init__(self, adjoint_st=False, adjoint_dt=False):
        super().__init__()
        self.matmul = _P.SparseTensorDenseMatmul(adjoint_st, adjoint_dt)

    def construct(self, indices, values, sparse_shape, dense):
        return self.matmul(indices, values, sparse_shape, dense)

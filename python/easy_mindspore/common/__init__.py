"""``mindspore.common``: dtypes, the Tensor and Parameter classes, initializers."""
from . import dtype, initializer
from ..tensor import Tensor
from .mutable import mutable
from .parameter import Parameter, ParameterTuple
from .sparse_tensor import COOTensor, CSRTensor, RowTensor, RowTensorInner, SparseTensor

__all__ = ["dtype", "initializer", "Tensor", "Parameter", "ParameterTuple", "mutable", "COOTensor", "CSRTensor",
           "RowTensor", "RowTensorInner", "SparseTensor"]

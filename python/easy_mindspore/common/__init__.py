"""``mindspore.common``: dtypes, the Tensor and Parameter classes, initializers, ``jit`` and the
seeds (``from mindspore.common import set_seed, jit, float32``)."""
from . import dtype, initializer
from ..tensor import Tensor
from .api import jit
from .dtype import *  # noqa: F401,F403 (MindSpore's dtypes, as in mindspore.common)
from .dtype import __all__ as _dtype_names
from .mutable import mutable
from .parameter import Parameter, ParameterTuple
from .seed import get_seed, set_seed
from .sparse_tensor import COOTensor, CSRTensor, RowTensor, RowTensorInner, SparseTensor

__all__ = ["dtype", "initializer", "Tensor", "Parameter", "ParameterTuple", "mutable", "COOTensor", "CSRTensor",
           "RowTensor", "RowTensorInner", "SparseTensor", "jit", "set_seed", "get_seed"] + list(_dtype_names)

"""``mindspore.common``: dtypes, the Tensor and Parameter classes, initializers, ``jit`` and the
seeds (``from mindspore.common import set_seed, jit, float32``). The names MindSpore 2.10 also
exports here that the package defines elsewhere (``jit_class``, ``lazy_inline``, ``from_numpy``...)
resolve on first use, to the package's own objects (``from mindspore.common import JitConfig``)."""
from . import dtype, initializer
from ..tensor import Tensor
from ._grad_function import _Function
from .api import _no_grad, jit
from .dtype import *  # noqa: F401,F403 (MindSpore's dtypes, as in mindspore.common)
from .dtype import __all__ as _dtype_names
from .file_system import mindio_preload, set_mindio_server_info
from .generator import (Generator, default_generator, get_rng_state, initial_seed, manual_seed, seed,
                        set_rng_state)
from .jit_config import JitConfig, set_recursion_limit
from .mutable import mutable
from .parameter import Parameter, ParameterTuple
from .seed import get_seed, set_seed
from .sparse_tensor import COOTensor, CSRTensor, RowTensor, RowTensorInner, SparseTensor
from .tensor import swap_tensors

# Defined by modules that import ``common`` themselves: looked up on the package when first asked for.
_FROM_PACKAGE = ("from_numpy", "is_tensor", "jit_class", "lazy_inline", "no_inline", "recompute",
                 "saved_tensors_hooks", "register_saved_tensors_hooks", "set_dump", "ms_memory_recycle")

__all__ = ["dtype", "initializer", "Tensor", "Parameter", "ParameterTuple", "mutable", "COOTensor", "CSRTensor",
           "RowTensor", "RowTensorInner", "SparseTensor", "jit", "set_seed", "get_seed", "swap_tensors",
           "JitConfig", "set_recursion_limit", "Generator", "default_generator", "seed", "manual_seed",
           "initial_seed", "set_rng_state", "get_rng_state", "set_mindio_server_info",
           "mindio_preload"] + list(_FROM_PACKAGE) + list(_dtype_names)


def __getattr__(name):
    if name in _FROM_PACKAGE:
        import importlib
        value = getattr(importlib.import_module(__name__.rsplit(".", 1)[0]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

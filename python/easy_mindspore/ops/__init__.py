"""``easy_mindspore.ops`` (also ``mindspore.ops`` when MindSpore is not installed): the grad API,
the functional ops and, as in MindSpore, the primitive classes (``ops.ReLU()``, ``ops.Concat(1)``)."""
from . import composite, functional, operations
from .composite import GradOperation, HyperMap, Map, MultitypeFuncGraph
from .functional import *  # noqa: F401,F403
from .functional import __all__ as _functional_all
from .operations import *  # noqa: F401,F403
from .operations import __all__ as _operations_all
from ._comm_ops import AllGather, AllReduce, Broadcast, ReduceOp, ReduceScatter

__all__ = (["GradOperation", "HyperMap", "Map", "MultitypeFuncGraph", "composite", "functional", "operations"]
           + list(_functional_all)
           + list(_operations_all)
           + ["AllReduce", "AllGather", "ReduceScatter", "Broadcast", "ReduceOp"])

# User-defined operators (``Custom``) and the kernel registration helpers.
from ._custom_ops import (Custom, CpuRegOp, CustomRegOp, DataType, custom_info_register,  # noqa: E402
                          op_info_register)

__all__ += ["Custom", "CpuRegOp", "CustomRegOp", "DataType", "custom_info_register", "op_info_register"]

# The summary primitives, which queue values in the open ``SummaryRecord``s.
from ._summary_ops import HistogramSummary, ScalarSummary, TensorSummary  # noqa: E402

__all__ += ["HistogramSummary", "ScalarSummary", "TensorSummary"]

# ``ops.tensordump``, beside its primitive ``TensorDump``.
from ._operations_eight import tensordump  # noqa: E402

__all__ += ["tensordump"]

# MindSpore 2.x's functional collectives (``ops.communication``), also at the ``ops`` level where
# no other op has the name (``ops.gather`` and ``ops.scatter`` stay the array functions).
from . import communication  # noqa: E402
from . import functional_overload  # noqa: E402

globals().update({_n: getattr(communication, _n) for _n in communication.__all__ if _n not in globals()})
__all__ += ["communication"] + [_n for _n in communication.__all__ if _n not in __all__]

# The registry of Python implementations of primitives (the object, as in MindSpore; the module
# stays importable as ``mindspore.ops.vm_impl_registry``).
from .vm_impl_registry import get_vm_impl_fn, vm_impl_registry  # noqa: E402

__all__ += ["get_vm_impl_fn", "vm_impl_registry"]


def __getattr__(name):
    # ``ops.auto_generate`` (MindSpore's table of generated primitives and functions) is imported
    # when first asked for: it reads ``ops`` itself.
    if name == "auto_generate":
        import importlib
        return importlib.import_module(".auto_generate", __name__)
    raise AttributeError(f"module 'mindspore.ops' has no attribute '{name}'")

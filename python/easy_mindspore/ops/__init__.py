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

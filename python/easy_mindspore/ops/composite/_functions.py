"""The functions ``mindspore.ops.composite`` (``C``) holds besides ``GradOperation`` and the
mapping helpers: older MindSpore code calls ``C.normal``, ``C.uniform``, ``C.sequence_mask``,
``C.tensor_dot``... as the ops functions of the same names (MindSpore's are those functions), and
``C.zeros_like``, ``C.ones_like``, ``C.hyper_add``, ``C.tail``, ``C.zip_operation`` and
``C.add_flags`` over nested sequences."""
from ... import _tree
from ..._errors import DTypeError
from .. import functional as _F
from .base import HyperMap

# The ops functions MindSpore's composite re-exports (its ``random_ops``, ``math_ops`` and
# ``array_ops``), the same objects as ``mindspore.ops``'s.
_SAME_AS_OPS = ["normal", "uniform", "gamma", "poisson", "multinomial", "laplace",
                "sequence_mask", "repeat_elements", "repeat_interleave", "tensor_dot", "dot",
                "batch_dot", "matmul", "mm", "count_nonzero", "cummin", "vecdot"]
globals().update({name: getattr(_F, name) for name in _SAME_AS_OPS})

__all__ = _SAME_AS_OPS + ["zeros_like", "ones_like", "hyper_add", "tail", "zip_operation",
                          "add_flags"]


def _leaf_zeros(x):
    from ..._C import Tensor
    if isinstance(x, Tensor):
        return _F.zeros_like(x)
    if isinstance(x, bool):
        return False
    if isinstance(x, (int, float)):
        return type(x)(0)
    if x is None:
        return None
    raise DTypeError(f"For 'zeros_like', the input must be a Tensor, a number or a nested "
                     f"tuple/list of them, but got {type(x).__name__}")


def _leaf_ones(x):
    from ..._C import Tensor
    if isinstance(x, Tensor):
        return _F.ones_like(x)
    if isinstance(x, bool):
        return True
    if isinstance(x, (int, float)):
        return type(x)(1)
    raise DTypeError(f"For 'ones_like', the input must be a Tensor, a number or a nested "
                     f"tuple/list of them, but got {type(x).__name__}")


def zeros_like(x):
    """Zeros shaped as ``x``: a Tensor's ``zeros_like``, a number's 0 (of its type), and the
    same for each leaf of nested tuples and lists (MindSpore 2.10 in PyNative mode returns a
    bare 0 for a tuple; its graph mode, and this, keep the structure)."""
    return _tree.zip_map(_leaf_zeros, (x,), True, False, "zeros_like")


def ones_like(x):
    """Ones shaped as ``x``, leaf by leaf over nested tuples and lists (a Tensor's
    ``ones_like``, a number's 1)."""
    return _tree.zip_map(_leaf_ones, (x,), True, False, "ones_like")


#: ``hyper_add(x, y)``: ``x + y`` leaf by leaf over nested tuples and lists taken in step.
hyper_add = HyperMap(lambda a, b: a + b)


def tail(seq):
    """A tuple or list without its first element (an empty one is a ValueError)."""
    if not isinstance(seq, (tuple, list)):
        raise DTypeError(f"For 'tail', the input must be a tuple or a list, but got "
                         f"{type(seq).__name__}")
    if not seq:
        raise ValueError("For 'tail', the input must not be empty")
    return seq[1:]


def zip_operation(*seqs):
    """The tuples of the sequences' elements taken in step (as ``zip``), as a tuple; fewer than
    one sequence, or an argument that is not a tuple or list, is an error."""
    if not seqs:
        raise ValueError("For 'zip_operation', at least one sequence is required")
    for s in seqs:
        if not isinstance(s, (tuple, list)):
            raise DTypeError(f"For 'zip_operation', every input must be a tuple or a list, but "
                             f"got {type(s).__name__}")
    return tuple(zip(*seqs))


def add_flags(fn=None, **flags):
    """Sets ``flags`` on ``fn``'s ``_func_graph_flags`` dict (graph-compiler hints in MindSpore;
    kept and returned here) and returns ``fn``; without ``fn``, a decorator that does so."""
    def apply(f):
        if not hasattr(f, "_func_graph_flags"):
            f._func_graph_flags = {}
        f._func_graph_flags.update(flags)
        return f
    return apply if fn is None else apply(fn)

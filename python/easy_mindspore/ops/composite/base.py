"""``mindspore.ops.composite.base``: ``GradOperation`` and the type-dispatching and mapping helpers
MindSpore code is written with: ``MultitypeFuncGraph`` (one function, an implementation per
argument-type signature), ``HyperMap`` (a function applied leaf by leaf over nested tuples and
lists) and ``Map`` (one level)."""
from numbers import Number

import numpy as _np

from ... import _tree
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ..._grad import GradOperation, grad, value_and_grad
from ..._jit import tracing

__all__ = ["GradOperation", "grad", "value_and_grad", "MultitypeFuncGraph", "HyperMap", "Map"]

#: The type names ``MultitypeFuncGraph.register`` accepts, each with its test of a value.
_TYPE_TESTS = {
    "Tensor": lambda v: isinstance(v, Tensor),
    "Number": lambda v: isinstance(v, Number),
    "Bool": lambda v: isinstance(v, bool),
    "Int": lambda v: isinstance(v, (int, _np.integer)) and not isinstance(v, bool),
    "Float": lambda v: isinstance(v, (float, _np.floating)),
    "String": lambda v: isinstance(v, str),
    "Tuple": lambda v: isinstance(v, tuple),
    "List": lambda v: isinstance(v, list),
    "Dictionary": lambda v: isinstance(v, dict),
    "None": lambda v: v is None,
    "Function": callable,
    "Slice": lambda v: isinstance(v, slice),
    "Ellipsis": lambda v: v is Ellipsis,
}
# A scalar's own type: a Python int is an Int64, a float a Float64 (as MindSpore types them), a
# NumPy scalar its dtype.
_SCALARS = {"Int8": _np.int8, "Int16": _np.int16, "Int32": _np.int32, "Int64": _np.int64,
            "UInt8": _np.uint8, "UInt16": _np.uint16, "UInt32": _np.uint32,
            "UInt64": _np.uint64, "Float16": _np.float16, "Float32": _np.float32,
            "Float64": _np.float64}
_TYPE_TESTS.update({
    name: (lambda t, py: lambda v: isinstance(v, t) or (py is not None and type(v) is py))(
        t, {"Int64": int, "Float64": float}.get(name))
    for name, t in _SCALARS.items()})


def _sparse(cls_name):
    """The test of a sparse tensor class of ``common.sparse_tensor`` (imported when first used:
    it imports the ops)."""
    def test(v):
        from ...common import sparse_tensor
        return isinstance(v, getattr(sparse_tensor, cls_name))
    return test


_TYPE_TESTS.update({"RowTensor": _sparse("RowTensorInner"), "COOTensor": _sparse("COOTensor"),
                    "CSRTensor": _sparse("CSRTensor")})


def _matches(name, value, in_graph):
    """Whether `value` is of the registered type `name`. Inside a graph (a ``jit`` trace) a Python
    float is a Float32, as MindSpore types it there; outside, a Float64."""
    if in_graph and type(value) is float and name in ("Float32", "Float64"):
        return name == "Float32"
    return _TYPE_TESTS[name](value)


def _type_name(t):
    # a name, a Python type (its name) or a dtype kind such as ``mstype.number``
    name = t if isinstance(t, str) else getattr(t, "register_name", None) or getattr(t, "__name__", str(t))
    if name not in _TYPE_TESTS:
        raise DTypeError(f"MultitypeFuncGraph.register: unknown type name {name!r}; expected one "
                         f"of {sorted(_TYPE_TESTS)}")
    return name


class MultitypeFuncGraph:
    """``MultitypeFuncGraph(name, read_value=False)``: a function with one implementation per
    signature of argument types, added with ``@mtfg.register("Tensor", "Number")``. A call runs
    the first registered implementation whose every type name matches its argument (``Number``
    takes ints, floats and bools; ``Tensor`` takes Parameters; a Python float is a Float64, in a
    ``jit`` graph a Float32); none matching is MindSpore's ValueError."""

    def __init__(self, name, read_value=False):
        self.name = name
        self.read_value = read_value
        self._entries = []

    def register(self, *type_names):
        names = tuple(_type_name(t) for t in type_names)

        def deco(fn):
            self._entries.append((names, fn))
            return fn

        return deco

    def _find(self, args):
        in_graph = tracing()
        for names, fn in self._entries:
            if len(names) == len(args) and all(_matches(n, a, in_graph) for n, a in zip(names, args)):
                return fn
        return None

    def __call__(self, *args):
        fn = self._find(args)
        if fn is not None:
            return fn(*args)
        got = ", ".join(type(a).__name__ for a in args)
        raise ShapeError(f"For 'MultitypeFuncGraph' '{self.name}', cannot find fn match given args: "
                         f"no implementation is registered for the argument types ({got}); "
                         f"registered: {[list(n) for n, _ in self._entries]}")


class HyperMap:
    """``HyperMap(ops=None, reverse=False)``: applies ``ops`` (or, without it, the function given
    as the first argument of each call) leaf by leaf over nested tuples and lists taken in step;
    arguments that are not sequences are passed whole to every leaf. A ``MultitypeFuncGraph``
    with an implementation for the arguments' types at some level is called there. ``reverse`` visits the
    elements last to first (the results keep their order)."""

    _deep = True

    def __init__(self, ops=None, reverse=False):
        if ops is not None and not callable(ops):
            raise DTypeError(f"For '{type(self).__name__}', 'ops' must be callable, but got "
                             f"{type(ops).__name__}")
        self.ops = ops
        self.reverse = bool(reverse)

    def __call__(self, *args):
        fn = self.ops
        if fn is None:
            if not args or not callable(args[0]):
                raise DTypeError(f"For '{type(self).__name__}' without 'ops', the first argument "
                                 "must be the function to apply")
            fn, args = args[0], args[1:]
        # A MultitypeFuncGraph with an implementation for the arguments as they are takes them
        # whole (a registered "Tuple" is not descended into), as in MindSpore.
        whole = (lambda vs: fn._find(vs) is not None) if isinstance(fn, MultitypeFuncGraph) else None
        return _tree.zip_map(fn, args, self._deep, self.reverse, type(self).__name__, whole)


class Map(HyperMap):
    """``Map(ops=None, reverse=False)``: as ``HyperMap`` over one level of the sequences only."""

    _deep = False


def core(fn=None, **flags):
    """MindSpore's decorator marking a function (or a Cell) for its graph compiler: the flags
    ``{'core': True, **flags}`` are added to its ``_func_graph_flags`` (what ``Cell.get_flags``
    returns). Here they change nothing in how the function runs.

    Args:
        fn (Union[function, Cell], optional): What to mark; without it, ``core(**flags)`` is a
            decorator. Default: ``None``.
        flags (dict): More flags (``core=False`` overrides the default).

    Returns:
        `fn` itself (or, without `fn`, the decorator).

    Raises:
        AttributeError: If `fn` takes no attributes.

    Examples:
        >>> from mindspore.ops.composite.base import core
        >>> @core(loop_can_unroll=True)
        ... def f(x):
        ...     return x + 1
        >>> f._func_graph_flags, f(1)
        ({'core': True, 'loop_can_unroll': True}, 2)
    """
    def mark(target):
        new = {"core": True}
        new.update(flags)
        try:
            held = vars(target)
        except TypeError:
            raise AttributeError(f"'{type(target).__name__}' object has no attribute "
                                 "'_func_graph_flags'") from None
        if "_func_graph_flags" not in held:
            object.__setattr__(target, "_func_graph_flags", {})
        held["_func_graph_flags"].update(new)
        return target

    return mark if fn is None else mark(fn)

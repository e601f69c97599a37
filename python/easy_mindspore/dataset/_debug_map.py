"""The debug hooks (``mindspore.dataset.debug``) put around a ``map``'s operations while debug
mode is on (``config.set_debug_mode``); a hook among the operations outside debug mode is
MindSpore's ValueError."""
import copy as _copy

from .._errors import ShapeError
from . import config
from .debug import DebugHook


def _name(op):
    return getattr(op, "__name__", None) or type(op).__name__


def _hooks(prev, first):
    out = []
    for hook in config._debug_hooks():
        h = _copy.deepcopy(hook)  # each place holds its own hook
        h.set_previous_op_name(prev)
        h.set_is_first(first)
        out.append(h)
    return out


def with_debug_hooks(ops):
    """`ops` with the configured hooks before the first and after each operation."""
    for op in ops:
        if isinstance(op, DebugHook) and not config.get_debug_mode():
            raise ShapeError("It is not allowed to inject DebugHook object in non-debug mode.")
    if not config.get_debug_mode():
        return ops
    out = _hooks(_name(ops[0]), True) if ops else []
    for op in ops:
        out.append(op)
        out += _hooks(_name(op), False)
    return out

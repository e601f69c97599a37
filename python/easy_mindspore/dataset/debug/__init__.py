"""``mindspore.dataset.debug``: hooks that debug mode (``config.set_debug_mode(True,
debug_hook_list=[...])``) runs before the first and after each operation of every ``map``
built while it is on; a hook may also be put among a map's operations by hand (debug mode only).

A hook gets the columns as a tuple, gives its ``compute`` that tuple and passes it on unchanged.
``PrintMetaDataHook`` (the default) prints each column's dtype and shape, ``PrintDataHook`` the
values.
"""
import collections.abc as _abc

import numpy as _np

__all__ = ["DebugHook", "PrintMetaDataHook", "PrintDataHook"]


class DebugHook:
    """The base of the debug hooks: subclasses define ``compute(self, *args)``, which receives
    the tuple of the columns (inspect them, print them, set a breakpoint).

    Args:
        prev_op_name (str, optional): The operation whose input or output the hook sees.

    Examples:
        >>> import mindspore.dataset.debug as debug
        >>> class Count(debug.DebugHook):
        ...     def compute(self, *args):
        ...         print(len(args[0]), "columns")
        >>> Count()(1, 2)
        2 columns
        (1, 2)
    """

    def __init__(self, prev_op_name=None):
        self.prev_op_name = prev_op_name
        self.is_first_op = None

    def __call__(self, *args):
        if self.prev_op_name:
            where = "INPUT" if self.is_first_op else "OUTPUT"
            print(f"[Dataset debugger] Print the [{where}] of the operation "
                  f"[{self.prev_op_name}].", flush=True)
        self.compute(args)
        return args

    def compute(self, *args):
        """What the hook does with the columns (``args[0]``, a tuple); subclasses define it."""
        raise RuntimeError("compute() is not overridden in subclass of class DebugHook.")

    def set_previous_op_name(self, prev_op_name):
        """Names the operation whose data the hook sees."""
        self.prev_op_name = prev_op_name

    def set_is_first(self, is_first_op):
        """Whether the hook runs before the map's first operation (it sees the input)."""
        self.is_first_op = is_first_op


def _columns(args):
    return enumerate(args[0] if len(args) == 1 and isinstance(args[0], tuple) else args)


class PrintMetaDataHook(DebugHook):
    """Prints each column's dtype and shape (a PIL image: its type and size; a sized object: its
    type and length).

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.debug as debug
        >>> _ = debug.PrintMetaDataHook()(np.zeros((2, 3), np.int32))
        Column 0. The dtype is [int32]. The shape is [(2, 3)].
    """

    def compute(self, *args):
        """Prints the dtype and shape of each column of ``args[0]``."""
        for i, col in _columns(args):
            msg = f"Column {i}. "
            if isinstance(col, _np.ndarray):
                msg += f"The dtype is [{col.dtype}]. The shape is [{col.shape}]."
            elif hasattr(col, "size") and hasattr(col, "mode") and hasattr(col, "getpixel"):
                msg += f"The type is [{type(col)}]. The shape is [{col.size}]."
            elif isinstance(col, _abc.Sized):
                msg += f"The type is [{type(col)}]. The size is [{len(col)}]."
            print(msg, flush=True)
        return args


class PrintDataHook(DebugHook):
    """Prints each column's values (a PIL image as its array).

    Examples:
        >>> import numpy as np
        >>> import mindspore.dataset.debug as debug
        >>> _ = debug.PrintDataHook()(np.array([1, 2]))
        Column 0. The data is [[1 2]].
    """

    def compute(self, *args):
        """Prints the values of each column of ``args[0]``."""
        for i, col in _columns(args):
            if hasattr(col, "getpixel"):
                col = _np.asarray(col)
            print(f"Column {i}. The data is [{col}].", flush=True)
        return args

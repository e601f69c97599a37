"""The errors MindSpore's C++ bindings raise for arguments of the wrong type (pybind11's
"incompatible function arguments" TypeError) and the checks that decide them, for the Python
functions here that stand where MindSpore calls into its C++ context objects."""
from ._errors import DTypeError

__all__ = ["Native", "incompatible", "as_bool", "as_int", "as_str"]


class Native:
    """Stands for the C++ object a MindSpore binding is a method of (its ``repr`` is the one the
    binding's error message shows)."""

    def __init__(self, qualname):
        self._qualname = qualname

    def __repr__(self):
        return f"<mindspore._c_expression.{self._qualname} object at {hex(id(self))}>"


def incompatible(func, signature, args):
    """pybind11's TypeError: `func` takes `signature` (``"arg0: int"``...), got `args`."""
    return DTypeError(f"{func}(): incompatible function arguments. The following argument types are "
                      f"supported:\n    1. ({signature}) -> None\n\nInvoked with: "
                      f"{', '.join(repr(a) for a in args)}")


def as_bool(value):
    """A value pybind11 converts to a C++ bool (None, True/False and any number), or None."""
    if value is None:
        return False
    if isinstance(value, (str, bytes)) or not hasattr(type(value), "__bool__"):
        return None
    return bool(value)


def as_int(value, lo, hi):
    """A value pybind11 converts to a C++ integer in [lo, hi) (ints, bools, NumPy ints), or None."""
    if isinstance(value, float) or not hasattr(type(value), "__index__"):
        return None
    v = int(value)
    return v if lo <= v < hi else None


def as_str(value):
    """A value pybind11 converts to a C++ string (str or UTF-8 bytes), or None."""
    if isinstance(value, str):
        return value
    if isinstance(value, bytes):
        try:
            return value.decode("utf-8")
        except UnicodeDecodeError:
            return None
    return None

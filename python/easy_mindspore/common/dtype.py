"""MindSpore's dtype objects: ``repr`` is ``mindspore.float32``, ``str`` is ``Float32``."""

__all__ = ["Type", "bool_", "int32", "int64", "float32", "float64", "pytype_to_dtype"]


class Type:
    """A tensor element type."""

    __slots__ = ("_ems_name", "_short")

    def __init__(self, name, short):
        self._ems_name = name
        self._short = short

    def __repr__(self):
        return "mindspore." + self._short

    def __str__(self):
        return self._ems_name

    def __reduce__(self):
        return (_lookup, (self._short,))


bool_ = Type("Bool", "bool")
int32 = Type("Int32", "int32")
int64 = Type("Int64", "int64")
float32 = Type("Float32", "float32")
float64 = Type("Float64", "float64")

_ALL = {t._short: t for t in (bool_, int32, int64, float32, float64)}


def _lookup(short):
    return _ALL[short]


def pytype_to_dtype(t):
    """The dtype of a Python type (``float`` → float32 as MindSpore does for Python floats)."""
    return {bool: bool_, int: int64, float: float32}[t]

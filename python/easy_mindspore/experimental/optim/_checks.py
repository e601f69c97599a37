"""The argument checks of ``mindspore.experimental.optim``'s optimizers, with MindSpore 2.10's
classes and messages (a number of a wrong type is a TypeError, one out of range a ValueError)."""
from numbers import Number

from ..._errors import DTypeError, ShapeError
from ...tensor import Tensor


def number(value, name, op, tensor=True):
    """`value` as a float: an int or float (not bool), or with `tensor` a 0-D Tensor."""
    if tensor and isinstance(value, Tensor):
        if value.ndim != 0:
            raise ShapeError(f"For '{op}', the '{name}' Tensor should have only one element, but "
                             f"got shape {tuple(value.shape)}.")
        return float(value)
    if isinstance(value, bool) or not isinstance(value, Number):
        kinds = "['float', 'int', 'Tensor']" if tensor else "['float', 'int']"
        raise DTypeError(f"For '{op}', the type of '{name}' should be one of '{kinds}', but got "
                         f"type '{type(value).__name__}'.")
    return float(value)


def a_bool(value, name, op):
    """A bool, else a TypeError."""
    if not isinstance(value, bool):
        raise DTypeError(f"For '{op}', the type of '{name}' should be 'bool', but got type "
                         f"'{type(value).__name__}'.")


def a_float(value, name, op):
    """A float (an int is a TypeError, as MindSpore's ``check_value_type(..., [float])``)."""
    if not isinstance(value, float):
        raise DTypeError(f"For '{op}', the '{name}' must be 'float',  but got "
                         f"'{type(value).__name__}'.")
    return value


def greater(value, name, op, bound=0.0):
    """``value > bound`` (MindSpore's ``check_not_less_than_without_equal``)."""
    if not number(value, name, op) > bound:
        raise ShapeError(f"For {op}, the {name} must be greater than {bound}, but got {value}.")


def at_least(value, name, op, bound=0.0):
    """``value >= bound`` (MindSpore's ``check_not_less_than``)."""
    if not number(value, name, op) >= bound:
        raise ShapeError(f"For {op}, the {name} must be greater than or equal to {bound}, but got "
                         f"{value}.")


def in_range(value, name, op, low, high, closed):
    """A float in the interval from `low` to `high`; `closed` is ``"both"``, ``"left"`` or
    ``"neither"`` (MindSpore's ``check_float_range``)."""
    a_float(value, name, op)
    ok_low = value >= low if closed in ("both", "left") else value > low
    ok_high = value <= high if closed == "both" else value < high
    if not (ok_low and ok_high):
        left = "[" if closed in ("both", "left") else "("
        right = "]" if closed == "both" else ")"
        raise ShapeError(f"For '{op}', the '{name}' must be in range of {left}{low}, {high}{right}, "
                         f"but got {value} with type 'float'.")


def pair(value, name, op):
    """A tuple or list of two items."""
    if not isinstance(value, (tuple, list)) or len(value) != 2:
        raise DTypeError(f"For '{op}', '{name}' must be a tuple of two numbers, but got {value!r}.")
    return value

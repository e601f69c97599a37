"""Argument checks shared by the learning-rate schedules, the dynamic-lr lists and the optimizers,
with MindSpore's error classes: a wrong type is a ``TypeError`` (``DTypeError``), a value out of
range a ``ValueError`` (``ShapeError``)."""
from .._errors import DTypeError, OutOfMemoryError, ShapeError

# The longest list of learning rates built: 2**31 Python floats take 64 GiB (a float object and its
# list slot); a longer request is refused at once rather than filling memory for minutes.
MAX_LIST = 1 << 31


def is_int(x):
    return isinstance(x, int) and not isinstance(x, bool)


def positive_int(value, name, op):
    """An ``int`` > 0."""
    if not is_int(value):
        raise DTypeError(f"For '{op}', the '{name}' must be int, but got {type(value).__name__}.")
    if value <= 0:
        raise ShapeError(f"For '{op}', the '{name}' must be a positive int, but got {value}.")
    return value


def list_length(value, name, op):
    """A positive ``int`` that a list can have (at most :data:`MAX_LIST`)."""
    positive_int(value, name, op)
    if value > MAX_LIST:
        raise OutOfMemoryError(f"For '{op}', a list of '{name}' = {value} learning rates does not fit "
                               f"in memory (at most {MAX_LIST}).")
    return value


def a_float(value, name, op, positive=False, non_negative=False):
    """A ``float`` (ints are refused, as MindSpore's ``check_is_float``), optionally > 0 or >= 0."""
    if not isinstance(value, float):
        raise DTypeError(f"For '{op}', the '{name}' must be float, but got {type(value).__name__}.")
    if positive and not value > 0.0:
        raise ShapeError(f"For '{op}', the '{name}' must be a positive float, but got {value}.")
    if non_negative and not value >= 0.0:
        raise ShapeError(f"For '{op}', the '{name}' must be a non-negative float, but got {value}.")
    return value


def a_bool(value, name, op):
    if not isinstance(value, bool):
        raise DTypeError(f"For '{op}', the '{name}' must be bool, but got {type(value).__name__}.")
    return value

"""Argument checks shared by ``Model`` and the callbacks, with MindSpore's messages and classes
(a wrong type is a TypeError, a wrong value a ValueError)."""
from .._errors import DTypeError, ShapeError


def check_int(value, name=None):
    """``value`` must be an int (not a bool)."""
    if isinstance(value, bool) or not isinstance(value, int):
        where = f"The '{name}'" if name else "The input value"
        raise DTypeError(f"{where} must be int, but got '{type(value).__name__}'")
    return value


def check_non_negative_int(value, name=None):
    """``value`` must be an int >= 0."""
    if isinstance(value, bool):
        raise DTypeError(f"The input value must be int and must >= 0, but got '{value}' with type 'bool'.")
    check_int(value, name)
    if value < 0:
        where = f"'{name}'" if name else "The input value"
        raise ShapeError(f"{where} must be int and must >= 0, but got '{value}' with type 'int'.")
    return value


def check_positive_int(value, name=None):
    """``value`` must be an int > 0."""
    if isinstance(value, bool):
        raise DTypeError(f"The input value must be int and must > 0, but got '{value}' with type 'bool'.")
    check_int(value, name)
    if value <= 0:
        where = f"'{name}'" if name else "The input value"
        raise ShapeError(f"{where} must be int and must > 0, but got '{value}' with type 'int'.")
    return value


def check_bool(value, name="input value"):
    """``value`` must be a bool."""
    if not isinstance(value, bool):
        raise DTypeError(f"The '{name}' must be a bool, but got {type(value).__name__}.")
    return value


def check_number(value, name):
    """``value`` must be an int or a float (not a bool)."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise DTypeError(f"The '{name}' must be int or float, but got {type(value).__name__}.")
    return value


def check_str(value, name):
    """``value`` must be a str."""
    if not isinstance(value, str):
        raise DTypeError(f"The '{name}' must be str, but got {type(value).__name__}.")
    return value

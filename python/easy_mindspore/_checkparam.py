"""``mindspore._checkparam`` (imported as ``validator``): the argument checks MindSpore's layers,
primitives and test helpers call, with MindSpore 2.10's relations (``EQ`` ... ``NOT_IN``), return
values (the checked value) and messages. A message starts ``For '<prim_name>', `` when a
primitive name is given. Bad types are TypeErrors, bad values ValueErrors; a bool is never an
int here."""
import functools
import inspect
import re

from ._errors import DTypeError, ShapeError

__all__ = ["EQ", "NE", "LT", "LE", "GT", "GE", "INC_NEITHER", "INC_LEFT", "INC_RIGHT", "INC_BOTH",
           "IN", "NOT_IN", "check_positive_int", "check_negative_int", "check_non_positive_int",
           "check_non_negative_int", "check_positive_float", "check_non_negative_float",
           "check_is_int", "check_is_float", "check_bool", "check_int", "check_equal_int",
           "check_int_range", "check_float_range", "check_number", "check_string",
           "check_value_type", "check_isinstance", "check_axis_in_range",
           "check_positive_int_sequence", "check_non_negative_int_sequence", "once", "twice",
           "triple", "check_input_format", "check_str_by_regular", "args_type_check"]

EQ, NE, LT, LE, GT, GE = 1, 2, 3, 4, 5, 6
INC_NEITHER, INC_LEFT, INC_RIGHT, INC_BOTH = 7, 8, 9, 10
IN, NOT_IN = 11, 12

# How each relation reads in a message, and whether it holds.
_REL = {EQ: ("=", lambda a, b: a == b), NE: ("!=", lambda a, b: a != b),
        LT: ("<", lambda a, b: a < b), LE: ("<=", lambda a, b: a <= b),
        GT: (">", lambda a, b: a > b), GE: (">=", lambda a, b: a >= b)}
# A range relation: the brackets shown and whether the low and high ends are included.
_RANGE = {INC_NEITHER: ("(", ")", False, False), INC_LEFT: ("[", ")", True, False),
          INC_RIGHT: ("(", "]", False, True), INC_BOTH: ("[", "]", True, True)}


def _head(prim_name):
    return f"For '{prim_name}', the" if prim_name else "The"


def _is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def _number(arg_value, value, rel, kind, arg_name, prim_name):
    """`arg_value` of `kind` (int or float) standing in `rel` to `value`."""
    name = f"'{arg_name}'" if arg_name else "input value"  # MindSpore quotes only a given name
    sign, holds = _REL[rel]
    wrong_type = not _is_int(arg_value) if kind is int else not isinstance(arg_value, float)
    if wrong_type and isinstance(arg_value, bool):
        raise DTypeError(f"{_head(prim_name)} {name} must be {kind.__name__} and must {sign} "
                         f"{value}, but got '{arg_value}' with type 'bool'.")
    if wrong_type:
        who = f"'{arg_name}'" if arg_name else "input value"
        raise DTypeError(f"{_head(prim_name)} {who} must be {kind.__name__}, but got "
                         f"'{type(arg_value).__name__}'")
    if not holds(arg_value, value):
        raise ShapeError(f"{_head(prim_name)} {name} must be {kind.__name__} and must {sign} "
                         f"{value}, but got '{arg_value}' with type '{type(arg_value).__name__}'.")
    return arg_value


def check_positive_int(arg_value, arg_name=None, prim_name=None):
    """An int > 0."""
    return _number(arg_value, 0, GT, int, arg_name, prim_name)


def check_negative_int(arg_value, arg_name=None, prim_name=None):
    """An int < 0."""
    return _number(arg_value, 0, LT, int, arg_name, prim_name)


def check_non_positive_int(arg_value, arg_name=None, prim_name=None):
    """An int <= 0."""
    return _number(arg_value, 0, LE, int, arg_name, prim_name)


def check_non_negative_int(arg_value, arg_name=None, prim_name=None):
    """An int >= 0."""
    return _number(arg_value, 0, GE, int, arg_name, prim_name)


def check_positive_float(arg_value, arg_name=None, prim_name=None):
    """A float > 0."""
    return _number(arg_value, 0, GT, float, arg_name, prim_name)


def check_non_negative_float(arg_value, arg_name=None, prim_name=None):
    """A float >= 0."""
    return _number(arg_value, 0, GE, float, arg_name, prim_name)


def check_int(arg_value, value, rel, arg_name=None, prim_name=None):
    """An int standing in the relation `rel` (``EQ`` ... ``GE``) to `value`."""
    return _number(arg_value, value, rel, int, arg_name, prim_name)


def check_equal_int(arg_value, value, arg_name=None, prim_name=None):
    """An int equal to `value`."""
    return _number(arg_value, value, EQ, int, arg_name, prim_name)


def _is_type(kind, arg_value, arg_name, prim_name):
    ok = _is_int(arg_value) if kind is int else isinstance(arg_value, kind)
    if not ok:
        raise DTypeError(f"{_head(prim_name)} type of '{arg_name}' must be '{kind.__name__}', but "
                         f"got '{type(arg_value).__name__}'.")
    return arg_value


def check_is_int(arg_value, arg_name=None, prim_name=None):
    """An int (not a bool)."""
    return _is_type(int, arg_value, arg_name, prim_name)


def check_is_float(arg_value, arg_name=None, prim_name=None):
    """A float."""
    return _is_type(float, arg_value, arg_name, prim_name)


def check_bool(arg_value, arg_name=None, prim_name=None):
    """A bool."""
    if not isinstance(arg_value, bool):
        who = f"'{arg_name}'" if arg_name else "input value"
        raise DTypeError(f"{_head(prim_name)} {who} must be a bool, but got "
                         f"{type(arg_value).__name__}.")
    return arg_value


def _in_range(arg_value, lower_limit, upper_limit, rel, kind, arg_name, prim_name):
    if not (_is_int(arg_value) if kind is int else isinstance(arg_value, (int, float))
            and not isinstance(arg_value, bool)):
        raise DTypeError(f"{_head(prim_name)} '{arg_name}' must be {kind.__name__}, but got "
                         f"'{type(arg_value).__name__}'.")
    left, right, low_in, high_in = _RANGE[rel]
    above = arg_value >= lower_limit if low_in else arg_value > lower_limit
    below = arg_value <= upper_limit if high_in else arg_value < upper_limit
    if not (above and below):
        raise ShapeError(f"{_head(prim_name)} '{arg_name}' must be in range of {left}{lower_limit}, "
                         f"{upper_limit}{right}, but got {arg_value} with type "
                         f"'{type(arg_value).__name__}'.")
    return arg_value


def check_int_range(arg_value, lower_limit, upper_limit, rel, arg_name=None, prim_name=None):
    """An int within the range `rel` (``INC_NEITHER`` ... ``INC_BOTH``) gives the limits."""
    return _in_range(arg_value, lower_limit, upper_limit, rel, int, arg_name, prim_name)


def check_float_range(arg_value, lower_limit, upper_limit, rel, arg_name=None, prim_name=None):
    """A number within the range `rel` gives the limits."""
    return _in_range(arg_value, lower_limit, upper_limit, rel, float, arg_name, prim_name)


def check_number(arg_name, arg_value, value, rel, prim_name):
    """A number standing in the relation `rel` to `value`."""
    sign, holds = _REL[rel]
    if not holds(arg_value, value):
        raise ShapeError(f"For '{prim_name}', the argument '{arg_name}' must {sign} {value}, but got "
                         f"{arg_value}.")
    return arg_value


def check_string(arg_value, valid_values, arg_name=None, prim_name=None):
    """A string among `valid_values`."""
    if isinstance(arg_value, str) and arg_value in valid_values:
        return arg_value
    raise ShapeError(f"{_head(prim_name)} '{arg_name}' must be str and must be in "
                     f"'{list(valid_values)}', but got '{arg_value}'.")


def check_value_type(arg_name, arg_value, valid_types, prim_name=None):
    """A value of one of `valid_types` (a type or a sequence of them; a bool is not an int)."""
    types = tuple(valid_types) if isinstance(valid_types, (tuple, list)) else (valid_types,)
    if isinstance(arg_value, bool) and bool not in types:
        ok = False
    else:
        ok = isinstance(arg_value, types)
    if ok:
        return arg_value
    names = [t.__name__ for t in types]
    shown = f"'{names[0]}'" if len(names) == 1 else f"one of '{names}'"
    raise DTypeError(f"{_head(prim_name)} type of '{arg_name}' should be {shown}, but got type "
                     f"'{type(arg_value).__name__}'.")


def check_isinstance(arg_name, arg_value, classes):
    """A value that is an instance of `classes` (MindSpore raises a ValueError here)."""
    if not isinstance(arg_value, classes):
        raise ShapeError(f"The parameter '{arg_name}' must be isinstance of {classes}, but got "
                         f"{arg_value}.")
    return arg_value


def check_axis_in_range(axis, ndim):
    """An int axis in ``[-ndim, ndim)``, returned as ``axis % ndim``."""
    if not _is_int(axis):
        raise DTypeError(f"The axis {axis} must be int, but got {type(axis).__name__}.")
    if not -ndim <= axis < ndim:
        raise ShapeError(f"The 'axis' must be in the range of [{-ndim}, {ndim}), but got {axis}.")
    return axis % ndim


def _sequence(check, sequence, arg_name, prim_name):
    if not isinstance(sequence, (tuple, list)):
        raise DTypeError(f"{_head(prim_name)} '{arg_name}' must be a tuple or list, but got "
                         f"'{type(sequence).__name__}'.")
    for i, v in enumerate(sequence):
        check(v, f"{arg_name}[{i}]", prim_name)
    return sequence


def check_positive_int_sequence(sequence, arg_name=None, prim_name=None):
    """A tuple or list of ints > 0."""
    return _sequence(check_positive_int, sequence, arg_name, prim_name)


def check_non_negative_int_sequence(sequence, arg_name=None, prim_name=None):
    """A tuple or list of ints >= 0."""
    return _sequence(check_non_negative_int, sequence, arg_name, prim_name)


def _expand_tuple(n_dimensions):
    """A function making an int ``k`` into ``(k,) * n_dimensions`` and checking a tuple of ints
    has that length."""
    def expand(m):
        if _is_int(m):
            return (m,) * n_dimensions
        if not isinstance(m, tuple) or not all(_is_int(v) for v in m):
            raise DTypeError(f"When expanding an int number to tuple, input type must be integer or "
                             f"tuple[int], but got {type(m)}")
        if len(m) != n_dimensions:
            raise DTypeError(f"When expanding an int number to tuple, input tuple dimension must be "
                             f"{n_dimensions}, but got {m}")
        return m
    return expand


once, twice, triple = _expand_tuple(1), _expand_tuple(2), _expand_tuple(3)


def check_input_format(input_param):
    """``'NCHW'``, the one data format (a ValueError for another)."""
    if input_param != "NCHW":
        raise ShapeError(f"The data format must be NCHW, but got {input_param}.")
    return input_param


def check_str_by_regular(target, reg=None, flag=re.ASCII, prim_name=None):
    """True when the string `target` matches `reg` (default: a word, then word characters and
    dots); a ValueError otherwise."""
    if reg is None:
        reg = r"^\w+[0-9a-zA-Z\_\.]*$"
    if re.match(reg, target, flag) is None:
        head = f"For '{prim_name}', the" if prim_name else "The"
        raise ShapeError(f"{head} '{target}' is illegal, it must be match regular'{reg}' by flags"
                         f"'{flag}'.")
    return True


def args_type_check(*type_args, **type_kwargs):
    """A decorator checking the arguments of its function against the types given by position
    and by name (None always passes): TypeError ``The parameter 'a' must be <class 'int'>, but
    got <class 'str'>``."""
    def decorator(func):
        sig = inspect.signature(func)
        wanted = sig.bind_partial(*type_args, **type_kwargs).arguments

        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            for name, value in sig.bind(*args, **kwargs).arguments.items():
                if name in wanted and value is not None and not isinstance(value, wanted[name]):
                    raise DTypeError(f"The parameter '{name}' must be {wanted[name]}, but got "
                                     f"{type(value)}")
            return func(*args, **kwargs)
        return wrapper
    return decorator

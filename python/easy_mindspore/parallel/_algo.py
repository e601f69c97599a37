"""``set_algo_parameters``, ``get_algo_parameters`` and ``reset_algo_parameters``: the knobs of
MindSpore's strategy search for auto parallel, kept and checked as MindSpore 2.10 keeps them (its
defaults on CPU, its errors). This engine runs one process without a strategy search: the
values are only read back."""
from .. import _bind_errors as _bind
from .._errors import ComputeError, DTypeError

__all__ = ["set_algo_parameters", "get_algo_parameters", "reset_algo_parameters"]

_DEFAULTS = {"fully_use_devices": False, "elementwise_op_strategy_follow": False,
             "enable_algo_approxi": False, "algo_approxi_epsilon": 0.10000000149011612,
             "tensor_slice_align_enable": False, "tensor_slice_align_size": 16}
_TYPES = {"fully_use_devices": bool, "elementwise_op_strategy_follow": bool,
          "enable_algo_approxi": bool, "algo_approxi_epsilon": float,
          "tensor_slice_align_enable": bool, "tensor_slice_align_size": int}
_values = dict(_DEFAULTS)
_NATIVE = _bind.Native("CostModelContext")


def _set(key, value):
    if key not in _values:
        raise ValueError(f"Set context keyword {key} is not recognized!")
    if key == "algo_approxi_epsilon":
        if value is None:
            raise _bind.incompatible("set_dp_algo_approxi_epsilon", "self: mindspore._c_expression."
                                     "CostModelContext, arg0: float", (_NATIVE, value))
        if not 0 < value <= 1:
            raise ComputeError("'epsilon' must be in (0, 1]")
        _values[key] = float(value)
    elif key == "tensor_slice_align_size":
        if value is None:
            raise DTypeError("'<' not supported between instances of 'NoneType' and 'int'")
        if not 1 <= value <= 1024:
            raise ValueError(f"Align_size must be in [1, 1024], but got {value}")
        _values[key] = int(value)
    else:
        _values[key] = bool(value)


def set_algo_parameters(**kwargs):
    """Sets the parameters of the auto-parallel strategy search (read back by
    :func:`get_algo_parameters`; one process here has nothing to search). Every value's type is
    checked first, then the keys are set in order.

    Args:
        kwargs: ``fully_use_devices``, ``elementwise_op_strategy_follow``,
            ``enable_algo_approxi``, ``tensor_slice_align_enable`` (bool);
            ``algo_approxi_epsilon`` (float in (0, 1]); ``tensor_slice_align_size`` (int in
            [1, 1024]).

    Raises:
        TypeError: A value of the wrong type.
        ValueError: An unknown key, or ``tensor_slice_align_size`` out of range.
        RuntimeError: ``algo_approxi_epsilon`` out of range.

    Examples:
        >>> import mindspore as ms
        >>> ms.set_algo_parameters(elementwise_op_strategy_follow=True, tensor_slice_align_size=8)
        >>> print(ms.get_algo_parameters("tensor_slice_align_size"))
        8
        >>> ms.reset_algo_parameters()
    """
    for key, value in kwargs.items():
        wanted = _TYPES.get(key)
        if wanted is not None and value is not None and not isinstance(value, wanted):
            raise DTypeError(f"The parameter '{key}' must be {wanted}, but got {type(value)}")
    for key, value in kwargs.items():
        _set(key, value)


def get_algo_parameters(attr_key):
    """The value of a strategy-search parameter (see :func:`set_algo_parameters`).

    Args:
        attr_key (str): The parameter's name.

    Returns:
        The value.

    Raises:
        ValueError: An unknown name.

    Examples:
        >>> import mindspore as ms
        >>> print(ms.get_algo_parameters("fully_use_devices"), ms.get_algo_parameters("algo_approxi_epsilon"))
        False 0.10000000149011612
    """
    if not isinstance(attr_key, str) or attr_key not in _values:
        raise ValueError(f"Get context keyword {attr_key} is not recognized!")
    return _values[attr_key]


def reset_algo_parameters():
    """Sets every strategy-search parameter back to its default.

    Examples:
        >>> import mindspore as ms
        >>> ms.set_algo_parameters(enable_algo_approxi=True)
        >>> ms.reset_algo_parameters()
        >>> print(ms.get_algo_parameters("enable_algo_approxi"))
        False
    """
    _values.update(_DEFAULTS)

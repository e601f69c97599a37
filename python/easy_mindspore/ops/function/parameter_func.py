"""``mindspore.ops`` functions that update a Parameter in place: ``assign``, ``assign_add``,
``assign_sub``. The value is cast to the Parameter's dtype and broadcast to its shape; the new
value is returned as a Tensor (MindSpore 2.10 returns a Tensor, not the Parameter: its repr is
``Tensor(shape=...)``).
The new elements are written into the Parameter's memory, so NumPy arrays taken with
``asnumpy()`` before the update see it, as in MindSpore 2.10."""
import numpy as _np

from ..._C import Parameter, Tensor
from ..._errors import ComputeError, DTypeError, ShapeError

__all__ = ["assign", "assign_add", "assign_sub"]


def _update(op, variable, value):
    if not isinstance(variable, Tensor):
        raise DTypeError(f"For '{op}', 'variable' must be a Parameter, but got {type(variable).__name__}.")
    from ..._views import base_of
    if base_of(variable) is not None:  # as MindSpore 2.10: no view input for an in-place op
        raise ComputeError(f"For '{op}', the variable is a view of another tensor; an in-place "
                           "assign does not take a view input.")
    value = value if isinstance(value, Tensor) else Tensor(value, variable.dtype)
    try:
        shape = _np.broadcast_shapes(tuple(value.shape), tuple(variable.shape))
    except ValueError:
        shape = None
    if shape != tuple(variable.shape):
        raise ShapeError(f"For '{op}', the value of shape {list(value.shape)} cannot be assigned to "
                         f"the variable of shape {list(variable.shape)}.")
    value = value.astype(variable.dtype)
    if tuple(value.shape) != tuple(variable.shape):
        value = value.broadcast_to(tuple(variable.shape))
    # Written into the memory NumPy arrays from ``asnumpy()`` see, as MindSpore 2.10 does.
    variable._write(value)
    return variable.value() if isinstance(variable, Parameter) else variable


def assign(variable, value):
    """``ops.assign``: ``variable = value``.

    Args:
        variable (Parameter): The parameter to update.
        value (Union[Tensor, number]): The new value.

    Returns:
        Tensor, `variable` after the update.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.assign(x, y))
        [4.  0.5 3. ]
    """
    return _update("Assign", variable, value)


def assign_add(variable, value):
    """``ops.assign_add``: ``variable += value``.

    Args:
        variable (Parameter): The parameter to update.
        value (Union[Tensor, number]): The value to add.

    Returns:
        Tensor, `variable` after the update.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.assign_add(x, y))
        [5.  2.5 6. ]
    """
    return _update("AssignAdd", variable, variable + value)


def assign_sub(variable, value):
    """``ops.assign_sub``: ``variable -= value``.

    Args:
        variable (Parameter): The parameter to update.
        value (Union[Tensor, number]): The value to subtract.

    Returns:
        Tensor, `variable` after the update.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([1.0, 2.0, 3.0], ms.float32)
        >>> y = ms.Tensor([4.0, 0.5, 3.0], ms.float32)
        >>> print(ops.assign_sub(x, y))
        [-3.   1.5  0. ]
    """
    return _update("AssignSub", variable, variable - value)

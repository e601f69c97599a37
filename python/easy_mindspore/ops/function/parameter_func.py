"""``mindspore.ops`` functions that update a Parameter in place: ``assign``, ``assign_add``,
``assign_sub``. The value is converted to the Parameter's dtype where the two promote to it (a
Float64 value into a Float32 Parameter is MindSpore 2.10's TypeError) and broadcast to its
shape; the new value is returned as a Tensor (MindSpore 2.10 returns a Tensor, not the Parameter: its repr is
``Tensor(shape=...)``).
The new elements are written into the Parameter's memory, so NumPy arrays taken with
``asnumpy()`` before the update see it, as in MindSpore 2.10."""
import numpy as _np

from ..._C import Parameter, Tensor
from ..._errors import ComputeError, DTypeError, ShapeError

__all__ = ["assign", "assign_add", "assign_sub"]


def _no_conversion(have, want):
    return DTypeError("Data type conversion is not supported for a 'Parameter', nor for the input tensor "
                      f"of an in-place operator, so data type {have}, which cannot be converted to data "
                      f"type {want} automatically.")


def _same_dtype(variable, value):
    """`value` as a Tensor of `variable`'s dtype, as MindSpore 2.10 converts the value of an
    in-place update: only when the two dtypes promote to the variable's (an Int32 value into a
    Float32 Parameter); a value that would need the Parameter converted (Float64 into Float32, a
    float into an integer Parameter) is its TypeError."""
    if not isinstance(value, Tensor):
        if isinstance(value, float) and not (variable.is_floating_point() or variable.is_complex()):
            raise _no_conversion(variable.dtype, "Float32")
        return Tensor(value, variable.dtype)
    if value.dtype != variable.dtype:
        common = (Tensor(0, variable.dtype) + Tensor(0, value.dtype)).dtype
        if common != variable.dtype:
            raise _no_conversion(variable.dtype, common)
    return value


def _update(op, variable, value):
    if not isinstance(variable, Tensor):
        raise DTypeError(f"For '{op}', 'variable' must be a Parameter, but got {type(variable).__name__}.")
    from ..._views import base_of
    if base_of(variable) is not None:  # as MindSpore 2.10: no view input for an in-place op
        raise ComputeError(f"For '{op}', the variable is a view of another tensor; an in-place "
                           "assign does not take a view input.")
    value = _same_dtype(variable, value)
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


# MindSpore 2.10 names of this module defined elsewhere in the package (see ``_module_names``).
from ._module_names import forwarder as _forwarder  # noqa: E402

__getattr__ = _forwarder("parameter_func")

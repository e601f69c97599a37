"""``mindspore.numpy`` whole-array comparisons and membership tests (MindSpore 2.10's
``logic_ops``).

``array_equal``/``array_equiv`` give a 0-d Bool tensor, as MindSpore does; ``isin``/``in1d`` give
Bool tensors; ``isscalar`` a Python bool.
"""
import numpy as _np

from .. import ops as _ops
from ..common.dtype import bool_
from ..tensor import Tensor
from . import _t, asarray, ravel

__all__ = [
    "array_equal",
    "array_equiv",
    "isin",
    "in1d",
    "isscalar",
]


def array_equal(a1, a2, equal_nan=False):
    """Whether two arrays have the same shape and elements.

    Args:
        a1 (Tensor): The first input.
        a2 (Tensor): The second input.
        equal_nan (bool, optional): Whether NaNs compare equal. Default: ``False``.

    Returns:
        Tensor, a 0-d Bool.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1.0, float('nan')], ms.float32)
        >>> print(mnp.array_equal(x, x))
        False
        >>> print(mnp.array_equal(x, x, equal_nan=True))
        True
    """
    a, b = _t(a1), _t(a2)
    if tuple(a.shape) != tuple(b.shape):
        return Tensor(False)
    same = a == b
    if equal_nan:
        same = _ops.logical_or(same, _ops.logical_and(a != a, b != b))
    return same.all()


def array_equiv(a1, a2):
    """Whether two arrays are shape-consistent (broadcastable) and equal.

    Args:
        a1 (Tensor): The first input.
        a2 (Tensor): The second input.

    Returns:
        Tensor, a 0-d Bool.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([1, 2], ms.int32)
        >>> y = ms.Tensor([[1, 2], [1, 2]], ms.int32)
        >>> print(mnp.array_equiv(x, y))
        True
        >>> print(mnp.array_equiv(x, ms.Tensor([1, 2, 3], ms.int32)))
        False
    """
    a, b = _t(a1), _t(a2)
    try:
        return (a == b).all()
    except (ValueError, RuntimeError):
        return Tensor(False)


def isin(element, test_elements, invert=False):
    """Whether each element of `element` is in `test_elements`.

    Args:
        element (Tensor): The input.
        test_elements (Tensor): The values to look for.
        invert (bool, optional): Whether to return the opposite (not in). Default: ``False``.

    Returns:
        Tensor of Bool, of the shape of `element`.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2, 3], [4, 5, 6]], ms.int32)
        >>> print(mnp.isin(x, [1, 6]))
        [[ True False False]
         [False False  True]]
    """
    x, tests = _t(element), ravel(asarray(test_elements))
    if tests.shape[0] == 0:
        found = _ops.zeros_like(x, dtype=bool_)
    else:
        found = (x.expand_dims(-1) == tests).any(-1)
    return _ops.logical_not(found) if invert else found


def in1d(ar1, ar2, invert=False):
    """Whether each element of the flattened `ar1` is in `ar2`.

    Args:
        ar1 (Tensor): The input.
        ar2 (Tensor): The values to look for.
        invert (bool, optional): Whether to return the opposite (not in). Default: ``False``.

    Returns:
        Tensor of Bool, 1-D.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> x = ms.Tensor([[1, 2], [3, 4]], ms.int32)
        >>> print(mnp.in1d(x, [2, 3]))
        [False  True  True False]
    """
    return isin(ravel(_t(ar1)), ar2, invert)


def isscalar(element):
    """Whether `element` is a scalar: a Python number or string, or a NumPy scalar such as
    ``numpy.float32(3)`` (a tensor or array is not).

    Args:
        element (object): The object to test.

    Returns:
        bool.

    Examples:
        >>> import mindspore as ms
        >>> import mindspore.numpy as mnp
        >>> print(mnp.isscalar(1.5))
        True
        >>> print(mnp.isscalar(ms.Tensor(1.5)))
        False
    """
    return isinstance(element, (int, float, complex, str, bytes, _np.generic))

"""``mindspore.ops`` special functions: the modified Bessel functions of the first kind of orders
0 and 1 (``bessel_i0``, ``bessel_i1``) and their exponentially scaled forms (``bessel_i0e``,
``bessel_i1e``). Each is one engine row (computed in Float64, rounded to the input's float dtype)
with its derivative: ``I0' = I1``, ``I1' = I0 - I1/x`` (1/2 at 0), ``I0e' = I1e - sign(x)·I0e``,
``I1e' = I0e - I1e/x - sign(x)·I1e``, so second derivatives work too. Float16 to Float64 inputs;
other dtypes raise a TypeError, as MindSpore's."""
from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError

__all__ = ["bessel_i0", "bessel_i0e", "bessel_i1", "bessel_i1e"]


def _float_tensor(op, x):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', 'x' must be a Tensor, but got {type(x).__name__}.")
    return x


def bessel_i0(x):
    """Computes the modified Bessel function of the first kind of order 0, ``I0(x)``, elementwise.

    Args:
        x (Tensor): a float tensor.

    Returns:
        Tensor of ``x``'s shape and dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.bessel_i0(Tensor([0.0, 1.0, -2.0])))
        [1.        1.2660658 2.2795854]
    """
    return _C.bessel_i0(_float_tensor("BesselI0", x))


def bessel_i0e(x):
    """Computes the exponentially scaled ``I0``, ``exp(-|x|)·I0(x)``, elementwise (no overflow
    for large ``|x|``).

    Args:
        x (Tensor): a float tensor.

    Returns:
        Tensor of ``x``'s shape and dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.bessel_i0e(Tensor([0.0, 1.0, 100.0])))
        [1.         0.4657596  0.03994438]
    """
    return _C.bessel_i0e(_float_tensor("BesselI0e", x))


def bessel_i1(x):
    """Computes the modified Bessel function of the first kind of order 1, ``I1(x)``, elementwise.

    Args:
        x (Tensor): a float tensor.

    Returns:
        Tensor of ``x``'s shape and dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.bessel_i1(Tensor([0.0, 1.0, -2.0])))
        [ 0.         0.5651591 -1.5906368]
    """
    return _C.bessel_i1(_float_tensor("BesselI1", x))


def bessel_i1e(x):
    """Computes the exponentially scaled ``I1``, ``exp(-|x|)·I1(x)``, elementwise.

    Args:
        x (Tensor): a float tensor.

    Returns:
        Tensor of ``x``'s shape and dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.bessel_i1e(Tensor([0.0, 1.0, 100.0])))
        [0.         0.20791042 0.03974415]
    """
    return _C.bessel_i1e(_float_tensor("BesselI1e", x))

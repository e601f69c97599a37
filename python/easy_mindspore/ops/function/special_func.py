"""``mindspore.ops`` special functions: the modified Bessel functions of the first kind of orders 0
and 1 (``bessel_i0``, ``bessel_i1``) and their exponentially scaled forms (``bessel_i0e``,
``bessel_i1e``); the Bessel functions ``bessel_j0``, ``bessel_j1``, ``bessel_y0``, ``bessel_y1``
and the modified ones of the second kind ``bessel_k0``, ``bessel_k1`` with their scaled forms
``bessel_k0e``, ``bessel_k1e``; the gamma-function family ``lgamma``, ``digamma``, ``polygamma``
(engine rows ``Lgamma`` and ``Polygamma``, digamma being its order 0: ``lgamma' = ψ``,
``ψ⁽ⁿ⁾' = ψ⁽ⁿ⁺¹⁾``, within a few ulps of mpmath in Float64). Each is one engine row (computed in
Float64, rounded to the input's float dtype) with its derivative: ``I0' = I1``, ``I1' = I0 -
I1/x`` (1/2 at 0), ``I0e' = I1e - sign(x)·I0e``, ``I1e' = I0e - I1e/x - sign(x)·I1e``, so second
derivatives work too. Float16 to Float64 inputs; other dtypes raise a TypeError, as MindSpore's."""
from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype

__all__ = ["bessel_i0", "bessel_i0e", "bessel_i1", "bessel_i1e", "bessel_j0", "bessel_j1",
           "bessel_y0", "bessel_y1", "bessel_k0", "bessel_k0e", "bessel_k1", "bessel_k1e",
           "lgamma", "digamma", "polygamma"]


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


def bessel_j0(x):
    """Computes the Bessel function of the first kind of order 0, ``J0(x)`` (even; derivative
    ``-J1``), elementwise (in Float64, then rounded to `x`'s dtype).

    Args:
        x (Tensor): a float tensor.

    Returns:
        Tensor of ``x``'s shape and dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.bessel_j0(Tensor([-2.0, 0.0, 2.5])))
        [ 0.22389078  1.         -0.04838378]
    """
    return _C.bessel_j0(_float_tensor("BesselJ0", x))


def bessel_j1(x):
    """Computes the Bessel function of the first kind of order 1, ``J1(x)`` (odd; derivative ``J0 -
    J1/x``), elementwise (in Float64, then rounded to `x`'s dtype).

    Args:
        x (Tensor): a float tensor.

    Returns:
        Tensor of ``x``'s shape and dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.bessel_j1(Tensor([-2.0, 0.0, 2.5])))
        [-0.5767248  0.         0.4970941]
    """
    return _C.bessel_j1(_float_tensor("BesselJ1", x))


def bessel_y0(x):
    """Computes the Bessel function of the second kind of order 0, ``Y0(x)`` (``-inf`` at 0, NaN
    below 0, where MindSpore 2.10 gives ``-inf``; derivative ``-Y1``), elementwise (in Float64, then
    rounded to `x`'s dtype).

    Args:
        x (Tensor): a float tensor.

    Returns:
        Tensor of ``x``'s shape and dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.bessel_y0(Tensor([0.5, 1.0, 2.5])))
        [-0.44451874  0.08825696  0.49807036]
    """
    return _C.bessel_y0(_float_tensor("BesselY0", x))


def bessel_y1(x):
    """Computes the Bessel function of the second kind of order 1, ``Y1(x)`` (``-inf`` at 0, where
    MindSpore 2.10 gives NaN; NaN below 0; derivative ``Y0 - Y1/x``), elementwise (in Float64, then
    rounded to `x`'s dtype).

    Args:
        x (Tensor): a float tensor.

    Returns:
        Tensor of ``x``'s shape and dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.bessel_y1(Tensor([0.5, 1.0, 2.5])))
        [-1.4714724  -0.7812128   0.14591813]
    """
    return _C.bessel_y1(_float_tensor("BesselY1", x))


def bessel_k0(x):
    """Computes the modified Bessel function of the second kind of order 0, ``K0(x)`` (``inf`` at 0,
    NaN below 0, where MindSpore 2.10 gives ``inf``; derivative ``-K1``), elementwise (in Float64,
    then rounded to `x`'s dtype).

    Args:
        x (Tensor): a float tensor.

    Returns:
        Tensor of ``x``'s shape and dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.bessel_k0(Tensor([0.5, 1.0, 2.5])))
        [0.92441905 0.42102444 0.06234755]
    """
    return _C.bessel_k0(_float_tensor("BesselK0", x))


def bessel_k0e(x):
    """Computes the exponentially scaled ``K0``, ``exp(x)·K0(x)`` (no underflow for large ``x``),
    elementwise (in Float64, then rounded to `x`'s dtype).

    Args:
        x (Tensor): a float tensor.

    Returns:
        Tensor of ``x``'s shape and dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.bessel_k0e(Tensor([0.5, 1.0, 100.0])))
        [1.5241094  1.1444631  0.12517563]
    """
    return _C.bessel_k0e(_float_tensor("BesselK0e", x))


def bessel_k1(x):
    """Computes the modified Bessel function of the second kind of order 1, ``K1(x)`` (``inf`` at 0,
    NaN below 0; derivative ``-K0 - K1/x``), elementwise (in Float64, then rounded to `x`'s dtype).

    Args:
        x (Tensor): a float tensor.

    Returns:
        Tensor of ``x``'s shape and dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.bessel_k1(Tensor([0.5, 1.0, 2.5])))
        [1.6564411  0.60190725 0.07389081]
    """
    return _C.bessel_k1(_float_tensor("BesselK1", x))


def bessel_k1e(x):
    """Computes the exponentially scaled ``K1``, ``exp(x)·K1(x)``, elementwise (in Float64, then
    rounded to `x`'s dtype).

    Args:
        x (Tensor): a float tensor.

    Returns:
        Tensor of ``x``'s shape and dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.bessel_k1e(Tensor([0.5, 1.0, 100.0])))
        [2.7310097  1.6361535  0.12579995]
    """
    return _C.bessel_k1e(_float_tensor("BesselK1e", x))


def lgamma(input):  # noqa: A002 - MindSpore's argument name
    """Computes the natural logarithm of the absolute value of the gamma function,
    ``ln|Γ(x)|``, elementwise.

    Args:
        input (Tensor): Float16, Float32, Float64, or Int32 (computed as Float32).

    Returns:
        Tensor of ``input``'s shape and float dtype; ``+inf`` at 0, the negative integers and
        ``±inf``.

    Raises:
        TypeError: ``input`` is not a Tensor, or of another dtype.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.lgamma(Tensor([0.5, 1.0, 2.5, -1.5, 10.0])))
        [ 0.5723649   0.          0.28468287  0.86004704 12.801827  ]
    """
    return _C.lgamma(_float_tensor("Lgamma", input))


def digamma(input):  # noqa: A002
    """Computes the digamma function ``ψ(x) = Γ'(x)/Γ(x)``, elementwise.

    Args:
        input (Tensor): Float16, Float32 or Float64.

    Returns:
        Tensor of ``input``'s shape and dtype: ``-inf`` at ``+0``, ``+inf`` at ``-0``, NaN at
        the negative integers (as MindSpore 2.10).

    Raises:
        TypeError: ``input`` is not a float Tensor.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.digamma(Tensor([0.5, 1.0, 2.5, -1.5, 10.0])))
        [-1.96351    -0.5772157   0.70315665  0.70315665  2.2517526 ]
    """
    return _C.digamma(_float_tensor("Digamma", input))


def polygamma(n, input):  # noqa: A002
    """Computes the polygamma function ``ψ⁽ⁿ⁾(x)``, the ``n``-th derivative of the digamma
    function, elementwise.

    Args:
        n (Tensor): the order, a 0-d Int32 or Int64 Tensor (as MindSpore 2.10; a negative order
            gives NaN).
        input (Tensor): Float16, Float32 or Float64.

    Returns:
        Tensor of ``input``'s shape and dtype; ``(-1)ⁿ⁺¹·inf`` at 0 and the negative integers.

    Raises:
        TypeError: ``n`` is not an integer Tensor, or ``input`` not a float Tensor.
        ValueError: ``n`` is not 0-d.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.polygamma(Tensor(1), Tensor([0.5, 1.0, 2.5])))
        [4.934802   1.644934   0.49035776]
    """
    if not isinstance(n, Tensor):
        raise DTypeError(f"For 'Polygamma', 'n' must be a Tensor, but got {type(n).__name__}.")
    if n.dtype not in (mstype.int32, mstype.int64):
        raise DTypeError("For 'Polygamma', 'n' must be a type of {Tensor[Int32], Tensor[Int64]}, "
                         f"but got Tensor[{n.dtype}].")
    if n.ndim != 0:
        raise ShapeError(f"For 'Polygamma', 'n' should be a 0-dim Tensor, but got rank: {n.ndim}.")
    return _C.polygamma(int(n), _float_tensor("Polygamma", input))

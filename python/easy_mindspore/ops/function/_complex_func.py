"""``mindspore.ops`` complex-number functions (``real``, ``imag``, ``conj``, ``angle``,
``complex``, and ``ComplexAbs``'s call), compositions of engine ops, so each is differentiable with
MindSpore's convention: the gradient of a real loss ``L`` in ``z = x + iy`` is
``dL/dx + i·dL/dy`` (``grad`` of ``real(z).sum()`` is ``1+0j``, of ``imag(z).sum()`` is ``0+1j``).

The real part is a cast (MindSpore's cast of complex to real keeps the real part); the imaginary
part is the real part of ``z·(-i)``, exact for finite ``z`` (an infinite or NaN real part makes
the imaginary part NaN, as the product's ``inf·0`` does)."""
from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError
from ...common import dtype as mstype
from ._args import tensor_arg as _tensor

__all__ = ["real", "imag", "conj", "angle", "complex"]

_PART = {mstype.complex64: mstype.float32, mstype.complex128: mstype.float64}
_OF_PART = {mstype.float32: mstype.complex64, mstype.float64: mstype.complex128}


def _is_complex(x):
    return x.dtype in _PART


def real(input):  # noqa: A002 - MindSpore's argument name
    """``ops.real``: the real part of a complex tensor (Float32 for Complex64, Float64 for
    Complex128); a real tensor is returned unchanged.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the real dtype of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.real(ms.Tensor([1.5+2j, 3-1j], ms.complex64)))
        [1.5 3. ]
    """
    x = _tensor("Real", "input", input)
    return x.astype(_PART[x.dtype]) if _is_complex(x) else x


def imag(input):  # noqa: A002
    """``ops.imag``: the imaginary part of a complex tensor (Float32 for Complex64, Float64 for
    Complex128); zeros of the same dtype for a real tensor.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the real dtype of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.imag(ms.Tensor([1.5+2j, 3-1j], ms.complex64)))
        [ 2. -1.]
    """
    x = _tensor("Imag", "input", input)
    if not _is_complex(x):
        return x * 0
    return (x * Tensor(-1j, x.dtype)).astype(_PART[x.dtype])


def conj(input):  # noqa: A002
    """``ops.conj``: the complex conjugate (``x - iy`` for ``x + iy``); a real tensor is returned
    unchanged.

    Args:
        input (Tensor): The input tensor.

    Returns:
        Tensor, of the dtype of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.conj(ms.Tensor([1.5+2j, 3-1j], ms.complex64)))
        [1.5-2.j 3. +1.j]
    """
    x = _tensor("Conj", "input", input)
    if not _is_complex(x):
        return x
    return _C.conj(x)


def angle(input):  # noqa: A002
    """``ops.angle``: the argument ``atan2(imag, real)`` of each element of a complex tensor, in
    ``[-π, π]`` (Float32 for Complex64, Float64 for Complex128).

    Args:
        input (Tensor): A complex tensor.

    Returns:
        Tensor, of the real dtype of `input`.

    Raises:
        TypeError: If `input` is not complex (as MindSpore 2.10 on the CPU).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.angle(ms.Tensor([-1+0j, 1j], ms.complex128)))
        [3.14159265 1.57079633]
    """
    from .math_func import atan2
    x = _tensor("Angle", "input", input)
    if not _is_complex(x):
        raise DTypeError(f"For 'Angle', 'input' must be a complex tensor (complex64 or complex128), "
                         f"but got {x.dtype}.")
    return atan2(imag(x), real(x))


def complex(real, imag):  # noqa: A001 - MindSpore's name
    """``ops.complex`` (the ``ops.Complex`` primitive): the complex tensor ``real + i·imag`` of
    two Float32 tensors (Complex64) or two Float64 ones (Complex128), broadcast together.

    Args:
        real (Tensor): The real parts, Float32 or Float64.
        imag (Tensor): The imaginary parts, of the same dtype.

    Returns:
        Tensor, Complex64 or Complex128.

    Raises:
        TypeError: If the dtypes differ or are not Float32/Float64.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.complex(ms.Tensor([1.0, 2.0]), ms.Tensor([3.0, -4.0])))
        [1.+3.j 2.-4.j]
    """
    re = _tensor("Complex", "real", real)
    im = _tensor("Complex", "imag", imag)
    for name, t in (("real", re), ("imag", im)):
        if t.dtype not in _OF_PART:
            raise DTypeError(f"For 'Complex', '{name}' must be a Tensor of float32 or float64, but "
                             f"got {t.dtype}.")
    if re.dtype != im.dtype:
        raise DTypeError(f"For 'Complex', the input type must be same, but got real {re.dtype} and "
                         f"imag {im.dtype}.")
    d = _OF_PART[re.dtype]
    return re.astype(d) + im.astype(d) * Tensor(1j, d)


def complex_abs(x):
    """The call of ``ops.ComplexAbs()`` (MindSpore has no function of that name): ``|z|`` of a complex tensor as a real tensor (Float32 for Complex64,
    Float64 for Complex128). ``ops.abs`` of a complex tensor keeps the complex dtype
    (``|z| + 0j``), as MindSpore 2.10 does.

    Args:
        x (Tensor): A complex tensor.

    Returns:
        Tensor, of the real dtype of `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.ComplexAbs()(ms.Tensor([3+4j, -1j], ms.complex64)))
        [5. 1.]
    """
    z = _tensor("ComplexAbs", "x", x)
    if not _is_complex(z):
        raise DTypeError(f"For 'ComplexAbs', 'x' must be a complex tensor (complex64 or "
                         f"complex128), but got {z.dtype}.")
    return real(z.abs())

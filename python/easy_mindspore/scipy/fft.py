"""``mindspore.scipy.fft``: the discrete cosine transform of type II and its inverse (type III),
orthonormal as MindSpore 2.10 computes them (the only type and norm it supports), along one axis
or several. Computed with the engine's Fourier transform, so differentiable: the type II
transform through Makhoul's reordering and one FFT of the same length, the inverse as the real
part of an inverse FFT of twice the length."""
import math

import numpy as _np

from .. import ops as _ops
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype

__all__ = ["dct", "idct", "dctn", "idctn"]


def _check(op, x, type, norm):  # noqa: A002 - SciPy's argument name
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', 'x' must be a Tensor, but got {type_name(x)}.")
    if type != 2:
        raise ShapeError(f"For '{op}', only dct type II is supported currently, but got type "
                         f"{type!r}.")
    if norm not in (None, "ortho"):
        raise ShapeError(f"For '{op}', only norm 'ortho' is supported currently, but got "
                         f"{norm!r}.")
    if x.dtype in (mstype.complex64, mstype.complex128, mstype.bool_):
        raise DTypeError(f"For '{op}', 'x' must be a real tensor, but got {x.dtype}.")
    if x.ndim == 0:
        raise ShapeError(f"For '{op}', 'x' must have at least one dimension.")
    return x if x.dtype in (mstype.float32, mstype.float64) else x.astype(mstype.float32)


def type_name(v):
    return type(v).__name__


def _resized(x, n, axis):
    if n is None:
        return x
    if isinstance(n, bool) or not isinstance(n, int) or n <= 0:
        raise ShapeError(f"For 'dct', 'n' must be a positive int, but got {n!r}.")
    m = x.shape[axis]
    if n < m:
        return _ops.narrow(x, axis, 0, n)
    if n > m:
        pad = list(x.shape)
        pad[axis] = n - m
        return _ops.cat((x, _ops.zeros(tuple(pad), x.dtype)), axis)
    return x


def _scales(n, dtype):
    s = _np.full(n, math.sqrt(2.0 / n))
    s[0] = math.sqrt(1.0 / n)
    return Tensor(s).astype(dtype)


def _last(x, axis):
    return x if axis in (-1, x.ndim - 1) else x.swapaxes(axis, -1)


def _dct_last(x):
    n = x.shape[-1]
    order = _np.concatenate([_np.arange(0, n, 2), _np.arange(1, n, 2)[::-1]])
    v = _ops.gather(x, Tensor(order.astype(_np.int64)), x.ndim - 1)
    spectrum = _ops.fft(v)
    k = _np.arange(n)
    twiddle = Tensor(_np.exp(-1j * _np.pi * k / (2 * n))).astype(spectrum.dtype)
    return _ops.real(spectrum * twiddle) * _scales(n, x.dtype)


def _idct_last(x):
    n = x.shape[-1]
    k = _np.arange(n)
    complex_dtype = mstype.complex128 if x.dtype == mstype.float64 else mstype.complex64
    twiddle = Tensor(_np.exp(1j * _np.pi * k / (2 * n))).astype(complex_dtype)
    y = (x * _scales(n, x.dtype)).astype(complex_dtype) * twiddle
    signal = _ops.real(_ops.ifft(y, n=2 * n)) * (2 * n)
    return _ops.narrow(signal, -1, 0, n)


def _axis(op, axis, ndim):
    if isinstance(axis, bool) or not isinstance(axis, int) or not -ndim <= axis < ndim:
        raise ShapeError(f"For '{op}', 'axis' must be an int in [{-ndim}, {ndim}), but got "
                         f"{axis!r}.")
    return axis % ndim


def dct(x, type=2, n=None, axis=-1, norm=None):  # noqa: A002
    """``mindspore.scipy.fft.dct``: the orthonormal discrete cosine transform of type II along
    `axis`: ``X[k] = s_k Σ_n x[n] cos(πk(2n + 1) / 2N)`` with ``s_0 = √(1/N)`` and
    ``s_k = √(2/N)``.

    Args:
        x (Tensor): A real tensor (integers are transformed as Float32).
        type (int): The DCT type; only 2. Default: ``2``.
        n (int, optional): The length: `x` is cut, or padded with zeros, to it along `axis`.
            Default: ``None``.
        axis (int): The axis. Default: ``-1``.
        norm (str, optional): ``None`` or ``"ortho"`` (the same: the transform is
            orthonormal). Default: ``None``.

    Returns:
        Tensor, of `x`'s float dtype.

    Raises:
        TypeError: If `x` is not a real Tensor.
        ValueError: If `type` is not 2, `norm` is neither, or `n`/`axis` are out of range.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.fft import dct
        >>> print(dct(ms.Tensor([1., 2., 3., 4.])))
        [ 5.        -2.2304423  0.        -0.1585127]
    """
    x = _check("dct", x, type, norm)
    a = _axis("dct", axis, x.ndim)
    y = _dct_last(_last(_resized(x, n, a), a))
    return _last(y, a)


def idct(x, type=2, n=None, axis=-1, norm=None):  # noqa: A002
    """``mindspore.scipy.fft.idct``: the inverse of :func:`dct` (the orthonormal type III
    transform) along `axis`.

    Args:
        x (Tensor): A real tensor.
        type (int): The DCT type being inverted; only 2. Default: ``2``.
        n (int, optional): The length: `x` is cut, or padded with zeros, to it along `axis`.
            Default: ``None``.
        axis (int): The axis. Default: ``-1``.
        norm (str, optional): ``None`` or ``"ortho"``. Default: ``None``.

    Returns:
        Tensor, of `x`'s float dtype.

    Raises:
        TypeError: If `x` is not a real Tensor.
        ValueError: If `type` is not 2, `norm` is neither, or `n`/`axis` are out of range.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.fft import dct, idct
        >>> print(idct(dct(ms.Tensor([1., 2., 3., 4.], ms.float64))))
        [1. 2. 3. 4.]
    """
    x = _check("idct", x, type, norm)
    a = _axis("idct", axis, x.ndim)
    y = _idct_last(_last(_resized(x, n, a), a))
    return _last(y, a)


def _many(op, one, x, type, s, axes, norm):  # noqa: A002
    x = _check(op, x, type, norm)
    if axes is None:
        axes = list(range(x.ndim)) if s is None else list(range(x.ndim - len(s), x.ndim))
    elif isinstance(axes, int):
        axes = [axes]
    axes = [_axis(op, a, x.ndim) for a in axes]
    if s is not None and (not isinstance(s, (tuple, list)) or len(s) != len(axes)):
        raise ShapeError(f"For '{op}', 's' must give one length per axis of {axes}, but got "
                         f"{s!r}.")
    for i, a in enumerate(axes):
        x = one(x, type, None if s is None else s[i], a, norm)
    return x


def dctn(x, type=2, s=None, axes=None, norm=None):  # noqa: A002
    """``mindspore.scipy.fft.dctn``: :func:`dct` over several axes (every one by default).

    Args:
        x (Tensor): A real tensor.
        type (int): Only 2. Default: ``2``.
        s (tuple[int], optional): The length along each axis. Default: ``None``.
        axes (Union[int, tuple[int]], optional): The axes. Default: ``None``.
        norm (str, optional): ``None`` or ``"ortho"``. Default: ``None``.

    Returns:
        Tensor, of `x`'s float dtype.

    Raises:
        TypeError: If `x` is not a real Tensor.
        ValueError: If an argument is out of range.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.fft import dctn
        >>> print(dctn(ms.Tensor([[1., 2.], [3., 4.]])))
        [[ 5.        -0.9999999]
         [-1.9999999  0.       ]]
    """
    return _many("dctn", dct, x, type, s, axes, norm)


def idctn(x, type=2, s=None, axes=None, norm=None):  # noqa: A002
    """``mindspore.scipy.fft.idctn``: :func:`idct` over several axes (every one by default).

    Args:
        x (Tensor): A real tensor.
        type (int): Only 2. Default: ``2``.
        s (tuple[int], optional): The length along each axis. Default: ``None``.
        axes (Union[int, tuple[int]], optional): The axes. Default: ``None``.
        norm (str, optional): ``None`` or ``"ortho"``. Default: ``None``.

    Returns:
        Tensor, of `x`'s float dtype.

    Raises:
        TypeError: If `x` is not a real Tensor.
        ValueError: If an argument is out of range.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore.scipy.fft import dctn, idctn
        >>> print(idctn(dctn(ms.Tensor([[1., 2.], [3., 4.]], ms.float64))))
        [[1. 2.]
         [3. 4.]]
    """
    return _many("idctn", idct, x, type, s, axes, norm)

"""``mindspore.numpy.fft``: NumPy's discrete Fourier transforms, with MindSpore 2.10's names and
arguments (``a``, ``n``/``s``, ``axis``/``axes``, ``norm``), over ``mindspore.ops``' transforms.

Dtypes, as MindSpore 2.10's: integer, Float16 and Float32 inputs give Complex64, Float64 gives
Complex128; ``irfft*``/``hfft*`` give the real dtype (Float32 for Complex64). ``norm`` is None
(``"backward"``: the forward transform unscaled), ``"forward"`` (``1/n``) or ``"ortho"``
(``1/sqrt(n)``). Array-likes are taken as ``mindspore.numpy.asarray`` takes them. ``ihfftn`` is the
inverse of ``hfftn`` here (MindSpore 2.10's computes ``hfftn``, a slip in its source).
"""
from .. import ops as _ops
from ._creation import _t

__all__ = ["fft", "ifft", "fft2", "ifft2", "fftn", "ifftn", "rfft", "irfft", "rfft2", "irfft2",
           "rfftn", "irfftn", "hfft", "ihfft", "hfft2", "ihfft2", "hfftn", "ihfftn", "fftshift",
           "ifftshift", "fftfreq", "rfftfreq"]


def fftshift(x, axes=None):
    """The zero frequency moved to the middle: each axis of `axes` rolled by ``n // 2``.

    Args:
        x (Tensor): The input tensor (a spectrum, of any dtype).
        axes (Union[int, list(int), tuple(int)], optional): The axes; None means all. Default:
            ``None``.

    Returns:
        Tensor, of the shape and dtype of `x`.

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.fftshift(mnp.array([0, 1, 2, 3, 4, -5, -4, -3, -2, -1])))
        [-5 -4 -3 -2 -1  0  1  2  3  4]
    """
    return _ops.fftshift(_t(x), axes)


def ifftshift(x, axes=None):
    """The inverse of ``fftshift`` (each axis rolled back by ``n // 2``; they differ for odd ``n``).

    Args:
        x (Tensor): The input tensor.
        axes (Union[int, list(int), tuple(int)], optional): The axes; None means all. Default:
            ``None``.

    Returns:
        Tensor, of the shape and dtype of `x`.

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.ifftshift(mnp.array([-2, -1, 0, 1, 2])))
        [ 0  1  2 -2 -1]
    """
    return _ops.ifftshift(_t(x), axes)


def fft(a, n=None, axis=-1, norm=None):
    """The one-dimensional discrete Fourier transform along `axis`:
    ``X[k] = sum_j a[j] * exp(-2j * pi * j * k / n)``.

    Args:
        a (Tensor): The input (integer, float or complex).
        n (int, optional): The length `axis` is cut or zero-padded to first; None keeps it.
            Default: ``None``.
        axis (int, optional): The axis. Default: ``-1``.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``; None means
            ``"backward"``. Default: ``None``.

    Returns:
        Tensor of Complex64 (Complex128 for Float64 and Complex128), `axis` of length `n`.

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.fft(mnp.array([1.0, 2.0, 3.0, 4.0])))
        [10.+0.j -2.+2.j -2.+0.j -2.-2.j]
    """
    return _ops.fft(_t(a), n, axis, norm)


def ifft(a, n=None, axis=-1, norm=None):
    """The inverse of ``fft`` along `axis`: ``x[j] = (1/n) sum_k a[k] * exp(2j * pi * j * k / n)``.

    Args:
        a (Tensor): The input (integer, float or complex).
        n (int, optional): The length `axis` is cut or zero-padded to first; None keeps it.
            Default: ``None``.
        axis (int, optional): The axis. Default: ``-1``.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``; None means
            ``"backward"``. Default: ``None``.

    Returns:
        Tensor of Complex64 (Complex128 for Float64 and Complex128), `axis` of length `n`.

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.ifft(mnp.array([10.0, -2.0, -2.0, -2.0])))
        [1.+0.j 3.+0.j 3.+0.j 3.+0.j]
    """
    return _ops.ifft(_t(a), n, axis, norm)


def rfft(a, n=None, axis=-1, norm=None):
    """The discrete Fourier transform of the real `a` along `axis`: its ``n // 2 + 1``
    non-negative frequencies.

    Args:
        a (Tensor): The real input (integer or float).
        n (int, optional): The length `axis` is cut or zero-padded to first; None keeps it.
            Default: ``None``.
        axis (int, optional): The axis. Default: ``-1``.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``; None means
            ``"backward"``. Default: ``None``.

    Returns:
        Tensor of Complex64 (Complex128 for Float64), `axis` of length ``n // 2 + 1``.

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.rfft(mnp.array([1.0, 2.0, 3.0, 4.0])))
        [10.+0.j -2.+2.j -2.+0.j]
    """
    return _ops.rfft(_t(a), n, axis, norm)


def irfft(a, n=None, axis=-1, norm=None):
    """The inverse of ``rfft``: the real signal of `n` points whose ``rfft`` along `axis` is `a`.

    Args:
        a (Tensor): The non-negative frequencies.
        n (int, optional): The length of the output along `axis`; None means ``2 * (m - 1)``
            for `m` input values. Default: ``None``.
        axis (int, optional): The axis. Default: ``-1``.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``; None means
            ``"backward"``. Default: ``None``.

    Returns:
        Tensor of the real dtype of `a` (Float32 for Complex64), `axis` of length `n`.

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.irfft(mnp.fft.rfft(mnp.array([1.0, 2.0, 3.0, 4.0]))))
        [1. 2. 3. 4.]
    """
    return _ops.irfft(_t(a), n, axis, norm)


def hfft(a, n=None, axis=-1, norm=None):
    """The discrete Fourier transform of a signal with Hermitian symmetry given by its first half
    `a` along `axis`: a real spectrum of `n` points.

    Args:
        a (Tensor): The first half of the signal.
        n (int, optional): The length of the output along `axis`; None means ``2 * (m - 1)``
            for `m` input values. Default: ``None``.
        axis (int, optional): The axis. Default: ``-1``.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``; None means
            ``"backward"``. Default: ``None``.

    Returns:
        Tensor of the real dtype of `a` (Float32 for Complex64), `axis` of length `n`.

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.hfft(mnp.array([1.0, 2.0, 3.0])))
        [ 8. -2.  0. -2.]
    """
    return _ops.hfft(_t(a), n, axis, norm)


def ihfft(a, n=None, axis=-1, norm=None):
    """The inverse of ``hfft``: the ``n // 2 + 1`` first values of the inverse transform of the
    real `a` along `axis`.

    Args:
        a (Tensor): The real input (integer or float).
        n (int, optional): The length `axis` is cut or zero-padded to first; None keeps it.
            Default: ``None``.
        axis (int, optional): The axis. Default: ``-1``.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``; None means
            ``"backward"``. Default: ``None``.

    Returns:
        Tensor of Complex64 (Complex128 for Float64), `axis` of length ``n // 2 + 1``.

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.ihfft(mnp.array([8.0, -2.0, 0.0, -2.0])))
        [1.+0.j 2.+0.j 3.+0.j]
    """
    return _ops.ihfft(_t(a), n, axis, norm)


def fft2(a, s=None, axes=(-2, -1), norm=None):
    """The two-dimensional discrete Fourier transform over `axes`.

    Args:
        a (Tensor): The input (integer, float or complex), at least 2-D.
        s (tuple[int], optional): The lengths `axes` are cut or zero-padded to first; None keeps
            them. Default: ``None``.
        axes (tuple[int], optional): The two axes. Default: ``(-2, -1)``.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``; None means
            ``"backward"``. Default: ``None``.

    Returns:
        Tensor of Complex64 (Complex128 for Float64 and Complex128).

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.fft2(mnp.array([[1.0, 2.0], [3.0, 4.0]])))
        [[10.+0.j -2.+0.j]
         [-4.+0.j  0.+0.j]]
    """
    return _ops.fft2(_t(a), s, axes, norm)


def ifft2(a, s=None, axes=(-2, -1), norm=None):
    """The inverse of ``fft2``: the two-dimensional inverse discrete Fourier transform.

    Args:
        a (Tensor): The input (integer, float or complex), at least 2-D.
        s (tuple[int], optional): The lengths `axes` are cut or zero-padded to first; None keeps
            them. Default: ``None``.
        axes (tuple[int], optional): The two axes. Default: ``(-2, -1)``.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``; None means
            ``"backward"``. Default: ``None``.

    Returns:
        Tensor of Complex64 (Complex128 for Float64 and Complex128).

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.ifft2(mnp.array([[10.0, -2.0], [-4.0, 0.0]])))
        [[1.+0.j 2.+0.j]
         [3.+0.j 4.+0.j]]
    """
    return _ops.ifft2(_t(a), s, axes, norm)


def fftn(a, s=None, axes=None, norm=None):
    """The n-dimensional discrete Fourier transform over `axes`.

    Args:
        a (Tensor): The input (integer, float or complex).
        s (tuple[int], optional): The lengths `axes` are cut or zero-padded to first; None keeps
            them. Default: ``None``.
        axes (tuple[int], optional): The axes; None means all (the last ``len(s)`` with `s`).
            Default: ``None``.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``; None means
            ``"backward"``. Default: ``None``.

    Returns:
        Tensor of Complex64 (Complex128 for Float64 and Complex128).

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.fftn(mnp.ones((2, 2))))
        [[4.+0.j 0.+0.j]
         [0.+0.j 0.+0.j]]
    """
    return _ops.fftn(_t(a), s, axes, norm)


def ifftn(a, s=None, axes=None, norm=None):
    """The inverse of ``fftn``: the n-dimensional inverse discrete Fourier transform.

    Args:
        a (Tensor): The input (integer, float or complex).
        s (tuple[int], optional): The lengths `axes` are cut or zero-padded to first; None keeps
            them. Default: ``None``.
        axes (tuple[int], optional): The axes; None means all (the last ``len(s)`` with `s`).
            Default: ``None``.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``; None means
            ``"backward"``. Default: ``None``.

    Returns:
        Tensor of Complex64 (Complex128 for Float64 and Complex128).

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.ifftn(mnp.ones((2, 2))))
        [[1.+0.j 0.+0.j]
         [0.+0.j 0.+0.j]]
    """
    return _ops.ifftn(_t(a), s, axes, norm)


def rfft2(a, s=None, axes=(-2, -1), norm=None):
    """The two-dimensional discrete Fourier transform of the real `a` over `axes` (the last
    keeps its ``n // 2 + 1`` non-negative frequencies).

    Args:
        a (Tensor): The real input (integer or float), at least 2-D.
        s (tuple[int], optional): The lengths `axes` are cut or zero-padded to first; None keeps
            them. Default: ``None``.
        axes (tuple[int], optional): The two axes. Default: ``(-2, -1)``.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``; None means
            ``"backward"``. Default: ``None``.

    Returns:
        Tensor of Complex64 (Complex128 for Float64).

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.rfft2(mnp.array([[1.0, 2.0], [3.0, 4.0]])))
        [[10.+0.j -2.+0.j]
         [-4.+0.j  0.+0.j]]
    """
    return _ops.rfft2(_t(a), s, axes, norm)


def irfft2(a, s=None, axes=(-2, -1), norm=None):
    """The inverse of ``rfft2``: the real two-dimensional signal whose ``rfft2`` is `a`.

    Args:
        a (Tensor): The frequencies, at least 2-D.
        s (tuple[int], optional): The output lengths of `axes`; None means the input's, the last
            ``2 * (m - 1)``. Default: ``None``.
        axes (tuple[int], optional): The two axes. Default: ``(-2, -1)``.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``; None means
            ``"backward"``. Default: ``None``.

    Returns:
        Tensor of the real dtype of `a` (Float32 for Complex64).

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.irfft2(mnp.fft.rfft2(mnp.array([[1.0, 2.0], [3.0, 4.0]]))))
        [[1. 2.]
         [3. 4.]]
    """
    return _ops.irfft2(_t(a), s, axes, norm)


def rfftn(a, s=None, axes=None, norm=None):
    """The n-dimensional discrete Fourier transform of the real `a` over `axes` (the last keeps
    its ``n // 2 + 1`` non-negative frequencies).

    Args:
        a (Tensor): The real input (integer or float).
        s (tuple[int], optional): The lengths `axes` are cut or zero-padded to first; None keeps
            them. Default: ``None``.
        axes (tuple[int], optional): The axes; None means all (the last ``len(s)`` with `s`).
            Default: ``None``.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``; None means
            ``"backward"``. Default: ``None``.

    Returns:
        Tensor of Complex64 (Complex128 for Float64).

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.rfftn(mnp.ones((2, 4))))
        [[8.+0.j 0.+0.j 0.+0.j]
         [0.+0.j 0.+0.j 0.+0.j]]
    """
    return _ops.rfftn(_t(a), s, axes, norm)


def irfftn(a, s=None, axes=None, norm=None):
    """The inverse of ``rfftn``: the real n-dimensional signal whose ``rfftn`` is `a`.

    Args:
        a (Tensor): The frequencies.
        s (tuple[int], optional): The output lengths of `axes`; None means the input's, the last
            ``2 * (m - 1)``. Default: ``None``.
        axes (tuple[int], optional): The axes; None means all (the last ``len(s)`` with `s`).
            Default: ``None``.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``; None means
            ``"backward"``. Default: ``None``.

    Returns:
        Tensor of the real dtype of `a` (Float32 for Complex64).

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.irfftn(mnp.fft.rfftn(mnp.ones((2, 4)))))
        [[1. 1. 1. 1.]
         [1. 1. 1. 1.]]
    """
    return _ops.irfftn(_t(a), s, axes, norm)


def hfft2(a, s=None, axes=(-2, -1), norm=None):
    """The two-dimensional ``hfft``: the real spectrum of a Hermitian-symmetric signal given by
    its first half along the last axis of `axes`.

    Args:
        a (Tensor): The input, at least 2-D.
        s (tuple[int], optional): The output lengths of `axes`; None means the input's, the last
            ``2 * (m - 1)``. Default: ``None``.
        axes (tuple[int], optional): The two axes. Default: ``(-2, -1)``.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``; None means
            ``"backward"``. Default: ``None``.

    Returns:
        Tensor of the real dtype of `a` (Float32 for Complex64).

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.hfft2(mnp.ones((2, 2))))
        [[4. 0.]
         [0. 0.]]
    """
    return _ops.hfft2(_t(a), s, axes, norm)


def ihfft2(a, s=None, axes=(-2, -1), norm=None):
    """The inverse of ``hfft2`` (the last axis of `axes` keeps ``n // 2 + 1`` values).

    Args:
        a (Tensor): The real input (integer or float), at least 2-D.
        s (tuple[int], optional): The lengths `axes` are cut or zero-padded to first; None keeps
            them. Default: ``None``.
        axes (tuple[int], optional): The two axes. Default: ``(-2, -1)``.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``; None means
            ``"backward"``. Default: ``None``.

    Returns:
        Tensor of Complex64 (Complex128 for Float64).

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.ihfft2(mnp.ones((2, 2))))
        [[1.+0.j 0.+0.j]
         [0.+0.j 0.+0.j]]
    """
    return _ops.ihfft2(_t(a), s, axes, norm)


def hfftn(a, s=None, axes=None, norm=None):
    """The n-dimensional ``hfft``: the real spectrum of a Hermitian-symmetric signal given by its
    first half along the last axis of `axes`.

    Args:
        a (Tensor): The input.
        s (tuple[int], optional): The output lengths of `axes`; None means the input's, the last
            ``2 * (m - 1)``. Default: ``None``.
        axes (tuple[int], optional): The axes; None means all (the last ``len(s)`` with `s`).
            Default: ``None``.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``; None means
            ``"backward"``. Default: ``None``.

    Returns:
        Tensor of the real dtype of `a` (Float32 for Complex64).

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.hfftn(mnp.ones((2, 2))))
        [[4. 0.]
         [0. 0.]]
    """
    return _ops.hfftn(_t(a), s, axes, norm)


def ihfftn(a, s=None, axes=None, norm=None):
    """The inverse of ``hfftn`` (the last axis of `axes` keeps ``n // 2 + 1`` values).

    Args:
        a (Tensor): The real input (integer or float).
        s (tuple[int], optional): The lengths `axes` are cut or zero-padded to first; None keeps
            them. Default: ``None``.
        axes (tuple[int], optional): The axes; None means all (the last ``len(s)`` with `s`).
            Default: ``None``.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``; None means
            ``"backward"``. Default: ``None``.

    Returns:
        Tensor of Complex64 (Complex128 for Float64).

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.ihfftn(mnp.ones((2, 2))))
        [[1.+0.j 0.+0.j]
         [0.+0.j 0.+0.j]]
    """
    return _ops.ihfftn(_t(a), s, axes, norm)


def fftfreq(n, d=1.0, dtype=None):
    """The sample frequencies of an `n`-point ``fft`` with sample spacing `d`:
    ``[0, 1, ..., (n - 1) // 2, -(n // 2), ..., -1] / (d * n)``.

    Args:
        n (int): The number of points (positive).
        d (float, optional): The sample spacing. Default: ``1.0``.
        dtype (mindspore.dtype, optional): The result's dtype; None means Float32. Default:
            ``None``.

    Returns:
        Tensor of shape ``(n,)``.

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.fftfreq(4))
        [ 0.    0.25 -0.5  -0.25]
    """
    return _ops.fftfreq(n, d, dtype)


def rfftfreq(n, d=1.0, dtype=None):
    """The sample frequencies of an `n`-point ``rfft`` with sample spacing `d`:
    ``[0, 1, ..., n // 2] / (d * n)``.

    Args:
        n (int): The number of points (positive).
        d (float, optional): The sample spacing. Default: ``1.0``.
        dtype (mindspore.dtype, optional): The result's dtype; None means Float32. Default:
            ``None``.

    Returns:
        Tensor of shape ``(n // 2 + 1,)``.

    Examples:
        >>> import mindspore.numpy as mnp
        >>> print(mnp.fft.rfftfreq(4))
        [0.   0.25 0.5 ]
    """
    return _ops.rfftfreq(n, d, dtype)


# Errors name the function (``For 'fft', ...``) unless the transform named itself already.
from .._errors import name_errors as _name_errors  # noqa: E402

_name_errors(globals(), __all__)

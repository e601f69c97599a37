"""``mindspore.ops``' discrete Fourier transforms: ``fft``/``ifft`` over one axis, ``fft2``/
``ifft2`` over two, ``fftn``/``ifftn`` over any, the same for real signals (``rfft*``, whose
last axis keeps ``n // 2 + 1`` frequencies, and ``irfft*`` back) and for Hermitian ones
(``hfft*``, ``ihfft*``); ``fftshift``/``ifftshift`` and the sample frequencies ``fftfreq``/
``rfftfreq``. The transforms are the engine's (``_C.fft``: Rust, ``O(n log n)`` at every length,
differentiable in both modes); this module checks MindSpore's arguments and resolves its
defaults. Real and integer inputs (Int16-Int64, the floats) give Complex64, Float64 gives
Complex128; ``irfft*``/``hfft*`` give the real dtype of their input.

``norm`` scales the forward transform by 1 (``"backward"``, the default), ``1/n``
(``"forward"``) or ``1/√n`` (``"ortho"``), and the inverse by the complement."""
import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from ._args import int_arg, tensor_arg

__all__ = ["fft", "ifft", "fft2", "ifft2", "fftn", "ifftn", "rfft", "irfft", "rfft2", "irfft2",
           "rfftn", "irfftn", "hfft", "ihfft", "hfft2", "ihfft2", "hfftn", "ihfftn", "fftshift",
           "ifftshift", "fftfreq", "rfftfreq", "stft"]

_TAKES = (mstype.float16, mstype.bfloat16, mstype.float32, mstype.float64, mstype.int16,
          mstype.int32, mstype.int64, mstype.complex64, mstype.complex128)
_NORMS = ("backward", "forward", "ortho")
# The engine's transform of each kind.
_KINDS = {"fft": _C.FftKind.Forward, "ifft": _C.FftKind.Inverse, "rfft": _C.FftKind.RealForward,
          "irfft": _C.FftKind.RealInverse, "hfft": _C.FftKind.HermitianForward,
          "ihfft": _C.FftKind.HermitianInverse}


def _signal(op, x, real):
    x = tensor_arg(op, "input", x)
    if x.dtype not in _TAKES or (real and x.dtype in (mstype.complex64, mstype.complex128)):
        kinds = "a real" if real else "a real or complex"
        raise DTypeError(f"For '{op}', the input must be {kinds} tensor of Float16, BFloat16, "
                         f"Float32, Float64, Int16, Int32 or Int64"
                         f"{'' if real else ', Complex64 or Complex128'}, but got {x.dtype}.")
    if x.ndim == 0:
        raise ShapeError(f"For '{op}', the input must have at least one dimension, but got a "
                         f"0-d tensor.")
    return x


def _norm(op, norm):
    if norm is None:
        return "backward"
    if not isinstance(norm, str):
        raise DTypeError(f"For '{op}', 'norm' must be a str, but got {type(norm).__name__}.")
    if norm not in _NORMS:
        raise ShapeError(f"For '{op}', 'norm' must be 'backward', 'forward' or 'ortho', but got "
                         f"'{norm}'.")
    return norm


def _size(op, name, n):
    n = int_arg(op, name, n)
    if n <= 0:
        raise ShapeError(f"For '{op}', the argument[{name}] must be greater than 0, but got {n}.")
    return n


def _dims(op, dim, ndim):
    dims = [dim] if isinstance(dim, (int, _np.integer)) and not isinstance(dim, bool) else dim
    if not isinstance(dims, (tuple, list)):
        raise DTypeError(f"For '{op}', 'dim' must be an int or a tuple of ints, but got "
                         f"{type(dim).__name__}.")
    out = []
    for d in dims:
        d = int_arg(op, "dim", d)
        if not -ndim <= d < ndim:
            raise ShapeError(f"For '{op}', the dim must be in [{-ndim}, {ndim}), but got {d}.")
        out.append(d % ndim)
    if len(set(out)) != len(out):
        raise ShapeError(f"For '{op}', the dims must be unique, but got {tuple(dims)}.")
    return out


def _sizes(op, s):
    if not isinstance(s, (tuple, list)):
        raise DTypeError(f"For '{op}', 's' must be a tuple or list of ints, but got "
                         f"{type(s).__name__}.")
    return [_size(op, "s", n) for n in s]


def _one(kind, op, input, n, dim, norm):  # noqa: A002
    x = _signal(op, input, kind == "rfft")
    axes = _dims(op, dim, x.ndim)
    sizes = None if n is None else [_size(op, "n", n)]
    return _C.fft(x, _KINDS[kind], axes, sizes, _norm(op, norm))


def _many(kind, op, input, s, dim, norm):  # noqa: A002
    x = _signal(op, input, kind == "rfft")
    sizes = None if s is None else _sizes(op, s)
    if dim is None:
        if sizes is not None and len(sizes) > x.ndim:
            raise ShapeError(f"For '{op}', 's' has {len(sizes)} sizes for a tensor of "
                             f"{x.ndim} dimensions.")
        axes = list(range(x.ndim - (x.ndim if sizes is None else len(sizes)), x.ndim))
    else:
        axes = _dims(op, dim, x.ndim)
    if sizes is not None and len(sizes) != len(axes):
        raise ShapeError(f"For '{op}', 'dim' and 's' must have the same length, but got "
                         f"{len(axes)} dims and {len(sizes)} sizes.")
    return _C.fft(x, _KINDS[kind], axes, sizes, _norm(op, norm))


_ARGS_1 = """
    Args:
        input (Tensor): The input tensor ({what}).
        n (int, optional): The signal length along `dim`{length}: the input is cut or padded with
            zeros to it. Default: ``None``, {default}.
        dim (int, optional): The axis. Default: ``-1``.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``. Default: ``None``
            (``"backward"``).

    Returns:
        Tensor, {returns}.

    Raises:
        TypeError: If `input` is not a Tensor of a supported dtype, or an argument has the wrong
            type.
        ValueError: If `n` is not positive, `dim` is out of range or `norm` is not one of the
            three.
"""

_ARGS_N = """
    Args:
        input (Tensor): The input tensor ({what}).
        s (tuple[int], optional): The signal length along each of `dim`{length}: the input is cut
            or padded with zeros to them. Default: ``None``, {default}.
        dim (tuple[int], optional): The axes. Default: {dims}.
        norm (str, optional): ``"backward"``, ``"forward"`` or ``"ortho"``. Default: ``None``
            (``"backward"``).

    Returns:
        Tensor, {returns}.

    Raises:
        TypeError: If `input` is not a Tensor of a supported dtype, or an argument has the wrong
            type.
        ValueError: If a size is not positive, a dim is out of range or repeated, `s` and `dim`
            differ in length, or `norm` is not one of the three.
"""

_WHAT = {
    "fft": ("real or complex", "", "the input's length",
            "complex (Complex128 for Float64 or Complex128 input, else Complex64)"),
    "ifft": ("real or complex", "", "the input's length",
             "complex (Complex128 for Float64 or Complex128 input, else Complex64)"),
    "rfft": ("real", "", "the input's length",
             "complex, the last transformed axis of length ``n // 2 + 1``"),
    "irfft": ("a half spectrum, complex or real", " (of the output)", "``2 * (m - 1)`` for an "
              "input of length ``m``", "real (Float64 for Complex128 or Float64 input, else "
              "Float32)"),
    "hfft": ("a Hermitian signal's half, complex or real", " (of the output)", "``2 * (m - 1)`` "
             "for an input of length ``m``", "real (Float64 for Complex128 or Float64 input, else "
             "Float32)"),
    "ihfft": ("real, or complex: the half of its inverse transform", "", "the input's length",
              "complex, the last transformed axis of length ``n // 2 + 1``"),
}


def _document(kind, rank):
    """Puts the Args, Returns and Raises of a ``kind`` transform over ``rank`` axes (1, 2, or
    ``None`` for n) into the decorated function's docstring, before its Examples."""
    what, length, default, returns = _WHAT[kind]

    def put(f):
        if rank == 1:
            args = _ARGS_1.format(what=what, length=length, default=default, returns=returns)
        else:
            dims = "``(-2, -1)``" if rank == 2 else "``None``: the last ``len(s)`` axes, or all"
            if kind in ("irfft", "hfft"):
                lengths = ("the input's lengths, the last ``2 * (m - 1)`` for a last axis of "
                           "length ``m``")
            else:
                lengths = "the input's lengths"
            args = _ARGS_N.format(what=what, length=length, default=lengths, dims=dims,
                                  returns=returns)
        head, examples = f.__doc__.split("\n    Examples:")
        f.__doc__ = head.rstrip() + "\n" + args + "\n    Examples:" + examples
        return f
    return put


@_document("fft", 1)
def fft(input, n=None, dim=-1, norm=None):  # noqa: A002 - MindSpore's argument name
    """``ops.fft``: the discrete Fourier transform along one axis,
    ``X[k] = Σ_j x[j]·exp(-2πi·jk/n)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.fft(ms.Tensor([0., 1., 2., 3.])))
        [ 6.+0.j -2.+2.j -2.+0.j -2.-2.j]
    """
    return _one("fft", "FFT", input, n, dim, norm)


@_document("ifft", 1)
def ifft(input, n=None, dim=-1, norm=None):  # noqa: A002
    """``ops.ifft``: the inverse discrete Fourier transform along one axis,
    ``x[j] = (1/n)·Σ_k X[k]·exp(2πi·jk/n)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.ifft(ms.Tensor([0., 1., 2., 3.])))
        [ 1.5+0.j  -0.5-0.5j -0.5+0.j  -0.5+0.5j]
    """
    return _one("ifft", "IFFT", input, n, dim, norm)


@_document("fft", 2)
def fft2(input, s=None, dim=(-2, -1), norm=None):  # noqa: A002
    """``ops.fft2``: the discrete Fourier transform over two axes (the last two by default).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.fft2(ms.Tensor([[0., 1.], [2., 3.]])))
        [[ 6.+0.j -2.+0.j]
         [-4.+0.j  0.+0.j]]
    """
    return _many("fft", "FFT2", input, s, dim, norm)


@_document("ifft", 2)
def ifft2(input, s=None, dim=(-2, -1), norm=None):  # noqa: A002
    """``ops.ifft2``: the inverse discrete Fourier transform over two axes.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.ifft2(ms.Tensor([[0., 1.], [2., 3.]])))
        [[ 1.5+0.j -0.5+0.j]
         [-1. +0.j  0. +0.j]]
    """
    return _many("ifft", "IFFT2", input, s, dim, norm)


@_document("fft", None)
def fftn(input, s=None, dim=None, norm=None):  # noqa: A002
    """``ops.fftn``: the discrete Fourier transform over several axes.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.fftn(ms.Tensor([[0., 1.], [2., 3.]])))
        [[ 6.+0.j -2.+0.j]
         [-4.+0.j  0.+0.j]]
    """
    return _many("fft", "FFTN", input, s, dim, norm)


@_document("ifft", None)
def ifftn(input, s=None, dim=None, norm=None):  # noqa: A002
    """``ops.ifftn``: the inverse discrete Fourier transform over several axes.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.ifftn(ms.Tensor([[0., 1.], [2., 3.]])))
        [[ 1.5+0.j -0.5+0.j]
         [-1. +0.j  0. +0.j]]
    """
    return _many("ifft", "IFFTN", input, s, dim, norm)


@_document("rfft", 1)
def rfft(input, n=None, dim=-1, norm=None):  # noqa: A002
    """``ops.rfft``: the discrete Fourier transform of a real signal, its ``n // 2 + 1``
    non-negative frequencies (the others are their conjugates).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.rfft(ms.Tensor([0., 1., 2., 3.])))
        [ 6.+0.j -2.+2.j -2.+0.j]
    """
    return _one("rfft", "RFFT", input, n, dim, norm)


@_document("irfft", 1)
def irfft(input, n=None, dim=-1, norm=None):  # noqa: A002
    """``ops.irfft``: the inverse of ``rfft``, a real signal of length `n` from its half spectrum
    (the imaginary parts of the zero and Nyquist frequencies are not read).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0., 1., 2., 3.])
        >>> print(ops.irfft(ops.rfft(x), n=4))
        [0. 1. 2. 3.]
    """
    return _one("irfft", "IRFFT", input, n, dim, norm)


@_document("rfft", 2)
def rfft2(input, s=None, dim=(-2, -1), norm=None):  # noqa: A002
    """``ops.rfft2``: the discrete Fourier transform of a real signal over two axes, the last one
    halved.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.rfft2(ms.Tensor([[0., 1., 2.], [3., 4., 5.]])))
        [[15.+0.j        -3.+1.7320508j]
         [-9.+0.j         0.+0.j       ]]
    """
    return _many("rfft", "RFFT2", input, s, dim, norm)


@_document("irfft", 2)
def irfft2(input, s=None, dim=(-2, -1), norm=None):  # noqa: A002
    """``ops.irfft2``: the inverse of ``rfft2``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[0., 1., 2.], [3., 4., 5.]])
        >>> print(ops.irfft2(ops.rfft2(x), s=(2, 3)))
        [[0. 1. 2.]
         [3. 4. 5.]]
    """
    return _many("irfft", "IRFFT2", input, s, dim, norm)


@_document("rfft", None)
def rfftn(input, s=None, dim=None, norm=None):  # noqa: A002
    """``ops.rfftn``: the discrete Fourier transform of a real signal over several axes, the last
    one halved.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.rfftn(ms.Tensor([[0., 1., 2.], [3., 4., 5.]])))
        [[15.+0.j        -3.+1.7320508j]
         [-9.+0.j         0.+0.j       ]]
    """
    return _many("rfft", "RFFTN", input, s, dim, norm)


@_document("irfft", None)
def irfftn(input, s=None, dim=None, norm=None):  # noqa: A002
    """``ops.irfftn``: the inverse of ``rfftn``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[0., 1., 2.], [3., 4., 5.]])
        >>> print(ops.irfftn(ops.rfftn(x), s=(2, 3)))
        [[0. 1. 2.]
         [3. 4. 5.]]
    """
    return _many("irfft", "IRFFTN", input, s, dim, norm)


@_document("hfft", 1)
def hfft(input, n=None, dim=-1, norm=None):  # noqa: A002
    """``ops.hfft``: the discrete Fourier transform of a signal with Hermitian symmetry given by
    its first ``n // 2 + 1`` elements: a real spectrum.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.hfft(ms.Tensor([0., 1., 2., 3.])))
        [ 9. -4.  0. -1.  0. -4.]
    """
    return _one("hfft", "HFFT", input, n, dim, norm)


@_document("ihfft", 1)
def ihfft(input, n=None, dim=-1, norm=None):  # noqa: A002
    """``ops.ihfft``: the inverse of ``hfft``: the first ``n // 2 + 1`` elements of the inverse
    transform of a real signal.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.ihfft(ms.Tensor([0., 1., 2., 3.])))
        [ 1.5+0.j  -0.5-0.5j -0.5-0.j ]
    """
    return _one("ihfft", "IHFFT", input, n, dim, norm)


@_document("hfft", 2)
def hfft2(input, s=None, dim=(-2, -1), norm=None):  # noqa: A002
    """``ops.hfft2``: ``hfft`` over two axes, the last one given by its half.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.hfft2(ms.Tensor([[0., 1.], [2., 3.]])))
        [[ 6. -2.]
         [-4.  0.]]
    """
    return _many("hfft", "HFFT2", input, s, dim, norm)


@_document("ihfft", 2)
def ihfft2(input, s=None, dim=(-2, -1), norm=None):  # noqa: A002
    """``ops.ihfft2``: the inverse of ``hfft2``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.ihfft2(ms.Tensor([[0., 1., 2.], [3., 4., 5.]])))
        [[ 2.5+0.j         -0.5-0.28867513j]
         [-1.5-0.j          0. +0.j        ]]
    """
    return _many("ihfft", "IHFFT2", input, s, dim, norm)


@_document("hfft", None)
def hfftn(input, s=None, dim=None, norm=None):  # noqa: A002
    """``ops.hfftn``: ``hfft`` over several axes, the last one given by its half.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.hfftn(ms.Tensor([[0., 1.], [2., 3.]])))
        [[ 6. -2.]
         [-4.  0.]]
    """
    return _many("hfft", "HFFTN", input, s, dim, norm)


@_document("ihfft", None)
def ihfftn(input, s=None, dim=None, norm=None):  # noqa: A002
    """``ops.ihfftn``: the inverse of ``hfftn``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.ihfftn(ms.Tensor([[0., 1., 2.], [3., 4., 5.]])))
        [[ 2.5+0.j         -0.5-0.28867513j]
         [-1.5-0.j          0. +0.j        ]]
    """
    return _many("ihfft", "IHFFTN", input, s, dim, norm)


def _shifted(op, input, dim, sign):  # noqa: A002
    x = tensor_arg(op, "input", input)
    if x.ndim == 0:
        return x
    dims = list(range(x.ndim)) if dim is None else _dims(op, dim, x.ndim)
    shifts = [sign * (x.shape[d] // 2) for d in dims]
    from ._array_axes import roll
    return roll(x, shifts, dims)


def fftshift(input, dim=None):  # noqa: A002
    """``ops.fftshift``: the zero frequency moved to the middle: each axis of `dim` rolled by
    half its length (``n // 2``).

    Args:
        input (Tensor): The input tensor (a spectrum, of any dtype).
        dim (Union[int, tuple[int]], optional): The axes. Default: ``None``, every axis.

    Returns:
        Tensor, of the shape and dtype of `input`.

    Raises:
        TypeError: If `input` is not a Tensor.
        ValueError: If a dim is out of range or repeated.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.fftshift(ops.fftfreq(5)))
        [-0.4 -0.2  0.   0.2  0.4]
    """
    return _shifted("FFTShift", input, dim, 1)


def ifftshift(input, dim=None):  # noqa: A002
    """``ops.ifftshift``: the inverse of ``fftshift`` (each axis of `dim` rolled back by half its
    length; the two differ for odd lengths).

    Args:
        input (Tensor): The input tensor.
        dim (Union[int, tuple[int]], optional): The axes. Default: ``None``, every axis.

    Returns:
        Tensor, of the shape and dtype of `input`.

    Raises:
        TypeError: If `input` is not a Tensor.
        ValueError: If a dim is out of range or repeated.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.ifftshift(ops.fftshift(ms.Tensor([0, 1, 2, 3, 4]))))
        [0 1 2 3 4]
    """
    return _shifted("IFFTShift", input, dim, -1)


def _frequencies(op, n, d, dtype, k):
    n = _size(op, "n", n)
    if isinstance(d, bool) or not isinstance(d, (int, float, _np.integer, _np.floating)):
        raise DTypeError(f"For '{op}', 'd' must be a float, but got {type(d).__name__}.")
    with _np.errstate(divide="ignore", invalid="ignore"):  # d = 0 gives inf and NaN
        values = k(n) / (float(d) * n)
    return Tensor(values).astype(mstype.float32 if dtype is None else dtype)


def fftfreq(n, d=1.0, dtype=None):
    """``ops.fftfreq``: the sample frequencies of an ``n``-point transform with sample spacing
    ``d``: ``[0, 1, ..., (n - 1) // 2, -(n // 2), ..., -1] / (d·n)``.

    Args:
        n (int): The number of points (positive).
        d (float, optional): The sample spacing. Default: ``1.0``.
        dtype (mindspore.dtype, optional): The result's dtype. Default: ``None``, Float32.

    Returns:
        Tensor of shape ``(n,)``.

    Raises:
        TypeError: If `n` is not an int or `d` not a number.
        ValueError: If `n` is not positive.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.fftfreq(4, d=0.5))
        [ 0.   0.5 -1.  -0.5]
    """
    return _frequencies("FFTFreq", n, d, dtype,
                        lambda n: _np.concatenate([_np.arange((n + 1) // 2),
                                                   -_np.arange(n // 2, 0, -1)]).astype(_np.float64))


def rfftfreq(n, d=1.0, dtype=None):
    """``ops.rfftfreq``: the sample frequencies of ``rfft``'s output for ``n`` points with sample
    spacing ``d``: ``[0, 1, ..., n // 2] / (d·n)``.

    Args:
        n (int): The number of points (positive).
        d (float, optional): The sample spacing. Default: ``1.0``.
        dtype (mindspore.dtype, optional): The result's dtype. Default: ``None``, Float32.

    Returns:
        Tensor of shape ``(n // 2 + 1,)``.

    Raises:
        TypeError: If `n` is not an int or `d` not a number.
        ValueError: If `n` is not positive.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.rfftfreq(5))
        [0.  0.2 0.4]
    """
    return _frequencies("RFFTFreq", n, d, dtype,
                        lambda n: _np.arange(n // 2 + 1, dtype=_np.float64))


def _stft_window(window, win_length, n_fft, dtype):
    """The window, ones by default, padded with zeros on both sides to `n_fft`."""
    left = (n_fft - win_length) // 2
    if window is None:
        w = _np.zeros(n_fft)
        w[left:left + win_length] = 1.0
        return Tensor(w).astype(dtype)
    window = tensor_arg("STFT", "window", window)
    if window.ndim != 1 or window.shape[0] != win_length:
        raise ShapeError(f"For 'STFT', 'window' must be a 1-D tensor of length win_length "
                         f"({win_length}), but got shape {tuple(window.shape)}.")
    if n_fft == win_length:
        return window
    zeros = (_C.full((left,), 0, window.dtype), _C.full((n_fft - win_length - left,), 0, window.dtype))
    return _C.concat([zeros[0], window, zeros[1]], 0)


def stft(x, n_fft, hop_length=None, win_length=None, window=None, center=True,
         pad_mode="REFLECT", normalized=False, onesided=None, return_complex=None):
    """``ops.stft``: the short-time Fourier transform: the Fourier transform of windowed frames of
    `n_fft` samples every `hop_length` samples of a signal (or of each row of a batch).

    Args:
        x (Tensor): The signal, ``(L,)`` or ``(B, L)``, real or complex.
        n_fft (int): The frame length, in ``(0, L]``.
        hop_length (int, optional): The step between frames. Default: ``None``, ``n_fft // 4``.
        win_length (int, optional): The window's length, at most `n_fft` (a shorter window is
            padded with zeros on both sides). Default: ``None``, `n_fft`.
        window (Tensor, optional): The window, ``(win_length,)``. Default: ``None``, ones.
        center (bool, optional): Pad the signal by ``n_fft // 2`` on both sides, so that frame
            ``t`` is centred on sample ``t·hop_length``. Default: ``True``.
        pad_mode (str, optional): ``"REFLECT"`` or ``"CONSTANT"`` (zeros). Default:
            ``"REFLECT"``.
        normalized (bool, optional): Scale by ``n_fft ** -0.5``. Default: ``False``.
        onesided (bool, optional): Keep the ``n_fft // 2 + 1`` non-negative frequencies.
            Default: ``None``, true for a real signal and window.
        return_complex (bool, optional): A complex result; otherwise its real and imaginary
            parts along a new last axis. Default: ``None`` (the parts).

    Returns:
        Tensor, ``(B?, n_freq, n_frames)`` complex, or ``(B?, n_freq, n_frames, 2)`` real.

    Raises:
        TypeError: If `x` or `window` is not a Tensor, or an argument has the wrong type.
        ValueError: If `x` is not 1-D or 2-D, a length is out of range, or `pad_mode` is not one
            of the two.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([0., 1., 2., 3., 4., 5., 6., 7.])
        >>> print(ops.stft(x, 4, hop_length=2, center=False, return_complex=True))
        [[ 6.+0.j 14.+0.j 22.+0.j]
         [-2.+2.j -2.+2.j -2.+2.j]
         [-2.+0.j -2.+0.j -2.+0.j]]
    """
    x = tensor_arg("STFT", "x", x)
    if x.ndim not in (1, 2):
        raise ShapeError(f"For 'STFT', expected a 1-D tensor or a 2-D tensor, but got {x.ndim}.")
    length = x.shape[-1]
    n_fft = int_arg("STFT", "n_fft", n_fft)
    if not 0 < n_fft <= length:
        raise ShapeError(f"For 'STFT', the n_fft must be in (0, {length}], but got {n_fft}.")
    hop = n_fft // 4 if hop_length is None else int_arg("STFT", "hop_length", hop_length)
    if hop <= 0:
        raise ShapeError(f"For 'STFT', the hop_length must be greater than 0, but got {hop}.")
    win = n_fft if win_length is None else int_arg("STFT", "win_length", win_length)
    if not 0 < win <= n_fft:
        raise ShapeError(f"For 'STFT', the win_length must be in (0, {n_fft}], but got {win}.")
    if not isinstance(pad_mode, str) or pad_mode.upper() not in ("REFLECT", "CONSTANT"):
        raise ShapeError(f"For 'STFT', 'pad_mode' must be 'REFLECT' or 'CONSTANT', but got "
                         f"{pad_mode!r}.")
    complex_in = x.dtype in (mstype.complex64, mstype.complex128)
    real_dtype = mstype.float64 if x.dtype in (mstype.float64, mstype.complex128) else mstype.float32
    w = _stft_window(window, win, n_fft, real_dtype)
    complex_in = complex_in or w.dtype in (mstype.complex64, mstype.complex128)
    if not complex_in and x.dtype != real_dtype:
        x = x.astype(real_dtype)
    # Sample positions of every frame, the centring padding folded in (reflected or zeroed).
    pad = n_fft // 2 if center else 0
    if center and pad_mode.upper() == "REFLECT" and pad >= length:
        raise ShapeError(f"For 'STFT', reflect padding of {pad} needs a signal longer than "
                         f"{pad}, but got length {length}.")
    n_frames = 1 + (length + 2 * pad - n_fft) // hop
    pos = _np.arange(n_frames)[:, None] * hop + _np.arange(n_fft)[None, :] - pad
    inside = (pos >= 0) & (pos < length)
    if pad_mode.upper() == "REFLECT":
        pos = _np.abs(pos)
        pos = _np.where(pos >= length, 2 * (length - 1) - pos, pos)
        inside = _np.ones_like(inside)
    idx = Tensor(_np.clip(pos, 0, length - 1).astype(_np.int64))
    from .array_func import gather
    frames = gather(x, idx, x.ndim - 1) * w
    if not inside.all():
        frames = frames * Tensor(inside.astype(_np.float32)).astype(real_dtype)
    one = (not complex_in) if onesided is None else bool(onesided)
    spectrum = rfft(frames) if one else fft(frames)
    if normalized:
        spectrum = spectrum * (n_fft ** -0.5)
    spectrum = spectrum.swapaxes(-1, -2)
    if return_complex:
        return spectrum
    from ._misc_func import view_as_real
    return view_as_real(spectrum)

"""MindSpore's C++ random fills of a Float32 buffer (``mindspore._c_expression._random_normal``,
``_random_uniform``, ``_truncated_normal``): one 64-bit seed keys the Philox-4x32-10 stream
MindSpore's initializers draw from, so a seed gives MindSpore's values. The normal and truncated
normal draws are the Rust crate's (``nn::init_draws``); the uniform on any ``[a, b)`` is computed
here from the stream's words (the Rust rule draws only symmetric ranges)."""
import numbers

import numpy as _np

from .. import _C
from . import dtype as mstype

_M0, _M1, _W0, _W1 = 0xD2511F53, 0xCD9E8D57, 0x9E3779B9, 0xBB67AE85
_MASK = 0xFFFFFFFF


def _philox_words(seed, n):
    """The first `n` 32-bit words of `seed`'s stream: Philox-4x32-10 blocks keyed by the seed's
    two halves, block ``i``'s counter ``(i_lo, i_hi, key_lo, key_hi)`` (as ``nn::init_draws``)."""
    blocks = (n + 3) // 4
    index = _np.arange(blocks, dtype=_np.uint64)
    key = [seed & _MASK, (seed >> 32) & _MASK]
    c = [(index & _np.uint64(_MASK)).astype(_np.uint32), (index >> _np.uint64(32)).astype(_np.uint32),
         _np.full(blocks, key[0], _np.uint32), _np.full(blocks, key[1], _np.uint32)]
    for round_ in range(10):
        if round_:
            key = [(key[0] + _W0) & _MASK, (key[1] + _W1) & _MASK]
        p0 = c[0].astype(_np.uint64) * _np.uint64(_M0)
        p1 = c[2].astype(_np.uint64) * _np.uint64(_M1)
        hi0, lo0 = (p0 >> _np.uint64(32)).astype(_np.uint32), p0.astype(_np.uint32)
        hi1, lo1 = (p1 >> _np.uint64(32)).astype(_np.uint32), p1.astype(_np.uint32)
        c = [hi1 ^ c[1] ^ _np.uint32(key[0]), lo1, hi0 ^ c[3] ^ _np.uint32(key[1]), lo0]
    return _np.stack(c, axis=1).reshape(-1)[:n]


def _buffer_of(func, signature, seed, arr, args):
    """The Float32 NumPy view of the buffer `arr` that MindSpore's C++ random fill `func` writes
    (its TypeError for arguments of other types, its RuntimeError for another element type)."""
    ok_seed = isinstance(seed, int) and not isinstance(seed, bool) and 0 <= seed < 1 << 64
    ok_args = all(isinstance(a, numbers.Real) for a in args)
    try:
        view = arr if isinstance(arr, _np.ndarray) else _np.asarray(memoryview(arr))
    except TypeError:
        view = None
    if not ok_seed or not ok_args or view is None:
        from .._errors import DTypeError
        raise DTypeError(f"{func}(): incompatible function arguments. The following argument "
                         f"types are supported:\n    1. ({signature}) -> None\n\nInvoked with: "
                         f"{', '.join(repr(a) for a in (seed, arr) + tuple(args))}")
    if view.dtype != _np.float32:
        from .._errors import ComputeError
        raise ComputeError(f"Unsupported data type '{view.dtype.char}'.")
    return view


def _fill(view, spec, seed, sign=1.0, shift=0.0):
    """Writes the draws of the Rust rule `spec` from `seed` into `view` (``sign·draw + shift``)."""
    values = _C.initializer(spec, list(view.shape), mstype.float32, seeds=lambda: seed).asnumpy()
    if sign != 1.0 or shift != 0.0:
        values = (sign * values.astype(_np.float64) + shift).astype(_np.float32)
    view[...] = values


def _random_normal(seed, arr, mean, sigma):
    """Fills the Float32 buffer `arr` in place with ``N(mean, sigma²)`` values from `seed`
    (MindSpore's C++ fill, with its Philox stream: one seed gives MindSpore's values).

    Args:
        seed (int): The seed, in ``[0, 2**64)``.
        arr (numpy.ndarray): A Float32 array (or writable Float32 buffer).
        mean (float): The mean.
        sigma (float): The standard deviation (a negative one mirrors the draws).

    Raises:
        TypeError: A seed or buffer of another type.
        RuntimeError: A buffer of another element type.

    Examples:
        >>> import numpy as np
        >>> from mindspore.common.initializer import _random_normal
        >>> a = np.zeros(3, np.float32)
        >>> _random_normal(12345678, a, 0.0, 1.0)
        >>> print(a)
        [ 0.19087696  0.23874381 -1.5261425 ]
    """
    view = _buffer_of("_random_normal", "arg0: int, arg1: Buffer, arg2: float, arg3: float", seed,
                      arr, (mean, sigma))
    if sigma < 0:
        _fill(view, ("normal", -float(sigma), 0.0), seed, -1.0, float(mean))
    else:
        _fill(view, ("normal", float(sigma), float(mean)), seed)


def _random_uniform(seed, arr, a, b):
    """Fills the Float32 buffer `arr` in place with values uniform on ``[a, b)`` from `seed`
    (MindSpore's C++ fill and Philox stream: ``(b - a)·w/2³² + a`` for each word ``w``, with `a`
    and `b` rounded to Float32 first).

    Args:
        seed (int): The seed, in ``[0, 2**64)``.
        arr (numpy.ndarray): A Float32 array (or writable Float32 buffer).
        a (float): The lower bound.
        b (float): The upper bound.

    Raises:
        TypeError: A seed or buffer of another type.
        RuntimeError: A buffer of another element type.

    Examples:
        >>> import numpy as np
        >>> from mindspore.common.initializer import _random_uniform
        >>> a = np.zeros(3, np.float32)
        >>> _random_uniform(12345678, a, -1.0, 1.0)
        >>> print(a)
        [-0.7736158  -0.35100523  0.7860692 ]
    """
    view = _buffer_of("_random_uniform", "arg0: int, arg1: Buffer, arg2: float, arg3: float", seed,
                      arr, (a, b))
    low, high = float(_np.float32(a)), float(_np.float32(b))
    words = _philox_words(seed, view.size).astype(_np.float64)
    view[...] = ((high - low) * (words / 4294967296.0) + low).astype(_np.float32).reshape(view.shape)


def _truncated_normal(seed, arr, a, b, mean, sigma):
    """Fills the Float32 buffer `arr` in place with ``N(mean, sigma²)`` values restricted to
    ``[a, b]`` from `seed` (MindSpore's Philox stream, inverted through the normal's quantile).

    Args:
        seed (int): The seed, in ``[0, 2**64)``.
        arr (numpy.ndarray): A Float32 array (or writable Float32 buffer).
        a (float): The lower bound.
        b (float): The upper bound, at least `a`.
        mean (float): The mean.
        sigma (float): The standard deviation, at least 0.

    Raises:
        TypeError: A seed or buffer of another type.
        RuntimeError: A buffer of another element type.
        ValueError: ``a > b`` or ``sigma < 0``.

    Examples:
        >>> import numpy as np
        >>> from mindspore.common.initializer import _truncated_normal
        >>> a = np.zeros(3, np.float32)
        >>> _truncated_normal(12345678, a, -2.0, 2.0, 0.0, 1.0)
        >>> print(a)
        [-1.1226553  -0.43306768  1.1510853 ]
    """
    view = _buffer_of("_truncated_normal", "arg0: int, arg1: Buffer, arg2: float, arg3: float, "
                      "arg4: float, arg5: float", seed, arr, (a, b, mean, sigma))
    _fill(view, ("truncated_normal", float(sigma), float(mean), float(a), float(b)), seed)

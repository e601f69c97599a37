"""``mindspore.ops`` math functions, part three (re-exported by ``math_func``): the functional
forms of Tensor methods (``gcd``, ``i0``, ``cov``, ``renorm``...), window functions, quantiles,
combinatorial builders (``cartesian_prod``, ``combinations``, ``block_diag``), ``swiglu`` and
``rms_norm``. The ``tensor_scatter_*`` / ``unsorted_segment_*`` reductions and ``inplace_*``
are ``_segment_func``'s. Compositions of
engine ops; NumPy only on shapes and index lists, never on values."""
import builtins
import itertools

import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import ComputeError, DTypeError, ShapeError
from ..._tensor_extremes import reduce_max as _reduce_max
from ...common import dtype as mstype
from ._args import as_tensor as _t, int_arg as _int

__all__ = [
    "approximate_equal", "bincount", "cov", "diagonal_scatter", "gcd", "lcm", "histc", "i0", "inv",
    "isreal", "nanmedian", "nextafter", "renorm", "take", "polar", "identity", "cartesian_prod",
    "combinations", "block_diag", "hann_window", "hamming_window", "bartlett_window",
    "blackman_window", "kaiser_window", "channel_shuffle", "pdist", "quantile", "nanquantile",
    "clip_by_norm", "soft_shrink", "swiglu", "rms_norm",
]


def _tensor(op, name, x):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', '{name}' must be a Tensor, but got {type(x).__name__}.")
    return x


def approximate_equal(x, y, tolerance=1e-5):
    """``|x - y| < tolerance`` elementwise (Bool).

    Args:
        x (Tensor): The first input.
        y (Tensor): The second input, of `x`'s shape.
        tolerance (float): The tolerance. Default: ``1e-5``.

    Returns:
        Tensor of Bool, of `x`'s shape.

    Raises:
        TypeError: If `tolerance` is not a float.
        RuntimeError: If the shapes differ or the rank is 8 or more.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.approximate_equal(ms.Tensor([1.0, 2.0]), ms.Tensor([1.0, 2.1]), 0.05))
        [ True False]
    """
    op = "ApproximateEqual"
    x, y = _tensor(op, "x", x), _t(y)
    if not isinstance(tolerance, float):
        raise DTypeError(f"For '{op}', the type of 'tolerance' should be 'float', but got type "
                         f"'{type(tolerance).__name__}'.")
    if x.shape != y.shape:  # no broadcasting, as MindSpore's kernel
        raise ComputeError(f"For '{op}', arg 'x1' must have the same shape as 'x2'. But got 'x1' "
                           f"shape: {tuple(x.shape)}, 'x2' shape: {tuple(y.shape)}.")
    if x.ndim >= 8:
        raise ComputeError(f"For '{op}', the x's rank should be less than 8, but got: {x.ndim}")
    return (x - y).abs() < tolerance


def bincount(input, weights=None, minlength=0):  # noqa: A002
    """The count of each value of a 1-D non-negative integer tensor (weighted when `weights` is
    given), of length ``max(input) + 1`` or `minlength`.

    Args:
        input (Tensor): 1-D non-negative integers.
        weights (Tensor, optional): A weight per element. Default: ``None``.
        minlength (int): The least length of the result. Default: ``0``.

    Returns:
        Tensor, the counts.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.bincount(ms.Tensor([0, 1, 1, 3]), minlength=5))
        [1. 2. 0. 1. 0.]
    """
    return _tensor("bincount", "input", input).bincount(weights, minlength)


def _cov_weights(name, w, observations, kinds, kind_name):
    """A ``cov`` weight as MindSpore 2.10 checks it: a Tensor of ``kinds``, 0-D or 1-D, one per
    observation."""
    if w is None:
        return None
    w = _tensor("cov", name, w)
    if w.dtype not in kinds:
        raise DTypeError(f"For 'cov', the dtype of {name} must be {kind_name}, but got {w.dtype}.")
    if w.ndim > 1:
        raise ShapeError(f"For 'cov', {name} must have one or fewer dimensions, but got shape {list(w.shape)}.")
    if w.size != observations:
        raise ShapeError(f"For 'cov', the numel of {name} must equal the number of columns of input, but got "
                         f"numel {w.size} and {observations} columns.")
    return w


def cov(input, *, correction=1, fweights=None, aweights=None):  # noqa: A002
    """The covariance matrix of the variables in the rows of `input` (observations in columns).

    With weights ``w`` (`fweights`, `aweights` or their product) the means are weighted and the
    divisor is ``Σw - correction`` (``Σw - correction·Σ(w·aweights)/Σw`` with `aweights`).

    Args:
        input (Tensor): 0-D, 1-D or 2-D.
        correction (int): Subtracted from the number of observations. Default: ``1``.
        fweights (Tensor, optional): 0-D or 1-D integer frequency weights, one per column. Default:
            ``None``.
        aweights (Tensor, optional): 0-D or 1-D float observation weights, one per column. Default:
            ``None``.

    Returns:
        Tensor, the covariance matrix (Float32 for integer or Float16 input; Float64 when `input`
        or `aweights` is Float64).

    Raises:
        TypeError: If `fweights` is not of a signed integer dtype or `aweights` not of a float one.
        ValueError: If `input` is above 2-D, or a weight is above 1-D or not one per column.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.cov(ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 7.0]])))
        [[1.        1.5      ]
         [1.5       2.3333333]]
        >>> print(ops.cov(ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 7.0]]), fweights=ms.Tensor([1, 2, 1])))
        [[0.6666667 1.       ]
         [1.        1.5833334]]
    """
    x = _tensor("cov", "input", input)
    if x.ndim > 2:
        raise ShapeError(f"For 'cov', the input must have two or fewer dimensions, but got shape {list(x.shape)}.")
    observations = x.shape[-1] if x.ndim else 1
    fweights = _cov_weights("fweights", fweights, observations, mstype.int_type, "an integer type")
    aweights = _cov_weights("aweights", aweights, observations, mstype.float_type, "a float type")
    if aweights is not None and aweights.dtype == mstype.float64:
        x = x.astype(mstype.float64)  # the weights promote the result
    return x.cov(correction=correction, fweights=fweights, aweights=aweights)


def diagonal_scatter(input, src, offset=0, dim1=0, dim2=1):  # noqa: A002
    """`input` with the diagonal (of `offset`, over `dim1` and `dim2`) replaced by `src`.

    Args:
        input (Tensor): The input.
        src (Tensor): The new diagonal.
        offset (int): The diagonal's offset. Default: ``0``.
        dim1 (int): The first axis. Default: ``0``.
        dim2 (int): The second axis. Default: ``1``.

    Returns:
        Tensor, of `input`'s shape.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.diagonal_scatter(ops.zeros((2, 2)), ops.ones(2)))
        [[1. 0.]
         [0. 1.]]
    """
    return _tensor("diagonal_scatter", "input", input).diagonal_scatter(src, offset, dim1, dim2)


def gcd(input, other):  # noqa: A002
    """The greatest common divisor, elementwise (integers).

    Args:
        input (Tensor): Integers.
        other (Tensor): Integers, broadcast with `input`.

    Returns:
        Tensor, of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.gcd(ms.Tensor([12, 18]), ms.Tensor([8, 27])))
        [4 9]
    """
    return _tensor("Gcd", "input", input).gcd(other)


def lcm(input, other):  # noqa: A002
    """The least common multiple, elementwise (integers).

    Args:
        input (Tensor): Integers.
        other (Tensor): Integers, broadcast with `input`.

    Returns:
        Tensor, of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.lcm(ms.Tensor([4, 6]), ms.Tensor([6, 4])))
        [12 12]
    """
    return _tensor("Lcm", "input", input).lcm(other)


def histc(input, bins=100, min=0., max=0.):  # noqa: A001,A002
    """A histogram over `bins` equal bins from `min` to `max` (the data's range when both are 0);
    values outside are not counted.

    Args:
        input (Tensor): The values.
        bins (int): The number of bins. Default: ``100``.
        min (float): The lower end. Default: ``0.``.
        max (float): The upper end. Default: ``0.``.

    Returns:
        Tensor of `bins` counts, of `input`'s dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.histc(ms.Tensor([1.0, 2.0, 1.0]), bins=4, min=0, max=3))
        [0. 2. 1. 0.]
    """
    from ...mint._index import histc as _histc
    return _histc(_tensor("Histogram", "input", input), bins, min, max)


def i0(input):  # noqa: A002
    """The modified Bessel function of the first kind of order 0, elementwise.

    Args:
        input (Tensor): Floats.

    Returns:
        Tensor, of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.i0(ms.Tensor([0.0, 1.0])))
        [1.        1.2660658]
    """
    return _tensor("i0", "input", input).i0()


def inv(x):
    """``1 / x`` elementwise; integers divide as integers (``1 // x``'s truncation toward zero, so
    every magnitude above 1 gives 0), as MindSpore's ``Inv``.

    Args:
        x (Tensor): The input.

    Returns:
        Tensor, of `x`'s shape and dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.inv(ms.Tensor([2.0, 4.0])))
        [0.5  0.25]
    """
    x = _tensor("Inv", "x", x)
    if x.dtype in mstype.float_type or x.dtype in (mstype.complex64, mstype.complex128):
        return 1 / x
    if x.dtype == mstype.bool_:
        raise DTypeError("For 'Inv', the input must be a number tensor, but got Bool.")
    one = _C.full(tuple(x.shape), 1, x.dtype)
    # Truncation toward zero: 1 for 1, -1 for -1, 0 otherwise (and 0 for 0 rather than a fault).
    return _C.where_(x.abs() == one, x, _C.full(tuple(x.shape), 0, x.dtype))


def isreal(input):  # noqa: A002
    """True where an element has no imaginary part (every element of a real tensor).

    Args:
        input (Tensor): The input.

    Returns:
        Tensor of Bool, of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.isreal(ms.Tensor([1.0, 2.0])))
        [ True  True]
    """
    return _tensor("isreal", "input", input).isreal()


def nanmedian(input, axis=-1, keepdims=False):  # noqa: A002
    """The median along `axis` ignoring NaNs, and its index.

    Args:
        input (Tensor): The input.
        axis (int): The axis. Default: ``-1``.
        keepdims (bool): Keep the reduced axis. Default: ``False``.

    Returns:
        tuple(Tensor, Tensor), the medians and their Int64 indices.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> v, i = ops.nanmedian(ms.Tensor([[1.0, float('nan'), 3.0], [4.0, 5.0, 6.0]]))
        >>> print(v, i)
        [1. 5.] [0 1]
    """
    return _tensor("nanmedian", "input", input).nanmedian(axis, keepdims)


def nextafter(input, other):  # noqa: A002
    """The next representable float after `input` toward `other`, elementwise.

    Args:
        input (Tensor): Float32 or Float64.
        other (Tensor): The direction, broadcast with `input`.

    Returns:
        Tensor, of the broadcast shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.nextafter(ms.Tensor([0.0]), ms.Tensor([1.0])) > 0)
        [ True]
    """
    return _tensor("NextAfter", "input", input).nextafter(other)


def renorm(input, p, axis, maxnorm):  # noqa: A002
    """Each slice along `axis` scaled down so that its `p`-norm is at most `maxnorm`.

    Args:
        input (Tensor): Floats.
        p (int): The norm's order.
        axis (int): The axis whose slices are renormalised.
        maxnorm (float): The largest norm kept.

    Returns:
        Tensor, of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.renorm(ms.Tensor([[3.0, 4.0], [0.3, 0.4]]), 2, 0, 1.0))
        [[0.6 0.8]
         [0.3 0.4]]
    """
    return _tensor("Renorm", "input", input).renorm(p, axis, maxnorm)


def take(input, index):  # noqa: A002
    """The elements of the flattened `input` at `index`, in `index`'s shape.

    Args:
        input (Tensor): The input.
        index (Tensor): Integer positions in the flattened input (negative count from the end).

    Returns:
        Tensor, of `index`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.take(ms.Tensor([[1, 2, 3], [4, 5, 6]]), ms.Tensor([0, 5, 2])))
        [1 6 3]
    """
    from ...mint._index import take as _take
    return _take(_tensor("Take", "input", input), index)


def polar(abs, angle):  # noqa: A002 - MindSpore's names
    """The complex numbers ``abs·(cos angle + i·sin angle)``.

    Args:
        abs (Tensor): The magnitudes (Float32 or Float64).
        angle (Tensor): The angles, of `abs`'s shape and dtype.

    Returns:
        Tensor, Complex64 (Complex128 for Float64 inputs).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.polar(ms.Tensor([2.0]), ms.Tensor([0.0])))
        [2.+0.j]
    """
    from . import _complex_func
    r, a = _tensor("Polar", "abs", abs), _tensor("Polar", "angle", angle)
    if r.dtype not in (mstype.float32, mstype.float64) or a.dtype != r.dtype or r.shape != a.shape:
        raise DTypeError(f"For 'Polar', 'abs' and 'angle' must be Float32 or Float64 of one shape "
                         f"and dtype, but got {r.dtype} {list(r.shape)} and {a.dtype} "
                         f"{list(a.shape)}.")
    return _complex_func.complex(r * a.cos(), r * a.sin())


def identity(x):
    """A new tensor with `x`'s values.

    Args:
        x (Tensor): The input.

    Returns:
        Tensor, equal to `x`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.identity(ms.Tensor([1, 2])))
        [1 2]
    """
    return _tensor("Identity", "x", x).copy()


def cartesian_prod(*inputs):
    """The Cartesian product of 1-D tensors: one row per combination, in order.

    Args:
        *inputs (Tensor): 1-D tensors of one dtype.

    Returns:
        Tensor of shape ``[Π len(t), len(inputs)]`` (1-D for one input).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.cartesian_prod(ms.Tensor([1, 2]), ms.Tensor([3, 4])))
        [[1 3]
         [1 4]
         [2 3]
         [2 4]]
    """
    from .array_func import meshgrid
    ts = [_tensor("CartesianProd", "inputs", t) for t in inputs]
    if not ts or any(t.ndim != 1 for t in ts):
        raise ShapeError("For 'CartesianProd', the inputs must be 1-D tensors, but got shapes "
                         f"{[list(t.shape) for t in ts]}.")
    if len(ts) == 1:
        return ts[0].copy()
    grids = meshgrid(*ts, indexing="ij")
    return _C.stack([g.reshape(-1) for g in grids], 1)


def combinations(input, r=2, with_replacement=False):  # noqa: A002
    """The length-`r` combinations of the elements of a 1-D tensor (as ``itertools``), one per
    row.

    Args:
        input (Tensor): 1-D.
        r (int): The combinations' length. Default: ``2``.
        with_replacement (bool): Allow an element to repeat. Default: ``False``.

    Returns:
        Tensor of shape ``[number of combinations, r]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.combinations(ms.Tensor([1, 2, 3])))
        [[1 2]
         [1 3]
         [2 3]]
    """
    x = _tensor("Combinations", "input", input)
    r = _int("Combinations", "r", r)
    if x.ndim != 1 or r < 0:
        raise ShapeError(f"For 'Combinations', 'input' must be 1-D and 'r' non-negative, but got "
                         f"shape {list(x.shape)} and r={r}.")
    pick = itertools.combinations_with_replacement if with_replacement else itertools.combinations
    idx = _np.array(list(pick(range(x.shape[0]), r)), dtype=_np.int64).reshape(-1, r)
    if idx.size == 0:
        return _C.full((idx.shape[0], r), 0, x.dtype) if r else _C.full((0,), 0, x.dtype)
    return x[Tensor(idx)]


def block_diag(*inputs):
    """The block-diagonal matrix of the inputs (0-D and 1-D inputs count as one row).

    Args:
        *inputs (Tensor): Tensors of at most two dimensions.

    Returns:
        Tensor, 2-D, of the inputs' common dtype.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.block_diag(ms.Tensor([[1, 2]]), ms.Tensor([[3], [4]])))
        [[1 2 0]
         [0 0 3]
         [0 0 4]]
    """
    ts = [_tensor("BlockDiag", "inputs", t) for t in inputs]
    if any(t.ndim > 2 for t in ts):
        raise ShapeError("For 'BlockDiag', the inputs must have at most 2 dimensions, but got "
                         f"shapes {[list(t.shape) for t in ts]}.")
    mats = [t.reshape(1, -1) if t.ndim < 2 else t for t in ts]
    if not mats:
        return _C.full((1, 0), 0, mstype.float32)
    dtype = mats[0].dtype
    for m in mats[1:]:
        dtype = (_C.full((), 0, dtype) + _C.full((), 0, m.dtype)).dtype
    rows = builtins.sum(m.shape[0] for m in mats)
    cols = builtins.sum(m.shape[1] for m in mats)
    out, c = [], 0
    for m in mats:
        h, w = m.shape
        band = [_C.full((h, c), 0, dtype), m.astype(dtype), _C.full((h, cols - c - w), 0, dtype)]
        out.append(_C.concat(band, 1))
        c += w
    return _C.concat(out, 0) if rows else _C.full((0, cols), 0, dtype)


def _window(op, window_length, periodic, dtype, default, fn):
    n = _int(op, "window_length", window_length)
    if n < 0:
        raise ShapeError(f"For '{op}', 'window_length' must be non-negative, but got {n}.")
    dtype = default if dtype is None else dtype
    if dtype not in (mstype.float16, mstype.bfloat16, mstype.float32, mstype.float64):
        raise DTypeError(f"For '{op}', 'dtype' must be a float dtype, but got {dtype}.")
    if n <= 1:
        return _C.full((n,), 1.0, dtype)
    m = n if periodic else n - 1
    k = _np.arange(n, dtype=_np.float64)
    return Tensor(fn(k, m)).astype(dtype)


def hann_window(window_length, periodic=True, *, dtype=None):
    """The Hann window ``0.5 − 0.5·cos(2πk/M)`` (``M`` the length when `periodic`, else one
    less); Float64 unless `dtype` is given, as MindSpore's.

    Args:
        window_length (int): The length.
        periodic (bool): A window for spectral analysis (periodic) or filter design. Default: ``True``.
        dtype (mindspore.dtype, optional): A float dtype. Default: ``None`` (Float64).

    Returns:
        Tensor of `window_length` values.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.hann_window(4))
        [0.  0.5 1.  0.5]
    """
    return _window("HannWindow", window_length, periodic, dtype, mstype.float64,
                   lambda k, m: 0.5 - 0.5 * _np.cos(2 * _np.pi * k / m))


def hamming_window(window_length, periodic=True, alpha=0.54, beta=0.46, *, dtype=None):
    """The Hamming window ``α − β·cos(2πk/M)``; Float32 unless `dtype` is given.

    Args:
        window_length (int): The length.
        periodic (bool): Periodic (``M`` the length) or symmetric (one less). Default: ``True``.
        alpha (float): α. Default: ``0.54``.
        beta (float): β. Default: ``0.46``.
        dtype (mindspore.dtype, optional): A float dtype. Default: ``None`` (Float32).

    Returns:
        Tensor of `window_length` values.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.hamming_window(4))
        [0.08 0.54 1.   0.54]
    """
    return _window("HammingWindow", window_length, periodic, dtype, mstype.float32,
                   lambda k, m: alpha - beta * _np.cos(2 * _np.pi * k / m))


def bartlett_window(window_length, periodic=True, *, dtype=None):
    """The Bartlett (triangular) window ``1 − |2k/M − 1|``; Float32 unless `dtype` is given.

    Args:
        window_length (int): The length.
        periodic (bool): Periodic (``M`` the length) or symmetric (one less). Default: ``True``.
        dtype (mindspore.dtype, optional): A float dtype. Default: ``None`` (Float32).

    Returns:
        Tensor of `window_length` values.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.bartlett_window(5, periodic=False))
        [0.  0.5 1.  0.5 0. ]
    """
    return _window("BartlettWindow", _scalar(window_length), periodic, dtype, mstype.float32,
                   lambda k, m: 1 - _np.abs(2 * k / m - 1))


def blackman_window(window_length, periodic=True, *, dtype=None):
    """The Blackman window ``0.42 − 0.5·cos(2πk/M) + 0.08·cos(4πk/M)``; Float32 unless `dtype`
    is given.

    Args:
        window_length (int): The length.
        periodic (bool): Periodic (``M`` the length) or symmetric (one less). Default: ``True``.
        dtype (mindspore.dtype, optional): A float dtype. Default: ``None`` (Float32).

    Returns:
        Tensor of `window_length` values.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.blackman_window(3)[1:].round(2))
        [0.63 0.63]
    """
    return _window("BlackmanWindow", _scalar(window_length), periodic, dtype, mstype.float32,
                   lambda k, m: 0.42 - 0.5 * _np.cos(2 * _np.pi * k / m)
                   + 0.08 * _np.cos(4 * _np.pi * k / m))


def kaiser_window(window_length, periodic=True, beta=12.0, *, dtype=None):
    """The Kaiser window ``I0(β·√(1 − (2k/M − 1)²)) / I0(β)``; Float64 unless `dtype` is given,
    as MindSpore's.

    Args:
        window_length (int): The length.
        periodic (bool): Periodic (``M`` the length) or symmetric (one less). Default: ``True``.
        beta (float): The shape parameter. Default: ``12.0``.
        dtype (mindspore.dtype, optional): A float dtype. Default: ``None`` (Float64).

    Returns:
        Tensor of `window_length` values.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.kaiser_window(3, periodic=False, beta=0.0))
        [1. 1. 1.]
    """
    return _window("KaiserWindow", window_length, periodic, dtype, mstype.float64,
                   lambda k, m: _np.i0(beta * _np.sqrt(_np.clip(1 - (2 * k / m - 1) ** 2, 0, None)))
                   / _np.i0(beta))


def _scalar(v):
    """A window length given as a 0-D or one-element integer Tensor (MindSpore's Bartlett and
    Blackman take those) as an int."""
    if isinstance(v, Tensor) and v.size == 1 and v.dtype in mstype.int_type:
        return int(v.reshape(()).item())
    return v


def channel_shuffle(x, groups):
    """The channels (axis 1) of an ``[N, C, ...]`` tensor regrouped: ``[N, g, C/g, ...]``
    transposed to ``[N, C/g, g, ...]``.

    Args:
        x (Tensor): At least 3-D (MindSpore: more than 3), ``C`` divisible by `groups`.
        groups (int): The number of groups.

    Returns:
        Tensor, of `x`'s shape.

    Examples:
        >>> from mindspore import ops
        >>> print(ops.channel_shuffle(ops.arange(4.0).reshape(1, 4, 1, 1), 2).reshape(-1))
        [0. 2. 1. 3.]
    """
    x = _tensor("ChannelShuffle", "x", x)
    g = _int("ChannelShuffle", "groups", groups)
    if x.ndim < 4 or g <= 0 or x.shape[1] % g:
        raise ShapeError(f"For ChannelShuffle, expect input with > 3 dims and channels divisible "
                         f"by groups, but got shape {list(x.shape)} and groups {g}.")
    n, c = x.shape[0], x.shape[1]
    rest = tuple(x.shape[2:])
    y = x.reshape((n, g, c // g) + rest).swapaxes(1, 2)
    return y.reshape((n, c) + rest)


def pdist(input, p=2.0):  # noqa: A002
    """The `p`-norm distances between the rows of `input` (``[..., N, M]``), each pair once
    (``i < j``, in row order).

    Args:
        input (Tensor): Floats, at least 2-D.
        p (float): The norm's order (non-negative). Default: ``2.0``.

    Returns:
        Tensor of shape ``[..., N(N-1)/2]``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.pdist(ms.Tensor([[0.0, 0.0], [3.0, 4.0], [6.0, 8.0]])))
        [ 5. 10.  5.]
    """
    x = _tensor("Pdist", "input", input)
    if x.ndim < 2 or x.dtype not in mstype.float_type or p < 0:
        raise ShapeError(f"For 'Pdist', 'input' must be a float tensor of at least 2 dims and 'p' "
                         f"non-negative, but got {x.dtype} {list(x.shape)} and p={p}.")
    n = x.shape[-2]
    i, j = _np.triu_indices(n, 1)
    if not i.size:
        return _C.full(tuple(x.shape[:-2]) + (0,), 0, x.dtype)
    d = (x[..., Tensor(i.astype(_np.int64)), :] - x[..., Tensor(j.astype(_np.int64)), :]).abs()
    if p == 0:
        return (d != 0).astype(x.dtype).sum(-1)
    if p == float("inf"):
        return _reduce_max(d, -1, False)
    return (d ** float(p)).sum(-1) ** (1 / float(p))


def _quantile(op, x, q, axis, keepdims, ignore_nan):
    x = _tensor(op, "input", x)
    if x.dtype not in (mstype.float32, mstype.float64):
        raise DTypeError(f"For '{op}', 'input' must be Float32 or Float64, but got {x.dtype}.")
    scalar_q = not isinstance(q, Tensor)
    qt = Tensor([float(q)] if scalar_q else q.asnumpy().reshape(-1).astype(_np.float64))
    qs = qt.asnumpy()
    if ((qs < 0) | (qs > 1)).any() or (not scalar_q and q.ndim > 1):
        raise ShapeError(f"For '{op}', 'q' must be in [0, 1] and at most 1-D, but got {q}.")
    if axis is None:
        x, axis = x.reshape(-1), 0
    axis = _int(op, "axis", axis) % builtins.max(x.ndim, 1)
    s = x.sort(axis)[0]
    n = x.shape[axis]
    if ignore_nan:
        valid = (~x.isnan()).sum(axis, keepdims=True).astype(mstype.float64)
    else:
        valid = _C.full(tuple(1 if a == axis else d for a, d in enumerate(x.shape)), float(n),
                        mstype.float64)
    outs = []
    for qv in qs:
        pos = (valid - 1).clip(0, None) * float(qv)
        lo = pos.floor()
        hi = (lo + 1).clip(None, builtins.max(n - 1, 0))
        frac = (pos - lo).astype(x.dtype)
        a = s.gather_elements(axis, lo.astype(mstype.int64))
        b = s.gather_elements(axis, hi.astype(mstype.int64))
        v = a + (b - a) * frac
        if not ignore_nan:  # a NaN anywhere in the slice makes its quantile NaN
            v = _C.where_(x.isnan().any(axis, keep_dims=True), _C.full((), float("nan"), x.dtype), v)
        else:  # an all-NaN slice
            v = _C.where_(valid == 0, _C.full((), float("nan"), x.dtype), v)
        outs.append(v if keepdims else v.squeeze(axis))
    return outs[0] if scalar_q else _C.stack(outs, 0)


def quantile(input, q, axis=None, keepdims=False):  # noqa: A002
    """The `q`-th quantiles along `axis` (of the flattened input for None), interpolating
    linearly between the sorted values; a slice holding NaN gives NaN.

    Args:
        input (Tensor): Float32 or Float64.
        q (Union[float, Tensor]): Quantiles in [0, 1] (a number or a 1-D Tensor).
        axis (int, optional): The axis. Default: ``None``.
        keepdims (bool): Keep the reduced axis. Default: ``False``.

    Returns:
        Tensor; with a 1-D `q`, its quantiles stacked on a new first axis.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.quantile(ms.Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 7.0]]), 0.5, axis=1))
        [2. 5.]
    """
    return _quantile("Quantile", input, q, axis, keepdims, False)


def nanquantile(input, q, axis=None, keepdims=False):  # noqa: A002
    """``quantile`` ignoring NaNs (an all-NaN slice gives NaN).

    Args:
        input (Tensor): Float32 or Float64.
        q (Union[float, Tensor]): Quantiles in [0, 1] (a number or a 1-D Tensor).
        axis (int, optional): The axis. Default: ``None``.
        keepdims (bool): Keep the reduced axis. Default: ``False``.

    Returns:
        Tensor; with a 1-D `q`, its quantiles stacked on a new first axis.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.nanquantile(ms.Tensor([1.0, float('nan'), 3.0]), 0.5))
        2.0
    """
    return _quantile("Quantile", input, q, axis, keepdims, True)


def clip_by_norm(x, max_norm, norm_type=2.0, error_if_nonfinite=False):
    """`x` (a Tensor, or a list or tuple of them) scaled so that the total `norm_type` norm is at
    most `max_norm` (unchanged when it is below).

    Args:
        x (Union[Tensor, list[Tensor], tuple[Tensor]]): The input(s).
        max_norm (Union[float, int]): The largest total norm.
        norm_type (Union[float, int, str]): The norm's order (``'inf'`` for the largest
            magnitude). Default: ``2.0``.
        error_if_nonfinite (bool): Raise when the total norm is NaN or infinite. Default: ``False``.

    Returns:
        Tensor, or a tuple of Tensors for several inputs.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.clip_by_norm(ms.Tensor([3.0, 4.0]), 1.0).round(4))
        [0.6 0.8]
    """
    single = isinstance(x, Tensor)
    xs = [x] if single else list(x)
    for t in xs:
        _tensor("clip_by_norm", "x", t)
    inf = norm_type in ("inf", float("inf"))
    if inf:
        total = _reduce_max(_C.stack([_reduce_max(t.abs(), None, False).astype(mstype.float32)
                                      for t in xs], 0), None, False)
    else:
        p = float(norm_type)
        total = _C.stack([(t.abs().astype(mstype.float32) ** p).sum() for t in xs], 0).sum() ** (1 / p)
    if error_if_nonfinite and not bool(total.isfinite()):
        raise ComputeError(f"For clip_by_norm, the total norm of order {norm_type} from input is "
                           "non-finite.")
    scale = (float(max_norm) / (total + 1e-6)).clip(None, 1.0)
    out = tuple(t * scale.astype(t.dtype) for t in xs)
    return out[0] if single else out


def soft_shrink(input, lambd=0.5):  # noqa: A002
    """``x − λ`` above ``λ``, ``x + λ`` below ``−λ``, 0 between (MindSpore's older name of
    ``softshrink``).

    Args:
        input (Tensor): Floats.
        lambd (float): λ (non-negative). Default: ``0.5``.

    Returns:
        Tensor, of `input`'s shape.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.soft_shrink(ms.Tensor([1.0, 0.2, -2.0])))
        [ 0.5  0.  -1.5]
    """
    from .nn_func import softshrink
    return softshrink(input, lambd)


def swiglu(input, dim=-1):  # noqa: A002
    """SwiGLU: `input` split in two halves along `dim`, ``silu(a)·b``.

    Args:
        input (Tensor): Floats, of even length along `dim`.
        dim (int): The axis to split. Default: ``-1``.

    Returns:
        Tensor, half as long along `dim`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.swiglu(ms.Tensor([[0.0, 1.0, 2.0, 3.0]])))
        [[0.        2.1931758]]
    """
    x = _tensor("Swiglu", "input", input)
    d = _int("Swiglu", "dim", dim)
    if x.ndim == 0 or not -x.ndim <= d < x.ndim or x.shape[d] % 2:
        raise ShapeError(f"For 'Swiglu', 'input' must have an even length along 'dim', but got "
                         f"shape {list(x.shape)} and dim {d}.")
    a, b = x.chunk(2, d)
    return a * a.sigmoid() * b


def rms_norm(x, gamma, epsilon=1e-6):
    """RMS normalisation over the trailing axes of `gamma`'s rank: ``x / √(mean(x²) + ε) · γ``;
    returns the result and ``1/√(mean(x²) + ε)``, as MindSpore's ``RmsNorm``.

    Args:
        x (Tensor): Floats.
        gamma (Tensor): The scale, of `x`'s trailing shape.
        epsilon (float): ε. Default: ``1e-6``.

    Returns:
        tuple(Tensor, Tensor), the normalised input and the reciprocal RMS (trailing axes kept as 1).

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> y, r = ops.rms_norm(ms.Tensor([[3.0, 4.0]]), ms.Tensor([1.0, 1.0]))
        >>> print(y.round(4))
        [[0.8485 1.1314]]
    """
    x, g = _tensor("RmsNorm", "x", x), _tensor("RmsNorm", "gamma", gamma)
    k = g.ndim
    if k == 0 or k > x.ndim or tuple(x.shape[x.ndim - k:]) != tuple(g.shape):
        raise ShapeError(f"For 'RmsNorm', 'gamma' of shape {list(g.shape)} must be the trailing "
                         f"shape of 'x' ({list(x.shape)}).")
    axes = tuple(range(x.ndim - k, x.ndim))
    rstd = ((x * x).mean(axes, keep_dims=True) + float(epsilon)).rsqrt()
    return x * rstd * g, rstd


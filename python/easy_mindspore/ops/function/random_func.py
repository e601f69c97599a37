"""``mindspore.ops`` random functions with MindSpore's signatures: ``normal``, ``uniform``,
``randint``, ``standard_normal``, the ``*_like`` forms, ``multinomial``, ``shuffle``... Called
eagerly they draw MindSpore's very numbers (its kernels' streams from the seeds
``common.seed`` derives). ``randn``, ``rand``, ``normal``, ``standard_normal``, ``uniform``,
``randint`` and their ``*_like`` forms draw MindSpore's numbers inside a traced ``jit`` function
too, as its graph mode does: the graph keeps the kernel, whose engine state is a Parameter the
graph reads and advances at each run, so that the first run draws what the eager call would and
later runs go on along the kernel's stream (:func:`_launch`). The others draw from the engine's
keyed generator there (``seed`` restarting it). The in-place ``uniform_``, ``normal_``,
``random_`` and ``exponential_`` are reachable here too, as in MindSpore."""
import numpy as _np

from ... import _C
from ..._C import Tensor
from ..._errors import DTypeError, ShapeError
from ...common import dtype as mstype
from ..._jit import tracing as _tracing
from ...common.seed import _eager_seeds, _kernel_seeds

__all__ = ["randn", "rand", "normal", "uniform", "randint", "standard_normal", "rand_like", "randn_like",
           "randint_like", "bernoulli", "multinomial", "randperm", "shuffle"]


def _launch(kernel, seeds, shape):
    """Values of `shape` from MindSpore's `kernel` (a ``_C.GraphKernel``) of `seeds`: a new kernel
    when eager (PyNative makes one per call); inside a traced ``jit`` function a kernel the graph
    keeps — its engine state a Parameter that each run of the graph reads and advances."""
    state = kernel.start(*seeds)
    if not _tracing():
        return kernel.launch(state, shape, False)
    from ...common.parameter import Parameter
    from .. import assign
    state = Parameter(state, name="random_kernel_state", requires_grad=False)
    out = kernel.launch(state, shape, False)
    assign(state, kernel.launch(state, shape, True))
    return out


def _normal(seeds, shape):
    return _launch(_C.GraphKernel.standard_normal(), seeds, shape)


def _uniform_real(seeds, shape):
    return _launch(_C.GraphKernel.uniform_real(), seeds, shape)


def _uniform_int(seeds, low, high, shape):
    return _launch(_C.GraphKernel.uniform_int(low, high), seeds, shape)


def _seed(seed):
    if seed is not None:
        _C.set_seed(seed)


def _seed_arg(op, name, v, lowest):
    """A kernel's seed argument: an int from ``lowest`` (-1: an unpredictable draw) below 2**63."""
    if isinstance(v, bool) or not isinstance(v, (int, _np.integer)):
        raise DTypeError(f"For '{op}', the type of '{name}' must be 'int', but got "
                         f"'{type(v).__name__}'.")
    if not lowest <= v < 2**63:
        allowed = "-1 or a non-negative int" if lowest == -1 else "a non-negative int"
        raise ShapeError(f"For '{op}', '{name}' must be {allowed} below 2**63, but got {v}.")
    return int(v)


def _shape(op, shape):
    if isinstance(shape, Tensor):
        shape = shape.asnumpy().tolist()
    if isinstance(shape, (int, _np.integer)) and not isinstance(shape, bool):
        shape = (int(shape),)
    if not isinstance(shape, (tuple, list)):
        raise DTypeError(f"For '{op}', 'shape' must be a tuple of ints, but got {type(shape).__name__}.")
    for d in shape:
        if isinstance(d, bool) or not isinstance(d, (int, _np.integer)) or d < 0:
            raise ShapeError(f"For '{op}', 'shape' must hold non-negative ints, but got {shape}.")
    return tuple(int(d) for d in shape)


def _sizes(size):
    """The shape of ``randn(*size)``: the sizes, or one tuple or list of them."""
    if len(size) == 1 and isinstance(size[0], (tuple, list)):
        return tuple(size[0])
    return tuple(size)


def randn(*size, dtype=None, seed=None):
    """Samples of the standard normal distribution.

    Args:
        *size (Union[int, tuple[int], list[int]]): The shape.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.
        seed (int, optional): The random seed; None draws from the global generator. Default:
            ``None``.

    Returns:
        Tensor of shape `size`, samples of the standard normal distribution.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.randn(2, 3).shape)
        (2, 3)
    """
    seeds = _kernel_seeds(seed, "randn")  # MindSpore's StandardNormal draws when eager
    if seeds is not None:
        return _normal(seeds, _sizes(size)).astype(dtype or mstype.float32)
    _seed(seed)
    return _C.randn(_sizes(size), dtype)


def rand(*size, dtype=None, seed=None):
    """Samples of the uniform distribution on ``[0, 1)``.

    Args:
        *size (Union[int, tuple[int], list[int]]): The shape.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.
        seed (int, optional): The random seed; None draws from the global generator. Default:
            ``None``.

    Returns:
        Tensor of shape `size`, samples of the uniform distribution on ``[0, 1)``.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.rand(2, 3).shape)
        (2, 3)
    """
    seeds = _kernel_seeds(seed, "rand")  # MindSpore's UniformReal draws when eager
    if seeds is not None:
        return _uniform_real(seeds, _sizes(size)).astype(dtype or mstype.float32)
    _seed(seed)
    return _C.rand(_sizes(size), dtype)


def _like(op, x):
    if not isinstance(x, Tensor):
        raise DTypeError(f"For '{op}', 'input' must be a Tensor, but got {type(x).__name__}.")
    return tuple(x.shape)


def _float_operand(v):
    if isinstance(v, Tensor):
        return v if v.dtype in mstype.float_type else v.astype(mstype.float32)
    return Tensor(float(v), mstype.float32)


def normal(shape, mean, stddev, seed=None):
    """``ops.normal``: samples of ``N(mean, stddev²)`` of ``shape`` broadcast with the shapes of
    ``mean`` and ``stddev`` (numbers or tensors); Float32 unless they are Float64.

    Args:
        shape (Union[tuple[int], list[int]]): The shape.
        mean (Union[Tensor, float]): The mean.
        stddev (Union[Tensor, float]): The standard deviation.
        seed (int, optional): The random seed; None draws from the global generator. Default:
            ``None``.

    Returns:
        Tensor, of `shape` broadcast with the shapes of `mean` and `stddev`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.normal((2, 3), 0.0, 1.0, seed=1).shape)
        (2, 3)
    """
    shape = _shape("normal", shape)
    mean, stddev = _float_operand(mean), _float_operand(stddev)
    out = _np.broadcast_shapes(shape, tuple(mean.shape), tuple(stddev.shape))
    dtype = mstype.float64 if mstype.float64 in (mean.dtype, stddev.dtype) else mstype.float32
    seeds = _kernel_seeds(seed, "normal")
    if seeds is not None:  # MindSpore's StandardNormal draws `shape`, then `z * stddev + mean`
        return _normal(seeds, shape) * stddev + mean
    _seed(seed)
    return (_C.randn(out, dtype) * stddev + mean).astype(dtype)


def standard_normal(shape, seed=None):
    """``ops.standard_normal``: ``N(0, 1)`` samples of ``shape``.

    Args:
        shape (Union[tuple[int], list[int]]): The shape.
        seed (int, optional): The op's random seed (with the global seed, it fixes the draws).
            Default: ``None``.

    Returns:
        Tensor of shape `shape`, Float32.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.standard_normal((2, 3)).shape)
        (2, 3)
    """
    shape = _shape("StandardNormal", shape)
    seeds = _kernel_seeds(seed, "standard_normal")
    if seeds is not None:
        return _normal(seeds, shape)
    _seed(seed)
    return _C.randn(shape, mstype.float32)


def uniform(shape, minval, maxval, seed=None, dtype=mstype.float32):
    """``ops.uniform``: samples uniform in ``[minval, maxval)`` of ``shape`` (broadcast with the
    bounds); integers for an int ``dtype`` (Int32/Int64), floats otherwise.

    Args:
        shape (tuple[int]): The shape.
        minval (Union[Tensor, float]): The lowest value (inclusive).
        maxval (Union[Tensor, float]): The highest value (exclusive).
        seed (int, optional): The random seed; None draws from the global generator. Default:
            ``None``.
        dtype (mindspore.dtype, optional): Float32 or an integer dtype. Default: ``mstype.float32``.

    Returns:
        Tensor, of `shape` broadcast with the shapes of `minval` and `maxval`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.uniform((2, 3), ms.Tensor(0.0), ms.Tensor(1.0), seed=1).shape)
        (2, 3)
    """
    shape = _shape("uniform", shape)
    lo = minval if isinstance(minval, Tensor) else Tensor(minval)
    hi = maxval if isinstance(maxval, Tensor) else Tensor(maxval)
    out = _np.broadcast_shapes(shape, tuple(lo.shape), tuple(hi.shape))
    seeds = _kernel_seeds(seed, "uniform") if dtype in (mstype.float32, mstype.int32) else None
    if seeds is not None and dtype == mstype.int32 and lo.ndim == 0 and hi.ndim == 0:
        if lo.dtype not in (mstype.int32, mstype.int64) or hi.dtype not in (mstype.int32, mstype.int64):
            raise DTypeError(f"For 'uniform', an int dtype needs int 'minval' and 'maxval', but got "
                             f"{lo.dtype} and {hi.dtype}.")
        return _uniform_int(seeds, int(lo), int(hi), shape).astype(dtype)
    if seeds is not None and dtype == mstype.float32:  # UniformReal, then `u * (max - min) + min`
        lo32, hi32 = lo.astype(dtype), hi.astype(dtype)
        return _uniform_real(seeds, shape) * (hi32 - lo32) + lo32
    _seed(seed)
    if dtype in (mstype.int32, mstype.int64):
        if lo.dtype not in (mstype.int32, mstype.int64) or hi.dtype not in (mstype.int32, mstype.int64):
            raise DTypeError(f"For 'uniform', an int dtype needs int 'minval' and 'maxval', but got "
                             f"{lo.dtype} and {hi.dtype}.")
        u = _C.rand(out, mstype.float64)
        span = (hi - lo).astype(mstype.float64)
        return ((u * span).floor() + lo.astype(mstype.float64)).astype(dtype)
    if dtype not in mstype.float_type:
        raise DTypeError(f"For 'uniform', 'dtype' must be a float or int32/int64 type, got {dtype}.")
    u = _C.rand(out, dtype)
    return u * (hi.astype(dtype) - lo.astype(dtype)) + lo.astype(dtype)


def randint(low, high, size, seed=None, *, dtype=None):
    """``ops.randint``: integers uniform in ``[low, high)`` of shape ``size`` (Int64 by default).

    Args:
        low (int): The lowest value (inclusive).
        high (int): The highest value (exclusive).
        size (Union[int, tuple[int], list[int]]): The shape.
        seed (int, optional): The random seed; None draws from the global generator. Default:
            ``None``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor of shape `size`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> print(ops.randint(0, 10, (2, 3)).shape)
        (2, 3)
    """
    return _randint("randint", low, high, _shape("randint", size), seed, dtype)


def _randint(kernel_name, low, high, shape, seed, dtype):
    """``randint`` and ``randint_like``: MindSpore's UniformInt draws when called eagerly."""
    from ... import randint as _engine_randint
    seeds = _kernel_seeds(seed, kernel_name)
    if seeds is None:
        _seed(seed)
        return _engine_randint(low, high, shape, dtype)
    for name, v in (("low", low), ("high", high)):
        if isinstance(v, bool) or not isinstance(v, (int, _np.integer)):
            raise DTypeError(f"For '{kernel_name}', '{name}' must be an int, but got {type(v)}.")
    out = _uniform_int(seeds, int(low), int(high), shape)
    return out if dtype is None or dtype == mstype.int64 else out.astype(dtype)


def rand_like(input, seed=None, *, dtype=None):  # noqa: A002 - MindSpore's argument name
    """``ops.rand_like``: uniform ``[0, 1)`` samples of ``input``'s shape.

    Args:
        input (Tensor): The input tensor.
        seed (int, optional): The random seed; None draws from the global generator. Default:
            ``None``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.rand_like(x).shape)
        (3,)
    """
    shape = _like("rand_like", input)
    seeds = _kernel_seeds(seed, "rand_like")
    if seeds is not None:
        return _uniform_real(seeds, shape).astype(input.dtype if dtype is None else dtype)
    _seed(seed)
    return _C.rand(shape, (input.dtype if dtype is None else dtype))


def randn_like(input, seed=None, *, dtype=None):  # noqa: A002
    """``ops.randn_like``: ``N(0, 1)`` samples of ``input``'s shape.

    Args:
        input (Tensor): The input tensor.
        seed (int, optional): The random seed; None draws from the global generator. Default:
            ``None``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([-1.5, 0.0, 2.5], ms.float32)
        >>> print(ops.randn_like(x).shape)
        (3,)
    """
    shape = _like("randn_like", input)
    seeds = _kernel_seeds(seed, "randn_like")
    if seeds is not None:
        return _normal(seeds, shape).astype(input.dtype if dtype is None else dtype)
    _seed(seed)
    return _C.randn(shape, (input.dtype if dtype is None else dtype))


def randint_like(input, low, high, seed=None, *, dtype=None):  # noqa: A002
    """``ops.randint_like``: integers in ``[low, high)`` of ``input``'s shape.

    Args:
        input (Tensor): The input tensor.
        low (int): The lowest value (inclusive).
        high (int): The highest value (exclusive).
        seed (int, optional): The random seed; None draws from the global generator. Default:
            ``None``.
        dtype (mindspore.dtype, optional): The dtype of the result; None keeps the natural one.
            Default: ``None``.

    Returns:
        Tensor, of the shape of `input`.

    Examples:
        >>> import mindspore as ms
        >>> from mindspore import ops
        >>> x = ms.Tensor([[1, 2, 3], [4, 5, 6]], ms.int32)
        >>> print(ops.randint_like(x, 0, 10).shape)
        (2, 3)
    """
    shape = _like("randint_like", input)
    dtype = input.dtype if dtype is None else dtype
    if dtype not in mstype.int_type + mstype.uint_type:
        raise ShapeError(f"For 'randint_like', the 'dtype' must be an int type, but got {dtype}.")
    return _randint("randint_like", low, high, shape, seed, dtype)


def bernoulli(input, p=0.5, seed=None):  # noqa: A002
    """``ops.bernoulli``: 1 with probability ``p`` (a number or a tensor broadcast to ``input``'s
    shape), else 0, of ``input``'s shape and dtype.

    Args:
        input (Tensor): The input tensor.
        p (Union[float, Tensor], optional): The probability of a 1. Default: ``0.5``.
        seed (int, optional): The random seed; None draws from the global generator. Default:
            ``None``.

    Returns:
        Tensor of the shape and dtype of `input`, of zeros and ones.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.bernoulli(ops.zeros(3), 1.0))
        [1. 1. 1.]
    """
    shape = _like("bernoulli", input)
    if isinstance(p, Tensor):
        prob = p.astype(mstype.float64)
    elif isinstance(p, bool) or not isinstance(p, (int, float, _np.number)):
        raise DTypeError(f"For 'bernoulli', 'p' must be a float or a Tensor, but got {type(p).__name__}.")
    else:
        prob = float(p)
    if not isinstance(p, Tensor) and not 0.0 <= prob <= 1.0:
        raise ShapeError(f"For 'bernoulli', 'p' must be in [0, 1], but got {p}.")
    seed = -1 if seed is None else _seed_arg("bernoulli", "seed", seed, -1)
    if seed != -1 and not _tracing():
        # MindSpore's kernel for this seed and these shapes (cached, as MindSpore caches it)
        probs = [float(prob)] if not isinstance(p, Tensor) else \
            p.astype(mstype.float32).broadcast_to(shape).asnumpy().ravel().tolist()
        key = (int(seed), shape, None if not isinstance(p, Tensor) else tuple(p.shape))
        kernel = _BERNOULLI.pop(key, None) or _C.BernoulliKernel(int(seed))
        _BERNOULLI[key] = kernel
        while len(_BERNOULLI) > 256:
            _BERNOULLI.pop(next(iter(_BERNOULLI)))
        return kernel.launch(probs, shape).astype(input.dtype)
    return (_C.rand(shape, mstype.float64) < prob).astype(input.dtype)


_BERNOULLI = {}  # (seed, shape, p's shape) -> MindSpore's kernel, most recently used last


def multinomial(input, num_samples, replacement=True, seed=None):  # noqa: A002
    """``ops.multinomial``: ``num_samples`` Int32 class indices per row of the non-negative weights
    ``input`` (``[C]`` or ``[N, C]``), drawn by the inverse of the cumulative distribution (with
    replacement) or as the ``num_samples`` largest Gumbel-perturbed log-weights (without).

    Args:
        input (Tensor): The non-negative weights, 1-D or 2-D.
        num_samples (int): The number of samples per row.
        replacement (bool, optional): Whether to sample with replacement. Default: ``True``.
        seed (int, optional): The random seed; None draws from the global generator. Default:
            ``None``.

    Returns:
        Tensor of Int32, `num_samples` indices per row of `input`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.multinomial(Tensor([0.0, 1.0]), 2))
        [1 1]
    """
    if not isinstance(input, Tensor):
        raise DTypeError(f"For 'multinomial', 'input' must be a Tensor, but got {type(input).__name__}.")
    if input.ndim not in (1, 2):
        raise ShapeError(f"For 'multinomial', 'input' must be 1-D or 2-D, but got shape {list(input.shape)}.")
    if isinstance(num_samples, bool) or not isinstance(num_samples, (int, _np.integer)) or num_samples <= 0:
        raise ShapeError(f"For 'multinomial', 'num_samples' must be a positive int, but got {num_samples!r}.")
    w = input.astype(mstype.float64).reshape(-1, input.shape[-1])
    n, c = w.shape
    if not input._is_traced:
        v = w.asnumpy()
        if (v < 0).any() or not _np.isfinite(v).all() or (v.sum(1) <= 0).any():
            raise ShapeError("For 'multinomial', the weights must be finite, non-negative and have a "
                             "positive sum in each row.")
        if not replacement and ((v > 0).sum(1) < num_samples).any():
            raise ShapeError(f"For 'multinomial', cannot draw {num_samples} samples without "
                             f"replacement from fewer nonzero weights.")
    seeds = _eager_seeds(seed, "multinomial")
    if seeds is not None:
        return _ms_multinomial(seeds, input, int(num_samples), replacement)
    _seed(seed)
    if replacement:
        cdf = w.cumsum(1) / w.sum(1, None, True)
        u = _C.rand((n, int(num_samples)), mstype.float64)
        idx = (cdf.reshape(n, 1, c) <= u.reshape(n, int(num_samples), 1)).astype(mstype.int32).sum(2)
        out = _C.minimum(idx, c - 1)
    else:
        u = _C.rand((n, c), mstype.float64)
        keys = _C.where_(w > 0, w.log() - (-(u * (1 - 1e-12) + 1e-300).log()).log(),
                         Tensor(float("-inf"), mstype.float64))
        out = _C.topk(keys, int(num_samples), -1, True)[1]
    out = out.astype(mstype.int32)
    return out.reshape(-1) if input.ndim == 1 else out


def _ms_multinomial(seeds, input, num_samples, replacement):  # noqa: A002
    """MindSpore's draws: with replacement its Multinomial kernel; without, the ``num_samples``
    largest ``log(u) / (p + 1e-6)`` of UniformReal draws ``u`` (ties to the lower index)."""
    probs = input.astype(mstype.float32)
    if replacement:
        return _C.KernelStream(*seeds).multinomial(probs, num_samples).astype(mstype.int32)
    u = _uniform_real(seeds, tuple(probs.shape))
    keys = u.log() / (probs + 1e-6)
    return _C.topk(keys, num_samples, -1, True)[1].astype(mstype.int32)


def randperm(n, seed=0, offset=0, dtype=mstype.int64):
    """``ops.randperm``: a random permutation of ``0 .. n-1``, MindSpore's: ``std::shuffle`` with
    a Mersenne Twister seeded with ``offset`` when nonzero, else with ``seed`` (the global seed
    plays no part: ``randperm(n)`` is always the same permutation); ``seed=-1`` draws afresh.

    Args:
        n (int): The length of the permutation.
        seed (int, optional): The random seed (-1: an unpredictable permutation). Default: ``0``.
        offset (int, optional): When nonzero, the seed instead. Default: ``0``.
        dtype (mindspore.dtype, optional): The dtype of the result. Default: ``mstype.int64``.

    Returns:
        Tensor of shape ``[n]``.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(sorted(ops.randperm(4, seed=1).asnumpy().tolist()))
        [0, 1, 2, 3]
    """
    if isinstance(n, bool) or not isinstance(n, (int, _np.integer)) or n < 0:
        raise ShapeError(f"For 'randperm', 'n' must be a non-negative int, but got {n!r}.")
    if dtype not in mstype.int_type + mstype.uint_type + mstype.float_type:
        raise DTypeError(f"For 'randperm', 'dtype' must be a number type, but got {dtype}.")
    seed = _seed_arg("RandpermV2", "seed", seed, -1)
    offset = _seed_arg("RandpermV2", "offset", offset, 0)
    if not _tracing() and (seed != -1 or offset):
        # MindSpore's RandpermV2: std::shuffle with mt19937(offset or seed); set_seed plays no part
        return _C.ms_randperm(offset or seed, int(n)).astype(dtype)
    if n == 0:
        return _C.full((0,), 0, dtype)
    return _C.sort(_C.rand((int(n),), mstype.float64), 0, False)[1].astype(dtype)


def shuffle(x, seed=None):
    """``ops.shuffle``: ``x`` with its first axis in a random order.

    Args:
        x (Tensor): The input tensor.
        seed (int, optional): The random seed; None draws from the global generator. Default:
            ``None``.

    Returns:
        Tensor, of the shape and dtype of `x`.

    Examples:
        >>> from easy_mindspore import Tensor, ops
        >>> print(ops.shuffle(ops.zeros((3, 2))).shape)
        (3, 2)
    """
    if not isinstance(x, Tensor):
        raise DTypeError(f"For 'shuffle', 'x' must be a Tensor, but got {type(x).__name__}.")
    if x.ndim == 0:
        return x
    seeds = _eager_seeds(seed, "shuffle")
    if seeds is not None:  # MindSpore's RandomShuffle: std::shuffle of the first axis
        return x[Tensor(_C.KernelStream(*seeds).shuffle_order(x.shape[0]), mstype.int64)]
    return x[randperm(x.shape[0], seed or 0)]


# The in-place random functions, which MindSpore 2.10 defines here (its examples call
# ``random_func.uniform_``), live in ``_ext_func``; they are read from there when asked for, so
# that this module gives the same (error-naming) functions as ``ops``.
_IN_PLACE = ("uniform_", "normal_", "random_", "exponential_")


def _in_place(name):
    if name in _IN_PLACE:
        from . import _ext_func
        return getattr(_ext_func, name)
    raise AttributeError(f"module 'mindspore.ops.function.random_func' has no attribute '{name}'")


# and MindSpore 2.10's names of this module defined elsewhere in the package (``_module_names``)
from ._module_names import forwarder as _forwarder  # noqa: E402

__getattr__ = _forwarder("random_func", _in_place)

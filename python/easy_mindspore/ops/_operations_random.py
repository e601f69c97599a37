"""``mindspore.ops.operations``, the random-draw and fractional-pooling primitive classes (re-exported
by ``operations``): ``Gamma`` ... ``RandpermV2``, ``FractionalMaxPoolWithFixedKsize`` and its 3-D
form, and TensorFlow's ``FractionalMaxPool``/``FractionalAvgPool``. Constructor arguments are
attributes, checked when the primitive is built where MindSpore 2.10 checks them there.

Seeds: ``RandomShuffle`` and ``RandomChoiceWithMask`` with ``seed``/``seed2`` not both 0 draw
MindSpore's numbers, from its kernel of ``(seed, seed2)`` kept by the instance (see ``_seeded``);
the other primitives with seeds own a NumPy generator seeded by them on its first call, so a new
instance repeats its draws and later calls continue them (MindSpore's kernels keep such a state
too); with both 0 they draw from the global generator (``mindspore.set_seed`` makes that
reproducible). ``Bernoulli``, ``RandpermV2`` and ``MultinomialWithReplacement`` take
``(seed, offset)`` and, as in MindSpore, repeat the same draw at every call. The draws cannot equal
MindSpore's there (another generator); their distributions do. The pooling sequences of
``FractionalMaxPool``/``FractionalAvgPool`` are MindSpore's bit for bit: its CPU kernel seeds a
fresh ``std::default_random_engine`` (minstd_rand0) per axis and uses libstdc++'s
``generate_canonical`` and ``shuffle``, reproduced here.

Where MindSpore 2.10's CPU has no kernel (``Gamma``, ``Poisson``, ``ComputeAccidentalHits``) or a
wrong one (noted at ``LogNormalReverse``, ``ParameterizedTruncatedNormal``,
``FractionalMaxPool3DWithFixedKsize``), the documented behaviour; its errors at run time
(RuntimeError) are ValueErrors here."""
import math

import numpy as _np

from . import functional as F
from .._C import Tensor
from .._errors import DTypeError, ShapeError
from ..common import dtype as mstype
from ._operations_four import _REQUIRED, _attrs, _document, _tensor
from ._operations_six import _bool, _choice, _int, _typed
from .function._fractional_pool import _pool
from .function._misc_func import _generator
from .._jit import tracing
from ._seeded import seeds_of, stream

__all__ = ["Gamma", "Poisson", "RandomGamma", "RandomPoisson", "Bernoulli", "Cauchy",
           "LogNormalReverse", "RandomShuffle", "RandomChoiceWithMask", "MultinomialWithReplacement",
           "UniformCandidateSampler", "LogUniformCandidateSampler", "ComputeAccidentalHits",
           "ParameterizedTruncatedNormal", "NonDeterministicInts", "RandpermV2",
           "FractionalMaxPoolWithFixedKsize", "FractionalMaxPool3DWithFixedKsize",
           "FractionalMaxPool", "FractionalAvgPool"]

_FLOATS = (mstype.float16, mstype.float32, mstype.float64)
_INDEX = (mstype.int32, mstype.int64)
# The most elements a draw may have (MindSpore fails on larger ones for lack of memory).
_MAX_ELEMENTS = 2**26
_FLT_MAX = float(_np.finfo(_np.float32).max)


# --- checks and generators ------------------------------------------------------------------------

def _nonneg_int(op, name, v):
    v = _int(op, name, v)
    if v < 0:
        raise ShapeError(f"For '{op}', '{name}' must be >= 0, but got {v}.")
    return v


def _positive_int(op, name, v):
    v = _int(op, name, v)
    if v <= 0:
        raise ShapeError(f"For '{op}', '{name}' must be > 0, but got {v}.")
    return v


def _exact_float(op, name, v):
    """A Python float (MindSpore rejects an int here)."""
    if not isinstance(v, (float, _np.floating)):
        raise DTypeError(f"For '{op}', '{name}' must be a float, but got {type(v).__name__}.")
    return float(v)


def _count(op, dims):
    n = int(_np.prod(dims, dtype=object)) if dims else 1
    if n > _MAX_ELEMENTS:
        raise ShapeError(f"For '{op}', the output of shape {tuple(dims)} has {n} elements, more than "
                         f"{_MAX_ELEMENTS}.")
    return dims


def _shape_tuple(op, shape):
    """A constant ``shape`` tuple of positive ints (``Gamma``, ``Poisson``)."""
    if not isinstance(shape, tuple):
        raise DTypeError(f"For '{op}', 'shape' must be a tuple, but got {type(shape).__name__}.")
    return _count(op, tuple(_positive_int(op, f"shape[{i}]", d) for i, d in enumerate(shape)))


def _shape_tensor(op, shape, dtypes=_INDEX, min_len=0):
    """A 1-D integer Tensor ``shape`` of positive entries, as a tuple."""
    shape = _typed(op, "shape", shape, dtypes)
    if shape.ndim != 1 or shape.shape[0] < min_len:
        raise ShapeError(f"For '{op}', 'shape' must be a 1-D Tensor of at least {min_len} elements, "
                         f"but got shape {tuple(shape.shape)}.")
    dims = tuple(int(d) for d in shape.asnumpy())
    if any(d <= 0 for d in dims):
        raise ShapeError(f"For '{op}', 'shape' must hold positive values, but got {list(dims)}.")
    return _count(op, dims)


def _broadcast(op, *shapes):
    try:
        return _count(op, tuple(_np.broadcast_shapes(*[tuple(s) for s in shapes])))
    except ValueError:
        raise ShapeError(f"For '{op}', the shapes {[tuple(s) for s in shapes]} cannot be "
                         f"broadcast.") from None


def _check_seeds(op, self, names=("seed", "seed2")):
    """MindSpore's checks of a random primitive's seeds: ints >= 0."""
    from ._seeded import check_seed
    for name in names:
        check_seed(op, name, getattr(self, name))


def _check_seed_types(op, self, names=("seed", "seed2")):
    """MindSpore's checks of the seeds of ``RandomPoisson`` and ``RandomChoiceWithMask``: ints."""
    for name in names:
        value = getattr(self, name)
        if isinstance(value, bool) or not isinstance(value, int):
            raise DTypeError(f"For '{op}', the type of '{name}' should be 'int', but got type "
                             f"'{type(value).__name__}'.")


def _stream(self, seeds):
    """The instance's generator, seeded by `seeds` on first use, or the global one (all 0)."""
    if not any(seeds):
        return _generator(None)
    if getattr(self, "_rng", None) is None:
        self._rng = _np.random.default_rng([int(s) for s in seeds])
    return self._rng


def _stateless(seed, offset):
    """The same generator at every call for ``(seed, offset)``; a seed of -1 draws a random one."""
    return _generator(None) if seed < 0 else _np.random.default_rng([int(seed), int(offset)])


def _with_check(cls, check):
    """`cls` whose constructor runs ``check(self)`` on the kept attributes."""
    init = cls.__init__

    def __init__(self, *args, **kwargs):
        init(self, *args, **kwargs)
        check(self)
    __init__.__signature__ = init.__signature__
    cls.__init__ = __init__
    return cls


# --- Gamma, Poisson and their Random* forms -----------------------------------------------------

def _gamma(self, shape, alpha, beta):
    op = "Gamma"
    dims = _shape_tuple(op, shape)
    alpha, beta = (_typed(op, n, v, (mstype.float32,)) for n, v in (("alpha", alpha), ("beta", beta)))
    out = _broadcast(op, dims, alpha.shape, beta.shape)
    a, b = (_np.broadcast_to(t.asnumpy().astype(_np.float64), out) for t in (alpha, beta))
    if (a <= 0).any() or (b <= 0).any():
        raise ShapeError(f"For '{op}', 'alpha' and 'beta' must be positive.")
    # The density exp(−x·β)·x^(α−1)·β^α/Γ(α): β is the rate (mean α/β), as ``ops.gamma``.
    return Tensor((_stream(self, (self.seed, self.seed2)).gamma(a) / b).astype(_np.float32))


def _poisson(self, shape, mean):
    op = "Poisson"
    dims = _shape_tuple(op, shape)
    mean = _typed(op, "mean", mean, (mstype.float32,))
    m = _np.broadcast_to(mean.asnumpy().astype(_np.float64), _broadcast(op, dims, mean.shape))
    if (m <= 0).any():
        raise ShapeError(f"For '{op}', 'mean' must be positive.")
    return Tensor(_stream(self, (self.seed, self.seed2)).poisson(m).astype(_np.int32))


def _random_gamma(self, shape, alpha):
    op = "RandomGamma"
    dims = _shape_tensor(op, shape)
    alpha = _typed(op, "alpha", alpha, _FLOATS)
    a = alpha.asnumpy().astype(_np.float64)
    if (a <= 0).any():
        raise ShapeError(f"For '{op}', 'alpha' must be positive.")
    out = _count(op, dims + tuple(alpha.shape))
    draws = _stream(self, (self.seed, self.seed2)).gamma(_np.broadcast_to(a, out))
    return Tensor(_np.asarray(draws)).astype(alpha.dtype)


def _random_poisson(self, shape, rate):
    op = "RandomPoisson"
    dims = _shape_tensor(op, shape)
    rate = _typed(op, "rate", rate, _FLOATS + _INDEX)
    r = rate.asnumpy().astype(_np.float64)
    if (r < 0).any() or not _np.isfinite(r).all():
        raise ShapeError(f"For '{op}', 'rate' must be finite and non-negative.")
    out = _count(op, dims + tuple(rate.shape))
    draws = _stream(self, (self.seed, self.seed2)).poisson(_np.broadcast_to(r, out))
    return Tensor(_np.asarray(draws, _np.float64)).astype(self.dtype)


def _check_random_poisson(self):
    _check_seed_types("RandomPoisson", self)
    if self.dtype not in (mstype.int64, mstype.int32) + _FLOATS:
        raise DTypeError(f"For 'RandomPoisson', 'dtype' must be one of int64, int32, float16, float32 "
                         f"or float64, but got {self.dtype!r}.")


# --- Bernoulli, Cauchy, LogNormalReverse, RandomShuffle -----------------------------------------

def _check_bernoulli(self):
    seed, _ = _int("Bernoulli", "seed", self.seed), _int("Bernoulli", "offset", self.offset)
    if seed < -1:
        raise ShapeError(f"For 'Bernoulli', 'seed' must be -1 or a non-negative int, but got {seed}.")


def _bernoulli(self, x, p=0.5):
    # MindSpore 2.10 requires `p` at the call; its documented default 0.5 is taken here.
    op = "Bernoulli"
    x = _tensor(op, "x", x)
    if isinstance(p, Tensor):
        prob = p.asnumpy().astype(_np.float64)
        if prob.size != 1 and tuple(p.shape) != tuple(x.shape):
            raise ShapeError(f"For '{op}', 'p' must have the shape of 'x' {tuple(x.shape)} or one "
                             f"element, but got shape {tuple(p.shape)}.")
        prob = prob.reshape(-1)[0] if prob.size == 1 else prob
    else:
        if isinstance(p, bool) or not isinstance(p, (int, float, _np.integer, _np.floating)):
            raise DTypeError(f"For '{op}', 'p' must be a float or a Tensor, but got {type(p).__name__}.")
        prob = float(p)
    if not ((_np.asarray(prob) >= 0) & (_np.asarray(prob) <= 1)).all():
        raise ShapeError(f"For '{op}', 'p' must be in [0, 1], but got {_np.asarray(prob).tolist()}.")
    draws = _stateless(self.seed, self.offset).random(_count(op, tuple(x.shape))) < prob
    return Tensor(draws).astype(x.dtype)


def _check_cauchy(self):
    op = "Cauchy"
    _exact_float(op, "median", self.median)
    _exact_float(op, "sigma", self.sigma)
    if not isinstance(self.size, list):
        raise DTypeError(f"For '{op}', 'size' must be a list, but got {type(self.size).__name__}.")
    if not self.size:
        raise ShapeError(f"For '{op}', 'size' must not be empty.")
    _count(op, tuple(_positive_int(op, f"size[{i}]", d) for i, d in enumerate(self.size)))


def _cauchy(self):
    # median + sigma·tan(π(u − ½)); a negative sigma gives the same distribution, as in MindSpore.
    u = _generator(None).random(tuple(self.size))
    return Tensor((self.median + self.sigma * _np.tan(_np.pi * (u - 0.5))).astype(_np.float32))


def _check_log_normal(self):
    _exact_float("LogNormalReverse", "mean", self.mean)
    _exact_float("LogNormalReverse", "std", self.std)


def _log_normal_reverse(self, input):  # noqa: A002
    op = "LogNormalReverse"
    x = _typed(op, "input", input, _FLOATS)
    # exp(N(mean, std²)). MindSpore 2.10's CPU kernel keeps the mean and std of the first instance
    # that ran for later instances; each instance's own are used here.
    z = _generator(None).standard_normal(tuple(x.shape))
    return Tensor(_np.exp(self.mean + self.std * z)).astype(x.dtype)


def _random_shuffle(self, x):
    x = _tensor("RandomShuffle", "x", x)
    if x.ndim == 0 or x.shape[0] < 2:
        return x
    seeds = seeds_of(self)
    if seeds is not None and not tracing():  # MindSpore's kernel, one per input shape and dtype
        perm = stream(self, seeds, (tuple(x.shape), x.dtype)).shuffle_order(x.shape[0])
    else:
        perm = _stream(self, (self.seed, self.seed2)).permutation(x.shape[0])
    return F.gather(x, Tensor(_np.asarray(perm, _np.int64)), 0)


# --- choices and multinomials ---------------------------------------------------------------------

def _check_choice(self):
    _positive_int("RandomChoiceWithMask", "count", self.count)
    _check_seed_types("RandomChoiceWithMask", self)


def _choice_with_mask(self, input_x):
    op = "RandomChoiceWithMask"
    x = _typed(op, "input_x", input_x, (mstype.bool_,))
    if not 1 <= x.ndim <= 5:
        raise ShapeError(f"For '{op}', 'input_x' must have rank 1 to 5, but got {x.ndim}.")
    count = _count(op, (self.count, x.ndim))[0]
    mask = x.asnumpy()
    positions = _np.argwhere(mask)
    seeds = seeds_of(self) if self.seed >= 0 and self.seed2 >= 0 else None
    if seeds is not None and not tracing():
        # MindSpore's kernel shuffles the True positions; it keeps one kernel per input value.
        key = (mask.shape, mask.tobytes())
        order = _np.asarray(stream(self, seeds, key).shuffle_order(len(positions)), _np.int64)[:count]
    else:
        order = _stream(self, (max(self.seed, 0), max(self.seed2, 0))).permutation(len(positions))[:count]
    index = _np.zeros((count, x.ndim), _np.int32)
    index[:len(order)] = positions[order]
    return Tensor(index), Tensor(_np.arange(count) < len(order))


def _check_multinomial(self):
    _nonneg_int("MultinomialWithReplacement", "numsamples", self.numsamples)
    _bool("MultinomialWithReplacement", "replacement", self.replacement)


def _multinomial_with_replacement(self, x, seed, offset):
    op = "MultinomialWithReplacement"
    x = _typed(op, "x", x, _FLOATS)
    seed, offset = (int(_typed(op, n, v, (mstype.int64,)).asnumpy().reshape(-1)[0])
                    for n, v in (("seed", seed), ("offset", offset)))
    if x.ndim not in (1, 2) or x.shape[-1] == 0:
        raise ShapeError(f"For '{op}', 'x' must be 1-D or 2-D with classes, but got shape "
                         f"{tuple(x.shape)}.")
    w = x.asnumpy().astype(_np.float64).reshape(-1, x.shape[-1])
    n = self.numsamples
    if n <= 0 or (not self.replacement and n > w.shape[1]):
        raise ShapeError(f"For '{op}', 'numsamples' must be positive (and at most the {w.shape[1]} "
                         f"classes without replacement), but got {n}.")
    if not _np.isfinite(w).all() or (w < 0).any() or (w.sum(1) <= 0).any():
        raise ShapeError(f"For '{op}', 'x' must be finite and non-negative, each row of positive sum.")
    _count(op, (w.shape[0], n))
    rng = _stateless(-1 if seed == 0 and offset == 0 else seed, offset)
    if self.replacement:
        out = _np.stack([rng.choice(w.shape[1], n, p=row / row.sum()) for row in w])
    else:
        # The n largest Gumbel-perturbed log-weights; zero weights come last, lowest index first.
        keys = _np.where(w > 0, _np.log(_np.where(w > 0, w, 1)) + rng.gumbel(size=w.shape), -_np.inf)
        out = _np.argsort(-keys, axis=1, kind="stable")[:, :n]
    out = out.astype(_np.int64)
    return Tensor(out.reshape(-1) if x.ndim == 1 else out)


# --- candidate samplers (TensorFlow's rules, as MindSpore's kernels) ----------------------------

def _check_sampler(op):
    def check(self):
        for name in ("num_true", "num_sampled", "range_max"):
            _positive_int(op, name, getattr(self, name))
        _bool(op, "unique", self.unique)
        _nonneg_int(op, "seed", self.seed)
        if op == "UniformCandidateSampler":
            _bool(op, "remove_accidental_hits", self.remove_accidental_hits)
        if self.unique and self.num_sampled > self.range_max:
            raise ShapeError(f"For '{op}', 'num_sampled' must be at most 'range_max' {self.range_max} "
                             f"when 'unique', but got {self.num_sampled}.")
        _count(op, (self.num_sampled,))
    return check


def _expected_count(p, num_sampled, tries):
    """TensorFlow's expected count of a class of probability `p` among `num_sampled` samples
    drawn in `tries` tries: ``p·num_sampled`` when no draw was rejected, else
    ``1 − (1 − p)^tries``."""
    if tries == num_sampled:
        return p * num_sampled
    return -_np.expm1(tries * _np.log1p(-p))


def _sampler(op, dtypes, draw, probability):
    """A candidate sampler's call: `draw(rng, k, range_max)` gives k classes, `probability(k,
    range_max)` their probabilities."""
    def call(self, true_classes):
        t = _typed(op, "true_classes", true_classes, dtypes)
        if t.ndim != 2 or t.shape[1] != self.num_true:
            raise ShapeError(f"For '{op}', 'true_classes' must have shape (batch_size, num_true="
                             f"{self.num_true}), but got {tuple(t.shape)}.")
        rng = _stream(self, (self.seed,))
        if self.unique:
            seen, tries = {}, 0
            while len(seen) < self.num_sampled:
                for k in draw(rng, self.num_sampled - len(seen), self.range_max):
                    tries += 1
                    seen.setdefault(int(k), None)
            sampled = _np.array(list(seen), _np.int64)
        else:
            sampled, tries = draw(rng, self.num_sampled, self.range_max), self.num_sampled
        counts = [_expected_count(probability(v, self.range_max), self.num_sampled, tries)
                  for v in (t.asnumpy(), sampled)]
        return (Tensor(sampled.astype(_np.int64)).astype(t.dtype),
                Tensor(counts[0].astype(_np.float32)), Tensor(counts[1].astype(_np.float32)))
    return call


def _log_uniform_draw(rng, k, range_max):
    # TensorFlow's LogUniformSampler: ⌊exp(u·log(range_max + 1))⌋ − 1.
    v = _np.floor(_np.exp(rng.random(k) * math.log(range_max + 1))).astype(_np.int64) - 1
    return _np.clip(v, 0, range_max - 1)


def _log_uniform_p(k, range_max):
    k = _np.asarray(k, _np.float64)
    return (_np.log(k + 2) - _np.log(k + 1)) / math.log(range_max + 1)


def _compute_accidental_hits(self, true_classes, sampled_candidates):
    op = "ComputeAccidentalHits"
    true = _typed(op, "true_classes", true_classes, (mstype.int64,))
    sampled = _typed(op, "sampled_candidates", sampled_candidates, (mstype.int64,))
    if true.ndim != 2 or true.shape[1] != self.num_true or sampled.ndim != 1:
        raise ShapeError(f"For '{op}', 'true_classes' must be (batch_size, num_true={self.num_true}) "
                         f"and 'sampled_candidates' 1-D, but got {tuple(true.shape)} and "
                         f"{tuple(sampled.shape)}.")
    # Every (row, true column, sampled position) of equal classes, in that order (TensorFlow keeps
    # one position per class, the same when the candidates are unique).
    hits = _np.argwhere(true.asnumpy()[:, :, None] == sampled.asnumpy()[None, None, :])
    return (Tensor(hits[:, 0].astype(_np.int32)), Tensor(hits[:, 2].astype(_np.int64)),
            Tensor(_np.full(len(hits), -_FLT_MAX, _np.float32)))


# --- truncated normals, integers, permutations ----------------------------------------------------

def _truncated_standard(rng, a, b, n):
    """`n` draws of N(0, 1) truncated to [a, b] by rejection (Robert 1995): from N(0, 1) when the
    interval holds much of it, uniform in it when short, exponential beyond `a` in a far tail."""
    if b < 0:
        return -_truncated_standard(rng, -b, -a, n)
    out = _np.empty(n)
    todo = _np.arange(n)
    for _ in range(10000):
        if not todo.size:
            return out
        k = todo.size
        if a <= 0 and b - a >= 2.5:
            z = rng.standard_normal(k)
            ok = (z >= a) & (z <= b)
        elif a <= 0 or a * (b - a) <= 1:
            z = rng.uniform(a, b, k)
            low = 0.0 if a <= 0 else a
            ok = rng.random(k) <= _np.exp((low * low - z * z) / 2)
        else:
            lam = (a + math.sqrt(a * a + 4)) / 2
            z = a + rng.exponential(1 / lam, k)
            ok = (z <= b) & (rng.random(k) <= _np.exp(-(z - lam) ** 2 / 2))
        out[todo[ok]] = z[ok]
        todo = todo[~ok]
    raise ShapeError(f"For 'ParameterizedTruncatedNormal', no draw fell in [{a}, {b}].")


def _truncated_normal(self, shape, mean, stdevs, min, max):  # noqa: A002
    op = "ParameterizedTruncatedNormal"
    dims = _shape_tensor(op, shape, min_len=2)
    params = [_typed(op, n, v, _FLOATS) for n, v in (("mean", mean), ("stdevs", stdevs), ("min", min),
                                                     ("max", max))]
    if len({p.dtype for p in params}) != 1:
        raise DTypeError(f"For '{op}', 'mean', 'stdevs', 'min' and 'max' must have one dtype, but got "
                         f"{[str(p.dtype) for p in params]}.")
    batch = dims[0]
    for name, p in zip(("mean", "stdevs", "min", "max"), params):
        if tuple(p.shape) not in ((), (1,), (batch,)):
            raise ShapeError(f"For '{op}', '{name}' must be 0-D or of shape ({batch},), but got "
                             f"{tuple(p.shape)}.")
    mu, sd, lo, hi = (_np.broadcast_to(p.asnumpy().astype(_np.float64).reshape(-1), (batch,))
                      for p in params)
    if (sd <= 0).any() or (lo >= hi).any():
        raise ShapeError(f"For '{op}', 'stdevs' must be positive and 'min' less than 'max' in each "
                         f"batch.")
    rng = _stream(self, (self.seed, self.seed2))
    # Row i uses the i-th parameters (MindSpore 2.10's CPU kernel draws the rows after the first
    # outside their bounds).
    per = int(_np.prod(dims[1:]))
    rows = [mu[i] + sd[i] * _truncated_standard(rng, (lo[i] - mu[i]) / sd[i], (hi[i] - mu[i]) / sd[i],
                                                per) for i in range(batch)]
    out = _np.clip(_np.stack(rows).reshape(dims), lo.reshape((batch,) + (1,) * (len(dims) - 1)),
                   hi.reshape((batch,) + (1,) * (len(dims) - 1)))
    return Tensor(out).astype(params[0].dtype)


def _check_truncated_normal(self):
    _int("ParameterizedTruncatedNormal", "seed", self.seed)
    _int("ParameterizedTruncatedNormal", "seed2", self.seed2)


_INT_OUTPUTS = {mstype.int32: _np.int32, mstype.int64: _np.int64, mstype.uint32: _np.uint32,
                mstype.uint64: _np.uint64}


def _check_non_deterministic_ints(self):
    if self.dtype not in _INT_OUTPUTS:
        raise DTypeError(f"For 'NonDeterministicInts', 'dtype' must be int32, int64, uint32 or uint64, "
                         f"but got {self.dtype!r}.")


def _non_deterministic_ints(self, shape):
    op = "NonDeterministicInts"
    t = _typed(op, "shape", shape, tuple(_INT_OUTPUTS))
    if t.ndim != 1 or t.shape[0] < 2:
        raise ShapeError(f"For '{op}', 'shape' must be 1-D of at least 2 elements, but got shape "
                         f"{tuple(t.shape)}.")
    dims = tuple(int(d) for d in t.asnumpy())
    if any(d < 0 for d in dims) or int(_np.prod(dims, dtype=object)) > 1000000:
        raise ShapeError(f"For '{op}', 'shape' must be non-negative with at most 1000000 elements, but "
                         f"got {list(dims)}.")
    kind = _INT_OUTPUTS[self.dtype]
    info = _np.iinfo(kind)
    return Tensor(_generator(None).integers(info.min, info.max, dims, kind, endpoint=True))


# The largest n whose permutation a dtype holds exactly (its largest entry is n − 1).
_PERM_LIMITS = {mstype.int8: 2**7, mstype.int16: 2**15, mstype.int32: 2**31, mstype.int64: 2**63,
                mstype.uint8: 2**8, mstype.float16: 2**11 + 1, mstype.float32: 2**24 + 1,
                mstype.float64: 2**53 + 1}


def _check_randperm(self):
    op = "RandpermV2"
    for name in ("seed", "offset"):
        v = getattr(self, name)
        _int(op, name, int(v.asnumpy().reshape(-1)[0]) if isinstance(v, Tensor) and v.size == 1 else v)
    if self.dtype not in _PERM_LIMITS:
        raise DTypeError(f"For '{op}', 'dtype' must be one of {[str(d) for d in _PERM_LIMITS]}, but "
                         f"got {self.dtype!r}.")


def _randperm_v2(self, n):
    op = "RandpermV2"
    if isinstance(n, Tensor):
        n = _typed(op, "n", n, (mstype.int8, mstype.int16) + _INDEX + (mstype.uint8,))
        if n.size != 1:
            raise ShapeError(f"For '{op}', 'n' must hold one value, but got shape {tuple(n.shape)}.")
        n = int(n.asnumpy().reshape(-1)[0])
    n = _positive_int(op, "n", n)
    if n > _PERM_LIMITS[self.dtype]:
        raise ShapeError(f"For '{op}', 'n' {n} is too large for the dtype {self.dtype}.")
    _count(op, (n,))
    seed, offset = (int(v.asnumpy().reshape(-1)[0]) if isinstance(v, Tensor) else int(v)
                    for v in (self.seed, self.offset))
    return Tensor(_stateless(seed, offset).permutation(n)).astype(self.dtype)


# --- fractional max pooling of fixed window size --------------------------------------------------

def _sizes(op, name, v, rank):
    if isinstance(v, bool) or not isinstance(v, (int, tuple)):
        raise DTypeError(f"For '{op}', '{name}' must be an int or a tuple, but got {type(v).__name__}.")
    t = (v,) * rank if isinstance(v, int) else v
    if len(t) != rank or any(isinstance(d, bool) or not isinstance(d, int) or d <= 0 for d in t):
        raise ShapeError(f"For '{op}', '{name}' must be a positive int or a tuple of {rank} positive "
                         f"ints, but got {v!r}.")
    return t


def _check_fixed(op, rank, formats):
    def check(self):
        self.ksize = _sizes(op, "ksize", self.ksize, rank)
        self.output_shape = _sizes(op, "output_shape", self.output_shape, rank)
        _choice(op, "data_format", self.data_format, formats)
    return check


def _fixed_pool(op, rank):
    def call(self, x, random_samples):
        x = _typed(op, "x", x, _FLOATS + _INDEX)
        if x.ndim not in ((rank + 2,) if rank == 2 else (rank + 1, rank + 2)):
            raise ShapeError(f"For '{op}', 'x' must be {'4-D' if rank == 2 else '4-D or 5-D'}, but got "
                             f"shape {tuple(x.shape)}.")
        samples = _typed(op, "random_samples", random_samples, _FLOATS)
        u = samples.asnumpy()
        if not ((u >= 0) & (u <= 1)).all():
            raise ShapeError(f"For '{op}', 'random_samples' must be in [0, 1].")
        # NDHWC: the channels last (MindSpore 2.10 compares the samples with the depth instead).
        channels_last = self.data_format == "NDHWC"
        if channels_last:
            x = F.moveaxis(x, -1, -rank - 1)
        y, argmax = _pool(op, x, self.ksize, self.output_shape, None, True, samples, rank)
        if channels_last:
            y, argmax = F.moveaxis(y, -rank - 1, -1), F.moveaxis(argmax, -rank - 1, -1)
        return y, argmax
    return call


# --- TensorFlow's fractional pooling (NHWC; MindSpore's pooling sequences) -----------------------

class _Minstd0:
    """``std::default_random_engine`` of libstdc++ (minstd_rand0), its range [1, 2³¹ − 2]."""
    MOD = 2**31 - 1

    def __init__(self, seed):
        self.state = seed % self.MOD or 1

    def __call__(self):
        self.state = self.state * 16807 % self.MOD
        return self.state

    def canonical(self):
        """libstdc++'s ``generate_canonical<double, 53>``: two draws, base ``MOD − 1``."""
        r = self.MOD - 1
        return ((self() - 1) + (self() - 1) * r) / (r * r)

    def below(self, n):
        """libstdc++'s ``uniform_int_distribution(0, n − 1)`` by downscaling with rejection."""
        scaling = (self.MOD - 2) // n
        while True:
            v = self() - 1
            if v < n * scaling:
                return v // scaling


def _shuffle(values, gen):
    """libstdc++'s ``std::shuffle``, which draws two swap positions at a time when it can."""
    v = list(values)
    i = 1
    if len(v) % 2 == 0:
        j = gen.below(2)
        v[1], v[j] = v[j], v[1]
        i = 2
    while i < len(v):
        x = gen.below((i + 1) * (i + 2))
        for j in (x // (i + 2), x % (i + 2)):
            v[i], v[j] = v[j], v[i]
            i += 1
    return v


def _pooling_sequence(n, m, seed, pseudo_random):
    """The ``m + 1`` boundaries of ``m`` pooling intervals over ``n`` (Graham's fractional
    pooling): equal ones when ``m`` divides ``n``; else ``⌈α(i + u)⌉`` with ``α = n/m`` and
    ``u`` uniform below TensorFlow's bound (pseudo-random), or a shuffle of the lengths ``⌊α⌋``
    and ``⌊α⌋ + 1`` (random). A fresh generator of `seed` per axis, as MindSpore's kernel."""
    if n % m == 0:
        return list(range(0, n + 1, n // m))
    gen, alpha, k = _Minstd0(seed), n / m, n // m
    if pseudo_random:
        u = gen.canonical() * min((k + 2) / alpha - 1, (n + 1 - k) / alpha - (m - 1))
        ends = [1] + [int(math.ceil(alpha * (i + u))) for i in range(1, m)] + [n + 1]
        lengths = [ends[i + 1] - ends[i] for i in range(m)]
    else:
        lengths = _shuffle([k + 1] * (n % m) + [k] * (m - n % m), gen)
    return [0] + _np.cumsum(lengths).tolist()


def _windows(x, axis, seq, overlapping):
    """`x` gathered along `axis` into its windows, ``(..., m, L, ...)`` padded by repeating each
    window's first element, and the mask of the real elements ``(m, L)``."""
    n = x.shape[axis]
    spans = [(seq[i], min(seq[i + 1] + int(overlapping), n)) for i in range(len(seq) - 1)]
    size = max(e - s for s, e in spans)
    idx = _np.array([[s + (j if j < e - s else 0) for j in range(size)] for s, e in spans], _np.int64)
    mask = _np.array([[j < e - s for j in range(size)] for s, e in spans])
    g = F.gather(x, Tensor(idx.reshape(-1)), axis)
    return g.reshape(tuple(x.shape[:axis]) + idx.shape + tuple(x.shape[axis + 1:])), mask


def _check_fractional(op):
    def check(self):
        if not isinstance(self.pooling_ratio, list):
            raise DTypeError(f"For '{op}', 'pooling_ratio' must be a list, but got "
                             f"{type(self.pooling_ratio).__name__}.")
        for r in self.pooling_ratio:
            _exact_float(op, "pooling_ratio item", r)
        for name in ("pseudo_random", "overlapping", "deterministic"):
            _bool(op, name, getattr(self, name))
        _int(op, "seed", self.seed)
        _int(op, "seed2", self.seed2)
    return check


def _fractional(op, average):
    def call(self, x):
        ratio = self.pooling_ratio
        if len(ratio) != 4 or ratio[0] != 1.0 or ratio[3] != 1.0 or min(ratio[1:3]) < 1.0:
            raise ShapeError(f"For '{op}', 'pooling_ratio' must be [1.0, rows >= 1.0, cols >= 1.0, "
                             f"1.0], but got {ratio}.")
        if not self.deterministic and (self.seed or self.seed2):
            raise ShapeError(f"For '{op}', 'seed' and 'seed2' must be 0 if 'deterministic' is False.")
        x = _typed(op, "x", x, (mstype.float32, mstype.float64) + _INDEX)
        if x.ndim != 4:
            raise ShapeError(f"For '{op}', 'x' must be 4-D (N, H, W, C), but got shape "
                             f"{tuple(x.shape)}.")
        out = [int(x.shape[a] / ratio[a]) for a in (1, 2)]
        if min(out) <= 0:
            raise ShapeError(f"For '{op}', the output size {out} of input {tuple(x.shape)} and ratio "
                             f"{ratio} must be positive.")
        seed = self.seed or self.seed2
        if not seed:
            # A random seed: drawn once for a deterministic instance, else at every call.
            seed = getattr(self, "_fixed_seed", None) or int(_generator(None).integers(1, 2**31 - 2))
            if self.deterministic:
                self._fixed_seed = seed
        seqs = [_pooling_sequence(x.shape[a], m, seed, self.pseudo_random) for a, m in zip((1, 2), out)]
        rows, row_mask = _windows(x.astype(mstype.float64) if average else x, 1, seqs[0],
                                  self.overlapping)
        if not average:
            y = F.amax(_windows(F.amax(rows, 2), 2, seqs[1], self.overlapping)[0], 3)
        else:
            rows = (rows * Tensor(row_mask.astype(_np.float64)).reshape(1, *row_mask.shape, 1, 1)).sum(2)
            cols, col_mask = _windows(rows, 2, seqs[1], self.overlapping)
            total = (cols * Tensor(col_mask.astype(_np.float64)).reshape(1, 1, *col_mask.shape, 1)).sum(3)
            count = _np.outer(row_mask.sum(1), col_mask.sum(1)).astype(_np.float64)
            y = total / Tensor(count.reshape(1, *count.shape, 1))
            # Integer inputs: the average truncated, as MindSpore's kernel divides.
            y = F.trunc(y) if x.dtype in _INDEX else y
            y = y.astype(x.dtype)
        return y, Tensor(_np.array(seqs[0], _np.int64)), Tensor(_np.array(seqs[1], _np.int64))
    return call


# --- the classes ----------------------------------------------------------------------------------

_SEEDS = [("seed", 0), ("seed2", 0)]
_FRACTIONAL = [("pooling_ratio", _REQUIRED), ("pseudo_random", False), ("overlapping", False),
               ("deterministic", False), ("seed", 0), ("seed2", 0)]
_CLASSES = [
    ("Gamma", _SEEDS, "(shape, alpha, beta)",
     "Float32 draws of the Gamma distribution of shape `alpha` and rate `beta` (mean α/β), of "
     "`shape` broadcast with theirs.", _gamma, lambda s: _check_seeds("Gamma", s)),
    ("Poisson", _SEEDS, "(shape, mean)",
     "Int32 draws of the Poisson distribution of `mean`, of `shape` broadcast with its shape.",
     _poisson, lambda s: _check_seeds("Poisson", s)),
    ("RandomGamma", _SEEDS, "(shape, alpha)",
     "draws of the Gamma distribution of shape `alpha` and rate 1, of shape "
     "``(*shape, *alpha.shape)`` and `alpha`'s dtype.", _random_gamma,
     lambda s: _check_seeds("RandomGamma", s)),
    ("RandomPoisson", _SEEDS + [("dtype", mstype.int64)], "(shape, rate)",
     "draws of the Poisson distribution of `rate`, of shape ``(*shape, *rate.shape)`` and dtype "
     "`dtype`.", _random_poisson, _check_random_poisson),
    ("Bernoulli", [("seed", -1), ("offset", 0)], "(x, p=0.5)",
     "1 with probability `p` else 0, of `x`'s shape and dtype (the same draw at every call of a "
     "seed that is not -1).", _bernoulli, _check_bernoulli),
    ("Cauchy", [("size", _REQUIRED), ("median", 0.0), ("sigma", 1.0)], "()",
     "Float32 draws ``median + sigma·tan(π(u − ½))`` of the Cauchy distribution, of shape `size`.",
     _cauchy, _check_cauchy),
    ("LogNormalReverse", [("mean", 1.0), ("std", 2.0)], "(input)",
     "draws ``exp(N(mean, std²))`` of `input`'s shape and dtype.", _log_normal_reverse,
     _check_log_normal),
    ("RandomShuffle", _SEEDS, "(x)", "`x` with its first axis in a random order.", _random_shuffle,
     lambda s: _check_seeds("RandomShuffle", s)),
    ("RandomChoiceWithMask", [("count", 256)] + _SEEDS, "(input_x)",
     "``(index, mask)``: `count` positions of True elements of a Bool tensor in random order, "
     "Int32 ``(count, rank)`` (rows of zeros past them), and the Bool mask of the real rows.",
     _choice_with_mask, _check_choice),
    ("MultinomialWithReplacement", [("numsamples", _REQUIRED), ("replacement", False)],
     "(x, seed, offset)",
     "Int64 class indices, `numsamples` per row of the weights `x` (Int64 tensors `seed` and "
     "`offset`, both 0 for a random draw).", _multinomial_with_replacement, _check_multinomial),
    ("UniformCandidateSampler", [("num_true", _REQUIRED), ("num_sampled", _REQUIRED),
                                 ("unique", _REQUIRED), ("range_max", _REQUIRED), ("seed", 0),
                                 ("remove_accidental_hits", False)], "(true_classes)",
     "``(sampled_candidates, true_expected_count, sampled_expected_count)``: `num_sampled` "
     "classes drawn uniformly from ``[0, range_max)`` and the expected counts of the true and "
     "sampled classes.",
     _sampler("UniformCandidateSampler", _INDEX, lambda rng, k, n: rng.integers(0, n, k),
              lambda k, n: _np.full(_np.shape(k), 1.0 / n)),
     _check_sampler("UniformCandidateSampler")),
    ("LogUniformCandidateSampler", [("num_true", 1), ("num_sampled", 5), ("unique", True),
                                    ("range_max", 5), ("seed", 0)], "(true_classes)",
     "``(sampled_candidates, true_expected_count, sampled_expected_count)``: `num_sampled` "
     "classes drawn by ``P(k) = log((k + 2)/(k + 1)) / log(range_max + 1)`` and the expected "
     "counts of the true and sampled classes.",
     _sampler("LogUniformCandidateSampler", (mstype.int64,), _log_uniform_draw, _log_uniform_p),
     _check_sampler("LogUniformCandidateSampler")),
    ("ComputeAccidentalHits", [("num_true", 1)], "(true_classes, sampled_candidates)",
     "``(indices, ids, weights)``: the rows (Int32) and sampled positions (Int64) where a "
     "sampled class equals a true class, with weights −FLT_MAX (Float32).",
     _compute_accidental_hits, lambda s: _positive_int("ComputeAccidentalHits", "num_true", s.num_true)),
    ("ParameterizedTruncatedNormal", _SEEDS, "(shape, mean, stdevs, min, max)",
     "draws of ``N(mean, stdevs²)`` truncated to ``[min, max]``, the parameters 0-D or one per "
     "row ``shape[0]``.", _truncated_normal, _check_truncated_normal),
    ("NonDeterministicInts", [("dtype", mstype.int64)], "(shape)",
     "integers uniform over the range of `dtype`, of `shape` (at least 2-D).",
     _non_deterministic_ints, _check_non_deterministic_ints),
    ("RandpermV2", [("seed", 0), ("offset", 0), ("dtype", mstype.int64)], "(n)",
     "a random permutation of ``0 … n−1`` (the same at every call of one `seed` and `offset`; "
     "seed -1 draws a random one).", _randperm_v2, _check_randperm),
    ("FractionalMaxPoolWithFixedKsize", [("ksize", _REQUIRED), ("output_shape", _REQUIRED),
                                         ("data_format", "NCHW")], "(x, random_samples)",
     "``(y, argmax)``: fractional max pooling of an NCHW tensor by `ksize` windows to "
     "`output_shape`, the window starts shifted by ``random_samples`` ``(N, C, 2)`` (width's, "
     "height's); argmax Int64 positions in ``H·W``.",
     _fixed_pool("FractionalMaxPoolWithFixedKsize", 2),
     _check_fixed("FractionalMaxPoolWithFixedKsize", 2, ("NCHW",))),
    ("FractionalMaxPool3DWithFixedKsize", [("ksize", _REQUIRED), ("output_shape", _REQUIRED),
                                           ("data_format", "NCDHW")], "(x, random_samples)",
     "``(y, argmax)``: fractional max pooling of an NCDHW (or NDHWC; 4-D without N) tensor by "
     "`ksize` windows to `output_shape`, shifted by ``random_samples`` ``(N, C, 3)``; argmax "
     "Int64 positions in ``D·H·W``.", _fixed_pool("FractionalMaxPool3DWithFixedKsize", 3),
     _check_fixed("FractionalMaxPool3DWithFixedKsize", 3, ("NCDHW", "NDHWC"))),
    ("FractionalMaxPool", _FRACTIONAL, "(x)",
     "``(y, row_pooling_sequence, col_pooling_sequence)``: the maxima of an NHWC tensor over "
     "intervals of fractional mean length `pooling_ratio` (Graham), and their Int64 boundaries.",
     _fractional("FractionalMaxPool", False), _check_fractional("FractionalMaxPool")),
    ("FractionalAvgPool", _FRACTIONAL, "(x)",
     "``(y, row_pooling_sequence, col_pooling_sequence)``: the averages of an NHWC tensor over "
     "intervals of fractional mean length `pooling_ratio` (truncated for integers), and their "
     "Int64 boundaries.", _fractional("FractionalAvgPool", True),
     _check_fractional("FractionalAvgPool")),
]

for _name, _attr_list, _call, _doc, _fn, _check in _CLASSES:
    globals()[_name] = _with_check(_attrs(_name, _attr_list, _call, _doc, _fn), _check)

# One example per class: setup lines, the call and what it prints (equal to what MindSpore 2.10
# prints for the same call where the result is not random).
_A = ["alpha = ms.Tensor([[3., 4.], [5., 6.]])"]
_B = ["x = ms.Tensor(np.arange(25, dtype=np.float32).reshape(1, 5, 5, 1))"]
_EXAMPLES = {
    "Gamma": (_A, "ops.Gamma(seed=3)((3, 1, 2), alpha, ms.Tensor([1.0])).shape", "(3, 2, 2)"),
    "Poisson": ([], "ops.Poisson(seed=5)((4, 1), ms.Tensor([5.0, 10.0])).dtype", "Int32"),
    "RandomGamma": (_A, "ops.RandomGamma(seed=3)(ms.Tensor([3, 1, 2], ms.int32), alpha).shape",
                    "(3, 1, 2, 2, 2)"),
    "RandomPoisson": ([], "ops.RandomPoisson(seed=1)(ms.Tensor([3], ms.int32), ms.Tensor([0., 0.]))",
                      "[[0 0]\n [0 0]\n [0 0]]"),
    "Bernoulli": ([], "ops.Bernoulli()(ms.Tensor([0.1, 0.2, 0.3]), ms.Tensor([0.0, 1.0, 1.0]))",
                  "[0. 1. 1.]"),
    "Cauchy": ([], "ops.Cauchy([2, 3])().shape", "(2, 3)"),
    "LogNormalReverse": ([], "ops.LogNormalReverse(2.0, 1.0)(ms.Tensor(np.zeros((3, 4)))).dtype",
                         "Float64"),
    "RandomShuffle": ([], "ops.RandomShuffle(seed=1)(ms.Tensor([[1, 1], [2, 2], [3, 3]])).sum(0)",
                      "[6 6]"),
    "RandomChoiceWithMask": ([], "ops.RandomChoiceWithMask(count=3, seed=1)(ms.Tensor(np.array([["
                                 "False, True], [False, False]])))",
                             "(Tensor(shape=[3, 2], dtype=Int32, value=\n[[0, 1],\n [0, 0],\n "
                             "[0, 0]]), Tensor(shape=[3], dtype=Bool, value= [ True, False, "
                             "False]))"),
    "MultinomialWithReplacement": ([], "ops.MultinomialWithReplacement(2, True)(ms.Tensor([[0., "
                                       "9., 0., 0.]]), ms.Tensor(2, ms.int64), ms.Tensor(5, "
                                       "ms.int64))", "[[1 1]]"),
    "UniformCandidateSampler": ([], "ops.UniformCandidateSampler(1, 3, False, 4, 1)(ms.Tensor("
                                    "[[1], [3]], ms.int64))[2]", "[0.75 0.75 0.75]"),
    "LogUniformCandidateSampler": ([], "ops.LogUniformCandidateSampler(1, 1, True, 1)(ms.Tensor("
                                       "[[0]], ms.int64))[1]", "[[1.]]"),
    "ComputeAccidentalHits": ([], "ops.ComputeAccidentalHits(2)(ms.Tensor([[1, 2], [0, 4], [3, "
                                  "3]], ms.int64), ms.Tensor([0, 1, 2, 3, 4], ms.int64))[1]",
                              "[1 2 0 4 3 3]"),
    "ParameterizedTruncatedNormal": ([], "ops.ParameterizedTruncatedNormal(seed=1)(ms.Tensor([2, "
                                         "3], ms.int32), ms.Tensor(0.), ms.Tensor(1.), ms.Tensor("
                                         "-1.), ms.Tensor(1.)).abs().max() <= 1", "True"),
    "NonDeterministicInts": ([], "ops.NonDeterministicInts(ms.int32)(ms.Tensor([3, 4], "
                                 "ms.int32)).shape", "(3, 4)"),
    "RandpermV2": ([], "ops.RandpermV2(seed=1)(5).sort()[0]", "[0 1 2 3 4]"),
    "FractionalMaxPoolWithFixedKsize": (
        ["x = ms.Tensor(np.arange(25, dtype=np.float32).reshape(1, 1, 5, 5))"],
        "ops.FractionalMaxPoolWithFixedKsize(2, (2, 2))(x, ms.Tensor([[[0.3, 0.7]]]))[1]",
        "[[[[ 6  9]\n   [21 24]]]]"),
    "FractionalMaxPool3DWithFixedKsize": (
        ["v = ms.Tensor(np.arange(1, 17, dtype=np.float32).reshape(1, 1, 2, 2, 4))"],
        "ops.FractionalMaxPool3DWithFixedKsize(1, (1, 1, 2))(v, ms.Tensor([[[0.7, 0.7, 0.7]]]))[0]",
        "[[[[[13. 16.]]]]]"),
    "FractionalMaxPool": (_B, "ops.FractionalMaxPool([1.0, 1.5, 1.5, 1.0], True, True, True, "
                              "seed=1)(x)[0].reshape(3, 3)",
                          "[[ 6.  8.  9.]\n [16. 18. 19.]\n [21. 23. 24.]]"),
    "FractionalAvgPool": (_B, "ops.FractionalAvgPool([1.0, 1.5, 1.5, 1.0], True, True, True, "
                              "seed=1)(x)[0].reshape(3, 3)",
                          "[[ 3.   4.5  6. ]\n [10.5 12.  13.5]\n [18.  19.5 21. ]]"),
}

for _name in __all__:
    _document(globals()[_name], _EXAMPLES)

"""The random-draw and fractional-pooling primitive classes of ``ops`` (``_operations_random``).

Deterministic results are literals MindSpore 2.10 printed on CPU for the same calls (said at
each); draws are checked by shape, dtype, support, moments over many draws, and seeds. Errors are
checked by class (TypeError for types/dtypes, ValueError for shapes/values)."""
import math

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, ops

N = 40000  # draws for the moment checks: a mean is within ~5 standard errors


def _close_mean(draws, mean, var):
    assert abs(draws.mean() - mean) < 5 * math.sqrt(var / draws.size) + 1e-12


# --- Gamma, Poisson, RandomGamma, RandomPoisson ---------------------------------------------------

def test_gamma_shape_moments_and_seeds():
    alpha = Tensor(np.array([[3, 4], [5, 6]]), ms.float32)
    out = ops.Gamma(seed=3)((3, 1, 2), alpha, Tensor([1.0]))
    assert out.shape == (3, 2, 2) and out.dtype == ms.float32  # MindSpore's documented example
    # Gamma(α, rate β): mean α/β, variance α/β².
    d = ops.Gamma(seed=1)((N,), Tensor([2.0]), Tensor([4.0])).asnumpy()
    assert (d > 0).all()
    _close_mean(d, 0.5, 2 / 16)
    assert abs(d.var() - 2 / 16) < 0.01
    g = ops.Gamma(seed=7)
    first, second = g((5,), Tensor([2.0]), Tensor([1.0])), g((5,), Tensor([2.0]), Tensor([1.0]))
    again = ops.Gamma(seed=7)((5,), Tensor([2.0]), Tensor([1.0]))
    assert (first.asnumpy() == again.asnumpy()).all() and (first.asnumpy() != second.asnumpy()).any()


def test_gamma_errors():
    one = Tensor([1.0])
    with pytest.raises(TypeError):
        ops.Gamma()([2], one, one)  # MindSpore: shape must be a tuple
    with pytest.raises(ValueError):
        ops.Gamma()((0,), one, one)
    with pytest.raises(TypeError):
        ops.Gamma()((2,), one.astype(ms.float64), one)  # Float32 only
    with pytest.raises(ValueError):
        ops.Gamma(seed=-1)
    with pytest.raises(ValueError):
        ops.Gamma()((2,), Tensor([-1.0]), one)
    with pytest.raises(ValueError):
        ops.Gamma()((2,), one, Tensor([1.0, 2.0, 3.0]))


def test_poisson():
    out = ops.Poisson(seed=5)((4, 1), Tensor([5.0, 10.0]))
    assert out.shape == (4, 2) and out.dtype == ms.int32  # MindSpore's documented example
    d = ops.Poisson(seed=2)((N,), Tensor([3.0])).asnumpy()
    _close_mean(d, 3.0, 3.0)
    assert abs(d.var() - 3.0) < 0.2
    with pytest.raises(TypeError):
        ops.Poisson()((2,), Tensor([1.0], ms.float64))
    with pytest.raises(ValueError):
        ops.Poisson()((2,), Tensor([0.0]))


def test_random_gamma():
    alpha = Tensor(np.array([[3, 4], [5, 6]]), ms.float32)
    out = ops.RandomGamma(seed=3)(Tensor([3, 1, 2], ms.int32), alpha)
    assert out.shape == (3, 1, 2, 2, 2) and out.dtype == ms.float32  # as MindSpore printed
    for dt in (ms.float16, ms.float64):  # MindSpore's CPU keeps these dtypes too
        assert ops.RandomGamma(seed=3)(Tensor([2], ms.int32), alpha.astype(dt)).dtype == dt
    d = ops.RandomGamma(seed=4)(Tensor([N], ms.int32), Tensor([2.0])).asnumpy()
    _close_mean(d, 2.0, 2.0)  # rate 1: mean = variance = α
    with pytest.raises(TypeError):
        ops.RandomGamma()((2,), alpha)  # MindSpore: input[0] only supports a Tensor
    with pytest.raises(ValueError):
        ops.RandomGamma()(Tensor([[3]], ms.int32), alpha)
    with pytest.raises(TypeError):
        ops.RandomGamma()(Tensor([3.0]), alpha)
    with pytest.raises(TypeError):
        ops.RandomGamma()(Tensor([3], ms.int32), Tensor([1]))


def test_random_poisson():
    out = ops.RandomPoisson(seed=1)(Tensor([2, 3], ms.int32), Tensor([2, 2], ms.int32))
    assert out.shape == (2, 3, 2) and out.dtype == ms.int64  # as MindSpore printed
    zeros = ops.RandomPoisson(seed=1, dtype=ms.float32)(Tensor([2], ms.int64), Tensor([0., 0.]))
    assert zeros.dtype == ms.float32 and (zeros.asnumpy() == 0).all()
    d = ops.RandomPoisson(seed=3)(Tensor([N], ms.int32), Tensor([4.0])).asnumpy()
    _close_mean(d, 4.0, 4.0)
    with pytest.raises(TypeError):
        ops.RandomPoisson(dtype=ms.int16)
    with pytest.raises(ValueError):
        ops.RandomPoisson()(Tensor([-3], ms.int32), Tensor([1.0]))
    with pytest.raises(TypeError):
        ops.RandomPoisson()(Tensor([3], ms.int32), Tensor([True]))
    with pytest.raises(ValueError):
        ops.RandomPoisson()(Tensor([3], ms.int32), Tensor([-1.0]))


# --- Bernoulli, Cauchy, LogNormalReverse, RandomShuffle -----------------------------------------

def test_bernoulli():
    x = Tensor([0.1, 0.2, 0.3])
    # MindSpore 2.10 on CPU printed [0. 1. 1.] and, with p = 1.0 on Int64, [1 1 1].
    assert ops.Bernoulli()(x, Tensor([0.0, 1.0, 1.0])).asnumpy().tolist() == [0.0, 1.0, 1.0]
    ones = ops.Bernoulli(seed=1)(Tensor([1, 2, 3]), 1.0)
    assert ones.dtype == ms.int64 and ones.asnumpy().tolist() == [1, 1, 1]
    b = ops.Bernoulli(seed=1)
    z = Tensor(np.zeros(N, np.float32))
    first = b(z, 0.3).asnumpy()
    assert (first == b(z, 0.3).asnumpy()).all()  # a seed repeats its draw at every call
    _close_mean(first, 0.3, 0.21)
    with pytest.raises(ValueError):
        b(x, 1.5)
    with pytest.raises(ValueError):
        b(x, Tensor([0.5, 0.5]))
    with pytest.raises(ValueError):
        ops.Bernoulli(seed=-2)
    with pytest.raises(TypeError):
        b(x, "a")


def test_cauchy():
    out = ops.Cauchy([2, 3])()
    assert out.shape == (2, 3) and out.dtype == ms.float32
    # Quartiles of Cauchy(m, s) are m ± s; the median is m.
    d = ops.Cauchy([N], median=1.0, sigma=2.0)().asnumpy()
    q1, q2, q3 = np.quantile(d, [0.25, 0.5, 0.75])
    assert abs(q2 - 1.0) < 0.06 and abs(q1 + 1.0) < 0.1 and abs(q3 - 3.0) < 0.1
    with pytest.raises(TypeError):
        ops.Cauchy((2,))  # MindSpore: size must be a list
    with pytest.raises(TypeError):
        ops.Cauchy([2], median=1)  # ... median a float
    with pytest.raises(ValueError):
        ops.Cauchy([])
    with pytest.raises(ValueError):
        ops.Cauchy([0])


def test_log_normal_reverse():
    x = Tensor(np.zeros((3, 4)), ms.float64)
    out = ops.LogNormalReverse(2.0, 1.0)(x)
    assert out.shape == (3, 4) and out.dtype == ms.float64
    assert ops.LogNormalReverse()(Tensor(np.zeros(3), ms.float16)).dtype == ms.float16
    logs = np.log(ops.LogNormalReverse(0.5, 0.25)(Tensor(np.zeros(N, np.float32))).asnumpy())
    _close_mean(logs, 0.5, 0.0625)
    assert abs(logs.std() - 0.25) < 0.01
    with pytest.raises(TypeError):
        ops.LogNormalReverse()(Tensor(np.zeros(3, np.int32)))
    with pytest.raises(TypeError):
        ops.LogNormalReverse(1, 2.0)


def test_random_shuffle():
    x = Tensor(np.arange(12).reshape(6, 2))
    s = ops.RandomShuffle(seed=1)
    a, b = s(x).asnumpy(), s(x).asnumpy()
    assert sorted(map(tuple, a)) == sorted(map(tuple, x.asnumpy())) and (a[:, 1] == a[:, 0] + 1).all()
    assert (a == ops.RandomShuffle(seed=1)(x).asnumpy()).all() and (a != b).any()
    assert ops.RandomShuffle()(Tensor(3.0)).asnumpy() == 3.0  # 0-D: unchanged, as MindSpore
    with pytest.raises(ValueError):
        ops.RandomShuffle(seed=-1)
    with pytest.raises(TypeError):
        ops.RandomShuffle()([1, 2])


# --- choices, multinomials, candidate samplers ----------------------------------------------------

def test_random_choice_with_mask():
    index, mask = ops.RandomChoiceWithMask(count=4, seed=1)(Tensor(np.array([[True, False],
                                                                           [False, True]])))
    # MindSpore 2.10 printed [[1 1] [0 0] [0 0] [0 0]] and [True True False False] (an order).
    assert index.dtype == ms.int32 and mask.asnumpy().tolist() == [True, True, False, False]
    assert sorted(map(tuple, index.asnumpy()[:2])) == [(0, 0), (1, 1)]
    assert (index.asnumpy()[2:] == 0).all()
    index, mask = ops.RandomChoiceWithMask(3, 1)(Tensor(np.zeros((2, 2), bool)))
    assert (index.asnumpy() == 0).all() and not mask.asnumpy().any()
    with pytest.raises(TypeError):
        ops.RandomChoiceWithMask(4)(Tensor(np.array([[1., 0.]])))
    for shape in ((), (1, 1, 1, 1, 1, 2)):
        with pytest.raises(ValueError):
            ops.RandomChoiceWithMask(4)(Tensor(np.ones(shape, bool)))
    with pytest.raises(ValueError):
        ops.RandomChoiceWithMask(count=0)


def test_multinomial_with_replacement():
    seed, offset = Tensor(2, ms.int64), Tensor(5, ms.int64)
    op = ops.MultinomialWithReplacement(numsamples=2, replacement=True)
    # MindSpore 2.10 on CPU printed [[1 1]] (a single class of positive weight).
    assert op(Tensor([[0., 9., 0., 0.]]), seed, offset).asnumpy().tolist() == [[1, 1]]
    out = ops.MultinomialWithReplacement(3, False)(Tensor([[0., 9., 4., 0.]]), seed, offset)
    # Without replacement the positive classes come first; MindSpore printed [[1 2 0]].
    assert out.dtype == ms.int64 and sorted(out.asnumpy()[0, :2]) == [1, 2] and out.asnumpy()[0, 2] == 0
    draws = ops.MultinomialWithReplacement(N, True)(Tensor([1., 3.]), seed, offset).asnumpy()
    assert draws.shape == (N,)
    _close_mean(draws, 0.75, 0.75 * 0.25)
    assert (op(Tensor([[1., 3.]]), seed, offset).asnumpy() == op(Tensor([[1., 3.]]), seed,
                                                                     offset).asnumpy()).all()
    with pytest.raises(TypeError):
        op(Tensor([[1., 2.]]), 2, 5)
    with pytest.raises(TypeError):
        op(Tensor([[1., 2.]]), Tensor(2, ms.int32), offset)
    with pytest.raises(ValueError):
        op(Tensor([[0., -9., 4.]]), seed, offset)
    with pytest.raises(ValueError):
        op(Tensor(np.ones((1, 1, 2), np.float32)), seed, offset)
    with pytest.raises(TypeError):
        op(Tensor([[1, 2]]), seed, offset)
    with pytest.raises(ValueError):
        ops.MultinomialWithReplacement(0, True)(Tensor([[1., 2.]]), seed, offset)
    with pytest.raises(ValueError):
        ops.MultinomialWithReplacement(3, True)(Tensor([[0., 0.]]), seed, offset)


def test_uniform_candidate_sampler():
    sampler = ops.UniformCandidateSampler(1, 3, False, 4, 1)
    sampled, true_count, sampled_count = sampler(Tensor(np.array([[1], [3], [4], [6], [3]])))
    # MindSpore 2.10 on CPU printed 0.75 (= 3/4) for every expected count.
    assert sampled.shape == (3,) and sampled.dtype == ms.int64
    assert np.allclose(true_count.asnumpy(), 0.75) and np.allclose(sampled_count.asnumpy(), 0.75)
    unique = ops.UniformCandidateSampler(2, 4, True, 4, 2)(Tensor(np.array([[1, 2]], np.int32)))[0]
    assert unique.dtype == ms.int32 and sorted(unique.asnumpy()) == [0, 1, 2, 3]
    with pytest.raises(TypeError):
        sampler(Tensor(np.array([[1.], [3.]])))
    with pytest.raises(ValueError):
        ops.UniformCandidateSampler(2, 3, True, 4, 1)(Tensor(np.array([[1], [3]])))
    with pytest.raises(ValueError):
        sampler(Tensor(np.array([1, 3])))
    with pytest.raises(ValueError):
        ops.UniformCandidateSampler(1, 5, True, 4, 1)
    with pytest.raises(TypeError):
        ops.UniformCandidateSampler(1, 3.0, True, 4)


def test_log_uniform_candidate_sampler():
    classes = Tensor(np.array([[1, 7], [0, 4], [3, 3]]))
    # Without `unique` the expected counts are num_sampled·P(k); MindSpore 2.10 printed these.
    _, true_count, _ = ops.LogUniformCandidateSampler(2, 5, False, 5, 3)(classes)
    assert np.allclose(true_count.asnumpy(), [[1.1314719, 0.32867983], [1.9342639, 0.508778],
                                              [0.62269396, 0.62269396]], rtol=1e-6)
    out = ops.LogUniformCandidateSampler(1, 1, True, 1)(Tensor(np.array([[0]])))
    assert [o.asnumpy().tolist() for o in out] == [[0], [[1.0]], [1.0]]  # as MindSpore printed
    # With `unique`: 1 − (1 − P(k))^tries for one number of tries >= num_sampled.
    sampled, true_count, sampled_count = ops.LogUniformCandidateSampler(2, 5, True, 5, 1)(classes)
    p = lambda k: np.log((k + 2) / (k + 1)) / np.log(6)  # noqa: E731
    tries = math.log1p(-float(sampled_count.asnumpy()[0])) / math.log1p(-p(sampled.asnumpy()[0]))
    assert sorted(sampled.asnumpy()) == [0, 1, 2, 3, 4] and tries >= 5 - 1e-3
    assert np.allclose(true_count.asnumpy(), 1 - (1 - p(classes.asnumpy())) ** round(tries), rtol=1e-5)
    # The draws follow P(k) = log((k + 2)/(k + 1)) / log(range_max + 1).
    many = ops.LogUniformCandidateSampler(1, N, False, 5, 2)(Tensor(np.array([[0]])))[0].asnumpy()
    assert np.allclose(np.bincount(many, minlength=5) / N, p(np.arange(5)), atol=0.01)
    with pytest.raises(TypeError):
        ops.LogUniformCandidateSampler(2, 5, True, 5)(Tensor(np.array([[1, 7]], np.int32)))
    with pytest.raises(ValueError):
        ops.LogUniformCandidateSampler(1, 6, True, 5)


def test_compute_accidental_hits():
    indices, ids, weights = ops.ComputeAccidentalHits(2)(Tensor(np.array([[1, 2], [0, 4], [3, 3]])),
                                                         Tensor(np.array([0, 1, 2, 3, 4])))
    # MindSpore's documented example (its CPU kernel fails at runtime in 2.10).
    assert indices.dtype == ms.int32 and indices.asnumpy().tolist() == [0, 0, 1, 1, 2, 2]
    assert ids.dtype == ms.int64 and ids.asnumpy().tolist() == [1, 2, 0, 4, 3, 3]
    assert weights.dtype == ms.float32 and (weights.asnumpy() == -np.finfo(np.float32).max).all()
    none = ops.ComputeAccidentalHits(1)(Tensor(np.array([[5]])), Tensor(np.array([0, 1])))
    assert all(o.shape == (0,) for o in none)
    with pytest.raises(TypeError):
        ops.ComputeAccidentalHits(2)(Tensor(np.array([[1, 2]], np.int32)), Tensor(np.array([0, 1])))
    with pytest.raises(ValueError):
        ops.ComputeAccidentalHits(1)(Tensor(np.array([[1, 2]])), Tensor(np.array([0, 1])))
    with pytest.raises(ValueError):
        ops.ComputeAccidentalHits(1)(Tensor(np.array([[1]])), Tensor(np.array([[0, 1]])))
    with pytest.raises(ValueError):
        ops.ComputeAccidentalHits(0)


# --- truncated normals, integers, permutations ----------------------------------------------------

def _phi(x):
    return math.exp(-x * x / 2) / math.sqrt(2 * math.pi)


def _cdf(x):
    return 0.5 * math.erfc(-x / math.sqrt(2))


@pytest.mark.parametrize("mu, sd, lo, hi", [(0.0, 1.0, -1.0, 1.0), (5.0, 2.0, 5.0, 9.0),
                                            (0.0, 1.0, 3.0, 3.5), (0.0, 1.0, -12.0, -10.0),
                                            (1.0, 0.5, -100.0, 100.0)])
def test_parameterized_truncated_normal_moments(mu, sd, lo, hi):
    op = ops.ParameterizedTruncatedNormal(seed=1, seed2=2)
    d = op(Tensor([1, N], ms.int32), Tensor(mu), Tensor(sd), Tensor(lo), Tensor(hi)).asnumpy()
    f64 = op(Tensor([1, N], ms.int32), *(Tensor(v, ms.float64) for v in (mu, sd, lo, hi))).asnumpy()
    a, b = (lo - mu) / sd, (hi - mu) / sd
    z = _cdf(b) - _cdf(a)
    # The truncated normal's mean μ + σ(φ(a) − φ(b))/Z and variance σ²(1 + (aφ(a) − bφ(b))/Z − ...)
    mean = mu + sd * (_phi(a) - _phi(b)) / z if z > 1e-12 else None
    assert (d >= np.float32(lo)).all() and (d <= np.float32(hi)).all()
    if mean is not None:
        var = sd * sd * (1 + (a * _phi(a) - b * _phi(b)) / z - ((_phi(a) - _phi(b)) / z) ** 2)
        _close_mean(f64, mean, var)
    else:  # far in the tail: the draws crowd at the bound nearest the mean
        assert abs(f64.mean() - hi) < 0.15


def test_parameterized_truncated_normal_batches_and_errors():
    op = ops.ParameterizedTruncatedNormal(seed=1)
    shape = Tensor([2, 3], ms.int32)
    out = op(shape, Tensor([0., 5.]), Tensor([1., 1.]), Tensor([-1., 5.]), Tensor([1., 5.5]))
    # Row i uses the i-th parameters (MindSpore 2.10's CPU draws row 1 outside [5, 5.5]).
    assert out.shape == (2, 3) and (abs(out.asnumpy()[0]) <= 1).all()
    assert ((out.asnumpy()[1] >= 5) & (out.asnumpy()[1] <= 5.5)).all()
    a = ops.ParameterizedTruncatedNormal(seed=4)(shape, Tensor(0.), Tensor(1.), Tensor(-1.), Tensor(1.))
    b = ops.ParameterizedTruncatedNormal(seed=4)(shape, Tensor(0.), Tensor(1.), Tensor(-1.), Tensor(1.))
    assert (a.asnumpy() == b.asnumpy()).all()
    one = (Tensor(0.), Tensor(1.), Tensor(-1.), Tensor(1.))
    with pytest.raises(ValueError):
        op(Tensor([3], ms.int32), *one)
    with pytest.raises(ValueError):
        op(shape, Tensor(0.), Tensor(-1.), Tensor(-1.), Tensor(1.))
    with pytest.raises(ValueError):
        op(shape, Tensor(0.), Tensor(1.), Tensor(1.), Tensor(-1.))
    with pytest.raises(TypeError):
        op(shape, Tensor(0., ms.float64), *one[1:])
    with pytest.raises(ValueError):
        op(shape, Tensor([0., 1, 2]), Tensor([1., 1, 1]), Tensor([-1., 1, 1]), Tensor([1., 2, 2]))
    with pytest.raises(TypeError):
        ops.ParameterizedTruncatedNormal(seed="a")


def test_non_deterministic_ints():
    out = ops.NonDeterministicInts(dtype=ms.int32)(Tensor((3, 4), ms.int32))
    assert out.shape == (3, 4) and out.dtype == ms.int32
    wide = ops.NonDeterministicInts()(Tensor((200, 200), ms.int64)).asnumpy()
    assert wide.dtype == np.int64 and wide.min() < -2**62 and wide.max() > 2**62
    assert ops.NonDeterministicInts(ms.uint64)(Tensor((2, 2), ms.int64)).dtype == ms.uint64
    with pytest.raises(ValueError):
        ops.NonDeterministicInts()(Tensor((3,), ms.int64))  # MindSpore: at least 2 elements
    with pytest.raises(ValueError):
        ops.NonDeterministicInts()(Tensor((2000, 1000), ms.int64))
    with pytest.raises(ValueError):
        ops.NonDeterministicInts()(Tensor((3, -1), ms.int64))
    with pytest.raises(TypeError):
        ops.NonDeterministicInts()((2, 2))
    with pytest.raises(TypeError):
        ops.NonDeterministicInts(dtype=ms.float32)
    with pytest.raises(TypeError):
        ops.NonDeterministicInts()(Tensor((2., 2.)))


def test_randperm_v2():
    p = ops.RandpermV2(seed=1)
    a = p(6).asnumpy()
    assert sorted(a) == list(range(6)) and (a == p(6).asnumpy()).all()  # the same at every call
    assert p(Tensor(5)).shape == (5,)
    assert ops.RandpermV2(seed=1, dtype=ms.float32)(5).dtype == ms.float32
    assert sorted(ops.RandpermV2(dtype=ms.uint8)(256).asnumpy().tolist()) == list(range(256))
    with pytest.raises(ValueError):
        ops.RandpermV2()(0)
    with pytest.raises(ValueError):
        ops.RandpermV2(dtype=ms.uint8)(300)
    with pytest.raises(TypeError):
        ops.RandpermV2(dtype=ms.bool_)
    with pytest.raises(TypeError):
        ops.RandpermV2(seed=1.5)
    with pytest.raises(TypeError):
        ops.RandpermV2()(3.0)


# --- fractional pooling ---------------------------------------------------------------------------

_X5 = np.array([0.3220, 0.9545, 0.7879, 0.0975, 0.3698, 0.5135, 0.5740, 0.3435, 0.1895, 0.8764,
                0.9581, 0.4760, 0.9014, 0.8522, 0.3664, 0.4980, 0.9673, 0.9879, 0.6988, 0.9022,
                0.9304, 0.1558, 0.0153, 0.1559, 0.9852], np.float32).reshape(1, 1, 5, 5)


def test_fractional_max_pool_with_fixed_ksize():
    op = ops.FractionalMaxPoolWithFixedKsize(2, (2, 2))
    y, argmax = op(Tensor(_X5), Tensor([[[0.8, 0.8]]]))
    # MindSpore 2.10 on CPU printed these (its documented example).
    assert np.allclose(y.asnumpy(), [[[[0.9545, 0.8764], [0.9673, 0.9852]]]])
    assert argmax.dtype == ms.int64 and argmax.asnumpy().tolist() == [[[[1, 9], [16, 24]]]]
    x = Tensor(np.arange(42).reshape(1, 1, 6, 7).astype(np.float32) % 11)
    y, argmax = ops.FractionalMaxPoolWithFixedKsize((2, 1), (3, 2))(x, Tensor([[[0.3, 0.7]]]))
    assert y.asnumpy().tolist() == [[[[7.0, 6.0], [10.0, 9.0], [6.0, 8.0]]]]  # as MindSpore printed
    assert argmax.asnumpy().tolist() == [[[[7, 6], [21, 20], [28, 41]]]]
    ints = Tensor(np.arange(25).reshape(1, 1, 5, 5).astype(np.int32))
    y, _ = ops.FractionalMaxPoolWithFixedKsize(2, 2)(ints, Tensor([[[0.3, 0.7]]], ms.float64))
    assert y.dtype == ms.int32 and y.asnumpy().tolist() == [[[[6, 9], [21, 24]]]]
    with pytest.raises(ValueError):
        op(Tensor(_X5[0]), Tensor([[[0.3, 0.7]]]))
    with pytest.raises(TypeError):
        op(Tensor(_X5), Tensor([[[0, 1]]]))
    with pytest.raises(ValueError):
        op(Tensor(_X5), Tensor([[[0.3, 0.7, 0.1]]]))
    with pytest.raises(ValueError):
        ops.FractionalMaxPoolWithFixedKsize(3, 4)(Tensor(_X5), Tensor([[[0.3, 0.7]]]))
    with pytest.raises(TypeError):
        op(Tensor(np.ones((1, 1, 5, 5), bool)), Tensor([[[0.3, 0.7]]]))
    with pytest.raises(ValueError):
        ops.FractionalMaxPoolWithFixedKsize(2, 2, "NHWC")
    with pytest.raises(ValueError):
        ops.FractionalMaxPoolWithFixedKsize((2, 2, 2), 2)
    with pytest.raises(TypeError):
        ops.FractionalMaxPoolWithFixedKsize(2.0, 2)


def test_fractional_max_pool_3d_with_fixed_ksize():
    v = Tensor(np.arange(1, 17, dtype=np.float32).reshape(1, 1, 2, 2, 4))
    y, argmax = ops.FractionalMaxPool3DWithFixedKsize((1, 1, 1), (1, 1, 2))(v, Tensor([[[0.7, 0.7, 0.7]]]))
    # MindSpore 2.10 on CPU printed [[[[[13. 16.]]]]] and [[[[[12 15]]]]].
    assert y.asnumpy().tolist() == [[[[[13.0, 16.0]]]]] and argmax.asnumpy().tolist() == [[[[[12, 15]]]]]
    x = np.arange(120, dtype=np.float32).reshape(1, 1, 4, 5, 6) % 7
    op = ops.FractionalMaxPool3DWithFixedKsize(2, (2, 3, 3))
    y, argmax = op(Tensor(x), Tensor([[[0.3, 0.7, 0.5]]]))
    printed = [[[[6, 33, 34], [6, 39, 41], [48, 20, 53]], [[90, 62, 95], [97, 69, 76], [109, 111, 83]]]]
    assert argmax.asnumpy().tolist() == [printed]  # as MindSpore printed
    y4, argmax4 = op(Tensor(x[0]), Tensor([[[0.3, 0.7, 0.5]]]))  # 4-D: (C, D, H, W)
    assert argmax4.asnumpy().tolist() == printed and (y4.asnumpy() == y.asnumpy()[0]).all()
    # NDHWC: the same pooling with the channels last (MindSpore 2.10 rejects it, comparing the
    # samples with the depth).
    yl, argl = ops.FractionalMaxPool3DWithFixedKsize(2, (2, 3, 3), "NDHWC")(
        Tensor(np.moveaxis(x, 1, -1)), Tensor([[[0.3, 0.7, 0.5]]]))
    assert (np.moveaxis(argl.asnumpy(), -1, 1) == argmax.asnumpy()).all()
    with pytest.raises(TypeError):
        ops.FractionalMaxPool3DWithFixedKsize(2, 2.0)
    with pytest.raises(ValueError):
        ops.FractionalMaxPool3DWithFixedKsize(2, (1, 1, 2, 2, 2))
    with pytest.raises(ValueError):
        ops.FractionalMaxPool3DWithFixedKsize(2, 2, "NCHW")
    with pytest.raises(ValueError):
        op(Tensor(x), Tensor([[[0.3, 0.7]]]))


_ROWS = np.arange(200, dtype=np.float32).reshape(1, 20, 10, 1)
# The pooling sequences MindSpore 2.10 on CPU printed for FractionalMaxPool([1.0, 1.7, 1.3, 1.0],
# pseudo_random, False, True, seed) of a (1, 20, 10, 1) input: rows, then columns.
_PRINTED = {
    (True, 1): ([0, 1, 3, 5, 7, 9, 11, 12, 14, 16, 18, 20], [0, 1, 3, 4, 5, 7, 8, 10]),
    (False, 1): ([0, 2, 4, 6, 7, 9, 10, 12, 14, 16, 18, 20], [0, 1, 3, 4, 5, 6, 8, 10]),
    (True, 2): ([0, 2, 3, 5, 7, 9, 11, 13, 14, 16, 18, 20], [0, 1, 3, 4, 6, 7, 8, 10]),
    (False, 2): ([0, 1, 3, 5, 7, 9, 11, 13, 14, 16, 18, 20], [0, 1, 2, 4, 5, 7, 9, 10]),
    (True, 3): ([0, 2, 4, 5, 7, 9, 11, 13, 15, 16, 18, 20], [0, 1, 3, 4, 6, 7, 9, 10]),
    (False, 3): ([0, 2, 4, 6, 8, 10, 11, 13, 15, 17, 19, 20], [0, 2, 3, 4, 6, 7, 8, 10]),
    (True, 7): ([0, 2, 4, 6, 8, 10, 11, 13, 15, 17, 19, 20], [0, 2, 4, 5, 7, 8, 9, 10]),
    (False, 7): ([0, 2, 4, 6, 7, 9, 11, 13, 14, 16, 18, 20], [0, 2, 3, 5, 6, 7, 8, 10]),
    (True, 12345): ([0, 2, 4, 6, 8, 10, 11, 13, 15, 17, 19, 20], [0, 2, 4, 5, 6, 8, 9, 10]),
    (False, 12345): ([0, 1, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20], [0, 2, 3, 5, 6, 7, 8, 10]),
}


@pytest.mark.parametrize("pseudo, seed", sorted(_PRINTED))
def test_fractional_pooling_sequences_are_mindspores(pseudo, seed):
    _, rows, cols = ops.FractionalMaxPool([1.0, 1.7, 1.3, 1.0], pseudo, False, True, seed=seed)(
        Tensor(_ROWS))
    assert (rows.asnumpy().tolist(), cols.asnumpy().tolist()) == _PRINTED[(pseudo, seed)]
    assert rows.dtype == ms.int64


def test_fractional_max_and_avg_pool_values():
    x = Tensor(np.arange(25, dtype=np.float32).reshape(1, 5, 5, 1))
    y, rows, cols = ops.FractionalMaxPool([1.0, 1.5, 1.5, 1.0], True, True, True, seed=1)(x)
    # MindSpore 2.10 on CPU printed these.
    assert y.asnumpy().reshape(3, 3).tolist() == [[6, 8, 9], [16, 18, 19], [21, 23, 24]]
    assert rows.asnumpy().tolist() == cols.asnumpy().tolist() == [0, 1, 3, 5]
    avg = ops.FractionalAvgPool([1.0, 1.5, 1.5, 1.0], True, True, True, seed=1)(x)[0]
    assert avg.asnumpy().reshape(3, 3).tolist() == [[3.0, 4.5, 6.0], [10.5, 12.0, 13.5], [18.0, 19.5, 21.0]]
    avg = ops.FractionalAvgPool([1.0, 1.5, 1.5, 1.0], True, False, True, seed=1)(x)[0]
    assert avg.asnumpy().reshape(3, 3).tolist() == [[0.0, 1.5, 3.5], [7.5, 9.0, 11.0], [17.5, 19.0, 21.0]]
    ints = ops.FractionalAvgPool([1.0, 1.5, 1.5, 1.0], True, True, True, seed=1)(x.astype(ms.int32))[0]
    assert ints.dtype == ms.int32  # truncated averages, as MindSpore printed
    assert ints.asnumpy().reshape(3, 3).tolist() == [[3, 4, 6], [10, 12, 13], [18, 19, 21]]
    x16 = Tensor(np.arange(1, 17).reshape(1, 4, 4, 1).astype(np.int64))
    y, rows, _ = ops.FractionalMaxPool([1.0, 1.5, 1.5, 1.0])(x16)  # MindSpore's documented example
    assert y.asnumpy().reshape(2, 2).tolist() == [[6, 8], [14, 16]] and rows.asnumpy().tolist() == [0, 2, 4]
    assert ops.FractionalAvgPool([1.0, 1.5, 1.5, 1.0])(x16)[0].asnumpy().reshape(-1).tolist() == [3, 5, 11, 13]
    x2 = Tensor(np.arange(2 * 5 * 6 * 2).reshape(2, 5, 6, 2).astype(np.float32))
    y, rows, cols = ops.FractionalMaxPool([1.0, 1.5, 2.0, 1.0], True, True, True, seed=1)(x2)
    assert y.asnumpy()[1, 2].tolist() == [[112.0, 113.0], [116.0, 117.0], [118.0, 119.0]]  # printed
    assert cols.asnumpy().tolist() == [0, 2, 4, 6]
    same = ops.FractionalMaxPool([1.0, 1.0, 1.0, 1.0])(x)[0]
    assert (same.asnumpy() == x.asnumpy()).all()


def test_fractional_pool_random_is_a_valid_sequence_and_differentiable():
    # Random and pseudo-random sequences: m intervals of lengths ⌊n/m⌋ or ⌊n/m⌋ + 1.
    for pseudo in (True, False):
        _, rows, cols = ops.FractionalMaxPool([1.0, 1.7, 1.3, 1.0], pseudo)(Tensor(_ROWS))
        for seq, n in ((rows.asnumpy(), 20), (cols.asnumpy(), 10)):
            assert seq[0] == 0 and seq[-1] == n and set(np.diff(seq)) <= {n // (len(seq) - 1),
                                                                             n // (len(seq) - 1) + 1}
    # The average's gradient: each input counts 1/|window| for every window holding it.
    x = Tensor(np.random.default_rng(0).standard_normal((1, 5, 5, 1)))
    op = ops.FractionalAvgPool([1.0, 1.5, 1.5, 1.0], True, True, True, seed=1)
    g = ops.grad(lambda a: op(a)[0].sum())(x).asnumpy().reshape(5, 5)
    w = np.zeros((5, 5))
    for r0, r1 in ((0, 2), (1, 4), (3, 5)):
        for c0, c1 in ((0, 2), (1, 4), (3, 5)):
            w[r0:r1, c0:c1] += 1.0 / ((r1 - r0) * (c1 - c0))
    assert np.allclose(g, w)
    gm = ops.grad(lambda a: ops.FractionalMaxPool([1.0, 1.5, 1.5, 1.0], True, True, True, seed=1)(a)[0]
                  .sum())(Tensor(np.arange(25.0).reshape(1, 5, 5, 1))).asnumpy().reshape(-1)
    assert gm.sum() == 9 and gm[24] == 1 and gm[6] == 1


def test_fractional_pool_errors():
    x = Tensor(np.arange(25, dtype=np.float32).reshape(1, 5, 5, 1))
    for ratio in ([1.0, 1.5, 1.5], [2.0, 1.5, 1.5, 1.0], [1.0, 0.5, 1.5, 1.0], [1.0, 6.0, 1.5, 1.0]):
        with pytest.raises(ValueError):
            ops.FractionalMaxPool(ratio)(x)
    with pytest.raises(TypeError):
        ops.FractionalMaxPool([1, 1.5, 1.5, 1.0])
    with pytest.raises(TypeError):
        ops.FractionalAvgPool((1.0, 1.5, 1.5, 1.0))
    with pytest.raises(ValueError):  # seeds need `deterministic`, as in MindSpore
        ops.FractionalMaxPool([1.0, 1.5, 1.5, 1.0], seed=3)(x)
    with pytest.raises(TypeError):
        ops.FractionalMaxPool([1.0, 1.5, 1.5, 1.0])(x.astype(ms.float16))
    with pytest.raises(ValueError):
        ops.FractionalAvgPool([1.0, 1.5, 1.5, 1.0])(x[0])

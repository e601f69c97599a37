"""mindspore.mint's tensor functions: signatures against MindSpore 2.10's (mint_signatures.py),
values against NumPy and against what MindSpore 2.10 returned on CPU (quoted in the comments),
dtypes, error classes and gradients."""
import inspect
import re

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import mint
from mint_signatures import SIGNATURES

X = np.array([[1.0, 5.0, 3.0], [4.0, 2.0, 6.0]], np.float32)
XI = X.astype(np.int32)


def t(a, dtype=None):
    return ms.Tensor(np.asarray(a, dtype) if dtype else np.asarray(a))


def _norm(sig):
    sig = re.sub(r"\s*->.*$", "", sig)
    sig = re.sub(r": [A-Za-z_\[\]. ]+?(?=[,=)])", "", sig)
    sig = re.sub(r"\s*=\s*", "=", sig)
    return sig.replace("mindspore.int64", "Int64")


UNPROVIDED = {("mint", "batch_norm_elemt"), ("mint", "batch_norm_gather_stats_with_counts"),
              ("mint", "batch_norm_stats"), ("mint", "conv_tbc")}


@pytest.mark.parametrize("ns", sorted(SIGNATURES))
def test_signatures_are_mindspore_2_10s(ns):
    mod = ms
    for part in ns.split("."):
        mod = getattr(mod, part)
    for name, sig in SIGNATURES[ns].items():
        if (ns, name) in UNPROVIDED:
            assert not hasattr(mod, name)
            continue
        obj = getattr(mod, name)
        if "*args, **kwargs" in sig:  # an overloaded name: its forms are tested by value
            continue
        ours = str(inspect.signature(obj.__init__ if inspect.isclass(obj) else obj))
        assert _norm(ours) == _norm(sig), (ns, name)


def test_import_forms():
    import mindspore.mint.nn.functional as F  # noqa: N812
    from mindspore import mint as m
    assert m is mint and F is mint.nn.functional and ms.mint is mint
    assert set(mint.__all__) <= set(dir(mint))


# -- creation ------------------------------------------------------------------------------------

def test_creation_dtypes_and_values():
    assert mint.zeros((2, 3)).dtype == ms.float32 and mint.zeros(2, dtype=ms.int32).dtype == ms.int32
    assert mint.ones((2,)).asnumpy().tolist() == [1.0, 1.0]
    assert mint.full((2,), 3).dtype == ms.int64 and mint.full((2,), 3.5).dtype == ms.float32
    assert mint.full((2,), True).dtype == ms.bool_
    assert mint.empty(2, 3).shape == (2, 3) and mint.empty((2, 3), dtype=ms.int32).dtype == ms.int32
    assert mint.arange(5).dtype == ms.int64
    np.testing.assert_allclose(mint.arange(0, 1, 0.25).asnumpy(), np.arange(0, 1, 0.25))
    np.testing.assert_allclose(mint.linspace(0, 1, 5).asnumpy(), np.linspace(0, 1, 5))
    np.testing.assert_array_equal(mint.eye(2, 3).asnumpy(), np.eye(2, 3))  # MindSpore: Float32
    assert mint.zeros_like(t(XI)).dtype == ms.int32
    assert mint.full_like(t(X), 7).asnumpy().tolist() == [[7.0] * 3] * 2


def test_random_draws():
    ms.set_seed(3)
    a = mint.rand(2, 3)
    ms.set_seed(3)
    assert np.array_equal(a.asnumpy(), mint.rand((2, 3)).asnumpy())
    r = mint.randint(3, 10, (1000,))
    assert r.dtype == ms.int64 and 3 <= int(r.min()) and int(r.max()) < 10
    assert mint.randint(5, (4,)).shape == (4,)
    n = mint.normal(t([0.0, 10.0], np.float32), t([0.0, 0.0], np.float32))
    assert n.asnumpy().tolist() == [0.0, 10.0]
    assert sorted(mint.randperm(6).asnumpy().tolist()) == list(range(6))
    g = ms.Generator()
    g.manual_seed(1)
    x1 = mint.randn(3, generator=g)
    g.manual_seed(1)
    assert np.array_equal(x1.asnumpy(), mint.randn(3, generator=g).asnumpy())
    with pytest.raises(TypeError):
        mint.rand(2, dtype=ms.int32)
    with pytest.raises(ValueError):
        mint.zeros((-1, 2))


# -- arithmetic ----------------------------------------------------------------------------------

def test_add_sub_alpha_as_measured():
    # MindSpore 2.10: add(x, x, alpha=2) = 3x; sub(x, 1, alpha=3) = x - 3; sub(int, 1, alpha=2) Int32
    np.testing.assert_array_equal(mint.add(t(X), t(X), alpha=2).asnumpy(), 3 * X)
    np.testing.assert_array_equal(mint.sub(t(X), 1, alpha=3).asnumpy(), X - 3)
    r = mint.sub(t(XI), 1, alpha=2)
    assert r.dtype == ms.int32 and r.asnumpy().tolist() == [[-1, 3, 1], [2, 0, 4]]
    assert mint.add(t(XI), 2.5).dtype == ms.float32
    both = mint.add(t([True, False]), t([True, False]))
    assert both.dtype == ms.bool_ and both.asnumpy().tolist() == [True, False]  # measured: Bool
    diff = mint.sub(t([True, True, False]), t([True, False, False]))
    assert diff.dtype == ms.bool_ and diff.asnumpy().tolist() == [False, True, False]  # measured: Bool
    with pytest.raises(TypeError):  # measured: LogAddExp takes no Python number
        mint.logaddexp(t(X), 2)
    # measured: TypeError "floating alpha need floating input and other", "boolean alpha need ..."
    with pytest.raises(TypeError, match="alpha"):
        mint.add(t(XI), t(XI), alpha=2.5)
    with pytest.raises(TypeError, match="alpha"):
        mint.add(t(X), t(X), alpha=True)


def test_div_rounding_modes_as_measured():
    a = t([-7, 7], np.int32)
    assert mint.div(a, 2).dtype == ms.float32
    floor = mint.div(a, 2, rounding_mode="floor")
    trunc = mint.div(a, 2, rounding_mode="trunc")
    assert floor.dtype == ms.int32 and floor.asnumpy().tolist() == [-4, 3]  # measured
    assert trunc.dtype == ms.int32 and trunc.asnumpy().tolist() == [-3, 3]  # measured
    np.testing.assert_array_equal(mint.div(t(X), -4, rounding_mode="trunc").asnumpy(), np.trunc(X / -4))
    with pytest.raises(ValueError):  # measured: ValueError
        mint.div(t(X), t(X), rounding_mode="bad")


def test_elementwise_against_numpy():
    x = t(X)
    for name, ref in [("abs", np.abs), ("exp", np.exp), ("log", np.log), ("sqrt", np.sqrt),
                      ("sin", np.sin), ("tanh", np.tanh), ("floor", np.floor), ("ceil", np.ceil),
                      ("neg", np.negative), ("square", np.square), ("rsqrt", lambda v: 1 / np.sqrt(v)),
                      ("log1p", np.log1p), ("expm1", np.expm1), ("sign", np.sign)]:
        np.testing.assert_allclose(getattr(mint, name)(x).asnumpy(), ref(X), rtol=1e-6, err_msg=name)
    np.testing.assert_allclose(mint.sigmoid(x).asnumpy(), 1 / (1 + np.exp(-X)), rtol=1e-6)
    np.testing.assert_array_equal(mint.maximum(x, 3.0).asnumpy(), np.maximum(X, 3))
    np.testing.assert_array_equal(mint.remainder(t([-3.0, 3.0], np.float32), 2).asnumpy(), [1.0, 1.0])
    np.testing.assert_array_equal(mint.fmod(t([-3.0, 3.0], np.float32), 2).asnumpy(), [-1.0, 1.0])
    np.testing.assert_array_equal(mint.round(t([0.5, 1.5, 2.5], np.float32)).asnumpy(), [0, 2, 2])
    assert mint.pow(t(XI), 2).dtype == ms.int32 and mint.pow(t(XI), 0.5).dtype == ms.float32
    np.testing.assert_array_equal(mint.clamp(t(X), 2, 4).asnumpy(), np.clip(X, 2, 4))
    assert mint.clamp(t(XI), 2.5).dtype == ms.float32  # measured: Float32
    with pytest.raises(ValueError):  # measured: ValueError "at least one of 'min' or 'max'"
        mint.clamp(t(X))
    np.testing.assert_array_equal(mint.bitwise_not(t([0, 5, -1], np.int32)).asnumpy(), [-1, -6, 0])
    np.testing.assert_array_equal(mint.gcd(t([7, 8, 9], np.int64), t([14, 6, 12], np.int64)).asnumpy(),
                                  [7, 2, 3])  # measured
    np.testing.assert_allclose(mint.nan_to_num(t([np.nan, np.inf, -np.inf, 5.0], np.float32)).asnumpy(),
                               [0.0, 3.40282347e38, -3.40282347e38, 5.0])  # measured
    np.testing.assert_allclose(mint.lerp(t([1.0, 2.0], np.float32), t([3.0, 6.0], np.float32), 0.5).asnumpy(),
                               [2.0, 4.0])
    assert mint.polar(t([2.0], np.float32), t([0.0], np.float32)).dtype == ms.complex64


def test_comparisons_and_logic():
    x = t(X)
    assert mint.eq(x, 5).asnumpy().tolist() == [[False, True, False], [False, False, False]]
    assert mint.equal(x, x) is True and mint.equal(x, x + 1) is False
    assert mint.allclose(x, x) is True  # measured: True
    assert mint.isclose(x, x + 1e-6).asnumpy().all()
    with pytest.raises(TypeError):  # measured: "For primitive[IsClose], the input type must be same"
        mint.isclose(t(XI), x)
    # measured: xlogy(int32, 2) is Float32 [0.6931, -3.4657, ...] (x * log 2)
    np.testing.assert_allclose(mint.xlogy(t([[1, -5]], np.int32), 2).asnumpy(), [[np.log(2), -5 * np.log(2)]],
                               rtol=1e-6)
    assert mint.logical_and(x, t(XI)).dtype == ms.bool_
    w = mint.where(x > 2, x, 0.0)
    np.testing.assert_array_equal(w.asnumpy(), np.where(X > 2, X, 0))
    assert mint.where(x > 2, 1, 0).dtype == ms.int64  # measured: Int64
    assert mint.where(x > 2, 1.5, 0).dtype == ms.float32  # measured: Float32
    rows, cols = mint.where(x > 2)
    assert rows.asnumpy().tolist() == [0, 0, 1, 1] and cols.asnumpy().tolist() == [1, 2, 0, 2]


# -- reductions ----------------------------------------------------------------------------------

def test_reductions_dtypes_as_measured():
    assert mint.sum(t(XI)).dtype == ms.int64 and int(mint.sum(t(XI))) == 21  # measured: Int64 21
    assert mint.sum(t([True, False])).dtype == ms.int64  # measured: Int64 1
    m = mint.mean(t(XI))
    assert m.dtype == ms.int32 and int(m) == 3  # measured: Int32 3
    assert mint.prod(t(XI)).dtype == ms.int64 and int(mint.prod(t(XI))) == 720  # measured
    assert mint.prod(t(XI), 1, dtype=ms.float32).asnumpy().tolist() == [15.0, 48.0]  # measured
    assert mint.sum(t(XI), dtype=ms.float32).dtype == ms.float32
    assert float(mint.sum(t(X), ())) == 21.0  # measured: dim=() sums everything
    assert mint.mean(t(X), dim=(0, 1), keepdim=True).shape == (1, 1)


def test_max_min_forms_as_measured():
    x = t(X)
    assert float(mint.max(x)) == 6.0
    v, i = mint.max(x, 1)
    assert v.asnumpy().tolist() == [5.0, 6.0] and i.dtype == ms.int64 and i.asnumpy().tolist() == [1, 2]
    v, i = mint.max(x, dim=1, keepdim=True)
    assert v.shape == (2, 1) and i.shape == (2, 1)
    v, i = mint.min(x, 0)
    assert v.asnumpy().tolist() == [1.0, 2.0, 3.0] and i.asnumpy().tolist() == [0, 1, 0]  # measured
    np.testing.assert_array_equal(mint.max(x, t(X[::-1].copy())).asnumpy(), np.maximum(X, X[::-1]))
    v, _ = mint.max(t(XI), 1)
    assert v.dtype == ms.int32  # measured: Int32 values, Int64 indices
    with pytest.raises(ValueError):  # measured: ValueError "the axis must be in [-2,2)"
        mint.max(x, 4)
    with pytest.raises(ValueError):
        mint.sum(x, 5)


def test_statistics_against_numpy():
    x = t(X)
    np.testing.assert_allclose(mint.std(x).asnumpy(), X.std(ddof=1), rtol=1e-6)
    np.testing.assert_allclose(mint.var(x, 1, correction=0).asnumpy(), X.var(1), rtol=1e-6)
    np.testing.assert_allclose(mint.std(x, dim=1, correction=0, keepdim=True).asnumpy(),
                               X.std(1, keepdims=True), rtol=1e-6)
    v, m = mint.var_mean(x, 1)
    np.testing.assert_allclose(v.asnumpy(), X.var(1, ddof=1), rtol=1e-6)
    np.testing.assert_allclose(m.asnumpy(), X.mean(1), rtol=1e-6)
    np.testing.assert_allclose(mint.logsumexp(x, 1).asnumpy(), np.log(np.exp(X).sum(1)), rtol=1e-6)
    assert mint.argmax(x).dtype == ms.int64 and int(mint.argmax(x)) == 5
    assert mint.argmin(x, 1, True).asnumpy().tolist() == [[0], [1]]
    c = mint.cumsum(t(XI), 1)
    assert c.dtype == ms.int64 and c.asnumpy().tolist() == [[1, 6, 9], [4, 6, 12]]
    np.testing.assert_array_equal(mint.cumprod(x, 1).asnumpy(), np.cumprod(X, 1))  # measured
    v, i = mint.cummax(x, 1)
    assert i.dtype == ms.int64 and i.asnumpy().tolist() == [[0, 1, 1], [0, 0, 2]]  # measured
    assert float(mint.median(t([4.0, 1.0, 3.0, 2.0], np.float32))) == 2.0
    assert float(mint.nansum(t([1.0, np.nan], np.float32))) == 1.0  # measured: 1
    assert mint.nansum(t([[1, -5], [4, 2]], np.int32), 1).dtype == ms.int32  # measured: Int32
    with pytest.raises(RuntimeError):  # measured: "unsupported reduce operation for bool"
        mint.mean(t([True, False]))
    assert mint.count_nonzero(t([[0, 1], [2, 3]]), 1).asnumpy().tolist() == [1, 2]
    np.testing.assert_allclose(float(mint.norm(x)), np.linalg.norm(X), rtol=1e-6)
    np.testing.assert_allclose(mint.norm(x, 1, 1).asnumpy(), np.abs(X).sum(1), rtol=1e-6)
    assert mint.any(x > 5, 1).asnumpy().tolist() == [False, True]  # measured
    assert bool(mint.all(x))  # measured: True
    np.testing.assert_allclose(mint.softmax(x, 1).asnumpy(),  # measured [0.0158762, 0.8668134, ...]
                               [[1.58762224e-02, 8.66813362e-01, 1.17310368e-01],
                                [1.17310382e-01, 1.58762261e-02, 8.66813481e-01]], rtol=1e-5)
    with pytest.raises(TypeError):  # measured: TypeError for an Int32 input
        mint.softmax(t(XI), 1)
    with pytest.raises(TypeError):
        mint.std(t(XI))


# -- shapes, indexing, sorting --------------------------------------------------------------------

def test_shape_functions():
    x = t(X)
    assert mint.cat([x, x], 1).shape == (2, 6) and mint.cat([x, t(XI)], 0).dtype == ms.float32
    with pytest.raises(ValueError):  # measured: ValueError "element rank must be same"
        mint.cat([x, t([1.0, 2.0], np.float32)], 0)
    with pytest.raises(ValueError):
        mint.cat([x, x], 2)
    assert mint.stack([x, x], -1).shape == (2, 3, 2)
    assert [p.shape for p in mint.split(x, 2, 1)] == [(2, 2), (2, 1)]  # measured
    assert [p.shape for p in mint.split(x, [1, 2], 1)] == [(2, 1), (2, 2)]  # measured
    with pytest.raises(ValueError):  # measured: ValueError (sections do not add up)
        mint.split(x, [1, 1], 1)
    assert [p.shape for p in mint.chunk(x, 2, 1)] == [(2, 2), (2, 1)]  # measured
    with pytest.raises(ValueError):  # measured: "chunks should be greater than 0"
        mint.chunk(x, 0, 1)
    assert mint.reshape(x, (-1,)).shape == (6,)
    with pytest.raises(ValueError):  # measured: ValueError
        mint.reshape(x, (4,))
    assert mint.permute(x, (1, 0)).shape == (3, 2)
    with pytest.raises(ValueError):  # measured: ValueError
        mint.permute(x, (0,))
    with pytest.raises(ValueError):  # measured: "Dimension out of range"
        mint.transpose(x, 0, 2)
    ones = mint.ones((1, 2, 1))
    assert mint.squeeze(ones, 2).shape == (1, 2) and mint.squeeze(ones, (0, 2)).shape == (2,)
    assert mint.squeeze(ones, 1).shape == (1, 2, 1)  # measured: a non-1 dim is left
    with pytest.raises(ValueError):  # measured: ValueError
        mint.unsqueeze(x, 3)
    assert mint.flatten(x).shape == (6,) and mint.flatten(t(3.0)).shape == (1,)  # measured
    assert mint.flatten(mint.ones((2, 3, 4)), 1).shape == (2, 12)
    assert mint.narrow(x, 1, 1, 2).asnumpy().tolist() == [[5.0, 3.0], [2.0, 6.0]]  # measured
    assert mint.select(x, 1, -1).asnumpy().tolist() == [3.0, 6.0]  # measured
    assert [u.asnumpy().tolist() for u in mint.unbind(x, 1)] == [[1.0, 4.0], [5.0, 2.0], [3.0, 6.0]]
    np.testing.assert_array_equal(mint.tile(x, (2,)).asnumpy(), np.tile(X, 2))
    np.testing.assert_array_equal(mint.repeat_interleave(x, 2, 1).asnumpy(), np.repeat(X, 2, 1))
    np.testing.assert_array_equal(mint.repeat_interleave(x, t([1, 2]), 0).asnumpy(),
                                  np.repeat(X, [1, 2], 0))
    np.testing.assert_array_equal(mint.flip(x, (0, 1)).asnumpy(), X[::-1, ::-1])  # measured
    np.testing.assert_array_equal(mint.roll(x, 1).asnumpy(), np.roll(X, 1))
    np.testing.assert_array_equal(mint.tril(x, 1).asnumpy(), np.tril(X, 1))
    np.testing.assert_array_equal(mint.diag(t([1, 2]), 1).asnumpy(), np.diag([1, 2], 1))
    np.testing.assert_array_equal(mint.diag(x, 1).asnumpy(), np.diag(X, 1))
    np.testing.assert_array_equal(mint.diff(x).asnumpy(), np.diff(X))  # measured
    a, b = mint.meshgrid(t([1, 2]), t([3, 4, 5]))
    assert a.shape == (2, 3) and a.asnumpy()[:, 0].tolist() == [1, 2]  # measured: 'ij'
    assert mint.hstack([x, x]).shape == (2, 6) and mint.dstack([x, x]).shape == (2, 3, 2)


def test_indexing_and_sorting():
    x = t(X)
    g = mint.gather(x, 1, t([[0, 0], [1, 2]], np.int64))
    assert g.asnumpy().tolist() == [[1.0, 1.0], [2.0, 6.0]]  # measured
    with pytest.raises(ValueError):  # measured: ValueError "the dim value must be in"
        mint.gather(x, 2, t([[0]], np.int64))
    with pytest.raises(TypeError):  # measured: TypeError for a float index
        mint.gather(x, 1, t([[0.0]], np.float32))
    assert mint.index_select(x, 1, t([2, 0], np.int32)).asnumpy().tolist() == [[3.0, 1.0], [6.0, 4.0]]
    with pytest.raises(ValueError):  # measured: "the rank of 'index' must not be greater than 1"
        mint.index_select(x, 1, t([[0]], np.int64))
    s = mint.scatter(x, 1, t([[0], [1]], np.int64), t([[9.0], [8.0]], np.float32))
    assert s.asnumpy().tolist() == [[9.0, 5.0, 3.0], [4.0, 8.0, 6.0]]  # measured
    s = mint.scatter(x, 1, t([[0], [1]], np.int64), 7.0)
    assert s.asnumpy().tolist() == [[7.0, 5.0, 3.0], [4.0, 7.0, 6.0]]  # measured
    sa = mint.scatter_add(x, 1, t([[0, 0], [1, 1]], np.int64), t([[9.0, 1.0], [8.0, 1.0]], np.float32))
    assert sa.asnumpy().tolist() == [[11.0, 5.0, 3.0], [4.0, 11.0, 6.0]]
    ia = mint.index_add(x, 1, t([0, 0], np.int64), t([[1.0, 1.0], [2.0, 2.0]], np.float32), alpha=2)
    assert ia.asnumpy().tolist() == [[5.0, 5.0, 3.0], [12.0, 2.0, 6.0]]
    assert mint.take(x, t([0, 5, -1], np.int64)).asnumpy().tolist() == [1.0, 6.0, 6.0]
    with pytest.raises(IndexError):
        mint.take(x, t([6], np.int64))
    assert mint.masked_select(x, x > 2).asnumpy().tolist() == [5.0, 3.0, 4.0, 6.0]  # measured
    nz = mint.nonzero(x > 2)
    assert nz.dtype == ms.int64 and nz.asnumpy().tolist() == [[0, 1], [0, 2], [1, 0], [1, 2]]  # measured
    v, i = mint.sort(x, dim=1, descending=True)
    assert v.asnumpy().tolist() == [[5.0, 3.0, 1.0], [6.0, 4.0, 2.0]] and i.dtype == ms.int64
    assert mint.argsort(x).asnumpy().tolist() == np.argsort(X, 1).tolist()
    v, i = mint.topk(x, 2)
    assert v.asnumpy().tolist() == [[5.0, 3.0], [6.0, 4.0]] and i.asnumpy().tolist() == [[1, 2], [2, 0]]
    v, i = mint.kthvalue(x, 2, 1)
    assert v.asnumpy().tolist() == [3.0, 4.0] and i.asnumpy().tolist() == [2, 0]
    with pytest.raises(ValueError):
        mint.kthvalue(x, 4, 1)
    out, inv, cnt = mint.unique(t([3, 1, 2, 1, 3], np.int32), return_inverse=True, return_counts=True)
    assert out.dtype == ms.int32 and out.asnumpy().tolist() == [1, 2, 3]
    assert inv.asnumpy().tolist() == [2, 0, 1, 0, 2] and cnt.asnumpy().tolist() == [2, 1, 2]
    assert mint.unique(t([3, 1, 3]), sorted=False).asnumpy().tolist() == [3, 1]
    out, inv, cnt = mint.unique_consecutive(t([1, 1, 2, 2, 3, 1]), return_inverse=True, return_counts=True)
    assert out.asnumpy().tolist() == [1, 2, 3, 1] and cnt.asnumpy().tolist() == [2, 2, 1, 1]  # measured
    assert mint.searchsorted(t([1.0, 3.0, 5.0], np.float32), t([3.0, 4.0], np.float32)).asnumpy().tolist() == [1, 2]
    assert mint.bincount(t([0, 1, 1, 3])).asnumpy().tolist() == [1, 2, 0, 1]
    np.testing.assert_allclose(mint.bincount(t([0, 1, 1, 3]), t([0.5, 1.0, 1.0, 2.0], np.float32)).asnumpy(),
                               np.bincount([0, 1, 1, 3], [0.5, 1.0, 1.0, 2.0]))
    np.testing.assert_array_equal(mint.histc(t([1.0, 2.0, 1.0], np.float32), bins=4, min=0, max=3).asnumpy(),
                                  np.histogram([1.0, 2.0, 1.0], 4, (0, 3))[0])


def test_products():
    x = t(X)
    np.testing.assert_allclose(mint.matmul(x, x.T).asnumpy(), X @ X.T)  # measured [[35, 32], [32, 56]]
    with pytest.raises(RuntimeError):  # measured: RuntimeError from MatMulExt
        mint.matmul(x, x)
    with pytest.raises(ValueError):
        mint.mm(x, t([1.0, 2.0, 3.0], np.float32))
    assert float(mint.matmul(t([1.0, 2.0], np.float32), t([3.0, 4.0], np.float32))) == 11.0  # measured
    np.testing.assert_allclose(mint.mv(x, t([1.0, 1.0, 1.0], np.float32)).asnumpy(), X.sum(1))
    np.testing.assert_allclose(mint.outer(t([1.0, 2.0], np.float32), t([3.0, 4.0], np.float32)).asnumpy(),
                               np.outer([1, 2], [3, 4]))
    np.testing.assert_allclose(mint.addmm(t([1.0], np.float32), x, x.T, beta=2, alpha=0.5).asnumpy(),
                               2 + 0.5 * X @ X.T)
    b1, b2 = np.ones((2, 2, 3), np.float32), np.ones((2, 3, 4), np.float32)
    np.testing.assert_allclose(mint.baddbmm(t(np.ones((2, 2, 4), np.float32)), t(b1), t(b2), beta=0.5, alpha=2).asnumpy(),
                               0.5 + 2 * b1 @ b2)
    np.testing.assert_allclose(mint.addbmm(mint.zeros((2, 4)), t(b1), t(b2)).asnumpy(), (b1 @ b2).sum(0))
    np.testing.assert_allclose(mint.einsum("ij,kj->ik", x, x).asnumpy(), X @ X.T)
    np.testing.assert_allclose(mint.cdist(t([[0.0, 0.0]], np.float32), t([[3.0, 4.0]], np.float32)).asnumpy(),
                               [[5.0]])  # measured
    np.testing.assert_allclose(mint.cross(t([[1.0, 0.0, 0.0]], np.float32), t([[0.0, 1.0, 0.0]], np.float32)).asnumpy(),
                               [[0.0, 0.0, 1.0]])  # measured
    a = np.array([[2.0, 1.0], [0.0, 4.0]], np.float32)
    sol, _ = mint.triangular_solve(t([[1.0], [2.0]], np.float32), t(a))
    np.testing.assert_allclose(sol.asnumpy(), np.linalg.solve(a, [[1.0], [2.0]]), rtol=1e-6)
    np.testing.assert_allclose(mint.inverse(t(a)).asnumpy(), np.linalg.inv(a), rtol=1e-6)
    assert mint.item(t([2.5], np.float32)) == 2.5  # measured: 2.5


def test_gradients_flow():
    x = t(X)
    g = ms.grad(lambda v: mint.sum(mint.mul(v, v)))(x)
    np.testing.assert_allclose(g.asnumpy(), 2 * X)
    g = ms.grad(lambda v: mint.max(v, 1)[0].sum())(x)
    assert g.asnumpy().tolist() == [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]
    g = ms.grad(lambda v: mint.gather(v, 1, t([[0, 0], [1, 2]], np.int64)).sum())(x)
    assert g.asnumpy().tolist() == [[2.0, 0.0, 0.0], [0.0, 1.0, 1.0]]
    g = ms.grad(lambda v: mint.clone(v).sum() + mint.std(v))(x)
    np.testing.assert_allclose(g.asnumpy(), 1 + (X - X.mean()) / (5 * X.std(ddof=1)), rtol=1e-5)


@pytest.mark.parametrize("shape", [(3, 3), (5, 3), (3, 5), (2, 4, 3), (4, 1), (1, 4)])
def test_qr_matches_lapack(shape):
    a = np.random.default_rng(0).standard_normal(shape)
    for mode in ("reduced", "complete"):
        q, r = mint.linalg.qr(t(a), mode)
        qn, rn = np.linalg.qr(a, mode)
        np.testing.assert_allclose(q.asnumpy(), qn, atol=1e-12)
        np.testing.assert_allclose(r.asnumpy(), rn, atol=1e-12)
    q, r = mint.linalg.qr(t(a), "r")
    assert q.shape == (0,) and r.shape == np.linalg.qr(a, "r").shape


def test_qr_docs_example_and_errors():
    # MindSpore's documented example: Q = [[-0.7071, -0.7071], [-0.7071, 0.7071]], R[0] = -sqrt(2) * [1, 1, 2, 4]
    q, r = mint.linalg.qr(t([[1.0, 1.0, 2.0, 4.0], [1.0, 1.0, 2.0, 4.0]], np.float32))
    np.testing.assert_allclose(q.asnumpy(), [[-0.70710683, -0.70710677], [-0.70710677, 0.70710683]], rtol=1e-5)
    np.testing.assert_allclose(r.asnumpy()[0], -np.sqrt(2) * np.array([1, 1, 2, 4]), rtol=1e-5)
    with pytest.raises(ValueError):
        mint.linalg.qr(t([1.0, 2.0], np.float32))
    with pytest.raises(TypeError):
        mint.linalg.qr(t([[1, 2], [3, 4]], np.int32))
    g = ms.grad(lambda x: mint.linalg.qr(x)[1].sum())(t(np.eye(3) + 0.1))
    assert g.shape == (3, 3) and np.isfinite(g.asnumpy()).all()


def test_bad_arguments_name_the_op():
    # Python's own errors inside a mint function become the package's class naming the function.
    x = t(X)
    for call, cls in [(lambda: mint.permute(x, None), TypeError), (lambda: mint.tile(x, 2), TypeError),
                      (lambda: mint.squeeze(x, 1.5), TypeError), (lambda: mint.randperm("a"), TypeError),
                      (lambda: mint.nn.functional.group_norm(x.reshape(2, 3, 1), None), TypeError),
                      (lambda: mint.linalg.vector_norm(x, "bad"), (TypeError, ValueError))]:
        with pytest.raises(cls) as info:
            call()
        assert isinstance(info.value, ms.Error) and "For '" in str(info.value)

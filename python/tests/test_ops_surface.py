"""The ops functions, primitive classes and Tensor methods real MindSpore code calls (the D2L
book's MindSpore port among them): values and dtypes against NumPy, and where MindSpore's result
is not NumPy's, against MindSpore 2.10's (measured; noted at each test). Gradients through the
differentiable ones against hand-derived values."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, ops

RNG = np.random.default_rng(7)


def arr(t):
    return t.asnumpy()


# -- sorting -------------------------------------------------------------------------------------

@pytest.mark.parametrize("shape,axis", [((7,), -1), ((3, 5), 0), ((3, 5), 1), ((2, 3, 4), 1),
                                        ((0, 3), 1), ((4, 1), 0)])
@pytest.mark.parametrize("descending", [False, True])
def test_sort_matches_numpys_stable_sort(shape, axis, descending):
    a = RNG.integers(-3, 3, size=shape).astype(np.float32)  # many ties
    v, i = ops.sort(Tensor(a), axis, descending)
    key = -a if descending else a
    want_i = np.argsort(key, axis=axis, kind="stable")
    assert v.dtype == ms.float32 and i.dtype == ms.int32
    np.testing.assert_array_equal(arr(i), want_i)
    np.testing.assert_array_equal(arr(v), np.take_along_axis(a, want_i, axis))


def test_sort_puts_nan_last_and_first_when_descending():
    a = np.array([2.0, np.nan, -1.0, 5.0], np.float64)
    v, i = ops.sort(Tensor(a))
    np.testing.assert_array_equal(arr(i), [2, 0, 3, 1])
    v, i = ops.sort(Tensor(a), descending=True)
    np.testing.assert_array_equal(arr(i), [1, 3, 0, 2])
    assert np.isnan(arr(v)[0])


def test_topk_and_argsort_as_mindspore():
    # MindSpore 2.10: topk([3,1,2,1], 2) = ([3, 2], Int32 [0, 2]); argsort(descending) = [0 2 1 3].
    x = Tensor([3.0, 1.0, 2.0, 1.0])
    v, i = ops.topk(x, 2)
    np.testing.assert_array_equal(arr(v), [3.0, 2.0])
    assert i.dtype == ms.int32 and arr(i).tolist() == [0, 2]
    assert arr(ops.argsort(x, descending=True)).tolist() == [0, 2, 1, 3]
    v, i = ops.topk(x, 2, largest=False)
    assert arr(i).tolist() == [1, 3]
    m = Tensor([[1.0, 2.0], [3.0, 4.0]])
    v, i = m.topk(1)
    assert v.shape == (2, 1) and arr(i).tolist() == [[1], [1]]
    with pytest.raises(ValueError, match="TopK"):
        ops.topk(x, 5)
    with pytest.raises(TypeError):
        ops.topk(x, 1.5)


def test_sorted_values_are_differentiable():
    x = Tensor([3.0, -1.0, 2.0])
    w = Tensor([1.0, 10.0, 100.0])
    g = ms.grad(lambda t: (ops.sort(t)[0] * w).sum())(x)
    np.testing.assert_array_equal(arr(g), [100.0, 1.0, 10.0])
    g = ms.grad(lambda t: ops.topk(t, 2)[0].sum())(x)
    np.testing.assert_array_equal(arr(g), [1.0, 0.0, 1.0])


def test_sort_inside_jit_and_vmap():
    f = ms.jit(lambda t: ops.sort(t, descending=True)[0])
    np.testing.assert_array_equal(arr(f(Tensor([1.0, 3.0, 2.0]))), [3.0, 2.0, 1.0])
    b = ms.vmap(lambda t: ops.argsort(t))(Tensor([[3.0, 1.0, 2.0], [0.0, 5.0, -1.0]]))
    np.testing.assert_array_equal(arr(b), [[1, 2, 0], [2, 0, 1]])


# -- gathering, scattering, masks ---------------------------------------------------------------

def test_gather_and_gather_elements_against_numpy():
    a = RNG.standard_normal((3, 4)).astype(np.float32)
    idx = np.array([[3, 0], [1, 1], [-1, 2]], np.int64)
    np.testing.assert_array_equal(arr(ops.gather_elements(Tensor(a), 1, Tensor(idx))),
                                  np.take_along_axis(a, idx % 4, 1))
    np.testing.assert_array_equal(arr(Tensor(a).gather_elements(1, Tensor(idx))),
                                  np.take_along_axis(a, idx % 4, 1))
    np.testing.assert_array_equal(arr(ops.gather(Tensor(a), Tensor([2, 0], ms.int32), 1)), a[:, [2, 0]])
    np.testing.assert_array_equal(arr(ops.GatherD()(Tensor(a), 0, Tensor([[2, 0, 1, 1]]))),
                                  np.take_along_axis(a, np.array([[2, 0, 1, 1]]), 0))
    with pytest.raises(IndexError):
        ops.gather_elements(Tensor(a), 1, Tensor([[4]]))
    with pytest.raises(TypeError):
        ops.gather_elements(Tensor(a), 1, Tensor([[0.5]]))
    g = ms.grad(lambda t: ops.gather_elements(t, 1, Tensor([[1, 1], [0, 2], [3, 3]])).sum())(Tensor(a))
    np.testing.assert_array_equal(arr(g), [[0, 2, 0, 0], [1, 0, 1, 0], [0, 0, 0, 2]])


def test_scatter_one_hot_masked_fill_masked_select():
    x = Tensor(np.zeros((2, 3), np.float32))
    out = ops.scatter(x, 1, Tensor([[2], [0]]), Tensor([[5.0], [7.0]]))
    np.testing.assert_array_equal(arr(out), [[0, 0, 5], [7, 0, 0]])
    assert arr(x).sum() == 0  # the input is untouched
    # MindSpore 2.10: one_hot with the default on/off values is Int64; with Float32 tensors Float32.
    oh = ops.one_hot(Tensor([0, 2], ms.int32), 3)
    assert oh.dtype == ms.int64 and arr(oh).tolist() == [[1, 0, 0], [0, 0, 1]]
    oh = ops.one_hot(Tensor([[1]], ms.int32), 2, Tensor(1.0), Tensor(0.0), axis=0)
    assert oh.dtype == ms.float32 and oh.shape == (2, 1, 1)
    m = Tensor([[1.0, 2.0], [3.0, 4.0]])
    np.testing.assert_array_equal(arr(m.masked_fill(m > 2, 0.0)), [[1, 2], [0, 0]])
    np.testing.assert_array_equal(arr(ops.masked_select(m, Tensor([True, False]))), [1.0, 3.0])
    with pytest.raises(TypeError):
        ops.masked_fill(m, Tensor([1, 0]), 0.0)


def test_nonzero_and_unique_as_mindspore():
    # MindSpore 2.10: nonzero gives Int64 [N, ndim]; unique keeps first-appearance order.
    nz = ops.nonzero(Tensor([[1, 0], [0, 3]]))
    assert nz.dtype == ms.int64 and arr(nz).tolist() == [[0, 0], [1, 1]]
    assert ops.nonzero(Tensor(np.zeros((2, 2)))).shape == (0, 2)
    out, idx = ops.unique(Tensor([3, 1, 3, 2]))
    assert arr(out).tolist() == [3, 1, 2] and arr(idx).tolist() == [0, 1, 0, 2]
    assert idx.dtype == ms.int64


# -- shapes: tile, repeat, pad, meshgrid --------------------------------------------------------

def test_tile_repeat_interleave_and_tensor_repeat():
    a = RNG.standard_normal((2, 3)).astype(np.float32)
    np.testing.assert_array_equal(arr(ops.tile(Tensor(a), (2, 1))), np.tile(a, (2, 1)))
    np.testing.assert_array_equal(arr(ops.tile(Tensor(a), (2, 1, 2))), np.tile(a, (2, 1, 2)))
    np.testing.assert_array_equal(arr(Tensor(a).repeat(2, 2)), np.tile(a, (2, 2)))
    # One int or axis=: NumPy's repeat, as the D2L notebooks (MindSpore 1.x) use it.
    np.testing.assert_array_equal(arr(Tensor(a).repeat(2)), np.repeat(a, 2))
    np.testing.assert_array_equal(arr(Tensor(a).repeat(2, axis=1)), np.repeat(a, 2, 1))
    np.testing.assert_array_equal(arr(ops.repeat_interleave(Tensor(a), 2, 0)), np.repeat(a, 2, 0))
    np.testing.assert_array_equal(arr(ops.repeat_interleave(Tensor(a), [1, 0, 2], 1)),
                                  np.repeat(a, [1, 0, 2], 1))
    np.testing.assert_array_equal(arr(ops.repeat_interleave(Tensor(a), 2)), np.repeat(a, 2))
    np.testing.assert_array_equal(arr(ops.repeat_elements(Tensor(a), rep=3, axis=1)), np.repeat(a, 3, 1))


@pytest.mark.parametrize("mode", ["constant", "reflect", "replicate"])
def test_pad_modes_against_numpy(mode):
    a = RNG.standard_normal((2, 3, 4)).astype(np.float32)
    np_mode = {"constant": "constant", "reflect": "reflect", "replicate": "edge"}[mode]
    got = ops.pad(Tensor(a), (1, 2, 2, 0), mode)
    want = np.pad(a, ((0, 0), (2, 0), (1, 2)), np_mode)
    np.testing.assert_array_equal(arr(got), want)
    # Negative amounts crop.
    np.testing.assert_array_equal(arr(ops.pad(Tensor(a), (-1, 1))), np.pad(a[..., 1:], ((0, 0),) * 2 + ((0, 1),)))
    assert arr(ops.pad(Tensor(a), (1, 1), value=9.0))[0, 0, 0] == 9.0
    g = ms.grad(lambda t: ops.pad(t, (1, 2, 2, 0), mode).sum())(Tensor(a))
    assert g.shape == a.shape


def test_pad_primitive_and_meshgrid():
    x = Tensor(np.ones((2, 2), np.float32))
    y = ops.Pad(((1, 0), (0, 2)))(x)
    np.testing.assert_array_equal(arr(y), np.pad(np.ones((2, 2)), ((1, 0), (0, 2))))
    a, b = Tensor([1, 2, 3]), Tensor([4, 5])
    for indexing in ("xy", "ij"):
        got = ops.meshgrid(a, b, indexing=indexing)
        want = np.meshgrid([1, 2, 3], [4, 5], indexing=indexing)
        for g, w in zip(got, want):
            np.testing.assert_array_equal(arr(g), w)


# -- math ---------------------------------------------------------------------------------------

def test_products_against_numpy():
    a = RNG.standard_normal((2, 3, 4))
    b = RNG.standard_normal((2, 4, 5))
    np.testing.assert_allclose(arr(ops.bmm(Tensor(a), Tensor(b))), a @ b, rtol=1e-12)
    m, v = RNG.standard_normal((3, 4)), RNG.standard_normal(4)
    np.testing.assert_allclose(arr(ops.mv(Tensor(m), Tensor(v))), m @ v, rtol=1e-12)
    np.testing.assert_allclose(arr(ops.mm(Tensor(m), Tensor(m.T))), m @ m.T, rtol=1e-12)
    np.testing.assert_allclose(arr(ops.inner(Tensor(a), Tensor(m))), np.inner(a, m), rtol=1e-12)
    c = RNG.standard_normal((4, 3, 5))
    np.testing.assert_allclose(arr(ops.tensor_dot(Tensor(a), Tensor(c), ((1, 2), (1, 0)))),
                               np.tensordot(a, c, ((1, 2), (1, 0))), rtol=1e-12)
    np.testing.assert_allclose(arr(ops.tensor_dot(Tensor(m), Tensor(b[0]), 1)),
                               np.tensordot(m, b[0], 1), rtol=1e-12)
    with pytest.raises(ValueError):
        ops.mv(Tensor(m), Tensor(m))


def test_cumprod_std_var_clamp_erfinv():
    a = np.array([[1.0, -2.0, 0.0, 3.0], [0.5, 2.0, 2.0, -1.0]])
    np.testing.assert_allclose(arr(ops.cumprod(Tensor(a), 1)), np.cumprod(a, 1))
    np.testing.assert_allclose(arr(ops.cumprod(Tensor(a), 0)), np.cumprod(a, 0))
    g = ms.grad(lambda t: ops.cumprod(t, 0).sum())(Tensor([2.0, 3.0, 4.0]))
    np.testing.assert_allclose(arr(g), [1 + 3 + 12, 2 + 8, 6])
    # MindSpore 2.10: Tensor.std() of [[1, 2], [3, 4]] is 1.11803 (ddof 0), var 1.25.
    x = Tensor([[1.0, 2.0], [3.0, 4.0]])
    np.testing.assert_allclose(float(x.std()), np.std([1, 2, 3, 4]), rtol=1e-6)
    np.testing.assert_allclose(float(x.var()), 1.25, rtol=1e-6)
    np.testing.assert_allclose(arr(x.std(axis=0)), [1.0, 1.0])
    np.testing.assert_array_equal(arr(x.clamp(min=2.5)), [[2.5, 2.5], [3, 4]])
    y = np.array([-0.9, -0.3, 0.0, 0.5, 0.99])
    from math import erf
    back = [erf(v) for v in arr(ops.erfinv(Tensor(y)))]
    np.testing.assert_allclose(back, y, rtol=1e-14, atol=1e-15)
    g = ms.grad(lambda t: ops.erfinv(t).sum())(Tensor([0.0]))
    np.testing.assert_allclose(arr(g), [np.sqrt(np.pi) / 2])


def test_clip_by_global_norm_and_linspace():
    a, b = Tensor([3.0, 0.0]), Tensor([[4.0]])
    ca, cb = ops.clip_by_global_norm((a, b), 1.0)
    np.testing.assert_allclose(arr(ca), [0.6, 0.0], rtol=1e-6)
    np.testing.assert_allclose(arr(cb), [[0.8]], rtol=1e-6)
    same = ops.clip_by_global_norm([a, b], 10.0)
    np.testing.assert_allclose(arr(same[0]), [3.0, 0.0])
    ls = ops.linspace(0, 1, 5)
    assert ls.dtype == ms.float32 and np.allclose(arr(ls), np.linspace(0, 1, 5))


# -- random -------------------------------------------------------------------------------------

def test_random_functions_shapes_dtypes_and_ranges():
    n = ops.normal((200, 50), 2.0, 0.5, seed=3)
    assert n.shape == (200, 50) and n.dtype == ms.float32
    assert abs(arr(n).mean() - 2.0) < 0.02 and abs(arr(n).std() - 0.5) < 0.02
    assert ops.normal((2,), Tensor(0, ms.int32), Tensor(0.01, ms.float32)).shape == (2,)
    u = ops.uniform((1000,), Tensor(1.0), Tensor(2.0), seed=1)
    assert 1.0 <= arr(u).min() and arr(u).max() < 2.0
    ui = ops.uniform((1000,), Tensor(1, ms.int32), Tensor(4, ms.int32), dtype=ms.int32)
    assert ui.dtype == ms.int32 and set(arr(ui).tolist()) == {1, 2, 3}
    r = ops.randint(0, 5, (3, 8))
    assert r.dtype == ms.int64 and r.shape == (3, 8) and arr(r).min() >= 0 and arr(r).max() < 5
    # MindSpore 2.10: an op seed starts a sequence (each call moves on), set_seed restarts it
    ms.set_seed(4)
    a1, a2 = arr(ops.normal((4,), 0, 1, seed=11)), arr(ops.normal((4,), 0, 1, seed=11))
    assert not np.array_equal(a1, a2)
    ms.set_seed(4)
    np.testing.assert_array_equal(arr(ops.normal((4,), 0, 1, seed=11)), a1)


# -- nn functions -------------------------------------------------------------------------------

def _log_softmax(z):
    z = z - z.max(-1, keepdims=True)
    return z - np.log(np.exp(z).sum(-1, keepdims=True))


def test_losses_against_formulas():
    z = RNG.standard_normal((4, 3))
    y = np.array([0, 2, 1, 2])
    want = -_log_softmax(z)[np.arange(4), y].mean()
    np.testing.assert_allclose(float(ops.cross_entropy(Tensor(z), Tensor(y))), want, rtol=1e-12)
    lp = _log_softmax(z)
    np.testing.assert_allclose(float(ops.nll_loss(Tensor(lp), Tensor(y))), want, rtol=1e-12)
    w = np.array([1.0, 2.0, 0.5])
    want_w = -(lp[np.arange(4), y] * w[y]).sum() / w[y].sum()
    np.testing.assert_allclose(float(ops.nll_loss(Tensor(lp), Tensor(y), Tensor(w))), want_w,
                               rtol=1e-12)
    ign = ops.nll_loss(Tensor(lp), Tensor([0, -100, 1, 2]), reduction="none")
    assert arr(ign)[1] == 0.0
    t = RNG.uniform(size=(4, 3))
    bce = np.mean(np.maximum(z, 0) - z * t + np.log1p(np.exp(-np.abs(z))))
    np.testing.assert_allclose(float(ops.binary_cross_entropy_with_logits(Tensor(z), Tensor(t))),
                               bce, rtol=1e-12)


def test_layer_norm_dropout_and_activations():
    x = RNG.standard_normal((2, 3, 4))
    mean, var = x.mean(-1, keepdims=True), x.var(-1, keepdims=True)
    np.testing.assert_allclose(arr(ops.layer_norm(Tensor(x), (4,))), (x - mean) / np.sqrt(var + 1e-5),
                               rtol=1e-10)
    y, m, v = ops.LayerNorm(begin_norm_axis=-1, begin_params_axis=-1)(
        Tensor(x), Tensor(np.ones(4)), Tensor(np.zeros(4)))
    assert y.shape == x.shape and m.shape == (2, 3, 1) and v.shape == (2, 3, 1)
    d = ops.dropout(Tensor(np.ones((100, 100), np.float32)), p=0.25)
    kept = arr(d)
    assert set(np.unique(kept).tolist()) <= {0.0, np.float32(1 / 0.75)}
    assert 0.7 < (kept != 0).mean() < 0.8
    assert ops.dropout(Tensor([1.0]), p=0.9, training=False).asnumpy()[0] == 1.0
    z = np.linspace(-3, 3, 7)
    from math import erf
    np.testing.assert_allclose(arr(ops.gelu(Tensor(z))), [0.5 * v * (1 + erf(v / np.sqrt(2))) for v in z],
                               rtol=1e-12)
    np.testing.assert_allclose(arr(ops.silu(Tensor(z))), z / (1 + np.exp(-z)), rtol=1e-12)
    np.testing.assert_allclose(arr(ops.leaky_relu(Tensor(z), 0.1)), np.where(z > 0, z, 0.1 * z))


# -- parameters, tensor methods ----------------------------------------------------------------

def test_assign_updates_a_parameter_in_place():
    p = ms.Parameter(Tensor([1.0, 2.0]), name="p")
    out = ops.assign(p, Tensor([3.0, 4.0]))
    # MindSpore 2.10 returns the new value as a Tensor, not the Parameter.
    assert not isinstance(out, ms.Parameter) and arr(out).tolist() == arr(p).tolist() == [3.0, 4.0]
    ops.assign_sub(p, Tensor([1.0, 1.0]))
    assert arr(p).tolist() == [2.0, 3.0]
    ops.Assign()(p, 5)
    assert arr(p).tolist() == [5.0, 5.0] and p.dtype == ms.float32
    with pytest.raises(ValueError):
        ops.assign(p, Tensor([1.0, 2.0, 3.0]))


def test_tensor_methods_as_mindspore():
    x = Tensor([[1.0, 2.0], [3.0, 4.0]])
    assert x.unsqueeze(0).shape == (1, 2, 2)
    np.testing.assert_array_equal(arr(x.t()), [[1, 3], [2, 4]])
    assert x.long().dtype == ms.int64 and x.int().dtype == ms.int32 and x.bool().dtype == ms.bool_
    assert x.to(ms.int32).dtype == ms.int32 and x.float().dtype == ms.float32
    assert x.broadcast_to((3, 2, 2)).shape == (3, 2, 2) and x.broadcast_to((-1, 2)).shape == (2, 2)
    assert x.expand_as(Tensor(np.zeros((3, 2, 2)))).shape == (3, 2, 2)
    np.testing.assert_array_equal(arr(x.cumprod(0)), [[1, 2], [3, 8]])
    np.testing.assert_array_equal(arr(x.tile((2, 1))), np.tile([[1, 2], [3, 4]], (2, 1)))
    assert x.new_ones((2,)).dtype == ms.float32 and arr(x.new_zeros((3,))).tolist() == [0, 0, 0]
    np.testing.assert_array_equal(arr(x.nonzero()), [[0, 0], [0, 1], [1, 0], [1, 1]])
    v, i = x.sort(descending=True)
    np.testing.assert_array_equal(arr(v), [[2, 1], [4, 3]])


def test_constexpr_and_depend():
    @ops.constexpr
    def double(n):
        return 2 * n

    @ops.constexpr(reuse_result=False)
    def triple(n):
        return 3 * n

    assert double(4) == 8 and triple(2) == 6
    x = Tensor([1.0])
    assert ops.depend(x, x + 1) is x


def test_logical_and_bitwise_operators_as_mindspore():
    # MindSpore 2.10: & | ^ are logical on Bool and bitwise on ints; ~ is the logical not for
    # every dtype (~Tensor([6, 3]) is [False, False]); 1 & bool_tensor is a TypeError.
    a, b = Tensor([True, False, True]), Tensor([True, True, False])
    assert arr(~a).tolist() == [False, True, False]
    assert arr(a & b).tolist() == [True, False, False] and (a & b).dtype == ms.bool_
    assert arr(a | b).tolist() == [True, True, True]
    assert arr(a ^ b).tolist() == [False, True, True]
    assert arr(a & True).tolist() == [True, False, True]
    i, j = Tensor([6, 3]), Tensor([3, 5])
    assert arr(i & j).tolist() == [2, 1] and arr(i | j).tolist() == [7, 7]
    assert arr(i ^ j).tolist() == [5, 6] and (i ^ j).dtype == ms.int64
    assert arr(~i).tolist() == [False, False]
    assert arr(ops.logical_and(Tensor([1, 0]), Tensor([2, 2]))).tolist() == [True, False]
    with pytest.raises(TypeError):
        _ = 1 & a
    with pytest.raises(TypeError):
        _ = Tensor([1.0]) & Tensor([2.0])
    # The Bool forms are engine ops: they run inside jit.
    f = ms.jit(lambda p, q: (p & q) | ~p)
    assert arr(f(a, b)).tolist() == [True, True, False]


@pytest.mark.parametrize("np_dtype", [np.float16, np.int8, np.uint8, np.int16, np.uint16, np.uint32,
                                      np.uint64])
def test_sort_topk_and_bitwise_on_narrow_dtypes(np_dtype):
    info = np.finfo(np_dtype) if np.issubdtype(np_dtype, np.floating) else np.iinfo(np_dtype)
    a = np.array([info.max, 3, info.min, 0, 3, 1], np_dtype)
    v, i = ops.sort(Tensor(a))
    np.testing.assert_array_equal(arr(i), np.argsort(a, kind="stable"))
    assert v.asnumpy().dtype == np_dtype and arr(v).tolist() == np.sort(a).tolist()
    v, i = ops.topk(Tensor(a), 2)
    assert arr(v).tolist() == np.sort(a)[::-1][:2].tolist()
    if np.issubdtype(np_dtype, np.integer):
        b = np.array([5, 3, 1, 0, 7, 2], np_dtype)
        got = Tensor(a) & Tensor(b)
        assert got.asnumpy().dtype == np_dtype
        np.testing.assert_array_equal(arr(got), a & b)
        np.testing.assert_array_equal(arr(Tensor(a) ^ Tensor(b)), a ^ b)


def test_batch_norm_primitive_as_mindspore():
    # MindSpore 2.10 (measured on this input): y and the updated running statistics.
    rng = np.random.default_rng(0)
    x = Tensor(rng.standard_normal((4, 3, 2, 2)).astype(np.float32))
    s, b = Tensor(np.full(3, 2.0, np.float32)), Tensor(np.full(3, 0.5, np.float32))
    m = ms.Parameter(Tensor(np.zeros(3, np.float32)), name="m")
    v = ms.Parameter(Tensor(np.ones(3, np.float32)), name="v")
    y = ops.BatchNorm(is_training=True, momentum=0.1)(x, s, b, m, v)[0]
    np.testing.assert_allclose(arr(y)[0, :, 0, 0], [1.18989, -1.29553, -1.59308], atol=1e-5)
    np.testing.assert_allclose(arr(m), [-0.01848, 0.02248, 0.01684], atol=1e-5)
    np.testing.assert_allclose(arr(v), [0.98645, 0.97653, 0.97407], atol=1e-5)
    y = ops.BatchNorm()(x, s, b, m, v)[0]
    np.testing.assert_allclose(arr(y)[0, :, 0, 0], [0.79039, -0.62962, -0.96019], atol=1e-5)
    with pytest.raises(ValueError):
        ops.BatchNorm()(x, s, b, m, Tensor(np.ones(2, np.float32)))

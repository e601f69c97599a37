"""Fidelity to MindSpore 2.10 (CPU, PyNative), each case measured there: erfc's own kernel and
the tails of the log-sum composites, unique's order and index dtypes, what an optimizer step
returns, and mindspore.Generator."""
import math

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, nn, ops
import easy_mindspore.numpy as mnp


# -- erfc -----------------------------------------------------------------------------------------

XS = [-30.0, -6.0, -2.5, -1.0, -1e-9, 0.0, 1e-9, 0.5, 1.0, 2.0, 4.0, 6.0, 10.0, 15.0, 26.0]


@pytest.mark.parametrize("dtype,rtol", [(ms.float64, 1e-14), (ms.float32, 2e-7)])
def test_erfc_matches_math_erfc_in_both_tails(dtype, rtol):
    # 1 - erf(x) gave 0 at x = 4 in Float32 and at x = 10 in Float64; erfc keeps its digits.
    got = ops.erfc(Tensor(np.array(XS), dtype))
    assert got.dtype == dtype
    np_dtype = np.float64 if dtype == ms.float64 else np.float32
    want = np.array([math.erfc(x) for x in XS]).astype(np_dtype)
    np.testing.assert_allclose(got.asnumpy(), want, rtol=rtol, atol=0)
    assert got.asnumpy()[XS.index(4.0)] > 0


def test_erfc_float16_and_method_and_errors():
    # MindSpore 2.10: [2. 1.843 1. 0.4795 0. 0.] for Float16; Tensor.erfc is the same op.
    x = Tensor(np.array([-6.0, -1.0, 0.0, 0.5, 4.0, 10.0]), ms.float16)
    got = x.erfc()
    assert got.dtype == ms.float16
    want = np.array([math.erfc(v) for v in [-6.0, -1.0, 0.0, 0.5, 4.0, 10.0]]).astype(np.float16)
    np.testing.assert_array_equal(got.asnumpy(), want)
    with pytest.raises(TypeError):
        ops.erfc(Tensor([1, 2], ms.int32))


def test_erfc_gradient_and_forward_mode():
    # d/dx erfc(x) = -2/√π · e^(-x²): against the formula and against central differences.
    x = np.array([-2.0, -0.3, 0.0, 0.7, 3.0])
    want = -2 / math.sqrt(math.pi) * np.exp(-x * x)
    g = ms.grad(lambda t: ops.erfc(t).sum())(Tensor(x))
    np.testing.assert_allclose(g.asnumpy(), want, rtol=1e-13)
    h = 1e-6
    fd = np.array([(math.erfc(v + h) - math.erfc(v - h)) / (2 * h) for v in x])
    np.testing.assert_allclose(g.asnumpy(), fd, rtol=1e-7, atol=1e-12)
    _, tangent = ms.jvp(ops.erfc, Tensor(x), Tensor(np.ones_like(x)))
    np.testing.assert_allclose(tangent.asnumpy(), want, rtol=1e-13)
    # Second derivative: 4x/√π · e^(-x²).
    gg = ms.grad(lambda t: ms.grad(lambda u: ops.erfc(u).sum())(t).sum())(Tensor(x))
    np.testing.assert_allclose(gg.asnumpy(), 4 * x / math.sqrt(math.pi) * np.exp(-x * x),
                               rtol=1e-12, atol=1e-300)


def test_logaddexp_keeps_a_small_term():
    # log(e^0 + e^-40) = log1p(e^-40) = 4.25e-18; the shifted log(1 + tiny) rounded it to 0.
    x = Tensor(np.array([0.0, 0.0, 100.0, -np.inf, np.inf]), ms.float64)
    y = Tensor(np.array([-40.0, -17.0, 100.0, -np.inf, 3.0]), ms.float64)
    got = ops.logaddexp(x, y).asnumpy()
    want = [math.log1p(math.exp(-40.0)), math.log1p(math.exp(-17.0)), 100 + math.log(2), -np.inf,
            np.inf]
    np.testing.assert_allclose(got, want, rtol=1e-15)
    np.testing.assert_allclose(ops.logaddexp2(x, y).asnumpy()[:3],
                               [math.log1p(2.0 ** -40) / math.log(2),
                                math.log1p(2.0 ** -17) / math.log(2), 101.0], rtol=1e-12)
    # The derivative is the softmax weight of each operand, ½ each at a tie.
    gx, gy = ms.grad(lambda a, b: ops.logaddexp(a, b).sum(), (0, 1))(
        Tensor(np.array([0.0, 1.0, 2.0])), Tensor(np.array([0.0, -1.0, 5.0])))
    a, b = np.array([0.0, 1.0, 2.0]), np.array([0.0, -1.0, 5.0])
    np.testing.assert_allclose(gx.asnumpy(), 1 / (1 + np.exp(b - a)), rtol=1e-14)
    np.testing.assert_allclose(gy.asnumpy(), 1 / (1 + np.exp(a - b)), rtol=1e-14)


# -- unique ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("dtype,idx", [(ms.int8, ms.int32), (ms.int16, ms.int32), (ms.int32, ms.int32),
                                       (ms.int64, ms.int64), (ms.uint8, ms.int32),
                                       (ms.uint16, ms.int32), (ms.float16, ms.int32),
                                       (ms.float32, ms.int32), (ms.float64, ms.int32)])
def test_unique_order_and_index_dtype_as_mindspore(dtype, idx):
    # MindSpore 2.10 CPU: values in order of first appearance; idx Int64 only for Int64 input.
    out, inv = ops.unique(Tensor(np.array([3, 1, 2, 3, 1, 5]), dtype))
    assert out.dtype == dtype and inv.dtype == idx
    assert out.asnumpy().tolist() == [3, 1, 2, 5]
    assert inv.asnumpy().tolist() == [0, 1, 2, 0, 1, 3]
    p_out, p_inv = ops.Unique()(Tensor(np.array([3, 1, 3]), dtype))
    assert p_inv.dtype == idx and p_out.asnumpy().tolist() == [3, 1]


def test_unique_shapes_nan_and_bad_dtypes():
    out, inv = ops.unique(Tensor(np.array([[1, 2], [1, 2], [0, 3]]), ms.int64))
    assert out.asnumpy().tolist() == [1, 2, 0, 3] and inv.shape == (3, 2)
    assert inv.asnumpy().tolist() == [[0, 1], [0, 1], [2, 3]]
    # NaNs are all distinct (MindSpore 2.10: [2, 1, nan, nan], idx [0, 1, 2, 1, 3]).
    out, inv = ops.unique(Tensor([2.0, 1.0, float("nan"), 1.0, float("nan")]))
    o = out.asnumpy()
    assert o[:2].tolist() == [2.0, 1.0] and np.isnan(o[2:]).all() and o.size == 4
    assert inv.asnumpy().tolist() == [0, 1, 2, 1, 3]
    out, inv = ops.unique(Tensor(3.0))
    assert out.shape == (1,) and inv.shape == () and inv.dtype == ms.int32
    for dtype in (ms.bool_, ms.uint32, ms.uint64, ms.bfloat16):
        with pytest.raises(TypeError, match="Unique"):
            ops.unique(Tensor(np.array([1, 0]), dtype))


def test_tensor_unique_sorted_inverse_counts():
    x = Tensor(np.array([3, 1, 3, 2, 1, 3]), ms.int32)
    assert x.unique().asnumpy().tolist() == [1, 2, 3]
    assert x.unique(sorted=False).asnumpy().tolist() == [3, 1, 2]
    out, inv, cnt = x.unique(return_inverse=True, return_counts=True)
    assert inv.dtype == ms.int64 and cnt.dtype == ms.int64
    assert inv.asnumpy().tolist() == [2, 0, 2, 1, 0, 2] and cnt.asnumpy().tolist() == [2, 1, 3]
    np.testing.assert_array_equal(out.asnumpy()[inv.asnumpy()], x.asnumpy())
    out, cnt = x.unique(return_counts=True)
    assert cnt.asnumpy().tolist() == [2, 1, 3]
    rows = Tensor(np.array([[1, 2], [0, 1], [1, 2]]), ms.int32)
    out, inv = rows.unique(return_inverse=True, dim=0)
    assert out.asnumpy().tolist() == [[0, 1], [1, 2]] and inv.asnumpy().tolist() == [1, 0, 1]


def test_mnp_unique_is_first_appearance_and_flattens():
    # MindSpore 2.10 PyNative: [3 1 2 5] and inverse [0 1 2 0 1 3] (Int32).
    x = Tensor(np.array([[3, 1, 2], [3, 1, 5]]), ms.int32)
    assert mnp.unique(x).asnumpy().tolist() == [3, 1, 2, 5]
    out, inv = mnp.unique(x, return_inverse=True)
    assert inv.dtype == ms.int32 and inv.asnumpy().tolist() == [0, 1, 2, 0, 1, 3]
    with pytest.raises(TypeError):
        mnp.unique([1, 2])


# -- optimizers ----------------------------------------------------------------------------------

@pytest.mark.parametrize("make", [lambda p: nn.SGD(p, 0.1), lambda p: nn.Adam(p, 0.1),
                                  lambda p: nn.Momentum(p, 0.1, 0.9),
                                  lambda p: nn.SGD([{"params": p[:1], "weight_decay": 0.1},
                                                    {"params": p[1:]}], 0.1)])
def test_optimizer_step_returns_one_true_per_parameter(make):
    # MindSpore 2.10: opt(grads) is the tuple of its map's results, (True,) * len(parameters).
    net = nn.SequentialCell([nn.Dense(3, 2), nn.Dense(2, 1)])
    params = net.trainable_params()
    before = params[0].asnumpy().copy()
    got = make(params)(tuple(ops.ones_like(p) for p in params))
    assert type(got) is tuple and got == (True, True, True, True)
    assert not np.array_equal(params[0].asnumpy(), before)


# -- Generator -----------------------------------------------------------------------------------

def test_generator_state_as_mindspore():
    g = ms.Generator()
    assert g.initial_seed() == 0
    assert g.manual_seed(5) is g and g.initial_seed() == 5
    state = g.get_state()
    assert state.dtype == ms.uint8 and state.asnumpy().tolist() == [5] + [0] * 15
    with pytest.raises(TypeError, match="Seed must be an integer"):
        g.manual_seed(1.5)
    s = g.seed()
    assert isinstance(s, int) and g.initial_seed() == s
    g.set_state(state)
    assert g.initial_seed() == 5
    with pytest.raises(TypeError):
        g.set_state(Tensor([1.0]))
    with pytest.raises(ValueError):
        g.set_state(Tensor(np.zeros(3, np.uint8)))


def test_generator_draws_are_its_own():
    g = ms.Generator().manual_seed(7)
    state = g.get_state()
    ms.set_seed(1)
    a = Tensor(np.zeros(5, np.float32)).uniform_(generator=g)
    after_g = g.get_state().asnumpy().tolist()
    assert after_g != state.asnumpy().tolist()                   # the offset advanced
    b = Tensor(np.zeros(5, np.float32)).uniform_(generator=g)
    assert not np.array_equal(a.asnumpy(), b.asnumpy())
    g.set_state(state)
    again = Tensor(np.zeros(5, np.float32)).uniform_(generator=g)
    np.testing.assert_array_equal(again.asnumpy(), a.asnumpy())
    # Another generator with the same seed draws the same; the global stream is untouched.
    h = ms.Generator().manual_seed(7)
    np.testing.assert_array_equal(Tensor(np.zeros(5, np.float32)).uniform_(generator=h).asnumpy(),
                                  a.asnumpy())
    global_after = Tensor(np.zeros(3, np.float32)).uniform_().asnumpy()
    ms.set_seed(1)
    np.testing.assert_array_equal(Tensor(np.zeros(3, np.float32)).uniform_().asnumpy(), global_after)
    n1 = Tensor(np.zeros(4)).normal_(generator=ms.Generator().manual_seed(3))
    n2 = Tensor(np.zeros(4)).normal_(generator=ms.Generator().manual_seed(3))
    np.testing.assert_array_equal(n1.asnumpy(), n2.asnumpy())
    with pytest.raises(TypeError):
        Tensor(np.zeros(2, np.float32)).uniform_(generator=5)


def test_default_generator_is_the_global_seed():
    ms.manual_seed(13)
    assert ms.initial_seed() == 13 and ms.default_generator.initial_seed() == 13
    state = ms.get_rng_state()
    assert state.asnumpy().tolist() == [13] + [0] * 15
    a = Tensor(np.zeros(3, np.float32)).uniform_()
    ms.set_rng_state(state)
    np.testing.assert_array_equal(Tensor(np.zeros(3, np.float32)).uniform_().asnumpy(), a.asnumpy())
    ms.set_seed(13)
    np.testing.assert_array_equal(Tensor(np.zeros(3, np.float32)).uniform_().asnumpy(), a.asnumpy())
    # MindSpore 2.10's ops.rand and friends take no generator.
    with pytest.raises(TypeError):
        ops.rand(2, generator=ms.Generator())


# -- in-place scatters ---------------------------------------------------------------------------

SCATTERS = [  # name, nd, the row update as NumPy computes it (x = 2 everywhere, updates u)
    ("scatter_add", False, lambda x, u: x + u), ("scatter_update", False, lambda x, u: u),
    ("scatter_mul", False, lambda x, u: x * u), ("scatter_div", False, lambda x, u: x / u),
    ("scatter_max", False, np.maximum), ("scatter_min", False, np.minimum),
    ("scatter_nd_add", True, lambda x, u: x + u), ("scatter_nd_sub", True, lambda x, u: x - u),
    ("scatter_nd_mul", True, lambda x, u: x * u), ("scatter_nd_div", True, lambda x, u: x / u),
    ("scatter_nd_max", True, np.maximum), ("scatter_nd_min", True, np.minimum),
    ("scatter_nd_update", True, lambda x, u: u),
]


@pytest.mark.parametrize("name,nd,rule", SCATTERS)
@pytest.mark.parametrize("as_param", [True, False])
def test_scatter_updates_its_input_in_place_and_returns_a_tensor(name, nd, rule, as_param):
    # MindSpore 2.10 PyNative: the input (Parameter or Tensor) is updated; the result is a Tensor.
    x0 = np.full((3, 2), 2.0, np.float32)
    u = np.array([[0.5, 3.0], [4.0, 1.0]], np.float32)
    x = ms.Parameter(Tensor(x0), name="p") if as_param else Tensor(x0)
    idx = Tensor(np.array([[0], [2]] if nd else [0, 2], np.int32))
    out = getattr(ops, name)(x, idx, Tensor(u))
    want = x0.copy()
    want[[0, 2]] = rule(x0[[0, 2]], u)
    assert type(out) is Tensor and out is not x
    np.testing.assert_allclose(out.asnumpy(), want, rtol=1e-6)
    np.testing.assert_allclose(x.asnumpy(), want, rtol=1e-6)


def test_scatter_errors_as_mindspore():
    p = ms.Parameter(Tensor(np.zeros((3, 2), np.float32)), name="p")
    idx = Tensor(np.array([0, 2], np.int32))
    with pytest.raises(ValueError, match="updates_shape"):
        ops.scatter_add(p, idx, Tensor(np.ones((2, 3), np.float32)))
    with pytest.raises(TypeError):
        ops.scatter_update(p, idx, Tensor(np.ones((2, 2), np.float64)))
    with pytest.raises(RuntimeError, match="should be in"):
        ops.scatter_add(p, Tensor(np.array([0, 5], np.int32)), Tensor(np.ones((2, 2), np.float32)))
    np.testing.assert_array_equal(p.asnumpy(), np.zeros((3, 2)))      # nothing written
    # Repeated rows add up; the gradient flows to the input and the updates.
    out = ops.scatter_add(Tensor(np.zeros((2, 1))), Tensor(np.array([1, 1], np.int32)),
                          Tensor(np.array([[1.0], [2.0]])))
    assert out.asnumpy().tolist() == [[0.0], [3.0]]
    gx, gu = ms.grad(lambda a, b: (ops.scatter_add(a, Tensor(np.array([1, 1], np.int32)), b) ** 2).sum(),
                     (0, 1))(Tensor(np.array([[1.0], [1.0]])), Tensor(np.array([[1.0], [2.0]])))
    assert gx.asnumpy().tolist() == [[2.0], [8.0]] and gu.asnumpy().tolist() == [[8.0], [8.0]]


@pytest.mark.parametrize("reduce,combine", [("add", np.add), ("multiply", np.multiply)])
def test_tensor_scatter_reduce_modes(reduce, combine):
    # Tensor.scatter_(dim, index, src, reduce=...): repeated positions combine.
    x0 = np.full((2, 3), 2.0, np.float32)
    index = np.array([[0, 0], [2, 1]], np.int64)
    src = np.array([[3.0, 4.0], [5.0, 6.0]], np.float32)
    want = x0.copy()
    for i in range(2):
        for j in range(2):
            want[i, index[i, j]] = combine(want[i, index[i, j]], src[i, j])
    x = Tensor(x0)
    assert x.scatter_(1, Tensor(index), Tensor(src), reduce=reduce) is x
    np.testing.assert_allclose(x.asnumpy(), want)
    y = Tensor(x0)
    y.scatter_(1, Tensor(index), 3.0, reduce=reduce)
    want = x0.copy()
    for i in range(2):
        for j in range(2):
            want[i, index[i, j]] = combine(want[i, index[i, j]], 3.0)
    np.testing.assert_allclose(y.asnumpy(), want)
    with pytest.raises(ValueError):
        Tensor(x0).scatter_(1, Tensor(index), 1.0, reduce="max")


# -- small pieces MindSpore's own autodiff tests use --------------------------------------------

def test_tensor_of_tensors_stacks_them():
    # MindSpore 2.10: Tensor((Tensor([4.]), Tensor([1.]))) is [[4.], [1.]]; a tuple of tensors
    # plus a tensor converts the tuple the same way ([[6.]]).
    t = Tensor((Tensor(np.array([4.0], np.float32)), Tensor(np.array([1.0], np.float32))))
    assert t.dtype == ms.float32 and t.asnumpy().tolist() == [[4.0], [1.0]]
    s = (Tensor(np.array([4.0], np.float32)),) + Tensor(np.array([2.0], np.float32))
    assert s.shape == (1, 1) and s.asnumpy().tolist() == [[6.0]]
    assert Tensor([Tensor(np.ones(2)), Tensor(np.zeros(2))], ms.float32).dtype == ms.float32
    with pytest.raises(TypeError):
        Tensor([Tensor(np.ones(2)), "a"])


def test_inner_is_instance():
    # MindSpore 2.10: IsInstance()(x, t) checks the Python value's kind.
    from mindspore.ops.operations import _inner_ops as inner
    check = inner.IsInstance()
    assert check([1, 2, 3], ms.list_) is True and check((1, 2), ms.tuple_) is True
    assert check(1.0, ms.float_) is True and check(1, ms.int_) is True
    assert check(True, ms.int_) is False and check(1, ms.float_) is False
    assert check([1], ms.tuple_) is False and check(Tensor(1.0), ms.float_) is False
    assert check(1.5, ms.float32) is True and check(1, ms.int64) is True

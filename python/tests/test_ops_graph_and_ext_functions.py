"""``ops``' functions over Python values (``_graph_func``: ``scalar_*``, ``tuple_*``, ``typeof``
...) and the in-place / ``*_ext`` / older random functions (``_ext_func``). Expected values marked
"MindSpore 2.10" were printed by MindSpore 2.10 on CPU for the same call; the rest (functions whose
kernels MindSpore's CPU build does not register) are checked against NumPy and the documented
formula."""
import math

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, ops


# ---- scalar arithmetic and comparisons (MindSpore 2.10's PyNative answers) ----

@pytest.mark.parametrize("call, expected", [
    (lambda: ops.scalar_mul(2, 3), 6), (lambda: ops.scalar_div(7, 2), 3.5),
    (lambda: ops.scalar_floordiv(7, 2), 3), (lambda: ops.scalar_floordiv(-7, 2), -4),
    (lambda: ops.scalar_mod(-7, 2), 1), (lambda: ops.scalar_mod(7.5, 2), 1.5),
    (lambda: ops.scalar_pow(2, 10), 1024), (lambda: ops.scalar_pow(2, -1), 0.5),
    (lambda: ops.scalar_sub(1, 2), -1), (lambda: ops.scalar_eq(1, 1.0), True),
    (lambda: ops.scalar_lt(1, 2), True), (lambda: ops.scalar_ge(1, 1), True),
    (lambda: ops.scalar_gt(2, 1), True), (lambda: ops.scalar_le(1, 1), True),
    (lambda: ops.scalar_ne(1, 2), True), (lambda: ops.scalar_max(1, 2.5), 2.5),
    (lambda: ops.scalar_min(1, 0.5), 0.5), (lambda: ops.scalar_uadd(3), 3),
    (lambda: ops.scalar_usub(3), -3), (lambda: ops.scalar_usub(True), -1),
    (lambda: ops.scalar_mul("a", 2), "aa"), (lambda: ops.scalar_div(True, 2), 0.5),
    (lambda: ops.scalar_max(Tensor(1), 2), 2),
])
def test_scalar_arithmetic_as_mindspore(call, expected):
    got = call()
    assert got == expected and type(got) is type(expected)


def test_scalar_ops_with_tensors_stay_tensors():
    # MindSpore 2.10: scalar_div(Tensor(7), 2) is a Float32 3.5; scalar_eq(Tensor(1), 1) Bool True.
    q = ops.scalar_div(Tensor(7), 2)
    assert q.dtype == ms.float32 and float(q) == 3.5
    e = ops.scalar_eq(Tensor(1), 1)
    assert e.dtype == ms.bool_ and bool(e)
    assert math.isclose(ops.scalar_log(4.0), math.log(4.0))
    assert math.isclose(ops.scalar_log(Tensor(2.0)), math.log(2.0))


@pytest.mark.parametrize("call", [
    lambda: ops.scalar_div(7, 0), lambda: ops.scalar_floordiv(7, 0), lambda: ops.scalar_mod(7, 0),
    lambda: ops.scalar_div(7.0, 0.0), lambda: ops.scalar_log(0),
])
def test_scalar_domain_errors_are_value_errors(call):
    with pytest.raises(ValueError):
        call()


# ---- sequences, dicts, bools ----

def test_sequence_access_as_mindspore():
    assert ops.tuple_getitem((1, 2, 3), -1) == 3
    assert ops.list_getitem([1, 2], 0) == 1
    assert ops.tuple_setitem((1, 2, 3), 1, 9) == (1, 9, 3)
    data = [1, 2]
    assert ops.list_setitem(data, 0, 5) == [5, 2] and data == [1, 2]
    assert ops.tuple_len((1, 2)) == 2 and ops.list_len([1]) == 1
    assert ops.tuple_equal((1,), [1]) and ops.list_equal([1], (1,))
    assert ops.tuple_reversed((1, 2, 3)) == (3, 2, 1)
    assert ops.tuple_div((4, 6), (2, 3)) == (2, 2)
    assert ops.make_tuple(1, 2) == (1, 2) and ops.make_tuple() == ()
    assert ops.make_list(1, 2) == [1, 2]
    assert ops.make_range(5) == (0, 1, 2, 3, 4) and ops.make_range(1, 5) == (1, 2, 3, 4)
    assert ops.make_range(5, 0, -2) == (5, 3, 1)
    assert ops.make_slice(0, 5, 2) == slice(0, 5, 2)
    assert ops.make_dict(("a", "b"), (1, 2)) == {"a": 1, "b": 2}
    assert ops.dict_getitem({"a": 1}, "a") == 1
    d = {"a": 1}
    assert ops.dict_setitem(d, "a", 2) == {"a": 2} and d == {"a": 1}
    assert ops.in_dict("a", {"a": 1}) and not ops.not_in_dict("a", {"a": 1})
    assert ops.tail((1, 2, 3)) == (2, 3) and ops.zip_operation((1, 2), (3, 4)) == ((1, 3), (2, 4))


@pytest.mark.parametrize("call, error", [
    (lambda: ops.tuple_getitem((1, 2, 3), 5), IndexError),
    (lambda: ops.tuple_getitem((1, 2), True), IndexError),
    (lambda: ops.tuple_getitem((1, 2), 1.0), IndexError),
    (lambda: ops.tuple_setitem((1, 2, 3), 5, 0), IndexError),
    (lambda: ops.list_setitem([1, 2], 5, 0), IndexError),
    (lambda: ops.list_getitem([1, 2], -3), IndexError),
    (lambda: ops.tuple_reversed([1, 2]), TypeError),
    (lambda: ops.tuple_div((4, 6), (2,)), RuntimeError),
    (lambda: ops.tuple_div((4, 5), (2, 2)), RuntimeError),
    (lambda: ops.tuple_div((4, 6), (0, 3)), RuntimeError),
    (lambda: ops.make_range(0, 5, 0), RuntimeError),
    (lambda: ops.make_range(0.5), TypeError),
    (lambda: ops.dict_getitem({"a": 1}, "b"), ValueError),
    (lambda: ops.dict_getitem([1], 0), TypeError),
    (lambda: ops.shape_mul([2, 3]), ValueError),
    (lambda: ops.reduced_shape((2, 3), (5,)), RuntimeError),
    (lambda: ops.broadcast_gradient_args((2, 3), (4, 3)), RuntimeError),
    (lambda: ops.is_(1, 1.0), RuntimeError),
    (lambda: ops.bool_not(1), TypeError),
    (lambda: ops.array_to_scalar(3), TypeError),
    (lambda: ops.shape_(3), TypeError),
    (lambda: ops.dyn_shape(3), TypeError),
    (lambda: ops.hastype(1, 1), TypeError),
    (lambda: ops.tensor_muls(3, 1.5), TypeError),
])
def test_sequence_and_shape_errors_have_mindsporess_classes(call, error):
    with pytest.raises(error):
        call()


def test_bools_and_identity():
    assert ops.bool_and(True, False) is False and ops.bool_or(True, False) is True
    assert ops.bool_eq(True, True) is True
    # MindSpore 2.10 answers bool_not with a 0-d Bool Tensor.
    n = ops.bool_not(False)
    assert isinstance(n, Tensor) and n.dtype == ms.bool_ and bool(n)
    assert ops.is_(None, None) and ops.is_("a", "a") and ops.is_(ms.float32, ms.float32)
    assert ops.is_not(1, None) and not ops.is_not(None, None)
    assert ops.string_concat("a", "b") == "ab" and ops.string_eq("a", "a")


# ---- types ----

@pytest.mark.parametrize("value, text, rep", [
    # str and repr as MindSpore 2.10 prints them.
    (1, "Int64", "mindspore.int64"), (1.5, "Float32", "mindspore.float32"),
    (True, "Bool", "mindspore.bool"), (None, "None", "mindspore.type_none"),
    ("a", "String", "mindspore.string_"), ((1, 2), "Tuple[Int64*2]", "mindspore.tuple_"),
    ((1, 2.0), "Tuple[Int64,Float32]", "mindspore.tuple_"), ([], "List[]", "mindspore.list_"),
    ({"a": 1, "b": 2.0}, "Dictionary[[a,b,],[Int64,Float32]]", "mindspore.Dictionary[[a,b,],[Int64,Float32]]"),
    (slice(None, 3, None), "Slice[None : Int64 : None]", "mindspore.Slice[None : Int64 : None]"),
    (Tensor([1, 2]), "Tensor[Int64]", "mindspore.tensor[int64]"),
    (ms.Parameter(Tensor([1.0])), "Tensor[Float32]", "mindspore.tensor[float32]"),
    (ms.float32, "TypeType", "mindspore.type_type"), (np.float32(1), "Float32", "mindspore.float32"),
    (np.array([1]), "External", "mindspore.External"),
])
def test_typeof_prints_as_mindspore(value, text, rep):
    t = ops.typeof(value)
    assert str(t) == text and repr(t) == rep


def test_hastype_as_mindspore():
    # MindSpore 2.10's answers.
    assert ops.hastype(1, ms.int64) and ops.hastype(1, ms.number) and ops.hastype(1.0, ms.float32)
    assert not ops.hastype(1.0, ms.float64) and not ops.hastype(1, ms.int32)
    assert ops.hastype(True, ms.bool_) and ops.hastype(True, ms.number)
    assert ops.hastype((1, 2), ms.tuple_) and ops.hastype([1], ms.list_) and not ops.hastype([1], ms.tuple_)
    assert ops.hastype(Tensor([1.0]), ms.tensor_type) and not ops.hastype(Tensor([1.0]), ms.number)
    assert not ops.hastype(Tensor([1]), ms.int64)
    assert ops.typeof((1,)) == ms.tuple_ and ops.typeof(1) == ms.int64


# ---- shape helpers ----

@pytest.mark.parametrize("x, y, expected", [
    # MindSpore 2.10's answers.
    ((2, 1, 3), (4, 3), ((1,), (0,))), ((2, 3), (3,), ((), (0,))), ((1, 3), (1, 3), ((), ())),
    ((2, 1), (1, 3), ((1,), (0,))), ((), (2, 3), ((0, 1), ())), ((1, 1), (1,), ((0, 1), (0, 1))),
])
def test_broadcast_gradient_args(x, y, expected):
    assert ops.broadcast_gradient_args(x, y) == expected


def test_shape_helpers():
    assert ops.shape_mul((2, 3, 4)) == 24 and ops.shape_mul(()) == 1 and ops.shape_mul((2, 0)) == 0
    assert ops.reduced_shape((2, 3, 4), (1,)) == (2, 1, 4)
    assert ops.reduced_shape((2, 3, 4), (1, 2)) == (2, 1, 1)
    assert ops.reduced_shape((2, 3, 4), ()) == (1, 1, 1)
    assert ops.reduced_shape((2, 3), (-1,)) == (2, 1)
    s = ops.dyn_shape(Tensor(np.ones((2, 3))))
    assert s.dtype == ms.int64 and s.asnumpy().tolist() == [2, 3]
    assert ops.dyn_shape(Tensor(1.0)).shape == (0,)
    assert ops.shape_(Tensor(np.ones((2, 3)))) == (2, 3)
    assert ops.isconstant(1) and ops.isconstant(None)
    assert ops.array_to_scalar(Tensor(3)) == 3
    assert ops.tensor_muls(Tensor([1, 2]), 1.5).asnumpy().tolist() == [1.5, 3.0]
    assert ops.pows(2.0, Tensor([1.0, 2.0])).asnumpy().tolist() == [2.0, 4.0]
    assert ops.reshape_(Tensor([1.0, 2.0, 3.0, 4.0]), (2, 2)).shape == (2, 2)
    assert ops.scalar_to_array(2).dtype == ms.float32


# ---- in-place functions ----

def test_inplace_functions_write_their_input():
    x = Tensor([0.5, 100.0])
    assert ops.tanh_(x) is x
    np.testing.assert_allclose(x.asnumpy(), np.tanh([0.5, 100.0]).astype(np.float32), rtol=1e-6)
    z = Tensor([1, 2])
    ops.zero_(z)
    assert z.asnumpy().tolist() == [0, 0]
    c = Tensor([-1.0, 0.5, 3.0])
    ops.clamp_(c, 0, 1)
    assert c.asnumpy().tolist() == [0.0, 0.5, 1.0]
    e = Tensor([0.5])
    ops.erfinv_(e)
    assert math.isclose(math.erf(float(e.asnumpy()[0])), 0.5, rel_tol=1e-6)
    s = Tensor([0.0, 2.0])
    ops.inplace_sigmoid(s)
    np.testing.assert_allclose(s.asnumpy(), 1 / (1 + np.exp(-np.array([0.0, 2.0]))), rtol=1e-6)


def test_put_writes_flat_positions():
    x = Tensor([[1.0, 2.0], [3.0, 4.0]])
    assert ops.put_(x, Tensor([0, -1]), Tensor([9.0, 8.0])) is x
    assert x.asnumpy().tolist() == [[9.0, 2.0], [3.0, 8.0]]
    y = Tensor([1.0, 2.0, 3.0])
    y.put_(Tensor([[0, 2], [0, 0]]), Tensor([1.0, 1.0, 1.0, 1.0]), accumulate=True)
    assert y.asnumpy().tolist() == [4.0, 2.0, 4.0]
    with pytest.raises(IndexError):
        Tensor([1.0, 2.0]).put_(Tensor([2]), Tensor([1.0]))
    with pytest.raises(ValueError):
        Tensor([1.0, 2.0]).put_(Tensor([0, 1]), Tensor([1.0]))
    with pytest.raises(TypeError):
        Tensor([1.0, 2.0]).put_(Tensor([0.0]), Tensor([1.0]))


def test_random_fills():
    ms.set_seed(3)
    u = ops.uniform_(ops.zeros(1000), 2, 3)
    assert 2 <= u.asnumpy().min() and u.asnumpy().max() < 3
    assert ops.normal_(ops.zeros(3), 5.0, 0.0).asnumpy().tolist() == [5.0] * 3
    r = ops.random_(Tensor(np.zeros(200, np.int32)), 3, 5)
    assert set(r.asnumpy().tolist()) == {3, 4}
    assert (ops.exponential_(ops.zeros(100)).asnumpy() >= 0).all()
    b = ops.bernoulli_(ops.zeros(4000), 0.25)
    assert set(b.asnumpy().tolist()) == {0.0, 1.0} and abs(b.asnumpy().mean() - 0.25) < 0.05
    p = Tensor([0.0, 1.0, 0.0, 1.0])
    assert ops.zeros(4).bernoulli_(p).asnumpy().tolist() == [0.0, 1.0, 0.0, 1.0]
    assert ops.bernoulli_ext(p).asnumpy().tolist() == [0.0, 1.0, 0.0, 1.0]
    with pytest.raises(ValueError):
        ops.bernoulli_(ops.zeros(2), 1.5)
    with pytest.raises(TypeError):
        ops.bernoulli_ext(Tensor([0, 1]))


# ---- *_ext forms, bidense, rotary embedding ----

def test_ext_forms_equal_their_functions():
    assert float(ops.mse_loss_ext(Tensor([1.0, 2.0]), Tensor([0.0, 0.0]))) == 2.5
    assert ops.isnan_ext(Tensor([1.0, np.nan])).asnumpy().tolist() == [False, True]
    assert ops.diff_ext(Tensor([1.0, 3.0, 6.0])).asnumpy().tolist() == [2.0, 3.0]
    assert ops.diff_ext(Tensor([[1.0, 3.0], [6.0, 10.0]]), dim=0).asnumpy().tolist() == [[5.0, 7.0]]
    assert float(ops.einsum_ext("i,i->", Tensor([1.0, 2.0]), Tensor([3.0, 4.0]))) == 11.0
    f = ops.float_power_ext(Tensor([2, 3]), 2)   # MindSpore 2.10: Float64 [4. 9.]
    assert f.dtype == ms.float64 and f.asnumpy().tolist() == [4.0, 9.0]
    ones = [Tensor(np.ones(s, np.float32)) for s in ((1, 2, 2), (1, 2, 3), (1, 3, 2))]
    assert ops.baddbmm_ext(*ones, beta=0.5, alpha=2).asnumpy().tolist() == [[[6.5, 6.5], [6.5, 6.5]]]
    x = Tensor(np.arange(16, dtype=np.float32).reshape(1, 4, 4))
    assert ops.adaptive_avg_pool2d_ext(x, 2).asnumpy().tolist() == [[[2.5, 4.5], [10.5, 12.5]]]


def test_bidense_against_numpy_and_its_gradient():
    rng = np.random.default_rng(0)
    a, b = rng.standard_normal((4, 3)), rng.standard_normal((4, 2))
    w, bias = rng.standard_normal((5, 3, 2)), rng.standard_normal(5)
    got = ops.bidense(Tensor(a), Tensor(b), Tensor(w), Tensor(bias))
    np.testing.assert_allclose(got.asnumpy(), np.einsum("ni,oij,nj->no", a, w, b) + bias, rtol=1e-10)
    # MindSpore 2.10: ones (2, 3), (2, 4), (5, 3, 4) give 12 everywhere.
    ones = ops.bidense(Tensor(np.ones((2, 3), np.float32)), Tensor(np.ones((2, 4), np.float32)),
                       Tensor(np.ones((5, 3, 4), np.float32)))
    assert ones.shape == (2, 5) and (ones.asnumpy() == 12).all()
    g = ms.grad(lambda x: ops.bidense(x, Tensor(b), Tensor(w)).sum())(Tensor(a))
    np.testing.assert_allclose(g.asnumpy(), np.einsum("oij,nj->ni", w, b), rtol=1e-10)
    with pytest.raises(ValueError):
        ops.bidense(Tensor(a), Tensor(b), Tensor(np.ones((5, 2, 2))))


@pytest.mark.parametrize("mode", [0, 1])
def test_rotary_position_embedding_against_numpy(mode):
    rng = np.random.default_rng(mode)
    x = rng.standard_normal((2, 3, 5, 8))
    cos, sin = rng.standard_normal((1, 1, 5, 8)), rng.standard_normal((1, 1, 5, 8))
    if mode == 0:
        rotated = np.concatenate([-x[..., 4:], x[..., :4]], -1)
    else:
        rotated = np.stack([-x[..., 1::2], x[..., 0::2]], -1).reshape(x.shape)
    got = ops.rotary_position_embedding(Tensor(x), Tensor(cos), Tensor(sin), mode)
    np.testing.assert_allclose(got.asnumpy(), x * cos + rotated * sin, rtol=1e-10)
    with pytest.raises(ValueError):
        ops.rotary_position_embedding(Tensor(x), Tensor(cos), Tensor(sin), 2)
    with pytest.raises(ValueError):
        ops.rotary_position_embedding(Tensor(x[..., :3]), Tensor(cos[..., :3]), Tensor(sin[..., :3]))


# ---- older draws ----

def test_gamma_and_poisson_shapes_and_moments():
    alpha = Tensor([[3.0, 4.0], [5.0, 6.0]])
    assert ops.gamma((3, 1, 2), alpha, Tensor([1.0]), seed=5).shape == (3, 2, 2)
    assert ops.gamma((3, 1, 2), alpha, Tensor([1.0, 2.0]), seed=5).shape == (3, 2, 2)
    g = ops.gamma((20000,), Tensor([2.0]), Tensor([4.0]), seed=1).asnumpy()
    assert abs(g.mean() - 0.5) < 0.02 and (g > 0).all()
    a = ops.gamma((4,), Tensor([2.0]), Tensor([4.0]), seed=7).asnumpy()
    assert (a == ops.gamma((4,), Tensor([2.0]), Tensor([4.0]), seed=7).asnumpy()).all()
    p = ops.poisson((4, 1), Tensor([5.0, 10.0]), seed=5)
    assert p.shape == (4, 2) and p.dtype == ms.float32
    big = ops.poisson((20000,), Tensor([3.0]), seed=2).asnumpy()
    assert abs(big.mean() - 3.0) < 0.1 and (big == np.round(big)).all()
    with pytest.raises(TypeError):
        ops.poisson((2,), Tensor([1.0], ms.float64))
    with pytest.raises(ValueError):
        ops.gamma((2,), Tensor([1.0]), Tensor([-1.0]))
    with pytest.raises(ValueError):
        ops.gamma((3,), Tensor([1.0, 2.0]), Tensor([1.0]))


def test_choice_with_mask():
    x = Tensor(np.array([[0, 1], [1, 0]], bool))
    index, mask = ops.choice_with_mask(x, 3, seed=1)
    # MindSpore 2.10 (seed 1): the two True positions in some order, then a zero row, masked out.
    assert index.dtype == ms.int32 and mask.dtype == ms.bool_ and index.shape == (3, 2)
    assert sorted(map(tuple, index.asnumpy()[:2].tolist())) == [(0, 1), (1, 0)]
    assert index.asnumpy()[2].tolist() == [0, 0] and mask.asnumpy().tolist() == [True, True, False]
    big, m = ops.choice_with_mask(Tensor(np.ones((50, 4), bool)))
    assert big.shape == (256, 2)
    assert m.asnumpy().sum() == 200
    with pytest.raises(TypeError):
        ops.choice_with_mask(Tensor([1.0, 0.0]))
    with pytest.raises(ValueError):
        ops.choice_with_mask(x, 0)


def test_multinomial_with_replacement():
    # MindSpore 2.10's documented example: [[1 1]] of Int64.
    out = ops.multinomial_with_replacement(Tensor([[0.0, 9.0, 4.0, 0.0]]), 2, 5, 2, True)
    assert out.dtype == ms.int64 and out.shape == (1, 2) and set(out.asnumpy().ravel()) <= {1, 2}
    one = ops.multinomial_with_replacement(Tensor([[0.0, 9.0, 0.0, 0.0]]), 2, 5, 2, True)
    assert one.asnumpy().tolist() == [[1, 1]]
    distinct = ops.multinomial_with_replacement(Tensor([[1.0, 1.0, 1.0]]), 0, 0, 3)
    assert sorted(distinct.asnumpy()[0].tolist()) == [0, 1, 2]


def test_candidate_samplers_expected_counts():
    data = Tensor(np.array([[1], [3], [4], [6], [3]], np.int64))
    sampled, true_count, sampled_count = ops.uniform_candidate_sampler(data, 1, 3, False, 4, 1)
    assert sampled.shape == (3,) and true_count.shape == (5, 1) and sampled_count.shape == (3,)
    assert ((0 <= sampled.asnumpy()) & (sampled.asnumpy() < 4)).all()
    np.testing.assert_allclose(true_count.asnumpy(), 0.75)
    unique, _, _ = ops.uniform_candidate_sampler(data, 1, 4, True, 4, 2)
    assert sorted(unique.asnumpy().tolist()) == [0, 1, 2, 3]
    classes = Tensor(np.array([[1, 7], [0, 4], [3, 3]]))
    s, t, c = ops.log_uniform_candidate_sampler(classes, 2, 5, False, 5, 3)
    p = lambda k: (np.log(k + 2.0) - np.log(k + 1.0)) / np.log(6.0)  # noqa: E731
    np.testing.assert_allclose(t.asnumpy(), 5 * p(classes.asnumpy()), rtol=1e-6)
    np.testing.assert_allclose(c.asnumpy(), 5 * p(s.asnumpy()), rtol=1e-6)
    # Unique: the expected counts 1 - (1 - p)^tries, MindSpore's documented [[0.923 0.493] ...] at 10 tries.
    s, t, _ = ops.log_uniform_candidate_sampler(classes, 2, 5, True, 5, 4)
    assert sorted(s.asnumpy().tolist()) == [0, 1, 2, 3, 4]
    tries = np.log1p(-t.asnumpy()[0, 0]) / np.log1p(-p(1))
    np.testing.assert_allclose(t.asnumpy(), -np.expm1(tries * np.log1p(-p(classes.asnumpy()))), rtol=1e-4)
    with pytest.raises(ValueError):
        ops.uniform_candidate_sampler(data, 2, 3, False, 4)
    with pytest.raises(ValueError):
        ops.log_uniform_candidate_sampler(classes, 2, 6, True, 5)
    with pytest.raises(TypeError):
        ops.uniform_candidate_sampler(data, 1, 3, 1, 4)

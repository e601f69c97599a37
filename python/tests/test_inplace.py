"""In-place Tensor methods (``add_``, ``mul_``, ``copy_``, ``fill_``, ``zero_``, ``clamp_``,
``uniform_``, ``normal_``, ``masked_fill_``, ``index_fill_``, ``scatter_``, ...): each returns the
tensor itself holding the new value (in its own dtype and shape), is differentiable inside a
differentiated function, is written back under ``jit``, and refuses what MindSpore refuses
(a leaf that needs a gradient; a view output of a custom ``_Function``). Also arbitrary Python
attributes on a Tensor. References are NumPy float64 computations.

(MindSpore 2.10's CPU build does not modify the tensor for most of these methods: ``add_``,
``mul_``, ``div_`` return a new tensor and leave the old one as it was, ``fill_``, ``zero_``,
``clamp_``, ``masked_fill_`` ... raise "kernel unregistered". We follow its documentation.)"""
import numpy as np
import pytest

import easy_mindspore as ems
import mindspore as ms
from mindspore import Parameter, Tensor, ops
from mindspore.common._grad_function import _Function

SHAPES = [(), (1,), (3,), (2, 3), (2, 1, 3)]


def _data(shape, seed=0):
    return np.random.default_rng(seed).uniform(-2, 2, size=shape)


@pytest.mark.parametrize("shape", SHAPES)
def test_arithmetic_methods_update_in_place_and_return_self(shape):
    a, b = _data(shape, 1), _data(shape, 2) + 3.0
    cases = [
        ("add_", lambda t: t.add_(Tensor(b)), a + b),
        ("add_ alpha", lambda t: t.add_(Tensor(b), alpha=2), a + 2 * b),
        ("sub_", lambda t: t.sub_(1.5), a - 1.5),
        ("sub_ alpha", lambda t: t.sub_(Tensor(b), alpha=0.5), a - 0.5 * b),
        ("mul_", lambda t: t.mul_(Tensor(b)), a * b),
        ("div_", lambda t: t.div_(Tensor(b)), a / b),
        ("div_ floor", lambda t: t.div_(0.7, rounding_mode="floor"), np.floor(a / 0.7)),
        ("div_ trunc", lambda t: t.div_(0.7, rounding_mode="trunc"), np.trunc(a / 0.7)),
        ("clamp_", lambda t: t.clamp_(-1, 0.5), np.clip(a, -1, 0.5)),
        ("clamp_ min", lambda t: t.clamp_(min=0), np.maximum(a, 0)),
        ("exp_", lambda t: t.exp_(), np.exp(a)),
        ("tanh_", lambda t: t.tanh_(), np.tanh(a)),
        ("sigmoid_", lambda t: t.sigmoid_(), 1 / (1 + np.exp(-a))),
        ("floor_", lambda t: t.floor_(), np.floor(a)),
        ("sign_", lambda t: t.sign_(), np.sign(a)),
        ("remainder_", lambda t: t.remainder_(0.75), np.mod(a, 0.75)),
        ("floor_divide_", lambda t: t.floor_divide_(0.75), np.floor_divide(a, 0.75)),
        ("zero_", lambda t: t.zero_(), np.zeros(shape)),
        ("fill_", lambda t: t.fill_(2.5), np.full(shape, 2.5)),
        ("fill_ tensor", lambda t: t.fill_(Tensor(-1.0)), np.full(shape, -1.0)),
        ("copy_", lambda t: t.copy_(Tensor(b.astype(np.float32))), b.astype(np.float32)),
    ]
    for name, f, want in cases:
        t = Tensor(a, ms.float64)
        out = f(t)
        assert out is t, name
        assert t.dtype == ms.float64 and t.shape == shape, name
        np.testing.assert_allclose(t.asnumpy(), want, rtol=1e-12, atol=1e-12, err_msg=name)


def test_results_keep_the_tensors_dtype_and_broadcast_to_its_shape():
    t = Tensor(np.zeros((2, 3), np.int32))
    t.add_(Tensor([1.7, 2.2, -3.9]))  # cast back to Int32, truncating (as ops.assign)
    assert t.dtype == ms.int32
    np.testing.assert_array_equal(t.asnumpy(), [[1, 2, -3], [1, 2, -3]])
    t = Tensor(np.ones((2, 3), np.float32))
    t.copy_(Tensor([[1], [2]], ms.int64))
    np.testing.assert_array_equal(t.asnumpy(), [[1, 1, 1], [2, 2, 2]])
    assert t.dtype == ms.float32
    with pytest.raises(ValueError, match="add_"):
        Tensor(np.ones(3, np.float32)).add_(Tensor(np.ones((2, 3), np.float32)))
    with pytest.raises(ValueError, match="fill_"):
        Tensor(np.ones(3, np.float32)).fill_(Tensor([1.0, 2.0]))
    with pytest.raises(TypeError, match="copy_"):
        Tensor(np.ones(3, np.float32)).copy_([1, 2, 3])
    with pytest.raises(TypeError, match="mul_"):
        Tensor(np.ones(3, np.float32)).mul_("2")


def test_indexed_methods_match_numpy():
    a = _data((2, 4), 3)
    t = Tensor(a, ms.float32)
    mask = np.array([True, False, True, False])
    assert t.masked_fill_(Tensor(mask), 0.5) is t
    np.testing.assert_allclose(t.asnumpy(), np.where(mask, 0.5, a), rtol=1e-6)
    t = Tensor(a, ms.float32)
    t.index_fill_(1, Tensor([0, 2]), -1.0)
    want = a.copy()
    want[:, [0, 2]] = -1
    np.testing.assert_allclose(t.asnumpy(), want, rtol=1e-6)
    t = Tensor(a, ms.float32)
    t.scatter_(1, Tensor([[0], [3]]), Tensor([[9.0], [8.0]]))
    want = a.copy()
    want[0, 0], want[1, 3] = 9, 8
    np.testing.assert_allclose(t.asnumpy(), want, rtol=1e-6)
    t = Tensor(a, ms.float32)
    t.index_add_(1, Tensor([1, 1], ms.int32), Tensor(np.ones((2, 2), np.float32)), alpha=3)
    want = a.copy()
    want[:, 1] += 6
    np.testing.assert_allclose(t.asnumpy(), want, rtol=1e-6)
    t = Tensor(np.ones((2, 2), np.float32))
    t.addmm_(Tensor(np.ones((2, 3), np.float32)), Tensor(np.ones((3, 2), np.float32)), beta=2,
             alpha=0.5)
    np.testing.assert_allclose(t.asnumpy(), np.full((2, 2), 3.5))


def test_random_fills_respect_bounds_and_moments():
    ms.set_seed(5)
    t = Tensor(np.zeros((200, 50), np.float32))
    assert t.uniform_(2, 3) is t
    v = t.asnumpy()
    assert v.min() >= 2 and v.max() < 3 and abs(v.mean() - 2.5) < 0.01
    t = Tensor(np.zeros((200, 50), np.float64))
    t.normal_(1.0, 2.0)
    v = t.asnumpy()
    assert t.dtype == ms.float64 and abs(v.mean() - 1.0) < 0.1 and abs(v.std() - 2.0) < 0.1
    with pytest.raises(TypeError, match="uniform_"):
        Tensor([1, 2]).uniform_()
    with pytest.raises(ValueError, match="normal_"):
        Tensor([1.0]).normal_(0, -1)


def test_parameter_in_place_keeps_it_a_parameter():
    p = Parameter(Tensor(np.ones(3, np.float32)), name="w")
    assert p.mul_(3) is p
    assert isinstance(p, Parameter) and p.name == "w"
    np.testing.assert_array_equal(p.asnumpy(), [3, 3, 3])


def test_gradient_flows_through_in_place_updates():
    # f(x) = sum((x·2 + 1)·x) after in-place updates of an intermediate; f' = 4x + 1.
    def f(x):
        y = x * 2
        y.add_(1)
        return (y * x).sum()

    a = _data((2, 3), 4)
    g = ms.grad(f)(Tensor(a))
    np.testing.assert_allclose(g.asnumpy(), 4 * a + 1, rtol=1e-12)

    # copy_ replaces the value: d/dx sum(copy_(y, x³)) = 3x², and nothing flows from y.
    def h(x, z):
        y = z * 1.0
        y.copy_(x ** 3)
        return y.sum()

    gx, gz = ms.grad(h, grad_position=(0, 1))(Tensor(a), Tensor(a))
    np.testing.assert_allclose(gx.asnumpy(), 3 * a ** 2, rtol=1e-12)
    np.testing.assert_array_equal(gz.asnumpy(), np.zeros((2, 3)))


def test_a_leaf_that_needs_a_gradient_may_not_be_modified_in_place():
    def f(x):
        x.add_(1)
        return x.sum()

    with pytest.raises(RuntimeError, match="A leaf tensor that need grad"):
        ms.grad(f)(Tensor([1.0, 2.0]))
    # Outside grad, or on a copy, it is fine.
    x = Tensor([1.0, 2.0])
    f(x)
    np.testing.assert_array_equal(x.asnumpy(), [2.0, 3.0])


def test_jit_writes_an_argument_updated_in_place_back():
    @ms.jit
    def step(x):
        x.mul_(2)
        return x + 1

    x = Tensor(np.array([1.0, 2.0], np.float32))
    out = step(x)
    np.testing.assert_array_equal(out.asnumpy(), [3.0, 5.0])
    np.testing.assert_array_equal(x.asnumpy(), [2.0, 4.0])


def test_tensors_take_python_attributes():
    t = Tensor([1.0])
    t.foo = 1
    t.tensor = Tensor([2.0])
    assert t.foo == 1 and t.tensor.asnumpy()[0] == 2.0
    with pytest.raises(AttributeError):
        _ = t.bar


class _ReturnsInput(_Function):
    @staticmethod
    def forward(ctx, x):
        return x

    @staticmethod
    def backward(ctx, g):
        return g * 2


class _ReturnsSlice(_Function):
    @staticmethod
    def forward(ctx, x):
        return (x * x)[0:1]

    @staticmethod
    def backward(ctx, g):
        return ops.ones_like(g).broadcast_to((2,))


def test_view_outputs_of_custom_functions_refuse_in_place_updates():
    y = _ReturnsInput.apply(Tensor([3.0, 3.0]))
    with pytest.raises(RuntimeError, match="view tensor is output of custom cell"):
        y.add_(1.0)
    z = _ReturnsSlice.apply(Tensor([3.0, 3.0]))
    with pytest.raises(RuntimeError, match="view tensor is output of custom cell"):
        z.mul_(2)
    # A plain output (not a view) may be updated.
    w = ems.Tensor([1.0]) * 1
    assert w.add_(1) is w


def test_basic_indexing_marks_views_and_advanced_indexing_does_not():
    x = Tensor(np.arange(6.0).reshape(2, 3))
    assert x[0]._is_view and x[:, 1:]._is_view and x[None, ...]._is_view
    assert not x[Tensor([0, 1])]._is_view and not x._is_view


def test_stop_gradient_in_place_on_a_differentiated_view_is_refused():
    def f(x):
        y = (x * x)[0]
        ops.stop_gradient_(y)
        return y * x

    with pytest.raises(RuntimeError, match="Cannot stop_gradient view inplace"):
        ms.grad(f)(Tensor([2.0, 3.0]))
    # Outside a transformation it is the value, as MindSpore 2.10 prints: [8, 12].
    np.testing.assert_array_equal(f(Tensor([2.0, 3.0])).asnumpy(), [8.0, 12.0])

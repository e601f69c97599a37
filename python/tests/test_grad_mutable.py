"""``mutable`` arguments in compiled code have gradients in their own structures, and
``GradOperation``'s first-input gradient is the first *argument's* (values measured on
MindSpore 2.10, CPU)."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, mutable, nn, ops


def _np(x):
    return x.asnumpy() if isinstance(x, Tensor) else x


A = np.array([1.0, 2.0], np.float32)
B = np.array([3.0, 4.0], np.float32)


class TupleTimes(nn.Cell):
    def construct(self, t, c):
        return (t[0] * t[1] * c).sum()


@pytest.fixture
def graph_mode(monkeypatch):
    """GRAPH_MODE at MindSpore's default syntax level (LAX), whatever the environment says."""
    monkeypatch.delenv("MS_DEV_JIT_SYNTAX_LEVEL", raising=False)
    level = ms.get_context("jit_syntax_level")
    ms.set_context(mode=ms.GRAPH_MODE, jit_syntax_level=ms.LAX)
    yield
    ms.set_context(mode=ms.PYNATIVE_MODE, jit_syntax_level=level)


def test_mutable_marks_values_as_mindspore():
    x = Tensor(A)
    assert mutable(x) is x and x.__ms_mutable__ and x.__ms_origin_object__ is x
    t = mutable((x, 2), dynamic_len=True)
    assert type(t).__name__ == "_Tuple" and t == (x, 2) and t.__ms_dynamic_len__
    assert type(mutable([1])).__name__ == "_List" and mutable([1]) == [1]
    d = {"a": 1}
    assert mutable(d) == d and mutable(d).__ms_origin_object__ is d
    assert mutable(2) + 1 == 3 and type(mutable(2) + 1) is int
    b = mutable(True)
    assert isinstance(b, bool) and repr(b) == "True" and (b & False) is False
    with pytest.raises(TypeError):
        mutable("s")


def test_graph_mode_differentiates_a_mutable_tuple_in_its_structure(graph_mode):
    a, b = Tensor(A), Tensor(B)
    net = TupleTimes()
    first = ops.GradOperation()(net)(mutable((a, b)), a)
    assert isinstance(first, tuple) and len(first) == 2
    np.testing.assert_allclose(_np(first[0]), A * B)      # d/dt0 = t1·c
    np.testing.assert_allclose(_np(first[1]), A * A)      # d/dt1 = t0·c
    grads = ops.GradOperation(get_all=True)(net)(mutable((a, b)), a)
    assert len(grads) == 2 and isinstance(grads[0], tuple)
    np.testing.assert_allclose(_np(grads[1]), A * B)
    listed = ops.GradOperation()(net)(mutable([a, b]), a)
    assert isinstance(listed, list) and len(listed) == 2
    # A plain tuple is a constant of the graph: no gradient.
    assert ops.GradOperation()(net)((a, b), a) == ()
    only_c = ops.GradOperation(get_all=True)(net)((a, b), a)
    assert len(only_c) == 1
    np.testing.assert_allclose(_np(only_c[0]), A * B)


class Mul(nn.Cell):
    def construct(self, x, y):
        return x * y


class DictMul(nn.Cell):
    def construct(self, d):
        return d["a"] * d["b"]


class GradNet(nn.Cell):
    """The gradient taken inside a compiled cell, as MindSpore's users write it. (MindSpore 2.10
    gives zeros for mutable numbers, its bug: its own tests expect the derivatives, as here.)"""

    def __init__(self, net, get_all=False):
        super().__init__()
        self.net = net
        self.grad_op = ops.GradOperation(get_all=get_all)

    def construct(self, *args):
        return self.grad_op(self.net)(*args)


def test_graph_mode_differentiates_mutable_numbers_and_dicts(graph_mode):
    grads = GradNet(Mul(), get_all=True)(mutable(2), mutable(3))
    assert [float(_np(g)) for g in grads] == [3.0, 2.0]
    a, b = Tensor(A), Tensor(B)
    g = GradNet(DictMul())(mutable({"a": a, "b": b}))
    assert isinstance(g, dict) and list(g) == ["a", "b"]
    np.testing.assert_allclose(_np(g["a"]), B)
    np.testing.assert_allclose(_np(g["b"]), A)


def test_strict_syntax_level_gives_a_dicts_gradient_as_a_tuple(graph_mode, monkeypatch):
    monkeypatch.setenv("MS_DEV_JIT_SYNTAX_LEVEL", "0")
    a, b = Tensor(A), Tensor(B)
    g = GradNet(DictMul())(mutable({"a": a, "b": b}))
    assert isinstance(g, tuple) and len(g) == 2
    np.testing.assert_allclose(_np(g[0]), B)


def test_jit_differentiates_mutable_arguments_too():
    a, b = Tensor(A), Tensor(B)

    @ms.jit
    def grads(t, c):
        return ops.GradOperation()(lambda t, c: (t[0] * t[1] * c).sum())(t, c)

    first = grads(mutable((a, b)), a)
    np.testing.assert_allclose(_np(first[0]), A * B)
    np.testing.assert_allclose(_np(first[1]), A * A)


def test_eager_first_gradient_is_the_first_arguments():
    """PyNative differentiates Tensors only: a number or tuple first argument gives ``()``
    (ours gave the first Tensor's gradient), mutable or not."""
    a = Tensor(A)
    f = lambda s, c: (s * c * c).sum()  # noqa: E731
    assert ops.GradOperation()(f)(2.0, a) == ()
    assert ops.GradOperation()(TupleTimes())(mutable((a, a)), a) == ()
    (only,) = ops.GradOperation(get_all=True)(f)(2.0, a)
    np.testing.assert_allclose(_np(only), 4 * A)
    np.testing.assert_allclose(_np(ops.GradOperation()(f)(a, 2.0)), [4.0, 4.0])

"""``mindspore.ops.composite``'s functions (``C.normal``, ``C.sequence_mask``, ``C.zeros_like``,
``C.hyper_add``...) and ``mindspore.context``'s parallel and syntax-level names, as MindSpore
2.10 has them."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, context, ops
from easy_mindspore.ops import composite as C


def test_composite_reexports_are_the_ops_functions():
    for name in ["normal", "uniform", "gamma", "poisson", "multinomial", "laplace",
                 "sequence_mask", "repeat_elements", "repeat_interleave", "tensor_dot", "dot",
                 "batch_dot", "matmul", "mm", "count_nonzero", "cummin", "vecdot"]:
        assert getattr(C, name) is getattr(ops, name), name
        assert name in C.__all__


def test_composite_functions_compute():
    a = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    b = Tensor(np.arange(12, dtype=np.float32).reshape(3, 4))
    np.testing.assert_array_equal(C.matmul(a, b).asnumpy(), a.asnumpy() @ b.asnumpy())
    mask = C.sequence_mask(Tensor(np.array([1, 3], np.int32)), 4).asnumpy()
    np.testing.assert_array_equal(mask, [[True, False, False, False], [True, True, True, False]])
    ms.set_seed(3)
    x = C.normal((1000,), Tensor(2.0), Tensor(0.5), seed=1)
    assert x.shape == (1000,) and x.dtype == ms.float32
    assert abs(float(x.mean()) - 2.0) < 0.1 and abs(float(x.std()) - 0.5) < 0.1


def test_zeros_like_and_ones_like_keep_nested_structure():
    t = Tensor(np.ones((2, 2), np.float32))
    z = C.zeros_like((t, 1.5, [2, True]))
    assert isinstance(z, tuple) and isinstance(z[2], list)
    np.testing.assert_array_equal(z[0].asnumpy(), np.zeros((2, 2), np.float32))
    assert z[0].dtype == ms.float32
    assert z[1] == 0.0 and type(z[1]) is float and z[2] == [0, False]
    o = C.ones_like((t,))
    np.testing.assert_array_equal(o[0].asnumpy(), np.ones((2, 2), np.float32))
    np.testing.assert_array_equal(C.zeros_like(t).asnumpy(), np.zeros((2, 2), np.float32))
    with pytest.raises(TypeError, match="zeros_like"):
        C.zeros_like("a")


def test_hyper_add_tail_zip_and_add_flags():
    t = Tensor(np.ones((2,), np.float32))
    s = C.hyper_add((t, 1, (2.0,)), (t, 2, (0.5,)))
    np.testing.assert_array_equal(s[0].asnumpy(), [2.0, 2.0])
    assert s[1:] == (3, (2.5,))
    with pytest.raises(ValueError, match="same length"):
        C.hyper_add((1, 2), (1,))
    assert C.tail((1, 2, 3)) == (2, 3)
    with pytest.raises(ValueError, match="tail"):
        C.tail(())
    with pytest.raises(TypeError, match="tail"):
        C.tail(3)
    assert C.zip_operation((1, 2), [3, 4]) == ((1, 3), (2, 4))
    with pytest.raises(TypeError, match="zip_operation"):
        C.zip_operation((1,), 2)

    def f():
        return 1
    assert C.add_flags(f, defer_inline=True) is f and f._func_graph_flags == {"defer_inline": True}

    @C.add_flags(has_effect=True)
    def g():
        return 2
    assert g() == 2 and g._func_graph_flags == {"has_effect": True}


def test_context_holds_the_parallel_and_syntax_level_names():
    assert (ms.STRICT, ms.COMPATIBLE, ms.LAX) == (0, 1, 2)
    assert (context.STRICT, context.COMPATIBLE, context.LAX) == (0, 1, 2)
    assert (context.RELEASE, context.DEBUG) == (0, 1)
    assert context.ParallelMode is ms.ParallelMode
    context.set_auto_parallel_context(parallel_mode=context.ParallelMode.STAND_ALONE,
                                      gradients_mean=True)
    try:
        assert ms.get_auto_parallel_context("gradients_mean") is True
        assert context.get_auto_parallel_context("parallel_mode") == "stand_alone"
    finally:
        context.reset_auto_parallel_context()
    assert ms.get_auto_parallel_context("gradients_mean") is False
    ms.set_context(jit_syntax_level=ms.STRICT)
    try:
        assert ms.get_context("jit_syntax_level") == 0
    finally:
        ms.set_context(jit_syntax_level=ms.LAX)

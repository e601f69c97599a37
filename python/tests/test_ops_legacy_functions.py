"""The older ``ops`` functions of ``_legacy_func``: values, dtypes and errors as MindSpore 2.10
printed them for the same calls (``accumulate_n`` has no CPU kernel there: its documented sum)."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import ops

x = ms.Tensor(np.array([[1., -2., 0.], [3., 0.5, -1.]], np.float32))
seq = ms.Tensor(np.array([[[1., 5., 2., 0., 3., 3.], [4., 1., 0., 7., 2., 2.]]], np.float32))


def test_values_equal_mindspores():
    np.testing.assert_array_equal(ops.intopk(x, ms.Tensor([1, 0], ms.int32), 2).asnumpy(), [False, True])
    assert (ops.scalar_cast(2.7, ms.int64), ops.scalar_cast(-2.7, ms.int64)) == (2, -2)
    assert repr(ops.scalar_cast(2, ms.float64)) == "2.0" and ops.scalar_cast(0.0, ms.bool_) is False
    t = ops.scalar_to_tensor(2.5, ms.float16)
    assert t.dtype == ms.float16 and t.shape == () and float(t.asnumpy()) == 2.5
    assert ops.tuple_to_array((1, 2, 3)).dtype == ms.int32
    assert ops.tuple_to_array((1., 2.)).dtype == ms.float32
    assert ops.tuple_to_array((True, False)).dtype == ms.int32        # MindSpore 2.10: ints
    assert ops.tuple_to_array(range(2, 9, 3)).asnumpy().tolist() == [2, 5, 8]
    assert ops.tuple_to_array((1, 2.5)).asnumpy().tolist() == [1, 2]   # the first decides
    np.testing.assert_array_equal(ops.adaptive_avg_pool1d(seq, 3).asnumpy(), [[[3., 1., 3.], [2.5, 3.5, 2.]]])
    np.testing.assert_array_equal(ops.adaptive_max_pool1d(seq, 2).asnumpy(), [[[5., 3.], [4., 7.]]])
    assert ops.adaptive_max_pool1d(seq, 6).shape == (1, 2, 6)
    viewed = ops.view_as(x, ms.Tensor(np.zeros((3, 2), np.float32)))
    np.testing.assert_array_equal(viewed.asnumpy(), [[1., -2.], [0., 3.], [0.5, -1.]])
    total = ops.accumulate_n([x, x, x])
    np.testing.assert_array_equal(total.asnumpy(), 3 * x.asnumpy())


def test_pools_and_sums_are_differentiable():
    g = ms.grad(lambda t: ops.adaptive_avg_pool1d(t, 3).sum())(seq)
    np.testing.assert_allclose(g.asnumpy(), np.full((1, 2, 6), 0.5))
    g = ms.grad(lambda t: ops.adaptive_max_pool1d(t, 2).sum())(seq)
    # The tied maximum of the window [0, 3, 3] shares its gradient.
    np.testing.assert_array_equal(g.asnumpy(), [[[0, 1, 0, 0, 0.5, 0.5], [1, 0, 0, 1, 0, 0]]])
    g = ms.grad(lambda t: ops.accumulate_n([t, t * 2]).sum())(x)
    np.testing.assert_array_equal(g.asnumpy(), np.full((2, 3), 3.0))


def test_bad_arguments_raise_mindspores_classes():
    with pytest.raises(ValueError, match=r"ScalarCast.*supported type.*Int32"):
        ops.scalar_cast(2.7, ms.int32)
    with pytest.raises(ValueError, match="adaptive_avg_pool1d input must have 3 dim, but got 2"):
        ops.adaptive_avg_pool1d(ms.Tensor(np.ones((2, 6), np.float32)), 3)
    with pytest.raises(ValueError, match="divisible by output size 4, but got 6"):
        ops.adaptive_max_pool1d(seq, 4)
    with pytest.raises(TypeError, match="'output_size' must be a positive int"):
        ops.adaptive_avg_pool1d(seq, 0)
    with pytest.raises(TypeError, match="tuple_to_array.*numbers"):
        ops.tuple_to_array((1, "a"))
    with pytest.raises(TypeError, match="tuple_to_array.*a tuple or a range"):
        ops.tuple_to_array([1, 2])
    with pytest.raises(IndexError):
        ops.tuple_to_array(())
    with pytest.raises(ValueError, match=r"AccumulateNV2.*x\[1\]"):
        ops.accumulate_n([x, ms.Tensor([1.])])
    with pytest.raises(TypeError, match="AccumulateNV2.*non-empty list"):
        ops.accumulate_n([])
    with pytest.raises(TypeError, match="scalar_to_tensor.*'input_x'"):
        ops.scalar_to_tensor("2")
    with pytest.raises(ValueError, match="InTopK"):
        ops.intopk(x, ms.Tensor([1], ms.int32), 1)

"""Tensor methods of ``_tensor_puts.py`` (index_put, fill_diagonal_, the random fills...) and
the method forms of the part-three ops, against MindSpore 2.10's printed results for the same
calls (``index_put``) and the documented semantics (NumPy/PyTorch's for the diagonal fill)."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, ops


def test_index_put_writes_or_accumulates_as_mindspore():
    x = ops.zeros((3, 3))
    out = x.index_put((Tensor([0, 1]), Tensor([1, 2])), Tensor([5.0, 6.0]))
    np.testing.assert_array_equal(out.asnumpy(), [[0, 5, 0], [0, 0, 6], [0, 0, 0]])
    acc = x.index_put((Tensor([0, 0]), Tensor([1, 1])), Tensor([5.0, 6.0]), True)
    np.testing.assert_array_equal(acc.asnumpy(), [[0, 11, 0], [0, 0, 0], [0, 0, 0]])
    assert x.asnumpy().sum() == 0  # index_put leaves self alone
    rows = x.index_put((Tensor([0, -1]),), Tensor([[1.0], [2.0]]))
    np.testing.assert_array_equal(rows.asnumpy(), [[1, 1, 1], [0, 0, 0], [2, 2, 2]])
    assert x.index_put_((Tensor([2]), Tensor([0])), Tensor(7.0)) is x
    assert x.asnumpy()[2, 0] == 7
    with pytest.raises(IndexError):
        x.index_put((Tensor([3]),), Tensor([1.0]))
    with pytest.raises(TypeError):
        x.index_put((Tensor([0.5]),), Tensor([1.0]))


def test_fill_diagonal_wraps_like_numpy():
    a = np.zeros((7, 3), np.float32)
    np.fill_diagonal(a, 5.0, wrap=True)
    np.testing.assert_array_equal(ops.zeros((7, 3)).fill_diagonal_(5.0, wrap=True).asnumpy(), a)
    b = np.zeros((7, 3), np.float32)
    np.fill_diagonal(b, 5.0)
    np.testing.assert_array_equal(ops.zeros((7, 3)).fill_diagonal_(5.0).asnumpy(), b)
    c = ops.zeros((2, 2, 2)).fill_diagonal_(1.0).asnumpy()
    assert c[0, 0, 0] == c[1, 1, 1] == 1 and c.sum() == 2
    with pytest.raises(ValueError):
        ops.zeros((2, 3, 2)).fill_diagonal_(1.0)


def test_scatters_and_copies_in_place():
    m = Tensor([0.0, 0.0, 0.0, 0.0])
    m.masked_scatter_(Tensor([True, False, True, False]), Tensor([7.0, 8.0, 9.0]))
    np.testing.assert_array_equal(m.asnumpy(), [7, 0, 8, 0])
    s = ops.zeros((2, 3))
    s.scatter_add_(1, Tensor([[0, 0], [2, 1]]), Tensor([[1.0, 2.0], [3.0, 4.0]]))
    np.testing.assert_array_equal(s.asnumpy(), [[3, 0, 0], [0, 4, 3]])
    c = ops.zeros((3, 2))
    c.index_copy_(0, Tensor([2, 0]), Tensor([[1.0, 2.0], [3.0, 4.0]]))
    np.testing.assert_array_equal(c.asnumpy(), [[3, 4], [0, 0], [1, 2]])
    d = ops.zeros((2, 3))
    d.index_copy_(1, Tensor([2]), Tensor([[1.0], [2.0]]))
    np.testing.assert_array_equal(d.asnumpy(), [[0, 0, 1], [0, 0, 2]])
    with pytest.raises(ValueError):
        ops.zeros((3, 2)).index_copy_(0, Tensor([0]), ops.ones((2, 2)))
    v = Tensor([1.0, 2.0])
    assert v.assign_value(Tensor([3.0, 4.0])) is v and v.asnumpy().tolist() == [3, 4]
    assert Tensor([1.0]).requires_grad_().requires_grad is True


def test_random_fills_and_draws():
    ms.set_seed(0)
    r = ops.zeros(2000).random_(2, 5).asnumpy()
    assert set(r.tolist()) == {2.0, 3.0, 4.0}
    i = Tensor(np.zeros(50, np.int8)).random_().asnumpy()
    assert i.min() >= 0 and i.dtype == np.int8
    e = ops.zeros(20000).exponential_(2.0).asnumpy()
    assert e.min() >= 0 and abs(e.mean() - 0.5) < 0.02
    u = ops.zeros((100, 100)).uniform(2.0, 3.0).asnumpy()
    assert u.min() >= 2 and u.max() < 3
    ln = ops.zeros(20000).log_normal(0.0, 0.5).asnumpy()
    assert ln.min() > 0 and abs(np.median(np.log(ln))) < 0.02
    cy = ops.zeros(20000).cauchy(1.0, 2.0).asnumpy()
    assert abs(np.median(cy) - 1.0) < 0.1
    with pytest.raises(ValueError):
        ops.zeros(3).exponential_(0)
    with pytest.raises(ValueError):
        ops.zeros(3).random_(5, 2)


def test_products_and_method_forms():
    np.testing.assert_array_equal(Tensor([1.0, 2.0]).ger(Tensor([3.0, 4.0])).asnumpy(), [[3, 4], [6, 8]])
    z = Tensor(np.array([[1 + 2j, 3j]], np.complex64)).adjoint().asnumpy()
    np.testing.assert_array_equal(z, [[1 - 2j], [-3j]])
    assert Tensor([1.0]).has_init is False
    x = Tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 7.0]])
    np.testing.assert_allclose(x.quantile(0.5, axis=1).asnumpy(), [2, 5])
    np.testing.assert_allclose(x.unsorted_segment_max(Tensor([0, 0]), 1).asnumpy(), [[4, 5, 7]])
    np.testing.assert_allclose(Tensor([1.0, 0.2]).soft_shrink().asnumpy(), [0.5, 0])

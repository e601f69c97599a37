"""The Tensor methods of ``_tensor_more``: MindSpore 2.10's method forms of ops and mint functions
and its PyTorch-style conversions and queries, against NumPy and values measured on MindSpore
2.10 (CPU)."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, ops

A = np.arange(6, dtype=np.float32).reshape(2, 3)


def x():
    return Tensor(A.copy())


def test_arithmetic_methods_with_alpha_and_forwarders():
    np.testing.assert_array_equal(x().add(1, alpha=2).asnumpy(), A + 2)
    np.testing.assert_array_equal(x().sub(x(), alpha=2).asnumpy(), -A)
    # a list is data: alpha scales its values (it does not repeat the list)
    np.testing.assert_array_equal(x().add([1, 2, 3], alpha=2).asnumpy(), A + [2, 4, 6])
    np.testing.assert_array_equal(x().subtract(1).asnumpy(), A - 1)
    np.testing.assert_array_equal(x().mul(2).asnumpy(), A * 2)
    np.testing.assert_array_equal(x().div(2, rounding_mode="floor").asnumpy(), np.floor(A / 2))
    np.testing.assert_array_equal(x().pow(2).asnumpy(), A ** 2)
    np.testing.assert_allclose(x().softmax(-1).asnumpy(), np.exp(A) / np.exp(A).sum(-1, keepdims=True),
                               rtol=1e-6)
    np.testing.assert_allclose(x().norm().asnumpy(), np.linalg.norm(A), rtol=1e-6)
    assert [t.shape for t in x().split(1, 1)] == [(2, 1)] * 3
    assert [t.asnumpy().tolist() for t in x().unbind(0)] == A.tolist()
    np.testing.assert_array_equal(x().sign().asnumpy(), np.sign(A))
    np.testing.assert_array_equal(x().ravel().asnumpy(), A.ravel())
    assert x().maximum(2).asnumpy().tolist() == np.maximum(A, 2).tolist()


def test_where_select_fill_expand():
    t = x()
    np.testing.assert_array_equal(t.where(t > 2, 0.0).asnumpy(), np.where(A > 2, A, 0))
    np.testing.assert_array_equal(t.select(1, 0).asnumpy(), A[:, 0])
    np.testing.assert_array_equal(t.select(t > 2, 1.0).asnumpy(), np.where(A > 2, A, 1))
    f = t.fill(7.0)
    assert f.asnumpy().tolist() == [[7.0] * 3] * 2 and t.asnumpy().tolist() == A.tolist()
    assert t.fill(Tensor(2.0)).dtype == ms.float32
    e = Tensor(np.array([[1.0], [2.0]], np.float32)).expand(2, 3)
    assert e.asnumpy().tolist() == [[1.0] * 3, [2.0] * 3]
    assert t.expand(4, -1, 3).shape == (4, 2, 3) and t.expand((2, 3)).shape == (2, 3)
    with pytest.raises(ValueError):
        t.expand(3)


@pytest.mark.parametrize("cond", [Tensor(np.array([1, 0, 1], np.int32)),
                                  Tensor(np.array([1.0, 0.0, 1.0], np.float32)),
                                  True, 1, [True, False, True]])
def test_where_and_select_take_only_a_bool_tensor_condition(cond):
    # MindSpore 2.10's Select kernel (behind ops.where, ops.select and Tensor.where) refuses any
    # other condition with a TypeError; mindspore.numpy.where takes any, as NumPy's.
    a, b = Tensor(np.array([1.0, 2.0, 3.0], np.float32)), Tensor(np.array([4.0, 5.0, 6.0], np.float32))
    for call in (lambda: ops.where(cond, a, b), lambda: ops.select(cond, a, b),
                 lambda: a.where(cond, b)):
        with pytest.raises(TypeError, match="Select"):  # its kernel's message, or its call check's
            call()
    import easy_mindspore.numpy as mnp
    if isinstance(cond, Tensor):
        assert mnp.where(cond, a, b).asnumpy().tolist() == [1.0, 5.0, 3.0]
    ok = Tensor(np.array([True, False, True]))
    assert ops.where(ok, a, 0.0).asnumpy().tolist() == [1.0, 0.0, 3.0]


def test_index_add_scatter_add_take_bincount_histc():
    t = x()
    idx = Tensor(np.array([0, 2], np.int32))
    got = t.index_add(1, idx, Tensor(np.ones((2, 2), np.float32)))
    want = A.copy()
    want[:, [0, 2]] += 1
    np.testing.assert_array_equal(got.asnumpy(), want)
    np.testing.assert_array_equal(t.asnumpy(), A)  # out of place (MindSpore 2.10 writes in place: a bug)
    np.testing.assert_array_equal(t.take(idx).asnumpy(), A.ravel()[[0, 2]])
    b = Tensor(np.array([0, 2, 2], np.int32)).bincount()
    assert b.dtype == ms.float32 and b.asnumpy().tolist() == [1.0, 0.0, 2.0]  # MindSpore 2.10's dtype
    np.testing.assert_array_equal(t.histc(3).asnumpy(), [2.0, 2.0, 2.0])


def test_conversions_and_queries():
    t = x()
    assert t.type() == "Float32" and t.type(ms.int32).dtype == ms.int32
    assert (t.half().dtype, t.short().dtype, t.byte().dtype, t.bfloat16().dtype) == \
        (ms.float16, ms.int16, ms.uint8, ms.bfloat16)
    assert t.type_as(Tensor([1], ms.int32)).dtype == ms.int32
    assert t.reshape_as(Tensor(np.zeros((3, 2)))).shape == (3, 2)
    assert t.view_as(Tensor(np.zeros(6))).shape == (6,)
    assert (t.nelement(), t.ndimension(), t.is_signed(), t.is_floating_point()) == (6, 2, True, True)
    assert not Tensor([1], ms.uint8).is_signed() and not Tensor([1]).is_floating_point()
    assert t.stride() == [3, 1] and t.stride(0) == 3 and t.storage_offset() == 0
    assert t.contiguous() is t and t.is_contiguous()
    assert t.device == "CPU" and t.data is t and t.value() is t
    assert t.mT.shape == (3, 2) and t.mH.shape == (3, 2) and t.H.shape == (3, 2)
    assert Tensor(np.zeros((4, 2, 3))).mT.shape == (4, 3, 2)
    with pytest.raises(ValueError):
        Tensor(np.zeros((4, 2, 3))).H
    c = t.clone()
    c[0, 0] = 9.0
    assert float(t[0, 0]) == 0.0
    assert t.new_empty((2, 4)).shape == (2, 4)
    assert 3.0 in t and 10.0 not in t


def test_compositions_against_numpy():
    t = x()
    assert float(t.ptp()) == 5.0
    np.testing.assert_allclose(t.cov().asnumpy(), np.cov(A), rtol=1e-6)
    np.testing.assert_array_equal(t.sum_to_size(1, 3).asnumpy(), A.sum(0, keepdims=True))
    np.testing.assert_array_equal(t.sum_to_size(3).asnumpy(), A.sum(0))
    d = t.diagonal_scatter(Tensor(np.zeros(2, np.float32)))
    np.testing.assert_array_equal(d.asnumpy(), np.where(np.eye(2, 3) > 0, 0, A))
    d = t.diagonal_scatter(Tensor(np.array([7.0, 8.0], np.float32)), 1)
    np.testing.assert_array_equal(d.asnumpy(), np.where(np.eye(2, 3, 1) > 0, [[7, 7, 7], [8, 8, 8]], A))
    m = t.masked_scatter(t > 2, Tensor(np.array([10.0, 11.0, 12.0], np.float32)))
    assert m.asnumpy().tolist() == [[0, 1, 2], [10, 11, 12]]
    assert t.fill_diagonal(9.0).asnumpy().tolist() == [[9, 1, 2], [3, 9, 5]]
    tall = Tensor(np.zeros((5, 2), np.float32)).fill_diagonal(1.0, wrap=True).asnumpy()
    want = np.zeros((5, 2), np.float32)
    np.fill_diagonal(want, 1.0, wrap=True)
    np.testing.assert_array_equal(tall, want)
    r = Tensor(np.array([[3.0, 4.0], [0.3, 0.4]], np.float32)).renorm(2, 0, 1.0)
    np.testing.assert_allclose(r.asnumpy(), [[0.6, 0.8], [0.3, 0.4]], rtol=1e-5)
    # MindSpore 2.10's Tensor method: (values, Int64 indices) (its primitive puts the indices first)
    v, i = t.argmax_with_value()
    assert i.dtype == ms.int64 and i.asnumpy().tolist() == [1, 1, 1] and v.asnumpy().tolist() == [3, 4, 5]
    v, i = t.argmin_with_value(1)
    assert i.dtype == ms.int64 and i.asnumpy().tolist() == [0, 0] and v.asnumpy().tolist() == [0, 3]
    xi = Tensor(np.array([[1, 5, 9], [3, 7, 2]], np.int32))
    assert xi.trace().dtype == ms.int64 and int(xi.trace(1)) == 7
    assert xi.astype(ms.float32).trace(0, 0, 1, ms.float64).dtype == ms.float64
    assert xi.histc(4, 0, 10).dtype == ms.int32 and xi.histc(4, 0, 10).asnumpy().tolist() == [2, 1, 2, 1]
    assert xi.inv().asnumpy().tolist() == [[1, 0, 0], [0, 0, 0]]
    assert t.to(xi).dtype == ms.int32
    assert t.approximate_equal(t + 1e-7).asnumpy().all()
    v, i = Tensor(np.array([[1.0, np.nan, 3.0, 2.0]], np.float32)).nanmedian()
    assert v.asnumpy().tolist() == [2.0] and i.asnumpy().tolist() == [3]
    np.testing.assert_allclose(Tensor(np.array([0.0, 1.0], np.float32)).i0().asnumpy(), [1.0, 1.2660659],
                               rtol=1e-6)
    assert Tensor([4, 6], ms.int32).lcm(Tensor([6, 4], ms.int32)).asnumpy().tolist() == [12, 12]
    assert Tensor([4, 6], ms.int32).gcd(Tensor([6, 4], ms.int32)).asnumpy().tolist() == [2, 2]
    nxt = Tensor(np.array([1.0], np.float32)).nextafter(Tensor(np.array([2.0], np.float32)))
    assert nxt.asnumpy()[0] == np.nextafter(np.float32(1), np.float32(2))


def test_transpose_of_two_axes_swaps_them_and_tile_takes_ints():
    t = Tensor(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
    np.testing.assert_array_equal(t.transpose(0, 2).asnumpy(), np.swapaxes(t.asnumpy(), 0, 2))
    assert t.transpose(2, 0, 1).shape == (4, 2, 3) and x().transpose(1, 0).shape == (3, 2)
    assert t.tile(2, 1).shape == (2, 6, 4) and t.tile((2, 1, 1)).shape == (4, 3, 4)


def test_gradients_flow_through_the_new_methods():
    g = ms.grad(lambda a: (a.add(a, alpha=2) * a.where(a > 2, 0.0)).sum())(x())
    np.testing.assert_allclose(g.asnumpy(), np.where(A > 2, 6 * A, 0.0))
    g = ms.grad(lambda a: a.expand(4, 2, 3).sum())(x())
    np.testing.assert_array_equal(g.asnumpy(), np.full((2, 3), 4.0))

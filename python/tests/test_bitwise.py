"""Bitwise ops as engine rows: ``ops.bitwise_and/or/xor``, ``bitwise_left_shift``,
``bitwise_right_shift``, ``invert``, the primitives ``ops.BitwiseAnd`` ... ``ops.Invert``, the
operators ``& | ^ << >>`` and the Tensor methods, property-tested against NumPy for every integer
dtype (shift counts outside ``[0, bits)`` follow NumPy's rule: 0, or -1 for a negative input
shifted right). Float inputs are a TypeError naming the op; the ops trace under ``jit`` and
``vmap`` and pass no gradient."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import Tensor, ops

INT_DTYPES = [np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64]
SHAPES = st.sampled_from([(), (1,), (4,), (2, 3), (3, 1, 2)])


def _shift_ref(x, n, left):
    """NumPy's shift with its rule for counts outside [0, bits) made explicit (NumPy itself
    defines it too; this keeps the reference independent of the platform)."""
    bits = x.dtype.itemsize * 8
    big = (n.astype(np.uint64) >= bits) if n.dtype.kind == "u" else ((n < 0) | (n >= bits))
    safe = np.where(big, 0, n).astype(x.dtype)
    if left:
        out = np.left_shift(x, safe)
        return np.where(big, np.zeros_like(x), out).astype(x.dtype)
    out = np.right_shift(x, safe)
    fill = np.where(x < 0, -1, 0).astype(x.dtype) if x.dtype.kind == "i" else np.zeros_like(x)
    return np.where(big, fill, out).astype(x.dtype)


@st.composite
def int_pairs(draw):
    dtype = draw(st.sampled_from(INT_DTYPES))
    shape = draw(SHAPES)
    x = draw(hnp.arrays(dtype, shape))
    y = draw(hnp.arrays(dtype, shape))
    return x, y


@settings(max_examples=120, deadline=None)
@given(int_pairs())
def test_and_or_xor_invert_match_numpy_for_every_integer_dtype(xy):
    x, y = xy
    tx, ty = Tensor(x), Tensor(y)
    for ours, ref in ((ops.bitwise_and(tx, ty), x & y), (tx | ty, x | y), (tx ^ ty, x ^ y),
                      (ops.BitwiseAnd()(tx, ty), x & y), (tx.bitwise_xor(ty), x ^ y),
                      (ops.invert(tx), ~x), (ops.Invert()(tx), ~x)):
        assert ours.asnumpy().dtype == ref.dtype
        np.testing.assert_array_equal(ours.asnumpy(), ref)


@settings(max_examples=120, deadline=None)
@given(int_pairs(), st.integers(-3, 70))
def test_shifts_match_numpy_for_every_integer_dtype(xy, count):
    x, _ = xy
    n = np.full(x.shape, count).astype(x.dtype)
    tx, tn = Tensor(x), Tensor(n)
    for ours, ref in ((ops.bitwise_left_shift(tx, tn), _shift_ref(x, n, True)),
                      (ops.bitwise_right_shift(tx, tn), _shift_ref(x, n, False)),
                      (tx << tn, _shift_ref(x, n, True)), (tx >> tn, _shift_ref(x, n, False)),
                      (ops.LeftShift()(tx, tn), _shift_ref(x, n, True)),
                      (tx.bitwise_right_shift(tn), _shift_ref(x, n, False))):
        assert ours.asnumpy().dtype == ref.dtype
        np.testing.assert_array_equal(ours.asnumpy(), ref)


def test_values_and_promotion_as_mindspore():
    # Numbers printed by MindSpore 2.10 for the same calls.
    a, b = Tensor(np.array([6, 3, -5], np.int32)), Tensor(np.array([3, 5, 2], np.int32))
    np.testing.assert_array_equal((a & b).asnumpy(), [2, 1, 2])
    np.testing.assert_array_equal((a | b).asnumpy(), [7, 7, -5])
    np.testing.assert_array_equal((a ^ b).asnumpy(), [5, 6, -7])
    np.testing.assert_array_equal((a & 3).asnumpy(), [2, 3, 3])
    np.testing.assert_array_equal(ops.bitwise_left_shift(a, b).asnumpy(), [48, 96, -20])
    np.testing.assert_array_equal(ops.bitwise_right_shift(a, b).asnumpy(), [0, 0, -2])
    np.testing.assert_array_equal(ops.invert(a).asnumpy(), [-7, -4, 4])
    u = Tensor(np.array([2 ** 64 - 1], np.uint64))
    assert ops.bitwise_right_shift(u, Tensor(np.array([60], np.uint64))).asnumpy()[0] == 15
    i8, u8 = Tensor(np.array([6], np.int8)), Tensor(np.array([3], np.uint8))
    assert ops.bitwise_and(i8, u8).dtype == ms.int16
    assert ops.bitwise_and(i8, Tensor(np.array([3], np.int64))).dtype == ms.int64
    bools = Tensor(np.array([True, False]))
    r = ops.bitwise_and(bools, Tensor(np.array([True, True])))
    assert r.dtype == ms.bool_ and r.asnumpy().tolist() == [True, False]
    r = ops.bitwise_and(bools, Tensor(np.array([3, 3], np.int32)))
    assert r.dtype == ms.int32 and r.asnumpy().tolist() == [1, 0]
    # ``~`` on a Tensor is the logical not, as MindSpore 2.10 prints it.
    assert (~a).dtype == ms.bool_ and (~a).asnumpy().tolist() == [False, False, False]


def test_broadcasting():
    x = np.arange(6, dtype=np.int32).reshape(2, 3)
    y = np.array([1, 2, 4], np.int32)
    np.testing.assert_array_equal((Tensor(x) & Tensor(y)).asnumpy(), x & y)
    np.testing.assert_array_equal((Tensor(x) << Tensor(y[:, None][:2])).asnumpy(),
                                  x << y[:, None][:2])


def test_float_and_bool_inputs_are_type_errors_naming_the_op():
    f = Tensor(np.array([6.0], np.float32))
    for call, name in ((lambda: ops.bitwise_and(f, f), "BitwiseAnd"),
                       (lambda: f | f, "BitwiseOr"),
                       (lambda: ops.bitwise_xor(f, Tensor([1])), "BitwiseXor"),
                       (lambda: ops.invert(f), "Invert"),
                       (lambda: ops.bitwise_left_shift(f, 1), "LeftShift"),
                       (lambda: f >> 1, "RightShift")):
        with pytest.raises(TypeError, match=name):
            call()
    bools = Tensor(np.array([True, False]))
    with pytest.raises(TypeError, match="LeftShift"):
        ops.bitwise_left_shift(bools, bools)
    with pytest.raises(TypeError, match="Invert"):
        ops.invert(bools)
    with pytest.raises(TypeError, match="BitwiseAnd"):
        ops.bitwise_and(1, 2)
    with pytest.raises(ValueError):
        ops.bitwise_and(Tensor(np.ones(3, np.int32)), Tensor(np.ones(2, np.int32)))


def test_under_jit_and_vmap_and_without_gradient():
    @ms.jit
    def f(x, y):
        return (x & y) + (x << 1) - ops.invert(y)

    x = np.array([5, 12, -3], np.int32)
    y = np.array([3, 10, 7], np.int32)
    for _ in range(2):
        np.testing.assert_array_equal(f(Tensor(x), Tensor(y)).asnumpy(), (x & y) + (x << 1) - ~y)
    v = ms.vmap(lambda r: r ^ Tensor(np.array([1, 2, 3], np.int32)))(Tensor(np.arange(6, dtype=np.int32).reshape(2, 3)))
    np.testing.assert_array_equal(v.asnumpy(), np.arange(6).reshape(2, 3) ^ np.array([1, 2, 3]))
    # MindSpore 2.10 gives zeros for the gradient through a bitwise op: so do we.
    g = ms.grad(lambda t: ops.bitwise_and(t.astype(ms.int32), 3).astype(ms.float32).sum())(
        Tensor(np.array([5.0, 6.0], np.float32)))
    np.testing.assert_array_equal(g.asnumpy(), [0.0, 0.0])

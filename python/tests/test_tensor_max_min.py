"""Tensor.max / Tensor.min in MindSpore 2.10's two overloads, ops.max / ops.min and
mindspore.numpy's amax / max. Every expected value, dtype and shape below was measured on
MindSpore 2.10 (CPU) with x = [[1, 5, 2], [7, 0, 3]] Float32 unless a test says otherwise;
where we differ on purpose the test says why."""
import numpy as np
import pytest

import easy_mindspore as ms
import easy_mindspore.numpy as mnp
from easy_mindspore import Tensor, ops

X = np.array([[1, 5, 2], [7, 0, 3]], np.float32)


def x():
    return Tensor(X)


def check(t, value, dtype, shape):
    assert isinstance(t, Tensor)
    assert str(t.dtype) == dtype
    assert tuple(t.shape) == shape
    np.testing.assert_array_equal(t.asnumpy(), np.array(value))


def pair(r, values, indices, dtype="Float32"):
    assert isinstance(r, tuple) and len(r) == 2
    shape = np.array(values).shape
    check(r[0], values, dtype, shape)
    check(r[1], indices, "Int64", shape)


# The values overload: max(axis=None, keepdims=False, *, initial, where, return_indices).
@pytest.mark.parametrize("call, value, shape", [
    (lambda t: t.max(), 7.0, ()),
    (lambda t: t.max(None), 7.0, ()),
    (lambda t: t.max(axis=1), [5.0, 7.0], (2,)),
    (lambda t: t.max(axis=1, keepdims=True), [[5.0], [7.0]], (2, 1)),
    (lambda t: t.max(1, keepdims=True), [[5.0], [7.0]], (2, 1)),
    (lambda t: t.max(1, initial=9.0), [9.0, 9.0], (2,)),
    (lambda t: t.max(1, False, initial=3.0), [5.0, 7.0], (2,)),
    (lambda t: t.max(1, initial=9.0, keepdims=True), [[9.0], [9.0]], (2, 1)),
    (lambda t: t.max(axis=(0, 1)), 7.0, ()),
    (lambda t: t.max((0, 1)), 7.0, ()),
    (lambda t: t.max(axis=[1]), [5.0, 7.0], (2,)),
    (lambda t: t.max(axis=(0, 1), keepdims=True), [[7.0]], (1, 1)),
    (lambda t: t.max(axis=(1,), keepdims=True), [[5.0], [7.0]], (2, 1)),
    # axis=None ignores keepdims in MindSpore 2.10: a 0-D result.
    (lambda t: t.max(None, True), 7.0, ()),
    (lambda t: t.max(keepdims=True), 7.0, ()),
    (lambda t: t.min(), 0.0, ()),
    (lambda t: t.min(axis=1), [1.0, 0.0], (2,)),
    (lambda t: t.min(axis=0), [1.0, 0.0, 2.0], (3,)),
    (lambda t: t.min(1, initial=-1.0), [-1.0, -1.0], (2,)),
])
def test_values_overload(call, value, shape):
    check(call(x()), value, "Float32", shape)


def test_values_overload_where():
    mask = Tensor(np.array([[True, False, True], [False, True, True]]))
    check(x().max(1, where=mask, initial=-1.0), [2.0, 3.0], "Float32", (2,))
    check(x().max(axis=1, where=mask, initial=-1.0), [2.0, 3.0], "Float32", (2,))
    b = Tensor(np.array([[True, False, True], [False, False, True]]))
    check(x().min(0, where=b, initial=9.0), [1.0, 9.0, 2.0], "Float32", (3,))
    with pytest.raises(ValueError):
        x().max(axis=1, where=mask)


@pytest.mark.parametrize("call, values, indices", [
    (lambda t: t.max(axis=1, return_indices=True), [5.0, 7.0], [1, 0]),
    (lambda t: t.max(1, return_indices=True), [5.0, 7.0], [1, 0]),
    (lambda t: t.max(axis=1, keepdims=True, return_indices=True), [[5.0], [7.0]], [[1], [0]]),
    (lambda t: t.max(axis=1, initial=3.0, return_indices=True), [5.0, 7.0], [1, 0]),
    (lambda t: t.min(axis=0, return_indices=True), [1.0, 0.0, 2.0], [0, 1, 0]),
    # MindSpore 2.10 gives index 0 with axis=None; we give the flat index of the maximum.
    (lambda t: t.max(return_indices=True), 7.0, 3),
    (lambda t: t.min(axis=None, return_indices=True), 0.0, 4),
])
def test_return_indices(call, values, indices):
    pair(call(x()), values, indices)


# The dim overload: max(dim, keepdim=False) -> (values, indices).
@pytest.mark.parametrize("call, values, indices", [
    (lambda t: t.max(1), [5.0, 7.0], [1, 0]),
    (lambda t: t.max(-1), [5.0, 7.0], [1, 0]),
    (lambda t: t.max(np.int64(1)), [5.0, 7.0], [1, 0]),
    (lambda t: t.max(1, True), [[5.0], [7.0]], [[1], [0]]),
    (lambda t: t.max(1, keepdim=True), [[5.0], [7.0]], [[1], [0]]),
    (lambda t: t.max(dim=1), [5.0, 7.0], [1, 0]),
    (lambda t: t.max(dim=1, keepdim=True), [[5.0], [7.0]], [[1], [0]]),
    (lambda t: t.max(dim=-2), [7.0, 5.0, 3.0], [1, 0, 1]),
    (lambda t: t.min(0), [1.0, 0.0, 2.0], [0, 1, 0]),
    (lambda t: t.min(1, True), [[1.0], [0.0]], [[0], [1]]),
    (lambda t: t.min(dim=1), [1.0, 0.0], [0, 1]),
])
def test_dim_overload(call, values, indices):
    pair(call(x()), values, indices)


def test_dim_overload_small_ranks_and_ties():
    s = Tensor(np.float32(3.0))
    check(s.max(), 3.0, "Float32", ())
    check(s.max(axis=0), 3.0, "Float32", ())
    pair(s.max(0), 3.0, 0)
    pair(s.max(-1), 3.0, 0)
    with pytest.raises(ValueError):
        s.max(1)
    # Ties: the first index.
    pair(Tensor(np.array([3, 1, 3, 2], np.float32)).max(0), 3.0, 0)
    pair(Tensor(np.array([2, 7, 7, 1], np.float32)).max(0), 7.0, 1)
    pair(Tensor(np.array([1, 3, 1, 2], np.float32)).min(0), 1.0, 0)
    pair(Tensor(np.array([[3, 1, 1]], np.float32)).min(1), [1.0], [1])
    pair(Tensor(np.array([3, 1, 3, 2], np.float32)).max(0, True), [3.0], [0])
    check(Tensor(np.array([3, 1, 3, 2], np.float32)).max(), 3.0, "Float32", ())


@pytest.mark.parametrize("np_dtype, ms_dtype", [
    (np.int32, "Int32"), (np.int64, "Int64"), (np.int8, "Int8"), (np.uint8, "UInt8"),
    (np.float16, "Float16"), (np.float64, "Float64"),
])
def test_dtypes(np_dtype, ms_dtype):
    t = Tensor(X.astype(np_dtype))
    pair(t.max(1), [5, 7], [1, 0], ms_dtype)
    check(t.max(), 7, ms_dtype, ())
    check(t.min(axis=0), [1, 0, 2], ms_dtype, (3,))


def test_bool_is_supported():
    # MindSpore 2.10's CPU build has no Bool kernel for these (TypeError); we keep NumPy's answer.
    b = Tensor(np.array([[True, False, True], [False, False, True]]))
    pair(b.max(1), [True, True], [0, 2], "Bool")
    check(b.min(axis=0), [False, False, True], "Bool", (3,))


def test_nan_propagates():
    # MindSpore 2.10's CPU kernels skip a NaN unless it comes first in its row (n.max(1) gives
    # [2, 7] but n.max(0) gives [7, nan, 3]): we keep NumPy's rule, NaN wins, at its first index.
    n = Tensor(np.array([[1, np.nan, 2], [7, 0, 3]], np.float32))
    v, i = n.max(1)
    np.testing.assert_array_equal(v.asnumpy(), [np.nan, 7.0])
    np.testing.assert_array_equal(i.asnumpy(), [1, 0])
    assert np.isnan(n.max().asnumpy())
    np.testing.assert_array_equal(n.min(axis=1).asnumpy(), [np.nan, 0.0])


@pytest.mark.parametrize("call", [
    lambda t: t.max(2), lambda t: t.max(-3), lambda t: t.max(dim=2), lambda t: t.max(axis=2),
    lambda t: t.min(2), lambda t: ops.max(t, 2),
    lambda t: Tensor(np.zeros((0, 3), np.float32)).max(1),
    lambda t: Tensor(np.zeros((0, 3), np.float32)).max(0),
    lambda t: Tensor(np.zeros((0, 3), np.float32)).max(),
    lambda t: Tensor(np.zeros((0, 3), np.float32)).max(axis=1),
])
def test_value_errors(call):
    with pytest.raises(ValueError):
        call(x())


@pytest.mark.parametrize("call", [
    lambda t: t.max(1.5), lambda t: t.max("a"), lambda t: t.max(True),
    lambda t: t.max(dim=1, axis=1), lambda t: t.max(dim=1, keepdims=True),
    lambda t: t.max(axis=1, keepdim=True), lambda t: t.max(1, True, 3),
    lambda t: t.max(1, 1), lambda t: t.max(1, None), lambda t: t.min(dim=0.5),
    lambda t: ops.max(t, (0, 1)),
])
def test_type_errors(call):
    with pytest.raises(TypeError):
        call(x())


TIES = np.array([[1, 5, 5], [7, 0, 7]], np.float32)


@pytest.mark.parametrize("fn, expected", [
    # Along one int axis the first maximum takes the whole gradient (MindSpore's MaxDim /
    # ArgMaxWithValue); over every axis or a tuple of axes ReduceMax shares it among ties.
    (lambda t: t.max(1)[0].sum(), [[0, 1, 0], [1, 0, 0]]),
    (lambda t: t.max(-1)[0].sum(), [[0, 1, 0], [1, 0, 0]]),
    (lambda t: t.min(0)[0].sum(), [[1, 0, 1], [0, 1, 0]]),
    (lambda t: t.max(axis=1).sum(), [[0, 1, 0], [1, 0, 0]]),
    (lambda t: t.max(axis=1, keepdims=True).sum(), [[0, 1, 0], [1, 0, 0]]),
    (lambda t: t.max(axis=1, return_indices=True)[0].sum(), [[0, 1, 0], [1, 0, 0]]),
    (lambda t: t.max(axis=1, initial=6.0).sum(), [[0, 0, 0], [1, 0, 0]]),
    (lambda t: t.min(axis=0).sum(), [[1, 0, 1], [0, 1, 0]]),
    (lambda t: t.max(), [[0, 0, 0], [0.5, 0, 0.5]]),
    (lambda t: t.max(axis=None), [[0, 0, 0], [0.5, 0, 0.5]]),
    (lambda t: t.min(), [[0, 0, 0], [0, 1, 0]]),
    (lambda t: t.max(axis=(1,)).sum(), [[0, 0.5, 0.5], [0.5, 0, 0.5]]),
    (lambda t: t.max(axis=[1]).sum(), [[0, 0.5, 0.5], [0.5, 0, 0.5]]),
    (lambda t: ops.max(t, 1)[0].sum(), [[0, 1, 0], [1, 0, 0]]),
    (lambda t: ops.max(t)[0], [[0, 0, 0], [0.5, 0, 0.5]]),
    (lambda t: mnp.amax(t, 1).sum(), [[0, 0.5, 0.5], [0.5, 0, 0.5]]),
])
def test_gradients(fn, expected):
    g = ms.grad(fn)(Tensor(TIES))
    np.testing.assert_allclose(g.asnumpy(), np.array(expected, np.float32))


def test_gradient_keepdim_weights():
    # d/dx sum(max(x, 1, keepdim) * [[2], [3]]): 2 and 3 at the first maxima.
    w = Tensor(np.array([[2.0], [3.0]], np.float32))
    g = ms.grad(lambda t: (t.max(1, True)[0] * w).sum())(Tensor(TIES))
    np.testing.assert_array_equal(g.asnumpy(), [[0, 2, 0], [3, 0, 0]])


def test_ops_max_min():
    pair(ops.max(x(), 1), [5.0, 7.0], [1, 0])
    pair(ops.max(x(), 1, True), [[5.0], [7.0]], [[1], [0]])
    pair(ops.max(x(), axis=1), [5.0, 7.0], [1, 0])
    # No axis: a 0-D value whatever keepdims, as MindSpore 2.10; the flat index (MindSpore gives 0).
    pair(ops.max(x()), 7.0, 3)
    pair(ops.min(x()), 0.0, 4)
    pair(ops.max(x(), keepdims=True), 7.0, 3)
    pair(ops.max(Tensor(np.float32(3.0))), 3.0, 0)
    pair(ops.max(Tensor(np.float32(3.0)), 0), 3.0, 0)
    mask = Tensor(np.array([[True, True, False], [True, True, True]]))
    pair(ops.max(x(), 1, where=mask, initial=0.0), [5.0, 7.0], [1, 0])


def test_numpy_amax_values_only():
    check(mnp.amax(x()), 7.0, "Float32", ())
    check(mnp.amax(x(), 1), [5.0, 7.0], "Float32", (2,))
    check(mnp.max(x(), 1), [5.0, 7.0], "Float32", (2,))
    check(mnp.amin(x(), 0), [1.0, 0.0, 2.0], "Float32", (3,))
    check(mnp.min(x(), 0), [1.0, 0.0, 2.0], "Float32", (3,))


def test_internal_reductions_keep_their_meaning():
    # Functions built on a plain reduction still return values only, not (values, indices).
    t = Tensor(np.array([[1.0, -5.0], [3.0, 2.0]], np.float32))
    check(ops.reduce_max(t, 1), [1.0, 3.0], "Float32", (2,))
    check(ops.reduce_min(t, 0), [1.0, -5.0], "Float32", (2,))
    check(ops.ReduceMax()(t, 1), [1.0, 3.0], "Float32", (2,))
    check(ops.amax(t, 1), [1.0, 3.0], "Float32", (2,))
    lo, hi = ops.aminmax(t, axis=1)
    check(lo, [-5.0, 2.0], "Float32", (2,))
    check(hi, [1.0, 3.0], "Float32", (2,))
    np.testing.assert_allclose(ops.vector_norm(t, float("inf"), 1).asnumpy(), [5.0, 3.0])
    np.testing.assert_allclose(mnp.norm(t, np.inf, axis=1).asnumpy(), [5.0, 3.0])

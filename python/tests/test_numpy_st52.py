"""mindspore.numpy behaviours found by running MindSpore's tests/st/numpy_native through the package
(values against NumPy, dtypes as measured on MindSpore 2.10)."""
import numpy as np
import pytest

import easy_mindspore as ems
import easy_mindspore.numpy as mnp


def test_select_takes_tensors_as_lists_of_rows():
    rng = np.random.default_rng(3)
    cond = rng.random((4, 2, 1, 3)) > 0.5
    choice = rng.integers(0, 9, (4, 3)).astype(np.int32)
    got = mnp.select(ems.Tensor(cond), ems.Tensor(choice), default=7)
    np.testing.assert_array_equal(got.asnumpy(), np.select(list(cond), list(choice), default=7))


def test_cumsum_with_bool_dtype_is_a_running_or():
    x = np.array([[0, 2, 0], [3, 0, 1]], np.int32)
    got = mnp.cumsum(ems.Tensor(x), dtype=ems.bool_)
    assert got.dtype == ems.bool_
    np.testing.assert_array_equal(got.asnumpy(), np.cumsum(x, dtype=bool))
    got = mnp.cumsum(ems.Tensor(x), axis=1, dtype=ems.bool_)
    np.testing.assert_array_equal(got.asnumpy(), np.cumsum(x, axis=1, dtype=bool))


def test_diff_of_order_zero_ignores_append_and_prepend():
    x = np.arange(12, dtype=np.float32).reshape(3, 4) ** 2
    got = mnp.diff(ems.Tensor(x), 0, append=3.0, prepend=1.0)
    np.testing.assert_array_equal(got.asnumpy(), np.diff(x, 0, append=3.0, prepend=1.0))
    assert got.shape == (3, 4)


def test_gcd_lcm_of_floats_are_computed_in_float():
    # MindSpore 2.10 (measured): Float32 in, Float32 out, Euclid's algorithm on the values.
    x = np.arange(-6, 6, dtype=np.float32).reshape(3, 4)
    y = np.arange(12, dtype=np.float32).reshape(3, 4)
    g = mnp.gcd(ems.Tensor(x), ems.Tensor(y))
    assert g.dtype == ems.float32
    np.testing.assert_array_equal(g.asnumpy(), np.gcd(x.astype(int), y.astype(int)))
    m = mnp.lcm(ems.Tensor(x), ems.Tensor(y))
    np.testing.assert_array_equal(m.asnumpy(), np.lcm(x.astype(int), y.astype(int)))
    half = mnp.gcd(ems.Tensor([4.5, 6.0]), ems.Tensor([3.0, 4.0]))
    np.testing.assert_allclose(half.asnumpy(), [1.5, 2.0])
    with pytest.raises(TypeError):
        mnp.gcd(ems.Tensor([1 + 1j]), ems.Tensor([1 + 1j]))


def test_histogramdd_takes_a_tensor_of_edges_per_dimension():
    x = np.array([[1, -3, 2], [4, 5, 6], [0, 3, 2], [-2, 2, 1], [3, 4, 1]])
    edges = np.array([[-3, 0, 2, 5], [-4, 0, 3, 6], [0, 1, 2, 7]])
    hist, got_edges = mnp.histogramdd(ems.Tensor(x, ems.int32), bins=ems.Tensor(edges))
    want, want_edges = np.histogramdd(x, bins=edges)
    np.testing.assert_array_equal(hist.asnumpy(), want)
    for g, w in zip(got_edges, want_edges):
        np.testing.assert_array_equal(g.asnumpy(), w)


def test_argument_errors():
    with pytest.raises(TypeError):
        mnp.amax(ems.Tensor([[1.0, 2.0]]), initial=[1.0, 2.0])
    np.testing.assert_array_equal(mnp.amax(ems.Tensor([1.0, 2.0]), initial=5.0).asnumpy(), 5.0)
    with pytest.raises(TypeError):
        mnp.intersect1d(ems.Tensor([1, 2]), ems.Tensor([2]), assume_unique=1)
    with pytest.raises(ValueError, match="inhomogeneous"):
        mnp.empty_like([[1, 2, 3], [4, 5]])
    with pytest.raises(ValueError):
        mnp.asarray([[1.0], [2.0, 3.0]])
    assert mnp.asarray([[1, 2], [3, 4]]).shape == (2, 2)

"""Reference §3 (construction and dtype inference) and NumPy interop: arrays of each dtype in,
``asnumpy``/``__array__`` out, non-contiguous inputs, round trips."""
import numpy as np
import pytest

import easy_mindspore as ems
import mindspore as ms
from easy_mindspore import Tensor
from helpers import check


@pytest.mark.parametrize("make, dtype", [
    (lambda: Tensor([1, 2, 3]), "Int64"),
    (lambda: Tensor(3), "Int64"),
    (lambda: Tensor(np.arange(3)), "Int64"),
    (lambda: Tensor([1.0, 2.0]), "Float32"),
    (lambda: Tensor([1, 2.5]), "Float32"),
    (lambda: Tensor(3.0), "Float32"),
    (lambda: Tensor(np.arange(3.0)), "Float64"),
    (lambda: Tensor(True), "Bool"),
    (lambda: Tensor([True, False]), "Bool"),
    (lambda: ems.arange(4), "Int32"),
    (lambda: ems.arange(4.0), "Float32"),
    (lambda: ems.arange(1, 4, 0.5), "Float32"),
    (lambda: ms.ops.arange(4), "Int64"),
    (lambda: ms.ops.arange(4.0), "Float32"),
    (lambda: ms.ops.arange(0, 1, 0.25), "Float32"),
    # ``tensor`` is MindSpore 2.10's: the Tensor class's dtype rules, dtype also positional.
    (lambda: ems.tensor(np.arange(3)), "Int64"),
    (lambda: ems.tensor(np.arange(3.0)), "Float64"),
    (lambda: ems.tensor([1, 2, 3]), "Int64"),
    (lambda: ems.tensor([1, 2, 3], ms.int32), "Int32"),
    (lambda: ems.tensor(np.arange(3.0), ms.float32), "Float32"),
    (lambda: ems.tensor([[1.5, 2.0]]), "Float32"),
    (lambda: ems.tensor(3.0), "Float32"),
    (lambda: ems.zeros((2, 3)), "Float32"),
    (lambda: ems.ones(4), "Float32"),
    (lambda: ms.ops.zeros((2,)), "Float32"),
    (lambda: ms.ops.ones((2,)), "Float32"),
    (lambda: ems.randn(3, 4), "Float32"),
    (lambda: ms.ops.randn(2, 2), "Float32"),
    (lambda: ms.ops.rand(2), "Float32"),
])
def test_dtype_inference(make, dtype):
    assert str(make().dtype) == dtype


def test_values_of_creation_functions():
    check(Tensor([1, 2, 3]), [1, 2, 3], "Int64")
    check(ems.arange(4), [0, 1, 2, 3], "Int32")
    check(ems.arange(1, 4, 0.5), [1, 1.5, 2, 2.5, 3, 3.5], "Float32")
    check(ems.arange(20, dtype=ms.float32)[-1], 19, "Float32")
    check(ems.zeros((2, 3)), np.zeros((2, 3)), "Float32")
    check(ems.ones(4, dtype=ms.int32), [1, 1, 1, 1], "Int32")
    check(ems.tensor([[1.5, 2.0]]), [[1.5, 2.0]], "Float32")
    check(ems.linspace(0, 1, 5), [0, 0.25, 0.5, 0.75, 1], "Float32")
    check(ems.eye(2), [[1, 0], [0, 1]], "Float32")


@pytest.mark.parametrize("call, shape", [
    (lambda: ems.randn(3, 4), (3, 4)),
    (lambda: ems.randn((3, 4)), (3, 4)),
    (lambda: ems.randn(shape=()), ()),
    (lambda: ems.randn(shape=(2,)), (2,)),
    (lambda: ems.randn(), ()),
    (lambda: ms.ops.randn(()), ()),
])
def test_randn_shapes(call, shape):
    t = call()
    assert t.shape == shape and str(t.dtype) == "Float32"


def test_randn_is_seeded_and_normal():
    ems.set_seed(7)
    a = ems.randn(2000).asnumpy()
    ems.set_seed(7)
    b = ems.randn(2000).asnumpy()
    np.testing.assert_array_equal(a, b)
    assert abs(a.mean()) < 0.1 and abs(a.std() - 1) < 0.1


def test_explicit_dtype_keeps_precision():
    check(Tensor(1e100, ems.float64), 1e100, "Float64")
    check(Tensor([1e100, 1.5], ems.float64), [1e100, 1.5], "Float64")
    check(Tensor([1, 2], ms.float32), [1, 2], "Float32")
    check(Tensor(np.arange(3), ms.float64), [0, 1, 2], "Float64")
    check(Tensor([1, 2], np.float32), [1, 2], "Float32")
    check(Tensor(ems.arange(3)), [0, 1, 2], "Int32")


@pytest.mark.parametrize("np_dtype, name", [
    (np.bool_, "Bool"), (np.int32, "Int32"), (np.int64, "Int64"),
    (np.float32, "Float32"), (np.float64, "Float64"),
])
def test_numpy_arrays_keep_their_dtype(np_dtype, name):
    a = np.array([[1, 0, 2], [3, 0, 1]]).astype(np_dtype)
    t = Tensor(a)
    check(t, a, name)
    back = t.asnumpy()
    assert back.dtype == a.dtype
    np.testing.assert_array_equal(back, a)


@pytest.mark.parametrize("np_dtype", [np.int8, np.int16, np.uint8, np.float16])
def test_numpy_small_dtypes_are_kept(np_dtype):
    t = Tensor(np.array([1, 2]).astype(np_dtype))
    assert t.asnumpy().dtype == np_dtype


@pytest.mark.parametrize("np_dtype", [np.int8, np.int16, np.uint8, np.uint16, np.uint32, np.float16])
def test_numpy_small_dtypes_keep_their_values(np_dtype):
    a = np.array([1, 0, 2, 7]).astype(np_dtype)
    np.testing.assert_array_equal(Tensor(a).asnumpy(), a)


@pytest.mark.parametrize("scalar, name", [
    (np.float64(1.5), "Float64"), (np.float32(1.5), "Float32"), (np.int64(3), "Int64"),
    (np.int32(3), "Int32"), (np.bool_(True), "Bool"),
])
def test_numpy_scalars_keep_their_dtype(scalar, name):
    check(Tensor(scalar), scalar, name)


@pytest.mark.parametrize("data, values, name", [
    # NumPy arrays inside a list are their values, the dtype read from the Python values (so
    # int32 arrays give Int64), as MindSpore 2.10 builds them (checked there).
    ([np.array(3, dtype=np.int32), np.array(0, dtype=np.int32)], [3, 0], "Int64"),
    ([np.array([1, 2]), np.array([3, 4])], [[1, 2], [3, 4]], "Int64"),
    ([np.array([1.5], np.float64), np.array([2.0], np.float64)], [[1.5], [2.0]], "Float32"),
    ([np.array(True), np.array(False)], [True, False], "Bool"),
    ([[np.array(1), 2], [3, 4]], [[1, 2], [3, 4]], "Int64"),
])
def test_lists_of_numpy_arrays(data, values, name):
    t = ems.Tensor(data)
    assert str(t.dtype) == name and t.tolist() == values


def test_lists_of_numpy_arrays_that_do_not_fit_a_shape_are_refused():
    with pytest.raises(TypeError, match="unsupported element"):
        ems.Tensor([np.array([1, 2]), np.array([3])])
    with pytest.raises(TypeError, match="unsupported element"):
        ems.Tensor([np.array([object()])])


def test_non_contiguous_numpy_inputs():
    a = np.arange(12.0).reshape(3, 4)
    check(Tensor(a[:, ::2]), [[0, 2], [4, 6], [8, 10]], "Float64")
    check(Tensor(a.T), a.T, "Float64")
    check(Tensor(a[::-1, 1]), [9, 5, 1], "Float64")
    check(Tensor(np.asfortranarray(a)), a, "Float64")


def test_array_protocol():
    t = ems.arange(4.0)
    a = np.asarray(t)
    assert a.dtype == np.float32
    np.testing.assert_array_equal(a, [0, 1, 2, 3])
    assert np.asarray(t, dtype=np.float64).dtype == np.float64
    np.testing.assert_array_equal(np.exp(ems.arange(2.0)), np.exp(np.arange(2.0, dtype=np.float32)))


def test_asnumpy_is_a_writeable_view():
    # MindSpore 2.10: asnumpy shares the tensor's memory (test_numpy_interop.py has the rest).
    t = ems.arange(4.0)
    a = t.asnumpy()
    assert a.flags.writeable and a.dtype == np.float32
    a[0] = 99
    check(t, [99, 1, 2, 3], "Float32")
    assert t.asnumpy() is not t.asnumpy()
    assert np.shares_memory(t.asnumpy(), t.asnumpy())
    z = Tensor(28.0).asnumpy()
    assert z.shape == () and z.dtype == np.float32 and z == 28


def test_round_trips():
    for a in (np.arange(6, dtype=np.int32).reshape(2, 3), np.linspace(-1, 1, 7), np.array([True, False])):
        np.testing.assert_array_equal(Tensor(Tensor(a).asnumpy()).asnumpy(), a)
    t = ems.arange(6).reshape(2, 3)
    check(Tensor(t.tolist()), t.asnumpy(), "Int64")
    check(ems.tensor(t.asnumpy()), t.asnumpy(), "Int32")  # arange's Int32 kept


def test_pandas_style_values_through_tensor():
    """``tensor(df.values)`` keeps the values' dtype (float64, int64), as MindSpore 2.10's."""
    check(ems.tensor(np.array([[3.0, 1.0], [2.0, 0.0]])), [[3, 1], [2, 0]], "Float64")
    check(ems.tensor(np.array([[3, 1], [2, 0]], dtype=np.int64)), [[3, 1], [2, 0]], "Int64")


def test_tensor_from_shape_dtype_and_init_as_mindspore():
    import numpy as np
    import pytest
    import easy_mindspore as ms
    from easy_mindspore import Tensor
    from easy_mindspore.common.initializer import One, Normal
    z = Tensor(shape=(2, 3), dtype=ms.float32)
    assert z.shape == (2, 3) and z.dtype == ms.float32 and z.asnumpy().sum() == 0
    o = Tensor(shape=(2, 3), dtype=ms.int32, init=One())
    assert o.dtype == ms.int32 and o.init_data().asnumpy().tolist() == [[1, 1, 1], [1, 1, 1]]
    # MindSpore 2.10: the tensor init_data gives (itself) prints its values as NumPy does
    f = Tensor(shape=(1, 3), dtype=ms.float32, init=One())
    assert repr(f) == ("Tensor(shape=[1, 3], dtype=Float32, value=\n"
                       "[[ 1.00000000e+00,  1.00000000e+00,  1.00000000e+00]])")
    assert repr(f.init_data()) == "Tensor(shape=[1, 3], dtype=Float32, value=\n[[1., 1., 1.]])"
    n = Tensor(shape=[100, 100], dtype=ms.float32, init=Normal(0.02))
    assert 0.015 < float(n.asnumpy().std()) < 0.025
    # MindSpore's errors: data and shape together, a shape without a dtype.
    with pytest.raises(ValueError, match="'shape' should be set to None"):
        Tensor([1.0], shape=(2, 3))
    with pytest.raises(TypeError):
        Tensor(shape=(2, 3))
    # A dynamic dimension makes a placeholder (test_placeholder.py), which needs a dtype.
    with pytest.raises(ValueError, match="dynamic shape"):
        Tensor(shape=[None, 3])
    with pytest.raises(ValueError):
        Tensor(shape=(-5, 3), dtype=ms.float32)

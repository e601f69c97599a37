"""Cases where a differential run against MindSpore 2.10 (CPU) found other results; each
expected value is MindSpore 2.10's for the same call unless a comment says why not."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, nn, ops
from easy_mindspore.common import dtype as mstype

I32 = Tensor(np.array([1, 2, 3], np.int32))
F16 = Tensor(np.array([1.0, 2.0], np.float16))


@pytest.mark.parametrize("call,dtype", [
    (lambda: ops.add(2, I32), ms.int32), (lambda: ops.mul(2, I32), ms.int32),
    (lambda: ops.pow(2, I32), ms.int32), (lambda: ops.remainder(5, I32), ms.int32),
    (lambda: ops.floor_div(7, I32), ms.int32), (lambda: ops.sub(1.5, F16), ms.float16),
    (lambda: ops.div(7, I32, rounding_mode="trunc"), ms.int32),
    (lambda: ops.add(2.5, I32), ms.float32), (lambda: ops.add(I32, 2), ms.int32),
])
def test_a_python_number_first_is_weakly_typed(call, dtype):
    assert call().dtype == dtype


def test_number_first_values():
    assert ops.sub(10, I32).asnumpy().tolist() == [9, 8, 7]
    assert ops.div(7, I32, rounding_mode="trunc").asnumpy().tolist() == [7, 3, 2]
    assert ops.pow(2, I32).asnumpy().tolist() == [2, 4, 8]
    assert int(ops.add(2, 3)) == 5


def test_transpose_tuple_must_name_every_axis():
    x = Tensor(np.zeros((2, 3, 4), np.float32))
    assert x.transpose(1, 0).shape == (3, 2, 4)  # two arguments: MindSpore's swap overload
    with pytest.raises(ValueError):
        ops.transpose(x, (1, 0))
    with pytest.raises(ValueError):
        x.transpose((1, 0))
    assert ops.transpose(x, (2, 1, 0)).shape == (4, 3, 2)
    assert Tensor(np.zeros((2, 3))).transpose((1, 0)).shape == (3, 2)


def test_asinh_of_large_and_signed_zero():
    v = np.array([np.inf, -np.inf, 1e20, -1e20, -0.0, 0.0, 1e10, 3.0, -0.5], np.float32)
    got = ops.asinh(Tensor(v)).asnumpy()
    np.testing.assert_allclose(got, np.arcsinh(v), rtol=1e-6)
    assert np.signbit(got[4]) and not np.signbit(got[5])
    h = np.array([300, -300, 100, 99, 0.5], np.float16)
    np.testing.assert_allclose(ops.asinh(Tensor(h)).asnumpy().astype(np.float32),
                               np.arcsinh(h.astype(np.float32)), rtol=1e-3)
    g = ms.grad(lambda t: ops.asinh(t).sum())(Tensor(np.array([1e20, 0.0, 2.0])))
    np.testing.assert_allclose(g.asnumpy(), 1 / np.sqrt(1 + np.array([1e20, 0.0, 2.0]) ** 2))


@pytest.mark.parametrize("fn,x,want", [
    (ops.softplus, -7.617, 0.000492), (ops.mish, -8.8125, -0.00131),
    (ops.atanh, -0.979, -2.2734), (ops.acos, 0.98584, 0.16846), (ops.exp2, 12.2656, 4924.0),
])
def test_half_precision_composites_round_once(fn, x, want):
    out = fn(Tensor(np.array([x], np.float16)))
    assert out.dtype == ms.float16
    np.testing.assert_allclose(out.asnumpy().astype(np.float64), [want], rtol=2e-3)


def test_median_of_a_row_with_nan_is_nan():
    x = Tensor(np.array([[1.0, np.nan, 3.0], [np.nan, np.nan, 0.0], [3.0, 1.0, 2.0]], np.float32))
    values, idx = ops.median(x, 1)
    assert np.isnan(values.asnumpy()[:2]).all() and values.asnumpy()[2] == 2.0
    assert idx.asnumpy().tolist() == [1, 0, 2]


def test_amax_of_an_empty_result_is_empty():
    x = Tensor(np.ones((0, 3), np.float32))
    assert ops.amax(x, 1).shape == (0,) and ops.amin(x, -1, True).shape == (0, 1)
    with pytest.raises(ValueError):
        ops.amax(x, 0)  # an empty reduction has no maximum


def test_dtype_kinds_sizes_and_aliases():
    assert isinstance(ms.float32, mstype.Float) and isinstance(ms.float64, mstype.Float)
    assert not isinstance(ms.bfloat16, mstype.Float) and not isinstance(ms.int32, mstype.Float)
    assert isinstance(ms.int32, mstype.Int) and not isinstance(ms.uint8, mstype.Int)
    assert isinstance(ms.uint8, mstype.UInt) and isinstance(ms.bool_, mstype.Bool)
    assert isinstance(ms.complex64, mstype.Complex) and isinstance(ms.float16, mstype.Type)
    assert isinstance(Tensor([1.0]).dtype, mstype.Float)
    assert mstype.Float(32) is ms.float32 and mstype.Int(8) is ms.int8
    with pytest.raises(ValueError):
        mstype.Float(8)
    assert [mstype.type_size_in_bytes(t) for t in (ms.float16, ms.int64, ms.bool_, ms.complex128)] == [2, 8, 1, 16]
    assert (mstype.float, mstype.int, mstype.bool, mstype.long, mstype.cfloat, mstype.cdouble) == (
        ms.float32, ms.int32, ms.bool_, ms.int64, ms.complex64, ms.complex128)
    assert ms.pytype_to_dtype(float) == ms.float64 and ms.pytype_to_dtype(int) == ms.int64
    with pytest.raises(AttributeError):
        mstype.no_such_dtype  # noqa: B018


def test_sum_initial():
    x = Tensor(np.array([[1, 2], [3, 4]], np.int32))
    assert int(x.sum(initial=10)) == 20 and x.sum(initial=10).dtype == ms.int64
    assert x.sum(0, initial=1).asnumpy().tolist() == [5, 7]
    s = x.sum(initial=1.5)
    assert float(s) == 11.5 and s.dtype == ms.float32
    g = ms.grad(lambda t: t.sum(initial=3.0))(Tensor([1.0, 2.0]))
    assert g.asnumpy().tolist() == [1.0, 1.0]


def test_arange_of_0d_tensors_and_bad_directions():
    r = ops.arange(Tensor(5))
    assert r.dtype == ms.int64 and r.asnumpy().tolist() == [0, 1, 2, 3, 4]
    assert ops.arange(Tensor(1.0), 3).asnumpy().tolist() == [1.0, 2.0]
    assert ops.arange(0, Tensor(3), Tensor(0.5)).shape == (6,)
    assert ops.arange(5, 5).shape == (0,) and ops.arange(0, -3, -1).asnumpy().tolist() == [0, -1, -2]
    for bad in [(5, 0), (0.0, 1.0, -0.5), (0, 5, 0)]:
        with pytest.raises(ValueError):
            ops.arange(*bad)
    with pytest.raises(ValueError, match="TensorScalar"):
        ops.arange(Tensor([1, 2]))


def test_index_error_classes():
    x = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    with pytest.raises(IndexError, match="single ellipsis"):
        x[..., 0, ...]  # noqa: B018
    # MindSpore 2.10: RuntimeError from its kernels (gather, a tensor index), IndexError from
    # Python's indexing; ours is both.
    for f in (lambda: ops.gather(x, Tensor([5]), 0), lambda: x[Tensor([5])], lambda: x[5]):
        with pytest.raises(RuntimeError):
            f()
        with pytest.raises(IndexError):
            f()


@pytest.mark.parametrize("a,b,want", [
    (np.float16, np.float32, ms.float16), (np.float16, np.float64, ms.float16),
    (np.float32, np.float64, ms.float32), (np.int32, np.int64, ms.int32),
    (np.int8, np.int64, ms.int8), (np.uint8, np.int64, ms.uint8),
    (np.int8, np.float16, ms.float16), (np.float32, np.float32, ms.float32),
])
def test_mul_and_div_read_a_0d_tensor_as_a_scalar(a, b, want):
    x, y = Tensor(np.array([1, 2]).astype(a)), Tensor(np.array(2).astype(b))
    for out in (x * y, y * x, x / y if want in (ms.float16, ms.float32) else x * y, ops.mul(x, y)):
        assert out.dtype == want
    # + and - promote as usual (MindSpore 2.10)
    assert (x + y).dtype == ops.add(x, y).dtype


def test_0d_scalar_gradient_still_flows():
    w = Tensor(np.array(3.0, np.float64))
    x = Tensor(np.array([1.0, 2.0], np.float32))
    g = ms.grad(lambda w: (x * w).sum())(w)
    assert g.dtype == ms.float64 and float(g) == 3.0


def test_bfloat16_str_is_mindspores():
    # MindSpore 2.10: C's %f per value, single spaces, NumPy's brackets and summary.
    assert str(Tensor([1.5, 2.25], ms.bfloat16)) == "[1.500000 2.250000]"
    assert str(Tensor([[1.5, -2.25], [100.0, 0.001]], ms.bfloat16)) == (
        "[[1.500000 -2.250000]\n [100.000000 0.000999]]")
    assert str(Tensor(1.5, ms.bfloat16)) == "1.500000"
    assert str(Tensor([1e10, 3.0], ms.bfloat16)) == "[9999220736.000000 3.000000]"
    assert str(Tensor(np.arange(8).reshape(2, 2, 2), ms.bfloat16)) == (
        "[[[0.000000 1.000000]\n  [2.000000 3.000000]]\n\n [[4.000000 5.000000]\n"
        "  [6.000000 7.000000]]]")
    assert str(Tensor(np.arange(2000), ms.bfloat16)) == (
        "[0.000000 1.000000 2.000000 ... 2000.000000 2000.000000 2000.000000]")
    assert str(Tensor([np.nan, np.inf, -np.inf, -0.0], ms.bfloat16)) == "[nan inf -inf -0.000000]"
    assert str(Tensor(np.zeros((0, 3)), ms.bfloat16)) == "[]"
    assert repr(Tensor([1.5, 2.25], ms.bfloat16)) == (
        "Tensor(shape=[2], dtype=BFloat16, value= [ 1.5, 2.25])")


def test_any_of_uint8_is_uint8():
    u = Tensor(np.array([0, 3], np.uint8))
    assert ops.any(u).dtype == ms.uint8 and int(ops.any(u)) == 1 and u.any().dtype == ms.uint8
    assert ops.all(u).dtype == ms.bool_ and ops.any(Tensor([0, 1])).dtype == ms.bool_


def test_unnamed_parameters_are_numbered():
    # MindSpore 2.10 names an unnamed parameter Parameter#N (one counter for the process); a
    # Cell attribute renames it; names are stripped; an empty name generates one.
    a = ms.Parameter(Tensor(np.ones(2, np.float32)))
    b = ms.Parameter(np.ones(2, np.float32))
    n = int(a.name.split("#")[1])
    assert a.name.startswith("Parameter#") and b.name == f"Parameter#{n + 1}"
    c = ms.Parameter(1.0, name="  w  ")
    assert c.name == "w"
    c.name = ""
    assert c.name.startswith("Parameter#")

    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.w = ms.Parameter(Tensor(np.ones(2, np.float32)))
            self.l = nn.Dense(2, 2)
    assert [p.name for p in Net().get_parameters()] == ["w", "l.weight", "l.bias"]
    with pytest.raises(ValueError, match="1024"):
        ms.Parameter(1.0, name="x" * 1025)


def test_matrix_product_mismatches_are_value_and_runtime_errors():
    # MindSpore 2.10: RuntimeError from 2-D matmul, ValueError from mm, bmm and 1-D matmul.
    a = Tensor(np.ones((2, 3), np.float32))
    for f in (lambda: ops.matmul(a, a), lambda: ops.mm(a, a), lambda: a @ a,
              lambda: ops.matmul(Tensor(np.ones(3, np.float32)), Tensor(np.ones(2, np.float32))),
              lambda: ops.bmm(Tensor(np.ones((2, 2, 3), np.float32)),
                              Tensor(np.ones((2, 2, 3), np.float32)))):
        with pytest.raises(ValueError, match="MatMul"):
            f()
        with pytest.raises(RuntimeError):
            f()

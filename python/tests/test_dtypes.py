"""The narrow dtypes (float16, bfloat16, int8, int16, uint8, uint16, uint32, uint64) against NumPy:
creation, arithmetic, promotion, casts, the asnumpy round trip, printing, gradients, pickle/copy."""
import copy
import pickle

import numpy as np
import pytest

import easy_mindspore as ems
import mindspore as ms
from easy_mindspore import Tensor

NARROW = [
    (ms.float16, np.float16, "Float16"), (ms.int8, np.int8, "Int8"), (ms.int16, np.int16, "Int16"),
    (ms.uint8, np.uint8, "UInt8"), (ms.uint16, np.uint16, "UInt16"),
    (ms.uint32, np.uint32, "UInt32"), (ms.uint64, np.uint64, "UInt64"),
]
INTS = [row for row in NARROW if row[1] is not np.float16]


def test_dtype_objects_have_mindspore_names():
    for ms_t, _, name in NARROW:
        assert str(ms_t) == name
        assert repr(ms_t) == "mindspore." + np.dtype(ms_t._short).name
    assert str(ms.bfloat16) == "BFloat16" and repr(ms.bfloat16) == "mindspore.bfloat16"
    assert ms.half is ms.float16
    assert ms.common.dtype.uint8 is ms.uint8
    assert pickle.loads(pickle.dumps(ms.bfloat16)) is ms.bfloat16


@pytest.mark.parametrize("ms_t, np_t, name", NARROW)
def test_numpy_arrays_keep_their_dtype_and_round_trip(ms_t, np_t, name):
    info = np.finfo(np_t) if np_t is np.float16 else np.iinfo(np_t)
    a = np.array([[info.min, 0, 1], [info.max, 7, 2]], dtype=np_t)
    t = Tensor(a)
    assert t.dtype == ms_t and str(t.dtype) == name
    back = t.asnumpy()
    assert back.dtype == np_t
    np.testing.assert_array_equal(back, a)
    assert t.tolist() == a.tolist()
    assert Tensor(a[1, 0]).item() == a[1, 0].item()
    assert t.nbytes == a.nbytes if hasattr(t, "nbytes") else True


@pytest.mark.parametrize("ms_t, np_t, name", NARROW)
def test_creation_with_a_dtype(ms_t, np_t, name):
    t = Tensor([1, 2, 3], dtype=ms_t)
    assert str(t.dtype) == name and t.asnumpy().dtype == np_t
    np.testing.assert_array_equal(t.asnumpy(), np.array([1, 2, 3], np_t))
    m = ms.numpy.array([[4, 5]], dtype=ms_t)
    assert m.dtype == ms_t and m.shape == (1, 2)
    z = ms.ops.zeros((2, 2), ms_t)
    assert z.dtype == ms_t


@pytest.mark.parametrize("ms_t, np_t, name", INTS)
def test_integer_arithmetic_wraps_as_numpy(ms_t, np_t, name):
    info = np.iinfo(np_t)
    x = np.array([info.min, info.max, 3, 100, info.max // 3], np_t)
    y = np.array([1, 1, info.max, 7, 5], np_t)
    tx, ty = Tensor(x), Tensor(y)
    with np.errstate(over="ignore"):
        cases = [(tx + ty, x + y), (tx - ty, x - y), (tx * ty, x * y),
                 (ms.ops.maximum(tx, ty), np.maximum(x, y)), (ms.ops.minimum(tx, ty), np.minimum(x, y))]
        # UInt64 divides in Int64: values past 2^63 would read as negative (documented).
        if np_t is not np.uint64:
            cases += [(tx // ty, x // y), (tx % ty, x % y)]
    for got, want in cases:
        assert got.dtype == ms_t
        np.testing.assert_array_equal(got.asnumpy(), want)
    np.testing.assert_array_equal((tx < ty).asnumpy(), x < y)
    np.testing.assert_array_equal(tx.max().asnumpy(), x.max())
    assert tx.argmax().asnumpy() == x.argmax()
    assert (tx + 1).dtype == ms_t  # a Python int is weak


def test_float16_arithmetic_matches_numpy():
    x = np.array([0.1, -2.5, 1000.0, 3.0], np.float16)
    y = np.array([0.2, 0.75, -7.0, 3.0], np.float16)
    tx, ty = Tensor(x), Tensor(y)
    for got, want in [(tx + ty, x + y), (tx - ty, x - y), (tx * ty, x * y), (-tx, -x)]:
        assert got.dtype == ms.float16
        np.testing.assert_array_equal(got.asnumpy(), want)
    np.testing.assert_allclose((tx / ty).asnumpy(), x / y, rtol=1e-3)
    np.testing.assert_allclose(ms.ops.exp(tx * 0.01).asnumpy(), np.exp(x * np.float16(0.01)), rtol=1e-3)
    s = tx.sum()
    assert s.dtype == ms.float16
    np.testing.assert_allclose(s.asnumpy(), x.astype(np.float32).sum(), rtol=1e-3)
    mm = ms.ops.matmul(Tensor(x.reshape(2, 2)), Tensor(y.reshape(2, 2)))
    assert mm.dtype == ms.float16
    np.testing.assert_allclose(mm.asnumpy(), x.reshape(2, 2).astype(np.float32) @ y.reshape(2, 2), rtol=1e-3)


@pytest.mark.parametrize("a, b, name", [
    (np.float16, np.float32, "Float32"), (np.int8, np.int16, "Int16"), (np.uint8, np.int8, "Int16"),
    (np.bool_, np.int8, "Int8"), (np.bool_, np.uint8, "UInt8"), (np.int32, np.float16, "Float16"),
    (np.int64, np.float16, "Float16"), (np.uint8, np.uint16, "UInt16"), (np.uint16, np.int16, "Int32"),
])
def test_tensor_promotion(a, b, name):
    x, y = Tensor(np.array([1, 0], a)), Tensor(np.array([1, 1], b))
    assert str((x + y).dtype) == name
    assert str((y + x).dtype) == name
    np.testing.assert_array_equal((x + y).asnumpy(), [2, 1])


def test_scalar_promotion():
    h = Tensor(np.array([1.5], np.float16))
    assert (h * 2.5).dtype == ms.float16 and (h + 1).dtype == ms.float16
    u = Tensor(np.array([3], np.uint8))
    assert (u + 1).dtype == ms.uint8 and (u * 0.5).dtype == ms.float32
    b16 = Tensor([1.5], ms.bfloat16)
    assert (b16 * 2.0).dtype == ms.bfloat16


def test_bfloat16_converts_and_reads_back_as_float32():
    t = Tensor(np.array([1.0, 0.1, 3.0e38], np.float32), ms.bfloat16)
    assert t.dtype == ms.bfloat16
    # asnumpy() is NumPy bfloat16 (ml_dtypes, test_numpy_updates.py); float32 reads it exactly.
    back = t.astype(ms.float32).asnumpy()
    assert back.dtype == np.float32
    # bfloat16 keeps 8 bits of mantissa: 0.1 is 0.10009765625.
    np.testing.assert_array_equal(back[:2], [1.0, 0.10009765625])
    assert t.astype(ms.float32).dtype == ms.float32
    assert t.tolist()[0] == 1.0


@pytest.mark.parametrize("src", [np.float16, np.float32, np.float64, np.int8, np.int16, np.int32, np.int64,
                                 np.uint8, np.uint16, np.uint32, np.uint64, np.bool_])
@pytest.mark.parametrize("dst", [np.float16, np.float32, np.float64, np.int8, np.int16, np.int32, np.int64,
                                 np.uint8, np.uint16, np.uint32, np.uint64, np.bool_])
def test_cast_matrix_matches_numpy_for_representable_values(src, dst):
    # Values every dtype can hold exactly, or whose conversion NumPy defines (wrapping ints).
    if src is np.bool_:
        a = np.array([True, False])
    elif np.issubdtype(src, np.floating):
        a = np.array([0.0, 1.75, -1.75, 100.5, -100.5, 250.0], src)
    else:
        a = np.array([0, 1, 5, 100, 127, np.iinfo(src).max], src)
    if np.issubdtype(src, np.floating) and np.issubdtype(dst, np.unsignedinteger):
        a = np.abs(a)  # negative floats into unsigned ints are undefined in C
    with np.errstate(all="ignore"):
        want = a.astype(dst)
    got = Tensor(a).astype(ms.common.dtype._lookup(np.dtype(dst).name if dst is not np.bool_ else "bool"))
    assert got.asnumpy().dtype == want.dtype
    np.testing.assert_array_equal(got.asnumpy(), want)
    np.testing.assert_array_equal(ms.ops.cast(Tensor(a), got.dtype).asnumpy(), want)


def test_float_to_int_edge_cases_are_numpy_x86_values():
    a = np.array([np.nan, np.inf, -np.inf, 3e9, -2.7], np.float32)
    with np.errstate(invalid="ignore"):
        want = a.astype(np.int32)
    np.testing.assert_array_equal(Tensor(a).astype(ms.int32).asnumpy(), want)
    np.testing.assert_array_equal(Tensor(np.array([300.0, -1.0])).astype(ms.uint8).asnumpy(), [44, 255])


def test_printing():
    assert repr(Tensor(np.array([0.1, 1.5], np.float16))) == \
        "Tensor(shape=[2], dtype=Float16, value= [ 9.9976e-02,  1.5000e+00])"
    assert repr(Tensor(np.float16(0.1))) == "Tensor(shape=[], dtype=Float16, value= 0.0999756)"
    assert repr(Tensor([1.5, 2.0], ms.bfloat16)) == "Tensor(shape=[2], dtype=BFloat16, value= [1.5,   2])"
    assert repr(Tensor(np.array([200, 7], np.uint8))) == "Tensor(shape=[2], dtype=UInt8, value= [200,   7])"
    assert repr(Tensor(np.array([-3], np.int8))) == "Tensor(shape=[1], dtype=Int8, value= [-3])"
    assert str(Tensor(np.array([1, 2], np.uint8))) == "[1 2]"


def test_grad_keeps_float16():
    x = Tensor(np.array([0.5, -1.25, 4.0], np.float16))
    g = ms.grad(lambda x: (x * x).sum())(x)
    assert g.dtype == ms.float16
    np.testing.assert_array_equal(g.asnumpy(), np.array([1.0, -2.5, 8.0], np.float16))


@pytest.mark.parametrize("ms_t, np_t, name", NARROW)
def test_pickle_and_copy_keep_the_dtype(ms_t, np_t, name):
    t = Tensor(np.array([1, 2, 3], np_t))
    for u in (pickle.loads(pickle.dumps(t)), copy.copy(t), copy.deepcopy(t)):
        assert u.dtype == ms_t
        np.testing.assert_array_equal(u.asnumpy(), t.asnumpy())


def test_bool_matmul_is_a_type_error():
    b = Tensor([[True]])
    with pytest.raises(TypeError, match="MatMul"):
        ms.ops.matmul(b, b)


@pytest.mark.parametrize("suffix", [".ckpt", ".safetensors"])
def test_checkpoints_keep_every_dtype(tmp_path, suffix):
    arrays = {
        "h": np.array([0.1, -65504.0, np.inf], np.float16), "i8": np.array([-128, 127], np.int8),
        "i16": np.array([-32768], np.int16), "u8": np.array([0, 255], np.uint8),
        "u16": np.array([65535], np.uint16), "u32": np.array([2**32 - 1], np.uint32),
        "u64": np.array([2**64 - 1, 2**63], np.uint64),
    }
    tensors = {n: Tensor(a) for n, a in arrays.items()}
    tensors["bf"] = Tensor([1.5, -3.0], ms.bfloat16)
    path = str(tmp_path / ("m" + suffix))
    ms.save_checkpoint(tensors, path)
    back = ms.load_checkpoint(path)
    for n, a in arrays.items():
        assert back[n].dtype == tensors[n].dtype
        np.testing.assert_array_equal(back[n].asnumpy(), a)
    assert back["bf"].dtype == ms.bfloat16
    np.testing.assert_array_equal(back["bf"].asnumpy(), [1.5, -3.0])


def test_jit_vmap_and_indexing_with_narrow_dtypes():
    h = Tensor(np.array([[1.5, 2.0], [3.0, -1.0]], np.float16))
    f = ms.jit(lambda x: (x * x + 1).sum())
    for _ in range(2):  # traced, then from the cache
        y = f(h)
        assert y.dtype == ms.float16 and y.item() == 20.25
    g = ms.grad(ms.jit(lambda x: (x * x).sum()))(h)
    assert g.dtype == ms.float16
    np.testing.assert_array_equal(g.asnumpy(), 2 * h.asnumpy())
    v = ms.vmap(lambda x: x * 2)(Tensor(np.array([[1, 100]], np.int8)))
    assert v.dtype == ms.int8
    np.testing.assert_array_equal(v.asnumpy(), np.array([[2, -56]], np.int8))
    x = Tensor(np.arange(5, dtype=np.float32))
    np.testing.assert_array_equal(x[Tensor(np.array([1, 3], np.uint8))].asnumpy(), [1.0, 3.0])
    np.testing.assert_array_equal(x[np.array([4, 0], np.uint16)].asnumpy(), [4.0, 0.0])

"""NumPy and DLPack without copies: ``asnumpy`` views, ``from_numpy``, ``Tensor(a)`` copies,
``__dlpack__``/``from_dlpack`` both ways. What MindSpore 2.10 does (checked in its CPU build):
two ``asnumpy`` calls share memory, a write through the array shows in the tensor, ``t[i] = v``
writes into the memory the array sees, ``from_numpy`` shares, ``Tensor(a)`` copies."""
import gc
import weakref

import numpy as np
import pytest

import easy_mindspore as ems  # first: `mindspore` resolves to it when MindSpore is absent
import mindspore as ms
from mindspore import Tensor
from mindspore.utils.dlpack import from_dlpack, to_dlpack

# Every dtype NumPy has, with a value of it.
NUMPY_DTYPES = [np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32,
                np.uint64, np.float16, np.float32, np.float64]


def values(dtype, shape=(2, 3)):
    n = int(np.prod(shape))
    if dtype == np.bool_:
        return (np.arange(n) % 2 == 0).reshape(shape)
    return (np.arange(n) % 7 + 1).astype(dtype).reshape(shape)


def base_storage(t):
    """Another tensor over the same storage (a reshape is a view)."""
    return t.reshape(-1)


# ---- asnumpy -------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", NUMPY_DTYPES)
def test_asnumpy_is_a_view_of_every_dtype(dtype):
    t = Tensor(values(dtype))
    a, b = t.asnumpy(), t.asnumpy()
    assert a.dtype == dtype and a.shape == (2, 3) and a.flags.writeable and a.flags.c_contiguous
    assert np.shares_memory(a, b)
    np.testing.assert_array_equal(a, values(dtype))
    one = np.array(1 if dtype != np.bool_ else False, dtype)
    a[1, 2] = one
    assert t[1, 2].item() == one.item()


def test_writes_through_the_array_reach_the_tensor_and_back():
    t = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    a = t.asnumpy()
    a[0, 0] = 100.0
    assert float(t[0, 0]) == 100.0
    assert float((t * 2).sum()) == 2 * (100 + 1 + 2 + 3 + 4 + 5)
    # setitem writes into the memory the array sees (MindSpore 2.10: a[0, 1] == 7 after it).
    t[0, 1] = 7.0
    assert a[0, 1] == 7.0
    t[1] = Tensor(np.array([9.0, 8.0, 7.0], np.float32))
    np.testing.assert_array_equal(a[1], [9.0, 8.0, 7.0])
    # `+=` and assign_value make a new tensor (MindSpore 2.10: the array keeps 2.0).
    t += 1
    assert a[0, 2] == 2.0 and float(t[0, 2]) == 3.0


def test_shared_storage_gets_its_own_copy_first():
    t = Tensor(np.arange(6, dtype=np.float32))
    v = t.reshape(2, 3)  # shares t's storage
    a = t.asnumpy()
    a[0] = -1.0
    assert float(t[0]) == -1.0
    assert float(v[0, 0]) == 0.0  # the other view is unchanged
    # Two handles of one value: exporting one leaves the other alone.
    u = Tensor(t)
    b = u.asnumpy()
    b[1] = -2.0
    assert float(u[1]) == -2.0 and float(t[1]) == 1.0
    # A view made after the export shares the exported memory, as a PyTorch view would.
    w = t.reshape(3, 2)
    a[2] = 50.0
    assert float(w[1, 0]) == 50.0


def test_a_view_made_after_an_export_makes_the_next_export_copy():
    t = Tensor(np.zeros(4, np.float32))
    a = t.asnumpy()
    assert np.shares_memory(a, t.asnumpy())
    view = t[1:3]  # shares the exported memory, as a PyTorch view would
    a[1] = 9.0
    assert float(view[0]) == 9.0
    # The next export must not reach the view: the tensor gets its own copy first; the old
    # array stays with the view.
    b = t.asnumpy()
    assert not np.shares_memory(a, b)
    b[2] = 3.0
    assert float(t[2]) == 3.0 and float(view[1]) == 0.0 and a[2] == 0.0


def test_views_and_non_contiguous_tensors_export_their_own_copy():
    base = Tensor(np.arange(12, dtype=np.float64).reshape(3, 4))
    tt = base.T  # a strided view
    a = tt.asnumpy()
    np.testing.assert_array_equal(a, np.arange(12.0).reshape(3, 4).T)
    a[0, 1] = 99.0
    assert float(tt[0, 1]) == 99.0
    assert float(base[1, 0]) == 4.0  # the base is not changed
    s = base[1:, ::2]
    b = s.asnumpy()
    np.testing.assert_array_equal(b, [[4.0, 6.0], [8.0, 10.0]])
    # Views of views of the array.
    c = b[:, 1:][::-1]
    c[0, 0] = -5.0
    assert float(s[1, 1]) == -5.0


def test_lifetimes():
    t = Tensor(np.arange(1 << 16, dtype=np.float32))
    a = t.asnumpy()
    del t
    gc.collect()
    assert a[12345] == 12345.0 and a.sum() == np.arange(1 << 16, dtype=np.float32).sum()
    # Later allocations of the same size do not reuse the array's memory.
    others = [Tensor(np.full(1 << 16, 7.0, np.float32)) * 1 for _ in range(4)]
    assert a[12345] == 12345.0 and all(float(o[0]) == 7.0 for o in others)
    t2 = Tensor(np.ones(8, np.int32))
    b = t2.asnumpy()
    del b
    gc.collect()
    t2[0] = 5
    assert t2.asnumpy().tolist() == [5, 1, 1, 1, 1, 1, 1, 1]
    # The base object holds the memory.
    c = t2.asnumpy()
    assert type(c.base).__name__ == "HostMemory"
    del t2
    gc.collect()
    assert c[0] == 5 and c.sum() == 12


def test_zero_d_and_size_zero():
    z = Tensor(3.5)
    a = z.asnumpy()
    assert a.shape == () and a.dtype == np.float32 and a == 3.5
    a[()] = 4.0
    assert float(z) == 4.0
    assert float(Tensor(3.5)) == 3.5  # the scalar cache is not written
    e = Tensor(np.zeros((0, 3), np.float32))
    b = e.asnumpy()
    assert b.shape == (0, 3) and b.dtype == np.float32
    f = ems.from_numpy(np.zeros((2, 0), np.int64))
    assert f.shape == (2, 0) and f.dtype == ms.int64


def test_traced_values_give_copies():
    seen = []

    def f(x):
        a = x.asnumpy()
        seen.append(a.copy())
        a[0] = 100.0  # a copy: the gradient is not changed
        return (x * x).sum()

    g = ms.grad(f)(Tensor(np.array([1.0, 2.0], np.float32)))
    np.testing.assert_allclose(g.asnumpy(), [2.0, 4.0])
    np.testing.assert_array_equal(seen[0], [1.0, 2.0])


def test_parameters_export_their_memory():
    p = ms.Parameter(Tensor(np.ones((2, 2), np.float32)), name="w")
    a = p.asnumpy()
    a[0, 0] = 3.0
    assert float(p[0, 0]) == 3.0
    p[1, 1] = 4.0
    assert a[1, 1] == 4.0
    # set_data gives the parameter new memory (MindSpore 2.10: the array keeps its values).
    p.set_data(Tensor(np.zeros((2, 2), np.float32)))
    assert a[0, 0] == 3.0 and float(p[0, 0]) == 0.0


def test_tensors_over_numpy_memory_write_in_place():
    a = np.zeros((3, 4), np.float32)
    t = ms.from_numpy(a)
    t[1, 2] = 5.0
    assert a[1, 2] == 5.0
    s = ms.from_numpy(a.T)  # strided: writes land at the transposed places
    s[3, 0] = -1.0
    assert a[0, 3] == -1.0
    d = from_dlpack(a)
    d[2] = 7.0
    np.testing.assert_array_equal(a[2], [7.0] * 4)
    # `+=` makes a new tensor, as in MindSpore.
    t += 1
    assert a[0, 0] == 0.0 and float(t[0, 0]) == 1.0


# ---- from_numpy and Tensor(a) --------------------------------------------------------------


@pytest.mark.parametrize("dtype", NUMPY_DTYPES)
def test_from_numpy_shares_memory_of_every_dtype(dtype):
    a = values(dtype)
    t = ms.from_numpy(a)
    assert t.dtype == getattr(ms, np.dtype(dtype).name if dtype != np.bool_ else "bool_")
    assert np.shares_memory(t.asnumpy(), a)
    a[0, 0] = np.array(0, dtype)
    assert t[0, 0].item() == a[0, 0].item()
    u = Tensor.from_numpy(a)
    assert np.shares_memory(u.asnumpy(), a)
    c = Tensor(a)
    assert not np.shares_memory(c.asnumpy(), a)
    np.testing.assert_array_equal(c.asnumpy(), a)


def test_from_numpy_writes_both_ways_and_keeps_the_array_alive():
    a = np.arange(6, dtype=np.float32).reshape(2, 3)
    t = ms.from_numpy(a)
    a[1, 1] = 40.0
    assert float(t[1, 1]) == 40.0
    t.asnumpy()[0, 0] = -1.0
    assert a[0, 0] == -1.0
    r = weakref.ref(a) if hasattr(a, "__weakref__") else None
    del a
    gc.collect()
    assert float(t.sum()) == -1 + 1 + 2 + 3 + 40 + 5
    if r is not None:
        assert r() is not None
        del t
        gc.collect()
        assert r() is None


def test_from_numpy_of_non_contiguous_arrays():
    a = np.arange(24, dtype=np.int32).reshape(4, 6)
    for view in [a.T, a[::2, 1::3], a[::-1], a[:, ::-2], np.broadcast_to(a[0], (3, 6))]:
        t = ms.from_numpy(view)
        np.testing.assert_array_equal(t.asnumpy(), view)
        np.testing.assert_array_equal(Tensor(view).asnumpy(), view)
        np.testing.assert_array_equal((t + 0).asnumpy(), view)
    # A strided tensor over the array still reads the array's later writes.
    t = ms.from_numpy(a.T)
    a[0, 5] = -7
    assert int(t[5, 0]) == -7
    # Read-only arrays are shared for reading; the tensor's own export is a copy.
    ro = np.arange(4.0)
    ro.setflags(write=False)
    r = ms.from_numpy(ro)
    b = r.asnumpy()
    assert b.flags.writeable and not np.shares_memory(b, ro)
    b[0] = 5.0
    assert float(r[0]) == 5.0 and ro[0] == 0.0


def test_byte_swapped_and_unsupported_arrays():
    be = np.arange(3, dtype=">f4")
    t = ms.from_numpy(be)
    np.testing.assert_array_equal(t.asnumpy(), [0.0, 1.0, 2.0])
    assert t.dtype == ms.float32
    with pytest.raises(TypeError, match="not supported"):
        ms.from_numpy(np.array(["a", "b"]))
    with pytest.raises(TypeError, match="numpy.ndarray"):
        ms.from_numpy([1, 2])


def test_tensor_of_an_array_copies():
    a = np.ones(4, np.float32)
    c = Tensor(a)
    a[1] = 9.0
    np.testing.assert_array_equal(c.asnumpy(), [1.0, 1.0, 1.0, 1.0])
    d = Tensor(a, ms.float64)
    assert d.dtype == ms.float64 and float(d[1]) == 9.0


def test_np_asarray_shares_and_copy_true_copies():
    t = Tensor(np.zeros(3, np.float32))
    a = np.asarray(t)
    a[0] = 1.0
    assert float(t[0]) == 1.0
    b = t.__array__(copy=True)
    b[1] = 2.0
    assert float(t[1]) == 0.0


# ---- DLPack --------------------------------------------------------------------------------


@pytest.mark.parametrize("dtype", NUMPY_DTYPES)
def test_numpy_from_dlpack_shares_memory(dtype):
    t = Tensor(values(dtype))
    assert t.__dlpack_device__() == (1, 0)
    a = np.from_dlpack(t)
    np.testing.assert_array_equal(a, values(dtype))
    assert np.shares_memory(a, t.asnumpy())
    back = from_dlpack(a)
    assert np.shares_memory(back.asnumpy(), a)


def test_dlpack_round_trips_and_writes():
    t = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    a = np.from_dlpack(t)
    a[0, 0] = 50.0
    assert float(t[0, 0]) == 50.0
    # MindSpore's own pair: a "dltensor" capsule, consumed once.
    cap = to_dlpack(t)
    assert "dltensor" in repr(cap)
    u = from_dlpack(cap)
    u[1, 1] = -4.0
    assert float(t[1, 1]) == -4.0 and a[1, 1] == -4.0
    with pytest.raises(ValueError, match="consumed"):
        from_dlpack(cap)
    # From NumPy arrays, strided ones too.
    src = np.arange(12, dtype=np.int64).reshape(3, 4)
    for view in [src, src.T, src[:, ::2], src[::-1]]:
        v = from_dlpack(view)
        np.testing.assert_array_equal(v.asnumpy(), view)
    w = from_dlpack(src)
    src[2, 3] = 100
    assert int(w[2, 3]) == 100


def test_dlpack_versions_and_arguments():
    t = Tensor(np.ones(3, np.float32))
    legacy = t.__dlpack__()
    versioned = t.__dlpack__(max_version=(1, 0))
    assert '"dltensor"' in repr(legacy) and '"dltensor_versioned"' in repr(versioned)
    assert np.shares_memory(from_dlpack(versioned).asnumpy(), t.asnumpy())
    del legacy  # unconsumed: the capsule's destructor frees it
    gc.collect()
    with pytest.raises(ValueError, match="stream"):
        t.__dlpack__(stream=1)
    with pytest.raises(BufferError):
        t.__dlpack__(dl_device=(2, 0))
    c = np.from_dlpack(t, copy=True) if np.lib.NumpyVersion(np.__version__) >= "2.1.0" else None
    if c is not None:
        assert not np.shares_memory(c, t.asnumpy())
    with pytest.raises(TypeError):
        from_dlpack([1, 2])


def test_dlpack_lifetimes_and_sizes():
    t = Tensor(np.arange(5, dtype=np.float64))
    a = np.from_dlpack(t)
    del t
    gc.collect()
    assert a.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0]
    z = Tensor(2.0)
    assert np.from_dlpack(z).shape == ()
    e = from_dlpack(np.zeros((0, 2), np.float32))
    assert e.shape == (0, 2)
    b = Tensor([1.0, 2.0], ms.bfloat16)
    bb = from_dlpack(b.__dlpack__())
    assert bb.dtype == ms.bfloat16 and float(bb[1]) == 2.0


def test_torch_round_trip():
    torch = pytest.importorskip("torch")
    t = Tensor(np.arange(4, dtype=np.float32))
    x = torch.from_dlpack(t)
    x[0] = 10.0
    assert float(t[0]) == 10.0
    y = torch.arange(3, dtype=torch.float64)
    u = from_dlpack(y)
    y[1] = 7.0
    assert float(u[1]) == 7.0
    bf = torch.tensor([1.5, 2.5], dtype=torch.bfloat16)
    assert from_dlpack(bf).dtype == ms.bfloat16


def test_tensor_to_dlpack_and_from_dlpack_methods_share_memory():
    """MindSpore 2.10's ``Tensor.to_dlpack()`` and static ``Tensor.from_dlpack(capsule)``."""
    t = ems.Tensor(np.arange(4, dtype=np.float32))
    capsule = t.to_dlpack()
    u = ems.Tensor.from_dlpack(capsule)
    assert str(u.dtype) == "Float32" and u.tolist() == [0.0, 1.0, 2.0, 3.0]
    u[0] = 7.0
    assert t.tolist() == [7.0, 1.0, 2.0, 3.0]
    with pytest.raises(ValueError, match="consumed only once"):
        ems.Tensor.from_dlpack(capsule)
    with pytest.raises(TypeError, match="For 'from_dlpack'"):
        ems.Tensor.from_dlpack(3)
    # A producer that cannot export (NumPy's object arrays): MindSpore's RuntimeError.
    with pytest.raises(RuntimeError, match="For 'from_dlpack', "):
        ems.Tensor.from_dlpack(np.array([object()]))

"""The Tensor methods about where its bytes live (``_tensor_device``) and ``mindspore.to_dlpack``:
MindSpore 2.10's answers on its CPU backend, raw bytes round trips in every dtype, bad arguments."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor

DTYPES = [ms.bool_, ms.int8, ms.uint8, ms.int16, ms.int32, ms.int64, ms.float16, ms.bfloat16,
          ms.float32, ms.float64, ms.complex64, ms.complex128]


@pytest.mark.parametrize("dtype", DTYPES, ids=str)
def test_bytes_round_trip(dtype):
    x = Tensor(np.arange(6).reshape(2, 3) % 2 if dtype == ms.bool_ else np.arange(6).reshape(2, 3), dtype)
    raw = x.get_bytes()
    assert isinstance(raw, bytes) and len(raw) == x.size * x.itemsize
    y = Tensor.convert_bytes_to_tensor(raw, x.shape, dtype)
    assert y.dtype == dtype and y.shape == (2, 3)
    np.testing.assert_array_equal(y.asnumpy(), x.asnumpy())


def test_bytes_are_mindspores():
    # MindSpore 2.10 printed b'\xc0?\x00@' for bfloat16 [1.5, 2.0].
    assert Tensor([1.5, 2.0], ms.bfloat16).get_bytes() == b"\xc0?\x00@"
    assert Tensor([1, 2], ms.int16).get_bytes() == b"\x01\x00\x02\x00"
    # A strided view gives its own elements, row-major.
    assert Tensor(np.arange(6, dtype=np.int8).reshape(2, 3)).T.get_bytes() == bytes([0, 3, 1, 4, 2, 5])


def test_host_memory_queries_answer_as_mindspores_cpu():
    x = Tensor([1.0, 2.0])
    assert x.data_sync(True) is None and x.data_sync(False) is None
    assert x.is_pinned() is False and x.is_shared() is False
    y = x.move_to("CPU")
    assert y is not x and y.dtype == x.dtype
    np.testing.assert_array_equal(y.asnumpy(), [1.0, 2.0])
    y[0] = 5.0
    assert x.asnumpy()[0] == 1.0  # a copy


def test_to_dlpack_shares_memory():
    x = Tensor(np.array([1.0, 2.0], np.float32))
    y = ms.from_dlpack(ms.to_dlpack(x))
    y[0] = 5.0
    np.testing.assert_array_equal(x.asnumpy(), [5.0, 2.0])


def test_bad_arguments_raise_mindspores_classes():
    x = Tensor([1.0])
    with pytest.raises(ValueError, match=r"move_to.*one of \['Ascend', 'GPU', 'CPU'\].*'cpu'"):
        x.move_to("cpu")
    with pytest.raises(ValueError, match="move_to.*one of"):
        x.move_to(5)
    with pytest.raises(RuntimeError, match="move_to.*device target"):
        x.move_to("GPU")
    with pytest.raises(ValueError, match="'blocking' must be bool"):
        x.move_to("CPU", blocking=1)
    with pytest.raises(TypeError, match="'waiting' must be a bool"):
        x.data_sync("yes")
    with pytest.raises(ValueError, match="3 bytes do not hold shape"):
        Tensor.convert_bytes_to_tensor(b"abc", (1,), ms.float32)
    with pytest.raises(TypeError, match="'data' must be bytes"):
        Tensor.convert_bytes_to_tensor("abcd", (1,), ms.float32)
    with pytest.raises(TypeError, match="'dtype' must be a MindSpore dtype"):
        Tensor.convert_bytes_to_tensor(b"abcd", (1,), np.float32)
    with pytest.raises(TypeError, match="to_dlpack"):
        ms.to_dlpack([1.0])


def test_swap_tensors_swaps_contents_and_keeps_identities():
    import numpy as np
    import easy_mindspore as ms
    a, b = ms.Tensor([1.0, 2.0]), ms.Tensor(np.ones((2, 2), np.int32))
    ids = id(a), id(b)
    assert ms.swap_tensors(a, b) is None
    assert (id(a), id(b)) == ids
    assert a.dtype == ms.int32 and a.shape == (2, 2) and b.asnumpy().tolist() == [1.0, 2.0]
    b[0] = 7.0
    assert a.asnumpy().tolist() == [[1, 1], [1, 1]]
    p, q = ms.Parameter(ms.Tensor([1.0, 2.0]), name="p"), ms.Parameter(ms.Tensor([3.0, 4.0]), name="q")
    ms.swap_tensors(p, q)
    assert p.asnumpy().tolist() == [3.0, 4.0] and q.asnumpy().tolist() == [1.0, 2.0] and p.name == "p"
    import pytest
    with pytest.raises(TypeError):
        ms.swap_tensors(a, 3)
    with pytest.raises(RuntimeError):
        ms.swap_tensors(a, p)
    with pytest.raises(RuntimeError):
        ms.swap_tensors(p, ms.Parameter(ms.Tensor([1.0]), name="r"))

"""``ops.Assert``, ``ops.Padding``, ``ops.PadV3``, ``ops.NoRepeatNGram``, ``ops.TensorDump`` and
``ops.tensordump``: values and messages as MindSpore 2.10 on CPU gives them for the same calls,
and the errors."""
import os

import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import Tensor, ops


def test_assert(capsys):
    out = ops.Assert(summarize=3)(Tensor(True), [Tensor([1, 2, 3, 4])])
    assert out.dtype == ms.int32 and out.asnumpy().tolist() == [0]
    with pytest.raises(RuntimeError, match="assert failed"):
        ops.Assert(summarize=3)(Tensor(False), [Tensor([1, 2, 3, 4]), Tensor([1.5])])
    assert capsys.readouterr().out == ("For 'Assert' condition is false.\ninput data: [1 2 3]\n"
                                       "input data: [1.5]\n")
    with pytest.raises(TypeError):
        ops.Assert()(Tensor([True, False]), [])
    with pytest.raises(ValueError):
        ops.Assert(summarize=0)


def test_padding():
    out = ops.Padding(4)(Tensor(np.array([[8.0], [10.0]], np.float32)))
    np.testing.assert_array_equal(out.asnumpy(), [[8, 0, 0, 0], [10, 0, 0, 0]])
    assert ops.Padding()(Tensor(np.ones((2, 3, 1), np.float32))).shape == (2, 3, 8)
    with pytest.raises(ValueError, match="last dimension of 'x' must be 1"):
        ops.Padding(4)(Tensor(np.ones((1, 2), np.float32)))


def test_padv3():
    x = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    np.testing.assert_array_equal(ops.PadV3()(x, Tensor([1, 2], ms.int64), Tensor(9.0)).asnumpy(),
                                  [[9, 0, 1, 2, 9, 9], [9, 3, 4, 5, 9, 9]])
    np.testing.assert_array_equal(ops.PadV3(mode="reflect")(x.reshape(1, 2, 3), Tensor([1, 1], ms.int64)).asnumpy(),
                                  [[[1, 0, 1, 2, 1], [4, 3, 4, 5, 4]]])
    np.testing.assert_array_equal(
        ops.PadV3(paddings_contiguous=False)(x, Tensor([1, 1, 2, 0], ms.int64), Tensor(0.0)).asnumpy(),
        [[0, 0, 0, 0, 0, 0], [0, 0, 1, 2, 0, 0], [0, 3, 4, 5, 0, 0]])
    np.testing.assert_array_equal(ops.PadV3(mode="edge")(x, Tensor([1, 1], ms.int64)).asnumpy()[0], [0, 0, 1, 2, 2])
    assert repr(ops.PadV3()) == "Prim[PadV3]<mode=constant, paddings_contiguous=True>"
    with pytest.raises(ValueError):
        ops.PadV3(mode="symmetric")
    with pytest.raises(TypeError):
        ops.PadV3()(x, Tensor([1.0, 1.0]))
    with pytest.raises(ValueError):
        ops.PadV3()(x, Tensor([1, 1, 1], ms.int64))


def test_no_repeat_ngram():
    probs = np.random.RandomState(0).rand(1, 1, 8).astype(np.float32)
    out = ops.NoRepeatNGram(ngram_size=3)(Tensor([[[1, 2, 1, 2, 5, 1, 2]]], ms.int32), Tensor(probs)).asnumpy()
    want = probs.copy()
    want[0, 0, [1, 5]] = np.finfo(np.float32).min
    np.testing.assert_array_equal(out, want)
    with pytest.raises(TypeError):
        ops.NoRepeatNGram(2)(Tensor([[[1.0, 2.0]]]), Tensor(probs))
    with pytest.raises(ValueError):
        ops.NoRepeatNGram(2)(Tensor([[1, 2]], ms.int32), Tensor(probs))


def test_tensordump(tmp_path):
    ops.tensordump(str(tmp_path / "x"), Tensor([1.0, 2.0]))
    ops.TensorDump()(str(tmp_path / "y.npy"), Tensor(np.array([3], np.int32)))
    files = sorted(os.listdir(tmp_path))
    assert files[0].startswith("x_float32_") and files[1].startswith("y_int32_")
    assert int(files[1].split("_")[-1][:-4]) == int(files[0].split("_")[-1][:-4]) + 1
    np.testing.assert_array_equal(np.load(tmp_path / files[0]), [1.0, 2.0])
    with pytest.raises(TypeError):
        ops.tensordump(3, Tensor([1.0]))

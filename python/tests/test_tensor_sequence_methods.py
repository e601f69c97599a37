"""ops.reverse_sequence, ops.unique_with_pad, ops.random_categorical and the Tensor methods
choose, resize, itemset, data_ptr and scatter_div/max/min/mul/sub: each expected value is what
MindSpore 2.10 printed for the same call."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, ops

X = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]], np.float32)


def test_reverse_sequence_reverses_each_prefix_and_is_differentiable():
    x = Tensor(X)
    want = [[2, 1, 3], [6, 5, 4]]
    assert ops.reverse_sequence(x, Tensor(np.array([2, 3], np.int64)), 1).asnumpy().tolist() == want
    assert x.reverse_sequence(Tensor(np.array([2, 3], np.int32)), 1, 0).asnumpy().tolist() == want
    # Batch along axis 1, sequences along axis 0.
    got = ops.reverse_sequence(x, Tensor(np.array([1, 2, 2], np.int32)), 0, 1).asnumpy()
    assert got.tolist() == [[1, 5, 6], [4, 2, 3]]
    w = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    g = ms.grad(lambda v: (ops.reverse_sequence(v, Tensor(np.array([2, 3], np.int32)), 1) * w).sum())(x)
    assert g.asnumpy().tolist() == [[1, 0, 2], [5, 4, 3]]
    with pytest.raises(RuntimeError, match=r"Invalid seq_lengths\[1\]: 3"):
        ops.reverse_sequence(x, Tensor(np.array([1, 3, 2], np.int32)), 0, 1)


def test_unique_with_pad_and_random_categorical():
    y, idx = ops.unique_with_pad(Tensor(np.array([3, 1, 1, 2], np.int64)), 9)
    assert (y.asnumpy().tolist(), idx.asnumpy().tolist(), y.dtype) == ([3, 1, 2, 9], [0, 1, 1, 2], ms.int64)
    with pytest.raises(ValueError, match="input_shape_size must be equal to 1"):
        ops.unique_with_pad(Tensor(np.array([[3, 1], [1, 2]], np.int32)), 0)
    with np.errstate(divide="ignore"):
        logits = Tensor(np.log(np.array([[0.0, 1.0], [1.0, 0.0]], np.float32)))
    out = ops.random_categorical(logits, 4, 0)
    assert out.dtype == ms.int64 and out.asnumpy().tolist() == [[1] * 4, [0] * 4]
    assert ops.random_categorical(logits, 2, 0, ms.int32).dtype == ms.int32
    assert logits.random_categorical(2, 5).shape == (2, 2)


def test_array_methods():
    choices = [Tensor(np.array([1, 2, 3])), Tensor(np.array([4, 5, 6]))]
    assert Tensor(np.array([3, 0, 1], np.int32)).choose(choices).asnumpy().tolist() == [4, 2, 6]
    x = Tensor(X)
    assert x.resize(2, 2).asnumpy().tolist() == [[1, 2], [3, 4]]
    assert x.resize((4,)).asnumpy().tolist() == [1, 2, 3, 4]
    assert x.resize(3, 3).asnumpy().tolist() == [[1, 2, 3], [4, 5, 6], [0, 0, 0]]
    assert x.itemset(4, 9.0).asnumpy().tolist() == [[1, 2, 3], [4, 9, 6]]
    assert x.itemset((0, 1), 9.0).asnumpy().tolist() == [[1, 9, 3], [4, 5, 6]]
    assert Tensor(np.array([5.0], np.float32)).itemset(9.0).asnumpy().tolist() == [9]
    assert x.asnumpy().tolist() == X.tolist()  # itemset returns a new tensor
    assert isinstance(x.data_ptr(), int) and x.data_ptr() == x.data_ptr()
    idx = Tensor(np.array([[0], [1]], np.int32))
    up = Tensor(np.array([[2.0, 2.0, 2.0], [4.0, 4.0, 4.0]], np.float32))
    assert x.scatter_div(idx, up).asnumpy().tolist() == [[0.5, 1, 1.5], [1, 1.25, 1.5]]
    twice = Tensor(np.array([[0], [0]], np.int32))
    assert x.scatter_sub(twice, up).asnumpy().tolist() == [[-5, -4, -3], [4, 5, 6]]
    assert x.scatter_max(Tensor(np.array([[0, 1]], np.int32)), Tensor(np.array([9.0], np.float32))) \
        .asnumpy().tolist() == [[1, 9, 3], [4, 5, 6]]
    assert x.scatter_mul(idx, up).asnumpy().tolist() == [[2, 4, 6], [16, 20, 24]]
    assert x.scatter_min(idx, up).asnumpy().tolist() == [[1, 2, 2], [4, 4, 4]]

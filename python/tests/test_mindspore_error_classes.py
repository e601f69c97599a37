"""Bad inputs that MindSpore 2.10 rejects (or accepts) in a particular way, matched class for
class (measured there): integer inputs to softmax, float class labels, a non-str Parameter name,
a dtype name given to ops.cast, an unknown activation name; and squeeze of an axis that is not
size 1, which MindSpore leaves in place."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, nn, ops


@pytest.mark.parametrize("f", [ops.softmax, ops.log_softmax, lambda x: nn.Softmax()(x),
                               lambda x: nn.LogSoftmax()(x)])
@pytest.mark.parametrize("dtype", [ms.int32, ms.int64, ms.bool_, ms.uint8])
def test_softmax_of_integers_is_a_type_error(f, dtype):
    with pytest.raises(TypeError, match=r"Softmax.*dtype"):
        f(Tensor([1, 0], dtype))


def test_softmax_of_floats_still_works():
    for dtype in (ms.float16, ms.float32, ms.float64):
        out = ops.softmax(Tensor([0.0, 0.0], dtype))
        assert out.dtype == dtype and np.allclose(out.asnumpy().astype(np.float64), [0.5, 0.5])
    assert float(ops.softmax(Tensor(3.0)).asnumpy()) == 1.0


@pytest.mark.parametrize("labels", [Tensor([0.0, 1.0]), Tensor([True, False]), Tensor([0, 1], ms.uint8)])
def test_sparse_labels_must_be_int32_or_int64(labels):
    logits = Tensor(np.ones((2, 3), np.float32))
    with pytest.raises(TypeError, match=r"SoftmaxCrossEntropyWithLogits.*Int32 or Int64"):
        nn.SoftmaxCrossEntropyWithLogits(sparse=True)(logits, labels)
    for dtype in (ms.int32, ms.int64):
        loss = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")(logits, Tensor([0, 2], dtype))
        assert np.isclose(float(loss.asnumpy()), np.log(3.0))


def test_parameter_name_must_be_a_str_or_none():
    with pytest.raises(ValueError, match="Parameter's name should be 'string' or 'None'"):
        ms.Parameter(Tensor([1.0]), name=3)
    assert ms.Parameter(Tensor([1.0]), name=None).name.startswith("Parameter#")
    assert ms.Parameter(Tensor([1.0]), name="w").name == "w"


def test_ops_cast_takes_mindspore_dtypes_only():
    with pytest.raises(TypeError, match="For 'Cast', the input 'dtype' should be mindspore dtype"):
        ops.cast(Tensor([1.5]), "int32")
    with pytest.raises(TypeError, match="Cast"):
        ops.Cast()(Tensor([1.5]), np.int32)
    assert ops.cast(Tensor([1.5]), ms.int32).dtype == ms.int32
    assert Tensor([1.5]).astype("int32").dtype == ms.int32  # the method takes names, as MindSpore's


def test_unknown_activation_is_a_key_error():
    with pytest.raises(KeyError, match="'name' must be in"):
        nn.Dense(3, 2, activation="nope")
    with pytest.raises(KeyError):
        nn.get_activation("Relu")  # case-sensitive, as MindSpore
    assert type(nn.get_activation("relu")).__name__ == "ReLU"


def test_squeeze_leaves_axes_that_are_not_size_one():
    x = Tensor(np.ones((2, 1, 3), np.float32))
    assert ops.squeeze(x, 0).shape == (2, 1, 3)
    assert ops.squeeze(x, (0, 1)).shape == (2, 3)
    assert x.squeeze(2).shape == (2, 1, 3)
    assert ops.Squeeze(0)(x).shape == (2, 1, 3)
    with pytest.raises(ValueError, match="Squeeze"):
        ops.squeeze(x, 5)

"""Tensors and Parameters through ``copy``, ``copy.deepcopy`` and ``pickle``."""
import copy
import pickle

import numpy as np
import pytest

import easy_mindspore as ems


@pytest.mark.parametrize("values,dtype", [
    ([[1.5, -2.0], [0.0, 3.25]], ems.float32),
    ([1.0, 2.0], ems.float64),
    ([1, -7, 2**40], ems.int64),
    ([3, 4], ems.int32),
    ([True, False], ems.bool_),
])
def test_round_trips_keep_values_shape_and_dtype(values, dtype):
    t = ems.Tensor(values, dtype)
    for out in (pickle.loads(pickle.dumps(t)), copy.copy(t), copy.deepcopy(t)):
        assert type(out) is ems.Tensor and out is not t
        assert out.dtype == dtype and out.shape == t.shape
        np.testing.assert_array_equal(out.asnumpy(), t.asnumpy())


def test_a_copy_is_independent_of_the_original():
    t = ems.Tensor([1.0, 2.0, 3.0])
    c = copy.deepcopy({"w": t, "rest": [t]})
    t[0] = 10.0
    assert c["w"].asnumpy().tolist() == [1.0, 2.0, 3.0]
    assert c["rest"][0].asnumpy().tolist() == [1.0, 2.0, 3.0]
    empty = ems.zeros((0, 3))
    assert pickle.loads(pickle.dumps(empty)).shape == (0, 3)


def test_parameters_keep_name_and_requires_grad():
    p = ems.Parameter(ems.Tensor([1.0, 2.0]), name="layer.weight", requires_grad=False)
    for out in (pickle.loads(pickle.dumps(p)), copy.copy(p), copy.deepcopy(p)):
        assert isinstance(out, ems.Parameter) and out is not p
        assert out.name == "layer.weight" and out.requires_grad is False
        np.testing.assert_array_equal(out.asnumpy(), [1.0, 2.0])
    q = copy.deepcopy(p)
    p.set_data(ems.Tensor([5.0, 5.0]))
    assert q.asnumpy().tolist() == [1.0, 2.0]

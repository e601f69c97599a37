"""MindSpore's type objects beside the element dtypes: the kinds (``float_``, ``int_``, ``uint``,
``type_none``, ``string``, ``list_``, ``tuple_``, ``number``), ``TensorType``,
``get_py_obj_dtype`` and ``QuantDtype``, printed as MindSpore 2.10 prints them."""
import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore.common import dtype as mstype


def test_kinds_print_as_mindspore():
    assert [str(k) for k in (ms.float_, ms.int_, ms.uint, ms.type_none, ms.string, ms.list_, ms.tuple_,
                             ms.number)] == ["Float", "Int", "UInt", "None", "String", "List", "Tuple", "Number"]
    assert repr(ms.string) == "mindspore.string_" and repr(ms.float_) == "mindspore.float"
    assert ms.int_ != ms.int32


def test_tensor_type():
    t = mstype.TensorType(ms.float32)
    assert str(t) == "Tensor[Float32]" and repr(t) == "mindspore.tensor[float32]"
    assert t.element_type() is ms.float32 and t == mstype.TensorType(ms.float32)
    assert t != mstype.TensorType(ms.int32) and len({t, mstype.TensorType(ms.float32)}) == 1
    with pytest.raises(TypeError):
        mstype.TensorType("float32")


def test_get_py_obj_dtype():
    cases = [(1, "Int64"), (1.0, "Float64"), (True, "Bool"), (None, "None"), ("a", "String"), ((1,), "Tuple"),
             ([1], "List"), (1j, "Complex128"), (ms.int32, "TypeType"),
             (ms.Tensor(np.ones(2, np.float32)), "Tensor[Float32]")]
    for obj, want in cases:
        assert str(ms.get_py_obj_dtype(obj)) == want, obj
    with pytest.raises(NotImplementedError):
        ms.get_py_obj_dtype({})


def test_quant_dtype():
    assert str(ms.QuantDtype.INT8) == "INT8" and ms.QuantDtype.INT8.value() == 7
    assert ms.QuantDtype.UINT16.value() == 115 and len(list(ms.QuantDtype)) == 32

"""Reference §4: comparisons, bool/float/int/len/index conversions, all/any, asnumpy, item, tolist."""
import numpy as np
import pytest

import easy_mindspore as ems
import mindspore as ms
from easy_mindspore import Tensor
from helpers import check

x = ems.arange(4.0)


def test_comparisons_give_bool_tensors():
    check(x < 2, [True, True, False, False], "Bool")
    check(x <= 2, [True, True, True, False], "Bool")
    check(x > 2, [False, False, False, True], "Bool")
    check(x >= 2, [False, False, True, True], "Bool")
    check(x == 2, [False, False, True, False], "Bool")
    check(x != 2, [True, True, False, True], "Bool")
    check(2 > x, [True, True, False, False], "Bool")  # reflected
    check(1.5 <= x, [False, False, True, True], "Bool")
    check(Tensor([1, 2, 3], ms.int32) == Tensor([1.0, 2.5, 3.0]), [True, False, True], "Bool")
    check(x.reshape(4, 1) < x, np.arange(4).reshape(4, 1) < np.arange(4), "Bool")


def test_comparison_with_none_or_string_is_a_python_bool():
    assert (x == None) is False  # noqa: E711 - the operator is what is tested
    assert (x != None) is True  # noqa: E711
    assert (x == "a") is False
    assert (x != "a") is True


@pytest.mark.parametrize("t, value", [
    (Tensor(1.0), True), (Tensor(0.0), False), (Tensor([1.0]), True), (Tensor([[5]]), True),
    (Tensor([[0]]), False), (Tensor(True), True), (Tensor(-0.5), True),
])
def test_bool_of_one_element(t, value):
    assert bool(t) is value


@pytest.mark.parametrize("t, n", [(Tensor([1.0, 2.0]), 2), (ems.zeros((0,)), 0), (ems.zeros((2, 3)), 6)])
def test_bool_of_other_sizes_is_ambiguous(t, n):
    msg = f"The tensor should have only one element, but got {n}, more than one element is ambiguous."
    with pytest.raises(ValueError) as e:
        bool(t)
    assert str(e.value) == msg
    assert isinstance(e.value, ems.Error)


def test_control_flow_on_zero_d_tensors():
    b = Tensor(3.0)
    n = 0
    while ems.norm(b) < 1000:
        b = b * 2
        n += 1
    assert n == 9
    assert "positive" == ("positive" if b.sum() > 0 else "negative")


def test_float_and_int():
    assert float(Tensor(2.5)) == 2.5 and isinstance(float(Tensor(2.5)), float)
    assert int(Tensor(2.5)) == 2
    assert int(Tensor(-2.5)) == -2
    assert float(Tensor([3])) == 3.0
    assert int(Tensor([[7]], ms.int32)) == 7
    assert float(Tensor(True)) == 1.0


@pytest.mark.parametrize("conv", [float, int])
def test_float_int_of_many_elements(conv):
    with pytest.raises(ValueError, match="^Only one element tensors can be converted to Python scalars$") as e:
        conv(x)
    assert isinstance(e.value, ems.Error)


def test_len():
    assert len(x) == 4
    assert len(ems.zeros((3, 5))) == 3
    with pytest.raises(TypeError, match="^Not support len of a 0-D tensor$") as e:
        len(Tensor(1.0))
    assert isinstance(e.value, ems.Error)


def test_index_protocol():
    items = [10, 20, 30]
    assert items[Tensor(1)] == 20
    assert items[Tensor([2], ms.int32)] == 30
    assert list(range(10))[Tensor(2):Tensor(4)] == [2, 3]
    with pytest.raises(ValueError, match="^Only integer tensors of a single element can be converted to an index.$"):
        items[Tensor(1.0)]
    with pytest.raises(ValueError, match="single element"):
        items[Tensor([0, 1])]


def test_all_any_are_zero_d_bool():
    check(x.all(), False, "Bool")
    check(x.any(), True, "Bool")
    check((x > -1).all(), True, "Bool")
    check(ems.zeros(3).any(), False, "Bool")
    assert x.all().shape == ()


def test_asnumpy_dtypes():
    assert repr(x.asnumpy()) == "array([0., 1., 2., 3.], dtype=float32)"
    assert repr(Tensor(28.0).asnumpy()) == "array(28., dtype=float32)"
    assert x.asnumpy().flags.writeable
    assert ems.arange(3).asnumpy().dtype == np.int32
    assert Tensor([True]).asnumpy().dtype == np.bool_


def test_item():
    assert Tensor(2.5).item() == 2.5 and isinstance(Tensor(2.5).item(), float)
    assert Tensor([3]).item() == 3 and isinstance(Tensor([3]).item(), int)
    assert Tensor(True).item() is True
    assert Tensor([[1.5]]).item() == 1.5
    with pytest.raises(ValueError, match="Only one element tensors"):
        x.item()
    with pytest.raises(TypeError):
        x.item(1)


def test_tolist():
    assert ems.arange(6).reshape(2, 3).tolist() == [[0, 1, 2], [3, 4, 5]]
    assert x.tolist() == [0.0, 1.0, 2.0, 3.0]
    assert Tensor(2.5).tolist() == 2.5
    assert Tensor([True, False]).tolist() == [True, False]
    assert ems.zeros((2, 0)).tolist() == [[], []]


def test_no_grad_attribute():
    assert not hasattr(x, "grad")
    assert not hasattr(Tensor(1.0), "grad")


def test_shape_size_ndim():
    m = ems.ones((2, 3))
    assert m.shape == (2, 3) and m.size == 6 and m.ndim == 2 and len(m) == 2
    assert Tensor(1.0).shape == () and Tensor(1.0).size == 1
    assert m.shape[0] == 2

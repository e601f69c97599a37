"""Reference §2: Tensor repr (MindSpore's stringifier), str (numpy's), type and dtype display."""
import numpy as np
import pytest

import easy_mindspore as ems
import mindspore as ms
from easy_mindspore import Tensor

F32 = ems.float32


@pytest.mark.parametrize("value, shown", [
    (28.0, "28"), (1.5, "1.5"), (0.1, "0.1"), (1 / 3, "0.333333"), (-2.5, "-2.5"), (-0.0, "-0"),
    (1e-8, "1e-08"), (1e8, "1e+08"), (123456.0, "123456"), (1234567.0, "1.23457e+06"),
    (0.0001, "0.0001"), (1e-5, "1e-05"), (1e6, "1e+06"), (333333.0, "333333"),
    (1806.39, "1806.39"), (float("nan"), "nan"), (float("inf"), "inf"), (float("-inf"), "-inf"),
])
def test_scalar_float32_is_percent_g(value, shown):
    assert repr(Tensor(value)) == f"Tensor(shape=[], dtype=Float32, value= {shown})"


def test_scalar_float64_and_special_values():
    assert repr(Tensor(np.float64(1 / 3))) == "Tensor(shape=[], dtype=Float64, value= 0.333333)"
    assert repr(Tensor(1e100, ems.float64)) == "Tensor(shape=[], dtype=Float64, value= 1e+100)"
    assert repr(Tensor(999999.5, ems.float64)) == "Tensor(shape=[], dtype=Float64, value= 1e+06)"
    # sqrt(-1) has its sign bit set: MindSpore prints -nan.
    assert repr(Tensor(-1.0).sqrt()) == "Tensor(shape=[], dtype=Float32, value= -nan)"


def test_scalar_ints_and_bools():
    assert repr(Tensor(5)) == "Tensor(shape=[], dtype=Int64, value= 5)"
    assert repr(Tensor(-7, ems.int32)) == "Tensor(shape=[], dtype=Int32, value= -7)"
    assert repr(Tensor(True)) == "Tensor(shape=[], dtype=Bool, value= True)"
    assert repr(Tensor(False)) == "Tensor(shape=[], dtype=Bool, value= False)"


def test_one_d_float_is_scientific_width_15():
    assert repr(ems.arange(4.0)) == (
        "Tensor(shape=[4], dtype=Float32, value= [ 0.00000000e+00,  1.00000000e+00,  2.00000000e+00,  3.00000000e+00])")
    assert repr(Tensor([-1.5, 1e-8, -0.0])) == (
        "Tensor(shape=[3], dtype=Float32, value= [-1.50000000e+00,  9.99999994e-09, -0.00000000e+00])")
    # Wider exponents are not truncated (no leading space left).
    assert repr(Tensor(np.array([1e100, -1e-100]))) == (
        "Tensor(shape=[2], dtype=Float64, value= [1.00000000e+100, -1.00000000e-100])")


def test_one_d_nan_inf_right_aligned():
    t = Tensor([float("nan"), float("inf"), float("-inf")])
    assert repr(t) == "Tensor(shape=[3], dtype=Float32, value= [            nan,             inf,            -inf])"


def test_ints_padded_to_widest_printed_element():
    assert repr(Tensor([-1, 20, 300], ems.int32)) == "Tensor(shape=[3], dtype=Int32, value= [ -1,  20, 300])"
    assert repr(Tensor([1000000000000, -5])) == (
        "Tensor(shape=[2], dtype=Int64, value= [1000000000000,            -5])")
    assert repr(ems.arange(1001)) == (
        "Tensor(shape=[1001], dtype=Int32, value= [   0,    1,    2 ...  998,  999, 1000])")


def test_bools_width_5():
    assert repr(Tensor([True, False, True])) == "Tensor(shape=[3], dtype=Bool, value= [ True, False,  True])"


def test_empty_tensors():
    assert repr(ems.zeros((0,))) == "Tensor(shape=[0], dtype=Float32, value= )"
    assert repr(ems.zeros((2, 0))) == "Tensor(shape=[2, 0], dtype=Float32, value=\n)"


def test_two_d_rows_on_new_lines():
    assert repr(ems.arange(6).reshape(2, 3)) == "Tensor(shape=[2, 3], dtype=Int32, value=\n[[0, 1, 2],\n [3, 4, 5]])"
    assert repr(ems.arange(6.0).reshape(3, 2)) == (
        "Tensor(shape=[3, 2], dtype=Float32, value=\n"
        "[[ 0.00000000e+00,  1.00000000e+00],\n"
        " [ 2.00000000e+00,  3.00000000e+00],\n"
        " [ 4.00000000e+00,  5.00000000e+00]])")


def test_three_d_blocks():
    assert repr(ems.arange(8).reshape(2, 2, 2)) == (
        "Tensor(shape=[2, 2, 2], dtype=Int32, value=\n[[[0, 1],\n  [2, 3]],\n [[4, 5],\n  [6, 7]]])")


def test_summarised_outer_axis_has_an_ellipsis_line():
    assert repr(ems.arange(21.0).reshape(7, 3)) == (
        "Tensor(shape=[7, 3], dtype=Float32, value=\n"
        "[[ 0.00000000e+00,  1.00000000e+00,  2.00000000e+00],\n"
        " [ 3.00000000e+00,  4.00000000e+00,  5.00000000e+00],\n"
        " [ 6.00000000e+00,  7.00000000e+00,  8.00000000e+00],\n"
        " ...\n"
        " [ 1.20000000e+01,  1.30000000e+01,  1.40000000e+01],\n"
        " [ 1.50000000e+01,  1.60000000e+01,  1.70000000e+01],\n"
        " [ 1.80000000e+01,  1.90000000e+01,  2.00000000e+01]])")


def test_last_axis_summarised_above_6_in_2d_but_1000_in_1d():
    assert "..." in repr(ems.zeros((3, 8)))
    assert "..." not in repr(ems.zeros((3, 6)))
    assert "..." not in repr(ems.arange(1000))
    assert repr(ems.arange(2000.0)).endswith(
        "value= [ 0.00000000e+00,  1.00000000e+00,  2.00000000e+00 ...  1.99700000e+03,  1.99800000e+03,  1.99900000e+03])")


def test_one_d_line_feed_quirk():
    r13 = repr(ems.arange(13.0))
    assert r13.endswith(" 1.10000000e+01, \n  1.20000000e+01])")
    r12 = repr(ems.arange(12.0))
    assert r12.endswith(" 1.10000000e+01\n ])")
    assert repr(ems.arange(24)).endswith(" 23\n ])")
    assert repr(ems.ones(12, ems.bool_)).endswith(" True\n ])")
    assert "\n" not in repr(ems.arange(11.0))


def test_str_is_numpy_str():
    assert str(ems.arange(4.0)) == "[0. 1. 2. 3.]"
    assert str(Tensor(28.0)) == "28.0"
    assert f"{ems.arange(3)}" == "[0 1 2]"
    assert "%s" % Tensor([True, False]) == "[ True False]"
    assert str(ems.arange(2000.0)) == "[0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03]"


def test_type_shows_mindspores_class_names():
    # Answering `import mindspore` (MindSpore is not installed here), the printed classes are
    # MindSpore 2.10's.
    assert str(type(ems.arange(4.0))) == "<class 'mindspore.common.tensor.Tensor'>"
    assert str(type(ems.tensor([1, 2]))) == "<class 'mindspore.common.tensor.Tensor'>"
    assert str(type(ems.Parameter(ems.tensor([1.0]), name="w"))) == "<class 'abc.Parameter'>"
    assert ms.Tensor is ems.Tensor


def test_dtype_repr_and_str():
    assert repr(ms.float32) == "mindspore.float32"
    assert str(ms.float32) == "Float32"
    assert repr(ms.bool_) == "mindspore.bool"
    assert str(ms.int32) == "Int32"
    assert repr(ems.arange(4.0).dtype) == "mindspore.float32"
    assert repr(Tensor([1, 2]).dtype) == "mindspore.int64"
    assert ms.float32 == ems.float32
    assert ms.float32 != np.float32
    assert ems.float32 != ems.float64


def test_tuple_of_tensors_repr():
    t = (ems.arange(2.0), Tensor(3))
    assert repr(t) == (
        "(Tensor(shape=[2], dtype=Float32, value= [ 0.00000000e+00,  1.00000000e+00]), "
        "Tensor(shape=[], dtype=Int64, value= 3))")


def test_str_of_float16_is_mindspores_whatever_numpy_is_installed():
    # Printed by MindSpore 2.10 (NumPy 1.26); NumPy 2 alone would print [1.024e+03 2.048e+03].
    f16 = np.float16
    assert str(ms.Tensor(np.array([1024, 2048], f16))) == "[1024. 2048.]"
    assert str(ms.Tensor(np.array([999, 1000], f16))) == "[ 999. 1000.]"
    assert str(ms.Tensor(np.array([[1024, 2048], [0.5, 3]], f16))) == (
        "[[1.024e+03 2.048e+03]\n [5.000e-01 3.000e+00]]")
    assert str(ms.Tensor(np.array(1024, f16))) == "1024.0"
    assert str(ms.Tensor(np.arange(2000).astype(f16))) == (
        "[0.000e+00 1.000e+00 2.000e+00 ... 1.997e+03 1.998e+03 1.999e+03]")

"""Primitive attributes, reprs and integer activations as MindSpore 2.10 (CPU) has them: AvgPool
and MaxPool's argument forms, Argmax's output_type, MaxPoolWithArgmax's indices, integer inputs
of SeLU/HSwish/HSigmoid, and str()/repr() of the primitive classes. Every expected value is a
literal recorded from MindSpore 2.10 unless a comment says why ours differs."""
import numpy as np
import pytest

import mindspore as ms
from mindspore import nn, ops
from mindspore.ops import operations as P


def _attrs(p, names=("kernel_size", "strides", "pad_mode", "data_format")):
    return tuple(getattr(p, n) for n in names)


# ---- 1. AvgPool / MaxPool ----------------------------------------------------------------------

@pytest.mark.parametrize("kwargs, expected", [
    # MindSpore 2.10: (kernel_size, strides, pad_mode, data_format) as the instance keeps them
    ({}, ((1, 1), (1, 1), 2, 0)),
    ({"kernel_size": 2}, ((2, 2), (1, 1), 2, 0)),
    ({"kernel_size": (2, 3)}, ((2, 3), (1, 1), 2, 0)),
    ({"kernel_size": (1, 1, 2, 3)}, ((2, 3), (1, 1), 2, 0)),
    ({"strides": (1, 1, 2, 1)}, ((1, 1), (2, 1), 2, 0)),
    ({"pad_mode": "same"}, ((1, 1), (1, 1), 1, 0)),
    ({"pad_mode": "SAME"}, ((1, 1), (1, 1), 1, 0)),
    ({"pad_mode": "Valid"}, ((1, 1), (1, 1), 2, 0)),
    ({"pad_mode": "pad"}, ((1, 1), (1, 1), 0, 0)),
    ({"pad_mode": "full"}, ((1, 1), (1, 1), 3, 0)),
    ({"data_format": "NHWC"}, ((1, 1), (1, 1), 2, 1)),
    ({"data_format": "nchw"}, ((1, 1), (1, 1), 2, 0)),
    ({"data_format": "NCDHW"}, ((1, 1), (1, 1), 2, 14)),
    ({"kernel_size": (1, 2, 3)}, ((1, 2, 3), (1, 1), 2, 0)),
    ({"kernel_size": [2, 2]}, ([2, 2], (1, 1), 2, 0)),
])
def test_avgpool_attributes_as_mindspore_keeps_them(kwargs, expected):
    assert _attrs(P.AvgPool(**kwargs)) == expected


def test_avgpool_str_and_attrs():
    # MindSpore 2.10
    p = P.AvgPool(2, 2)
    assert str(p) == repr(p) == "Prim[AvgPool]<kernel_size=(2, 2), strides=(2, 2), pad_mode=2, data_format=0>"
    assert p.attrs == {"kernel_size": (2, 2), "strides": (2, 2), "pad_mode": 2, "data_format": 0}


def test_avgpool_constructor_errors():
    # MindSpore 2.10: TypeError/ValueError with these messages
    with pytest.raises(TypeError, match=r"For 'AvgPool', the input 'pad_mode' should be a str, but got <class 'int'>\."):
        P.AvgPool(pad_mode=1)
    with pytest.raises(ValueError, match=r"For 'AvgPool', the value of 'kernel_size' is invalid: '2\.0'\."):
        P.AvgPool(kernel_size=2.0)
    with pytest.raises(ValueError, match=r"Failed to convert the value \"xyz\" of input 'data_format' of 'AvgPool' to enum"):
        P.AvgPool(data_format="xyz")
    with pytest.raises(ValueError, match="'pad_mode' of 'AvgPool'"):
        P.AvgPool(pad_mode="circular")


X5 = ms.Tensor(np.arange(2 * 3 * 5 * 5, dtype=np.float32).reshape(2, 3, 5, 5))


@pytest.mark.parametrize("kwargs, error", [
    # MindSpore 2.10 checks these when the primitive is called
    ({"kernel_size": 0}, RuntimeError), ({"kernel_size": -1}, RuntimeError),
    ({"strides": 0}, RuntimeError), ({"kernel_size": (0, 2)}, RuntimeError),
    ({"kernel_size": (2,)}, ValueError), ({"strides": (1, 1, 1)}, ValueError),
    ({"kernel_size": True}, TypeError), ({"kernel_size": [2, 2]}, TypeError),
    ({"kernel_size": (2.0, 2.0)}, TypeError), ({"pad_mode": "pad"}, RuntimeError),
    ({"pad_mode": "full"}, RuntimeError), ({"data_format": "NHWC"}, RuntimeError),
    ({"data_format": "NCDHW"}, RuntimeError), ({"kernel_size": 6}, RuntimeError),
])
def test_avgpool_call_errors(kwargs, error):
    with pytest.raises(error):
        P.AvgPool(**kwargs)(X5)


def test_avgpool_input_errors():
    # MindSpore 2.10: an integer input is a TypeError, a 3-D one a ValueError
    with pytest.raises(TypeError):
        P.AvgPool(2, 2)(ms.Tensor(np.ones((1, 1, 4, 4), np.int32)))
    with pytest.raises(ValueError):
        P.AvgPool(2, 2)(ms.Tensor(np.ones((1, 4, 4), np.float32)))


def test_avgpool_values():
    # MindSpore 2.10
    out = P.AvgPool(kernel_size=(1, 1, 2, 2), strides=(2, 2, 2, 2))(X5)
    assert out.shape == (2, 3, 2, 2)
    assert out.asnumpy().ravel()[:12].tolist() == [3.0, 5.0, 13.0, 15.0, 28.0, 30.0, 38.0, 40.0,
                                                   53.0, 55.0, 63.0, 65.0]
    x = ms.Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
    assert P.AvgPool(3, 1, "same")(x).asnumpy().tolist() == [[[
        [2.5, 3.0, 4.0, 4.5], [4.5, 5.0, 6.0, 6.5], [8.5, 9.0, 10.0, 10.5], [10.5, 11.0, 12.0, 12.5]]]]
    x = ms.Tensor(np.arange(25, dtype=np.float32).reshape(1, 1, 5, 5))
    assert P.AvgPool(2, 2, "SAME")(x).asnumpy().tolist() == [[[
        [3.0, 5.0, 6.5], [13.0, 15.0, 16.5], [20.5, 22.5, 24.0]]]]
    assert P.AvgPool(2, 2)(ms.Tensor(np.ones((1, 1, 4, 4), np.float16))).dtype == ms.float16
    assert P.AvgPool(2, 2)(ms.Tensor(np.ones((1, 1, 4, 4), np.float64))).dtype == ms.float64


@pytest.mark.parametrize("kwargs, error, message", [
    # MindSpore 2.10: MaxPool checks its arguments when it is built
    ({"kernel_size": (1, 1, 2, 3)}, ValueError,
     "For 'MaxPool' attr 'kernel_size' must be an positive int number or a tuple of two positive int numbers, but got (1, 1, 2, 3)"),
    ({"strides": 0}, ValueError,
     "For 'MaxPool' attr 'strides' must be an positive int number or a tuple of two positive int numbers, but got 0"),
    ({"pad_mode": "pad"}, ValueError,
     "For 'MaxPool', the 'pad_mode' must be str and must be in '['VALID', 'SAME']', but got 'PAD'."),
    ({"pad_mode": 1}, TypeError, "For 'MaxPool', the type of 'pad_mode' should be 'str', but got type 'int'."),
    ({"data_format": "NHWC"}, ValueError,
     "For 'MaxPool', the 'NHWC' format is only supported in GPU target, but got the 'data_format' is NHWC and the platform is CPU."),
    ({"data_format": "nchw"}, ValueError,
     "For 'MaxPool', the 'format' must be str and must be in '['NCHW', 'NHWC']', but got 'nchw'."),
    ({"kernel_size": 2.0}, TypeError,
     "For 'MaxPool', the type of 'kernel_size' should be one of '['int', 'tuple']', but got type 'float'."),
    ({"kernel_size": True}, TypeError,
     "For 'MaxPool', the type of 'kernel_size' should be one of '['int', 'tuple']', but got type 'bool'."),
    ({"strides": [1, 2]}, TypeError,
     "For 'MaxPool', the type of 'strides' should be one of '['int', 'tuple']', but got type 'list'."),
])
def test_maxpool_constructor_errors(kwargs, error, message):
    with pytest.raises(error) as info:
        P.MaxPool(**kwargs)
    assert str(info.value) == message


def test_maxpool_attributes_and_values():
    # MindSpore 2.10
    p = P.MaxPool(kernel_size=(2, 3), strides=(1, 2), pad_mode="same")
    assert _attrs(p) + (p.format,) == ((1, 1, 2, 3), (1, 1, 1, 2), "SAME", "NCHW", "NCHW")
    assert p.attrs == {"kernel_size": (1, 1, 2, 3), "strides": (1, 1, 1, 2), "pad_mode": "SAME",
                       "data_format": "NCHW", "input_names": ["x"], "output_names": ["output"]}
    assert str(p) == "Prim[MaxPool]<kernel_size=(1, 1, 2, 3), strides=(1, 1, 1, 2), pad_mode=SAME, data_format=NCHW>"
    out = P.MaxPool(3, 2, "same")(X5)
    assert out.asnumpy().ravel()[:9].tolist() == [6.0, 8.0, 9.0, 16.0, 18.0, 19.0, 21.0, 23.0, 24.0]
    with pytest.raises(ValueError):
        P.MaxPool(2, 2)(ms.Tensor(np.ones((1, 4, 4), np.float32)))
    with pytest.raises(TypeError):
        P.MaxPool(2, 2)(ms.Tensor(np.ones((1, 1, 4, 4), np.int32)))


# ---- 2. Argmax / Argmin / ArgMaxWithValue ------------------------------------------------------

XA = ms.Tensor(np.array([[1.0, 5.0, 3.0], [7.0, 2.0, 9.0]], np.float32))


@pytest.mark.parametrize("cls, expected", [(P.Argmax, [1, 2]), (P.Argmin, [0, 1])])
def test_argmax_output_type(cls, expected):
    # MindSpore 2.10: output_type kept as its type id (Int32 34, Int64 35)
    p = cls()
    assert (p.axis, p.output_type) == (-1, 34)
    assert str(p) == f"Prim[{cls.__name__}]<axis=-1, output_type=34>"
    assert p.attrs == {"axis": -1, "output_type": 34}
    out = p(XA)
    assert out.dtype == ms.int32 and out.asnumpy().tolist() == expected
    p = cls(axis=0, output_type=ms.int64)
    assert p.output_type == 35 and str(p) == f"Prim[{cls.__name__}]<axis=0, output_type=35>"
    assert p(XA).dtype == ms.int64
    assert cls(output_type=ms.float32).output_type == 43
    assert cls(output_type=ms.uint8).output_type == 37


@pytest.mark.parametrize("cls", [P.Argmax, P.Argmin])
def test_argmax_errors(cls):
    name = cls.__name__
    # MindSpore 2.10: a non-dtype output_type is a TypeError when built
    with pytest.raises(TypeError) as info:
        cls(output_type=np.int32)
    assert str(info.value) == f"For '{name}', the input 'output_type' should be mindspore dtype, but got <class 'numpy.int32'>."
    with pytest.raises(TypeError) as info:
        cls(output_type="int32")
    assert str(info.value) == f"For '{name}', the input 'output_type' should be mindspore dtype, but got int32."
    # MindSpore 2.10: another dtype is a ValueError when called ("dtype should be Int32 or Int64")
    for dtype in (ms.int16, ms.float32, ms.uint8, ms.bool_):
        with pytest.raises(ValueError, match="Int32 or Int64"):
            cls(output_type=dtype)(XA)
    # MindSpore 2.10: axis None, a tuple, a float or a bool is a TypeError when called
    for axis in (None, (0,), 1.0, True):
        with pytest.raises(TypeError):
            cls(axis=axis)(XA)
    with pytest.raises(TypeError):
        cls(output_type=None)(XA)
    # MindSpore 2.10: the axis must be in [-2,2) / [0,0) for a scalar
    with pytest.raises(ValueError, match=r"\[-2, ?2\), but got 5"):
        cls(axis=5)(XA)
    with pytest.raises(ValueError, match=r"\[0, ?0\), but got -1"):
        cls()(ms.Tensor(3.0))
    with pytest.raises(TypeError):  # Bool input
        cls()(ms.Tensor(np.array([True, False])))
    with pytest.raises(TypeError):  # not a Tensor
        cls()(np.array([1.0, 2.0]))


def test_argmax_integer_inputs():
    # MindSpore 2.10
    x = np.array([[1, 0, 1], [0, 1, 1]])
    for dt in (np.int8, np.int16, np.int32, np.int64, np.uint8, np.float16, np.float64):
        assert P.Argmax()(ms.Tensor(x.astype(dt))).asnumpy().tolist() == [0, 1]
        assert P.Argmin()(ms.Tensor(x.astype(dt))).asnumpy().tolist() == [1, 0]


@pytest.mark.parametrize("cls", [P.ArgMaxWithValue, P.ArgMinWithValue])
def test_arg_with_value(cls):
    # MindSpore 2.10: Int64 index (also for a scalar), TypeError for axis None/float and Bool input
    index, value = cls()(ms.Tensor(3.0))
    assert index.dtype == ms.int64 and index.shape == () and float(value.asnumpy()) == 3.0
    index, value = cls(axis=1)(XA)
    assert index.dtype == ms.int64
    assert index.asnumpy().tolist() == ([1, 2] if cls is P.ArgMaxWithValue else [0, 1])
    for axis in (None, 1.0, (0,)):
        with pytest.raises(TypeError):
            cls(axis=axis)(XA)
    with pytest.raises(ValueError):
        cls(axis=5)(XA)[0].asnumpy()
    with pytest.raises(TypeError):
        cls()(ms.Tensor(np.array([True, False])))[0].asnumpy()
    assert str(cls(axis=-1, keep_dims=True)) == f"Prim[{cls.__name__}]<axis=-1, keep_dims=True>"


# ---- 3. MaxPoolWithArgmax / MaxPoolWithArgmaxV2 ------------------------------------------------

XP = ms.Tensor(np.random.RandomState(0).permutation(2 * 3 * 5 * 5).astype(np.float32).reshape(2, 3, 5, 5))


def test_maxpool_with_argmax_indices_are_over_c_h_w():
    # MindSpore 2.10 (CPU): the index of a maximum counts over its sample's C·H·W block
    out, idx = P.MaxPoolWithArgmax(kernel_size=2, strides=2)(XP)
    assert out.dtype == ms.float32 and idx.dtype == ms.int32 and idx.shape == (2, 3, 2, 2)
    assert out.asnumpy().ravel().tolist()[:8] == [114.0, 107.0, 134.0, 90.0, 137.0, 127.0, 112.0, 141.0]
    assert idx.asnumpy().ravel().tolist() == [0, 3, 10, 17, 30, 33, 40, 42, 51, 57, 66, 67,
                                              1, 8, 11, 17, 25, 28, 41, 37, 56, 52, 61, 62]
    _, idx = P.MaxPoolWithArgmax(kernel_size=(2, 3), strides=(1, 2), pad_mode="valid")(XP)
    assert idx.asnumpy().ravel().tolist() == [
        0, 3, 10, 7, 10, 17, 20, 24, 30, 34, 30, 34, 42, 42, 47, 47, 57, 59, 57, 59, 67, 67, 67, 67,
        1, 9, 11, 9, 17, 17, 17, 17, 27, 28, 37, 39, 41, 44, 41, 44, 56, 52, 56, 62, 62, 62, 71, 73]
    _, idx = P.MaxPoolWithArgmax(kernel_size=3, strides=1, pad_mode="SAME")(XP)
    assert idx.asnumpy()[0, 1].ravel().tolist() == [
        30, 30, 33, 34, 34, 30, 30, 33, 34, 34, 30, 42, 42, 42, 34, 46, 47, 47, 47, 48, 46, 47, 47, 47, 48]
    assert idx.asnumpy()[1, 2].ravel().tolist() == [
        56, 56, 56, 52, 53, 56, 56, 56, 62, 53, 56, 56, 56, 62, 58, 61, 62, 62, 62, 73, 71, 71, 73, 73, 73]
    # ties: the first position
    _, idx = P.MaxPoolWithArgmax(2, 2)(ms.Tensor(np.ones((1, 2, 4, 4), np.float32)))
    assert idx.asnumpy().ravel().tolist() == [0, 2, 8, 10, 16, 18, 24, 26]


def test_maxpool_with_argmax_same_stride_two():
    # 'same' with stride 2 pads as TensorFlow and MaxPool do (one row and column before on 5x5).
    # MindSpore 2.10's CPU kernel of MaxPoolWithArgmax pads (k - s) // 2 = 0 before here, giving
    # values 134, 107, 71, ... and indices 10, 3, 9, ... - windows other than its own MaxPool's.
    out, idx = P.MaxPoolWithArgmax(kernel_size=3, strides=2, pad_mode="same")(XP)
    ref = P.MaxPool(3, 2, "same")(XP)
    assert np.array_equal(out.asnumpy(), ref.asnumpy())
    assert out.asnumpy()[0, 0].ravel().tolist() == [114.0, 107.0, 107.0, 134.0, 90.0, 76.0, 121.0, 90.0, 126.0]
    assert idx.asnumpy()[0, 0].ravel().tolist() == [0, 3, 3, 10, 17, 8, 20, 17, 24]
    assert idx.asnumpy()[0, 1].ravel().tolist() == [30, 33, 34, 30, 42, 34, 46, 47, 48]


def test_maxpool_with_argmax_attributes_and_errors():
    # MindSpore 2.10
    p = P.MaxPoolWithArgmax(kernel_size=(2, 3), strides=2, pad_mode="same")
    assert (p.kernel_size, p.strides, p.pad_mode, p.data_format, p.format) == \
        ((1, 2, 3, 1), (1, 2, 2, 1), "SAME", "NCHW", "NCHW")
    assert p.attrs == {"input_names": ["x"], "output_names": ["output", "mask"], "pad_mode": "SAME",
                       "kernel_size": (1, 2, 3, 1), "strides": (1, 2, 2, 1)}
    assert str(P.MaxPoolWithArgmax()) == \
        "Prim[MaxPoolWithArgmax]<pad_mode=VALID, kernel_size=(1, 1, 1, 1), strides=(1, 1, 1, 1)>"
    with pytest.raises(ValueError, match="must be an positive int number or a tuple of two"):
        P.MaxPoolWithArgmax(kernel_size=(1, 2, 2, 1))
    with pytest.raises(ValueError, match="'pad_mode' must be str and must be in"):
        P.MaxPoolWithArgmax(pad_mode="pad")
    with pytest.raises(TypeError, match="should be one of '\\['int', 'tuple'\\]', but got type 'list'"):
        P.MaxPoolWithArgmax(kernel_size=[2, 2])
    with pytest.raises(ValueError, match="only supported in GPU target"):
        P.MaxPoolWithArgmax(data_format="NHWC")
    with pytest.raises(TypeError):
        P.MaxPoolWithArgmax(argmax_type=ms.int64)
    for dt in (np.float16, np.float64):
        out, idx = P.MaxPoolWithArgmax(2, 2)(ms.Tensor(np.arange(16).reshape(1, 1, 4, 4).astype(dt)))
        assert idx.dtype == ms.int32 and idx.asnumpy().ravel().tolist() == [5, 7, 13, 15]
    for dt in (np.int8, np.int32, np.int64, np.uint8, np.bool_):  # the CPU kernel: floats only
        with pytest.raises(TypeError):
            P.MaxPoolWithArgmax(2, 2)(ms.Tensor(np.ones((1, 1, 4, 4), dt)))
    with pytest.raises(ValueError):
        P.MaxPoolWithArgmax(2, 2)(ms.Tensor(np.ones((1, 4, 4), np.float32)))
    out, idx = P.MaxPoolWithArgmax(5, 1)(ms.Tensor(np.ones((1, 1, 4, 4), np.float32)))
    assert out.shape == idx.shape == (1, 1, 0, 0) and idx.dtype == ms.int32


def test_maxpool_with_argmax_v2():
    # MindSpore 2.10: indices over each channel's H·W plane, Int64 by default
    p = P.MaxPoolWithArgmaxV2(kernel_size=2, strides=2)
    assert str(p) == ("Prim[MaxPoolWithArgmaxV2]<kernel_size=(1, 1, 2, 2), strides=(1, 1, 2, 2), "
                      "pads=(1, 1, 0, 0), dilation=(1, 1, 1, 1), ceil_mode=False, argmax_type=4>")
    assert p.attrs["output_names"] == ["output", "argmax"]
    out, idx = p(XP)
    assert idx.dtype == ms.int64
    assert idx.asnumpy().ravel().tolist() == [0, 3, 10, 17, 5, 8, 15, 17, 1, 7, 16, 17,
                                              1, 8, 11, 17, 0, 3, 16, 12, 6, 2, 11, 12]
    q = P.MaxPoolWithArgmaxV2(kernel_size=3, strides=2, dilation=2)
    out, idx = q(XP)
    assert out.asnumpy().ravel().tolist() == [134.0, 144.0, 123.0, 139.0, 130.0, 142.0]
    assert idx.asnumpy().ravel().tolist() == [10, 22, 4, 20, 24, 12]
    q = P.MaxPoolWithArgmaxV2(kernel_size=(2, 3), strides=(1, 2), argmax_type=ms.int32)
    assert q.argmax_type == 3 and q(XP)[1].dtype == ms.int32
    assert str(P.MaxPoolWithArgmaxV2(2, pads=(1, 2))).count("pads=(1, 1, 1, 2)") == 1
    # integer inputs run (values exact), Bool does not
    xi = ms.Tensor(np.arange(16).reshape(1, 1, 4, 4).astype(np.int64) * (2 ** 40) + 1)
    out, idx = P.MaxPoolWithArgmaxV2(2, 2)(xi)
    assert out.dtype == ms.int64 and idx.asnumpy().ravel().tolist() == [5, 7, 13, 15]
    assert out.asnumpy().ravel().tolist() == [5 * 2 ** 40 + 1, 7 * 2 ** 40 + 1, 13 * 2 ** 40 + 1, 15 * 2 ** 40 + 1]
    for dt, dtype in ((np.int8, ms.int8), (np.int16, ms.int16), (np.int32, ms.int32), (np.uint8, ms.uint8)):
        assert P.MaxPoolWithArgmaxV2(2, 2)(ms.Tensor(np.ones((1, 1, 4, 4), dt)))[0].dtype == dtype
    with pytest.raises(TypeError):
        P.MaxPoolWithArgmaxV2(2, 2)(ms.Tensor(np.ones((1, 1, 4, 4), np.bool_)))
    with pytest.raises(ValueError, match="no more than half"):
        P.MaxPoolWithArgmaxV2(2, 2, pads=2)(ms.Tensor(np.ones((1, 1, 4, 4), np.float32)))
    with pytest.raises(TypeError) as info:
        P.MaxPoolWithArgmaxV2(2, argmax_type=ms.float32)
    assert str(info.value) == ("For 'MaxPoolWithArgmaxV2', the 'argmax_type' should be one of "
                               "[mindspore.int32, mindspore.int64], but got 'mindspore.float32'.")
    with pytest.raises(TypeError, match="should be 'bool', but got type 'int'"):
        P.MaxPoolWithArgmaxV2(2, ceil_mode=1)
    with pytest.raises(ValueError, match="attr 'pads' must be"):
        P.MaxPoolWithArgmaxV2(2, pads=-1)
    with pytest.raises(ValueError, match="attr 'strides' must be"):
        P.MaxPoolWithArgmaxV2(2, strides=(1, 1, 2, 2))


# ---- 4. integer inputs of SeLU / HSwish / HSigmoid ---------------------------------------------

VALS = [-7, -4, -3, -2, -1, 0, 1, 2, 3, 4, 7, 100]


def _selu(x):
    return [nn.SeLU()(x), ops.selu(x), P.SeLU()(x)]


def _hswish(x):
    return [nn.HSwish()(x), ops.hardswish(x), P.HSwish()(x)]


def _hsigmoid(x):
    return [nn.HSigmoid()(x), ops.hardsigmoid(x), P.HSigmoid()(x)]


@pytest.mark.parametrize("dt", [np.int8, np.int16, np.int32, np.int64])
def test_hswish_hsigmoid_integer_inputs_keep_dtype(dt):
    x = ms.Tensor(np.array(VALS, dt))
    for out in _hswish(x):
        # MindSpore 2.10: the dtype kept, the values truncated toward zero
        assert out.dtype == x.dtype
        assert out.asnumpy().tolist() == [0, 0, 0, 0, 0, 0, 0, 1, 3, 4, 7, 100]
    for out in _hsigmoid(x):
        assert out.dtype == x.dtype
        assert out.asnumpy().tolist() == [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1]


def test_hswish_integer_extremes():
    # MindSpore 2.10: hardswish(2**62) = 2**62 and hardswish(2**53 + 1) = 2**53 + 1 (exact)
    out = ops.hardswish(ms.Tensor(np.array([2 ** 62, -2 ** 62, 2 ** 53 + 1], np.int64)))
    assert out.asnumpy().tolist() == [2 ** 62, 0, 2 ** 53 + 1]
    # MindSpore 2.10 gives [0, 0, 1000000000] here: its Int32 kernel overflows at 2**31 - 1; the
    # truncated value of hardswish(2**31 - 1) is 2**31 - 1.
    out = ops.hardswish(ms.Tensor(np.array([2 ** 31 - 1, -2 ** 31, 10 ** 9], np.int32)))
    assert out.asnumpy().tolist() == [2 ** 31 - 1, 0, 10 ** 9]
    # MindSpore 2.10: [1 0 1] for Int8 [127, -128, 120]
    assert ops.hardsigmoid(ms.Tensor(np.array([127, -128, 120], np.int8))).asnumpy().tolist() == [1, 0, 1]


@pytest.mark.parametrize("dt", [np.int8, np.int32])
def test_selu_integer_inputs(dt):
    x = ms.Tensor(np.array(VALS, dt))
    for out in _selu(x):
        assert out.dtype == x.dtype  # MindSpore 2.10: Int8 and Int32 kept
        # trunc(selu(x)). MindSpore 2.10 gives [0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 7, 100]: its integer
        # kernel drops the scale and alpha (selu(100) = 105.07, selu(-1) = -1.11), a wrong number
        # we do not reproduce. The values from 0 to 7 agree.
        assert out.asnumpy().tolist() == [-1, -1, -1, -1, -1, 0, 1, 2, 3, 4, 7, 105]
    # saturated at the dtype's bound; MindSpore 2.10 also gives 127 and 2147483647 here
    assert ops.selu(ms.Tensor(np.array([127], np.int8))).asnumpy().tolist() == [127]
    assert ops.selu(ms.Tensor(np.array([2 ** 31 - 1], np.int32))).asnumpy().tolist() == [2 ** 31 - 1]


@pytest.mark.parametrize("dt", [np.int16, np.int64, np.uint8, np.bool_])
def test_selu_other_integer_dtypes_are_type_errors(dt):
    # MindSpore 2.10: TypeError (SeLU takes Float16/32/64, Int8 and Int32)
    x = ms.Tensor(np.array([1, 0, 1]).astype(dt))
    for fn in (nn.SeLU(), ops.selu, P.SeLU()):
        with pytest.raises(TypeError, match="SeLU"):
            fn(x)


@pytest.mark.parametrize("dt", [np.uint8, np.bool_])
def test_hswish_hsigmoid_unsigned_and_bool_are_type_errors(dt):
    # MindSpore 2.10: TypeError
    x = ms.Tensor(np.array([1, 0, 1]).astype(dt))
    for fn in (nn.HSwish(), ops.hardswish, P.HSwish(), nn.HSigmoid(), ops.hardsigmoid, P.HSigmoid()):
        with pytest.raises(TypeError):
            fn(x).asnumpy()


def test_hswish_float_zero_below_minus_three_is_positive():
    # MindSpore 2.10 prints [ 0.  0.  -0.33333334  0.  1.6666666 ] (no -0.)
    out = ops.hardswish(ms.Tensor(np.array([-4.0, -3.0, -1.0, 0.0, 2.0], np.float32)))
    assert not np.signbit(out.asnumpy()[:2]).any()
    assert out.asnumpy().tolist() == pytest.approx([0.0, 0.0, -0.33333334, 0.0, 1.6666666])


# ---- 5. str()/repr() of the primitive classes ----------------------------------------------------

@pytest.mark.parametrize("make, expected", [
    # MindSpore 2.10's str() (repr() is the same)
    (lambda: P.Adam(), "Prim[Adam]<use_locking=False, use_nesterov=False, side_effect_mem=True>"),
    (lambda: P.Assign(), "Prim[Assign]<side_effect_mem=True>"),
    (lambda: P.ScatterNdAdd(), "Prim[ScatterNdAdd]<use_locking=False, side_effect_mem=True>"),
    (lambda: P.ScatterUpdate(), "Prim[ScatterUpdate]<use_locking=True, side_effect_mem=True>"),
    (lambda: P.ScatterNdUpdate(), "Prim[ScatterNdUpdate]<use_locking=True, side_effect_mem=True>"),
    (lambda: P.ApplyMomentum(), "Prim[ApplyMomentum]<use_nesterov=False, use_locking=False, gradient_scale=1.0, side_effect_mem=True>"),
    (lambda: P.StandardNormal(), "Prim[StandardNormal]<seed=0, seed2=0, side_effect_hidden=True>"),
    (lambda: P.Dropout(0.3, 1, 2), "Prim[Dropout]<keep_prob=0.3, Seed0=1, Seed1=2, side_effect_hidden=True>"),
    (lambda: P.TruncatedNormal(), "Prim[TruncatedNormal]<dtype=Float32, seed=0, seed2=0, max_length=1000000, side_effect_hidden=True>"),
    (lambda: P.Multinomial(), "Prim[Multinomial]<seed=0, seed2=0, dtype=Int32, side_effect_hidden=True>"),
    (lambda: P.Print(), "Prim[Print]<side_effect_io=True>"),
    (lambda: P.Depend(), "Prim[Depend]<side_effect_propagate=1>"),
    (lambda: P.LowerBound(), "Prim[LowerBound]<out_type=Int32>"),
    (lambda: P.LogSpace(), "Prim[LogSpace]<steps=10, base=10, dtype=Float32>"),
    (lambda: P.BartlettWindow(), "Prim[BartlettWindow]<periodic=True, dtype=Float32, max_length=1000000>"),
    (lambda: P.HammingWindow(), "Prim[HammingWindow]<periodic=True, alpha=0.54, beta=0.46, dtype=0>"),
    (lambda: P.SearchSorted(), "Prim[SearchSorted]<dtype=35, right=False>"),
    (lambda: P.RandpermV2(), "Prim[RandpermV2]<seed=0, offset=0, dtype=35>"),
    (lambda: P.BCEWithLogitsLoss(), "Prim[BCEWithLogitsLoss]<reduction=1>"),
    (lambda: P.SmoothL1Loss(2.0, "sum"), "Prim[SmoothL1Loss]<beta=2.0, reduction=0>"),
    (lambda: P.NLLLoss(), "Prim[NLLLoss]<reduction=1, ignore_index=-100>"),
    (lambda: P.BiasAdd(), "Prim[BiasAdd]<data_format=0>"),
    (lambda: P.BiasAdd("NHWC"), "Prim[BiasAdd]<data_format=1>"),
    (lambda: P.GridSampler2D(), "Prim[GridSampler2D]<interpolation_mode=0, padding_mode=0, align_corners=False>"),
    (lambda: P.Meshgrid(), "Prim[Meshgrid]<indexing=1>"),
    (lambda: P.ResizeLinear1D(), "Prim[ResizeLinear1D]<coordinate_transformation_mode=1>"),
    (lambda: P.TensorScatterElements(1, "add"), "Prim[TensorScatterElements]<axis=1, reduce=1>"),
    (lambda: P.BatchNorm(), "Prim[BatchNorm]<is_training=False, epsilon=1e-05, momentum=0.1, data_format=NCHW>"),
    (lambda: P.BatchNorm(True), "Prim[BatchNorm]<is_training=True, epsilon=1e-05, momentum=0.1, data_format=NCHW, side_effect_mem=True>"),
    (lambda: P.DepthToSpace(2), "Prim[DepthToSpace]<block_size=2, data_format=NCHW>"),
    (lambda: P.CountNonZero(), "Prim[CountNonZero]<dims=[]>"),
    (lambda: P.L2Normalize(), "Prim[L2Normalize]<axis=[0], epsilon=0.0001>"),
    (lambda: P.NuclearNorm(), "Prim[NuclearNorm]<dim=[1000], keepdim=False>"),
    (lambda: P.Quantile(), "Prim[Quantile]<dim=10000, keep_dims=False, ignore_nan=False>"),
    (lambda: P.IsClose(), "Prim[IsClose]<rtol=1e-05, atol=1e-08, equal_nan=False>"),
    (lambda: P.NanToNum(), "Prim[NanToNum]<nan=None, posinf=None, neginf=None>"),
    (lambda: P.UniqueConsecutive(True, True, 0), "Prim[UniqueConsecutive]<return_inverse=True, return_counts=True, dim=0>"),
    (lambda: P.LRN(3), "Prim[LRN]"),
    (lambda: P.Pack(1), "Prim[Pack]"),
    (lambda: P.Dropout2D(0.3), "Prim[Dropout2D]"),
    (lambda: P.MatrixPower(2), "Prim[MatrixPower]"),
    (lambda: P.DynamicShape(), "Prim[DynamicShape]<is_dynamic_shape=True>"),
    (lambda: P.TensorAdd(), "Prim[Add]"),
    (lambda: P.Log(), "Prim[Log]<cust_aicpu=Log, base=-1.0, scale=1.0, shift=0.0>"),
    (lambda: P.GatherV2(), "Prim[GatherV2]<batch_dims=0>"),
    (lambda: P.Fmax(), "Prim[Fmax]<ignore_nan=True>"),
    (lambda: P.SparseTensorDenseMatmul(True, True), "Prim[SparseTensorDenseMatmul]<adjoint_st=True, adjoint_dt=True, adjoint_a=True, adjoint_b=True>"),
    (lambda: P.AllReduce(), "Prim[AllReduce]<op=sum, group=hccl_world_group, fusion=0, index=0, no_eliminate=True>"),
    (lambda: P.AllGather(), "Prim[AllGather]<group=hccl_world_group, rank_size=1, fusion=0, mean_flag=False, no_eliminate=True>"),
    (lambda: P.Broadcast(0), "Prim[Broadcast]<root_rank=0, group=hccl_world_group, no_eliminate=True>"),
    (lambda: P.MaxPool3D(2, 2, "pad", pad_list=1, ceil_mode=True),
     "Prim[MaxPool3D]<kernel_size=(1, 1, 2, 2, 2), strides=(1, 1, 2, 2, 2), pad_mode=CALCULATED, pad_list=(1, 1, 1, 1, 1, 1), ceil_mode=1, data_format=NCDHW>"),
    (lambda: P.AvgPool3D(2, 2, "same"),
     "Prim[AvgPool3D]<kernel_size=(1, 1, 2, 2, 2), strides=(1, 1, 2, 2, 2), pad_mode=SAME, pad=0, ceil_mode=False, count_include_pad=True, divisor_override=0, data_format=NCDHW, pad_list=(0, 0, 0, 0, 0, 0)>"),
    (lambda: P.MaxPool3DWithArgmax((2, 2, 2), (1, 1, 1), (0, 0, 0)),
     "Prim[MaxPool3DWithArgmax]<ksize=(2, 2, 2), strides=(1, 1, 1), pads=(0, 0, 0), dilation=(1, 1, 1), ceil_mode=False, data_format=NCDHW, argmax_type=int64>"),
    (lambda: P.IndexAdd(1), "Prim[IndexAdd]<axis=1, use_lock=True, check_index_bound=True, side_effect_mem=True>"),
    (lambda: P.InplaceAdd(0), "Prim[InplaceAdd]<indices=(0,)>"),
    (lambda: P.Roll(1, 0), "Prim[Roll]<shifts=(1,), dims=(0,)>"),
    (lambda: P.HistogramFixedWidth(5), "Prim[HistogramFixedWidth]<nbins=5, dtype=3>"),
    (lambda: P.Im2Col((2, 3), (1, 2), 1, (1, 2)),
     "Prim[Im2Col]<ksizes=(2, 3), strides=(1, 2), dilations=(1, 1), pads=(1, 2), padding_mode=CALCULATED>"),
    (lambda: P.Col2Im([2, 2], 2, 1, 3), "Prim[Col2Im]<kernel_size=[2, 2], dilation=(2, 2), padding=(1, 1), stride=(3, 3)>"),
    (lambda: P.ExtractImagePatches([1, 1, 2, 2], [1, 1, 1, 1], [1, 1, 1, 1], "same"),
     "Prim[ExtractImagePatches]<ksizes=(2, 2), strides=(1, 1), rates=(1, 1), padding=1>"),
    (lambda: P.MaxUnpool2D((2, 2), 1, (1, 0)),
     "Prim[MaxUnpool2D]<ksize=(1, 1, 2, 2), strides=(1, 1, 1, 1), pads=(1, 1, 1, 0), output_shape=(), data_format=NCHW>"),
    (lambda: P.BatchToSpaceND([2, 2], [[0, 0], [1, 1]]), "Prim[BatchToSpaceND]<block_shape=[2, 2]>"),
    (lambda: P.FFTWithSize(1, False, False, norm="ortho"),
     "Prim[FFTWithSize]<signal_ndim=1, inverse=False, real=False, norm=2, onesided=True, signal_sizes=()>"),
    (lambda: P.ReduceSum(True), "Prim[ReduceSum]<keep_dims=True, skip_mode=False>"),
    (lambda: P.Softmax(1), "Prim[Softmax]<axis=(1,)>"),
])
def test_primitive_str_as_mindspore(make, expected):
    p = make()
    assert str(p) == expected
    assert repr(p) == expected


def test_add_prim_attr_after_the_added_flags():
    # MindSpore 2.10: Prim[Assign]<side_effect_mem=True, x=1>; input_names are not shown
    p = P.Assign().add_prim_attr("x", 1)
    assert str(p) == "Prim[Assign]<side_effect_mem=True, x=1>"
    p = P.ReLU()
    p.init_prim_io_names(["x"], ["output"])
    assert str(p) == "Prim[ReLU]"


@pytest.mark.parametrize("make", [lambda: P.ChannelShuffle(), lambda: P.MatrixPower(),
                                  lambda: P.InplaceAdd(), lambda: P.InplaceSub(),
                                  lambda: P.InplaceUpdate()])
def test_required_constructor_arguments(make):
    # MindSpore 2.10: "missing a required argument"
    with pytest.raises(TypeError, match="missing a required argument"):
        make()


def test_changed_defaults_behave_as_mindspore():
    nan = ms.Tensor(np.array([float("nan"), 1.0], np.float32))
    # MindSpore 2.10: IsClose() treats NaNs as different; NanToNum() puts 0 for NaN
    assert P.IsClose()(nan, nan).asnumpy().tolist() == [False, True]
    assert P.IsClose(equal_nan=True)(nan, nan).asnumpy().tolist() == [True, True]
    assert P.NanToNum()(nan).asnumpy().tolist() == [0.0, 1.0]
    # MindSpore 2.10: TruncatedNormal(dtype, seed, seed2)
    assert P.TruncatedNormal(ms.float16)(ms.Tensor([2, 3], ms.int32)).dtype == ms.float16
    out = P.UniqueConsecutive(return_inverse=True, return_counts=True)(ms.Tensor([1, 1, 2, 1], ms.int32))
    assert [t.asnumpy().tolist() for t in out] == [[1, 2, 1], [0, 0, 1, 2], [2, 1, 1]]

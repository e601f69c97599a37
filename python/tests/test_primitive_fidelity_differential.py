"""Primitive classes (``from mindspore.ops import operations as P``) against MindSpore 2.10: the
differences a differential test found, each expected value recorded from MindSpore 2.10 on CPU."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor
from easy_mindspore.ops import operations as P


def i32(*v):
    return Tensor(np.array(v, np.int32))


def f32(*v):
    return Tensor(np.array(v, np.float32))


def close(t, expected, dtype):
    assert str(t.dtype) == dtype
    np.testing.assert_allclose(t.asnumpy(), np.array(expected), rtol=1e-6, atol=1e-7)


# -- 1. BinaryCrossEntropy without a weight -------------------------------------------------------

def test_binary_cross_entropy_without_weight():
    x, y = f32(0.2, 0.7), f32(0.0, 1.0)
    # MindSpore 2.10: Float32 0.2899092 (mean), 0.5798185 (sum), [0.22314353, 0.35667497] (none)
    close(P.BinaryCrossEntropy()(x, y), 0.2899092435836792, "Float32")
    close(P.BinaryCrossEntropy("sum")(x, y), 0.5798184871673584, "Float32")
    close(P.BinaryCrossEntropy("none")(x, y), [0.2231435328722, 0.3566749691963196], "Float32")
    # MindSpore 2.10: weight [1, 2] gives 0.4682467; weight None is the same as no weight
    close(P.BinaryCrossEntropy()(x, y, f32(1.0, 2.0)), 0.468246728181839, "Float32")
    close(P.BinaryCrossEntropy()(x, y, None), 0.2899092435836792, "Float32")


# -- 2. Softmax's axis is a tuple -----------------------------------------------------------------

def test_softmax_axis_is_a_tuple():
    # MindSpore 2.10: Softmax(axis=1).axis == (1,), str() is Prim[Softmax]<axis=(-1,)>
    assert P.Softmax(axis=1).axis == (1,)
    assert P.Softmax().axis == (-1,)
    assert str(P.Softmax()) == "Prim[Softmax]<axis=(-1,)>"
    # MindSpore 2.10: Softmax(axis=(-1,))([1, 2, 3]) is [0.09003057, 0.24472819, 0.66524130]
    close(P.Softmax(axis=(-1,))(f32(1.0, 2.0, 3.0)), [0.09003056585788727, 0.2447281926870346,
                                                        0.6652413010597229], "Float32")


@pytest.mark.parametrize("axis", [1.5, [0]])
def test_softmax_bad_axis_is_a_type_error(axis):
    # MindSpore 2.10: TypeError "For 'Softmax', the type of 'axis' should be one of '[int, tuple of int]'"
    with pytest.raises(TypeError, match="Softmax"):
        P.Softmax(axis=axis)


def test_log_softmax_keeps_axis_as_given():
    # MindSpore 2.10: LogSoftmax(axis=1).axis == 1, LogSoftmax(axis=(1,)).axis == (1,),
    # str() is Prim[LogSoftmax]<axis=-1>; calling with a tuple axis is a TypeError
    assert P.LogSoftmax(axis=1).axis == 1
    assert P.LogSoftmax(axis=(1,)).axis == (1,)
    assert str(P.LogSoftmax()) == "Prim[LogSoftmax]<axis=-1>"
    with pytest.raises(TypeError):
        P.LogSoftmax(axis=(0,))(f32(1.0, 2.0))


# -- 3. integer dtypes kept -----------------------------------------------------------------------

def test_reduce_prod_and_cum_prod_keep_the_integer_dtype():
    # MindSpore 2.10: Int32 24; Bool False / True; Int8 6; CumProd Int32 [2, 6, 24]
    close(P.ReduceProd()(i32(2, 3, 4), 0), 24, "Int32")
    close(P.ReduceProd()(Tensor(np.array([True, False])), 0), False, "Bool")
    close(P.ReduceProd()(Tensor(np.array([True, True]))), True, "Bool")
    close(P.ReduceProd()(Tensor(np.array([2, 3], np.int8))), 6, "Int8")
    close(P.CumProd()(i32(2, 3, 4), 0), [2, 6, 24], "Int32")
    close(P.CumProd()(Tensor(np.array([2, 3], np.int8)), 0), [2, 6], "Int8")


def test_cum_sum_and_cum_prod_reject_bool():
    # MindSpore 2.10: TypeError for a Bool input (no kernel)
    with pytest.raises(TypeError, match="CumSum"):
        P.CumSum()(Tensor(np.array([True, False])), 0)
    with pytest.raises(TypeError, match="CumProd"):
        P.CumProd()(Tensor(np.array([True, False])), 0)
    # MindSpore 2.10: Int8 [2, 5]
    close(P.CumSum()(Tensor(np.array([2, 3], np.int8)), 0), [2, 5], "Int8")


def test_scatter_nd_keeps_the_updates_dtype():
    idx = Tensor(np.array([[0], [0]], np.int32))
    # MindSpore 2.10: Int32 [3, 0, 0]; Bool [True, True, False]
    close(P.ScatterNd()(idx, i32(1, 2), (3,)), [3, 0, 0], "Int32")
    out = P.ScatterNd()(Tensor(np.array([[0], [1]], np.int32)), Tensor(np.array([True, True])), (3,))
    close(out, [True, True, False], "Bool")


@pytest.mark.parametrize("name, x, expected", [
    # MindSpore 2.10 (a Python int on the left takes the tensor's dtype):
    ("FloorDiv", 7, [3, 2]), ("FloorDiv", -7, [-4, -3]),
    ("Mod", 7, [1, 1]), ("TruncateDiv", 7, [3, 2]), ("TruncateMod", -7, [-1, -1]),
    ("FloorMod", -7, [1, 2]),
])
def test_python_int_on_the_left_takes_the_tensor_dtype(name, x, expected):
    close(getattr(P, name)()(x, i32(2, 3)), expected, "Int32")


def test_python_float_on_the_left_gives_float():
    # MindSpore 2.10: FloorDiv()(7.5, Int32 [2, 3]) is Float32 [3, 2]; Mod is Float32 [1.5, 1.5]
    close(P.FloorDiv()(7.5, i32(2, 3)), [3.0, 2.0], "Float32")
    close(P.Mod()(7.5, i32(2, 3)), [1.5, 1.5], "Float32")


# -- 4. RealDiv on integers -----------------------------------------------------------------------

def test_real_div_truncates_integers():
    # MindSpore 2.10: Int32 [3, -3] (tensor / tensor and tensor / int), Int8 [3, -3]
    close(P.RealDiv()(i32(7, -7), i32(2, 2)), [3, -3], "Int32")
    close(P.RealDiv()(i32(7, -7), 2), [3, -3], "Int32")
    close(P.RealDiv()(Tensor(np.array([7, -7], np.int8)), Tensor(np.array([2, 2], np.int8))), [3, -3], "Int8")
    # MindSpore 2.10: a float operand gives Float32 [3.5, -3.5]; Div stays true division
    close(P.RealDiv()(i32(7, -7), 2.0), [3.5, -3.5], "Float32")
    close(P.RealDiv()(i32(7, -7), f32(2.0, 2.0)), [3.5, -3.5], "Float32")
    close(P.Div()(i32(7, -7), i32(2, 2)), [3.5, -3.5], "Float32")
    assert P.RealDiv().name == "RealDiv"


def test_real_div_rejects_bool():
    # MindSpore 2.10: TypeError "For primitive[RealDiv], the input argument[x] must be a type of {...}"
    with pytest.raises(TypeError, match="RealDiv"):
        P.RealDiv()(Tensor(np.array([True])), Tensor(np.array([True])))


# -- 5. arguments MindSpore accepts ---------------------------------------------------------------

def test_gather_batch_dims():
    params = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    # MindSpore 2.10: [[1.], [5.]]; str() Prim[Gather]<batch_dims=1>, default <batch_dims=0>
    close(P.Gather(batch_dims=1)(params, i32(1, 2).reshape(2, 1), 1), [[1.0], [5.0]], "Float32")
    assert P.Gather(batch_dims=1).batch_dims == 1
    assert str(P.Gather(batch_dims=1)) == "Prim[Gather]<batch_dims=1>"
    assert str(P.Gather()) == "Prim[Gather]<batch_dims=0>"


def test_reduce_sum_skip_mode():
    # MindSpore 2.10: str() Prim[ReduceSum]<keep_dims=False, skip_mode=False>; with an axis,
    # skip_mode=True reduces as usual (3.0)
    assert str(P.ReduceSum()) == "Prim[ReduceSum]<keep_dims=False, skip_mode=False>"
    assert P.ReduceSum(skip_mode=True).skip_mode is True
    close(P.ReduceSum(skip_mode=True)(f32(1.0, 2.0), 0), 3.0, "Float32")
    # MindSpore's documentation: an empty axis with skip_mode=True leaves the input unchanged
    close(P.ReduceSum(skip_mode=True)(f32(1.0, 2.0), ()), [1.0, 2.0], "Float32")
    close(P.ReduceSum()(f32(1.0, 2.0), ()), 3.0, "Float32")


def test_reduce_axis_as_a_tensor():
    x = f32(1.0, 2.0, 3.0, 4.0).reshape(2, 2)
    # MindSpore 2.10: ReduceSum over Tensor([0, 1]) 10.0, over Tensor(1) [3, 7]; the others over
    # Tensor([0]): mean [2, 3], max [3, 4], min [1, 2], prod [3, 8]
    close(P.ReduceSum()(x, i32(0, 1)), 10.0, "Float32")
    close(P.ReduceSum()(x, Tensor(1)), [3.0, 7.0], "Float32")
    close(P.ReduceSum()(f32(1.0, 2.0), i32(0)), 3.0, "Float32")
    close(P.ReduceMean()(x, i32(0)), [2.0, 3.0], "Float32")
    close(P.ReduceMax()(x, i32(0)), [3.0, 4.0], "Float32")
    close(P.ReduceMin()(x, i32(0)), [1.0, 2.0], "Float32")
    close(P.ReduceProd()(x, i32(0)), [3.0, 8.0], "Float32")


def test_top_k_with_k_a_tensor():
    # MindSpore 2.10: ([3., 2.], Int32 [0, 2]) for k = Tensor(2) and for k = Tensor([2])
    for k in (Tensor(np.array(2, np.int32)), i32(2)):
        values, indices = P.TopK()(f32(3.0, 1.0, 2.0), k)
        close(values, [3.0, 2.0], "Float32")
        close(indices, [0, 2], "Int32")


def test_bias_add_nhwc():
    # MindSpore 2.10: [[[[1., 2.]]]] and [[1, 2, 3], [1, 2, 3]] (the bias along the last axis)
    out = P.BiasAdd(data_format="NHWC")(Tensor(np.zeros((1, 1, 1, 2), np.float32)), f32(1.0, 2.0))
    close(out, [[[[1.0, 2.0]]]], "Float32")
    out = P.BiasAdd(data_format="NHWC")(Tensor(np.zeros((2, 3), np.float32)), f32(1.0, 2.0, 3.0))
    close(out, [[1.0, 2.0, 3.0], [1.0, 2.0, 3.0]], "Float32")
    # MindSpore 2.10: ValueError for an unknown format
    with pytest.raises(ValueError):
        P.BiasAdd(data_format="XX")


def test_range_ignores_maxlen():
    # MindSpore 2.10: Int64 [0, 1, ..., 9] for maxlen=3; str() Prim[Range]<maxlen=3>
    close(P.Range(maxlen=3)(i32(0), i32(10), i32(1)), list(range(10)), "Int64")
    assert P.Range(maxlen=3).maxlen == 3
    assert str(P.Range(maxlen=3)) == "Prim[Range]<maxlen=3>"


# -- 6. error classes -----------------------------------------------------------------------------

@pytest.mark.parametrize("shapes", [((2,), (2,)), ((2, 2, 2), (2, 2))])
def test_matmul_needs_2d(shapes):
    # MindSpore 2.10: ValueError "MatMul inputs should have the same dimension size and equal to 2."
    x, y = (Tensor(np.ones(s, np.float32)) for s in shapes)
    with pytest.raises(ValueError, match="MatMul"):
        P.MatMul()(x, y)


def test_matmul_shape_mismatch_is_a_value_error_and_a_runtime_error():
    from easy_mindspore._errors import ComputeError
    x = Tensor(np.ones((2, 3), np.float32))
    # MindSpore 2.10: ValueError "For 'MatMul' the input dimensions must be equal, ..."
    with pytest.raises(ValueError, match="MatMul") as info:
        P.MatMul()(x, x)
    assert isinstance(info.value, (RuntimeError, ComputeError))
    # MindSpore 2.10: transpose_b=True makes it [[3, 3], [3, 3]]
    close(P.MatMul(transpose_b=True)(x, x), [[3.0, 3.0], [3.0, 3.0]], "Float32")
    b = Tensor(np.ones((2, 2, 3), np.float32))
    # MindSpore 2.10: ValueError "For BatchMatMul, the row of the input 'y' should be same as the col ..."
    with pytest.raises(ValueError, match="BatchMatMul") as info:
        P.BatchMatMul()(b, b)
    assert isinstance(info.value, ComputeError)


def test_tensor_scatter_update_out_of_range_is_a_value_error():
    from easy_mindspore._errors import TensorIndexError
    # MindSpore 2.10: ValueError "For 'TensorScatterUpdate', indices out of range for input_x."
    with pytest.raises(ValueError, match="TensorScatterUpdate") as info:
        P.TensorScatterUpdate()(f32(1.0, 2.0), Tensor(np.array([[5]], np.int32)), f32(9.0))
    assert isinstance(info.value, TensorIndexError)
    out = P.TensorScatterUpdate()(f32(1.0, 2.0), Tensor(np.array([[1]], np.int32)), f32(9.0))
    close(out, [1.0, 9.0], "Float32")


# -- 7. attributes as MindSpore keeps them --------------------------------------------------------

def test_conv2d_attributes():
    c = P.Conv2D(6, 3)
    # MindSpore 2.10: (3, 3), (1, 1, 1, 1), (1, 1, 1, 1), (0, 0, 0, 0), 'NCHW', 1
    assert (c.kernel_size, c.stride, c.dilation, c.pad, c.format, c.mode) == (
        (3, 3), (1, 1, 1, 1), (1, 1, 1, 1), (0, 0, 0, 0), "NCHW", 1)
    c = P.Conv2D(6, (3, 5), pad_mode="pad", pad=1, stride=2, dilation=(2, 3))
    # MindSpore 2.10: kernel_size (3, 5), stride (1, 1, 2, 2), dilation (1, 1, 2, 3), pad (1, 1, 1, 1)
    assert (c.kernel_size, c.stride, c.dilation, c.pad, c.pad_mode) == (
        (3, 5), (1, 1, 2, 2), (1, 1, 2, 3), (1, 1, 1, 1), "pad")
    # MindSpore 2.10: pad=(1, 2, 3, 4) is kept as given
    assert P.Conv2D(6, 3, pad_mode="pad", pad=(1, 2, 3, 4)).pad == (1, 2, 3, 4)


def test_conv2d_results_unchanged():
    x = Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
    w = Tensor(np.ones((1, 1, 2, 2), np.float32))
    out = P.Conv2D(1, 2, pad_mode="pad", pad=1, stride=2)(x, w)
    close(out, [[[[0.0, 3.0, 3.0], [12.0, 30.0, 18.0], [12.0, 27.0, 15.0]]]], "Float32")


def test_max_pool_attributes():
    p = P.MaxPool(2, 2)
    # MindSpore 2.10: Prim[MaxPool]<kernel_size=(1, 1, 2, 2), strides=(1, 1, 2, 2), pad_mode=VALID, data_format=NCHW>
    assert str(p) == ("Prim[MaxPool]<kernel_size=(1, 1, 2, 2), strides=(1, 1, 2, 2), pad_mode=VALID, "
                      "data_format=NCHW>")
    assert (p.kernel_size, p.strides, p.pad_mode, p.format) == ((1, 1, 2, 2), (1, 1, 2, 2), "VALID", "NCHW")
    q = P.MaxPool(kernel_size=(2, 3), strides=1, pad_mode="same")
    # MindSpore 2.10: (1, 1, 2, 3), (1, 1, 1, 1), 'SAME'
    assert (q.kernel_size, q.strides, q.pad_mode) == ((1, 1, 2, 3), (1, 1, 1, 1), "SAME")
    x = Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
    close(p(x), [[[[5.0, 7.0], [13.0, 15.0]]]], "Float32")


def test_strided_slice_and_squeeze_attributes():
    s = P.StridedSlice(begin_mask=1)
    # MindSpore 2.10: begin_mask 1; str() lists the five masks
    assert (s.begin_mask, s.end_mask, s.ellipsis_mask, s.new_axis_mask, s.shrink_axis_mask) == (1, 0, 0, 0, 0)
    assert str(s) == ("Prim[StridedSlice]<begin_mask=1, end_mask=0, ellipsis_mask=0, new_axis_mask=0, "
                      "shrink_axis_mask=0>")
    # MindSpore 2.10: (1,), (), (0, 1); str() Prim[Squeeze]<axis=(1,)>; a float axis is a TypeError
    assert (P.Squeeze(1).axis, P.Squeeze().axis, P.Squeeze((0, 1)).axis) == ((1,), (), (0, 1))
    assert str(P.Squeeze(1)) == "Prim[Squeeze]<axis=(1,)>"
    with pytest.raises(TypeError, match="Squeeze"):
        P.Squeeze(1.5)
    assert P.Squeeze(0)(Tensor(np.ones((1, 2, 1), np.float32))).shape == (2, 1)


def test_shard_and_recompute_return_the_primitive():
    m = P.MatMul()
    assert m.shard(((1, 1), (1, 1))) is m
    # MindSpore 2.10: Prim[MatMul]<transpose_a=False, transpose_b=False, in_strategy=((1, 1), (1, 1))>
    assert str(m) == "Prim[MatMul]<transpose_a=False, transpose_b=False, in_strategy=((1, 1), (1, 1))>"
    r = P.MatMul()
    assert r.recompute() is r
    # MindSpore 2.10: Prim[MatMul]<transpose_a=False, transpose_b=False, recompute=True>
    assert str(r) == "Prim[MatMul]<transpose_a=False, transpose_b=False, recompute=True>"
    x = Tensor(np.ones((2, 2), np.float32))
    close(m(x, x), [[2.0, 2.0], [2.0, 2.0]], "Float32")


def test_ms_alias_is_the_package():
    assert ms.Tensor is Tensor


@pytest.mark.parametrize("kwargs", [dict(pad_mode="bogus"), dict(pad_mode="same", pad=1),
                                    dict(pad_mode="pad", pad=-1),
                                    dict(pad_mode="valid", pad=(1, 1, 1, 1))])
def test_conv2d_primitive_checks_its_padding_when_built(kwargs):
    # MindSpore 2.10: a ValueError from the constructor for each.
    from mindspore.ops import operations as P
    with pytest.raises(ValueError, match="pad"):
        P.Conv2D(6, 3, **kwargs)

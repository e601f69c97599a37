"""Parameter names as MindSpore 2.10 has them (read with ``inspect.signature`` there), so that
calls by keyword work; and the arguments that came with them: ``mindspore.numpy``'s ``dtype``,
``ops.softmax(dtype=)``, ``ops.relu(inplace=)``, ``ops.flatten(order=)``,
``AdaptiveMaxPool2d(return_indices=)``."""
import inspect

import numpy as np
import pytest

import easy_mindspore as ms
import easy_mindspore.numpy as mnp
from easy_mindspore import Tensor, nn, ops

# MindSpore 2.10's parameter names (positional ones, in order).
MS_PARAMS = {
    ops.abs: ["input"], ops.add: ["input", "other"], ops.cast: ["input", "dtype"],
    ops.cos: ["input"], ops.dot: ["input", "other"], ops.erf: ["input"], ops.exp: ["input"],
    ops.expand_dims: ["input_x", "axis"], ops.flatten: ["input", "order", "start_dim", "end_dim"],
    ops.log: ["input"], ops.log_softmax: ["logits", "axis"], ops.matmul: ["input", "other"],
    ops.maximum: ["input", "other"], ops.minimum: ["input", "other"], ops.mul: ["input", "other"],
    ops.neg: ["input"], ops.ones_like: ["input", "dtype"], ops.zeros_like: ["input", "dtype"],
    ops.permute: ["input", "axis"], ops.relu: ["input", "inplace"],
    ops.reshape: ["input", "shape"], ops.shape: ["input_x"], ops.sigmoid: ["input"],
    ops.sin: ["input"], ops.size: ["input_x"], ops.softmax: ["input", "axis", "dtype"],
    ops.square: ["input"], ops.squeeze: ["input", "axis"], ops.sub: ["input", "other"],
    ops.tanh: ["input"], ops.transpose: ["input", "dims"],
    ops.where: ["condition", "input", "other"],
    ops.adaptive_max_pool2d: ["input", "output_size", "return_indices"],
    mnp.add: ["x1", "x2", "dtype"], mnp.exp: ["x", "dtype"], mnp.negative: ["a", "dtype"],
    mnp.clip: ["x", "xmin", "xmax", "dtype"], mnp.matmul: ["x1", "x2", "dtype"],
    mnp.std: ["x", "axis", "ddof", "keepdims"], mnp.var: ["x", "axis", "ddof", "keepdims"],
    mnp.empty_like: ["prototype", "dtype", "shape"],
}


@pytest.mark.parametrize("fn", list(MS_PARAMS), ids=lambda f: f.__module__.split(".")[1] + "." + f.__name__)
def test_parameter_names_are_mindspores(fn):
    assert list(inspect.signature(fn).parameters) == MS_PARAMS[fn]


def test_ops_by_keyword():
    a = Tensor(np.array([[1.0, -2.0], [3.0, 4.0]], np.float32))
    np.testing.assert_array_equal(ops.add(input=a, other=a).asnumpy(), 2 * a.asnumpy())
    np.testing.assert_array_equal(ops.matmul(input=a, other=a).asnumpy(), a.asnumpy() @ a.asnumpy())
    assert ops.transpose(input=a, dims=(1, 0)).asnumpy()[0, 1] == 3.0
    assert ops.reshape(input=a, shape=(4,)).shape == (4,)
    assert ops.where(a > 0, input=a, other=0.0).asnumpy().tolist() == [[1, 0], [3, 4]]
    assert ops.cast(input=a, dtype=ms.int32).dtype == ms.int32
    assert ops.expand_dims(input_x=a, axis=0).shape == (1, 2, 2)


def test_softmax_dtype_relu_inplace_and_flatten_order():
    x = Tensor(np.array([1, 2], np.int32))
    out = ops.softmax(x, dtype=ms.float16)  # MindSpore 2.10: the input cast first
    assert out.dtype == ms.float16
    np.testing.assert_allclose(out.asnumpy(), [0.2689, 0.7310], atol=1e-3)
    assert ops.softmax(Tensor(np.array([1.0, 2.0], np.float32)), 0, dtype=ms.float64).dtype == ms.float64
    y = Tensor(np.array([-1.0, 2.0], np.float32))
    r = ops.relu(y, inplace=True)
    # MindSpore 2.10 on CPU cannot run this ("The kernel InplaceReLU unregistered"); here the
    # input holds the result.
    assert y.asnumpy().tolist() == [0.0, 2.0] and r.asnumpy().tolist() == [0.0, 2.0]
    z = Tensor(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
    # MindSpore 2.10: ops.flatten(z, order='F') is (4, 6), the axes reversed then merged from 1.
    f = ops.flatten(z, order="F")
    assert f.shape == (4, 6) and f.asnumpy()[0].tolist() == [0, 12, 4, 16, 8, 20]
    assert ops.flatten(z, "F", start_dim=0).asnumpy().tolist()[:4] == [0, 12, 4, 16]
    assert z.flatten("F", start_dim=1).shape == (4, 6)
    assert z.flatten(order="F", start_dim=1, end_dim=1).shape == (4, 3, 2)
    assert z.flatten("F").shape == (24,)
    assert ops.flatten(z).shape == (2, 12)
    with pytest.raises(ValueError, match="'C' or 'F'"):
        ops.flatten(z, order="K")


def test_numpy_dtype_argument_casts_the_result():
    x = Tensor(np.array([1, 2], np.int32))
    # MindSpore 2.10: computed in the natural dtype, then cast.
    s = mnp.sqrt(x, dtype=ms.int32)
    assert s.dtype == ms.int32 and s.asnumpy().tolist() == [1, 1]
    assert mnp.sqrt(x, dtype=ms.float16).dtype == ms.float16
    assert mnp.exp(Tensor(np.array([1.5], np.float32)), dtype=ms.int32).asnumpy().tolist() == [4]
    assert mnp.add(Tensor(np.array([1.5], np.float32)), 1, dtype=ms.int32).asnumpy().tolist() == [2]
    for f in (mnp.abs, mnp.absolute, mnp.negative, mnp.square, mnp.floor, mnp.sin, mnp.cos,
              mnp.tanh, mnp.log):
        assert f(x, dtype=ms.float64).dtype == ms.float64, f.__name__
    for f in (mnp.add, mnp.subtract, mnp.multiply, mnp.divide, mnp.true_divide, mnp.power,
              mnp.maximum, mnp.minimum):
        assert f(x, x, dtype=ms.float16).dtype == ms.float16, f.__name__
    m = mnp.matmul(x, x, dtype=ms.float64)
    assert m.dtype == ms.float64 and float(m) == 5.0
    assert mnp.clip(x, xmin=0, xmax=1, dtype=ms.float32).asnumpy().tolist() == [1.0, 1.0]
    assert mnp.exp(x).dtype == ms.float32  # no dtype: unchanged


def test_adaptive_max_pool2d_return_indices():
    x = Tensor(np.array([[[[1.0, 9.0, 2.0], [4.0, 3.0, 8.0], [7.0, 5.0, 6.0]]]], np.float32))
    values, indices = nn.AdaptiveMaxPool2d(2, return_indices=True)(x)
    assert values.asnumpy().tolist() == [[[[9.0, 9.0], [7.0, 8.0]]]]
    assert indices.dtype == ms.int64 and indices.asnumpy().tolist() == [[[[1, 1], [6, 5]]]]
    v2, i2 = ops.adaptive_max_pool2d(x, (2, 2), return_indices=True)
    np.testing.assert_array_equal(v2.asnumpy(), values.asnumpy())
    np.testing.assert_array_equal(i2.asnumpy(), indices.asnumpy())
    assert nn.AdaptiveMaxPool2d(2)(x).shape == (1, 1, 2, 2)
    with pytest.raises(TypeError, match="return_indices"):
        nn.AdaptiveMaxPool2d(2, return_indices=1)


def test_tensor_methods_by_mindspores_keywords():
    a = Tensor(np.arange(12, dtype=np.float32).reshape(3, 4))
    b = Tensor(np.arange(24, dtype=np.float32).reshape(2, 3, 4))
    sel = Tensor(np.array([2, 0], np.int32))
    # Each form works in MindSpore 2.10 (a TypeError here before).
    assert [t.shape for t in a.split(2, dim=1)] == [(3, 2), (3, 2)]
    assert [t.shape for t in a.split([1, 3], dim=1)] == [(3, 1), (3, 3)]
    assert [t.shape for t in a.split(split_size=2, dim=1)] == [(3, 2), (3, 2)]
    assert a.index_select(dim=1, index=sel).asnumpy()[0].tolist() == [2.0, 0.0]
    assert b.transpose(dim0=1, dim1=2).shape == (2, 4, 3) and b.transpose(0, dim1=2).shape == (4, 3, 2)
    assert b.permute(dims=(2, 0, 1)).shape == (4, 2, 3)
    assert b.swapdims(dim0=0, dim1=2).shape == (4, 3, 2)
    assert [t.shape for t in a.chunk(2, dim=1)] == [(3, 2), (3, 2)]
    assert a.tile(dims=(1, 2)).shape == (3, 8) and a.tile(reps=(1, 2)).shape == (3, 8)
    assert float(a.where(a > 5, other=0.0).sum()) == 51.0
    assert a.reshape(shape=(2, 6)).shape == (2, 6)
    assert a.softmax(1, ms.float64).dtype == ms.float64
    assert a.repeat_interleave(2, dim=0, output_size=6).shape == (6, 4)
    with pytest.raises(ValueError, match="output_size"):
        a.repeat_interleave(2, dim=0, output_size=5)
    # MindSpore 2.10 reads a string as a device: 'float16' is a ValueError, not a silent no-op.
    with pytest.raises(ValueError, match="device"):
        a.to("float16")
    assert a.to(ms.float16).dtype == ms.float16
    with pytest.raises(TypeError):
        a.reshape(2, shape=(2, 6))


@pytest.mark.parametrize("fn", list(MS_PARAMS), ids=lambda f: f.__module__.split(".")[1] + "." + f.__name__)
def test_docstrings_name_the_parameters(fn):
    import re
    doc = fn.__doc__ or ""
    args = re.search(r"\n\s*Args:\n(.*?)(?:\n\s*\n|\Z)", doc, re.S)
    documented = re.findall(r"^\s{8}(\w+) \(", args.group(1), re.M) if args else []
    assert set(documented) <= set(inspect.signature(fn).parameters), (fn.__name__, documented)

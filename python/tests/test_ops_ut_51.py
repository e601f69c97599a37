"""MindSpore 2.10's behaviour behind its ops unit tests (tests/ut/python/ops), measured on
MindSpore 2.10 (CPU): the Ascend-only primitives (built as there, MindSpore's CPU errors when
called), the inner primitives, ``IgammaGradA``, the set operations, keyword inputs of primitives,
``Primitive.set_device``, seeded random primitives (MindSpore's kernel streams), in-place scatter
dtype rules, ``switch_layer``/``mixed_precision_cast``, ``Custom`` ``'aot'`` operators and the
``Failed calling`` checks of the generated ops."""
import shutil

import numpy as np
import pytest

import mindspore as ms
from mindspore import Parameter, Tensor, nn, ops
from mindspore.ops import functional as F
from mindspore.ops import operations as P
from mindspore.ops.operations import _inner_ops as inner
from mindspore.ops.operations import _quant_ops as Q
from mindspore.ops.operations._grad_ops import IgammaGradA
from mindspore.ops.operations.sparse_ops import DenseToDenseSetOperation, DenseToSparseSetOperation


def values(t):
    return t.asnumpy().tolist()


# --- Ascend-only primitives -----------------------------------------------------------------------

@pytest.mark.parametrize("name", ["NPUGetFloatStatus", "NPUClearFloatStatus"])
def test_npu_float_status_checks_then_cpu_error(name):
    op = getattr(P, name)()
    assert repr(op) == f"Prim[{name}]" and op.attrs == {}
    with pytest.raises(TypeError, match=r"input argument\[input_x\]:Float32"):
        op(5.0)
    with pytest.raises(TypeError, match=r"must be a type of \{Tensor\[Float16\], Tensor\[Float32\]\}, but got "
                                        r"Tensor\[Int32\]"):
        op(Tensor(np.ones([3, 4], np.int32)))
    with pytest.raises(ValueError, match="Input_x must be a 1-dimensional tensor, but got 2-dimensional"):
        op(Tensor(np.ones([3, 4], np.float32)))
    with pytest.raises(ValueError, match="The first dimension of input_x must be 8, but got 3"):
        op(Tensor(np.ones([3], np.float32)))
    with pytest.raises(ValueError, match="the input number must be equal to 1, but got 0"):
        op()
    with pytest.raises(RuntimeError, match=rf"Unsupported op \[{name}\] on CPU"):
        op(Tensor(np.ones([8], np.float32)))


def test_npu_alloc_float_status():
    with pytest.raises(TypeError, match="input num should be 0, bug gets 1"):
        ops.NPUAllocFloatStatus()(Tensor([1.0]))
    with pytest.raises(RuntimeError, match="Unsupported op"):
        ops.NPUAllocFloatStatus()()


def test_anti_quant_and_fake_quant_param():
    op = inner.AntiQuant(True, ms.float32)
    assert repr(op) == "Prim[AntiQuant]" and op.sqrt_mode and op.dtype == ms.float32
    with pytest.raises(TypeError, match="the type of 'sqrt_mode' should be 'bool', but got type 'str'"):
        inner.AntiQuant("a")
    x = Tensor([50, 20], ms.int8)
    with pytest.raises(ValueError, match="the input number must be equal to 3, but got 2"):
        inner.AntiQuant()(x, Tensor([1.0]))
    with pytest.raises(TypeError, match=r"must be a type of \{Tensor\[Int8\]\}, but got Tensor\[Float32\]"):
        inner.AntiQuant()(Tensor([1.0]), Tensor([1.0]), Tensor([2.0]))
    with pytest.raises(RuntimeError, match=r"Unsupported op \[AntiQuant\]"):
        inner.AntiQuant()(x, Tensor([1.0]), Tensor([2.0]))
    with pytest.raises(TypeError, match=r"^Primitive.__call__\(\) got an unexpected keyword argument 'x'$"):
        inner.AntiQuant()(x=x, scale=1.0, offset=2.0)

    @ms.jit
    def f(x, scale, offset):
        return inner.AntiQuant()(x=x, scale=scale, offset=offset)
    with pytest.raises(TypeError, match=r"But got input argument\[input_x\]:Keyword\[key : x, value : "
                                        r"Tensor\[Int8\]\]"):
        f(x, 1.0, 2.0)

    fq = Q.FakeQuantParam.linear_quant_param(ms.QuantDtype.INT8, 0.1, 1)
    assert repr(fq) == ("Prim[FakeQuantParam]<quant_dtype=7, quant_algo_name=linear_quant_algo, is_per_channel=False, "
                        "kwargs={'linear_quant_scale': [0.1], 'linear_quant_zero_point': [1]}, "
                        "linear_quant_scale=[0.1], linear_quant_zero_point=[1]>")
    with pytest.raises(TypeError, match=r"the type of 'zero_point' should be one of '\['int', 'tuple', 'list'\]', "
                                        r"but got type 'bool'"):
        Q.FakeQuantParam.linear_quant_param(ms.QuantDtype.INT8, 0.1, True)
    with pytest.raises(RuntimeError, match=r"Unsupported op \[FakeQuantParam\]"):
        fq(Tensor(np.ones(2, np.float32)))
    assert hasattr(P, "FakeQuantParam") and not hasattr(ops, "FakeQuantParam")


# --- inner primitives, IgammaGradA, set operations ------------------------------------------------

def test_same_type_shape_and_is_sub_class():
    x = Tensor(np.ones([3, 4], np.float32))
    assert inner.SameTypeShape()(x, x) is x
    with pytest.raises(TypeError, match="the type of 'y' should be 'Tensor', but got type 'float'"):
        inner.SameTypeShape()(x, 5.0)
    with pytest.raises(TypeError, match="the x dtype should be = y dtype: Int32, but got Float32"):
        inner.SameTypeShape()(x, Tensor(np.ones([3, 4], np.int32)))
    with pytest.raises(ValueError, match=r"the x shape should be = y shape: \(3, 3\), but got \(3, 4\)"):
        inner.SameTypeShape()(x, Tensor(np.ones([3, 3], np.float32)))
    sub = inner.IsSubClass()
    assert sub(ms.int32, ms.int_) and sub(ms.bool_, ms.number) and sub(ms.uint8, ms.uint)
    assert not sub(ms.bool_, ms.int_) and not sub(ms.complex64, ms.float_) and not sub(ms.list_, ms.tuple_)
    assert sub(ms.common.dtype.TensorType(ms.float32), ms.tensor_type)
    with pytest.raises(TypeError, match="the type of 'sub_type' should be 'Type', but got type 'NoneType'"):
        sub(None, ms.number)


def test_igamma_grad_a_values_and_igamma_gradients():
    a = Tensor(np.array([1.1, 2.2, 8.1, 2.1], np.float32))
    x = Tensor(np.array([0.2, 1.2, 2.1, 3.4], np.float32))
    want = [-0.31416357, -0.2662845, -0.00185446, -0.16714886]  # MindSpore 2.10
    np.testing.assert_allclose(IgammaGradA()(a, x).asnumpy(), want, rtol=2e-6)
    np.testing.assert_allclose(ms.grad(lambda p, q: ops.igamma(p, q).sum())(a, x).asnumpy(), want, rtol=2e-6)
    np.testing.assert_allclose(ms.grad(lambda p, q: ops.igammac(p, q).sum())(a, x).asnumpy(), np.negative(want),
                               rtol=2e-6)
    edge = IgammaGradA()(Tensor([-1.0, 1.0, 1.0]), Tensor([1.0, 0.0, -1.0])).asnumpy()
    assert np.isnan(edge[0]) and edge[1] == 0 and np.isnan(edge[2])
    with pytest.raises(TypeError, match=r"the input type must be same.\nname:\[a\]:Tensor\[Float32\]"):
        IgammaGradA()(Tensor([1.0]), Tensor([1.0], ms.float64))
    with pytest.raises(ValueError, match="input1.shape and input2.shape need to broadcast"):
        IgammaGradA()(Tensor([1.0, 2.0]), Tensor([1.0, 1.0, 1.0]))


def test_dense_to_dense_set_operation():
    x1 = Tensor(np.array([[1, 2, 4], [3, 4, 5]], np.int32))
    x2 = Tensor(np.array([[3, 2, 5], [1, 4, 7]], np.int32))
    op = DenseToDenseSetOperation(set_operation="a-b", validate_indices=True)
    assert repr(op) == "Prim[DenseToDenseSetOperation]<set_operation=a-b, validate_indices=True>"
    idx, val, shape = op(x1, x2)
    assert values(idx) == [[0, 0], [0, 1], [1, 0], [1, 1]] and values(val) == [1, 4, 3, 5] and values(shape) == [2, 2]
    assert val.dtype == ms.int32 and idx.dtype == ms.int64
    assert values(DenseToDenseSetOperation("union")(x1, x2)[1]) == [1, 2, 3, 4, 5, 1, 3, 4, 5, 7]
    assert values(DenseToDenseSetOperation("intersection")(x1, x2)[2]) == [2, 1]
    with pytest.raises(ValueError, match="must be any one of"):
        DenseToDenseSetOperation("x")(x1, x2)
    with pytest.raises(TypeError, match="the type of 'validate_indices' should be 'bool'"):
        DenseToDenseSetOperation(validate_indices=1)
    # (MindSpore 2.10's CPU kernel of DenseToSparseSetOperation rejects every input; the same
    # result as the dense form here)
    out = DenseToSparseSetOperation("a-b")(x1, Tensor([[0, 1], [1, 0]], ms.int64), Tensor([1, 6], ms.int32),
                                           Tensor([2, 3], ms.int64))
    assert values(out[1]) == [2, 4, 3, 4, 5] and values(out[2]) == [2, 3]


def test_module_names_of_mindspore():
    from mindspore.ops.function import math_func
    assert math_func.fmin is ops.fmin and math_func.orgqr is ops.orgqr
    assert ops.auto_generate.acos is ops.acos and ops.auto_generate.diagonal is ops.diagonal
    with pytest.raises(AttributeError):
        math_func.no_such_function  # noqa: B018


# --- keyword inputs, set_device ----------------------------------------------------------------

def test_primitive_keyword_inputs_pynative_and_graph():
    x = Tensor(np.ones((2, 3, 4, 4), np.float32))
    assert ops.ReduceSum(keep_dims=True)(x=x, axis=1).shape == (2, 1, 4, 4)
    assert ops.Concat(axis=1)(tensors=(x, x)).shape == (2, 6, 4, 4)
    with pytest.raises(TypeError, match=r"^Softmax.__call__\(\) got an unexpected keyword argument 'x'$"):
        ops.Softmax()(x=x)
    with pytest.raises(TypeError, match=r"^Add.__call__\(\) got multiple values for argument 'input'$"):
        ops.Add()(x, input=x)
    with pytest.raises(TypeError, match=r"^BatchNorm.__call__\(\) got an unexpected keyword argument 'input_x'$"):
        ops.BatchNorm()(input_x=x)
    m = Tensor(np.ones(3, np.float32))

    @ms.jit
    def f(x):
        bn = ops.BatchNorm()(input_x=x[:, :, :1], scale=m, bias=m, mean=m, variance=m)[0]
        part = ops.Partial()(ops.ReduceSum(keep_dims=True), axis=1)(x=x)
        return bn, part

    bn, part = f(x)
    assert bn.shape == (2, 3, 1, 4) and part.shape == (2, 1, 4, 4)

    @ms.jit
    def g(x):
        return ops.Softmax(-1)(x=x)
    with pytest.raises(RuntimeError, match=r"^Got an unexpected keyword argument 'x'\."):
        g(x)


def test_group_norm_primitive():
    x = Tensor(np.arange(24, dtype=np.float32).reshape(2, 4, 3))
    w, b = Tensor(np.array([1, 2, 3, 4], np.float32)), Tensor(np.array([0.5, 0, 0, 1], np.float32))
    out, mean, rstd = ops.auto_generate.GroupNorm()(x, 2, w, b, 1e-5)
    np.testing.assert_allclose(out.asnumpy()[0, 0], [-0.9638476, -0.37830856, 0.20723048], rtol=1e-5)
    assert values(mean) == [[2.5, 8.5], [14.5, 20.5]]
    np.testing.assert_allclose(rstd.asnumpy(), np.full((2, 2), 0.585539043), rtol=1e-6)
    with pytest.raises(ValueError, match="'num_channels': 4 ,'num_groups': 3"):
        ops.auto_generate.GroupNorm()(x, 3, w, b, 1e-5)[0].asnumpy()  # MindSpore raises when the value is read


def test_set_device():
    p = ops.Add()
    assert p.set_device("CPU") is p and repr(p) == "Prim[Add]<primitive_target=CPU>" and p.primitive_target == "CPU"
    assert values(p(Tensor([1.0]), Tensor([2.0]))) == [3.0]
    assert repr(ops.ReduceSum(keep_dims=True).set_device("GPU")) == \
        "Prim[ReduceSum]<keep_dims=True, skip_mode=False, primitive_target=GPU>"
    assert repr(ops.Add().add_prim_attr("foo", 1).set_device("Ascend")) == "Prim[Add]<foo=1, primitive_target=Ascend>"
    with pytest.raises(RuntimeError, match="must be CPU|GPU|Ascend but got cpu"):
        ops.Add().set_device("cpu")
    with pytest.raises(RuntimeError, match="^Not found op Add on device GPU"):
        ops.Add().set_device("GPU")(Tensor([1.0]), Tensor([2.0])).asnumpy()
    assert repr(ops.Add().set_device("CPU").del_prim_attr("primitive_target")) == "Prim[Add]"


# --- seeded random primitives -----------------------------------------------------------------------

def test_seeded_uniform_normal_int_streams():
    np.testing.assert_allclose(ops.UniformReal(seed=5)((3,)).asnumpy(), [0.10628742, 0.67376035, 0.36783734],
                               rtol=1e-6)
    np.testing.assert_allclose(ops.UniformReal(seed=5, seed2=7)((3,)).asnumpy(), [0.6698802, 0.34168667, 0.97392887],
                               rtol=1e-6)
    u = ops.UniformReal(seed=5)
    u((3,))
    u((2,))  # another shape: a kernel of its own
    np.testing.assert_allclose(u((3,)).asnumpy(), [0.17309612, 0.37391743, 0.45089114], rtol=1e-6)
    s = ops.StandardNormal(seed=5)
    np.testing.assert_allclose(s((3,)).asnumpy(), [-0.21824682, -1.1815535, -1.8134737], rtol=1e-6)
    np.testing.assert_allclose(s((3,)).asnumpy(), [0.8462254, -0.3184437, 0.5247818], rtol=1e-6)
    ui = ops.UniformInt(seed=5)
    lo, hi = Tensor(1, ms.int32), Tensor(100, ms.int32)
    assert values(ui((3,), lo, hi)) == [92, 11, 53] and values(ui((3,), lo, hi)) == [67, 34, 37]
    with pytest.raises(ValueError, match="the 'seed' must be int and must >= 0, but got '-1' with type 'int'"):
        ops.UniformReal(seed=-1)
    with pytest.raises(TypeError, match=r"the input\[1\] should be a Tensor, but got Int64"):
        ops.UniformInt(seed=5)((3,), 1, 5)
    with pytest.raises(RuntimeError, match=r"invalid min/max values: \(5/5\)"):
        ops.UniformInt(seed=5)((3,), Tensor(5, ms.int32), Tensor(5, ms.int32)).asnumpy()

    net = ops.UniformReal(seed=5)

    @ms.jit
    def f():
        return net((3,))
    np.testing.assert_allclose(f().asnumpy(), [0.10628742, 0.67376035, 0.36783734], rtol=1e-6)
    np.testing.assert_allclose(f().asnumpy(), [0.17309612, 0.37391743, 0.45089114], rtol=1e-6)


def test_seeded_multinomial_shuffle_choice_dropout():
    p = Tensor(np.array([[0.1, 0.2, 0.3, 0.4], [0.4, 0.3, 0.2, 0.1]], np.float32))
    mn = ops.Multinomial(seed=5)
    assert values(mn(p, 6)) == [[3, 3, 0, 3, 1, 2], [1, 1, 0, 2, 2, 2]]
    assert values(mn(p, 6)) == [[3, 1, 0, 1, 3, 2], [2, 3, 0, 3, 1, 2]]
    assert values(ops.Multinomial(seed=5, seed2=7)(p, 6)) == [[1, 2, 3, 3, 0, 2], [1, 0, 1, 0, 0, 1]]
    rs = ops.RandomShuffle(seed=5)
    assert values(rs(Tensor(np.arange(6)))) == [5, 1, 3, 2, 0, 4]
    assert values(rs(Tensor(np.arange(6)))) == [2, 5, 4, 1, 0, 3]
    assert values(rs(Tensor(np.arange(4)))) == [0, 1, 3, 2]
    a = Tensor(np.array([True, False, True, True, False, True]))
    rc = ops.RandomChoiceWithMask(count=3, seed=5)
    assert values(rc(a)[0]) == [[0], [2], [5]] and values(rc(a)[0]) == [[2], [3], [0]]
    assert values(ops.RandomChoiceWithMask(count=3, seed=5, seed2=7)(a)[0]) == [[3], [0], [2]]
    d = ops.Dropout(keep_prob=0.5, Seed0=5)
    x = Tensor(np.ones(6, np.float32))
    assert values(d(x)[0]) == [0.0, 0.0, 2.0, 0.0, 2.0, 2.0] and values(d(x)[1]) == [0.0, 1.0, 1.0, 0.0, 0.0, 0.0]
    assert values(ms.grad(lambda v: ops.Dropout(0.5, 5)(v)[0].sum())(x)) == [0.0, 0.0, 2.0, 0.0, 2.0, 2.0]
    with pytest.raises(ValueError, match="For 'Multinomial', the 'seed' must be int and must >= 0"):
        ops.Multinomial(seed=-1)
    with pytest.raises(TypeError, match="For 'RandomChoiceWithMask', the type of 'seed' should be 'int'"):
        ops.RandomChoiceWithMask(seed=1.5)


# --- scatters, control flow ----------------------------------------------------------------------

def test_in_place_scatter_dtype_rules():
    def prm(dt):
        return Parameter(Tensor(np.ones((5, 3), dt)), name="p")
    out = P.ScatterAdd()(prm(np.float32), Tensor(np.zeros(2, np.int32)), Tensor(np.ones((2, 3), np.float16)))
    assert out.dtype == ms.float32 and values(out)[0] == [3.0, 3.0, 3.0]
    with pytest.raises(TypeError, match=r"the argument\[x\]'s data type of primitive\[ScatterDiv\] is Int8, which "
                                        r"cannot be converted to data type Float32 automatically\."):
        P.ScatterDiv(False)(prm(np.int8), Tensor(np.zeros(2, np.int32)), Tensor(np.ones((2, 3), np.float32)))
    with pytest.raises(TypeError, match=r"argument\[input_x\]'s data type of primitive\[ScatterNdUpdate\] is Float16"):
        P.ScatterNdUpdate()(prm(np.float16), Tensor(np.zeros((2, 1), np.int32)), Tensor(np.ones((2, 3), np.float32)))
    with pytest.raises(ValueError, match="the dimension of 'indices' must be greater than or equal to 2 , but got 1"):
        P.ScatterNdUpdate()(prm(np.float32), Tensor(np.ones([1], np.int32)), Tensor(np.ones([3], np.float16)))


def test_switch_layer_and_mixed_precision_cast():
    layers = (nn.ReLU(), nn.Tanh())

    @ms.jit
    def f(i, x):
        return ops.switch_layer(i, layers)(x)
    x = Tensor([-1.0, 1.0])
    np.testing.assert_allclose(f(Tensor(-1, ms.int32), x).asnumpy(), [-0.7615942, 0.7615942], rtol=1e-6)
    with pytest.raises(RuntimeError, match=r"Unsupported op \[switch_layer\] on CPU"):
        F.switch_layer(Tensor(0, ms.int32), layers)
    with pytest.raises(TypeError, match=r"input\[1\] should be Tuple, but got List\[Func\*2\]"):
        F.switch_layer(Tensor(0, ms.int32), list(layers))
    with pytest.raises(IndexError, match=r"Given index 5 out of range.*in \[-2, 2\)"):
        f(Tensor(5, ms.int32), x)
    out = F.mixed_precision_cast(ms.float16, [Tensor(np.ones(2, np.float32)), Tensor([1]), 3.0])
    assert isinstance(out, tuple) and out[0].dtype == ms.float16 and out[1].dtype == ms.int64 and out[2] == 3.0
    assert F.mixed_precision_cast(ms.float16, {"a": x})["a"].dtype == ms.float32
    for op in (P.GeSwitch(), P.Merge()):
        with pytest.raises(NotImplementedError):
            op(Tensor(1.0), Tensor(True))


# --- Custom 'aot', Failed calling ------------------------------------------------------------------

_ADD = r'''
#include <stdint.h>
#include <string.h>
extern "C" int CustomAdd(int nparam, void **params, int *ndims, int64_t **shapes, const char **dtypes,
                         void *stream, void *extra) {
  if (nparam != 3 || strcmp(dtypes[0], "float32") != 0) return 2;
  float *a = (float *)params[0], *b = (float *)params[1], *c = (float *)params[2];
  int64_t n = 1;
  for (int i = 0; i < ndims[2]; i++) n *= shapes[2][i];
  for (int64_t i = 0; i < n; i++) c[i] = a[i] + b[i];
  return 0;
}
'''


@pytest.mark.skipif(shutil.which("g++") is None, reason="needs g++")
def test_custom_aot_compiles_and_runs(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "add.cc").write_text(_ADD)
    op = ops.Custom(str(tmp_path / "add.cc") + ":CustomAdd", lambda x, y: x, lambda x, y: x, "aot")
    assert op.func == "./custom_kernel_meta/add.cc.so:CustomAdd"
    x = Tensor(np.arange(4, dtype=np.float32).reshape(2, 2))
    assert values(op(x, x)) == [[0.0, 2.0], [4.0, 6.0]]
    with pytest.raises(RuntimeError, match=r"'s function\(CustomAdd\) is 2\. Any return value not equal to 0"):
        op(x.astype(ms.float16), x.astype(ms.float16)).asnumpy()
    with pytest.raises(RuntimeError, match="user defined function path 'aclnnAdd' is illegal"):
        ops.Custom("aclnnAdd", lambda x, _: x, lambda x, _: x, func_type="aot")(x, x)
    with pytest.raises(TypeError, match="'func' must be of type str, but got <class 'NoneType'>"):
        ops.Custom(None, lambda x, _: x, lambda x, _: x, func_type="aot")
    with pytest.raises(TypeError, match="'func' should be like 'file_name:func_name', but got aclnnAdd"):
        ops.Custom("aclnnAdd", None, None, func_type="aot")
    monkeypatch.setenv("MS_CUSTOM_AOT_WHITE_LIST", str(tmp_path / "white"))
    with pytest.raises(TypeError, match="the legal path for the file is"):
        ops.Custom(str(tmp_path / "add.cc") + ":CustomAdd", lambda x, y: x, lambda x, y: x, "aot")


def test_failed_calling_checks_of_generated_ops():
    with pytest.raises(TypeError, match=r'^Failed calling ACos with "ACos\(\)\(input=string\)"\.\nThe valid calling '
                                        r'should be: \n"ACos\(\)\(input=<Tensor>\)"\.'):
        ops.acos("str")
    with pytest.raises(TypeError, match=r'Failed calling Diagonal with "Diagonal\(offset=int, dim1=int, dim2=int\)'
                                        r'\(input=float\)"'):
        ops.diagonal(1.0, 1, 1, -3)
    x = Tensor(np.ones((3, 3), np.float32))
    with pytest.raises(TypeError, match=r'Failed calling Cdist with "Cdist\(p=int\)\(x1=Tensor, x2=Tensor\)"'):
        ops.cdist(x, x, 2)

    class ACos(nn.Cell):
        def construct(self, v):
            return ops.acos(v)
    with pytest.raises(TypeError, match=r'^Failed calling ACos with "input=Tuple\[Float32\*2\]"\.'):
        ms.jit(ACos().construct)((1.0, 2.0))


def test_mutable_bools_and_numpy_pytypes_as_mindspore():
    import numpy as np
    from easy_mindspore.common import dtype as mstype
    assert ms.mutable(True) == True and isinstance(ms.mutable(True), bool)  # noqa: E712
    assert ms.mutable((True, 1)) == (True, 1)
    with pytest.raises(TypeError, match="should be one of \\(bool, int, float, Tensor, tuple, list, dict\\)"):
        ms.mutable("a")
    assert [str(mstype.pytype_to_dtype(t)) for t in (np.int8, np.uint16, np.float16, np.bool_, int)] == [
        "Int8", "UInt16", "Float16", "Bool", "Int64"]
    with pytest.raises(NotImplementedError, match="cannot be converted to MindSpore type"):
        mstype.pytype_to_dtype(np.complex64)


def test_ext_functions_of_the_function_modules_are_mints():
    from mindspore.ops.function import array_func, math_func, nn_func
    x = Tensor(np.arange(6, dtype=np.float32).reshape(2, 3))
    assert math_func.amax_ext(x, dim=1, keepdim=True).shape == (2, 1)
    assert array_func.gather_ext(x, 1, Tensor([[0, 0], [1, 1]], ms.int32)).asnumpy().tolist() == [[0, 0], [4, 4]]
    np.testing.assert_allclose(nn_func.softmax_ext(x).asnumpy()[0], [0.09003057, 0.2447282, 0.6652413], rtol=1e-5)
    np.testing.assert_allclose(nn_func.softmax_ext(x, 0).asnumpy()[0], [0.04742587] * 3, rtol=1e-5)
    assert nn_func.glu_ext(x[:, :2]).shape == (2, 1)


def test_functional_overload_and_mint_softmax_ext():
    # the forms of MindSpore 2.10's docstring examples
    t = ms.tensor([[True, False], [True, True]])
    assert repr(ms.ops.functional_overload.any(t)) == "Tensor(shape=[], dtype=Bool, value= True)"
    assert ms.ops.functional_overload.any(t, dim=1).asnumpy().tolist() == [True, True]
    assert float(ms.ops.functional_overload.max(Tensor([1.0, 3.0, 2.0]))) == 3.0
    with pytest.raises(AttributeError):
        ms.ops.functional_overload.no_such_function
    out = ms.mint.softmax_ext(Tensor(np.array([1, 2, 3, 4, 5]), ms.float32)).asnumpy()
    np.testing.assert_allclose(out, [0.01165623, 0.03168492, 0.08612854, 0.23412167, 0.6364086], rtol=1e-6)


def test_igamma_gradients_match_finite_differences_and_refuse_second_order_in_a():
    a = Tensor(np.array([1.1, 2.2, 8.1], np.float64))
    x = Tensor(np.array([0.2, 1.2, 2.1], np.float64))
    for fn in (ops.igamma, ops.igammac):
        ga, gx = ms.grad(lambda p, q: fn(p, q).sum(), (0, 1))(a, x)
        eps, eye = 1e-6, np.eye(3)
        num_a = [(fn(Tensor(a.asnumpy() + eps * e), x).sum().asnumpy()
                  - fn(Tensor(a.asnumpy() - eps * e), x).sum().asnumpy()) / (2 * eps) for e in eye]
        num_x = [(fn(a, Tensor(x.asnumpy() + eps * e)).sum().asnumpy()
                  - fn(a, Tensor(x.asnumpy() - eps * e)).sum().asnumpy()) / (2 * eps) for e in eye]
        np.testing.assert_allclose(ga.asnumpy(), num_a, rtol=1e-5, atol=1e-9)
        np.testing.assert_allclose(gx.asnumpy(), num_x, rtol=1e-5, atol=1e-9)
    # d²P/dx² = density · ((a − 1)/x − 1); through ∂P/∂a (a host series) a clear error, not 0
    d2x = ms.grad(ms.grad(lambda p, q: ops.igamma(p, q).sum(), 1), 1)(a, x).asnumpy()
    density = ms.grad(lambda q: ops.igamma(a, q).sum())(x).asnumpy()
    np.testing.assert_allclose(d2x, density * ((a.asnumpy() - 1) / x.asnumpy() - 1), rtol=1e-9, atol=1e-12)
    with pytest.raises(RuntimeError, match="second derivative with respect to 'a' is not available"):
        ms.grad(ms.grad(lambda p, q: ops.igamma(p, q).sum()))(a, x)

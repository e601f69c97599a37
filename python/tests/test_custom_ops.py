"""``ops.Custom`` (``pyfunc``: NumPy functions as operators, their outputs checked against the
declared shapes and dtypes, differentiable through ``bprop``, recorded by ``jit``) and the
registration helpers (``CustomRegOp``, ``CpuRegOp``, ``DataType``, ``custom_info_register``,
``op_info_register``), whose op-info dicts are MindSpore 2.10's."""
import numpy as np
import pytest

import easy_mindspore  # noqa: F401 - installs the mindspore alias
import mindspore as ms
from mindspore import Tensor, ops


def test_pyfunc_operators():
    # MindSpore's docstring example.
    add = ops.Custom(lambda a, b: a + b, lambda x, _: x, lambda x, _: x, "pyfunc")
    out = add(Tensor(np.ones([16, 16], np.float32)), Tensor(np.ones([16, 16], np.float32)))
    assert out.shape == (16, 16) and out.dtype == ms.float32 and float(out.asnumpy()[0, 0]) == 2.0
    two = ops.Custom(lambda a: (a * 2, a.sum()), lambda x: (x, ()), lambda x: (x, ms.float64))
    y, s = two(Tensor(np.arange(3, dtype=np.float32)))
    assert y.asnumpy().tolist() == [0, 2, 4] and s.dtype == ms.float64 and float(s.asnumpy()) == 3.0
    fixed = ops.Custom(lambda a: a.astype(np.int64) * 2, [3], ms.int32)
    assert fixed(Tensor(np.ones(3, np.float32))).dtype == ms.int32


def test_bprop_jit_and_errors():
    def bprop(x, y, out, dout):
        return dout * 2, dout * 3

    lin = ops.Custom(lambda a, b: a * 2 + b * 3, lambda x, _: x, lambda x, _: x, bprop=bprop)
    ga, gb = ms.grad(lambda a, b: lin(a, b).sum(), grad_position=(0, 1))(Tensor(np.ones(2, np.float32)),
                                                                           Tensor(np.ones(2, np.float32)))
    assert ga.asnumpy().tolist() == [2, 2] and gb.asnumpy().tolist() == [3, 3]
    f = ms.jit(lambda a: lin(a, a) + 1)
    assert f(Tensor(np.ones(2, np.float32))).asnumpy().tolist() == [6, 6]
    plain = ops.Custom(lambda a: a, lambda x: x, lambda x: x)
    with pytest.raises(RuntimeError, match="no 'bprop'"):
        ms.grad(lambda a: plain(a).sum())(Tensor(np.ones(2, np.float32)))
    with pytest.raises(ValueError, match="out_shape"):
        ops.Custom(lambda a: a[:1], lambda x: x, lambda x: x)(Tensor(np.ones(3, np.float32)))
    ops.Custom("./kernel.so:f", [1], ms.float32, "aot")  # built as MindSpore builds it (no error)
    with pytest.raises(ValueError):
        ops.Custom(lambda a: a)
    with pytest.raises(TypeError):
        ops.Custom(3, [1], ms.float32)
    with pytest.raises(TypeError):
        plain(np.ones(2))


def test_registration_info():
    D = ops.DataType
    assert D.F32_Default == ("float32", "DefaultFormat") and D.F16_None == ("float16", "")
    assert D.I8_NC1HWC0 == ("int8", "NC1HWC0") and D.F32_Default_Tuple == ("float32", "DefaultFormat", "tuple")
    assert D.None_None == ("", "") and D.F32_FracZNLSTM == ("float32", "FRACTAL_ZN_LSTM")
    info = (ops.CustomRegOp("op").input(0, "x", "dynamic").output(0, "z", "optional")
            .attr("scale", "required", "float", value="1.0").attr("k", "optional", "int")
            .dtype_format(D.F16_Default, D.F16_None).target("GPU").fusion_type("OPAQUE").get_op_info())
    # MindSpore 2.10's dict for the same calls.
    assert info == {"op_name": "op", "inputs": [{"index": 0, "name": "x", "paramType": "dynamic"}],
                    "outputs": [{"index": 0, "name": "z", "paramType": "optional"}],
                    "attr": [{"name": "scale", "paramType": "required", "type": "float", "value": "1.0"},
                             {"name": "k", "paramType": "optional", "type": "int"}],
                    "fusion_type": "OPAQUE", "dtype_format": [(("float16", "DefaultFormat"), ("float16", ""))],
                    "target": "GPU"}
    cpu = ops.CpuRegOp("Foo").input(0, "x", "required").output(0, "y", "required").attr("a", "int") \
        .dtype_format(D.F32_Default, D.F32_Default).get_op_info()
    assert cpu["attr"] == [{"name": "a", "type": "int"}] and cpu["imply_type"] == "CPU"
    assert ops.CustomRegOp().get_op_info()["target"] == "UnKnown"
    with pytest.raises(TypeError):
        ops.CustomRegOp("x").input("0", "x")

    @ops.custom_info_register(info)
    def f(x):
        return x + 1
    assert f.reg_info == (info,) and f(1) == 2

    @ops.op_info_register(cpu)
    def _foo():
        return None
    from mindspore.ops._custom_ops import registered_op_info
    assert registered_op_info["Foo"] is cpu

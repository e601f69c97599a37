"""A Cell's hooks, ``apply``, flags, ``insert_param_to_cell`` and ``to``, against what MindSpore
2.10 printed for the same scripts (values, call order, tuple lengths, what the calls return)."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Parameter, Tensor, nn, ops
from easy_mindspore.common.hook_handle import HookHandle
from easy_mindspore.common.initializer import One, initializer


class Twice(nn.Cell):
    def __init__(self):
        super().__init__()
        self.relu = nn.ReLU()

    def construct(self, x):
        return self.relu(x + x)


def test_the_documented_hooks_run_in_mindspores_order_with_its_values():
    log = []
    net = Twice()
    net.relu.register_forward_pre_hook(lambda c, args: log.append(("pre", args[0].asnumpy().tolist())))
    net.relu.register_forward_hook(lambda c, args, out: log.append(("fwd", out.asnumpy().tolist())))
    net.relu.register_backward_pre_hook(lambda c, g: log.append(("bwd_pre", len(g), g[0].asnumpy().tolist())))
    net.relu.register_backward_hook(
        lambda c, gi, go: log.append(("bwd", gi[0].asnumpy().tolist(), go[0].asnumpy().tolist())))
    grads = ops.GradOperation(get_all=True)(net)(Tensor(np.ones([1], np.float32)))
    np.testing.assert_array_equal(grads[0].asnumpy(), [2.0])
    # MindSpore 2.10: forward inputs [2.], output [2.], then grad_output (1,) before grad_input.
    assert log == [("pre", [2.0]), ("fwd", [2.0]), ("bwd_pre", 1, [1.0]), ("bwd", [1.0], [1.0])]


def test_a_backward_hook_sees_and_replaces_every_input_gradient():
    class Two(nn.Cell):
        def construct(self, x, y):
            return x * y, x + y

    m, seen = Two(), []

    def hook(cell, grad_input, grad_output):
        seen.append(([g.asnumpy().tolist() for g in grad_input], [g.asnumpy().tolist() for g in grad_output]))
        return (grad_input[0] * 2, grad_input[1])

    handle = m.register_backward_hook(hook)

    def f(x, y):
        a, b = m(x, y)
        return (a * 3 + b).sum()

    x, y = Tensor([1.0, 2.0]), Tensor([3.0, 4.0])
    gx, gy = ms.grad(f, grad_position=(0, 1))(x, y)
    assert seen == [([[10.0, 13.0], [4.0, 7.0]], [[3.0, 3.0], [1.0, 1.0]])]
    np.testing.assert_array_equal(gx.asnumpy(), [20.0, 26.0])
    np.testing.assert_array_equal(gy.asnumpy(), [4.0, 7.0])
    assert isinstance(handle, HookHandle)
    handle.remove()
    handle.remove()  # a second remove does nothing
    gx, _ = ms.grad(f, grad_position=(0, 1))(x, y)
    np.testing.assert_array_equal(gx.asnumpy(), [10.0, 13.0])
    assert len(seen) == 1


def test_forward_hooks_replace_inputs_and_outputs():
    r = nn.ReLU()
    r.register_forward_pre_hook(lambda c, a: a[0] * 2)  # a bare value is wrapped in a tuple
    r.register_forward_hook(lambda c, a, o: o + 1)
    np.testing.assert_array_equal(r(Tensor([1.0, -1.0])).asnumpy(), [3.0, 1.0])
    g = ms.grad(lambda x: r(x).sum())(Tensor([1.0, -1.0]))
    np.testing.assert_array_equal(g.asnumpy(), [2.0, 0.0])
    k = nn.ReLU()
    k.register_forward_pre_hook(lambda c, a, kw: ((a[0] * 3,), kw), with_kwargs=True)
    np.testing.assert_array_equal(k(Tensor([1.0, -1.0])).asnumpy(), [3.0, 0.0])
    order = []
    k.register_forward_hook(lambda c, a, o: order.append("second"))
    k.register_forward_hook(lambda c, a, o: order.append("first"), prepend=True)
    k(Tensor([1.0]))
    assert order == ["first", "second"]


def test_a_backward_pre_hook_replaces_the_output_gradient():
    r = nn.ReLU()
    r.register_backward_pre_hook(lambda c, g: (g[0] * 10,))
    g = ms.grad(lambda x: r(x).sum())(Tensor([1.0, -1.0]))
    np.testing.assert_array_equal(g.asnumpy(), [10.0, 0.0])


def test_a_hook_that_is_not_callable_is_a_type_error():
    with pytest.raises(TypeError, match="callable hook function, but got int"):
        nn.ReLU().register_forward_hook(3)


def test_apply_visits_children_first_and_returns_the_cell():
    s = nn.SequentialCell(nn.Dense(2, 2), nn.SequentialCell(nn.ReLU()))
    names = []
    assert s.apply(lambda c: names.append(type(c).__name__)) is s
    assert names == ["Dense", "ReLU", "SequentialCell", "SequentialCell"]

    def init(cell):
        if isinstance(cell, nn.Dense):
            cell.weight.set_data(initializer(One(), cell.weight.shape, cell.weight.dtype))

    s.apply(init)
    np.testing.assert_array_equal(s[0].weight.asnumpy(), np.ones((2, 2)))


def test_flags_recompute_and_class_name():
    s = nn.SequentialCell(nn.ReLU())
    assert s.add_flags(sink_mode=True) is s and s.sink_mode is True
    assert s.get_flags() == {"sink_mode": True}
    s.add_flags_recursive(fp16=False)
    assert s[0].fp16 is False and s[0].get_flags() == {"fp16": False}
    assert s.recompute() is None and s.get_flags()["recompute"] is True
    assert s.cls_name == "SequentialCell"


def test_insert_param_to_cell_names_and_registers_the_parameter():
    n = nn.ReLU()
    n.insert_param_to_cell("bias", Parameter(Tensor([1, 2, 3])))
    assert n.bias.name == "bias" and [p.name for p in n.get_parameters()] == ["bias"]
    with pytest.raises(KeyError):
        n.insert_param_to_cell("a.b", Parameter(Tensor([1.0])))
    with pytest.raises(TypeError):
        n.insert_param_to_cell("w", Tensor([1.0]))


def test_to_casts_float_parameters_and_the_network_computes_in_that_dtype():
    s = nn.SequentialCell(nn.Dense(2, 2), nn.Dense(2, 2))
    before = s[0].weight.asnumpy()
    assert s.to(ms.float64) is s
    assert s[0].weight.dtype == ms.float64 and s[1].bias.dtype == ms.float64
    np.testing.assert_array_equal(s[0].weight.asnumpy(), before.astype(np.float64))
    assert s(Tensor(np.ones((1, 2)))).dtype == ms.float64
    with pytest.raises(TypeError):
        s.to(ms.int32)

"""nn.Cell, containers, vmap of a CellList and the experimental LR schedulers: behaviours found by
running MindSpore's tests/st (nn, container, vmap, optimizer_ex, parameter) through the package."""
import numpy as np
import pytest

import easy_mindspore as ems
from easy_mindspore import nn, ops
from easy_mindspore.experimental import optim


class _Holder(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = ems.Parameter(ems.Tensor([1.0, 2.0]), name="w")
        self.register_buffer("running", ems.Tensor([0.5, 0.5]))

    def construct(self, x):
        return x * self.w + self.running


def test_scheduler_steps_inside_a_jitted_function():
    w = ems.Parameter(ems.Tensor([1.0]), name="w")
    opt = optim.Adam([w], 0.05)
    sched = optim.lr_scheduler.StepLR(opt, step_size=2, gamma=0.1)

    @ems.jit
    def step():
        sched.step()
        return sched.get_last_lr()

    # lr = 0.05 · 0.1^⌊epoch / 2⌋ for epochs 1, 2, 3, 4, 5
    got = [float(step()[0]) for _ in range(5)]
    np.testing.assert_allclose(got, [0.05, 0.005, 0.005, 0.0005, 0.0005], rtol=1e-6)
    assert sched.last_epoch == 5


def test_scheduler_in_a_graph_mode_cell():
    w = ems.Parameter(ems.Tensor([1.0]), name="w")
    opt = optim.SGD([w], lr=0.1)
    sched = optim.lr_scheduler.ExponentialLR(opt, gamma=0.5)

    class Sched(nn.Cell):
        def construct(self):
            sched.step()
            return sched.get_last_lr()

    net = Sched()
    ems.set_context(mode=ems.GRAPH_MODE)
    try:
        got = [float(net()[0]) for _ in range(3)]
    finally:
        ems.set_context(mode=ems.PYNATIVE_MODE)
    np.testing.assert_allclose(got, [0.05, 0.025, 0.0125], rtol=1e-6)


def test_flagged_tensor_assignment_registers_a_buffer():
    net = _Holder()
    buf = ops.stop_gradient(ems.Tensor([3.0, 4.0]))
    buf._is_buffer = True  # what common.parameter._Buffer(t) makes
    buf.persistent = False
    net.extra = buf
    assert [n for n, _ in net.named_buffers()] == ["running", "extra"]
    assert list(net.state_dict()) == ["w", "running"]  # `extra` is not persistent


def test_get_buffer_and_get_sub_cell():
    outer = nn.SequentialCell([_Holder(), nn.ReLU()])
    np.testing.assert_array_equal(outer.get_buffer("0.running").asnumpy(), [0.5, 0.5])
    assert isinstance(outer.get_sub_cell("1"), nn.ReLU)
    assert outer.get_sub_cell("") is outer
    with pytest.raises(AttributeError, match="not a buffer"):
        outer.get_buffer("0.w")
    with pytest.raises(AttributeError):
        outer.get_sub_cell("0.w")
    with pytest.raises(AttributeError):
        outer.get_buffer("5.running")


def test_state_dict_hooks():
    src = nn.SequentialCell([_Holder()])
    calls = []
    src.register_state_dict_pre_hook(lambda cell, prefix, keep: calls.append(("pre", prefix)))
    src[0].register_state_dict_pre_hook(lambda cell, prefix, keep: calls.append(("pre", prefix)))

    def post(cell, sd, prefix, meta):
        calls.append(("post", prefix, len(sd)))

    handle = src.register_state_dict_post_hook(post)
    sd = src.state_dict()
    assert calls == [("pre", ""), ("pre", "0."), ("post", "", 2)]
    handle.remove()
    calls.clear()
    src.state_dict()
    assert ("post", "", 2) not in calls

    dst = nn.SequentialCell([_Holder()])
    seen = []

    def rename(cell, state, prefix, meta, strict, missing, unexpected, errors):
        state[prefix + "0.w"] = state.pop(prefix + "0.weight_old")

    def after(cell, keys):
        seen.append((list(keys.missing_keys), list(keys.unexpected_keys)))

    dst.register_load_state_dict_pre_hook(rename)
    dst.register_load_state_dict_post_hook(after)
    weights = {"0.weight_old": ems.Tensor([7.0, 8.0]), "0.running": sd["0.running"]}
    assert str(dst.load_state_dict(weights)) == "<All keys matched successfully>"
    np.testing.assert_array_equal(dst[0].w.asnumpy(), [7.0, 8.0])
    assert seen == [([], [])]
    # a post hook may clear the missing keys before `strict` is checked
    dst.register_load_state_dict_post_hook(lambda cell, keys: keys.missing_keys.clear())
    dst.load_state_dict({"0.weight_old": ems.Tensor([1.0, 1.0])})
    np.testing.assert_array_equal(dst[0].w.asnumpy(), [1.0, 1.0])
    bad = nn.Dense(2, 1)
    bad.register_state_dict_post_hook(lambda cell, sd, prefix, meta: 1)
    with pytest.raises(RuntimeError):
        bad.state_dict()


def test_containers_reject_what_mindspore_rejects():
    with pytest.raises(TypeError):
        nn.CellList([nn.CellDict({"relu": nn.ReLU()})])
    with pytest.raises(TypeError):
        nn.CellList().extend([nn.CellDict({"relu": nn.ReLU()})])
    cells = nn.CellDict({"relu": nn.ReLU()})
    with pytest.raises(KeyError):
        cells["_scope"] = nn.ReLU()
    # set_inputs takes any static argument (MindSpore's dynamic-shape declaration)
    assert nn.ReLU().set_inputs(ems.Tensor([1.0]), "ortho", 2).get_inputs()[1] == "ortho"


def test_parameter_tuple_members_with_generated_names_are_renamed():
    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.a = ems.Parameter(ems.Tensor([1.0]), name="a")
            self.t = ems.ParameterTuple((ems.Parameter(ems.Tensor([2.0])), self.a,
                                         ems.Parameter(ems.Tensor([3.0]))))

    net = Net()
    assert [p.name for p in net.t] == ["Parameter$1", "a", "Parameter$2"]


def test_vmap_of_a_cell_list_runs_one_example_per_cell():
    cells = [nn.Dense(3, 2) for _ in range(4)]
    x = np.random.default_rng(0).random((4, 3)).astype(np.float32)
    got = ops.vmap(nn.CellList(cells), in_axes=0, out_axes=1)(ems.Tensor(x))
    want = np.stack([c(ems.Tensor(x[i:i + 1]))[0].asnumpy() for i, c in enumerate(cells)], 1)
    np.testing.assert_allclose(got.asnumpy(), want, rtol=1e-6)
    with pytest.raises(ValueError, match="axis_size: 3 and the cell"):
        ops.vmap(nn.CellList(cells))(ems.Tensor(np.ones((3, 3), np.float32)))
    # d/dx Σ_i (w_i · x_i) is w_i for each example
    ws = [ems.Parameter(ems.Tensor([float(i + 1)]), name=f"w{i}") for i in range(3)]

    class Scale(nn.Cell):
        def __init__(self, w):
            super().__init__()
            self.w = w

        def construct(self, x):
            return self.w * x

    vm = ops.vmap(nn.CellList([Scale(w) for w in ws]))
    g = ops.grad(lambda x: vm(x).sum())(ems.Tensor(np.ones((3, 1), np.float32)))
    np.testing.assert_allclose(g.asnumpy(), [[1.0], [2.0], [3.0]])

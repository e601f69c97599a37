"""Mixed precision and loss scaling (mindspore.amp, Cell.to_float, nn.TrainOneStepWithLossScaleCell
and the update cells, Model's amp_level / loss_scale_manager): Float16 values against NumPy
float64 references, gradients reaching the Float32 weights, the loss-scale state machines
against the sequences MindSpore 2.10 prints on CPU, overflow skipping, training that
converges, and MindSpore's error classes."""
import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import Tensor, amp, nn, ops
from easy_mindspore.train import Model

RNG = np.random.default_rng(11)
F16_EPS = 2.0 ** -10


def f32(a):
    return np.asarray(a, np.float32)


# ---------------------------------------------------------------- Float16 compute
def test_float16_matmul_accumulates_wider_than_float16():
    a = RNG.standard_normal((32, 2048)).astype(np.float16)
    b = RNG.standard_normal((2048, 16)).astype(np.float16)
    ref = a.astype(np.float64) @ b.astype(np.float64)
    got = (Tensor(a) @ Tensor(b))
    assert got.dtype == ms.float16
    err = np.abs(got.asnumpy().astype(np.float64) - ref)
    # one rounding of the result to Float16 (half an ulp), not 2048 roundings of a running sum
    assert np.all(err <= np.abs(ref) * F16_EPS / 2 + 1e-3)


@pytest.mark.parametrize("make,shape", [
    (lambda: nn.Dense(5, 3), (4, 5)),
    (lambda: nn.Dense(5, 1, activation="relu"), (1, 5)),
    (lambda: nn.Conv2d(2, 3, 3, has_bias=True), (2, 2, 5, 4)),
    (lambda: nn.Conv2d(2, 4, 2, stride=2, pad_mode="valid", group=2), (1, 2, 4, 4)),
    (lambda: nn.Conv1d(2, 3, 3, pad_mode="pad", padding=1, has_bias=True), (2, 2, 6)),
    (lambda: nn.LayerNorm((4,)), (3, 4)),
    (lambda: nn.InstanceNorm1d(2), (2, 2, 5)),
])
def test_to_float_runs_in_float16_with_float32_weights(make, shape):
    ms.set_seed(3)
    cell = make()
    x = RNG.standard_normal(shape).astype(np.float32)
    ref = cell(Tensor(x.astype(np.float16).astype(np.float32))).asnumpy()
    params = cell.trainable_params()
    ref_grads = ms.value_and_grad(lambda t: cell(t).sum(), None, params)(Tensor(x))[1]
    assert cell.to_float(ms.float16) is cell
    y = cell(Tensor(x))
    assert y.dtype == ms.float16
    np.testing.assert_allclose(y.asnumpy().astype(np.float32), ref, rtol=2e-2, atol=2e-2)
    grads = ms.value_and_grad(lambda t: cell(t).astype(ms.float32).sum(), None, params)(Tensor(x))[1]
    for p, g, r in zip(params, grads, ref_grads):
        assert p.dtype == ms.float32 and g.dtype == ms.float32, p.name
        np.testing.assert_allclose(g.asnumpy(), r.asnumpy(), rtol=3e-2, atol=3e-2)


def test_to_float_rejects_other_dtypes_and_float32_undoes():
    cell = nn.Dense(2, 2)
    with pytest.raises(ValueError, match="For 'to_float', the argument 'dst_type' must be"):
        cell.to_float(ms.int32)
    x = Tensor(np.ones((1, 2), np.float32))
    assert cell.to_float(ms.float16)(x).dtype == ms.float16
    assert cell.to_float(ms.float32)(x).dtype == ms.float32


class Probe(nn.Cell):
    """Records the dtype of what flows through it."""

    def __init__(self):
        super().__init__()
        self.seen = []

    def construct(self, x):
        self.seen.append(x.dtype)
        return x


def probed_net():
    probes = [Probe(), Probe(), Probe()]
    net = nn.SequentialCell(nn.Dense(3, 4), probes[0], nn.BatchNorm1d(4), probes[1], nn.ReLU(),
                            nn.Dense(4, 2), probes[2])
    return net, probes


@pytest.mark.parametrize("level,seen,out", [
    ("O0", [ms.float32, ms.float32, ms.float32], ms.float32),
    # O1: Dense in Float16 with its output cast back to Float32; everything else Float32
    ("O1", [ms.float32, ms.float32, ms.float32], ms.float32),
    # O2: Float16 except BatchNorm (Float32 inside, its output cast back to Float16)
    ("O2", [ms.float16, ms.float16, ms.float16], ms.float32),
    ("O3", [ms.float16, ms.float16, ms.float16], ms.float32),
])
def test_auto_mixed_precision_levels(level, seen, out):
    net, probes = probed_net()
    x = Tensor(RNG.standard_normal((5, 3)).astype(np.float32))
    want = net(x).asnumpy()
    for p in probes:
        p.seen.clear()
    wrapped = amp.auto_mixed_precision(net, level)
    got = wrapped(x)
    assert [p.seen[-1] for p in probes] == seen
    assert got.dtype == out
    np.testing.assert_allclose(got.asnumpy(), want, rtol=5e-2, atol=5e-2)
    assert all(p.dtype == ms.float32 for p in wrapped.trainable_params())
    # names stay the backbone's (a checkpoint loads into the bare network)
    assert [p.name for p in wrapped.trainable_params()][:2] == ["0.weight", "0.bias"]
    if level == "O2":
        assert type(net[2]).__name__ == "_OutputTo16"
        assert net[2]._backbone.__dict__["_amp_dtype"] == ms.float32


def test_o1_casts_white_listed_primitives_held_by_cells():
    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.matmul = ops.MatMul()
            self.w = ms.Parameter(Tensor(np.ones((3, 2), np.float32)), name="w")
            self.probe = Probe()

        def construct(self, x):
            return self.probe(self.matmul(x, self.w))

    net = amp.auto_mixed_precision(Net(), "O1")
    y = net(Tensor(np.full((2, 3), 0.1, np.float32)))
    # computed in Float16 (0.1 rounds to 0.0999755859375), returned as Float32
    assert y.dtype == ms.float32 and net.probe.seen == [ms.float32]
    np.testing.assert_allclose(y.asnumpy(), np.full((2, 2), 3 * np.float16(0.1)), rtol=1e-3)


def test_white_and_black_lists():
    assert nn.Dense in amp.get_white_list() and nn.Conv2d in amp.get_white_list()
    assert ops.MatMul in amp.get_white_list()
    # MindSpore 2.10: [BatchNorm1d, BatchNorm2d, BatchNorm3d, LayerNorm]
    assert amp.get_black_list() == [nn.BatchNorm1d, nn.BatchNorm2d, nn.BatchNorm3d, nn.LayerNorm]
    lst = amp.get_white_list()
    lst.append(nn.Flatten)  # a copy
    assert nn.Flatten not in amp.get_white_list()
    net, probes = probed_net()
    out = amp.custom_mixed_precision(net, black_list=[nn.BatchNorm1d])
    assert out(Tensor(np.ones((2, 3), np.float32))).dtype == ms.float32
    assert probes[0].seen == [ms.float16]


# ---------------------------------------------------------------- state machines (MindSpore's sequences)
def test_all_finite():
    assert not amp.all_finite((Tensor([1.0, 2.0]), Tensor([np.inf]))).asnumpy()
    assert amp.all_finite([Tensor([1.0])]).asnumpy()
    assert not amp.all_finite((Tensor(np.array([1.0, np.nan], np.float16)),)).asnumpy()
    assert amp.all_finite((Tensor(np.array([65504.0], np.float16)),)).asnumpy()
    assert amp.all_finite(()).dtype == ms.bool_
    with pytest.raises(TypeError, match="For 'all_finite'"):
        amp.all_finite(Tensor([1.0]))


def test_loss_scalers():
    s = amp.StaticLossScaler(1024)
    np.testing.assert_array_equal(s.scale(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy(),
                                  [1024.0, 2048.0])
    g16, g32 = s.unscale((Tensor(np.array([1.0], np.float16)), Tensor([2.0])))
    assert g16.dtype == ms.float16 and g32.dtype == ms.float32
    np.testing.assert_allclose(g16.asnumpy(), [9.7656e-04], rtol=1e-4)  # as MindSpore prints
    np.testing.assert_allclose(g32.asnumpy(), [1.953125e-03])
    assert s.adjust(Tensor(True)) is False
    d = amp.DynamicLossScaler(1024, 2, 3)
    assert d.scale_value.name == "scale_value" and d.counter.name == "counter"
    seq = []
    for finite in [True, True, True, False, True, True, True, True]:
        assert d.adjust(Tensor(finite)) is True
        seq.append((float(d.scale_value.asnumpy()), int(d.counter.asnumpy())))
    # MindSpore 2.10 (CPU)
    assert seq == [(1024, 1), (1024, 2), (2048, 0), (1024, 0), (1024, 1), (1024, 2), (2048, 0),
                   (2048, 1)]
    low = amp.DynamicLossScaler(1, 2, 1)
    low.adjust(Tensor(False))
    assert float(low.scale_value.asnumpy()) == 1.0  # never below 1


def test_dynamic_update_cell_sequence():
    update = nn.DynamicLossScaleUpdateCell(loss_scale_value=2 ** 12, scale_factor=2, scale_window=3)
    scale = ms.Parameter(Tensor(2.0 ** 12, ms.float32), name="ls")
    seq = []
    for ov in [False, False, False, True, False, False, False, False]:
        out = update(scale, Tensor(ov))
        assert bool(out.asnumpy()) == ov
        seq.append((float(scale.asnumpy()), int(update.cur_iter.asnumpy()),
                    int(update.last_overflow_iter.asnumpy())))
    # MindSpore 2.10 (CPU)
    assert seq == [(4096, 2, 0), (4096, 3, 0), (8192, 4, 3), (4096, 5, 4), (4096, 6, 4),
                   (4096, 7, 4), (8192, 8, 7), (8192, 9, 7)]
    assert [(n, p.name) for n, p in update.parameters_and_names()] == [
        ("cur_iter", "current_iterator_step"), ("last_overflow_iter", "last_overflow_iterator_step")]
    fixed = nn.FixedLossScaleUpdateCell(64)
    assert bool(fixed(scale, Tensor(True)).asnumpy()) and fixed.get_loss_scale() == 64
    with pytest.raises(TypeError, match="For 'DynamicLossScaleUpdateCell'"):
        update(scale, Tensor(1.0))


def test_managers():
    m = amp.DynamicLossScaleManager(2 ** 4, 2, 2)
    seq = []
    for ov in [False, False, True, False, False]:
        m.update_loss_scale(ov)
        seq.append((m.get_loss_scale(), m.cur_iter))
    assert seq == [(16, 2), (32, 3), (16.0, 4), (16.0, 5), (32.0, 6)]  # MindSpore 2.10
    assert m.get_drop_overflow_update() is True
    cell = m.get_update_cell()
    assert isinstance(cell, nn.DynamicLossScaleUpdateCell) and cell.get_loss_scale() == 32.0
    f = amp.FixedLossScaleManager(1024.0, drop_overflow_update=False)
    assert f.get_update_cell() is None and f.get_loss_scale() == 1024.0
    assert isinstance(amp.FixedLossScaleManager().get_update_cell(), nn.FixedLossScaleUpdateCell)
    assert ms.FixedLossScaleManager is amp.FixedLossScaleManager
    assert ms.train.DynamicLossScaleManager is amp.DynamicLossScaleManager
    bad = amp.DynamicLossScaleManager(2, 2, 10)
    bad.bad_step_max = 2
    with pytest.raises(RuntimeError, match="DynamicLossScaleManager"):
        for _ in range(3):
            bad.update_loss_scale(True)


# ---------------------------------------------------------------- loss-scaled steps
def _regression():
    x = RNG.standard_normal((8, 3)).astype(np.float32)
    y = (x @ np.array([[1.0], [-2.0], [0.5]], np.float32) + 0.3).astype(np.float32)
    return Tensor(x), Tensor(y)


def _sgd_reference(w, b, x, y, lr):
    """One SGD step of mean((x w^T + b - y)^2) in float64."""
    x, y = x.asnumpy().astype(np.float64), y.asnumpy().astype(np.float64)
    r = x @ w.T + b - y
    gw = 2 * r.T @ x / r.size
    gb = 2 * r.sum(0) / r.size
    return w - lr * gw, b - lr * gb


@pytest.mark.parametrize("graph", [False, True])
def test_loss_scaled_step_updates_and_skips(graph):
    x, y = _regression()
    net = nn.Dense(3, 1)
    w0, b0 = net.weight.asnumpy().astype(np.float64), net.bias.asnumpy().astype(np.float64)
    opt = nn.SGD(net.trainable_params(), 0.1)
    update = nn.DynamicLossScaleUpdateCell(loss_scale_value=2 ** 10, scale_factor=2, scale_window=2)
    step = nn.TrainOneStepWithLossScaleCell(nn.WithLossCell(net, nn.MSELoss()), opt, update)
    ms.set_context(mode=ms.GRAPH_MODE if graph else ms.PYNATIVE_MODE)
    try:
        loss, overflow, scale = step(x, y)
        assert not bool(overflow.asnumpy()) and float(scale.asnumpy()) == 1024.0
        w1, b1 = _sgd_reference(w0, b0, x, y, 0.1)  # the scale divides out exactly
        np.testing.assert_allclose(net.weight.asnumpy(), w1, rtol=1e-5)
        np.testing.assert_allclose(net.bias.asnumpy(), b1, rtol=1e-5)
        # an overflowing batch: the step is skipped and the scale halves
        before = net.weight.asnumpy().copy()
        bad = Tensor(np.full((8, 3), 1e38, np.float32))
        loss, overflow, scale = step(bad, y)
        assert bool(overflow.asnumpy()) and float(scale.asnumpy()) == 512.0
        np.testing.assert_array_equal(net.weight.asnumpy(), before)
        # two finite steps after the overflow: the scale doubles again (scale_window=2)
        for _ in range(2):
            loss, overflow, scale = step(x, y)
        assert float(scale.asnumpy()) == 1024.0
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)


def test_loss_scaled_step_with_a_tensor_scale():
    x, y = _regression()
    net = nn.Dense(3, 1)
    step = nn.TrainOneStepWithLossScaleCell(nn.WithLossCell(net, nn.MSELoss()),
                                            nn.SGD(net.trainable_params(), 0.1),
                                            Tensor(64.0, ms.float32))
    _, _, scale = step(x, y)
    assert float(scale.asnumpy()) == 64.0
    step.set_sense_scale(Tensor(8.0, ms.float32))
    assert float(step(x, y)[2].asnumpy()) == 8.0
    with pytest.raises(TypeError, match="'sens' must be Tensor"):
        step.set_sense_scale(8.0)


def test_float16_network_needs_the_scale():
    """A Float16 network whose weight gradients underflow without scaling gets them right
    with it (the scale is divided out in Float32, after the cast back to the weights)."""
    x = Tensor(np.full((4, 2), 1e-4, np.float32))
    y = Tensor(np.zeros((4, 1), np.float32))
    grads = {}
    for scale in (1.0, 2.0 ** 14):
        net = nn.Dense(2, 1, weight_init="ones", bias_init="zeros")
        net.to_float(ms.float16)
        loss_net = nn.WithLossCell(net, nn.MSELoss())
        step = nn.TrainOneStepWithLossScaleCell(loss_net, nn.SGD(net.trainable_params(), 1e6),
                                                Tensor(scale, ms.float32))
        step(x, y)
        grads[scale] = (1.0 - net.weight.asnumpy()) / 1e6  # the applied gradient
    # dL/dw = mean(2·(2e-4)·1e-4) = 4e-8, under Float16's smallest subnormal (5.96e-8) when
    # unscaled: it comes out as that subnormal; scaled by 2^14 it is exact to Float16's precision
    np.testing.assert_allclose(grads[2.0 ** 14], 4e-8, rtol=1e-2)
    assert np.all(np.abs(grads[1.0] - 4e-8) > 0.2 * 4e-8)


def test_build_train_network_kinds():
    x, y = _regression()

    def build(level, **kw):
        net = nn.Dense(3, 1)
        return amp.build_train_network(net, nn.SGD(net.trainable_params(), 0.01), nn.MSELoss(),
                                       level, **kw)

    assert type(build("O0")).__name__ == "TrainOneStepCell"
    o2 = build("O2")
    assert type(o2).__name__ == "TrainOneStepWithLossScaleCell"
    assert float(o2.scale_sense.asnumpy()) == 2.0 ** 24
    assert type(o2.network).__name__ == "_AmpWithLossCell"
    fixed = build("O3", loss_scale_manager=amp.FixedLossScaleManager(64.0, False))
    assert type(fixed).__name__ == "TrainOneStepCell" and fixed.sens == 64.0
    assert fixed(x, y).dtype == ms.float32
    dropping = build("O2", loss_scale_manager=amp.FixedLossScaleManager(64.0))
    assert isinstance(dropping.loss_scaling_manager, nn.FixedLossScaleUpdateCell)
    no_bn32 = build("O2", keep_batchnorm_fp32=False, loss_scale_manager=None)
    assert type(no_bn32).__name__ == "TrainOneStepCell"
    assert no_bn32.training


def test_model_o2_converges_and_tracks_the_scale():
    r = np.random.default_rng(0)
    x = r.standard_normal((64, 4)).astype(np.float32)
    y = (x @ r.standard_normal((4, 1)) + 0.1).astype(np.float32)
    ms.set_seed(0)
    net = nn.SequentialCell(nn.Dense(4, 16), nn.BatchNorm1d(16), nn.ReLU(), nn.Dense(16, 1))
    manager = amp.DynamicLossScaleManager(2 ** 16, 2, 50)
    model = Model(net, nn.MSELoss(), nn.Momentum(net.trainable_params(), 0.05, 0.9),
                  metrics={"mse"}, amp_level="O2", loss_scale_manager=manager)
    data = ms.dataset.NumpySlicesDataset((x, y), shuffle=False).batch(16)
    start = model.eval(data)["mse"]
    model.train(15, data)
    end = model.eval(data)["mse"]
    assert end < 0.1 * start
    step = model.train_network
    assert type(step).__name__ == "TrainOneStepWithLossScaleCell"
    # the host manager followed the device scale step by step
    assert manager.get_loss_scale() == float(step.scale_sense.asnumpy())
    assert all(p.dtype == ms.float32 for p in net.trainable_params())
    assert model.predict(Tensor(x[:2])).dtype == ms.float16  # O2's network, as in MindSpore


def test_model_o3_with_fixed_scale_and_graph_mode():
    r = np.random.default_rng(1)
    x = r.standard_normal((32, 3)).astype(np.float32)
    y = (x.sum(1, keepdims=True) * 0.5).astype(np.float32)
    net = nn.Dense(3, 1)
    opt = nn.SGD(net.trainable_params(), 0.1, loss_scale=128.0)
    model = Model(net, nn.MSELoss(), opt, amp_level="O3",
                  loss_scale_manager=amp.FixedLossScaleManager(128.0, drop_overflow_update=False))
    data = ms.dataset.NumpySlicesDataset((x, y), shuffle=False).batch(8)
    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        model.train(20, data)
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)
    np.testing.assert_allclose(net.weight.asnumpy(), [[0.5, 0.5, 0.5]], atol=2e-2)


@pytest.mark.parametrize("call,cls,text", [
    (lambda: amp.StaticLossScaler("a"), TypeError, "should be one of '['float', 'int']'"),
    (lambda: amp.StaticLossScaler(0.5), ValueError, "'scale_value' must be > 1, but got 0.5"),
    (lambda: amp.DynamicLossScaler(1024, 2, 0), ValueError, "'scale_window' must be int and must > 0"),
    (lambda: amp.DynamicLossScaler(1024, 1.5, 10), TypeError, "'scale_factor' must be int"),
    (lambda: amp.FixedLossScaleManager(0.5), ValueError, "'loss_scale' must be >= 1, but got 0.5"),
    (lambda: amp.DynamicLossScaleManager(0.5), ValueError, "'init_loss_scale' must be > 1"),
    (lambda: amp.DynamicLossScaleManager(8, 2, 0), ValueError, "'scale_window' must be int"),
    (lambda: amp.DynamicLossScaleManager(8, 0, 10), ValueError, "'scale_factor' must be > 0"),
    (lambda: amp.auto_mixed_precision(nn.Dense(2, 2), "O5"), ValueError, "amp level O5 is not"),
    (lambda: amp.auto_mixed_precision(nn.Dense(2, 2), "O2", ms.float32), ValueError,
     "dtype should be one of"),
    (lambda: amp.auto_mixed_precision(3, "O2"), TypeError, "the network type should be Cell"),
    (lambda: amp.build_train_network(nn.Dense(2, 2), 3, nn.MSELoss(), "O2"), TypeError,
     "'optimizer'"),
    (lambda: amp.build_train_network(nn.Dense(2, 2), nn.SGD(nn.Dense(2, 2).trainable_params()),
                                     nn.MSELoss(), "O7"), ValueError, "'level' should be in"),
    (lambda: amp.build_train_network(nn.Dense(2, 2), nn.SGD(nn.Dense(2, 2).trainable_params()),
                                     nn.MSELoss(), "O2", foo=1), ValueError, "unsupported arg 'foo'"),
    (lambda: amp.build_train_network(nn.Dense(2, 2), nn.SGD(nn.Dense(2, 2).trainable_params()),
                                     nn.MSELoss(), "O0", loss_scale_manager=3), TypeError,
     "'loss_scale_manager'"),
    (lambda: nn.TrainOneStepWithLossScaleCell(nn.WithLossCell(nn.Dense(2, 2), nn.MSELoss()),
                                              nn.SGD(nn.Dense(2, 2).trainable_params()), 3),
     TypeError, "the 'scale_sense' must be Cell or Tensor"),
    (lambda: nn.TrainOneStepWithLossScaleCell(nn.WithLossCell(nn.Dense(2, 2), nn.MSELoss()),
                                              nn.SGD(nn.Dense(2, 2).trainable_params()),
                                              Tensor(np.ones(2, np.float32))),
     ValueError, "must be (1,) or (), but got (2,)"),
    (lambda: Model(nn.Dense(2, 2), nn.MSELoss(), None,
                   loss_scale_manager=amp.FixedLossScaleManager()), ValueError,
     "'optimizer' can not be None"),
    (lambda: amp.custom_mixed_precision(nn.Dense(2, 2)), ValueError, "one of white_list"),
    (lambda: amp.custom_mixed_precision(nn.Dense(2, 2), black_list=[ops.MatMul]), TypeError,
     "should be one of 'Cell'"),
])
def test_errors(call, cls, text):
    with pytest.raises(cls) as info:
        call()
    assert text in str(info.value)
    assert isinstance(info.value, ms.Error)


@pytest.mark.parametrize("mode", ["PYNATIVE_MODE", "GRAPH_MODE"])
def test_model_o2_classifier_with_int_labels(mode):
    """O2 with BatchNorm kept in Float32 and an int-labelled loss, trained and evaluated (the
    evaluation cell casts the outputs, not the int labels, to Float32)."""
    r = np.random.default_rng(0)
    x = r.standard_normal((48, 1, 6, 6)).astype(np.float32)
    y = (x.mean(axis=(1, 2, 3)) > 0).astype(np.int32)
    ms.set_seed(0)
    net = nn.SequentialCell(nn.Conv2d(1, 4, 3), nn.BatchNorm2d(4), nn.ReLU(), nn.Flatten(),
                            nn.Dense(144, 2))
    model = Model(net, nn.CrossEntropyLoss(), nn.Adam(net.trainable_params(), 0.01),
                  metrics={"acc", "loss"}, amp_level="O2",
                  loss_scale_manager=amp.DynamicLossScaleManager(2 ** 10, 2, 20))
    data = ms.dataset.NumpySlicesDataset((x, y), shuffle=False).batch(16)
    ms.set_context(mode=getattr(ms, mode))
    try:
        model.train(8, data)
        result = model.eval(data)
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)
    assert result["acc"] > 0.9
    assert model.eval_network.add_cast_fp32

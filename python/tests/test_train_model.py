"""mindspore.train: Model's loops against a hand-written loop and a NumPy float64 reference,
callbacks (order, cb_params, printed lines, checkpoints), metrics against NumPy references, and
MindSpore's errors. Numbers marked "MindSpore 2.10" were produced by the real MindSpore on CPU with
the same inputs and initial weights."""
import os
import re

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn
from easy_mindspore.dataset import NumpySlicesDataset
from easy_mindspore.train import (F1, MAE, MSE, Accuracy, Callback, CheckpointConfig,
                                  EarlyStopping, Fbeta, History, LambdaCallback, Loss, LossMonitor,
                                  Model, ModelCheckpoint, Precision, Recall, ReduceLROnPlateau,
                                  RunContext, TimeMonitor, Top1CategoricalAccuracy,
                                  Top5CategoricalAccuracy, TopKCategoricalAccuracy)

W0 = np.array([[0.1, -0.2, 0.3]], np.float32)
B0 = np.array([0.05], np.float32)


def regression_data(n=20):
    rs = np.random.RandomState(0)
    x = rs.randn(n, 3).astype(np.float32)
    y = (x @ np.array([[1.0], [2.0], [-1.0]], np.float32) + 0.5).astype(np.float32)
    return x, y


def dense(w=W0, b=B0):
    net = nn.Dense(w.shape[1], w.shape[0])
    net.weight.set_data(ms.Tensor(w.copy()))
    net.bias.set_data(ms.Tensor(b.copy()))
    return net


def batches(x, y, bs):
    return NumpySlicesDataset((x, y), column_names=["x", "y"], shuffle=False).batch(bs)


def numpy_sgd(x, y, w, b, lr, momentum, epochs, bs):
    """Dense + MSELoss trained by (momentum) SGD in float64, MindSpore's update
    v = m·v + g, p -= lr·v.  loss = mean((x·wᵀ + b − y)²): dL/dpred = 2(pred − y)/n."""
    w, b = w.astype(np.float64), b.astype(np.float64)
    vw, vb = np.zeros_like(w), np.zeros_like(b)
    losses = []
    for _ in range(epochs):
        for i in range(0, len(x), bs):
            xb, yb = x[i:i + bs].astype(np.float64), y[i:i + bs].astype(np.float64)
            r = xb @ w.T + b - yb
            losses.append(np.mean(r ** 2))
            g = 2 * r / r.size
            gw, gb = g.T @ xb, g.sum(axis=0)
            vw, vb = momentum * vw + gw, momentum * vb + gb
            w, b = w - lr * vw, b - lr * vb
    return w, b, losses


class Recorder(Callback):
    def __init__(self):
        super().__init__()
        self.events = []
        self.keys = {}

    def on_train_begin(self, rc):
        self.events.append("train_begin")
        self.keys["train_begin"] = sorted(rc.original_args())

    def on_train_epoch_begin(self, rc):
        self.events.append("epoch_begin")

    def on_train_step_begin(self, rc):
        self.events.append("step_begin")

    def on_train_step_end(self, rc):
        p = rc.original_args()
        self.events.append(("step_end", p.cur_epoch_num, p.cur_step_num, p.batch_num,
                            type(p.net_outputs).__name__))

    def on_train_epoch_end(self, rc):
        self.events.append("epoch_end")
        self.keys["epoch_end"] = sorted(rc.original_args())

    def on_train_end(self, rc):
        self.events.append("train_end")


# -- Model.train ------------------------------------------------------------------------------
@pytest.mark.parametrize("momentum,bs", [(0.0, 5), (0.9, 5), (0.9, 1), (0.0, 20)])
def test_train_matches_numpy_sgd(momentum, bs):
    x, y = regression_data()
    net = dense()
    opt = nn.Momentum(net.trainable_params(), 0.05, momentum) if momentum else \
        nn.SGD(net.trainable_params(), 0.05)
    model = Model(net, nn.MSELoss(), opt)
    model.train(3, batches(x, y, bs))
    w, b, _ = numpy_sgd(x, y, W0, B0, 0.05, momentum, 3, bs)
    np.testing.assert_allclose(net.weight.asnumpy(), w, rtol=1e-4, atol=1e-5)
    np.testing.assert_allclose(net.bias.asnumpy(), b, rtol=1e-4, atol=1e-5)


def test_train_matches_hand_loop_and_mindspore():
    x, y = regression_data()
    net = dense()
    model = Model(net, nn.MSELoss(), nn.Momentum(net.trainable_params(), 0.05, 0.9))
    model.train(3, batches(x, y, 5))
    # the same steps written by hand
    hand = dense()
    opt = nn.Momentum(hand.trainable_params(), 0.05, 0.9)
    step = nn.TrainOneStepCell(nn.WithLossCell(hand, nn.MSELoss()), opt)
    step.set_train()
    for _ in range(3):
        for i in range(0, 20, 5):
            step(ms.Tensor(x[i:i + 5]), ms.Tensor(y[i:i + 5]))
    np.testing.assert_array_equal(net.weight.asnumpy(), hand.weight.asnumpy())
    np.testing.assert_array_equal(net.bias.asnumpy(), hand.bias.asnumpy())
    # MindSpore 2.10 (same data, initial weights, Momentum(0.05, 0.9), 3 epochs)
    np.testing.assert_allclose(net.weight.asnumpy(), [[0.3769143, 2.3961949, -1.4607002]],
                               rtol=1e-5)
    np.testing.assert_allclose(net.bias.asnumpy(), [-0.2453271], rtol=1e-5)


def test_classification_converges():
    rs = np.random.RandomState(3)
    centers = np.array([[2, 0], [-2, 0], [0, 2.5]], np.float32)
    yc = rs.randint(0, 3, 150).astype(np.int32)
    xc = (centers[yc] + 0.5 * rs.randn(150, 2)).astype(np.float32)
    ms.set_seed(0)
    net = nn.SequentialCell([nn.Dense(2, 16), nn.ReLU(), nn.Dense(16, 3)])
    model = Model(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"),
                  nn.Adam(net.trainable_params(), 0.05), metrics={"acc", "loss"})
    data = NumpySlicesDataset((xc, yc), shuffle=True).batch(16)
    before = model.eval(data)
    model.train(10, data)
    after = model.eval(data)
    assert after["acc"] > 0.95 > before["acc"]
    assert after["loss"] < 0.2 < before["loss"]
    logits = model.predict(ms.Tensor(xc)).asnumpy()
    assert (logits.argmax(1) == yc).mean() == pytest.approx(after["acc"])


def test_callback_order_and_cb_params():
    x, y = regression_data()
    net = dense()
    rec = Recorder()
    Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.05)).train(2, batches(x, y, 5),
                                                                         callbacks=[rec])
    steps = [("step_end", e, s, 4, "Tensor") for e, s in
             [(1, 1), (1, 2), (1, 3), (1, 4), (2, 5), (2, 6), (2, 7), (2, 8)]]
    expected = ["train_begin"]
    for e in range(2):
        expected.append("epoch_begin")
        for s in steps[4 * e:4 * e + 4]:
            expected += ["step_begin", s]
        expected.append("epoch_end")
    expected.append("train_end")
    assert rec.events == expected
    # MindSpore 2.10's cb_params keys at train begin and at an epoch's end
    begin = ["batch_num", "cur_step_num", "dataset_sink_mode", "device_number", "epoch_num",
             "initial_step", "last_save_ckpt_step", "latest_ckpt_file", "list_callback",
             "loss_fn", "loss_scale_mananger", "mode", "network", "optimizer", "parallel_mode",
             "train_dataset", "train_dataset_element", "train_network"]
    assert rec.keys["train_begin"] == begin
    assert rec.keys["epoch_end"] == sorted(begin + ["cur_epoch_num", "net_outputs"])


def test_cb_params_values_and_request_stop():
    x, y = regression_data()
    net = dense()
    opt = nn.SGD(net.trainable_params(), 0.05)
    loss = nn.MSELoss()
    model = Model(net, loss, opt)
    seen = {}

    def step_end(rc):
        p = rc.original_args()
        seen.update(epoch_num=p.epoch_num, mode=p.mode, optimizer=p.optimizer, loss_fn=p.loss_fn,
                    network=p.network, train_network=p.train_network, step=p.cur_step_num,
                    element=p.train_dataset_element)
        if p.cur_step_num == 3:
            rc.request_stop()

    model.train(5, batches(x, y, 5), callbacks=LambdaCallback(on_train_step_end=step_end))
    assert seen["step"] == 3 and seen["epoch_num"] == 5 and seen["mode"] == "train"
    assert seen["optimizer"] is opt and seen["loss_fn"] is loss and seen["network"] is net
    assert seen["train_network"] is model.train_network
    assert isinstance(model.train_network, nn.TrainOneStepCell)
    np.testing.assert_array_equal(seen["element"][0].asnumpy(), x[10:15])


def test_old_callback_names_run_in_train_and_eval():
    class Old(Callback):
        def __init__(self):
            super().__init__()
            self.calls = []

        def begin(self, rc):
            self.calls.append(("begin", rc.original_args().mode))

        def step_end(self, rc):
            self.calls.append("step_end")

        def end(self, rc):
            self.calls.append("end")

    x, y = regression_data()
    net = dense()
    model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.05), metrics={"mse"})
    old = Old()
    with pytest.warns(UserWarning, match="on_train"):
        model.train(1, batches(x, y, 10), callbacks=old)
    with pytest.warns(UserWarning):
        model.eval(batches(x, y, 10), callbacks=[old])
    assert old.calls == [("begin", "train"), "step_end", "step_end", "end",
                         ("begin", "eval"), "step_end", "step_end", "end"]
    with pytest.raises(ValueError, match="on_train"):
        model.fit(1, batches(x, y, 10), callbacks=[Old()])


def test_initial_epoch_and_sink_mode():
    x, y = regression_data()
    net = dense()
    rec = Recorder()
    model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.05))
    model.train(3, batches(x, y, 5), callbacks=rec, initial_epoch=1)
    ends = [e for e in rec.events if isinstance(e, tuple)]
    assert [(e[1], e[2]) for e in ends] == [(2, 1), (2, 2), (2, 3), (2, 4),
                                             (3, 5), (3, 6), (3, 7), (3, 8)]
    # sink mode on CPU (MindSpore 2.10): the same full loop, callbacks see batch_num = sink_size
    rec = Recorder()
    model.train(2, batches(x, y, 5), callbacks=rec, dataset_sink_mode=True, sink_size=3)
    ends = [e for e in rec.events if isinstance(e, tuple)]
    assert [(e[1], e[2], e[3]) for e in ends] == [(1, s, 3) for s in range(1, 5)] + \
        [(2, s, 3) for s in range(5, 9)]


def test_network_without_loss_fn_takes_every_column():
    class LossNet(nn.Cell):
        def __init__(self):
            super().__init__()
            self.fc = dense()
            self.loss = nn.MSELoss()

        def construct(self, x, y, w):
            return self.loss(self.fc(x) * w, y)

    x, y = regression_data()
    w = np.ones_like(y)
    net = LossNet()
    model = Model(net, optimizer=nn.SGD(net.trainable_params(), 0.05))
    assert isinstance(model.train_network, nn.TrainOneStepCell)
    model.train(3, NumpySlicesDataset((x, y, w), shuffle=False).batch(5))
    wr, br, _ = numpy_sgd(x, y, W0, B0, 0.05, 0.0, 3, 5)
    np.testing.assert_allclose(net.fc.weight.asnumpy(), wr, rtol=1e-4, atol=1e-5)
    # with loss_fn a row must be (data, label)
    m2 = Model(dense(), nn.MSELoss(), nn.SGD(dense().trainable_params(), 0.1))
    with pytest.raises(ValueError, match="should return two elements, but got 3"):
        m2.train(1, NumpySlicesDataset((x, y, w), shuffle=False).batch(5))


def test_model_without_optimizer_only_forwards():
    x, y = regression_data()
    net = dense()
    model = Model(net, nn.MSELoss())
    assert isinstance(model.train_network, nn.WithLossCell)
    rec = Recorder()
    model.train(1, batches(x, y, 10), callbacks=rec)
    np.testing.assert_array_equal(net.weight.asnumpy(), W0)  # nothing updates
    assert Model(net).train_network is net


def test_graph_mode_matches_pynative():
    rs = np.random.RandomState(1)
    x = rs.randn(64, 5).astype(np.float32)
    y = rs.randint(0, 4, 64).astype(np.int32)

    def run(mode):
        ms.set_context(mode=mode)
        try:
            ms.set_seed(7)
            net = nn.SequentialCell([nn.Dense(5, 8), nn.ReLU(), nn.Dropout(p=0.2), nn.Dense(8, 4)])
            model = Model(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"),
                          nn.Adam(net.trainable_params(), 0.01), metrics={"acc", "loss"})
            hist = History()
            model.train(3, NumpySlicesDataset((x, y), shuffle=True).batch(16), callbacks=hist)
            return model.eval(NumpySlicesDataset((x, y), shuffle=False).batch(16)), \
                hist.history["net_output"], net[0].weight.asnumpy()
        finally:
            ms.set_context(mode=ms.PYNATIVE_MODE)

    (ev1, h1, w1), (ev2, h2, w2) = run(ms.PYNATIVE_MODE), run(ms.GRAPH_MODE)
    np.testing.assert_allclose(w1, w2, rtol=1e-5, atol=1e-6)
    np.testing.assert_allclose(h1, h2, rtol=1e-5)
    assert ev1["acc"] == ev2["acc"]
    assert ev1["loss"] == pytest.approx(ev2["loss"], rel=1e-5)


# -- eval, fit, predict -----------------------------------------------------------------------
def test_eval_metrics_match_numpy():
    x, y = regression_data(23)  # the last batch is short
    net = dense()
    model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.05),
                  metrics={"mae", "mse", "loss"})
    res = model.eval(batches(x, y, 5))
    pred = x.astype(np.float64) @ W0.T.astype(np.float64) + B0
    err = pred - y
    assert res["mae"] == pytest.approx(np.abs(err).sum() / 23, rel=1e-6)
    assert res["mse"] == pytest.approx((err ** 2).sum() / 23, rel=1e-6)
    per_batch = [np.mean(err[i:i + 5] ** 2) for i in range(0, 23, 5)]
    assert res["loss"] == pytest.approx(np.mean(per_batch), rel=1e-6)
    assert all(isinstance(v, float) for v in res.values())


def test_fit_evaluates_every_valid_frequency():
    x, y = regression_data()
    net = dense()
    seen = []

    class Watch(Callback):
        def on_train_epoch_end(self, rc):
            p = rc.original_args()
            seen.append((p.cur_epoch_num, p.mode, dict(p.get("eval_results", {}))))

        def on_eval_end(self, rc):
            seen.append(("eval", rc.original_args().mode, rc.original_args().cur_step_num))

    model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.02), metrics={"mse"})
    hist = History()
    model.fit(4, batches(x, y, 5), batches(x, y, 10), valid_frequency=2, callbacks=[Watch(), hist])
    assert [s[0] for s in seen] == [1, "eval", 2, 3, "eval", 4]
    assert seen[1] == ("eval", "eval", 2) and seen[2][1] == "train"
    assert seen[0][2] == {} and set(seen[2][2]) == {"mse", "eval_loss"}
    # MindSpore 2.10 reports the last validation batch's loss as eval_loss
    w, b, _ = numpy_sgd(x, y, W0, B0, 0.02, 0.0, 2, 5)
    last = np.mean((x[10:].astype(np.float64) @ w.T + b - y[10:]) ** 2)
    assert seen[2][2]["eval_loss"] == pytest.approx(last, rel=1e-5)
    # History: one net_output per epoch, metrics on evaluated epochs only
    assert hist.epoch == {"epoch": [1, 2, 3, 4]}
    assert len(hist.history["net_output"]) == 4 and len(hist.history["mse"]) == 2


def test_fit_valid_frequency_list():
    x, y = regression_data()
    net = dense()
    epochs = []
    model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.02), metrics={"mse"})

    class Evals(Callback):
        def on_eval_begin(self, rc):
            epochs.append(rc.original_args().cur_epoch_num)

    # built-in callbacks (LambdaCallback included) do not run during fit's evaluation (MindSpore)
    lam = LambdaCallback(on_eval_begin=lambda rc: epochs.append("lambda"))
    model.fit(4, batches(x, y, 5), batches(x, y, 10), valid_frequency=[1, 3],
              callbacks=[Evals(), lam])
    assert epochs == [1, 3]


def test_loss_monitor_prints_mindspore_lines(capsys):
    x, y = regression_data()
    net = dense()
    model = Model(net, nn.MSELoss(), nn.Momentum(net.trainable_params(), 0.05, 0.9))
    model.train(3, batches(x, y, 5), callbacks=LossMonitor(3))
    lines = capsys.readouterr().out.splitlines()
    # MindSpore 2.10 printed, for the same run:
    #   epoch: 1 step: 3, loss is 3.1041903495788574
    #   epoch: 2 step: 2, loss is 2.394710063934326
    #   epoch: 3 step: 1, loss is 3.9962756633758545
    #   epoch: 3 step: 4, loss is 0.668838620185852
    ms_lines = [(1, 3, 3.1041903495788574), (2, 2, 2.394710063934326),
                (3, 1, 3.9962756633758545), (3, 4, 0.668838620185852)]
    assert len(lines) == 4
    for line, (e, s, v) in zip(lines, ms_lines):
        m = re.fullmatch(r"epoch: (\d+) step: (\d+), loss is (\S+)", line)
        assert m and (int(m[1]), int(m[2])) == (e, s)
        assert float(m[3]) == pytest.approx(v, rel=2e-6)
        assert m[3] == repr(float(np.float32(m[3])))  # a float32 loss printed as a Python float
    _, _, losses = numpy_sgd(x, y, W0, B0, 0.05, 0.9, 3, 5)
    assert float(lines[0].rsplit(" ", 1)[1]) == pytest.approx(losses[2], rel=1e-5)


def test_loss_monitor_every_step_and_zero(capsys):
    x, y = regression_data()
    net = dense()
    model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.01))
    model.train(1, batches(x, y, 10), callbacks=LossMonitor())
    assert [ln.split(",")[0] for ln in capsys.readouterr().out.splitlines()] == \
        ["epoch: 1 step: 1", "epoch: 1 step: 2"]
    model.train(1, batches(x, y, 10), callbacks=LossMonitor(0))
    assert capsys.readouterr().out == ""


def test_loss_monitor_fit_prints_eval_result(capsys):
    x, y = regression_data()
    net = dense()
    model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.01), metrics={"mse"})
    model.fit(1, batches(x, y, 10), batches(x, y, 20), callbacks=LossMonitor(2))
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("epoch: 1 step: 2, loss is ")
    assert re.fullmatch(r"Eval result: epoch 1, metrics: \{'mse': \d+\.\d+\}", out[1])


def test_loss_monitor_nan_stops():
    x, y = regression_data()
    y[3] = np.nan
    net = dense()
    model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.01))
    with pytest.raises(ValueError, match="epoch: 1 step: 1, loss is NAN or INF"):
        model.train(1, batches(x, y, 10), callbacks=LossMonitor())


def test_time_monitor_line(capsys):
    x, y = regression_data()
    net = dense()
    Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.01)).train(
        2, batches(x, y, 5), callbacks=[TimeMonitor(), TimeMonitor(data_time=True)])
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 4
    assert re.fullmatch(r"Train epoch time: \d+\.\d{3} ms, per step time: \d+\.\d{3} ms", lines[0])
    assert re.fullmatch(r"Train epoch time: \d+\.\d{3} ms, per step time: \d+\.\d{3} ms "
                        r"\(data time: \d+\.\d{3} ms\)", lines[1])


def test_predict():
    net = dense()
    model = Model(net)
    x = np.arange(6, dtype=np.float32).reshape(2, 3)
    np.testing.assert_allclose(model.predict(ms.Tensor(x)).asnumpy(), x @ W0.T + B0, rtol=1e-6)
    assert not net.training
    with pytest.raises(ValueError, match="can not be empty"):
        model.predict(ms.Tensor(np.zeros((0, 3), np.float32)))
    with pytest.raises(TypeError, match="input data"):
        model.predict([1, 2])


def test_eval_network_and_indexes():
    class Eval(nn.Cell):
        def __init__(self, net):
            super().__init__()
            self.net = net

        def construct(self, x, y):
            return y, self.net(x)  # label first, prediction second

    x, y = regression_data()
    net = dense()
    model = Model(net, metrics={"mae": MAE()}, eval_network=Eval(net))
    pred = x @ W0.T + B0
    # without eval_indexes every output goes to update(*outputs): MAE(y, pred) is symmetric
    assert model.eval(batches(x, y, 5))["mae"] == pytest.approx(np.abs(pred - y).sum() / 20,
                                                                rel=1e-5)
    with pytest.raises(ValueError, match="eval_indexes"):
        Model(net, metrics={"mae": MAE()}, eval_network=Eval(net), eval_indexes=[0, 1])


def test_with_eval_cell():
    x, y = regression_data(4)
    net = dense()
    loss, out, label = nn.WithEvalCell(net, nn.MSELoss())(ms.Tensor(x), ms.Tensor(y))
    pred = x.astype(np.float64) @ W0.T + B0
    np.testing.assert_allclose(out.asnumpy(), pred, rtol=1e-6)
    np.testing.assert_array_equal(label.asnumpy(), y)
    assert float(loss) == pytest.approx(np.mean((pred - y) ** 2), rel=1e-6)
    with pytest.raises(TypeError, match="add_cast_fp32"):
        nn.WithEvalCell(net, nn.MSELoss(), add_cast_fp32=1)


# -- TrainOneStepCell -------------------------------------------------------------------------
@pytest.mark.parametrize("sens", [None, 1.0, 0.5, 4.0])
def test_train_one_step_sens(sens):
    x, y = regression_data(6)
    net = dense()
    step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()),
                               nn.SGD(net.trainable_params(), 0.1), sens=sens)
    loss = step(ms.Tensor(x), ms.Tensor(y))
    # d/dw of sens·mean(r²) = sens·2·rᵀx/n
    r = x.astype(np.float64) @ W0.T + B0 - y
    s = 1.0 if sens is None else sens
    np.testing.assert_allclose(net.weight.asnumpy(), W0 - 0.1 * s * 2 * (r.T @ x) / r.size,
                               rtol=1e-5)
    np.testing.assert_allclose(net.bias.asnumpy(), B0 - 0.1 * s * 2 * r.sum(0) / r.size,
                               rtol=1e-5)
    assert float(loss) == pytest.approx(np.mean(r ** 2), rel=1e-6)


def test_train_one_step_return_grad_and_errors():
    x, y = regression_data(6)
    net = dense()
    step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()),
                               nn.SGD(net.trainable_params(), 0.0), return_grad=True)
    loss, grads = step(ms.Tensor(x), ms.Tensor(y))
    r = x.astype(np.float64) @ W0.T + B0 - y
    assert sorted(grads) == ["bias", "weight"]
    np.testing.assert_allclose(grads["weight"].asnumpy(), 2 * (r.T @ x) / r.size, rtol=1e-5)
    with pytest.raises(ValueError, match="'sens' can not be 0"):
        nn.TrainOneStepCell(net, nn.SGD(net.trainable_params()), sens=0)
    with pytest.raises(TypeError, match="sens"):
        nn.TrainOneStepCell(net, nn.SGD(net.trainable_params()), sens="1")


def test_train_one_step_subclass_clips_gradients():
    class ClipStep(nn.TrainOneStepCell):
        """A MindSpore-style subclass: its own step with clipped gradients."""

        def construct(self, *inputs):
            loss = self.network(*inputs)
            grads = self.grad_no_sens(self.network, self.weights)(*inputs)
            grads = tuple(ms.ops.clip_by_value(g, -0.1, 0.1) for g in grads)
            self.optimizer(grads)
            return loss

    x, y = regression_data(6)
    net = dense()
    model = Model(ClipStep(nn.WithLossCell(net, nn.MSELoss()), nn.SGD(net.trainable_params(), 0.5)))
    model.train(1, batches(x, y, 6))
    r = x.astype(np.float64) @ W0.T + B0 - y
    gw, gb = np.clip(2 * (r.T @ x) / r.size, -0.1, 0.1), np.clip(2 * r.sum(0) / r.size, -0.1, 0.1)
    np.testing.assert_allclose(net.weight.asnumpy(), W0 - 0.5 * gw, rtol=1e-5)
    np.testing.assert_allclose(net.bias.asnumpy(), B0 - 0.5 * gb, rtol=1e-5)
    # the sens form: grad with an explicit cotangent
    net2 = dense()
    step = nn.TrainOneStepCell(nn.WithLossCell(net2, nn.MSELoss()),
                               nn.SGD(net2.trainable_params(), 0.5))
    g = step.grad(step.network, step.weights)(ms.Tensor(x), ms.Tensor(y), ms.Tensor(np.float32(3.0)))
    np.testing.assert_allclose(g[0].asnumpy(), 3 * 2 * (r.T @ x) / r.size, rtol=1e-5)


def test_wrappers_keep_parameter_names():
    class Net(nn.Cell):
        def __init__(self):
            super().__init__()
            self.fc = nn.Dense(3, 1)

        def construct(self, x):
            return self.fc(x)

    net = Net()
    step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()),
                               nn.SGD(net.trainable_params(), 0.1))
    # MindSpore 2.10: the wrappers do not prefix (auto_prefix=False); the optimizer's own
    # Parameters follow (SGD's momentum, accum.* and stat.*)
    assert [p.name for p in net.trainable_params()] == ["fc.weight", "fc.bias"]
    assert list(step.parameters_dict()) == [
        "fc.weight", "fc.bias", "global_step", "learning_rate", "momentum", "accum.fc.weight",
        "accum.fc.bias", "stat.fc.weight", "stat.fc.bias"]
    assert [n for n, _ in step.parameters_and_names()] == [
        "fc.weight", "fc.bias", "optimizer.global_step", "optimizer.learning_rate",
        "optimizer.momentum", "optimizer.accum.fc.weight", "optimizer.accum.fc.bias",
        "optimizer.stat.fc.weight", "optimizer.stat.fc.bias"]


# -- checkpoints ------------------------------------------------------------------------------
def test_model_checkpoint_files_and_pruning(tmp_path):
    x, y = regression_data()
    net = dense()
    model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.05))
    cfg = CheckpointConfig(save_checkpoint_steps=3, keep_checkpoint_max=2)
    ck = ModelCheckpoint(prefix="net", directory=str(tmp_path), config=cfg)
    model.train(2, batches(x, y, 5), callbacks=ck)
    # MindSpore 2.10 leaves exactly these (1_3 written at step 3, then pruned)
    assert sorted(os.listdir(tmp_path)) == ["net-2_2.ckpt", "net-2_4.ckpt"]
    assert ck.latest_ckpt_file_name == str(tmp_path / "net-2_4.ckpt")
    saved = ms.load_checkpoint(str(tmp_path / "net-2_4.ckpt"))
    # The training cell's checkpoint, as MindSpore 2.10's ModelCheckpoint writes it: the
    # optimizer's step, rate and state too (SGD's momentum, accum.* and stat.*).
    assert list(saved) == ["weight", "bias", "global_step", "learning_rate", "momentum",
                           "accum.weight", "accum.bias", "stat.weight", "stat.bias"]
    assert saved["global_step"].asnumpy().tolist() == [8]
    np.testing.assert_array_equal(saved["weight"].asnumpy(), net.weight.asnumpy())
    fresh = dense(np.zeros_like(W0), np.zeros_like(B0))
    ms.load_param_into_net(fresh, saved)
    np.testing.assert_array_equal(fresh.weight.asnumpy(), net.weight.asnumpy())
    # a second callback with the same prefix writes net_1-* (MindSpore's renaming)
    ck2 = ModelCheckpoint(prefix="net", directory=str(tmp_path), config=cfg)
    model.train(1, batches(x, y, 5), callbacks=[ck2])
    assert sorted(os.listdir(tmp_path)) == ["net-2_2.ckpt", "net-2_4.ckpt", "net_1-1_3.ckpt",
                                            "net_1-1_4.ckpt"]


def test_checkpoint_every_step_append_info(tmp_path):
    x, y = regression_data()
    net = dense()
    model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.05))
    cfg = CheckpointConfig(save_checkpoint_steps=1, keep_checkpoint_max=10,
                           append_info=["epoch_num", "step_num", {"tag": 7}])
    model.train(1, batches(x, y, 10), callbacks=ModelCheckpoint("m", tmp_path, cfg))
    assert sorted(os.listdir(tmp_path)) == ["m-1_1.ckpt", "m-1_2.ckpt"]
    saved = ms.load_checkpoint(str(tmp_path / "m-1_2.ckpt"))
    assert int(saved["epoch_num"].asnumpy()) == 1 and int(saved["step_num"].asnumpy()) == 2
    assert int(saved["tag"].asnumpy()) == 7
    assert cfg.get_checkpoint_policy()["keep_checkpoint_max"] == 10


def test_checkpoint_keep_one_per_minutes(tmp_path):
    x, y = regression_data()
    net = dense()
    model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.05))
    cfg = CheckpointConfig(save_checkpoint_steps=1, keep_checkpoint_max=0,
                           keep_checkpoint_per_n_minutes=5)
    assert cfg.keep_checkpoint_max == 0 and cfg.keep_checkpoint_per_n_minutes == 5
    model.train(1, batches(x, y, 5), callbacks=ModelCheckpoint("k", tmp_path, cfg))
    # every save within the 5 minutes drops all but the oldest recent file, then writes its own
    assert sorted(os.listdir(tmp_path)) == ["k-1_1.ckpt", "k-1_4.ckpt"]


def test_checkpoint_config_errors():
    with pytest.raises(ValueError, match="can't be all None or 0"):
        CheckpointConfig(0, 0, 0, 0)
    with pytest.raises(ValueError, match=">= 0"):
        CheckpointConfig(save_checkpoint_steps=-1)
    with pytest.raises(TypeError, match="must be int"):
        CheckpointConfig(save_checkpoint_steps=1.5)
    with pytest.raises(ValueError, match="does not contain '/'"):
        ModelCheckpoint(prefix="a/b")
    with pytest.raises(TypeError, match="CheckpointConfig"):
        ModelCheckpoint(config=1)
    with pytest.raises(ValueError, match="epoch_num"):
        CheckpointConfig(append_info=["lr"])
    cfg = CheckpointConfig(save_checkpoint_steps=0, save_checkpoint_seconds=5, keep_checkpoint_max=0,
                           keep_checkpoint_per_n_minutes=0)
    assert cfg.save_checkpoint_seconds == 5 and cfg.keep_checkpoint_max == 1


# -- early stopping, learning-rate reduction, lambda ------------------------------------------
def test_early_stopping_on_loss_and_restore():
    x, y = regression_data()
    net = dense()
    model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 0.05))
    stop = EarlyStopping(monitor="loss", patience=2, min_delta=1e9)  # never "improves" enough
    rec = Recorder()
    model.train(10, batches(x, y, 5), callbacks=[stop, rec])
    # epoch 1 sets best (inf → finite counts as improvement), epochs 2 and 3 do not
    assert stop.stopped_epoch == 3
    assert rec.events.count("epoch_end") == 3 and rec.events[-1] == "train_end"
    # restore_best_weights puts back the best epoch's weights
    net2 = dense()
    m2 = Model(net2, nn.MSELoss(), nn.SGD(net2.trainable_params(), 0.05))
    snap = {}

    def keep(rc):
        snap[rc.original_args().cur_epoch_num] = net2.weight.asnumpy().copy()

    m2.train(10, batches(x, y, 5), callbacks=[LambdaCallback(on_train_epoch_end=keep),
                                              EarlyStopping("loss", min_delta=1e9, patience=1,
                                                            restore_best_weights=True)])
    np.testing.assert_array_equal(net2.weight.asnumpy(), snap[1])


def test_early_stopping_on_eval_loss_in_fit():
    x, y = regression_data()
    net = dense()
    model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params(), 1e-9), metrics={"mse"})
    stop = EarlyStopping(patience=1, min_delta=1e-3)  # monitor eval_loss, smaller is better
    model.fit(20, batches(x, y, 5), batches(x, y, 20), callbacks=stop)
    assert stop.stopped_epoch == 2


def test_reduce_lr_on_plateau(capsys):
    x, y = regression_data()
    net = dense()
    opt = nn.SGD(net.trainable_params(), 0.01)
    model = Model(net, nn.MSELoss(), opt)
    cb = ReduceLROnPlateau(monitor="loss", factor=0.5, patience=1, min_delta=1e9, verbose=True,
                           min_lr=0.003)
    model.train(4, batches(x, y, 5), callbacks=cb)
    # epochs 2, 3, 4 do not improve: 0.01 → 0.005 → 0.003 (min_lr) → stays
    assert opt.learning_rate == pytest.approx(0.003)
    out = capsys.readouterr().out.splitlines()
    assert out == ["Epoch 00002: ReduceLROnPlateau reducing learning rate to 0.005.",
                   "Epoch 00003: ReduceLROnPlateau reducing learning rate to 0.003."]


def test_plateau_callback_errors():
    with pytest.raises(ValueError, match="mode should be"):
        EarlyStopping(mode="x")
    with pytest.raises(ValueError, match=">= 0"):
        EarlyStopping(patience=-1)
    with pytest.raises(ValueError, match=r"range of \(0.0, 1.0\)"):
        ReduceLROnPlateau(factor=1.0)
    with pytest.raises(TypeError):
        ReduceLROnPlateau(monitor=3)


# -- metrics vs NumPy references --------------------------------------------------------------
def np_onehot(labels, c):
    return np.eye(c)[labels.reshape(-1)]


@pytest.mark.parametrize("shape", [(7, 4), (1, 3), (5, 1), (3, 4, 2), (2, 3, 1, 2)])
def test_accuracy_precision_recall_f1_vs_numpy(shape):
    rs = np.random.RandomState(sum(shape))
    yp = rs.rand(*shape).astype(np.float32)
    c = shape[1]
    y = rs.randint(0, c, (shape[0],) + shape[2:])
    pred = np.moveaxis(yp, 1, -1).reshape(-1, c).argmax(1)
    lab = y.reshape(-1)
    assert Accuracy()(yp, y) == pytest.approx((pred == lab).mean())
    tp = np.array([np.sum((pred == k) & (lab == k)) for k in range(c)], np.float64)
    npos = np.array([np.sum(pred == k) for k in range(c)], np.float64)
    apos = np.array([np.sum(lab == k) for k in range(c)], np.float64)
    prec = np.where(npos > 0, tp / np.maximum(npos, 1), 0.0)
    rec = np.where(apos > 0, tp / np.maximum(apos, 1), 0.0)
    p, r = Precision(), Recall()
    p.update(ms.Tensor(yp), ms.Tensor(y.astype(np.int32)))
    r.update(yp, y)
    np.testing.assert_allclose(p.eval(), prec, rtol=1e-12)
    np.testing.assert_allclose(r.eval(), rec, rtol=1e-12)
    assert p.eval(average=True) == pytest.approx(prec.mean())
    if len(shape) == 2:
        f1 = np.where(apos + npos > 0, 2 * tp / np.maximum(apos + npos, 1), 0.0)
        np.testing.assert_allclose(F1()(yp, y), f1, rtol=1e-12)
        fb = Fbeta(0.5)
        fb.update(yp, np_onehot(y, c))  # one-hot labels read as indices
        np.testing.assert_allclose(fb.eval(), np.where(
            0.25 * apos + npos > 0, 1.25 * tp / np.maximum(0.25 * apos + npos, 1e-300), 0.0),
            rtol=1e-12)


def test_metrics_accumulate_over_batches():
    rs = np.random.RandomState(5)
    yp = rs.rand(12, 5).astype(np.float32)
    y = rs.randint(0, 5, 12)
    m, top = Accuracy(), TopKCategoricalAccuracy(3)
    for i in range(0, 12, 4):
        m.update(yp[i:i + 4], y[i:i + 4])
        top.update(yp[i:i + 4], y[i:i + 4])
    assert m.eval() == pytest.approx((yp.argmax(1) == y).mean())
    top3 = np.argsort(-yp, axis=1)[:, :3]
    assert top.eval() == pytest.approx(np.mean([y[i] in top3[i] for i in range(12)]))
    m.clear()
    with pytest.raises(RuntimeError, match="number of samples is 0"):
        m.eval()


def test_metrics_match_mindspore():
    # inputs and values from MindSpore 2.10 (numpy RandomState(42) as below)
    rs = np.random.RandomState(42)
    yp = rs.rand(7, 4).astype(np.float32)
    y = np.array([0, 1, 3, 3, 2, 1, 0])
    yp3 = rs.rand(3, 4, 2).astype(np.float32)
    y3 = rs.randint(0, 4, (3, 2))
    ml_p, ml_y = rs.randint(0, 2, (5, 3)), rs.randint(0, 2, (5, 3))
    assert Accuracy()(yp, y) == pytest.approx(0.1428571, abs=1e-7)
    assert Accuracy()(yp3, y3) == pytest.approx(0.3333333, abs=1e-7)
    assert Accuracy()(yp, np.eye(4)[y]) == pytest.approx(0.1428571, abs=1e-7)
    assert Accuracy("multilabel")(ml_p, ml_y) == 0.0
    np.testing.assert_allclose(Precision()(yp3, y3), [0.0, 1.0, 0.0, 0.25], atol=1e-7)
    pm, rm = Precision("multilabel"), Recall("multilabel")
    pm.update(ml_p, ml_y)
    rm.update(ml_p, ml_y)
    np.testing.assert_allclose(pm.eval(), [0.5, 1.0, 0.0, 0.0, 0.0], atol=1e-7)
    assert pm.eval(average=True) == pytest.approx(0.3, abs=1e-7)
    np.testing.assert_allclose(rm.eval(), [0.5, 0.6666667, 0.0, 0.0, 0.0], atol=1e-7)
    assert rm.eval(average=True) == pytest.approx(0.2333333, abs=1e-7)
    assert TopKCategoricalAccuracy(2)(yp, y) == pytest.approx(0.2857143, abs=1e-7)
    assert Top1CategoricalAccuracy()(yp, y) == pytest.approx(0.1428571, abs=1e-7)
    assert MAE()(yp, yp[::-1].copy()) == pytest.approx(1.0400722, abs=1e-6)
    assert MSE()(yp[:, :1], yp[:, 1]) == pytest.approx(0.1582865, abs=1e-6)
    assert Loss()(np.array(2.5, np.float32)) == 2.5


@pytest.mark.parametrize("shape", [(6, 1), (1, 1), (4, 3), (2, 3, 2)])
def test_mae_mse_loss_vs_numpy(shape):
    rs = np.random.RandomState(len(shape) + shape[0])
    a, b = rs.randn(*shape).astype(np.float32), rs.randn(*shape).astype(np.float32)
    d = b.astype(np.float64) - a
    assert MAE()(ms.Tensor(a), ms.Tensor(b)) == pytest.approx(np.abs(d).sum() / shape[0], rel=1e-6)
    assert MSE()(a, list(b)) == pytest.approx((d ** 2).sum() / shape[0], rel=1e-6)
    loss = Loss()
    for v in a.reshape(shape[0], -1):
        loss.update(ms.Tensor(v))
    assert loss.eval() == pytest.approx(a.reshape(shape[0], -1).astype(np.float64).mean(1).mean(),
                                        rel=1e-6)


def test_multilabel_accuracy_vs_numpy():
    rs = np.random.RandomState(9)
    yp, y = rs.randint(0, 2, (6, 3, 2)), rs.randint(0, 2, (6, 3, 2))
    y[0] = yp[0]
    want = np.all(np.moveaxis(yp, 1, -1) == np.moveaxis(y, 1, -1), axis=-1).mean()
    assert Accuracy("multilabel")(yp, y) == pytest.approx(want)


def test_set_indexes_and_top5():
    rs = np.random.RandomState(2)
    yp, y = rs.rand(10, 7), rs.randint(0, 7, 10)
    m = Top5CategoricalAccuracy().set_indexes([2, 0])
    m.update(y, None, yp)  # picks (yp, y)
    top5 = np.argsort(-yp, axis=1)[:, :5]
    assert m.eval() == pytest.approx(np.mean([y[i] in top5[i] for i in range(10)]))
    with pytest.raises(ValueError, match="indexes"):
        Accuracy().set_indexes((0, 1))


def test_metric_names_and_exports():
    assert ms.nn.Accuracy is Accuracy and ms.Accuracy is Accuracy
    assert ms.Model is Model and ms.LossMonitor is LossMonitor
    assert ms.train.callback.RunContext is RunContext
    import mindspore.train.callback as cbmod  # the alias resolves the submodules too
    import mindspore.train.metrics as metmod
    assert cbmod.LossMonitor is LossMonitor and metmod.F1 is F1 and ms.nn.WithEvalCell
    assert isinstance(ms.train.get_metric_fn("acc"), Accuracy)
    assert "top_5_accuracy" in ms.train.names()
    with pytest.raises(KeyError):
        ms.train.get_metric_fn("nope")


def test_metric_errors():
    with pytest.raises(RuntimeError, match="'Accuracy' can not be calculated"):
        Accuracy().eval()
    for m in (Precision(), Recall(), F1(), MAE(), MSE(), Loss(), Top1CategoricalAccuracy()):
        with pytest.raises(RuntimeError, match="can not be calculated"):
            m.eval()
    with pytest.raises(TypeError, match="eval_type"):
        Accuracy("x")
    with pytest.raises(ValueError, match="at least 1"):
        TopKCategoricalAccuracy(0)
    with pytest.raises(TypeError, match="'k' should be int"):
        TopKCategoricalAccuracy(1.0)
    with pytest.raises(ValueError, match="greater than 0"):
        Fbeta(0)
    with pytest.raises(ValueError, match="2 inputs"):
        Accuracy().update(np.ones((2, 2)))
    with pytest.raises(ValueError, match="1 input"):
        Loss().update(np.ones(1), np.ones(1))
    with pytest.raises(ValueError, match="dimension of your input"):
        Loss().update(np.ones((2, 2)))
    with pytest.raises(TypeError, match="tensor, list or numpy.ndarray"):
        Accuracy().update((1, 2), np.ones(2))
    with pytest.raises(ValueError, match="shape"):
        Accuracy().update(np.ones((4, 3)), np.ones((4, 2)))
    with pytest.raises(ValueError, match="0 or 1"):
        Accuracy("multilabel").update(np.full((2, 2), 0.5), np.ones((2, 2)))
    m = Accuracy()
    m.update(np.ones((2, 3)), np.zeros(2))
    with pytest.raises(ValueError, match="class number not match"):
        m.update(np.ones((2, 4)), np.zeros(2))
    with pytest.raises(ValueError, match="classes"):
        Precision().update(np.ones((2, 3)), np.array([0, 5]))
    p = Precision()
    p.update(np.ones((2, 3)), np.zeros(2))
    with pytest.raises(TypeError, match="average"):
        p.eval(average=1)


# -- Model errors -----------------------------------------------------------------------------
def test_model_errors():
    x, y = regression_data()
    net = dense()
    data = batches(x, y, 5)
    with pytest.raises(TypeError, match="Cell"):
        Model(lambda v: v)
    with pytest.raises(ValueError, match="`eval_network` must not be None"):
        Model(net, metrics={"acc"})
    with pytest.raises(ValueError, match="kwargs"):
        Model(net, foo=1)
    with pytest.raises(TypeError, match="must be None, dict or set"):
        Model(net, nn.MSELoss(), metrics=["acc"])
    with pytest.raises(ValueError, match="Auto mixed precision"):
        Model(net, nn.MSELoss(), amp_level="O2")
    opt = nn.SGD(net.trainable_params())
    with pytest.raises(ValueError, match="'boost_level' should be in"):
        Model(net, nn.MSELoss(), opt, boost_level="O3")
    with pytest.raises(ValueError, match="'level' should be in"):
        Model(net, nn.MSELoss(), opt, amp_level="O4")
    with pytest.raises(RuntimeError, match="not supported"):  # amp_level: test_amp.py
        Model(net, nn.MSELoss(), opt, boost_level="O1")
    model = Model(net, nn.MSELoss(), nn.SGD(net.trainable_params()))
    with pytest.raises(ValueError, match="'metrics' can not be None or empty"):
        model.eval(data)
    with pytest.raises(ValueError, match="must > 0"):
        model.train(0, data)
    with pytest.raises(TypeError, match="must be int"):
        model.train(1.0, data)
    with pytest.raises(ValueError, match="must bigger than parameter 'initial_epoch'"):
        model.train(1, data, initial_epoch=1)
    with pytest.raises(TypeError, match="must be Callback"):
        model.train(1, data, callbacks=[1])
    with pytest.raises(TypeError, match="Callback"):
        model.train(1, data, callbacks=1)
    with pytest.raises(ValueError, match="'sink_size' must be -1 or positive"):
        model.train(1, data, sink_size=0)
    with pytest.raises(TypeError, match="dataset_sink_mode"):
        model.train(1, data, dataset_sink_mode=1)
    with pytest.raises(ValueError, match="'metrics' can not be"):
        model.fit(1, data, data)
    with pytest.raises(TypeError, match="dataset"):
        model.train(1, [(x, y)])
    with pytest.raises(TypeError, match="valid_frequency"):
        Model(net, nn.MSELoss(), nn.SGD(net.trainable_params()), metrics={"mse"}).fit(
            1, data, data, valid_frequency=1.0)
    with pytest.raises(TypeError, match="dict"):
        RunContext([1])
    with pytest.raises(ValueError, match=">= 0"):
        LossMonitor(-1)
    with pytest.raises(TypeError):
        LossMonitor(True)
    with pytest.raises(TypeError, match="data_time"):
        TimeMonitor(data_time=1)

"""Training UX: LossMonitor/TimeMonitor print MindSpore 2.10's lines, ProgressBar (tqdm or its own
line, silent off a terminal) shows steps, rate, ETA and loss, PlotMonitor/plot_curves write
matplotlib curves only into the directory given."""
import io
import os
import re
import sys
import time
import types

import numpy as np
import pytest

import easy_mindspore as ms
import easy_mindspore.dataset as ds
from easy_mindspore import nn
from easy_mindspore.train import (LambdaCallback, LossMonitor, Model, PlotMonitor, ProgressBar,
                                  TimeMonitor, plot_curves)
from easy_mindspore.train.callback._progress import _clock


class FakeTTY(io.StringIO):
    def isatty(self):
        return True


def make_model(n=40, batch=10, seed=0):
    ms.set_seed(seed)
    x = np.random.default_rng(seed).standard_normal((n, 4)).astype(np.float32)
    y = (x.sum(1) > 0).astype(np.int32)
    data = ds.NumpySlicesDataset((x, y), column_names=["x", "y"], shuffle=False).batch(batch)
    net = nn.Dense(4, 2)
    model = Model(net, nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean"),
                  nn.SGD(net.trainable_params(), 0.1), metrics={"acc"})
    return model, data


def step_losses():
    """A callback recording each step's loss (to check the others against)."""
    seen = []

    def on_step(run_context):
        seen.append(float(run_context.original_args().net_outputs.asnumpy()))
    return seen, LambdaCallback(on_train_step_end=on_step)


def test_monitor_lines_are_mindspores(capsys):
    # MindSpore 2.10 printed, for this run (2 epochs of 4 steps, LossMonitor(2), TimeMonitor()):
    #   epoch: 1 step: 2, loss is 0.601351797580719
    #   epoch: 1 step: 4, loss is 0.5544689893722534
    #   Train epoch time: 2042.966 ms, per step time: 510.741 ms
    # and in fit with TimeMonitor(data_time=True), LossMonitor(4):
    #   Eval epoch time: 306.183 ms, per step time: 76.546 ms (data time: 0.000 ms)
    #   Eval result: epoch 1, metrics: {'acc': 0.875}
    #   Train epoch time: 306.879 ms, per step time: 76.720 ms (data time: 0.000 ms)
    model, data = make_model()
    seen, rec = step_losses()
    model.train(2, data, callbacks=[rec, LossMonitor(2), TimeMonitor()])
    lines = capsys.readouterr().out.splitlines()
    loss_lines = [ln for ln in lines if ln.startswith("epoch:")]
    assert loss_lines == [f"epoch: {e} step: {s}, loss is {seen[(e - 1) * 4 + s - 1]}"
                          for e in (1, 2) for s in (2, 4)]
    times = [ln for ln in lines if "epoch time" in ln]
    assert len(times) == 2
    for ln in times:
        m = re.fullmatch(r"Train epoch time: (\d+\.\d{3}) ms, per step time: (\d+\.\d{3}) ms", ln)
        assert m and abs(float(m.group(1)) / 4 - float(m.group(2))) < 0.002
    model.fit(1, data, data, callbacks=[LossMonitor(4), TimeMonitor(data_time=True)])
    lines = capsys.readouterr().out.splitlines()
    assert re.fullmatch(r"Eval epoch time: \d+\.\d{3} ms, per step time: \d+\.\d{3} ms "
                        r"\(data time: \d+\.\d{3} ms\)", lines[1])
    assert re.fullmatch(r"Eval result: epoch 1, metrics: \{'acc': [0-9.]+\}", lines[2])
    assert lines[3].startswith("Train epoch time: ") and lines[3].endswith(" ms)")


def test_progress_bar_is_silent_off_a_terminal(capsys):
    model, data = make_model()
    log = io.StringIO()
    model.train(2, data, callbacks=[ProgressBar(file=log), ProgressBar()])
    assert log.getvalue() == ""
    assert capsys.readouterr().out == ""  # pytest's captured stdout is not a terminal


def test_progress_bar_line_shows_steps_rate_eta_and_the_mean_loss():
    model, data = make_model(n=200, batch=10)
    seen, rec = step_losses()
    out = FakeTTY()
    model.train(2, data, callbacks=[rec, ProgressBar(file=out, min_interval=0)])
    text = out.getvalue()
    finals = text.split("\n")[:-1]
    assert len(finals) == 2 and text.endswith("\n")  # one line kept per epoch
    for e, final in enumerate(finals):
        last = final.split("\r")[-1].rstrip()
        mean = np.mean(seen[e * 20:(e + 1) * 20])
        assert re.fullmatch(rf"epoch {e + 1}/2  \[#{{24}}\] 20/20  [0-9.]+ (step/s|s/step)  in \d\d:\d\d"
                            rf"  loss {mean:.4f}", last), last
        draws = final.split("\r")[1:]
        assert len(draws) == 21  # every step (min_interval=0) and the final line
        assert "ETA" in draws[0] and " 1/20 " in draws[0]


def test_progress_line_eta_from_the_rate():
    bar = ProgressBar()
    bar._desc, bar._done, bar._total, bar._losses = "epoch 1/1", 5, 20, 0
    bar._start = 100.0
    assert bar.line(now=101.0) == "epoch 1/1  [######..................] 5/20  5.0 step/s  ETA 00:03"
    bar._done = 1
    assert bar.line(now=104.0).endswith("4.00 s/step  ETA 01:16")
    assert [_clock(s) for s in (0, 59.6, 61, 3725, None, float("inf"))] == \
        ["00:00", "01:00", "01:01", "1:02:05", "?", "?"]


def test_progress_bar_uses_tqdm_when_installed(monkeypatch):
    made = []

    class Bar:
        def __init__(self, **kw):
            self.kw, self.n, self.closed, self.postfix = kw, 0, False, None
            made.append(self)

        def update(self, k):
            self.n += k

        def set_postfix(self, refresh=True, **kw):
            self.postfix = kw

        def close(self):
            self.closed = True

    monkeypatch.setitem(sys.modules, "tqdm", types.SimpleNamespace(tqdm=Bar))
    model, data = make_model()
    seen, rec = step_losses()
    out = FakeTTY()
    model.train(3, data, callbacks=[rec, ProgressBar(file=out)])
    assert [(b.n, b.closed, b.kw["total"], b.kw["desc"]) for b in made] == \
        [(4, True, 4, f"epoch {e}/3") for e in (1, 2, 3)]
    assert made[0].kw["file"] is out and made[0].kw["unit"] == "step"
    assert made[2].postfix == {"loss": f"{np.mean(seen[8:]):.4f}"}
    assert out.getvalue() == ""  # tqdm draws, not the fallback


def test_progress_bar_arguments(monkeypatch):
    monkeypatch.setitem(sys.modules, "tqdm", None)
    with pytest.raises(ImportError):
        ProgressBar(use_tqdm=True)
    assert ProgressBar()._tqdm is None  # falls back quietly
    with pytest.raises(TypeError):
        ProgressBar(use_tqdm="yes")
    with pytest.raises(ValueError):
        ProgressBar(width=0)
    with pytest.raises(ValueError):
        ProgressBar(min_interval=-1)


def test_plot_monitor_writes_curves_only_into_its_directory(tmp_path, monkeypatch):
    pytest.importorskip("matplotlib")
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    out = tmp_path / "plots" / "run1"
    model, data = make_model()
    seen, rec = step_losses()
    stamps = []
    monitor = PlotMonitor(out)

    def after_epoch(run_context):
        p = out / "training.png"
        stamps.append(p.stat().st_mtime_ns if p.exists() else None)
    model.fit(3, data, data, callbacks=[rec, monitor, LambdaCallback(on_train_epoch_end=after_epoch)])
    assert list(cwd.iterdir()) == []
    assert sorted(os.listdir(out)) == ["training.png"]
    assert all(s is not None for s in stamps)  # drawn after every epoch (live)
    np.testing.assert_allclose(monitor.curves["train loss"],
                               [np.mean(seen[i * 4:(i + 1) * 4]) for i in range(3)], rtol=1e-12)
    assert len(monitor.curves["eval acc"]) == 3
    assert all(0.0 <= a <= 1.0 for a in monitor.curves["eval acc"])
    png = (out / "training.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 5000


def test_plot_curves_and_its_errors(tmp_path):
    pytest.importorskip("matplotlib")
    path = plot_curves({"loss": [1.0, 0.5, 0.25], "acc": [0.5, 0.8, 0.9]}, tmp_path / "d", "c.png")
    assert path == os.path.join(tmp_path / "d", "c.png") and os.path.getsize(path) > 5000
    with pytest.raises(TypeError):
        plot_curves({"loss": [1.0]}, None)
    with pytest.raises(TypeError):
        plot_curves({}, tmp_path)
    with pytest.raises(TypeError):
        plot_curves({"loss": ["a"]}, tmp_path)
    with pytest.raises(ValueError):
        plot_curves({"loss": [1.0]}, tmp_path, "sub/x.png")
    with pytest.raises(TypeError):
        PlotMonitor(None)
    with pytest.raises(TypeError):
        PlotMonitor()  # the directory is required: never the cwd by surprise


def test_plot_monitor_needs_matplotlib(tmp_path, monkeypatch):
    for name in ("matplotlib", "matplotlib.figure", "matplotlib.backends.backend_agg"):
        monkeypatch.setitem(sys.modules, name, None)
    with pytest.raises(ImportError, match="matplotlib"):
        PlotMonitor(tmp_path)


def test_progress_bar_draws_at_most_every_interval():
    model, data = make_model(n=200, batch=10)
    out = FakeTTY()
    bar = ProgressBar(file=out, min_interval=3600)
    t0 = time.perf_counter()
    model.train(1, data, callbacks=[bar])
    assert time.perf_counter() - t0 < 3600
    draws = out.getvalue().split("\r")[1:]
    # the last step of the epoch always draws, then the epoch's final line
    assert len(draws) == 2 and " 20/20 " in draws[0] and draws[1].endswith("\n")

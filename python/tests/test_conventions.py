"""MindSpore's conventions, checked against MindSpore 2.10 on CPU: how cells and optimizers print,
the error class of a Dense on integers, `.ckpt` files holding strings, and the number of CPU
threads (device_context.cpu.op_tuning.threads_num, set_context(runtime_num_threads),
EMS_NUM_THREADS) — counted in the process's threads, not timed."""
import base64
import os
import re
import subprocess
import sys
import textwrap

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import nn


# -- repr ------------------------------------------------------------------------------------

class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.features = nn.SequentialCell(nn.Conv2d(1, 4, 3), nn.ReLU(), nn.MaxPool2d(2, 2),
                                          nn.Flatten())
        self.fc1 = nn.Dense(64, 16)
        self.fc2 = nn.Dense(16, 2, has_bias=False)
        self.drop = nn.Dropout(p=0.2)

    def construct(self, x):
        return x


class Empty(nn.Cell):
    def construct(self, x):
        return x


def no_addresses(text):
    return re.sub(r" object at 0x[0-9a-f]+>", " object>", text)


def test_repr_of_a_user_cell_is_mindspores():
    # Printed by MindSpore 2.10 for the same class (object addresses aside).
    expected = textwrap.dedent("""\
        Net(
          (features): SequentialCell(
            (0): Conv2d(input_channels=1, output_channels=4, kernel_size=(3, 3), stride=(1, 1), pad_mode=same, padding=0, dilation=(1, 1), group=1, has_bias=False, weight_init=<mindspore.common.initializer.HeUniform object>, bias_init=None, format=NCHW)
            (1): ReLU()
            (2): MaxPool2d(kernel_size=2, stride=2, pad_mode=VALID)
            (3): Flatten()
          )
          (fc1): Dense(input_channels=64, output_channels=16, has_bias=True)
          (fc2): Dense(input_channels=16, output_channels=2)
          (drop): Dropout(p=0.2)
        )""")
    assert no_addresses(repr(Net())) == expected
    assert repr(Empty()) == "Empty()"


def test_repr_of_layers_optimizers_and_losses_is_mindspores():
    assert repr(nn.Dense(3, 4)) == "Dense(input_channels=3, output_channels=4, has_bias=True)"
    assert repr(nn.Dense(3, 4, has_bias=False)) == "Dense(input_channels=3, output_channels=4)"
    assert repr(nn.Dense(3, 4, activation="relu")) == (
        "Dense(\n  input_channels=3, output_channels=4, has_bias=True, activation=ReLU()\n"
        "  (activation): ReLU()\n)")
    assert repr(nn.SequentialCell([nn.Dense(2, 3), nn.ReLU()])) == (
        "SequentialCell(\n  (0): Dense(input_channels=2, output_channels=3, has_bias=True)\n"
        "  (1): ReLU()\n)")
    assert repr(nn.CellList([nn.Dense(2, 3), nn.ReLU()])) == (
        "CellList(\n  (0): Dense(input_channels=2, output_channels=3, has_bias=True)\n"
        "  (1): ReLU()\n)")
    assert repr(nn.WithLossCell(nn.Dense(2, 2), nn.MSELoss())) == (
        "WithLossCell(\n  (_backbone): Dense(input_channels=2, output_channels=2, has_bias=True)\n"
        "  (_loss_fn): MSELoss()\n)")
    params = Net().trainable_params()
    assert repr(nn.SGD(params, 0.1)) == "SGD()"
    assert repr(nn.Adam(params, 0.1)) == "Adam()"
    assert repr(nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")) == \
        "SoftmaxCrossEntropyWithLogits()"
    assert repr(nn.MSELoss()) == "MSELoss()"


# -- Dense on integers --------------------------------------------------------------------------

@pytest.mark.parametrize("dtype", [np.int32, np.int64, np.float64])
def test_dense_on_another_dtype_is_a_type_error(dtype):
    # MindSpore 2.10: TypeError "For 'MatMul', the type of 'x2' should be same as 'x1', ..."
    d = nn.Dense(3, 2)
    x = ms.Tensor(np.ones((2, 3), dtype))
    with pytest.raises(TypeError, match=r"Dense.*(Int32|Int64|Float64).*Float32"):
        d(x)
    assert d(x.astype(ms.float32)).shape == (2, 2)


# -- .ckpt with strings -------------------------------------------------------------------------

# Written by MindSpore 2.10: save_checkpoint(Dense(2, 3) with weight arange(6)/4 and bias
# [0.5, -1, 2], append_dict={"epoch_num": 3, "lr": 0.5, "tag_s": "hello", "empty": "",
# "uni": "héllo ✓", "flag": True}).
MS_CKPT = base64.b64decode(
    "CjEKBndlaWdodBInCAMIAhIHRmxvYXQzMhoYAAAAAAAAgD4AAAA/AABAPwAAgD8AAKA/CiEKBGJpYXMSGQgDEgdGbG9h"
    "dDMyGgwAAAA/AACAvwAAAEAKHgoJZXBvY2hfbnVtEhESBUludDY0GggDAAAAAAAAAAoVCgJschIPEgdGbG9hdDMyGgQA"
    "AAA/CiYKBXRhZ19zEh0IABIDc3RyGhRoAAAAZQAAAGwAAABsAAAAbwAAAAoWCgVlbXB0eRINCAASA3N0choEAAAAAAos"
    "CgN1bmkSJQgAEgNzdHIaHGgAAADpAAAAbAAAAGwAAABvAAAAIAAAABMnAAAKEQoEZmxhZxIJEgRCb29sGgEB")


def check_loaded(d):
    assert list(d) == ["weight", "bias", "epoch_num", "lr", "tag_s", "empty", "uni", "flag"]
    assert (d["tag_s"], d["empty"], d["uni"]) == ("hello", "", "héllo ✓")
    assert all(type(d[k]) is str for k in ("tag_s", "empty", "uni"))
    np.testing.assert_array_equal(d["weight"].asnumpy(), np.arange(6, dtype=np.float32).reshape(3, 2) / 4)
    np.testing.assert_array_equal(d["bias"].asnumpy(), [0.5, -1.0, 2.0])
    assert d["epoch_num"].dtype == ms.int64 and int(d["epoch_num"]) == 3
    assert float(d["lr"]) == 0.5 and bool(d["flag"]) is True and d["flag"].dtype == ms.bool_
    assert isinstance(d["weight"], ms.Parameter) and d["weight"].name == "weight"


def test_ckpt_with_strings_written_by_mindspore_loads(tmp_path):
    path = tmp_path / "ms.ckpt"
    path.write_bytes(MS_CKPT)
    d = ms.load_checkpoint(str(path))
    check_loaded(d)
    net = nn.Dense(2, 3)
    # MindSpore 2.10 returns ([], ['epoch_num', 'lr', 'tag_s', 'empty', 'uni', 'flag'])
    assert ms.load_param_into_net(net, d) == ([], ["epoch_num", "lr", "tag_s", "empty", "uni", "flag"])
    np.testing.assert_array_equal(net.weight.asnumpy(), d["weight"].asnumpy())


def test_ckpt_strings_round_trip(tmp_path):
    net = nn.Dense(2, 3, weight_init=ms.Tensor(np.arange(6, dtype=np.float32).reshape(3, 2) / 4),
                   bias_init=ms.Tensor(np.array([0.5, -1.0, 2.0], np.float32)))
    path = tmp_path / "ours.ckpt"
    ms.save_checkpoint(net, str(path), append_dict={"epoch_num": 3, "lr": 0.5, "tag_s": "hello",
                                                    "empty": "", "uni": "héllo ✓", "flag": True})
    check_loaded(ms.load_checkpoint(str(path)))
    # The string entries are MindSpore's bytes: dims [0], tensor_type "str", UTF-32LE content.
    data = path.read_bytes()
    for text in ("hello", "héllo ✓"):
        content = text.encode("utf-32-le")
        assert b"\x08\x00\x12\x03str\x1a" + bytes([len(content)]) + content in data
    assert b"\x08\x00\x12\x03str\x1a\x04\x00\x00\x00\x00" in data  # "" is one NUL, as NumPy's U1


def test_ckpt_string_errors(tmp_path):
    bad = MS_CKPT.replace("héllo ✓".encode("utf-32-le"), b"\x00\x00\x11\x00" * 7)  # not a char
    (tmp_path / "bad.ckpt").write_bytes(bad)
    with pytest.raises(ValueError, match=r"string \"uni\" holds 0x110000"):
        ms.load_checkpoint(str(tmp_path / "bad.ckpt"))
    with pytest.raises(ValueError, match="safetensors files hold tensors only"):
        ms.save_checkpoint(nn.Dense(2, 3), str(tmp_path / "x.safetensors"), append_dict={"s": "x"})


# -- threads ------------------------------------------------------------------------------------

COUNT = textwrap.dedent("""\
    import os, sys
    def pool():
        # (threads of the kernels' pool, helpers of the product team, how many of either ran)
        # from /proc: names ems-cpu-N and ems-gemm-N
        n = team = ran = 0
        for t in os.listdir("/proc/self/task"):
            try:
                comm = open(f"/proc/self/task/{t}/comm").read()
                stat = open(f"/proc/self/task/{t}/stat").read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if comm.startswith(("ems-cpu-", "ems-gemm-")):
                n += comm.startswith("ems-cpu-")
                team += comm.startswith("ems-gemm-")
                ran += int(stat[11]) + int(stat[12]) > 0
        return n, team, ran
    import easy_mindspore as ms
    before = pool()
    SETUP
    import time
    x = ms.ones((1 << 22,))
    # Long enough (0.5 s, at least 30 kernels) for each thread's CPU time to reach the clock
    # ticks /proc counts in (10 ms): a fast release build finished 30 kernels in under a tick.
    # On a loaded machine a second thread may not get a core for a while: the kernels go on,
    # for at most 60 s, until two threads have run (when there are two).
    start, k = time.perf_counter(), 0
    while (k < 30 or time.perf_counter() - start < 0.5
           or (pool()[0] > 1 and pool()[2] < 2 and time.perf_counter() - start < 60)):
        y = ms.ops.exp(x).sum()
        k += 1
    n, team, ran = pool()
    print(before[0], n, team, ran, ms._C.num_threads(), float(y))
    """)


def run_count(setup, env=None):
    code = COUNT.replace("SETUP", setup)
    e = dict(os.environ)
    e.pop("EMS_NUM_THREADS", None)
    e.update(env or {})
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=e,
                       timeout=300)
    return r


@pytest.mark.parametrize("setup,env,n", [
    ("ms.device_context.cpu.op_tuning.threads_num(3)", None, 3),
    ("ms.set_context(runtime_num_threads=4)", None, 4),
    ("ms.device_context.cpu.threads_num(1)", None, 1),
    ("pass", {"EMS_NUM_THREADS": "5"}, 5),
])
def test_thread_count_takes_effect(setup, env, n):
    r = run_count(setup, env)
    assert r.returncode == 0, r.stderr
    before, threads, team, ran, reported, _ = r.stdout.split()
    # The pool starts at the setting (at import for the variable), with n threads, the product
    # team with n - 1 helpers (the caller is the n-th), and the kernels run on them: after half a
    # second of large exp-and-sum kernels (the exp shared with the team, the sum on the pool), more than one
    # of them has used CPU time when n > 1 (not all need to on this 2-core machine under load).
    assert int(before) == (n if env else 0)
    assert (int(threads), int(team), int(reported)) == (n, n - 1, n)
    assert int(ran) >= min(n, 2)


def test_thread_count_errors_in_a_fresh_process():
    r = run_count(textwrap.dedent("""\
        ms.device_context.cpu.op_tuning.threads_num(2)
        try:
            ms.device_context.cpu.op_tuning.threads_num(2)
        except RuntimeError as e:
            print("again:", e)
        try:
            ms.set_context(runtime_num_threads=3)
        except RuntimeError as e:
            print("other:", e)
        ms.set_context(runtime_num_threads=2)  # the count the pool has: accepted
        ms.set_context(runtime_num_threads=0)  # 0 keeps the default: accepted"""))
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    # MindSpore 2.10's message for a second threads_num
    assert lines[0] == "again: The 'threads_num' can not be set repeatedly."
    assert lines[1].startswith("other: ") and "already runs 2 threads" in lines[1] and "to 3" in lines[1]
    before, threads, _, _, reported, _ = lines[2].split()
    assert (before, threads, reported) == ("0", "2", "2")


def test_thread_count_after_the_pool_started_is_refused():
    r = run_count(textwrap.dedent("""\
        z = ms.ops.exp(ms.ones((1 << 22,))).sum()    # starts the default pool
        default = ms._C.num_threads()
        try:
            ms.device_context.cpu.op_tuning.threads_num(default + 1)
        except RuntimeError as e:
            print("late:", e)
        ms.device_context.cpu.op_tuning.threads_num(default)  # what it has: accepted"""))
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("late: CPU: the CPU kernels' thread pool already runs")


def test_bad_environment_variable_is_an_error_at_import():
    r = run_count("pass", {"EMS_NUM_THREADS": "many"})
    assert r.returncode != 0
    assert "ShapeError" in r.stderr and "EMS_NUM_THREADS must be a positive integer" in r.stderr


def test_thread_count_argument_checks_are_mindspores():
    tn = ms.device_context.cpu.op_tuning.threads_num
    # MindSpore 2.10's classes and messages
    with pytest.raises(TypeError, match=r"The parameter 'num' must be <class 'int'>, but got <class 'float'>"):
        tn(2.5)
    with pytest.raises(TypeError, match=r"but got 'True' with type 'bool'"):
        tn(True)
    for bad in (0, -1):
        with pytest.raises(ValueError, match=rf"The 'num' must be int and must > 0, but got '{bad}'"):
            tn(bad)
    with pytest.raises(TypeError, match="runtime_num_threads"):
        ms.set_context(runtime_num_threads="2")
    with pytest.raises(TypeError, match="runtime_num_threads"):
        ms.set_context(runtime_num_threads=2.0)
    with pytest.raises(ValueError, match="The num of thread must bigger than or equal to 0."):
        ms.set_context(runtime_num_threads=-1)
    assert ms.device_context.cpu.is_available() is True
    assert ms.device_context.cpu.device_count() == 1

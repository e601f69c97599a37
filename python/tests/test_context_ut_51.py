"""What MindSpore 2.10's own unit tests of the context, the initializers, the checkpoint helpers
and the parallel-redundancy helpers call, with the values and messages measured on MindSpore
2.10 (CPU build): ``set_context``'s type checks and ``__wrapped__``, ``deterministic``'s
environment switches, ``jit_config``, ``save_graphs_path``; ``mindspore.common.file_system``;
custom initializers and the C++ random fills; ``get_parameter_redundancy``; the checkpoint file
manager and ``_save_graph``."""
import os

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import context, nn
from easy_mindspore.common import file_system, initializer as init
from easy_mindspore.train._ckpt_manager import _CheckpointManager
from easy_mindspore.train._utils import get_parameter_redundancy, remove_param_redundancy
from easy_mindspore.train.serialization import _save_graph

_ENV = ("HCCL_DETERMINISTIC", "TE_PARALLEL_COMPILER")


@pytest.fixture(autouse=True)
def _restore_context(monkeypatch):
    for name in _ENV:
        monkeypatch.delenv(name, raising=False)
    saved, locks = dict(context._context_settings), dict(context._context_set_once)
    yield
    context._context_settings.clear()
    context._context_settings.update(saved)
    context._context_set_once.update(locks)
    context._mode[0] = saved["mode"] == context.GRAPH_MODE


# -- context -------------------------------------------------------------------------------------

def test_context_object_and_type_checks():
    assert context.K_CONTEXT is context._context()
    context.K_CONTEXT = None
    ctx = context._context()
    assert ctx is not None and context.K_CONTEXT is ctx and ctx.get_mode() == context.PYNATIVE_MODE
    cases = [(dict(variable_memory_max_size=True), "'variable_memory_max_size' must be <class 'str'>, but got <class 'bool'>"),
             (dict(max_device_memory=1), "'max_device_memory' must be <class 'str'>, but got <class 'int'>"),
             (dict(mode="x"), "'mode' must be <class 'int'>"),
             (dict(save_graphs=1.5), r"'save_graphs' must be \(<class 'bool'>, <class 'int'>\)"),
             (dict(jit_config="O1"), "'jit_config' must be <class 'dict'>"),
             (dict(deterministic=True), "'deterministic' must be <class 'str'>"),
             (dict(profiling_options=1), "the argument 'profiling_option' must be string")]
    for kwargs, message in cases:
        with pytest.raises(TypeError, match=message):
            context.set_context(**kwargs)
    with pytest.raises(RuntimeError, match="Got illegal param 13 and value with type"):
        context.set_context(enable_profiling=1)
    # __wrapped__ skips the type check; another device's keys are then ignored with a warning.
    context.set_context.__wrapped__(variable_memory_max_size="3GB", max_device_memory="3GB")
    assert context.get_context("variable_memory_max_size") == "0"
    assert context.get_context("max_device_memory") == 1024.0


def test_values_mindspore_converts_and_refuses():
    context.set_context(mode=True, max_call_depth=True)
    assert context.get_context("mode") == 1 and type(context.get_context("mode")) is int
    assert context.get_context("max_call_depth") == 1
    cases = [(dict(op_timeout=-1), "The num of op exe timeout must bigger than or equal to 0."),
             (dict(inter_op_parallel_num=-1), "The num of parallel thread must bigger"),
             (dict(jit_syntax_level=5), "should be context.STRICT or context.LAX, but got 5"),
             (dict(debug_level=3), "should be context.DEBUG or context.RELEASE, but got 3"),
             (dict(exec_order="x"), r"'exec_order' must be one of \['bfs', 'dfs'\], but got x"),
             (dict(aoe_tune_mode="x"), r"must be in \['online', 'offline'\], but got x"),
             (dict(device_id=4096), r"'device_id' must be in range \[0, 4095\], but got 4096"),
             (dict(save_graphs_path=""), "should be Non-empty string, but got ''")]
    for kwargs, message in cases:
        with pytest.raises(ValueError, match=message):
            context.set_context(**kwargs)
    context.set_context(device_id=0)
    context.set_context(device_id=0)
    with pytest.raises(TypeError, match=r"device_id can not be set repeatedly, origin value \[0\]"):
        context.set_context(device_id=1)


def test_quiet_device_setters(capsys):
    ctx = context._context()
    ctx.set_device_target("CPU")
    ctx.set_device_id(0)
    assert capsys.readouterr().err == ""
    assert context.get_context("device_target") == "CPU" and context._context_set_once["device_id"]
    with pytest.raises(RuntimeError, match="Unsupported device target GPU"):
        ctx.set_device_target("GPU")
    with pytest.raises(TypeError, match="'device_target' must be <class 'str'>"):
        ctx.set_device_target(1)


def test_deprecated_keys_warn(capsys):
    context.set_context(max_call_depth=1000, check_bprop=False)
    err = capsys.readouterr().err
    assert ("the parameter 'max_call_depth' will be deprecated and removed in a future version. "
            "Please use the api mindspore.set_recursion_limit() instead.") in err
    assert "the parameter 'check_bprop' will be deprecated and removed in a future version.\n" in err


def test_deterministic_switches_the_environment(capsys):
    with pytest.raises(ValueError, match=r"'deterministic' must be one of \['ON', 'OFF'\], but got NOTRIGHT"):
        context.set_context(deterministic="NOTRIGHT")
    context.set_context(deterministic="ON")
    assert os.environ["HCCL_DETERMINISTIC"] == "true" and os.environ["TE_PARALLEL_COMPILER"] == "1"
    assert context.get_context("deterministic") == "ON"
    capsys.readouterr()
    context.set_context(deterministic="OFF")
    assert "HCCL_DETERMINISTIC" not in os.environ and "TE_PARALLEL_COMPILER" not in os.environ
    assert ("Environment 'HCCL_DETERMINISTIC' should not be set or be 'false' when set "
            "deterministic='OFF', but got 'true'. 'HCCL_DETERMINISTIC' will be unset.") in capsys.readouterr().err
    os.environ["HCCL_DETERMINISTIC"], os.environ["TE_PARALLEL_COMPILER"] = "strict", "3"
    context.set_context(deterministic="ON")  # 'strict' is kept, another value becomes '1'
    assert os.environ["HCCL_DETERMINISTIC"] == "strict" and os.environ["TE_PARALLEL_COMPILER"] == "1"
    os.environ["HCCL_DETERMINISTIC"], os.environ["TE_PARALLEL_COMPILER"] = "false", "0"
    context.set_context(deterministic="OFF")  # 'false' and '0' are kept
    assert os.environ["HCCL_DETERMINISTIC"] == "false" and os.environ["TE_PARALLEL_COMPILER"] == "0"


def test_set_deterministic_once(monkeypatch):
    # once per process: the lock and the switches are put back for the other tests
    monkeypatch.setitem(context._context_set_once, "set_deterministic", False)
    monkeypatch.setitem(context._context_settings, "deterministic", context._context_settings.get("deterministic"))
    for key in ("HCCL_DETERMINISTIC", "TE_PARALLEL_COMPILER"):
        monkeypatch.delenv(key, raising=False)
    with pytest.raises(TypeError, match="The parameter 'deterministic' must be <class 'bool'>, but got <class 'str'>"):
        context._set_deterministic("ON")
    context._set_deterministic(True)
    assert os.environ["HCCL_DETERMINISTIC"] == "true" and os.environ["TE_PARALLEL_COMPILER"] == "1"
    assert context.get_context("deterministic") == "ON"
    with pytest.raises(RuntimeError, match="'mindspore.set_deterministic' can not be set repeatedly"):
        context._set_deterministic(False)
    context.set_context(deterministic="OFF")  # ignored once set_deterministic was called
    assert context.get_context("deterministic") == "ON"


def test_jit_config():
    context.set_context(jit_config={"jit_level": "O2"})
    assert context.get_jit_config() == {"jit_level": "O2"}
    assert context.get_jit_config() is context.get_context("jit_config")
    with pytest.raises(ValueError, match=r"value of argument jit_level must be one of \['O0', 'O1', 'O2'\], but got \."):
        context.set_context(jit_config={"jit_level": ""})
    with pytest.raises(ValueError, match="the key of argument 'jit_config' must be one of"):
        context.set_context(jit_config={"bad": "O1"})
    with pytest.raises(ValueError, match=r"infer_boost must be one of \['on', 'off'\], but got ON"):
        context.set_context(jit_config={"infer_boost": "ON"})
    assert context.get_jit_config() == {"jit_level": "O2"}


def test_save_graphs_path_is_created(tmp_path):
    path = tmp_path / "ir" / "sub"
    context.set_context(save_graphs=True, save_graphs_path=str(path))
    assert path.is_dir() and oct(path.stat().st_mode & 0o777) == "0o700"
    assert context.get_context("save_graphs_path") == str(path) and context.get_context("save_graphs") == 2


# -- file_system ---------------------------------------------------------------------------------

def test_file_system():
    fs = file_system.FileSystem()
    assert file_system._register_basic_file_system(fs) is True
    assert (fs.create, fs.create_args, fs.open, fs.open_args, fs.backend) == (open, ("ab",), open, ("rb",), "basic")
    assert file_system._register_mindio_file_system(fs) is False and fs.backend == "basic"
    with pytest.raises(TypeError, match="The 'data_block_pool_capacity_in_gb' must be int, but got 'str'"):
        file_system.set_mindio_server_info("s")
    with pytest.raises(ValueError, match="must be int and must > 0, but got '0' with type 'int'"):
        file_system.set_mindio_server_info(0)
    assert file_system.mindio_preload("x.ckpt") is False


# -- parallel redundancy -------------------------------------------------------------------------

def test_parameter_redundancy():
    layout = {"w": ([4, 4], [0, -1], [640, 2560], 0, True, "4-1"), "g": ([4, 4], [-1], [2560], 0, True, ""),
              "b": ([2, 2, 2], [0, 2], [1], 0, True, "")}
    groups = get_parameter_redundancy(layout, initial_rank=0)
    assert list(groups) == ["b", "g", "w"]
    assert groups["w"] == ((0, 4, 8, 12), (1, 5, 9, 13), (2, 6, 10, 14), (3, 7, 11, 15))
    assert groups["g"] == (tuple(range(16)),)
    assert groups["b"] == ((0, 2), (4, 6), (1, 3), (5, 7))
    assert get_parameter_redundancy({"a": ([3, 2, 2], [1, 2], [1], 0, True, "")}, initial_rank=8)["a"] == (
        (8, 9), (12, 13), (16, 17), (10, 11), (14, 15), (18, 19))
    a, b = ((0, 1), (2, 3)), ((0, 2), (1, 3))
    out = remove_param_redundancy({"a": a, "b": b, "c": ((0, 1, 2, 3),), "d": a, "e": b, "f": ((0, 1, 2, 3),)})
    assert {k: sorted(v) for k, v in out.items()} == {0: ["a", "b", "c"], 2: ["a", "e"], 1: ["b", "d", "f"], 3: ["d", "e"]}
    out = remove_param_redundancy({"a": ((5, 1), (2, 7)), "b": ((2, 7),)}, keep_redundancy=2)
    assert list(out) == [5, 2, 7, 1] and out[2] == {"a", "b"}


# -- initializers and random fills ---------------------------------------------------------------

def test_custom_initializer_and_assignment():
    class Twos(init.Initializer):
        def _initialize(self, arr):
            init._assignment(arr, 2)

    t = init.initializer(Twos(), [2, 2], ms.int32)
    assert t.dtype == ms.int32 and t.init_data().asnumpy().tolist() == [[2, 2], [2, 2]]
    assert vars(init.Initializer(a=1)) == {"_kwargs": {"a": 1}, "_seed": None}
    assert init._assignment(np.zeros(2, np.int32), 3.7).tolist() == [3, 3]

    class Nothing(init.Initializer):
        pass

    with pytest.raises(NotImplementedError, match="Must be overridden!"):
        init.initializer(Nothing(), [2]).init_data()


def test_random_fills_are_mindspores():
    a = np.zeros(4, np.float32)
    # MindSpore 2.10's values, bit for bit (as Float32 bit patterns).
    init._random_normal(12345678, a, 0.0, 1.0)
    assert a.view(np.uint32).tolist() == [1044608320, 1047820610, 3217250467, 3208817138]
    init._random_uniform(12345678, a, 0.0, 1.0)
    assert a.view(np.uint32).tolist() == [1038602563, 1051075717, 1063558634, 1053135573]
    init._random_uniform(12345678, a, 5.0, 2.0)
    assert a.view(np.uint32).tolist() == [1083515441, 1082186023, 1075087760, 1081469168]
    init._truncated_normal(12345678, a, -2.0, 2.0, 0.0, 1.0)
    np.testing.assert_allclose(a, [-1.1226553, -0.43306768, 1.1510853, -0.27651024], rtol=1e-6)
    with pytest.raises(TypeError, match="incompatible function arguments"):
        init._random_normal(-1, a, 0.0, 1.0)
    with pytest.raises(RuntimeError, match="Unsupported data type 'd'."):
        init._random_normal(1, np.zeros(2), 0.0, 1.0)


def test_variance_scaling_draws_mindspores_values():
    ms.set_seed(0)
    rules = [init.VarianceScaling(1.0, "fan_out", "untruncated_normal"),
             init.VarianceScaling(3.0, "fan_avg", "uniform")]
    got = [init.initializer(r, [2, 3], ms.float32).init_data().asnumpy() for r in rules]
    expected = [[[-0.34712622, -0.29912162, -1.04702616], [0.47463822, 0.38238743, 0.72953886]],
                [[-1.25849664, 1.17844367, 0.12651655], [-1.53882468, 1.49671531, -0.45627373]]]
    for g, e in zip(got, expected):
        np.testing.assert_allclose(g, e, rtol=1e-6)
    # 'truncated_normal' (the default, and the 'varianceScaling' name) is the documented normal
    # truncated at two standard deviations (MindSpore 2.10 draws its uniform there: a misspelt
    # comparison), of standard deviation sqrt(scale / fan) / 0.8796
    for rule in ("varianceScaling", init.VarianceScaling(2.0, "fan_in", "truncated_normal")):
        a = init.initializer(rule, [300, 400], ms.float32).init_data().asnumpy()
        scale = 1.0 if isinstance(rule, str) else 2.0
        sd = np.sqrt(scale / 400) / 0.8796256610342398
        assert np.abs(a).max() <= 2 * sd * (1 + 1e-6) and abs(a.std() / np.sqrt(scale / 400) - 1) < 0.03


# -- checkpoint files ----------------------------------------------------------------------------

def _touch(folder, name, mtime):
    path = os.path.join(folder, name)
    open(path, "w").close()
    os.utime(path, (mtime, mtime))
    return path


def test_checkpoint_manager(tmp_path, capsys):
    folder = str(tmp_path)
    now = 1_700_000_000.0
    for i, name in enumerate(["net-1_1.ckpt", "net-10_2.ckpt", "net-3_1_0.ckpt", "net-1_1_breakpoint.ckpt",
                              "net_1-1_1.ckpt", "net-a.ckpt", "net-1_1.meta", "net-2_1.safetensors"]):
        _touch(folder, name, now - 100 + i)
    manager = _CheckpointManager()
    manager.update_ckpoint_filelist(folder, "net")
    assert sorted(os.path.basename(f) for f in manager.ckpoint_filelist) == [
        "net-10_2.ckpt", "net-1_1.ckpt", "net-3_1_0.ckpt"]
    manager.remove_oldest_ckpoint_file()
    assert not (tmp_path / "net-1_1.ckpt").exists() and manager.ckpoint_num == 2
    manager.remove_ckpoint_file(os.path.join(folder, "missing.ckpt"))
    assert "OSError, failed to remove the older ckpt file" in capsys.readouterr().err
    with pytest.raises(IndexError):
        _CheckpointManager().remove_oldest_ckpoint_file()
    # Of the files of the last minute (and later), only the oldest before cur_time is kept.
    for f in list(manager.ckpoint_filelist):
        manager.remove_ckpoint_file(f)
    for i, offset in enumerate([-200, -100, -50, -30, -10, 0, 10]):
        _touch(folder, f"t-{i}_1.ckpt", now + offset)
    manager.update_ckpoint_filelist(folder, "t")
    manager.keep_one_ckpoint_per_minutes(1, now)
    manager.update_ckpoint_filelist(folder, "t")
    assert sorted(os.path.basename(f) for f in manager.ckpoint_filelist) == ["t-0_1.ckpt", "t-1_1.ckpt", "t-2_1.ckpt"]


def test_save_graph(tmp_path):
    path = str(tmp_path / "net.meta")
    net = nn.Dense(2, 3)
    _save_graph(net, path)  # not compiled: nothing written, as in MindSpore
    assert not os.path.exists(path)
    context.set_context(mode=context.GRAPH_MODE)
    net(ms.Tensor(np.ones((1, 2), np.float32)))
    _save_graph(network=net, file_name=path)
    assert os.path.getsize(path) > 0 and oct(os.stat(path).st_mode & 0o777) == "0o600"
    with pytest.raises(AttributeError, match="'int' object has no attribute 'get_func_graph_proto'"):
        _save_graph(1, path)


def test_checkpoint_argument_errors(tmp_path):
    net = nn.Dense(2, 3)
    with pytest.raises(TypeError, match=r"should be a 'str' and 'Parameter' , but got <class 'str'> and <class 'int'>"):
        ms.load_param_into_net(net, {"weight": 1})
    assert ms.load_param_into_net(net, {"weight": [1], "bias": "x"}) == ([], ["weight", "bias"])
    assert ms.load_param_into_net(net, {"weight": "x"}) == (["bias"], ["weight"])
    path = str(tmp_path / "c.ckpt")
    ms.save_checkpoint(net, path)
    with pytest.raises(ValueError, match="startswith first arg must be str or a tuple of str, not int\n"
                                         "For 'load_checkpoint', failed to load the checkpoint file"):
        ms.load_checkpoint(path, choice_func=lambda x: x.startswith(123))
    with pytest.raises(ValueError, match="The loaded parameter dict is empty after filter or specify"):
        ms.load_checkpoint(path, choice_func=lambda x: not x.startswith(""))
    with pytest.raises(TypeError, match="the type of 'specify_prefix' or 'filter_prefix' must be string"):
        ms.load_checkpoint(path, specify_prefix=3)

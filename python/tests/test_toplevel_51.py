"""MindSpore 2.10's other top-level names, with the values and messages measured on MindSpore 2.10
(CPU build): ``mindspore.version``, the saved-tensor hooks, the strategy-search and parameter-server
contexts, the runtime settings and core limits, ``Layout``/``shard``/``reshard``, the strategy and
distributed-checkpoint functions, ``mindspore.tools`` and the 8-bit dtypes."""
import json
import os
import warnings

import numpy as np
import pytest

import easy_mindspore as ms
from easy_mindspore import _runtime_conf, context, nn, ops
from easy_mindspore._ps_context import _state as _ps_state
from easy_mindspore.common import dtype as mstype
from easy_mindspore.parallel import Layout


@pytest.fixture(autouse=True)
def _restore_state():
    saved_ctx, saved_ps = dict(context._context_settings), dict(_ps_state)
    saved_once, saved_conf = dict(_runtime_conf._once), dict(_runtime_conf._conf)
    yield
    context._context_settings.update(saved_ctx)
    _ps_state.update(saved_ps)
    _runtime_conf._once.update(saved_once)
    _runtime_conf._conf.update(saved_conf)
    ms.reset_algo_parameters()


def _raises(cls, message, f, *args, **kwargs):
    with pytest.raises(cls) as info:
        f(*args, **kwargs)
    assert str(info.value) == message
    return info.value


def test_version_module():
    assert ms.version.__version__ == ms.__version__
    assert [n for n in dir(ms.version) if not n.startswith("__")] == []


# ---- saved-tensor hooks ------------------------------------------------------------------

def test_register_saved_tensors_hooks_eager_runs_function_as_is():
    @ms.register_saved_tensors_hooks(lambda x: x + 1, lambda x: x)
    def forward_fn(x, y):
        return x * y
    x, y = ops.ones(2, dtype=ms.float32), ops.ones(2, dtype=ms.float32)
    _, grads = ms.value_and_grad(forward_fn, grad_position=(0, 1))(x, y)
    assert [g.asnumpy().tolist() for g in grads] == [[1.0, 1.0], [1.0, 1.0]]
    # Compiled, MindSpore runs the hooks; this engine cannot (its tape keeps saved tensors).
    with pytest.raises(RuntimeError, match="register_saved_tensors_hooks"):
        ms.jit(ms.value_and_grad(forward_fn, grad_position=(0, 1)))(x, y)


def test_saved_tensors_hooks_errors():
    with pytest.raises(TypeError, match="push_saved_tensor_hook"):
        with ms.saved_tensors_hooks(1, lambda x: x):
            pass
    with pytest.raises(RuntimeError, match="saved_tensors_hooks"):
        with ms.saved_tensors_hooks(lambda x: x, lambda x: x):
            pass
    h = ms.saved_tensors_hooks(abs, abs)
    assert sorted(vars(h)) == ["pack_hook", "pre_disable_async", "pushed", "unpack_hook"]


# ---- strategy search and parameter-server contexts ---------------------------------------

def test_algo_parameters():
    defaults = {"fully_use_devices": False, "elementwise_op_strategy_follow": False,
                "enable_algo_approxi": False, "algo_approxi_epsilon": 0.10000000149011612,
                "tensor_slice_align_enable": False, "tensor_slice_align_size": 16}
    assert {k: ms.get_algo_parameters(k) for k in defaults} == defaults
    _raises(ValueError, "Get context keyword x is not recognized!", ms.get_algo_parameters, "x")
    _raises(ValueError, "Align_size must be in [1, 1024], but got 2000", ms.set_algo_parameters,
            tensor_slice_align_size=2000)
    _raises(TypeError, "The parameter 'fully_use_devices' must be <class 'bool'>, but got <class 'int'>",
            ms.set_algo_parameters, fully_use_devices=1)
    _raises(RuntimeError, "'epsilon' must be in (0, 1]", ms.set_algo_parameters, algo_approxi_epsilon=2.0)
    _raises(TypeError, "'<' not supported between instances of 'NoneType' and 'int'",
            ms.set_algo_parameters, tensor_slice_align_size=None)
    # Types are checked first; then keys are set in order (the first stays set).
    _raises(TypeError, "The parameter 'tensor_slice_align_size' must be <class 'int'>, but got "
            "<class 'float'>", ms.set_algo_parameters, fully_use_devices=True, tensor_slice_align_size=1.0)
    assert ms.get_algo_parameters("fully_use_devices") is False
    _raises(ValueError, "Align_size must be in [1, 1024], but got 0", ms.set_algo_parameters,
            fully_use_devices=True, tensor_slice_align_size=0)
    assert ms.get_algo_parameters("fully_use_devices") is True
    ms.set_algo_parameters(tensor_slice_align_size=True, algo_approxi_epsilon=0.3, enable_algo_approxi=None)
    assert (ms.get_algo_parameters("tensor_slice_align_size"), ms.get_algo_parameters("algo_approxi_epsilon"),
            ms.get_algo_parameters("enable_algo_approxi")) == (1, 0.3, False)
    ms.reset_algo_parameters()
    assert ms.get_algo_parameters("algo_approxi_epsilon") == 0.10000000149011612
    assert ms.parallel.set_algo_parameters is ms.set_algo_parameters


def _ps():
    keys = ["enable_ps", "config_file_path", "enable_ssl", "ms_role", "worker_num", "server_num",
            "scheduler_ip", "scheduler_port"]
    return {k: ms.get_ps_context(k) for k in keys}


def test_ps_context(monkeypatch):
    for name in ("MS_ROLE", "MS_WORKER_NUM", "MS_SERVER_NUM", "MS_SCHED_HOST", "MS_SCHED_PORT"):
        monkeypatch.delenv(name, raising=False)
    assert _ps() == {"enable_ps": False, "config_file_path": "", "enable_ssl": False,
                     "ms_role": "MS_NOT_PS", "worker_num": 0, "server_num": 0,
                     "scheduler_ip": "127.0.0.1", "scheduler_port": 6667}
    _raises(ValueError, "Get PS context keyword client_password is not recognized!", ms.get_ps_context,
            "client_password")
    _raises(ValueError, "Set PS context keyword bad is not recognized!", ms.set_ps_context, bad=2)
    _raises(TypeError, "The parameter 'enable_ps' must be <class 'bool'>, but got <class 'int'>",
            ms.set_ps_context, worker_num=3, enable_ps=1)
    _raises(RuntimeError, "ms_role x is invalid.", ms.set_ps_context, ms_role="x")
    with pytest.raises(TypeError, match=r"^set_worker_num\(\): incompatible function arguments"):
        ms.set_ps_context(worker_num=-1)
    ms.set_ps_context(ms_role="MS_WORKER", worker_num=True, scheduler_port=65535, enable_ssl=2,
                      client_password="a")
    assert _ps()["ms_role"] == "MS_NOT_PS" and _ps()["worker_num"] == 1 and _ps()["enable_ssl"] is True
    monkeypatch.setenv("MS_WORKER_NUM", "7")
    monkeypatch.setenv("MS_ROLE", "MS_PSERVER")
    monkeypatch.setenv("MS_SCHED_HOST", "2.2.2.2")
    monkeypatch.setenv("MS_SCHED_PORT", "123")
    ms.set_ps_context(enable_ps=True)
    assert _ps() == {"enable_ps": True, "config_file_path": "", "enable_ssl": True,
                     "ms_role": "MS_PSERVER", "worker_num": 7, "server_num": 0,
                     "scheduler_ip": "2.2.2.2", "scheduler_port": 123}
    ms.reset_ps_context()
    assert _ps()["enable_ps"] is False and _ps()["ms_role"] == "MS_NOT_PS" and _ps()["worker_num"] == 7
    assert context.set_ps_context is ms.set_ps_context


# ---- runtime settings ---------------------------------------------------------------------

def test_set_memory():
    _raises(TypeError, "The parameter 'optimize_level' must be <class 'str'>, but got <class 'int'>",
            ms.set_memory, init_size="x", optimize_level=1)
    regular = r"[1-9][0-9]*(\.)?[0-9]*GB|0\.[0-9]*GB"
    _raises(ValueError, f"The 'y' is illegal, it must be match regular'{regular}' by flags're.ASCII.'",
            ms.set_memory, init_size="10GBx", increase_size="y")
    _raises(ValueError, "could not convert string to float: '10G'", ms.set_memory, init_size="10GBx")
    _raises(TypeError, "expected string or bytes-like object, got 'NoneType'", ms.set_memory, max_size=None)
    _raises(ValueError, "The optimize_level must be one of ['O0', 'O1'], but got O2.", ms.set_memory,
            optimize_level="O2")
    ms.runtime.set_memory("1.GB", "0.5GB", "60GB", "O1", "0GB")
    assert ms.get_context("memory_optimize_level") == 1
    _raises(RuntimeError, "The 'set_memory' can not be set repeatedly.", ms.set_memory)
    _raises(TypeError, "The parameter 'init_size' must be <class 'str'>, but got <class 'int'>",
            ms.set_memory, init_size=1)


def test_dispatch_threads_and_kernel_launch():
    _raises(TypeError, "The 'threads_num' must be int and must > 0, but got 'True' with type 'bool'.",
            ms.dispatch_threads_num, True)
    _raises(ValueError, "The 'threads_num' must be int and must > 0, but got '0' with type 'int'.",
            ms.dispatch_threads_num, 0)
    ms.dispatch_threads_num(6)
    _raises(RuntimeError, "The 'dispatch_threads_num' can not be set repeatedly.", ms.dispatch_threads_num, 7)
    _raises(ValueError, "The value of thread_num should be at least 1, but got 0",
            ms.set_kernel_launch_group, 0, 8)
    _raises(ValueError, "Invalid parameter value, kernel_group_num: 8 cannot be evenly divisible by "
            "thread_num: 3", ms.set_kernel_launch_group, 3, 8)
    _raises(TypeError, "op_capture_skip must be a list", ms.set_kernel_launch_capture, True, 1)
    ms.set_kernel_launch_capture(True, ["MatMul"])
    _raises(RuntimeError, "The kernel launch group and kernel launch capture can not be set together",
            ms.set_kernel_launch_group)
    ms.set_kernel_launch_capture(False)
    ms.set_kernel_launch_group()
    _raises(RuntimeError, "The 'kernel_launch_group' can not be set repeatedly.", ms.set_kernel_launch_group)
    _raises(RuntimeError, "The kernel launch group and kernel launch capture can not be set together",
            ms.set_kernel_launch_capture, False)


def test_device_and_stream_limits():
    with pytest.raises(TypeError, match=r"^set_device_limit\(\): incompatible function arguments"):
        ms.set_device_limit("a")
    ms.runtime.set_device_limit(0, 8, 8)
    ms.set_device_limit(0, -1, 4)
    assert ms.get_device_limit(0) == {"cube_core_num": 8, "vector_core_num": 4}
    with pytest.raises(RuntimeError):
        ms.get_device_limit(3)
    s = ms.runtime.Stream()
    _raises(TypeError, "For 'set_stream_limit', the argument 'stream' should be Stream, but got <class 'int'>.",
            ms.reset_stream_limit, 1)
    _raises(TypeError, "For 'StreamLimitCtx', the argument 'stream' should be Stream, but got <class 'int'>.",
            ms.StreamLimitCtx, 1)
    with ms.StreamLimitCtx(s, 8, 8):
        assert ms.get_stream_limit(s) == {"cube_core_num": 8, "vector_core_num": 8}
    with pytest.raises(RuntimeError):
        ms.get_stream_limit(s)
    assert ms.StreamLimitCtx.ctx_attr is True


# ---- parallel -----------------------------------------------------------------------------

def test_layout():
    layout = Layout((2, 2, 2), ("dp", "sp", "mp"))
    assert layout("dp", "mp").to_dict() == {
        "device_matrix": (2, 2, 2), "tensor_map": (2, 0), "interleaved_parallel": False,
        "alias_name": ("dp", "sp", "mp"), "rank_list": [0, 1, 2, 3, 4, 5, 6, 7]}
    layout = Layout((2, 2, 2), ("dp", "sp", "interleaved_parallel"))
    d = layout(("dp", "interleaved_parallel"), "sp").to_dict()
    assert d["tensor_map"] == ((2, 0), 1) and d["interleaved_parallel"] is True
    lay = Layout((2, 2), ("a", "b"), rank_list=[3, 2, 1, 0])
    assert lay(("a", "b"), "None").to_dict()["tensor_map"] == ((1, 0), -1)
    assert lay.to_dict()["tensor_map"] == ((1, 0), -1)  # the call keeps the map on the layout too
    _raises(ValueError, "The axis c is not found in ('a', 'b')", lay, "c")
    _raises(ValueError, "The axis a has been set more than one in ('a', 'b')", lay, ("a", "b"), "a")
    _raises(ValueError, "The tensor_map of layout is None", Layout((2,), ("a",)).to_dict)
    _raises(TypeError, "device_matrix must be tuple type, but got:<class 'list'>", Layout, [2], ("a",))
    _raises(ValueError, "Each element of alias_name ('a', 'a') should be different", Layout, (2, 2), ("a", "a"))
    _raises(ValueError, "The element of alias_name can not set 'None', because 'None' means no sharding.",
            Layout, (2,), ("None",))
    _raises(TypeError, "The rank_list should be a list, but got tuple.", Layout, (2,), ("a",), rank_list=(0, 1))
    _raises(ValueError, "The length of rank_list should be equal to the product of device_matrix, but got "
            "3 and 4.", Layout, (2, 2), ("a", "b"), rank_list=[0, 1, 2])


def test_shard_and_reshard_are_identities():
    def add(x, y):
        return x + y
    assert ms.shard(add, ((4, 2), (4, 2))) is add
    assert ms.shard(1, ((4, "a"),), parameter_plan=1) == 1
    x = ms.Tensor([1.0])
    assert ms.reshard(x, Layout((2,), ("dp",))("dp")) is x
    assert ms.parallel.function.reshard is ms.reshard


def _strategy_json(path, items):
    with open(path, "w") as f:
        json.dump({"parallel_layout_item": items}, f)
    return str(path)


def test_build_searched_strategy(tmp_path):
    layout = {"dev_matrix": [2, 1], "tensor_map": [1, -1], "param_split_shape": [2, 3],
              "indices_offset": [0, 0], "field": 0, "opt_weight_shard_step": 1, "opt_weight_shard_size": 2}
    path = _strategy_json(tmp_path / "s.json", {"w": layout, "b": dict(
        dev_matrix=[2], tensor_map=[-1], field=3, opt_weight_shard_step=0, opt_weight_shard_size=0)})
    got = {k: str(v) for k, v in ms.build_searched_strategy(path).items()}
    assert got == {
        "w": "dev_matrix {\n  dim: 2\n  dim: 1\n}\ntensor_map {\n  dim: 1\n  dim: -1\n}\nparam_split_shape "
             "{\n  dim: 2\n  dim: 3\n}\nindices_offset {\n  dim: 0\n  dim: 0\n}\nfield: 0\n"
             "opt_weight_shard_step: 1\nopt_weight_shard_size: 2\n",
        "b": "dev_matrix {\n  dim: 2\n}\ntensor_map {\n  dim: -1\n}\nparam_split_shape {\n}\n"
             "indices_offset {\n}\nfield: 3\nopt_weight_shard_step: 0\nopt_weight_shard_size: 0\n"}
    with pytest.raises(TypeError):  # protobuf's TypeError (its wording varies by its version)
        ms.build_searched_strategy(_strategy_json(tmp_path / "s4.json", {"w": {"field": 1}}))
    empty = tmp_path / "empty.ckpt"
    empty.write_bytes(b"")
    _raises(ValueError, f"For 'build_searched_strategy', the strategy file {empty} should not be empty. "
            "Please check whether the 'strategy_filename' is correct.", ms.build_searched_strategy, str(empty))
    _raises(ValueError, "For 'build_searched_strategy', no such strategy file: nofile. Please check whether "
            "the 'strategy_filename' exists.", ms.build_searched_strategy, "nofile")
    bad = tmp_path / "bad.ckpt"
    bad.write_bytes(b"garbage\xff\x00")
    _raises(TypeError, "The strategy file type should be one of json or protobuf. When the file name "
            "extension is not '.json', the file is considered as a protobuf file.",
            ms.build_searched_strategy, str(bad))
    ckpt = str(tmp_path / "d0.ckpt")
    ms.save_checkpoint(nn.Dense(2, 3), ckpt)
    assert ms.build_searched_strategy(ckpt) == {}


def test_restore_group_info_list_and_merge(tmp_path):
    group = tmp_path / "g.pb"
    group.write_bytes(b"\x12\x05\x0a\x03\x00\x02\x04")
    assert ms.restore_group_info_list(str(group)) == [0, 2, 4]
    group.write_bytes(b"x")
    with pytest.raises(Exception) as info:  # protobuf's DecodeError (wording by its version)
        ms.restore_group_info_list(str(group))
    assert not isinstance(info.value, ValueError)
    _raises(ValueError, "For 'restore_group_info_list', no such group information file: nofile.",
            ms.restore_group_info_list, "nofile")
    src, dst = tmp_path / "pe", tmp_path / "me.ckpt"
    src.mkdir()
    ms.merge_pipeline_strategys(str(src), str(dst))
    assert dst.read_text() == '{"current_stage": 1, "parallel_strategy_item": {}, "parallel_layout_item": {}}'
    _raises(NotADirectoryError, "src_strategy_dirs nodir is not a directory.", ms.merge_pipeline_strategys,
            "nodir", str(dst))
    ckpt = src / "b.ckpt"
    ms.save_checkpoint(nn.Dense(2, 3), str(ckpt))
    _raises(ValueError, f"The strategy file {ckpt} is empty", ms.merge_pipeline_strategys, str(src), str(dst))


def test_checkpoint_transforms_without_strategies(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    os.makedirs("t1")
    os.makedirs("t2/rank_0")
    ms.save_checkpoint(nn.Dense(2, 3), "t1/a.ckpt")
    ms.save_checkpoint(nn.Dense(2, 3), "t2/rank_0/a.ckpt")
    open("s1.json", "w").write("{}")
    assert ms.rank_list_for_transform(3) == [0] and ms.rank_list_for_transform(0, None, "nofile") == [0]
    _raises(TypeError, "The rank_id should be a int.", ms.rank_list_for_transform, "a")
    _raises(IndexError, "list index out of range", ms.rank_list_for_transform, 0, "s1.json")
    none_found = ("None of the parameters in checkpoint file are in either src strategy or dst strategy. "
                  "Please check correctness of strategy files.")
    _raises(ValueError, none_found, ms.transform_checkpoint_by_rank, 0, {0: "t1/a.ckpt"}, "o/out.ckpt")
    _raises(TypeError, "The checkpoint_files_map should be a dict.", ms.transform_checkpoint_by_rank,
            "a", [1], 1)
    _raises(TypeError, "The rank_id should be a int.", ms.transform_checkpoint_by_rank, "0", {}, "x.txt")
    _raises(ValueError, "Checkpoint file nofile.ckpt in rank 0 not exits: ", ms.transform_checkpoint_by_rank,
            0, {0: "nofile.ckpt"}, "x.ckpt", src_strategy_file="nofile")
    _raises(TypeError, "For 'load_checkpoint', the argument 'ckpt_file_name' must be string, but got "
            "<class 'int'>.", ms.transform_checkpoint_by_rank, 0, {0: 1}, "x.ckpt")
    _raises(ValueError, "For 'transform_checkpoints', the 'src_checkpoints_dir' can not be empty.",
            ms.transform_checkpoints, "t1", "o1", "p")
    _raises(ValueError, none_found, ms.transform_checkpoints, "t2", "o2", "p")
    _raises(TypeError, "The ckpt_prefix should be a str.", ms.transform_checkpoints, "t2", "o5", 1, "nofile")
    _raises(ValueError, "For 'transform_checkpoints', 'output_format' can not be 'safetensors' when "
            "'src_checkpoints_dir' only contains ckpt file.", ms.transform_checkpoints, "t2", "o6", "p",
            output_format="safetensors", src_strategy_file="nofile")
    assert sorted(d for d in os.listdir(".") if d.startswith("o")) == ["o2", "o5", "o6"]


def test_load_distributed_and_segmented_checkpoints(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    net = nn.Dense(2, 3)
    ms.save_checkpoint(nn.Dense(2, 3), "d0.ckpt")
    open("s1.json", "w").write("{}")
    w0 = net.weight.asnumpy().copy()
    assert ms.load_distributed_checkpoint(net, ["d0.ckpt"], train_strategy_filename="s1.json") is True
    assert np.array_equal(net.weight.asnumpy(), w0)  # an empty strategy loads nothing
    _raises(ValueError, "For 'build_searched_strategy', no such strategy file: . Please check whether the "
            "'strategy_filename' exists.", ms.load_distributed_checkpoint, net, ["d0.ckpt"])
    _raises(ValueError, "The parameter 'network' must be isinstance of <class 'mindspore.nn.cell.Cell'>, "
            "but got 1.", ms.load_distributed_checkpoint, 1, ["d0.ckpt"])
    _raises(ValueError, "For 'load_distributed_checkpoint', 'format' and 'output_format' must be 'ckpt' or "
            "'safetensors', but got ckpt.", ms.load_distributed_checkpoint, net, ["d0.ckpt"], output_format="x")
    _raises(TypeError, "'NoneType' object is not iterable", ms.load_distributed_checkpoint, net, None)
    os.makedirs("seg")
    ms.save_checkpoint([{"name": "a", "data": ms.Tensor([1.0, 2.0])}], "seg/p0.ckpt")
    ms.save_checkpoint([{"name": "b", "data": ms.Tensor([3, 4])}, {"name": "a", "data": ms.Tensor([9.0, 9.0])}],
                       "seg/p1.ckpt")
    open("seg/notes.txt", "w").write("x")
    last = [n for n in os.listdir("seg") if n.endswith(".ckpt")][-1]  # the folder's order decides
    got = {k: v.asnumpy().tolist() for k, v in ms.load_segmented_checkpoints("seg").items()}
    assert got == {"a": [1.0, 2.0] if last == "p0.ckpt" else [9.0, 9.0], "b": [3, 4]}
    _raises(ValueError, "The loaded parameter dict is empty after filter or specify, please check whether "
            "'filter_prefix' or 'specify_prefix' are set correctly.", ms.load_segmented_checkpoints, "seg",
            choice_func=lambda n: n == "b")
    _raises(ValueError, "The dst_strategy_file: nodir doesn't exist. Or it's not a directory",
            ms.load_segmented_checkpoints, "nodir")
    _raises(TypeError, "For 'load_param_into_net', the argument 'net' should be a Cell, but got <class 'int'>.",
            ms.load_segmented_checkpoints, "seg", net=1)
    assert ms.parameter_broadcast(net, {"weight": 1}, 5, 3) is None
    _raises(TypeError, "For 'sync_pipeline_shared_parameters', the argument 'net' should be a Cell, but got "
            "<class 'int'>.", ms.sync_pipeline_shared_parameters, 1)
    os.makedirs("rank_0")
    ms.save_checkpoint(net, "rank_0/a.ckpt")
    assert ms.get_ckpt_path_with_strategy("rank_0/a.ckpt", 1) == "rank_0/a.ckpt"
    _raises(FileNotFoundError, "[Errno 2] No such file or directory: 'strategy.ckpt'",
            ms.get_ckpt_path_with_strategy, "rank_0/b.ckpt", "strategy.ckpt")
    os.makedirs("us/rank_0")
    _raises(ValueError, "The safetensor file of rank0 is needed for converting rank[0]'s safetensor, but it "
            "is missing.", ms.unified_safetensors, "us", None, "ud")


# ---- tools --------------------------------------------------------------------------------

def test_set_dump_and_detection():
    net, add = nn.Dense(2, 3), ops.Add()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        ms.set_dump(net)
        ms.tools.set_dump(add, False)
    assert any("not supported by set_dump" in str(w.message) for w in caught)
    assert net.get_flags() == {"dump": True} and add.attrs["dump"] == "false"
    _raises(ValueError, 'The "enabled" parameter must be bool.', ms.tools.set_dump, net, 1)
    _raises(ValueError, "The \"target\" parameter must be an instance of Cell or Primitive, but got an "
            "instance of <class 'int'>.", ms.tools.set_dump, 1)
    assert ms.sdc_detect_start() is None and ms.sdc_detect_stop() is None
    assert ms.get_sdc_detect_result() is False
    _raises(RuntimeError, "Stress detection is not supported.", ms.stress_detect)
    assert ms.tools.stress_detect("x") == 1


# ---- 8-bit dtypes -------------------------------------------------------------------------

def test_eight_bit_dtypes():
    names = {"float8_e4m3fn": ("mindspore.float8_e4m3fn", "Float8E4M3FN"),
             "float8_e5m2": ("mindspore.float8_e5m2", "Float8E5M2"),
             "hifloat8": ("mindspore.hifloat8", "HiFloat8"), "qint4x2": ("mindspore.int4", "Int4")}
    for name, (shown, text) in names.items():
        d = getattr(ms, name)
        assert (repr(d), str(d)) == (shown, text) and d is getattr(mstype, name)
        assert d in mstype.number_type and d in mstype.all_types and mstype.type_size_in_bytes(d) == 1
        assert (d in mstype.float_type) == (name != "qint4x2") == isinstance(d, mstype.Float)
        with pytest.raises(KeyError):
            ms.dtype_to_nptype(d)
        with pytest.raises(KeyError):
            ms.dtype_to_pytype(d)
        with pytest.raises(TypeError):
            ms.Tensor([1.0]).astype(d)
    assert mstype.float_type[-3:] == (ms.float8_e4m3fn, ms.float8_e5m2, ms.hifloat8)
    assert mstype.number_type[-4:] == (ms.qint4x2, ms.float8_e4m3fn, ms.float8_e5m2, ms.hifloat8)

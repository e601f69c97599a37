"""``mindspore.context`` (set_context/get_context, get_jit_config, set_device, set_deterministic)
against what MindSpore 2.10's CPU build stores, returns and raises for the same calls. What
changes the process for good (set_device, set_deterministic) runs in a child interpreter."""
import os
import subprocess
import sys
import textwrap

import pytest

import easy_mindspore as ms
from easy_mindspore import context


@pytest.fixture(autouse=True)
def _restore_mode():
    yield
    context.set_context(mode=context.PYNATIVE_MODE)


def _run(code):
    r = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                       cwd=os.path.dirname(__file__), timeout=300)
    assert r.returncode == 0, r.stderr
    return r.stdout.splitlines()


def test_types_are_checked_before_anything_is_set():
    context.set_context(mode=context.PYNATIVE_MODE)
    with pytest.raises(TypeError) as e:
        context.set_context(mode=context.GRAPH_MODE, device_id="0")
    assert str(e.value) == "The parameter 'device_id' must be <class 'int'>, but got <class 'str'>"
    assert context.get_context("mode") == context.PYNATIVE_MODE
    with pytest.raises(TypeError, match=r"must be \(<class 'bool'>, <class 'int'>\), but got <class 'float'>"):
        context.set_context(save_graphs=1.0)
    for key, bad in [("device_target", 123), ("max_device_memory", True), ("variable_memory_max_size", 1),
                     ("deterministic", True), ("jit_config", "O1"), ("enable_graph_kernel", 1)]:
        with pytest.raises(TypeError, match=f"The parameter '{key}' must be"):
            context.set_context(**{key: bad})
    with pytest.raises(TypeError):
        context.set_context(1)
    # __wrapped__ is set_context without the type check
    assert context.set_context.__wrapped__.__name__ == "set_context"


def test_keys_are_set_in_order_and_unknown_keys_are_value_errors():
    with pytest.raises(ValueError, match="the keyword argument modex is not recognized"):
        context.set_context(mode=context.GRAPH_MODE, modex="ge")
    assert context.get_context("mode") == context.GRAPH_MODE  # set before modex was refused
    with pytest.raises(ValueError, match="the argument modex is not recognized"):
        context.get_context("modex")
    with pytest.raises(ValueError, match="should be context.GRAPH_MODE \\(0\\) or context.PYNATIVE_MODE"):
        context.set_context(mode=2)
    context.set_context(mode=True)
    assert context.get_context("mode") == 1 and type(context.get_context("mode")) is int
    with pytest.raises(ValueError, match="Please set 'precision_mode' through parameter ascend_config"):
        context.set_context(precision_mode="force_fp16")
    with pytest.raises(ValueError, match="'grad_for_scalar' has been removed since MindSpore 2.10"):
        context.set_context(grad_for_scalar=True)


def test_values_stored_and_returned():
    context.set_context(max_call_depth=1500, exec_order="dfs", memory_optimize_level="O1",
                        jit_syntax_level=context.STRICT, debug_level=context.DEBUG, op_timeout=10,
                        graph_kernel_flags="--opt_level=1", pynative_synchronize=True)
    assert context.get_context("max_call_depth") == 1500
    assert context.get_context("exec_order") == "dfs"
    assert context.get_context("memory_optimize_level") == 1
    assert context.get_context("jit_syntax_level") == 0 and context.get_context("debug_level") == 1
    assert context.get_context("op_timeout") == 10
    assert context.get_context("graph_kernel_flags") == "--opt_level=1"
    assert context.get_context("pynative_synchronize") is True
    context.set_context(max_call_depth=1000, exec_order="bfs", memory_optimize_level="O0",
                        jit_syntax_level=context.LAX, debug_level=context.RELEASE, op_timeout=900,
                        graph_kernel_flags="", pynative_synchronize=False)
    for key, bad, msg in [("max_call_depth", 0, "must be greater than 0"), ("exec_order", "x", "must be one of"),
                          ("memory_optimize_level", "O2", "must be one of"), ("jit_syntax_level", 5, "STRICT"),
                          ("op_timeout", -1, "bigger than or equal to 0"), ("device_id", 4096, r"\[0, 4095\]")]:
        with pytest.raises(ValueError, match=msg):
            context.set_context(**{key: bad})
    # a parameter set without a setter is checked as MindSpore's C++ context checks it
    with pytest.raises(RuntimeError, match="Got illegal param 66 and value with type <class 'int'>"):
        context.set_context(compile_cache_path=1)
    assert context.get_context("device_target") == "CPU"
    assert context.get_context("max_device_memory") == 1024.0  # a float, as MindSpore's
    assert context.get_context("profiling_options") == "training_trace"


def test_save_graphs_levels_and_path(tmp_path):
    context.set_context(save_graphs=True)
    assert context.get_context("save_graphs") == 2
    context.set_context(save_graphs=3)
    assert context.get_context("save_graphs") == 3
    with pytest.raises(ValueError, match="value for save_graphs should be 0-3 but got '4'"):
        context.set_context(save_graphs=4)
    context.set_context(save_graphs=False)
    assert context.get_context("save_graphs") == 0
    target = tmp_path / "ir" / "sub"
    old = context.get_context("save_graphs_path")
    context.set_context(save_graphs_path=str(target))
    try:
        assert target.is_dir() and (target.stat().st_mode & 0o777) == 0o700
        assert context.get_context("save_graphs_path") == os.path.realpath(str(target))
        with pytest.raises(ValueError, match="it should be Non-empty string"):
            context.set_context(save_graphs_path=" ")
    finally:
        context.set_context(save_graphs_path=old)


def test_other_devices_keys_are_ignored_on_the_cpu():
    context.set_context.__wrapped__(max_device_memory="not even a size", variable_memory_max_size="3GB",
                                    mempool_block_size="2GB", print_file_path="./p.log",
                                    ascend_config={"precision_mode": "xxx"}, gpu_config={"x": 1})
    assert context.get_context("max_device_memory") == 1024.0
    assert context.get_context("variable_memory_max_size") == "0"
    assert context.get_context("mempool_block_size") == 1.0
    assert context.get_context("print_file_path") == ""
    assert context.get_context("ascend_config") == {} and context.get_context("gpu_config") == {}
    assert not os.path.exists("./p.log")


def test_device_target():
    with pytest.raises(ValueError, match=r"must be one of \['CPU', 'GPU', 'Ascend', 'Davinci'\], but got cpu"):
        context.set_context(device_target="cpu")
    for target, shown in [("GPU", "GPU"), ("Ascend", "Ascend"), ("Davinci", "Ascend")]:
        with pytest.raises(RuntimeError, match=f"Unsupported device target {shown}.*the {shown} environment"):
            context.set_context(device_target=target)
    context.set_context(device_target="CPU")
    assert context.get_context("device_target") == "CPU"


def test_jit_config_and_get_jit_config():
    try:
        for level in ("O0", "O1", "O2"):
            context.set_context(jit_config={"jit_level": level})
            assert context.get_jit_config() == {"jit_level": level} == context.get_context("jit_config")
            assert context.get_context("jit_level") == level
        with pytest.raises(ValueError, match="the value of argument jit_level must be one of"):
            context.set_context(jit_config={"jit_level": ""})
        with pytest.raises(ValueError, match="the key of argument 'jit_config' must be one of"):
            context.set_context(jit_config={"level": "O1"})
        with pytest.raises(ValueError, match="Only jit_level set O0 can set infer_boost to on."):
            context.set_context(jit_config={"jit_level": "O1", "infer_boost": "on"})
    finally:
        context.set_context(jit_config={"jit_level": "O0", "infer_boost": "off"})


def test_deterministic_key_sets_mindspores_environment(monkeypatch):
    monkeypatch.delenv("HCCL_DETERMINISTIC", raising=False)
    monkeypatch.delenv("TE_PARALLEL_COMPILER", raising=False)
    with pytest.raises(ValueError, match=r"'deterministic' must be one of \['ON', 'OFF'\], but got on"):
        context.set_context(deterministic="on")
    context.set_context(deterministic="ON")
    assert (os.environ["HCCL_DETERMINISTIC"], os.environ["TE_PARALLEL_COMPILER"]) == ("true", "1")
    assert context.get_context("deterministic") == "ON"
    context.set_context(deterministic="OFF")
    assert "HCCL_DETERMINISTIC" not in os.environ and "TE_PARALLEL_COMPILER" not in os.environ
    assert context.get_context("deterministic") == "OFF"


def test_context_object_and_attributes():
    ctx = context._context()
    assert ctx is context.K_CONTEXT and ctx is context._context()
    assert context.get_context("enable_ge") is False
    assert context.get_context("reserve_class_name_in_scope") is True
    with pytest.raises(TypeError, match="attribute 'support_binary' should be a bool"):
        context.set_context(support_binary=1)
    with pytest.raises(TypeError):
        context.get_context(1)
    mode = context.get_context("mode")
    context.K_CONTEXT = None  # a new _Context: the parameters are the process's
    assert context._context() is not None and context.get_context("mode") == mode


def test_set_device_and_set_deterministic_once_per_process():
    out = _run("""
        import os
        import easy_mindspore as ms
        def t(f):
            try:
                return repr(f())
            except Exception as e:
                return next(c.__name__ for c in type(e).__mro__ if c.__module__ == "builtins")
        print(t(lambda: ms.set_device("CPU", 2)), ms.get_context("device_id"), tuple(ms.get_current_device()))
        print(t(lambda: ms.set_device("CPU", 2)), t(lambda: ms.set_device("CPU")), t(lambda: ms.set_device("GPU")))
        print(t(lambda: ms.set_device("CPU", -1)), t(lambda: ms.set_device("CPU", "0")), t(lambda: ms.set_device("X")))
        print(t(lambda: ms.set_context(device_id=2)), t(lambda: ms.set_context(device_id=3)))
        print(t(lambda: ms.set_deterministic(1)), t(lambda: ms.set_deterministic(True)),
              os.environ.get("HCCL_DETERMINISTIC"), os.environ.get("TE_PARALLEL_COMPILER"))
        print(t(lambda: ms.set_context(deterministic="OFF")), ms.get_context("deterministic"),
              t(lambda: ms.set_deterministic(False)))
    """)
    assert out[0] == "None 2 ('CPU', 2)"
    assert out[1].split() == ["None", "RuntimeError", "RuntimeError"]
    assert out[2].split() == ["ValueError", "TypeError", "ValueError"]
    assert out[3].split() == ["None", "TypeError"]
    assert out[4].split() == ["TypeError", "None", "true", "1"]
    assert out[5].split() == ["None", "ON", "RuntimeError"]

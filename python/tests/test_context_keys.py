"""``set_context``/``get_context`` keys as MindSpore 2.10's CPU build takes and reports them
(values and messages measured there): unknown and removed keys are errors, nothing is set when
one key of a call is wrong, another device's keys are ignored with a warning."""
import pytest

import easy_mindspore as ms
from easy_mindspore import context


@pytest.fixture(autouse=True)
def _restore_context():
    saved, locks = dict(context._context_settings), dict(context._context_set_once)
    yield
    context._context_settings.clear()
    context._context_settings.update(saved)
    context._context_set_once.update(locks)
    context._mode[0] = saved["mode"] == context.GRAPH_MODE


def test_defaults_and_stored_values():
    assert context.get_context("save_graphs") == 0 and context.get_context("max_call_depth") == 1000
    assert context.get_context("jit_config") == {} and context.get_context("exec_order") == "bfs"
    assert isinstance(context.get_context("runtime_num_threads"), int)
    context.set_context(save_graphs=True, max_call_depth=2000, jit_config={"jit_level": "O0"})
    assert context.get_context("save_graphs") == 2  # True is level 2, as MindSpore stores it
    assert context.get_context("max_call_depth") == 2000
    assert context.get_context("jit_config") == {"jit_level": "O0"}
    context.set_context(save_graphs=3)
    assert context.get_context("save_graphs") == 3


def test_keys_of_another_device_are_ignored_with_a_warning(capsys):
    context.set_context(max_device_memory="4GB", variable_memory_max_size="1GB")
    assert context.get_context("max_device_memory") == 1024.0
    assert context.get_context("variable_memory_max_size") == "0"
    err = capsys.readouterr().err
    assert "when set the argument 'max_device_memory'" in err and "ignore it" in err


def test_bad_keys_and_values_set_nothing():
    cases = [(ValueError, "the keyword argument nonsense_key is not recognized",
              dict(mode=context.GRAPH_MODE, nonsense_key=1)),
             (ValueError, "'grad_for_scalar' has been removed", dict(grad_for_scalar=True)),
             (ValueError, "value for save_graphs should be 0-3 but got '4'", dict(save_graphs=4)),
             (ValueError, "'max_call_depth' must be greater than 0", dict(max_call_depth=0)),
             (TypeError, "'pynative_synchronize' must be <class 'bool'>", dict(pynative_synchronize=1)),
             (ValueError, "should be context.GRAPH_MODE", dict(mode=5)),
             (RuntimeError, "Unsupported device target GPU", dict(device_target="GPU"))]
    for cls, message, kwargs in cases:
        with pytest.raises(cls, match=message):
            context.set_context(**kwargs)
    # The first call named a good key before the bad one: it was not set either.
    assert context.get_context("mode") == context.PYNATIVE_MODE
    with pytest.raises(ValueError, match="the argument nope is not recognized"):
        context.get_context("nope")
    assert ms.get_context("device_target") == "CPU"


def test_keys_mindspore_converts_or_checks(tmp_path):
    """MindSpore 2.10 keeps ``jit_level`` as given, ``memory_optimize_level`` as its number and
    paths as absolute ones; it refuses a missing ``env_config_path`` file and takes
    ``enable_auto_mixed_precision`` without keeping it (its get_context does not know it)."""
    assert context.get_context("jit_level") == "" and context.get_context("dataset_broadcast_opt_level") == 0
    cfg = tmp_path / "env.json"
    cfg.write_text("{}")
    context.set_context(jit_level="O2", memory_optimize_level="O1", save_graphs_path=str(tmp_path / "g"),
                        env_config_path=str(cfg), dataset_broadcast_opt_level=3,
                        enable_auto_mixed_precision=True)
    assert context.get_context("jit_level") == "O2" and context.get_context("memory_optimize_level") == 1
    assert context.get_context("save_graphs_path") == str((tmp_path / "g").resolve())
    assert context.get_context("env_config_path") == str(cfg.resolve())
    assert context.get_context("dataset_broadcast_opt_level") == 3
    with pytest.raises(ValueError, match="enable_auto_mixed_precision is not recognized"):
        context.get_context("enable_auto_mixed_precision")
    cases = [(ValueError, r"must be one of \['O0', 'O1'\], but got O2", dict(memory_optimize_level="O2")),
             (ValueError, "'env_config_path' file .* is not exists", dict(env_config_path=str(tmp_path))),
             (ValueError, "'precompile_only' has been removed since MindSpore 2.10 version. Please use the "
                          "env MS_DEV_PRECOMPILE_ONLY instead.", dict(precompile_only=True)),
             (RuntimeError, "Got illegal param 87 and value with type", dict(jit_level=3))]
    for cls, message, kwargs in cases:
        with pytest.raises(cls, match=message):
            context.set_context(**kwargs)

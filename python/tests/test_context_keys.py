"""``set_context``/``get_context`` keys as MindSpore 2.10's CPU build takes and reports them
(values and messages measured there): unknown and removed keys are errors, nothing is set when
one key of a call is wrong, another device's keys are ignored with a warning."""
import pytest

import easy_mindspore as ms
from easy_mindspore import context


@pytest.fixture(autouse=True)
def _restore_context():
    saved = dict(context._context)
    yield
    context._context.clear()
    context._context.update(saved)
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
